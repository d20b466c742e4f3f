"""The glossary (``lessons/begrippen.yaml``): terms in Dutch and English, explained at B1 level.

Each entry: ``id`` (lower-case letters, digits, dashes; unique), ``term`` and ``uitleg`` (each
``{nl, en}``) and ``zie_ook`` (ids of other entries). Checked by ``warmtelessen valideer``; shown on
the site's glossary page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError

from toolkit.base import Problem, StrictModel, TweeTalig, load_yaml_file, paths, problems_from_validation, shown_path

BESTAND = "begrippen.yaml"


class Begrip(StrictModel):
    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="kleine letters, cijfers, streepjes")]
    term: TweeTalig
    uitleg: TweeTalig
    zie_ook: list[str] = []


def glossary_path() -> Path:
    return paths.lessons_dir() / BESTAND


def check_glossary(pad: Path | None = None) -> tuple[list[Begrip], list[Problem]]:
    """Read and check the glossary; a missing file is an empty glossary."""
    pad = pad or glossary_path()
    naam = shown_path(pad)
    if not pad.is_file():
        return [], []
    data, problemen = load_yaml_file(pad, list, "moet een lijst van begrippen zijn", "elk begrip begint met '- id: …'")
    if data is None:
        return [], problemen
    begrippen: list[Begrip] = []
    for i, ruw in enumerate(data, start=1):
        waar = str(ruw.get("id", f"begrip {i}")) if isinstance(ruw, dict) else f"begrip {i}"
        try:
            begrippen.append(Begrip.model_validate(ruw))
        except ValidationError as exc:
            problemen.extend(problems_from_validation(exc, naam, Begrip, prefix=waar))
    ids = [b.id for b in begrippen]
    problemen += [Problem(naam, f"{i}: id", "komt twee keer voor", "elk id één keer") for i in sorted(
        {i for i in ids if ids.count(i) > 1})]  # fmt: skip
    problemen += [Problem(naam, f"{b.id}: zie_ook", f"onbekend begrip {i!r}", "een id uit dit bestand")
                  for b in begrippen for i in b.zie_ook if i not in ids]  # fmt: skip
    return begrippen, problemen


def load_glossary() -> list[Begrip]:
    """The glossary, sorted by the Dutch term (content is validated before the site is built)."""
    return sorted(check_glossary()[0], key=lambda b: b.term.nl.lower())
