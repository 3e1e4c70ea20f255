"""The feeds pass the W3C Feed Validation Service's rules, checked by an independent implementation.

The validator itself (w3c/feedvalidator) is not on PyPI, so the rules that matter for these feeds
are written out here with lxml, each named after the validator's message, whose explanation is at
https://validator.w3.org/feed/docs/error/<name>.html or …/docs/warning/<name>.html; the rules follow
the validator's source (w3c/feedvalidator, src/feedvalidator/). Where the validator is lenient
(which CSS it allows, which links it scans) this check is stricter. feedparser then reads the feeds
as readers do. A self-test feeds the check the Atom the site had before (content type "CDATA", no
author) and expects exactly what the validator reported for it: the check can fail."""

from __future__ import annotations

import email.utils
import re
from urllib.parse import urlsplit

import feedparser
import lxml.html
import pytest
import yaml
from lxml import etree

from conftest import TEST_CONFIG
from zonesite.feeds import FeedInfo, build_feed
from zonesite.settings import SiteSettings

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
CONFIG = yaml.safe_load(TEST_CONFIG.read_text(encoding="utf-8"))
SITE_URL = CONFIG["site_url"]
ZONE = CONFIG["extra"]["zone"]

# docs/error/InvalidMIMEType: the validator's own pattern for a MIME type.
MIME = re.compile(r'[^\s()<>,;:\"/[\]?=]+/[^\s()<>,;:\"/[\]?=]+(\s*;\s*[^\s()<>,;:\"/[\]?=]+=("(\"|[^"])*"|[^\s()<>,;:\"/[\]?=]+))*$')
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")
# docs/warning/SecurityRisk: HTML elements the validator accepts as markup but flags as unsafe.
UNSAFE_ELEMENTS = {"applet", "base", "basefont", "comment", "embed", "frame", "frameset", "head", "html",
                   "iframe", "isindex", "link", "listing", "meta", "noframes", "object", "param",
                   "plaintext", "script", "slot", "style", "title", "xmp"}
# docs/warning/ContainsUndeclaredHTML: an end tag in what is declared as plain text.
HTML_END_TAG = re.compile(r"</(\w+)>")


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def error(self, message: str) -> None:
        self.errors.append(message)

    def warning(self, message: str) -> None:
        self.warnings.append(message)


def _absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return bool(parts.scheme) and (bool(parts.netloc) or parts.scheme in ("urn", "tag", "mailto"))


def _html(markup: str, where: str, report: Report) -> None:
    """Escaped HTML in a feed: safe elements and attributes, and only absolute addresses
    (docs/warning/SecurityRisk, SecurityRiskAttr, DangerousStyleAttr, ContainsRelRef)."""
    if not markup.strip():
        return
    for element in lxml.html.fragments_fromstring(markup, no_leading_text=False):
        if not isinstance(element, lxml.html.HtmlElement):
            continue
        for node in element.iter():
            if not isinstance(node.tag, str):
                continue
            if node.tag.lower() in UNSAFE_ELEMENTS:
                report.warning(f"{where}: SecurityRisk <{node.tag}>")
            for name in node.attrib:
                if name.lower().startswith("on") or name.lower() == "style":
                    report.warning(f"{where}: SecurityRiskAttr {name}")
            for name in ("href", "src"):
                if node.get(name) is not None and not re.match(r"\w+:", node.get(name).strip()):
                    report.warning(f"{where}: ContainsRelRef {node.get(name)}")


def _plain(text: str, where: str, report: Report) -> None:
    if HTML_END_TAG.search(text):
        report.warning(f"{where}: ContainsUndeclaredHTML")


def _one(parent, tag: str, where: str, report: Report):
    found = parent.findall(tag)
    if not found:
        report.error(f"{where}: MissingElement {tag}")
    elif len(found) > 1:
        report.error(f"{where}: DuplicateElement {tag}")
    return found[0] if found else None


def _text_construct(element, where: str, report: Report, content: bool = False) -> None:
    """docs/error/InvalidMIMEType, InvalidTextType, UndefinedElement; docs/warning/NotBlank."""
    kind = element.get("type", "text")
    if element.get("src") is not None:
        return
    if kind not in ("text", "html", "xhtml") and not (content and MIME.match(kind)):
        report.error(f"{where}: {'InvalidMIMEType' if content else 'InvalidTextType'} {kind}")
    if len(element) and kind != "xhtml":
        report.error(f"{where}: UndefinedElement")
    text = element.text or ""
    if kind == "html":
        _html(text, where, report)
    elif kind != "xhtml":
        _plain(text, where, report)
    if not text.strip() and not len(element):
        report.warning(f"{where}: NotBlank")


def _date(element, where: str, report: Report) -> None:
    if element is not None and not RFC3339.match(element.text or ""):
        report.error(f"{where}: InvalidRFC3339Date {element.text}")


def _person(element, where: str, report: Report) -> None:
    _one(element, ATOM + "name", where, report)
    address = element.find(ATOM + "email")
    if address is not None and not EMAIL.match(address.text or ""):
        report.error(f"{where}: InvalidContact {address.text}")


def check_atom(data: bytes, self_url: str) -> Report:
    """RFC 4287 as the validator applies it, plus its advice (self link, duplicates, HTML)."""
    report = Report()
    feed = etree.fromstring(data)
    if feed.tag != ATOM + "feed":
        report.error(f"UndefinedElement {feed.tag}")
        return report
    if not LANGUAGE.match(feed.get("{http://www.w3.org/XML/1998/namespace}lang", "")):
        report.warning("feed xml:lang: MissingDCLanguage")
    feed_id = _one(feed, ATOM + "id", "feed", report)
    if feed_id is not None and not _absolute(feed_id.text):
        report.error("feed: InvalidFullLink id")
    for name in ("title", "subtitle", "rights"):
        for element in feed.findall(ATOM + name):
            _text_construct(element, f"feed {name}", report)
    _one(feed, ATOM + "title", "feed", report)
    _date(_one(feed, ATOM + "updated", "feed", report), "feed updated", report)
    feed_authors = feed.findall(ATOM + "author")
    for author in feed_authors:
        _person(author, "feed author", report)
    links = feed.findall(ATOM + "link")
    selves = [link for link in links if link.get("rel") == "self"]
    if not selves:
        report.warning("MissingSelf")
    elif selves[0].get("href") != self_url:
        report.warning(f"SelfDoesntMatchLocation {selves[0].get('href')}")
    for link in links:
        if not _absolute(link.get("href")):
            report.warning(f"feed link: relative {link.get('href')}")
    ids, updates = set(), set()
    for number, entry in enumerate(feed.findall(ATOM + "entry"), start=1):
        where = f"entry {number}"
        entry_id = _one(entry, ATOM + "id", where, report)
        if entry_id is not None:
            if not _absolute(entry_id.text):
                report.error(f"{where}: InvalidFullLink id {entry_id.text}")
            if entry_id.text in ids:
                report.warning(f"{where}: DuplicateEntries")
            ids.add(entry_id.text)
        title = _one(entry, ATOM + "title", where, report)
        if title is not None:
            _text_construct(title, f"{where} title", report)
        updated = _one(entry, ATOM + "updated", where, report)
        _date(updated, f"{where} updated", report)
        if updated is not None:
            if updated.text in updates:
                report.warning(f"{where}: DuplicateUpdated")
            updates.add(updated.text)
        for published in entry.findall(ATOM + "published"):
            _date(published, f"{where} published", report)
        authors = entry.findall(ATOM + "author")
        if not authors and not feed_authors:
            report.error(f"{where}: MissingElement author")
        for author in authors:
            _person(author, f"{where} author", report)
        alternates = [link for link in entry.findall(ATOM + "link") if link.get("rel", "alternate") == "alternate"]
        for link in entry.findall(ATOM + "link"):
            if not _absolute(link.get("href")):
                report.warning(f"{where} link: relative {link.get('href')}")
        contents = entry.findall(ATOM + "content")
        if len(contents) > 1:
            report.error(f"{where}: DuplicateElement content")
        if not contents and not alternates:
            report.error(f"{where}: MissingContentOrAlternate")
        for content in contents:
            _text_construct(content, f"{where} content", report, content=True)
        for summary in entry.findall(ATOM + "summary"):
            _text_construct(summary, f"{where} summary", report)
    return report


def _rfc822(element, where: str, report: Report) -> None:
    if element is None:
        return
    try:
        email.utils.parsedate_to_datetime(element.text or "")
    except (TypeError, ValueError):
        report.error(f"{where}: InvalidRFC2822Date {element.text}")
        return
    if not re.search(r"\b\d{4}\b", element.text or ""):
        report.warning(f"{where}: ProblematicalRFC822Date (two-digit year)")


def check_rss(data: bytes, self_url: str) -> Report:
    """RSS 2.0 as the validator applies it, with its best practices (atom:link self, guids)."""
    report = Report()
    rss = etree.fromstring(data)
    if rss.tag != "rss" or rss.get("version") != "2.0":
        report.error("InvalidRSSVersion")
        return report
    channel = _one(rss, "channel", "rss", report)
    if channel is None:
        return report
    for name in ("title", "link", "description"):
        _one(channel, name, "channel", report)
    if not _absolute(channel.findtext("link")):
        report.error("channel: InvalidURLAttribute link")
    for name in ("title", "description"):
        _plain(channel.findtext(name) or "", f"channel {name}", report)
    language = channel.findtext("language")
    if language is not None and not LANGUAGE.match(language):
        report.error(f"InvalidLanguage {language}")
    _rfc822(channel.find("lastBuildDate"), "channel lastBuildDate", report)
    _rfc822(channel.find("pubDate"), "channel pubDate", report)
    selves = [link for link in channel.findall(ATOM + "link") if link.get("rel") == "self"]
    if not selves:
        report.warning("MissingAtomSelfLink")
    elif selves[0].get("href") != self_url:
        report.warning(f"SelfDoesntMatchLocation {selves[0].get('href')}")
    guids = set()
    for number, item in enumerate(channel.findall("item"), start=1):
        where = f"item {number}"
        if item.find("title") is None and item.find("description") is None:
            report.error(f"{where}: ItemMustContainTitleOrDescription")
        _plain(item.findtext("title") or "", f"{where} title", report)
        if item.find("link") is not None and not _absolute(item.findtext("link")):
            report.error(f"{where}: InvalidURLAttribute link")
        guid = item.find("guid")
        if guid is None:
            report.warning(f"{where}: MissingGuid")
        else:
            if guid.get("isPermaLink", "true") == "true" and not _absolute(guid.text):
                report.error(f"{where}: InvalidHttpGUID {guid.text}")
            if guid.text in guids:
                report.error(f"{where}: DuplicateValue guid")
            guids.add(guid.text)
        _rfc822(item.find("pubDate"), f"{where} pubDate", report)
        author = item.find("author")
        if author is not None:
            if not re.search(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", author.text or ""):
                report.error(f"{where}: InvalidContact author")
            if item.find(DC_CREATOR) is not None:
                report.warning(f"{where}: DuplicateItemSemantics author dc:creator")
        for name in ("description", CONTENT_ENCODED):
            for element in item.findall(name):
                _html(element.text or "", f"{where} {name}", report)
    return report


@pytest.fixture(scope="module")
def feeds(example_site) -> dict[str, bytes]:
    return {name: (example_site.path / name).read_bytes() for name in ("atom.xml", "feed.xml")}


def test_atom_passes_the_validator_rules(feeds):
    report = check_atom(feeds["atom.xml"], SITE_URL + "atom.xml")
    assert (report.errors, report.warnings) == ([], [])
    assert len(etree.fromstring(feeds["atom.xml"]).findall(ATOM + "entry")) >= 12  # rules ran on entries


def test_rss_passes_the_validator_rules(feeds):
    report = check_rss(feeds["feed.xml"], SITE_URL + "feed.xml")
    assert (report.errors, report.warnings) == ([], [])
    assert len(etree.fromstring(feeds["feed.xml"]).findall("channel/item")) >= 12


def test_the_rules_find_what_the_validator_found_in_the_old_atom(feeds):
    """The Atom as it was (issue 14): the validator gave 2 errors and 1 warning per entry."""
    old = etree.fromstring(feeds["atom.xml"])
    for author in old.findall(ATOM + "author"):
        old.remove(author)
    for content in old.iter(ATOM + "content"):
        content.set("type", "CDATA")
    entries = len(old.findall(ATOM + "entry"))
    report = check_atom(etree.tostring(old), SITE_URL + "atom.xml")
    assert sorted({message.split(": ", 1)[1].split(" ")[0] for message in report.errors}) == [
        "InvalidMIMEType", "MissingElement"]
    assert len(report.errors) == 2 * entries
    assert len(report.warnings) == entries and all("ContainsUndeclaredHTML" in w for w in report.warnings)


def test_the_rules_catch_relative_links_unsafe_markup_and_a_wrong_self_link(feeds):
    atom = etree.fromstring(feeds["atom.xml"])
    content = atom.find(f"{ATOM}entry/{ATOM}content")
    content.text = '<p><a href="../elders/">x</a><img src="foto.jpg" alt=""></p><script>alert(1)</script>'
    report = check_atom(etree.tostring(atom), SITE_URL + "elders.xml")
    assert report.errors == []
    assert sum("ContainsRelRef" in w for w in report.warnings) == 2
    assert sum("SecurityRisk <script>" in w for w in report.warnings) == 1
    assert sum("SelfDoesntMatchLocation" in w for w in report.warnings) == 1
    rss = etree.fromstring(feeds["feed.xml"])
    rss.find("channel/item/guid").text = "nieuws/x/"
    assert any("InvalidHttpGUID" in e for e in check_rss(etree.tostring(rss), SITE_URL + "feed.xml").errors)


def test_readers_see_html_content_and_the_zone_as_author(feeds):
    for name, data in feeds.items():
        feed = feedparser.parse(data)
        assert not feed.bozo, (name, feed.bozo_exception)
        for entry in feed.entries:
            assert entry.author == ZONE["name"], name
            assert [content.type for content in entry.content] == ["text/html"], name
            # The HTML arrives as markup, not as escaped text: a reader renders it.
            assert "<p>" in entry.content[0].value or "<figure>" in entry.content[0].value, name
    atom = feedparser.parse(feeds["atom.xml"])
    # The zone's e-mail from mkdocs.yml: the address readers' software shows as contact.
    assert atom.feed.author_detail == {"name": ZONE["name"], "email": ZONE["email"]}


def test_an_email_only_when_the_zone_gives_one():
    site = SiteSettings("Zone X", site_url="https://x.example/", zone={"name": "Eerstelijnszone X"})
    atom = etree.fromstring(build_feed([], site, "atom.xml", FeedInfo("Zone X", "Zone X", "")).atom_str())
    assert [(a.findtext(ATOM + "name"), a.find(ATOM + "email")) for a in atom.findall(ATOM + "author")] == [
        ("Eerstelijnszone X", None)]
    site.zone["email"] = "info@x.example"
    atom = etree.fromstring(build_feed([], site, "atom.xml", FeedInfo("Zone X", "Zone X", "")).atom_str())
    assert atom.findtext(f"{ATOM}author/{ATOM}email") == "info@x.example"
