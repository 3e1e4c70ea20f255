"""An action fiche (actiefiche) in the Departement Zorg's template, one file per fiche."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, Id, List, Markdown, Model, Month, Text, text_as

Status = Literal["gepland", "lopend", "afgerond", "uitgesteld", "stopgezet"]

STATUS_LABELS: dict[str, str] = {
    "gepland": "Gepland",
    "lopend": "Lopend",
    "afgerond": "Afgerond",
    "uitgesteld": "Uitgesteld",
    "stopgezet": "Stopgezet",
}


class What(Model):
    description: Markdown = Field(alias="omschrijving", min_length=1, description="Wat houdt de actie in?")
    do: Annotated[list[Markdown], List] = Field([], alias="wel", description="Wat ga je wel doen?")
    dont: Annotated[list[Markdown], List] = Field([], alias="niet", description="Wat ga je niet doen?")


class ForWhom(Model):
    audiences: list[Text] = Field(alias="doelgroepen", min_length=1,
                                  description="Doelgroepen (minstens één).")
    target_group: str = Field("", alias="doelwitgroep",
                              description="Wie je via de doelgroep wil bereiken.")
    explanation: Markdown = Field("", alias="toelichting", description="Toelichting.")


class Stakeholder(Model):
    name: Text = Field(alias="naam", description="Naam van de partner.")
    role: Markdown = Field("", alias="rol", description="Wat de partner doet.")


class WithWhom(Model):
    lead: Text = Field(alias="trekker", description="Wie de actie trekt (mag meer dan één partner noemen).")
    council_role: Markdown = Field("", alias="rol_zorgraad",
                                   description="Rol van de zorgraad als die niet (alleen) trekker is.")
    stakeholders: Annotated[list[Annotated[Stakeholder, text_as("naam", Stakeholder)]], List] = Field(
        [], description="Partners: een naam, of `naam` en `rol`.")


class Step(Model):
    when: str = Field("", alias="wanneer", description="Wanneer, bv. \"Kwartaal 1\".")
    what: Markdown = Field(alias="wat", description="Wat er dan gebeurt.")


class How(Model):
    description: Markdown = Field("", alias="omschrijving", description="Aanpak.")
    steps: Annotated[list[Step], List] = Field([], alias="stappen", description="Stappenplan.")


class Milestone(Model):
    month: Month = Field(alias="maand", description="Maand als \"JJJJ-MM\".")
    until: Month | None = Field(None, alias="tot", description="Laatste maand, als de mijlpaal langer loopt.")
    what: Text = Field(alias="wat", description="Wat er dan klaar is of gebeurt.")


class Period(Model):
    start: Month = Field(alias="van", description="Eerste maand als \"JJJJ-MM\".")
    end: Month = Field(alias="tot", description="Laatste maand als \"JJJJ-MM\" (mag na het jaar vallen).")


class Indicator(Model):
    indicator: Text = Field(description="De indicator.")
    method: Markdown = Field("", alias="meetmethode", description="Hoe je meet.")
    target: Markdown = Field("", alias="streefdoel", description="Wat je wil bereiken.")
    explanation: Markdown = Field("", alias="toelichting", description="Toelichting.")


class EvaluationKind(Model):
    chosen: bool = Field(False, alias="gekozen", description="`true` als je deze soort evaluatie kiest.")
    description: Markdown = Field("", alias="omschrijving", description="Toelichting.")
    target: Markdown = Field("", alias="streefdoel", description="Streefdoel voor deze soort.")
    method: Markdown = Field("", alias="meetmethode", description="Meetmethode voor deze soort.")
    indicators: Annotated[list[Annotated[Indicator, text_as("indicator", Indicator)]], List] = Field(
        [], alias="indicatoren", description="Indicatoren: een tekst, of `indicator`, `meetmethode`, `streefdoel`.")


EVALUATION_LABELS = {
    "process": "Procesevaluatie",
    "output": "Resultaatgerichte evaluatie (output)",
    "impact": "Impactevaluatie (outcome)",
}


class Evaluation(Model):
    process: EvaluationKind | None = Field(None, alias="proces", description="Procesevaluatie.")
    output: EvaluationKind | None = Field(None, description="Resultaatgerichte evaluatie (output).")
    impact: EvaluationKind | None = Field(None, description="Impactevaluatie (outcome).")

    @model_validator(mode="after")
    def _one_kind_at_least(self) -> "Evaluation":
        # Real fiches often leave every box unticked while filling in the text, so a kind only
        # has to be present, not `gekozen: true`.
        if not self.kinds():
            raise PydanticCustomError("evaluation_empty", "er staat geen soort evaluatie in — voeg `proces`, "
                                      "`output` of `impact` toe met een omschrijving of indicatoren")
        return self

    def kinds(self) -> list[tuple[str, EvaluationKind]]:
        """The kinds present in the file, in the template's order, with their label."""
        return [(EVALUATION_LABELS[name], kind) for name in EVALUATION_LABELS
                if (kind := getattr(self, name)) is not None]


class ProgressUpdate(Model):
    date: Date = Field(alias="datum", description="Datum als JJJJ-MM-DD.")
    text: Markdown = Field(alias="tekst", min_length=1, description="Wat er gebeurd is.")


class Fiche(Model):
    id: Id = Field(description="Nummer van de actie zoals de zone het schrijft, bv. \"2.1.1\".")
    title: Text = Field(alias="titel", description="Titel van de actie.")
    short_title: str = Field("", alias="korte_titel", description="Kort label voor tijdlijn en overzicht.")
    summary: str = Field("", alias="samenvatting", description="Eén zin onder de titel.")
    strategic_objective: Id = Field(alias="strategische_doelstelling",
                                    description="Nummer van de strategische doelstelling (SD).")
    operational_objective: Id | None = Field(None, alias="operationele_doelstelling",
                                             description="Nummer van de operationele doelstelling (OD).")
    continues: str | None = Field(None, alias="voortzetting_van",
                                  description="Fiche die deze actie voortzet: `<actieplan-id>/<fiche-id>`.")
    status: Status = Field(description="gepland, lopend, afgerond, uitgesteld of stopgezet.")
    themes: Annotated[list[Text], List] = Field([], alias="themas", description="Thema's om op te filteren.")
    what: What = Field(alias="wat", description="Wat?")
    why: Markdown = Field(alias="waarom", min_length=1, description="Waarom?")
    for_whom: ForWhom = Field(alias="voor_wie", description="Voor wie?")
    with_whom: WithWhom = Field(alias="met_wie", description="Met wie?")
    how: How | None = Field(None, alias="hoe", description="Hoe?")
    milestones: Annotated[list[Milestone], List] = Field([], alias="mijlpalen", description="Mijlpalen.")
    period: Period | None = Field(None, alias="periode", description="Maanden waarin de actie loopt.")
    link: Markdown = Field("", alias="koppeling", description="Link met andere doelstellingen.")
    communication: Markdown = Field("", alias="communicatie", description="Communicatie over de actie.")
    evaluation: Evaluation = Field(alias="evaluatie", description="Evaluatie.")
    progress: Annotated[list[ProgressUpdate], List] = Field([], alias="voortgang",
                                                            description="Voortgangsberichten.")

    @property
    def label(self) -> str:
        return self.short_title or self.title

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def progress_newest_first(self) -> list[ProgressUpdate]:
        return sorted(self.progress, key=lambda update: update.date, reverse=True)
