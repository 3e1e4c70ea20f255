"""The one gate between what editors wrote and what readers may see. Knows nothing of MkDocs.

Loading and checking see everything (a draft is checked like any item: it will be published one
day). Here drafts, embargoed items and what a fiche dates after the build (progress entries, met
milestones, measurements: like news under embargo) are set aside, once; every later
step — pages, feeds, calendars, newsletter, Word file — gets only the view this returns and never
asks again whether something may be seen.

Items past their `expires` are split off here too: `posts` holds what is current and may be listed
anywhere, `expired` what keeps only its own page (marked as no longer current). Expiry is about
time, not drafts: the preview splits them the same way."""

from __future__ import annotations

import dataclasses
import datetime as dt

from .content import Content, Post
from .models.actionplan import ActionPlan
from .models.fiche import Fiche, Indicator, Milestone
from .dates import moment_start


def is_public(post: Post, now: dt.datetime) -> bool:
    """Whether a news item may be seen by anyone at `now`: not a draft, not under embargo."""
    return not post.item.draft and post.item.published <= now


def visible(post: Post, now: dt.datetime, preview: bool) -> bool:
    # The editors' own preview also shows drafts (marked as such), never an item under embargo:
    # what it shows for a date is what the site will show then.
    return post.item.published <= now and (preview or not post.item.draft)


def is_expired(post: Post, now: dt.datetime) -> bool:
    """Whether an item's `expires` moment has come: from then on it leaves every list."""
    return post.item.expired_at is not None and post.item.expired_at <= now


def publish(content: Content, preview: bool = False) -> Content:
    """What may be seen at the content's build moment: the public site, or the editors' preview."""
    now = content.now
    sources = dict(content.sources)
    fiches: dict[str, list[Fiche]] = {}
    for plan_id, plan_fiches in content.fiches.items():
        fiches[plan_id] = []
        for fiche in plan_fiches:
            shown = _fiche_until(fiche, now)
            sources[id(shown)] = content.sources.get(id(fiche), "")
            fiches[plan_id].append(shown)
    action_plans = {}
    for plan_id, plan in content.action_plans.items():
        action_plans[plan_id] = shown = _other_actions_until(plan, now)
        sources[id(shown)] = content.sources.get(id(plan), "")
    shown = [post for post in content.posts if visible(post, now, preview)]
    posts = [post for post in shown if not is_expired(post, now)]
    expired = [post for post in shown if is_expired(post, now)]
    return dataclasses.replace(content, posts=posts, expired=expired, fiches=fiches, action_plans=action_plans,
                               sources=sources)


def hidden(content: Content) -> tuple[list[Post], list[Post]]:
    """(not public, public) news items at the content's build moment, for `make verify`."""
    shown = [post for post in content.posts if is_public(post, content.now)]
    return [post for post in content.posts if not is_public(post, content.now)], shown


def _met_until(milestones: list[Milestone], now: dt.datetime) -> list[Milestone]:
    return [m if m.met is None or moment_start(m.met) <= now else m.model_copy(update={"met": None})
            for m in milestones]


def _measured_until(indicators: list[Indicator], now: dt.datetime) -> list[Indicator]:
    return [i.model_copy(update={"measurements": [m for m in i.measurements if moment_start(m.date) <= now]})
            for i in indicators]


def _fiche_until(fiche: Fiche, now: dt.datetime) -> Fiche:
    """What a fiche says at `now`: a progress entry, a met milestone or a measurement dated after it
    is not shown yet, like news under embargo (and a mistyped year never reaches the report)."""
    evaluation = fiche.evaluation
    kinds = {name: kind.model_copy(update={"indicators": _measured_until(kind.indicators, now)})
             for name in ("process", "output", "impact") if (kind := getattr(evaluation, name)) is not None}
    shown = fiche.model_copy(update={
        "progress": [update for update in fiche.progress if moment_start(update.date) <= now],
        "milestones": _met_until(fiche.milestones, now),
        "sub_actions": [sub.model_copy(update={"milestones": _met_until(sub.milestones, now)})
                        for sub in fiche.sub_actions],
        "evaluation": evaluation.model_copy(update={**kinds,
                                                    "indicators": _measured_until(evaluation.indicators, now)})})
    return fiche if shown == fiche else shown


def _other_actions_until(plan: ActionPlan, now: dt.datetime) -> ActionPlan:
    shown = plan.model_copy(update={"other_actions": [
        action.model_copy(update={"milestones": _met_until(action.milestones, now)}) for action in plan.other_actions]})
    return plan if shown == plan else shown
