"""What a preview shows: the day's briefing rendered three ways, kept current.

``PreviewSession`` reloads the configuration when its file changes (a broken
one is reported, and the preview recovers when it is fixed), watches the
templates folders and the configuration, and renders a day's briefing in
memory once per change: the page and its frames (e-mail, PDF) then share one
rendering. A rendering that fails keeps every problem (``file:line:
message``) for the error page instead.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from briefing.composition import compose
from briefing.config import Settings, load_settings
from briefing.enrich import with_current_extractions
from briefing.errors import BriefingError, ConfigError
from briefing.generation import briefing_notes, issue_number
from briefing.preview.watch import FileWatch
from briefing.rendering import render_to_memory
from briefing.selection import Period, local_day
from briefing.store_guard import open_store

PREVIEW_FORMATS = ("md", "html", "pdf")
#: renderings kept (per day and version), so switching between days stays quick
CACHE_SIZE = 8


@dataclass(frozen=True)
class Rendered:
    """One day's briefing in the three renderings, or the problems that stopped them."""

    day: date
    version: int
    title: str = ""
    article_count: int = 0
    outputs: dict[str, bytes | str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


class PreviewSession:
    """The settings, the watched files and the renderings of one ``briefing preview``.

    ``user_templates`` (from ``--templates``) stays over the configured folder
    across reloads of the configuration; ``day`` (from ``--date``) is the day
    shown when a request names none, else the latest day with articles.
    """

    def __init__(self, settings: Settings, *, user_templates: Path | None = None, day: date | None = None) -> None:
        self._user_templates = user_templates
        self._settings = settings.with_user_templates(user_templates)
        self._config_path = settings.source_file
        self._config_stamp = _stamp(self._config_path)
        self._config_problem = ""
        self.fixed_day = day
        self.watch = FileWatch(self.watched_paths)
        self._cache: dict[tuple, Rendered] = {}
        self._lock = threading.Lock()
        self._settings_lock = threading.Lock()

    def watched_paths(self) -> list[Path]:
        """The templates folders (the user's and the defaults) and the configuration file."""
        folders = [self._settings.templates_folder, self._settings.user_templates_folder, self._config_path]
        return [path for path in folders if path is not None]

    def version(self) -> int:
        return self.watch.version()

    def settings(self) -> Settings:
        """The current settings, reloaded when the configuration file changed; ConfigError if it is broken."""
        with self._settings_lock:
            stamp = _stamp(self._config_path)
            if self._config_path is not None and stamp != self._config_stamp:
                self._config_stamp = stamp
                try:
                    self._settings = load_settings(self._config_path).with_user_templates(self._user_templates)
                    self._config_problem = ""
                except BriefingError as exc:
                    self._config_problem = str(exc)
            if self._config_problem:
                raise ConfigError(self._config_problem)
            return self._settings

    def default_day(self) -> date:
        """``--date``, else the latest day with articles in the store (in the configured zone), else today."""
        if self.fixed_day is not None:
            return self.fixed_day
        try:
            settings = self.settings()
            with open_store(settings, create=False) as store:
                latest = store.latest_published()
        except BriefingError:
            latest, settings = None, self._settings
        return local_day(latest, settings.zone) if latest else datetime.now(settings.zone).date()

    def render(self, day: date) -> Rendered:
        """The briefing of ``day`` as it stands now, rendered once per change of files or store."""
        with self._lock:
            version = self.version()
            try:
                settings = self.settings()
            except BriefingError as exc:
                return Rendered(day, version, problems=(str(exc),))
            rendered = self._cache.get((version, day, _store_stamp(settings)))
            if rendered is None:
                rendered = _render_day(settings, day, version)
                self._remember((version, day, _store_stamp(settings)), rendered)  # stamped after our own writes
            return rendered

    def _remember(self, key: tuple, rendered: Rendered) -> None:
        self._cache[key] = rendered
        while len(self._cache) > CACHE_SIZE:
            self._cache.pop(next(iter(self._cache)))


def _render_day(settings: Settings, day: date, version: int) -> Rendered:
    period = Period.day(day)
    try:
        with open_store(settings, create=False) as store:
            articles = with_current_extractions(store, store.articles_between(*period.window(settings.zone)))
        briefing = compose(
            settings, period, articles, issue_number=issue_number(settings, day),
            generated_at=datetime.now(settings.zone), notes=briefing_notes(None, articles),
        )
    except BriefingError as exc:
        return Rendered(day, version, problems=(str(exc),))
    outputs, problems = {}, []
    for name in PREVIEW_FORMATS:
        try:
            outputs[name] = render_to_memory(briefing, settings, (name,))[name]
        except BriefingError as exc:
            if str(exc) not in problems:  # a slip in a shared macro breaks the e-mail and the PDF alike
                problems.append(str(exc))
    return Rendered(day, version, briefing.title, len(articles), outputs, tuple(problems))


def _stamp(path: Path | None) -> tuple[int, int] | None:
    try:
        stat = path.stat() if path is not None else None
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size) if stat else None


def _store_stamp(settings: Settings) -> tuple:
    """The store's files as they stand: new articles make a new rendering."""
    path = settings.store_path
    return tuple(_stamp(Path(f"{path}{suffix}")) for suffix in ("", "-wal"))
