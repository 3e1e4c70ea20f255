"""YAML read into plain data that remembers where every key and item stood, within fixed limits.

Editors need the line of a mistake, and PyYAML forgets it once the data is built; these
containers keep it so that later checks, which see only data, can still point at a line. Every
file is bounded (size, depth, items, text length), so that no file can make the build hang."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .errors import Problems, escape_invisible, shown

# Control characters (pasted from Word or PDF), lone surrogates
# and Unicode noncharacters (U+FFFE …) are invisible to editors and invalid in XML feeds and Word.
_UNWANTED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufdd0-\ufdef"
                       + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17))
                       + "]")


def clean(text: str) -> str:
    return _UNWANTED.sub("", text)


# Limits that keep the work for one file small whatever it holds; each comes with a message.
MAX_FILE_BYTES = 1_000_000  # a fiche is ~10 KB; a pasted 20 MB text is refused before it is read
MAX_DEPTH = 20  # nesting of blocks and lists; the deepest real field is about 7 levels down
MAX_ITEMS = 1000  # items in one list, fields in one block
MAX_TEXT = 20_000  # characters in one value: some pages of text
# Past this many nesting signs, libyaml's recursive composer is checked first: 100,000 nested
# `[` crash the C parser (a segfault, not an exception), so depth is counted before composing.
_NESTING_SIGNS = re.compile(r"[\[{:?-]")
_DEEP_SCAN_FROM = 2000

# 1.250 or 12.500: a thousand and more to a Fleming, a decimal to YAML.
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+$")

# `sleutel: tekst met: nog een dubbele punt` on one line (a list item's too).
_KEY_AND_TEXT = re.compile(r"^\s*(?:-\s+)?([\w-]+):\s+(\S.*:.*)$")

# Curly quotes around a whole value: Word's autocorrect, read by YAML as part of the text.
_CURLY = re.compile(r"^[“„‘‚«].*[”“’‘»]$", re.S)
_CURLY_CHARS = "“”„‘’‚«»"


class LineDict(dict):
    line: int = 0
    key_lines: dict[Any, int]


class LineList(list):
    line: int = 0
    item_lines: list[int]


class _Refused(Exception):
    """The file cannot be read as content; `field` and `message` say why, at `line`."""

    def __init__(self, line: int, message: str, field: str = ""):
        super().__init__(message)
        self.line, self.message, self.field = line, message, field


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


# libyaml parses about ten times faster than pure Python; the marks (lines) are the same.
class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    depth = 0
    notes: list[tuple[int, str]]  # mistakes worth a message that do not stop reading

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        # A node met twice was reached through an alias (`*naam`): 500 bytes of aliases can
        # stand for billions of values, and editors never need them.
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _Refused(_line(node), "verwijzingen met `&` en `*` (YAML-ankers) kunnen hier niet — "
                           "schrijf de waarde voluit")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise _Refused(_line(node), f"dit is meer dan {MAX_DEPTH} niveaus diep ingesprongen of genest — "
                               "controleer de inspringing en de haakjes [ ] { }")
            return super().construct_object(node, deep)
        finally:
            self.depth -= 1

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        if len(node.value) > MAX_ITEMS:
            raise _Refused(_line(node), f"dit blok heeft {len(node.value)} velden; de grens is {MAX_ITEMS} — "
                           "verdeel de inhoud over meer bestanden")
        if any(key.tag == "tag:yaml.org,2002:merge" for key, _ in node.value):
            raise _Refused(_line(node), "`<<` (velden samenvoegen) kan hier niet — schrijf de velden voluit")
        mapping = LineDict()
        mapping.line = _line(node)
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (LineDict, LineList)):
                raise _Refused(_line(key_node), "een veldnaam moet gewone tekst zijn, geen lijst of blok — "
                               "schrijf `naam: waarde`, en zet tekst met [ ] of { } tussen aanhalingstekens")
            if key in mapping.key_lines:
                raise _Refused(_line(key_node), "dit veld staat twee keer in hetzelfde blok — houd er één over",
                               field=escape_invisible(str(key)))
            mapping[key] = self.construct_object(value_node, deep=True)
            mapping.key_lines[key] = _line(key_node)
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        if len(node.value) > MAX_ITEMS:
            raise _Refused(_line(node), f"deze lijst heeft {len(node.value)} items; de grens is {MAX_ITEMS} — "
                           "verdeel de inhoud over meer bestanden")
        items = LineList(self.construct_object(child, deep=True) for child in node.value)
        items.line = _line(node)
        items.item_lines = [_line(child) for child in node.value]
        return items

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        # Escapes such as "\x0b" in a double-quoted string make control characters after reading;
        # any other text was cleaned with its whole file (source.read_text), once.
        text = super().construct_yaml_str(node)
        if node.style == '"':
            text = clean(text)
        if len(text) > MAX_TEXT:
            raise _Refused(_line(node), f"deze tekst is {len(text):,} tekens lang; de grens is {MAX_TEXT:,} — "
                           "maak hem korter of verdeel hem".replace(",", "."))
        if not node.style and _CURLY.match(text.strip()):  # plain: neither quoted nor a block
            self.notes.append((_line(node), f"{shown(text)} staat tussen gekrulde aanhalingstekens, die op de "
                               "site blijven staan — gebruik rechte aanhalingstekens \"…\" of laat ze weg"))
        return text

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        # Python refuses to read integers of more than 4,300 digits; keep the text for validation.
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return self.construct_yaml_str(node)

    def construct_yaml_float(self, node: yaml.ScalarNode) -> Any:
        # YAML reads 1.250 as 1.25, a Fleming as a thousand and a quarter: keep the text, so that the
        # number's check (models/results.py) can ask which one the editor meant.
        if not node.style and _THOUSANDS.match(node.value.strip()):
            return node.value.strip()
        return super().construct_yaml_float(node)

    def construct_yaml_timestamp(self, node: yaml.ScalarNode):
        # An impossible date (2025-02-30) would crash PyYAML; keep the text for validation to explain.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:str", _LineLoader.construct_yaml_str)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)
_LineLoader.add_constructor("tag:yaml.org,2002:float", _LineLoader.construct_yaml_float)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)
_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


_YAML_CAUSES = (
    ("cannot start any token", "er staat een tab of een vreemd teken — spring in met spaties"),
    ("mapping values are not allowed", "er staat een dubbele punt op een onverwachte plaats — zet tekst met "
     "een `:` tussen aanhalingstekens, of controleer de inspringing"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na een veldnaam, of een aanhalingsteken "
     "wordt niet gesloten — zet een `:` na de veldnaam, of sluit het aanhalingsteken"),
    ("end of stream", "een aanhalingsteken wordt niet gesloten — zet er een aan het einde van de tekst"),
    ("expected <block end>", "de inspringing klopt niet — lijn dit veld uit met de velden erboven"),
    ("expected <document start>", "de inspringing klopt niet — lijn dit veld uit met de velden erboven"),
    ("did not find expected key", "een aanhalingsteken wordt niet gesloten, of de inspringing klopt niet — "
     "controleer aanhalingstekens en spaties"),
    ("did not find expected", "een aanhalingsteken of haakje wordt niet gesloten, of de inspringing klopt niet — "
     "controleer aanhalingstekens, haakjes en spaties"),
    ("expected ',' or ']'", "een lijst tussen [ ] wordt niet goed gesloten — zet een ] aan het einde"),
    ("expected ',' or '}'", "een blok tussen { } wordt niet goed gesloten — zet een } aan het einde"),
)


def _yaml_problem(problems: Problems, path: str, text: str, error: yaml.YAMLError, line_offset: int) -> None:
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 + line_offset if mark else line_offset + 1
    what = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '') or str(error)}"
    cause = next((dutch for english, dutch in _YAML_CAUSES if english in what),
                 "het bestand is geen geldige YAML — controleer inspringing, dubbele punten en aanhalingstekens")
    first = max(0, mark.line - 1) if mark else 0
    near = text.splitlines()[first:mark.line + 1] if mark else []
    tabbed = [index for index, row in enumerate(near, first) if "\t" in row[:len(row) - len(row.lstrip())]]
    if tabbed:
        # A tab looks like spaces in most editors; YAML refuses it whatever the parser's words.
        problems.add(path, tabbed[0] + 1 + line_offset, "", "deze regel springt in met een tab (onzichtbaar, "
                     "ziet eruit als spaties) — vervang de tab door spaties")
        return
    colon = _KEY_AND_TEXT.match(near[-1]) if near and "mapping values are not allowed" in what else None
    # Only when YAML stumbled on a colon inside the text, not on the key's own (an indentation mistake).
    if colon and mark.column >= colon.start(2) and not any(char in colon[2] for char in _CURLY_CHARS + "\"'"):
        # `titel: Actie: een titel` — the most common case, said with the field and the fix written out.
        key = escape_invisible(colon[1])
        problems.add(path, line, key, f"de tekst na `{key}:` bevat zelf een dubbele punt — zet die tekst tussen "
                     f"rechte aanhalingstekens: {key}: \"{shown(colon[2].strip())[1:-1]}\"")
        return
    if any(char in row for row in near for char in _CURLY_CHARS):
        # "Zet tekst tussen aanhalingstekens" would be no help: the editor did, with Word's curly ones.
        cause = "hier staan gekrulde aanhalingstekens (“ ” ‘ ’), die YAML niet als aanhalingstekens leest — " \
                "typ rechte aanhalingstekens \" rond de tekst"
    problems.add(path, line, "", f"{cause} (op deze regel of de regel erboven)")


def _too_deep(text: str) -> int | None:
    """The line where nesting passes MAX_DEPTH, counted on libyaml's events (flat, no recursion)."""
    if len(_NESTING_SIGNS.findall(text)) < _DEEP_SCAN_FROM:
        return None  # too few signs to nest deep enough to harm the parser; the loader counts the rest
    depth = 0
    for event in yaml.parse(text, Loader=_LineLoader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark.line + 1
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def parse_yaml(text: str, path: str, problems: Problems, line_offset: int = 0) -> LineDict | None:
    """YAML text (as source.read_text gives it: already cleaned) → LineDict, or None after reporting
    why it cannot be read."""
    loader = _LineLoader(text)
    loader.notes = []
    try:
        deep_at = _too_deep(text)
        if deep_at is not None:
            raise _Refused(deep_at, f"dit is meer dan {MAX_DEPTH} niveaus diep ingesprongen of genest — "
                           "controleer de inspringing en de haakjes [ ] { }")
        data = loader.get_single_data()
    except _Refused as refused:
        problems.add(path, refused.line + line_offset, refused.field, refused.message)
        return None
    except yaml.YAMLError as error:
        _yaml_problem(problems, path, text, error, line_offset)
        return None
    finally:
        loader.dispose()
    for line, message in loader.notes:
        problems.add(path, line + line_offset, "", message)
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
