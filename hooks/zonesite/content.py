"""Load every content file, validate it into typed models, and check references between files.

Everything is read and checked before anything is written: one run reports every problem."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import images, links, urls
from .bodies import check_body
from .claims import Claims, fixed_addresses
from .errors import Problems
from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.common import YearMonth
from .models.news import NewsItem
from .models.policy import OperationalObjective, PolicyPlan, StrategicObjective
from .source import Document, display_path, escape_invisible, read_front_matter, read_text, read_yaml, shown
from .validation import validate

NEWS_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")


def natural_key(number: str) -> tuple:
    """"2.10" after "2.9": compare the parts of an action number as numbers where they are."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                 for part in re.split(r"[.\-\s]+", number))


def fiche_order(fiche: Fiche) -> tuple:
    """Numbered fiches by number; unnumbered ones (zones that number nothing) by objective, then file."""
    if fiche.id is not None:
        return (0, natural_key(fiche.id))
    return (1, natural_key(fiche.strategic_objective), natural_key(fiche.operational_objective or "0"),
            fiche.key)


@dataclass
class Objectives:
    """Fast look-ups into one policy plan's tree."""

    plan: PolicyPlan
    sd: dict[str, StrategicObjective] = field(default_factory=dict)
    od: dict[str, OperationalObjective] = field(default_factory=dict)
    sd_of_od: dict[str, StrategicObjective] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: PolicyPlan) -> "Objectives":
        index = cls(plan)
        for sd in plan.strategic_objectives:
            index.sd.setdefault(sd.id, sd)
            for od in sd.operational_objectives:
                index.od.setdefault(od.id, od)
                index.sd_of_od.setdefault(od.id, sd)
        return index


@dataclass
class Post:
    """A news item with what its file name and body add to the front matter."""

    item: NewsItem
    year: str
    month: str
    slug: str
    body: str
    source: str
    folder: Path


@dataclass
class Content:
    now: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))  # the build moment
    policy_plans: dict[str, PolicyPlan] = field(default_factory=dict)
    objectives: dict[str, Objectives] = field(default_factory=dict)
    action_plans: dict[str, ActionPlan] = field(default_factory=dict)
    fiches: dict[str, list[Fiche]] = field(default_factory=dict)  # per action plan, in number order
    posts: list[Post] = field(default_factory=list)  # newest first; after publish(), only what may be seen
    sources: dict[int, str] = field(default_factory=dict)  # id(model) → file, for "edit this page"
    broken_ids: set[str] = field(default_factory=set)  # plans that exist but failed validation
    broken_fiches: set[str] = field(default_factory=set)  # `plan/fiche` of fiches that failed validation
    newsletter_intros: dict[YearMonth, str] = field(default_factory=dict)  # month → Markdown
    appendix_files: dict[int, Path] = field(default_factory=dict)  # id(appendix) → file to publish

    def fiche(self, reference: str) -> tuple[ActionPlan, Fiche] | None:
        """`actieplan-2025/2.1` → the plan and the fiche, if both exist."""
        plan_id, _, fiche_id = reference.partition("/")
        if plan_id not in self.action_plans:
            return None
        for fiche in self.fiches.get(plan_id, []):
            if fiche.key == fiche_id:
                return self.action_plans[plan_id], fiche
        return None

    def is_broken(self, reference: str) -> bool:
        """Whether `plan/fiche` may name a file that has errors of its own: then it is not "missing"."""
        plan_id = reference.partition("/")[0]
        return plan_id in self.broken_ids or reference in self.broken_fiches or f"{plan_id}/?" in self.broken_fiches

    def source_of(self, model: object) -> str:
        return self.sources.get(id(model), "")


def load_content(root: Path, now: dt.datetime) -> tuple[Content, Problems]:
    """Read plans/ and news/ under `root`: everything, drafts and items under embargo too (they
    are checked like any other; publish.py sets them aside). Problems are collected, never raised."""
    problems = Problems()
    content = Content(now=now)
    _load_plans(root, content, problems)
    _load_news(root, content, problems)
    _load_newsletter_intros(root, content, problems)
    return content, problems


def _load_newsletter_intros(root: Path, content: Content, problems: Problems) -> None:
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


def _load_plans(root: Path, content: Content, problems: Problems) -> None:
    plans_dir = root / "plans"
    fiche_docs: dict[str, list[tuple[Document, Fiche]]] = {}
    plan_docs: dict[str, Document] = {}
    action_docs: dict[str, Document] = {}
    addresses = Claims(fixed_addresses(root))
    broken: list[tuple[str, Document | None]] = []  # fiches that failed: (plan id, document if readable)
    for file in sorted(plans_dir.glob("*.y*ml")):
        if not images.own_file(file, root, "plans", problems):
            continue
        doc = read_yaml(file, root, problems)
        if doc is None:
            continue
        if doc.data.get("soort") == "actieplan":
            doc.report(problems, ("soort",), "een actieplan hoort in een eigen map: "
                       "`plans/<id>/actieplan.yml`, met de fiches in `plans/<id>/fiches/`")
            continue
        plan = validate(PolicyPlan, doc, problems)
        if plan is None:
            # Known but broken: plans that name it must not be told it does not exist.
            content.broken_ids.add(str(doc.data.get("id")))
            continue
        if _claim_id(plan.id, doc, addresses, problems):
            plan_docs[plan.id] = doc
            content.policy_plans[plan.id] = plan
            content.objectives[plan.id] = Objectives.of(plan)
            content.sources[id(plan)] = doc.path
            _check_policy_plan(plan, doc, problems)
            _check_appendices(plan.appendices, doc, file.parent, root, content, problems)
    for folder in sorted(p for p in plans_dir.iterdir() if p.is_dir()) if plans_dir.is_dir() else []:
        plan_file = folder / "actieplan.yml"
        if plan_file.exists() and not images.own_file(plan_file, root, "plans", problems):
            continue
        if not plan_file.exists():
            problems.add(f"plans/{escape_invisible(folder.name)}", 0, "", "deze map heeft geen actieplan.yml — "
                         "maak het bestand aan of verwijder de map")
            continue
        doc = read_yaml(plan_file, root, problems)
        plan = validate(ActionPlan, doc, problems) if doc else None
        if plan is None:
            content.broken_ids.add(folder.name)  # its fiches and the news naming them are not "missing"
        else:
            if plan.id != folder.name:
                doc.report(problems, ("id",), f"het id moet gelijk zijn aan de mapnaam — schrijf `id: {folder.name}`"
                           " of geef de map dezelfde naam als het id")
            elif _claim_id(plan.id, doc, addresses, problems):
                action_docs[plan.id] = doc
                content.action_plans[plan.id] = plan
                content.sources[id(plan)] = doc.path
                _check_appendices(plan.appendices, doc, folder, root, content, problems)
        fiches = fiche_docs.setdefault(folder.name, [])
        for file in sorted((folder / "fiches").glob("*.y*ml")):
            if not images.own_file(file, root, "plans", problems):
                continue
            fiche_doc = read_yaml(file, root, problems)
            fiche = validate(Fiche, fiche_doc, problems) if fiche_doc else None
            if fiche is not None:
                fiche = fiche.with_file_key(file.stem)
                fiches.append((fiche_doc, fiche))
                content.sources[id(fiche)] = fiche_doc.path
            else:
                broken.append((folder.name, fiche_doc))
    for plan_id, doc in broken:
        fiche_id = _raw_id(doc.data.get("id")) if doc else None
        # An unreadable fiche could be any number: `?` stands for "some fiche of this plan".
        content.broken_fiches.add(f"{plan_id}/{fiche_id or '?'}")
        if doc and plan_id in content.action_plans:
            # The file failed, but its references can still be wrong: report those now, not after the fix.
            _check_objectives(_raw_id(doc.data.get("strategische_doelstelling")),
                              _raw_id(doc.data.get("operationele_doelstelling")),
                              doc, content.action_plans[plan_id], content, problems)
    for plan_id, plan in content.action_plans.items():
        _check_action_plan(plan, action_docs[plan_id], content, problems)
    for plan_id, entries in fiche_docs.items():
        plan = content.action_plans.get(plan_id)
        seen: dict[str, Document] = {}
        kept: list[Fiche] = []
        for doc, fiche in entries:
            if fiche.key in seen:
                doc.report(problems, ("id",), f"fiche {fiche.key} bestaat al in {seen[fiche.key].path} — "
                           "geef elke fiche een eigen nummer")
                continue
            if earlier := addresses.claim(urls.fiche(plan_id, fiche.key), doc.path):
                doc.report(problems, ("id",), f"fiche {fiche.key} krijgt hetzelfde adres als de fiche in {earlier} "
                           "(punten en streepjes tellen niet mee) — geef elke fiche een eigen nummer")
                continue
            seen[fiche.key] = doc
            kept.append(fiche)
            if plan is not None:
                _check_fiche(fiche, doc, plan, content, problems)
        content.fiches[plan_id] = sorted(kept, key=fiche_order)
    # voortzetting_van may point at any plan, so check it once all fiches are known.
    for entries in fiche_docs.values():
        for doc, fiche in entries:
            _check_continuation(fiche, doc, content, problems)


def _raw_id(value: object) -> str | None:
    """An id as written in a file that failed validation, when it is plain enough to look up."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None
    return str(value).strip() or None


def _claim_id(plan_id: str, doc: Document, addresses: Claims, problems: Problems) -> bool:
    """A plan's id is the first part of its pages' addresses: it may not be taken already."""
    if earlier := addresses.claim(urls.policy_plan(plan_id), doc.path):
        doc.report(problems, ("id",), f"het id '{plan_id}' geeft het adres /{plan_id}/, maar dat is al van "
                   f"{earlier} — kies een ander id")
        return False
    return True


def _report_duplicates(doc: Document, problems: Problems, located_ids, what: str, address=None,
                       fix: str = "geef elk een eigen nummer") -> None:
    """Ids that repeat, or (with `address`) that would give two items one page address."""
    seen: dict[str, str] = {}
    for loc, value in located_ids:
        taken = address(value) if address else value
        if taken not in seen:
            seen[taken] = value
        elif seen[taken] == value:
            doc.report(problems, loc, f"{what} '{value}' komt twee keer voor — {fix}")
        else:
            doc.report(problems, loc, f"{what} '{value}' krijgt hetzelfde adres als '{seen[taken]}' (punten, "
                       f"streepjes en hoofdletters tellen niet mee) — {fix}")


def _check_policy_plan(plan: PolicyPlan, doc: Document, problems: Problems) -> None:
    sds = plan.strategic_objectives
    key = "strategische_doelstellingen"
    _report_duplicates(doc, problems, [((key, i, "id"), sd.id) for i, sd in enumerate(sds)],
                       "strategische doelstelling", urls.slug)
    _report_duplicates(doc, problems, [((key, i, "operationele_doelstellingen", j, "id"), od.id)
                                       for i, sd in enumerate(sds)
                                       for j, od in enumerate(sd.operational_objectives)],
                       "operationele doelstelling", urls.slug)
    _report_duplicates(doc, problems, [((key, i, "operationele_doelstellingen", j, "acties", k, "id"), a.id)
                                       for i, sd in enumerate(sds)
                                       for j, od in enumerate(sd.operational_objectives)
                                       for k, a in enumerate(od.actions) if a.id],
                       "actie")
    titles = [(("bijlagen", i, "titel"), appendix.title) for i, appendix in enumerate(plan.appendices)]
    _report_duplicates(doc, problems, titles, "bijlage", urls.slug, fix="geef elke bijlage een eigen titel")
    if plan.period and plan.period.start > plan.period.end:
        doc.report(problems, ("periode", "tot"), f"het plan eindigt ({plan.period.end}) vóór het begint "
                   f"({plan.period.start}) — controleer `van` en `tot`")


def _check_action_plan(plan: ActionPlan, doc: Document, content: Content, problems: Problems) -> None:
    index = content.objectives.get(plan.policy_plan)
    if index is None and plan.policy_plan in content.broken_ids:
        return
    if index is None:
        known = ", ".join(sorted(content.policy_plans)) or "geen"
        doc.report(problems, ("beleidsplan",), f"beleidsplan '{plan.policy_plan}' bestaat niet — "
                   f"gebruik het id van een beleidsplan in plans/ (nu: {known})")
        return
    for i, action in enumerate(plan.other_actions):
        for j, objective in enumerate(action.objectives):
            if objective not in index.sd and objective not in index.od:
                doc.report(problems, ("overige_acties", i, "doelstellingen", j),
                           f"doelstelling '{objective}' bestaat niet in {plan.policy_plan} — "
                           "gebruik het nummer van een SD of OD uit dat plan")


def _check_objectives(sd: str | None, od: str | None, doc: Document, plan: ActionPlan, content: Content,
                      problems: Problems) -> None:
    index = content.objectives.get(plan.policy_plan)
    if index is None:
        return
    if sd is not None and sd not in index.sd:
        doc.report(problems, ("strategische_doelstelling",),
                   f"SD {shown(sd)} bestaat niet in {plan.policy_plan} — kies uit {', '.join(index.sd)}")
    if od is not None:
        if od not in index.od:
            doc.report(problems, ("operationele_doelstelling",),
                       f"OD {shown(od)} bestaat niet in {plan.policy_plan} — kies een OD onder SD {sd}")
        elif sd is not None and index.sd_of_od[od].id != sd:
            doc.report(problems, ("operationele_doelstelling",),
                       f"OD '{od}' hoort bij SD {index.sd_of_od[od].id}, niet bij SD {sd} — pas de SD of de OD aan")


def _check_fiche(fiche: Fiche, doc: Document, plan: ActionPlan, content: Content, problems: Problems) -> None:
    _check_objectives(fiche.strategic_objective, fiche.operational_objective, doc, plan, content, problems)
    if fiche.period and fiche.period.start > fiche.period.end:
        doc.report(problems, ("periode", "tot"), f"de actie eindigt ({fiche.period.end}) vóór ze begint "
                   f"({fiche.period.start}) — controleer `van` en `tot`")
    # Milestones may lie before or after the plan's year: plans prepare work in the autumn before.


def _check_appendices(appendices, doc: Document, folder: Path, root: Path, content: Content,
                      problems: Problems) -> None:
    """A `bestand` must exist inside the repository: it is published beside the plan."""
    for i, appendix in enumerate(appendices):
        if not appendix.file:
            continue
        path = (folder / appendix.file).resolve()
        if not path.is_file() or not path.is_relative_to(root.resolve()):
            doc.report(problems, ("bijlagen", i, "bestand"), f"bestand '{appendix.file}' niet gevonden — het pad "
                       "begint bij de map van het plan, bv. `bijlagen/tijdlijn.xlsx`")
        else:
            content.appendix_files[id(appendix)] = path


def _check_continuation(fiche: Fiche, doc: Document, content: Content, problems: Problems) -> None:
    reference = fiche.continues
    if not isinstance(reference, str):
        return  # absent, or a text (and link) for a plan that is not on this site
    plan_id, slash, fiche_id = reference.partition("/")
    if not slash or not plan_id or not fiche_id:
        doc.report(problems, ("voortzetting_van",), f"'{reference}' is geen verwijzing naar een fiche — "
                   "schrijf `<actieplan-id>/<fiche-nummer>`, bv. `actieplan-2024/2.1`")
    elif plan_id in content.action_plans and content.fiche(reference) is None and not content.is_broken(reference):
        doc.report(problems, ("voortzetting_van",), f"{plan_id} heeft geen fiche '{fiche_id}' — "
                   "controleer het nummer van de fiche")


def _load_news(root: Path, content: Content, problems: Problems) -> None:
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
        spelling, where = seen.setdefault(address, (tag, doc.path))
        if spelling != tag:
            place = "ook in dit bestand" if where == doc.path else f"in {where}"
            doc.report(problems, ("tags", number), f"'{tag}' en '{spelling}' ({place}) zijn hetzelfde onderwerp, "
                       f"met één pagina (/{address}) — schrijf het overal als '{spelling}'")


def _check_post(item: NewsItem, doc: Document, file: Path, root: Path, content: Content,
                problems: Problems) -> None:
    _check_references(list(item.actions), doc, content, problems)
    if item.image is not None and (message := images.problem(item.image.src, file.parent, root)):
        doc.report(problems, ("image", "src"), message)
    for line, message in links.problems_in_text(doc.body):
        problems.add(doc.path, doc.body_line + line, "tekst", message)
