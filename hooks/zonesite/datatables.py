"""The plans as open data in CSV: one table per file, one header row, UTF-8, quoted as RFC 4180 says.

The rows hold what the JSON holds (opendata.py), flat: each row names its plan, so that the tables of
every plan can be put under one another. Knows nothing of MkDocs."""

from __future__ import annotations

import csv
import io
from typing import Any

from . import urls
from .dates import timing_text
from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.policy import PolicyPlan
from .opendata import Address, fiche_indicators

OBJECTIVES = ("plan", "soort", "id", "titel", "strategische_doelstelling", "thema", "termijn", "adres")
ACTIONS = ("plan", "id", "titel", "status", "trekker", "strategische_doelstelling", "operationele_doelstelling",
           "van", "tot", "gemeenten", "adres")
INDICATORS = ("plan", "fiche", "evaluatie", "indicator", "soort", "meetmethode", "streefdoel")
MEASUREMENTS = ("plan", "fiche", "indicator", "datum", "waarde", "eenheid", "bron", "opmerking")


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A text that a spreadsheet would run as a formula gets a leading apostrophe: content is
    untrusted, and a title like `=HYPERLINK(…)` must stay text in Excel. Numbers stay numbers."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def _csv(header: tuple[str, ...], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: CRLF, quotes only where needed
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")


def objectives_csv(plan: PolicyPlan, address: Address) -> bytes:
    rows = []
    for sd in plan.strategic_objectives:
        rows.append([plan.id, "SD", sd.id, sd.title, "", sd.theme, timing_text(sd.deadline),
                     address(urls.strategic_objective(plan.id, sd.id))])
        rows += [[plan.id, "OD", od.id, od.title, sd.id, sd.theme, timing_text(od.deadline),
                  address(urls.operational_objective(plan.id, od.id))] for od in sd.operational_objectives]
    return _csv(OBJECTIVES, rows)


def actions_csv(plan: ActionPlan, fiches: list[Fiche], address: Address) -> bytes:
    return _csv(ACTIONS, [[plan.id, f.key, f.title, f.status or "", f.with_whom.lead, f.strategic_objective,
                           f.operational_objective or "", str(f.period.start) if f.period else "",
                           str(f.period.end) if f.period else "", "; ".join(f.municipalities),
                           address(urls.fiche(plan.id, f.key))] for f in fiches])


def indicators_csv(plan: ActionPlan, fiches: list[Fiche]) -> bytes:
    return _csv(INDICATORS, [[plan.id, fiche.key, i.evaluatie, i.indicator, i.soort, i.meetmethode, i.streefdoel]
                             for fiche in fiches for i in fiche_indicators(fiche)])


def measurements_csv(plan: ActionPlan, fiches: list[Fiche]) -> bytes:
    """One row per measurement, oldest first per indicator."""
    return _csv(MEASUREMENTS, [[plan.id, fiche.key, i.indicator, m.datum, m.waarde, m.eenheid, m.bron, m.opmerking]
                               for fiche in fiches for i in fiche_indicators(fiche) for m in i.metingen])
