"""Every output address has one owner: two sources that want the same address are a content error.

Without this, the page written last silently wins (a plan with id `nieuws` would replace the news
index, fiche `1-1` would replace fiche `1.1`). Knows nothing of MkDocs."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from . import urls
from .errors import ContentError, Problem

# Top-level addresses the site itself uses, with what an editor would call them.
FIXED = {
    urls.NEWS: "de nieuwspagina",
    urls.AGENDA: "de agenda",
    urls.NEWSLETTERS: "de nieuwsbrieven",
    urls.SEARCH_DUTCH: "de zoekfunctie",
    urls.SEARCH: "de zoekfunctie",
    urls.THEME_ASSETS: "de vormgeving van de site",
    urls.MANUAL: "de handleiding",
    urls.DATA: "de open data",
    urls.PLACES: "de pagina's per gemeente",
}


def fixed_addresses(root: Path) -> dict[str, str]:
    """The site's own sections and the hand-written pages in docs/, by address."""
    fixed = dict(FIXED)
    docs = root / "docs"
    for entry in sorted(docs.iterdir()) if docs.is_dir() else []:
        name = entry.stem if entry.suffix == ".md" else entry.name
        if entry.is_dir() or (entry.suffix == ".md" and name != "index"):
            fixed.setdefault(f"{name}/", f"de pagina {entry.relative_to(root).as_posix()}")
    return fixed


def docs_addresses(root: Path) -> dict[str, str]:
    """The address of every hand-written page in docs/ (`a/index.md` → `a/`, `a/b.md` → `a/b/`)."""
    docs = root / "docs"
    pages = {}
    for file in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        parts = file.relative_to(docs).with_suffix("").parts
        address = "".join(f"{part}/" for part in (parts[:-1] if parts[-1] == "index" else parts))
        pages[address] = file.relative_to(root).as_posix()
    return pages


def key(address: str) -> str:
    """Addresses that a web server or a reader would take for one: case and accents do not count."""
    folded = unicodedata.normalize("NFKD", address.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


class Claims:
    """The owner of every address claimed so far."""

    def __init__(self, fixed: dict[str, str] | None = None):
        self._owners: dict[str, str] = {key(address): owner for address, owner in (fixed or {}).items()}

    def claim(self, address: str, owner: str) -> str | None:
        """Take `address` for `owner`; the earlier owner if it was already taken."""
        taken = key(address)
        if taken in self._owners:
            return self._owners[taken]
        self._owners[taken] = owner
        return None


class PageClaims(Claims):
    """The last check before anything is written: every generated page and file goes through it."""

    def __init__(self, fixed: dict[str, str] | None = None):
        super().__init__(fixed)
        self.problems: list[Problem] = []

    def take(self, address: str, owner: str) -> None:
        if (earlier := self.claim(address, owner)) is not None:
            self.problems.append(Problem(owner, 0, "", f"het adres /{address} is al van {earlier} — "
                                         "geef een van beide een ander id of een andere titel"))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ContentError(self.problems)
