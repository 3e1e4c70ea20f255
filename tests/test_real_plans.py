"""Real plans as they are written: vague timing, dates outside the plan's year, unnumbered actions,
sub-actions, appendices, references outside the site, no status, no policy-plan title or period.

Every expectation is read from the fixture YAML (tests/fixtures/zuidoost-hageland, noord-limburg,
regio-aalst) and looked for on the fiche page, the timeline, the print view and the Word file."""

from __future__ import annotations

import io
import shutil

import docx
from conftest import FIXTURES, build_site, make_project, markdown_words, squash
from test_plan_site import check_fiche_page, check_policy_plan, evaluation_kinds, load, plan_files

ZOH = FIXTURES / "zuidoost-hageland"
PLAN = "actieplan-2025"


def fiche_files(root):
    return {path.stem: load(path) for path in sorted((root / "plans" / PLAN / "fiches").glob("*.yml"))}


def word_text(site, plan_id=PLAN) -> tuple[str, list]:
    document = docx.Document(io.BytesIO((site.path / plan_id / f"{plan_id}.docx").read_bytes()))
    text = " ".join(p.text for p in document.paragraphs) + " " + " ".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells)
    return squash(text), document


def timeline_rows(site, plan_id=PLAN) -> dict[str, object]:
    rows = site.html(f"{plan_id}/tijdlijn/").select("article table tbody tr")
    return {squash(row.select_one("th a").get_text(" ")): row for row in rows}


def test_unnumbered_fiches_take_their_address_from_the_file_and_show_no_number(fixture_site):
    site = fixture_site("zuidoost-hageland")
    plan = load(ZOH / "plans" / PLAN / "actieplan.yml")
    fiches = fiche_files(ZOH)
    assert fiches and all("id" not in f for f in fiches.values())
    for stem, fiche in fiches.items():
        check_fiche_page(site, PLAN, plan["jaar"], fiche, key=stem)
        page = site.html(f"{PLAN}/actie-{stem}/")
        assert squash(page.select_one("article h1").get_text(" ")).rstrip(" ¶") == squash(fiche["titel"])
        # No status in the plan: none shown, and never the default "gepland".
        assert "gepland" not in site.text(f"{PLAN}/actie-{stem}/").lower()
        assert not page.select(".zs-status")
    overview = site.html(f"{PLAN}/")
    assert not overview.select(".zs-card__nr") and not overview.select(".zs-status")
    assert "Actie " not in " ".join(a.get_text() for a in overview.select(".zs-fiches a"))
    text, document = word_text(site)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    for fiche in fiches.values():
        assert fiche["titel"] in headings
    assert not any(h.startswith("Actie ") for h in headings)
    printed = site.html(f"{PLAN}/afdrukken/")
    print_titles = [squash(h.get_text(" ")).rstrip(" ¶") for h in printed.select("h2.zs-print-fiche")]
    assert sorted(print_titles) == sorted(squash(f["titel"]) for f in fiches.values())


def test_vague_timing_is_shown_as_written_and_spans_honestly(fixture_site):
    site = fixture_site("zuidoost-hageland")
    fiches = fiche_files(ZOH)
    rows = timeline_rows(site)
    text, _ = word_text(site)
    printed = site.text(f"{PLAN}/afdrukken/")
    for stem, fiche in fiches.items():
        page = site.text(f"{PLAN}/actie-{stem}/")
        row = rows[squash(fiche["korte_titel"])]
        row_text = squash(row.get_text(" "))
        for step in fiche["hoe"]["stappen"]:
            if "wanneer" in step:
                for where in (page, printed, text, row_text):
                    assert squash(step["wanneer"]) in where, (stem, step["wanneer"])
    # "voor de zomer van 2025": roughly January to June, hatched and marked as such, no single month.
    row = rows[squash(fiches["vaph-opgroeien"]["korte_titel"])]
    cells = row.select("td")
    step = fiches["vaph-opgroeien"]["hoe"]["stappen"][0]
    assert squash(step["wat"]) in squash(cells[0].get_text(" "))
    assert "voor de zomer van 2025" in cells[0].get_text(" ")
    # A step with words but no month ("op de laatste algemene vergadering") stays off the grid,
    # next to the action's name, never in a made-up month.
    row = rows[squash(fiches["communicatie"]["korte_titel"])]
    last = fiches["communicatie"]["hoe"]["stappen"][-1]
    assert squash(last["wanneer"]) in squash(row.select_one("th").get_text(" "))
    assert all(squash(last["wat"]) not in squash(c.get_text(" ")) for c in row.select("td"))


def test_dates_before_the_year_keep_their_real_month(fixture_site):
    site = fixture_site("zuidoost-hageland")
    plan = load(ZOH / "plans" / PLAN / "actieplan.yml")
    rows = timeline_rows(site)
    text, _ = word_text(site)
    other = plan["overige_acties"][0]
    row = rows[squash(other["titel"])]
    header = squash(row.select_one("th").get_text(" "))
    assert "loopt door tot december 2026" in header
    for milestone in other["mijlpalen"]:
        when = milestone.get("wanneer") or ""
        if "2024" in str(when) or str(milestone.get("maand", "")).startswith("2024"):
            # A 2024 milestone is named beside the row with its own date, not put in January 2025.
            assert squash(milestone["wat"]) in header
            assert squash(milestone["wat"]) not in squash(row.select("td")[0].get_text(" "))
            assert squash(milestone["wat"]) in text
    assert "september 2024" in header and "oktober 2024" in header
    # The fiche with work from October 2024 starts before the year and says so.
    aces = fiche_files(ZOH)["aces-in-zicht"]
    row = rows[squash(aces["korte_titel"])]
    assert squash(aces["hoe"]["stappen"][0]["wat"]) in squash(row.select("td")[0].get_text(" "))


def test_other_actions_with_timing_reach_the_timeline_and_the_documents(fixture_site):
    site = fixture_site("zuidoost-hageland")
    plan = load(ZOH / "plans" / PLAN / "actieplan.yml")
    rows = timeline_rows(site)
    text, _ = word_text(site)
    about = site.text(f"{PLAN}/over-dit-plan/")
    printed = site.text(f"{PLAN}/afdrukken/")
    for other in plan["overige_acties"]:
        assert (squash(other["titel"]) in rows) == bool(other.get("wanneer") or other.get("mijlpalen"))
        for where in (about, printed, text):
            assert squash(other["titel"]) in where
            assert markdown_words(other["omschrijving"]).split(".")[0] in where
    timed = next(o for o in plan["overige_acties"] if o.get("wanneer") == 2025)
    cells = rows[squash(timed["titel"])].select("td")
    assert all("zs-approx" in (c.get("class") or []) for c in cells)  # "2025": the year, roughly


def test_plan_without_title_or_period_shows_nothing_made_up(fixture_site):
    site = fixture_site("zuidoost-hageland")
    policy = load(ZOH / "plans" / "beleidsplan.yml")
    assert "titel" not in policy and "periode" not in policy
    check_policy_plan(site, policy)
    home = site.text("")
    overview = site.text(f"{policy['id']}/")
    for where in (home, overview, site.text(f"{PLAN}/"), site.text(f"{PLAN}/afdrukken/")):
        assert "2024-2026" not in where and "2024–2026" not in where
    for sd in policy["strategische_doelstellingen"]:
        for od in sd["operationele_doelstellingen"]:
            if "termijn" in od:
                assert f"termijn: {od['termijn']}" in overview
                assert squash(str(od["termijn"])) in site.text(f"{policy['id']}/od-{od['id'].replace('.', '-')}/")


def test_network_staff_time_as_text_and_continuations_outside_the_site(fixture_site):
    site = fixture_site("zuidoost-hageland")
    plan = load(ZOH / "plans" / PLAN / "actieplan.yml")
    staff = plan["netwerkorganisatie"]["personeelstijd"]
    text, _ = word_text(site)
    for where in (site.text(f"{PLAN}/over-dit-plan/"), site.text(f"{PLAN}/afdrukken/"), text):
        assert squash(staff) in where
    for stem, fiche in fiche_files(ZOH).items():
        if "voortzetting_van" in fiche:
            shown = squash(fiche["voortzetting_van"]["tekst"])
            assert shown in site.text(f"{PLAN}/actie-{stem}/")
            assert shown in text


def test_appendices_are_listed_everywhere(fixture_site, tmp_path):
    site = fixture_site("zuidoost-hageland")
    plan = load(ZOH / "plans" / PLAN / "actieplan.yml")
    text, _ = word_text(site)
    for appendix in plan["bijlagen"]:
        for where in (site.text(f"{PLAN}/"), site.text(f"{PLAN}/over-dit-plan/"),
                      site.text(f"{PLAN}/afdrukken/"), text):
            assert squash(appendix["titel"]) in where
            assert markdown_words(appendix["omschrijving"]).split(".")[0] in where
    # An appendix that is a file in the repository is published and linked from every place.
    plans = tmp_path / "plans"
    shutil.copytree(ZOH / "plans", plans)
    (plans / PLAN / "bijlagen").mkdir()
    (plans / PLAN / "bijlagen" / "Tijdlijn ELZOH.csv").write_text("maand;actie\n", encoding="utf-8")
    plan_file = plans / PLAN / "actieplan.yml"
    plan_file.write_text(plan_file.read_text(encoding="utf-8") + "  - titel: Tijdlijn als bestand\n"
                         "    bestand: bijlagen/Tijdlijn ELZOH.csv\n"
                         "  - titel: Toelichting bij de tijdlijn\n"
                         "    inhoud: De tijdlijn volgt het werkjaar van de zorgraad.\n", encoding="utf-8")
    built = build_site(make_project(tmp_path / "project", plans), tmp_path / "site")
    # An appendix written out as text becomes a page of its own, linked from the plan.
    assert "De tijdlijn volgt het werkjaar van de zorgraad." in built.text(f"{PLAN}/bijlage-toelichting-bij-de-tijdlijn/")
    assert any(a["href"] == "bijlage-toelichting-bij-de-tijdlijn/" for a in built.html(f"{PLAN}/").select("article a"))
    assert (built.path / PLAN / "bijlagen" / "tijdlijn-elzoh.csv").read_text() == "maand;actie\n"
    for url in (f"{PLAN}/", f"{PLAN}/afdrukken/"):
        links = [a for a in built.html(url).select("article a") if a.get_text() == "Tijdlijn als bestand"]
        assert links and links[0]["href"].endswith("bijlagen/tijdlijn-elzoh.csv")
    document = docx.Document(io.BytesIO((built.path / PLAN / f"{PLAN}.docx").read_bytes()))
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert any(t.endswith(f"{PLAN}/bijlagen/tijdlijn-elzoh.csv") for t in targets)


def test_sub_actions_with_their_own_lead_and_timing(fixture_site):
    site = fixture_site("noord-limburg")
    root = FIXTURES / "noord-limburg"
    _, action = plan_files(root)
    (plan_id, (plan, fiches)), = action.items()
    fiche = next(f for f in fiches if f.get("deelacties"))
    url = f"{plan_id}/actie-{fiche['id'].replace('.', '-')}/"
    page = site.html(url)
    rows = timeline_rows(site, plan_id)
    text, document = word_text(site, plan_id)
    printed = site.text(f"{plan_id}/afdrukken/")
    sections = page.select("section.zs-subaction")
    assert len(sections) == len(fiche["deelacties"])
    for section, sub in zip(sections, fiche["deelacties"]):
        shown = squash(section.get_text(" "))
        assert squash(sub["titel"]) in shown and squash(sub["trekker"]) in shown
        for where in (printed, text):
            assert squash(sub["titel"]) in where and squash(sub["trekker"]) in where
        assert any(squash(sub["titel"]) in name for name in rows)
        if sub.get("wanneer"):
            assert squash(str(sub["wanneer"])) in shown
        for milestone in sub.get("mijlpalen") or []:
            assert squash(milestone["wat"]) in shown and squash(milestone["wat"]) in text
            row = next(r for name, r in rows.items() if squash(sub["titel"]) in name)
            month = int(milestone["maand"].split("-")[1])
            assert squash(milestone["wat"]) in squash(row.select("td")[month - 1].get_text(" "))
    assert "Deelacties" in [p.text for p in document.paragraphs if p.style.name == "Heading 2"]


def test_unticked_kinds_and_indicator_kinds_as_written(fixture_site):
    site = fixture_site("noord-limburg")
    _, action = plan_files(FIXTURES / "noord-limburg")
    (plan_id, (plan, fiches)), = action.items()
    unticked = next(f for f in fiches if not any(k.get("gekozen") for k in evaluation_kinds(f)))
    text = site.text(f"{plan_id}/actie-{unticked['id'].replace('.', '-')}/")
    assert "☒" not in text and text.count("☐") == len(evaluation_kinds(unticked))
    # Indicators listed under no evaluation kind, as the source does.
    loose = next(f for f in fiches if f["evaluatie"].get("indicatoren"))
    table = site.html(f"{plan_id}/actie-{loose['id'].replace('.', '-')}/").find(
        "caption", string="Indicatoren van de actie").find_parent("table")
    printed = site.text(f"{plan_id}/afdrukken/")
    word, _ = word_text(site, plan_id)
    for indicator in loose["evaluatie"]["indicatoren"]:
        shown = squash(indicator if isinstance(indicator, str) else indicator["indicator"])
        assert shown in squash(table.get_text(" ")) and shown in printed and shown in word
    aalst = fixture_site("regio-aalst")
    policy, = [load(p) for p in (FIXTURES / "regio-aalst" / "plans").glob("*.yml")]
    check_policy_plan(aalst, policy)
    found = {"soort": 0, "jaren": 0, "contact": 0, "omschrijving": 0}
    for sd in policy["strategische_doelstellingen"]:
        for od in sd.get("operationele_doelstellingen") or []:
            od_text = aalst.text(f"{policy['id']}/od-{od['id'].replace('.', '-')}/")
            printed = aalst.text(f"{policy['id']}/afdrukken/")
            for act in [a for a in od.get("acties") or [] if isinstance(a, dict)]:
                for indicator in act.get("indicatoren") or []:
                    if isinstance(indicator, dict) and indicator.get("soort"):
                        found["soort"] += 1
                        assert f"{squash(indicator['indicator'])} (soort: {indicator['soort']})" in od_text
                if act.get("jaren"):
                    found["jaren"] += 1
                    years = ", ".join(str(y) for y in act["jaren"])
                    assert f"Loopt in {years}" in od_text and f"Loopt in {years}" in printed
                for key in ("contact", "omschrijving"):
                    if act.get(key):
                        found[key] += 1
                        assert squash(act[key]) in od_text and squash(act[key]) in printed
    assert all(found.values()), found


def test_references_outside_the_site_are_always_shown(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(ZOH / "plans", plans)
    fiche_file = plans / PLAN / "fiches" / "communicatie.yml"
    fiche = load(fiche_file)
    # A plan that is not in the repository, and koppelingen as a text and as a text with a link.
    text = fiche_file.read_text(encoding="utf-8").replace(
        "voortzetting_van:\n  tekst: De communicatieactie uit het actieplan 2024\n",
        "voortzetting_van: actieplan-2024/communicatie\n")
    koppeling = [{"tekst": "Werkgroep communicatie van de zorgraad"},
                 {"tekst": "Communicatieplan van een andere zone", "link": "https://example.org/plan"}]
    text += "koppeling:\n" + "".join(f"  - tekst: {k['tekst']}\n" + (f"    link: {k['link']}\n" if "link" in k else "")
                                     for k in koppeling)
    fiche_file.write_text(text, encoding="utf-8")
    built = build_site(make_project(tmp_path / "project", plans), tmp_path / "site")
    url = f"{PLAN}/actie-communicatie/"
    page = built.text(url)
    assert "actieplan-2024/communicatie (staat niet op deze site)" in page
    document = docx.Document(io.BytesIO((built.path / PLAN / f"{PLAN}.docx").read_bytes()))
    word = squash(" ".join(p.text for p in document.paragraphs))
    for reference in koppeling:
        assert reference["tekst"] in page and reference["tekst"] in word
        assert reference["tekst"] in built.text(f"{PLAN}/afdrukken/")
    links = {a.get_text(): a["href"] for a in built.html(url).select("article a")}
    assert links[koppeling[1]["tekst"]] == koppeling[1]["link"]
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert koppeling[1]["link"] in targets
    assert fiche["titel"] in built.text(f"{PLAN}/")


def test_roughly_running_months_look_different_from_certain_ones(fixture_site, serve, browser):
    site = fixture_site("zuidoost-hageland")
    plan = load(ZOH / "plans" / PLAN / "actieplan.yml")
    timed = next(o for o in plan["overige_acties"] if o.get("wanneer") == 2025)
    tab = browser.new_page(viewport={"width": 1400, "height": 900})
    tab.goto(serve(site.path) + f"{PLAN}/tijdlijn/")
    row = tab.locator("tbody tr", has=tab.locator("th a", has_text=timed["titel"][:40]))
    cell = row.locator("td").nth(5)
    cell.scroll_into_view_if_needed()
    # The bar is drawn by the cell's ::before: hatched for "roughly", plain for a named month.
    style = cell.evaluate("c => getComputedStyle(c, '::before').backgroundImage")
    assert "repeating-linear-gradient" in style
    box = cell.bounding_box()
    # What is drawn there is the cell itself (not covered by the sticky first column).
    hit = tab.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('td') !== null",
                       [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert hit
    # Screen readers hear "loopt ongeveer"; sighted readers see the hatching, not the words.
    label = cell.locator(".zs-sr")
    assert label.text_content() == "loopt ongeveer"
    assert label.evaluate("e => e.getBoundingClientRect().width <= 1")
    # A month the plan names for certain (Noord-Limburg's periods) is a plain coloured cell.
    tab.goto(serve(fixture_site("noord-limburg").path) + "actieplan-2025/tijdlijn/")
    certain = tab.locator("td.zs-on").first
    assert certain.evaluate("c => getComputedStyle(c, '::before').backgroundImage") == "none"
    assert certain.evaluate("c => getComputedStyle(c, '::before').backgroundColor") != "rgba(0, 0, 0, 0)"
    tab.close()


def test_a_plan_without_statuses_or_themes_offers_no_such_filters(fixture_site, serve, browser):
    site = fixture_site("zuidoost-hageland")
    _, action = plan_files(ZOH)
    plan, fiches = action[PLAN]
    assert not any(f.get("status") for f in fiches) and not any(f.get("themas") for f in fiches)
    form = site.html(f"{PLAN}/").find("form", id="zs-filters")
    assert form.find("select", attrs={"name": "status"}) is None and form.find("select", attrs={"name": "thema"}) is None
    assert not any(label in site.text(f"{PLAN}/") for label in ("Gepland", "Lopend", "Afgerond"))
    # The filters that remain still work without the missing ones.
    tab = browser.new_page(viewport={"width": 1280, "height": 900})
    tab.goto(serve(site.path) + f"{PLAN}/")
    sd = str(fiches[0]["strategische_doelstelling"])
    tab.select_option("select[name=sd]", sd)
    wanted = sum(str(f["strategische_doelstelling"]) == sd for f in fiches)
    assert tab.locator(".zs-filters__count").inner_text() == f"{wanted} van {len(fiches)} acties"
    assert tab.locator(".zs-fiches > li:not([hidden])").count() == wanted
    tab.close()


def test_the_policy_plan_counts_its_objectives_without_claims(fixture_site):
    for name in ("zuidoost-hageland", "regio-aalst"):
        policy = next(load(p) for p in (FIXTURES / name / "plans").glob("*.yml"))
        sds = policy["strategische_doelstellingen"]
        ods = sum(len(sd.get("operationele_doelstellingen") or []) for sd in sds)
        text = fixture_site(name).text(f"{policy['id']}/")
        assert f"Het plan heeft {len(sds)} strategische doelstelling" in text
        assert "Elke SD heeft" not in text
        if ods:
            assert f"uitgewerkt in {ods} operationele doelstelling" in text
