"""A user's macros file over the default's: the macros it lacks fall back to the default's.

The user's folder replaces the defaults file by file, so a user who copied
``_macros.txt.j2`` before a macro (``list_para``) was added to it has a copy
without that macro, and the *default* ``briefing.txt.j2``, which calls
``ui.list_para``, would fail for them. Every macro added to a default macros
file later has the same hazard.

So importing a user's file that replaces a default yields the user's module
with the default's macros added under it: the user's macros win, and a
macro only the default defines is the default's. This is done where Jinja
makes a module (``Template.make_module``, through which ``{% import %}``,
``{% from … import %}`` and ``Template.module`` all pass), rather than by
rewriting template sources or asking every template to import
``default:`` files itself:

- no template text changes, so a user's file keeps its own line numbers in
  error messages, and templates written before this still benefit;
- the sandbox is untouched: the default's macros are the sandboxed default
  template's own, run in the default's module (so a default macro calling
  another default macro finds it), and templates reach them only as
  attributes of the imported module, as before.

Only macros fall back, not the values a file sets at its top level
(``{% set width = 72 %}``): those are the file's own settings, and a user's
file is the authority over its own.

``missing_macro_notes`` says, for ``briefing templates check``, which
macros of the defaults a user's files lack, so the user knows they run on
the default's version of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

import jinja2
from jinja2 import nodes
from jinja2.environment import TemplateModule
from jinja2.runtime import Macro


@runtime_checkable
class ReplacesDefaults(Protocol):
    """A loader that knows which default a template file replaces (``TemplateFolders``)."""

    def replaced_default(self, name: str, filename: str | None) -> str | None: ...


class MacroLibrary(TemplateModule):
    """An imported template, remembering the files its names come from (for error messages).

    ``_files`` is out of a template's reach: the sandbox refuses attributes
    starting with ``_``, and Jinja never exports such names, so it cannot
    clash with a macro.
    """

    _files: tuple[str, ...] = ()


class LayeredTemplate(jinja2.Template):
    """A template whose module, when it replaces a default, has the default's macros under its own."""

    def make_module(self, vars=None, shared=False, locals=None) -> TemplateModule:  # Jinja's signature
        context = self.new_context(vars, shared, locals)
        module = MacroLibrary(self, context)
        module._files = (self.filename or str(self.name),)
        default = self._replaced_default()
        if default is not None:
            default_context = default.new_context(vars, shared, locals)
            TemplateModule(default, default_context)  # runs its top level, which defines its macros
            mine = context.get_exported()
            for name, value in default_context.get_exported().items():
                if isinstance(value, Macro) and name not in mine:
                    setattr(module, name, value)
            module._files += (default.filename or str(default.name),)
        return module

    def _replaced_default(self) -> jinja2.Template | None:
        """The default template this one replaces, if it is a user's file replacing one."""
        loader = self.environment.loader
        if not isinstance(loader, ReplacesDefaults) or self.name is None:
            return None
        name = loader.replaced_default(self.name, self.filename)
        return self.environment.get_template(name) if name else None


def module_files(module: TemplateModule) -> tuple[str, ...]:
    """The files an imported module's names come from: the user's file first, then the default it replaces."""
    return getattr(module, "_files", ()) or (str(module.__name__),)


def module_names(module: TemplateModule) -> list[str]:
    """What a template can read on an imported module: its macros and values, in name order."""
    return sorted(name for name in vars(module) if not name.startswith("_"))


def missing_macro_notes(environment: jinja2.Environment, default_folder: Path, user_folder: Path) -> list[str]:
    """A note for each macro a default file defines and the user's file replacing it does not."""
    notes: list[str] = []
    for user_file in sorted(user_folder.rglob("*.j2")):
        default_file = default_folder / user_file.relative_to(user_folder)
        if not default_file.is_file():
            continue
        defaults = top_level_macros(environment, default_file)
        if not defaults:
            continue
        mine = top_level_macros(environment, user_file)
        if mine is None:  # a syntax error: reported by the check's compile step
            continue
        notes.extend(
            f"{user_file}: has no macro {name}, so the default's is used ({default_file}:{line})"
            for name, line in defaults.items()
            if name not in mine
        )
    return notes


def top_level_macros(environment: jinja2.Environment, path: Path) -> dict[str, int] | None:
    """The macros a template file exports, with the line each is defined on; None when it cannot be parsed.

    Parsing only: nothing of the file runs (the check renders templates in a
    child process, with limits; a parse needs neither).
    """
    try:
        tree = environment.parse(path.read_text(encoding="utf-8"), path.name, str(path))
    except (OSError, UnicodeDecodeError, jinja2.TemplateSyntaxError):
        return None
    return {macro.name: macro.lineno for macro in _exported_macros(tree.body) if not macro.name.startswith("_")}


def _exported_macros(body: list[nodes.Node]) -> Iterator[nodes.Macro]:
    """Macros defined at a template's top level, also inside ``{% if %}``: those are what an import exports.

    Macros inside a macro, a loop, a block or ``{% with %}`` are local to it.
    """
    for node in body:
        if isinstance(node, nodes.Macro):
            yield node
        elif isinstance(node, nodes.If):
            yield from _exported_macros(node.body)
            for branch in node.elif_:
                yield from _exported_macros(branch.body)
            yield from _exported_macros(node.else_)
