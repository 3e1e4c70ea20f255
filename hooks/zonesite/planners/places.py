"""A page per municipality of the zone (gemeente): its actions in every published action plan, its
news, and its upcoming and past events; and a page listing the municipalities. Only for a zone
that lists its municipalities in mkdocs.yml: without that list this part of the site is empty."""

from __future__ import annotations

import html

from .. import crawlers, urls
from ..dates import moment_start
from ..metadata import count
from ..relations import upcoming_events
from ..siteplan import Part
from .view import View


def plan(view: View) -> Part:
    names = view.identity.municipalities
    if not names:
        return Part()
    content = view.content
    plans = sorted(content.action_plans.values(), key=lambda p: p.year, reverse=True)
    # Actions without `gemeenten` concern the whole zone: no municipality page lists them (each
    # would list them all); each page points to the overviews for those.
    whole_zone = [(plan, sum(not fiche.municipalities for fiche in content.fiches.get(plan.id, [])))
                  for plan in plans]
    upcoming = upcoming_events(content)
    part = Part()
    places = []
    for name in names:
        listed = [(plan, fiche) for plan in plans for fiche in content.fiches.get(plan.id, [])
                  if name in fiche.municipalities]
        actions = [(plan, [f for p, f in listed if p is plan]) for plan in plans if any(p is plan for p, _ in listed)]
        posts = [post for post in content.posts if name in post.item.municipalities]
        news = [post for post in posts if not post.item.event]
        soon = [post for post in upcoming if name in post.item.municipalities]
        past = sorted((post for post in posts if post.item.event and post not in soon),
                      key=lambda p: (moment_start(p.item.event.start), p.slug), reverse=True)
        summary = (f"{count(len(listed), 'actie', 'acties')}, {count(len(news), 'bericht', 'berichten')} en "
                   f"{count(len(soon) + len(past), 'activiteit', 'activiteiten')}")
        places.append({"name": name, "url": urls.place(name), "summary": summary})
        part.pages.append(view.page(
            "place.html", urls.place(name), name,
            description=f"Wat {view.identity.name} doet in {name}: {summary}.",
            updated=crawlers.newest([crawlers.fiches_date(listed), crawlers.posts_date(posts)]),
            name=name, actions=actions, whole_zone=[(plan, n) for plan, n in whole_zone if n], news=news,
            upcoming=soon, past=past))
    part.pages.insert(0, view.page(
        "places.html", urls.PLACES, "Gemeenten",
        description=f"De gemeenten van {view.identity.name}: {', '.join(names)}. Per gemeente de acties, "
        "het nieuws en de activiteiten.", updated=crawlers.newest(page.updated for page in part.pages),
        places=places))
    # MkDocs prints menu titles without escaping them.
    part.nav.append({"Gemeenten": [urls.src_uri(urls.PLACES),
                                   *({html.escape(name): urls.src_uri(urls.place(name))} for name in names)]})
    return part
