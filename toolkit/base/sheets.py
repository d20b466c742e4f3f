"""Spreadsheets and CSV files that are safe to open: text never becomes a formula.

Text a user or a content file supplied may start with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return. In an ``.xlsx`` such text is stored as a text cell (never a formula); in a CSV it
gets a leading apostrophe, as the OWASP guidance on CSV injection advises, so a spreadsheet shows
it as text. :func:`unquote_csv` takes the apostrophe off again when the toolkit reads its own CSV.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(waarde: Any) -> Any:
    """A CSV cell value: text that a spreadsheet could run as a formula gets a leading ``'``."""
    if isinstance(waarde, str) and waarde.startswith(FORMULA_START):
        return "'" + waarde
    return waarde


def unquote_csv(waarde: Any) -> Any:
    """The value :func:`csv_safe` protected, as it was."""
    if isinstance(waarde, str) and waarde.startswith("'") and waarde[1:].startswith(FORMULA_START):
        return waarde[1:]
    return waarde


def csv_text(kop: Sequence[str], rijen: Iterable[Sequence[Any]]) -> str:
    """A whole CSV file (comma-separated, UTF-8 text) with every text cell made safe."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer)
    schrijver.writerow([csv_safe(k) for k in kop])
    schrijver.writerows([csv_safe(w) for w in rij] for rij in rijen)
    return buffer.getvalue()


def append_row(blad: Any, waarden: Sequence[Any]) -> None:
    """Append a row to an openpyxl sheet; every text cell is stored as text, never as a formula."""
    blad.append(list(waarden))
    for cel in blad[blad.max_row]:
        if isinstance(cel.value, str):
            cel.data_type = "s"


def plain(waarde: Any) -> Any:
    """A value from a pandas frame as plain Python: dates as dates, numpy scalars as numbers, and
    every kind of missing (``NaN``, ``NaT``, ``<NA>``) as ``None`` (which every output shows as
    *onbekend* or leaves empty, never as "nan")."""
    import pandas as pd

    if isinstance(waarde, pd.Timestamp | datetime):
        return None if waarde is pd.NaT else waarde.date()
    if waarde is pd.NaT or waarde is pd.NA or (isinstance(waarde, float) and math.isnan(waarde)):
        return None
    return waarde.item() if hasattr(waarde, "item") else waarde


def plain_records(frame: Any) -> list[dict[str, Any]]:
    """The rows of a frame as dicts of plain values (see :func:`plain`)."""
    return [{k: plain(v) for k, v in rij.items()} for rij in frame.to_dict("records")]


def frame_table(frame: Any, index: bool) -> tuple[list[str], list[list[Any]]]:
    """A pandas DataFrame as (header, rows) of plain values: dates as dates, missing as empty."""
    uit = frame.reset_index() if index else frame
    return [str(k) for k in uit.columns], [[plain(w) for w in rij] for rij in uit.itertuples(index=False)]


def workbook(bladen: Mapping[str, tuple[Sequence[str], Iterable[Sequence[Any]]]]) -> bytes:
    """An ``.xlsx`` with one sheet per table (name -> (header, rows)): header frozen, text as text."""
    from openpyxl import Workbook

    boek = Workbook()
    for leeg in list(boek.worksheets):
        boek.remove(leeg)
    for naam, (kop, rijen) in bladen.items():
        blad = boek.create_sheet(naam[:31])
        append_row(blad, kop)
        for rij in rijen:
            append_row(blad, rij)
        blad.freeze_panes = "A2"
    buffer = io.BytesIO()
    boek.save(buffer)
    return buffer.getvalue()
