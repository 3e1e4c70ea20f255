"""`zonesite export`: the site as plain files that an engine without hooks builds to the same site.

The example is exported, then built by plain MkDocs with the exported mkdocs.yml (no `hooks:`);
the result must hold every page and file of the site built with the hook, with the same text."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import BUILD_EPOCH, ROOT, squash

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH, "PYTHONPATH": str(ROOT / "hooks")}


@pytest.fixture(scope="module")
def exported(example_site, tmp_path_factory):
    out = tmp_path_factory.mktemp("export") / "export"
    result = subprocess.run([sys.executable, "-m", "zonesite", "--root", str(example_site.project), "export",
                             "--out", str(out)], capture_output=True, text=True, env=ENV, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    site = out.parent / "site"
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                           cwd=out, capture_output=True, text=True, env=ENV, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    return out, site


def files(site) -> set[str]:
    # The theme's own assets and search index differ by build; the content does not.
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()
            and not path.relative_to(site).as_posix().startswith(("assets/", "search/"))}


def test_the_export_needs_no_hooks(exported):
    out, _ = exported
    settings = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in settings and "repo_url" not in settings
    assert not (out / "hooks").exists()


def test_an_engine_without_hooks_builds_the_same_site(exported, example_site):
    _, site = exported
    assert files(site) == files(example_site.path)


def test_every_page_says_the_same(exported, example_site):
    _, site = exported
    pages = sorted(example_site.path.rglob("index.html"))
    assert len(pages) > 50
    for page in pages:
        relative = page.relative_to(example_site.path)
        ours = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        theirs = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser").find("article")
        assert (ours is None) == (theirs is None), relative
        if ours is not None:
            assert squash(theirs.get_text(" ")) == squash(ours.get_text(" ")), relative
