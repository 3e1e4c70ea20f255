"""One planner per output family, each returning its part of the site from the published view.

A planner reads only what publish() let through (the View), renders with the one Renderer and
returns pages and files; it writes nothing and claims nothing: siteplan.py does that, once. The
order below is the order of the site's menu."""

from __future__ import annotations

from . import agenda, data, feeds, guide, home, news, newsletters, places, plans, report, submission, topics

PLANNERS = (home.plan, plans.plan, news.plan, agenda.plan, places.plan, newsletters.plan, submission.plan,
            report.plan, feeds.plan, topics.plan, data.plan, guide.plan)
