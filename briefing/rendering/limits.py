"""What keeps a template from running for ever: loops that watch the clock, capped operations.

A template is code its editor writes, and a slip (a loop over the wrong thing,
a macro that calls itself twice per level) can run for ever. The sandbox of
``environment.py`` (``TimedSandbox``) sets a deadline of
``templates.time_limit`` seconds for each rendering and looks at the clock on
every call, attribute and subscript a template makes. ``LoopLimits`` closes
what that leaves open:

- every ``{% for %}`` loop is compiled to look at the clock on each item
  (``TimedCodeGenerator``), so even a loop whose body calls and reads nothing
  (``{% for c in text %}{% endfor %}``) stops at the deadline, at its line,
  in the thread that runs it: no thread is left burning CPU;
- the single operations that could take long with no loop around them are
  capped: ``*`` (repeating text or a list, multiplying huge numbers) and
  ``**`` (powers) refuse results that are too large.

The sandbox already caps ``range()`` at 100,000 items; these limits catch
what that cap cannot (loops in loops, recursion, long strings).
"""

from __future__ import annotations

import math

from jinja2 import nodes, pass_context
from jinja2.compiler import CodeGenerator
from jinja2.exceptions import TemplateRuntimeError

#: the longest text or list a template may make with ``*``, in items (characters)
MAX_ITEMS = 20_000_000
#: the largest number a template may make with ``*`` or ``**``, in bits
MAX_NUMBER_BITS = 100_000
TIME_LIMITED_FILTER = "time_limited"


class LimitExceeded(TemplateRuntimeError):
    """A template went past one of the limits; its message reads well on its own."""


class TooLarge(LimitExceeded):
    """A single operation would make something larger than the limits allow."""


@pass_context  # also keeps the compiler from running it on a constant list at compile time
def time_limited(context, iterable):
    """The items of a ``{% for %}`` loop, looking at the clock before each one."""
    check_clock = context.environment._check_clock
    for item in iterable:
        check_clock()
        yield item


class TimedCodeGenerator(CodeGenerator):
    """Compiles every ``{% for x in items %}`` as ``{% for x in items | time_limited %}``."""

    def visit_Template(self, node: nodes.Template, frame=None) -> None:
        for loop in node.find_all(nodes.For):
            if not (isinstance(loop.iter, nodes.Filter) and loop.iter.name == TIME_LIMITED_FILTER):
                loop.iter = nodes.Filter(loop.iter, TIME_LIMITED_FILTER, [], [], None, None, lineno=loop.lineno)
        super().visit_Template(node, frame)


class LoopLimits:
    """Mix into a ``SandboxedEnvironment`` (before it): clocked loops, capped ``*`` and ``**``.

    The environment's ``_check_clock()`` raises when the rendering is past its
    deadline; this class's own does nothing, for an environment without one.
    """

    code_generator_class = TimedCodeGenerator
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters[TIME_LIMITED_FILTER] = time_limited

    def _check_clock(self) -> None:
        """No deadline here; ``TimedSandbox`` overrides this."""

    def call_binop(self, context, operator: str, left, right):
        self._check_clock()
        refuse_large_result(operator, left, right)
        return super().call_binop(context, operator, left, right)


def refuse_large_result(operator: str, left, right) -> None:
    """Raise ``TooLarge`` before ``left <operator> right`` makes something too large to render."""
    if operator == "**" and _is_int(left) and _is_int(right) and abs(left) > 1 and right > 0:
        if right * math.log2(abs(left)) > MAX_NUMBER_BITS:
            raise TooLarge(f"{left} ** {right} is too large a number to work with")
    elif operator == "*":
        if _is_int(left) and _is_int(right):
            if abs(left).bit_length() + abs(right).bit_length() > MAX_NUMBER_BITS:
                raise TooLarge("a multiplication gives too large a number to work with")
            return
        sequence, times = (left, right) if _is_int(right) else (right, left)
        if _is_int(times) and hasattr(sequence, "__len__") and len(sequence) * times > MAX_ITEMS:
            raise TooLarge(f"repeating {len(sequence):,} items {times:,} times makes more than {MAX_ITEMS:,}")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
