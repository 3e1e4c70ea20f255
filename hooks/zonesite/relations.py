"""Relations between content, computed once and then looked up by key, and where a news item
and its image are published. Knows nothing of MkDocs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import urls
from .content import Content, Post
from .dates import moment_start
from .models.actionplan import ActionPlan
from .models.fiche import Fiche, ProgressUpdate


@dataclass
class Index:
    """Relations between content, computed once and then looked up by key."""

    fiches_by_objective: dict[tuple[str, str], list[tuple[ActionPlan, Fiche]]] = field(
        default_factory=lambda: defaultdict(list))
    other_actions_by_objective: dict[tuple[str, str], list[tuple[ActionPlan, Any]]] = field(
        default_factory=lambda: defaultdict(list))
    continued_by: dict[str, list[tuple[ActionPlan, Fiche]]] = field(default_factory=lambda: defaultdict(list))
    posts_by_fiche: dict[str, list[Post]] = field(default_factory=lambda: defaultdict(list))
    # A topic's page address → its items, newest first; and the topic's one spelling (the reader
    # refuses a second one), by that address.
    posts_by_tag: dict[str, list[Post]] = field(default_factory=lambda: defaultdict(list))
    tag_names: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, content: Content) -> "Index":
        index = cls()
        for plan_id, plan in content.action_plans.items():
            for fiche in content.fiches.get(plan_id, []):
                entry = (plan, fiche)
                index.fiches_by_objective[(plan.policy_plan, "sd:" + fiche.strategic_objective)].append(entry)
                if fiche.operational_objective:
                    index.fiches_by_objective[(plan.policy_plan, "od:" + fiche.operational_objective)].append(entry)
                if isinstance(fiche.continues, str):
                    index.continued_by[fiche.continues].append(entry)
            objectives = content.objectives.get(plan.policy_plan)
            for action in plan.other_actions:
                for objective in action.objectives:
                    kind = "od:" if objectives and objective in objectives.od else "sd:"
                    index.other_actions_by_objective[(plan.policy_plan, kind + objective)].append((plan, action))
        for post in content.posts:  # already newest first
            for reference in post.item.actions:
                index.posts_by_fiche[reference].append(post)
            for tag in post.item.tags:
                index.tag_names[urls.tag(tag)] = tag
                index.posts_by_tag[urls.tag(tag)].append(post)
        return index


def post_url(post: Post) -> str:
    return urls.post(post.year, post.month, post.slug)


def image_url(post: Post) -> str:
    """News images sit beside their item's page, under their own file name."""
    return post_url(post) + post.item.image.src.rsplit("/", 1)[-1] if post.item.image else ""


def progress_entries(fiche: Fiche) -> list[tuple[str, ProgressUpdate]]:
    """A fiche's progress entries, newest first, each with its anchor on the fiche's page: the page
    shows them under it, the fiche's feeds link to it."""
    anchors = urls.progress_anchors([update.date for update in fiche.progress])
    return sorted(zip(anchors, fiche.progress), key=lambda entry: entry[1].date, reverse=True)


def upcoming_events(content: Content) -> list[Post]:
    """Events that have not ended at build time, soonest first."""
    return sorted((p for p in content.posts if p.item.event and p.item.event.ends_at() >= content.now),
                  key=lambda p: (moment_start(p.item.event.start), p.slug))
