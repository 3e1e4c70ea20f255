"""Typed validation of one document, with pydantic's errors retold for editors in plain Dutch."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Problems
from .dates import month_name
from .models.common import date_guess
from .errors import shown
from .source import Document

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string_type": "tekst",
    "int_type": "een geheel getal",
    "int_parsing": "een geheel getal",
    "int_from_float": "een geheel getal",
    "float_type": "een getal, bv. 42 of 3,5",
    "float_parsing": "een getal, bv. 42 of 3,5",
    "finite_number": "een getal, bv. 42 of 3,5",
    "bool_type": "true of false",
    "bool_parsing": "true of false",
    "list_type": "een lijst (regels die beginnen met `- `)",
    "model_type": "een blok met velden (`sleutel: waarde` op de regels eronder, ingesprongen)",
    "model_attributes_type": "een blok met velden (`sleutel: waarde` op de regels eronder, ingesprongen)",
    "dict_type": "een blok met velden",
    "date_type": "een datum als JJJJ-MM-DD",
    "date_parsing": "een datum als JJJJ-MM-DD",
    "date_from_datetime_parsing": "een datum als JJJJ-MM-DD",
    "date_from_datetime_inexact": "een datum als JJJJ-MM-DD, zonder uur",
}


def validate(model: type[M], doc: Document, problems: Problems) -> M | None:
    """The document as `model`, or None after reporting every problem in it."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        details = _one_per_place(error.errors(include_url=False))
        # `descripton:` is one mistake, not two: no "missing" for the key a typo was meant to be.
        meant = {detail["loc"][:-1] + (close,) for detail in details if detail["type"] == "extra_forbidden"
                 for close in _close_keys(model, detail["loc"])}
        for detail in details:
            if detail["type"] == "missing" and detail["loc"] in meant:
                continue
            loc = tuple(detail["loc"]) + tuple(filter(None, [detail.get("ctx", {}).get("field")]))
            doc.report(problems, loc, explain(model, detail))
        return None


_BUILTIN_TAGS = {"str", "int", "float", "bool", "list", "dict"}  # not "date": news has a `date` key


def _is_union_tag(step: Any) -> bool:
    # Pydantic names the branch of a union in the location ("str", "Reference", "list[...]");
    # editors' keys are lower-case words, so these never clash with a real key.
    return isinstance(step, str) and (step in _BUILTIN_TAGS or step[:1].isupper() or "[" in step)


def _one_per_place(details: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A field that allows several forms (a text or a block) fails once per form: keep the error
    about the form the editor chose, i.e. the one that went deepest, and one error per place."""
    cleaned = [{**d, "loc": tuple(p for p in d["loc"] if not _is_union_tag(p)), "union": any(map(_is_union_tag, d["loc"]))}
               for d in details]
    kept, seen = [], set()
    for detail in cleaned:
        loc = detail["loc"]
        deeper = any(len(other["loc"]) > len(loc) and other["loc"][:len(loc)] == loc for other in cleaned)
        if detail["union"] and (deeper or loc in seen):
            continue
        seen.add(loc)
        kept.append(detail)
    return kept


def explain(model: type[BaseModel], detail: dict[str, Any]) -> str:
    kind, value, ctx = detail["type"], detail.get("input"), detail.get("ctx", {})
    if kind == "missing":
        return "dit verplichte veld ontbreekt — voeg het toe"
    if kind == "extra_forbidden":
        return _unknown_key(model, detail["loc"])
    # A day no calendar has (2025-02-30), in a date field or a news item's moment (`date`, `expires`,
    # an event's start): said the same way, whichever model read it.
    if (kind.startswith("date") or kind == "moment") and (impossible := impossible_day(value)):
        return impossible
    if kind == "literal_error":
        return f"{shown(value)} is geen geldige waarde — kies uit {ctx.get('expected', '').replace(' or ', ', ')}"
    if kind in ("string_too_short", "too_short"):
        if isinstance(value, (list, tuple)):
            return "deze lijst is leeg — vul minstens één item in"
        return "dit veld is leeg — vul het in"
    if kind == "string_pattern_mismatch" and "https?" in str(ctx.get("pattern", "")):
        return f"{shown(value)} is geen volledige link — schrijf het adres met https:// ervoor, of laat het veld leeg"
    if kind == "too_long":
        return (f"deze lijst heeft {ctx.get('actual_length')} items; de grens is {ctx.get('max_length')} — "
                "houd de belangrijkste over")
    if kind == "string_pattern_mismatch":
        return (f"{shown(value)} past niet — gebruik alleen kleine letters, cijfers en liggende streepjes, "
                "bv. `actieplan-2025`")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        limit = {"greater_than_equal": "minstens {ge}", "less_than_equal": "hoogstens {le}",
                 "greater_than": "meer dan {gt}", "less_than": "minder dan {lt}"}[kind].format(**ctx)
        return f"{shown(value)} ligt buiten het toegelaten bereik (het getal moet {limit} zijn) — pas het getal aan"
    if kind in _TYPE_NAMES:
        hint = ""
        if kind == "string_type" and isinstance(value, (bool, int, float)):
            hint = " (zet tekst die op een getal of ja/nee lijkt tussen aanhalingstekens)"
        if kind.startswith("int") and isinstance(value, str) and (percent := _PERCENT.match(value)):
            return f"hier staat {_describe(value)}, met een %-teken — schrijf alleen het getal: {percent[1]}"
        if kind.startswith("date") and (guess := date_guess(value)):
            return f"hier staat {_describe(value)}, maar er hoort {_TYPE_NAMES[kind]}{guess}"
        return f"hier staat {_describe(value)}, maar er hoort {_TYPE_NAMES[kind]} — pas de waarde aan{hint}"
    if ctx or kind not in {"value_error", "assertion_error"}:
        return detail["msg"] if "—" in detail["msg"] else f"{detail['msg']} — pas de waarde aan"
    return detail["msg"]


_PERCENT = re.compile(r"^\s*(\d+)\s*%\s*$")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T][\d:]+)?\s*$")  # a time may follow


def impossible_day(value: Any) -> str:
    """"30 februari 2025 bestaat niet — …" for a date written right that no calendar has, else ""."""
    iso = _ISO_DAY.match(value) if isinstance(value, str) else None
    if not iso:
        return ""
    year, month, day = (int(part) for part in iso.groups())
    try:
        first = dt.date(year, month, 1)  # a month and year that exist (year 0 or month 13: not this message)
    except ValueError:
        return ""
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"{day} {month_name(first)} bestaat niet — controleer de dag"
    return ""


def _describe(value: Any) -> str:
    """A value as an editor wrote it, not as Python prints it."""
    if value is None:
        return "niets"
    if isinstance(value, dict):
        return "een blok met velden"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, bool):
        return "true" if value else "false"
    return shown(value)


def _close_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The allowed key an unknown key at `loc` most likely meant, if any."""
    return difflib.get_close_matches(str(loc[-1]), _known_keys(model, loc[:-1]), n=1, cutoff=0.6)


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    known = _known_keys(model, loc[:-1])
    close = _close_keys(model, loc)
    if close:
        return f"onbekend veld — bedoel je `{close[0]}`?"
    listing = ", ".join(sorted(known)) if known else "geen"
    return f"onbekend veld — controleer de schrijfwijze; toegelaten velden hier: {listing}"


def _known_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed at `loc`, found by walking the model's fields by alias."""
    current: Any = model
    for step in loc:
        if isinstance(step, int) or current is None:
            continue
        field = next((f for name, f in current.model_fields.items() if (f.alias or name) == step), None)
        current = _model_in(field.annotation) if field else None
    if current is None:
        return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        if found := _model_in(arg):
            return found
    return None
