"""One year's action plan (actieplan): the plan's own sections; its fiches live in fiche.py."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from .common import Date, Id, List, Markdown, Model, Slug, Text
from .fiche import Milestone
from .links import Appendix
from .timing import When


class NetworkOrganisation(Model):
    description: Markdown = Field("", alias="omschrijving",
                                  description="Hoe de zone als netwerkorganisatie werkt.")
    staff_time_percent: int | None = Field(
        None, alias="personeelstijd_procent", ge=0, le=100,
        description="Deel van de personeelstijd dat hieraan gaat, in procent (0–100).")
    staff_time: str = Field("", alias="personeelstijd",
                            description="De personeelstijd zoals het plan ze schrijft, bv. \"1 VTE, net geen 50 % "
                            "van onze personeelstijd\". Mag naast of in plaats van het percentage.")


class Version(Model):
    version: str = Field(alias="versie", description="Versienummer, bv. \"1.0\".")
    date: Date = Field(alias="datum", description="Datum als JJJJ-MM-DD.")
    description: str = Field("", alias="beschrijving", description="Wat er veranderde.")
    author: str = Field("", alias="auteur", description="Wie de versie maakte (functie of orgaan).")


class OtherAction(Model):
    title: Text = Field(alias="titel", description="Naam van de actie.")
    objectives: Annotated[list[Id], List] = Field(
        [], alias="doelstellingen", description="Nummers van de SD's of OD's waar de actie onder valt.")
    description: Markdown = Field("", alias="omschrijving", description="Korte beschrijving.")
    lead: str = Field("", alias="trekker", description="Wie de actie trekt (niet verplicht).")
    objective: str = Field("", alias="doel", description="Wat de actie wil bereiken (niet verplicht).")
    when: When | None = Field(None, alias="wanneer", description="Wanneer de actie loopt: een maand, woorden "
                              "zoals in het plan (\"2025\", \"najaar\"), of `van` en `tot`. Zet de actie op de tijdlijn.")
    milestones: Annotated[list[Milestone], List] = Field(
        [], alias="mijlpalen", description="Mijlpalen; ook die zetten de actie op de tijdlijn.")


class ActionPlan(Model):
    kind: Literal["actieplan"] = Field(alias="soort", description="Altijd `actieplan`.")
    id: Slug = Field(description="Korte naam, gelijk aan de mapnaam, bv. `actieplan-2025`.")
    title: Text = Field(alias="titel", description="Bv. \"Actieplan 2025\".")
    year: int = Field(alias="jaar", ge=2000, le=2100, description="Het jaar van het plan.")
    policy_plan: Text = Field(alias="beleidsplan",
                              description="`id` van het beleidsplan waar de fiches naar verwijzen.")
    introduction: Markdown = Field("", alias="inleiding", description="Inleiding.")
    communication_audiences: Markdown = Field(
        "", alias="communicatie_doelgroepen", description="Communicatie naar specifieke doelgroepen.")
    network_organisation: NetworkOrganisation | None = Field(
        None, alias="netwerkorganisatie", description="Functioneren als netwerkorganisatie.")
    versions: Annotated[list[Version], List] = Field([], alias="versies",
                                                     description="Versies van het document.")
    submitted_on: Date | None = Field(None, alias="ingediend_op",
                                         description="Datum van indienen bij het Departement Zorg.")
    other_actions: Annotated[list[OtherAction], List] = Field(
        [], alias="overige_acties", description="Acties die alleen in tekst beschreven zijn.")
    appendices: Annotated[list[Appendix], List] = Field(
        [], alias="bijlagen", description="Bijlagen: tekst (`inhoud`, een eigen pagina), een bestand in de "
        "repository, een link, of alleen een titel en omschrijving als de bijlage nergens online staat.")

    @property
    def label(self) -> str:
        return self.title
