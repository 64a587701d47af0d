"""The plain-text briefing: the e-mail's text/plain part, and ``briefing.txt``.

Written for reading as text (``briefing.txt.j2``): no Markdown tables, link
brackets or hard-break backslashes, lines wrapped at 72 columns.
"""

from __future__ import annotations

from briefing.rendering.environment import render_template
from briefing.rendering.markdown import tidy_markdown
from briefing.rendering.registry import RenderJob, register

TEMPLATE = "briefing.txt.j2"


@register("txt", "briefing.txt")
def render_plain_text(job: RenderJob) -> str:
    # the same tidying as the Markdown: no trailing spaces, at most one blank line in a row
    return tidy_markdown(render_template(job.environment, TEMPLATE, briefing=job.briefing))
