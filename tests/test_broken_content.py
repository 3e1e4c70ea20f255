"""Bad content stops the build with `path:line: field: problem — fix` for every problem, at once.

Each folder in tests/broken/cases overlays tests/broken/base with one or more mistakes and says
in expect.yml which file, line and field the build must name (and, where given, the whole message);
`make check` must name the same."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, make_project, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
from zonesite.cli import main  # noqa: E402

BROKEN = Path(__file__).resolve().parent / "broken"
CASES = sorted(p for p in (BROKEN / "cases").iterdir() if p.is_dir())


def project_for(case: Path, tmp_path: Path) -> Path:
    project = make_project(tmp_path / "project", BROKEN / "base" / "plans")
    expect = yaml.safe_load((case / "expect.yml").read_text(encoding="utf-8"))
    for removed in expect.get("remove") or []:
        (project / removed).unlink()
    for file in case.rglob("*"):
        if file.is_file() and file.name != "expect.yml":
            target = project / file.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
    return project


def test_corpus_is_large_enough():
    assert len(CASES) >= 15


def test_base_builds(tmp_path):
    project = make_project(tmp_path / "project", BROKEN / "base" / "plans")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_content_is_reported(case, tmp_path, capsys):
    project = project_for(case, tmp_path)
    site = project / "site"
    site.mkdir()
    (site / "keep.txt").write_text("an earlier build")
    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    reported = [line.split("-  ", 1)[-1].strip() for line in output.splitlines()]
    expect = yaml.safe_load((case / "expect.yml").read_text(encoding="utf-8"))
    for problem in expect["problems"]:
        prefix = f"{problem['file']}:{problem['line']}: "
        if problem["field"]:
            prefix += f"{problem['field']}: "
        matches = [line for line in reported if line.startswith(prefix)]
        assert matches, f"expected a problem starting with {prefix!r} in:\n{output}"
        assert all(" — " in line for line in matches), "every message says how to fix it"
        if "message" in problem:  # the exact words editors read, where the case gives them
            assert prefix + problem["message"] in matches, matches
    problem_lines = [line for line in reported if line.startswith(("plans/", "news/", "docs/"))]
    assert len(problem_lines) == len(expect["problems"]), output
    # Nothing was written: the earlier site is untouched.
    assert [p.name for p in site.iterdir()] == ["keep.txt"]
    # `make check` gives the same verdict, problem for problem.
    assert main(["--root", str(project), "check"]) == 1
    assert sorted(capsys.readouterr().err.splitlines()[1:]) == sorted(problem_lines)
