"""What a template can read is documented, completely, from the Briefing dataclasses themselves."""

from __future__ import annotations

import dataclasses
import typing

from briefing.cli import main
from briefing.composition import Briefing, describe_context
from briefing.config import Settings
from briefing.rendering.sample import sample_briefings


def item_type(kind):
    """The dataclass a field holds, directly or as the items of a tuple."""
    return typing.get_args(kind)[0] if typing.get_origin(kind) is tuple else kind


def every_field(root: type = Briefing, prefix: str = "briefing"):
    """(path, dataclass, field) for the whole tree of dataclasses under ``root``."""
    hints = typing.get_type_hints(root)
    for item in dataclasses.fields(root):
        path = f"{prefix}.{item.name}"
        yield path, root, item
        inner = item_type(hints[item.name])
        if dataclasses.is_dataclass(inner):
            yield from every_field(inner, f"{path}[]" if inner is not hints[item.name] else path)


def paths_in(value, prefix: str = "briefing"):
    """The paths a real briefing actually holds (lists looked into through their first item)."""
    for item in dataclasses.fields(value):
        path, child = f"{prefix}.{item.name}", getattr(value, item.name)
        yield path
        if dataclasses.is_dataclass(child):
            yield from paths_in(child, path)
        elif isinstance(child, tuple) and child and dataclasses.is_dataclass(child[0]):
            yield from paths_in(child[0], f"{path}[]")


def test_every_field_of_the_briefing_tree_is_documented():
    undocumented = [f"{owner.__name__}.{item.name}" for _, owner, item in every_field()
                    if not item.metadata.get("doc", "").strip()]
    assert undocumented == []


def test_the_documented_context_is_the_whole_tree():
    assert [path for path, _, _ in describe_context()] == [path for path, _, _ in every_field()]


def test_a_real_briefing_holds_nothing_undocumented():
    documented = {path for path, _, _ in describe_context()}
    for name, briefing in sample_briefings(Settings()).items():
        assert set(paths_in(briefing)) <= documented, name


def test_templates_context_lists_every_variable_with_type_and_meaning(capsys):
    assert main(["templates", "context"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line for line in lines if line.startswith("briefing.")]
    assert len(rows) == len(describe_context())
    for line, (path, kind, description) in zip(rows, describe_context(), strict=True):
        assert line.split()[:1] == [path]
        assert f" {kind} " in line and line.endswith(f"  {description}")
    masthead = next(line for line in rows if line.startswith("briefing.masthead.name "))
    assert " ".join(masthead.split()) == 'briefing.masthead.name str The briefing\'s name from the settings ("Morning Briefing").'
    assert "{{ 1200000 | number }}" in " ".join(lines)
