"""Word layout for the submission document, with python-docx: A4 pages, Dutch (nl-BE) throughout,
a running header and page numbers, ruled tables whose header row repeats on every page and whose
columns are as wide as their longest word. What goes in the document is wordfile.py's business."""

from __future__ import annotations

import re

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

LANGUAGE = "nl-BE"
MARGIN = Mm(20)
LANDSCAPE_MARGINS = Mm(15), Mm(10)  # top and bottom, left and right: room for twelve months
HEADER_FILL = "E4E8F1"  # header rows, as in the print view
CELL_PADDING = Mm(1)


def set_language(doc: docx.document.Document) -> None:
    """nl-BE for every script (Word's spelling check and hyphenation), and in the theme settings."""
    for lang in doc.styles.element.iter(qn("w:lang")):
        for attribute in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attribute), LANGUAGE)
    for lang in doc.settings.element.iter(qn("w:themeFontLang")):
        for attribute in ("w:val", "w:eastAsia"):
            lang.set(qn(attribute), LANGUAGE)
    # Word 2010's copy of the styles, with English in it; Word rebuilds it from styles.xml.
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.drop_rel(rel_id)


def page_setup(section, orientation: WD_ORIENT) -> None:
    section.orientation = orientation
    short, long = Mm(210), Mm(297)
    landscape = orientation == WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    ends, sides = LANDSCAPE_MARGINS if landscape else (MARGIN, MARGIN)
    section.top_margin = section.bottom_margin = ends
    section.left_margin = section.right_margin = sides
    section.header_distance = section.footer_distance = Mm(8)


def running_texts(section, header: str) -> None:
    """The zone and the plan above every page, "Pagina 3 van 12" below it (later sections follow)."""
    top = section.header.paragraphs[0]
    top.text = header
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    bottom = section.footer.paragraphs[0]
    bottom.alignment = WD_ALIGN_PARAGRAPH.CENTER
    bottom.add_run("Pagina ")
    _field(bottom, "PAGE", "1")
    bottom.add_run(" van ")
    _field(bottom, "NUMPAGES", "1")


def _field(paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES): begin, instruction, separate, last known result, end."""
    def char(kind: str):
        run = OxmlElement("w:r")
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        run.append(mark)
        paragraph._p.append(run)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run = OxmlElement("w:r")
    run.append(code)
    paragraph._p.append(run)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def shade(cell, fill: str, pattern: str = "clear") -> None:
    """A cell tinted with `fill`; a pattern such as "diagStripe" draws stripes in the text colour."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), pattern)
    shading.set(qn("w:color"), "auto" if pattern == "clear" else "7A8FC4")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def header_row(row, texts: list[str]) -> None:
    """Bold on a tint, and repeated at the top of every page the table runs over (w:tblHeader)."""
    for cell, text in zip(row.cells, texts):
        cell.paragraphs[0].add_run(text).bold = True
        shade(cell, HEADER_FILL)
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(marker)


def keep_rows_whole(table) -> None:
    for row in table.rows[1:]:
        keep = OxmlElement("w:cantSplit")
        keep.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(keep)


# The table helpers below walk the table's XML rows and cells themselves: python-docx's `columns`,
# `rows[i].cells` and `column.cells` rebuild the whole cell grid on every call, which made a Word
# table quadratic in its size (most of the Word files' time). The XML written is the same.

def set_widths(table, widths: list[float]) -> None:
    """Fixed column widths (points): Word reads them from the cells, LibreOffice from the grid."""
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths):
        column.w = Pt(width)
    for row in table._tbl.tr_lst:
        for cell, width in zip(row.tc_lst, widths):
            cell.width = Pt(width)


def narrow_cells(table) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(CELL_PADDING.twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    properties = table._tbl.tblPr
    look = properties.find(qn("w:tblLook"))  # the schema wants the margins before it
    look.addprevious(margins) if look is not None else properties.append(margins)


# Advance widths in em of a wide sans-serif face (DejaVu Sans, wider than Calibri): an estimate
# that errs on the safe side whichever font Word or LibreOffice ends up using.
_NARROWEST, _NARROW, _WIDE = set("ijl.,;:'!|"), set("ftr()[] -"), set("mwMW")


def _text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width in points of `text` at `size` points."""
    em = sum(0.3 if c in _NARROWEST else 0.42 if c in _NARROW else 0.98 if c in _WIDE
             else 0.8 if c.isupper() else 0.65 for c in text)
    return em * size * (1.1 if bold else 1.0)


def _words(text: str) -> list[str]:
    # A line may break at a space or after a hyphen, nowhere else.
    return [part for word in text.split() for part in re.findall(r"[^-]+-?|-", word)]


def column_widths(header: list[str], rows: list[list[str]], size: float, usable: float) -> list[float] | None:
    """Column widths (points) filling `usable` in which no word has to break: each column gets its
    longest word, the space left goes to the columns with the most text. None if it cannot fit."""
    padding = 2 * CELL_PADDING.pt + 2
    columns = [[head] + [row[index] for row in rows] for index, head in enumerate(header)]
    needs = [padding + max(_text_width(word, size, bold=i == 0) for i, text in enumerate(texts)
                           for word in _words(text) or [""])
             for texts in columns]
    spare = usable - sum(needs)
    if spare < 0:
        return None
    amounts = [sum(_text_width(text, size) for text in texts[1:]) + 1 for texts in columns]
    return [need + spare * amount / sum(amounts) for need, amount in zip(needs, amounts)]


def usable_width(section) -> float:
    """The width (points) between the margins of a section."""
    return (section.page_width - section.left_margin - section.right_margin) / Pt(1)


def cell_text(table, size: float) -> None:
    """Text at `size` points with a little air above and below, so that rows do not run together."""
    for cell in (cell for row in table._tbl.tr_lst for cell in row.tc_lst):
        for element in cell.p_lst:
            paragraph = Paragraph(element, table)
            paragraph.paragraph_format.space_before = paragraph.paragraph_format.space_after = Pt(size / 5)
            for run in paragraph.runs:
                run.font.size = Pt(size)
