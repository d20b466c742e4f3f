"""One workbook model for the spreadsheets the toolkit writes (Excel and ODS).

A report builds a :class:`Werkboek` once; :func:`write_xlsx` writes it with openpyxl and
:func:`toolkit.render.odf.write_sheets` as ``.ods``, with the same sheets, widths, validation lists
and print settings: A4 landscape, one page wide, the header row frozen and repeated on every printed
page. A cell limited to a list refuses any other value in the spreadsheet itself. Text is stored as
text, never as a formula.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


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
    """The workbook as ``.xlsx`` bytes, written with XlsxWriter (a cell at a time, straight into
    the file's XML: five times faster than building openpyxl's object model first)."""
    import xlsxwriter

    buffer = io.BytesIO()
    # No guessing: text is written as text (never a formula, number or link).
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                      "strings_to_numbers": False, "strings_to_urls": False})  # fmt: skip
    wb.set_properties({"title": boek.titel})
    kopformaat = wb.add_format({"bold": True, "bg_color": "#F6F3EF", "text_wrap": True, "valign": "top"})
    for werkblad in boek.bladen:
        blad = wb.add_worksheet(werkblad.naam)
        formaten = [wb.add_format({"text_wrap": k in werkblad.omloop, "valign": "top",
                                   "num_format": "yyyy-mm-dd" if k in werkblad.datumkolommen else "General"})
                    for k in range(len(werkblad.breedtes))]  # fmt: skip
        for k, breedte in enumerate(werkblad.breedtes):
            blad.set_column(k, k, breedte, formaten[k])
        r = 0
        if werkblad.kop:
            for k, tekst in enumerate(werkblad.kop):
                blad.write_string(0, k, str(tekst), kopformaat)
            r = 1
        for rij in werkblad.rijen:
            for k, waarde in enumerate(rij):
                formaat = formaten[k] if k < len(formaten) else None
                if waarde is None or waarde == "":
                    continue
                if isinstance(waarde, bool):
                    blad.write_boolean(r, k, waarde, formaat)
                elif isinstance(waarde, int | float):
                    blad.write_number(r, k, waarde, formaat)
                elif isinstance(waarde, date) and k in werkblad.datumkolommen:
                    blad.write_datetime(r, k, datetime(waarde.year, waarde.month, waarde.day), formaat)
                else:
                    blad.write_string(r, k, cell_text(waarde), formaat)
            # an explicit height: Excel and LibreOffice both show every wrapped line (no overlap)
            blad.set_row(r, row_height(werkblad, rij))
            r += 1
        eerste = 1 if werkblad.kop else 0
        laatste = max(r - 1, eerste) + werkblad.lege_rijen  # the empty rows keep the checks, for new actions
        for k in sorted(werkblad.datumkolommen):
            blad.data_validation(eerste, k, laatste, k, {"validate": "date", "criteria": ">=",
                                                         "minimum": datetime(1900, 1, 1)})  # fmt: skip
        for k, keuzes in werkblad.keuzelijsten.items():
            opties: dict[str, Any] = {"validate": "list", "source": list(keuzes), "error_type": "stop"}
            if werkblad.keuze_titel:
                opties["error_title"] = werkblad.keuze_titel[:32]  # Excel's limit
            if werkblad.keuze_melding:
                opties["error_message"] = werkblad.keuze_melding[:255]
            blad.data_validation(eerste, k, laatste, k, opties)
        if werkblad.kop:
            blad.freeze_panes(1, 0)
            blad.repeat_rows(0)  # the header row on every printed page
            if werkblad.filter and werkblad.rijen:
                blad.autofilter(0, 0, r - 1, len(werkblad.kop) - 1)
        blad.set_landscape()
        blad.set_paper(9)  # A4
        blad.fit_to_pages(1, 0)  # one page wide, as many high as needed
        blad.hide_gridlines(0)  # grid lines on screen and on paper
    wb.close()
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
