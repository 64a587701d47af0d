"""Size caps on everything a template can build in one step.

A loop looks at the clock on every item (``limits.py``), but a single builtin
step cannot be interrupted: ``'x'|center(1000000000)`` makes a gigabyte in
one call. So every filter, global, operator and ``str``/``list`` method that
can make a value larger than its inputs is checked *before* it runs, from
what it was asked (a width, a count, the lengths it joins), and every value
a filter or call returns is checked after. The limits:

- no text or list longer than ``MAX_ITEMS`` (characters or items);
- no width or precision above ``MAX_WIDTH`` (``center``, ``format``,
  ``'{:>N}'.format``, ``'%Nd' % x``, ``ljust``, ``batch`` with a filler...);
- no rendering longer than ``MAX_OUTPUT`` characters.

What these cannot see (a step that is merely slow, like ``wordwrap`` on a long
word) is stopped by the process watchdog of ``watchdog.py``.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterable
from functools import wraps

from jinja2 import pass_environment
from jinja2.exceptions import TemplateRuntimeError
from jinja2.sandbox import SandboxedEscapeFormatter, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum

#: the longest text or list a template may make in one step, in items (characters)
MAX_ITEMS = 20_000_000
#: the widest field (width or precision) a template may ask for
MAX_WIDTH = 100_000
#: the longest rendering, in characters
MAX_OUTPUT = 5_000_000
#: the most words ``lipsum()`` may make (paragraphs times words per paragraph)
MAX_LIPSUM_WORDS = 100_000
#: the largest number a template may make with ``*`` or ``**``, in bits
MAX_NUMBER_BITS = 100_000

#: one %-format conversion: its width and precision (digits or ``*``)
PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?[a-zA-Z%]")
DIGITS = re.compile(r"\d+")


class LimitExceeded(TemplateRuntimeError):
    """A template went past one of the limits; its message reads well on its own."""


class TooLarge(LimitExceeded):
    """A single operation would make something larger than the limits allow."""


def refuse_size(size: int, what: str) -> None:
    if size > MAX_ITEMS:
        raise TooLarge(f"{what} would make {size:,} characters or items, more than {MAX_ITEMS:,}")


def refuse_long(value, what: str):
    """``value``, unless it is text or a collection longer than ``MAX_ITEMS``."""
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > MAX_ITEMS:
        raise TooLarge(f"{what} made {len(value):,} characters or items, more than {MAX_ITEMS:,}")
    return value


def refuse_width(width, what: str) -> None:
    if _number(width) > MAX_WIDTH:
        raise TooLarge(f"{what}: a width of {width:,} is more than {MAX_WIDTH:,}")


def _number(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _digits_value(digits: str) -> int:
    """The number a run of digits spells, without converting one of thousands of digits."""
    digits = digits.lstrip("0") or "0"
    return int(digits) if len(digits) <= 9 else 10**9


def check_format_spec(spec: str, what: str = "format") -> None:
    """Refuse a format spec (``>10``, ``.3f``) whose width or precision is above ``MAX_WIDTH``."""
    for digits in DIGITS.findall(spec):
        if _digits_value(digits) > MAX_WIDTH:
            raise TooLarge(f"{what}: a width or precision of {digits} is more than {MAX_WIDTH:,}")


def check_percent_format(template: str) -> None:
    """Refuse a %-format whose width or precision is above ``MAX_WIDTH`` or given by ``*``."""
    for match in PERCENT_SPEC.finditer(template):
        for number in match.groups():
            if number == "*":
                raise TooLarge("%-format: a width or precision given by * is not allowed")
            if number:
                check_format_spec(number, "%-format")


def refuse_large_result(operator: str, left, right) -> None:
    """Raise ``TooLarge`` before ``left <operator> right`` makes something too large to render."""
    if operator == "**" and _is_int(left) and _is_int(right) and abs(left) > 1 and right > 0:
        if right.bit_length() > 32 or right * abs(left).bit_length() > MAX_NUMBER_BITS:
            raise TooLarge(f"{left} ** {right} is too large a number to work with")
    elif operator == "*":
        if _is_int(left) and _is_int(right):
            if abs(left).bit_length() + abs(right).bit_length() > MAX_NUMBER_BITS:
                raise TooLarge("a multiplication gives too large a number to work with")
            return
        sequence, times = (left, right) if _is_int(right) else (right, left)
        if _is_int(times) and hasattr(sequence, "__len__") and len(sequence) * times > MAX_ITEMS:
            raise TooLarge(f"repeating {len(sequence):,} items {times:,} times makes more than {MAX_ITEMS:,}")
    elif operator == "+" and hasattr(left, "__len__") and hasattr(right, "__len__"):
        refuse_size(len(left) + len(right), "adding")
    elif operator == "%" and isinstance(left, str):
        check_percent_format(left)


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _replaced_size(text: str, old: str, new: str, count: int = -1) -> int:
    found = len(text) + 1 if old == "" else text.count(old)
    if _is_int(count) and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(new) - len(old))


def _joined_size(items: list, separator) -> int:
    return sum(len(item) if isinstance(item, str) else len(str(item)) for item in items) + \
        len(str(separator)) * max(len(items) - 1, 0)


def refuse_large_call(function, args: tuple, kwargs: dict) -> tuple:
    """Check a call of a ``str`` or ``list`` method that can grow (``center``, ``replace``, ``extend``...).

    Returns the arguments to call it with (what ``join`` joins, read once into a list).
    """
    owner, name = getattr(function, "__self__", None), getattr(function, "__name__", "")
    if isinstance(owner, str | bytes):
        if name in ("center", "ljust", "rjust", "zfill") and args:
            refuse_width(args[0], f"{name}()")
        elif name == "expandtabs":
            tabsize = args[0] if args else kwargs.get("tabsize", 8)
            tabs = owner.count("\t") if isinstance(owner, str) else owner.count(b"\t")
            refuse_size(len(owner) + tabs * _number(tabsize), "expandtabs()")
        elif name == "replace" and len(args) >= 2 and isinstance(owner, str):
            refuse_size(_replaced_size(owner, str(args[0]), str(args[1]), *args[2:3]), "replace()")
        elif name == "join" and args:
            items = list(args[0])
            refuse_size(_joined_size(items, owner), "join()")
            return (items, *args[1:])
    elif isinstance(owner, list) and name == "extend" and args and hasattr(args[0], "__len__"):
        refuse_size(len(owner) + len(args[0]), "extend()")
    return args


def _checked(name: str, function: Callable, before: Callable | None = None) -> Callable:
    """``function`` (a filter) checked with ``before(*args)`` first and its result's size after."""

    passes_first = hasattr(function, "jinja_pass_arg")  # the context, eval context or environment comes first

    @wraps(function)
    def filter_(*args, **kwargs):
        if before is not None:
            before(*args[passes_first:], **kwargs)
        return refuse_long(function(*args, **kwargs), f"the {name} filter")

    return filter_


def _before_center(value, width=80, *_args, **_kwargs) -> None:
    refuse_width(width, "center")


def _before_indent(value, width=4, *_args, **_kwargs) -> None:
    text = str(value)
    step = _number(width) if not isinstance(width, str) else len(width)
    refuse_size(len(text) + (text.count("\n") + 1) * step, "indent")


def _before_replace(value, old, new, count=None) -> None:
    refuse_size(_replaced_size(str(value), str(old), str(new), -1 if count is None else count), "replace")


def _before_format(value, *_args, **_kwargs) -> None:
    check_percent_format(str(value))


def _before_batch(value, linecount, fill_with=None) -> None:
    if fill_with is not None:
        refuse_width(linecount, "batch")


def _before_slice(value, slices, fill_with=None) -> None:
    refuse_width(slices, "slice")


def _capped_join(original: Callable) -> Callable:
    @wraps(original)
    def join(eval_ctx, value, d="", attribute=None):
        items = list(value)
        refuse_size(_joined_size(items, d), "join")
        return refuse_long(original(eval_ctx, items, d, attribute), "the join filter")

    return join


@pass_environment
def capped_sum(environment, iterable: Iterable, attribute=None, start=0):
    """``sum``, watching the clock and the size of the total at each step (a sum of lists grows fast)."""
    total = start
    for item in iterable:
        environment._check_clock()
        value = environment.getattr(item, attribute) if attribute is not None else item
        if hasattr(total, "__len__") and hasattr(value, "__len__"):
            refuse_size(len(total) + len(value), "sum")
        total = total + value
    return total


BEFORE: dict[str, Callable] = {
    "center": _before_center,
    "indent": _before_indent,
    "replace": _before_replace,
    "format": _before_format,
    "batch": _before_batch,
    "slice": _before_slice,
}


def capped_filters(filters: dict[str, Callable]) -> dict[str, Callable]:
    """Jinja's builtin filters, each checked before (where it can grow) and after (always)."""
    capped = {name: _checked(name, function, BEFORE.get(name)) for name, function in filters.items()}
    if "join" in filters:
        capped["join"] = _capped_join(filters["join"])
    capped["sum"] = capped_sum
    return capped


def capped_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:  # noqa: A002 (Jinja's names)
    if _number(n) * builtins.max(_number(min), _number(max)) > MAX_LIPSUM_WORDS:
        raise TooLarge(f"lipsum({n}, ...) would make more than {MAX_LIPSUM_WORDS:,} words")
    return generate_lorem_ipsum(n, html, min, max)


def capped_concat(pieces: Iterable[str]) -> str:
    """The rendering's pieces joined, refused once they pass ``MAX_OUTPUT`` characters."""
    kept, length = [], 0
    for piece in pieces:
        length += len(piece)
        if length > MAX_OUTPUT:
            raise TooLarge(f"the rendering is longer than {MAX_OUTPUT:,} characters")
        kept.append(piece)
    return "".join(kept)


class _SpecCheck:
    """A ``str.format`` formatter that refuses a field wider than ``MAX_WIDTH`` before making it."""

    def format_field(self, value, format_spec: str):
        check_format_spec(format_spec, "str.format")
        return super().format_field(value, format_spec)  # type: ignore[misc]


class CappedFormatter(_SpecCheck, SandboxedFormatter):
    pass


class CappedEscapeFormatter(_SpecCheck, SandboxedEscapeFormatter):
    pass
