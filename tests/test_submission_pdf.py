"""The submission documents as a department receives them: the Word file rendered to PDF by
LibreOffice, and the print views printed to PDF by Chromium, read back with pypdf.

Expectations come from the plans' YAML (the example and every fixture), never from the code."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES, ROOT, squash
from pypdf import PdfReader
from test_hostile import ATTACKS
from test_plan_site import plan_files

ARTIFACTS = ROOT / "test-artifacts"
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
A4 = (595, 842)  # points
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONTENT = [(path.name, path) for path in sorted(FIXTURES.iterdir()) if path.is_dir()]
ACTION_PLANS = [(name, plan_id) for name, root in CONTENT for plan_id in plan_files(root)[1]]
POLICY_PLANS = [(name, plan["id"]) for name, root in CONTENT for plan in plan_files(root)[0]]


def content_root(name: str):
    return dict(CONTENT)[name]


def site_of(name: str, example_site, fixture_site):
    return fixture_site(name)


def plans(name: str, plan_id: str) -> tuple[dict, dict, list[dict]]:
    """The action plan, its policy plan and its fiches as the YAML has them."""
    policy, action = plan_files(content_root(name))
    plan, fiches = action[plan_id]
    return plan, next(p for p in policy if p["id"] == plan["beleidsplan"]), fiches


def words(text: str) -> list[str]:
    """Words as a reader sees them; a line may break at a space or after a hyphen, nowhere else."""
    return re.findall(r"[^\s\-–(),.;:!?\"“”]+", squash(text))


def month_number(value) -> tuple[int, int]:
    year, month = str(value).split("-")
    return int(year), int(month)


def timeline_milestones(plan: dict, fiches: list[dict]) -> list[tuple[int, str]]:
    """(month, text) of every milestone dated to a month of the plan's year: those are in the timeline.
    Milestones timed in words (`wanneer`) are placed by the build's own rules, tested elsewhere."""
    return [(month_number(m["maand"])[1], m["wat"]) for fiche in fiches for m in fiche.get("mijlpalen") or []
            if "maand" in m and month_number(m["maand"])[0] == plan["jaar"]]


def heading(fiche: dict) -> str:
    """A fiche's heading: "Actie 2.1. Titel", or the title alone when the zone numbers nothing."""
    return f"Actie {fiche['id']}. {fiche['titel']}" if "id" in fiche else fiche["titel"]


def row_label(fiche: dict) -> str:
    name = fiche.get("korte_titel") or fiche["titel"]
    return f"{fiche['id']}. {name}" if "id" in fiche else name


def page_size(page) -> tuple[int, int]:
    return round(float(page.mediabox.width)), round(float(page.mediabox.height))


def bookmarks(pdf: PdfReader, outline=None) -> dict[str, int]:
    """Bookmark title → the index of the page it opens."""
    found = {}
    for item in pdf.outline if outline is None else outline:
        if isinstance(item, list):
            found.update(bookmarks(pdf, item))
        else:
            found[squash(item.title)] = pdf.get_destination_page_number(item)
    return found


def ink_width(pdf: Path, page_index: int) -> float:
    """How far across the page the drawing goes, as a fraction of its width: the right-most dark
    pixel above the bottom margin (where the page number is), from a greyscale rendering."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm ontbreekt: apt-get install poppler-utils (make test doet dit als root)")
    with tempfile.TemporaryDirectory() as folder:
        image = Path(folder) / "page"
        subprocess.run(["pdftoppm", "-r", "40", "-gray", "-f", str(page_index + 1), "-l", str(page_index + 1),
                        "-singlefile", str(pdf), str(image)], check=True, timeout=60)
        data = image.with_suffix(".pgm").read_bytes()
    _, size, _, pixels = data.split(b"\n", 3)  # P5, "width height", 255, the pixels
    width, height = map(int, size.split())
    rows = [pixels[y * width:(y + 1) * width] for y in range(int(height * 0.9))]
    return max((x for row in rows for x in range(width) if row[x] < 160), default=0) / width


def assert_whole(expected: list[str], text: str, what: str) -> None:
    found = set(words(text))
    broken = [word for word in expected if word not in found]
    assert not broken, f"{what}: words not found whole (broken over lines, cut or missing): {broken}"


# The Word file through LibreOffice ---------------------------------------------------------------

@pytest.fixture(scope="session")
def word_pdfs(example_site, fixture_site, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every action plan's Word file as LibreOffice prints it: one soffice run for all of them."""
    soffice = shutil.which("soffice")
    if not soffice:
        pytest.skip("soffice ontbreekt: apt-get install libreoffice-writer (make test doet dit als root)")
    work = tmp_path_factory.mktemp("word")
    sources = []
    for name, plan_id in ACTION_PLANS:
        target = work / f"{name}--{plan_id}.docx"
        shutil.copy(site_of(name, example_site, fixture_site).path / plan_id / f"{plan_id}.docx", target)
        sources.append(str(target))
    # A profile of its own: no clash with a LibreOffice the user has open, nothing left in $HOME.
    result = subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(work / "pdf"), *sources],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    ARTIFACTS.mkdir(exist_ok=True)
    pdfs = {}
    for name, plan_id in ACTION_PLANS:
        pdf = work / "pdf" / f"{name}--{plan_id}.pdf"
        assert pdf.is_file(), f"LibreOffice made no PDF of {name}/{plan_id}:\n{result.stdout}\n{result.stderr}"
        shutil.copy(pdf, ARTIFACTS / f"word-{name}-{plan_id}.pdf")
        pdfs[(name, plan_id)] = pdf
    return pdfs


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_word_file_prints_as_a_submission_document(word_pdfs, name, plan_id):
    plan, policy, fiches = plans(name, plan_id)
    path = word_pdfs[(name, plan_id)]
    pdf = PdfReader(path)
    pages = [page.extract_text() for page in pdf.pages]
    assert len(fiches) + 2 <= len(pages) <= 6 * len(fiches) + 6
    sizes = [page_size(page) for page in pdf.pages]
    assert set(sizes) <= {A4, A4[::-1]}, sizes
    # Every page: the zone and the plan above, "Pagina n van N" below.
    for number, text in enumerate(pages, 1):
        assert f"Pagina {number} van {len(pages)}" in squash(text), number
        assert squash(f"{policy['zone']} · {plan['titel']}") in squash(text), number
    marks = bookmarks(pdf)
    landscape = [index for index, size in enumerate(sizes) if size == A4[::-1]]
    assert landscape and marks["Tijdlijn"] == landscape[0]  # its own landscape section
    for fiche in fiches:
        assert squash(heading(fiche)) in marks
    # The fiches start on the page after the timeline, or after the appendices' page when there are any.
    first = min(marks[squash(heading(fiche))] for fiche in fiches)
    assert first == landscape[-1] + 1 + bool(plan.get("bijlagen"))
    timeline = " ".join(pages[index] for index in landscape)
    assert ink_width(path, landscape[0]) > 0.93  # the table fills the page, up to its 10 mm margin
    header = squash(timeline).split(" Actie ", 1)[1].split()[:12]
    assert header == MONTHS
    expected = [word for fiche in fiches for word in words(row_label(fiche))]
    expected += [word for _, what in timeline_milestones(plan, fiches) for word in words(what)]
    assert_whole(expected, timeline, "timeline")
    # The other tables: versions and each fiche's milestones.
    table_words = [word for version in plan.get("versies") or [] for word in words(version["beschrijving"])]
    table_words += [word for fiche in fiches for m in fiche.get("mijlpalen") or [] for word in words(m["wat"])]
    assert_whole(table_words, " ".join(pages), "tables")


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_word_file_is_dutch_a4_and_named(example_site, fixture_site, name, plan_id):
    plan, policy, fiches = plans(name, plan_id)
    path = site_of(name, example_site, fixture_site).path / plan_id / f"{plan_id}.docx"
    document = docx.Document(str(path))
    properties = document.core_properties
    assert (properties.author, properties.title, properties.language) == (policy["zone"], plan["titel"], "nl-BE")
    with zipfile.ZipFile(path) as package:
        xml = {name: package.read(name).decode() for name in package.namelist() if name.endswith(".xml")}
    assert not [part for part, text in xml.items() if "en-US" in text or "python-docx" in text]
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert {defaults.get(f"{W}{key}") for key in ("val", "eastAsia", "bidi")} == {"nl-BE"}
    for section in document.sections:
        size = (round(section.page_width.mm), round(section.page_height.mm))
        assert size in {(210, 297), (297, 210)}
        assert min(section.left_margin.mm, section.right_margin.mm, section.top_margin.mm) >= 10
    assert [(round(s.page_width.mm), round(s.page_height.mm)) for s in document.sections] == [
        (210, 297), (297, 210), (210, 297)]
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    for table in document.tables:
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    timeline = next(t for t in document.tables if t.rows[0].cells[0].text == "Actie")
    assert [cell.text for cell in timeline.rows[0].cells[1:]] == MONTHS
    cells = {cell.text for row in timeline.rows[1:] for cell in row.cells[1:]}
    assert not [text for text in cells if "■" in text or "≈" in text]
    for month, what in timeline_milestones(plan, fiches):
        assert any(squash(what) in squash(timeline.rows[row].cells[month].text)
                   for row in range(1, len(timeline.rows))), what
    styles = {p.style.name for p in document.paragraphs if "Heading" in p.style.name or p.style.name == "Title"}
    assert styles <= {"Title", "Heading 1", "Heading 2", "Heading 3"} and "Heading 1" in styles


# The print views through Chromium ----------------------------------------------------------------

def print_to_pdf(browser, serve, site, url: str, artifact: str) -> Path:
    """Print as "Save as PDF" does, with bookmarks from the headings (outline, tagged)."""
    tab = browser.new_page()
    tab.goto(serve(site.path) + url)
    data = tab.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    tab.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / artifact).write_bytes(data)
    return ARTIFACTS / artifact


def check_running_footer(pages: list[str], zone: str, title: str) -> None:
    for number, text in enumerate(pages, 1):
        assert f"pagina {number} van {len(pages)}" in text, number
        assert squash(f"{zone} · {title}") in squash(text), number


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_print_view_prints_the_whole_timeline(example_site, fixture_site, serve, browser, name, plan_id):
    plan, policy, fiches = plans(name, plan_id)
    site = site_of(name, example_site, fixture_site)
    path = print_to_pdf(browser, serve, site, f"{plan_id}/afdrukken/", f"print-{name}-{plan_id}.pdf")
    pdf = PdfReader(path)
    pages = [page.extract_text() for page in pdf.pages]
    sizes = [page_size(page) for page in pdf.pages]
    assert set(sizes) <= {A4, A4[::-1]}
    check_running_footer(pages, policy["zone"], plan["titel"])
    marks = bookmarks(pdf)
    landscape_pages = [index for index, size in enumerate(sizes) if size == A4[::-1]]
    assert landscape_pages and marks["Tijdlijn"] == landscape_pages[0]
    landscape = " ".join(pages[index] for index in landscape_pages)
    assert ink_width(path, landscape_pages[0]) > 0.93  # the table fills the page, up to its 12 mm margin
    assert all(month in words(landscape) for month in MONTHS)
    milestones = timeline_milestones(plan, fiches)
    assert_whole([word for _, what in milestones for word in words(what)], landscape, "timeline")
    december = [what for month, what in milestones if month == 12]
    assert_whole([word for what in december for word in words(what)], landscape, "December")
    for fiche in fiches:
        assert squash(heading(fiche)) in marks


def test_example_timeline_has_december_milestones():
    # The December check above must have something to check in the example.
    plan, _, fiches = plans("dender-zuid", "actieplan-2024")
    assert [what for month, what in timeline_milestones(plan, fiches) if month == 12]


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_printed_timeline_has_no_scroll_box(example_site, fixture_site, serve, browser, name, plan_id):
    """What the printer gets: no element of the timeline scrolls (a scrollbar would be printed) and
    the table ends inside the landscape page's text width (273 mm: A4 less two 12 mm margins)."""
    site = site_of(name, example_site, fixture_site)
    tab = browser.new_page(viewport={"width": round(273 / 25.4 * 96), "height": round(186 / 25.4 * 96)})
    tab.emulate_media(media="print")
    tab.goto(serve(site.path) + f"{plan_id}/afdrukken/")
    found = tab.evaluate("""() => {
        const landscape = document.querySelector('div.zs-print-landscape');
        const table = landscape.querySelector('table');
        const scrolling = [landscape, ...landscape.querySelectorAll('*')]
            .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
                         || ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
            .map(e => e.className || e.tagName);
        const last = table.querySelector('thead th:last-child').getBoundingClientRect();
        return {scrolling, right: last.right, width: document.documentElement.clientWidth,
                overflow: table.scrollWidth - table.clientWidth};
    }""")
    tab.close()
    assert found["scrolling"] == []
    assert found["right"] <= found["width"] + 0.5 and found["overflow"] <= 0


@pytest.mark.parametrize("name, plan_id", POLICY_PLANS)
def test_policy_plan_print_view_has_page_numbers_and_bookmarks(example_site, fixture_site, serve, browser,
                                                               name, plan_id):
    policy, _ = plan_files(content_root(name))
    plan = next(p for p in policy if p["id"] == plan_id)
    site = site_of(name, example_site, fixture_site)
    pdf = PdfReader(print_to_pdf(browser, serve, site, f"{plan_id}/afdrukken/", f"print-{name}-{plan_id}.pdf"))
    assert {page_size(page) for page in pdf.pages} == {A4}
    check_running_footer([page.extract_text() for page in pdf.pages], plan["zone"], plan.get("titel") or "Beleidsplan")
    marks = bookmarks(pdf)
    for sd in plan["strategische_doelstellingen"]:
        assert squash(f"SD {sd['id']}. {sd['titel']}") in marks


def test_zone_name_enters_the_print_margin_only_as_text(browser):
    """The zone's name goes into CSS (@page margin): whatever it holds, it stays one CSS string that
    shows the name as written, and cannot close the string or the <style> element."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from zonesite.render import css_string

    tab = browser.new_page()
    for attack in ATTACKS + ['Zone "Noord" \\ Zuid; } body { display: none }', "Zorg · Welzijn"]:
        quoted = str(css_string(attack))
        assert re.fullmatch(r'"(?:[A-Za-z0-9]|\\[0-9a-f]{6})*"', quoted), quoted
        tab.set_content(f"<style>p::before {{ content: {quoted}; }}</style><p></p>")
        shown = tab.evaluate("getComputedStyle(document.querySelector('p'), '::before').content")
        if attack.isprintable():  # Chromium reports control characters as escapes
            assert shown == '"' + attack.replace("\\", "\\\\").replace('"', '\\"') + '"'
    tab.close()


@pytest.mark.parametrize("name, plan_id", ACTION_PLANS)
def test_printed_tables_are_ruled_and_repeat_their_header_row(example_site, fixture_site, serve, browser,
                                                             name, plan_id):
    """On paper every table (versions, timeline, milestones, indicators) is a real table: a header row
    that Chromium repeats on each page it runs over, and a rule around every cell."""
    site = site_of(name, example_site, fixture_site)
    tab = browser.new_page()
    tab.emulate_media(media="print")
    tab.goto(serve(site.path) + f"{plan_id}/afdrukken/")
    tables = tab.evaluate("""() => [...document.querySelectorAll('article table')].map(table => {
        const style = e => e ? getComputedStyle(e) : null;
        const cell = style(table.querySelector('tbody td'));
        return {display: style(table).display, head: style(table.tHead)?.display,
                rules: cell ? ['Top', 'Right', 'Bottom', 'Left'].map(side => parseFloat(cell[`border${side}Width`])) : [1]};
    })""")
    tab.close()
    _, _, fiches = plans(name, plan_id)
    assert len(tables) >= 1 + sum(1 for fiche in fiches if fiche.get("mijlpalen"))
    for table in tables:
        assert table["display"] == "table" and table["head"] == "table-header-group", table
        assert min(table["rules"]) >= 0.5, table
