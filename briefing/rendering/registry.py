"""The table of renderings: each format registers the function that makes it.

A rendering may use another (the ``.eml`` holds the Markdown and the HTML);
``RenderJob.output`` renders each format once and keeps it for the others.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from briefing.composition import Briefing
from briefing.config import Settings
from briefing.errors import BriefingError, RenderError
from briefing.rendering.environment import TemplateFolders, TimedSandbox
from briefing.rendering.watchdog import Isolated

#: a rendering begun aside has no time limit of its own (its templates have theirs); this only bounds a hang
ASIDE_TIME_LIMIT = 3600.0


@dataclass(frozen=True)
class Rendering:
    """One output format: its file name and the function that renders it."""

    format: str
    filename: str
    render: Callable[[RenderJob], bytes | str]


RENDERINGS: dict[str, Rendering] = {}


def register(format_name: str, filename: str):
    """Decorator: register ``function(job) -> bytes | str`` as the rendering of ``format_name``."""

    def decorate(function: Callable[[RenderJob], bytes | str]):
        RENDERINGS[format_name] = Rendering(format_name, filename, function)
        return function

    return decorate


@dataclass
class RenderJob:
    """One briefing being rendered: its settings, environment, and the formats made so far."""

    briefing: Briefing
    settings: Settings
    environment: TimedSandbox
    done: dict[str, bytes | str] = field(default_factory=dict)
    aside: dict[str, Isolated] = field(default_factory=dict)
    #: processes started ahead (``Isolated.ahead``), each waiting to render its format
    ahead: dict[str, Isolated] = field(default_factory=dict)

    def output(self, format_name: str) -> bytes | str:
        if format_name not in self.done:
            started = self.aside.pop(format_name, None)
            self.done[format_name] = (RENDERINGS[format_name].render(self) if started is None else started.result(
                time_limit=ASIDE_TIME_LIMIT, template=RENDERINGS[format_name].filename))
        return self.done[format_name]

    def start_aside(self, format_name: str) -> None:
        """Begin rendering ``format_name`` in a process of its own, beside the others; ``output`` collects it."""
        if format_name in self.done or format_name in self.aside:
            return
        waiting = self.ahead.pop(format_name, None)
        if waiting is None:
            self.aside[format_name] = Isolated(lambda: _render_reporting(self, format_name))
        else:  # the environment does not travel: the child makes its own from the same settings
            waiting.send(functools.partial(_render_anew, self.briefing, self.settings, format_name))
            self.aside[format_name] = waiting

    def stop_aside(self) -> None:
        """Stop the renderings begun aside or ahead and not collected (another format failed)."""
        for started in (*self.aside.values(), *self.ahead.values()):
            started.stop()
        self.aside.clear()
        self.ahead.clear()

    def text(self, format_name: str) -> str:
        """A rendering that is text (Markdown, HTML, plain text)."""
        output = self.output(format_name)
        if not isinstance(output, str):
            raise TypeError(f"the {format_name} rendering is bytes, not text")
        return output

    def data(self, format_name: str) -> bytes:
        """A rendering that is bytes (the PDF)."""
        output = self.output(format_name)
        if not isinstance(output, bytes):
            raise TypeError(f"the {format_name} rendering is text, not bytes")
        return output

    @property
    def template_folders(self) -> list[Path]:
        """The folders templates are read from, the user's first (the PDF may read files of these only)."""
        return cast(TemplateFolders, self.environment.loader).folders


def _render_anew(briefing: Briefing, settings: Settings, format_name: str) -> bytes | str:
    """In a process started ahead: the rendering, with an environment made there."""
    from briefing.rendering.environment import make_environment

    return _render_reporting(RenderJob(briefing, settings, make_environment(settings)), format_name)


def _render_reporting(job: RenderJob, format_name: str) -> bytes | str:
    """Render in a child process, where only a ``BriefingError`` travels back: any other failure is told as one."""
    rendering = RENDERINGS[format_name]
    try:
        return rendering.render(job)
    except BriefingError:
        raise
    except Exception as exc:  # noqa: BLE001 - told to the parent, which raises it
        raise RenderError(f"{rendering.filename}: cannot make it: {type(exc).__name__}: {exc}") from None
