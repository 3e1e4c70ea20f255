"""New content files from templates, pre-filled with Dutch hints; never overwriting a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from slugify import slugify

TEMPLATES = Path(__file__).parent / "templates"


class ScaffoldError(Exception):
    pass


def _render(template: str, **context) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True,
                      trim_blocks=True)
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False}
    return env.get_template(template).render(**context)


def _write_new(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path.name} bestaat al — kies een andere titel, of pas het bestaande bestand aan")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as file:  # "x": refuse even if it appeared meanwhile
        file.write(text)
    return path


def _slug(title: str) -> str:
    slug = slugify(title, max_length=60, word_boundary=True)
    if not slug:
        raise ScaffoldError("de titel bevat geen letters of cijfers — geef een titel mee, bv. TITLE=\"Trefdag\"")
    return slug


def new_news(root: Path, title: str, today: dt.date) -> Path:
    path = root / "news" / f"{today:%Y}" / f"{today:%Y-%m-%d}-{_slug(title)}.md"
    return _write_new(path, _render("news.md", title=title.strip(), today=today))


def new_fiche(root: Path, plan_id: str, fiche_id: str, title: str) -> Path:
    folder = root / "plans" / plan_id
    plan_file = folder / "actieplan.yml"
    if not plan_file.is_file():
        known = ", ".join(sorted(p.parent.name for p in (root / "plans").glob("*/actieplan.yml"))) or "geen"
        raise ScaffoldError(f"actieplan '{plan_id}' bestaat niet — kies uit: {known}")
    for existing in (folder / "fiches").glob("*.yml") if fiche_id else ():
        data = yaml.safe_load(existing.read_text(encoding="utf-8")) or {}
        if str(data.get("id")) == fiche_id:
            raise ScaffoldError(f"fiche {fiche_id} bestaat al in {existing.name} — kies een ander nummer")
    plan = yaml.safe_load(plan_file.read_text(encoding="utf-8")) or {}
    policy_id = str(plan.get("beleidsplan", ""))
    sd, od = _first_objectives(root / "plans" / f"{policy_id}.yml")
    # Without a number (zones that do not number their actions) the file name is the address.
    path = folder / "fiches" / (f"{slugify(fiche_id)}-{_slug(title)}.yml" if fiche_id else f"{_slug(title)}.yml")
    return _write_new(path, _render("fiche.yml", id=fiche_id, title=title.strip(), plan_id=plan_id,
                                    policy_id=policy_id, year=plan.get("jaar", dt.date.today().year),
                                    sd=sd, od=od))


def new_policy_plan(root: Path, plan_id: str, zone: str, year: int) -> Path:
    return _write_new(root / "plans" / f"{plan_id}.yml", _render("beleidsplan.yml", id=plan_id, zone=zone, year=year))


def new_action_plan(root: Path, year: str) -> Path:
    """plans/actieplan-<year>/actieplan.yml, under the policy plan that covers that year (or the newest)."""
    if not (year.isdigit() and 2000 <= int(year) <= 2100):
        raise ScaffoldError(f"'{year}' is geen jaar — geef het jaar mee, bv. YEAR={dt.date.today().year + 1}")
    plan_id = f"actieplan-{year}"
    if (root / "plans" / plan_id).exists():
        raise ScaffoldError(f"plans/{plan_id} bestaat al — pas dat actieplan aan, of kies een ander jaar")
    policies = []
    for file in sorted((root / "plans").glob("*.y*ml")):
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            continue  # `make check` explains a broken file; any other policy plan will do here
        if isinstance(data, dict) and data.get("soort") == "beleidsplan" and data.get("id"):
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


def _first_objectives(policy_file: Path) -> tuple[str, str]:
    """Placeholders that pass `make check`: the policy plan's first SD and its first OD."""
    try:
        policy = yaml.safe_load(policy_file.read_text(encoding="utf-8")) or {}
        sd = policy["strategische_doelstellingen"][0]
        ods = sd.get("operationele_doelstellingen") or [{}]
        return str(sd["id"]), str(ods[0].get("id", ""))
    except (OSError, KeyError, IndexError, TypeError, yaml.YAMLError):
        return "1", ""
