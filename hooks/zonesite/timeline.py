"""An action plan's year as rows of twelve months, for the timeline page, the print view and the
Word file: when each action, sub-action and other action runs, and its milestones. MkDocs-free."""

from __future__ import annotations

from typing import Any

from . import urls
from .dates import long_date, month_name, timing_text
from .models.actionplan import ActionPlan
from .models.common import YearMonth
from .models.fiche import Fiche, Milestone
from .models.timing import Timing
from .render import one_line


def timeline_rows(plan: ActionPlan, fiches: list[Fiche]) -> list[dict[str, Any]]:
    """One row per fiche, per sub-action and per other action with a timing, for the plan's year."""
    rows = []
    for fiche in fiches:
        period = Timing.month(fiche.period.start, fiche.period.end) if fiche.period else None
        label = f"{fiche.id}. {fiche.label}" if fiche.id is not None else fiche.label
        url = urls.fiche(plan.id, fiche.key)
        # Dated steps of "Hoe?" are the plan's own schedule: they belong on the timeline too.
        steps = [(step.when, one_line(step.what)) for step in (fiche.how.steps if fiche.how else []) if step.when]
        rows.append(_timeline_row(plan.year, "fiche", label, url, period, _moments(fiche.milestones) + steps,
                                  fiche=fiche))
        for sub in fiche.sub_actions:
            rows.append(_timeline_row(plan.year, "sub", sub.title, url + "#deelacties", sub.when,
                                      _moments(sub.milestones), lead=sub.lead))
    for number, action in enumerate(plan.other_actions, start=1):
        if action.when or action.milestones:
            rows.append(_timeline_row(plan.year, "other", action.title,
                                      urls.about_action_plan(plan.id) + f"#andere-actie-{number}",
                                      action.when, _moments(action.milestones), lead=action.lead))
    return rows


def _moments(milestones: list[Milestone]) -> list[tuple[Timing, str]]:
    # A met milestone says so in its own words: in the cell, on hover, in the list and on paper.
    return [(milestone.timing, milestone.what + (f" (gehaald op {long_date(milestone.met)})" if milestone.met else ""))
            for milestone in milestones]


def _timeline_row(year: int, kind: str, label: str, url: str, timing: Timing | None,
                  moments: list[tuple[Timing, str]], fiche: Fiche | None = None, lead: str = "") -> dict[str, Any]:
    """The twelve months of `year`: running (for sure or roughly), and the milestones in them.

    What lies outside the year, or has no month at all, becomes a note on the row: a plan's
    real dates are never moved into the year and words are never turned into a month. The
    milestones in the year are numbered per row: the marker in the cell and the list under the
    table carry the same number."""
    first, last = YearMonth(year, 1), YearMonth(year, 12)
    span = timing.span(year) if timing else None
    months = []
    for month in range(1, 13):
        current = YearMonth(year, month)
        inside = span is not None and span[0] <= current <= span[1]
        months.append({"month": month, "running": inside and not timing.approximate,
                       "approximate": inside and timing.approximate, "milestones": [], "continuing": []})
    notes: list[str] = []
    if timing and span is None:
        notes.append(f"wanneer: {timing.text}")
    elif span is not None and (span[1] < first or span[0] > last):
        notes.append(f"loopt {timing_text(timing)}, buiten {year}")
    else:
        if span is not None and span[0] < first:
            notes.append(f"begon in {month_name(span[0])}")
        if span is not None and span[1] > last:
            notes.append(f"loopt door tot {month_name(span[1])}")
    _bar_ends(months, before=span is not None and span[0] < first, after=span is not None and span[1] > last)
    placed = []
    for moment, what in moments:
        mspan = moment.span(year)
        if mspan is None or mspan[1] < first or mspan[0] > last:
            notes.append(f"{timing_text(moment)}: {what}")
        else:
            placed.append((mspan, moment, what))
    # Numbered in the order of the months, so that the markers read 1, 2, 3 from left to right.
    placed.sort(key=lambda item: item[0][0])
    milestones = []
    for number, (mspan, moment, what) in enumerate(placed, start=1):
        milestones.append({"number": number, "what": what, "when": timing_text(moment),
                           "approximate": moment.approximate})
        # Only a month written exactly as the cell's month needs no words beside it.
        exact = not moment.text and mspan[0] == mspan[1]
        start = max(mspan[0], first)
        months[start.month - 1]["milestones"].append({
            "number": number, "what": what, "when": "" if exact else timing_text(moment),
            "approximate": moment.approximate})
        for month in range(start.month + 1, min(mspan[1], last).month + 1):
            months[month - 1]["continuing"].append(what)
    return {"kind": kind, "label": label, "url": url, "fiche": fiche, "lead": lead, "timing": timing,
            "months": months, "notes": notes, "milestones": milestones}


def _bar_ends(months: list[dict[str, Any]], before: bool, after: bool) -> None:
    """Where the bar of running months starts and ends in the year, so it is drawn with round
    ends there and runs on at the year's edge when the action began before or goes on after."""
    bar = [cell["running"] or cell["approximate"] for cell in months]
    for index, cell in enumerate(months):
        cell["starts"] = bar[index] and not (bar[index - 1] if index else before)
        cell["ends"] = bar[index] and not (bar[index + 1] if index < 11 else after)
