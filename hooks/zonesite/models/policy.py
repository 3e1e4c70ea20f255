"""The multi-year policy plan (beleidsplan): strategic → operational objectives → actions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from pydantic import BeforeValidator

from .common import Id, List, Markdown, Model, Slug, Text, _number_as_text, text_as


class PlannedAction(Model):
    id: Annotated[str, BeforeValidator(_number_as_text)] = Field("", description="Nummer van de actie, bv. \"1.2.3\" (mag leeg blijven).")
    title: Text = Field(alias="titel", description="Wat de actie is.")
    indicators: Annotated[list[str], List] = Field([], alias="indicatoren",
                                                   description="Hoe je meet of de actie lukt.")


class OperationalObjective(Model):
    id: Id = Field(description="Nummer, uniek in het plan, bv. \"1.2\".")
    title: Text = Field(alias="titel", description="De operationele doelstelling in één zin.")
    description: Markdown = Field("", alias="omschrijving", description="Toelichting.")
    actions: Annotated[list[Annotated[PlannedAction, text_as("titel", PlannedAction)]], List] = Field(
        [], alias="acties", description="Acties: een tekst, of `id`, `titel` en `indicatoren`.")
    indicators: Annotated[list[str], List] = Field(
        [], alias="indicatoren", description="Indicatoren voor de hele doelstelling.")


class StrategicObjective(Model):
    id: Id = Field(description="Nummer, uniek in het plan, bv. \"1\".")
    title: Text = Field(alias="titel", description="De strategische doelstelling.")
    kind: Literal["inhoudelijk", "bestuurlijk"] | None = Field(
        None, alias="soort", description="`inhoudelijk` of `bestuurlijk` (niet verplicht).")
    theme: str = Field("", alias="thema", description="Kort label, bv. \"Preventie\".")
    description: Markdown = Field("", alias="omschrijving", description="Toelichting.")
    operational_objectives: Annotated[list[OperationalObjective], List] = Field(
        [], alias="operationele_doelstellingen", description="De operationele doelstellingen.")


class Value(Model):
    name: Text = Field(alias="naam", description="De waarde, bv. \"Samenwerking\".")
    explanation: Markdown = Field("", alias="uitleg", description="Wat die waarde betekent.")


class Appendix(Model):
    title: Text = Field(alias="titel", description="Titel van de bijlage.")
    content: Markdown = Field("", alias="inhoud", description="Inhoud van de bijlage.")


class Period(Model):
    start: int = Field(alias="van", ge=2000, le=2100, description="Eerste jaar, bv. 2024.")
    end: int = Field(alias="tot", ge=2000, le=2100, description="Laatste jaar, bv. 2026.")


class PolicyPlan(Model):
    kind: Literal["beleidsplan"] = Field(alias="soort", description="Altijd `beleidsplan`.")
    id: Slug = Field(description="Korte naam in kleine letters, bv. `beleidsplan-2024-2026`.")
    title: Text = Field(alias="titel", description="Bv. \"Beleidsplan 2024–2026\".")
    zone: Text = Field(description="Naam van de zone, bv. \"Eerstelijnszone Dender Zuid\".")
    period: Period = Field(alias="periode", description="Jaren van het plan: `van` en `tot`.")
    introduction: Markdown = Field("", alias="inleiding", description="Inleiding.")
    summary: Markdown = Field("", alias="samenvatting", description="Samenvatting.")
    mission: Markdown = Field("", alias="missie", description="Missie.")
    vision: Markdown = Field("", alias="visie", description="Visie.")
    motto: str = Field("", description="Slogan van de zone.")
    values: Annotated[list[Value], List] = Field([], alias="waarden", description="Waarden.")
    strategic_objectives: list[StrategicObjective] = Field(
        alias="strategische_doelstellingen", min_length=1,
        description="De strategische doelstellingen (minstens één).")
    appendices: Annotated[list[Appendix], List] = Field([], alias="bijlagen", description="Bijlagen.")
