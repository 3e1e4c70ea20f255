"""JSON Schemas for editors' tools, generated from the same models the build validates with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.news import NewsItem
from .models.policy import PolicyPlan

SCHEMA_DIR = Path("hooks") / "schemas"
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "beleidsplan.schema.json": (PolicyPlan, "Beleidsplan (plans/<id>.yml)"),
    "actieplan.schema.json": (ActionPlan, "Actieplan (plans/<id>/actieplan.yml)"),
    "fiche.schema.json": (Fiche, "Actiefiche (plans/<actieplan>/fiches/*.yml)"),
    "news.schema.json": (NewsItem, "Nieuwsbericht: de velden tussen --- bovenaan (news/<jaar>/*.md)"),
}


def schema_of(name: str) -> dict[str, Any]:
    model, title = SCHEMAS[name]
    schema = model.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": name, **schema, "title": title}


def render_schema(name: str) -> str:
    return json.dumps(schema_of(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(root: Path) -> list[Path]:
    folder = root / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SCHEMAS:
        path = folder / name
        path.write_text(render_schema(name), encoding="utf-8")
        written.append(path)
    return written
