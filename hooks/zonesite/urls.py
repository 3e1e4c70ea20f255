"""The address of every generated page, in one place, so that links never disagree.

Addresses are directory URLs relative to the site root ("" is the home page), ASCII, lowercase,
single hyphens, and built only from stable keys (ids, dates, file names), never from list
positions: an address does not change when unrelated content changes."""

from __future__ import annotations

import posixpath
from urllib.parse import urljoin

from slugify import slugify as _slugify


def slug(text: str) -> str:
    # Bounded: a 3,000-character tag must not become a file name the file system refuses.
    return _slugify(text, separator="-", max_length=80, word_boundary=True) or "x"


def src_uri(url: str) -> str:
    """The virtual Markdown file behind an address: `a/b/` → `a/b/index.md`."""
    return f"{url}index.md"


def relative(target: str, current: str) -> str:
    """A link from page `current` to page `target` that works under any base path."""
    target, hash_, fragment = target.partition("#")
    path = posixpath.relpath("/" + target, "/" + current)
    if target == "" or target.endswith("/"):
        path = "./" if path == "." else path + "/"
    return path + hash_ + fragment


HOME = ""
NEWS = "nieuws/"
AGENDA = "agenda/"
NEWSLETTERS = "nieuwsbrief/"
PLACES = "gemeente/"  # the zone's municipalities, when mkdocs.yml lists them
MANUAL = "handleiding/"  # the editors' manual (docs/handleiding/): in the preview's menu only
FIELD_REFERENCE = f"{MANUAL}velden/"
SEARCH = "search/"  # the theme's search index
SEARCH_DUTCH = "zoeken/"  # what a Dutch reader would type: kept free so that it can never mislead
THEME_ASSETS = "assets/"
# Files readers' software subscribes to: these addresses never change once a zone has published.
# A topic or a fiche has the same files beside its page (feeds()).
FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json", "calendar": "agenda.ics"}
RSS = FEED_FILES["rss"]
ATOM = FEED_FILES["atom"]
JSON_FEED = FEED_FILES["json"]
CALENDAR = FEED_FILES["calendar"]
# Open data: the plans and the news as JSON and CSV, with their schemas and a catalogue that open-data
# portals harvest. Portals keep these addresses: they never change once a zone has published.
DATA = "data/"
NEWS_DATA = f"{DATA}nieuws.json"
CATALOGUE = f"{DATA}catalogus.jsonld"
# What the theme's own templates link to (head, footer), as `config.extra.addresses`.
THEME = {"rss": RSS, "atom": ATOM, "json": JSON_FEED, "newsletters": NEWSLETTERS, "data": DATA}
# For crawlers, at the site root. MkDocs writes the sitemap itself, under this name.
ROBOTS = "robots.txt"
SITEMAP = "sitemap.xml"
# Where the site runs when mkdocs.yml names no site_url (a local build): absolute links need a host.
LOCAL_SITE = "http://localhost/"


def absolute(address: str, site_url: str) -> str:
    """The full address of a page or file, for what is read outside the site (feeds, calendars,
    email, the Word file, sharing tags); an address that is full already stays as it is."""
    return urljoin((site_url or LOCAL_SITE).rstrip("/") + "/", address)


def newsletter(month) -> str:
    """A month's newsletter (`month` is a YearMonth: 2025-03)."""
    return f"{NEWSLETTERS}{month}/"


def newsletter_email(month, kind: str) -> str:
    """The email of a month's newsletter, to paste into the mailing tool: `html` or `txt`."""
    return f"{newsletter(month)}email.{kind}"


def feeds(page_address: str) -> dict[str, str]:
    """The files that follow a page (the site, a topic, a fiche), by kind: `rss`, `atom`, `json`
    and `calendar`, beside the page. Readers subscribe to these: they never change once published."""
    return {kind: page_address + name for kind, name in FEED_FILES.items()}


def progress_anchors(dates: list) -> list[str]:
    """The fragment of each of a fiche's progress entries (dates in file order) on its page, from
    its date: feeds use it as the entry's id, so it must not move when other entries are added.
    A second entry on one day gets "-2"."""
    seen: dict[str, int] = {}
    anchors = []
    for date in dates:
        anchor = f"voortgang-{date.isoformat()}"
        seen[anchor] = seen.get(anchor, 0) + 1
        anchors.append(anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}")
    return anchors


def event_calendar(post_address: str) -> str:
    """One event as a calendar file, beside its news item."""
    return f"{post_address}afspraak.ics"


def data_json(plan_id: str) -> str:
    """A plan as one JSON file."""
    return f"{DATA}{plan_id}.json"


def data_csv(plan_id: str, table: str) -> str:
    """One table of a plan as CSV: `doelstellingen`, `acties`, `indicatoren`, `metingen`."""
    return f"{DATA}{plan_id}/{table}.csv"


def data_schema(kind: str) -> str:
    """The JSON Schema of one kind of data file: `beleidsplan`, `actieplan`, `nieuws`."""
    return f"{DATA}schema/{kind}.schema.json"


def policy_plan(plan_id: str) -> str:
    return f"{plan_id}/"


def strategic_objective(plan_id: str, sd_id: str) -> str:
    return f"{plan_id}/sd-{slug(sd_id)}/"


def operational_objective(plan_id: str, od_id: str) -> str:
    return f"{plan_id}/od-{slug(od_id)}/"


def appendix(plan_id: str, title: str) -> str:
    return f"{plan_id}/bijlage-{slug(title)}/"


def appendix_file(plan_id: str, file_name: str) -> str:
    """An appendix file published as is, under a safe version of its own name."""
    stem, dot, extension = file_name.rpartition(".")
    name = f"{slug(stem)}.{slug(extension)}" if dot and stem else slug(file_name)
    return f"{plan_id}/bijlagen/{name}"


def action_plan(plan_id: str) -> str:
    return f"{plan_id}/"


def timeline(plan_id: str) -> str:
    return f"{plan_id}/tijdlijn/"


def about_action_plan(plan_id: str) -> str:
    return f"{plan_id}/over-dit-plan/"


def print_view(plan_id: str) -> str:
    return f"{plan_id}/afdrukken/"


def word_file(plan_id: str) -> str:
    return f"{plan_id}/{plan_id}.docx"


def progress_report(plan_id: str) -> str:
    """The yearly progress report of an action plan, to print or save as PDF."""
    return f"{plan_id}/voortgangsrapport/"


def progress_report_word(plan_id: str) -> str:
    return f"{plan_id}/{plan_id}-voortgangsrapport.docx"


def fiche(plan_id: str, fiche_id: str) -> str:
    return f"{plan_id}/actie-{slug(fiche_id)}/"


def news_page(number: int) -> str:
    return NEWS if number == 1 else f"{NEWS}pagina-{number}/"


def news_year(year: str) -> str:
    return f"{NEWS}{year}/"


def news_month(year: str, month: str) -> str:
    return f"{NEWS}{year}/{month}/"


def post(year: str, month: str, post_slug: str) -> str:
    return f"{NEWS}{year}/{month}/{post_slug}/"


def tag(name: str) -> str:
    return f"{NEWS}onderwerp/{slug(name)}/"


def place(name: str) -> str:
    """A municipality of the zone (gemeente), by its name as mkdocs.yml writes it."""
    return f"{PLACES}{slug(name)}/"
