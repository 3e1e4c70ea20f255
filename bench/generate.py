"""Synthetic but valid content for the benchmark, in a temporary copy of the project.

`make_zonesite_project(dest, news=N, fiches=F)` copies the build parts of the project and adds N
news items and enough fiches to reach F; `make_plain_project(dest, pages=P)` makes a plain
MkDocs + Material project (same theme and Markdown extensions, no hooks) with P pages;
`make_blog_project(dest, news_dir)` makes the same news items into posts of Material's blog plugin.
Everything is deterministic: the same arguments give the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "hooks", "overrides", "docs")
# The example zone's plans, from the tests' fixtures: a zone's own plans/ may hold anything, or nothing.
EXAMPLE_PLANS = "tests/fixtures/dender-zuid/plans"
SNAPSHOT_PARTS = (*PROJECT_PARTS, EXAMPLE_PLANS)
ACTION_PLAN = "actieplan-2024"
SEED = 20261118

# Every news item is dated in this window: all before the benchmark's build moment (SOURCE_DATE_EPOCH
# 1795000000 = 18 November 2026), so nothing is embargoed.
FIRST_DAY = dt.date(2019, 1, 1)
LAST_DAY = dt.date(2026, 11, 10)

TAGS = ["valpreventie", "vorming", "netwerk", "mantelzorg", "armoede", "geestelijke gezondheid",
        "ouderen", "jongeren", "huisartsen", "apothekers", "lokaal bestuur", "participatie", "beleid",
        "zorgraad", "dementie", "thuiszorg", "welzijn", "digitalisering", "preventie", "studiedag"]

WORDS = ("zorg welzijn partners netwerk huisarts apotheker thuisverpleging mantelzorger ouderen "
         "gemeente zone overleg vorming studiedag bewoners kwetsbare gezinnen preventie samenwerking "
         "eerstelijn zorgverleners afspraken project werkgroep gesprek aanbod ervaring vragen "
         "toegankelijk buurt sociaal huis vrijwilligers opvolging bereik resultaten evaluatie plan "
         "acties ondersteuning informatie website nieuwsbrief inschrijving programma sprekers "
         "praktijk methode doelgroep afstemming verwijzing begeleiding").split()
HEADINGS = ["Wat gebeurt er?", "Voor wie?", "Praktisch", "Wat leerden we?", "Hoe verder?",
            "Meer informatie", "Achtergrond", "Uw mening"]
LOCATIONS = ["Zaal De Kouter, Kerkplein 4, Ninove", "Sociaal huis, Stationsplein 1, Geraardsbergen",
             "Cultuurcentrum De Plomblom, Geraardsbergen", "Online (Teams)"]


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 16))
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def markdown_body(rng: random.Random) -> str:
    """About 150–300 words: a paragraph, a heading with a list (one nested item), a closing paragraph."""
    items = [f"- {_sentence(rng)}" for _ in range(rng.randint(3, 5))]
    items.insert(2, f"  - {_sentence(rng)}")  # nested with two spaces, as editors write it
    parts = [_paragraph(rng, rng.randint(3, 6)), f"## {rng.choice(HEADINGS)}", "\n".join(items),
             _paragraph(rng, rng.randint(2, 5))]
    if rng.random() < 0.5:
        parts.append(f"Meer op [onze website](https://www.example.org/{rng.choice(WORDS)}) of **mail ons**.")
    return "\n\n".join(parts) + "\n"


def copy_parts(dest: Path, parts: tuple[str, ...] = PROJECT_PARTS, root: Path = ROOT) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def add_news(project: Path, count: int, fiche_ids: list[str], seed: int = SEED) -> list[Path]:
    """`count` items spread evenly over FIRST_DAY..LAST_DAY, with unique slugs. Returns the files."""
    rng = random.Random(seed)
    span = (LAST_DAY - FIRST_DAY).days
    files = []
    for i in range(count):
        day = FIRST_DAY + dt.timedelta(days=span * i // max(count - 1, 1))
        topic = rng.sample(TAGS, k=rng.randint(1, 3))
        slug = re.sub(r"[^a-z0-9]+", "-", f"bericht {i:05d} {topic[0]}").strip("-")
        meta: dict = {
            "title": f"Bericht {i + 1}: {topic[0]} en {rng.choice(WORDS)}",
            "date": day,
            "description": _sentence(rng),
            "tags": topic,
        }
        if rng.random() < 0.2:
            meta["actions"] = [f"{ACTION_PLAN}/{rng.choice(fiche_ids)}"]
        if rng.random() < 0.15:
            start = day + dt.timedelta(days=rng.randint(7, 40))
            meta["event"] = {"start": f"{start:%Y-%m-%d} 13:30", "end": f"{start:%Y-%m-%d} 16:30",
                             "location": rng.choice(LOCATIONS)}
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
        file = project / "news" / f"{day:%Y}" / f"{day:%Y-%m-%d}-{slug}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\n{front}---\n\n{markdown_body(rng)}", encoding="utf-8")
        files.append(file)
    return files


def add_fiches(project: Path, total: int) -> list[str]:
    """Copy the existing fiches (their SD/OD stay valid) under new ids 9.1, 9.2, … up to `total`."""
    folder = project / "plans" / ACTION_PLAN / "fiches"
    originals = sorted(folder.glob("*.yml"))
    ids = [str(yaml.safe_load(f.read_text(encoding="utf-8"))["id"]) for f in originals]
    for n in range(1, total - len(originals) + 1):
        source = originals[(n - 1) % len(originals)]
        text = source.read_text(encoding="utf-8")
        fiche_id = f"9.{n}"
        text = re.sub(r'^id: .*$', f'id: "{fiche_id}"', text, count=1, flags=re.M)
        title = yaml.safe_load(re.search(r"^titel: .*$", text, flags=re.M).group(0))["titel"]
        text = re.sub(r'^titel: .*$', lambda m: "titel: " + json.dumps(f"Synthetische actie {fiche_id}: {title}",
                      ensure_ascii=False), text, count=1, flags=re.M)
        text = re.sub(r'^korte_titel: .*$', f'korte_titel: "Synthetisch {fiche_id}"', text, count=1, flags=re.M)
        (folder / f"9-{n}-synthetisch.yml").write_text(text, encoding="utf-8")
        ids.append(fiche_id)
    return ids


def make_zonesite_project(dest: Path, news: int, fiches: int, seed: int = SEED, root: Path = ROOT) -> Path:
    """The project's build parts (mkdocs.yml, hooks, overrides, docs) and the example's plans under `root`,
    plus synthetic content."""
    copy_parts(dest, PROJECT_PARTS, root)
    shutil.copytree(root / EXAMPLE_PLANS, dest / "plans")
    (dest / "news").mkdir(exist_ok=True)
    fiche_ids = add_fiches(dest, fiches)
    add_news(dest, news, fiche_ids, seed)
    return dest


def plain_config(root: Path = ROOT) -> str:
    """mkdocs.yml without hooks, without the content watch paths and with the generated pages out of the nav."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  .*\n)+", "", text, flags=re.M)
    text = re.sub(r"^watch:\n(?:  .*\n)+", "", text, flags=re.M)
    assert "hooks:" not in text and "zonesite_mkdocs" not in text, "could not drop the hooks from mkdocs.yml"
    return text + '\n# Benchmark pages: built, but kept out of the nav (as the news pages are).\nnot_in_nav: |\n  /pages/\n'


def _home_pages(docs: Path, rng: random.Random) -> int:
    """The home page and the field reference the nav names (the hook makes them in Zonesite).

    Returns the number of Markdown pages docs/ then holds."""
    for file in (docs / "index.md", docs / "handleiding" / "velden" / "index.md"):
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"# {file.parent.name or 'Start'}\n\n{markdown_body(rng)}", encoding="utf-8")
    return len(list(docs.rglob("*.md")))


def make_plain_project(dest: Path, pages: int, seed: int = SEED, root: Path = ROOT) -> Path:
    """Plain MkDocs + Material: the same theme, overrides and extensions, `pages` pages in total.

    The hand-written docs/ pages (in the nav) count towards `pages`, with a home page and the field
    reference; the rest are news-sized pages under docs/pages/ (not in the nav)."""
    copy_parts(dest, ("overrides", "docs"), root)
    (dest / "mkdocs.yml").write_text(plain_config(root), encoding="utf-8")
    rng = random.Random(seed)
    docs = dest / "docs"
    existing = _home_pages(docs, rng)
    for i in range(max(pages - existing, 0)):
        file = docs / "pages" / f"{i // 500:02d}" / f"pagina-{i:05d}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        title = f"Pagina {i + 1}: {rng.choice(TAGS)}"
        file.write_text(f"---\ntitle: \"{title}\"\ndescription: \"{_sentence(rng)}\"\n---\n\n# {title}\n\n"
                        f"{markdown_body(rng)}", encoding="utf-8")
    return dest


def blog_config(root: Path = ROOT) -> str:
    """The plain mkdocs.yml plus Material's blog plugin (no authors: the news items name none) and
    the blog in the nav, where Zonesite puts its news."""
    text = plain_config(root)
    text, plugins = re.subn(r"^plugins:\n", "plugins:\n  - blog:\n      authors: false\n", text, flags=re.M)
    text, nav = re.subn(r"^nav:\n", "nav:\n  - Nieuws: blog/index.md\n", text, flags=re.M)
    assert plugins == nav == 1, "could not add the blog plugin to mkdocs.yml"
    return text


def make_blog_project(dest: Path, news_dir: Path, seed: int = SEED, root: Path = ROOT) -> Path:
    """Plain MkDocs + Material's blog plugin with the news items of `news_dir` as posts.

    Each post keeps the item's title, date, description and body; its tags become the blog's
    categories; the first paragraph is the excerpt on the blog's index, archive and category pages.
    Fields only Zonesite knows (events, linked fiches) are left out: the blog has no place for them."""
    copy_parts(dest, ("overrides", "docs"), root)
    (dest / "mkdocs.yml").write_text(blog_config(root), encoding="utf-8")
    docs = dest / "docs"
    _home_pages(docs, random.Random(seed))
    (docs / "blog").mkdir()
    (docs / "blog" / "index.md").write_text("# Nieuws\n", encoding="utf-8")
    for item in sorted(news_dir.glob("*/*.md")):
        _, front, body = item.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        post = {"date": meta["date"], "categories": meta.get("tags", []), "title": meta["title"],
                "description": meta.get("description", "")}
        first, rest = body.strip().split("\n\n", 1)
        file = docs / "blog" / "posts" / item.parent.name / item.name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\n{yaml.safe_dump(post, allow_unicode=True, sort_keys=False, width=1000)}---\n\n"
                        f"{first}\n\n<!-- more -->\n\n{rest}\n", encoding="utf-8")
    return dest


if __name__ == "__main__":  # python bench/generate.py DEST NEWS FICHES: look at the generated content
    import sys

    target = make_zonesite_project(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(target)
