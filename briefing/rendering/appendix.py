"""The appendix: one HTML page listing every story of the period, by section (``generate --appendix``).

The briefing itself stays short (its caps are in ``composition/size.py``);
whoever wants the whole day asks for this page, ``articles.html`` beside the
briefing. It reads ``briefing.all_stories`` through the same sandboxed
environment and can be overridden like any template (``articles.html.j2``).
"""

from __future__ import annotations

from briefing.rendering.environment import render_template
from briefing.rendering.registry import RenderJob, register

FORMAT = "appendix"
TEMPLATE = "articles.html.j2"


@register(FORMAT, "articles.html")
def render_appendix(job: RenderJob) -> str:
    return render_template(job.environment, TEMPLATE, briefing=job.briefing)
