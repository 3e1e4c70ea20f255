"""The editors' field reference, generated from the models so that it never drifts from the code."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .schemas import SCHEMAS


@dataclass
class FieldRow:
    key: str
    kind: str
    required: bool
    description: str


@dataclass
class FieldTable:
    anchor: str
    title: str
    rows: list[FieldRow]


def _kind(annotation: Any) -> str:
    """A Dutch word for what an editor types, not a Python type."""
    origin = typing.get_origin(annotation)
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if origin is typing.Annotated:
        return _kind(args[0])
    if origin in (typing.Union, types.UnionType):
        return " of ".join(dict.fromkeys(_kind(a) for a in args))
    if origin is list:
        return f"lijst van {_kind(args[0])}" if args else "lijst"
    if origin is typing.Literal:
        return " / ".join(f"`{a}`" for a in typing.get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return f"blok ({annotation.__name__})"
    names = {"str": "tekst", "int": "getal", "bool": "true / false", "date": "datum (JJJJ-MM-DD)",
             "datetime": "datum en uur", "YearMonth": "maand (\"JJJJ-MM\")",
             "Timing": "wanneer: maand (\"JJJJ-MM\"), woorden (\"begin 2025\") of `tekst`/`van`/`tot`"}
    return names.get(getattr(annotation, "__name__", ""), "tekst")


def _nested(annotation: Any) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    for arg in typing.get_args(annotation):
        found += _nested(arg)
    return found


def field_tables() -> list[FieldTable]:
    """One table per model reachable from the four content files, in reading order."""
    tables: list[FieldTable] = []
    seen: set[type[BaseModel]] = set()

    def visit(model: type[BaseModel], title: str) -> None:
        if model in seen:
            return
        seen.add(model)
        rows, children = [], []
        for name, info in model.model_fields.items():
            rows.append(FieldRow(info.alias or name, _kind(info.annotation), info.is_required(),
                                 info.description or ""))
            children += [(child, f"{title} › {info.alias or name}") for child in _nested(info.annotation)]
        # Two models may share a name (a plan's and a fiche's Period): anchors must stay unique.
        anchor = base = model.__name__.lower()
        while any(table.anchor == anchor for table in tables):
            anchor = f"{base}-{sum(table.anchor.startswith(base) for table in tables) + 1}"
        tables.append(FieldTable(anchor, title, rows))
        for child, child_title in children:
            visit(child, child_title)

    for name, (model, title) in SCHEMAS.items():
        visit(model, title)
    return tables
