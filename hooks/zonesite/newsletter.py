"""Monthly newsletters: which items go in which month, and the email as HTML and plain text.

The email is rendered once from a Jinja template and its CSS inlined with css-inline, so that
mail clients that strip <style> (Gmail, Outlook) still show it as designed. No MkDocs here."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

import css_inline

from .content import Content, Post
from .dates import moment_start
from .models.actionplan import ActionPlan
from .models.common import YearMonth
from .models.fiche import Fiche, ProgressUpdate
from .models.identity import Identity
from .plaintext import wrap
from .settings import SiteSettings

EVENT_WINDOW = dt.timedelta(weeks=6)


@dataclass
class Issue:
    month: YearMonth
    intro: str = ""
    posts: list[Post] = field(default_factory=list)
    events: list[Post] = field(default_factory=list)
    progress: list[tuple[ActionPlan, Fiche, ProgressUpdate]] = field(default_factory=list)

    @property
    def sent_on(self) -> dt.date:
        """A month's newsletter goes out on the first day of the next month."""
        year, month = (self.month.year + 1, 1) if self.month.month == 12 else (self.month.year, self.month.month + 1)
        return dt.date(year, month, 1)


def collect_issues(content: Content) -> list[Issue]:
    """One issue per month that has news for the newsletter, newest first (`content` is published)."""
    by_month: dict[YearMonth, list[Post]] = defaultdict(list)
    for post in content.posts:
        if post.item.newsletter_month is not None:
            by_month[post.item.newsletter_month].append(post)
    progress: dict[YearMonth, list] = defaultdict(list)
    for plan_id, fiches in content.fiches.items():
        for fiche in fiches:
            for update in fiche.progress:
                progress[YearMonth(update.date.year, update.date.month)].append(
                    (content.action_plans[plan_id], fiche, update))
    events = sorted((p for p in content.posts if p.item.event),
                    key=lambda p: moment_start(p.item.event.start))
    issues = []
    for month in sorted(by_month, reverse=True):
        issue = Issue(month, content.newsletter_intros.get(month, ""),
                      sorted(by_month[month], key=lambda p: p.item.published, reverse=True))
        start = moment_start(issue.sent_on)
        issue.events = [p for p in events if start <= moment_start(p.item.event.start) < start + EVENT_WINDOW]
        issue.progress = sorted(progress.get(month, []), key=lambda entry: entry[2].date, reverse=True)
        issues.append(issue)
    return issues


def render_email(issue: Issue, render: Callable[..., str], identity: Identity, site: SiteSettings,
                 links: dict[str, Any]) -> tuple[bytes, bytes]:
    """The email as (HTML, plain text). `render(template, **context)` renders a Jinja template;
    the text is wrapped at 78 characters, as mail programs expect."""
    context = {"issue": issue, "zone": identity, "site": site, **links}
    html = css_inline.inline(render("email.html", **context))
    text = wrap(render("email.txt", **context))
    return html.encode("utf-8"), text.encode("utf-8")
