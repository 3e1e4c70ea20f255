"""Word documents with python-docx: the building blocks the submission document is written with.

python-docx has no hyperlink API and looks styles up slowly; both are handled here, so that the
document itself (wordfile.py) reads as the department's template, section by section."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Callable

import docx
import lxml.html
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Emu, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from .wordlayout import (LANGUAGE, cell_text, column_widths, header_row, keep_rows_whole, narrow_cells,
                         page_setup, running_texts, set_language, set_widths, usable_width)

BODY_SIZE = 10.5  # points


class WordWriter:
    """A Word document written block by block: headings, labelled values, ruled tables, and the
    editors' Markdown (converted once elsewhere) as paragraphs, lists, bold, italics and links."""

    def __init__(self, markdown: Callable[[str], str], absolute: Callable[[str], str], zone: str, title: str):
        self.doc = docx.Document()
        self.doc.styles["Normal"].font.name = "Calibri"
        self.doc.styles["Normal"].font.size = Pt(BODY_SIZE)
        set_language(self.doc)
        section = self.doc.sections[0]
        page_setup(section, WD_ORIENT.PORTRAIT)
        running_texts(section, f"{zone} · {title}")
        # The current section's width between the margins, kept here: python-docx finds the last
        # section by searching the whole body, once per table that was quadratic in the plan's size.
        self.width = usable_width(section)
        self._end = self.doc.element.body.sectPr
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

    # python-docx puts every new paragraph or table before the body's closing section properties,
    # which it finds by reading through the whole body (and a table's width by searching for the
    # last section): quadratic in the plan's length, most of the Word file's time at 200 fiches.
    # The writer keeps that element and the width, and puts new blocks in place itself.
    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        self._end.addprevious(element)
        paragraph = Paragraph(element, self.doc._body)
        if text:
            paragraph.add_run(text)
        if style:
            element.style = self._style_id(style)
        return paragraph

    def new_table(self, rows: int, cols: int) -> Table:
        element = CT_Tbl.new_tbl(rows, cols, Emu(round(self.width * Pt(1))))
        self._end.addprevious(element)
        element.tblStyle_val = self._style_id("Table Grid")
        return Table(element, self.doc._body)

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
            paragraph = self.paragraph()
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
            self._inline(self.paragraph(), element)

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
            paragraph = self.paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(value)

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        """A ruled table, its header row repeated on each page, columns as wide as their words."""
        table = self.new_table(rows=1, cols=len(header))
        narrow_cells(table)
        header_row(table.rows[0], header)
        for row in rows:
            # The new row's cells straight from its XML: `Row.cells` rebuilds the whole grid each time.
            for cell, text in zip(table.add_row()._tr.tc_lst, row):
                _Cell(cell, table).text = text
        keep_rows_whole(table)
        cell_text(table, BODY_SIZE)
        widths = column_widths(header, rows, BODY_SIZE, self.width)
        if widths:
            set_widths(table, widths)

    def link(self, text: str, href: str) -> None:
        """A paragraph that is one link (a page of the site, or a full address)."""
        self._link(self.paragraph(), text, href)

    def bullet(self, text: str, href: str = "") -> None:
        """A list item: a link when there is an address, else the text alone."""
        paragraph = self.paragraph(style="List Bullet")
        if href:
            self._link(paragraph, text, href)
        else:
            paragraph.add_run(text)

    def landscape_section(self) -> None:
        self._new_section(WD_ORIENT.LANDSCAPE)

    def portrait_section(self) -> None:
        self._new_section(WD_ORIENT.PORTRAIT)

    def _new_section(self, orientation: WD_ORIENT) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        page_setup(section, orientation)
        self.width = usable_width(section)

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
        return fixed_zip_times(raw.getvalue(), moment)


def fixed_zip_times(data: bytes, moment: dt.datetime) -> bytes:
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
