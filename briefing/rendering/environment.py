"""The Jinja2 environment every rendering uses.

- Sandboxed, with ``StrictUndefined``: a template may read the ``Briefing``
  but not reach into Python, and a misspelt field is an error naming the
  template file and line, not a silent blank.
- Autoescaped for HTML templates (names ending ``.html`` or ``.html.j2``), so
  article text stays text. Markdown templates escape with the ``md`` filters.
- Time-limited and size-capped: a template that runs longer than
  ``templates.time_limit`` seconds (a runaway loop) is stopped with an error
  naming file and line (``limits.py``, ``capped.py``); each rendering runs in
  a child process killed if it overruns or takes too much memory
  (``watchdog.py``).
- Confined: a template file that resolves outside its folder (a symbolic
  link to ``/etc/passwd``) is refused.
- Two folders: the user's templates folder (``templates.user_folder``)
  overrides the default folder file by file; a user template can extend the
  default it replaces with ``{% extends "default:briefing.html.j2" %}``.
- Macros fall back: importing a user's file that replaces a default macros
  file yields the user's macros over the default's, so a macro added to the
  defaults after the user copied the file still works for them
  (``macro_fallback.py``).
"""

from __future__ import annotations

import time
import traceback
from pathlib import Path

import jinja2
from jinja2 import BaseLoader, FileSystemLoader, TemplateNotFound
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from briefing.config import Settings
from briefing.errors import TemplateError
from briefing.rendering.explain import ExplainedUndefined, describe_error
from briefing.rendering.filters import make_filters
from briefing.rendering.limits import LimitExceeded, LoopLimits
from briefing.rendering.macro_fallback import LayeredTemplate
from briefing.rendering.watchdog import run_isolated

DEFAULT_PREFIX = "default:"
HTML_SUFFIXES = (".html", ".html.j2", ".htm")
#: what a template may raise while rendering, besides Jinja's own errors
RUNTIME_ERRORS = (TypeError, ValueError, ArithmeticError, AttributeError, LookupError, RecursionError)


class TemplateFolders(BaseLoader):
    """Templates from the user's folder first, then the default folder.

    ``default:<name>`` always reads the default folder, so a user template can
    extend the default it replaces without extending itself.
    """

    def __init__(self, default_folder: Path, user_folder: Path | None = None) -> None:
        self.default_folder = Path(default_folder)
        self.user_folder = Path(user_folder) if user_folder else None
        self._default = FileSystemLoader(str(self.default_folder))
        self._user = FileSystemLoader(str(self.user_folder)) if self.user_folder else None

    @property
    def folders(self) -> list[Path]:
        return [folder for folder in (self.user_folder, self.default_folder) if folder]

    def get_source(self, environment, template):
        if template.startswith(DEFAULT_PREFIX):
            return self._confined(self._default, self.default_folder, environment, template.removeprefix(DEFAULT_PREFIX))
        if self._user is not None and self.user_folder is not None:
            try:
                return self._confined(self._user, self.user_folder, environment, template)
            except TemplateNotFound:
                pass
        return self._confined(self._default, self.default_folder, environment, template)

    @staticmethod
    def _confined(loader: FileSystemLoader, folder: Path, environment, template: str):
        """The source of ``template`` from ``loader``, refused when its file resolves outside ``folder``."""
        source, filename, uptodate = loader.get_source(environment, template)
        refusal = link_refusal(Path(filename), folder)
        if refusal:
            raise SecurityError(refusal)
        return source, filename, uptodate

    def replaced_default(self, name: str, filename: str | None) -> str | None:
        """``default:<name>`` when ``filename`` is a user's file replacing the default ``name``, else None."""
        if self.user_folder is None or filename is None or name.startswith(DEFAULT_PREFIX):
            return None
        default = self.default_folder / name
        if not default.is_file() or Path(filename).resolve() == default.resolve():
            return None
        return DEFAULT_PREFIX + name

    def list_templates(self) -> list[str]:
        names = set(self._default.list_templates())
        if self._user is not None:
            names.update(self._user.list_templates())
        return sorted(names)


def link_refusal(path: Path, folder: Path) -> str:
    """Why ``path`` is refused when it really leads outside ``folder`` (a symbolic link out of it), else ''."""
    target = path.resolve()
    if target.is_relative_to(Path(folder).resolve()):
        return ""
    return f"{path}: refused: it leads to {target}, outside the templates folder {folder}"


class TemplateTimeout(LimitExceeded):
    """A template ran past its time limit."""


class TimedSandbox(LoopLimits, SandboxedEnvironment):
    """The sandbox, checking the clock at every call and attribute a template makes.

    A template can only loop over what it calls or reads, so a runaway
    template is caught within one step of its deadline.
    """

    #: the user's macros files over the default's (``macro_fallback.py``)
    template_class = LayeredTemplate
    time_limit: float = 10.0
    deadline: float = float("inf")

    def _check_clock(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateTimeout(f"rendering took longer than {self.time_limit:g} s (an endless loop?)")

    def call(self, __context, __obj, *args, **kwargs):
        self._check_clock()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj, attribute):
        self._check_clock()
        return super().getattr(obj, attribute)

    def getitem(self, obj, argument):
        self._check_clock()
        return super().getitem(obj, argument)


def autoescape_html(name: str | None) -> bool:
    return name is not None and name.removeprefix(DEFAULT_PREFIX).endswith(HTML_SUFFIXES)


def make_environment(settings: Settings) -> TimedSandbox:
    """The sandboxed environment for ``settings``' template folders and zone."""
    loader = TemplateFolders(settings.templates_folder, settings.user_templates_folder)
    environment = TimedSandbox(
        loader=loader,
        undefined=ExplainedUndefined,
        autoescape=autoescape_html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    environment.filters.update(make_filters(settings.zone))
    environment.time_limit = settings.templates.time_limit
    return environment


def render_template(environment: TimedSandbox, name: str, **context) -> str:
    """Render ``name`` in a process of its own, or raise ``TemplateError`` naming the template file and line."""
    return run_isolated(lambda: render_here(environment, name, **context),
                        time_limit=environment.time_limit, template=template_file(environment, name))


def render_here(environment: TimedSandbox, name: str, **context) -> str:
    """Render ``name`` in this process (the sandbox's own limits only)."""
    environment.deadline = time.monotonic() + environment.time_limit
    try:
        return environment.get_template(name).render(**context)
    except TemplateNotFound as exc:
        folders = " or ".join(str(f) for f in template_folders(environment).folders)
        raise TemplateError(f"template {exc.name!r} not found in {folders}", template=name) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(f"syntax error: {exc.message}", template=exc.filename or name, line=exc.lineno) from None
    except (jinja2.TemplateError, *RUNTIME_ERRORS) as exc:
        filename, line = _template_position(exc, environment, name)
        raise TemplateError(describe_error(exc, filename, line), template=filename, line=line) from None
    finally:
        environment.deadline = float("inf")


def _template_position(exc: BaseException, environment, name: str) -> tuple[str, int | None]:
    """The innermost template frame of a rendering error (Jinja rewrites tracebacks to show them)."""
    folders = [str(folder.resolve()) for folder in template_folders(environment).folders]
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if any(str(Path(frame.filename).resolve()).startswith(folder) for folder in folders):
            return frame.filename, frame.lineno
    return template_file(environment, name), None


def template_file(environment, name: str) -> str:
    """The file ``name`` is read from (the user's folder first), or ``name`` when there is none."""
    loader = template_folders(environment)
    bare = name.removeprefix(DEFAULT_PREFIX)
    folders = [loader.default_folder] if name.startswith(DEFAULT_PREFIX) else loader.folders
    return next((str(folder / bare) for folder in folders if (folder / bare).is_file()), name)


def template_folders(environment) -> TemplateFolders:
    """The environment's loader: always ``TemplateFolders`` (``make_environment``)."""
    loader = environment.loader
    if not isinstance(loader, TemplateFolders):
        raise TypeError(f"expected an environment of make_environment(), with TemplateFolders, not {loader!r}")
    return loader
