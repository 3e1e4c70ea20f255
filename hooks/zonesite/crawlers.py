"""What search engines read besides the pages: robots.txt, and the date each page last changed
(the sitemap's `lastmod`). Dates come from the content itself, never from the build: a page that
did not change keeps its date, so a crawler can trust it. Knows nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from . import urls
from .content import Content, Post
from .dates import BRUSSELS
from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.policy import PolicyPlan


def robots_txt(site_url: str) -> bytes:
    """Every page is public: nothing is disallowed; the sitemap is named when the site has an address."""
    lines = ["User-agent: *", "Disallow:"]
    if site_url:
        lines += ["", f"Sitemap: {site_url.rstrip('/')}/{urls.SITEMAP}"]
    return ("\n".join(lines) + "\n").encode("utf-8")


def newest(dates: Iterable[dt.date | None]) -> dt.date | None:
    return max((date for date in dates if date is not None), default=None)


def post_date(post: Post) -> dt.date:
    """The day the item was published, in Brussels (the model has no separate update date)."""
    return post.item.published.astimezone(BRUSSELS).date()


def posts_date(posts: Iterable[Post]) -> dt.date | None:
    """A list of items changes when its newest item appears."""
    return newest(post_date(post) for post in posts)


def action_plan_date(plan: ActionPlan) -> dt.date | None:
    """The plan document's own latest date: its newest version or its submission."""
    return newest([*(version.date for version in plan.versions), plan.submitted_on])


def fiche_date(fiche: Fiche, plan: ActionPlan) -> dt.date | None:
    """The latest progress entry; a fiche without one is as old as its plan's latest version."""
    return (newest(update.date for update in fiche.progress) or newest(version.date for version in plan.versions)
            or plan.submitted_on)


def fiches_date(fiches: Iterable[tuple[ActionPlan, Fiche]]) -> dt.date | None:
    """A page listing fiches (an objective's) changes with the newest of them."""
    return newest(fiche_date(fiche, plan) for plan, fiche in fiches)


def whole_action_plan_date(plan: ActionPlan, fiches: Iterable[Fiche]) -> dt.date | None:
    """Pages that show the whole plan (overview, timeline, print view) change with any of its fiches."""
    return newest([action_plan_date(plan), *(fiche_date(fiche, plan) for fiche in fiches)])


def policy_plan_date(plan: PolicyPlan, content: Content) -> dt.date | None:
    """A policy plan has no dates of its own: it is as new as the action plans carrying it out."""
    return newest(whole_action_plan_date(action, content.fiches.get(action.id, []))
                  for action in content.action_plans.values() if action.policy_plan == plan.id)
