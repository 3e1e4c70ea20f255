"""Reading content files into plain data that remembers where every key and item stood.

Editors need the line of a mistake, and PyYAML forgets it once the data is built; these
containers keep it so that later checks, which see only data, can still point at a line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems
from .placeholders import PLACEHOLDER, find_placeholders


# Control characters (pasted from Word or PDF) are invisible to editors and invalid in XML feeds.
_CONTROL = {code: None for code in [*range(0, 9), 11, 12, *range(14, 32), 127]}


class LineDict(dict):
    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _DuplicateKey(Exception):
    def __init__(self, key: Any, line: int):
        self.key, self.line = key, line


# libyaml parses about ten times faster than pure Python; the marks (lines) are the same.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        self.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in mapping.key_lines:
                raise _DuplicateKey(key, key_node.start_mark.line + 1)
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        items = LineList(self.construct_object(child, deep=True) for child in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        # Escapes such as "\x0b" in a quoted string make control characters after reading.
        return super().construct_yaml_str(node).translate(_CONTROL)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode):
        # An impossible date (2025-02-30) would crash PyYAML; keep the text for validation to explain.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:str", _LineLoader.construct_yaml_str)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


@dataclass
class Document:
    """One content file: its data, where it came from, and how to point at a place in it."""

    path: str  # as shown to editors: relative to the project
    data: LineDict
    body: str = ""  # Markdown after the front matter, for news
    body_line: int = 1

    def line_of(self, loc: tuple) -> int:
        """The line of the deepest part of `loc` that exists: a missing key points at its parent."""
        node: Any = self.data
        line = getattr(node, "line", 1)
        for step in loc:
            if isinstance(node, LineDict) and step in node:
                line = node.key_lines[step]
                node = node[step]
            elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
                line = node.item_lines[step]
                node = node[step]
            else:
                break
        return line

    def report(self, problems: Problems, loc: tuple, message: str) -> None:
        problems.add(self.path, self.line_of(loc), field_name(loc), message)


def field_name(loc: tuple) -> str:
    """`('strategische_doelstellingen', 0, 'id')` → `strategische_doelstellingen[1].id`.

    Positions count from 1, as an editor counts the items of a list."""
    name = ""
    for step in loc:
        if isinstance(step, int):
            name += f"[{step + 1}]"
        else:
            name += ("." if name else "") + str(step)
    return name


# PyYAML's own words are English jargon; editors get the likely cause in plain Dutch.
_YAML_CAUSES = (
    ("cannot start any token", "er staat een tab of een vreemd teken — spring in met spaties"),
    ("mapping values are not allowed", "er staat een dubbele punt op een onverwachte plaats — zet tekst met "
     "een `:` tussen aanhalingstekens, of controleer de inspringing"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na een veldnaam, of een aanhalingsteken "
     "wordt niet gesloten"),
    ("end of stream", "een aanhalingsteken wordt niet gesloten — zet er een aan het einde van de tekst"),
    ("expected <block end>", "de inspringing klopt niet — lijn dit veld uit met de velden erboven"),
    ("expected <document start>", "de inspringing klopt niet — lijn dit veld uit met de velden erboven"),
    ("did not find expected key", "een aanhalingsteken wordt niet gesloten, of de inspringing klopt niet — "
     "controleer aanhalingstekens en spaties"),
    ("did not find expected", "een aanhalingsteken of haakje wordt niet gesloten, of de inspringing klopt niet"),
    ("expected ',' or ']'", "een lijst tussen [ ] wordt niet goed gesloten"),
    ("expected ',' or '}'", "een blok tussen { } wordt niet goed gesloten"),
)


def _yaml_problem(problems: Problems, path: str, error: yaml.YAMLError, line_offset: int) -> None:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 + line_offset if mark else line_offset + 1
    what = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or str(error)}"
    cause = next((dutch for english, dutch in _YAML_CAUSES if english in what),
                 "het bestand is geen geldige YAML — controleer inspringing, dubbele punten en aanhalingstekens")
    problems.add(path, line, "", f"{cause} (op deze regel of de regel erboven)")


def parse_yaml(text: str, path: str, problems: Problems, line_offset: int = 0) -> LineDict | None:
    """YAML text → LineDict, or None after reporting why it cannot be read."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as dup:
        problems.add(path, dup.line + line_offset, str(dup.key),
                     "dit veld staat twee keer in hetzelfde blok — houd er één over")
        return None
    except yaml.YAMLError as error:
        _yaml_problem(problems, path, error, line_offset)
        return None
    if data is None:
        data = LineDict()
        data.line, data.key_lines = 1, {}
    if not isinstance(data, LineDict):
        problems.add(path, 1 + line_offset, "",
                     "het bestand moet uit velden bestaan (`sleutel: waarde`), niet uit een lijst of losse tekst")
        return None
    if line_offset:
        _shift_lines(data, line_offset)
    return data


def _shift_lines(node: Any, offset: int) -> None:
    if isinstance(node, LineDict):
        node.line += offset
        node.key_lines = {k: v + offset for k, v in node.key_lines.items()}
        for value in node.values():
            _shift_lines(value, offset)
    elif isinstance(node, LineList):
        node.line += offset
        node.item_lines = [v + offset for v in node.item_lines]
        for value in node:
            _shift_lines(value, offset)


def read_yaml(file: Path, root: Path, problems: Problems) -> Document | None:
    path = display_path(file, root)
    text = read_text(file)
    data = parse_yaml(text, path, problems)
    if data is None:
        return None
    document = Document(path, data)
    _warn_placeholders(document, text, 1, problems)
    return document


def read_front_matter(file: Path, root: Path, problems: Problems) -> Document | None:
    """A Markdown file with YAML front matter between `---` lines."""
    path = display_path(file, root)
    text = read_text(file)
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, "", "het bestand moet beginnen met een regel `---`, dan de velden "
                     "(title, date, description …), dan weer `---` en dan de tekst")
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.add(path, 1, "", "de velden bovenaan worden niet afgesloten — zet een regel `---` "
                     "tussen de velden en de tekst")
        return None
    front = "".join(lines[1:end])
    data = parse_yaml(front, path, problems, line_offset=1)
    if data is None:
        return None
    document = Document(path, data, body="".join(lines[end + 1:]), body_line=end + 2)
    _warn_placeholders(document, front, 2, problems)
    return document


def _warn_placeholders(document: Document, yaml_text: str, first_line: int, problems: Problems) -> None:
    for line, loc, fix in find_placeholders(document, yaml_text, first_line):
        problems.warn(document.path, line, field_name(loc), f"{PLACEHOLDER.lower()} — {fix}")


def display_path(file: Path, root: Path) -> str:
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return file.as_posix()



def read_text(file: Path) -> str:
    # utf-8-sig: Windows editors sometimes save a byte-order mark, which YAML would choke on.
    return file.read_text(encoding="utf-8-sig").translate(_CONTROL)
