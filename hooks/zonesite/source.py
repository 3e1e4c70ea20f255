"""Reading content files into plain data that remembers where every key and item stood.

Editors need the line of a mistake, and PyYAML forgets it once the data is built; these
containers keep it so that later checks, which see only data, can still point at a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems
from .placeholders import PLACEHOLDER, find_placeholders


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
        # Escapes such as "\x0b" in a quoted string make control characters after reading.
        text = clean(super().construct_yaml_str(node))
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

    def construct_yaml_timestamp(self, node: yaml.ScalarNode):
        # An impossible date (2025-02-30) would crash PyYAML; keep the text for validation to explain.
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:str", _LineLoader.construct_yaml_str)
_LineLoader.add_constructor("tag:yaml.org,2002:int", _LineLoader.construct_yaml_int)
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
    near = text.splitlines()[max(0, mark.line - 1):mark.line + 1] if mark else []
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


def shown(value: Any, limit: int = 60) -> str:
    """A value quoted in a message: short, and with invisible characters made visible."""
    text = escape_invisible(str(value))
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


def escape_invisible(text: str) -> str:
    """Control characters (terminal escape sequences) shown as \\x1b instead of acting on the terminal."""
    return "".join(char if char.isprintable() or char == " " else repr(char)[1:-1] for char in text)


def parse_yaml(text: str, path: str, problems: Problems, line_offset: int = 0) -> LineDict | None:
    """YAML text → LineDict, or None after reporting why it cannot be read."""
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


def read_yaml(file: Path, root: Path, problems: Problems) -> Document | None:
    path = display_path(file, root)
    text = read_text(file, path, problems)
    data = parse_yaml(text, path, problems) if text is not None else None
    if data is None:
        return None
    document = Document(path, data)
    _warn_placeholders(document, text, 1, problems)
    return document


def read_front_matter(file: Path, root: Path, problems: Problems) -> Document | None:
    """A Markdown file with YAML front matter between `---` lines."""
    path = display_path(file, root)
    text = read_text(file, path, problems)
    if text is None:
        return None
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, "", "het bestand begint niet met een regel `---` — zet bovenaan `---`, dan de "
                     "velden (title, date, description …), dan weer `---` en dan de tekst")
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
    """The file as editors see it in messages: relative to the project, invisible characters shown."""
    try:
        shown = file.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        shown = file.as_posix()
    return escape_invisible(shown)


NOT_UTF8 = "dit bestand is geen UTF-8 — bewaar het als UTF-8 (in Kladblok: Opslaan als → Codering UTF-8)"


def read_text(file: Path, path: str, problems: Problems) -> str | None:
    """The file's text, or None after reporting why it cannot be content (too big, not UTF-8, a folder)."""
    if file.is_dir():
        problems.add(path, 1, "", "dit is een map, geen bestand — geef de map een naam zonder .yml of .md")
        return None
    try:
        if file.stat().st_size > MAX_FILE_BYTES:
            problems.add(path, 1, "", f"het bestand is {file.stat().st_size / 1e6:.1f} MB groot; de grens is "
                         f"{MAX_FILE_BYTES / 1e6:.0f} MB — is er per ongeluk iets groots in geplakt?")
            return None
        data = file.read_bytes()
    except OSError as error:
        problems.add(path, 0, "", f"het bestand kan niet gelezen worden ({error.strerror or error}) — "
                     "controleer of het bestaat en leesbaar is")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Notepad's "Unicode" (UTF-16)
        problems.add(path, 1, "", NOT_UTF8)
        return None
    try:
        # utf-8-sig: Windows editors sometimes save a byte-order mark, which YAML would choke on.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add(path, data.count(b"\n", 0, error.start) + 1, "", NOT_UTF8)
        return None
    return clean(text)
