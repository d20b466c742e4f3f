"""One workbook model for the spreadsheets the toolkit writes (Excel and ODS).

A report builds a :class:`Werkboek` once; :func:`write_xlsx` writes it with openpyxl and
:func:`toolkit.render.odf.write_sheets` as ``.ods``, with the same sheets, widths, validation lists
and print settings: A4 landscape, one page wide, the header row frozen and repeated on every printed
page. A cell limited to a list refuses any other value in the spreadsheet itself. Text is stored as
text, never as a formula (:func:`toolkit.base.append_row`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from toolkit.base import append_row


@dataclass
class Werkblad:
    naam: str
    kop: list[str] | None
    rijen: list[list[Any]]
    breedtes: list[float]  # per column, in characters (Excel's unit)
    omloop: set[int] = field(default_factory=set)  # columns whose text wraps
    keuzelijsten: dict[int, tuple[str, ...]] = field(default_factory=dict)  # column -> allowed values
    keuze_titel: str = ""
    keuze_melding: str = ""
    datumkolommen: set[int] = field(default_factory=set)
    filter: bool = False
    lege_rijen: int = 200  # rows under the data that keep the validation, for actions the team adds


@dataclass
class Werkboek:
    titel: str
    taal: str
    bladen: list[Werkblad]


def write_xlsx(boek: Werkboek) -> bytes:
    """The workbook as ``.xlsx`` bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    wb.properties.title = boek.titel
    wb.properties.language = {"nl": "nl-NL", "en": "en-GB"}.get(boek.taal, boek.taal)
    wb.remove(wb.worksheets[0])
    for werkblad in boek.bladen:
        blad = wb.create_sheet(werkblad.naam)
        if werkblad.kop:
            append_row(blad, werkblad.kop)
            for cel in blad[1]:
                cel.font = Font(bold=True)
                cel.fill = PatternFill("solid", fgColor="F6F3EF")
                cel.alignment = Alignment(wrap_text=True, vertical="top")
        for rij in werkblad.rijen:
            append_row(blad, rij)
            # an explicit height: Excel and LibreOffice both show every wrapped line (no overlap)
            blad.row_dimensions[blad.max_row].height = row_height(werkblad, rij)
        eerste = 2 if werkblad.kop else 1
        laatste = max(blad.max_row, eerste)
        for k, breedte in enumerate(werkblad.breedtes):
            letter = get_column_letter(k + 1)
            blad.column_dimensions[letter].width = breedte
            uitlijning = Alignment(wrap_text=k in werkblad.omloop, vertical="top")
            for (cel,) in blad.iter_rows(min_row=eerste, min_col=k + 1, max_col=k + 1):
                cel.alignment = uitlijning
            if k in werkblad.datumkolommen:
                for (cel,) in blad.iter_rows(min_row=eerste, min_col=k + 1, max_col=k + 1):
                    cel.number_format = "yyyy-mm-dd"
                datums = DataValidation(type="date", allow_blank=True, showErrorMessage=True)
                blad.add_data_validation(datums)
                datums.add(f"{letter}{eerste}:{letter}{laatste + werkblad.lege_rijen}")
        for k, keuzes in werkblad.keuzelijsten.items():
            letter = get_column_letter(k + 1)
            lijst = DataValidation(type="list", formula1='"' + ",".join(keuzes) + '"', allow_blank=True,
                                   showErrorMessage=True, errorStyle="stop", showDropDown=False)  # fmt: skip
            lijst.errorTitle = werkblad.keuze_titel or None
            lijst.error = werkblad.keuze_melding or None
            blad.add_data_validation(lijst)
            lijst.add(f"{letter}{eerste}:{letter}{laatste + werkblad.lege_rijen}")
        if werkblad.kop:
            blad.freeze_panes = "A2"
            blad.print_title_rows = "1:1"  # the header row on every printed page
            if werkblad.filter and werkblad.rijen:
                blad.auto_filter.ref = f"A1:{get_column_letter(len(werkblad.kop))}{laatste}"
        blad.page_setup.orientation = "landscape"
        blad.page_setup.paperSize = blad.PAPERSIZE_A4
        blad.page_setup.fitToWidth = 1
        blad.page_setup.fitToHeight = 0
        blad.sheet_properties.pageSetUpPr.fitToPage = True
        blad.print_options.gridLines = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


#: Points per line of 10-11 pt text, and the characters of a column's width that one line holds.
_REGEL_PT = 13.0
_TEKENS_PER_BREEDTE = 0.9


def row_height(werkblad: Werkblad, rij: list[Any]) -> float:
    """The height (points) that shows every line of the row's wrapped cells."""
    regels = 1
    for k in werkblad.omloop:
        if k < len(rij) and rij[k] not in (None, ""):
            per_regel = max(1, int(werkblad.breedtes[k] * _TEKENS_PER_BREEDTE))
            regels = max(regels, sum(-(-max(len(deel), 1) // per_regel) for deel in str(rij[k]).split("\n")))
    return round(regels * _REGEL_PT + 3, 1)


def cell_text(waarde: Any) -> str:
    """How a value reads in a cell (dates as ISO dates)."""
    if isinstance(waarde, date):
        return waarde.isoformat()
    return "" if waarde is None else str(waarde)
