"""Checklist actions: typed model, reading ``lessons/acties/les-N.yaml``, and validation.

``lessons/acties/README.md`` documents the format and the rule language for the people who edit
the actions. Checks: each field, each rule (see :mod:`toolkit.content.rules`), unique ids and placeholders.
The evidence for an action lives with the cases: a claim in ``cases/<id>/bewijs.csv`` names the
actions it supports (column ``acties``), so a new case needs no edit here.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from toolkit.base import (
    ContentError,
    Problem,
    TweeTalig,
    excerpt,
    load_yaml_file,
    paths,
    problems_from_validation,
    shown_path,
    t,
)

from .catalog import lesson_numbers, lesson_range_text
from .lessons import Tags
from .profile import Fase
from .rules import check_condition

Prioriteit = Literal["hoog", "midden", "laag"]
PRIORITEITEN: tuple[str, ...] = ("hoog", "midden", "laag")
Eigenaar = Literal["gemeente", "initiatief", "samen", "corporatie", "raad"]
INVULLERS = ("gemeente", "wijk", "energiecooperatie", "groepen")
_INVULLER = re.compile(r"\{([^{}]*)\}")


class PrioriteitsRegel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    als: dict[str, Any] | None = None
    dan: Prioriteit


class Deadline(BaseModel):
    """A date set by a law or a programme by which the action must be done (its source is in the
    action's ``waarom`` and ``wettelijk_kader``); ``onzeker: true`` when the date is not certain."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    datum: date
    onzeker: bool = False


class Actie(BaseModel):
    """One checklist action with the rule that decides whether it applies and how urgent it is."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^L\d+-\d{2}$")]
    les: Annotated[int, Field(ge=1)]
    tekst: TweeTalig
    waarom: TweeTalig
    eigenaar: Eigenaar
    fasen: Annotated[list[Fase], Field(min_length=1)]
    tags: Tags = Tags()
    bron: Literal["les", "eigen"]
    geldt_als: dict[str, Any] | None = None
    prioriteit: Annotated[list[PrioriteitsRegel], Field(min_length=1)]
    logboek: bool = False  # true: the checklist shows what the participation logbook already covers
    wettelijk_kader: list[str] = []  # the rule sets (lessons/wetten/<id>) this action follows from
    deadline: Deadline | None = None  # a date set by a law or programme
    tekst_na_deadline: TweeTalig | None = None  # the action once that date has passed ("check that it was done")


def general_text(tekst: str, taal: str) -> str:
    """An action's text for no municipality in particular: ``{wijk}`` -> "de wijk" (the site)."""

    return _INVULLER.sub(lambda m: t(f"invuller.{m.group(1)}", taal), tekst)


def actions_dir() -> Path:
    return paths.lessons_dir() / "acties"


def _check_action(actie: Actie, naam: str) -> list[Problem]:
    problemen: list[Problem] = []
    waar = actie.id
    if actie.les not in lesson_numbers():
        problemen.append(
            Problem(naam, f"{waar}: les", f"onbekende les {actie.les}", f"toegestaan: {lesson_range_text()}")
        )
    if not actie.id.startswith(f"L{actie.les}-"):
        problemen.append(Problem(naam, f"{waar}: id", f"past niet bij les {actie.les}", f"L{actie.les}-NN"))
    if actie.geldt_als is not None:
        for plek, wat, mag in check_condition(actie.geldt_als, "geldt_als"):
            problemen.append(Problem(naam, f"{waar}: {plek}", wat, mag))
    for i, regel in enumerate(actie.prioriteit, start=1):
        if regel.als is not None:
            for plek, wat, mag in check_condition(regel.als, f"prioriteit[{i}].als"):
                problemen.append(Problem(naam, f"{waar}: {plek}", wat, mag))
    if actie.tekst_na_deadline is not None and actie.deadline is None:
        problemen.append(Problem(naam, f"{waar}: tekst_na_deadline", "staat er zonder deadline",
                                 "geef ook 'deadline: {datum: JJJJ-MM-DD}'"))  # fmt: skip
    if actie.prioriteit[-1].als is not None:
        problemen.append(
            Problem(naam, f"{waar}: prioriteit", "laatste regel heeft een 'als'", "eindig met alleen 'dan: …'")
        )
    for veld in ("tekst", "waarom"):
        for taal in ("nl", "en"):
            for invuller in _INVULLER.findall(getattr(actie, veld).in_language(taal)):
                if invuller not in INVULLERS:
                    problemen.append(
                        Problem(
                            naam,
                            f"{waar}: {veld}.{taal}",
                            f"onbekende invuller {{{invuller}}}",
                            "toegestaan: " + ", ".join(f"{{{i}}}" for i in INVULLERS),
                        )
                    )
    return problemen


def read_actions_file(pad: Path) -> tuple[list[Actie], list[Problem]]:
    """Read and check one ``les-N.yaml``."""
    naam = shown_path(pad)
    data, problemen = load_yaml_file(pad, list, "moet een lijst van acties zijn", "elke actie begint met '- id: …'")
    if data is None:
        return [], problemen
    match = re.match(r"^les-(\d+)\.yaml$", pad.name)
    if not match:
        return [], [Problem(naam, "bestandsnaam", "ongeldige naam", "les-N.yaml, N een lesnummer")]
    acties: list[Actie] = []
    for i, ruw in enumerate(data, start=1):
        waar = ruw.get("id", f"actie {i}") if isinstance(ruw, dict) else f"actie {i}"
        if isinstance(ruw, dict) and "bewijs" in ruw:  # the format before evidence moved to the cases
            problemen.append(Problem(naam, f"{waar}: bewijs", "bewijs staat nu bij de casus",
                                     "zet de actie-id in de kolom acties van cases/<casus>/bewijs.csv"))  # fmt: skip
            ruw = {k: v for k, v in ruw.items() if k != "bewijs"}
        try:
            actie = Actie.model_validate(ruw)
        except ValidationError as exc:
            problemen.extend(problems_from_validation(exc, naam, Actie, prefix=str(waar)))
            continue
        if actie.les != int(match.group(1)):
            problemen.append(Problem(naam, f"{waar}: les", f"les {actie.les} in {pad.name}", f"les {match.group(1)}"))
        problemen.extend(_check_action(actie, naam))
        acties.append(actie)
    return acties, problemen


#: The file that says which old action ids went into which action (``oud: nieuw``).
SAMENGEVOEGD = "samengevoegd.yaml"
_ID = re.compile(r"^L\d+-\d{2}$")


def check_merged_ids(map_: Path, acties: list[Actie]) -> tuple[dict[str, str], list[Problem]]:
    """``lessons/acties/samengevoegd.yaml``: old id -> the action it was merged into. An old id may
    not be an action again, and must point at an action that exists (no chains)."""
    pad = map_ / SAMENGEVOEGD
    if not pad.is_file():
        return {}, []
    naam = shown_path(pad)
    data, problemen = load_yaml_file(pad, dict, "moet paren 'oud: nieuw' bevatten", "bijv. 'L1-02: L5-03'")
    if data is None:
        return {}, problemen
    ids = {a.id for a in acties}
    uit: dict[str, str] = {}
    for oud, nieuw in data.items():
        oud, nieuw = str(oud), str(nieuw)
        if not _ID.match(oud) or not _ID.match(nieuw):
            problemen.append(
                Problem(naam, oud, f"ongeldig paar {excerpt(oud)}: {excerpt(nieuw)}", "L<les>-<twee cijfers>")
            )
        elif oud in ids:
            problemen.append(Problem(naam, oud, "is nog een actie", "een oud nummer komt niet terug als actie"))
        elif nieuw not in ids:
            problemen.append(Problem(naam, oud, f"onbekende actie {nieuw}", "het nummer van een bestaande actie"))
        else:
            uit[oud] = nieuw
    return uit, problemen


def check_actions(map_: Path | None = None) -> tuple[list[Actie], list[Problem]]:
    """All action files: the actions and every problem, including duplicate ids."""
    map_ = map_ or actions_dir()
    bestanden = sorted(map_.glob("les-*.yaml"))
    if not bestanden:
        return [], [Problem(shown_path(map_), "", "geen actiebestanden gevonden", "les-N.yaml per les")]
    acties: list[Actie] = []
    problemen: list[Problem] = []
    for pad in bestanden:
        gelezen, fouten = read_actions_file(pad)
        acties.extend(gelezen)
        problemen.extend(fouten)
    gezien: set[str] = set()
    for actie in acties:
        if actie.id in gezien:
            problemen.append(Problem(shown_path(map_), f"{actie.id}: id", "dubbele id", "elke id één keer"))
        gezien.add(actie.id)
    return sorted(acties, key=lambda a: a.id), problemen


def load_actions(map_: Path | None = None) -> list[Actie]:
    """All actions, sorted by id. Raises :class:`ContentError` when any action file is invalid.

    Reads the files each time; to read the project's content once, use
    :func:`toolkit.content.kennisbank`."""
    acties, problemen = check_actions(map_)
    if problemen:
        raise ContentError(problemen)
    return acties
