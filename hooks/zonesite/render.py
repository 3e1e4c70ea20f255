"""Jinja2 rendering of generated pages: templates hold the markup, this module the filters."""

from __future__ import annotations

import datetime as dt
import functools
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import markdown
import nh3
from babel.dates import format_date, format_datetime
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .models.common import YearMonth
from .urls import relative

LOCALE = "nl_BE"

# The same Markdown dialect as the site's own pages (mkdocs.yml), so a field reads like a page.
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "sane_lists", "mdx_truly_sane_lists", "smarty"]
MARKDOWN_CONFIG = {"mdx_truly_sane_lists": {"nested_indent": 2, "truly_sane": True}}

# Editors may write HTML in Markdown, but a leaked account must not plant scripts on the site.
_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"figure", "figcaption", "details", "summary", "mark"}


def sanitize(html: str) -> str:
    return nh3.clean(html, tags=_ALLOWED_TAGS, link_rel="noopener")


# A whole rendered page keeps the markup Markdown and our templates produce (ids for anchors,
# classes for styling, ARIA), but loses scripts, event handlers and javascript: links.
_PAGE_TAGS = _ALLOWED_TAGS | {"div", "span", "section", "nav", "time", "dl", "dt", "dd", "figure",
                              "figcaption", "abbr", "sup", "sub", "caption", "thead", "tbody", "tfoot"}
_PAGE_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "tabindex", "hidden"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "time": {"datetime"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start", "reversed"},
    "abbr": {"title"},
}


# Ids the theme and our scripts look up (Material's `__config`, `__search`, `__palette_0`, our `zs-…`)
# and the `data-md-…` attributes Material mounts its components on: an element in a body carrying
# one would be found first and take over that role.
_RESERVED_IDS = ("_", "zs-", "md-", "md_")


def _own_ids_only(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and value.lower().startswith(_RESERVED_IDS):
        return None
    if attribute.lower().startswith("data-md"):
        return None
    return value


def sanitize_page(html: str) -> str:
    return nh3.clean(html, tags=_PAGE_TAGS, attributes=_PAGE_ATTRIBUTES, link_rel="noopener",
                     generic_attribute_prefixes={"aria-", "data-"}, strip_comments=False,
                     attribute_filter=_own_ids_only)


_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def plain(text: str) -> Markup:
    """Text shown literally where Markdown would read it (a heading): no links, no attributes."""
    return Markup(_MARKDOWN_SPECIALS.sub(r"\\\1", str(escape(text))))


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


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string (a print margin's content): everything but ASCII letters and
    digits as a six-digit escape, so content can neither end the string nor the <style> element.
    Spaces too: CSS swallows one white-space character after an escape."""
    return Markup('"' + "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x}"
                                for c in text) + '"')


def long_date(value: dt.date | dt.datetime) -> str:
    """17 mei 2025"""
    return format_date(value, "d MMMM y", locale=LOCALE)


def date_time(value: dt.date | dt.datetime) -> str:
    """17 mei 2025 om 19.30 uur, or the date alone for a whole day."""
    if isinstance(value, dt.datetime):
        return f"{long_date(value)} om {time_of_day(value)}"
    return long_date(value)


def _clock(value: dt.datetime) -> str:
    # The Flemish way to write a time: 18.30, never 18:30. Every time on the site comes from here.
    return format_datetime(value, "HH.mm", locale=LOCALE)


def time_of_day(value: dt.datetime) -> str:
    """18.30 uur"""
    return f"{_clock(value)} uur"


def _day(value: dt.date) -> str:
    return format_date(value, "EEEE d MMMM y", locale=LOCALE)


def event_when(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None) -> str:
    """donderdag 10 december 2026 van 18.30 tot 21.30 uur; a date alone is a whole day."""
    if isinstance(start, dt.datetime):
        if end is None:
            return f"{_day(start)} om {time_of_day(start)}"
        if end.date() == start.date():
            return f"{_day(start)} van {_clock(start)} tot {time_of_day(end)}"
        return f"van {_day(start)} om {time_of_day(start)} tot {_day(end)} om {time_of_day(end)}"
    if end is None or end == start:
        return f"{_day(start)} (hele dag)"
    return f"van {_day(start)} tot {_day(end)}"


@functools.cache  # list pages repeat the same archive months; Babel is slow per call
def month_name(value: YearMonth | int, year: bool = True) -> str:
    """maart 2024, or maart."""
    if isinstance(value, int):
        return format_date(dt.date(2000, value, 1), "MMMM", locale=LOCALE)
    return format_date(dt.date(value.year, value.month, 1), "MMMM y" if year else "MMMM", locale=LOCALE)


def timing_text(timing) -> str:
    """A `Timing` as the plan wrote it; the plain month form as month names (maart 2025 tot mei 2025)."""
    if timing is None:
        return ""
    if timing.text:
        return timing.text
    if timing.first == timing.last:
        return month_name(timing.first)
    return f"{month_name(timing.first)} tot {month_name(timing.last)}"


def host(url: str) -> str:
    """The site a link leads to, for link texts that say where they go: `www.example.be`."""
    return urlsplit(url).hostname or url


def month_abbr(month: int) -> str:
    return format_date(dt.date(2000, month, 1), "MMM", locale=LOCALE).rstrip(".")


class Renderer:
    def __init__(self, template_dir: Path):
        self._markdown = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS,
                                           extension_configs=MARKDOWN_CONFIG)
        self.env = Environment(
            loader=FileSystemLoader(template_dir),
            autoescape=select_autoescape(["html"], default=False),  # plain-text email: no escaping
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(event_when=event_when)
        self.env.filters.update(
            md=self.markdown, text=self.text, plain=plain, date=long_date, datetime=date_time, time=time_of_day,
            month=month_name, month_abbr=month_abbr, when=timing_text, css_string=css_string, host=host,
        )

    def markdown(self, text: str) -> Markup:
        """An editor's Markdown field as safe HTML, wrapped so that it forms one raw HTML block."""
        if not text or not text.strip():
            return Markup("")
        html = sanitize(self._markdown.reset().convert(text))
        return Markup(f'<div class="zs-md">\n{html}\n</div>')

    def text(self, text: str) -> str:
        """An editor's Markdown field as plain text (for the text email): the same Markdown as
        the site renders, read back without its markup."""
        if not text or not text.strip():
            return ""
        reader = _TextReader()
        reader.feed(sanitize(self._markdown.reset().convert(text)))
        reader.close()
        return reader.text()

    def render_detached(self, template: str, **context) -> str:
        """Render a template that lives outside the site's pages (an email)."""
        return self.env.get_template(template).render(**context)

    def render(self, template: str, url: str, **context) -> str:
        """Render `template` for the page at `url`; `link(target)` makes a relative address."""
        return self.env.get_template(template).render(
            link=lambda target: relative(target, url), page_url=url, **context)
