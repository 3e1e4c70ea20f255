"""What software reads besides the pages: the news as RSS, Atom and JSON Feed, and robots.txt.
Feeds per topic and per fiche: topics.py, from the same items."""

from __future__ import annotations

from .. import crawlers, urls
from ..content import Post
from ..feeds import FeedInfo, FeedItem, feed_content, feed_files, latest
from ..relations import post_url
from ..siteplan import Part
from .view import View


def latest_posts(posts: list[Post]) -> list[Post]:
    return latest(posts, lambda post: post.item.published, post_url)


def post_item(view: View, post: Post) -> FeedItem:
    """A news item in a feed: its body as its page shows it (view.post_body)."""
    url = post_url(post)
    return FeedItem(url, post.item.title, post.item.published, post.item.description,
                    feed_content(view.post_body(post), view.site.absolute(url)), tuple(post.item.tags))


def plan(view: View) -> Part:
    site = view.site
    items = [post_item(view, post) for post in latest_posts(view.content.posts)]
    info = FeedInfo(site.site_name, site.site_description or site.site_name, urls.HOME)
    files = feed_files(items, site, urls.feeds(urls.HOME), info)
    files[urls.ROBOTS] = crawlers.robots_txt(site.site_url)
    return Part(files=files)
