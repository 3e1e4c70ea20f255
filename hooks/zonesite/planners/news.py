"""The news: a page per item, and the lists (newest first, by year, by month, by topic)."""

from __future__ import annotations

from collections import defaultdict

from .. import crawlers, urls
from .. import metadata as describe
from ..content import Post
from ..dates import month_name
from ..metadata import count
from ..models.common import YearMonth
from ..relations import image_url, post_url
from ..siteplan import Part
from .view import View

POSTS_PER_PAGE = 10


def plan(view: View) -> Part:
    content = view.content
    part = Part(nav=[{"Nieuws": urls.src_uri(urls.NEWS)}])
    # An expired item keeps its own page (links to it keep working), marked; the lists skip it.
    for post in content.posts + content.expired:
        url = post_url(post)
        fiches = [found for reference in post.item.actions if (found := content.fiche(reference))]
        past = bool(post.item.event) and post.item.event.ends_at() < content.now
        item, metadata = post.item, view.metadata
        part.pages.append(view.page(
            "post.html", url, item.title, post.source, description=item.description,
            updated=crawlers.post_date(post),
            jsonld=metadata.post(url, item.title, item.description, item.date, item.event, image_url(post),
                                 item.expires),
            share=metadata.share(url, item.title, item.description, "article", image_url(post),
                                 item.image.alt if item.image else "", item.published),
            post=post, fiches=fiches, past=past, expired=post in content.expired, body=view.post_body(post)))
        if post.item.image:
            part.assets[image_url(post)] = str(post.folder / post.item.image.src)
    part.pages += _lists(view, content.posts)
    return part


def _lists(view: View, posts: list[Post]) -> list:
    by_year: dict[str, list[Post]] = defaultdict(list)
    by_month: dict[tuple[str, str], list[Post]] = defaultdict(list)
    for post in posts:
        by_year[post.year].append(post)
        by_month[(post.year, post.month)].append(post)
    by_tag, tag_names = view.index.posts_by_tag, view.index.tag_names
    archive = {"years": sorted(by_year, reverse=True), "tags": sorted(tag_names.values(), key=str.lower),
               "months": sorted(by_month, reverse=True)}
    chunks = [posts[i:i + POSTS_PER_PAGE] for i in range(0, len(posts), POSTS_PER_PAGE)] or [[]]
    common = {"archive": archive}
    zone = view.identity.name
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        title = "Nieuws" if number == 1 else f"Nieuws, pagina {number}"
        heading = (f"Het nieuwste nieuws van {zone}" if number == 1
                   else f"Nieuws van {zone}, pagina {number} van {len(chunks)}")
        pages.append(view.page("news_list.html", urls.news_page(number), title,
                               description=describe.news_list(heading, chunk), updated=crawlers.posts_date(chunk),
                               posts=chunk, number=number, pages=len(chunks), kind="index", **common))
    for year, year_posts in by_year.items():
        pages.append(view.page("news_list.html", urls.news_year(year), f"Nieuws uit {year}",
                               description=describe.news_list(f"Nieuws van {zone} uit {year}", year_posts),
                               updated=crawlers.posts_date(year_posts), posts=year_posts, kind="year", year=year,
                               **common))
    for (year, month), month_posts in by_month.items():
        name = month_name(YearMonth(int(year), int(month)))
        pages.append(view.page("news_list.html", urls.news_month(year, month), f"Nieuws uit {name}",
                               description=describe.news_list(f"Nieuws van {zone} uit {name}", month_posts),
                               updated=crawlers.posts_date(month_posts), posts=month_posts, kind="month",
                               year=year, month=int(month), **common))
    for address, tag_posts in by_tag.items():
        tag = tag_names[address]
        pages.append(view.page("news_list.html", address, f"Nieuws over {tag}",
                               description=f"Nieuws over {tag}: {count(len(tag_posts), 'bericht', 'berichten')}.",
                               updated=crawlers.posts_date(tag_posts), feeds=f"Nieuws over {tag}", posts=tag_posts,
                               kind="tag", tag=tag, calendar_url=view.site.absolute(urls.feeds(address)["calendar"]),
                               **common))
    return pages
