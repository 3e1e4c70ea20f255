"""The yearly progress report (report.py) as a Word file, laid out like the submission document
(wordfile.py): the same page, headings, tables and Dutch. No MkDocs."""

from __future__ import annotations

import datetime as dt
from typing import Callable

from .report import NOT_MET, MilestoneLine, ProgressReport
from .worddoc import WordWriter


def write_progress_report(report: ProgressReport, zone: str, helpers: dict[str, Callable],
                          moment: dt.datetime) -> bytes:
    """`helpers`: markdown (text → HTML), absolute (address → full address), date, when (a timing in
    words), fiche_url."""
    date = helpers["date"]
    title = f"Voortgangsrapport {report.year}"
    w = WordWriter(helpers["markdown"], helpers["absolute"], zone, title)
    w.heading(title, level=0)
    w.paragraph(zone).runs[0].bold = True
    w.paragraph(f"Hoe ver de acties van het {report.plan.title} staan: de status, wat er in {report.year} "
                "gebeurde, de mijlpalen en de metingen van de indicatoren."
                + (f" Stand van zaken op {date(report.as_of)}." if report.as_of else ""))
    w.heading("Overzicht", 1)
    met, milestones = report.milestones
    counts = ", ".join(f"{n} {label.lower()}" for label, n in report.statuses)
    w.paragraph(f"{len(report.actions)} {'actie' if len(report.actions) == 1 else 'acties'}"
                + (f": {counts}" if counts else "") + ". "
                + (f"{met} van de {milestones} mijlpalen gehaald." if milestones else "Geen mijlpalen."))
    if report.actions:
        w.table(["Actie", "Trekker", "Status", "Klaar", "Mijlpalen gehaald"],
                [[a.fiche.heading, a.fiche.with_whom.lead, a.fiche.status_label or "Geen status",
                  f"{a.fiche.percent_done}\u00a0%" if a.fiche.percent_done is not None else "–",
                  f"{a.met} van {len(a.milestones)}" if a.milestones else "–"] for a in report.actions])
    for a in report.actions:
        fiche = a.fiche
        w.heading(fiche.heading, 1, new_page=True)
        # The objectives as the print view shows them: SD and OD say what they are.
        w.paragraph(f"SD {a.sd.id}. {a.sd.title}" if a.sd else f"SD {fiche.strategic_objective}").runs[0].bold = True
        if a.od:
            w.paragraph(f"OD {a.od.id}. {a.od.title}").runs[0].bold = True
        w.label("Status", fiche.status_label or "geen status")
        w.label("Trekker", fiche.with_whom.lead)
        if fiche.percent_done is not None:
            w.label("Klaar", f"{fiche.percent_done}\u00a0%")
        w.link("De actie op de website", helpers["fiche_url"](fiche))
        w.heading(f"Wat er in {report.year} gebeurde", 2)
        if not a.progress:
            w.paragraph(f"Geen voortgang genoteerd in {report.year}.")
        for update in a.progress:
            w.label(date(update.date), " ")
            w.text(update.text)
        w.heading("Mijlpalen", 2)
        if a.milestones:
            _milestones(w, a.milestones, date)
        else:
            w.paragraph("Deze actie heeft geen mijlpalen.")
        w.heading("Indicatoren", 2)
        if a.tracked:
            w.table(["Indicator", "Streefdoel", f"Gemeten in {report.year}", "Laatste waarde"],
                    [[i.name + (f"\n{i.kind}" if i.kind else ""),
                      "\n".join(filter(None, [i.target, f"Streefwaarde: {i.goal}" if i.goal else ""])) or "–",
                      "\n".join(f"{date(day)}: {value}" for day, value in i.measured) or "–",
                      i.latest + (f"\nop {date(i.latest_date)}" if i.latest_date else "")] for i in a.tracked])
        if a.untracked:
            w.paragraph("Nog zonder streefdoel of meting:" if a.tracked
                        else "Deze indicatoren hebben nog geen streefdoel of meting:")
            for i in a.untracked:
                w.bullet(i.name + (f" · {i.kind}" if i.kind else ""))
        if not a.indicators:
            w.paragraph("Deze actie heeft geen indicatoren.")
        if a.kinds:
            w.heading("Soorten evaluatie", 2)
            for label, chosen in a.kinds:
                w.paragraph(f"{'☒' if chosen else '☐'} {label}")
    if report.others:
        w.heading("Andere acties", 1, new_page=True)
        w.paragraph("Acties die het plan alleen in woorden beschrijft, zonder fiche.")
        for other in report.others:
            w.heading(other.action.title, 2)
            w.label("Trekker", other.action.lead)
            w.label("Wanneer", helpers["when"](other.action.when) if other.action.when else "")
            w.text(other.action.description)
            if other.milestones:
                _milestones(w, other.milestones, date)
    return w.save(moment)


def _milestones(w: WordWriter, lines: list[MilestoneLine], date: Callable) -> None:
    w.table(["Mijlpaal", "Gepland", "Gehaald?"],
            [[(f"{m.part}: " if m.part else "") + m.what, m.planned, f"✓ Gehaald op {date(m.met)}" if m.met else NOT_MET]
             for m in lines])
