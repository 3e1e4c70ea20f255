"""Checks on a news item's Markdown body: what MkDocs or the sanitizer would otherwise refuse or drop.

The build renders the body as a page of its own at the item's address, so a link to a file beside
the news file (another item, a second image) points nowhere there; MkDocs would stop with an
English message about paths. Embedded players are removed by the sanitizer. Both are told here,
in Dutch and before anything is built, so that `make check` and the build agree."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urlsplit

from . import links, urls
from .errors import Problems
from .errors import shown
from .source import Document

MAX_BODY = 200_000  # characters: some fifty pages of text; a pasted 20 MB file is refused at once

_NEWS_FILE = re.compile(r"^(\d{4})-(\d{2})-\d{2}-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
# Embedded players the sanitizer removes: the editor meant them to show something. (Scripts are
# removed silently: they are an attack, not a mistake to explain.)
_EMBED = re.compile(r"<(iframe|object|embed|video|audio)\b", re.I)


def check_body(doc: Document, page_url: str, problems: Problems) -> None:
    """Report links and embeds in `doc.body` that would not work on the page at `page_url`."""
    body = doc.body
    if len(body) > MAX_BODY:
        problems.add(doc.path, doc.body_line, "", f"de tekst is {len(body):,} tekens lang; de grens is "
                     f"{MAX_BODY:,} — is er per ongeluk iets groots in geplakt?".replace(",", "."))
        return
    for offset, line in enumerate(body.splitlines()):
        for embed in _EMBED.finditer(line):
            problems.add(doc.path, doc.body_line + offset, "", f"een <{embed[1].lower()}> wordt niet op de site "
                         "getoond en verdwijnt — zet een gewone link naar de video of pagina, bv. "
                         "[Bekijk de video](https://…)")
    # The addresses are found as the link check finds them (links.in_text): one reading of a body.
    for offset, target in links.in_text(body):
        message = _local_target_problem(target, page_url)
        if message:
            problems.add(doc.path, doc.body_line + offset, "", message)


def _local_target_problem(target: str, page_url: str) -> str | None:
    """Why a link or image address inside a body will not resolve, or None when it will or may."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None  # a web address, an anchor on the page, or an address from the site's root
    name = posixpath.basename(unquote(parts.path))
    if not posixpath.splitext(name)[1]:
        return None  # a page address such as ../andere-pagina/: MkDocs leaves those alone
    news = _NEWS_FILE.match(name)
    if news:
        year, month, slug = news.groups()
        address = urls.relative(urls.post(year, month, slug), page_url)
        return (f"een link naar een ander bericht ({shown(target)}) werkt niet op de site — schrijf het adres "
                f"van dat bericht: `{address}`")
    return (f"{shown(target)} wordt niet mee gepubliceerd: alleen de afbeelding in `image` staat op de site — "
            "link naar een bestand op een andere website (https://…), of gebruik `image`")
