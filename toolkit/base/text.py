"""Folding text the way users mean it: accents, case and punctuation do not matter.

One function does the folding (:func:`ascii_fold`); the others shape its result for a purpose:
matching a vocabulary value (:func:`fold`), matching a place name (:func:`normalise`) and naming a
file or folder (:func:`slugify`).
"""

from __future__ import annotations

import re
import unicodedata

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
