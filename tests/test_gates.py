"""Quality gates on the built example site: reproducible bytes and links that resolve."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import ROOT, build_site
from zonesite.verify import broken_links

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
                   "search/search_index.json", "data/catalogus.jsonld", "data/nieuws.json",
                   "data/actieplan-2024.json", "data/actieplan-2024/acties.csv", "data/schema/actieplan.schema.json"):
        assert needed in first
    assert any(name.endswith("email.html") for name in first)


def test_every_internal_link_and_asset_resolves(example_site):
    assert len(list(example_site.path.rglob("*.html"))) > 50
    broken, external = broken_links(example_site.path)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "external-links.txt").write_text("\n".join(sorted(external)) + "\n", encoding="utf-8")
    assert not broken, "\n".join(broken[:50])
