"""The example builds the same under ProperDocs, the maintained fork of MkDocs 1.6, as under MkDocs.

Material for MkDocs ends on 5 May 2027 and MkDocs 2 drops plugins; a zone must be able to move to
another engine without losing half its site. ProperDocs runs `hooks:` and Material unchanged — if a
version ever stopped running the hook, its site would lack every plan and news page, and these
tests say so. (Zensical, Material's successor, ignores `hooks:` without a word: see the README.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import BUILD_EPOCH, EXAMPLE, Site, make_project, mkdocs_build, squash
from test_broken_content import CASES, project_for

ENGINE_MARK = 'name="generator" content="mkdocs-ProperDocs'  # how ProperDocs signs each page


def properdocs_build(project: Path, site_dir: Path | None = None) -> subprocess.CompletedProcess:
    """`properdocs build --strict` on the project's own mkdocs.yml, as a zone that moved would run it."""
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
                   "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    return subprocess.run(command, cwd=project, capture_output=True, text=True, env=environment, timeout=300)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Site:
    base = tmp_path_factory.mktemp("properdocs")
    news = EXAMPLE / "news"
    project = make_project(base / "project", EXAMPLE / "plans", news if news.is_dir() else None)
    result = properdocs_build(project, base / "site")
    assert result.returncode == 0, f"ProperDocs build failed:\n{result.stdout}\n{result.stderr}"
    return Site(base / "site", result, project)


def files(site: Site) -> set[str]:
    return {path.relative_to(site.path).as_posix() for path in site.path.rglob("*") if path.is_file()}


def main_text(file: Path) -> tuple[str, str]:
    """What a reader gets from a page: its title and the text of its article (or of the whole page)."""
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    title = soup.title.get_text() if soup.title else ""
    return title, squash((soup.find("article") or soup).get_text(" "))


def test_the_second_site_was_built_by_properdocs(example_site, properdocs_site):
    """Otherwise the comparisons below would compare MkDocs with itself."""
    assert ENGINE_MARK in (properdocs_site.path / "index.html").read_text(encoding="utf-8")
    assert ENGINE_MARK not in (example_site.path / "index.html").read_text(encoding="utf-8")


def test_properdocs_runs_the_hook(properdocs_site):
    """Each plan in the example has its pages and each action plan its Word file: the hook ran."""
    plans = EXAMPLE / "plans"
    policy = [file.stem for file in plans.glob("*.yml")]
    action = [folder.name for folder in plans.iterdir() if (folder / "actieplan.yml").is_file()]
    assert policy and action
    for plan in policy + action:
        assert (properdocs_site.path / plan / "index.html").is_file(), f"/{plan}/ is missing"
    for plan in action:
        assert (properdocs_site.path / plan / f"{plan}.docx").is_file(), f"the Word file of {plan} is missing"
    built = files(properdocs_site)
    for output in ("feed.xml", "atom.xml", "agenda.ics", "nieuws/index.html", "agenda/index.html"):
        assert output in built, f"{output} is missing"
    assert any(name.startswith("nieuwsbrief/") and name.endswith("/email.html") for name in built)


def test_both_engines_build_the_same_files(example_site, properdocs_site):
    mkdocs_files, properdocs_files = files(example_site), files(properdocs_site)
    assert not mkdocs_files - properdocs_files, f"only MkDocs built: {sorted(mkdocs_files - properdocs_files)}"
    assert not properdocs_files - mkdocs_files, f"only ProperDocs built: {sorted(properdocs_files - mkdocs_files)}"


def test_every_page_reads_the_same(example_site, properdocs_site):
    pages = sorted(name for name in files(example_site) & files(properdocs_site) if name.endswith(".html"))
    assert len(pages) > 50
    different = [name for name in pages
                 if main_text(example_site.path / name) != main_text(properdocs_site.path / name)]
    assert not different, f"these pages read differently under ProperDocs: {different}"


def test_search_finds_the_same_under_both(example_site, properdocs_site):
    def entries(site: Site) -> dict[str, tuple[str, str]]:
        index = json.loads((site.path / "search" / "search_index.json").read_text(encoding="utf-8"))
        return {entry["location"]: (entry["title"], entry["text"]) for entry in index["docs"]}

    mkdocs_entries, properdocs_entries = entries(example_site), entries(properdocs_site)
    assert any(location.startswith("actieplan-") for location in properdocs_entries)
    assert mkdocs_entries == properdocs_entries


def test_other_outputs_are_byte_identical(example_site, properdocs_site):
    """Feeds, calendars, the Word file, the newsletter's text, images, the sitemap: the hook's own files."""
    outputs = sorted(name for name in files(example_site) & files(properdocs_site)
                     if not name.endswith(".html") and name != "search/search_index.json")
    assert any(name.endswith(".docx") for name in outputs) and any(name.endswith(".ics") for name in outputs)
    different = [name for name in outputs
                 if (example_site.path / name).read_bytes() != (properdocs_site.path / name).read_bytes()]
    assert not different, f"these files differ under ProperDocs: {different}"


def test_content_mistakes_read_the_same(tmp_path):
    """A mistake stops a ProperDocs build too, with the same `path:line: field: problem — fix` lines."""
    case = CASES[0]
    reports = []
    for engine, build in (("mkdocs", mkdocs_build), ("properdocs", properdocs_build)):
        result = build(project_for(case, tmp_path / engine))
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in output, output
        reports.append([line for line in output.splitlines() if line.startswith("plans/")])
    assert reports[0] and reports[0] == reports[1]
