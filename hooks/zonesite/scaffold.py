"""New content files from templates, pre-filled with Dutch hints; never overwriting a file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from slugify import slugify

from .errors import Problems
from .source import read_text
from .yamlfile import parse_yaml

TEMPLATES = Path(__file__).parent / "templates"


class ScaffoldError(Exception):
    pass


def _render(template: str, **context) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True)
    # Jinja's tojson escapes ' as \u0027 (safe in HTML, odd in a file editors read): a JSON string as
    # typed is a valid double-quoted YAML string.
    env.filters["yaml_text"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env.get_template(template).render(**context)


def _write_new(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path.name} bestaat al — kies een andere titel, of pas het bestaande bestand aan")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": refuse even if it appeared meanwhile
        file.write(text)
    return path


def _one_line(what: str, value: str) -> str:
    """A value for a scaffold: one line of visible text, so that it cannot add lines to the new file."""
    if any(not char.isprintable() for char in value):
        raise ScaffoldError(f"{what} mag geen regeleinde, tab of stuurteken bevatten — typ het op één regel")
    return value.strip()


def _slug(title: str) -> str:
    slug = slugify(title, max_length=60, word_boundary=True)
    if not slug:
        raise ScaffoldError("de titel bevat geen letters of cijfers — geef een titel mee, bv. TITLE=\"Trefdag\"")
    return slug


def new_news(root: Path, title: str, today: dt.date) -> Path:
    title = _one_line("de titel", title)
    path = root / "news" / f"{today:%Y}" / f"{today:%Y-%m-%d}-{_slug(title)}.md"
    return _write_new(path, _render("news.md", title=title, today=today))


def new_fiche(root: Path, plan_id: str, fiche_id: str, title: str) -> Path:
    plan_id, fiche_id, title = _one_line("het actieplan", plan_id), _one_line("het id", fiche_id), \
        _one_line("de titel", title)
    known = sorted(p.parent.name for p in (root / "plans").glob("*/actieplan.yml"))
    if plan_id not in known:  # only a folder of plans/, never a path elsewhere
        raise ScaffoldError(f"actieplan '{plan_id}' bestaat niet — kies uit: {', '.join(known) or 'geen'}")
    folder = root / "plans" / plan_id
    for existing in sorted((folder / "fiches").glob("*.yml")) if fiche_id else ():
        if str(_fields(existing).get("id")) == fiche_id:
            raise ScaffoldError(f"fiche {fiche_id} bestaat al in {existing.name} — kies een ander nummer")
    plan = _fields(folder / "actieplan.yml")
    policy_id = " ".join(str(plan.get("beleidsplan", "")).split())
    year = plan.get("jaar")
    sd, od = _first_objectives(root / "plans" / f"{policy_id}.yml")
    # Without a number (zones that do not number their actions) the file name is the address.
    path = folder / "fiches" / (f"{slugify(fiche_id)}-{_slug(title)}.yml" if fiche_id else f"{_slug(title)}.yml")
    return _write_new(path, _render("fiche.yml", id=fiche_id, title=title, plan_id=plan_id,
                                    policy_id=policy_id, year=year if isinstance(year, int) else dt.date.today().year,
                                    sd=sd, od=od))


def new_policy_plan(root: Path, plan_id: str, zone: str, year: int) -> Path:
    return _write_new(root / "plans" / f"{plan_id}.yml", _render("beleidsplan.yml", id=plan_id, zone=zone, year=year))


def plan_year(year: str) -> int:
    """A plan's year as typed after YEAR=, or a Dutch message saying how to write it."""
    year = _one_line("het jaar", year)
    if not (year.isdigit() and 2000 <= int(year) <= 2100):
        raise ScaffoldError(f"'{year}' is geen jaar — geef het jaar mee, bv. YEAR={dt.date.today().year + 1}")
    return int(year)


def new_action_plan(root: Path, year: str) -> Path:
    """plans/actieplan-<year>/actieplan.yml, under the policy plan that covers that year (or the newest)."""
    year = str(plan_year(year))
    plan_id = f"actieplan-{year}"
    if (root / "plans" / plan_id).exists():
        raise ScaffoldError(f"plans/{plan_id} bestaat al — pas dat actieplan aan, of kies een ander jaar")
    policies = []
    for file in sorted((root / "plans").glob("*.y*ml")):
        data = _fields(file)  # a broken file is for `make check` to explain; any other policy plan will do
        if data.get("soort") == "beleidsplan" and data.get("id"):
            period = data.get("periode") if isinstance(data.get("periode"), dict) else {}
            start, end = (value if isinstance(value, int) else 0 for value in (period.get("van"), period.get("tot")))
            policies.append((start <= int(year) <= end, start, str(data["id"]), str(data.get("zone", ""))))
    if not policies:
        raise ScaffoldError("er is nog geen beleidsplan in plans/ — een actieplan hoort bij een beleidsplan; "
                            "begin een nieuwe zone met make new-zone NAME=\"…\"")
    _, _, policy_id, zone = max(policies)
    path = root / "plans" / plan_id / "actieplan.yml"
    return _write_new(path, _render("actieplan.yml", id=plan_id, year=int(year), policy_id=policy_id,
                                    zone=zone or "de zone"))


def _fields(file: Path) -> dict:
    """A content file's fields, read with the build's own limits; empty when it cannot be read."""
    problems = Problems()  # the file's own problems are for `make check`, not for the scaffold
    text = read_text(file, file.name, problems) if file.exists() else None
    return (parse_yaml(text, file.name, problems) if text is not None else None) or {}


def _first_objectives(policy_file: Path) -> tuple[str, str]:
    """Placeholders that pass `make check`: the policy plan's first SD and its first OD."""
    try:
        sd = _fields(policy_file)["strategische_doelstellingen"][0]
        ods = sd.get("operationele_doelstellingen") or [{}]
        return " ".join(str(sd["id"]).split()), " ".join(str(ods[0].get("id", "")).split())
    except (KeyError, IndexError, TypeError, AttributeError):
        return "1", ""
