"""The published view every planner reads, and the helpers they share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from ..content import Content, Post
from ..memory import Memory
from ..metadata import Metadata
from ..models.actionplan import ActionPlan
from ..models.identity import Identity
from ..models.policy import PolicyPlan
from ..relations import Index, image_url, post_url, progress_entries
from ..render import Renderer
from ..settings import SiteSettings
from ..siteplan import GeneratedPage
from ..timeline import timeline_rows
from .. import urls


@dataclass
class View:
    """What every planner reads: the published content, its relations, the renderer, the settings."""

    content: Content
    index: Index
    renderer: Renderer
    site: SiteSettings
    identity: Identity
    metadata: Metadata
    memory: Memory  # what a preview build may reuse of the one before (costly files)
    _bodies: dict[str, Markup] = field(default_factory=dict)
    _timelines: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _appendices: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Every template builds addresses the same way; no page has to pass these along.
        self.renderer.env.globals.update(
            urls=urls, post_url=post_url, image_url=image_url, progress_entries=progress_entries,
            absolute=self.site.absolute,  # an address to copy (a feed's), complete with the host
            voice=lambda u, je: u if self.identity.voice == "u" else je,
            municipalities=self.identity.municipalities)  # empty: the zone does not use them

    def page(self, template: str, url: str, title: str, source: str = "", description: str = "",
             hide: tuple[str, ...] = (), updated: dt.date | None = None, jsonld: dict[str, Any] | None = None,
             share: dict[str, Any] | None = None, feeds: str = "", **context) -> GeneratedPage:
        """A page rendered from `template`; `jsonld` is its schema.org data, `share` what a shared
        link shows (by default its title and description with the zone's image), `feeds` the name
        of the page's own feeds (a topic's, a fiche's), which its head then announces."""
        meta: dict[str, Any] = {"description": description} if description else {}
        if feeds:
            meta["feeds"] = feed_links(url, feeds)
        if hide:
            meta["hide"] = list(hide)  # Material's front matter: wide tables need the room
        if jsonld:
            meta["jsonld"] = jsonld
        meta["share"] = share or self.metadata.share(url, title, description)
        return GeneratedPage(url, self.renderer.render(template, url, **context), title, meta, source, updated)

    def post_body(self, post: Post) -> Markup:
        """A news item's own content, rendered once: its page shows it, the feeds carry it."""
        url = post_url(post)
        if url not in self._bodies:
            body = self.renderer.body(post.body)
            self._bodies[url] = Markup(self.renderer.render("_post_body.html", url, post=post, body=body))
        return self._bodies[url]

    def appendices(self, plan: PolicyPlan | ActionPlan) -> list[dict[str, Any]]:
        """Each appendix with where it can be read: its own page, its published file, or a link.
        The plan pages and the print views list them; the plan pages publish the files."""
        if plan.id not in self._appendices:
            entries = []
            for appendix in plan.appendices:
                href, file = "", self.content.appendix_files.get(id(appendix))
                if appendix.content:
                    href, file = urls.appendix(plan.id, appendix.title), None
                elif file is not None:
                    href = urls.appendix_file(plan.id, file.name)
                entries.append({"appendix": appendix, "href": href, "external": appendix.link, "file": file})
            self._appendices[plan.id] = entries
        return self._appendices[plan.id]

    def timeline(self, plan: ActionPlan) -> list[dict[str, Any]]:
        """The plan's year, row by row: the timeline page, the print view and the Word file show it."""
        if plan.id not in self._timelines:
            self._timelines[plan.id] = timeline_rows(plan, self.content.fiches.get(plan.id, []))
        return self._timelines[plan.id]


FEED_TYPES = {"rss": ("application/rss+xml", "RSS"), "atom": ("application/atom+xml", "Atom"),
              "json": ("application/feed+json", "JSON Feed")}


def feed_links(url: str, name: str) -> list[dict[str, str]]:
    """A page's own feeds as the theme's head announces them (`<link rel="alternate">`)."""
    addresses = urls.feeds(url)
    return [{"type": kind, "title": f"{name} ({label})", "href": addresses[key]}
            for key, (kind, label) in FEED_TYPES.items()]
