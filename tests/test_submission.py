"""The action plan as a submission document: print view (Chromium → PDF) and Word file (python-docx)."""

from __future__ import annotations

import io
import re

import docx
from conftest import EXAMPLE, FIXTURES, ROOT, squash
from pypdf import PdfReader
from test_plan_site import evaluation_kinds, markdown_words, plan_files

ARTIFACTS = ROOT / "test-artifacts"
TEMPLATE_ORDER = ["Wat?", "Waarom?", "Voor wie?", "Met wie?", "Hoe?", "Mijlpalen", "Deelacties", "Evaluatie",
                  "Link met andere doelstellingen", "Communicatie"]


def number_key(fiche: dict) -> list:
    return [int(p) if p.isdigit() else p for p in re.split(r"[.\-]", str(fiche["id"]))]


def word_document(site, plan_id: str) -> docx.Document:
    return docx.Document(io.BytesIO((site.path / plan_id / f"{plan_id}.docx").read_bytes()))


def check_word_file(site, content_root) -> None:
    _, action = plan_files(content_root)
    for plan_id, (plan, fiches) in action.items():
        document = word_document(site, plan_id)
        paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
        headings = [(style, text) for style, text in paragraphs if style.startswith("Heading") or style == "Title"]
        text = squash(" ".join(t for _, t in paragraphs) + " " + " ".join(
            cell.text for table in document.tables for row in table.rows for cell in row.cells)).lower()
        fiche_headings = [t for s, t in headings if s == "Heading 1" and t.startswith("Actie ")]
        ordered = sorted(fiches, key=number_key)
        assert fiche_headings == [f"Actie {f['id']}. {f['titel']}" for f in ordered]
        for fiche in ordered:
            start = headings.index(("Heading 1", f"Actie {fiche['id']}. {fiche['titel']}"))
            following = next((i for i in range(start + 1, len(headings)) if headings[i][0] == "Heading 1"), len(headings))
            sections = [t for s, t in headings[start + 1:following] if s == "Heading 2"]
            assert sections == [t for t in TEMPLATE_ORDER if t in sections], sections
            assert sections[:4] == TEMPLATE_ORDER[:4]
            marks = [t[:1] for s, t in headings[start + 1:following] if s == "Heading 3" and t[:1] in "☒☐"]
            assert marks == [("☒" if kind.get("gekozen") else "☐") for kind in evaluation_kinds(fiche)]
            for value in (fiche["wat"]["omschrijving"], fiche["waarom"], fiche["met_wie"]["trekker"],
                          *fiche["wat"].get("wel", []), *fiche["voor_wie"]["doelgroepen"]):
                assert markdown_words(value).lower() in text, f"{plan_id} {fiche['id']}: {value[:50]!r}"
        by_header = {table.rows[0].cells[0].text: table for table in document.tables}
        if plan.get("versies"):
            assert len(by_header["Versie"].rows) == len(plan["versies"]) + 1
        timeline = by_header["Actie"]
        # A row per fiche, per sub-action and per other action that has a timing or milestones.
        tracks = len(fiches) + sum(len(f.get("deelacties") or []) for f in fiches) + sum(
            1 for other in plan.get("overige_acties") or [] if other.get("wanneer") or other.get("mijlpalen"))
        assert len(timeline.rows) == tracks + 1 and len(timeline.columns) == 13
        for other in plan.get("overige_acties") or []:
            assert squash(other["titel"]).lower() in text
        assert any(run.bold for p in document.paragraphs for run in p.runs if run.text.strip())


def test_example_word_file_follows_the_template(example_site):
    check_word_file(example_site, EXAMPLE)
    document = word_document(example_site, "actieplan-2024")
    bold_in_markdown = re.findall(r"\*\*(.+?)\*\*", (EXAMPLE / "plans/actieplan-2024/actieplan.yml").read_text())
    bold_runs = {run.text for p in document.paragraphs for run in p.runs if run.bold}
    assert bold_in_markdown and set(bold_in_markdown) <= bold_runs
    assert any(p.style.name.startswith("List") for p in document.paragraphs)


def test_noord_limburg_word_file_follows_the_template(fixture_site):
    check_word_file(fixture_site("noord-limburg"), FIXTURES / "noord-limburg")


def test_print_view_prints_to_a4_with_a_page_per_fiche(example_site, serve, browser):
    _, action = plan_files(EXAMPLE)
    (plan_id, (plan, fiches)), = action.items()
    tab = browser.new_page()
    tab.goto(serve(example_site.path) + f"{plan_id}/afdrukken/")
    pdf = PdfReader(io.BytesIO(tab.pdf(format="A4", prefer_css_page_size=True, print_background=True)))
    ARTIFACTS.mkdir(exist_ok=True)
    tab.emulate_media(media="print")
    tab.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    tab.screenshot(path=str(ARTIFACTS / f"print-{plan_id}-page1.png"))
    tab.screenshot(path=str(ARTIFACTS / f"print-{plan_id}-first-pages.png"), full_page=True,
                   clip={"x": 0, "y": 0, "width": 794, "height": 1123 * 3})
    tab.close()
    pages = [page.extract_text() for page in pdf.pages]
    assert len(fiches) + 2 <= len(pages) <= 6 * len(fiches) + 4
    sizes = {(round(p.mediabox.width), round(p.mediabox.height)) for p in pdf.pages}
    assert sizes <= {(595, 842), (842, 595)} and (595, 842) in sizes  # A4, the timeline in landscape
    # The running footer ("pagina 2 van 9" and the zone, in the page margin) is not the page's text.
    bodies = [[line for line in text.strip().splitlines() if not line.startswith("pagina ")] for text in pages]
    first_lines = [squash(lines[0]) if lines else "" for lines in bodies]
    for fiche in fiches:
        assert any(line.startswith(f"Actie {fiche['id']}.") for line in first_lines), fiche["id"]
    assert first_lines[0] == plan["titel"]
    everything = squash(" ".join(pages))
    for fiche in fiches:
        assert squash(fiche["met_wie"]["trekker"]) in everything
    assert "Zoeken" not in everything  # no site chrome on paper


def test_policy_plan_print_view_has_the_whole_tree(example_site):
    policy, _ = plan_files(EXAMPLE)
    for plan in policy:
        html = example_site.html(f"{plan['id']}/afdrukken/")
        text = squash(html.select_one("article").get_text(" "))
        position = 0
        for sd in plan["strategische_doelstellingen"]:
            for title in [sd["titel"]] + [od["titel"] for od in sd.get("operationele_doelstellingen") or []]:
                found = text.find(squash(title), position)
                assert found >= 0, title
                position = found
        assert len(html.select("h2.zs-print-fiche")) == len(plan["strategische_doelstellingen"])
        assert squash(markdown_words(plan["missie"])) in text
