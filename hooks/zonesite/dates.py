"""Dates and times in one place: the build moment, the zone's time zone (Europe/Brussels) and
dates written the Flemish way. Knows nothing of MkDocs, and nothing of the content models.

Editors never think in UTC: a date or a time in content is Brussels time, a bare date starts at
midnight there, and every date on the site is written in Dutch (nl-BE) from here."""

from __future__ import annotations

import datetime as dt
import functools
import os
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from .errors import ContentError, Problem
from .errors import shown

BRUSSELS = ZoneInfo("Europe/Brussels")
LOCALE = "nl_BE"
# The years content may name: outside them a date is a typo, and time zone arithmetic overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2100

# SOURCE_DATE_EPOCH up to the last year content may have: later moments overflow dates and zips.
_LAST_EPOCH = int(dt.datetime(LAST_YEAR, 12, 31, tzinfo=dt.timezone.utc).timestamp())


def build_time() -> dt.datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that two builds of the same input match byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(tz=dt.timezone.utc)
    if not epoch.isascii() or not epoch.isdigit() or len(epoch) > 12 or int(epoch) > _LAST_EPOCH:
        raise ContentError([Problem("SOURCE_DATE_EPOCH", 0, "", f"{shown(epoch)} is geen bouwmoment — geef "
                                    f"seconden sinds 1970 (bv. 1795000000), tot {_LAST_EPOCH}, of laat de "
                                    "variabele weg")])
    return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)


def moment_start(moment: dt.date | dt.datetime) -> dt.datetime:
    """The first instant of a moment in Brussels: a bare date starts at midnight."""
    if isinstance(moment, dt.datetime):
        return moment
    return dt.datetime.combine(moment, dt.time(), tzinfo=BRUSSELS)


def local(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(BRUSSELS)


def current_month(year: int, now: dt.datetime) -> int | None:
    """The build moment's month (Brussels time) when it falls in `year`: the timeline marks it."""
    if abs(now.year - year) > 1:  # far off (`make check` looks from the end of time): no zone arithmetic
        return None
    local = now.astimezone(BRUSSELS)
    return local.month if local.year == year else None


def long_date(value: dt.date | dt.datetime) -> str:
    """17 mei 2025"""
    return format_date(value, "d MMMM y", locale=LOCALE)


def _clock(value: dt.datetime) -> str:
    # The Flemish way to write a time: 18.30, never 18:30. Every time on the site comes from here.
    return format_datetime(value, "HH.mm", locale=LOCALE)


def time_of_day(value: dt.datetime) -> str:
    """18.30 uur"""
    return f"{_clock(value)} uur"


def _day(value: dt.date) -> str:
    return format_date(value, "EEEE d MMMM y", locale=LOCALE)


def event_when(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None) -> str:
    """donderdag 10 december 2026 van 18.30 tot 21.30 uur; a date alone is a whole day."""
    if isinstance(start, dt.datetime):
        if end is None:
            return f"{_day(start)} om {time_of_day(start)}"
        if end.date() == start.date():
            return f"{_day(start)} van {_clock(start)} tot {time_of_day(end)}"
        return f"van {_day(start)} om {time_of_day(start)} tot {_day(end)} om {time_of_day(end)}"
    if end is None or end == start:
        return f"{_day(start)} (hele dag)"
    return f"van {_day(start)} tot {_day(end)}"


@functools.cache  # list pages repeat the same archive months; Babel is slow per call
def month_name(value, year: bool = True) -> str:
    """maart 2024 (a YearMonth), or maart (a month number, or `year=False`)."""
    if isinstance(value, int):
        return format_date(dt.date(2000, value, 1), "MMMM", locale=LOCALE)
    return format_date(dt.date(value.year, value.month, 1), "MMMM y" if year else "MMMM", locale=LOCALE)


def timing_text(timing) -> str:
    """A `Timing` as the plan wrote it; the plain month form as month names (maart 2025 tot mei 2025)."""
    if timing is None:
        return ""
    if timing.text:
        return timing.text
    if timing.first == timing.last:
        return month_name(timing.first)
    return f"{month_name(timing.first)} tot {month_name(timing.last)}"


def month_abbr(month: int) -> str:
    return format_date(dt.date(2000, month, 1), "MMM", locale=LOCALE).rstrip(".")
