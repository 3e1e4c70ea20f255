"""The plans and the news as open data in JSON, with its published JSON Schema (the CSV tables: datatables.py).

The models below are the data's published form: the JSON files are made from them and their
JSON Schemas are generated from them, so that file and schema cannot disagree. Field names are
Dutch, as the editors write them in the YAML where there is such a key. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field

from . import urls
from .content import Post
from .dates import timing_text
from .models.actionplan import ActionPlan
from .models.fiche import Fiche, Indicator, Status
from .models.identity import Licence
from .models.news import Event
from .models.policy import OperationalObjective, PlanIndicator, PolicyPlan
from .models.results import in_order
from .relations import post_url

# The schema version: a new optional field raises the minor number, a renamed or removed field the major one.
VERSION = "1.1"

Address = Callable[[str], str]  # an address of the site → its full address (SiteSettings.absolute)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Licentie(_Data):
    naam: str = Field(description="Naam van de licentie, bv. \"CC BY 4.0\".")
    url: str = Field(description="Link naar de tekst van de licentie.")


class Periode(_Data):
    van: str = Field(description="Eerste jaar of maand.")
    tot: str = Field(description="Laatste jaar of maand.")


class Meting(_Data):
    datum: str = Field(description="Datum van de meting (JJJJ-MM-DD).")
    waarde: float = Field(description="De gemeten waarde.")
    eenheid: str = Field("", description="Eenheid, bv. \"deelnemers\" of \"%\".")
    bron: str = Field("", description="Waar de waarde vandaan komt.")
    opmerking: str = Field("", description="Korte toelichting bij deze meting.")


class FicheIndicator(_Data):
    evaluatie: Literal["proces", "output", "impact", ""] = Field(
        description="Bij welke soort evaluatie de indicator hoort; leeg als bij geen.")
    indicator: str
    soort: str = ""
    meetmethode: str = Field("", description="Markdown.")
    streefdoel: str = Field("", description="Markdown.")
    streefwaarde: float | None = Field(None, description="Het getal dat de indicator wil bereiken: `streefwaarde`, "
                                       "of het ene getal in `streefdoel`.")
    metingen: list[Meting] = Field(description="Gemeten waarden, oudste eerst.")


class Mijlpaal(_Data):
    wanneer: str = Field(description="Wanneer, zoals in het plan (een maand of woorden).")
    wat: str
    gehaald: str | None = Field(None, description="Wanneer de mijlpaal gehaald is (JJJJ-MM-DD); leeg zolang niet.")


class Voortgang(_Data):
    datum: str = Field(description="JJJJ-MM-DD.")
    tekst: str = Field(description="Markdown.")


class DataFiche(_Data):
    id: str = Field(description="Nummer van de actie, of de bestandsnaam als de zone niet nummert.")
    titel: str
    korte_titel: str = ""
    samenvatting: str = ""
    adres: str = Field(description="Volledig adres van de pagina van de fiche.")
    status: Status | None = Field(description="Stand van zaken; null als het plan er geen geeft.")
    trekker: str
    strategische_doelstelling: str
    operationele_doelstelling: str | None
    themas: list[str]
    doelgroepen: list[str]
    gemeenten: list[str] = Field([], description="Gemeenten van de zone waar de actie loopt; leeg: de hele zone.")
    periode: Periode | None = Field(description="Maanden waarin de actie loopt (JJJJ-MM).")
    mijlpalen: list[Mijlpaal]
    indicatoren: list[FicheIndicator]
    voortgang: list[Voortgang] = Field(description="Voortgangsberichten, oudste eerst.")
    voortgang_procent: int | None = Field(None, description="Hoe ver de actie staat, in procent; null als de "
                                          "fiche het niet zegt.")


class DataPlanIndicator(_Data):
    indicator: str
    soort: str = ""


class DataPlannedAction(_Data):
    id: str = ""
    titel: str
    contact: str = ""
    jaren: list[int]
    indicatoren: list[DataPlanIndicator]


class DataOD(_Data):
    id: str
    titel: str
    omschrijving: str = Field("", description="Markdown.")
    termijn: str = ""
    adres: str
    indicatoren: list[DataPlanIndicator]
    acties: list[DataPlannedAction]


class DataSD(_Data):
    id: str
    titel: str
    soort: Literal["inhoudelijk", "bestuurlijk"] | None
    thema: str = ""
    omschrijving: str = Field("", description="Markdown.")
    termijn: str = ""
    adres: str
    operationele_doelstellingen: list[DataOD]


class _File(_Data):
    versie: str = Field(description="Versie van dit schema.")
    licentie: Licentie


class DataPolicyPlan(_File):
    soort: Literal["beleidsplan"]
    id: str
    titel: str
    zone: str
    periode: Periode | None
    adres: str
    strategische_doelstellingen: list[DataSD]


class DataActionPlan(_File):
    soort: Literal["actieplan"]
    id: str
    titel: str
    jaar: int
    beleidsplan: str = Field(description="id van het beleidsplan waar de fiches onder vallen.")
    ingediend_op: str | None = Field(description="Datum van indienen (JJJJ-MM-DD), of null.")
    adres: str
    fiches: list[DataFiche]


class Activiteit(_Data):
    begin: str = Field(description="JJJJ-MM-DD, of JJJJ-MM-DDTUU:MM:SS+02:00 met het uur (Brussel).")
    einde: str | None
    plaats: str | None = Field(description="Waar; null bij een activiteit die alleen online is.")
    vorm: Literal["ter plaatse", "online", "hybride"] = Field(description="Hoe je deelneemt.")
    link: str = Field("", description="De link om online mee te doen (online of hybride).")
    status: Literal["gepland", "geannuleerd", "uitgesteld"] = Field(
        description="`gepland` als de activiteit doorgaat zoals aangekondigd.")
    inschrijven: str = Field("", description="Link om in te schrijven.")


class Bericht(_Data):
    titel: str
    datum: str = Field(description="Publicatiedatum: JJJJ-MM-DD, of met uur en tijdzone.")
    beschrijving: str
    onderwerpen: list[str]
    gemeenten: list[str] = Field([], description="Gemeenten van de zone waarover het bericht gaat; leeg: de hele zone.")
    adres: str
    activiteit: Activiteit | None


class DataNews(_File):
    soort: Literal["nieuws"]
    berichten: list[Bericht] = Field(description="Nieuwste eerst.")


SCHEMAS: dict[str, tuple[type[_File], str]] = {
    "beleidsplan": (DataPolicyPlan, "Beleidsplan als open data"),
    "actieplan": (DataActionPlan, "Actieplan met zijn actiefiches als open data"),
    "nieuws": (DataNews, "Nieuws en activiteiten als open data"),
}


def schema(kind: str, address: str) -> bytes:
    """The JSON Schema of one kind of data file, published at `address` (its full address)."""
    model, title = SCHEMAS[kind]
    generated = model.model_json_schema()
    return _json({"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": address, **generated,
                  "title": title})


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _moment(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _licence(licence: Licence) -> Licentie:
    return Licentie(naam=licence.name, url=licence.url)


def _plan_indicators(indicators: list[PlanIndicator]) -> list[DataPlanIndicator]:
    return [DataPlanIndicator(indicator=i.indicator, soort=i.kind) for i in indicators]


def _od(plan: PolicyPlan, od: OperationalObjective, address: Address) -> DataOD:
    actions = [DataPlannedAction(id=a.id, titel=a.title, contact=a.contact, jaren=a.years,
                                 indicatoren=_plan_indicators(a.indicators)) for a in od.actions]
    return DataOD(id=od.id, titel=od.title, omschrijving=od.description, termijn=timing_text(od.deadline),
                  adres=address(urls.operational_objective(plan.id, od.id)),
                  indicatoren=_plan_indicators(od.indicators), acties=actions)


def policy_plan(plan: PolicyPlan, licence: Licence, address: Address) -> bytes:
    """The policy plan as JSON."""
    sds = [DataSD(id=sd.id, titel=sd.title, soort=sd.kind, thema=sd.theme, omschrijving=sd.description,
                  termijn=timing_text(sd.deadline), adres=address(urls.strategic_objective(plan.id, sd.id)),
                  operationele_doelstellingen=[_od(plan, od, address) for od in sd.operational_objectives])
           for sd in plan.strategic_objectives]
    period = Periode(van=str(plan.period.start), tot=str(plan.period.end)) if plan.period else None
    data = DataPolicyPlan(versie=VERSION, licentie=_licence(licence), soort="beleidsplan", id=plan.id,
                          titel=plan.label, zone=plan.zone, periode=period, adres=address(urls.policy_plan(plan.id)),
                          strategische_doelstellingen=sds)
    return _json(data.model_dump(mode="json"))


def measurements(indicator: Indicator) -> list[Meting]:
    """An indicator's measurements, oldest first, each with its unit, as on the site (the JSON and
    metingen.csv both carry them)."""
    rows, unit = in_order(indicator.measurements)
    return [Meting(datum=m.date.isoformat(), waarde=m.value, eenheid=m.unit or unit, bron=m.source, opmerking=m.note)
            for m in rows]


def fiche_indicators(fiche: Fiche) -> list[FicheIndicator]:
    """Every indicator of the fiche's evaluation: per kind in the template's order, then the loose ones."""
    found = []
    for name, kind in (("proces", fiche.evaluation.process), ("output", fiche.evaluation.output),
                       ("impact", fiche.evaluation.impact), ("", None)):
        indicators = kind.indicators if kind is not None else [] if name else fiche.evaluation.indicators
        found += [FicheIndicator(evaluatie=name, indicator=i.indicator, soort=i.kind, meetmethode=i.method,
                                 streefdoel=i.target, streefwaarde=i.goal, metingen=measurements(i))
                  for i in indicators]
    return found


def _fiche(plan: ActionPlan, fiche: Fiche, address: Address) -> DataFiche:
    period = Periode(van=str(fiche.period.start), tot=str(fiche.period.end)) if fiche.period else None
    return DataFiche(
        id=fiche.key, titel=fiche.title, korte_titel=fiche.short_title, samenvatting=fiche.summary,
        adres=address(urls.fiche(plan.id, fiche.key)),
        status=fiche.status, trekker=fiche.with_whom.lead, strategische_doelstelling=fiche.strategic_objective,
        operationele_doelstelling=fiche.operational_objective, themas=list(fiche.themes),
        doelgroepen=list(fiche.for_whom.audiences), gemeenten=list(fiche.municipalities), periode=period,
        mijlpalen=[Mijlpaal(wanneer=timing_text(m.timing), wat=m.what, gehaald=m.met.isoformat() if m.met else None)
                   for m in fiche.milestones],
        indicatoren=fiche_indicators(fiche), voortgang_procent=fiche.percent_done,
        voortgang=[Voortgang(datum=u.date.isoformat(), tekst=u.text) for u in sorted(fiche.progress,
                                                                                     key=lambda u: u.date)])


def action_plan(plan: ActionPlan, fiches: list[Fiche], licence: Licence, address: Address) -> bytes:
    """The action plan with its fiches as JSON."""
    data = DataActionPlan(versie=VERSION, licentie=_licence(licence), soort="actieplan", id=plan.id,
                          titel=plan.title, jaar=plan.year, beleidsplan=plan.policy_plan,
                          ingediend_op=_moment(plan.submitted_on), adres=address(urls.action_plan(plan.id)),
                          fiches=[_fiche(plan, fiche, address) for fiche in fiches])
    return _json(data.model_dump(mode="json"))


def _event(event: Event | None) -> Activiteit | None:
    if event is None:
        return None
    return Activiteit(begin=_moment(event.start), einde=_moment(event.end), plaats=event.location,
                      vorm=event.form or "ter plaatse", link=event.link, status=event.status or "gepland",
                      inschrijven=event.registration)


def news(posts: list[Post], licence: Licence, address: Address) -> bytes:
    """The published news, newest first, as JSON."""
    data = DataNews(versie=VERSION, licentie=_licence(licence), soort="nieuws", berichten=[
        Bericht(titel=post.item.title, datum=_moment(post.item.date), beschrijving=post.item.description,
                onderwerpen=list(post.item.tags), gemeenten=list(post.item.municipalities),
                adres=address(post_url(post)),
                activiteit=_event(post.item.event))
        for post in posts])
    return _json(data.model_dump(mode="json"))
