"""Any zone's plans at the root, without a news/ folder (git keeps no empty folders): check and build."""

from __future__ import annotations

import shutil

import pytest
import yaml
from conftest import FIXTURES, build_site, make_project, squash
from test_toolkit import zonesite

ZONES = sorted(path.parent.name for path in FIXTURES.glob("*/plans"))


def test_every_fixture_zone_is_tried():
    assert {"dender-zuid", "regio-aalst", "noord-limburg"} <= set(ZONES)


@pytest.mark.parametrize("zone", ZONES)
def test_a_zones_plans_without_news_check_and_build(zone, tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / zone / "plans")
    shutil.rmtree(project / "news")
    check = zonesite(project, "check")
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip().endswith("0 berichten: alles in orde")
    site = build_site(project, tmp_path / "site")
    assert not (project / "news").exists()
    home = site.text("")
    policies = [yaml.safe_load(file.read_text(encoding="utf-8")) for file in (project / "plans").glob("*.yml")]
    assert policies and all(squash(plan["zone"]) in home for plan in policies)
    assert "Er is nog geen nieuws." in home and "Er is nog geen nieuws." in site.text("nieuws/")
    assert (site.path / "feed.xml").is_file() and (site.path / "agenda.ics").is_file()
