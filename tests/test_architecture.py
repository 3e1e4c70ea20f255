"""The house rules of the code, read from its source: a straight pipeline with thin glue.

load (content.py and its readers) → check → publish (publish.py, the one gate) → plan (one planner
per output family) → render. Only the MkDocs adapter knows MkDocs; models know only models;
addresses are spelled in urls.py alone; no module grows past what one person reads at once."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import ROOT

HOOKS = ROOT / "hooks"
PACKAGE = HOOKS / "zonesite"
ADAPTER = HOOKS / "zonesite_mkdocs.py"
MODULES = sorted(PACKAGE.rglob("*.py"))
MAX_LINES = 300
ENGINES = ("mkdocs", "material", "properdocs", "zensical")


def name(path: Path) -> str:
    return path.relative_to(HOOKS).as_posix()


def imports(path: Path) -> list[tuple[str, int]]:
    """(module, level) of every import; level > 0 is a relative import inside the package."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, 0) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, node.level))
        elif isinstance(node, ast.ImportFrom):  # `from .. import links`
            found += [(alias.name, node.level) for alias in node.names]
    return found


def test_the_rules_see_the_code():
    assert len(MODULES) > 20 and ADAPTER.is_file()
    assert any(module.startswith("mkdocs") for module, _ in imports(ADAPTER))


@pytest.mark.parametrize("path", MODULES, ids=name)
def test_only_the_adapter_knows_the_engine(path):
    engine = [module for module, level in imports(path) if level == 0 and module.split(".")[0] in ENGINES]
    assert not engine, f"{name(path)} imports {engine}: only {name(ADAPTER)} may"


@pytest.mark.parametrize("path", sorted((PACKAGE / "models").glob("*.py")), ids=name)
def test_models_know_only_models(path):
    # Models may use the date rules and the link rules, nothing that reads, plans or writes.
    allowed = {"common", "timing", "fiche", "links", "policy", "actionplan", "news", "identity", "results"}
    for module, level in imports(path):
        if level == 1:
            assert module in allowed, f"{name(path)} imports .{module}"
        elif level == 2:
            assert module in ("dates", "links"), f"{name(path)} imports ..{module}"


@pytest.mark.parametrize("path", MODULES, ids=name)
def test_no_module_is_longer_than_one_can_read_at_once(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name(path)} has {lines} lines (at most {MAX_LINES}): split it by what it does"


def _attributes(path: Path, attribute: str) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == attribute]


@pytest.mark.parametrize("path", [*MODULES, ADAPTER], ids=name)
def test_only_the_publish_gate_decides_what_may_be_seen(path):
    """After publish(), nothing asks again whether an item is a draft: what planners get is
    what may be seen."""
    if path.parent.name == "models" or path.name in ("publish.py", "scaffold.py"):
        return
    assert not _attributes(path, "draft"), f"{name(path)} reads `.draft` (lines {_attributes(path, 'draft')})"


@pytest.mark.parametrize("path", [*MODULES, ADAPTER], ids=name)
def test_only_the_pipeline_loads_content(path):
    calls = [node.lineno for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in
             ("load_content", "read_plans", "read_news")]
    if path.name in ("checks.py", "verify.py", "content.py"):
        return
    assert not calls, f"{name(path)} loads content itself (lines {calls}): planners get the published view"


# An address as a string: `nieuws/`, `a/b/`, `feed.xml`, `x.ics`, `plan.docx`; not the content's
# own folders (`plans/`, `news/…`), which name where an editor finds a file.
ADDRESS = re.compile(r"^(?!plans/|news/)(?:[a-z0-9-]+/)+$|^[\w.-]+\.(?:xml|ics|docx)$")


@pytest.mark.parametrize("path", [*MODULES, ADAPTER], ids=name)
def test_addresses_are_spelled_in_one_module(path):
    if path.name == "urls.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    spelled = [(node.lineno, node.value) for node in ast.walk(tree)
               if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
               and ADDRESS.match(node.value)]
    assert not spelled, f"{name(path)} spells addresses {spelled}: ask urls.py"
