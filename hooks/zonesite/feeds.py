"""RSS 2.0 and Atom 1.0 feeds of published news, written with feedgen. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
import html

import lxml.html
from feedgen.feed import FeedGenerator

from . import urls
from .content import Post
from .render import sanitize
from .settings import SiteSettings

FEED_ITEMS = 30


def item_content(body_html: str, page_url: str) -> str:
    """An item's rendered content as feed content: out of the site, so every address is absolute."""
    if not body_html.strip():
        return ""
    body = lxml.html.fragment_fromstring(body_html, create_parent="div")
    for anchor in body.find_class("headerlink"):  # the ¶ links mean nothing in a reader
        anchor.drop_tree()
    body.make_links_absolute(page_url, resolve_base_href=False)
    return (body.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in body)


def build_feed(posts: list[tuple[str, Post]], html_by_url: dict[str, str], site: SiteSettings,
               self_path: str) -> FeedGenerator:
    """`posts` are (page url, post), newest first; `html_by_url` holds each item's rendered body."""
    base = site.absolute("")
    feed = FeedGenerator()
    feed.load_extension("dc")  # feedgen's RSS ignores an author without an e-mail; dc:creator doesn't
    feed.id(base)
    feed.title(site.site_name)
    feed.subtitle(site.site_description or site.site_name)
    feed.link(href=base + self_path, rel="self")
    feed.link(href=base, rel="alternate")  # after "self": feedgen's RSS <link> takes the last one
    feed.language("nl-BE")
    feed.generator("Zonesite")
    # Atom wants an author for every entry; one at feed level covers them all. The zone writes its
    # news, under the name it gives itself in mkdocs.yml; an e-mail only when it gave one there.
    zone = site.zone_fields
    author = {"name": zone.get("name") or site.site_name}
    if zone.get("email"):
        author["email"] = zone["email"]
    feed.author(author)
    selected = posts[:FEED_ITEMS]
    # The newest item's moment, not "now": the same content gives the same feed, byte for byte.
    updated = max((post.item.published for _, post in selected),
                  default=dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    feed.updated(updated)
    feed.lastBuildDate(updated)
    for url, post in reversed(selected):  # feedgen prepends: add oldest first to get newest first
        link = base + url
        entry = feed.add_entry()
        entry.id(link)  # built from the date and file name, never the title: edits don't duplicate
        entry.guid(link, permalink=True)
        entry.title(post.item.title)
        entry.link(href=link)
        entry.published(post.item.published)
        entry.updated(post.item.published)
        # RSS <description> and Atom <summary>: readers render both as HTML, so the plain text is escaped.
        entry.summary(html.escape(post.item.description, quote=False), type="html")
        # Escaped HTML, declared as such: Atom has no "CDATA" type, and readers then know it is markup.
        entry.content(sanitize(item_content(html_by_url.get(url, ""), link)), type="html")
        for tag in post.item.tags:
            entry.category(term=tag)
        entry.dc.dc_creator(author["name"])
    return feed


def feed_files(posts: list[tuple[str, Post]], html_by_url: dict[str, str], site: SiteSettings) -> dict[str, bytes]:
    """RSS and Atom, by address."""
    return {urls.RSS: build_feed(posts, html_by_url, site, urls.RSS).rss_str(pretty=True),
            urls.ATOM: build_feed(posts, html_by_url, site, urls.ATOM).atom_str(pretty=True)}
