"""``briefing.json``: the briefing model itself, for programs that build on it.

The JSON holds exactly what a template reads as ``briefing`` (the documented
tree of ``briefing templates context``), field for field and in the same
order: days and times as ISO 8601 text (times with their offset, in the
configured zone), numbers as JSON numbers (a field documented as ``float``
always with a decimal point, so ``212.0``, not ``212``), lists as arrays, the
headings mapping as an object. A value of any other type is an error, never
a guess.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import typing
from datetime import date, datetime
from decimal import Decimal

from briefing.errors import RenderError
from briefing.rendering.registry import RenderJob, register

JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]


@register("json", "briefing.json")
def render_json(job: RenderJob) -> str:
    return model_json(job.briefing)


def model_json(briefing: object) -> str:
    """The briefing as indented UTF-8 JSON text."""
    return json.dumps(to_json(briefing, "briefing"), ensure_ascii=False, indent=2) + "\n"


def to_json(value: object, path: str) -> JSONValue:
    """``value`` as plain JSON data; ``path`` names it in an error ("briefing.top_stories[2].score")."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float | Decimal):
        return _number(value, path)
    if isinstance(value, datetime | date):  # a datetime is a date too: both have isoformat()
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        floats = _float_fields(type(value))
        return {item.name: to_json(_as_documented(getattr(value, item.name), item.name in floats),
                                   f"{path}.{item.name}")
                for item in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_json(item, f"{path}[{index}]") for index, item in enumerate(value)]
    if isinstance(value, dict):
        return {str(key): to_json(item, f"{path}[{key!r}]") for key, item in value.items()}
    raise RenderError(f"briefing.json: {path} is a {type(value).__name__}, which has no JSON form")


@functools.cache
def _float_fields(record: type) -> frozenset[str]:
    return frozenset(name for name, kind in typing.get_type_hints(record).items() if kind is float)


def _as_documented(value: object, is_float: bool) -> object:
    """A whole number in a float field as the float it is documented as."""
    return float(value) if is_float and isinstance(value, int) and not isinstance(value, bool) else value


def _number(value: float | Decimal, path: str) -> int | float:
    number = float(value)
    if not math.isfinite(number):
        raise RenderError(f"briefing.json: {path} is {value}, which JSON cannot hold")
    return int(number) if isinstance(value, Decimal) and value == value.to_integral_value() else number
