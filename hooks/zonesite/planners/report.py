"""The yearly progress report of each action plan: a print view and a Word file, from the same
report (report.py) — what the zone tells its board and the department at the end of the year."""

from __future__ import annotations

import datetime as dt

from .. import crawlers, urls
from ..dates import long_date, timing_text
from ..models.actionplan import ActionPlan
from ..report import make_report
from ..siteplan import Part
from ..wordreport import write_progress_report
from .view import View


def plan(view: View) -> Part:
    part = Part()
    for action_plan in view.content.action_plans.values():
        _report(view, action_plan, part)
    return part


def _report(view: View, plan: ActionPlan, part: Part) -> None:
    content = view.content
    fiches = content.fiches.get(plan.id, [])
    objectives = content.objectives[plan.policy_plan]
    zone = objectives.plan.zone
    report = make_report(plan, fiches, objectives)
    word = urls.progress_report_word(plan.id)
    part.pages.append(view.page(
        "print_progress_report.html", urls.progress_report(plan.id), f"Voortgangsrapport {plan.year}",
        content.source_of(plan), description=f"Hoe ver de acties van {plan.title} staan: status, voortgang in "
        f"{plan.year}, mijlpalen en indicatoren. Om af te drukken of als pdf te bewaren.",
        hide=("navigation", "toc"), updated=crawlers.whole_action_plan_date(plan, fiches),
        report=report, zone=zone, docx_url=word))
    helpers = {"markdown": view.renderer.markdown, "absolute": view.site.absolute, "date": long_date,
               "when": timing_text, "fiche_url": lambda fiche: urls.fiche(plan.id, fiche.key)}
    # The file's own date comes from the content, not the clock: same report, same bytes.
    moment = dt.datetime.combine(report.as_of or dt.date(plan.year, 1, 1), dt.time(), tzinfo=dt.timezone.utc)
    inputs = (plan, fiches, objectives, zone, view.site, moment)
    part.files[word] = view.memory.remember(word, inputs, lambda: write_progress_report(
        report, zone, helpers, moment), slow=True)
