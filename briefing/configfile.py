"""Reading ``config.yaml`` as YAML, strictly: no key given twice, no alias bomb.

PyYAML lets a later duplicate key silently win, and builds aliases as shared
references, so a few lines of anchors (the "billion laughs") expand into
billions of values the moment anything walks the tree (the validation does).
``read_config_yaml`` refuses both, before anything is built: a duplicate key
with its line, and a document whose aliases expand to more than
``MAX_VALUES`` values.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

#: the most values a configuration may hold once its aliases are expanded
MAX_VALUES = 100_000


class ConfigFileProblem(ValueError):
    """The file is YAML but not an acceptable configuration; the message names the line."""


class _StrictLoader(yaml.SafeLoader):
    """``SafeLoader`` refusing duplicate keys and documents whose aliases expand too far."""

    def get_single_node(self) -> Node | None:
        node = super().get_single_node()
        if node is not None and _expanded_size(node, {}) > MAX_VALUES:
            raise ConfigFileProblem(f"its aliases expand to more than {MAX_VALUES:,} values (an alias bomb?)")
        return node

    def construct_mapping(self, node, deep=False):
        if isinstance(node, MappingNode):
            seen: set = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                if isinstance(key, str | int | float | bool) or key is None:
                    if key in seen:
                        line = key_node.start_mark.line + 1
                        raise ConfigFileProblem(f"key {key!r} is given twice (line {line}); keep one")
                    seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _expanded_size(node: Node, sizes: dict[int, int]) -> int:
    """How many values ``node`` stands for with every alias expanded (each shared node counted once per use)."""
    known = sizes.get(id(node))
    if known is not None:
        if known < 0:
            raise ConfigFileProblem(f"an alias refers to itself (line {node.start_mark.line + 1})")
        return known
    sizes[id(node)] = -1  # being counted: meeting it again inside itself is a loop
    size = 1
    if isinstance(node, SequenceNode):
        for item in node.value:
            size += _expanded_size(item, sizes)
            if size > MAX_VALUES:
                break
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            size += _expanded_size(key, sizes) + _expanded_size(value, sizes)
            if size > MAX_VALUES:
                break
    sizes[id(node)] = size
    return size


def read_config_yaml(text: str):
    """The YAML document of ``text``; ``yaml.YAMLError`` or ``ConfigFileProblem`` when it is not acceptable."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 (a SafeLoader subclass)
