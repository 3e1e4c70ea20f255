"""Quality gates on the built example site: reproducible bytes and links that resolve."""

from __future__ import annotations

import hashlib
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from conftest import ROOT, build_site

ARTIFACTS = ROOT / "test-artifacts"


def digests(site: Path) -> dict[str, str]:
    return {file.relative_to(site).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
            for file in sorted(site.rglob("*")) if file.is_file()}


def test_two_builds_are_byte_identical(example_site, tmp_path):
    again = build_site(example_site.project, tmp_path / "again")
    first, second = digests(example_site.path), digests(again.path)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"differ between two builds: {differing}"
    for needed in ("feed.xml", "atom.xml", "agenda.ics", "sitemap.xml", "sitemap.xml.gz",
                   "search/search_index.json"):
        assert needed in first
    assert any(name.endswith("email.html") for name in first)


def test_every_internal_link_and_asset_resolves(example_site):
    site = example_site.path
    broken, external = [], set()
    pages = list(site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        ids = None
        for element in soup.find_all(["a", "img", "link", "script", "source"]):
            target = element.get("href") or element.get("src")
            if not target or target.startswith(("mailto:", "tel:", "data:", "*|")):
                continue
            parts = urlsplit(target)
            if parts.scheme in ("http", "https", "webcal"):
                external.add(target)
                continue
            # 404.html uses root-relative addresses (site_url's path is "/").
            relative = "" if parts.path.startswith("/") else page.relative_to(site).parent.as_posix()
            path = posixpath.normpath(posixpath.join(relative, unquote(parts.path).lstrip("/"))) if parts.path \
                else page.relative_to(site).as_posix()
            file = site / path
            if file.is_dir():
                file = file / "index.html"
            if not file.is_file():
                broken.append(f"{page.relative_to(site)} → {target}")
            elif parts.fragment and file == page:
                ids = ids or {tag.get("id") for tag in soup.find_all(id=True)}
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} → #{parts.fragment}")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "external-links.txt").write_text("\n".join(sorted(external)) + "\n", encoding="utf-8")
    assert not broken, "\n".join(broken[:50])
