"""The peer phase vocabularies (``lessons/fasen.yaml``): what each tag value of lessons and actions
means (TNO *De energieke gemeente*, NPLW *participatieroute*, Participatiecoalitie *20 lessen*).

Per vocabulary: ``naam``, ``uitleg`` (each ``{nl, en}``), ``url`` (or ``null``) and ``fasen`` in
order, each ``{waarde, naam, uitleg}``. The values are fixed (:mod:`toolkit.content.vocabularies`): the file
must explain each one, and no other.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, get_args

from pydantic import Field, ValidationError

from toolkit.base import Problem, StrictModel, TweeTalig, load_yaml_file, paths, problems_from_validation, shown_path

from .vocabularies import VOCABULAIRES, CoalitieFase, NplwStap, TnoFase, listing

BESTAND = "fasen.yaml"

#: The values each vocabulary has (the tags lessons and actions may carry).
WAARDEN: dict[str, tuple[str, ...]] = {
    "tno": get_args(TnoFase),
    "nplw": get_args(NplwStap),
    "participatiecoalitie": get_args(CoalitieFase),
}


class Fase(StrictModel):
    waarde: str
    naam: TweeTalig
    uitleg: TweeTalig


class Indeling(StrictModel):
    naam: TweeTalig
    uitleg: TweeTalig
    url: Annotated[str | None, Field(pattern=r"^https?://")] = None
    fasen: list[Fase]


def phases_path() -> Path:
    return paths.lessons_dir() / BESTAND


def check_phases(pad: Path | None = None) -> tuple[dict[str, Indeling], list[Problem]]:
    """Read and check the phase vocabularies; a missing file means no explanations."""
    pad = pad or phases_path()
    naam = shown_path(pad)
    if not pad.is_file():
        return {}, []
    data, problemen = load_yaml_file(pad, dict, "moet per indeling een blok hebben", listing(VOCABULAIRES))
    if data is None:
        return {}, problemen
    indelingen: dict[str, Indeling] = {}
    for vocab, ruw in data.items():
        if vocab not in VOCABULAIRES:
            problemen.append(Problem(naam, str(vocab), "onbekende indeling", f"toegestaan: {listing(VOCABULAIRES)}"))
            continue
        try:
            indeling = Indeling.model_validate(ruw)
        except ValidationError as exc:
            problemen.extend(problems_from_validation(exc, naam, Indeling, prefix=vocab))
            continue
        waarden = [f.waarde for f in indeling.fasen]
        toegestaan = WAARDEN[vocab]
        for w in waarden:
            if w not in toegestaan:
                problemen.append(Problem(naam, f"{vocab}: fasen", f"onbekende waarde {w!r}", listing(toegestaan)))
        for w in toegestaan:
            if w not in waarden:
                problemen.append(Problem(naam, f"{vocab}: fasen", f"waarde {w!r} ontbreekt", "leg elke waarde uit"))
        indelingen[vocab] = indeling
    return indelingen, problemen


def load_phases() -> dict[str, Indeling]:
    return check_phases()[0]
