"""The checklist's Word and Excel renderers as they were before issue 20 (commit b7b7d48), kept
only as the baseline that ``make bench`` measures the new document writers against in the same run
(the issue's bar: every format now, including PDF, ODT and ODS, costs no more than the six formats
did; Word alone at least twice as fast). Not used by the toolkit."""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from toolkit.base import pick, quantity, t, term
from toolkit.domain import KOLOMMEN, OVER, STATUSSEN, Checklist
from toolkit.render.checklist import (
    OPEN,
    _lesson_numbers,
    _profile_rows,
    _progress_lines,
    _title,
    deadline_text,
    evidence_source,
    start_here,
)


def append_row(blad: Any, waarden: Sequence[Any]) -> None:
    """As toolkit.base had it then: text stored as text."""
    blad.append(list(waarden))
    for cel in blad[blad.max_row]:
        if isinstance(cel.value, str):
            cel.data_type = "s"


#: A table cell: plain text, or paragraphs as (text, italic).
Cel = str | Sequence[tuple[str, bool]]


def _document(titel: str, inleiding: str = "", lettergrootte: int | None = None) -> Any:
    """A new document with ``titel`` as its title (heading and document property)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    if lettergrootte:
        doc.styles["Normal"].font.size = Pt(lettergrootte)
    doc.core_properties.title = titel
    doc.add_heading(titel, level=0)
    if inleiding:
        doc.add_paragraph(inleiding)
    return doc


def _put_text(doel: Any, tekst: str, nieuwe_alinea: bool = False, cursief: bool = False) -> None:
    """Text into a cell or paragraph as one run (white space folded)."""
    from docx.oxml.ns import qn

    alinea = doel.add_paragraph() if nieuwe_alinea else (doel.paragraphs[0] if hasattr(doel, "paragraphs") else doel)
    run = alinea._p.add_r()
    tekst_element = run.add_t(" ".join(str(tekst).split()))
    tekst_element.set(qn("xml:space"), "preserve")
    if cursief:
        alinea.runs[-1].italic = True


def _table(doc: Any, kop: Sequence[str] | None, rijen: Sequence[Sequence[Cel]]) -> Any:
    """A grid table with an optional header row; every row made at once."""
    aantal_kolommen = len(kop) if kop else len(rijen[0])
    tabel = doc.add_table(rows=len(rijen) + (1 if kop else 0), cols=aantal_kolommen)
    tabel.style = doc.styles["Table Grid"]
    alle = list(tabel.rows)
    if kop:
        for cel, tekst in zip(alle[0].cells, kop, strict=True):
            _put_text(cel, tekst)
        alle = alle[1:]
    for rij, waarden in zip(alle, rijen, strict=True):
        for cel, waarde in zip(rij.cells, waarden, strict=True):
            delen = [(waarde, False)] if isinstance(waarde, str) else list(waarde)
            for i, (tekst, cursief) in enumerate(delen):
                _put_text(cel, tekst, nieuwe_alinea=i > 0, cursief=cursief)
    return tabel


def _bullets(doc: Any, regels: Iterable[str], genummerd: bool = False) -> None:
    stijl = "List Number" if genummerd else "List Bullet"
    for regel in regels:
        doc.add_paragraph(regel, style=stijl)


def _section(doc: Any, kop: str, regels: Iterable[str], niveau: int = 1, genummerd: bool = False) -> None:
    """A heading with a bulleted (or numbered) list under it."""
    doc.add_heading(kop, level=niveau)
    _bullets(doc, regels, genummerd)


def _to_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def checklist_docx_voor(c: Checklist, taal: str) -> bytes:
    doc = _document(_title(c), t("checklist_uitleg", taal), lettergrootte=10)
    if start_here(c):
        doc.add_heading(t("begin_hier", taal), level=1)
        doc.add_paragraph(t("begin_hier_uitleg", taal))
        _table(doc, ["#", t("actie", taal)], [[str(i), [(a["tekst"], False), (a.get("waarom_nu", ""), True)]]
                                                  for i, a in enumerate(start_here(c), start=1)])  # fmt: skip
    doc.add_heading(t("uw_situatie", taal), level=1)
    _table(doc, None, [list(r) for r in _profile_rows(c)])
    if c["context"]["cijfers"]:
        doc.add_heading(t("cijfers_profiel", taal), level=1)
        _table(
            doc,
            [t(k, taal) for k in ("gebied", "kenmerk", "waarde", "bron")],
            [
                [
                    x["gebied"],
                    pick(x, "label", taal),
                    quantity(x["waarde"], x["eenheid"], taal),
                    f"{x['bron']}, {x['jaar']}",
                ]
                for x in c["context"]["cijfers"]
            ],
        )
    if c.get("voortgang"):
        _section(doc, f"{t('voortgang', taal)} ({c['voortgang']['peildatum']})", _progress_lines(c))
    for nummer in _lesson_numbers(c):
        acties = [a for a in c["acties"] if a["les"] == nummer]
        doc.add_heading(f"{t('les', taal)} {nummer}. {acties[0]['les_titel']}", level=1)
        rijen: list[list[Cel]] = []
        for a in acties:
            actie = [(a["tekst"], False), (a["waarom"], True)]
            actie.append((f"{t('waarom_opgenomen', taal)}: {'; '.join(a['aanleiding'])}", False))
            if deadline_text(a, taal):
                actie.append((deadline_text(a, taal), False))
            actie += [(f"{t('wet.kader', taal)}: {w['titel']} — {w['status_tekst']}", False)
                      for w in a.get("wettelijk_kader", [])]  # fmt: skip
            if a.get("logboek"):
                actie.append((f"{t('logboek_actie', taal)}: {a['logboek']}", False))
            actie += [(f"{evidence_source(b, taal)}: {b['claim']}", False) for b in a["bewijs"]]
            vink = "☒" if a.get("voortgang", {}).get("status") == "gedaan" else "☐"
            fasen = ", ".join(term("fase", f, taal) for f in a["fasen"])
            rijen.append([vink, actie, t(a["prioriteit"], taal), term("eigenaar", a["eigenaar"], taal), fasen])
        _table(doc, ["✓"] + [t(k, taal) for k in ("actie", "prioriteit", "eigenaar", "fasen")], rijen)
    return _to_bytes(doc)


def checklist_xlsx_voor(c: Checklist, taal: str) -> bytes:
    """The action register: one row per action; status as a dropdown; frozen header; filters.
    Every text cell is stored as text (see :mod:`toolkit.render.sheets`)."""

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    boek = Workbook()
    blad = boek.worksheets[0]
    blad.title = "Acties"
    append_row(blad, KOLOMMEN)
    for cel in blad[1]:
        cel.font = Font(bold=True)
        cel.fill = PatternFill("solid", fgColor="F6F3EF")
    for a in c["acties"]:
        v = a.get("voortgang", OPEN)
        deadline = date.fromisoformat(v["deadline"]) if v["deadline"] else None
        append_row(
            blad,
            [a["id"], a["les"], a["tekst"], a["prioriteit"], a["eigenaar"], ", ".join(a["fasen"]),
             v["status"], deadline, v["opmerkingen"],
             "; ".join(f"{w['titel']} ({w['status_tekst']})" for w in a.get("wettelijk_kader", []))],
        )  # fmt: skip
    laatste = blad.max_row
    keuzes = DataValidation(type="list", formula1='"' + ",".join(STATUSSEN) + '"', allow_blank=True)
    keuzes.error = "Kies: " + ", ".join(STATUSSEN)
    keuzes.errorTitle = "Status"
    blad.add_data_validation(keuzes)
    keuzes.add(f"G2:G{max(laatste, 2) + 200}")
    datums = DataValidation(type="date", allow_blank=True)
    blad.add_data_validation(datums)
    datums.add(f"H2:H{max(laatste, 2) + 200}")
    for rij in blad.iter_rows(min_row=2, min_col=8, max_col=8):
        for cel in rij:
            cel.number_format = "yyyy-mm-dd"
    blad.freeze_panes = "A2"
    blad.auto_filter.ref = f"A1:{get_column_letter(len(KOLOMMEN))}{laatste}"
    for kolom, breedte in zip("ABCDEFGHIJ", (8, 5, 70, 10, 12, 28, 10, 12, 40, 40), strict=True):
        blad.column_dimensions[kolom].width = breedte
    for rij in blad.iter_rows(min_row=2, min_col=3, max_col=3):
        for cel in rij:
            cel.alignment = Alignment(wrap_text=True, vertical="top")
    if start_here(c):  # right after the register: the actions to start with, and why now
        begin = boek.create_sheet(t("begin_hier", taal), 1)
        append_row(begin, ["#", "id", t("actie", taal), t("waarom_nu", taal)])
        for cel in begin[1]:
            cel.font = Font(bold=True)
        for i, a in enumerate(start_here(c), start=1):
            append_row(begin, [i, a["id"], a["tekst"], a.get("waarom_nu", "")])
        for kolom, breedte in zip("ABCD", (4, 8, 70, 50), strict=True):
            begin.column_dimensions[kolom].width = breedte
        for rij in begin.iter_rows(min_row=2, min_col=3, max_col=4):
            for cel in rij:
                cel.alignment = Alignment(wrap_text=True, vertical="top")
    if c.get("voortgang"):
        voortgang = boek.create_sheet("Voortgang")
        append_row(voortgang, [t("voortgang", taal), c["voortgang"]["peildatum"]])
        for regel in _progress_lines(c):
            append_row(voortgang, [regel])
    over = boek.create_sheet(OVER)  # which checklist this register belongs to (checked when read back)
    append_row(over, ["gemeente", c["context"]["gemeente"]])
    append_row(over, ["wijk", c["context"].get("wijk") or ""])
    profiel = boek.create_sheet("Profiel")
    append_row(profiel, [t("veld", taal), t("waarde", taal)])
    for sleutel, waarde in _profile_rows(c):
        append_row(profiel, [sleutel, waarde])
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
