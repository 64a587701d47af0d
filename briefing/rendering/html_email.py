"""The HTML e-mail: one file, its stylesheet inlined into style attributes.

The template links nothing: it includes ``email.css`` in a ``<style>`` block,
and css_inline moves every rule into the elements' ``style`` attributes,
keeping only the ``@media`` rules (dark mode, narrow screens) in the head,
where the mail clients that honour them look. Nothing remote is loaded.
"""

from __future__ import annotations

import css_inline

from briefing.composition import Briefing
from briefing.errors import RenderError
from briefing.rendering.budget import fit_to_budget
from briefing.rendering.environment import render_template
from briefing.rendering.registry import RenderJob, register

TEMPLATE = "briefing.html.j2"
INLINER = css_inline.CSSInliner(
    keep_style_tags=False,
    keep_link_tags=False,
    keep_at_rules=True,
    load_remote_stylesheets=False,
)


@register("html", "briefing.html")
def render_email_html(job: RenderJob) -> str:
    """The e-mail, kept under ``email.max_html_kb`` (the lowest-ranked stories left to the PDF beyond it)."""
    def render(briefing: Briefing) -> str:
        return inline_css(render_template(job.environment, TEMPLATE, briefing=briefing))

    return fit_to_budget(job.briefing, render, job.settings.email.max_html_kb)


def inline_css(html: str) -> str:
    """``html`` with its ``<style>`` rules inlined (``@media`` rules kept)."""
    try:
        return INLINER.inline(html)
    except css_inline.InlineError as exc:
        raise RenderError(f"{TEMPLATE}: cannot inline the stylesheet: {exc}") from None
