"""An action fiche (actiefiche) in the Departement Zorg's template, one file per fiche."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from .common import Date, Id, List, Markdown, Model, Month, Text, text_as
from .links import Reference, ReferenceOrText
from .results import MEASUREMENTS_HELP, TARGET_VALUE_HELP, Measurements, Number, number_in
from .timing import Timing, When

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
    when: When | None = Field(None, alias="wanneer",
                              description="Wanneer, zoals in het plan: \"2025-02\", \"Kwartaal 1\", \"begin 2025\".")
    what: Markdown = Field(alias="wat", description="Wat er dan gebeurt.")


class How(Model):
    description: Markdown = Field("", alias="omschrijving", description="Aanpak.")
    steps: Annotated[list[Step], List] = Field([], alias="stappen", description="Stappenplan.")


class Milestone(Model):
    month: Month | None = Field(None, alias="maand",
                                description="Maand als \"JJJJ-MM\" (mag voor of na het jaar van het plan vallen).")
    until: Month | None = Field(None, alias="tot", description="Laatste maand, als de mijlpaal langer loopt.")
    when: When | None = Field(None, alias="wanneer", description="In plaats van `maand`: wanneer zoals in het plan "
                              "staat, bv. \"eind 2025\", \"voor de zomer\" of \"op de laatste algemene vergadering\".")
    what: Text = Field(alias="wat", description="Wat er dan klaar is of gebeurt.")
    met: Date | None = Field(None, alias="gehaald", description="Datum waarop de mijlpaal gehaald is, als "
                             "JJJJ-MM-DD. Laat weg zolang hij niet gehaald is.")

    @model_validator(mode="before")
    @classmethod
    def _not_a_milestone_alone(cls, data):
        # `- gehaald: …` on a line of its own starts a new, empty milestone: the editor meant the one above.
        if isinstance(data, dict) and set(data) == {"gehaald"}:
            raise PydanticCustomError("milestone_met_alone", "`gehaald` staat als een nieuwe mijlpaal (met een `-` "
                                      "ervoor) — haal de `-` weg en zet `gehaald` onder `wat` van de mijlpaal erboven, "
                                      "even ver ingesprongen", {"field": "gehaald"})
        return data

    @model_validator(mode="after")
    def _one_moment(self) -> "Milestone":
        if self.month is None and self.when is None:
            raise PydanticCustomError("milestone_when", "schrijf wanneer: `maand` (\"2025-03\") of `wanneer` "
                                      "(bv. \"eind 2025\") — voeg een van beide toe", {"field": "maand"})
        if self.month is not None and self.when is not None:
            raise PydanticCustomError("milestone_both", "`maand` en `wanneer` staan er allebei — houd er één",
                                      {"field": "wanneer"})
        if self.when is not None and self.until is not None:
            raise PydanticCustomError("milestone_until", "`tot` hoort bij `maand` — schrijf bij `wanneer` een blok "
                                      "met `van` en `tot`", {"field": "tot"})
        if self.month is not None and self.until is not None and self.until < self.month:
            raise PydanticCustomError("milestone_order", "{until} ligt vóór {month} — `tot` is de laatste maand "
                                      "van de mijlpaal", {"until": str(self.until), "month": str(self.month),
                                                          "field": "tot"})
        return self

    @property
    def timing(self) -> Timing:
        return self.when if self.when is not None else Timing.month(self.month, self.until)


class Period(Model):
    start: Month = Field(alias="van", description="Eerste maand als \"JJJJ-MM\".")
    end: Month = Field(alias="tot", description="Laatste maand als \"JJJJ-MM\" (mag na het jaar vallen).")


class Indicator(Model):
    indicator: Text = Field(description="De indicator.")
    kind: str = Field("", alias="soort", description="Soort indicator zoals het plan ze noemt, bv. \"effect\".")
    method: Markdown = Field("", alias="meetmethode", description="Hoe je meet.")
    target: Markdown = Field("", alias="streefdoel", description="Wat je wil bereiken.")
    explanation: Markdown = Field("", alias="toelichting", description="Toelichting.")
    target_value: Number | None = Field(None, alias="streefwaarde", description=TARGET_VALUE_HELP)
    measurements: Measurements = Field([], alias="metingen", description=MEASUREMENTS_HELP)

    @property
    def goal(self) -> float | None:
        """The number the indicator aims for: `streefwaarde`, or the one number its target names."""
        return self.target_value if self.target_value is not None else number_in(self.target)


IndicatorOrText = Annotated[Indicator, text_as("indicator", Indicator)]


class EvaluationKind(Model):
    chosen: bool = Field(False, alias="gekozen", description="`true` als je deze soort evaluatie kiest.")
    description: Markdown = Field("", alias="omschrijving", description="Toelichting.")
    target: Markdown = Field("", alias="streefdoel", description="Streefdoel voor deze soort.")
    method: Markdown = Field("", alias="meetmethode", description="Meetmethode voor deze soort.")
    indicators: Annotated[list[IndicatorOrText], List] = Field(
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
    indicators: Annotated[list[IndicatorOrText], List] = Field(
        [], alias="indicatoren", description="Indicatoren die bij geen soort evaluatie horen (zoals sommige "
        "plannen ze opsommen): een tekst, of `indicator`, `soort`, `meetmethode`, `streefdoel`.")

    @model_validator(mode="after")
    def _one_kind_at_least(self) -> "Evaluation":
        # Real fiches often leave every box unticked while filling in the text, so a kind only
        # has to be present, not `gekozen: true`; some plans list indicators under no kind at all.
        if not self.kinds() and not self.indicators:
            raise PydanticCustomError("evaluation_empty", "er staat geen soort evaluatie in — voeg `proces`, "
                                      "`output`, `impact` of `indicatoren` toe met een omschrijving of indicatoren")
        return self

    def kinds(self) -> list[tuple[str, EvaluationKind]]:
        """The kinds present in the file, in the template's order, with their label."""
        return [(EVALUATION_LABELS[name], kind) for name in EVALUATION_LABELS
                if (kind := getattr(self, name)) is not None]


class ProgressUpdate(Model):
    date: Date = Field(alias="datum", description="Datum als JJJJ-MM-DD.")
    text: Markdown = Field(alias="tekst", min_length=1, description="Wat er gebeurd is.")


class SubAction(Model):
    title: Text = Field(alias="titel", description="Naam van de deelactie.")
    lead: str = Field("", alias="trekker", description="Wie de deelactie trekt, als dat iemand anders is dan "
                      "de trekker van de fiche.")
    when: When | None = Field(None, alias="wanneer", description="Wanneer de deelactie loopt: een maand, woorden "
                              "zoals in het plan, of `van` en `tot`.")
    description: Markdown = Field("", alias="omschrijving", description="Wat de deelactie inhoudt.")
    milestones: Annotated[list[Milestone], List] = Field([], alias="mijlpalen", description="Mijlpalen van de deelactie.")


class Fiche(Model):
    id: Id | None = Field(None, description="Nummer van de actie zoals de zone het schrijft, bv. \"2.1.1\". "
                          "Laat weg als de zone haar acties niet nummert: het adres komt dan uit de bestandsnaam "
                          "en de titel toont geen nummer.")
    title: Text = Field(alias="titel", description="Titel van de actie.")
    short_title: str = Field("", alias="korte_titel", description="Kort label voor tijdlijn en overzicht.")
    summary: str = Field("", alias="samenvatting", description="Eén zin onder de titel.")
    strategic_objective: Id = Field(alias="strategische_doelstelling",
                                    description="Nummer van de strategische doelstelling (SD).")
    operational_objective: Id | None = Field(None, alias="operationele_doelstelling",
                                             description="Nummer van de operationele doelstelling (OD).")
    continues: str | Reference | None = Field(
        None, alias="voortzetting_van",
        description="Actie die deze actie voortzet: `<actieplan-id>/<fiche>` voor een fiche op deze site, of "
        "`tekst` (en `link`) voor een actie uit een plan dat niet op deze site staat.")
    status: Status | None = Field(None, description="gepland, lopend, afgerond, uitgesteld of stopgezet. "
                                  "Laat weg als het plan geen status geeft: dan toont de site er geen.")
    themes: Annotated[list[Text], List] = Field([], alias="themas", description="Thema's om op te filteren.")
    municipalities: Annotated[list[Text], List] = Field(
        [], alias="gemeenten", description="Gemeenten van de zone waar de actie loopt, geschreven zoals in "
        "`mkdocs.yml` (`extra.zone.gemeenten`). Laat weg als de actie de hele zone betreft.")
    what: What = Field(alias="wat", description="Wat?")
    why: Markdown = Field(alias="waarom", min_length=1, description="Waarom?")
    for_whom: ForWhom = Field(alias="voor_wie", description="Voor wie?")
    with_whom: WithWhom = Field(alias="met_wie", description="Met wie?")
    how: How | None = Field(None, alias="hoe", description="Hoe?")
    milestones: Annotated[list[Milestone], List] = Field([], alias="mijlpalen", description="Mijlpalen.")
    period: Period | None = Field(None, alias="periode", description="Maanden waarin de actie loopt.")
    sub_actions: Annotated[list[SubAction], List] = Field(
        [], alias="deelacties", description="Deelacties, elk met een eigen trekker, timing en mijlpalen.")
    link: Markdown | Annotated[list[ReferenceOrText], List] = Field(
        "", alias="koppeling", description="Link met andere doelstellingen: een tekst, of een lijst van "
        "verwijzingen (een tekst, of `tekst` en `link`), ook naar plannen die niet op deze site staan.")
    communication: Markdown = Field("", alias="communicatie", description="Communicatie over de actie.")
    evaluation: Evaluation = Field(alias="evaluatie", description="Evaluatie.")
    progress: Annotated[list[ProgressUpdate], List] = Field([], alias="voortgang",
                                                            description="Voortgangsberichten.")
    percent_done: Annotated[int, Field(ge=0, le=100)] | None = Field(
        None, alias="voortgang_procent", description="Hoe ver de actie staat, in procent (0 tot 100). "
        "Laat weg als je het niet in een getal wil zeggen.")

    # The fiche's file name without extension: its address and its key in references when it has no id.
    _file_key: str = PrivateAttr("")

    @model_validator(mode="after")
    def _status_and_percent_agree(self) -> "Fiche":
        # The overview and the year's report show both side by side: they must tell one story.
        if self.percent_done is not None and self.status == "afgerond" and self.percent_done < 100:
            raise PydanticCustomError("percent_done_open", "de status is `afgerond`, maar `voortgang_procent` is "
                                      "{percent} — zet 100, of kies een andere status (lopend, stopgezet)",
                                      {"percent": self.percent_done, "field": "voortgang_procent"})
        if self.percent_done == 100 and self.status == "gepland":
            raise PydanticCustomError("percent_done_planned", "de status is `gepland`, maar `voortgang_procent` is "
                                      "100 — zet de status op `afgerond`, of pas het getal aan",
                                      {"field": "voortgang_procent"})
        return self

    @property
    def key(self) -> str:
        """How addresses and references name this fiche: its number, or else its file name."""
        return self.id if self.id is not None else self._file_key

    def with_file_key(self, stem: str) -> "Fiche":
        self._file_key = stem
        return self

    @property
    def heading(self) -> str:
        """"Actie 2.1. Titel" — or just the title when the zone does not number its actions."""
        return f"Actie {self.id}. {self.title}" if self.id is not None else self.title

    @property
    def label(self) -> str:
        return self.short_title or self.title

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status] if self.status else ""

    def progress_newest_first(self) -> list[ProgressUpdate]:
        return sorted(self.progress, key=lambda update: update.date, reverse=True)
