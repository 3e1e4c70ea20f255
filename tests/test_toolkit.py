"""The editors' toolkit: make check, scaffolds, JSON Schemas and the generated field guide."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import EXAMPLE, FIXTURES, ROOT, make_project
from test_broken_content import BROKEN, CASES, project_for

HOOKS = ROOT / "hooks"
SCHEMA_DIR = ROOT / "hooks" / "schemas"


def zonesite(project: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project / "hooks")}
    return subprocess.run([sys.executable, "-m", "zonesite", "--root", str(project), *args],
                          capture_output=True, text=True, env=env, cwd=project, timeout=60)


def make(project: Path, target: str, **variables: str) -> subprocess.CompletedProcess:
    shutil_copy_makefile(project)
    args = ["make", "-s", target, f"BIN={Path(sys.executable).parent}", "STAMP="] + [f"{k}={v}" for k, v in variables.items()]
    return subprocess.run(args, capture_output=True, text=True, cwd=project, timeout=60)


def shutil_copy_makefile(project: Path) -> None:
    (project / "Makefile").write_text((ROOT / "Makefile").read_text())
    (project / "requirements.txt").write_text((ROOT / "requirements.txt").read_text())


def test_check_passes_on_the_example_with_a_summary(tmp_path):
    result = zonesite(make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news"), "check")
    assert result.returncode == 0, result.stderr
    plans = len(list((EXAMPLE / "plans").glob("*.yml"))) + len(list((EXAMPLE / "plans").glob("*/actieplan.yml")))
    fiches = len(list((EXAMPLE / "plans").glob("*/fiches/*.yml")))
    news = len(list((EXAMPLE / "news").glob("[0-9]*/*.md")))
    assert result.stdout.strip() == f"{plans} plannen, {fiches} fiches, {news} berichten: alles in orde"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_reports_every_problem_of_the_corpus(case, tmp_path):
    project = project_for(case, tmp_path)
    result = zonesite(project, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    for problem in yaml.safe_load((case / "expect.yml").read_text())["problems"]:
        prefix = f"{problem['file']}:{problem['line']}: " + (f"{problem['field']}: " if problem["field"] else "")
        assert any(line.startswith(prefix) for line in lines), f"{prefix!r} not in\n{result.stderr}"


def test_new_news_creates_a_valid_draft_and_never_overwrites(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans")
    result = make(project, "new-news", TITLE="Trefdag: samen sterk voor mantelzorgers!")
    assert result.returncode == 0, result.stderr
    today = dt.date.today()
    created = project / "news" / f"{today:%Y}" / f"{today:%Y-%m-%d}-trefdag-samen-sterk-voor-mantelzorgers.md"
    assert created.is_file()
    meta = yaml.safe_load(created.read_text().split("---")[1])
    assert meta["title"] == "Trefdag: samen sterk voor mantelzorgers!" and meta["draft"] is True
    assert {"title", "date", "description", "tags", "audience", "actions", "newsletter", "draft"} <= set(meta)
    assert zonesite(project, "check").returncode == 0
    created.write_text(created.read_text() + "\nMijn eigen tekst.\n")
    before = created.read_text()
    again = make(project, "new-news", TITLE="Trefdag: samen sterk voor mantelzorgers!")
    assert again.returncode != 0 and "bestaat al" in again.stderr
    assert created.read_text() == before


def test_new_fiche_has_every_section_passes_check_and_refuses_duplicates(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans")
    plan_id = next((EXAMPLE / "plans").glob("*/actieplan.yml")).parent.name
    result = make(project, "new-fiche", PLAN=plan_id, ID="9.1", TITLE="Een nieuwe actie")
    assert result.returncode == 0, result.stderr
    created = next((project / "plans" / plan_id / "fiches").glob("9-1-*.yml"))
    fiche = yaml.safe_load(created.read_text())
    for section in ("wat", "waarom", "voor_wie", "met_wie", "hoe", "mijlpalen", "periode", "koppeling",
                    "communicatie", "evaluatie", "voortgang", "status", "strategische_doelstelling"):
        assert section in fiche
    assert zonesite(project, "check").returncode == 0
    again = make(project, "new-fiche", PLAN=plan_id, ID="9.1", TITLE="Iets anders")
    assert again.returncode != 0 and "bestaat al" in again.stderr
    unknown = make(project, "new-fiche", PLAN="actieplan-1999", ID="1", TITLE="x")
    assert unknown.returncode != 0 and "bestaat niet" in unknown.stderr


def test_new_fiche_without_a_number_is_named_after_its_title(tmp_path):
    project = make_project(tmp_path / "project", FIXTURES / "zuidoost-hageland" / "plans")
    result = make(project, "new-fiche", PLAN="actieplan-2025", TITLE="Werkgroep mondzorg")
    assert result.returncode == 0, result.stderr
    created = project / "plans" / "actieplan-2025" / "fiches" / "werkgroep-mondzorg.yml"
    assert "id" not in yaml.safe_load(created.read_text())
    assert zonesite(project, "check").returncode == 0


def test_schemas_are_in_sync_with_the_models(tmp_path):
    project = make_project(tmp_path / "project")
    zonesite(project, "schemas")
    for name in ("beleidsplan", "actieplan", "fiche", "news"):
        committed = SCHEMA_DIR / f"{name}.schema.json"
        fresh = project / "hooks" / "schemas" / f"{name}.schema.json"
        assert committed.read_text() == fresh.read_text(), f"run `make schemas`: {committed.name} is stale"


def as_json(value):
    """What an editor's YAML tooling sees: dates are text."""
    return json.loads(json.dumps(value, default=str))


def schema(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text()))


def content_files(root: Path):
    for file in root.glob("plans/*.yml"):
        yield "beleidsplan", file, yaml.safe_load(file.read_text())
    for file in root.glob("plans/*/actieplan.yml"):
        yield "actieplan", file, yaml.safe_load(file.read_text())
    for file in root.glob("plans/*/fiches/*.yml"):
        yield "fiche", file, yaml.safe_load(file.read_text())
    for file in root.glob("news/[0-9]*/*.md"):
        yield "news", file, yaml.safe_load(file.read_text().split("---")[1])


@pytest.mark.parametrize("root", [EXAMPLE, FIXTURES / "regio-aalst", FIXTURES / "noord-limburg",
                                  FIXTURES / "zuidoost-hageland", BROKEN / "base"],
                         ids=["example", "regio-aalst", "noord-limburg", "zuidoost-hageland", "broken-base"])
def test_schemas_accept_all_valid_content(root):
    files = list(content_files(root))
    assert files
    for kind, file, data in files:
        errors = list(schema(kind).iter_errors(as_json(data)))
        assert not errors, f"{file}: {[e.message for e in errors]}"


# Mistakes a schema can see; references between files and YAML syntax need `make check`.
SCHEMA_VISIBLE = {"fiche-trekker-missing", "fiche-waarom-missing", "fiche-evaluatie-missing", "plan-od-titel-missing",
                  "plan-zone-missing", "fiche-doelgroepen-text", "fiche-waarom-list", "fiche-doelgroep-item-mapping",
                  "fiche-id-unquoted-decimal", "fiche-unknown-key-typo", "plan-unknown-key-in-od",
                  "fiche-status-invalid", "fiche-maand-invalid", "news-title-missing", "news-description-missing",
                  "news-image-without-alt", "news-event-no-location", "fiche-deelactie-titel-missing",
                  "fiche-voortzetting-extern-zonder-tekst", "fiche-koppeling-link-onvolledig",
                  "actieplan-personeelstijd-lijst", "plan-actie-jaren-tekst", "plan-termijn-leeg",
                  "actieplan-overige-actie-wanneer-ongeldig", "news-event-status-unknown",
                  "news-event-online-without-link"}


@pytest.mark.parametrize("name", sorted(SCHEMA_VISIBLE))
def test_schemas_reject_the_broken_corpus(name):
    case = BROKEN / "cases" / name
    kinds = {"actieplan.yml": "actieplan"}
    rejected = False
    for file in case.rglob("*"):
        if file.suffix == ".yml" and file.name != "expect.yml":
            kind = kinds.get(file.name) or ("fiche" if "fiches" in file.parts else "beleidsplan")
            rejected |= bool(list(schema(kind).iter_errors(as_json(yaml.safe_load(file.read_text())))))
        elif file.suffix == ".md":
            rejected |= bool(list(schema("news").iter_errors(as_json(yaml.safe_load(file.read_text().split("---")[1])))))
    assert rejected, f"the schemas accept {name}"


def test_field_guide_matches_the_models(example_site):
    sys.path.insert(0, str(HOOKS))
    from zonesite.schemas import SCHEMAS

    html = example_site.html("handleiding/velden/")
    tables = {table.caption.get_text(strip=True).removeprefix("Velden: "): table for table in html.select("article table")}
    for model, title in SCHEMAS.values():
        rows = {tr.select("td")[0].get_text(strip=True): tr.select("td")[2].get_text(strip=True)
                for tr in tables[title].select("tbody tr")}
        expected = {(info.alias or name): ("ja" if info.is_required() else "nee")
                    for name, info in model.model_fields.items()}
        assert rows == expected, title
    assert len(tables) > len(SCHEMAS)  # nested blocks (wat, met_wie, evaluatie …) have tables too
