"""Rendering: the ``Briefing`` as Markdown, HTML e-mail, PDF, ``.eml``, plain text and JSON.

    from briefing.rendering import render_formats, write_archive_index, build_message

Each format is a function registered in ``registry.RENDERINGS`` by its module
(``markdown``, ``html_email``, ``pdf``, ``eml``, ``plain_text``, ``json_model``);
the templates they fill are in the templates folder (``briefing.md.j2``,
``briefing.html.j2``, ``briefing.pdf.html.j2``, ``briefing.txt.j2``), read
through the sandboxed environment of ``environment.py``. The JSON is the
model itself, with no template.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from briefing.composition import Briefing
from briefing.config import FORMATS, Settings
from briefing.errors import RenderError
from briefing.fileio import write_atomic
from briefing.rendering import (  # noqa: F401  (they register their formats)
    appendix,
    eml,
    html_email,
    json_model,
    markdown,
    pdf,
    plain_text,
)
from briefing.rendering.archive import write_archive_index
from briefing.rendering.eml import build_message
from briefing.rendering.environment import make_environment, render_template
from briefing.rendering.registry import RENDERINGS, RenderJob

__all__ = [
    "RENDERINGS",
    "build_message",
    "make_environment",
    "render_formats",
    "render_template",
    "render_to_memory",
    "write_archive_index",
]


#: formats slow enough (WeasyPrint: a second or more) to be rendered in a process of their own, beside the others
RENDERED_ASIDE = ("pdf",)


def render_to_memory(briefing: Briefing, settings: Settings, formats: Sequence[str]) -> dict[str, bytes | str]:
    """Each asked format rendered, in memory, in the order asked."""
    unknown = [name for name in formats if name not in RENDERINGS]
    if unknown:
        known = sorted(RENDERINGS, key=lambda name: (FORMATS.index(name) if name in FORMATS else len(FORMATS), name))
        raise RenderError(f"unknown format {unknown[0]!r}, expected some of {', '.join(known)}")
    job = RenderJob(briefing, settings, make_environment(settings))
    if settings.output.appendix:
        formats = [*formats, *([appendix.FORMAT] if appendix.FORMAT not in formats else [])]
    if len(formats) > 1 and hasattr(os, "fork"):
        for name in RENDERED_ASIDE:
            if name in formats:
                job.start_aside(name)  # on another core while this process renders the rest
    try:
        return {name: job.output(name) for name in formats}
    finally:
        job.stop_aside()


def render_formats(briefing: Briefing, settings: Settings, formats: Sequence[str], out_dir: Path) -> dict[str, Path]:
    """Render every format, then write each file atomically into ``out_dir``; format -> path.

    Everything is rendered before anything is written, so a failing format
    leaves the folder as it was.
    """
    outputs = render_to_memory(briefing, settings, formats)
    return {
        name: write_atomic(Path(out_dir) / RENDERINGS[name].filename, content)
        for name, content in outputs.items()
    }
