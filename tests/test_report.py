"""The yearly progress report of each action plan, as the board and the department read it: the print
view printed to PDF by Chromium, the Word file opened with python-docx and printed by LibreOffice.
Expectations come from every fixture zone's YAML, never from the code."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from conftest import ROOT, squash
from pypdf import PdfReader
from test_plan_site import evaluation_kinds, indicator_text, markdown_words
from test_results import dutch_date, dutch_number
from test_submission import number_key
from test_submission_pdf import (A4, ACTION_PLANS, assert_whole, bookmarks, check_running_footer, heading, page_size,
                                 plans, print_to_pdf, words)

sys.path.insert(0, str(ROOT / "hooks"))
from zonesite.models.actionplan import ActionPlan  # noqa: E402
from zonesite.content import Content  # noqa: E402
from zonesite.models.fiche import Fiche  # noqa: E402
from zonesite.publish import publish  # noqa: E402
from zonesite.report import make_report  # noqa: E402


def report_address(plan_id: str) -> str:
    return f"{plan_id}/voortgangsrapport/"


def word_path(site, plan_id: str) -> Path:
    return site.path / plan_id / f"{plan_id}-voortgangsrapport.docx"


def milestones(fiche: dict) -> list[dict]:
    """The action's milestones and those of its sub-actions: the report lists them all."""
    return list(fiche.get("mijlpalen") or []) + [m for sub in fiche.get("deelacties") or []
                                                  for m in sub.get("mijlpalen") or []]


def others(plan: dict) -> list[dict]:
    """The actions the plan describes without a fiche; the report lists them after the fiches."""
    return list(plan.get("overige_acties") or [])


def met_count(plan: dict, fiches: list[dict]) -> int:
    return sum(1 for m in [m for f in fiches for m in milestones(f)] + [m for o in others(plan)
                                                                       for m in o.get("mijlpalen") or []]
               if m.get("gehaald"))


def indicators(fiche: dict) -> list:
    evaluation = fiche.get("evaluatie") or {}
    return [i for kind in evaluation_kinds(fiche) for i in kind.get("indicatoren") or []] + list(
        evaluation.get("indicatoren") or [])


def is_tracked(indicator, year: int) -> bool:
    """An indicator with a target or a measurement dated by the end of the report's year."""
    return isinstance(indicator, dict) and bool(
        indicator.get("streefdoel") or indicator.get("streefwaarde") is not None
        or any(int(str(m["datum"])[:4]) <= year for m in indicator.get("metingen") or []))


def progress_of(fiche: dict, year: int) -> tuple[list[dict], list[dict]]:
    """The fiche's progress entries of the plan's year, and the others."""
    entries = fiche.get("voortgang") or []
    return ([e for e in entries if str(e["datum"])[:4] == str(year)],
            [e for e in entries if str(e["datum"])[:4] != str(year)])


def measured_in(fiche: dict, year: int) -> list[tuple[dt.date, object]]:
    return [(dt.date.fromisoformat(str(m["datum"])), m["waarde"]) for i in indicators(fiche) if isinstance(i, dict)
            for m in i.get("metingen") or [] if str(m["datum"])[:4] == str(year)]


def numbered(fiches: list[dict]) -> bool:
    return all("id" in f for f in fiches)


def ordered(fiches: list[dict]) -> list[dict]:
    """By number, as the guide says; a zone that numbers nothing: by objective and file (not checked here)."""
    return sorted(fiches, key=number_key) if numbered(fiches) else fiches


def starts_in_order(marks: dict[str, int], fiches: list[dict]) -> None:
    """Each action on a page of its own, in the plan's order."""
    starts = [marks[squash(heading(f))] for f in ordered(fiches)]
    assert len(set(starts)) == len(fiches)
    if numbered(fiches):
        assert starts == sorted(starts)


# --- in this process --------------------------------------------------------------------------

FICHE = {"id": "1", "titel": "Proef", "strategische_doelstelling": "1", "wat": {"omschrijving": "Iets."},
         "waarom": "Daarom.", "voor_wie": {"doelgroepen": ["Huisartsen"]}, "met_wie": {"trekker": "Zone"},
         "status": "lopend",
         "mijlpalen": [{"maand": "2025-03", "wat": "Start", "gehaald": "2025-03-20"}, {"maand": "2025-11", "wat": "Einde"}],
         "deelacties": [{"titel": "Deel", "mijlpalen": [{"wanneer": "eind 2025", "wat": "Deel klaar",
                                                         "gehaald": "2026-01-10"}]}],
         "voortgang": [{"datum": "2024-12-01", "tekst": "Vorig jaar."}, {"datum": "2025-09-01", "tekst": "Later."},
                       {"datum": "2025-02-01", "tekst": "Eerst."}],
         "evaluatie": {"proces": {"gekozen": True, "indicatoren": [
             {"indicator": "Deelnemers", "streefwaarde": 40, "metingen": [
                 {"datum": "2024-12-31", "waarde": 10}, {"datum": "2025-06-30", "waarde": "25,5"},
                 {"datum": "2026-02-01", "waarde": 50}]}]},
             "impact": {"omschrijving": "Later."}, "indicatoren": ["Tevredenheid"]}}


class Objectives:
    sd = od = {}


def test_a_report_holds_the_year_and_every_milestone():
    plan = ActionPlan.model_validate({"soort": "actieplan", "id": "actieplan-2025", "titel": "Actieplan 2025",
                                      "jaar": 2025, "beleidsplan": "bp", "overige_acties": [
                                          {"titel": "Lunches", "mijlpalen": [{"maand": "2025-05", "wat": "Eerste",
                                                                              "gehaald": "2025-05-20"}]}]})
    report = make_report(plan, [Fiche.model_validate(FICHE)], Objectives())
    action, = report.actions
    assert [p.text for p in action.progress] == ["Eerst.", "Later."]  # the year's, oldest first
    assert [(m.what, m.part, m.met) for m in action.milestones] == [
        ("Start", "", dt.date(2025, 3, 20)), ("Einde", "", None), ("Deel klaar", "Deel", dt.date(2026, 1, 10))]
    assert report.milestones == (2, 3)
    measured, text = action.indicators
    # Only the year's measurements; the latest value is the last one up to the end of the year.
    assert measured.measured == [(dt.date(2025, 6, 30), "25,5")] and measured.latest == "25,5"
    assert (measured.target, measured.goal, measured.kind) == ("", "40", "Procesevaluatie")
    assert text.name == "Tevredenheid" and text.latest == "Nog niet gemeten" and text.measured == []
    assert action.tracked == [measured] and action.untracked == [text]  # nothing to compare: by name only
    assert action.kinds == [("Procesevaluatie", True), ("Impactevaluatie (outcome)", False)]
    assert report.statuses == [("Lopend", 1)]
    assert report.as_of == dt.date(2026, 1, 10)  # the newest date the report holds
    other, = report.others  # listed apart: their milestones do not count with the fiches'
    assert other.action.title == "Lunches" and [(m.what, m.met) for m in other.milestones] == [
        ("Eerste", dt.date(2025, 5, 20))]


def test_what_a_fiche_dates_after_the_build_waits_like_news_under_embargo():
    plan = ActionPlan.model_validate({"soort": "actieplan", "id": "actieplan-2025", "titel": "Actieplan 2025",
                                      "jaar": 2025, "beleidsplan": "bp", "overige_acties": [
                                          {"titel": "Lunches", "mijlpalen": [{"maand": "2025-05", "wat": "Eerste",
                                                                              "gehaald": "2027-05-20"}]}]})
    fiche = Fiche.model_validate(FICHE)
    now = dt.datetime(2025, 12, 31, 12, tzinfo=dt.timezone.utc)
    shown = publish(Content(now=now, action_plans={plan.id: plan}, fiches={plan.id: [fiche]}))
    action, = make_report(shown.action_plans[plan.id], shown.fiches[plan.id], Objectives()).actions
    # 10 January 2026 and the 2026 measurement are after the build: not met, not measured yet.
    assert [m.met for m in action.milestones] == [dt.date(2025, 3, 20), None, None]
    assert [m.date for m in shown.fiches[plan.id][0].evaluation.process.indicators[0].measurements] == [
        dt.date(2024, 12, 31), dt.date(2025, 6, 30)]
    assert [m.met for m in shown.action_plans[plan.id].other_actions[0].milestones] == [None]
    assert fiche.milestones[0].met and fiche.sub_actions[0].milestones[0].met  # the loaded content is untouched
    later = publish(Content(now=dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc), action_plans={plan.id: plan},
                            fiches={plan.id: [fiche]}))
    assert later.fiches[plan.id][0] is fiche and later.action_plans[plan.id] is plan  # nothing to hide: the same


# --- on the built sites -----------------------------------------------------------------------

@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_the_action_plan_page_offers_the_report(fixture_site, name, plan_id):
    site = fixture_site(name)
    links = {a["href"] for a in site.html(f"{plan_id}/").select("article a[href]")}
    assert {"voortgangsrapport/", f"{plan_id}-voortgangsrapport.docx"} <= links
    assert (site.path / report_address(plan_id) / "index.html").is_file() and word_path(site, plan_id).is_file()


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_the_printed_report_has_every_action_with_its_year(fixture_site, serve, browser, name, plan_id):
    plan, policy, fiches = plans(name, plan_id)
    year = plan["jaar"]
    site = fixture_site(name)
    pdf = PdfReader(print_to_pdf(browser, serve, site, report_address(plan_id), f"report-{name}-{plan_id}.pdf"))
    pages = [page.extract_text() for page in pdf.pages]
    assert {page_size(page) for page in pdf.pages} == {A4}
    check_running_footer(pages, policy["zone"], f"Voortgangsrapport {year}")
    text = squash(" ".join(pages))
    met = sum(1 for f in fiches for m in milestones(f) if m.get("gehaald"))
    total = sum(len(milestones(f)) for f in fiches)
    assert f"{len(fiches)} {'actie' if len(fiches) == 1 else 'acties'}" in text
    if total:
        assert f"{met} van de {total} mijlpalen gehaald" in text
    assert text.count("Gehaald op") == met_count(plan, fiches)
    if others(plan):
        assert_whole([w for o in others(plan) for w in words(o["titel"])], text, "other actions")
    starts_in_order(bookmarks(pdf), fiches)
    for fiche in fiches:
        assert squash(fiche["met_wie"]["trekker"]) in text
        this_year, _ = progress_of(fiche, year)
        assert_whole([w for e in this_year for w in words(markdown_words(e["tekst"]))], text, "progress")
        assert_whole([w for m in milestones(fiche) for w in words(m["wat"])], text, "milestones")
        for day, value in measured_in(fiche, year):
            assert f"{dutch_date(day)}: {dutch_number(value)}" in text, (fiche["titel"], day)
    chosen = [kind.get("gekozen", False) for f in fiches for kind in evaluation_kinds(f)]
    assert (text.count("☒"), text.count("☐")) == (chosen.count(True), chosen.count(False))


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_the_report_page_leaves_out_other_years(fixture_site, name, plan_id):
    plan, _, fiches = plans(name, plan_id)
    text = squash(fixture_site(name).text(report_address(plan_id)))
    this_year = {squash(markdown_words(e["tekst"])) for f in fiches for e in progress_of(f, plan["jaar"])[0]}
    for fiche in fiches:
        for entry in progress_of(fiche, plan["jaar"])[1]:
            words_of = squash(markdown_words(entry["tekst"]))
            if not any(words_of in other for other in this_year):
                assert words_of not in text, entry["datum"]


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_the_word_report_has_a_section_per_action(fixture_site, name, plan_id):
    plan, policy, fiches = plans(name, plan_id)
    year = plan["jaar"]
    document = docx.Document(io.BytesIO(word_path(fixture_site(name), plan_id).read_bytes()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert paragraphs[0] == ("Title", f"Voortgangsrapport {year}")
    sections = [t for s, t in paragraphs if s == "Heading 1"]
    if others(plan):
        assert sections.pop() == "Andere acties"
        titles = [t for s, t in paragraphs[[t for _, t in paragraphs].index("Andere acties"):] if s == "Heading 2"]
        assert titles == [o["titel"] for o in others(plan)]
    assert sections[0] == "Overzicht" and len(sections) == len(fiches) + 1
    assert sorted(sections[1:]) == sorted(heading(f) for f in fiches)
    if numbered(fiches):
        assert sections[1:] == [heading(f) for f in ordered(fiches)]
    # The fiches in the document's order, to match its tables one by one.
    in_document = [next(f for f in fiches if heading(f) == title) for title in sections[1:]]
    assert document.core_properties.language == "nl-BE" and document.core_properties.author == policy["zone"]
    tables = {}
    for table in document.tables:
        tables.setdefault(table.rows[0].cells[0].text, []).append(table)
    if fiches:
        summary, = tables["Actie"]
        assert [row.cells[0].text for row in summary.rows[1:]] == sections[1:]
    # One milestone table per action that has milestones, a row per milestone, "Gehaald op" as often as met.
    expected_rows = [len(milestones(f)) for f in in_document if milestones(f)] + [
        len(o["mijlpalen"]) for o in others(plan) if o.get("mijlpalen")]
    assert [len(t.rows) - 1 for t in tables.get("Mijlpaal", [])] == expected_rows
    cells = [row.cells[2].text for t in tables.get("Mijlpaal", []) for row in t.rows[1:]]
    assert sum(c.startswith("✓ Gehaald op ") for c in cells) == met_count(plan, fiches)
    # A table of the indicators with something to compare (a target, a measurement by the year's end);
    # the others by name.
    tracked = [[i for i in indicators(f) if is_tracked(i, year)] for f in in_document]
    assert [len(t.rows) - 1 for t in tables.get("Indicator", [])] == [len(t) for t in tracked if t]
    boxes = [t[:1] for _, t in paragraphs if t[:1] in ("☒", "☐")]
    assert boxes == ["☒" if kind.get("gekozen") else "☐" for f in in_document for kind in evaluation_kinds(f)]
    everything = squash(" ".join(t for _, t in paragraphs) + " " + " ".join(
        c.text for t in document.tables for row in t.rows for c in row.cells))
    for fiche in fiches:
        for entry in progress_of(fiche, year)[0]:
            assert squash(markdown_words(entry["tekst"])) in everything
        for indicator in indicators(fiche):
            assert squash(indicator_text(indicator)) in everything


@pytest.fixture(scope="module")
def report_pdfs(fixture_site, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every progress report's Word file as LibreOffice prints it: one soffice run for all."""
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("soffice ontbreekt: apt-get install libreoffice-writer (make test doet dit als root)")
    work = tmp_path_factory.mktemp("report-word")
    for name, plan_id in ACTION_PLANS:
        shutil.copy(word_path(fixture_site(name), plan_id), work / f"{name}--{plan_id}.docx")
    result = subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(work / "pdf"),
                             *sorted(str(p) for p in work.glob("*.docx"))], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return {(name, plan_id): work / "pdf" / f"{name}--{plan_id}.pdf" for name, plan_id in ACTION_PLANS}


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_the_word_report_prints_as_libreoffice_shows_it(report_pdfs, name, plan_id):
    plan, policy, fiches = plans(name, plan_id)
    pdf = PdfReader(report_pdfs[(name, plan_id)])
    pages = [page.extract_text() for page in pdf.pages]
    assert {page_size(page) for page in pdf.pages} == {A4}
    for number, text in enumerate(pages, 1):
        assert f"Pagina {number} van {len(pages)}" in squash(text), number
        assert squash(f"{policy['zone']} · Voortgangsrapport {plan['jaar']}") in squash(text), number
    starts_in_order(bookmarks(pdf), fiches)
    assert_whole([w for f in fiches for m in milestones(f) for w in words(m["wat"])], " ".join(pages),
                 "milestone tables")
