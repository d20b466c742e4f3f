"""The write step: rendered formats onto disk, each file atomically, under safe names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from toolkit.base import UserError, ensure_dir, shown_path, write_bytes_atomic, write_text_atomic

from .links import linking_to_site, site_base_next_to
from .registry import render_all


def write_file(doel: Path, inhoud: str | bytes) -> Path:
    """One file, atomically (never half-written under its final name)."""
    return write_bytes_atomic(doel, inhoud) if isinstance(inhoud, bytes) else write_text_atomic(doel, inhoud)


def rendered_files(
    soort: str,
    obj: Any,
    taal: str,
    formats: Sequence[str],
    namen: Mapping[str, str],
    mislukt: dict[str, str] | None = None,
) -> dict[str, str | bytes]:
    """Each of ``formats`` rendered, by file name: what :func:`write_formats` puts on disk and the
    web app offers for download (the same bytes). ``namen`` gives each format's file name; a
    format whose renderer returns several files (a mapping) gives them under the names it chose.
    With ``mislukt``, a format that fails is named there (by file name) and the others are made."""
    fouten: dict[str, str] | None = {} if mislukt is not None else None
    bestanden: dict[str, str | bytes] = {}
    for formaat, inhoud in render_all(soort, formats, obj, taal, fouten).items():
        if isinstance(inhoud, Mapping):
            bestanden.update(inhoud)
        else:
            bestanden[namen[formaat]] = inhoud
    if mislukt is not None and fouten:
        mislukt.update({namen.get(f, f): reden for f, reden in fouten.items()})
    return bestanden


def write_formats(
    soort: str, obj: Any, taal: str, map_: Path, formats: Sequence[str], namen: Mapping[str, str]
) -> list[Path]:
    """Render ``obj`` in each of ``formats`` and write the files into ``map_`` (links to a site
    built next to ``map_`` included, see :mod:`toolkit.render.links`).

    Every format that can be made is written; one that fails does not stop the others: after
    writing them, :class:`FormatError` names it (one line)."""
    ensure_dir(map_)
    mislukt: dict[str, str] = {}
    with linking_to_site(site_base_next_to(map_, taal)):
        bestanden = rendered_files(soort, obj, taal, formats, namen, mislukt)
    geschreven = [write_file(map_ / naam, inhoud) for naam, inhoud in bestanden.items()]
    if mislukt:
        raise FormatError(
            "; ".join(
                f"{shown_path(map_ / naam)}: kon niet worden gemaakt ({reden})" for naam, reden in mislukt.items()
            )
            + (f"; de andere {len(geschreven)} bestanden zijn wel geschreven" if geschreven else "")
        )
    return geschreven


class FormatError(UserError):
    """One or more formats could not be made (the others were written); exit code 1: not the
    user's input."""

    exit_code = 1
