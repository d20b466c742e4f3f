"""Folding text the way users mean it: accents, case and punctuation do not matter.

One function does the folding (:func:`ascii_fold`); the others shape its result for a purpose:
matching a vocabulary value (:func:`fold`), matching a place name (:func:`normalise`) and naming a
file or folder (:func:`slugify`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_fold(tekst: str) -> str:
    """Lowercase ASCII: 'Energiecoöperatie' -> 'energiecooperatie'."""
    return unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode("ascii").lower()


def fold(tekst: str) -> str:
    """A vocabulary value as typed, folded: accents and case dropped, spaces around trimmed."""
    return ascii_fold(tekst).strip()


def normalise(tekst: str) -> str:
    """Words only: 'Súdwest-Fryslân' -> 'sudwest fryslan' (for matching place names)."""
    return _NOT_ALNUM.sub(" ", ascii_fold(tekst)).strip()


def slugify(tekst: str, max_lengte: int = 60) -> str:
    """A safe, lowercase ASCII name for a file or folder: never empty, never ``..``."""
    slug = _NOT_ALNUM.sub("-", ascii_fold(tekst)).strip("-")[:max_lengte].strip("-")
    return slug or "naamloos"


#: What copy-paste from Word, Excel or a PDF brings along and no document format can hold: control
#: characters other than tab and newline (a vertical tab is Word's line break), DEL and the C1
#: range, lone surrogates and the two non-characters U+FFFE/U+FFFF.
_ONZICHTBAAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(tekst: str) -> str:
    """``tekst`` without the invisible characters no document can hold (a vertical tab or a form
    feed, as Word pastes a line or page break, becomes a space; others go)."""
    return _ONZICHTBAAR.sub(lambda m: " " if m.group() in "\x0b\x0c\r" else "", tekst)


def clean_fields(data: Any, pad: str = "") -> tuple[Any, list[str]]:
    """``data`` (from YAML, a form, a spreadsheet) with every text cleaned (:func:`clean_text`), and
    the fields that changed, as paths (``groepen[2].naam``), so the user can be told which."""
    if isinstance(data, str):
        schoon = clean_text(data)
        return schoon, [pad] if schoon != data else []
    if isinstance(data, dict):
        uit, velden = {}, []
        for sleutel, waarde in data.items():
            uit[sleutel], erbij = clean_fields(waarde, f"{pad}.{sleutel}" if pad else str(sleutel))
            velden += erbij
        return uit, velden
    if isinstance(data, list | tuple):
        lijst, velden = [], []
        for i, waarde in enumerate(data):
            schoon, erbij = clean_fields(waarde, f"{pad}[{i + 1}]")
            lijst.append(schoon)
            velden += erbij
        return type(data)(lijst) if isinstance(data, tuple) else lijst, velden
    return data, []
