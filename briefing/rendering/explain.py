"""Template errors worded for the person editing the template.

A misspelt field is the most common slip, and Jinja's own message for it
("'Briefing object' has no attribute 'masthed'") does not say what would
have been right. ``ExplainedUndefined`` keeps the object the name was looked
up on, and ``describe_error`` turns that into

    'briefing.masthed' is undefined; briefing has: title, subject, …, masthead, …

using the expression as it stands on the template's line, so the editor sees
their own words and the names they can use there.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from functools import partial
from pathlib import Path

from jinja2 import StrictUndefined, UndefinedError
from jinja2.environment import TemplateModule
from jinja2.utils import missing

from briefing.rendering.limits import LimitExceeded
from briefing.rendering.macro_fallback import module_files, module_names

#: a variable with its attributes and subscripts: ``briefing.masthead``, ``day.top_stories[0]``
EXPRESSION = r"(?<![\w.\]])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[[^\[\]]*\])*)"


class UnknownName(UndefinedError):
    """A name or field that does not exist, with the object it was looked up on (``missing`` at top level)."""

    def __init__(self, message: str | None = None, *, owner=missing, name: str | None = None) -> None:
        super().__init__(message)
        self.owner = owner
        self.name = name


class ExplainedUndefined(StrictUndefined):
    """``StrictUndefined`` whose error remembers where the name was looked up."""

    __slots__ = ()

    def __init__(self, hint=None, obj=missing, name=None, exc=UndefinedError) -> None:
        super().__init__(hint, obj, name, exc)
        if exc is UndefinedError and hint is None:  # a plain unknown name; the sandbox's refusals pass as they are
            self._undefined_exception = partial(UnknownName, owner=obj, name=name)  # type: ignore[assignment]


def describe_error(exc: BaseException, filename: str, line: int | None) -> str:
    """The message for a rendering error raised at ``filename:line`` (the location is added by the caller)."""
    if isinstance(exc, LimitExceeded):
        return str(exc)
    if isinstance(exc, RecursionError):  # Python's own wording varies with where the limit is hit
        return "a macro calls itself (or macros call each other) without end: the recursion limit was reached"
    if isinstance(exc, UnknownName):
        explained = explain_unknown_name(exc, source_line(filename, line))
        return explained or f"UndefinedError: {exc}"
    return f"{type(exc).__name__}: {exc}"


def explain_unknown_name(exc: UnknownName, line_text: str) -> str | None:
    """``'m.nam' is undefined; m has: name, edition_date, …``, or None when there is nothing to add."""
    if exc.owner is missing:
        return f"'{exc.name}' is undefined; templates are given 'briefing', macros only their arguments"
    if isinstance(exc.owner, TemplateModule):
        return explain_missing_macro(exc.owner, str(exc.name), line_text)
    names = member_names(exc.owner)
    if names is None:
        return None
    expression = owner_expression(line_text, str(exc.name))
    if expression is None:
        kind = type(exc.owner).__name__
        return f"'{exc.name}' is undefined; {kind} has: {', '.join(names)}"
    subscript = isinstance(exc.owner, Mapping)
    shown = f"{expression}[{exc.name!r}]" if subscript else f"{expression}.{exc.name}"
    return f"'{shown}' is undefined; {expression} has: {', '.join(names)}"


def explain_missing_macro(module: TemplateModule, name: str, line_text: str) -> str:
    """``'ui.list_paragraph' is undefined: no macro list_paragraph in <files>; ui has: …``.

    Jinja's own wording ("'TemplateModule object' has no attribute …") names
    neither the macros file nor what it does define. A user's file replacing a
    default has the default's macros too (``macro_fallback.py``), so both
    files are named: the macro is in neither.
    """
    expression = owner_expression(line_text, name) or str(module.__name__)
    shown = f"{expression}.{name}" if expression != module.__name__ else name
    mine, *default = module_files(module)
    where = f"{mine}, nor in the default {default[0]}" if default else mine
    return f"'{shown}' is undefined: no macro {name} in {where}; {expression} has: {', '.join(module_names(module))}"


def member_names(owner) -> list[str] | None:
    """What a template can read on ``owner``: a dataclass's fields, a mapping's keys."""
    if dataclasses.is_dataclass(owner) and not isinstance(owner, type):
        return [field.name for field in dataclasses.fields(owner)]
    if isinstance(owner, Mapping):
        return [str(key) for key in owner]
    return None


def owner_expression(line_text: str, name: str) -> str | None:
    """The expression ``name`` was looked up on in ``line_text``: ``briefing`` in ``{{ briefing.masthed }}``."""
    quoted = re.escape(name)
    for pattern in (rf"{EXPRESSION}\.{quoted}\b", rf"{EXPRESSION}\[\s*['\"]{quoted}['\"]\s*\]"):
        found = re.search(pattern, line_text)
        if found:
            return found.group(1)
    return None


def source_line(filename: str, line: int | None) -> str:
    """Line ``line`` of the template file, or "" when it cannot be read."""
    if not line:
        return ""
    try:
        lines = Path(filename).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    return lines[line - 1] if 0 < line <= len(lines) else ""
