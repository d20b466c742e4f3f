"""The write step: rendered formats onto disk, each file atomically, under safe names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from toolkit.base import ensure_dir, write_bytes_atomic, write_text_atomic

from .links import linking_to_site, site_base_next_to
from .registry import render_all


def write_file(doel: Path, inhoud: str | bytes) -> Path:
    """One file, atomically (never half-written under its final name)."""
    return write_bytes_atomic(doel, inhoud) if isinstance(inhoud, bytes) else write_text_atomic(doel, inhoud)


def rendered_files(
    soort: str, obj: Any, taal: str, formats: Sequence[str], namen: Mapping[str, str]
) -> dict[str, str | bytes]:
    """Each of ``formats`` rendered, by file name: what :func:`write_formats` puts on disk and the
    web app offers for download (the same bytes). ``namen`` gives each format's file name; a
    format whose renderer returns several files (a mapping) gives them under the names it chose."""
    bestanden: dict[str, str | bytes] = {}
    for formaat, inhoud in render_all(soort, formats, obj, taal).items():
        if isinstance(inhoud, Mapping):
            bestanden.update(inhoud)
        else:
            bestanden[namen[formaat]] = inhoud
    return bestanden


def write_formats(
    soort: str, obj: Any, taal: str, map_: Path, formats: Sequence[str], namen: Mapping[str, str]
) -> list[Path]:
    """Render ``obj`` in each of ``formats`` and write the files into ``map_`` (links to a site
    built next to ``map_`` included, see :mod:`toolkit.render.links`)."""
    ensure_dir(map_)
    with linking_to_site(site_base_next_to(map_, taal)):
        bestanden = rendered_files(soort, obj, taal, formats, namen)
    return [write_file(map_ / naam, inhoud) for naam, inhoud in bestanden.items()]
