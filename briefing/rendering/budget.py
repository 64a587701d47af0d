"""The e-mail's size budget: its HTML stays under ``email.max_html_kb``.

Gmail clips a message whose HTML is over about 102 KB, and a clipped morning
mail loses its end without a word. When the whole briefing renders over the
budget, the lowest-ranked stories are left out of the e-mail (the PDF keeps
them) and a note in the e-mail says how many: the most stories that fit,
found by halving (a handful of renderings, not one per story).
"""

from __future__ import annotations

from collections.abc import Callable

from briefing.composition import Briefing
from briefing.composition.size import keep_best, shown_story_count


def fit_to_budget(briefing: Briefing, render: Callable[[Briefing], str], max_kb: int) -> str:
    """``render(briefing)``, or of the briefing with its fewest lowest-ranked stories left out that fits."""
    html = render(briefing)
    if _fits(html, max_kb):
        return html
    total = shown_story_count(briefing)
    fewest, most = 0, total - 1
    best = render(keep_best(briefing, 0, left_out_note(total, max_kb)))
    while fewest <= most:
        kept = (fewest + most) // 2
        candidate = render(keep_best(briefing, kept, left_out_note(total - kept, max_kb)))
        if _fits(candidate, max_kb):
            best, fewest = candidate, kept + 1
        else:
            most = kept - 1
    return best


def left_out_note(count: int, max_kb: int) -> str:
    stories = "story" if count == 1 else "stories"
    return (f"To stay under {max_kb} KB, this e-mail leaves out the {count} lowest-ranked {stories}; "
            "the PDF of this briefing has them.")


def _fits(html: str, max_kb: int) -> bool:
    return len(html.encode("utf-8")) <= max_kb * 1024
