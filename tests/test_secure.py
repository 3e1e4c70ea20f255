"""Untrusted content cannot publish files from outside the repository, run a script on the site,
or cost the zone its last good site; under `mkdocs serve` content errors show in the browser."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import BROKEN_BASE, BUILD_EPOCH, EXAMPLE, ROOT, make_project, mkdocs_build, preview_server

SECRET = "ZZGEHEIM-7f3a9c"
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"


def zonesite_check(project: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zonesite", "check"], cwd=project, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(project / "hooks"), **env}, timeout=120)


def write_news(project: Path, name: str, front: dict, body: str = "Tekst.\n", year: str = "2025") -> Path:
    path = project / "news" / year / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n\n" + body, encoding="utf-8")
    return path


def files_containing(folder: Path, marker: bytes) -> list[Path]:
    return [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink() and marker in f.read_bytes()]


def snapshot(folder: Path) -> dict[str, str]:
    return {f.relative_to(folder).as_posix(): hashlib.sha256(f.read_bytes()).hexdigest()
            for f in sorted(folder.rglob("*")) if f.is_file()}


# --- Nothing from outside the repository is read or published -------------------------------------

@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder next to the project, outside it, with a secret that looks like a real photo."""
    folder = tmp_path / "buiten"
    folder.mkdir()
    (folder / "geheim.jpg").write_bytes(JPEG_HEAD + SECRET.encode() + b"\xff\xd9")
    (folder / "2025-03-10-geheim.md").write_text(
        f"---\ntitle: Geheim\ndate: 2025-03-10\ndescription: {SECRET}\n---\n\n{SECRET}\n", encoding="utf-8")
    return folder


def image_item(project: Path, src: str) -> None:
    write_news(project, "2025-03-10-foto.md", {"title": "Foto", "date": "2025-03-10", "description": "Een foto.",
                                               "image": {"src": src, "alt": "Een foto"}})


def outside_image(kind: str, project: Path, outside: Path) -> str:
    """Point a news image at the secret in one of the ways the issue lists; return the field value."""
    if kind == "absolute":
        return str(outside / "geheim.jpg")
    if kind == "parent":
        return os.path.relpath(outside / "geheim.jpg", project / "news" / "2025")
    if kind == "symlink":
        link = project / "news" / "2025" / "beelden" / "foto.jpg"
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(outside / "geheim.jpg")
        return "beelden/foto.jpg"
    if kind == "environ":
        return "/proc/self/environ"
    if kind == "environ-symlink":
        link = project / "news" / "2025" / "beelden" / "omgeving.jpg"
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to("/proc/self/environ")
        return "beelden/omgeving.jpg"
    raise ValueError(kind)


@pytest.mark.parametrize("kind", ["absolute", "parent", "symlink", "environ", "environ-symlink"])
def test_images_from_outside_the_repository_are_refused(kind, tmp_path, outside):
    project = make_project(tmp_path / "project", BROKEN_BASE)
    src = outside_image(kind, project, outside)
    image_item(project, src)
    site = tmp_path / "site"
    result = mkdocs_build(project, site, ZONESITE_DEPLOY_TOKEN=SECRET)  # in /proc/self/environ of the build
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"news/2025/2025-03-10-foto\.md:\d+: image\.src: .* — ", output), output
    assert SECRET not in output
    assert not site.exists()
    leaked = [f for f in files_containing(tmp_path, SECRET.encode()) if outside not in f.parents]
    assert leaked == []
    # `make check` gives the same verdict
    check = zonesite_check(project, ZONESITE_DEPLOY_TOKEN=SECRET)
    assert check.returncode == 1 and "image.src" in check.stderr and "Traceback" not in check.stderr


@pytest.mark.parametrize("kind", ["news-file", "year-folder"])
def test_content_symlinked_from_outside_is_refused(kind, tmp_path, outside):
    project = make_project(tmp_path / "project", BROKEN_BASE)
    if kind == "news-file":
        (project / "news" / "2025").mkdir(parents=True)
        (project / "news" / "2025" / "2025-03-10-geheim.md").symlink_to(outside / "2025-03-10-geheim.md")
    else:
        (project / "news" / "2025").symlink_to(outside)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "news/2025/2025-03-10-geheim.md: dit bestand (of zijn map) is een snelkoppeling" in output, output
    assert [f for f in files_containing(tmp_path, SECRET.encode()) if outside not in f.parents] == []
    assert zonesite_check(project).returncode == 1


# --- Nothing lost: a failed or killed build leaves the previous site as it was ---------------------

def build_into(project: Path, **env: str) -> subprocess.CompletedProcess:
    return mkdocs_build(project, project / "site", **env)


def test_a_build_failing_after_mkdocs_started_writing_keeps_the_previous_site(tmp_path):
    project = make_project(tmp_path / "project", BROKEN_BASE)
    assert build_into(project).returncode == 0
    before = snapshot(project / "site")
    # A strict-mode warning: MkDocs reports it only after every page has been written.
    config = project / "mkdocs.project.yml"  # the project's own settings, under the test identity
    text = config.read_text()
    assert "      - over.md\n" in text
    config.write_text(text.replace("      - over.md\n", "      - over.md\n      - ontbreekt.md\n"))
    image_item(project, "beelden/foto.jpg")  # new content, so a half-written site would differ
    (project / "news" / "2025" / "beelden").mkdir()
    shutil.copy(next(EXAMPLE.glob("news/*/beelden/*.jpg")), project / "news" / "2025" / "beelden" / "foto.jpg")
    result = build_into(project)
    assert result.returncode != 0 and "ontbreekt.md" in result.stdout + result.stderr
    assert snapshot(project / "site") == before
    assert not list(project.glob(".zonesite-build-*"))


def test_a_killed_build_keeps_the_previous_site(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news")
    assert build_into(project).returncode == 0
    before = snapshot(project / "site")
    item = next((project / "news").glob("2026/*.md"))
    item.write_text(item.read_text(encoding="utf-8") + "\nEen alinea die er later bij kwam.\n", encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    build = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        # Kill it once MkDocs is writing pages (the fresh folder holds some HTML).
        while not any(f.name == "index.html" for d in project.glob(".zonesite-build-*") for f in d.rglob("*.html")):
            assert build.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        build.send_signal(signal.SIGKILL)
    finally:
        build.wait(timeout=30)
    assert snapshot(project / "site") == before
    # The next build cleans up what the killed one left and publishes the change.
    assert build_into(project).returncode == 0
    assert not list(project.glob(".zonesite-build-*"))
    assert snapshot(project / "site") != before


# --- No script from content runs ---------------------------------------------------------------------

PAYLOADS = [
    "<img src=x onerror=alert({n})>",
    '"><script>alert({n})</script>',
    "' autofocus onfocus='alert({n})' x='",
    "<svg onload=alert({n})>",
    "<details open ontoggle=alert({n})>x</details>",
    '<iframe srcdoc="<script>alert({n})</script>"></iframe>',
    '[klik](https://example.org/"onmouseover="alert({n}))',
    '<a id="__config">{{"base": "x"}}</a><form id="__search"></form>{{{{ {n} }}}}',
]
# Fields whose values are references, dates or choices: a payload there is a content error, not a page.
KEEP = {"id", "soort", "beleidsplan", "strategische_doelstelling", "operationele_doelstelling", "status", "maand",
        "tot", "van", "jaar", "datum", "voortzetting_van", "doelstellingen", "gekozen", "ingediend_op", "periode"}


def poison(node, counter: list[int]):
    """Every free-text value in a YAML tree replaced by a script payload, each with its own number."""
    if isinstance(node, dict):
        return {k: v if k in KEEP else poison(v, counter) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(v, counter) for v in node]
    if isinstance(node, str):
        counter[0] += 1
        return PAYLOADS[counter[0] % len(PAYLOADS)].format(n=counter[0])
    return node


def hostile_project(tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project", EXAMPLE / "plans")
    counter = [0]
    for file in sorted((project / "plans").rglob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        file.write_text(yaml.safe_dump(poison(data, counter), allow_unicode=True), encoding="utf-8")
    # The zone's municipalities are content too: the names the poisoned fiches now give become the
    # zone's list, so that they reach the municipality pages, the menu and the overview's filter.
    places = sorted({name for file in (project / "plans").rglob("fiches/*.yml")
                     for name in yaml.safe_load(file.read_text(encoding="utf-8")).get("gemeenten") or []})
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["zone"]["gemeenten"] = places
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    # A fiche's file name reaches the "edit this page" link.
    fiche = next((project / "plans").glob("*/fiches/*.yml"))
    fiche.rename(fiche.with_name('1-x" onfocus="alert(901)" autofocus="x.yml'))
    (project / "news" / "2025" / "beelden").mkdir(parents=True)
    shutil.copy(next(EXAMPLE.glob("news/*/beelden/*.jpg")), project / "news" / "2025" / "beelden" / "foto.jpg")
    plan = next((project / "plans").glob("*/actieplan.yml")).parent.name
    fiche_id = yaml.safe_load(next((project / "plans" / plan / "fiches").glob("*.yml")).read_text())["id"]
    body = ("Tekst met <script>alert(902)</script> en <img src=x onerror=alert(903)>.\n\n"
            '<div id="__config">{"base": "https://evil.example/", "features": []}</div>\n\n'
            '<form id="__drawer"><input name="query" autofocus onfocus="alert(904)"></form>\n\n'
            '<p data-md-component="header">Geen tweede kop</p>\n\n'
            "## __search\n\n<svg><animate onbegin=alert(905) attributeName=x dur=1s></svg>\n\n"
            # <object> and <embed> are refused by the check itself (see the broken corpus), so not here.
            '<math><mtext><table><mglyph><style><img src=x onerror=alert(906)></style></mglyph></table></mtext></math>\n')
    write_news(project, "2025-03-10-aanval.md", {
        "title": "<img src=x onerror=alert(907)>", "date": "2025-03-10 09:00",
        "description": "<script>alert(908)</script> & <b>vet</b>", "tags": ["<svg onload=alert(909)>", "Zorg"],
        "actions": [f"{plan}/{fiche_id}"], "gemeenten": places[:1],
        "image": {"src": "beelden/foto.jpg", "alt": '"><script>alert(910)</script>'},
        "event": {"start": "2025-04-01 19:00", "end": "2025-04-01 21:00", "location": "<img src=x onerror=alert(911)>",
                  "registration": 'https://example.org/in?x="><script>alert(912)</script>'}}, body)
    write_news(project, "2025-03-12-zorg.md", {"title": "Zorg", "date": "2025-03-12", "description": "Over zorg.",
                                               "tags": ["Zorg"]})
    (project / "news" / "nieuwsbrief").mkdir()
    (project / "news" / "nieuwsbrief" / "2025-03.md").write_text(
        "Beste collega's, <img src=x onerror=alert(913)> [lees](https://example.org/)\n", encoding="utf-8")
    return project


def test_no_script_from_content_runs_on_any_page(tmp_path, browser, serve):
    project = hostile_project(tmp_path)
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    assert len(list((site / "gemeente").glob("*/index.html"))) >= 2  # hostile municipality names have pages
    base = serve(site)
    dialogs: list[str] = []
    context = browser.new_context(locale="nl-BE")
    tab = context.new_page()
    tab.on("dialog", lambda dialog: (dialogs.append(f"{tab.url}: {dialog.message}"), dialog.dismiss()))
    try:
        for file in pages:
            tab.goto(base + file.relative_to(site).as_posix(), wait_until="load")
            for _ in range(2):  # focus handlers run on tabbing, not only on autofocus
                tab.keyboard.press("Tab")
            tab.mouse.move(200, 300)
            tab.wait_for_timeout(30)
        # The theme still reads its own configuration, not the element the body tried to plant.
        tab.goto(base + "nieuws/2025/03/aanval/", wait_until="load")
        assert tab.evaluate("document.querySelector('#__config').tagName") == "SCRIPT"
        assert tab.evaluate("document.querySelectorAll('#__drawer, #__search').length") == 2  # the theme's own
        assert tab.evaluate("document.querySelectorAll('[data-md-component=header]').length") == 1
    finally:
        context.close()
    assert dialogs == []
    # The RSS description is text a reader renders as HTML: it arrives escaped.
    items = ET.parse(site / "feed.xml").getroot().iter("item")
    descriptions = [item.findtext("description") for item in items]
    assert any("&lt;script&gt;alert(908)" in text for text in descriptions), descriptions
    assert not any("<script" in text for text in descriptions)
    # One topic, one page, listing both items.
    tag_page = (site / "nieuws" / "onderwerp" / "zorg" / "index.html").read_text(encoding="utf-8")
    assert "aanval/" in tag_page and "zorg/" in tag_page


# --- Preview: content errors in the browser ----------------------------------------------------------

def test_preview_shows_content_errors_in_the_browser_and_recovers(tmp_path, page):
    project = make_project(tmp_path / "project", BROKEN_BASE)
    fiche = project / "plans" / "actieplan-2025" / "fiches" / "1-eerste.yml"
    title = yaml.safe_load(fiche.read_text(encoding="utf-8"))["titel"]
    with preview_server(project, tmp_path / "serve.log") as base:
        page.goto(base + "actieplan-2025/actie-1/")
        assert title in page.title()
        good = fiche.read_text(encoding="utf-8")
        fiche.write_text(good.replace("\ntitel:", "\ntittel:"), encoding="utf-8")
        # The open page reloads by itself and shows every problem, with file, line and field.
        page.wait_for_function("document.title.startsWith('De inhoud heeft')", timeout=60_000)
        problems = page.locator("li").all_inner_texts()
        assert any("plans/actieplan-2025/fiches/1-eerste.yml:3" in p and "tittel" in p and "titel" in p
                   for p in problems), problems
        page.goto(base + "nieuws/")  # any address shows the problems
        assert page.title().startswith("De inhoud heeft")
        page.goto(base + "actieplan-2025/actie-1/")
        fiche.write_text(good, encoding="utf-8")
        page.wait_for_function(f"document.title.includes({title!r})", timeout=60_000)


# --- Every output address claimed once ---------------------------------------------------------------

def test_the_last_check_refuses_any_page_that_takes_a_claimed_address():
    sys.path.insert(0, str(ROOT / "hooks"))
    from zonesite.claims import PageClaims, docs_addresses
    from zonesite.errors import ContentError

    fixed = docs_addresses(ROOT)
    assert fixed["over/"] == "docs/over.md" and fixed["handleiding/"] == "docs/handleiding/index.md"
    claims = PageClaims(fixed)
    claims.take("actieplan-2025/actie-1-1/", "plans/actieplan-2025/fiches/1-1.yml")
    claims.take("over/", "plans/over.yml")
    claims.take("Actieplan-2025/actie-1-1/", "plans/actieplan-2025/fiches/1.1.yml")
    with pytest.raises(ContentError) as refused:
        claims.raise_if_any()
    assert [str(p) for p in refused.value.problems] == [
        "plans/actieplan-2025/fiches/1.1.yml: het adres /Actieplan-2025/actie-1-1/ is al van "
        "plans/actieplan-2025/fiches/1-1.yml — geef een van beide een ander id of een andere titel",
        "plans/over.yml: het adres /over/ is al van docs/over.md — geef een van beide een ander id of een "
        "andere titel"]


def test_a_symlink_in_docs_pointing_out_is_refused(tmp_path, outside):
    project = make_project(tmp_path / "project", BROKEN_BASE)
    (project / "docs" / "geheim.jpg").symlink_to(outside / "geheim.jpg")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/geheim.jpg: dit bestand (of zijn map) is een snelkoppeling" in result.stdout + result.stderr
    assert [f for f in files_containing(tmp_path, SECRET.encode()) if outside not in f.parents] == []
