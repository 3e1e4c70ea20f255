"""When something happens, as plans really write it: a month, a period, or words ("eind 2025").

Zones write "begin 2025", "voor de zomer", "oktober '24 – februari '25" or "op de laatste
algemene vergadering". One `Timing` keeps the words exactly as written (they are what readers
see) and, where the words allow it, the months they cover: a timeline can then draw an honest
span ("ongeveer januari–maart") without anyone inventing a month."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from .common import YearMonth

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_YEAR = r"(?:(20\d\d)|[‘'’](\d\d))"
_MONTH_TOKEN = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?\s*" + _YEAR + "?",
                          re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<![\d-])" + _YEAR + r"(?![\d-])")

# Words for a part of a year, and the months they can honestly stand for. Order matters: the
# first match wins, so "na de zomer" is tried before "zomer".
# The first five (all year, the quarters) say exactly which months; the other words only roughly.
_VAGUE: list[tuple[re.Pattern, tuple[int, int], bool]] = [
    (re.compile(p, re.IGNORECASE), months, i >= 5) for i, (p, months) in enumerate([
        (r"\bdoorlopend|\b(?:heel|het hele|gans) (?:het )?jaar\b", (1, 12)),
        (r"\b(?:q|kwartaal\s*)1\b|\b(?:eerste|1e) kwartaal\b", (1, 3)),
        (r"\b(?:q|kwartaal\s*)2\b|\b(?:tweede|2e) kwartaal\b", (4, 6)),
        (r"\b(?:q|kwartaal\s*)3\b|\b(?:derde|3e) kwartaal\b", (7, 9)),
        (r"\b(?:q|kwartaal\s*)4\b|\b(?:vierde|4e) kwartaal\b", (10, 12)),
        (r"\bna de zomer\b", (9, 12)),
        (r"\b(?:voor|tegen) de zomer\b", (1, 6)),
        (r"\bbegin\b", (1, 3)),
        (r"\b(?:voorjaar|lente)\b", (3, 5)),
        (r"\b(?:medio|midden|half)\b", (6, 7)),
        (r"\bzomer\b", (7, 8)),
        (r"\b(?:najaar|herfst)\b", (9, 11)),
        (r"\b(?:eind|einde)\b", (10, 12)),
        (r"\b(?:eerste|1e) (?:helft|jaarhelft)\b", (1, 6)),
        (r"\b(?:tweede|2e) (?:helft|jaarhelft)\b", (7, 12)),
    ])
]
_ONGOING = re.compile(r"\bdoorlopend\b", re.IGNORECASE)
_FROM = re.compile(r"\bvanaf\b", re.IGNORECASE)
_QUARTERS = re.compile(r"\bkwartaal\s*([1-4])(?:\s*(?:en|tot|-|–)\s*([1-4])\b)?"
                       r"|\bq([1-4])(?:\s*(?:en|tot|-|–)\s*q?([1-4])\b)?", re.IGNORECASE)


def _year(groups: tuple[str | None, str | None]) -> int | None:
    full, short = groups
    return int(full) if full else 2000 + int(short) if short else None


@dataclass(frozen=True)
class Timing:
    """`text` as written ("" for the plain month form); the months it covers, if it says."""

    text: str = ""
    first: YearMonth | None = None  # with a year the text (or `van`) names
    last: YearMonth | None = None
    months: tuple[int, int] | None = None  # a part of the plan's year when no year is written
    approximate: bool = False  # words such as "begin" or "voorjaar": the months are a guess
    ongoing: bool = False

    def span(self, year: int) -> tuple[YearMonth, YearMonth] | None:
        """The first and last month covered, reading a year-less text in the plan's `year`."""
        if self.first is not None:
            return self.first, self.last or self.first
        if self.months is not None:
            return YearMonth(year, self.months[0]), YearMonth(year, self.months[1])
        return None

    @classmethod
    def month(cls, month: YearMonth, until: YearMonth | None = None) -> "Timing":
        return cls(first=month, last=until or month)

    @classmethod
    def parse(cls, value: Any) -> "Timing":
        if isinstance(value, Timing):
            return value
        if isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100:
            return cls(str(value), YearMonth(value, 1), YearMonth(value, 12), approximate=True)
        if isinstance(value, str):
            return cls._from_text(value.strip())
        if isinstance(value, dict):
            return cls._from_mapping(value)
        raise PydanticCustomError(
            "timing", "hier hoort een maand als \"2025-03\", een tekst zoals \"begin 2025\" of een blok met "
            "`tekst`, `van` en `tot` — pas de waarde aan")

    @classmethod
    def _from_text(cls, text: str) -> "Timing":
        if not text:
            raise PydanticCustomError("timing_empty", "dit veld is leeg — schrijf wanneer, bv. \"2025-03\" of "
                                      "\"begin 2025\"")
        try:
            return cls.month(YearMonth.parse(text))
        except PydanticCustomError:
            pass
        ongoing = bool(_ONGOING.search(text))
        tokens = [(_MONTHS[m[1].lower()], _year((m[2], m[3]))) for m in _MONTH_TOKEN.finditer(text)]
        if tokens:
            # "oktober '24 – februari '25": a month without a year takes the next year written.
            years = [year for _, year in tokens]
            for i in range(len(tokens)):
                if years[i] is None:
                    years[i] = next((y for y in years[i + 1:] if y), None) or next(
                        (y for y in reversed(years[:i]) if y), None)
            (m1, y1), (m2, y2) = (tokens[0][0], years[0]), (tokens[-1][0], years[-1])
            if y1 is None:
                return cls(text, months=(m1, m2) if m1 <= m2 else None, ongoing=ongoing)
            first, last = YearMonth(y1, m1), YearMonth(y2, m2)
            if len(tokens) == 1 and _FROM.search(text):
                last = YearMonth(y1, 12)  # "vanaf januari 2025": from then until the end of that year
            return cls(text, first, last if last >= first else first, ongoing=ongoing)
        year_match = _ANY_YEAR.search(text)
        year = _year(year_match.groups()) if year_match else None
        quarters = _QUARTERS.search(text)
        if quarters:
            # "Kwartaal 2 en 3 2024", "Q1-Q2": from the first month of one to the last of the other.
            q1 = int(quarters[1] or quarters[3])
            q2 = int(quarters[2] or quarters[4] or q1)
            m1, m2 = 3 * min(q1, q2) - 2, 3 * max(q1, q2)
            if year is None:
                return cls(text, months=(m1, m2), ongoing=ongoing)
            return cls(text, YearMonth(year, m1), YearMonth(year, m2), ongoing=ongoing)
        for pattern, (m1, m2), rough in _VAGUE:
            if pattern.search(text):
                if year is None:
                    return cls(text, months=(m1, m2), approximate=rough, ongoing=ongoing)
                return cls(text, YearMonth(year, m1), YearMonth(year, m2), approximate=rough, ongoing=ongoing)
        if year is not None and _ANY_YEAR.fullmatch(text.strip()):
            return cls(text, YearMonth(year, 1), YearMonth(year, 12), approximate=True)
        return cls(text, ongoing=ongoing)  # free words ("op de laatste AV"): shown, never placed

    @classmethod
    def _from_mapping(cls, value: dict) -> "Timing":
        unknown = sorted(set(value) - {"tekst", "van", "tot"})
        if unknown:
            raise PydanticCustomError("timing_key", "onbekend veld '{key}' — gebruik `tekst`, `van` en `tot`",
                                      {"key": unknown[0], "field": unknown[0]})
        text = str(value.get("tekst") or "").strip()
        months = {}
        for key in ("van", "tot"):
            if value.get(key) is not None:
                try:
                    months[key] = YearMonth.parse(value[key])
                except PydanticCustomError as error:
                    message = error.message().replace("{", "{{").replace("}", "}}")
                    raise PydanticCustomError("timing_month", message, {"field": key}) from None
        if not text and "van" not in months:
            raise PydanticCustomError("timing_incomplete", "schrijf minstens `tekst` (zoals in het plan) of "
                                      "`van` (eerste maand) — voeg een van beide toe", {"field": "van"})
        first, last = months.get("van"), months.get("tot")
        if first is None and last is not None:
            first = last
        if first is not None and last is not None and last < first:
            raise PydanticCustomError("timing_order", "{last} ligt vóór {first} — `tot` is de laatste maand",
                                      {"last": str(last), "first": str(first), "field": "tot"})
        if first is None:
            return cls._from_text(text)
        # Months given beside words: the words are what the plan says, the months a reading of it.
        return cls(text, first, last or first, approximate=bool(text), ongoing=bool(_ONGOING.search(text)))


def _serialise(timing: Timing) -> Any:
    if not timing.text and timing.first is not None and timing.first == timing.last:
        return str(timing.first)
    return {"tekst": timing.text, **({"van": str(timing.first), "tot": str(timing.last)} if timing.first else {})}


_MONTH_SCHEMA = {"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"}

When = Annotated[
    Timing,
    PlainValidator(Timing.parse),
    PlainSerializer(_serialise),
    WithJsonSchema({
        "description": "Een maand (\"2025-03\"), woorden zoals in het plan (\"begin 2025\", \"voor de zomer\", "
                       "\"Q2\", \"doorlopend\"), of een blok met `tekst` en/of `van` en `tot` (maanden).",
        "anyOf": [
            {"type": "string", "minLength": 1, "examples": ["2025-03", "begin 2025", "voor de zomer", "eind 2025"]},
            {"type": "integer", "minimum": 2000, "maximum": 2100},
            {"type": "object", "additionalProperties": False,
             "properties": {"tekst": {"type": "string"}, "van": _MONTH_SCHEMA, "tot": _MONTH_SCHEMA}},
        ]}),
]
"""A `Timing` as editors write it."""
