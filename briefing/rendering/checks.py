"""``briefing templates check``: every template tried before a real briefing depends on it.

``check_templates`` compiles every template of the folders (a syntax error in
a file nothing renders yet is still found), then renders the Markdown, the
plain text, the e-mail and the PDF of three sample briefings (a day, a digest, an empty day;
``sample.py``), so each branch of a template runs. Every problem is kept, as
``file:line: message``, not just the first. It also checks that article text
comes out escaped: a sample headline carries markup, which must never reach
the output as markup. And it notes each macro of a default macros file that
the user's copy of it lacks: the default's is used (``macro_fallback.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from briefing.config import Settings
from briefing.errors import BriefingError, TemplateError
from briefing.rendering import html_email, markdown, pdf, render_to_memory
from briefing.rendering.environment import link_refusal, make_environment, render_template, template_folders
from briefing.rendering.macro_fallback import missing_macro_notes
from briefing.rendering.sample import PROBE, sample_briefings
from briefing.rendering.watchdog import run_isolated

CHECKED_FORMATS = ("md", "txt", "html", "pdf")
#: the template of each rendering whose output is markup, for the escaping check (plain text shows
#: article text as it is, which is right there)
TEMPLATES = {"md": markdown.TEMPLATE, "html": html_email.TEMPLATE, "pdf": pdf.TEMPLATE}


@dataclass
class CheckReport:
    """What ``check_templates`` found."""

    folders: list[Path]
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    renderings: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, problem: str) -> None:
        if problem not in self.problems:  # a slip in a shared macro shows in several renderings
            self.problems.append(problem)


def check_templates(settings: Settings) -> CheckReport:
    """Compile and render every template of ``settings``' folders (the user's over the defaults)."""
    environment = make_environment(settings)
    report = CheckReport(folders=template_folders(environment).folders)
    user = settings.user_templates_folder
    if user is not None and not user.is_dir():
        report.add(f"{user}: the templates folder (templates.user_folder) does not exist")
    for folder in report.folders:
        for refusal in filter(None, (link_refusal(path, folder) for path in _files(folder))):
            report.add(refusal)
    try:
        _compile_every_template(environment, report)
    except TemplateError as exc:  # stopped: every rendering would compile the same templates again
        report.add(str(exc))
        return report
    samples = sample_briefings(settings)
    for briefing in samples.values():
        for name in CHECKED_FORMATS:
            try:
                render_to_memory(briefing, settings, (name,))
                report.renderings += 1
            except BriefingError as exc:
                report.add(str(exc))
    _check_escaping(environment, samples["daily"], report)
    report.notes.extend(_user_folder_notes(settings))
    if user is not None and user.is_dir():
        report.notes.extend(missing_macro_notes(environment, settings.templates_folder, user))
    return report


def _compile_every_template(environment, report: CheckReport) -> None:
    """Compile each template, in a child process: compiling runs filters on constants (Jinja folds them)."""
    folders = " over ".join(str(folder) for folder in template_folders(environment).folders)
    for problem in run_isolated(lambda: _compile_problems(environment), time_limit=environment.time_limit,
                                template=folders, doing="compiling the templates"):
        report.add(problem)


def _compile_problems(environment) -> list[str]:
    problems = []
    for name in environment.loader.list_templates():
        if not name.endswith(".j2"):
            continue
        try:
            environment.get_template(name)
        except jinja2.TemplateSyntaxError as exc:
            error = TemplateError(f"syntax error: {exc.message}", template=exc.filename or name, line=exc.lineno)
            problems.append(str(error))
        except jinja2.exceptions.SecurityError as exc:  # a link out of the folder, listed above
            problems.append(str(exc))
    return problems


def _check_escaping(environment, briefing, report: CheckReport) -> None:
    """A headline of the sample holds ``<i>probe</i>``: no rendering may print it as markup."""
    for name, template in TEMPLATES.items():
        try:
            text = render_template(environment, template, briefing=briefing)
        except TemplateError:
            continue  # already reported by the renderings
        if PROBE in text:
            report.add(
                f"{template}: article text is printed unescaped: the sample headline's {PROBE} came out as "
                f"markup in the {name} rendering (is `|safe` used on article text?)"
            )


def _user_folder_notes(settings: Settings) -> list[str]:
    """Which defaults the user's folder replaces, and files of it that nothing uses by that name."""
    user = settings.user_templates_folder
    if user is None or not user.is_dir():
        return []
    defaults = {_relative(path, settings.templates_folder) for path in _files(settings.templates_folder)}
    mine = sorted(_relative(path, user) for path in _files(user))
    notes = [f"{user} replaces: {', '.join(name for name in mine if name in defaults) or 'nothing'}"]
    notes.extend(
        f"{user / name}: no default has this name, so it is used only where one of your templates "
        "includes or imports it"
        for name in mine
        if name not in defaults
    )
    return notes


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return [path for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")]


def _relative(path: Path, folder: Path) -> str:
    return path.relative_to(folder).as_posix()
