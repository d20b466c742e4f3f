"""The write step: rendered formats onto disk, each file atomically, under safe names."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..fileio import ensure_dir, write_bytes_atomic, write_text_atomic
from . import render
from .links import linking_to_site, site_base_next_to


def write_file(doel: Path, inhoud: str | bytes) -> Path:
    """One file, atomically (never half-written under its final name)."""
    return write_bytes_atomic(doel, inhoud) if isinstance(inhoud, bytes) else write_text_atomic(doel, inhoud)


def write_formats(
    soort: str, obj: Any, taal: str, map_: Path, formats: Sequence[str], namen: Mapping[str, str]
) -> list[Path]:
    """Render ``obj`` in each of ``formats`` and write the files into ``map_``.

    ``namen`` gives each format's file name; a format whose renderer returns several files (a
    mapping) writes them under the names the renderer chose."""
    ensure_dir(map_)
    geschreven: list[Path] = []
    with linking_to_site(site_base_next_to(map_, taal)):
        for formaat in formats:
            inhoud = render(soort, formaat, obj, taal)
            if isinstance(inhoud, Mapping):
                geschreven += [write_file(map_ / naam, deel) for naam, deel in inhoud.items()]
            else:
                geschreven.append(write_file(map_ / namen[formaat], inhoud))
    return geschreven
