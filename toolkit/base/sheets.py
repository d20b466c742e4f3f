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
from zipfile import BadZipFile, ZipFile

from lxml import etree

from .limits import MAX_CELLEN, MAX_ELEMENTEN, MAX_KOLOMMEN, MAX_RIJEN, TooLarge, check_zip, too_many

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
    """The file is not a spreadsheet of the kind its name says (``.xlsx`` or ``.ods``), or it is over
    one of the limits of :mod:`toolkit.base.limits`; ``reden`` then says which (else empty)."""

    def __init__(self, pad: str, grens: TooLarge | None = None) -> None:
        self.reden = str(grens) if grens else ""
        super().__init__(f"{pad}: {self.reden}" if grens else pad)
        self.grens = grens


def read_sheets(pad: Path) -> dict[str, list[tuple[Any, ...]]]:
    """The rows of every sheet of an ``.xlsx`` or ``.ods`` file, as values (empty cells ``None``).
    Raises :class:`FileNotFoundError` or :class:`UnreadableSheet`.

    Bounded whatever the file: its size, its size unpacked, and the cells it spells out are checked
    before it is parsed (:mod:`toolkit.base.limits`); a sheet gives at most ``MAX_RIJEN`` rows of at
    most ``MAX_KOLOMMEN`` columns, more is refused."""
    try:
        check_zip(pad)
    except FileNotFoundError:
        raise
    except TooLarge as fout:
        raise UnreadableSheet(str(pad), fout) from None
    except (BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as fout:
        raise UnreadableSheet(str(pad)) from fout
    if pad.suffix.lower() == ".ods":
        return _read_ods(pad)
    try:
        _xlsx_cells(pad)
    except TooLarge as fout:
        raise UnreadableSheet(str(pad), fout) from None
    except Exception as fout:  # not XML, not a workbook
        raise UnreadableSheet(str(pad)) from fout
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except FileNotFoundError:
        raise
    except Exception as fout:  # openpyxl raises many kinds on a file that is not a workbook
        raise UnreadableSheet(str(pad)) from fout
    try:
        uit: dict[str, list[tuple[Any, ...]]] = {}
        for blad in boek.worksheets:
            # many generators leave out the sheet's <dimension> or write a wrong one ("A1"): read
            # every row the sheet has, whatever it declares
            blad.reset_dimensions()
            rijen: list[tuple[Any, ...]] = []
            for rij in blad.iter_rows(values_only=True, max_col=MAX_KOLOMMEN + 1):
                if len(rijen) > MAX_RIJEN:  # the header row and MAX_RIJEN rows, as _xlsx_cells counts
                    raise UnreadableSheet(str(pad), too_many(len(rijen), "rijen", MAX_RIJEN))
                if len(rij) > MAX_KOLOMMEN and rij[MAX_KOLOMMEN] is not None:
                    raise UnreadableSheet(str(pad), too_many(len(rij), "kolommen", MAX_KOLOMMEN))
                rijen.append(tuple(rij[:MAX_KOLOMMEN]))
            uit[blad.title] = rijen
        return uit
    except UnreadableSheet:
        raise
    except (InvalidFileException, KeyError, ValueError, TypeError, AttributeError, IndexError) as fout:
        raise UnreadableSheet(str(pad)) from fout
    finally:
        boek.close()


def _xlsx_cells(pad: Path) -> None:
    """Count the rows and cells of every sheet of an .xlsx before openpyxl reads it (it builds each
    row whole, however wide): more than ``MAX_RIJEN`` rows or ``MAX_CELLEN`` cells is
    :class:`TooLarge`."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with ZipFile(pad) as z:
        for naam in z.namelist():
            if not (naam.startswith("xl/worksheets/") and naam.endswith(".xml")):
                continue
            rijen = cellen = 0
            with z.open(naam) as blad:
                for _, el in etree.iterparse(blad, events=("end",), tag=(f"{ns}c", f"{ns}row"),
                                             resolve_entities=False, no_network=True, huge_tree=False):  # fmt: skip
                    if el.tag == f"{ns}row":
                        rijen += 1
                        if rijen > MAX_RIJEN + 1:  # the header row and MAX_RIJEN rows
                            raise too_many(rijen - 1, "rijen", MAX_RIJEN)
                        el.clear()
                    else:
                        cellen += 1
                        if cellen > MAX_CELLEN:
                            raise too_many(cellen, "cellen", MAX_CELLEN)


def _ods_cells(pad: Path) -> None:
    """Count the cells an ODS spells out (a cell or row may say it repeats) before pandas expands
    them: more than ``MAX_RIJEN`` rows, ``MAX_KOLOMMEN`` columns or ``MAX_CELLEN`` cells (rows times
    the widest row, as pandas squares the sheet) is :class:`TooLarge`. Empty cells and rows repeated
    at the end (as LibreOffice writes the rest of a sheet) are not spelled out and not counted."""
    tabel = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    with ZipFile(pad) as z, z.open("content.xml") as inhoud:
        rijen = leeg = breedste = elementen = 0
        for _, el in etree.iterparse(inhoud, events=("end",), resolve_entities=False, no_network=True, huge_tree=False):
            elementen += 1
            if elementen > MAX_ELEMENTEN:
                raise TooLarge("elementen", grens=MAX_ELEMENTEN)
            if el.tag == f"{tabel}table":
                rijen = leeg = breedste = 0
            elif el.tag == f"{tabel}table-row":
                breedte = gevuld = 0
                for cel in el:
                    breedte += int(cel.get(f"{tabel}number-columns-repeated", "1"))
                    if len(cel) or cel.get("{urn:oasis:names:tc:opendocument:xmlns:office:1.0}value-type"):
                        gevuld = breedte  # the empty cells before a filled one are spelled out too
                herhaal = int(el.get(f"{tabel}number-rows-repeated", "1"))
                if not gevuld:
                    leeg += herhaal  # spelled out only when a filled row follows
                else:
                    rijen += leeg + herhaal
                    leeg = 0
                    breedste = max(breedste, gevuld)
                    if gevuld > MAX_KOLOMMEN:
                        raise too_many(gevuld, "kolommen", MAX_KOLOMMEN)
                    if rijen > MAX_RIJEN:
                        raise too_many(rijen, "rijen", MAX_RIJEN)
                    if rijen * breedste > MAX_CELLEN:
                        raise too_many(rijen * breedste, "cellen", MAX_CELLEN)
            if el.getparent() is None or el.tag in (f"{tabel}table-row", f"{tabel}table"):
                el.clear()


def _read_ods(pad: Path) -> dict[str, list[tuple[Any, ...]]]:
    import pandas as pd

    try:
        _ods_cells(pad)
    except TooLarge as fout:
        raise UnreadableSheet(str(pad), fout) from None
    except Exception as fout:  # not an ODS: no content.xml, not XML, a repeat that is not a number
        raise UnreadableSheet(str(pad)) from fout
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
