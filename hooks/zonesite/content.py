"""The content of a zone as typed models, and how it is loaded: plans first (news refers to them).

Everything is read and checked before anything is written: one run reports every problem. The
readers (read_plans.py, read_news.py) validate each file and check references between files."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems
from .models.actionplan import ActionPlan
from .models.common import YearMonth
from .models.fiche import Fiche
from .models.news import NewsItem
from .models.policy import OperationalObjective, PolicyPlan, StrategicObjective
from .places import Places

def natural_key(number: str) -> tuple:
    """"2.10" after "2.9": compare the parts of an action number as numbers where they are."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"[.\-\s]+", number))


def fiche_order(fiche: Fiche) -> tuple:
    """Numbered fiches by number; unnumbered ones (zones that number nothing) by objective, then file."""
    if fiche.id is not None:
        return (0, natural_key(fiche.id))
    return (1, natural_key(fiche.strategic_objective), natural_key(fiche.operational_objective or "0"),
            fiche.key)


@dataclass
class Objectives:
    """Fast look-ups into one policy plan's tree."""

    plan: PolicyPlan
    sd: dict[str, StrategicObjective] = field(default_factory=dict)
    od: dict[str, OperationalObjective] = field(default_factory=dict)
    sd_of_od: dict[str, StrategicObjective] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: PolicyPlan) -> "Objectives":
        index = cls(plan)
        for sd in plan.strategic_objectives:
            index.sd.setdefault(sd.id, sd)
            for od in sd.operational_objectives:
                index.od.setdefault(od.id, od)
                index.sd_of_od.setdefault(od.id, sd)
        return index


@dataclass
class Post:
    """A news item with what its file name and body add to the front matter."""

    item: NewsItem
    year: str
    month: str
    slug: str
    body: str
    source: str
    folder: Path


@dataclass
class Content:
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))  # the build moment
    policy_plans: dict[str, PolicyPlan] = field(default_factory=dict)
    objectives: dict[str, Objectives] = field(default_factory=dict)
    action_plans: dict[str, ActionPlan] = field(default_factory=dict)
    fiches: dict[str, list[Fiche]] = field(default_factory=dict)  # per action plan, in number order
    posts: list[Post] = field(default_factory=list)  # newest first; after publish(), only what may be seen
    # After publish(): items past their `expires`. Their own pages stay (marked); nothing lists them.
    expired: list[Post] = field(default_factory=list)
    sources: dict[int, str] = field(default_factory=dict)  # id(model) → file, for "edit this page"
    broken_ids: set[str] = field(default_factory=set)  # plans that exist but failed validation
    broken_fiches: set[str] = field(default_factory=set)  # `plan/fiche` of fiches that failed validation
    newsletter_intros: dict[YearMonth, str] = field(default_factory=dict)  # month → Markdown
    appendix_files: dict[int, Path] = field(default_factory=dict)  # id(appendix) → file to publish
    places: Places = field(default_factory=lambda: Places(None))  # the zone's municipalities, to check names

    def fiche(self, reference: str) -> tuple[ActionPlan, Fiche] | None:
        """`actieplan-2025/2.1` → the plan and the fiche, if both exist."""
        plan_id, _, fiche_id = reference.partition("/")
        if plan_id not in self.action_plans:
            return None
        for fiche in self.fiches.get(plan_id, []):
            if fiche.key == fiche_id:
                return self.action_plans[plan_id], fiche
        return None

    def is_broken(self, reference: str) -> bool:
        """Whether `plan/fiche` may name a file that has errors of its own: then it is not "missing"."""
        plan_id = reference.partition("/")[0]
        return plan_id in self.broken_ids or reference in self.broken_fiches or f"{plan_id}/?" in self.broken_fiches

    def source_of(self, model: object) -> str:
        return self.sources.get(id(model), "")


def load_content(root: Path, now: dt.datetime, places: Places | None = None) -> tuple[Content, Problems]:
    """Read plans/ and news/ under `root`: everything, drafts and items under embargo too (they
    are checked like any other; publish.py sets them aside). Problems are collected, never raised.
    `places`: the zone's municipalities, that fiches and news items may name (None: not checked)."""
    problems = Problems()
    content = Content(now=now, places=places or Places(None))
    read_plans(root, content, problems)
    read_news(root, content, problems)
    return content, problems


# The readers build the classes above; imported last, when those exist.
from .read_news import read_news  # noqa: E402
from .read_plans import read_plans  # noqa: E402
