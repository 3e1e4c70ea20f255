"""Search and sharing metadata as search engines and link previews read it: schema.org JSON-LD checked
against the schema.org vocabulary (tests/schemaorg/) and by an independent JSON-LD processor (PyLD),
Open Graph and Twitter card tags, and a description of its own on every generated page.

One build: the example zone plus an online event whose title tries to end the <script>, an event
in a hall and on line at once, and a postponed one that says it is hybrid."""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import EXAMPLE, ROOT, build_site, make_project
from pyld import jsonld
from test_news import expired_at_build

from zonesite.checks import check_identity
from zonesite.errors import Problems
from zonesite.metadata import Metadata, attendance, place, postal_address
from zonesite.models.identity import Identity
from zonesite.settings import SiteSettings
from zonesite.dates import BRUSSELS

VOCABULARY = Path(__file__).resolve().parent / "schemaorg"
SITE_URL = "https://denderzuid.zonesite.example/"  # tests/fixtures/mkdocs.yml
BREAKOUT = '</script><script>alert("ld")</script> & <!-- "Online" vorming'
ONLINE = {"title": BREAKOUT, "date": "2025-03-10 09:00", "description": "Een vorming op afstand.",
          "tags": ["vorming"],
          "event": {"start": "2025-04-01 19:00", "end": "2025-04-01 21:00", "location": "Online via Teams",
                    "registration": "https://forms.example.org/online"}}
MIXED = {"title": "Netwerkdag in de zaal en thuis", "date": "2025-03-11", "description": "Kom langs of kijk mee.",
         "event": {"start": "2025-10-10", "end": "2025-10-11",
                   "location": "Zaal De Kouter, Kerkplein 4, Ninove en online"}}
HYBRID = {"title": "Uitgestelde netwerkdag", "date": "2025-03-12", "description": "Later, in de zaal en thuis.",
          "event": {"start": "2025-10-17", "location": "Zaal Online, Kerkplein 4, 9400 Ninove", "vorm": "hybride",
                    "link": "https://meet.example.org/netwerkdag", "status": "uitgesteld"}}


# --- the schema.org vocabulary ---------------------------------------------------------------------

class Vocabulary:
    """Classes with their superclasses, properties with their domains and ranges, enumeration members."""

    def __init__(self, graph: list[dict]):
        self.parents: dict[str, set[str]] = {}
        self.domains: dict[str, set[str]] = {}
        self.ranges: dict[str, set[str]] = {}
        self.superseded: set[str] = set()
        self.members: dict[str, set[str]] = defaultdict(set)  # enumeration member → its classes
        for node in graph:
            types = set(_ids(node.get("@type")))
            name = _name(node["@id"])
            if "rdfs:Class" in types:
                self.parents[name] = {_name(p) for p in _ids(node.get("rdfs:subClassOf"))}
            elif "rdf:Property" in types:
                self.domains[name] = {_name(d) for d in _ids(node.get("schema:domainIncludes"))}
                self.ranges[name] = {_name(r) for r in _ids(node.get("schema:rangeIncludes"))}
                if "schema:supersededBy" in node:
                    self.superseded.add(name)
            else:
                for kind in types:
                    self.members[name].add(_name(kind))

    def ancestors(self, name: str) -> set[str]:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(self.parents.get(current, ()))
        return seen

    def check(self, node: dict, path: str, ids: dict[str, dict]) -> list[str]:
        """Problems of one node and the nodes inside it: unknown types or properties, properties
        outside their type's domain, values outside a property's range."""
        problems = []
        types = node.get("@type")
        if types is None:
            return [] if set(node) <= {"@id"} else [f"{path}: a node without @type"]
        classes = [types] if isinstance(types, str) else types
        for name in classes:
            if name not in self.parents:
                problems.append(f"{path}: @type {name} is not a schema.org type")
        ancestry = set().union(*(self.ancestors(name) for name in classes))
        for key, value in node.items():
            if key.startswith("@"):
                continue
            where = f"{path}.{key}"
            if key not in self.domains:
                problems.append(f"{where}: not a schema.org property")
                continue
            if key in self.superseded:
                problems.append(f"{where}: superseded in schema.org")
            if not self.domains[key] & ancestry:
                problems.append(f"{where}: not a property of {'/'.join(classes)}")
            for number, item in enumerate(value if isinstance(value, list) else [value]):
                problems += self.check_value(item, self.ranges[key], f"{where}[{number}]", ids)
        return problems

    def check_value(self, value, expected: set[str], path: str, ids: dict[str, dict]) -> list[str]:
        if isinstance(value, dict):
            target = ids.get(value.get("@id", "")) if set(value) == {"@id"} else value
            if target is None:
                return [f"{path}: refers to {value['@id']}, which no node on the page describes"]
            types = target.get("@type")
            classes = [types] if isinstance(types, str) else types or []
            if not any(self.ancestors(name) & expected for name in classes):
                return [f"{path}: a {'/'.join(classes)} where schema.org expects {'/'.join(sorted(expected))}"]
            return self.check(value, path, ids) if value is target else []
        if isinstance(value, str):
            member = value.removeprefix("https://schema.org/")
            if member != value and any(self.ancestors(kind) & expected for kind in self.members.get(member, ())):
                return []
            if any(_data_value(kind, value) for kind in expected):
                return []
            return [f"{path}: {value!r} is no {'/'.join(sorted(expected))}"]
        return [f"{path}: {value!r} is no {'/'.join(sorted(expected))}"]


def _ids(value) -> list[str]:
    values = value if isinstance(value, list) else [value] if value is not None else []
    return [v["@id"] if isinstance(v, dict) else v for v in values]


def _name(identifier: str) -> str:
    return identifier.removeprefix("schema:")


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def _data_value(kind: str, value: str) -> bool:
    """Whether a string is a valid value of a schema.org data type."""
    if kind == "Text":
        return True
    if kind == "URL":
        parts = urlsplit(value)
        return parts.scheme in ("http", "https") and bool(parts.netloc)
    if kind == "Date":
        return bool(_DATE.match(value))
    if kind == "DateTime":
        return bool(_DATE_TIME.match(value))
    return False


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    with gzip.open(VOCABULARY / "schemaorg-current-https.jsonld.gz", "rt", encoding="utf-8") as file:
        return Vocabulary(json.load(file)["@graph"])


def nodes_of(data: dict) -> list[dict]:
    return data["@graph"] if "@graph" in data else [data]


# What Google's rich results need (developers.google.com/search/docs/appearance/structured-data):
# an article's image is recommended, not required; an event needs a place or a virtual location.
REQUIRED = {"NewsArticle": {"headline", "datePublished"}, "Event": {"name", "startDate", "location"},
            "Organization": {"name", "url"}}


def validate(vocabulary: Vocabulary, data: dict, where: str) -> list[str]:
    assert data.get("@context") == "https://schema.org", where
    nodes = nodes_of(data)
    ids = {node["@id"]: node for node in nodes if "@id" in node}
    missing = [f"{where}#{number}: {node['@type']} without {name}" for number, node in enumerate(nodes)
               for name in sorted(REQUIRED.get(node["@type"], set()) - set(node))]
    return missing + [problem for number, node in enumerate(nodes)
                      for problem in vocabulary.check(node, f"{where}#{number}", ids)]


# --- the site ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("metadata")
    project = make_project(base / "project", EXAMPLE / "plans", EXAMPLE / "news")
    for name, fields in (("2025-03-10-online.md", ONLINE), ("2025-03-11-gemengd.md", MIXED),
                         ("2025-03-12-hybride.md", HYBRID)):
        path = project / "news" / "2025" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump(fields, allow_unicode=True) + "---\n\nTekst.\n", encoding="utf-8")
    return build_site(project, base / "site")


@functools.cache
def parsed(path: Path) -> dict[str, BeautifulSoup]:
    """Every page of the site at `path` by address ("" is the home page), parsed once."""
    return {("" if file.parent == path else file.parent.relative_to(path).as_posix() + "/"):
            BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser") for file in path.rglob("index.html")}


@pytest.fixture(scope="module")
def html(site) -> dict[str, BeautifulSoup]:
    return parsed(site.path)


def structured(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in soup.find_all("script", type="application/ld+json")]


def docs_pages(site) -> set[str]:
    """Addresses of the hand-written pages (docs/); every other page is generated."""
    docs = site.project / "docs"
    return {re.sub(r"(^|/)index/$", r"\1", md.relative_to(docs).with_suffix("").as_posix() + "/")
            for md in docs.rglob("*.md")}


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


# --- JSON-LD --------------------------------------------------------------------------------------

def test_every_page_type_has_valid_schema_org(site, html, vocabulary):
    kinds: Counter[str] = Counter()
    for url, soup in html.items():
        for data in structured(soup):
            assert validate(vocabulary, data, url or "home") == []
            kinds.update(node["@type"] for node in nodes_of(data))
    news = list((EXAMPLE / "news").rglob("*.md"))
    items = [front_matter(path) for path in news if "nieuwsbrief" not in path.parts] + [ONLINE, MIXED, HYBRID]
    fiches = list((EXAMPLE / "plans").rglob("fiches/*.yml"))
    assert kinds == {"Organization": 1, "WebSite": 1, "NewsArticle": len(items),
                     "Event": sum("event" in item for item in items), "Action": len(fiches)}


# An event's `status` in schema.org's words (https://schema.org/EventStatusType).
EVENT_STATUS = {None: "EventScheduled", "geannuleerd": "EventCancelled", "uitgesteld": "EventPostponed"}


def test_news_and_events_carry_what_google_requires(html):
    found, statuses = 0, set()
    for path in [p for p in (EXAMPLE / "news").rglob("*.md") if "nieuwsbrief" not in p.parts]:
        item = front_matter(path)
        day = path.name[:10]
        url = f"nieuws/{day[:4]}/{day[5:7]}/{path.stem[11:]}/"
        nodes = {node["@type"]: node for data in structured(html[url]) for node in nodes_of(data)}
        article = nodes["NewsArticle"]
        assert article["headline"] == item["title"] and article["description"] == item["description"]
        published = dt.datetime.fromisoformat(article["datePublished"])
        assert published.utcoffset() == published.astimezone(BRUSSELS).utcoffset()  # Brussels time
        assert published.date().isoformat() == str(item["date"])[:10]
        assert article["mainEntityOfPage"] == SITE_URL + url
        assert article["author"]["name"] == "Eerstelijnszone Dender Zuid"
        if "image" in item:
            assert article["image"] == SITE_URL + url + Path(item["image"]["src"]).name
        assert article.get("expires") == (str(item["expires"]) if "expires" in item else None)  # a bare date
        if "event" in item:
            found += 1
            event, spec = nodes["Event"], item["event"]
            mode = {"online": "Online", "hybride": "Mixed"}.get(spec.get("vorm"), "Offline")
            assert event["name"] == item["title"]
            assert event["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
            if mode == "Online":
                assert event["location"] == {"@type": "VirtualLocation", "url": spec["link"]}
            else:
                hall, _, address = spec["location"].partition(", ")  # "Zaal X, Straat 1, Gemeente"
                assert (event["location"]["name"], event["location"]["address"]) == (hall, address)
            assert event["eventStatus"] == "https://schema.org/" + EVENT_STATUS[spec.get("status")]
            statuses.add(spec.get("status"))
            start = item["event"]["start"]  # a date, or "2024-06-22 09:30": Brussels time
            expected = start.isoformat() if type(start) is dt.date else \
                dt.datetime.fromisoformat(str(start)).replace(tzinfo=BRUSSELS).isoformat()
            assert event["startDate"] == expected
    assert found >= 3 and "geannuleerd" in statuses


def test_online_and_mixed_events(html):
    online = {node["@type"]: node for node in nodes_of(structured(html["nieuws/2025/03/online/"])[0])}["Event"]
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://forms.example.org/online"}
    assert online["startDate"] == "2025-04-01T19:00:00+02:00"  # summer time in Brussels
    mixed = {node["@type"]: node for node in nodes_of(structured(html["nieuws/2025/03/gemengd/"])[0])}["Event"]
    assert mixed["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in mixed["location"]] == ["Place", "VirtualLocation"]
    assert (mixed["startDate"], mixed["endDate"]) == ("2025-10-10", "2025-10-11")
    # Said in so many words: `vorm` and `link` win over what the location text suggests.
    hybrid = {node["@type"]: node for node in nodes_of(structured(html["nieuws/2025/03/hybride/"])[0])}["Event"]
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert hybrid["location"][1] == {"@type": "VirtualLocation", "url": HYBRID["event"]["link"]}
    assert hybrid["location"][0]["name"] == "Zaal Online"
    assert hybrid["eventStatus"] == "https://schema.org/EventPostponed"


@pytest.mark.parametrize("location, mode", [
    ("Zaal Het Anker, Kerkstraat 20, Geraardsbergen", "Offline"), ("Online", "Online"),
    ("online, via Zoom", "Online"), ("Webinar (Teams)", "Online"), ("Digitaal", "Online"),
    ("Cultuurzaal De Oude Post, Geraardsbergen of online", "Mixed"), ("Zaal Teamsport, Ninove", "Offline")])
def test_attendance_mode_from_the_location(location, mode):
    assert attendance(location) == mode


def test_a_place_is_a_name_and_an_address():
    assert place("Zaal De Kouter, Kerkplein 4, 9400 Ninove") == {
        "@type": "Place", "name": "Zaal De Kouter", "address": {
            "@type": "PostalAddress", "streetAddress": "Kerkplein 4", "postalCode": "9400",
            "addressLocality": "Ninove", "addressCountry": "BE"}}
    assert place("Kerkplein 4, Ninove") == {"@type": "Place", "name": "Kerkplein 4, Ninove",
                                            "address": "Kerkplein 4, Ninove"}


def test_a_title_cannot_end_the_script(site, html):
    page = (site.path / "nieuws/2025/03/online/index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    assert len(scripts) == 1 and "<" not in scripts[0] and ">" not in scripts[0] and "&" not in scripts[0]
    article = nodes_of(json.loads(scripts[0]))[0]
    assert article["headline"] == BREAKOUT  # the reader gets the title back exactly
    # The page has exactly the scripts of every other page: the title's script is text, not an element.
    assert len(html["nieuws/2025/03/online/"].find_all("script")) == \
        len(html["nieuws/2025/03/gemengd/"].find_all("script"))
    assert 'alert("ld")' not in " ".join(s.get_text() for s in html["nieuws/2025/03/online/"].find_all("script")
                                          if s.get("type") != "application/ld+json")


def test_the_zone_on_the_home_page(html):
    config = yaml.safe_load((ROOT / "tests" / "fixtures" / "mkdocs.yml").read_text(encoding="utf-8"))
    zone = config["extra"]["zone"]
    nodes = {node["@type"]: node for node in nodes_of(structured(html[""])[0])}
    organization = nodes["Organization"]
    assert (organization["name"], organization["email"], organization["telephone"]) == \
        (zone["name"], zone["email"], zone["phone"])
    assert organization["address"] == postal_address(zone["address"])
    street, _, town = zone["address"].partition(", ")
    assert organization["address"]["streetAddress"] == street and town.endswith(organization["address"]["addressLocality"])
    assert nodes["WebSite"]["url"] == SITE_URL


def test_fiches_are_actions(html):
    for path in (EXAMPLE / "plans").rglob("fiches/*.yml"):
        fiche = yaml.safe_load(path.read_text(encoding="utf-8"))
        plan = path.parent.parent.name
        found = [node for soup in [html[url] for url in html if url.startswith(f"{plan}/actie-")]
                 for data in structured(soup) for node in nodes_of(data)
                 if node["name"] == f"Actie {fiche['id']}. {fiche['titel']}"]
        assert len(found) == 1, path
        action = found[0]
        assert action["agent"]["name"] == fiche["met_wie"]["trekker"]
        if "status" in fiche:
            expected = {"gepland": "Potential", "uitgesteld": "Potential", "lopend": "Active",
                        "afgerond": "Completed", "stopgezet": "Failed"}[fiche["status"]]
            assert action["actionStatus"] == f"https://schema.org/{expected}ActionStatus"


def test_the_check_fails_on_what_schema_org_does_not_allow(html, vocabulary):
    article = next(data for data in structured(html["nieuws/2025/03/online/"]))
    good = json.loads(json.dumps(article))
    assert validate(vocabulary, good, "good") == []
    wrong_property = json.loads(json.dumps(article))
    wrong_property["@graph"][0]["startDate"] = "2025-04-01"  # an Event's property on the NewsArticle
    assert any("startDate: not a property of NewsArticle" in p for p in validate(vocabulary, wrong_property, "x"))
    incomplete = json.loads(json.dumps(article))
    del incomplete["@graph"][1]["location"]
    assert any("Event without location" in p for p in validate(vocabulary, incomplete, "x"))
    unknown = json.loads(json.dumps(article))
    unknown["@graph"][1]["venue"] = "Zaal"
    assert any("venue: not a schema.org property" in p for p in validate(vocabulary, unknown, "x"))
    wrong_type = json.loads(json.dumps(article))
    wrong_type["@graph"][1]["@type"] = "Happening"
    assert any("Happening is not a schema.org type" in p for p in validate(vocabulary, wrong_type, "x"))
    wrong_range = json.loads(json.dumps(article))
    wrong_range["@graph"][1]["startDate"] = "1 april 2025"
    wrong_range["@graph"][1]["organizer"] = {"@type": "Place", "name": "Zaal"}
    wrong_range["@graph"][1]["eventStatus"] = "https://schema.org/CompletedActionStatus"
    problems = validate(vocabulary, wrong_range, "x")
    assert len([p for p in problems if "startDate" in p or "organizer" in p or "eventStatus" in p]) == 3, problems


def test_an_independent_json_ld_processor_reads_every_page(html):
    with gzip.open(VOCABULARY / "schemaorgcontext.jsonld.gz", "rt", encoding="utf-8") as file:
        context = json.load(file)

    def loader(url, options=None):
        # The only remote document a page names is schema.org's context; the test runs off line.
        assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
        return {"contextUrl": None, "documentUrl": url, "document": context}

    checked = 0
    for url, soup in html.items():
        for data in structured(soup):
            expanded = jsonld.expand(data, {"documentLoader": loader})
            types = {t for node in _flatten(expanded) for t in node.get("@type", [])}
            assert types == {"http://schema.org/" + name for name in _compact_types(data)}, url
            quads = jsonld.to_rdf(data, {"documentLoader": loader, "format": "application/n-quads"})
            assert quads.count("\n") >= sum(len(node) - 1 for node in nodes_of(data)), url
            checked += 1
    assert checked > 20


def _compact_types(value) -> set[str]:
    if isinstance(value, list):
        return set().union(*map(_compact_types, value)) if value else set()
    if isinstance(value, dict):
        own = {value["@type"]} if "@type" in value else set()
        return own.union(*(_compact_types(v) for k, v in value.items() if k != "@type"))
    return set()


def _flatten(expanded: list) -> list[dict]:
    nodes = []
    for node in expanded:
        if isinstance(node, dict):
            nodes.append(node)
            for key, values in node.items():
                if not key.startswith("@") or key == "@graph":
                    nodes += _flatten(values if isinstance(values, list) else [values])
    return [n for n in nodes if "@type" in n and "@value" not in n]  # typed values (dates) are no nodes


# --- Open Graph and Twitter cards ----------------------------------------------------------------

def tags(soup: BeautifulSoup) -> dict[str, str]:
    found = {meta["property"]: meta["content"] for meta in soup.find_all("meta", property=True)}
    found.update({meta["name"]: meta["content"] for meta in soup.find_all("meta", attrs={"name": re.compile("^twitter:")})})
    return found


def test_every_page_shares_with_title_text_and_image(site, html):
    config = yaml.safe_load((ROOT / "tests" / "fixtures" / "mkdocs.yml").read_text(encoding="utf-8"))
    for url, soup in html.items():
        card = tags(soup)
        description = soup.find("meta", attrs={"name": "description"})["content"]
        assert card["og:description"] == card["twitter:description"] == description, url
        assert card["og:url"] == soup.find("link", rel="canonical")["href"] == SITE_URL + url
        assert card["og:locale"] == "nl_BE" and card["og:site_name"] == config["site_name"]
        assert card["twitter:card"] == "summary_large_image" and card["twitter:image"] == card["og:image"]
        assert card["og:title"] == card["twitter:title"] and card["og:title"].strip(), url
        image = urlsplit(card["og:image"])
        assert card["og:image"].startswith(SITE_URL) and (site.path / image.path.lstrip("/")).is_file(), url
        assert card["og:image:alt"].strip()
        assert card["og:type"] == ("article" if re.match(r"nieuws/\d{4}/\d{2}/[^/]+/$", url) else "website"), url
    assert tags(html["over/"])["og:title"] == "Over deze site"
    assert tags(html["over/"])["og:description"] == config["site_description"]


def test_news_items_share_their_own_image(html):
    for path in [p for p in (EXAMPLE / "news").rglob("*.md") if "nieuwsbrief" not in p.parts]:
        item = front_matter(path)
        url = f"nieuws/{path.name[:4]}/{path.name[5:7]}/{path.stem[11:]}/"
        card = tags(html[url])
        assert card["og:title"] == item["title"]
        if "image" in item:
            assert card["og:image"] == SITE_URL + url + Path(item["image"]["src"]).name
            assert card["og:image:alt"] == item["image"]["alt"]
        else:
            assert card["og:image"] == SITE_URL + "assets/deelbeeld.png"
            assert (card["og:image:width"], card["og:image:height"]) == ("1200", "630")
    assert tags(html["nieuws/2025/03/online/"])["og:title"] == BREAKOUT  # escaped in the attribute, read back whole


# --- descriptions ----------------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["example", "noord-limburg", "regio-aalst", "zuidoost-hageland"])
def any_zone(request, site, fixture_site):
    """The example (with the events above) and the real plans of three other zones."""
    return site if request.param == "example" else fixture_site(request.param)


def test_every_zone_has_valid_schema_org(any_zone, vocabulary):
    found = 0
    for url, soup in parsed(any_zone.path).items():
        for data in structured(soup):
            assert validate(vocabulary, data, url or "home") == []
            found += 1
    assert found >= 1


def test_every_generated_page_has_a_description_of_its_own(any_zone):
    config = yaml.safe_load((ROOT / "tests" / "fixtures" / "mkdocs.yml").read_text(encoding="utf-8"))
    site, html = any_zone, parsed(any_zone.path)
    hand_written = docs_pages(site)
    descriptions: dict[str, list[str]] = defaultdict(list)
    for url, soup in html.items():
        if url in hand_written:
            continue
        description = soup.find("meta", attrs={"name": "description"})["content"]
        if url:
            assert description != config["site_description"], url
        assert len(description) >= 20, (url, description)
        descriptions[description].append(url)
    assert len(descriptions) > 20
    assert {text: urls for text, urls in descriptions.items() if len(urls) > 1} == {}


def test_tag_pages_say_how_many_items(html):
    counts: Counter[str] = Counter()
    for path in [p for p in (EXAMPLE / "news").rglob("*.md") if "nieuwsbrief" not in p.parts]:
        if not expired_at_build(front_matter(path)):  # an expired item is on no topic page
            counts.update({tag.lower() for tag in front_matter(path).get("tags", [])})
    counts.update(["vorming"])  # the online event above
    for tag, number in counts.items():
        pages = [soup for url, soup in html.items() if url.startswith("nieuws/onderwerp/")
                 and soup.find("h1").contents[0].strip().lower() == f"nieuws over {tag}"]
        assert len(pages) == 1, tag
        description = pages[0].find("meta", attrs={"name": "description"})["content"]
        assert description.lower() == f"nieuws over {tag}: {number} {'bericht' if number == 1 else 'berichten'}."


def test_a_zone_can_share_its_own_image():
    zone = Identity(name="Eerstelijnszone Proef", share_image="assets/zone.png")
    card = Metadata(SiteSettings(site_url="https://proef.example/zone/"), zone).share("nieuws/", "Nieuws", "Het nieuws.")
    assert card["og:image"] == "https://proef.example/zone/assets/zone.png"
    assert "og:image:width" not in card  # the size of the zone's own image is not known
    problems = Problems()
    assert check_identity(SiteSettings(zone={"name": "Proef", "share_image": "javascript:alert(1)"}), problems) is None
    assert [(p.field, p.message.split(" — ")[0]) for p in problems.items] == [
        ("extra.zone.share_image", "'javascript:alert(1)' is geen beeld dat een link kan tonen")]
