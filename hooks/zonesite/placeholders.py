"""Scaffold text that nobody replaced yet, found so that `make check` can list it as a warning.

The scaffolds (`make new-zone`, `new-actieplan`, `new-fiche`, `new-news`) start every text an
editor still has to write with PLACEHOLDER, and mark a number or date they had to fill in with a
`# nog niet ingevuld` comment. A fresh zone must pass the check, so these are never errors."""

from __future__ import annotations

import re
from typing import Any, Iterator

PLACEHOLDER = "Nog niet ingevuld"
_COMMENT = re.compile(r"#\s*" + PLACEHOLDER, re.IGNORECASE)
_VALUE_FIX = "vervang de voorbeeldtekst door je eigen tekst"
_COMMENT_FIX = f"controleer de waarde en wis dan de opmerking `# {PLACEHOLDER.lower()}`"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip().lower().startswith(PLACEHOLDER.lower())


def find_placeholders(doc, yaml_text: str, first_line: int = 1) -> Iterator[tuple[int, tuple, str]]:
    """(line, location, fix) of every placeholder in a document whose YAML is `yaml_text`.

    `first_line` is the file line of the text's first line (front matter starts on line 2)."""
    seen: set[int] = set()
    key_at_line: dict[int, tuple] = {}
    for loc, value in _walk(doc.data, ()):
        line = doc.line_of(loc)
        key_at_line.setdefault(line, loc)
        if is_placeholder(value) and line not in seen:
            seen.add(line)
            yield line, loc, _VALUE_FIX
    for number, text in enumerate(yaml_text.splitlines(), start=first_line):
        if _COMMENT.search(text) and number not in seen:
            seen.add(number)
            yield number, key_at_line.get(number, ()), _COMMENT_FIX
    if doc.body:
        for number, text in enumerate(doc.body.splitlines(), start=doc.body_line):
            if is_placeholder(text):
                yield number, ("tekst",), _VALUE_FIX
                break  # one warning for the body is enough


def _walk(node: Any, loc: tuple) -> Iterator[tuple[tuple, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*loc, key), value
            yield from _walk(value, (*loc, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*loc, index), value
            yield from _walk(value, (*loc, index))
