"""The exceptions the library raises.

Library code raises these and never prints or exits; only ``briefing.cli``
turns them into one-line messages and exit codes. Each message names the file
(or key, or template) and the problem, so it reads well on its own.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base class: everything the CLI reports as a clean one-line error."""

    exit_code = 1


class ConfigError(BriefingError):
    """The configuration file is missing, unreadable or invalid."""

    exit_code = 2


class ReaderError(BriefingError):
    """An article file could not be read. ``path`` names the file."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class FetchError(ReaderError):
    """A URL could not be fetched."""


class StoreError(BriefingError):
    """The article store could not be opened, migrated or written."""


class StoreMissing(StoreError):
    """The SQLite store file is not there, and the command may not make it (``briefing.store_guard``)."""


class TemplateError(BriefingError):
    """A template failed to load or render. Names the file and line."""

    def __init__(self, message: str, template: str = "", line: int | None = None) -> None:
        self.template = template
        self.line = line
        where = f"{template}:{line}" if template and line else template
        super().__init__(f"{where}: {message}" if where else message)


class RenderError(BriefingError):
    """A rendering (Markdown, HTML, PDF, e-mail) could not be produced."""


class DeliveryError(BriefingError):
    """A briefing could not be delivered."""


class OutputError(BriefingError):
    """A briefing could not be written to the output folder (read-only, full disk). Names the folder."""


class LockHeld(BriefingError):
    """Another process holds the lock for this briefing."""

    exit_code = 3
