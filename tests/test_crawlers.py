"""What search engines read: the sitemap's dates, robots.txt and canonical links.

The example is built on a far-off day, so that a date taken from the build instead of from the
content cannot pass for a real one. Expected dates come from the fixture's YAML and front matter."""

from __future__ import annotations

import datetime as dt
import gzip
import urllib.robotparser

import pytest
import yaml
from conftest import EXAMPLE, TEST_CONFIG, build_site, make_project
from lxml import etree
from slugify import slugify

SITE_URL = yaml.safe_load(TEST_CONFIG.read_text(encoding="utf-8"))["site_url"]
BUILD_DAY = dt.date(2099, 1, 1)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def far_site(tmp_path_factory):
    """The example, with one fiche that has no progress yet (every example fiche has some)."""
    base = tmp_path_factory.mktemp("far")
    project = make_project(base / "project", EXAMPLE / "plans", EXAMPLE / "news")
    fiche = sorted((project / "plans").glob("*/fiches/*.yml"))[-1]
    data = load(fiche)
    del data["voortgang"]
    fiche.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    epoch = int(dt.datetime.combine(BUILD_DAY, dt.time(12), tzinfo=dt.timezone.utc).timestamp())
    return build_site(project, base / "site", SOURCE_DATE_EPOCH=str(epoch))


def lastmods(data: bytes) -> dict[str, str | None]:
    urlset = etree.fromstring(data)
    return {url.findtext(SITEMAP + "loc"): url.findtext(SITEMAP + "lastmod") for url in urlset}


def load(path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def news_dates() -> dict[str, dt.date]:
    """Each example item's address and the day of its `date`."""
    dates = {}
    for path in (EXAMPLE / "news").glob("[0-9]*/*.md"):
        meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        dates[f"nieuws/{path.name[:4]}/{path.name[5:7]}/{path.name[11:-3]}/"] = dt.date.fromisoformat(str(meta["date"])[:10])
    return dates


def action_plans(plans):
    """(plan id, the plan's own YAML, {fiche address: fiche YAML}) of every action plan in `plans`."""
    for file in sorted(plans.glob("*/actieplan.yml")):
        plan = load(file)
        fiches = {f"{plan['id']}/actie-{slugify(str(fiche['id']))}/": fiche
                  for fiche in map(load, sorted(file.parent.glob("fiches/*.yml")))}
        yield plan["id"], plan, fiches


def test_sitemap_dates_are_the_content_dates(far_site):
    dates = lastmods((far_site.path / "sitemap.xml").read_bytes())
    items = news_dates()
    assert len(items) >= 12
    for url, day in items.items():
        assert dates[SITE_URL + url] == day.isoformat(), url
    assert dates[SITE_URL + "nieuws/"] == max(items.values()).isoformat()  # a list: its newest item
    plans = list(action_plans(far_site.project / "plans"))
    progress = [bool(fiche.get("voortgang")) for _, _, fiches in plans for fiche in fiches.values()]
    assert True in progress and False in progress
    for plan_id, plan, fiches in plans:
        versions = [version["datum"] for version in plan.get("versies") or []]
        own = versions + ([plan["ingediend_op"]] if plan.get("ingediend_op") else [])
        for url, fiche in fiches.items():
            # Its latest progress entry, else the plan's latest version.
            updates = [update["datum"] for update in fiche.get("voortgang") or []]
            assert dates[SITE_URL + url] == max(updates or versions).isoformat(), url
        # The plan's own pages change with any of its fiches.
        latest = max(own + [update["datum"] for fiche in fiches.values() for update in fiche.get("voortgang") or []])
        assert dates[SITE_URL + f"{plan_id}/"] == latest.isoformat()
    # The compressed copy says the same.
    assert gzip.decompress((far_site.path / "sitemap.xml.gz").read_bytes()) == (far_site.path / "sitemap.xml").read_bytes()


def test_no_page_from_plans_or_news_has_the_build_date(far_site):
    dates = lastmods((far_site.path / "sitemap.xml").read_bytes())
    # Hand-written pages (docs/, the manual) have no date of their own: they keep MkDocs' default.
    stems = [path.relative_to(far_site.project / "docs").with_suffix("").as_posix()
             for path in (far_site.project / "docs").rglob("*.md")]
    written = {SITE_URL + ("" if stem == "index" else stem.removesuffix("/index") + "/") for stem in stems}
    assert SITE_URL + "over/" in written
    generated = {url: date for url, date in dates.items()
                 if url not in written and not url.startswith(SITE_URL + "handleiding/")}
    assert len(generated) > 80
    assert [url for url, date in generated.items() if date is None or date == BUILD_DAY.isoformat()] == []


def test_robots_txt_names_the_sitemap_and_blocks_nothing(far_site):
    robots = urllib.robotparser.RobotFileParser()
    robots.parse((far_site.path / "robots.txt").read_text(encoding="utf-8").splitlines())
    assert robots.site_maps() == [SITE_URL + "sitemap.xml"]
    public = [*lastmods((far_site.path / "sitemap.xml").read_bytes()), SITE_URL + "feed.xml", SITE_URL + "atom.xml",
              SITE_URL + "agenda.ics", SITE_URL + "sitemap.xml"]
    assert [url for url in public if not robots.can_fetch("*", url)] == []
    for agent in ("Googlebot", "Bingbot", "DuckDuckBot"):
        assert robots.can_fetch(agent, SITE_URL)


def test_every_page_has_one_canonical_link_to_its_own_address(far_site):
    pages = sorted(far_site.path.rglob("index.html"))
    assert len(pages) > 80
    for file in pages:
        url = str(file.parent.relative_to(far_site.path)) + "/"
        url = "" if url == "./" else url
        links = far_site.html(url).select('link[rel="canonical"]')
        assert [link.get("href") for link in links] == [SITE_URL + url], url
