"""News feeds: RSS 2.0 and Atom 1.0 (written with feedgen) and JSON Feed 1.1, for the whole site,
a topic or a fiche. Knows nothing of MkDocs.

One item model, three serialisations: a feed's items are chosen once (`latest`) and made into
FeedItems once; RSS, Atom and JSON Feed then write that same list, so they can never disagree."""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from typing import Callable, TypeVar

import lxml.html
from feedgen.feed import FeedGenerator

from .render import sanitize
from .settings import SiteSettings

FEED_ITEMS = 30
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
T = TypeVar("T")


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: a news item, or a fiche's progress entry."""

    url: str  # its address in the site (a progress entry's with a #fragment): also its stable id
    title: str
    published: dt.datetime
    summary: str  # plain text
    content_html: str  # final: sanitised, every address absolute (feed_content)
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedInfo:
    """What a feed says about itself: its title and subtitle, and the page it follows."""

    title: str
    subtitle: str
    page: str  # the address of the page the feed follows ("" for the whole site)


def latest(entries: list[T], published: Callable[[T], dt.datetime], key: Callable[[T], str]) -> list[T]:
    """The newest FEED_ITEMS entries, newest first (ties by `key`): the one selection of a feed's items."""
    return sorted(entries, key=lambda entry: (published(entry), key(entry)), reverse=True)[:FEED_ITEMS]


def item_content(body_html: str, page_url: str) -> str:
    """An item's rendered content as feed content: out of the site, so every address is absolute."""
    if not body_html.strip():
        return ""
    body = lxml.html.fragment_fromstring(body_html, create_parent="div")
    for anchor in body.find_class("headerlink"):  # the ¶ links mean nothing in a reader
        anchor.drop_tree()
    body.make_links_absolute(page_url, resolve_base_href=False)
    return (body.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in body)


def feed_content(body_html: str, page_url: str) -> str:
    return sanitize(item_content(body_html, page_url))


def _author(site: SiteSettings) -> dict[str, str]:
    # The zone writes its news, under the name it gives itself in mkdocs.yml; an e-mail only when
    # it gave one there.
    zone = site.zone_fields
    author = {"name": zone.get("name") or site.site_name}
    if zone.get("email"):
        author["email"] = zone["email"]
    return author


def _updated(items: list[FeedItem]) -> dt.datetime:
    # The newest item's moment, not "now": the same content gives the same feed, byte for byte.
    return max((item.published for item in items), default=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))


def build_feed(items: list[FeedItem], site: SiteSettings, self_path: str, info: FeedInfo) -> FeedGenerator:
    """`items` as chosen by `latest`, newest first."""
    home = site.absolute(info.page)
    feed = FeedGenerator()
    feed.load_extension("dc")  # feedgen's RSS ignores an author without an e-mail; dc:creator doesn't
    feed.id(home)
    feed.title(info.title)
    feed.subtitle(info.subtitle)
    feed.link(href=site.absolute(self_path), rel="self")
    feed.link(href=home, rel="alternate")  # after "self": feedgen's RSS <link> takes the last one
    feed.language("nl-BE")
    feed.generator("Zonesite")
    # Atom wants an author for every entry; one at feed level covers them all.
    author = _author(site)
    feed.author(author)
    feed.updated(_updated(items))
    feed.lastBuildDate(_updated(items))
    for item in reversed(items):  # feedgen prepends: add oldest first to get newest first
        link = site.absolute(item.url)
        entry = feed.add_entry()
        entry.id(link)  # built from dates and file names, never the title: edits don't duplicate
        entry.guid(link, permalink=True)
        entry.title(item.title)
        entry.link(href=link)
        entry.published(item.published)
        entry.updated(item.published)
        # RSS <description> and Atom <summary>: readers render both as HTML, so the plain text is escaped.
        entry.summary(html.escape(item.summary, quote=False), type="html")
        # Escaped HTML, declared as such: Atom has no "CDATA" type, and readers then know it is markup.
        entry.content(item.content_html, type="html")
        for tag in item.tags:
            entry.category(term=tag)
        entry.dc.dc_creator(author["name"])
    return feed


def json_feed(items: list[FeedItem], site: SiteSettings, self_path: str, info: FeedInfo) -> bytes:
    """JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the same items as the RSS and Atom."""
    author = {"name": _author(site)["name"]}
    entries = []
    for item in items:
        link = site.absolute(item.url)
        entry = {"id": link, "url": link, "title": item.title, "content_html": item.content_html,
                 "summary": item.summary, "date_published": item.published.isoformat(),
                 "date_modified": item.published.isoformat()}
        if item.tags:
            entry["tags"] = list(item.tags)
        entries.append(entry)
    feed = {"version": JSON_FEED_VERSION, "title": info.title, "home_page_url": site.absolute(info.page),
            "feed_url": site.absolute(self_path), "description": info.subtitle, "language": "nl-BE",
            "authors": [author], "items": entries}
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def feed_files(items: list[FeedItem], site: SiteSettings, addresses: dict[str, str], info: FeedInfo) -> dict[str, bytes]:
    """RSS, Atom and JSON Feed of `items`, by address; `addresses` as urls.feeds() gives them."""
    rss, atom, json_address = addresses["rss"], addresses["atom"], addresses["json"]
    return {rss: build_feed(items, site, rss, info).rss_str(pretty=True),
            atom: build_feed(items, site, atom, info).atom_str(pretty=True),
            json_address: json_feed(items, site, json_address, info)}
