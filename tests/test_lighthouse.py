"""Lighthouse's accessibility score is 100 on every page type (in one Chromium, phone screen)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import CHROMIUM, ROOT
from test_accessibility import PAGE_TYPES

SCRIPT = ROOT / "tests" / "lighthouse.mjs"
# One page of each kind a reader meets; the rest of PAGE_TYPES share these pages' templates.
AUDITED = ("home", "policy plan", "strategic objective", "operational objective", "action plan overview",
           "fiche", "timeline", "about the action plan", "print view", "news index", "news item", "agenda",
           "newsletter archive", "newsletter web version", "accessibility statement", "not found")


def test_lighthouse_accessibility_is_100_on_every_page_type(example_site, serve):
    if not (ROOT / "node_modules" / "lighthouse").is_dir() or not shutil.which("node"):
        pytest.fail("Lighthouse ontbreekt: npm ci (make test doet dit)")
    paths = [PAGE_TYPES[name] for name in AUDITED]
    run = subprocess.run(["node", str(SCRIPT), serve(example_site.path), *paths], capture_output=True,
                         text=True, timeout=600, env={**os.environ, "CHROME_PATH": CHROMIUM})
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert sorted(results) == sorted(paths)
    below = {path: result for path, result in results.items() if result["score"] != 1 or result["error"]}
    assert not below, json.dumps(below, indent=1, ensure_ascii=False)
