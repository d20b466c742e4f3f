"""How much the toolkit takes from one file or field a user gives it.

Every reader of a user's file (a profile, a case file, an action register, a logbook import, an
upload in the app) checks these limits before it parses, so that no file, however made, can hang
the toolkit or fill the memory: a file over its limit is refused in one line, and an error line
shows at most a short excerpt of a wrong value. The README lists the same limits (a test checks
that they agree).
"""

from __future__ import annotations

import reprlib
import zipfile
from pathlib import Path
from typing import Any

#: Bytes of one YAML file a user edits (a profile, a case file, a lesson): the largest shipped is
#: 26 kB. YAML costs far more to parse than its size (about 2 s for 256 kB of small mappings).
MAX_YAML = 256 * 1024
#: Bytes of any other file a user gives (a spreadsheet, a CSV, an upload in the app).
MAX_BESTAND = 5 * 1024 * 1024
#: Bytes of a spreadsheet's contents once unpacked (an .xlsx or .ods is a zip file): a register
#: of the toolkit unpacks to well under 1 MB.
MAX_UITGEPAKT = 5 * 1024 * 1024
#: Parts inside one spreadsheet's zip file.
MAX_ONDERDELEN = 200
#: Rows per sheet or CSV file, columns per row, and cells per sheet as a spreadsheet spells them
#: out (a cell may say "repeat me a million times").
MAX_RIJEN = 10_000
MAX_KOLOMMEN = 60
MAX_CELLEN = 50_000
#: XML elements in an ODS's content: odfpy (which pandas reads ODS with) builds a tree of all of them
#: at some 50 µs each, so this bounds its time and memory. A register of the toolkit has some 2,000.
MAX_ELEMENTEN = 40_000
#: Characters of a wrong value that an error line shows.
MAX_FRAGMENT = 60

_KORT = reprlib.Repr()
_KORT.maxlevel, _KORT.maxlist, _KORT.maxdict, _KORT.maxtuple, _KORT.maxset = 2, 4, 4, 4, 4
_KORT.maxstring = _KORT.maxother = MAX_FRAGMENT
_KORT.maxlong = 24


def excerpt(waarde: Any) -> str:
    """A wrong value as an error line shows it: its ``repr``, cut to a few items and at most
    :data:`MAX_FRAGMENT` characters (never expanding a structure that repeats itself)."""
    tekst = _KORT.repr(waarde)
    return tekst if len(tekst) <= MAX_FRAGMENT else tekst[: MAX_FRAGMENT - 1] + "…"


def size_text(grootte: int) -> str:
    """``5 MB``, ``256 kB``: a limit as people read it."""
    return f"{grootte // (1024 * 1024)} MB" if grootte >= 1024 * 1024 else f"{grootte // 1024} kB"


class TooLarge(ValueError):
    """A file over one of the limits; the message says which, in words (without the file name):
    ``str()`` in Dutch (the command line), :meth:`in_language` for a page in English."""

    def __init__(self, sleutel: str, **waarden: Any) -> None:
        self.sleutel, self.waarden = sleutel, waarden
        super().__init__(self.in_language("nl"))

    def in_language(self, taal: str) -> str:
        from .labels import t  # noqa: PLC0415 - labels reads YAML through yamlio, which uses this module

        return t(f"grens.{self.sleutel}", taal, **self.waarden)


def check_size(pad: Path, grens: int = MAX_BESTAND) -> None:
    """Raise :class:`TooLarge` when the file at ``pad`` is larger than ``grens`` bytes."""
    grootte = pad.stat().st_size
    if grootte > grens:
        raise TooLarge("bestand", grootte=size_text(grootte), grens=size_text(grens))


def read_text_limited(pad: Path, grens: int = MAX_YAML, encoding: str = "utf-8") -> str:
    """The text of a user's file, refused with :class:`TooLarge` when it is over ``grens`` bytes
    (read no further than the limit, whatever the file system says)."""
    check_size(pad, grens)
    with pad.open("rb") as f:
        data = f.read(grens + 1)
    if len(data) > grens:
        raise TooLarge("bestand", grootte=f"> {size_text(grens)}", grens=size_text(grens))
    return data.decode(encoding)


def check_zip(pad: Path) -> None:
    """An .xlsx or .ods (a zip file) that unpacks to at most :data:`MAX_UITGEPAKT` bytes in at most
    :data:`MAX_ONDERDELEN` parts, else :class:`TooLarge`; checked from the zip's own directory,
    before anything is unpacked. (A zip that lies about its sizes fails when read: Python's zip
    reader stops at the size the directory states.)"""
    check_size(pad, MAX_BESTAND)
    with zipfile.ZipFile(pad) as z:
        delen = z.infolist()
        if len(delen) > MAX_ONDERDELEN:
            raise TooLarge("delen", aantal=len(delen), grens=MAX_ONDERDELEN)
        uitgepakt = sum(d.file_size for d in delen)
        if uitgepakt > MAX_UITGEPAKT:
            raise TooLarge("uitgepakt", grootte=size_text(uitgepakt), grens=size_text(MAX_UITGEPAKT))


def too_many(aantal: int, wat: str, grens: int) -> TooLarge:
    """Too many ``wat`` (``rijen``, ``kolommen``, ``cellen``): :class:`TooLarge` saying how many."""
    return TooLarge(f"te_veel_{wat}", aantal=aantal if aantal <= 10 * grens else f"> {10 * grens}", grens=grens)
