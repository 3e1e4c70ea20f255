"""Open data: each plan and the news as JSON (with its JSON Schema) and CSV per table, the DCAT-AP
catalogue open-data portals harvest, and the page that explains it all to readers. Like every
planner it reads only the published view: drafts and embargoed items never reach the data."""

from __future__ import annotations

import datetime as dt

from .. import crawlers, datatables, dcat, opendata, urls
from ..dcat import Dataset, Distribution
from ..metadata import count
from ..models.actionplan import ActionPlan
from ..models.fiche import Fiche
from ..models.policy import PolicyPlan
from ..siteplan import Part
from .view import View

# The tables of an action plan, with what a reader finds in them.
ACTION_TABLES = (("acties", "Acties: één rij per actiefiche"),
                 ("indicatoren", "Indicatoren: één rij per indicator van een fiche"),
                 ("metingen", "Metingen: één rij per gemeten waarde van een indicator"))


def plan(view: View) -> Part:
    content, site, licence = view.content, view.site, view.identity.license
    part = Part()
    datasets = []
    for policy in sorted(content.policy_plans.values(), key=lambda p: p.first_year, reverse=True):
        datasets.append(_policy_plan(view, policy, part))
    for action in sorted(content.action_plans.values(), key=lambda p: p.year, reverse=True):
        datasets.append(_action_plan(view, action, part))
    part.files[urls.NEWS_DATA] = opendata.news(content.posts, licence, site.absolute)
    datasets.append(Dataset("nieuws", "Nieuws en activiteiten",
                            f"Alle berichten van {view.identity.name}, nieuwste eerst; activiteiten met hun "
                            "begin, einde en plaats.", urls.NEWS,
                            [crawlers.post_date(post) for post in content.posts],
                            [Distribution(urls.NEWS_DATA, "Alle berichten (JSON)", "json",
                                          urls.data_schema("nieuws"))]))
    for kind in opendata.SCHEMAS:
        address = urls.data_schema(kind)
        part.files[address] = opendata.schema(kind, site.absolute(address))
    part.files[urls.CATALOGUE] = dcat.catalogue(datasets, view.identity, site.absolute, urls.CATALOGUE, urls.HOME,
                                                urls.DATA)
    part.pages.append(view.page(
        "open_data.html", urls.DATA, "Open data",
        description=f"De plannen, acties en het nieuws van {view.identity.name} als gegevens om zelf te gebruiken "
        f"(JSON en CSV), onder de licentie {licence.name}.",
        updated=crawlers.newest(dataset.modified for dataset in datasets), datasets=datasets, licence=licence,
        schemas=[(kind, title, urls.data_schema(kind)) for kind, (_, title) in opendata.SCHEMAS.items()],
        catalogue=urls.CATALOGUE))
    return part


def _policy_plan(view: View, plan: PolicyPlan, part: Part) -> Dataset:
    absolute, json_file, table = view.site.absolute, urls.data_json(plan.id), urls.data_csv(plan.id, "doelstellingen")
    part.files[json_file] = opendata.policy_plan(plan, view.identity.license, absolute)
    part.files[table] = datatables.objectives_csv(plan, absolute)
    objectives = sum(1 + len(sd.operational_objectives) for sd in plan.strategic_objectives)
    # A policy plan has no dates of its own: it is as old and as new as the action plans carrying it out.
    dates = [date for action in view.content.action_plans.values() if action.policy_plan == plan.id
             for date in _action_plan_dates(action, view.content.fiches.get(action.id, []))]
    return Dataset(plan.id, plan.label, f"{plan.label} van {plan.zone}: "
                   f"{count(objectives, 'doelstelling', 'doelstellingen')} (strategisch en operationeel), "
                   "met hun indicatoren en geplande acties.", urls.policy_plan(plan.id), dates,
                   [Distribution(json_file, f"{plan.label} (JSON)", "json", urls.data_schema("beleidsplan")),
                    Distribution(table, "Doelstellingen: één rij per SD en OD (CSV)", "csv")])


def _action_plan(view: View, plan: ActionPlan, part: Part) -> Dataset:
    absolute = view.site.absolute
    fiches = view.content.fiches.get(plan.id, [])
    json_file = urls.data_json(plan.id)
    part.files[json_file] = opendata.action_plan(plan, fiches, view.identity.license, absolute)
    tables = {"acties": datatables.actions_csv(plan, fiches, absolute),
              "indicatoren": datatables.indicators_csv(plan, fiches),
              "metingen": datatables.measurements_csv(plan, fiches)}
    for name, data in tables.items():
        part.files[urls.data_csv(plan.id, name)] = data
    return Dataset(plan.id, plan.title, f"{plan.title}: {count(len(fiches), 'actiefiche', 'actiefiches')} met hun "
                   "stand van zaken, trekker, doelstellingen, indicatoren en voortgang.", urls.action_plan(plan.id),
                   _action_plan_dates(plan, fiches),
                   [Distribution(json_file, f"{plan.title} met alle fiches (JSON)", "json",
                                 urls.data_schema("actieplan")),
                    *(Distribution(urls.data_csv(plan.id, name), f"{title} (CSV)", "csv")
                      for name, title in ACTION_TABLES)])


def _action_plan_dates(plan: ActionPlan, fiches: list[Fiche]) -> list[dt.date]:
    """Every date the plan and its published fiches carry: versions, submission, progress entries."""
    return [*(version.date for version in plan.versions), *([plan.submitted_on] if plan.submitted_on else []),
            *(update.date for fiche in fiches for update in fiche.progress)]
