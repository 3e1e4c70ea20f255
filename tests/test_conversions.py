"""Every Markdown text is converted once per build, and generated pages never go through Markdown.

The build runs in this process with Python-Markdown's `convert` counted, so that both the
pipeline's conversions and MkDocs' own are seen. The texts expected are read from the fixture's
files (YAML values, news bodies, docs/ pages), never from the code."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import BUILD_EPOCH, EXAMPLE, make_project, squash


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


def _body(path: Path) -> str:
    """A Markdown file without its front matter, as MkDocs and the pipeline read it."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("\n---", 1)[1].split("\n", 1)[1]
    return text


@pytest.fixture(scope="module")
def counted_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("conversions")
    project = make_project(base / "project", EXAMPLE / "plans", EXAMPLE / "news")
    calls: Counter[str] = Counter()
    original = markdown.Markdown.convert

    def counting(self, source: str) -> str:
        calls[source] += 1
        return original(self, source)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markdown.Markdown, "convert", counting)
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        patch.chdir(project)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(base / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return project, base / "site", calls


def test_no_text_is_converted_twice(counted_build):
    _, _, calls = counted_build
    repeated = {text[:80]: n for text, n in calls.items() if text.strip() and n > 1}
    assert not repeated, f"converted more than once: {repeated}"


def test_only_editors_texts_and_hand_written_pages_are_converted(counted_build):
    """A generated page (HTML from a template) never reaches Markdown: every text converted is
    one an editor wrote in plans/, news/ or docs/."""
    project, _, calls = counted_build
    written = {text.strip() for path in (project / "plans").rglob("*.yml")
               for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))}
    written |= {_body(path).strip() for folder in ("news", "docs") for path in (project / folder).rglob("*.md")}
    converted = {text.strip() for text in calls if text.strip()}
    assert converted, "the build converted nothing: the count is not watching"
    # A list of written items may be converted as one Markdown list (the Word file's bullets,
    # partners as "- **name**: role").
    def listed(line: str) -> bool:
        item = re.fullmatch(r"- (?:\*\*(.+?)\*\*(?:: (.*))?|(.*))", line.strip())
        return bool(item) and all(part.strip() in written for part in item.groups() if part)
    strangers = [text[:120] for text in converted - written if not all(map(listed, text.splitlines()))]
    assert not strangers, f"converted texts that no editor wrote (a generated page?): {strangers}"
    # And every news body was converted: it is on the site.
    bodies = {_body(path).strip() for path in (project / "news").rglob("*.md")} - {""}
    assert bodies <= converted


def test_search_holds_the_generated_pages_text(counted_build):
    project, site, _ = counted_build
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = squash(" ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]))
    fiches = list((project / "plans").glob("*/fiches/*.yml"))
    assert fiches
    for path in fiches:
        fiche = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert squash(fiche["titel"]) in text, f"{path.name}: title not in the search index"
        lead = (fiche.get("met_wie") or {}).get("trekker")
        if lead:
            assert squash(lead) in text, f"{path.name}: lead not in the search index"
