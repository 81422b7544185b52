"""YAML read for importers that report each mistake as ``file:line: reason``.

Shared by the story importer (``stories.importer``, front matter) and the network importer
(``network.importer``, whole files): the same safe loader, the same line numbers of keys and
list items, the same way of naming a problem.
"""

from dataclasses import dataclass
from pathlib import Path

import yaml


class TextDatesLoader(yaml.SafeLoader):
    """Safe YAML without its timestamp type: dates stay text, so that an impossible date
    (2024-02-30) is reported on its line in words, like every other mistake."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


@dataclass
class Problem:
    path: Path
    line: int
    reason: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.reason}"


def syntax_problem(path, error: yaml.YAMLError, first_line: int, what: str) -> Problem:
    """A YAML syntax error on its line (``first_line``: the file line of the YAML's first)."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + first_line if mark else 1
    return Problem(path, line, f"{what} is not valid YAML: {error}")


class Lines:
    """Line numbers of keys and list items, from PyYAML's node marks: ``of("lessons", 2,
    "kind")`` is the line of the third lesson's ``kind``; ``offset`` is the file line of the
    YAML's first line."""

    def __init__(self, text, offset):
        self.offset = offset
        self.keys: dict = {}
        self.items: dict = {}
        try:
            root = yaml.compose(text)
        except yaml.YAMLError:
            root = None
        if isinstance(root, yaml.MappingNode):
            self._walk(root, ())

    def _walk(self, node, prefix):
        for key_node, value_node in node.value:
            key = prefix + (key_node.value,)
            self.keys[key] = key_node.start_mark.line + self.offset
            if isinstance(value_node, yaml.SequenceNode):
                for i, item in enumerate(value_node.value):
                    self.items[key + (i,)] = item.start_mark.line + self.offset
                    if isinstance(item, yaml.MappingNode):
                        self._walk(item, key + (i,))
            elif isinstance(value_node, yaml.MappingNode):
                self._walk(value_node, key)

    def of(self, *key):
        return self.items.get(key) or self.keys.get(key) or 1
