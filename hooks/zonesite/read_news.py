"""Read news/: news items (Markdown with front matter) and the newsletters' introductions,
each validated and checked against the plans (actions it names, images, links, topics)."""

from __future__ import annotations

import difflib

import re
from pathlib import Path

from . import images, links, urls
from .bodies import check_body
from .content import Content, Post
from .errors import Problems
from .models.common import YearMonth
from .models.news import NewsItem
from .errors import escape_invisible, shown
from .source import Document, display_path, field_name, read_front_matter, read_text
from .validation import validate

NEWS_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


def read_news(root: Path, content: Content, problems: Problems) -> None:
    _read_items(root, content, problems)
    _read_newsletter_intros(root, content, problems)


def _read_items(root: Path, content: Content, problems: Problems) -> None:
    _check_news_files(root, problems)
    addresses: dict[tuple[str, str, str], str] = {}
    tags: dict[str, tuple[str, str]] = {}  # a topic's address → its spelling and the first file using it
    for file in sorted((root / "news").glob("[0-9]*/*.md")):
        if not images.own_file(file, root, "news", problems):
            continue
        name = NEWS_NAME.match(file.name)
        doc = read_front_matter(file, root, problems)
        if not name:
            problems.add(doc.path if doc else display_path(file, root), 0, "", "de bestandsnaam moet zijn: "
                         "`JJJJ-MM-DD-korte-titel.md`, in kleine letters, met liggende streepjes")
            continue
        item = validate(NewsItem, doc, problems) if doc else None
        if item is None:
            if doc:
                _check_references(_raw_texts(doc.data.get("actions")), doc, content, problems)
            continue
        item = content.places.named(item, doc, problems)  # the zone's own spelling of each municipality
        _check_post(item, doc, file, root, content, problems)
        _check_tags(item, doc, tags, problems)
        year, month, day, slug = name.groups()
        if (int(year), int(month), int(day)) != (item.date.year, item.date.month, item.date.day):
            doc.report(problems, ("date",), f"de datum in de bestandsnaam ({year}-{month}-{day}) verschilt "
                       f"van `date` ({item.date:%Y-%m-%d}) — maak ze gelijk")
            continue
        address = (f"{item.date.year:04d}", f"{item.date.month:02d}", slug)
        if address in addresses:
            doc.report(problems, ("date",), f"{addresses[address]} krijgt hetzelfde adres — "
                       "geef een van beide een andere titel in de bestandsnaam")
            continue
        addresses[address] = doc.path
        check_body(doc, urls.post(*address), problems)
        post = Post(item, *address, body=doc.body, source=doc.path, folder=file.parent)
        content.posts.append(post)
        content.sources[id(item)] = doc.path
    content.posts.sort(key=lambda p: (p.item.published, p.slug), reverse=True)


# What an editor may save by mistake instead of `news/<jaar>/<datum>-<titel>.md`.
_TEXT_SUFFIXES = {".md", ".markdown", ".mdown", ".txt", ".text"}


def _check_news_files(root: Path, problems: Problems) -> None:
    """News saved where the build does not look (news/ itself, a .txt or .MD file) is named, not lost."""
    news = root / "news"
    for file in sorted([*news.glob("*"), *news.glob("*/*")]):
        if file.suffix.lower() not in _TEXT_SUFFIXES or file.is_dir():
            continue
        folder = file.parent.name
        if file.parent == news or not (folder[:1].isdigit() or folder == "nieuwsbrief"):
            year = file.name[:4] if file.name[:4].isdigit() else "JJJJ"
            problems.add(display_path(file, root), 1, "", f"een bericht staat in de map van zijn jaar — "
                         f"verplaats het naar `news/{year}/`")
        elif file.suffix != ".md":
            problems.add(display_path(file, root), 1, "", f"een bericht is een .md-bestand (kleine letters) — "
                         f"hernoem het naar `{escape_invisible(file.stem)}.md`")


def _raw_texts(value: object) -> list[str | None]:
    """A list of texts as written in a file that failed validation; None where an item is no text."""
    return [item if isinstance(item, str) else None for item in value] if isinstance(value, list) else []


def _check_references(references: list[str | None], doc: Document, content: Content, problems: Problems) -> None:
    for i, reference in enumerate(references):
        if reference is not None and content.fiche(reference) is None and not content.is_broken(reference):
            doc.report(problems, ("actions", i), f"fiche {shown(reference)} bestaat niet — schrijf "
                       "`<actieplan-id>/<fiche-nummer>`, bv. `actieplan-2024/3`")


def _check_tags(item: NewsItem, doc: Document, seen: dict[str, tuple[str, str]], problems: Problems) -> None:
    """One topic, one spelling: `Vorming` and `vorming` would want one page (/nieuws/onderwerp/vorming/)."""
    for number, tag in enumerate(item.tags):
        address = urls.tag(tag)
        if address not in seen and (close := _near_miss(address, seen)):
            # `vormingen` beside `vorming` makes a second topic: its readers would miss this item.
            other, where = seen[close]
            problems.doubt(doc.path, doc.line_of(("tags", number)), field_name(("tags", number)),
                           f"'{tag}' lijkt op het onderwerp '{other}' (in {where}) — schrijf '{other}' als het "
                           "hetzelfde onderwerp is; anders is er niets aan de hand")
        spelling, where = seen.setdefault(address, (tag, doc.path))
        if spelling != tag:
            place = "ook in dit bestand" if where == doc.path else f"in {where}"
            doc.report(problems, ("tags", number), f"'{tag}' en '{spelling}' ({place}) zijn hetzelfde onderwerp, "
                       f"met één pagina (/{address}) — schrijf het overal als '{spelling}'")


def _near_miss(address: str, known: dict[str, tuple[str, str]]) -> str | None:
    """A known topic this one looks like a slip of: a plural or a typo (`vormingen`, `valpreventei`),
    not a narrower topic (`valpreventie` beside `preventie` is meant)."""
    near = [other for other in difflib.get_close_matches(address, list(known), n=3, cutoff=0.85)
            if abs(len(other) - len(address)) <= 2]
    return near[0] if near else None


def _check_post(item: NewsItem, doc: Document, file: Path, root: Path, content: Content,
                problems: Problems) -> None:
    _check_references(list(item.actions), doc, content, problems)
    if item.image is not None and (message := images.problem(item.image.src, file.parent, root)):
        doc.report(problems, ("image", "src"), message)
    for line, message in links.problems_in_text(doc.body):
        problems.add(doc.path, doc.body_line + line, "tekst", message)


def _read_newsletter_intros(root: Path, content: Content, problems: Problems) -> None:
    for file in sorted((root / "news" / "nieuwsbrief").glob("*.md")):
        if not images.own_file(file, root, "news", problems):
            continue
        try:
            month = YearMonth.parse(file.stem)
        except ValueError:  # YearMonth's PydanticCustomError is a ValueError
            problems.add(f"news/nieuwsbrief/{escape_invisible(file.name)}", 1, "",
                         "de bestandsnaam moet de maand zijn — bv. `2025-03.md` voor de nieuwsbrief van maart 2025")
            continue
        path = f"news/nieuwsbrief/{escape_invisible(file.name)}"
        text = read_text(file, path, problems)
        if text is None:
            continue
        for line, message in links.problems_in_text(text):
            problems.add(path, line + 1, "", message)
        content.newsletter_intros[month] = text
