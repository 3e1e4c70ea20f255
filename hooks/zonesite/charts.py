"""An indicator's results: its latest value against its target, and a small chart drawn at build
time as inline SVG (no script). The geometry is made here; the markup is in the templates
(`_macros.html`, indicator_result). MkDocs-free."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from babel.numbers import format_decimal

from .dates import LOCALE, long_date, month_abbr
from .models.results import in_order

# The drawing's own units; the SVG scales to the width of the column (CSS).
WIDTH, HEIGHT = 480, 200
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 14, 30  # room for the value labels left and the dates under


def number(value: float, unit: str = "") -> str:
    """42, 3,5 or 1.250 as Flemish readers write them, with the unit after it ("80 %", "42 deelnemers")."""
    text = format_decimal(value, locale=LOCALE, format="#,##0.##")
    return f"{text} {unit}".strip() if unit else text


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str  # "12 maart 2025: 42 deelnemers", shown on hover


@dataclass(frozen=True)
class Result:
    latest: Any  # the newest Measurement
    latest_text: str
    goal: float | None
    goal_text: str
    rows: list[dict[str, Any]]  # every measurement, oldest first: date, value (as text), source, note
    summary: str  # the chart in one sentence, for screen readers
    points: list[Point]
    line: str  # the SVG polyline's points
    goal_y: float | None
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str, str]]  # x, label, text-anchor
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


def _scale(values: list[float]) -> tuple[float, float]:
    """The value axis: a round step (1, 2, 2.5 or 5 × a power of ten) that gives about four
    intervals, whole numbers when every value is whole, and a top that is a multiple of it."""
    high = max(max(values), 0.0)
    raw = (high - min(0.0, *values)) / 4 or 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    if all(float(v).is_integer() for v in values):
        step = max(step, 1.0) if step != 2.5 else 3.0
    return step, step * math.ceil(high / step) if high > 0 else step


def result(indicator: Any) -> Result | None:
    """What the site shows of an indicator with measurements, or None when it has none."""
    rows, unit = in_order(indicator.measurements)
    if not rows:
        return None
    goal = indicator.goal
    values = [m.value for m in rows] + ([goal] if goal is not None else [])
    step, high = _scale(values)
    low = step * math.floor(min(0.0, *values) / step)
    first, last = rows[0].date, rows[-1].date
    days = max((last - first).days, 1)

    def x(day: dt.date) -> float:
        if first == last:
            return round((LEFT + WIDTH - RIGHT) / 2, 1)
        return round(LEFT + (WIDTH - RIGHT - LEFT) * (day - first).days / days, 1)

    def y(value: float) -> float:
        return round(HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * (value - low) / (high - low), 1)

    points = [Point(x(m.date), y(m.value), f"{long_date(m.date)}: {number(m.value, m.unit or unit)}") for m in rows]
    ticks = [low + step * i for i in range(round((high - low) / step) + 1)]
    dates = [(x(first), f"{month_abbr(first.month)} {first.year}", "start" if first != last else "middle")]
    if first != last:
        dates.append((x(last), f"{month_abbr(last.month)} {last.year}", "end"))
    latest = rows[-1]
    summary = (f"{len(rows)} {'meting' if len(rows) == 1 else 'metingen'}"
               + (f" van {long_date(first)} tot {long_date(last)}" if first != last else f" op {long_date(first)}")
               + f"; laatste waarde {number(latest.value, latest.unit or unit)}"
               + (f", streefwaarde {number(goal, unit)}" if goal is not None else "") + ".")
    return Result(latest=latest, latest_text=number(latest.value, latest.unit or unit), goal=goal,
                  goal_text=number(goal, unit) if goal is not None else "", summary=summary,
                  rows=[{"date": m.date, "value": number(m.value, m.unit or unit), "source": m.source, "note": m.note}
                        for m in rows],
                  points=points, line=" ".join(f"{p.x},{p.y}" for p in points),
                  goal_y=y(goal) if goal is not None else None,
                  y_ticks=[(y(value), number(value)) for value in ticks], x_ticks=dates)
