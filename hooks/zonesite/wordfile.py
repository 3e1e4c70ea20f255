"""The action plan as a Word file in the department's template order, made with python-docx.

Submittable as it is: A4, Dutch (nl-BE) throughout, the zone as author, page numbers and a running
header, real headings (Heading 1–3: the document map and a table of contents work), ruled tables
whose header row repeats on every page, the timeline on a landscape page of its own, ☒/☐ for the
evaluation kinds, and the editors' Markdown kept as bold, italics, lists and links. No MkDocs."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.policy import PolicyPlan
from .worddoc import WordWriter
from .wordlayout import cell_text, column_widths, header_row, keep_rows_whole, narrow_cells, set_widths, shade


RUNNING_FILL = "C9D7F2"  # a month in which the action runs, the site's timeline colour
TIMELINE_SIZES = (8, 7, 6)  # points: the largest at which every column holds its longest word


def _timeline_cells(row: dict[str, Any]) -> list[list[str]]:
    """A timeline row (timeline.py) as the milestones per month, with their words when
    they have no exact month, as on the site."""
    return [[m["what"] + (f" ({m['when']})" if m["when"] else "") for m in cell["milestones"]]
            for cell in row["months"]]


def _action_cell(row: dict[str, Any]) -> list[str]:
    """The action's name, then its timing in words and what lies outside the year."""
    prefix = {"sub": "Deelactie: ", "other": "Andere actie: "}.get(row["kind"], "")
    extra = ([row["timing"].text] if row["timing"] and row["timing"].text else []) + row["notes"]
    return [prefix + row["label"]] + extra


def _write_timeline(w: WordWriter, plan: ActionPlan, timeline: list[dict[str, Any]], month_abbr: Callable) -> None:
    """The timeline on a landscape page of its own: a column per month, wide enough for its words."""
    w.landscape_section()
    w.heading("Tijdlijn", 1)
    w.paragraph(f"Welke actie loopt in welke maand van {plan.year}: een gekleurd vak betekent dat "
                        "de actie die maand loopt, een gestreept vak dat ze ongeveer dan loopt (het plan noemt "
                        "geen vaste maand); in het vak staan de mijlpalen van die maand. Wat buiten het jaar "
                        "valt, staat bij de naam van de actie.")
    headers = ["Actie"] + [month_abbr(m) for m in range(1, 13)]
    actions = [_action_cell(row) for row in timeline]
    months = [_timeline_cells(row) for row in timeline]
    as_rows = [[" ".join(texts) for texts in [action] + cells] for action, cells in zip(actions, months)]
    usable = w.width
    # The largest size at which every word fits; at the smallest, words break rather than the page.
    size, widths = next(((size, widths) for size in TIMELINE_SIZES
                         if (widths := column_widths(headers, as_rows, size, usable))),
                        (TIMELINE_SIZES[-1], [usable / 13] * 13))
    table = w.new_table(rows=1, cols=13)
    narrow_cells(table)
    header_row(table.rows[0], headers)
    for row, action, cells in zip(timeline, actions, months):
        out = table.add_row().cells
        _cell_lines(out[0], action)
        for cell, month_cell, texts in zip(out[1:], row["months"], cells):
            _cell_lines(cell, texts)
            if month_cell["running"]:
                shade(cell, RUNNING_FILL)
            elif month_cell["approximate"]:
                shade(cell, RUNNING_FILL, pattern="diagStripe")
    keep_rows_whole(table)
    set_widths(table, widths)
    cell_text(table, size)
    w.portrait_section()


def _cell_lines(cell, lines: list[str]) -> None:
    """Each text its own paragraph in the cell: no separators that read as symbols."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line)


def write_action_plan(plan: ActionPlan, policy: PolicyPlan, fiches: list[Fiche], objectives: Any,
                      timeline: list[dict[str, Any]], appendices: list[dict[str, Any]],
                      helpers: dict[str, Callable], moment: dt.datetime) -> bytes:
    """`helpers`: markdown (text → HTML), absolute (url → full address), date, month, month_abbr,
    when (a Timing in words)."""
    w = WordWriter(helpers["markdown"], helpers["absolute"], policy.zone, plan.title)
    date, month, when = helpers["date"], helpers["month"], helpers["when"]
    w.heading(plan.title, level=0)
    w.paragraph(policy.zone).runs[0].bold = True
    w.paragraph(f"Actieplan voor {plan.year}, ter uitvoering van het beleidsplan"
                        + (f" ({policy.title})." if policy.title else "."))
    if plan.submitted_on:
        w.paragraph(f"Ingediend bij het Departement Zorg op {date(plan.submitted_on)}.")
    if plan.versions:
        w.heading("Versies", 1)
        w.table(["Versie", "Datum", "Wat veranderde", "Door"],
                [[v.version, date(v.date), v.description, v.author] for v in plan.versions])
    w.section("Inleiding", plan.introduction, 1)
    w.section("Communicatie naar specifieke doelgroepen", plan.communication_audiences, 1)
    if plan.network_organisation:
        w.heading("Functioneren als netwerkorganisatie", 1)
        network = plan.network_organisation
        w.label("Personeelstijd hiervoor", " · ".join(filter(None, [
            f"{network.staff_time_percent}%" if network.staff_time_percent is not None else "", network.staff_time])))
        w.text(plan.network_organisation.description)
    if plan.other_actions:
        w.heading("Andere acties", 1)
        for action in plan.other_actions:
            w.heading(action.title, 2)
            if action.objectives:
                w.label("Doelstelling", ", ".join(action.objectives))
            w.label("Trekker", action.lead)
            w.label("Wanneer", when(action.when))
            w.text(action.description)
            w.label("Doel", action.objective)
            _milestones(w, action.milestones, when)
    _write_timeline(w, plan, timeline, helpers["month_abbr"])
    if appendices:
        w.heading("Bijlagen", 1)
        for entry in appendices:
            appendix = entry["appendix"]
            w.bullet(appendix.title, entry["href"] or entry["external"])
            w.text(appendix.description)
    for fiche in fiches:
        _write_fiche(w, fiche, objectives, month, when)
    return w.save(moment)


def _milestones(w: WordWriter, milestones: list, when: Callable) -> None:
    if milestones:
        w.table(["Wanneer", "Mijlpaal"], [[when(m.timing) + (" (ongeveer)" if m.timing.approximate else ""), m.what]
                                          for m in milestones])


def _write_fiche(w: WordWriter, fiche: Fiche, objectives: Any, month: Callable, when: Callable) -> None:
    w.heading(fiche.heading, 1, new_page=True)
    sd = objectives.sd.get(fiche.strategic_objective)
    od = objectives.od.get(fiche.operational_objective or "")
    w.label("Strategische doelstelling", f"SD {sd.id}. {sd.title}" if sd else fiche.strategic_objective)
    if od:
        w.label("Operationele doelstelling", f"OD {od.id}. {od.title}")
    w.label("Status", fiche.status_label)
    if fiche.continues is not None:
        continues = fiche.continues
        w.label("Zet voort", continues if isinstance(continues, str) else continues.text)
    w.label("Korte naam", fiche.short_title)
    w.label("Samenvatting", fiche.summary)
    w.heading("Wat?", 2)
    w.text(fiche.what.description)
    for title, items in (("Wat doen we wel?", fiche.what.do), ("Wat doen we niet?", fiche.what.dont)):
        if items:
            w.heading(title, 3)
            w.text("\n".join(f"- {item}" for item in items))
    w.heading("Waarom?", 2)
    w.text(fiche.why)
    w.heading("Voor wie?", 2)
    w.label("Doelgroepen", "; ".join(fiche.for_whom.audiences))
    w.label("Doelwitgroep", fiche.for_whom.target_group)
    w.text(fiche.for_whom.explanation)
    w.heading("Met wie?", 2)
    w.label("Trekker", fiche.with_whom.lead)
    if fiche.with_whom.council_role:
        w.label("Rol van de zorgraad", " ")
        w.text(fiche.with_whom.council_role)
    if fiche.with_whom.stakeholders:
        w.label("Partners", " ")
        w.text("\n".join(f"- **{s.name}**" + (f": {s.role}" if s.role else "") for s in fiche.with_whom.stakeholders))
    if fiche.how:
        w.heading("Hoe?", 2)
        w.text(fiche.how.description)
        for step in fiche.how.steps:
            w.label(when(step.when) or "Stap", " ")
            w.text(step.what)
    if fiche.milestones or fiche.period:
        w.heading("Mijlpalen", 2)
        if fiche.period:
            w.paragraph(f"De actie loopt van {month(fiche.period.start)} tot en met {month(fiche.period.end)}.")
        _milestones(w, fiche.milestones, when)
    if fiche.sub_actions:
        w.heading("Deelacties", 2)
        for sub in fiche.sub_actions:
            w.heading(sub.title, 3)
            w.label("Trekker", sub.lead)
            w.label("Wanneer", when(sub.when) + (" (ongeveer)" if sub.when and sub.when.approximate else ""))
            w.text(sub.description)
            _milestones(w, sub.milestones, when)
    w.heading("Evaluatie", 2)
    for label, kind in fiche.evaluation.kinds():
        w.heading(f"{'☒' if kind.chosen else '☐'} {label}", 3)
        w.text(kind.description)
        if kind.target:
            w.label("Streefdoel", " ")
            w.text(kind.target)
        if kind.method:
            w.label("Meetmethode", " ")
            w.text(kind.method)
        if kind.indicators:
            _indicators(w, kind.indicators)
    if fiche.evaluation.indicators:
        w.heading("Indicatoren", 3)
        _indicators(w, fiche.evaluation.indicators)
    if isinstance(fiche.link, str):
        w.section("Link met andere doelstellingen", fiche.link, 2)
    elif fiche.link:
        w.heading("Link met andere doelstellingen", 2)
        for reference in fiche.link:
            w.bullet(reference.text, reference.link)
    w.section("Communicatie", fiche.communication, 2)


def _indicators(w: WordWriter, indicators: list) -> None:
    w.table(["Indicator", "Meetmethode", "Streefdoel"],
            [[i.indicator + (f" (soort: {i.kind})" if i.kind else "") + (f" ({i.explanation})" if i.explanation else ""),
              i.method, i.target] for i in indicators])
