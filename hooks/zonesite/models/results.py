"""Results over time: what an indicator measured, and the number it aims for."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from .common import Date, List, Model

_COMMA_NUMBER = re.compile(r"^[-+]?\d+(?:,\d+)?$")
_DOT_NUMBER = re.compile(r"^[-+]?\d+(?:\.\d+)?$")
_THOUSANDS = re.compile(r"^[-+]?\d{1,3}(?:\.\d{3})+$")  # 1.250: a thousand and more, or a decimal?
# A number inside a target as people write it: "80 %", "minstens 25 deelnemers", "3,5 op 5".
_NUMBER_IN_TEXT = re.compile(r"\d+(?:[.,]\d+)?")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _number(value: Any) -> Any:
    # Flemish editors write 3,5; YAML reads that as text. `true` is no number, though Python says so.
    if isinstance(value, bool):
        raise PydanticCustomError("number_bool", "schrijf een getal, bv. 42 of 3,5")
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if _THOUSANDS.match(text):
            whole = text.replace(".", "")
            if text.count(".") > 1:  # 1.250.000 has no decimal reading
                raise PydanticCustomError("number_thousands", "schrijf '{value}' zonder punten: {whole}",
                                          {"value": value[:40], "whole": whole})
            decimal = text.replace(".", ",").rstrip("0").rstrip(",")
            raise PydanticCustomError("number_thousands", "'{value}' kan {decimal} of {whole} betekenen — schrijf "
                                      "het getal zonder punt ({whole}) of met een komma ({decimal})",
                                      {"value": value[:40], "whole": whole, "decimal": decimal})
        if _COMMA_NUMBER.match(text) or _DOT_NUMBER.match(text):
            return float(text.replace(",", "."))
        raise PydanticCustomError("number_text", "'{value}' is geen getal — schrijf alleen het getal, zonder "
                                  "eenheid, bv. 42 of 3,5", {"value": value[:40]})
    return value


Number = Annotated[float, BeforeValidator(_number), Field(allow_inf_nan=False)]


class Measurement(Model):
    date: Date = Field(alias="datum", description="Wanneer gemeten, als JJJJ-MM-DD.")
    value: Number = Field(alias="waarde", description="Het gemeten getal, bv. 42 of 3,5 (zonder eenheid).")
    unit: str = Field("", alias="eenheid", description="Eenheid, bv. \"deelnemers\" of \"%\".")
    source: str = Field("", alias="bron", description="Waar het getal vandaan komt, bv. \"inschrijvingslijst\".")
    note: str = Field("", alias="opmerking", description="Korte toelichting bij deze meting.")


Measurements = Annotated[list[Measurement], List]

MEASUREMENTS_HELP = ("Metingen van de indicator: elk met `datum` en `waarde` (een getal), en als je wil "
                     "`eenheid`, `bron` en `opmerking`.")
TARGET_VALUE_HELP = ("Het getal dat je wil bereiken, bv. 80. Laat weg als `streefdoel` precies één getal "
                     "noemt: dan telt dat getal.")


def number_in(text: str) -> float | None:
    """The one number a target text names ("minstens 80 %" → 80), or None when it names none or more."""
    # "tegen eind 2025" names a year, not the number to reach.
    found = [n for n in _NUMBER_IN_TEXT.findall(text or "") if not _YEAR.match(n)]
    return float(found[0].replace(",", ".")) if len(found) == 1 else None


def in_order(measurements: list[Measurement]) -> tuple[list[Measurement], str]:
    """The measurements oldest first, and their unit: one written once holds for all of them (the
    newest one written, when editors changed it). The site and the open data read them so."""
    rows = sorted(measurements, key=lambda m: m.date)
    return rows, next((m.unit for m in reversed(rows) if m.unit), "")

