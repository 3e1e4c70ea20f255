"""Subscriptions per topic: each topic (a news tag) and each fiche ("volg deze actie") has its own
RSS, Atom and JSON Feed, and each topic an iCalendar file of its events, beside its page.

A topic's feeds hold its current news; a fiche's its progress entries and the news that names it.
Everything comes from the published view: drafts, embargoed and expired items and progress
entries dated after the build never get here. One small set of files per topic and per fiche."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from .. import urls
from ..content import Post
from ..dates import long_date, moment_start
from ..feeds import FeedInfo, FeedItem, feed_content, feed_files, latest
from ..ical import build_calendar
from ..models.actionplan import ActionPlan
from ..models.fiche import Fiche, ProgressUpdate
from ..metadata import shorten
from ..relations import post_url, progress_entries
from ..siteplan import Part
from .feeds import latest_posts, post_item
from .view import View


def plan(view: View) -> Part:
    part = Part()
    # In the preview a feed is made again only when what it reads changed; a new renderer
    # (templates or Markdown dialect edited) counts as a change.
    posts: dict[str, FeedItem] = {}  # a news item is in several feeds: made into an item once

    def item(post: Post) -> FeedItem:
        url = post_url(post)
        if url not in posts:
            posts[url] = post_item(view, post)
        return posts[url]

    for address, tag_posts in view.index.posts_by_tag.items():
        part.files.update(_tag_files(view, address, tag_posts, item))
    for plan_id, fiches in view.content.fiches.items():
        action_plan = view.content.action_plans[plan_id]
        for fiche in fiches:
            part.files.update(_fiche_feeds(view, action_plan, fiche, item))
    return part


def _tag_files(view: View, address: str, posts: list[Post], item: Callable[[Post], FeedItem]) -> dict[str, bytes]:
    """A topic's feeds (its current news) and its calendar (the events among them, as in agenda.ics)."""
    tag, site, zone = view.index.tag_names[address], view.site, view.site.site_name
    info = FeedInfo(f"{zone}: nieuws over {tag}", f"Nieuws van {zone} over {tag}.", address)
    files = urls.feeds(address)
    found = dict(view.memory.remember(files["rss"], (address, posts, site, view.renderer), lambda: feed_files(
        [item(post) for post in latest_posts(posts)], site, files, info)))
    events = [(post_url(post), post) for post in posts if post.item.event]
    name = f"{zone}: agenda over {tag}"
    found[files["calendar"]] = view.memory.remember(files["calendar"], (events, site, name),
                                                    lambda: build_calendar(events, site, name))
    return found


def _fiche_feeds(view: View, plan: ActionPlan, fiche: Fiche, item: Callable[[Post], FeedItem]) -> dict[str, bytes]:
    """"Volg deze actie": its progress entries and the news that names it, newest first."""
    address = urls.fiche(plan.id, fiche.key)
    site, zone = view.site, view.site.site_name
    posts = view.index.posts_by_fiche.get(f"{plan.id}/{fiche.key}", [])
    entries = [(moment_start(update.date), address + "#" + anchor, update)
               for anchor, update in progress_entries(fiche)]
    entries += [(post.item.published, post_url(post), post) for post in posts]
    files = urls.feeds(address)
    # A feed reader shows a narrow column: the fiche's short name says it, the subtitle gives the rest.
    info = FeedInfo(f"{_short(fiche)} ({zone})", f"Voortgang en nieuws van {fiche.heading} ({plan.title}).", address)

    def make() -> dict[str, bytes]:
        chosen = latest(entries, lambda entry: entry[0], lambda entry: entry[1])
        return feed_files([item(entry[2]) if isinstance(entry[2], Post) else _progress_item(view, fiche, *entry)
                           for entry in chosen], site, files, info)
    return view.memory.remember(files["rss"], (entries, fiche.heading, plan.title, site, view.renderer), make)


def _progress_item(view: View, fiche: Fiche, published: dt.datetime, url: str, update: ProgressUpdate) -> FeedItem:
    body = view.renderer.markdown(update.text)
    return FeedItem(url, f"{_short(fiche)}: voortgang op {long_date(update.date)}", published,
                    shorten(view.renderer.text(update.text)),
                    feed_content(body, view.site.absolute(url)))


def _short(fiche: Fiche) -> str:
    """"Actie 2: Valpreventie BE-EMPOWERed": its number and short name, as the timeline names it."""
    return f"Actie {fiche.id}: {fiche.label}" if fiche.id is not None else fiche.label
