"""The action plan as a Word file in the department's template order, made with python-docx.

Real headings (the document map works), Word tables for versions and timeline, ☒/☐ for the
evaluation kinds, and the editors' Markdown kept as bold, italics, lists and links. No MkDocs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any, Callable

import docx
import lxml.html
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .models.actionplan import ActionPlan
from .models.fiche import Fiche
from .models.policy import PolicyPlan


class _Writer:
    def __init__(self, markdown: Callable[[str], str], absolute: Callable[[str], str]):
        self.doc = docx.Document()
        self.doc.styles["Normal"].font.name = "Calibri"
        self.doc.styles["Normal"].font.size = Pt(10.5)
        self.markdown = markdown
        self.absolute = absolute

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
                paragraph = self.doc.add_paragraph(style=style if level == 0 else f"{style} 2")
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
                table = self.doc.add_table(rows=0, cols=width)
                table.style = "Table Grid"
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
        run = paragraph.add_run(" ".join(text.split("\n")))
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
    def heading(self, text: str, level: int) -> None:
        self.doc.add_heading(text, level=level)

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
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header):
            cell.paragraphs[0].add_run(text).bold = True
        for row in rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text

    def page_break(self) -> None:
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def save(self, moment: dt.datetime) -> bytes:
        properties = self.doc.core_properties
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


def _month_cells(row: dict[str, Any]) -> list[str]:
    """A timeline row (pages._timeline_row) as text cells: ■ where the action runs, then milestones."""
    return ["; ".join((["■"] if cell["running"] else []) + [m.what for m in cell["milestones"]])
            for cell in row["months"]]


def write_action_plan(plan: ActionPlan, policy: PolicyPlan, fiches: list[Fiche], objectives: Any,
                      timeline: list[dict[str, Any]], helpers: dict[str, Callable], moment: dt.datetime) -> bytes:
    """`helpers`: markdown (text → HTML), absolute (url → full address), date, month."""
    w = _Writer(helpers["markdown"], helpers["absolute"])
    date, month = helpers["date"], helpers["month"]
    w.doc.add_heading(plan.title, level=0)
    w.doc.add_paragraph(policy.zone).runs[0].bold = True
    w.doc.add_paragraph(f"Actieplan voor {plan.year}, ter uitvoering van het {policy.title.lower()}.")
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
        if plan.network_organisation.staff_time_percent is not None:
            w.label("Personeelstijd hiervoor", f"{plan.network_organisation.staff_time_percent}%")
        w.text(plan.network_organisation.description)
    if plan.other_actions:
        w.heading("Andere acties", 1)
        for action in plan.other_actions:
            w.heading(action.title, 2)
            if action.objectives:
                w.label("Doelstelling", ", ".join(action.objectives))
            w.text(action.description)
    w.heading("Tijdlijn", 1)
    w.doc.add_paragraph("■ = de actie loopt die maand; daarnaast de mijlpalen.")
    w.table(["Actie"] + [month(m, year=False)[:3] for m in range(1, 13)],
            [[f"{row['fiche'].id}. {row['fiche'].label}"] + _month_cells(row) for row in timeline])
    for fiche in fiches:
        w.page_break()
        _write_fiche(w, fiche, objectives, date, month)
    return w.save(moment)


def _write_fiche(w: _Writer, fiche: Fiche, objectives: Any, date: Callable, month: Callable) -> None:
    w.heading(f"Actie {fiche.id}. {fiche.title}", 1)
    sd = objectives.sd.get(fiche.strategic_objective)
    od = objectives.od.get(fiche.operational_objective or "")
    w.label("Strategische doelstelling", f"SD {sd.id}. {sd.title}" if sd else fiche.strategic_objective)
    if od:
        w.label("Operationele doelstelling", f"OD {od.id}. {od.title}")
    w.label("Status", fiche.status_label)
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
            w.label(step.when or "Stap", " ")
            w.text(step.what)
    if fiche.milestones or fiche.period:
        w.heading("Mijlpalen", 2)
        if fiche.period:
            w.doc.add_paragraph(f"De actie loopt van {month(fiche.period.start)} tot en met {month(fiche.period.end)}.")
        if fiche.milestones:
            w.table(["Wanneer", "Mijlpaal"],
                    [[month(m.month) + (f" tot {month(m.until)}" if m.until else ""), m.what] for m in fiche.milestones])
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
            w.table(["Indicator", "Meetmethode", "Streefdoel"],
                    [[i.indicator + (f" ({i.explanation})" if i.explanation else ""), i.method, i.target]
                     for i in kind.indicators])
    w.section("Link met andere doelstellingen", fiche.link, 2)
    w.section("Communicatie", fiche.communication, 2)
