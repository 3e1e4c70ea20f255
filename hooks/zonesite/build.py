"""The pipeline in one call: load → check → publish → plan → render. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .claims import docs_addresses
from .content import Content, load_content
from .docs import check_docs
from .dates import build_time
from .errors import Problems
from .models.identity import Identity
from .validation import explain
from pydantic import ValidationError

from .metadata import Metadata
from .planners import PLANNERS
from .planners.view import View
from .publish import publish
from .relations import Index
from .render import Dialect, Renderer
from .settings import SiteSettings
from .siteplan import SitePlan, plan_site


@dataclass
class Build:
    plan: SitePlan
    metadata: Metadata  # what search engines and shared links get, also for the pages in docs/


def run(root: Path, site: SiteSettings, preview: bool = False, nav: Any = None,
        docs_dir: Path | None = None, dialect: Dialect | None = None) -> Build:
    """Load and check all content, let through what may be seen, then plan and render every page
    and file. Raises ContentError on bad content. `preview`: the editors' own preview (drafts too)."""
    now = build_time()
    content, identity, problems = check_all(root, site, now, nav, docs_dir)
    problems.raise_if_any()
    shown = publish(content, preview)
    renderer = Renderer(root / "overrides" / "zonesite", dialect)
    metadata = Metadata(site, identity)
    return Build(plan(shown, renderer, site, identity, metadata, docs_addresses(root)), metadata)


def plan(content: Content, renderer: Renderer, site: SiteSettings, identity: Identity, metadata: Metadata,
         fixed: dict[str, str] | None = None) -> SitePlan:
    """Every page and file of the site, from published content; `fixed`: addresses already taken."""
    view = View(content, Index.of(content), renderer, site, identity, metadata)
    return plan_site([planner(view) for planner in PLANNERS], fixed)


def check_all(root: Path, site: SiteSettings, now: dt.datetime, nav: Any,
              docs_dir: Path | None) -> tuple[Content, Identity | None, Problems]:
    """Every check, the same for `make check` and the build, so that they never disagree.

    `nav` is mkdocs.yml's own menu (None when it has none: then MkDocs lists every page)."""
    content, problems = load_content(root, now)
    check_docs(root, docs_dir or root / "docs", nav, problems)
    identity = check_identity(site, problems)
    return content, identity, problems


def check_identity(site: SiteSettings, problems) -> Identity | None:
    """The zone identity from mkdocs.yml `extra.zone`, or None after reporting its problems."""
    zone = site.zone or {"name": site.site_name or "Zonesite"}
    try:
        return Identity.model_validate(zone)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = "extra.zone." + ".".join(str(part) for part in detail["loc"])
            problems.add("mkdocs.yml", 0, field, explain(Identity, detail))
        return None
