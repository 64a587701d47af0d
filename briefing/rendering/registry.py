"""The table of renderings: each format registers the function that makes it.

A rendering may use another (the ``.eml`` holds the Markdown and the HTML);
``RenderJob.output`` renders each format once and keeps it for the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jinja2.sandbox import SandboxedEnvironment

from briefing.composition import Briefing
from briefing.config import Settings


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
    environment: SandboxedEnvironment
    done: dict[str, bytes | str] = field(default_factory=dict)

    def output(self, format_name: str) -> bytes | str:
        if format_name not in self.done:
            self.done[format_name] = RENDERINGS[format_name].render(self)
        return self.done[format_name]
