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
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

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


class UnreadableSheet(ValueError):
    """The file is not a spreadsheet of the kind its name says (``.xlsx`` or ``.ods``)."""


def read_sheets(pad: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every sheet of an ``.xlsx`` or ``.ods`` file, as values (empty cells ``None``).
    Raises :class:`FileNotFoundError` or :class:`UnreadableSheet`."""
    if pad.suffix.lower() == ".ods":
        import pandas as pd

        try:
            bladen = pd.read_excel(pad, engine="odf", sheet_name=None, header=None, dtype=object)
        except FileNotFoundError:
            raise
        except Exception as fout:  # odfpy raises many kinds on a file that is not ODS
            raise UnreadableSheet(str(pad)) from fout
        return {
            blad: [tuple(None if pd.isna(w) else w for w in rij) for rij in frame.itertuples(index=False)]
            for blad, frame in bladen.items()
        }
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except FileNotFoundError:
        raise
    except (BadZipFile, InvalidFileException, OSError, KeyError, ValueError) as fout:
        raise UnreadableSheet(str(pad)) from fout
    try:
        return {blad.title: list(blad.iter_rows(values_only=True)) for blad in boek.worksheets}
    finally:
        boek.close()
