"""The site plan: every page and file of the site, each at an address claimed once. MkDocs-free.

plan_site() runs one planner per output family (planners/), each returning its part of the site
from the published view; the plan then claims every address once (two outputs or two content
files wanting one address are a content error naming both) and is looked up by address."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import urls
from .claims import PageClaims
from .render import toc


@dataclass
class GeneratedPage:
    url: str
    html: str  # the page's content, final: the engine puts it in the theme without a Markdown pass
    title: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the content file behind the page, for "edit this page"
    updated: dt.date | None = None  # when what the page shows last changed (the sitemap's lastmod)

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def theme_meta(self) -> dict[str, Any]:
        """What the theme reads of the page (title, description, hide, sharing tags, JSON-LD)."""
        # MkDocs and Material print the title and description without escaping (nav, <meta>):
        # escape them here, or a title could carry markup into every page of the site.
        meta = {**self.meta, "title": html.escape(self.title)}
        if "description" in meta:
            meta["description"] = html.escape(meta["description"])
        return meta

    def front_matter(self) -> str:
        """The page's metadata as front matter, for an engine that reads it from the file (export)."""
        front = yaml.safe_dump(self.theme_meta(), allow_unicode=True, sort_keys=True, width=1000)
        return f"---\n{front}---\n"

    def toc(self) -> list[dict]:
        return toc(self.html)


@dataclass
class Part:
    """What one planner adds to the site."""

    pages: list[GeneratedPage] = field(default_factory=list)
    nav: list[Any] = field(default_factory=list)  # mkdocs.yml's `nav` form, pointing at src_uri
    # address → generated content; in the preview a slow file may come later (memory.Later)
    files: dict[str, Any] = field(default_factory=dict)
    assets: dict[str, str] = field(default_factory=dict)  # address → content file published as is


@dataclass
class SitePlan:
    pages: list[GeneratedPage]
    nav: list[Any]
    files: dict[str, Any]
    assets: dict[str, str]

    def __post_init__(self) -> None:
        self._by_url = {page.url: page for page in self.pages}

    def page(self, url: str) -> GeneratedPage | None:
        return self._by_url.get(url)


def plan_site(parts: list[Part], fixed: dict[str, str] | None = None) -> SitePlan:
    """The parts as one site; `fixed` are addresses already taken (the site's sections, docs/)."""
    claims = PageClaims(fixed)
    plan = SitePlan([], [], {}, {})
    for part in parts:
        for page in part.pages:
            claims.take(page.url, page.source or f"de pagina '{page.title}'")
        for path in [*part.files, *part.assets]:
            claims.take(path, f"het bestand {path}")
        plan.pages += part.pages
        plan.nav += part.nav
        plan.files.update(part.files)
        plan.assets.update(part.assets)
    claims.raise_if_any()
    plan.__post_init__()
    return plan
