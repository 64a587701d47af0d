"""What keeps a template from running for ever or growing without bound.

A template is code its editor writes, and a slip (a loop over the wrong thing,
a macro that calls itself twice per level) can run for ever. The sandbox of
``environment.py`` (``TimedSandbox``) sets a deadline of
``templates.time_limit`` seconds for each rendering and looks at the clock on
every call, attribute and subscript a template makes. ``LoopLimits`` closes
what that leaves open:

- every ``{% for %}`` loop is compiled to look at the clock on each item
  (``TimedCodeGenerator``), so even a loop whose body calls and reads nothing
  (``{% for c in text %}{% endfor %}``) stops at the deadline, at its line;
- every single step that could make something huge is checked before it runs
  (``capped.py``): ``*``, ``**``, ``+``, ``%``, ``~``, the growing filters
  (``center``, ``format``, ``replace``, ``join``, ``sum``...), ``lipsum``,
  ``str.format`` and the growing ``str``/``list`` methods; the rendering as a
  whole is capped too.

The sandbox already caps ``range()`` at 100,000 items. A step that is merely
slow with no loop around it is stopped from outside (``watchdog.py``).
"""

from __future__ import annotations

from functools import update_wrapper

from jinja2 import nodes, pass_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from briefing.rendering.capped import (
    MAX_ITEMS,
    CappedEscapeFormatter,
    CappedFormatter,
    LimitExceeded,
    TooLarge,
    capped_concat,
    capped_filters,
    capped_lipsum,
    refuse_large_call,
    refuse_large_result,
    refuse_long,
)

__all__ = ["MAX_ITEMS", "LimitExceeded", "LoopLimits", "TooLarge"]

TIME_LIMITED_FILTER = "time_limited"


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

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        """``a ~ b`` is checked once made (each part is already within the limits)."""
        self.write("environment.capped_text(")
        super().visit_Concat(node, frame)
        self.write(")")


class LoopLimits(SandboxedEnvironment):
    """A ``SandboxedEnvironment`` with clocked loops and size-capped steps.

    The environment's ``_check_clock()`` raises when the rendering is past its
    deadline; this class's own does nothing, for an environment without one.
    """

    code_generator_class: type[CodeGenerator] = TimedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.filters.update(capped_filters(self.filters))
        self.filters[TIME_LIMITED_FILTER] = time_limited
        self.globals["lipsum"] = capped_lipsum
        # Template.render joins the rendering with environment.concat: capped, it stops a runaway output
        self.concat = capped_concat  # type: ignore[method-assign]

    def _check_clock(self) -> None:
        """No deadline here; ``TimedSandbox`` overrides this."""

    def call_binop(self, context, operator: str, left, right):
        self._check_clock()
        refuse_large_result(operator, left, right)
        return refuse_long(super().call_binop(context, operator, left, right), f"'{operator}'")

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 (Jinja's signature)
        args = refuse_large_call(__obj, args, kwargs)
        return refuse_long(super().call(__context, __obj, *args, **kwargs), "a call")

    def capped_text(self, text):
        return refuse_long(text, "joining with ~")

    def wrap_str_format(self, value):
        """``str.format`` and ``format_map``, refusing a field wider than the limit before making it."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        formatter = CappedEscapeFormatter(self, escape=text.escape) if isinstance(text, Markup) else CappedFormatter(self)
        is_map = value.__name__ == "format_map"

        def format_(*args, **kwargs):
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                args, kwargs = (), args[0]
            return type(text)(refuse_long(formatter.vformat(text, args, kwargs), "str.format"))

        return update_wrapper(format_, value)
