"""Reading content files: YAML plans and Markdown with front matter, as documents that know
their file and the line of every key (yamlfile.py keeps the lines), whatever encoding they come in."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Problems, escape_invisible
from .placeholders import PLACEHOLDER, find_placeholders
from .yamlfile import MAX_FILE_BYTES, LineDict, LineList, clean, parse_yaml


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
def read_yaml(file: Path, root: Path, problems: Problems) -> Document | None:
    return _read(file, root, problems, _yaml_document)


def read_front_matter(file: Path, root: Path, problems: Problems) -> Document | None:
    """A Markdown file with YAML front matter between `---` lines."""
    return _read(file, root, problems, _front_matter_document)


# `make serve` reads every file again after each save: a text seen before is not parsed again.
# Keyed by the text itself, so a file that changed is always parsed anew. Documents are never
# changed after parsing, so one can serve every build.
_PARSED: dict[tuple[Any, str, str], tuple[Document | None, Problems]] = {}
_PARSED_LIMIT = 50_000  # texts; beyond it the memory starts over


def _read(file: Path, root: Path, problems: Problems, parse) -> Document | None:
    path = display_path(file, root)
    text = read_text(file, path, problems)
    if text is None:
        return None
    key = (parse, path, text)
    if key not in _PARSED:
        if len(_PARSED) >= _PARSED_LIMIT:
            _PARSED.clear()
        found = Problems()
        _PARSED[key] = (parse(path, text, found), found)
    document, found = _PARSED[key]
    problems.items += found.items
    problems.warnings += found.warnings
    return document


def _yaml_document(path: str, text: str, problems: Problems) -> Document | None:
    data = parse_yaml(text, path, problems)
    if data is None:
        return None
    document = Document(path, data)
    _warn_placeholders(document, text, 1, problems)
    return document


def _front_matter_document(path: str, text: str, problems: Problems) -> Document | None:
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
