"""The monthly newsletters: the archive, each issue on the site, and its email (HTML and text)."""

from __future__ import annotations

from .. import crawlers, urls
from ..dates import month_name
from ..metadata import shorten
from ..newsletter import collect_issues, render_email
from ..siteplan import Part
from .view import View


def plan(view: View) -> Part:
    site, identity = view.site, view.identity
    issues = collect_issues(view.content)
    links = {"archive_url": urls.NEWSLETTERS,
             "absolute": site.absolute}
    part = Part(nav=[{"Nieuwsbrief": urls.src_uri(urls.NEWSLETTERS)}])
    part.pages.append(view.page(
        "newsletter_archive.html", urls.NEWSLETTERS, "Nieuwsbrief",
        description="Alle nieuwsbrieven van de eerstelijnszone.", issues=issues,
        updated=crawlers.posts_date(post for issue in issues for post in issue.posts), issue_url=urls.newsletter))
    for issue in issues:
        url = urls.newsletter(issue.month)
        first = issue.posts[0].item.title
        preheader = f"{first} en meer nieuws van {identity.name}" if len(issue.posts) > 1 else first
        address = urls.newsletter_email(issue.month, "html")
        email_html, email_text = view.memory.remember(address, (issue, identity, site, url, preheader), lambda: render_email(
            issue, view.renderer.render_detached, identity, site, {**links, "web_url": url, "preheader": preheader}))
        part.files[address] = email_html
        part.files[urls.newsletter_email(issue.month, "txt")] = email_text
        part.pages.append(view.page("newsletter_web.html", url, f"Nieuwsbrief {month_name(issue.month)}",
                                    description=shorten(f"De nieuwsbrief van {month_name(issue.month)}: "
                                                        + "; ".join(post.item.title for post in issue.posts) + "."),
                                    updated=crawlers.posts_date(issue.posts), issue=issue,
                                    zone=identity, archive_url=urls.NEWSLETTERS))
    return part
