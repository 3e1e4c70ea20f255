"""A zone adopts Zonesite: `new-zone` turns the example into an empty site that checks, builds and
says plainly that there is nothing yet; `new-actieplan` adds next year; placeholders are warnings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import feedparser
import pytest
import yaml
from conftest import EXAMPLE, ROOT, build_site, make_project
from icalendar import Calendar
from test_toolkit import zonesite
from zonesite.verify import axe_violations
from zonesite.zone import remove_key, set_value

NAME = "Eerstelijnszone Proefzone Noord"
ARTIFACTS = ROOT / "test-artifacts"
YEAR = dt.date.today().year
WARNING = re.compile(r"^(?P<file>plans/\S+\.yml):(?P<line>\d+): (?P<field>\S+): nog niet ingevuld — ")


def files(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in sorted(project.rglob("*"))
            if p.is_file() and p.parts[len(project.parts)] in ("plans", "news", "mkdocs.yml")}


def placeholder_lines(file: Path) -> set[int]:
    """Where the scaffold left something to fill in: a value or a `#` comment that starts with the
    marker. A block of text (`veld: |`) counts at its field's line, as every field does."""
    lines = file.read_text(encoding="utf-8").splitlines()
    found = set()
    for number, line in enumerate(lines, start=1):
        if re.search(r"(?:^|:|-)\s*\"?\s*nog niet ingevuld|#\s*nog niet ingevuld", line, re.IGNORECASE):
            block = line.lstrip().lower().startswith("nog niet") and re.search(r"[|>][-+]?\s*(#.*)?$", lines[number - 2])
            found.add(number - 1 if block else number)
    return found


def warnings(result) -> dict[tuple[str, int], str]:
    found = {}
    for line in result.stdout.splitlines():
        if match := WARNING.match(line):
            found[(match["file"], int(match["line"]))] = match["field"]
    return found


@pytest.fixture(scope="module")
def new_zone(tmp_path_factory):
    """The example as the project ships it, then `new-zone` and `new-actieplan` for next year."""
    base = tmp_path_factory.mktemp("new-zone")
    project = make_project(base / "project", EXAMPLE / "plans", EXAMPLE / "news")
    result = zonesite(project, "new-zone", "--name", f"  {NAME} ")
    assert result.returncode == 0, result.stderr
    return project, result


@pytest.fixture(scope="module")
def empty_site(new_zone, tmp_path_factory):
    project, _ = new_zone
    return build_site(project, tmp_path_factory.mktemp("empty-site") / "site")


def test_new_zone_removes_the_example_and_sets_the_identity(new_zone):
    project, _ = new_zone
    assert not (project / "news").exists()
    assert sorted(files(project)) == ["mkdocs.yml", f"plans/actieplan-{YEAR}/actieplan.yml", "plans/beleidsplan.yml"]
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == config["copyright"] == config["extra"]["zone"]["name"] == NAME
    assert NAME in config["site_description"]
    assert "voorbeeld" not in config["extra"]
    assert not {config["extra"]["zone"][key] for key in ("address", "email", "phone", "footer")} - {""}
    assert "gemeenten" not in config["extra"]["zone"]  # the example's municipalities are not the new zone's
    policy = yaml.safe_load((project / "plans" / "beleidsplan.yml").read_text(encoding="utf-8"))
    action = yaml.safe_load((project / "plans" / f"actieplan-{YEAR}" / "actieplan.yml").read_text(encoding="utf-8"))
    assert policy["zone"] == NAME and action["beleidsplan"] == policy["id"] and action["jaar"] == YEAR


def test_identity_edits_keep_every_comment_of_the_projects_own_mkdocs_yml():
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    edited = remove_key(remove_key(text, ("extra", "voorbeeld")), ("extra", "zone", "gemeenten"))
    for path in [("site_name",), ("site_description",), ("copyright",), ("extra", "zone", "name")]:
        edited = set_value(edited, path, f"Zone: {path[-1]} # geen opmerking")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments and comments == [line for line in edited.splitlines() if line.lstrip().startswith("#")]

    class Tolerant(yaml.SafeLoader):  # mkdocs.yml may hold !ENV and other MkDocs tags
        pass

    Tolerant.add_multi_constructor("", lambda loader, suffix, node: None)
    before, after = yaml.load(text, Loader=Tolerant), yaml.load(edited, Loader=Tolerant)
    assert after["site_name"] == "Zone: site_name # geen opmerking"
    assert after["extra"]["zone"]["name"] == "Zone: name # geen opmerking"
    assert "voorbeeld" not in after["extra"] and "gemeenten" not in after["extra"]["zone"]
    assert after["extra"]["zone"]["license"] == before["extra"]["zone"]["license"]  # the key after the list stays
    assert {k: v for k, v in after.items() if k not in ("site_name", "site_description", "copyright", "extra")} == \
        {k: v for k, v in before.items() if k not in ("site_name", "site_description", "copyright", "extra")}


def test_new_zone_refuses_a_second_run(new_zone):
    project, _ = new_zone
    before = files(project)
    again = zonesite(project, "new-zone", "--name", "Eerstelijnszone Iets Anders")
    assert again.returncode == 1 and "al ingesteld" in again.stderr and "Traceback" not in again.stderr
    assert files(project) == before


def test_new_zone_refuses_an_empty_name_and_plans_of_another_zone(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news")
    before = files(project)
    empty = zonesite(project, "new-zone", "--name", "  ")
    assert empty.returncode == 1 and "geef de naam van de zone mee" in empty.stderr
    (project / "plans" / "eigen.yml").write_text("soort: beleidsplan\nid: eigen\nzone: Een echte zone\n")
    foreign = zonesite(project, "new-zone", "--name", NAME)
    assert foreign.returncode == 1 and "plans/eigen.yml" in foreign.stderr
    assert files(project) == {**before, "plans/eigen.yml": (project / "plans" / "eigen.yml").read_bytes()}


def test_new_zone_passes_the_check_and_lists_every_placeholder(new_zone):
    project, _ = new_zone
    result = zonesite(project, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("2 plannen, 0 fiches, 0 berichten: alles in orde")
    expected = {(file.relative_to(project).as_posix(), line) for file in (project / "plans").rglob("*.yml")
                for line in placeholder_lines(file)}
    assert expected and set(warnings(result)) == expected
    # Nothing made up: the skeleton states no title or period until the zone's own plan does.
    policy = yaml.safe_load((project / "plans" / "beleidsplan.yml").read_text(encoding="utf-8"))
    assert "titel" not in policy and "periode" not in policy


def test_filling_in_a_placeholder_removes_its_warning_and_a_sentence_is_no_placeholder(new_zone, tmp_path):
    project = make_project(tmp_path / "project", new_zone[0] / "plans")
    policy = project / "plans" / "beleidsplan.yml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("Nog niet ingevuld: waarvoor staat de zone?",
                                   "De vacature van coördinator is nog niet ingevuld."), encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), start=1) if l.startswith("missie:"))
    before = warnings(zonesite(new_zone[0], "check"))
    after = warnings(zonesite(project, "check"))
    assert ("plans/beleidsplan.yml", line) in before and set(before) - set(after) == {("plans/beleidsplan.yml", line)}


def test_new_actieplan_adds_next_year_under_the_policy_plan(new_zone, tmp_path):
    project = make_project(tmp_path / "project", new_zone[0] / "plans")
    result = zonesite(project, "new-actieplan", "--year", str(YEAR + 1))
    assert result.returncode == 0, result.stderr
    plan = yaml.safe_load((project / "plans" / f"actieplan-{YEAR + 1}" / "actieplan.yml").read_text())
    assert plan["jaar"] == YEAR + 1 and plan["beleidsplan"] == "beleidsplan" and plan["id"] == f"actieplan-{YEAR + 1}"
    check = zonesite(project, "check")
    assert check.returncode == 0 and "3 plannen, 0 fiches" in check.stdout
    for year, message in ((YEAR + 1, "bestaat al"), ("volgend", "geen jaar")):
        refused = zonesite(project, "new-actieplan", "--year", str(year))
        assert refused.returncode == 1 and message in refused.stderr
    fiche = zonesite(project, "new-fiche", "--plan", f"actieplan-{YEAR + 1}", "--id", "1", "--title", "Eerste actie")
    assert fiche.returncode == 0, fiche.stderr
    check = zonesite(project, "check")
    assert check.returncode == 0 and "3 plannen, 1 fiche, 0 berichten" in check.stdout
    fiche_file = next((project / "plans" / f"actieplan-{YEAR + 1}" / "fiches").glob("*.yml"))
    path = fiche_file.relative_to(project).as_posix()
    assert {line for file, line in warnings(check) if file == path} == placeholder_lines(fiche_file)


def test_a_new_action_plan_needs_a_policy_plan(tmp_path):
    project = make_project(tmp_path / "project")
    refused = zonesite(project, "new-actieplan", "--year", str(YEAR))
    assert refused.returncode == 1 and "nog geen beleidsplan" in refused.stderr


EMPTY_STATES = {
    "": "Er is nog geen nieuws.",
    "nieuws/": "Er is nog geen nieuws.",
    "agenda/": "Er staan nu geen activiteiten gepland.",
    "nieuwsbrief/": "Er zijn nog geen nieuwsbrieven.",
    f"actieplan-{YEAR}/": "Dit actieplan heeft nog geen acties.",
    f"actieplan-{YEAR}/tijdlijn/": "Er staat nog niets op de tijdlijn",
    f"actieplan-{YEAR}/afdrukken/": "Dit actieplan heeft nog geen acties.",
}


@pytest.mark.parametrize("url", EMPTY_STATES)
def test_the_empty_site_says_there_is_nothing_yet(empty_site, url):
    assert EMPTY_STATES[url] in empty_site.text(url)
    assert empty_site.html(url).select_one("article .zs-none"), f"{url}: the empty state is not marked as such"


def test_the_empty_site_has_no_empty_lists_or_archives(empty_site):
    assert not empty_site.html("nieuws/").select(".zs-archive")
    assert not empty_site.html(f"actieplan-{YEAR}/").select("#zs-filters, .zs-fiches")
    assert not empty_site.html(f"actieplan-{YEAR}/tijdlijn/").select("article table")
    assert NAME in empty_site.text("") and "0 acties" not in empty_site.text("")


def test_the_empty_feeds_and_calendar_are_valid(empty_site):
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((empty_site.path / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        assert feed.feed.title == NAME and feed.entries == []
    calendar = Calendar.from_ical((empty_site.path / "agenda.ics").read_bytes())
    assert calendar.get("X-WR-CALNAME") == f"{NAME}: agenda"
    assert [c.name for c in calendar.walk() if c.name == "VEVENT"] == []
    assert not list(empty_site.path.glob("nieuwsbrief/*/email.html"))


@pytest.mark.parametrize("width", [1280, 375])
def test_empty_home_page_on_screen(empty_site, serve, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-BE")
    tab = context.new_page()
    tab.goto(serve(empty_site.path))
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"new-zone-home-{width}.png"), full_page=True)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    box = tab.locator("article .zs-none").bounding_box()
    assert box and box["width"] > 200 and box["x"] >= 0 and box["x"] + box["width"] <= width
    # What is drawn at the middle of the empty state is its own text, not something on top of it.
    tab.locator("article .zs-none").scroll_into_view_if_needed()
    box = tab.locator("article .zs-none").bounding_box()
    hit = tab.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.zs-none') !== null",
                       [box["x"] + 20, box["y"] + box["height"] / 2])
    assert hit
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_empty_states_are_accessible(empty_site, serve, browser, scheme):
    axe = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    context = browser.new_context(color_scheme=scheme, locale="nl-BE")
    tab = context.new_page()
    base, found = serve(empty_site.path), {}
    for url in EMPTY_STATES:
        tab.goto(base + url)
        if problems := axe_violations(tab, axe):
            found[url] = problems
    context.close()
    assert not found, found


def test_new_zone_can_start_with_the_plan_of_another_year_and_checks_it_first(tmp_path):
    project = make_project(tmp_path / "project", EXAMPLE / "plans", EXAMPLE / "news")
    before = files(project)
    wrong = zonesite(project, "new-zone", "--name", NAME, "--year", "vorig jaar")
    assert wrong.returncode == 1 and "'vorig jaar' is geen jaar" in wrong.stderr
    assert files(project) == before  # refused before anything was removed
    result = zonesite(project, "new-zone", "--name", NAME, "--year", str(YEAR - 1))
    assert result.returncode == 0, result.stderr
    plan = yaml.safe_load((project / "plans" / f"actieplan-{YEAR - 1}" / "actieplan.yml").read_text(encoding="utf-8"))
    assert plan["jaar"] == YEAR - 1 and not (project / "plans" / f"actieplan-{YEAR}").exists()
    assert zonesite(project, "check").returncode == 0
