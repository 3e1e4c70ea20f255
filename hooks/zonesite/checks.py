"""Every check of a zone's content, the same for `make check` and the build, so that they never
disagree: the files under plans/ and news/, the pages in docs/ and the zone in mkdocs.yml.
Knows nothing of MkDocs, and nothing of what is built from the content (a check starts fast)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .content import Content, load_content
from .docs import check_docs
from .errors import Problems
from .models.identity import Identity
from .places import Places, same_name_twice
from .settings import SiteSettings
from .validation import explain


def check_all(root: Path, site: SiteSettings, now: dt.datetime, nav: Any,
              docs_dir: Path | None) -> tuple[Content, Identity | None, Problems]:
    """Every check, the same for `make check` and the build, so that they never disagree.

    `nav` is mkdocs.yml's own menu (None when it has none: then MkDocs lists every page)."""
    zone_problems = Problems()
    identity = check_identity(site, zone_problems)
    # Fiches and news items may name the zone's municipalities: known only from a valid zone block.
    content, problems = load_content(root, now, Places(identity.municipalities if identity else None))
    check_docs(root, docs_dir or root / "docs", nav, problems)
    problems.items += zone_problems.items
    return content, identity, problems


def check_identity(site: SiteSettings, problems) -> Identity | None:
    """The zone identity from mkdocs.yml `extra.zone`, or None after reporting its problems."""
    zone = site.zone or {"name": site.site_name or "Zonesite"}
    try:
        identity = Identity.model_validate(zone)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = "extra.zone." + ".".join(str(part) for part in detail["loc"])
            problems.add("mkdocs.yml", 0, field, explain(Identity, detail))
        return None
    # Each municipality gets a page at an address made from its name: two names, one page.
    if message := same_name_twice(identity.municipalities):
        problems.add("mkdocs.yml", 0, "extra.zone.gemeenten", message)
        return None
    return identity
