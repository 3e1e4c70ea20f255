"""What search engines and link previews read: schema.org JSON-LD, Open Graph and Twitter card tags,
and a description of its own for every generated page. MkDocs-free: plain dicts and strings.

The dicts go into a page's front matter (`jsonld`, `share`); overrides/partials/zonesite-meta.html
prints them (the JSON-LD through Jinja's `tojson`, safe inside <script>)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .content import Post
from .dates import long_date, moment_start
from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.identity import Identity
from .models.news import Event
from .models.policy import OperationalObjective, PolicyPlan, StrategicObjective
from .settings import SiteSettings

# The share image of a zone that set none of its own (overrides/assets/, copied into every site).
DEFAULT_IMAGE = "assets/deelbeeld.png"
DEFAULT_IMAGE_SIZE = (1200, 630)  # what Facebook, LinkedIn and Teams crop link previews to
LANGUAGE = "nl-BE"
SCHEMA = "https://schema.org"

# Inside <script> the HTML parser ends at `</script>` and acts on `<!--`, whatever JSON means:
# these characters are written as JSON escapes, which any JSON-LD reader turns back into them.
def moment(value: dt.date | dt.datetime) -> str:
    """A date as is; a time with its Brussels offset (`2025-05-17T19:00:00+02:00`)."""
    return value.isoformat()


# A fiche's status in schema.org's words. Postponed work has not started: it is still potential.
ACTION_STATUS = {
    "gepland": "PotentialActionStatus",
    "uitgesteld": "PotentialActionStatus",
    "lopend": "ActiveActionStatus",
    "afgerond": "CompletedActionStatus",
    "stopgezet": "FailedActionStatus",
}

# An event's `status` and `vorm` in schema.org's words; no status: it takes place as announced.
EVENT_STATUS = {None: "EventScheduled", "geannuleerd": "EventCancelled", "uitgesteld": "EventPostponed"}
FORM_MODE = {"ter plaatse": "Offline", "online": "Online", "hybride": "Mixed"}

# How editors wrote that an event happens on line before `vorm` existed (in the `location` text).
_ONLINE = re.compile(r"\b(online|on-line|webinar|digitaal|virtueel|livestream|teams|zoom|webex)\b", re.I)
# Words that only say how one takes part, not where: "online via Teams" is no place.
_NOT_A_PLACE = re.compile(r"\b(via|live|en|of|ook|met|op)\b|[\s()\-–—:;.]", re.I)


def attendance(location: str) -> str:
    """Offline, Online or Mixed, from the location text: "online" or "via Teams" alone is on line,
    with a hall or street beside it ("Zaal De Kouter, Ninove en online") both."""
    if not _ONLINE.search(location):
        return "Offline"
    rest = _NOT_A_PLACE.sub("", _ONLINE.sub("", location))
    return "Mixed" if rest.strip(",/+&") else "Online"


_BELGIAN_ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<code>[1-9]\d{3})\s+(?P<town>[^,]+)$")


def postal_address(address: str) -> dict[str, str] | str:
    """"Stationsplein 1, 9500 Geraardsbergen" as its parts; any other way of writing it as text."""
    match = _BELGIAN_ADDRESS.match(" ".join(address.split()))
    if not match:
        return address
    return {"@type": "PostalAddress", "streetAddress": match["street"], "postalCode": match["code"],
            "addressLocality": match["town"].strip(), "addressCountry": "BE"}


def place(location: str) -> dict[str, Any]:
    """A hall's name before the first comma, where it is after it ("Zaal Het Anker, Kerkstraat 20,
    Geraardsbergen"); a location that starts with a street is all address."""
    name, comma, rest = location.partition(",")
    if not comma or any(character.isdigit() for character in name):
        return {"@type": "Place", "name": location, "address": postal_address(location)}
    return {"@type": "Place", "name": name.strip(), "address": postal_address(rest.strip())}


class Metadata:
    """Absolute addresses and the zone as publisher, for every page of one site."""

    def __init__(self, site: SiteSettings, identity: Identity):
        self.site = site
        self.base = site.absolute("")
        self.site_name = site.site_name or identity.name
        self.identity = identity
        self.image = self.site.absolute(identity.share_image or DEFAULT_IMAGE)

    def organization(self) -> dict[str, Any]:
        zone = self.identity
        data: dict[str, Any] = {"@type": "Organization", "@id": self.base + "#zone", "name": zone.name,
                                "url": self.base}
        if zone.logo:
            data["logo"] = self.site.absolute(zone.logo)
        if zone.email:
            data["email"] = zone.email
        if zone.phone:
            data["telephone"] = zone.phone
        if zone.address:
            data["address"] = postal_address(zone.address)
        return data

    def publisher(self) -> dict[str, Any]:
        """The zone as author, publisher or organiser: named, and pointing at its full entry on the home page."""
        return {"@type": "Organization", "@id": self.base + "#zone", "name": self.identity.name, "url": self.base}

    def home(self) -> dict[str, Any]:
        """The zone, and the site as its WebSite (the name search engines show for the site)."""
        website = {"@type": "WebSite", "@id": self.base + "#site", "name": self.site_name, "url": self.base,
                   "inLanguage": LANGUAGE, "publisher": {"@id": self.base + "#zone"}}
        return {"@context": SCHEMA, "@graph": [self.organization(), website]}

    def news_article(self, url: str, title: str, description: str, published: dt.datetime,
                     image: str = "") -> dict[str, Any]:
        page = self.site.absolute(url)
        data: dict[str, Any] = {
            "@type": "NewsArticle", "@id": page + "#bericht", "headline": title, "description": description,
            "datePublished": moment(published), "inLanguage": LANGUAGE, "url": page,
            "mainEntityOfPage": page, "author": self.publisher(), "publisher": self.publisher()}
        if image:
            data["image"] = self.site.absolute(image)
        return data

    def event(self, url: str, title: str, description: str, event: Event, image: str = "") -> dict[str, Any]:
        page = self.site.absolute(url)
        mode = FORM_MODE[event.form] if event.form else attendance(event.location or "")
        places = []
        if mode != "Online":
            places.append(place(event.location))
        if mode != "Offline":
            # Where to take part; content from before `vorm` has no link: where to register, else the item.
            places.append({"@type": "VirtualLocation", "url": event.link or event.registration or page})
        data: dict[str, Any] = {
            "@type": "Event", "@id": page + "#activiteit", "name": title, "description": description,
            "startDate": moment(event.start), "location": places[0] if len(places) == 1 else places,
            "eventAttendanceMode": f"{SCHEMA}/{mode}EventAttendanceMode",
            "eventStatus": f"{SCHEMA}/{EVENT_STATUS[event.status]}", "organizer": self.publisher(), "url": page,
            "inLanguage": LANGUAGE}
        if event.end is not None:
            data["endDate"] = moment(event.end)
        if image:
            data["image"] = self.site.absolute(image)
        return data

    def post(self, url: str, title: str, description: str, date: dt.date | dt.datetime,
             event: Event | None, image: str = "", expires: dt.date | dt.datetime | None = None) -> dict[str, Any]:
        """A news item; an event is both the article that announces it and the event itself."""
        article = self.news_article(url, title, description, moment_start(date), image)
        if expires is not None:  # schema.org's own word for "no longer current after"
            article["expires"] = moment(expires)
        if event is None:
            return {"@context": SCHEMA, **article}
        happening = self.event(url, title, description, event, image)
        article["about"] = {"@id": happening["@id"]}
        return {"@context": SCHEMA, "@graph": [article, happening]}

    def fiche(self, url: str, fiche: Fiche, description: str) -> dict[str, Any]:
        """A fiche as an `Action`: schema.org's type for something an agent does, with a status.

        Why not `Project`: it is still in schema.org's pending area and a subtype of Organization (a
        fiche is no organisation). `CreativeWork` would describe the page, not the work. Google shows
        no rich result for any of the three, so the choice is the stable type that says what a fiche
        is: an action of the zone, led by its trekker, with partners, planned, running or done.
        A fiche's period is in months; Action's times are moments, so none is invented here."""
        page = self.site.absolute(url)
        data: dict[str, Any] = {"@context": SCHEMA, "@type": "Action", "@id": page + "#actie",
                                "name": fiche.heading, "description": description, "url": page,
                                "mainEntityOfPage": page,
                                "agent": {"@type": "Organization", "name": fiche.with_whom.lead}}
        if fiche.status:
            data["actionStatus"] = f"{SCHEMA}/{ACTION_STATUS[fiche.status]}"
        if fiche.with_whom.stakeholders:
            data["participant"] = [{"@type": "Organization", "name": partner.name}
                                   for partner in fiche.with_whom.stakeholders]
        return data

    def share(self, url: str, title: str, description: str, kind: str = "website", image: str = "",
              image_alt: str = "", published: dt.datetime | None = None) -> dict[str, str]:
        """Open Graph and Twitter card tags: property → content, unescaped (the template escapes)."""
        tags = {"og:type": kind, "og:title": title, "og:description": description,
                "og:url": self.site.absolute(url), "og:site_name": self.site_name, "og:locale": "nl_BE"}
        if image:
            tags.update({"og:image": self.site.absolute(image), "og:image:alt": image_alt})
        else:
            width, height = DEFAULT_IMAGE_SIZE
            tags.update({"og:image": self.image, "og:image:alt": self.site_name})
            if not self.identity.share_image:  # a zone's own image has a size we do not know
                tags.update({"og:image:width": str(width), "og:image:height": str(height)})
        if published is not None:
            tags["article:published_time"] = moment(published)
        tags.update({"twitter:card": "summary_large_image", "twitter:title": title,
                     "twitter:description": description, "twitter:image": tags["og:image"],
                     "twitter:image:alt": tags["og:image:alt"]})
        return tags


def count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def shorten(text: str, limit: int = 200) -> str:
    """At most `limit` characters, cut between words: search results show about this much."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def about_plan(plan: ActionPlan, zone: str) -> str:
    """What the "Over dit plan" page of an action plan holds, naming only the parts it has."""
    parts = [name for name, present in (
        ("de inleiding", plan.introduction), ("de communicatie naar doelgroepen", plan.communication_audiences),
        ("het functioneren als netwerkorganisatie", plan.network_organisation),
        (count(len(plan.other_actions), "andere actie", "andere acties"), plan.other_actions),
        (count(len(plan.appendices), "bijlage", "bijlagen"), plan.appendices),
        ("de versies", plan.versions)) if present]
    listed = ", ".join(parts[:-1]) + " en " + parts[-1] if len(parts) > 1 else "".join(parts)
    return f"Over {plan.title} van {zone}" + (f": {listed}." if listed else ".")


def _objectives(number: int) -> str:
    return count(number, "operationele doelstelling", "operationele doelstellingen")


def _actions(number: int) -> str:
    return f"{count(number, 'actie', 'acties')} in de actieplannen" if number else "nog geen acties in de actieplannen"


def policy_plan(plan: PolicyPlan) -> str:
    objectives = plan.strategic_objectives
    text = f"{plan.label} van {plan.zone}, met {count(len(objectives), 'strategische doelstelling', 'strategische doelstellingen')}"
    operational = sum(len(sd.operational_objectives) for sd in objectives)
    return text + (f" en {_objectives(operational)}." if operational else ".")


def strategic_objective(plan: PolicyPlan, sd: StrategicObjective, actions: int) -> str:
    parts = [_objectives(len(sd.operational_objectives))] if sd.operational_objectives else []
    summary = ", ".join(parts + [_actions(actions)])
    return shorten(f"Strategische doelstelling {sd.id} van het {plan.label}: {sd.title}. {summary[0].upper()}{summary[1:]}.")


def operational_objective(plan: PolicyPlan, od: OperationalObjective, actions: int) -> str:
    summary = _actions(actions)
    return shorten(f"Operationele doelstelling {od.id} van het {plan.label}: {od.title}. {summary[0].upper()}{summary[1:]}.")


def news_list(heading: str, posts: list[Post]) -> str:
    """"Nieuws van <zone> uit 2025: 4 berichten, van 3 februari 2025 tot 20 juni 2025."""
    dates = sorted(post.item.published for post in posts)
    span = ""
    if dates and long_date(dates[0]) != long_date(dates[-1]):
        span = f", van {long_date(dates[0])} tot {long_date(dates[-1])}"
    elif dates:
        span = f", op {long_date(dates[0])}"
    if not posts:
        return f"{heading}: nog geen berichten."
    return f"{heading}: {count(len(posts), 'bericht', 'berichten')}{span}."
