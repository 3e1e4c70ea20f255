"""Rendered HTML read back as plain text, and plain text wrapped for mail programs: the text
version of the newsletter says what the HTML version says, without markup. MkDocs-free."""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser


def _bare(address: str) -> str:
    return re.sub(r"^(?:https?://|mailto:)", "", address).rstrip("/")


class _TextReader(HTMLParser):
    """Rendered Markdown read back as plain text for the text email: blocks apart by a blank line,
    list items on lines of their own with a dash or their number, links as `text: address`."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr", "table", "ul",
              "ol", "div", "figure", "figcaption", "details", "summary", "dl", "dt", "dd"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, bool]] = []  # (text, is a list item)
        self.words: list[str] = []
        self.lists: list[list] = []  # per open list: [ordered, next number]
        self.marker = ""
        self.links: list[tuple[str, int]] = []  # per open link: (address, where its text starts)

    def flush(self) -> None:
        text = " ".join("".join(self.words).split())
        if text:
            indent = "  " * max(len(self.lists) - 1, 0)
            self.blocks.append((indent + self.marker + text if self.marker else text, bool(self.marker)))
        self.words, self.marker = [], ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.BLOCKS:
            self.flush()
        if tag in ("ul", "ol"):
            self.lists.append([tag == "ol", int(dict(attrs).get("start") or 1)])
        elif tag == "li" and self.lists:
            ordered, number = self.lists[-1]
            self.marker = f"{number}. " if ordered else "- "
            self.lists[-1][1] += 1
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.words)))
        elif tag == "img":
            self.words.append(dict(attrs).get("alt") or "")
        elif tag == "br":
            self.words.append(" ")
        elif tag in ("td", "th"):
            self.words.append("  ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            address, start = self.links.pop()
            text = "".join(self.words[start:]).strip()
            if address and _bare(address) != _bare(text):  # <https://…> already shows its address
                self.words.append(f": {address.removeprefix('mailto:')}")
        elif tag in self.BLOCKS:
            self.flush()
            if tag in ("ul", "ol") and self.lists:
                self.lists.pop()

    def handle_data(self, data: str) -> None:
        self.words.append(data)

    def text(self) -> str:
        self.flush()
        out = ""
        for i, (block, item) in enumerate(self.blocks):
            if i:
                out += "\n" if item and self.blocks[i - 1][1] else "\n\n"
            out += block
        return out


_LIST_MARKER = re.compile(r"^\s*(?:[-*]|\d+\.)\s")


def wrap(text: str, width: int = 78) -> str:
    """Plain text with its lines wrapped at `width`; a list item's next lines line up under its
    text. Addresses are never broken: one longer than a line stands alone on its own."""
    lines = []
    for line in text.split("\n"):
        marker = _LIST_MARKER.match(line)
        lines.extend(textwrap.wrap(line, width, subsequent_indent=" " * marker.end() if marker else "",
                                   break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(lines)


def as_text(html: str) -> str:
    """HTML (an editor's rendered Markdown) as plain text."""
    reader = _TextReader()
    reader.feed(html)
    reader.close()
    return reader.text()
