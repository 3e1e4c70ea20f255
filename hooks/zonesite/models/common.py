"""Building blocks shared by every content model."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer,
                      PlainValidator, StringConstraints, WithJsonSchema)
from pydantic_core import PydanticCustomError

from .. import links
from ..dates import FIRST_YEAR, LAST_YEAR


class Model(BaseModel):
    """Strict about keys (a typo must not silently drop a section), lenient about nothing else."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


def _markdown(value: Any) -> Any:
    # An empty block scalar arrives as None; an empty text is simply absent.
    return "" if value is None else value


def _safe_links(value: str) -> str:
    for line, message in links.problems_in_text(value):
        where = f"regel {line + 1} van deze tekst: " if "\n" in value.strip() else ""
        raise PydanticCustomError("link_scheme", "{where}{message}", {"where": where, "message": message})
    return value


def _url(value: Any) -> Any:
    if isinstance(value, str) and (message := links.problem(value.strip())):
        raise PydanticCustomError("link_scheme", "{message}", {"message": message})
    return value


Url = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_url),
                WithJsonSchema({"type": "string", "examples": ["https://www.example.org/inschrijven"]})]
"""An address to link to: https://, http://, mailto: or tel: (or a path inside the site)."""

Markdown = Annotated[
    str,
    BeforeValidator(_markdown),
    AfterValidator(_safe_links),
    WithJsonSchema({"type": "string", "contentMediaType": "text/markdown"}),
]
"""Text in Markdown. Two-space indentation nests lists, as editors type them."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""A required, non-empty line of text."""



def _number_as_text(value: Any) -> Any:
    # YAML reads 1.10 as the float 1.1: a number with a dot cannot be trusted, a whole one can.
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        raise PydanticCustomError(
            "id_float", "dit nummer is als kommagetal gelezen ({value}) en kan zo een nul verliezen (1.10 wordt 1.1) "
            "— zet het tussen aanhalingstekens zoals je het bedoelt, bv. \"1.10\"", {"value": value})
    return value


_ID = re.compile(r"^[0-9A-Za-z]{1,10}(?:[.\-][0-9A-Za-z]{1,10}){0,5}$")


def _safe_id(value: str) -> str:
    # An id becomes part of addresses, anchors and headings: only the characters a number needs.
    if not _ID.match(value):
        raise PydanticCustomError(
            "id_chars", "'{value}' is geen geldig nummer — gebruik cijfers of letters, gescheiden door "
            "punten, bv. \"2.1\" of \"3.2.1\"", {"value": value})
    return value


Id = Annotated[Text, BeforeValidator(_number_as_text), AfterValidator(_safe_id)]
"""A number as the zone writes it ("2.1.1", "3"): always text."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

# Dates far from now are typing mistakes, and years near 1 or 9999 overflow time zone arithmetic
# (a start in Brussels before year 1 in UTC) and zip timestamps (1980–2107) in the Word file.


def in_years(value: Any) -> Any:
    """`value` (a date, a datetime, a month) when its year is plausible; a Dutch error otherwise."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise PydanticCustomError(
            "year_range", "het jaar {year} ligt niet tussen {first} en {last} — controleer het jaar",
            {"year": value.year, "first": FIRST_YEAR, "last": LAST_YEAR})
    return value


_DAY_FIRST = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def date_guess(value: Any) -> str:
    """" — bedoel je 2025-05-31?" for a date written the Belgian way (31/05/2025), else ""."""
    match = _DAY_FIRST.match(value) if isinstance(value, str) else None
    if not match:
        return ""
    day, month, year = (int(part) for part in match.groups())
    try:
        return f" — bedoel je {dt.date(year, month, day):%Y-%m-%d}?"
    except ValueError:
        return ""


Date = Annotated[dt.date, AfterValidator(in_years)]
"""A calendar date (JJJJ-MM-DD) in a plausible year."""

_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class YearMonth(tuple):
    """A calendar month such as 2024-03: ordered, and countable for timelines."""

    __slots__ = ()

    def __new__(cls, year: int, month: int):
        return super().__new__(cls, (year, month))

    @property
    def year(self) -> int:
        return self[0]

    @property
    def month(self) -> int:
        return self[1]

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def parse(cls, value: Any) -> "YearMonth":
        if isinstance(value, YearMonth):
            return value
        match = _YEAR_MONTH.match(str(value).strip()) if isinstance(value, str) else None
        if not match or not 1 <= int(match[2]) <= 12:
            raise PydanticCustomError(
                "year_month",
                "'{value}' is geen maand — schrijf jaar en maand als \"2025-03\" (tussen aanhalingstekens)",
                {"value": value},
            )
        return in_years(cls(int(match[1]), int(match[2])))


Month = Annotated[
    YearMonth,
    PlainValidator(YearMonth.parse),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$", "examples": ["2025-03"]}),
]


def text_as(key: str, model: type) -> BeforeValidator:
    """Let editors write a plain text where a mapping with `key` is allowed."""

    def convert(value: Any) -> Any:
        return {key: value} if isinstance(value, str) else value

    return BeforeValidator(convert, json_schema_input_type=str | model)


def empty_as_list(value: Any) -> Any:
    # `wel:` with nothing after it is an empty list to an editor, None to YAML.
    return [] if value is None else value


List = BeforeValidator(empty_as_list)
