"""The editors' toolkit: check content, scaffold new files, write the JSON Schemas."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .checks import check_all
from .errors import ContentError
from .settings import read_config, site_settings

# The other commands import what they need when they run: `make check` stays quick.


def check(root: Path) -> int:
    config = read_config(root)
    site = site_settings(config)
    # Drafts and embargoed items are checked too: they will be published one day.
    content, _, problems = check_all(root, site, dt.datetime.max.replace(tzinfo=dt.timezone.utc),
                                     config.get("nav"), root / str(config.get("docs_dir") or "docs"))
    if problems.items:
        error = ContentError(problems.items)
        them = "het" if len(error.problems) == 1 else "ze"
        print(error.report(f"Los {them} op en controleer opnieuw met make check."), file=sys.stderr)
        return 1
    if problems.warnings:
        count = len(problems.warnings)
        print(f"Nog in te vullen: {count} {'plaats' if count == 1 else 'plaatsen'} met voorbeeldtekst. "
              "Dat is geen fout: de site wordt gebouwd, met die tekst erin.")
        for warning in sorted(set(problems.warnings)):
            print(warning)
    if problems.doubts:
        count = len(problems.doubts)
        print(f"Kijk na: {count} {'plaats die' if count == 1 else 'plaatsen die'} op een vergissing "
              f"{'lijkt' if count == 1 else 'lijken'}. Is het zo bedoeld, dan is er niets aan de hand.")
        for doubt in sorted(set(problems.doubts)):
            print(doubt)
    plans = len(content.policy_plans) + len(content.action_plans)
    fiches = sum(len(f) for f in content.fiches.values())
    news = len(content.posts)
    print(f"{plans} {'plan' if plans == 1 else 'plannen'}, {fiches} {'fiche' if fiches == 1 else 'fiches'}, "
          f"{news} {'bericht' if news == 1 else 'berichten'}: alles in orde")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="zonesite", description="Hulpmiddelen voor de redactie.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="map van het project")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    news = commands.add_parser("new-news", help="maak een nieuw nieuwsbericht (concept)")
    news.add_argument("--title", required=True)
    fiche = commands.add_parser("new-fiche", help="maak een nieuwe actiefiche")
    fiche.add_argument("--plan", required=True)
    fiche.add_argument("--id", default="", help="nummer van de actie; leeg als de zone niet nummert")
    fiche.add_argument("--title", required=True)
    zone = commands.add_parser("new-zone", help="maak van het voorbeeld de lege site van een nieuwe zone")
    zone.add_argument("--name", required=True)
    zone.add_argument("--year", default="", help="jaar van het eerste actieplan; leeg: dit jaar")
    action_plan = commands.add_parser("new-actieplan", help="maak het actieplan van een jaar")
    action_plan.add_argument("--year", required=True)
    commands.add_parser("schemas", help="schrijf de JSON Schemas opnieuw")
    commands.add_parser("verify", help="bouw de site en controleer links, concepten en toegankelijkheid")
    export_command = commands.add_parser("export", help="schrijf de hele site als gewone bestanden voor een "
                                         "andere bouwmotor (zonder hooks)")
    export_command.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root)
    if args.command == "verify":
        from .verify import verify
        return verify(root)
    if args.command == "export":
        from .export import export
        return export(root, args.out.resolve())
    if args.command == "schemas":
        from .schemas import write_schemas
        for path in write_schemas(root):
            print(path)
        return 0
    from . import scaffold
    try:
        if args.command == "new-zone":
            return _new_zone(root, args.name, args.year)
        if args.command == "new-news":
            created = scaffold.new_news(root, args.title, dt.date.today())
        elif args.command == "new-actieplan":
            created = scaffold.new_action_plan(root, args.year.strip())
        else:
            created = scaffold.new_fiche(root, args.plan, args.id, args.title)
    except scaffold.ScaffoldError as error:
        print(f"Niet gemaakt: {error}", file=sys.stderr)
        return 1
    print(f"Gemaakt: {created.relative_to(root).as_posix()}")
    print("Vul de velden in, bekijk het resultaat met `make serve` en controleer met `make check`.")
    return 0


def _new_zone(root: Path, name: str, year: str) -> int:
    from .zone import new_zone
    site = site_settings(read_config(root, inherit=False))  # the file it edits, not what it inherits
    written = new_zone(root, name, dt.date.today(), site, year)
    print("Het voorbeeld is gewist (plans/ en news/). Aangepast: mkdocs.yml. Gemaakt: "
          + ", ".join(path.relative_to(root).as_posix() for path in written[1:]) + ".")
    print("Nog te doen:\n"
          "1. in mkdocs.yml: site_url, repo_url, repo_name en edit_uri (het adres van je site en je repository),\n"
          "   en onder extra.zone: address, email, footer en de kleuren;\n"
          "2. vul de plannen in: `make check` toont waar nog \"nog niet ingevuld\" staat;\n"
          "3. fiches: make new-fiche PLAN=… ID=… TITLE=\"…\", nieuws: make new-news TITLE=\"…\".\n"
          "Met git haal je het voorbeeld terug als je het nog nodig hebt.")
    return 0
