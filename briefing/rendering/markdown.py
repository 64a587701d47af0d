"""The Markdown rendering: CommonMark that reads well on GitHub and in chat tools."""

from __future__ import annotations

import re

from briefing.rendering.environment import render_template
from briefing.rendering.registry import RenderJob, register

TEMPLATE = "briefing.md.j2"


@register("md", "briefing.md")
def render_markdown(job: RenderJob) -> str:
    return tidy_markdown(render_template(job.environment, TEMPLATE, briefing=job.briefing))


def tidy_markdown(text: str) -> str:
    """No trailing spaces (they are hard line breaks in Markdown), at most one blank line in a row."""
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
