"""Where it happens: the zone's municipalities (`extra.zone.gemeenten` in mkdocs.yml), named by fiches
and news items, shown on their pages and in the agenda, a filter on the action plan overview and a
page per municipality. Expectations come from the fixture YAML and the test mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import shutil
import zoneinfo
from pathlib import Path

import pytest
import yaml
from conftest import BUILD_EPOCH, EXAMPLE, FIXTURES, ROOT, TEST_CONFIG, make_project, squash
from test_data import plans_of, public_news

from zonesite.build import run
from zonesite.checks import check_identity
from zonesite.errors import ContentError, Problems
from zonesite.settings import SiteSettings, read_config, site_settings

NAMES = yaml.safe_load(TEST_CONFIG.read_text(encoding="utf-8"))["extra"]["zone"]["gemeenten"]
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
BUILT = dt.datetime.fromtimestamp(int(BUILD_EPOCH), dt.timezone.utc)
ADDRESS = {"Geraardsbergen": "gemeente/geraardsbergen/", "Ninove": "gemeente/ninove/"}


def fiches_naming(name: str) -> dict[str, list[str]]:
    """Per action plan title: the titles of the fiches that name `name`, in the fixture YAML."""
    _, actions = plans_of("dender-zuid")
    found = {plan["titel"].strip(): [f["titel"].strip() for f in fiches if name in (f.get("gemeenten") or [])]
             for plan, fiches in actions.values()}
    return {plan: titles for plan, titles in found.items() if titles}


def ends(event: dict) -> dt.datetime:
    last = event.get("end") or event["start"]
    if isinstance(last, dt.datetime):
        return last.replace(tzinfo=BRUSSELS)
    day = last if isinstance(last, dt.date) else dt.date.fromisoformat(str(last)[:10])
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), BRUSSELS)


def titles(page, selector: str) -> list[str]:
    return [squash(node.get_text(" ")) for node in page.select(selector)]


def test_the_example_uses_the_feature():
    # Guard for the tests below: they would pass vacuously on a zone without municipalities.
    assert NAMES == ["Geraardsbergen", "Ninove"]
    assert all(fiches_naming(name) for name in NAMES)
    assert all(any(name in (item.get("gemeenten") or []) for item in public_news("dender-zuid")) for name in NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_municipality_page_holds_exactly_its_actions_news_and_events(example_site, name):
    page = example_site.html(ADDRESS[name])
    assert squash(page.find("h1").get_text(" ")).startswith(name)
    article = page.find("article")
    shown = {squash(h3.get_text(" ")).rstrip(" ¶"): [squash(a.get_text(" ")).split(" ", 2)[-1]
                                                     for a in h3.find_next("ul").select("li > a")]
             for h3 in article.select('h3[id^="acties-"]')}  # a heading per action plan
    assert shown == fiches_naming(name)
    items = [item for item in public_news("dender-zuid") if name in (item.get("gemeenten") or [])]
    news = sorted(item["title"] for item in items if not item.get("event"))
    upcoming = sorted(item["title"] for item in items if item.get("event") and ends(item["event"]) >= BUILT)
    past = sorted(item["title"] for item in items if item.get("event") and ends(item["event"]) < BUILT)
    assert sorted(titles(article, ".zs-posts .zs-post__title")) == news
    assert sorted(titles(article, ".zs-events:not(.zs-events--past) .zs-event__title")) == upcoming
    assert sorted(titles(article, ".zs-events--past .zs-event__title")) == past
    assert news and (upcoming or past)
    # Every link into the site leads to a page of the site.
    for link in article.select("a[href]:not([href^='https:'])"):
        target = (example_site.path / ADDRESS[name] / link["href"].split("#")[0]).resolve()
        assert (target / "index.html").is_file() or target.is_file(), link["href"]


def test_the_list_of_municipalities_and_the_menu_link_every_page(example_site):
    page = example_site.html("gemeente/")
    links = {squash(a.get_text(" ")): a["href"] for a in page.select("article .zs-card > a")}
    assert links == {name: f"{ADDRESS[name].split('/')[1]}/" for name in NAMES}
    menu = {squash(a.get_text(" ")) for a in example_site.html("").select("nav a")}
    assert "Gemeenten" in menu


def test_the_overview_filters_by_municipality_without_javascript(example_site):
    _, actions = plans_of("dender-zuid")
    for plan_id, (plan, fiches) in actions.items():
        page = example_site.html(f"{plan_id}/")
        links = page.select("nav.zs-places a")
        assert [squash(a.get_text(" ")) for a in links] == NAMES
        for link, name in zip(links, NAMES):
            assert (example_site.path / plan_id / link["href"] / "index.html").resolve() == \
                (example_site.path / ADDRESS[name] / "index.html").resolve()
            named = sum(name in (f.get("gemeenten") or []) for f in fiches)
            assert f"{name} ({named})" in squash(page.select_one("nav.zs-places").get_text(" "))
        whole = sum(not f.get("gemeenten") for f in fiches)
        assert f"{whole} voor de hele zone" in squash(page.select_one("nav.zs-places").get_text(" "))
        # The progressive filter has the same choices.
        assert [o["value"] for o in page.select("select[name=gemeente] option")] == ["", *NAMES]


def test_fiche_news_and_agenda_pages_say_where(example_site):
    _, actions = plans_of("dender-zuid")
    for plan_id, (plan, fiches) in actions.items():
        for fiche in fiches:
            page = example_site.html(f"{plan_id}/actie-{str(fiche['id']).replace('.', '-')}/")
            facts = {squash(dt_.get_text(" ")): dt_.find_next("dd") for dt_ in page.select(".zs-facts dt")}
            where = facts.get("Gemeenten") or facts.get("Gemeente")
            if fiche.get("gemeenten"):
                assert [squash(a.get_text(" ")) for a in where.select("a")] == fiche["gemeenten"]
            else:
                assert squash(where.get_text(" ")) == "Hele zone"
    agenda = example_site.text("agenda/")
    for item in public_news("dender-zuid"):
        if item.get("event") and item.get("gemeenten"):
            label = "Gemeente" if len(item["gemeenten"]) == 1 else "Gemeenten"
            assert f"{label}: {', '.join(item['gemeenten'])}" in agenda
    post = example_site.text("nieuws/2024/04/in-gesprek-met-geraardsbergen-en-ninove/")
    assert "Gemeenten: Geraardsbergen, Ninove" in post


def test_the_filter_in_the_browser(example_site, serve, page):
    _, actions = plans_of("dender-zuid")
    plan_id, (_, fiches) = next(iter(actions.items()))
    page.goto(serve(example_site.path) + f"{plan_id}/")
    page.select_option("select[name=gemeente]", "Ninove")
    visible = page.eval_on_selector_all(".zs-fiches > li:not([hidden]) > a", "links => links.map(a => a.textContent)")
    expected = [f["titel"].strip() for f in fiches if "Ninove" in (f.get("gemeenten") or [])]
    assert sorted(squash(text).split(" ", 2)[-1] for text in visible) == sorted(expected)
    assert page.text_content(".zs-filters__count") == f"{len(expected)} van {len(fiches)} acties"
    # The no-JavaScript links stay: they are where the filter leads for readers without it.
    box = page.locator("nav.zs-places").bounding_box()
    assert box and box["height"] > 0


def pipeline(project: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    return run(project, site_settings(read_config(project)))


def without_municipalities(project: Path) -> Path:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("    gemeenten:")
    config.write_text(text[:start] + "    gemeenten: []\n" + text[start:].split("\n", 3)[3], encoding="utf-8")
    return project


def test_a_zone_without_the_list_gets_nothing_new(tmp_path, monkeypatch):
    project = without_municipalities(make_project(tmp_path / "project", FIXTURES / "noord-limburg" / "plans"))
    assert read_config(project)["extra"]["zone"]["gemeenten"] == []
    plan = pipeline(project, monkeypatch).plan
    assert not [page.url for page in plan.pages if page.url.startswith("gemeente/")]
    assert "Gemeenten" not in str(plan.nav)
    overviews = [page for page in plan.pages if 'id="zs-filters"' in page.html]
    assert overviews
    for page in overviews:
        assert "zs-places" not in page.html and 'name="gemeente"' not in page.html
        assert "data-gemeente" not in page.html


def test_items_naming_municipalities_in_a_zone_without_the_list_are_refused(tmp_path, monkeypatch):
    project = without_municipalities(make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news"))
    with pytest.raises(ContentError) as error:
        pipeline(project, monkeypatch)
    naming = sorted(path.relative_to(EXAMPLE).as_posix() for path in [*EXAMPLE.rglob("fiches/*.yml"),
                                                                       *EXAMPLE.glob("news/[0-9]*/*.md")]
                    if "\ngemeenten:" in path.read_text(encoding="utf-8"))
    assert naming
    assert sorted(p.path for p in error.value.problems) == naming
    assert {p.message for p in error.value.problems} == {
        "deze zone heeft geen lijst met gemeenten — zet ze in mkdocs.yml onder `extra.zone.gemeenten`, of haal "
        "`gemeenten` hier weg (zonder gaat het over de hele zone)"}


def test_drafts_embargo_and_expired_items_never_reach_a_municipality_page(tmp_path, monkeypatch):
    project = make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news")
    folder = project / "news" / "2026"
    items = {"draft": ("2026-11-02", "draft: true\n"), "embargo": ("2026-12-24", ""),
             "expired": ("2026-11-03", "expires: 2026-11-10\n"), "public": ("2026-11-04", "")}
    for kind, (date, extra) in items.items():
        (folder / f"{date}-proef-{kind}.md").write_text(
            f"---\ntitle: Proef {kind}\ndate: {date}\ndescription: Een proef.\n{extra}gemeenten:\n  - ninove\n---\n\n"
            "Tekst.\n", encoding="utf-8")
    plan = pipeline(project, monkeypatch).plan
    html = plan.page(ADDRESS["Ninove"]).html
    assert "Proef public" in html  # and `ninove` in small letters found the zone's Ninove
    assert not [kind for kind in ("draft", "embargo", "expired") if f"Proef {kind}" in html]
    assert "Proef public" not in plan.page(ADDRESS["Geraardsbergen"]).html


def test_the_list_in_mkdocs_yml_is_checked():
    problems = Problems()
    assert check_identity(SiteSettings(zone={"name": "Proef", "gemeenten": ["Sint-Lievens-Houtem", "Ninove",
                                                                            "sint lievens houtem"]}), problems) is None
    assert [str(p) for p in problems.items] == [
        "mkdocs.yml: extra.zone.gemeenten: 'sint lievens houtem' en 'Sint-Lievens-Houtem' zijn dezelfde gemeente — "
        "schrijf elke gemeente één keer"]
    identity = check_identity(SiteSettings(zone={"name": "Proef"}), problems)
    assert identity.municipalities == []
