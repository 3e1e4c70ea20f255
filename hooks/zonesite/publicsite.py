"""What the public site leaves out that the editors' preview shows. Knows nothing of MkDocs.

The preview is the editors' workshop: the manual in the menu and the search, the repository link
and an edit pencil on every page, drafts (marked). The public site is the zone's, not a
documentation tool's: none of that. The MkDocs adapter and `make export` both ask here."""

from __future__ import annotations

from typing import Any

from . import urls


def nav_uris(nav: Any) -> list[str]:
    """Every page named in a menu in mkdocs.yml's `nav` form."""
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [uri for value in nav.values() for uri in nav_uris(value)]
    if isinstance(nav, list):
        return [uri for item in nav for uri in nav_uris(item)]
    return []


def public_nav(nav: Any) -> list[Any]:
    """mkdocs.yml's own menu without the editors' manual."""
    return [entry for entry in nav or [] if not all(uri.startswith(urls.MANUAL) for uri in nav_uris(entry))]


def searchable(src_uri: str) -> bool:
    """Whether a page belongs in the public site's search."""
    return not src_uri.startswith(urls.MANUAL)
