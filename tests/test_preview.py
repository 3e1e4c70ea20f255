"""The editors' preview (`make serve`): after a save, what changed is shown and nothing else is
redone. First what a rebuild may reuse (in this process), then the preview as `make serve` runs
it, with a real save and the files it rewrites."""

from __future__ import annotations

import json
import re
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, EXAMPLE, ROOT, make_project, preview_server

sys.path.insert(0, str(ROOT / "hooks"))
from zonesite import links, source  # noqa: E402
from zonesite.errors import Problem, Problems  # noqa: E402
from zonesite.memory import Later, Memory  # noqa: E402
from zonesite.preview import Preview  # noqa: E402
from zonesite.siteplan import GeneratedPage, SitePlan  # noqa: E402


# --- what a rebuild reuses ------------------------------------------------------------------------

def test_a_file_is_made_again_exactly_when_its_inputs_change():
    memory, made = Memory(), []

    def make(text):
        return lambda: made.append(text) or text.encode()

    assert memory.remember("a.docx", ("plan", 1), make("een")) == b"een"
    assert memory.remember("a.docx", ("plan", 1), make("twee")) == b"een"  # equal inputs: reused
    assert memory.remember("a.docx", ("plan", 2), make("drie")) == b"drie"
    assert memory.remember("b.docx", ("plan", 2), make("vier")) == b"vier"  # another file, its own memory
    assert made == ["een", "drie", "vier"]


def test_the_preview_gets_a_changed_slow_file_later_and_then_keeps_it():
    memory = Memory(defer_slow=True)
    later = memory.remember("plan.docx", ("plan", 1), lambda: b"word", slow=True)
    assert isinstance(later, Later)
    assert later.made(memory) == b"word"
    assert memory.remember("plan.docx", ("plan", 1), lambda: b"anders", slow=True) == b"word"
    assert isinstance(memory.remember("plan.docx", ("plan", 2), lambda: b"nieuw", slow=True), Later)
    # A one-off build never waits for later: it makes the file at once.
    assert Memory().remember("plan.docx", ("plan", 1), lambda: b"word", slow=True) == b"word"


def test_a_page_is_rendered_again_only_when_its_context_changes(monkeypatch):
    memory = Memory()
    renderer = memory.renderer(ROOT / "overrides" / "zonesite", None, "instellingen")
    assert memory.renderer(ROOT / "overrides" / "zonesite", None, "instellingen") is renderer
    assert memory.renderer(ROOT / "overrides" / "zonesite", None, "andere") is not renderer
    renderer = memory.renderer(ROOT / "overrides" / "zonesite", None, "andere")
    calls = []
    original = renderer.env.get_template
    monkeypatch.setattr(renderer.env, "get_template", lambda name: calls.append(name) or original(name))
    alpha, beta = [Problem("news/a.md", 1, "", "probleem-alfa")], [Problem("news/a.md", 1, "", "probleem-beta")]
    first = renderer.render("error_page.html", "a/", problems=alpha, epoch=1)
    assert renderer.render("error_page.html", "a/", problems=list(alpha), epoch=1) is first  # equal, not the same
    second = renderer.render("error_page.html", "a/", problems=beta, epoch=1)
    assert "probleem-beta" in second and "probleem-alfa" not in second
    assert len(calls) == 2


def test_a_problem_in_a_file_is_reported_by_every_build_not_only_the_first(tmp_path):
    file = tmp_path / "news" / "2025" / "2025-03-01-x.md"
    file.parent.mkdir(parents=True)
    file.write_text("---\ntitle: Een\ndate: 2025-03-01\n  description: fout ingesprongen\n---\nTekst.\n",
                    encoding="utf-8")
    reports = []
    for _ in range(2):
        problems = Problems()
        assert source.read_front_matter(file, tmp_path, problems) is None
        reports.append([str(p) for p in problems.items])
    assert reports[0] == reports[1] and reports[0][0].startswith("news/2025/2025-03-01-x.md:4")
    file.write_text("---\ntitle: Een\ndate: 2025-03-01\ndescription: goed\n---\nTekst.\n", encoding="utf-8")
    problems = Problems()
    document = source.read_front_matter(file, tmp_path, problems)
    assert problems.items == [] and document.data["description"] == "goed"


def test_addresses_in_a_text_are_found_again_for_the_same_text():
    text = "Zie [dit](https://example.org) en\n<a href='javascript:alert(1)'>dat</a>."
    assert links.in_text(text) == ((0, "https://example.org"), (1, "javascript:alert(1)"))
    assert [line for line, _ in links.problems_in_text(text)] == [1]
    assert [line for line, _ in links.problems_in_text(text)] == [1]


def test_the_preview_rewrites_what_differs_from_the_last_build_and_everything_after_an_error():
    preview = Preview()
    page = GeneratedPage("nieuws/", "<p>een</p>", "Nieuws")
    assert preview.changed("nieuws/index.md", page)
    preview.wrote(SitePlan([page], [], {"feed.xml": b"<rss/>"}, {}))
    assert not preview.changed("nieuws/index.md", GeneratedPage("nieuws/", "<p>een</p>", "Nieuws"))
    assert preview.changed("nieuws/index.md", GeneratedPage("nieuws/", "<p>twee</p>", "Nieuws"))
    assert not preview.changed("feed.xml", b"<rss/>") and preview.changed("feed.xml", b"<rss></rss>")
    preview.forget()
    assert preview.changed("feed.xml", b"<rss/>")


def test_a_slow_file_is_written_after_the_build_and_a_newer_save_wins(tmp_path):
    preview, problems = Preview(), []

    def slow():
        time.sleep(0.5)
        return b"oud"

    preview.write_later(tmp_path, SitePlan([], [], {"plan.docx": Later("plan.docx", 1, slow)}, {}),
                        lambda address, error: problems.append(address))
    preview.write_later(tmp_path, SitePlan([], [], {"plan.docx": Later("plan.docx", 2, lambda: b"nieuw")}, {}),
                        lambda address, error: problems.append(address))
    wait_until(lambda: (tmp_path / "plan.docx").is_file(), 10, "the newer file")
    time.sleep(1)  # the older one is done by now too, and must not have replaced it
    assert (tmp_path / "plan.docx").read_bytes() == b"nieuw" and problems == []
    assert not preview.changed("plan.docx", b"nieuw")

    def broken():
        raise ValueError("kapot")

    reports = []
    preview.write_later(tmp_path, SitePlan([], [], {"b.docx": Later("b.docx", 1, broken)}, {}),
                        lambda address, error: reports.append((address, str(error))))
    wait_until(lambda: reports, 10, "the failure is reported")
    assert reports == [("b.docx", "kapot")] and not (tmp_path / "b.docx").exists()


# --- the preview as `make serve` runs it -----------------------------------------------------------

def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = condition()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"within {seconds:.0f} s: {what}")


def snapshot(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def search_entries(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture
def preview(tmp_path):
    """`make serve` on a copy of the example; yields (project, base URL, served folder, log)."""
    project = make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news")
    (tmp_path / "tmp").mkdir()
    # TMPDIR: where mkdocs serve builds, so that the test can see which files a save rewrites.
    with preview_server(project, tmp_path / "serve.log", SOURCE_DATE_EPOCH=BUILD_EPOCH,
                        TMPDIR=str(tmp_path / "tmp")) as base:
        yield project, base, next((tmp_path / "tmp").glob("mkdocs_*")), tmp_path / "serve.log"


def test_a_save_rewrites_the_pages_it_changes_and_no_others(preview):
    project, base, site, log = preview
    # An item that the lists show (an expired one keeps only its own page).
    item = next(p for p in sorted((project / "news" / "2026").glob("*.md")) if "\nexpires:" not in p.read_text())
    page = f"nieuws/2026/{item.name[5:7]}/{item.stem[11:]}/index.html"
    other_item = next(p for p in snapshot(site) if p.startswith("nieuws/20") and p.count("/") == 4 and p != page)
    # The Word file is made just after the first build.
    word = wait_until(lambda: next((p for p in snapshot(site) if p.endswith(".docx")), None), 60, "a Word file")
    locations = {entry["location"].split("#")[0] for entry in search_entries(site)}
    time.sleep(1.5)  # the preview notices saves by polling; let it see the files as they are
    before = snapshot(site)

    # A sentence added to a news item: its page changes, no list shows its body.
    with item.open("a", encoding="utf-8") as handle:
        handle.write("\nZin van de proef met de voorvertoning.\n")
    wait_until(lambda: "Zin van de proef" in fetch(base + page.removesuffix("index.html")), 30, "the edit is shown")
    after = snapshot(site)
    rewritten = sorted(p for p in after if p.endswith(".html") and after[p] != before.get(p))
    assert page in rewritten and other_item not in rewritten and "index.html" not in rewritten
    assert len(rewritten) <= 3, rewritten  # the page, the error page every build writes
    assert after[word] == before[word]  # the Word file has no news in it
    # Search still knows every page, and the new sentence once.
    entries = search_entries(site)
    assert {entry["location"].split("#")[0] for entry in entries} == locations
    assert sum("Zin van de proef" in entry["text"] for entry in entries) == 1

    # A new title: the lists that show it change too.
    text = item.read_text(encoding="utf-8")
    item.write_text(re.sub(r"^title: .*$", "title: Een titel die de proef zette", text, count=1, flags=re.M),
                    encoding="utf-8")
    wait_until(lambda: "Een titel die de proef zette" in fetch(base + "nieuws/"), 30, "the news list shows the title")

    # A fiche: its page at once, the Word file just after.
    fiche = sorted((project / "plans").glob("actieplan-*/fiches/*.yml"))[0]
    text = fiche.read_text(encoding="utf-8")
    fiche.write_text(re.sub(r"^(titel: .*?)\s*$", r"\1 proefwoord", text, count=1, flags=re.M), encoding="utf-8")
    plan = fiche.parent.parent.name
    wait_until(lambda: "proefwoord" in fetch(base + plan + "/"), 30, "the plan page shows the fiche's new title")
    wait_until(lambda: "proefwoord" in zipfile.ZipFile(site / word).read("word/document.xml").decode("utf-8"),
               60, "the Word file follows")
    assert "Traceback" not in log.read_text(encoding="utf-8")
