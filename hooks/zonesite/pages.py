"""Turn validated content into generated pages: Markdown text plus metadata, MkDocs-free.

Every page is rendered exactly once; list pages look things up in indexes built once here,
so the build grows linearly with the content."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter, defaultdict
from urllib.parse import urljoin
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import urls
from .claims import PageClaims
from .content import Content, Post, fiche_order
from .guide import field_tables
from .ical import CALENDAR_PATH, EVENT_FILE, build_calendar
from . import metadata as describe
from .metadata import Metadata, count, shorten
from .models.identity import Identity
from .models.news import BRUSSELS, moment_start
from .newsletter import collect_issues, issue_path, render_email
from .models.actionplan import ActionPlan
from .models.fiche import STATUS_LABELS, Fiche, Milestone
from .models.policy import PolicyPlan
from .models.common import YearMonth
from .models.timing import Timing
from .render import Renderer, long_date, month_abbr, month_name, timing_text
from .wordfile import write_action_plan


@dataclass
class GeneratedPage:
    url: str
    markdown: str
    title: str
    meta: dict[str, Any] = field(default_factory=dict)
    source: str = ""  # the content file behind the page, for "edit this page"

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def text(self) -> str:
        # MkDocs and Material print the title and description without escaping (nav, <meta>):
        # escape them here, or a title could carry markup into every page of the site.
        meta = {**self.meta, "title": html.escape(self.title)}
        if "description" in meta:
            meta["description"] = html.escape(meta["description"])
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
        return f"---\n{front}---\n\n{self.markdown}"


@dataclass
class Index:
    """Relations between content, computed once and then looked up by key."""

    fiches_by_objective: dict[tuple[str, str], list[tuple[ActionPlan, Fiche]]] = field(
        default_factory=lambda: defaultdict(list))
    other_actions_by_objective: dict[tuple[str, str], list[tuple[ActionPlan, Any]]] = field(
        default_factory=lambda: defaultdict(list))
    continued_by: dict[str, list[tuple[ActionPlan, Fiche]]] = field(default_factory=lambda: defaultdict(list))
    posts_by_fiche: dict[str, list[Post]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, content: Content) -> "Index":
        index = cls()
        for plan_id, plan in content.action_plans.items():
            for fiche in content.fiches.get(plan_id, []):
                entry = (plan, fiche)
                index.fiches_by_objective[(plan.policy_plan, "sd:" + fiche.strategic_objective)].append(entry)
                if fiche.operational_objective:
                    index.fiches_by_objective[(plan.policy_plan, "od:" + fiche.operational_objective)].append(entry)
                if isinstance(fiche.continues, str):
                    index.continued_by[fiche.continues].append(entry)
            objectives = content.objectives.get(plan.policy_plan)
            for action in plan.other_actions:
                for objective in action.objectives:
                    kind = "od:" if objectives and objective in objectives.od else "sd:"
                    index.other_actions_by_objective[(plan.policy_plan, kind + objective)].append((plan, action))
        for post in content.posts:  # already newest first
            for reference in post.item.actions:
                index.posts_by_fiche[reference].append(post)
        return index


@dataclass
class Pages:
    pages: list[GeneratedPage]
    nav: list[Any]  # in mkdocs.yml's `nav` form, pointing at the pages' src_uri
    assets: dict[str, str] = field(default_factory=dict)  # site path → file to copy (news images)
    files: dict[str, bytes] = field(default_factory=dict)  # site path → generated content (calendars)
    posts: dict[str, Post] = field(default_factory=dict)  # page url → news item, for the feeds
    metadata: Metadata | None = None  # for the sharing tags of the hand-written pages in docs/


POSTS_PER_PAGE = 10
LATEST_ON_HOME = 3


def generate_pages(content: Content, renderer: Renderer, site: dict[str, Any], identity: Identity,
                   fixed: dict[str, str] | None = None) -> Pages:
    """Every page and file of the site; `fixed` are addresses already taken (docs/ pages)."""
    # Every template builds addresses the same way; no page has to pass these along.
    renderer.env.globals.update(urls=urls, post_url=post_url, image_url=image_url,
                                voice=lambda u, je: u if identity.voice == "u" else je)
    index = Index.of(content)
    metadata = Metadata(site, identity)
    pages: list[GeneratedPage] = []
    nav: list[Any] = [{"Start": urls.src_uri(urls.HOME)}]
    pages.append(_generate_home(content, renderer, site, metadata))
    assets: dict[str, str] = {}
    posts: dict[str, Post] = {}
    files: dict[str, bytes] = {}
    for plan in sorted(content.policy_plans.values(), key=lambda p: p.first_year, reverse=True):
        section = _generate_policy_plan(plan, content, index, renderer, pages, assets)
        nav.append({html.escape(plan.label): section})
    for plan in sorted(content.action_plans.values(), key=lambda p: p.year, reverse=True):
        section = _generate_action_plan(plan, content, index, renderer, site, pages, files, assets, metadata)
        nav.append({html.escape(plan.title): section})
    nav.append({"Nieuws": urls.src_uri(urls.NEWS)})
    nav.append({"Agenda": urls.src_uri(urls.AGENDA)})
    nav.append({"Nieuwsbrief": urls.src_uri(urls.NEWSLETTERS)})
    _generate_news(content, index, renderer, site, pages, assets, posts, metadata)
    files.update(_generate_agenda(content, renderer, site, pages))
    files.update(_generate_newsletters(content, renderer, site, identity, pages))
    pages.append(_page(renderer, "field_reference.html", urls.FIELD_REFERENCE, "Alle velden",
                       description="Alle velden van plannen, fiches en nieuws.", tables=field_tables()))
    for page in pages:  # what a shared link shows; news items set their own (type, image)
        page.meta.setdefault("share", metadata.share(page.url, page.title, page.meta.get("description", "")))
    claims = PageClaims(fixed)
    for page in pages:
        claims.take(page.url, page.source or f"de pagina '{page.title}'")
    for path in [*assets, *files]:
        claims.take(path, f"het bestand {path}")
    claims.raise_if_any()
    return Pages(pages, nav, assets=assets, files=files, posts=posts, metadata=metadata)


def _page(renderer: Renderer, template: str, url: str, title: str, source: str = "",
          description: str = "", hide: tuple[str, ...] = (), jsonld: dict[str, Any] | None = None,
          **context) -> GeneratedPage:
    markdown = renderer.render(template, url, **context)
    meta: dict[str, Any] = {"description": description} if description else {}
    if hide:
        meta["hide"] = list(hide)  # Material's front matter: wide tables need the room
    if jsonld:
        meta["jsonld"] = jsonld
    return GeneratedPage(url, markdown, title, meta, source)


def _generate_home(content: Content, renderer: Renderer, site: dict[str, Any], metadata: Metadata) -> GeneratedPage:
    """What readers come for first: the current action plan and how far it is, what is coming,
    the latest news; the policy plan after that."""
    policy = max(content.policy_plans.values(), key=lambda p: p.first_year, default=None)
    action = max(content.action_plans.values(), key=lambda p: p.year, default=None)
    fiches = content.fiches.get(action.id, []) if action else []
    counts = {status: sum(f.status == status for f in fiches) for status in STATUS_LABELS}
    updates = sorted(((update, fiche) for fiche in fiches for update in fiche.progress),
                     key=lambda pair: (pair[0].date, fiche_order(pair[1])), reverse=True)
    return _page(renderer, "home.html", urls.HOME, site.get("site_name") or "Start",
                 description=site.get("site_description") or "", hide=("navigation", "toc"),
                 jsonld=metadata.home(), policy=policy, action=action, fiches=fiches, site=site, statuses=STATUS_LABELS,
                 counts={status: n for status, n in counts.items() if n},
                 updates=updates[:LATEST_ON_HOME], latest=content.posts[:LATEST_ON_HOME],
                 upcoming=upcoming_events(content)[:LATEST_ON_HOME])


def _appendix_links(plan_id: str, appendices: list, content: Content, assets: dict[str, str]) -> list[dict]:
    """Each appendix with where it can be read: its own page, the published file, or a link."""
    entries = []
    for appendix in appendices:
        href = ""
        if appendix.content:
            href = urls.appendix(plan_id, appendix.title)
        elif id(appendix) in content.appendix_files:
            path = content.appendix_files[id(appendix)]
            href = urls.appendix_file(plan_id, path.name)
            assets[href] = str(path)
        entries.append({"appendix": appendix, "href": href, "external": appendix.link})
    return entries


def _generate_policy_plan(plan: PolicyPlan, content: Content, index: Index, renderer: Renderer,
                          pages: list[GeneratedPage], assets: dict[str, str]) -> list[Any]:
    source = content.source_of(plan)
    overview = urls.policy_plan(plan.id)
    appendices = _appendix_links(plan.id, plan.appendices, content, assets)
    pages.append(_page(renderer, "policy_plan.html", overview, plan.label, source,
                       description=describe.policy_plan(plan), plan=plan, appendices=appendices))
    section: list[Any] = [urls.src_uri(overview)]
    for sd in plan.strategic_objectives:
        sd_url = urls.strategic_objective(plan.id, sd.id)
        fiches = index.fiches_by_objective[(plan.id, "sd:" + sd.id)]
        other_actions = index.other_actions_by_objective[(plan.id, "sd:" + sd.id)]
        pages.append(_page(
            renderer, "strategic_objective.html", sd_url, f"SD {sd.id}. {sd.title}", source,
            description=describe.strategic_objective(plan, sd, len(fiches) + len(other_actions)),
            plan=plan, sd=sd, fiches=fiches, other_actions=other_actions))
        sd_section: list[Any] = [urls.src_uri(sd_url)]
        for od in sd.operational_objectives:
            od_url = urls.operational_objective(plan.id, od.id)
            fiches = index.fiches_by_objective[(plan.id, "od:" + od.id)]
            other_actions = index.other_actions_by_objective[(plan.id, "od:" + od.id)]
            pages.append(_page(
                renderer, "operational_objective.html", od_url, f"OD {od.id}. {od.title}", source,
                description=describe.operational_objective(plan, od, len(fiches) + len(other_actions)),
                plan=plan, sd=sd, od=od, fiches=fiches, other_actions=other_actions))
            sd_section.append({html.escape(f"OD {od.id}"): urls.src_uri(od_url)})
        section.append({html.escape(f"SD {sd.id}. {sd.title}"): sd_section})
    pages.append(_page(renderer, "print_policy_plan.html", urls.print_view(plan.id), f"{plan.label}: afdrukversie",
                       source, description=f"Het volledige {plan.label} van {plan.zone} op één pagina, om af te "
                       "drukken of als pdf te bewaren.",
                       hide=("navigation", "toc"), plan=plan, appendices=appendices))
    _appendix_pages(plan, source, renderer, pages, section)
    return section


def _appendix_pages(plan: PolicyPlan | ActionPlan, source: str, renderer: Renderer,
                    pages: list[GeneratedPage], section: list[Any]) -> None:
    """An appendix written out as text (`inhoud`) is a page; a file or a link is only listed."""
    for appendix in plan.appendices:
        if not appendix.content:
            continue
        url = urls.appendix(plan.id, appendix.title)
        name = plan.label if isinstance(plan, PolicyPlan) else plan.title
        pages.append(_page(renderer, "appendix.html", url, appendix.title, source,
                           description=shorten(f"Bijlage bij {name}: {appendix.title}."),
                           plan=plan, appendix=appendix))
        section.append({html.escape(f"Bijlage: {appendix.title}"): urls.src_uri(url)})


def _generate_action_plan(plan: ActionPlan, content: Content, index: Index, renderer: Renderer,
                          site: dict[str, Any], pages: list[GeneratedPage], files: dict[str, bytes],
                          assets: dict[str, str], metadata: Metadata) -> list[Any]:
    source = content.source_of(plan)
    fiches = content.fiches.get(plan.id, [])
    objectives = content.objectives[plan.policy_plan]
    policy = objectives.plan
    overview = urls.action_plan(plan.id)
    appendices = _appendix_links(plan.id, plan.appendices, content, assets)
    pages.append(_page(
        renderer, "action_plan.html", overview, plan.title, source,
        description=f"Alle acties van het plan \u201c{plan.title}\u201d, met hun trekker en stand van zaken.",
        hide=("toc",),  # room for the "Stand van zaken" table
        plan=plan, policy=policy, objectives=objectives, fiches=fiches, appendices=appendices,
        statuses=STATUS_LABELS, chart=_status_chart(fiches, policy),
        themes=sorted({theme for fiche in fiches for theme in fiche.themes}),
        audiences=sorted({audience for fiche in fiches for audience in fiche.for_whom.audiences})))
    rows = timeline_rows(plan, fiches)
    timeline = urls.timeline(plan.id)
    pages.append(_page(renderer, "timeline.html", timeline, f"Tijdlijn: {plan.title}", source,
                       description=f"Tijdlijn van {plan.title}: welke van de {count(len(fiches), 'actie', 'acties')} "
                       f"loopt in welke maand van {plan.year}, met de mijlpalen.",
                       hide=("navigation", "toc"), plan=plan, fiches=fiches, rows=rows,
                       current_month=current_month(plan.year, content.now)))
    _generate_submission(plan, policy, fiches, objectives, rows, appendices, renderer, site, pages, files)
    about = urls.about_action_plan(plan.id)
    pages.append(_page(renderer, "about_action_plan.html", about, f"Over dit plan: {plan.title}", source,
                       description=describe.about_plan(plan, policy.zone),
                       plan=plan, policy=policy, appendices=appendices))
    section: list[Any] = [urls.src_uri(overview), {"Tijdlijn": urls.src_uri(timeline)},
                          {"Over dit plan": urls.src_uri(about)}]
    _appendix_pages(plan, source, renderer, pages, section)
    for fiche in fiches:
        url = urls.fiche(plan.id, fiche.key)
        sd = objectives.sd.get(fiche.strategic_objective)
        od = objectives.od.get(fiche.operational_objective or "")
        continues = content.fiche(fiche.continues) if isinstance(fiche.continues, str) else None
        # Without a summary: the title, then what the action is (fiches of one plan often start alike).
        description = shorten(fiche.summary or f"{fiche.title}: {_plain(fiche.what.description)}")
        pages.append(_page(
            renderer, "fiche.html", url, fiche.heading, content.source_of(fiche),
            description=description, jsonld=metadata.fiche(url, fiche, description),
            plan=plan, policy=policy, fiche=fiche, sd=sd, od=od, continues=continues,
            continued_by=index.continued_by.get(f"{plan.id}/{fiche.key}", []),
            posts=index.posts_by_fiche.get(f"{plan.id}/{fiche.key}", [])))
        # Fiches stay out of the nav: Material copies the nav into every page, so 200 fiches in it
        # would double every page's size. The overview, SD and OD pages and search lead to them.
    return section


def _generate_submission(plan: ActionPlan, policy: PolicyPlan, fiches: list[Fiche], objectives: Any,
                         rows: list[dict[str, Any]], appendices: list[dict], renderer: Renderer,
                         site: dict[str, Any], pages: list[GeneratedPage], files: dict[str, bytes]) -> None:
    """The document the zorgraad submits to the department: a print view and a Word file."""
    entries = [{"fiche": f, "anchor": urls.slug(f.key), "sd": objectives.sd.get(f.strategic_objective),
                "od": objectives.od.get(f.operational_objective or "")} for f in fiches]
    pages.append(_page(renderer, "print_action_plan.html", urls.print_view(plan.id),
                       f"{plan.title}: afdrukversie",
                       description=f"{plan.title} als indieningsdocument: {count(len(fiches), 'actiefiche', 'actiefiches')} "
                       "en de tijdlijn, om af te drukken of als pdf te bewaren.", hide=("navigation", "toc"), plan=plan, policy=policy,
                       fiches=entries, rows=rows, appendices=appendices, docx_url=urls.word_file(plan.id)))
    base = (site.get("site_url") or "http://localhost/").rstrip("/") + "/"
    helpers = {"markdown": renderer.markdown, "absolute": lambda href: urljoin(base, href),
               "date": long_date, "month": month_name, "month_abbr": month_abbr, "when": timing_text}
    # The file's own dates come from the content, not the clock: same plan, same bytes.
    stamps = [v.date for v in plan.versions] + ([plan.submitted_on] if plan.submitted_on else [])
    moment = dt.datetime.combine(max(stamps, default=dt.date(1980, 1, 1)), dt.time(), tzinfo=dt.timezone.utc)
    files[urls.word_file(plan.id)] = write_action_plan(plan, policy, fiches, objectives, rows, appendices,
                                                       helpers, moment)


def _status_chart(fiches: list[Fiche], policy: PolicyPlan) -> list[dict[str, Any]]:
    """Per strategic objective: how many fiches have each status (drawn as bars in CSS)."""
    rows = []
    for sd in policy.strategic_objectives:
        counts = {status: 0 for status in STATUS_LABELS}
        for fiche in fiches:
            if fiche.strategic_objective == sd.id and fiche.status:
                counts[fiche.status] += 1
        total = sum(counts.values())
        if total:
            rows.append({"sd": sd, "counts": counts, "total": total})
    return rows


def current_month(year: int, now: dt.datetime) -> int | None:
    """The build moment's month (Brussels time) when it falls in `year`: the timeline marks it."""
    if abs(now.year - year) > 1:  # far off (`make check` looks from the end of time): no zone arithmetic
        return None
    local = now.astimezone(BRUSSELS)
    return local.month if local.year == year else None


def timeline_rows(plan: ActionPlan, fiches: list[Fiche]) -> list[dict[str, Any]]:
    """One row per fiche, per sub-action and per other action with a timing, for the plan's year."""
    rows = []
    for fiche in fiches:
        period = Timing.month(fiche.period.start, fiche.period.end) if fiche.period else None
        label = f"{fiche.id}. {fiche.label}" if fiche.id is not None else fiche.label
        url = urls.fiche(plan.id, fiche.key)
        # Dated steps of "Hoe?" are the plan's own schedule: they belong on the timeline too.
        steps = [(step.when, _plain(step.what)) for step in (fiche.how.steps if fiche.how else []) if step.when]
        rows.append(_timeline_row(plan.year, "fiche", label, url, period, _moments(fiche.milestones) + steps,
                                  fiche=fiche))
        for sub in fiche.sub_actions:
            rows.append(_timeline_row(plan.year, "sub", sub.title, url + "#deelacties", sub.when,
                                      _moments(sub.milestones), lead=sub.lead))
    for number, action in enumerate(plan.other_actions, start=1):
        if action.when or action.milestones:
            rows.append(_timeline_row(plan.year, "other", action.title,
                                      urls.about_action_plan(plan.id) + f"#andere-actie-{number}",
                                      action.when, _moments(action.milestones), lead=action.lead))
    return rows


def _plain(markdown: str) -> str:
    """A step's Markdown as one line of text for a timeline cell (the fiche shows it in full)."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"^\s*(?:[-+*]|\d+\.)\s+", "", text, flags=re.M)
    return " ".join(re.sub(r"(\*\*|__|`)", "", text).split())


def _moments(milestones: list[Milestone]) -> list[tuple[Timing, str]]:
    return [(milestone.timing, milestone.what) for milestone in milestones]


def _timeline_row(year: int, kind: str, label: str, url: str, timing: Timing | None,
                  moments: list[tuple[Timing, str]], fiche: Fiche | None = None, lead: str = "") -> dict[str, Any]:
    """The twelve months of `year`: running (for sure or roughly), and the milestones in them.

    What lies outside the year, or has no month at all, becomes a note on the row: a plan's
    real dates are never moved into the year and words are never turned into a month. The
    milestones in the year are numbered per row: the marker in the cell and the list under the
    table carry the same number."""
    first, last = YearMonth(year, 1), YearMonth(year, 12)
    span = timing.span(year) if timing else None
    months = []
    for month in range(1, 13):
        current = YearMonth(year, month)
        inside = span is not None and span[0] <= current <= span[1]
        months.append({"month": month, "running": inside and not timing.approximate,
                       "approximate": inside and timing.approximate, "milestones": [], "continuing": []})
    notes: list[str] = []
    if timing and span is None:
        notes.append(f"wanneer: {timing.text}")
    elif span is not None and (span[1] < first or span[0] > last):
        notes.append(f"loopt {timing_text(timing)}, buiten {year}")
    else:
        if span is not None and span[0] < first:
            notes.append(f"begon in {month_name(span[0])}")
        if span is not None and span[1] > last:
            notes.append(f"loopt door tot {month_name(span[1])}")
    _bar_ends(months, before=span is not None and span[0] < first, after=span is not None and span[1] > last)
    placed = []
    for moment, what in moments:
        mspan = moment.span(year)
        if mspan is None or mspan[1] < first or mspan[0] > last:
            notes.append(f"{timing_text(moment)}: {what}")
        else:
            placed.append((mspan, moment, what))
    # Numbered in the order of the months, so that the markers read 1, 2, 3 from left to right.
    placed.sort(key=lambda item: item[0][0])
    milestones = []
    for number, (mspan, moment, what) in enumerate(placed, start=1):
        milestones.append({"number": number, "what": what, "when": timing_text(moment),
                           "approximate": moment.approximate})
        # Only a month written exactly as the cell's month needs no words beside it.
        exact = not moment.text and mspan[0] == mspan[1]
        start = max(mspan[0], first)
        months[start.month - 1]["milestones"].append({
            "number": number, "what": what, "when": "" if exact else timing_text(moment),
            "approximate": moment.approximate})
        for month in range(start.month + 1, min(mspan[1], last).month + 1):
            months[month - 1]["continuing"].append(what)
    return {"kind": kind, "label": label, "url": url, "fiche": fiche, "lead": lead, "timing": timing,
            "months": months, "notes": notes, "milestones": milestones}


def _bar_ends(months: list[dict[str, Any]], before: bool, after: bool) -> None:
    """Where the bar of running months starts and ends in the year, so it is drawn with round
    ends there and runs on at the year's edge when the action began before or goes on after."""
    bar = [cell["running"] or cell["approximate"] for cell in months]
    for index, cell in enumerate(months):
        cell["starts"] = bar[index] and not (bar[index - 1] if index else before)
        cell["ends"] = bar[index] and not (bar[index + 1] if index < 11 else after)


def post_url(post: Post) -> str:
    return urls.post(post.year, post.month, post.slug)


def image_url(post: Post) -> str:
    """News images sit beside their item's page, under their own file name."""
    return post_url(post) + post.item.image.src.rsplit("/", 1)[-1] if post.item.image else ""


def _generate_news(content: Content, index: Index, renderer: Renderer, site: dict[str, Any],
                   pages: list[GeneratedPage], assets: dict[str, str], posts: dict[str, Post],
                   metadata: Metadata) -> None:
    all_posts = content.posts
    for post in all_posts:
        url = post_url(post)
        fiches = [found for reference in post.item.actions if (found := content.fiche(reference))]
        past = bool(post.item.event) and post.item.event.ends_at() < content.now
        item = post.item
        page = _page(renderer, "post.html", url, item.title, post.source, description=item.description,
                     jsonld=metadata.post(url, item.title, item.description, item.date, item.event, image_url(post)),
                     post=post, fiches=fiches, past=past)
        page.meta["share"] = metadata.share(url, item.title, item.description, "article", image_url(post),
                                            item.image.alt if item.image else "", item.published)
        pages.append(page)
        posts[url] = post
        if post.item.image:
            assets[image_url(post)] = str(post.folder / post.item.image.src)
    chunks = [all_posts[i:i + POSTS_PER_PAGE] for i in range(0, len(all_posts), POSTS_PER_PAGE)] or [[]]
    by_year: dict[str, list[Post]] = defaultdict(list)
    by_month: dict[tuple[str, str], list[Post]] = defaultdict(list)
    by_tag: dict[str, list[Post]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for post in all_posts:
        by_year[post.year].append(post)
        by_month[(post.year, post.month)].append(post)
        # `Zorg`, `zorg` and `Zórg` want one address: they are one tag, under its most used spelling.
        for address in dict.fromkeys(urls.tag(tag) for tag in post.item.tags):
            by_tag[address].append(post)
        for tag in post.item.tags:
            spellings[urls.tag(tag)][tag] += 1
    tag_names = {address: min(names, key=lambda n: (-names[n], n)) for address, names in spellings.items()}
    archive = {"years": sorted(by_year, reverse=True), "tags": sorted(tag_names.values(), key=str.lower),
               "months": sorted(by_month, reverse=True)}
    zone = metadata.identity.name
    for number, chunk in enumerate(chunks, start=1):
        title = "Nieuws" if number == 1 else f"Nieuws, pagina {number}"
        heading = f"Het nieuwste nieuws van {zone}" if number == 1 else f"Nieuws van {zone}, pagina {number} van {len(chunks)}"
        description = describe.news_list(heading, chunk)
        pages.append(_page(renderer, "news_list.html", urls.news_page(number), title,
                           description=description, posts=chunk, number=number,
                           pages=len(chunks), archive=archive, site=site, kind="index"))
    for year, year_posts in by_year.items():
        pages.append(_page(renderer, "news_list.html", urls.news_year(year), f"Nieuws uit {year}",
                           description=describe.news_list(f"Nieuws van {zone} uit {year}", year_posts),
                           posts=year_posts, archive=archive, site=site, kind="year", year=year))
    for (year, month), month_posts in by_month.items():
        name = month_name(YearMonth(int(year), int(month)))
        pages.append(_page(renderer, "news_list.html", urls.news_month(year, month), f"Nieuws uit {name}",
                           description=describe.news_list(f"Nieuws van {zone} uit {name}", month_posts),
                           posts=month_posts, archive=archive, site=site, kind="month", year=year, month=int(month)))
    for address, tag_posts in by_tag.items():
        tag = tag_names[address]
        pages.append(_page(renderer, "news_list.html", address, f"Nieuws over {tag}",
                           description=f"Nieuws over {tag}: {count(len(tag_posts), 'bericht', 'berichten')}.",
                           posts=tag_posts, archive=archive, site=site, kind="tag", tag=tag))


def upcoming_events(content: Content) -> list[Post]:
    """Events that have not ended at build time, soonest first."""
    return sorted((p for p in content.posts if p.item.event and p.item.event.ends_at() >= content.now),
                  key=lambda p: (moment_start(p.item.event.start), p.slug))


def _generate_agenda(content: Content, renderer: Renderer, site: dict[str, Any],
                     pages: list[GeneratedPage]) -> dict[str, bytes]:
    events = [p for p in content.posts if p.item.event]
    upcoming = upcoming_events(content)
    past = sorted((p for p in events if p not in upcoming),
                  key=lambda p: (moment_start(p.item.event.start), p.slug), reverse=True)
    pages.append(_page(renderer, "agenda.html", urls.AGENDA, "Agenda",
                       description="Activiteiten, vormingen en netwerkmomenten van de eerstelijnszone.",
                       upcoming=upcoming, past=past, site=site, calendar_path=CALENDAR_PATH))
    name = f"{site.get('site_name') or 'Zonesite'}: agenda"
    files = {CALENDAR_PATH: build_calendar([(post_url(p), p) for p in events], site, name)}
    for post in events:
        files[post_url(post) + EVENT_FILE] = build_calendar([(post_url(post), post)], site, name)
    return files


def _generate_newsletters(content: Content, renderer: Renderer, site: dict[str, Any], identity: Identity,
                          pages: list[GeneratedPage]) -> dict[str, bytes]:
    issues = collect_issues(content)
    base = (site.get("site_url") or "").rstrip("/") + "/"
    links = {"archive_url": urls.NEWSLETTERS,
             "absolute": lambda url: base + url}
    pages.append(_page(renderer, "newsletter_archive.html", urls.NEWSLETTERS, "Nieuwsbrief",
                       description="Alle nieuwsbrieven van de eerstelijnszone.", issues=issues,
                       issue_url=issue_path))
    files: dict[str, bytes] = {}
    for issue in issues:
        url = issue_path(issue.month)
        first = issue.posts[0].item.title
        preheader = f"{first} en meer nieuws van {identity.name}" if len(issue.posts) > 1 else first
        email_html, email_text = render_email(issue, renderer.render_detached, identity, site,
                                              {**links, "web_url": url, "preheader": preheader})
        files[url + "email.html"] = email_html
        files[url + "email.txt"] = email_text
        pages.append(_page(renderer, "newsletter_web.html", url, f"Nieuwsbrief {month_name(issue.month)}",
                           description=shorten(f"De nieuwsbrief van {month_name(issue.month)}: "
                                               + "; ".join(post.item.title for post in issue.posts) + "."),
                           issue=issue, zone=identity, **links))
    return files
