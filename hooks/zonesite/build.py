"""The pipeline in one call: load → validate → generate pages. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .claims import docs_addresses
from .content import Content, load_content
from .models.identity import Identity
from .validation import explain
from pydantic import ValidationError

from .pages import Pages, generate_pages
from .render import Renderer


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that two builds of the same input match byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(tz=dt.timezone.utc)


@dataclass
class Build:
    root: Path
    now: dt.datetime
    content: Content
    pages: Pages


def run(root: Path, site: dict[str, Any], include_drafts: bool = False) -> Build:
    """Load and check all content, then generate every page. Raises ContentError on bad content."""
    now = build_time()
    content, problems = load_content(root, now, include_drafts)
    identity = check_identity(site, problems)
    problems.raise_if_any()
    renderer = Renderer(root / "overrides" / "zonesite")
    return Build(root, now, content, generate_pages(content, renderer, site, identity, docs_addresses(root)))


def check_identity(site: dict[str, Any], problems) -> Identity | None:
    """The zone identity from mkdocs.yml `extra.zone`, or None after reporting its problems."""
    zone = site.get("zone") or {"name": site.get("site_name") or "Zonesite"}
    try:
        return Identity.model_validate(zone)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = "extra.zone." + ".".join(str(part) for part in detail["loc"])
            problems.add("mkdocs.yml", 0, field, explain(Identity, detail))
        return None
