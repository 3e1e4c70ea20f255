"""The yearly progress report of an action plan: per action its status, what happened that year,
which milestones were met, what the indicators measured against their targets, and which kinds of
evaluation the zone chose — what a zorgraad reports to its board and to the department at the end of
the year. Made once from the published content; the print view and the Word file show the same
report. MkDocs-free."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .charts import number
from .dates import timing_text
from .models.actionplan import ActionPlan, OtherAction
from .models.fiche import STATUS_LABELS, Fiche, Indicator, ProgressUpdate
from .models.results import in_order

NOT_MET = "Nog niet gehaald"
NOT_MEASURED = "Nog niet gemeten"


@dataclass(frozen=True)
class MilestoneLine:
    what: str
    planned: str  # when the plan said, in words: "maart 2024", "eind 2024 (ongeveer)"
    part: str  # the sub-action it belongs to, or "" for the action itself
    met: dt.date | None


@dataclass(frozen=True)
class IndicatorLine:
    name: str
    kind: str  # the evaluation kind it belongs to, or ""
    target: str  # the target as the plan writes it (Markdown), or ""
    goal: str  # `streefwaarde` with its unit when the fiche states it, or ""
    measured: list[tuple[dt.date, str]]  # the year's measurements, oldest first, as text
    latest: str  # the newest value up to the end of the year, or NOT_MEASURED
    latest_date: dt.date | None

    @property
    def tracked(self) -> bool:
        """Whether there is anything to set side by side: a target or a measurement. Indicators
        with neither (often qualitative ones) are listed by name, not as a table of dashes."""
        return bool(self.target or self.goal or self.latest_date)


@dataclass(frozen=True)
class ActionReport:
    fiche: Fiche
    sd: Any  # the strategic objective (or None when the plan does not name it)
    od: Any
    progress: list[ProgressUpdate]  # the year's progress entries, oldest first
    milestones: list[MilestoneLine]
    indicators: list[IndicatorLine]
    kinds: list[tuple[str, bool]]  # every evaluation kind in the fiche, and whether it was chosen

    @property
    def met(self) -> int:
        return sum(1 for m in self.milestones if m.met)

    @property
    def tracked(self) -> list[IndicatorLine]:
        return [i for i in self.indicators if i.tracked]

    @property
    def untracked(self) -> list[IndicatorLine]:
        return [i for i in self.indicators if not i.tracked]


@dataclass(frozen=True)
class OtherReport:
    """An action the plan describes only in words (no fiche): what it planned and what was met."""
    action: OtherAction
    milestones: list[MilestoneLine]


@dataclass(frozen=True)
class ProgressReport:
    plan: ActionPlan
    year: int
    as_of: dt.date | None  # the newest date the report holds: progress, met milestone or measurement
    actions: list[ActionReport]
    statuses: list[tuple[str, int]]  # how many actions have each status, in the template's order
    others: list[OtherReport]

    @property
    def milestones(self) -> tuple[int, int]:
        """Met, and in all: the fiches' (the other actions have their own section)."""
        return sum(a.met for a in self.actions), sum(len(a.milestones) for a in self.actions)


def _lines(owned: list[tuple[str, Any]]) -> list[MilestoneLine]:
    return [MilestoneLine(m.what, timing_text(m.timing) + (" (ongeveer)" if m.timing.approximate else ""), part, m.met)
            for part, m in owned]


def _milestones(fiche: Fiche) -> list[MilestoneLine]:
    return _lines([("", m) for m in fiche.milestones]
                  + [(sub.title, m) for sub in fiche.sub_actions for m in sub.milestones])


def _indicator(indicator: Indicator, kind: str, year: int) -> IndicatorLine:
    rows, unit = in_order(indicator.measurements)
    until_year_end = [m for m in rows if m.date.year <= year]
    latest = until_year_end[-1] if until_year_end else None
    # The plan's own words say most ("minstens 80 % tevreden"); the number beside them when the fiche gives it.
    goal = number(indicator.target_value, unit) if indicator.target_value is not None else ""
    return IndicatorLine(
        name=indicator.indicator, kind=kind, target=indicator.target, goal=goal,
        measured=[(m.date, number(m.value, m.unit or unit)) for m in rows if m.date.year == year],
        latest=number(latest.value, latest.unit or unit) if latest else NOT_MEASURED,
        latest_date=latest.date if latest else None)


def _indicators(fiche: Fiche, year: int) -> list[IndicatorLine]:
    lines = [_indicator(i, label, year) for label, kind in fiche.evaluation.kinds() for i in kind.indicators]
    return lines + [_indicator(i, i.kind, year) for i in fiche.evaluation.indicators]


def make_report(plan: ActionPlan, fiches: list[Fiche], objectives: Any) -> ProgressReport:
    """The report of `plan`'s year from its published fiches; `objectives` are the policy plan's."""
    year = plan.year
    actions = [ActionReport(
        fiche=fiche, sd=objectives.sd.get(fiche.strategic_objective),
        od=objectives.od.get(fiche.operational_objective or ""),
        progress=sorted((p for p in fiche.progress if p.date.year == year), key=lambda p: p.date),
        milestones=_milestones(fiche), indicators=_indicators(fiche, year),
        kinds=[(label, kind.chosen) for label, kind in fiche.evaluation.kinds()]) for fiche in fiches]
    others = [OtherReport(other, _lines([("", m) for m in other.milestones])) for other in plan.other_actions]
    dates = ([p.date for a in actions for p in a.progress]
             + [m.met for lines in [a.milestones for a in actions] + [o.milestones for o in others]
                for m in lines if m.met]
             + [d for a in actions for i in a.indicators for d, _ in i.measured])
    statuses = [(label, n) for status, label in STATUS_LABELS.items()
                if (n := sum(1 for f in fiches if f.status == status))]
    return ProgressReport(plan=plan, year=year, as_of=max(dates, default=None), actions=actions, statuses=statuses,
                          others=others)
