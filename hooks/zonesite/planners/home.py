"""The home page: what readers come for first."""

from __future__ import annotations

from .. import crawlers, urls
from ..content import fiche_order
from ..models.fiche import STATUS_LABELS
from ..relations import upcoming_events
from ..siteplan import Part
from .view import View

LATEST_ON_HOME = 3


def plan(view: View) -> Part:
    """The current action plan and how far it is, what is coming, the latest news; the policy plan
    after that."""
    content, site = view.content, view.site
    policy = max(content.policy_plans.values(), key=lambda p: p.first_year, default=None)
    action = max(content.action_plans.values(), key=lambda p: p.year, default=None)
    fiches = content.fiches.get(action.id, []) if action else []
    counts = {status: sum(f.status == status for f in fiches) for status in STATUS_LABELS}
    updates = sorted(((update, fiche) for fiche in fiches for update in fiche.progress),
                     key=lambda pair: (pair[0].date, fiche_order(pair[1])), reverse=True)
    latest, upcoming = content.posts[:LATEST_ON_HOME], upcoming_events(content)[:LATEST_ON_HOME]
    # The progress shown comes from the action plan's fiches: the plan's date covers it.
    updated = crawlers.newest([crawlers.posts_date(latest + upcoming),
                               crawlers.whole_action_plan_date(action, fiches) if action else None])
    page = view.page("home.html", urls.HOME, site.site_name or "Start",
                     description=site.site_description, hide=("navigation", "toc"), updated=updated,
                     jsonld=view.metadata.home(), policy=policy, action=action, fiches=fiches, site=site, statuses=STATUS_LABELS,
                     counts={status: n for status, n in counts.items() if n},
                     updates=updates[:LATEST_ON_HOME], latest=latest, upcoming=upcoming)
    return Part([page], [{"Start": urls.src_uri(urls.HOME)}])
