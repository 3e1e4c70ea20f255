"""The multi-year policy plan (beleidsplan): strategic → operational objectives → actions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from .common import Id, List, Markdown, Model, Slug, Text, _number_as_text, text_as
from .links import Appendix
from .results import MEASUREMENTS_HELP, Measurements, Number
from .timing import When


class PlanIndicator(Model):
    indicator: Text = Field(description="De indicator.")
    kind: str = Field("", alias="soort", description="Soort indicator zoals het plan ze noemt, bv. \"effect\".")
    target_value: Number | None = Field(None, alias="streefwaarde", description="Het getal dat je wil bereiken, "
                                        "bv. 80.")
    measurements: Measurements = Field([], alias="metingen", description=MEASUREMENTS_HELP)

    @property
    def goal(self) -> float | None:
        return self.target_value


Indicators = Annotated[list[Annotated[PlanIndicator, text_as("indicator", PlanIndicator)]], List]


class PlannedAction(Model):
    id: Annotated[str, BeforeValidator(_number_as_text)] = Field("", description="Nummer van de actie, bv. \"1.2.3\" (mag leeg blijven).")
    title: Text = Field(alias="titel", description="Wat de actie is.")
    description: Markdown = Field("", alias="omschrijving", description="Wat de actie inhoudt.")
    contact: str = Field("", description="Wie je over de actie kan aanspreken (organisatie of functie).")
    years: Annotated[list[Annotated[int, Field(ge=2000, le=2100)]], List] = Field(
        [], alias="jaren", description="De jaren waarin de actie loopt, bv. [2024, 2025].")
    indicators: Indicators = Field([], alias="indicatoren", description="Hoe je meet of de actie lukt: een tekst, "
                                   "of `indicator` en `soort` (bv. \"effect\").")


class OperationalObjective(Model):
    id: Id = Field(description="Nummer, uniek in het plan, bv. \"1.2\".")
    title: Text = Field(alias="titel", description="De operationele doelstelling in één zin.")
    description: Markdown = Field("", alias="omschrijving", description="Toelichting.")
    deadline: When | None = Field(None, alias="termijn", description="Tegen wanneer, zoals het plan het zegt, "
                                  "bv. \"medio 2025\" of \"2026\".")
    actions: Annotated[list[Annotated[PlannedAction, text_as("titel", PlannedAction)]], List] = Field(
        [], alias="acties", description="Acties: een tekst, of `id`, `titel`, `omschrijving`, `contact`, `jaren` "
        "en `indicatoren`.")
    indicators: Indicators = Field(
        [], alias="indicatoren", description="Indicatoren voor de hele doelstelling: een tekst, of `indicator` "
        "en `soort`.")


class StrategicObjective(Model):
    id: Id = Field(description="Nummer, uniek in het plan, bv. \"1\".")
    title: Text = Field(alias="titel", description="De strategische doelstelling.")
    kind: Literal["inhoudelijk", "bestuurlijk"] | None = Field(
        None, alias="soort", description="`inhoudelijk` of `bestuurlijk` (niet verplicht).")
    theme: str = Field("", alias="thema", description="Kort label, bv. \"Preventie\".")
    description: Markdown = Field("", alias="omschrijving", description="Toelichting.")
    deadline: When | None = Field(None, alias="termijn", description="Tegen wanneer, zoals het plan het zegt.")
    operational_objectives: Annotated[list[OperationalObjective], List] = Field(
        [], alias="operationele_doelstellingen", description="De operationele doelstellingen.")


class Value(Model):
    name: Text = Field(alias="naam", description="De waarde, bv. \"Samenwerking\".")
    explanation: Markdown = Field("", alias="uitleg", description="Wat die waarde betekent.")


class Period(Model):
    start: int = Field(alias="van", ge=2000, le=2100, description="Eerste jaar, bv. 2024.")
    end: int = Field(alias="tot", ge=2000, le=2100, description="Laatste jaar, bv. 2026.")


class PolicyPlan(Model):
    kind: Literal["beleidsplan"] = Field(alias="soort", description="Altijd `beleidsplan`.")
    id: Slug = Field(description="Korte naam in kleine letters, bv. `beleidsplan-2024-2026`.")
    title: Text | None = Field(None, alias="titel", description="Bv. \"Beleidsplan 2024–2026\". Laat weg als "
                               "het plan geen titel heeft: de site schrijft dan gewoon \"Beleidsplan\".")
    zone: Text = Field(description="Naam van de zone, bv. \"Eerstelijnszone Dender Zuid\".")
    period: Period | None = Field(None, alias="periode", description="Jaren van het plan: `van` en `tot`. Laat "
                                  "weg als het plan ze niet noemt.")
    introduction: Markdown = Field("", alias="inleiding", description="Inleiding.")
    summary: Markdown = Field("", alias="samenvatting", description="Samenvatting.")
    mission: Markdown = Field("", alias="missie", description="Missie.")
    vision: Markdown = Field("", alias="visie", description="Visie.")
    motto: str = Field("", description="Slogan van de zone.")
    values: Annotated[list[Value], List] = Field([], alias="waarden", description="Waarden.")
    strategic_objectives: list[StrategicObjective] = Field(
        alias="strategische_doelstellingen", min_length=1,
        description="De strategische doelstellingen (minstens één).")
    appendices: Annotated[list[Appendix], List] = Field(
        [], alias="bijlagen", description="Bijlagen: tekst (`inhoud`, een eigen pagina), een bestand in de "
        "repository, of een link.")

    @property
    def label(self) -> str:
        """The plan's own title, or the plain word when the documents state none (nothing made up)."""
        return self.title or "Beleidsplan"

    @property
    def first_year(self) -> int:
        return self.period.start if self.period else 0
