"""The plan pages: each policy plan with its objectives, each action plan with its fiches, the
timeline, "about this plan" and the appendices written out as pages."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any, Callable

from .. import crawlers, urls
from .. import metadata as describe
from ..dates import current_month
from ..metadata import count, shorten
from ..models.actionplan import ActionPlan
from ..models.fiche import STATUS_LABELS, Fiche
from ..models.policy import PolicyPlan
from ..render import one_line
from ..siteplan import GeneratedPage, Part
from .view import View


def plan(view: View) -> Part:
    part = Part()
    for policy in sorted(view.content.policy_plans.values(), key=lambda p: p.first_year, reverse=True):
        part.nav.append({html.escape(policy.label): _policy_plan(view, policy, part)})
    for action in sorted(view.content.action_plans.values(), key=lambda p: p.year, reverse=True):
        part.nav.append({html.escape(action.title): _action_plan(view, action, part)})
    return part


def _publish_files(appendices: list[dict], assets: dict[str, str]) -> list[dict]:
    """The plan pages publish the appendix files; the print views only list them."""
    for entry in appendices:
        if entry["file"] is not None:
            assets[entry["href"]] = str(entry["file"])
    return appendices


def _policy_plan(view: View, plan: PolicyPlan, part: Part) -> list[Any]:
    source = view.content.source_of(plan)
    overview = urls.policy_plan(plan.id)
    updated = crawlers.policy_plan_date(plan, view.content)
    part.pages.append(view.page("policy_plan.html", overview, plan.label, source, updated=updated,
                                description=describe.policy_plan(plan), plan=plan,
                                appendices=_publish_files(view.appendices(plan), part.assets)))
    section: list[Any] = [urls.src_uri(overview)]
    for sd in plan.strategic_objectives:
        sd_url = urls.strategic_objective(plan.id, sd.id)
        part.pages.append(_objective_page(view, plan, source, updated, "strategic_objective.html", sd_url,
                                          f"SD {sd.id}. {sd.title}", "sd:" + sd.id,
                                          lambda actions: describe.strategic_objective(plan, sd, actions), sd=sd))
        sd_section: list[Any] = [urls.src_uri(sd_url)]
        for od in sd.operational_objectives:
            od_url = urls.operational_objective(plan.id, od.id)
            part.pages.append(_objective_page(view, plan, source, updated, "operational_objective.html", od_url,
                                              f"OD {od.id}. {od.title}", "od:" + od.id,
                                              lambda actions: describe.operational_objective(plan, od, actions),
                                              sd=sd, od=od))
            sd_section.append({html.escape(f"OD {od.id}"): urls.src_uri(od_url)})
        section.append({html.escape(f"SD {sd.id}. {sd.title}"): sd_section})
    _appendix_pages(view, plan, source, part, section, updated)
    return section


def _objective_page(view: View, plan: PolicyPlan, source: str, updated: dt.date | None, template: str, url: str,
                    title: str, key: str, description: Callable[[int], str], **context) -> GeneratedPage:
    """A strategic or operational objective with the fiches and other actions that serve it."""
    fiches = view.index.fiches_by_objective[(plan.id, key)]
    other_actions = view.index.other_actions_by_objective[(plan.id, key)]
    return view.page(template, url, title, source, description=description(len(fiches) + len(other_actions)),
                     updated=crawlers.fiches_date(fiches) or updated, plan=plan, fiches=fiches,
                     other_actions=other_actions, **context)


def _appendix_pages(view: View, plan: PolicyPlan | ActionPlan, source: str, part: Part, section: list[Any],
                    updated: dt.date | None) -> None:
    """An appendix written out as text (`inhoud`) is a page; a file or a link is only listed."""
    for appendix in plan.appendices:
        if not appendix.content:
            continue
        url = urls.appendix(plan.id, appendix.title)
        name = plan.label if isinstance(plan, PolicyPlan) else plan.title
        part.pages.append(view.page("appendix.html", url, appendix.title, source, updated=updated,
                                    description=shorten(f"Bijlage bij {name}: {appendix.title}."),
                                    plan=plan, appendix=appendix))
        section.append({html.escape(f"Bijlage: {appendix.title}"): urls.src_uri(url)})


def _action_plan(view: View, plan: ActionPlan, part: Part) -> list[Any]:
    content, index = view.content, view.index
    source = content.source_of(plan)
    fiches = content.fiches.get(plan.id, [])
    objectives = content.objectives[plan.policy_plan]
    policy = objectives.plan
    overview = urls.action_plan(plan.id)
    appendices = _publish_files(view.appendices(plan), part.assets)
    updated = crawlers.whole_action_plan_date(plan, fiches)
    part.pages.append(view.page(
        "action_plan.html", overview, plan.title, source, updated=updated,
        description=f"Alle acties van het plan \u201c{plan.title}\u201d, met hun trekker en stand van zaken.",
        hide=("toc",),  # room for the "Stand van zaken" table
        plan=plan, policy=policy, objectives=objectives, fiches=fiches, appendices=appendices,
        statuses=STATUS_LABELS, chart=_status_chart(fiches, policy),
        themes=sorted({theme for fiche in fiches for theme in fiche.themes}),
        audiences=sorted({audience for fiche in fiches for audience in fiche.for_whom.audiences}),
        # The filter by municipality: a link to each one's page (works without JavaScript) and a choice in the form.
        places=[{"name": name, "count": sum(name in fiche.municipalities for fiche in fiches)}
                for name in view.identity.municipalities],
        whole_zone=sum(not fiche.municipalities for fiche in fiches)))
    timeline = urls.timeline(plan.id)
    part.pages.append(view.page("timeline.html", timeline, f"Tijdlijn: {plan.title}", source,
                                description=f"Tijdlijn van {plan.title}: welke van de "
                                f"{count(len(fiches), 'actie', 'acties')} loopt in welke maand van {plan.year}, "
                                "met de mijlpalen.", hide=("navigation", "toc"), updated=updated, plan=plan, fiches=fiches,
                                rows=view.timeline(plan), current_month=current_month(plan.year, content.now)))
    about = urls.about_action_plan(plan.id)
    part.pages.append(view.page("about_action_plan.html", about, f"Over dit plan: {plan.title}", source,
                                description=describe.about_plan(plan, policy.zone), updated=crawlers.action_plan_date(plan), plan=plan, policy=policy,
                                appendices=appendices))
    section: list[Any] = [urls.src_uri(overview), {"Tijdlijn": urls.src_uri(timeline)},
                          {"Over dit plan": urls.src_uri(about)}]
    _appendix_pages(view, plan, source, part, section, crawlers.action_plan_date(plan))
    for fiche in fiches:
        key = f"{plan.id}/{fiche.key}"
        continues = content.fiche(fiche.continues) if isinstance(fiche.continues, str) else None
        url = urls.fiche(plan.id, fiche.key)
        # Without a summary: the title, then what the action is (fiches of one plan often start alike).
        description = shorten(fiche.summary or f"{fiche.title}: {one_line(fiche.what.description)}")
        part.pages.append(view.page(
            "fiche.html", url, fiche.heading, content.source_of(fiche), description=description,
            jsonld=view.metadata.fiche(url, fiche, description), updated=crawlers.fiche_date(fiche, plan),
            feeds=fiche.heading,
            plan=plan, policy=policy, fiche=fiche, sd=objectives.sd.get(fiche.strategic_objective),
            od=objectives.od.get(fiche.operational_objective or ""), continues=continues,
            continued_by=index.continued_by.get(key, []), posts=index.posts_by_fiche.get(key, [])))
        # Fiches stay out of the nav: Material copies the nav into every page, so 200 fiches in it
        # would double every page's size. The overview, SD and OD pages and search lead to them.
    return section


def _status_chart(fiches: list[Fiche], policy: PolicyPlan) -> list[dict[str, Any]]:
    """Per strategic objective: how many fiches have each status (drawn as bars in CSS), and how far
    its actions are on average, over the actions that give a percentage."""
    rows = []
    for sd in policy.strategic_objectives:
        counts = {status: 0 for status in STATUS_LABELS}
        percents = []
        for fiche in fiches:
            if fiche.strategic_objective == sd.id and fiche.status:
                counts[fiche.status] += 1
            if fiche.strategic_objective == sd.id and fiche.percent_done is not None:
                percents.append(fiche.percent_done)
        total = sum(counts.values())
        if total or percents:
            rows.append({"sd": sd, "counts": counts, "total": total, "measured": len(percents),
                         "percent": round(sum(percents) / len(percents)) if percents else None})
    return rows
