"""Tests test the engine: none may read the zone's own plans/ and news/ at the root (see conftest)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, ZoneContentRead


@pytest.mark.parametrize("read", [
    lambda: (ROOT / "plans" / "beleidsplan.yml").read_text(),
    lambda: list((ROOT / "plans").iterdir()),
    lambda: shutil.copytree(ROOT / "news", ROOT / "tests" / "never-made"),
    lambda: subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=ROOT, check=False),
    lambda: subprocess.run([sys.executable, "-c", "pass", str(ROOT / "plans")], check=False),
], ids=["open", "listdir", "copytree", "build-the-root", "path-argument"])
def test_reading_the_zones_own_content_fails_the_test(read):
    # Whether or not the folders exist: a zone may have no news/, and a test must fail either way.
    with pytest.raises(ZoneContentRead):
        read()
    assert not (ROOT / "tests" / "never-made").exists()


def test_the_engine_and_the_fixtures_stay_readable():
    assert (ROOT / "mkdocs.yml").read_text() and list((ROOT / "tests" / "fixtures").glob("*/plans"))


def test_no_test_names_the_root_content():
    # Path.glob on a missing folder lists nothing without opening it, so the audit hook cannot see
    # it: a test globbing the root's news/ would silently test nothing for a zone without news.
    pattern = re.compile(r"""ROOT\s*/\s*["'](?:plans|news)\b|ROOT\.joinpath\(\s*["'](?:plans|news)""")
    offenders = [f"{file.name}:{number}" for file in sorted(Path(__file__).parent.glob("*.py"))
                 if file.name != Path(__file__).name
                 for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
                 if pattern.search(line)]
    assert not offenders, f"tests that name the root's content: {offenders}"
