"""The action plan as a Word file in the department's template order, made with python-docx.

Submittable as it is: A4, Dutch (nl-BE) throughout, the zone as author, page numbers and a running
header, real headings (Heading 1–3: the document map and a table of contents work), ruled tables
whose header row repeats on every page, the timeline on a landscape page of its own, ☒/☐ for the
evaluation kinds, and the editors' Markdown kept as bold, italics, lists and links. No MkDocs."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any, Callable

import docx
import lxml.html
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.policy import PolicyPlan
from .wordlayout import (LANGUAGE, cell_text, column_widths, header_row, keep_rows_whole, narrow_cells,
                         page_setup, running_texts, set_language, set_widths, shade, usable_width)


BODY_SIZE = 10.5  # points
RUNNING_FILL = "C9D7F2"  # a month in which the action runs, the site's timeline colour
TIMELINE_SIZES = (8, 7, 6)  # points: the largest at which every column holds its longest word


class _Writer:
    def __init__(self, markdown: Callable[[str], str], absolute: Callable[[str], str], zone: str, title: str):
        self.doc = docx.Document()
        self.doc.styles["Normal"].font.name = "Calibri"
        self.doc.styles["Normal"].font.size = Pt(BODY_SIZE)
        set_language(self.doc)
        section = self.doc.sections[0]
        page_setup(section, WD_ORIENT.PORTRAIT)
        running_texts(section, f"{zone} · {title}")
        self.markdown = markdown
        self.absolute = absolute
        self.zone, self.title = zone, title
        self._style_ids: dict[str, str] = {}

    # python-docx looks a style up by name through the whole styles part on every use: the Word
    # file of a 50-action plan spent half its time there. Each name is looked up once here.
    def _style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def paragraph(self, text: str = "", style: str | None = None):
        paragraph = self.doc.add_paragraph(text)
        if style:
            paragraph._p.style = self._style_id(style)
        return paragraph

    def new_table(self, rows: int, cols: int):
        table = self.doc.add_table(rows=rows, cols=cols)
        table._tbl.tblStyle_val = self._style_id("Table Grid")
        return table

    # Markdown → Word ------------------------------------------------------------------------
    def text(self, markdown: str) -> None:
        if not markdown or not markdown.strip():
            return
        root = lxml.html.fragment_fromstring(self.markdown(markdown), create_parent="div")
        for block in root:
            self._block(block, level=0)

    def _block(self, element, level: int) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("ul", "ol"):
            style = "List Bullet" if tag == "ul" else "List Number"
            for item in element.findall("li"):
                paragraph = self.paragraph(style=style if level == 0 else f"{style} 2")
                self._inline(paragraph, item, skip_blocks=True)
                for child in item:
                    if child.tag in ("ul", "ol"):
                        self._block(child, level + 1)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            paragraph = self.doc.add_paragraph()
            self._inline(paragraph, element)
            for run in paragraph.runs:
                run.bold = True
        elif tag == "div":
            for child in element:
                self._block(child, level)
        elif tag == "table":
            rows = element.findall(".//tr")
            if rows:
                width = max(len(r.findall("th") + r.findall("td")) for r in rows)
                table = self.new_table(rows=0, cols=width)
                for row in rows:
                    cells = table.add_row().cells
                    for cell, source in zip(cells, row.findall("th") + row.findall("td")):
                        self._inline(cell.paragraphs[0], source)
        elif tag:
            self._inline(self.doc.add_paragraph(), element)

    def _inline(self, paragraph, element, bold=False, italic=False, skip_blocks=False) -> None:
        if element.text:
            self._run(paragraph, element.text, bold, italic)
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if skip_blocks and tag in ("ul", "ol"):
                pass
            elif tag == "a":
                self._link(paragraph, child.text_content(), child.get("href", ""))
            elif tag == "br":
                paragraph.add_run().add_break()
            else:
                self._inline(paragraph, child, bold or tag in ("strong", "b"), italic or tag in ("em", "i"))
            if child.tail:
                self._run(paragraph, child.tail, bold, italic)

    @staticmethod
    def _run(paragraph, text: str, bold: bool, italic: bool) -> None:
        # Markdown's line breaks and their indentation are one space in running text.
        run = paragraph.add_run(re.sub(r"[ \t]*\n\s*", " ", text))
        run.bold, run.italic = bold or None, italic or None

    def _link(self, paragraph, text: str, href: str) -> None:
        # python-docx has no hyperlink API: a w:hyperlink element with a relationship does it.
        target = self.absolute(href)
        rel = paragraph.part.relate_to(target, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), rel)
        run = OxmlElement("w:r")
        props = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        underline = OxmlElement("w:u")
        underline.set(qn("w:val"), "single")
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), "1F4E9A")
        props.extend([style, colour, underline])
        run.append(props)
        node = OxmlElement("w:t")
        node.text = text
        node.set(qn("xml:space"), "preserve")
        run.append(node)
        link.append(run)
        paragraph._p.append(link)

    # Building blocks ------------------------------------------------------------------------
    def heading(self, text: str, level: int, new_page: bool = False) -> None:
        # A heading that opens a page itself, rather than an empty paragraph with a break before it.
        style = "Title" if level == 0 else f"Heading {level}"
        self.paragraph(text, style).paragraph_format.page_break_before = new_page or None

    def section(self, title: str, markdown: str, level: int) -> None:
        """A heading with its text, or nothing when the field is empty."""
        if markdown and markdown.strip():
            self.heading(title, level)
            self.text(markdown)

    def label(self, label: str, value: str) -> None:
        if value:
            paragraph = self.doc.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        """A ruled table, its header row repeated on each page, columns as wide as their words."""
        table = self.new_table(rows=1, cols=len(header))
        narrow_cells(table)
        header_row(table.rows[0], header)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row):
                cell.text = text
        keep_rows_whole(table)
        cell_text(table, BODY_SIZE)
        widths = column_widths(header, rows, BODY_SIZE, usable_width(self.doc))
        if widths:
            set_widths(table, widths)

    def bullet(self, text: str, href: str = "") -> None:
        """A list item: a link when there is an address, else the text alone."""
        paragraph = self.paragraph(style="List Bullet")
        if href:
            self._link(paragraph, text, href)
        else:
            paragraph.add_run(text)

    def landscape_section(self) -> None:
        page_setup(self.doc.add_section(WD_SECTION.NEW_PAGE), WD_ORIENT.LANDSCAPE)

    def portrait_section(self) -> None:
        page_setup(self.doc.add_section(WD_SECTION.NEW_PAGE), WD_ORIENT.PORTRAIT)

    def save(self, moment: dt.datetime) -> bytes:
        properties = self.doc.core_properties
        properties.author = properties.last_modified_by = self.zone
        properties.title = self.title
        properties.language = LANGUAGE
        properties.comments = ""
        properties.created = properties.modified = moment.replace(tzinfo=None)
        properties.last_printed = moment.replace(tzinfo=None)
        properties.revision = 1
        raw = io.BytesIO()
        self.doc.save(raw)
        return _fixed_zip_times(raw.getvalue(), moment)


def _fixed_zip_times(data: bytes, moment: dt.datetime) -> bytes:
    """A .docx is a zip with a timestamp per member: fix them so that builds are reproducible."""
    # Zip can store 1980 to 2107 only.
    stamp = min(max(moment, dt.datetime(1980, 1, 1, tzinfo=moment.tzinfo)),
                dt.datetime(2107, 12, 31, tzinfo=moment.tzinfo)).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()


def _timeline_cells(row: dict[str, Any]) -> list[list[str]]:
    """A timeline row (pages._timeline_row) as the milestones per month, with their words when
    they have no exact month, as on the site."""
    return [[m["what"] + (f" ({m['when']})" if m["when"] else "") for m in cell["milestones"]]
            for cell in row["months"]]


def _action_cell(row: dict[str, Any]) -> list[str]:
    """The action's name, then its timing in words and what lies outside the year."""
    prefix = {"sub": "Deelactie: ", "other": "Andere actie: "}.get(row["kind"], "")
    extra = ([row["timing"].text] if row["timing"] and row["timing"].text else []) + row["notes"]
    return [prefix + row["label"]] + extra


def _write_timeline(w: _Writer, plan: ActionPlan, timeline: list[dict[str, Any]], month_abbr: Callable) -> None:
    """The timeline on a landscape page of its own: a column per month, wide enough for its words."""
    w.landscape_section()
    w.heading("Tijdlijn", 1)
    w.doc.add_paragraph(f"Welke actie loopt in welke maand van {plan.year}: een gekleurd vak betekent dat "
                        "de actie die maand loopt, een gestreept vak dat ze ongeveer dan loopt (het plan noemt "
                        "geen vaste maand); in het vak staan de mijlpalen van die maand. Wat buiten het jaar "
                        "valt, staat bij de naam van de actie.")
    headers = ["Actie"] + [month_abbr(m) for m in range(1, 13)]
    actions = [_action_cell(row) for row in timeline]
    months = [_timeline_cells(row) for row in timeline]
    as_rows = [[" ".join(texts) for texts in [action] + cells] for action, cells in zip(actions, months)]
    usable = usable_width(w.doc)
    # The largest size at which every word fits; at the smallest, words break rather than the page.
    size, widths = next(((size, widths) for size in TIMELINE_SIZES
                         if (widths := column_widths(headers, as_rows, size, usable))),
                        (TIMELINE_SIZES[-1], [usable / 13] * 13))
    table = w.new_table(rows=1, cols=13)
    narrow_cells(table)
    header_row(table.rows[0], headers)
    for row, action, cells in zip(timeline, actions, months):
        out = table.add_row().cells
        _cell_lines(out[0], action)
        for cell, month_cell, texts in zip(out[1:], row["months"], cells):
            _cell_lines(cell, texts)
            if month_cell["running"]:
                shade(cell, RUNNING_FILL)
            elif month_cell["approximate"]:
                shade(cell, RUNNING_FILL, pattern="diagStripe")
    keep_rows_whole(table)
    set_widths(table, widths)
    cell_text(table, size)
    w.portrait_section()


def _cell_lines(cell, lines: list[str]) -> None:
    """Each text its own paragraph in the cell: no separators that read as symbols."""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.add_run(line)


def write_action_plan(plan: ActionPlan, policy: PolicyPlan, fiches: list[Fiche], objectives: Any,
                      timeline: list[dict[str, Any]], appendices: list[dict[str, Any]],
                      helpers: dict[str, Callable], moment: dt.datetime) -> bytes:
    """`helpers`: markdown (text → HTML), absolute (url → full address), date, month, month_abbr,
    when (a Timing in words)."""
    w = _Writer(helpers["markdown"], helpers["absolute"], policy.zone, plan.title)
    date, month, when = helpers["date"], helpers["month"], helpers["when"]
    w.heading(plan.title, level=0)
    w.doc.add_paragraph(policy.zone).runs[0].bold = True
    w.doc.add_paragraph(f"Actieplan voor {plan.year}, ter uitvoering van het beleidsplan"
                        + (f" ({policy.title})." if policy.title else "."))
    if plan.submitted_on:
        w.doc.add_paragraph(f"Ingediend bij het Departement Zorg op {date(plan.submitted_on)}.")
    if plan.versions:
        w.heading("Versies", 1)
        w.table(["Versie", "Datum", "Wat veranderde", "Door"],
                [[v.version, date(v.date), v.description, v.author] for v in plan.versions])
    w.section("Inleiding", plan.introduction, 1)
    w.section("Communicatie naar specifieke doelgroepen", plan.communication_audiences, 1)
    if plan.network_organisation:
        w.heading("Functioneren als netwerkorganisatie", 1)
        network = plan.network_organisation
        w.label("Personeelstijd hiervoor", " · ".join(filter(None, [
            f"{network.staff_time_percent}%" if network.staff_time_percent is not None else "", network.staff_time])))
        w.text(plan.network_organisation.description)
    if plan.other_actions:
        w.heading("Andere acties", 1)
        for action in plan.other_actions:
            w.heading(action.title, 2)
            if action.objectives:
                w.label("Doelstelling", ", ".join(action.objectives))
            w.label("Trekker", action.lead)
            w.label("Wanneer", when(action.when))
            w.text(action.description)
            w.label("Doel", action.objective)
            _milestones(w, action.milestones, when)
    _write_timeline(w, plan, timeline, helpers["month_abbr"])
    if appendices:
        w.heading("Bijlagen", 1)
        for entry in appendices:
            appendix = entry["appendix"]
            w.bullet(appendix.title, entry["href"] or entry["external"])
            w.text(appendix.description)
    for fiche in fiches:
        _write_fiche(w, fiche, objectives, month, when)
    return w.save(moment)


def _milestones(w: _Writer, milestones: list, when: Callable) -> None:
    if milestones:
        w.table(["Wanneer", "Mijlpaal"], [[when(m.timing) + (" (ongeveer)" if m.timing.approximate else ""), m.what]
                                          for m in milestones])


def _write_fiche(w: _Writer, fiche: Fiche, objectives: Any, month: Callable, when: Callable) -> None:
    w.heading(fiche.heading, 1, new_page=True)
    sd = objectives.sd.get(fiche.strategic_objective)
    od = objectives.od.get(fiche.operational_objective or "")
    w.label("Strategische doelstelling", f"SD {sd.id}. {sd.title}" if sd else fiche.strategic_objective)
    if od:
        w.label("Operationele doelstelling", f"OD {od.id}. {od.title}")
    w.label("Status", fiche.status_label)
    if fiche.continues is not None:
        continues = fiche.continues
        w.label("Zet voort", continues if isinstance(continues, str) else continues.text)
    w.label("Korte naam", fiche.short_title)
    w.label("Samenvatting", fiche.summary)
    w.heading("Wat?", 2)
    w.text(fiche.what.description)
    for title, items in (("Wat doen we wel?", fiche.what.do), ("Wat doen we niet?", fiche.what.dont)):
        if items:
            w.heading(title, 3)
            w.text("\n".join(f"- {item}" for item in items))
    w.heading("Waarom?", 2)
    w.text(fiche.why)
    w.heading("Voor wie?", 2)
    w.label("Doelgroepen", "; ".join(fiche.for_whom.audiences))
    w.label("Doelwitgroep", fiche.for_whom.target_group)
    w.text(fiche.for_whom.explanation)
    w.heading("Met wie?", 2)
    w.label("Trekker", fiche.with_whom.lead)
    if fiche.with_whom.council_role:
        w.label("Rol van de zorgraad", " ")
        w.text(fiche.with_whom.council_role)
    if fiche.with_whom.stakeholders:
        w.label("Partners", " ")
        w.text("\n".join(f"- **{s.name}**" + (f": {s.role}" if s.role else "") for s in fiche.with_whom.stakeholders))
    if fiche.how:
        w.heading("Hoe?", 2)
        w.text(fiche.how.description)
        for step in fiche.how.steps:
            w.label(when(step.when) or "Stap", " ")
            w.text(step.what)
    if fiche.milestones or fiche.period:
        w.heading("Mijlpalen", 2)
        if fiche.period:
            w.doc.add_paragraph(f"De actie loopt van {month(fiche.period.start)} tot en met {month(fiche.period.end)}.")
        _milestones(w, fiche.milestones, when)
    if fiche.sub_actions:
        w.heading("Deelacties", 2)
        for sub in fiche.sub_actions:
            w.heading(sub.title, 3)
            w.label("Trekker", sub.lead)
            w.label("Wanneer", when(sub.when) + (" (ongeveer)" if sub.when and sub.when.approximate else ""))
            w.text(sub.description)
            _milestones(w, sub.milestones, when)
    w.heading("Evaluatie", 2)
    for label, kind in fiche.evaluation.kinds():
        w.heading(f"{'☒' if kind.chosen else '☐'} {label}", 3)
        w.text(kind.description)
        if kind.target:
            w.label("Streefdoel", " ")
            w.text(kind.target)
        if kind.method:
            w.label("Meetmethode", " ")
            w.text(kind.method)
        if kind.indicators:
            _indicators(w, kind.indicators)
    if fiche.evaluation.indicators:
        w.heading("Indicatoren", 3)
        _indicators(w, fiche.evaluation.indicators)
    if isinstance(fiche.link, str):
        w.section("Link met andere doelstellingen", fiche.link, 2)
    elif fiche.link:
        w.heading("Link met andere doelstellingen", 2)
        for reference in fiche.link:
            w.bullet(reference.text, reference.link)
    w.section("Communicatie", fiche.communication, 2)


def _indicators(w: _Writer, indicators: list) -> None:
    w.table(["Indicator", "Meetmethode", "Streefdoel"],
            [[i.indicator + (f" (soort: {i.kind})" if i.kind else "") + (f" ({i.explanation})" if i.explanation else ""),
              i.method, i.target] for i in indicators])
