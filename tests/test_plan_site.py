"""The plan website, built with a real `mkdocs build` and read back as HTML.

Expectations come from the YAML files themselves (read here with plain PyYAML), never from the
build code, so a page that drops a field fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from babel.dates import format_date
from conftest import EXAMPLE, FIXTURES, Site, markdown_words, squash
from slugify import slugify

# Keys whose values are shown in another form than written; checked by their own tests.
SHOWN_OTHERWISE = {"id", "strategische_doelstelling", "operationele_doelstelling", "voortzetting_van",
                   "maand", "tot", "van", "gekozen", "datum", "status"}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def leaves(data, key=None):
    """Every (key, text) pair of a YAML document, depth first."""
    if isinstance(data, dict):
        for child_key, value in data.items():
            yield from leaves(value, child_key)
    elif isinstance(data, list):
        for item in data:
            yield from leaves(item, key)
    elif isinstance(data, str) and data.strip():
        yield key, data


def plan_files(content_root: Path):
    policy = [load(p) for p in sorted((content_root / "plans").glob("*.yml"))]
    action = {p.parent.name: (load(p), [load(f) for f in sorted((p.parent / "fiches").glob("*.yml"))])
              for p in sorted((content_root / "plans").glob("*/actieplan.yml"))}
    return policy, action


def url_of_fiche(plan_id: str, fiche_id) -> str:
    return f"{plan_id}/actie-{slugify(str(fiche_id))}/"


def evaluation_kinds(fiche: dict) -> list[dict]:
    """The evaluation kinds written in a fiche (not its indicators that belong to no kind)."""
    return [kind for key, kind in (fiche.get("evaluatie") or {}).items() if key in ("proces", "output", "impact")]


def indicator_text(indicator) -> str:
    """An indicator written as a text, or as a block with `indicator` (and `soort`)."""
    return indicator if isinstance(indicator, str) else indicator["indicator"]


def check_policy_plan(site: Site, plan: dict) -> None:
    overview = site.text(f"{plan['id']}/")
    for sd in plan["strategische_doelstellingen"]:
        sd_url = f"{plan['id']}/sd-{slugify(str(sd['id']))}/"
        assert squash(sd["titel"]) in overview
        sd_text = site.text(sd_url)
        assert squash(sd["titel"]) in sd_text
        if sd.get("soort"):
            assert sd["soort"] in sd_text
        for od in sd.get("operationele_doelstellingen") or []:
            od_url = f"{plan['id']}/od-{slugify(str(od['id']))}/"
            assert squash(od["titel"]) in overview
            assert squash(od["titel"]) in sd_text
            od_text = site.text(od_url)
            assert squash(od["titel"]) in od_text
            for indicator in od.get("indicatoren") or []:
                assert squash(indicator_text(indicator)) in od_text
            for action in od.get("acties") or []:
                title = action if isinstance(action, str) else action["titel"]
                assert markdown_words(title) in od_text, f"{od_url}: action {title!r} missing"
                for indicator in ([] if isinstance(action, str) else action.get("indicatoren") or []):
                    assert markdown_words(indicator_text(indicator)) in od_text, f"{od_url}: {indicator!r} missing"


def check_fiche_page(site: Site, plan_id: str, year: int, fiche: dict, key: str | None = None) -> None:
    """`key`: the file name without extension, the address of a fiche without a number."""
    url = url_of_fiche(plan_id, fiche.get("id", key))
    text = site.text(url).lower()
    for key, value in leaves(fiche):
        if key in SHOWN_OTHERWISE:
            continue
        assert markdown_words(value).lower() in text, f"{url}: {key} {value[:60]!r} is not on the page"
    if "id" in fiche:
        assert f"actie {str(fiche['id']).lower()}" in text
    else:
        assert not site.html(url).select_one("article h1").get_text().lower().startswith("actie ")
    if "status" in fiche:
        assert fiche["status"] in text
    for milestone in [m for m in fiche.get("mijlpalen") or [] if "maand" in m]:
        year_, month = map(int, milestone["maand"].split("-"))
        assert format_date(dt.date(year_, month, 1), "MMMM y", locale="nl_BE") in text
    for kind in evaluation_kinds(fiche):
        assert ("☒" if kind.get("gekozen") else "☐") in text
    for update in fiche.get("voortgang") or []:
        assert format_date(update["datum"], "d MMMM y", locale="nl_BE") in text


def test_example_policy_plan_shows_every_objective(example_site):
    policy, _ = plan_files(EXAMPLE)
    assert policy, "the example has a policy plan"
    for plan in policy:
        check_policy_plan(example_site, plan)


def test_example_fiche_pages_show_every_field(example_site):
    _, action = plan_files(EXAMPLE)
    for plan_id, (plan, fiches) in action.items():
        assert len(fiches) == 5
        for fiche in fiches:
            check_fiche_page(example_site, plan_id, plan["jaar"], fiche)


def test_fiche_sections_follow_the_template_order(example_site):
    _, action = plan_files(EXAMPLE)
    plan_id, (_, fiches) = next(iter(action.items()))
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip()
                for h in example_site.html(url_of_fiche(plan_id, fiches[0]["id"])).select("article h2")]
    template = ["Wat?", "Waarom?", "Voor wie?", "Met wie?", "Hoe?", "Mijlpalen", "Evaluatie",
                "Link met andere doelstellingen", "Communicatie"]
    present = [h for h in headings if h in template]
    assert present == [h for h in template if h in present]
    assert present[:4] == template[:4]


def test_links_go_both_ways_between_objectives_and_fiches(example_site):
    _, action = plan_files(EXAMPLE)
    for plan_id, (plan, fiches) in action.items():
        policy_id = plan["beleidsplan"]
        for fiche in fiches:
            fiche_url = url_of_fiche(plan_id, fiche["id"])
            sd_url = f"{policy_id}/sd-{slugify(str(fiche['strategische_doelstelling']))}/"
            od_url = f"{policy_id}/od-{slugify(str(fiche['operationele_doelstelling']))}/"
            fiche_links = {a["href"] for a in example_site.html(fiche_url).select("article a[href]")}
            assert f"../../{sd_url}" in fiche_links and f"../../{od_url}" in fiche_links
            for objective_url in (sd_url, od_url):
                links = {a["href"] for a in example_site.html(objective_url).select("article a[href]")}
                assert f"../../{fiche_url}" in links, f"{objective_url} does not link to {fiche_url}"


def test_other_actions_show_under_their_objectives(example_site):
    _, action = plan_files(EXAMPLE)
    for plan_id, (plan, _) in action.items():
        for other in plan.get("overige_acties") or []:
            for objective in other["doelstellingen"]:
                kind = "od" if "." in str(objective) else "sd"
                text = example_site.text(f"{plan['beleidsplan']}/{kind}-{slugify(str(objective))}/")
                assert squash(other["titel"]) in text


def test_timeline_is_a_table_with_months_and_milestones(example_site):
    _, action = plan_files(EXAMPLE)
    for plan_id, (plan, fiches) in action.items():
        table = example_site.html(f"{plan_id}/tijdlijn/").select_one("article table")
        assert table.caption is not None
        columns = table.select("thead th[scope=col]")
        assert len(columns) == 13  # the action column and twelve months
        rows = table.select("tbody tr")
        assert len(rows) == len(fiches)
        for row, fiche in zip(rows, sorted(fiches, key=lambda f: [int(p) for p in str(f["id"]).split(".")])):
            assert row.select_one("th[scope=row]") is not None
            cells = row.select("td")
            assert len(cells) == 12
            if fiche.get("periode"):
                start, end = fiche["periode"]["van"], fiche["periode"]["tot"]
                expected = [start <= f"{plan['jaar']}-{m:02d}" <= end for m in range(1, 13)]
                assert ["zs-on" in (c.get("class") or []) for c in cells] == expected
            for milestone in fiche.get("mijlpalen") or []:
                month = int(milestone["maand"].split("-")[1])
                assert squash(milestone["wat"]) in squash(cells[month - 1].get_text(" "))


def test_action_plan_sections_and_versions(example_site):
    _, action = plan_files(EXAMPLE)
    for plan_id, (plan, _) in action.items():
        text = example_site.text(f"{plan_id}/over-dit-plan/")
        assert "Communicatie naar specifieke doelgroepen" in text
        assert "Functioneren als netwerkorganisatie" in text
        assert f"{plan['netwerkorganisatie']['personeelstijd_procent']}%" in text
        for version in plan["versies"]:
            assert format_date(version["datum"], "d MMMM y", locale="nl_BE") in text
            assert squash(str(version["versie"])) in text


def test_overview_lists_every_fiche_with_lead_and_status(example_site):
    _, action = plan_files(EXAMPLE)
    for plan_id, (plan, fiches) in action.items():
        cards = example_site.html(f"{plan_id}/").select(".zs-fiches > li")
        assert len(cards) == len(fiches)
        for fiche in fiches:
            card = next(c for c in cards if c.a["href"] == f"actie-{slugify(str(fiche['id']))}/")
            assert card["data-status"] == fiche["status"]
            assert squash(fiche["met_wie"]["trekker"]) in squash(card.get_text(" "))


def test_site_is_dutch(example_site):
    html = example_site.html("")
    assert html.html["lang"] == "nl"
    assert "Zoeken" in (example_site.path / "index.html").read_text(encoding="utf-8")
    assert (example_site.path / "toegankelijkheid" / "index.html").is_file()


def test_regio_aalst_fixture_builds_with_every_objective_and_action(fixture_site):
    site = fixture_site("regio-aalst")
    policy, _ = plan_files(FIXTURES / "regio-aalst")
    for plan in policy:
        check_policy_plan(site, plan)


def test_noord_limburg_fixture_builds_with_every_fiche(fixture_site):
    site = fixture_site("noord-limburg")
    policy, action = plan_files(FIXTURES / "noord-limburg")
    for plan in policy:
        check_policy_plan(site, plan)
    (plan_id, (plan, fiches)), = action.items()
    assert len(fiches) >= 9
    for fiche in fiches:
        check_fiche_page(site, plan_id, plan["jaar"], fiche)
