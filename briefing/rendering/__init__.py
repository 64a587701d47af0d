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
from collections.abc import Callable, Sequence
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
from briefing.rendering.watchdog import Isolated

__all__ = [
    "RENDERINGS",
    "build_message",
    "make_environment",
    "render_formats",
    "render_template",
    "render_to_memory",
    "start_ahead",
    "write_archive_index",
]


#: formats slow enough (WeasyPrint: a second or more) to be rendered in a process of their own, beside the
#: others, and what that process loads when started ahead
RENDERED_ASIDE: dict[str, Callable[[], None]] = {"pdf": pdf.load}


def start_ahead(formats: Sequence[str]) -> dict[str, Isolated]:
    """A process for each slow format among ``formats``, started now to load what it needs (WeasyPrint)
    while the briefing is composed; ``render_to_memory(..., ahead=)`` gives each its work.

    Stop those not used (``Isolated.stop``): ``render_to_memory`` does for those it is given.
    """
    if not hasattr(os, "fork"):
        return {}
    return {name: Isolated.ahead(load) for name, load in RENDERED_ASIDE.items() if name in formats}


def render_to_memory(briefing: Briefing, settings: Settings, formats: Sequence[str], *,
                     ahead: dict[str, Isolated] | None = None,
                     meanwhile: Callable[[], object] | None = None) -> dict[str, bytes | str]:
    """Each asked format rendered, in memory, in the order asked; ``ahead``: processes from ``start_ahead``.

    ``meanwhile`` is called once the slow formats are being rendered aside (or first, when none is):
    work of this process that the briefing does not wait for.
    """
    unknown = [name for name in formats if name not in RENDERINGS]
    if unknown:
        known = sorted(RENDERINGS, key=lambda name: (FORMATS.index(name) if name in FORMATS else len(FORMATS), name))
        raise RenderError(f"unknown format {unknown[0]!r}, expected some of {', '.join(known)}")
    job = RenderJob(briefing, settings, make_environment(settings), ahead=dict(ahead or {}))
    if settings.output.appendix:
        formats = [*formats, *([appendix.FORMAT] if appendix.FORMAT not in formats else [])]
    if (len(formats) > 1 or job.ahead) and hasattr(os, "fork"):
        for name in RENDERED_ASIDE:
            if name in formats:
                job.start_aside(name)  # on another core while this process renders the rest
    try:
        if meanwhile is not None:
            meanwhile()
        for name in sorted(formats, key=lambda name: name in job.aside):  # the others while those aside are made
            job.output(name)
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
