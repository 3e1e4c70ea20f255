"""What is printed or submitted: each plan's print view, and the action plan as the Word file the
zorgraad submits to the department."""

from __future__ import annotations

import datetime as dt

from .. import crawlers, urls
from ..dates import long_date, month_abbr, month_name, timing_text
from ..metadata import count
from ..models.actionplan import ActionPlan
from ..models.policy import PolicyPlan
from ..siteplan import Part
from ..wordfile import write_action_plan
from .view import View


def plan(view: View) -> Part:
    part = Part()
    for policy in view.content.policy_plans.values():
        _policy_plan(view, policy, part)
    for action in view.content.action_plans.values():
        _action_plan(view, action, part)
    return part


def _policy_plan(view: View, plan: PolicyPlan, part: Part) -> None:
    # The appendix files are published by the plan pages (plans.py); here they are only listed.
    appendices = view.appendices(plan)
    part.pages.append(view.page("print_policy_plan.html", urls.print_view(plan.id), f"{plan.label}: afdrukversie",
                                view.content.source_of(plan), description=f"Het volledige {plan.label} van "
                                f"{plan.zone} op één pagina, om af te drukken of als pdf te bewaren.",
                                hide=("navigation", "toc"),
                                updated=crawlers.policy_plan_date(plan, view.content), plan=plan,
                                appendices=appendices))


def _action_plan(view: View, plan: ActionPlan, part: Part) -> None:
    content = view.content
    fiches = content.fiches.get(plan.id, [])
    objectives = content.objectives[plan.policy_plan]
    policy = objectives.plan
    appendices = view.appendices(plan)
    rows = view.timeline(plan)
    entries = [{"fiche": f, "anchor": urls.slug(f.key), "sd": objectives.sd.get(f.strategic_objective),
                "od": objectives.od.get(f.operational_objective or "")} for f in fiches]
    part.pages.append(view.page("print_action_plan.html", urls.print_view(plan.id), f"{plan.title}: afdrukversie",
                                description=f"{plan.title} als indieningsdocument: "
                                f"{count(len(fiches), 'actiefiche', 'actiefiches')} en de tijdlijn, om af te drukken "
                                "of als pdf te bewaren.", hide=("navigation", "toc"),
                                updated=crawlers.whole_action_plan_date(plan, fiches), plan=plan, policy=policy,
                                fiches=entries, rows=rows, appendices=appendices,
                                docx_url=urls.word_file(plan.id)))
    helpers = {"markdown": view.renderer.markdown, "absolute": view.site.absolute,
               "date": long_date, "month": month_name, "month_abbr": month_abbr, "when": timing_text}
    # The file's own dates come from the content, not the clock: same plan, same bytes.
    stamps = [v.date for v in plan.versions] + ([plan.submitted_on] if plan.submitted_on else [])
    moment = dt.datetime.combine(max(stamps, default=dt.date(1980, 1, 1)), dt.time(), tzinfo=dt.timezone.utc)
    # The costliest file of a build: the preview makes it again only when what it shows changed,
    # and just after the build, so that the edited page shows without waiting for it.
    address = urls.word_file(plan.id)
    inputs = (plan, policy, fiches, objectives, rows, appendices, view.site, moment)
    part.files[address] = view.memory.remember(address, inputs, lambda: write_action_plan(
        plan, policy, fiches, objectives, rows, appendices, helpers, moment), slow=True)
