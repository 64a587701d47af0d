"""One validated configuration schema, loaded from ``config.yaml``.

Every section is a pydantic model that forbids unknown keys, so a typo is
refused rather than ignored; ``load_settings`` turns pydantic's errors into
one ``ConfigError`` whose message names the file, the key and what was
expected. Every value is checked here, at load, not when it is first used:
dates, e-mail addresses, the subject's placeholders, the page size, header
values (no line breaks), finite limits, non-empty filter words; the file
itself may not give a key twice or hold an alias bomb (``configfile.py``).
Relative paths are resolved against the configuration file's folder, so the
tool behaves the same whatever directory it is run from.
"""

from __future__ import annotations

import importlib.resources
import re
import string
from datetime import date, time
from email.utils import getaddresses
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_core import ErrorDetails

from briefing.configfile import ConfigFileProblem, read_config_yaml
from briefing.dates import parse_day
from briefing.errors import ConfigError

FORMATS = ("md", "html", "pdf", "eml", "txt", "json")
DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: a time of day (``time`` is also a field's name inside the schedule sections)
TimeOfDay = time
#: the languages the briefing's wording is written in
LANGUAGES = ("en",)
#: what ``email.subject`` may hold in braces
SUBJECT_PLACEHOLDERS = ("name", "date", "issue")
#: ``A4``, ``letter landscape``, ``210mm 297mm``: the page sizes CSS's ``@page size`` knows
PAGE_SIZE = re.compile(
    r"((A[3-5]|B[45]|JIS-B[45]|letter|legal|ledger)( (portrait|landscape))?"
    r"|(portrait|landscape)"
    r"|\d+(\.\d+)?(mm|cm|in|pt|pc|px)( \d+(\.\d+)?(mm|cm|in|pt|pc|px))?)",
    re.IGNORECASE,
)
#: an address's local part and domain, as a mail server will take it
ADDRESS = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _one_line(value: str | None) -> str | None:
    """A value that goes into an e-mail header: no line break or other control character."""
    if value is not None and CONTROL.search(value):
        raise ValueError("must be one line of text: it holds a line break or control character, "
                         "which would break the e-mail's headers")
    return value


def _address(value: str) -> str:
    """One e-mail address, bare (``a@example.com``) or with a name (``Desk <a@example.com>``)."""
    _one_line(value)
    found = getaddresses([value])
    if len(found) != 1 or not ADDRESS.fullmatch(found[0][1]):
        raise ValueError(f"expected one e-mail address such as desk@example.com or 'Desk <desk@example.com>', "
                         f"got {value!r}")
    return value


def _words(value: tuple[str, ...]) -> tuple[str, ...]:
    """Filter words: an empty one would match every article."""
    if any(not word.strip() for word in value):
        raise ValueError("holds an empty entry, which would match every article; remove it")
    return value


HeaderText = Annotated[str, AfterValidator(_one_line)]
Address = Annotated[str, AfterValidator(_address)]
Words = Annotated[tuple[str, ...], AfterValidator(_words)]


class BriefingSection(_Section):
    name: HeaderText = "Morning Briefing"
    #: the language of the briefing's wording: English only for now
    language: str = "en"
    #: the issue number printed on the masthead counts up from this date (YYYY-MM-DD)
    first_issue_date: str | None = None
    #: a briefing has a size whatever the day (a digest: twice as many top stories, at most 3 a day)
    top_stories: int = Field(default=8, ge=1)
    #: "Also today" lists at most this many stories per section, then "and N more in <section>"
    also_today_per_section: int = Field(default=6, ge=1)
    #: rows of "The day in numbers" and quotes of the day (a digest: half as many again)
    numbers_rows: int = Field(default=8, ge=0)
    quotes_of_the_day: int = Field(default=5, ge=0)

    @field_validator("language")
    @classmethod
    def _supported_language(cls, value: str) -> str:
        if value not in LANGUAGES:
            raise ValueError(f"the briefing's wording is written in {', '.join(LANGUAGES)} only, got {value!r}")
        return value

    @field_validator("first_issue_date", mode="before")
    @classmethod
    def _calendar_day(cls, value):
        if isinstance(value, date):  # YAML reads an unquoted 2026-01-01 as a date
            return value.isoformat()
        if isinstance(value, str):
            parse_day(value)  # its ValueError says why `2026-02-30` is no day
        return value


class StoreSection(_Section):
    #: where the SQLite database lives (relative to this file)
    path: Path = Path("data/briefing.sqlite3")
    #: a database URL instead of the file: postgresql+psycopg://user@host/db (docs/postgresql.md)
    url: str | None = None

    @field_validator("url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"(sqlite|postgresql(\+psycopg)?)://", value):
            raise ValueError("expected a database URL starting sqlite:// or postgresql+psycopg://")
        return value


class ArticlesSection(_Section):
    #: the folder of article files taken in before every generation
    folder: Path = Path("samples/articles")
    #: files larger than this many bytes are rejected
    max_file_bytes: int = Field(default=20_000_000, gt=0)
    #: articles dated before this year are refused at ingest (a typo or a placeholder date)
    earliest_year: int = Field(default=1900, ge=1, le=9999)
    #: ... and so are those dated more than this many years ahead
    years_ahead: int = Field(default=100, ge=0, le=1000)


#: the templates shipped with briefing, inside the package (so a wheel renders too)
BUNDLED_TEMPLATES = Path(str(importlib.resources.files("briefing") / "templates"))


class TemplatesSection(_Section):
    #: the default templates (unset: the ones shipped with briefing)
    folder: Path | None = None
    #: a user's folder whose files override the defaults file by file
    user_folder: Path | None = None
    #: seconds a single rendering may take before it is stopped
    time_limit: float = Field(default=10.0, gt=0)


class OutputSection(_Section):
    folder: Path = Path("output")
    formats: tuple[str, ...] = ("md", "html", "pdf", "eml")
    #: also write articles.html, every article of the period by section (`generate --appendix`)
    appendix: bool = False

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [f for f in value if f not in FORMATS]
        if unknown:
            raise ValueError(f"unknown format {unknown[0]!r}, expected some of {', '.join(FORMATS)}")
        return value


class PdfSection(_Section):
    #: A3-A5, B4, B5, letter, legal or ledger, optionally "landscape"; or a width and height ("210mm 297mm")
    page_size: str = "A4"
    tagged: bool = True

    @field_validator("page_size")
    @classmethod
    def _known_size(cls, value: str) -> str:
        if not PAGE_SIZE.fullmatch(value.strip()):
            raise ValueError(f"expected a page size such as A4, letter, 'A5 landscape' or '210mm 297mm', got {value!r}")
        return value.strip()


class SmtpSection(_Section):
    host: str = "localhost"
    port: int = Field(default=587, gt=0, lt=65536)
    security: Literal["starttls", "tls", "none"] = "starttls"
    #: names of environment variables holding the credentials (never the secrets themselves)
    username_env: str | None = None
    password_env: str | None = None
    timeout: float = Field(default=30.0, gt=0)
    retries: int = Field(default=3, ge=0)

    @field_validator("host")
    @classmethod
    def _host_name(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9._:\[\]-]+", value):
            raise ValueError(f"expected a host name or address such as mail.example.com, got {value!r}")
        return value


class EmailSection(_Section):
    enabled: bool = False
    sender: Address = "briefing@localhost"
    recipients: tuple[Address, ...] = ()
    #: may hold {name}, {date} and {issue}
    subject: HeaderText = "{name} — {date}"
    unsubscribe: HeaderText | None = None
    attach_pdf: bool = False
    #: e-mail a briefing that has no articles (off: it is written, not sent, and the run says so)
    send_empty: bool = False
    #: e-mail a briefing made again because its articles changed (off: the update is written, not sent)
    send_updates: bool = False
    #: the e-mail's HTML is kept under this many KB (Gmail clips a message at about 102 KB); beyond it
    #: the lowest-ranked stories are left to the PDF and a note says how many
    max_html_kb: int = Field(default=90, gt=0)
    smtp: SmtpSection = SmtpSection()

    @field_validator("subject")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        try:
            fields = [(key, spec, conversion) for _, key, spec, conversion in string.Formatter().parse(value)
                      if key is not None]
        except ValueError as exc:
            raise ValueError(f"{exc} (write {{{{ and }}}} for a brace itself)") from None
        names = [f"{{{name}}}" for name in SUBJECT_PLACEHOLDERS]
        allowed = f"{', '.join(names[:-1])} or {names[-1]}"
        for key, spec, conversion in fields:
            if key not in SUBJECT_PLACEHOLDERS or spec or conversion:
                shown = "{" + key + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                raise ValueError(f"unknown placeholder {shown}; use {allowed}")
        return value


class ScheduleSection(_Section):
    #: HH:MM (HH:MM:SS is taken too, for trying a schedule out)
    time: str = "06:30"
    days: tuple[str, ...] = DAY_NAMES
    #: how late a missed run may still be made up, in hours after its time
    catch_up_hours: float = Field(default=18.0, ge=0)
    #: which day a run's briefing is for: the day before the run (a morning
    #: briefing of yesterday's articles) or the day of the run itself
    covers: Literal["previous_day", "same_day"] = "previous_day"
    #: how often each scheduler looks for a briefing that is due and not made (its maker stopped
    #: mid-run, on this machine or another) and makes it: the longest a takeover waits
    recheck_seconds: float = Field(default=300.0, gt=0)
    #: a failed scheduled run is tried again after this many seconds, then twice as long, and so
    #: on, while it is at most catch_up_hours late (the recheck above is when it looks)
    retry_seconds: float = Field(default=300.0, gt=0)

    @field_validator("time")
    @classmethod
    def _clock_time(cls, value: str) -> str:
        if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?", value):
            raise ValueError(f"expected a time of day as HH:MM, got {value!r}")
        return value

    @field_validator("days")
    @classmethod
    def _day_names(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [d for d in value if d not in DAY_NAMES]
        if bad:
            raise ValueError(f"unknown day {bad[0]!r}, expected some of {', '.join(DAY_NAMES)}")
        return value

    @property
    def clock(self) -> TimeOfDay:
        return TimeOfDay.fromisoformat(self.time)


class PreviewSection(_Section):
    #: the port `briefing preview` listens on, on 127.0.0.1 only (0: any free port)
    port: int = Field(default=8765, ge=0, lt=65536)


class RankingSection(_Section):
    """Story ranking by news value (docs/ranking.md): points per signal, overriding the defaults."""

    #: e.g. {deaths_injuries: 6.0, soft_news: -5.0}; a signal left out keeps its default weight
    weights: dict[str, float] = {}
    #: how many earlier days are read to tell a follow-up of a running story
    follow_up_days: int = Field(default=3, ge=0, le=30)

    @field_validator("weights")
    @classmethod
    def _known_signals(cls, value: dict[str, float]) -> dict[str, float]:
        from briefing.composition.ranking import DEFAULT_WEIGHTS

        unknown = [name for name in value if name not in DEFAULT_WEIGHTS]
        if unknown:
            raise ValueError(f"unknown signal {unknown[0]!r}, expected some of {', '.join(DEFAULT_WEIGHTS)}")
        return value


class SectionsSection(_Section):
    """How article sections are named and ordered in "Also today"."""

    #: headings in this order; sections not listed follow in alphabetical order, ``other`` last
    order: tuple[str, ...] = ()
    #: a section as articles give it (any case) -> the heading shown; null or "" hides it (the story
    #: goes under ``other``). Export labels such as "English Section" are hidden by default.
    rename: dict[str, str | None] = {}
    #: the heading for stories with no section
    other: str = "Other"


class EditionFilter(_Section):
    """Which stored articles an edition takes: those that pass every kind of test given.

    Within a kind any one will do (a section among ``sections``, a keyword
    among ``keywords``). Sections and sources are compared without regard to
    case (a source is the publisher or one of the agencies an article names);
    a keyword is found in the title, lead or body as a whole word or phrase;
    ``query`` is a full-text query in the store's syntax.
    """

    sections: Words = ()
    sources: Words = ()
    keywords: Words = ()
    query: str | None = None

    @field_validator("query")
    @classmethod
    def _some_query(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("is empty, which would match every article; remove it or write null")
        return value


def _known_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {value!r}, expected an IANA name such as Europe/Warsaw") from None
    return value


class EditionSchedule(_Section):
    """When an edition runs; what is left out is taken from the top-level ``schedule`` and ``timezone``."""

    time: str | None = None
    days: tuple[str, ...] | None = None
    #: the edition's time zone: its clock for ``time`` and the zone its days are cut in
    timezone: str | None = None

    @field_validator("time")
    @classmethod
    def _clock_time(cls, value: str | None) -> str | None:
        return value if value is None else ScheduleSection._clock_time(value)

    @field_validator("days")
    @classmethod
    def _day_names(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return value if value is None else ScheduleSection._day_names(value)

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str | None) -> str | None:
        return value if value is None else _known_zone(value)


class EditionTemplates(_Section):
    user_folder: Path | None = None


class EditionSection(_Section):
    """One briefing of several: its name (also its output folder), articles, schedule, look and readers."""

    name: str
    #: the masthead's name (default: ``briefing.name``)
    title: HeaderText | None = None
    filter: EditionFilter = EditionFilter()
    schedule: EditionSchedule = EditionSchedule()
    templates: EditionTemplates = EditionTemplates()
    #: the renderings to make (default: ``output.formats``)
    formats: tuple[str, ...] | None = None
    #: who gets it by e-mail (default: ``email.recipients``)
    recipients: tuple[Address, ...] | None = None

    @field_validator("name")
    @classmethod
    def _folder_name(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,62}", value):
            raise ValueError(f"expected lower-case letters, digits, '-' or '_' (it names a folder), got {value!r}")
        return value

    @field_validator("formats")
    @classmethod
    def _formats(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        return value if value is None else OutputSection._known_formats(value)


#: the edition's name when none are configured: the one briefing, as before editions existed
DEFAULT_EDITION = "default"


class Settings(_Section):
    """The whole configuration. ``base_dir`` is the folder of the file it came from."""

    timezone: str = "Europe/Warsaw"
    briefing: BriefingSection = BriefingSection()
    store: StoreSection = StoreSection()
    articles: ArticlesSection = ArticlesSection()
    templates: TemplatesSection = TemplatesSection()
    output: OutputSection = OutputSection()
    pdf: PdfSection = PdfSection()
    email: EmailSection = EmailSection()
    schedule: ScheduleSection = ScheduleSection()
    preview: PreviewSection = PreviewSection()
    ranking: RankingSection = RankingSection()
    sections: SectionsSection = SectionsSection()
    #: several briefings from one store (none: one default edition, as before)
    editions: tuple[EditionSection, ...] = ()
    base_dir: Path = Field(default=Path("."), exclude=True)
    source_file: Path | None = Field(default=None, exclude=True)
    #: the edition these settings are for (see ``for_edition``); None: the default one
    edition: EditionSection | None = Field(default=None, exclude=True)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        return _known_zone(value)

    @field_validator("editions")
    @classmethod
    def _unique_names(cls, value: tuple[EditionSection, ...]) -> tuple[EditionSection, ...]:
        names = [edition.name for edition in value]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"edition {twice[0]!r} is configured twice; names must be unique")
        return value

    @property
    def edition_name(self) -> str:
        return self.edition.name if self.edition else DEFAULT_EDITION

    @property
    def edition_names(self) -> list[str]:
        """The editions to make: those configured, or the default one."""
        return [edition.name for edition in self.editions] or [DEFAULT_EDITION]

    def for_edition(self, name: str | None) -> Settings:
        """These settings as one edition sees them: its schedule, zone, templates, formats, recipients.

        ``None`` (or ``default`` with no editions configured) is the default edition: unchanged.
        """
        if name is None or (name == DEFAULT_EDITION and not self.editions):
            return self
        edition = next((e for e in self.editions if e.name == name), None)
        if edition is None:
            where = self.source_file or "the configuration"
            known = ", ".join(e.name for e in self.editions) or f"none (only {DEFAULT_EDITION!r})"
            raise ConfigError(f"{where}: no edition {name!r}; known editions: {known}")
        return _edition_settings(self, edition)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def resolve(self, path: Path) -> Path:
        """A configured path, made absolute against the configuration's folder."""
        path = Path(path).expanduser()
        return path if path.is_absolute() else (self.base_dir / path).resolve()

    @property
    def store_path(self) -> Path:
        return self.resolve(self.store.path)

    @property
    def articles_folder(self) -> Path:
        return self.resolve(self.articles.folder)

    @property
    def templates_folder(self) -> Path:
        folder = self.templates.folder
        return self.resolve(folder) if folder else BUNDLED_TEMPLATES

    @property
    def user_templates_folder(self) -> Path | None:
        folder = self.templates.user_folder
        return self.resolve(folder) if folder else None

    @property
    def output_root(self) -> Path:
        """The configured output folder, holding every edition (and the archive index)."""
        return self.resolve(self.output.folder)

    @property
    def output_folder(self) -> Path:
        """Where this edition's briefings go: ``output/`` for the default, ``output/EDITION/`` otherwise."""
        return self.output_root / self.edition.name if self.edition else self.output_root

    @property
    def store_url(self) -> str:
        """The store's database: ``store.url`` when set, else the SQLite file at ``store.path``."""
        return self.store.url or f"sqlite:///{self.store_path}"

    def with_appendix(self) -> Settings:
        """These settings with ``output.appendix`` on (``generate --appendix``)."""
        return self.model_copy(update={"output": self.output.model_copy(update={"appendix": True})})

    def with_user_templates(self, folder: Path | None) -> Settings:
        """These settings with ``folder`` (e.g. from ``--templates``) as the user's templates folder."""
        if folder is None:
            return self
        templates = self.templates.model_copy(update={"user_folder": Path(folder).expanduser().resolve()})
        return self.model_copy(update={"templates": templates})


def _describe(error: ErrorDetails) -> str:
    key = ".".join(str(part) for part in error["loc"]) or "(top level)"
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{key}'"
    message = error["msg"].removeprefix("Value error, ")
    if "input" in error and kind not in ("value_error",) and not isinstance(error["input"], dict):
        message += f", got {error['input']!r}"
    return f"key '{key}': {message}"


def load_settings(path: Path | str | None = None, **overrides) -> Settings:
    """Load and validate a configuration file (or the defaults when ``path`` is None)."""
    if path is None:
        return Settings(base_dir=Path.cwd().resolve(), **overrides)
    path = Path(path)
    try:
        raw = read_config_yaml(path.read_text(encoding="utf-8")) or {}
    except ConfigFileProblem as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"{path}: not valid YAML{where}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of settings at the top level")
    raw.update(overrides)
    try:
        return Settings(**raw, base_dir=path.parent.resolve(), source_file=path.resolve())
    except ValidationError as exc:
        problems = "; ".join(_describe(e) for e in exc.errors())
        raise ConfigError(f"{path}: {problems}") from None


def _edition_settings(settings: Settings, edition: EditionSection) -> Settings:
    plan = edition.schedule
    schedule = settings.schedule.model_copy(update={
        key: value for key, value in (("time", plan.time), ("days", plan.days)) if value is not None})
    return settings.model_copy(update={
        "edition": edition,
        "timezone": plan.timezone or settings.timezone,
        "schedule": schedule,
        "briefing": settings.briefing.model_copy(update={"name": edition.title or settings.briefing.name}),
        "templates": settings.templates.model_copy(
            update={"user_folder": edition.templates.user_folder or settings.templates.user_folder}),
        "output": settings.output.model_copy(update={"formats": edition.formats or settings.output.formats}),
        "email": settings.email.model_copy(
            update={"recipients": settings.email.recipients if edition.recipients is None else edition.recipients}),
    })
