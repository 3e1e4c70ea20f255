"""The pipeline in one call: load → check → publish → plan → render. Knows nothing of MkDocs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .checks import check_all
from .claims import docs_addresses
from .content import Content
from .dates import build_time
from .memory import Memory
from .metadata import Metadata
from .models.identity import Identity
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
        docs_dir: Path | None = None, dialect: Dialect | None = None, memory: Memory | None = None) -> Build:
    """Load and check all content, let through what may be seen, then plan and render every page
    and file. Raises ContentError on bad content. `preview`: the editors' own preview (drafts too);
    `memory`: what the previous preview build left to reuse."""
    memory = memory or Memory()
    now = build_time()
    content, identity, problems = check_all(root, site, now, nav, docs_dir)
    problems.raise_if_any()
    shown = publish(content, preview)
    renderer = memory.renderer(root / "overrides" / "zonesite", dialect, site, identity)
    metadata = Metadata(site, identity)
    return Build(plan(shown, renderer, site, identity, metadata, docs_addresses(root), memory), metadata)


def plan(content: Content, renderer: Renderer, site: SiteSettings, identity: Identity, metadata: Metadata,
         fixed: dict[str, str] | None = None, memory: Memory | None = None) -> SitePlan:
    """Every page and file of the site, from published content; `fixed`: addresses already taken."""
    view = View(content, Index.of(content), renderer, site, identity, metadata, memory or Memory())
    return plan_site([planner(view) for planner in PLANNERS], fixed)
