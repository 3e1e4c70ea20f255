"""`make verify`, the content gate for any zone: it passes a clean zone with drafts and an embargo, and
names the page of every broken link, inaccessible element and leaked unpublished text."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_project
from test_news import add_item
from test_toolkit import zonesite
from zonesite.content import load_content
from zonesite.publish import hidden as not_public
from zonesite.verify import unfilled, unpublished_traces
from zonesite.zone import set_value


def fill_in(project: Path) -> None:
    """What a zone does before it publishes: its own address, and every scaffold text replaced."""
    config = project / "mkdocs.yml"
    config.write_text(set_value(config.read_text(encoding="utf-8"), ("site_url",), "https://www.proefzone.be/"),
                      encoding="utf-8")
    for file in (project / "plans").rglob("*.yml"):
        text = file.read_text(encoding="utf-8")
        file.write_text(text.replace("Nog niet ingevuld: ", "").replace("# nog niet ingevuld", "#"), encoding="utf-8")


def verify(project: Path) -> subprocess.CompletedProcess:
    """`make verify` without make: a build and a browser, so it gets more time than the quick commands."""
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    return subprocess.run([sys.executable, "-m", "zonesite", "--root", str(project), "verify"],
                          capture_output=True, text=True, env=env, cwd=project, timeout=600)


@pytest.fixture
def zone(tmp_path):
    """A new zone (few pages, so axe-core is quick) with one published item, a draft and an embargo."""
    project = make_project(tmp_path / "project")
    assert zonesite(project, "new-zone", "--name", "Eerstelijnszone Proefzone Zuid").returncode == 0
    fill_in(project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    add_item(project, "2026-01-05-open.md", title="Een gewoon gepubliceerd bericht", date="2026-01-05",
             description="Dit staat op de site.")
    add_item(project, "2026-01-06-concept.md", title="Geheim concept over de fusie", date="2026-01-06",
             description="Nog niet aankondigen in het café.", extra="draft: true", body="De geheime tekst over de fusie.")
    add_item(project, "2099-01-05-later.md", title="Bericht onder embargo tot 2099", date="2099-01-05",
             description="Pas later.", body="Deze tekst mag pas in 2099 verschijnen.")
    return project


def test_a_clean_zone_with_drafts_and_an_embargo_passes(zone):
    result = verify(zone)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 berichten nog niet gepubliceerd" in result.stdout
    assert "Alles in orde" in result.stdout


def test_broken_links_and_inaccessible_content_fail_with_their_page(zone):
    add_item(zone, "2026-02-02-kapot.md", title="Een bericht met fouten", date="2026-02-02",
             description="Kapotte en lege link.",
             body='Zie [de verdwenen pagina](../../../../bestaat-niet/) en <a href="../../../../agenda/"></a>.')
    result = verify(zone)
    assert result.returncode == 1
    assert "nieuws/2026/02/kapot/index.html → ../../../../bestaat-niet/" in result.stderr
    assert any(line.strip().startswith("nieuws/2026/02/kapot/: link-name") for line in result.stderr.splitlines()), \
        result.stderr
    assert "Traceback" not in result.stderr


def test_unpublished_text_anywhere_in_the_output_is_found(zone, tmp_path):
    content, _ = load_content(zone, dt.datetime(2026, 11, 18, tzinfo=dt.timezone.utc))
    hidden, published = not_public(content)
    assert len(hidden) == 2 and len(published) == 1
    site = tmp_path / "site"
    (site / "nieuws").mkdir(parents=True)
    (site / "nieuws" / "index.html").write_text("<p>Een gewoon gepubliceerd bericht</p>", encoding="utf-8")
    (site / "search").mkdir()
    (site / "search" / "search_index.json").write_text('{"text": "Deze tekst mag pas in 2099 verschijnen."}')
    (site / "search" / "other.json").write_text('{"title": "Nog niet aankondigen in het caf\\u00e9."}')
    (site / "feed.xml").write_text("<title>Geheim concept over de fusie</title>")
    found = unpublished_traces(site, hidden, published)
    assert sorted(line.split(":")[0] for line in found) == ["feed.xml", "search/other.json", "search/search_index.json"]
    assert all("news/20" in line for line in found)  # it names the file the text came from


def test_a_new_zone_is_not_published_before_it_is_filled_in(tmp_path):
    project = make_project(tmp_path / "project")
    assert zonesite(project, "new-zone", "--name", "Eerstelijnszone Proefzone Oost").returncode == 0
    _, checked = load_content(project, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    lines = unfilled(project, checked)
    assert lines[0].startswith("mkdocs.yml: site_url: het adres van de site is nog niet ingevuld")
    assert any(line.startswith("plans/beleidsplan.yml:") for line in lines[1:])
    fill_in(project)
    _, checked = load_content(project, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))
    assert unfilled(project, checked) == []
