"""Source markers in content text: ``[bron: a, b]`` cites sources, ``[eigen synthese]`` labels our
own advice (English files: ``[source: …]`` and ``[own synthesis]``).

Lessons and actions are read with these patterns and every renderer shows them from here, so a
marker means the same thing wherever it appears.
"""

from __future__ import annotations

import re

#: ``[bron: a, b]`` anywhere in a text; group 1 holds the ids.
SOURCE_REF = re.compile(r"\[(?:bron|source):\s*([^\]]+)\]", re.IGNORECASE)
#: ``[eigen synthese]`` anywhere in a text.
OWN_SYNTHESIS = re.compile(r"\[(?:eigen synthese|own synthesis)\]", re.IGNORECASE)
#: One marker at the end of a bullet: group ``ids`` or group ``eigen``.
END_MARKER = re.compile(
    r"\s*\[(?:(?:bron|source):\s*(?P<ids>[^\]]+)|(?P<eigen>eigen synthese|own synthesis))\]\s*$",
    re.IGNORECASE,
)


def split_ids(tekst: str) -> list[str]:
    """``"a, b"`` -> ``["a", "b"]``."""
    return [deel.strip() for deel in tekst.split(",") if deel.strip()]


def cited_ids(tekst: str) -> list[str]:
    """Every source id cited with ``[bron: …]`` in ``tekst``, in order."""
    return [bron for match in SOURCE_REF.finditer(tekst) for bron in split_ids(match.group(1))]


def split_point(item: str) -> dict[str, object]:
    """A bullet with its end marker taken off: ``{tekst, bronnen, eigen_synthese}``."""
    match = END_MARKER.search(item)
    if not match:
        return {"tekst": item}
    return {
        "tekst": item[: match.start()].strip(),
        "bronnen": tuple(split_ids(match.group("ids") or "")),
        "eigen_synthese": bool(match.group("eigen")),
    }


def strip_markers(tekst: str) -> str:
    """Plain text without source markers (for Markdown, Word and slides)."""
    return OWN_SYNTHESIS.sub("", SOURCE_REF.sub("", tekst)).strip()
