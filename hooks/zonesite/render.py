"""Jinja2 rendering of generated pages: templates hold the markup, this module the filters."""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown.extensions.toc import slugify
from urllib.parse import urlsplit

from markupsafe import Markup

from . import charts
from .dates import event_when, long_date, month_abbr, month_name, timing_text
from .plaintext import as_text
from .urls import relative

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


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string (a print margin's content): everything but ASCII letters and
    digits as a six-digit escape, so content can neither end the string nor the <style> element.
    Spaces too: CSS swallows one white-space character after an escape."""
    return Markup('"' + "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x}"
                                for c in text) + '"')


def host(url: str) -> str:
    """The site a link leads to, for link texts that say where they go: `www.example.be`."""
    return urlsplit(url).hostname or url


def one_line(markdown: str) -> str:
    """Markdown as one line of plain text: a timeline cell, a description (the page shows it in full)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"^\s*(?:[-+*]|\d+\.)\s+", "", text, flags=re.M)
    return " ".join(re.sub(r"(\*\*|__|`)", "", text).split())


@dataclass(frozen=True)
class Dialect:
    """The site's Markdown (mkdocs.yml `markdown_extensions`), in which news bodies are written."""

    extensions: tuple = ("toc", "tables", "fenced_code")  # what MkDocs always adds
    configs: dict = field(default_factory=dict)

    @classmethod
    def from_config(cls, extensions: Any) -> "Dialect":
        """mkdocs.yml's `markdown_extensions` (names, or one-key mappings to their settings) as
        MkDocs reads them: its own three first."""
        names, configs = list(cls.extensions), {}
        for entry in extensions or []:
            name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
            if name not in names:
                names.append(name)
            if settings:
                configs[name] = settings
        return cls(tuple(names), configs)

    @property
    def permalink_title(self) -> str | None:
        """The title of a heading's ¶ link, or None when headings get none (toc `permalink`)."""
        toc = self.configs.get("toc") or {}
        if not toc.get("permalink"):
            return None
        return str(toc.get("permalink_title") or "Permanent link")


_HEADING = re.compile(r'<h([1-6])\b[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]*>")


def toc(page_html: str) -> list[dict]:
    """The headings of a page as a nested outline (Python-Markdown's `toc_tokens` shape, which
    MkDocs and the theme read for the "on this page" menu and search sections)."""
    tokens: list[dict] = []
    open_: list[dict] = []
    for level, ident, inner in _HEADING.findall(page_html):
        inner = inner.split('<a class="headerlink"', 1)[0]
        name = html.escape(html.unescape(_TAG.sub("", inner)).strip(), quote=False)
        token = {"level": int(level), "id": html.unescape(ident), "name": name, "children": []}
        while open_ and open_[-1]["level"] >= token["level"]:
            open_.pop()
        (open_[-1]["children"] if open_ else tokens).append(token)
        open_.append(token)
    return tokens


class Renderer:
    """Renders generated pages to HTML and converts each distinct Markdown text once.

    Generated pages never pass through Markdown as a whole: their templates write HTML, and the
    editors' texts inside them are converted here, once per text, however many pages show them."""

    def __init__(self, template_dir: Path, dialect: Dialect | None = None):
        self._fields = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIG)
        self.dialect = dialect or Dialect()
        self._bodies = markdown.Markdown(extensions=list(self.dialect.extensions),
                                         extension_configs=self.dialect.configs)
        self._converted: dict[tuple[str, str], Markup] = {}
        # A Markdown converter holds state while it converts: the preview's slow file is made in a
        # thread (memory.Later) while the next build may already convert (and hang on a shared one).
        self._converting = threading.Lock()
        # Each page's last rendering with its context: a renderer kept for the next build
        # (memory.py) renders again only the pages whose context changed.
        self._rendered: dict[tuple[str, str], tuple[dict[str, Any], str]] = {}
        self.env = Environment(
            loader=FileSystemLoader(template_dir),
            autoescape=select_autoescape(["html"], default=False),  # plain-text email: no escaping
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.globals.update(event_when=event_when, heading=self.heading, results=charts.result)
        self.env.filters.update(
            md=self.markdown, text=self.text, date=long_date, month=month_name, month_abbr=month_abbr,
            when=timing_text, css_string=css_string, host=host, number=charts.number)

    def markdown(self, text: str) -> Markup:
        """An editor's Markdown field as safe HTML."""
        if not text or not text.strip():
            return Markup("")
        key = ("field", text)
        if key not in self._converted:
            with self._converting:
                converted = sanitize(self._fields.reset().convert(text))
            self._converted[key] = Markup(f'<div class="zs-md">\n{converted}\n</div>')
        return self._converted[key]

    def body(self, text: str) -> Markup:
        """A news item's body in the site's own Markdown: headings get ids and ¶ links like a
        hand-written page. It may hold HTML; an editor's account must not be able to plant a script."""
        key = ("body", text)
        if key not in self._converted:
            with self._converting:
                self._converted[key] = Markup(sanitize_page(self._bodies.reset().convert(text)))
        return self._converted[key]

    def heading(self, level: int, ident: str = "", classes: str = "", caller=None) -> Markup:
        """`{% call heading(2, "id") %}Text{% endcall %}`: a heading with an anchor and a ¶ link,
        as Markdown's toc extension writes them. Without an id, one is made from the text."""
        inner = caller() if caller else Markup("")
        ident = ident or slugify(html.unescape(_TAG.sub("", str(inner))), "-") or f"h{level}"
        attributes = Markup(' id="{}"').format(ident)
        if classes:
            attributes += Markup(' class="{}"').format(classes)
        link = Markup("")
        if self.dialect.permalink_title is not None:
            link = Markup('<a class="headerlink" href="#{}" title="{}">¶</a>').format(
                ident, self.dialect.permalink_title)
        return Markup("<h{0}{1}>{2}{3}</h{0}>").format(level, attributes, inner, link)

    def text(self, text: str) -> str:
        """An editor's Markdown field as plain text (for the text email): the same conversion as
        on the site, read back without its markup."""
        return as_text(self.markdown(text)) if text and text.strip() else ""

    def render_detached(self, template: str, **context) -> str:
        """Render a template that lives outside the site's pages (an email)."""
        return self.env.get_template(template).render(**context)

    def render(self, template: str, url: str, **context) -> str:
        """Render `template` for the page at `url`; `link(target)` makes a relative address."""
        kept = self._rendered.get((template, url))
        if kept is not None and kept[0] == context:
            return kept[1]
        rendered = self.env.get_template(template).render(
            link=lambda target: relative(target, url), page_url=url, **context)
        self._rendered[(template, url)] = (context, rendered)
        return rendered
