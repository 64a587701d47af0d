"""The table of renderings: each format registers the function that makes it.

A rendering may use another (the ``.eml`` holds the Markdown and the HTML);
``RenderJob.output`` renders each format once and keeps it for the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from briefing.composition import Briefing
from briefing.config import Settings
from briefing.rendering.environment import TemplateFolders, TimedSandbox


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

    def output(self, format_name: str) -> bytes | str:
        if format_name not in self.done:
            self.done[format_name] = RENDERINGS[format_name].render(self)
        return self.done[format_name]

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
