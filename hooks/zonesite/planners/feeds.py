"""What software reads besides the pages: the news as RSS and Atom, and robots.txt."""

from __future__ import annotations

from .. import crawlers, urls
from ..feeds import feed_files
from ..relations import post_url
from ..siteplan import Part
from .view import View


def plan(view: View) -> Part:
    posts = [(post_url(post), post) for post in view.content.posts]
    bodies = {url: view.post_body(post) for url, post in posts}
    files = feed_files(posts, bodies, view.site)
    files[urls.ROBOTS] = crawlers.robots_txt(view.site.site_url)
    return Part(files=files)
