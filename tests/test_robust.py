"""Robustness: every content file broken the ways editors break files ends in Dutch messages, never a traceback.

The mutation test runs the pipeline's own load and check in-process (thousands of mutants a
minute), then a few mutants through a real `mkdocs build` to see that the build agrees and that an
earlier site survives a refused build."""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from conftest import BROKEN_BASE, FIXTURES, ROOT, TEST_CONFIG, make_project, mkdocs_build

sys.path.insert(0, str(ROOT / "hooks"))
from zonesite import checks, dates, scaffold  # noqa: E402
from zonesite.errors import ContentError  # noqa: E402
from zonesite.render import Renderer  # noqa: E402
from zonesite.build import plan as plan_site  # noqa: E402
from zonesite.metadata import Metadata  # noqa: E402
from zonesite.settings import SiteSettings, read_config, site_settings  # noqa: E402

SEED = 20261125
SAMPLE = 500  # in-process mutants per run: ~25 s on one core
RENDERED = 15  # of the mutants still valid, how many are also rendered into pages (~1 s each)
BUILD_SAMPLE = 10  # of those, through a real `mkdocs build`
EVERYTHING = dt.datetime.max.replace(tzinfo=dt.timezone.utc)  # `make check` sees drafts and embargoed items

SITE = SiteSettings("Proef", "", "http://localhost/")  # as the glue passes it
# The zone block of every test build (make_project): the content may name its municipalities.
ZONE = site_settings(read_config(TEST_CONFIG.parent, TEST_CONFIG.name)).zone
# A problem as editors read it: `path:line: [field: ]problem — fix`.
PROBLEM = re.compile(r"^[^\s:][^:]*:\d+: .+ — .+", re.S)


def fixture_roots() -> list[Path]:
    """Each zone's content under tests/fixtures/, the example among them."""
    return sorted(p for p in FIXTURES.glob("*") if (p / "plans").is_dir())


def content_files(root: Path) -> list[Path]:
    return sorted([*root.glob("plans/**/*.yml"), *root.glob("news/[0-9]*/*.md")])


# --- mutations: what editors do to a file ------------------------------------------------------

_KEY = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w]*)(:)", re.M)
_DATE = re.compile(r"\b\d{4}-\d{2}(?:-\d{2})?\b")
_NUMBER = re.compile(r"(?<![\w.-])\d+(?:\.\d+)*(?![\w-])")
_GARBLED_DATES = ["0000-01-01", "0001-01-01", "9999-12-31", "2200-01-01", "2024-13-45", "20x4-01", "2024-02-30"]
_GARBLED_NUMBERS = ["9" * 5000, "-1", "1e999", "0x1F", "1.10", "١٢", "3,5", ".5", "nan"]


def _lines_mutants(text: str) -> list[tuple[str, Callable[[], str]]]:
    lines = text.splitlines(keepends=True)
    out: list[tuple[str, Callable[[], str]]] = []

    def replaced(i: int, new: str) -> Callable[[], str]:
        return lambda: "".join(lines[:i] + [new] + lines[i + 1:])

    for i, line in enumerate(lines):
        out.append((f"regel {i + 1} weg", replaced(i, "")))
        out.append((f"regel {i + 1} een spatie verder", replaced(i, " " + line)))
        out.append((f"regel {i + 1} met een tab", replaced(i, "\t" + line.lstrip(" "))))
        if ": " in line:
            key, _, value = line.partition(": ")
            out.append((f"regel {i + 1} met een dubbele punt", replaced(i, f"{key}: Let op: {value}")))
            out.append((f"regel {i + 1} met gekrulde aanhalingstekens", replaced(i, f"{key}: “{value.strip()}”\n")))
    for match in _KEY.finditer(text):
        key = match[2]
        typo = key[:-2] + key[-1] + key[-2] if len(key) > 2 else key + "x"
        start, end = match.span(2)
        out.append((f"veld {key} als {typo}", lambda s=start, e=end, t=typo: text[:s] + t + text[e:]))
    for n, match in enumerate(_DATE.finditer(text)):
        garbled = _GARBLED_DATES[n % len(_GARBLED_DATES)]
        out.append((f"datum {match[0]} als {garbled}",
                    lambda m=match, g=garbled: text[:m.start()] + g + text[m.end():]))
    for n, match in enumerate(_NUMBER.finditer(text)):
        garbled = _GARBLED_NUMBERS[n % len(_GARBLED_NUMBERS)]
        out.append((f"getal {match[0]} als {garbled[:12]}",
                    lambda m=match, g=garbled: text[:m.start()] + g + text[m.end():]))
    return out


def mutants(text: str, rng: random.Random) -> list[tuple[str, Callable[[], bytes]]]:
    out = [(name, lambda make=make: make().encode("utf-8")) for name, make in _lines_mutants(text)]
    # Latin-1: what an old editor saves; the é makes sure there is a byte that is not UTF-8.
    out.append(("als Latin-1", lambda: (text + "\n# café\n").encode("latin-1", "replace")))
    out.append(("als UTF-16", lambda: text.encode("utf-16")))
    noise = rng.randbytes(rng.randint(1, 3000))
    out.append(("willekeurige bytes", lambda: noise))
    head, sep, _ = text.partition("\n---\n")
    if text.startswith("---\n") and sep:
        out.append(("willekeurige bytes als tekst", lambda: (head + sep).encode() + noise))
    return out


@dataclass
class Mutant:
    root: Path  # the fixture zone
    file: Path  # relative to the zone
    name: str
    make: Callable[[], bytes]

    def __str__(self) -> str:
        return f"{self.root.name}/{self.file}: {self.name}"


def all_mutants() -> list[Mutant]:
    rng = random.Random(SEED)
    found = []
    for root in fixture_roots():
        for file in content_files(root):
            text = file.read_text(encoding="utf-8")
            found += [Mutant(root, file.relative_to(root), name, make) for name, make in mutants(text, rng)]
    return found


def check(project: Path):
    """What `make check` does, in-process."""
    return checks.check_all(project, SiteSettings(zone=ZONE), EVERYTHING, None, project / "docs")


def copy_zone(root: Path, dest: Path) -> Path:
    for part in ("plans", "news"):
        if (root / part).is_dir():
            shutil.copytree(root / part, dest / part)
    return dest


@pytest.fixture(scope="module")
def sampled() -> list[Mutant]:
    found = all_mutants()
    return random.Random(SEED).sample(found, min(SAMPLE, len(found)))


def test_mutants_are_many_and_cover_every_zone():
    found = all_mutants()
    assert len(found) > 2000
    assert {m.root for m in found} == set(fixture_roots())
    kinds = {m.name.split()[0] for m in found}
    assert {"regel", "veld", "datum", "getal", "als", "willekeurige"} <= kinds


def test_mutants_give_dutch_messages_never_a_traceback(sampled, tmp_path):
    projects: dict[Path, Path] = {}
    valid = refused = 0
    failures: list[str] = []
    started = time.monotonic()
    renderer = Renderer(ROOT / "overrides" / "zonesite")
    for mutant in sampled:
        if mutant.root not in projects:
            projects[mutant.root] = copy_zone(mutant.root, tmp_path / mutant.root.name)
        project = projects[mutant.root]
        target = project / mutant.file
        original = target.read_bytes()
        target.write_bytes(mutant.make())
        try:
            content, identity, problems = check(project)
            if problems.items:
                refused += 1
                bad = [str(problem) for problem in problems.items if not PROBLEM.match(str(problem))]
                if bad:
                    failures.append(f"{mutant}: not `path:line: problem — fix`: {bad}")
            else:
                valid += 1
                if valid <= RENDERED:  # still valid after the change: the pages must render from it too
                    plan_site(content, renderer, SITE, identity, Metadata(SITE, identity))
        except Exception as error:  # a traceback for an editor: name the mutant that caused it
            failures.append(f"{mutant}: {type(error).__name__}: {error}")
        finally:
            target.write_bytes(original)
    assert not failures, f"{len(failures)} mutants went wrong:\n" + "\n".join(failures[:30])
    assert refused > valid > 0, (refused, valid)
    assert time.monotonic() - started < 300  # a hang, not a slow machine


def _problem_lines(output: str) -> set[str]:
    return {line.split("-  ", 1)[-1].strip() for line in output.splitlines()
            if line.split("-  ", 1)[-1].startswith(("plans/", "news/"))}


def test_a_sample_of_mutants_through_mkdocs_agrees_and_keeps_the_site(sampled, tmp_path, capsys):
    rng = random.Random(SEED + 1)
    picked = rng.sample(sampled, BUILD_SAMPLE)
    for number, mutant in enumerate(picked):
        project = make_project(tmp_path / f"p{number}", mutant.root / "plans",
                               mutant.root / "news" if (mutant.root / "news").is_dir() else None)
        (project / mutant.file).write_bytes(mutant.make())
        _, _, problems = check(project)
        site = project / "site"
        site.mkdir()
        (site / "keep.txt").write_text("een eerdere build")
        result = mkdocs_build(project, site)
        output = result.stdout + result.stderr
        assert "Traceback" not in output, f"{mutant}:\n{output}"
        if problems.items:
            assert result.returncode != 0, f"{mutant}: check refused, the build did not"
            assert _problem_lines(output) == {str(p) for p in problems.items}, f"{mutant}:\n{output}"
            assert [p.name for p in site.iterdir()] == ["keep.txt"], f"{mutant}: the earlier site was touched"
        else:
            assert result.returncode == 0, f"{mutant}: check passed, the build did not:\n{output}"


# --- resource limits: answers in seconds, with the limit in the message -------------------------

def small_project(tmp_path: Path) -> Path:
    project = tmp_path / "zone"
    shutil.copytree(BROKEN_BASE, project / "plans")
    (project / "news" / "2025").mkdir(parents=True)
    return project


def news(project: Path, front: str, body: str = "Tekst.\n", name: str = "2025-03-10-proef.md") -> Path:
    path = project / "news" / "2025" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Proef\ndate: 2025-03-10\ndescription: Proef.\n{front}---\n\n{body}", encoding="utf-8")
    return path


def timed_problems(project: Path, limit: float = 5.0) -> list[str]:
    started = time.monotonic()
    _, _, problems = check(project)
    assert time.monotonic() - started < limit
    return [str(p) for p in problems.items]


def test_alias_bomb_is_refused_in_milliseconds(tmp_path):
    project = small_project(tmp_path)
    bomb = "".join(f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefg", "bcdefgh"))
    news(project, "a: &a [x, x, x, x, x, x, x, x, x]\n" + bomb)
    assert len(bomb) < 600
    started = time.monotonic()
    problems = timed_problems(project)
    assert time.monotonic() - started < 1
    assert any(":5: " in p and "`&` en `*`" in p for p in problems), problems


def test_ten_thousand_tags_answer_in_seconds(tmp_path):
    project = small_project(tmp_path)
    news(project, "tags:\n" + "".join(f"  - tag {i}\n" for i in range(10_000)))
    problems = timed_problems(project)
    assert any(":6: " in p and "10000 items" in p and "de grens is 1000" in p for p in problems), problems
    news(project, "tags: [" + ", ".join(f"tag {i}" for i in range(25)) + "]\n")
    problems = timed_problems(project)
    assert any(": tags: " in p and "25 items; de grens is 20" in p for p in problems), problems


@pytest.mark.parametrize("nesting", ["[" * 100_000 + "]" * 100_000, "[" * 300 + "]" * 300,
                                     "".join("\n" + "  " * i + "a:" for i in range(1, 260)) + " 1"])
def test_deep_nesting_is_refused_not_crashed(tmp_path, nesting):
    project = small_project(tmp_path)
    news(project, f"extra: {nesting}\n")
    problems = timed_problems(project)
    assert any("meer dan 20 niveaus" in p for p in problems), problems


def test_large_body_and_pasted_file_get_a_message_fast(tmp_path):
    project = small_project(tmp_path)
    news(project, "", body="Een lange tekst. " * 15_000)  # 255,000 characters
    problems = timed_problems(project)
    assert any(":6: " in p and "de grens is 200.000" in p for p in problems), problems
    news(project, "", body="x" * 20_000_000)  # a pasted 20 MB text
    problems = timed_problems(project, limit=1)
    assert any(":1: " in p and "20.0 MB" in p and "de grens is 1 MB" in p for p in problems), problems


def test_long_values_are_bounded_and_echoed_briefly(tmp_path):
    project = small_project(tmp_path)
    fiche = project / "plans" / "actieplan-2025" / "fiches" / "1-eerste.yml"
    text = fiche.read_text(encoding="utf-8")
    fiche.write_text(re.sub(r"\nstatus: .*", "\nstatus: " + "lopend en " * 110, text), encoding="utf-8")
    problems = timed_problems(project)
    status = [p for p in problems if ": status: " in p]
    assert status and len(status[0]) < 400, problems
    fiche.write_text(re.sub(r"\nstatus: .*", "\nstatus: " + "x" * 30_000, text), encoding="utf-8")
    assert any("30.000 tekens" in p and "de grens is 20.000" in p for p in timed_problems(project))


# --- the environment and the scaffolds ----------------------------------------------------------

@pytest.mark.parametrize("epoch", ["abc", "99999999999999", "-5", "1e9", "١٧٩٥"])
def test_garbled_source_date_epoch_is_a_message(monkeypatch, epoch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    with pytest.raises(ContentError) as raised:
        dates.build_time()
    assert raised.value.report().splitlines()[1].startswith("SOURCE_DATE_EPOCH: ")


def test_scaffolds_write_text_as_typed_and_refuse_line_breaks(tmp_path):
    project = make_project(tmp_path / "p", BROKEN_BASE)
    created = scaffold.new_news(project, "Foto's van de “trefdag”", dt.date(2025, 3, 10))
    assert 'title: "Foto\'s van de “trefdag”"' in created.read_text(encoding="utf-8")
    for title in ("Twee\nregels", "tab\there", "escape \x1b[31m"):
        with pytest.raises(scaffold.ScaffoldError, match="regeleinde"):
            scaffold.new_news(project, title, dt.date(2025, 3, 10))
    with pytest.raises(scaffold.ScaffoldError, match="regeleinde"):
        scaffold.new_fiche(project, "actieplan-2025", "9\nstatus: afgerond", "Nieuw")
    with pytest.raises(scaffold.ScaffoldError, match="bestaat niet"):
        scaffold.new_fiche(project, "../plans/actieplan-2025", "9", "Nieuw")
    fiche = scaffold.new_fiche(project, "actieplan-2025", "9", "Foto's")
    assert 'titel: "Foto\'s"' in fiche.read_text(encoding="utf-8")
    _, _, problems = check(project)
    assert [str(p) for p in problems.items if "9-foto-s" in p.path] == []


def test_file_names_are_shown_escaped(tmp_path):
    project = small_project(tmp_path)
    news(project, "", name="2025-03-10-\x1b[31mrood.md")
    problems = timed_problems(project)
    assert any("\\x1b[31mrood.md" in p for p in problems), problems
    assert not any("\x1b" in p for p in problems)


def test_future_progress_follows_the_embargo(tmp_path):
    project = make_project(tmp_path / "p", BROKEN_BASE)
    fiche = project / "plans" / "actieplan-2025" / "fiches" / "1-eerste.yml"
    fiche.write_text(fiche.read_text(encoding="utf-8") + "voortgang:\n"
                     "  - datum: 2025-02-01\n    tekst: Eerste overleg gehouden.\n"
                     "  - datum: 2099-12-31\n    tekst: Geheime toekomst.\n", encoding="utf-8")
    _, _, problems = check(project)  # checked although not yet shown
    assert not problems.items
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    published = [f for f in (tmp_path / "site").rglob("*") if f.is_file() and f.suffix in (".html", ".json", ".xml",
                                                                                          ".csv", ".jsonld")]
    assert any("Eerste overleg gehouden" in f.read_text(encoding="utf-8") for f in published)
    assert "Eerste overleg gehouden" in (tmp_path / "site" / "data" / "actieplan-2025.json").read_text(encoding="utf-8")
    assert not [f for f in published if "Geheime toekomst" in f.read_text(encoding="utf-8")]
    # The Word files too: the submission document and the progress report of the plan's year.
    import zipfile
    words = {f.name: zipfile.ZipFile(f).read("word/document.xml").decode("utf-8")
             for f in (tmp_path / "site").rglob("*.docx")}
    assert "Eerste overleg gehouden" in words["actieplan-2025-voortgangsrapport.docx"]
    assert not [name for name, text in words.items() if "Geheime toekomst" in text]


def test_noncharacters_never_reach_feeds_or_word(tmp_path):
    project = make_project(tmp_path / "p", BROKEN_BASE)
    bad = "\ufffe\uffff\x00\x1b\U0010fffe"
    news(project, f'tags: ["zorg{bad}"]\n', body=f"Tekst {bad} met \"\\ud800\" erin.\n")
    fiche = project / "plans" / "actieplan-2025" / "fiches" / "1-eerste.yml"
    text = fiche.read_text(encoding="utf-8")
    fiche.write_text(re.sub(r"\ntitel: (.*)", lambda m: f'\ntitel: "{m[1].strip(chr(34))}\\uFFFE\\x00\\x1b"',
                            text, count=1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    import zipfile

    from lxml import etree
    for feed in ("feed.xml", "atom.xml"):
        etree.fromstring((tmp_path / "site" / feed).read_bytes())  # well-formed XML
    docx = next((tmp_path / "site").rglob("*.docx"))
    with zipfile.ZipFile(docx) as word:
        etree.fromstring(word.read("word/document.xml"))
    for file in (tmp_path / "site").rglob("*"):
        if file.suffix in (".html", ".xml", ".json", ".txt"):
            assert not set(file.read_text(encoding="utf-8")) & set(bad), file


def test_the_root_cause_comes_first_and_dependants_stay_quiet(tmp_path):
    project = small_project(tmp_path)
    plan = project / "plans" / "actieplan-2025" / "actieplan.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("jaar: 2025", "jaar: 20x4"), encoding="utf-8")
    news(project, "actions: [actieplan-2025/1]\naudience: [iedereen]\n")
    _, _, problems = check(project)
    report = ContentError(problems.items).report().splitlines()[1:]
    assert len(report) == 2, report  # no "fiche bestaat niet" for the item linking the broken plan's fiche
    assert report[0].startswith("plans/actieplan-2025/actieplan.yml:5: jaar: ")
    assert report[1].startswith("news/2025/2025-03-10-proef.md:6: audience[1]: ")
