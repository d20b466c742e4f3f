"""Checks that our texts are in our own words: no run of ``N`` words shared with a source.

Sources are compared through one-way hashes of every run of ``N`` words (lowercased, punctuation
dropped), so the project never has to ship the source texts themselves.
"""

from __future__ import annotations

import hashlib
import re

N = 7
_WOORD = re.compile(r"\w+", re.UNICODE)


def _words(tekst: str) -> list[str]:
    return [w.lower() for w in _WOORD.findall(tekst)]


def _hash(woorden: list[str]) -> str:
    return hashlib.sha1(" ".join(woorden).encode("utf-8")).hexdigest()[:16]


def fingerprints(tekst: str, n: int = N) -> set[str]:
    """Hashes of every run of ``n`` words in ``tekst``."""
    woorden = _words(tekst)
    return {_hash(woorden[i : i + n]) for i in range(len(woorden) - n + 1)}


def shared_runs(tekst: str, bron_hashes: set[str], n: int = N) -> list[str]:
    """The runs of ``n`` words in ``tekst`` whose hash is in ``bron_hashes``."""
    woorden = _words(tekst)
    return [
        " ".join(woorden[i : i + n]) for i in range(len(woorden) - n + 1) if _hash(woorden[i : i + n]) in bron_hashes
    ]
