"""The legal frame of participation (``lessons/wetten/<id>.<taal>.md``): one file per rule set, in
Dutch and English, each with its status on a date and honest about doubt.

Front matter: ``id``, ``taal``, ``titel``, ``status`` (in_werking | aangenomen | wetsvoorstel |
onzeker | beleid: no law, but policy or help that bears on it), ``status_datum`` (the date the
status refers to), ``stand_van_zaken`` (the date the sources were checked), ``in_werking_sinds``
(a date, or empty when not confirmed),
``wat_het_vraagt``, ``van_wie``, ``betekenis_voor_participatie``, ``lessen`` and ``acties`` (what it
bears on), ``bronnen`` (titel, uitgever, datum, url; official texts first) and ``onzeker`` (each
point where sources differ or a date could not be confirmed: what each source says). The body
explains it in plain words. Checked by ``warmtelessen valideer``; actions cite a rule set with
``wettelijk_kader: [id]``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TypedDict

from pydantic import Field, ValidationError

from toolkit.base import (
    ContentError,
    DatumTekst,
    Problem,
    StrictModel,
    Url,
    paths,
    problems_from_validation,
    read_markdown_doc,
    shown_path,
    t,
)

from .actions import check_actions
from .catalog import lesson_numbers, lesson_range_text, unknown_action_hint

MAP = "wetten"
Status = Literal["in_werking", "aangenomen", "wetsvoorstel", "onzeker", "beleid"]  # beleid: no law (policy, help)
_BESTAND = re.compile(r"^(?P<id>[a-z0-9]+(-[a-z0-9]+)*)\.(?P<taal>nl|en)\.md$")
#: What must be the same in both languages of a rule set.
GEDEELD = ("status", "status_datum", "stand_van_zaken", "in_werking_sinds", "lessen", "acties")


class WetBron(StrictModel):
    """A source: official texts first; ``datum`` as precise as known (``2024``, ``2024-12``,
    ``2024-12-10``) or ``onbekend``."""

    titel: Annotated[str, Field(min_length=1)]
    uitgever: Annotated[str, Field(min_length=1)]
    datum: DatumTekst
    url: Url


class Twijfel(StrictModel):
    """A point the sources differ on, or that could not be confirmed: what each source says."""

    punt: Annotated[str, Field(min_length=1)]
    wat_bronnen_zeggen: Annotated[str, Field(min_length=1)]


class Regeling(StrictModel):
    """One rule set in one language."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    taal: Literal["nl", "en"]
    titel: Annotated[str, Field(min_length=1)]
    status: Status
    status_datum: date
    stand_van_zaken: date
    in_werking_sinds: date | None = None
    wat_het_vraagt: Annotated[str, Field(min_length=1)]
    van_wie: Annotated[str, Field(min_length=1)]
    betekenis_voor_participatie: Annotated[str, Field(min_length=1)]
    lessen: Annotated[list[int], Field(min_length=1)]
    acties: list[str] = []
    bronnen: Annotated[list[WetBron], Field(min_length=1)]
    onzeker: list[Twijfel] = []
    tekst: str = ""  # the body: the plain-words explanation (Markdown)
    bestand: Path | None = Field(default=None, exclude=True)


def laws_dir() -> Path:
    return paths.lessons_dir() / MAP


def read_law_file(pad: Path, actie_ids: set[str] | None = None) -> tuple[Regeling | None, list[Problem]]:
    """Read and check one rule file (``actie_ids``: the actions it may name; None: not checked)."""
    naam = shown_path(pad)
    m = _BESTAND.match(pad.name)
    if not m:
        return None, [Problem(naam, "bestandsnaam", "ongeldige naam", "<id>.nl.md of <id>.en.md, bijv. wgiw.nl.md")]
    doc, problemen = read_markdown_doc(pad)
    if doc is None:
        return None, problemen
    try:
        regeling = Regeling.model_validate({**doc.front, "tekst": doc.body, "bestand": pad})
    except ValidationError as exc:
        return None, problems_from_validation(exc, naam, Regeling)
    if regeling.id != m["id"]:
        problemen.append(Problem(naam, "id", f"{regeling.id!r} past niet bij de bestandsnaam", f"id: {m['id']}"))
    if regeling.taal != m["taal"]:
        problemen.append(
            Problem(naam, "taal", f"{regeling.taal!r} past niet bij de bestandsnaam", f"taal: {m['taal']}")
        )
    if not regeling.tekst:
        problemen.append(Problem(naam, "tekst", "leeg", "leg onder de front matter in gewone woorden uit wat het is"))
    for les in regeling.lessen:
        if les not in lesson_numbers():
            problemen.append(Problem(naam, "lessen", f"onbekende les {les}", f"toegestaan: {lesson_range_text()}"))
    if actie_ids is not None:
        for actie in regeling.acties:
            if actie not in actie_ids:
                mag = unknown_action_hint(actie, actie_ids)
                problemen.append(Problem(naam, "acties", f"onbekende actie {actie!r}", mag))
    if regeling.status == "in_werking" and regeling.in_werking_sinds is None:
        mag = "de datum van inwerkingtreding, of status onzeker als die niet vaststaat"
        problemen.append(Problem(naam, "in_werking_sinds", "ontbreekt bij status in_werking", mag))
    if regeling.in_werking_sinds and regeling.status != "in_werking":
        problemen.append(Problem(naam, "status", f"{regeling.status} terwijl in_werking_sinds is ingevuld",
                                 "status: in_werking, of laat in_werking_sinds leeg"))  # fmt: skip
    if regeling.stand_van_zaken < regeling.status_datum:
        problemen.append(Problem(naam, "stand_van_zaken", "ligt vóór status_datum", "de datum waarop u keek"))
    return regeling, problemen


def check_laws(map_: Path | None = None, actie_ids: set[str] | None = None) -> tuple[list[Regeling], list[Problem]]:
    """Every rule file in ``map_``, and whether each rule set is there in both languages with the
    same status, dates, lessons, actions and sources. ``actie_ids``: the actions that exist (default:
    those in ``lessons/acties/`` next to ``map_``)."""

    map_ = map_ or laws_dir()
    if not map_.is_dir():
        return [], []
    if actie_ids is None and (map_.parent / "acties").is_dir():
        actie_ids = {a.id for a in check_actions(map_.parent / "acties")[0]} or None
    regelingen: list[Regeling] = []
    problemen: list[Problem] = []
    for pad in sorted(map_.glob("*.md")):
        if pad.name.lower() == "readme.md":
            continue
        regeling, fouten = read_law_file(pad, actie_ids)
        problemen += fouten
        if regeling is not None:
            regelingen.append(regeling)
    per_id: dict[str, dict[str, Regeling]] = {}
    for r in regelingen:
        per_id.setdefault(r.id, {})[r.taal] = r
    for id_, talen in sorted(per_id.items()):
        for taal in ("nl", "en"):
            if taal not in talen:
                ander = next(iter(talen.values()))
                problemen.append(Problem(shown_path(ander.bestand or map_), "taal", f"{id_}.{taal}.md ontbreekt",
                                         "elke regeling in het Nederlands en het Engels"))  # fmt: skip
        if len(talen) == 2:
            nl, en = talen["nl"], talen["en"]
            for veld in GEDEELD:
                if getattr(nl, veld) != getattr(en, veld):
                    problemen.append(Problem(shown_path(en.bestand or map_), veld, "anders dan in het Nederlands",
                                             f"gelijk aan {id_}.nl.md: {getattr(nl, veld)}"))  # fmt: skip
            if [b.url for b in nl.bronnen] != [b.url for b in en.bronnen]:
                mag = f"dezelfde url's in dezelfde volgorde als {id_}.nl.md"
                problemen.append(
                    Problem(shown_path(en.bestand or map_), "bronnen", "anders dan in het Nederlands", mag)
                )
    return regelingen, problemen


def check_action_references(acties: list[Any], ids: set[str], naam: str) -> list[Problem]:
    """Each action's ``wettelijk_kader`` names an existing rule set."""
    return [
        Problem(naam, f"{a.id}: wettelijk_kader", f"onbekende regeling {k!r}",
                "toegestaan: " + (", ".join(sorted(ids)) or "geen (lessons/wetten/ is leeg)"))
        for a in acties for k in a.wettelijk_kader if k not in ids
    ]  # fmt: skip


def load_laws(taal: str = "nl", map_: Path | None = None) -> list[Regeling]:
    """Every rule set in ``taal``, sorted by id (raises :class:`ContentError` when one is invalid).

    Reads the files each time; to read the project's content once, use
    :func:`toolkit.content.kennisbank`."""
    regelingen, problemen = check_laws(map_)
    if problemen:
        raise ContentError(problemen)
    return [r for r in regelingen if r.taal == taal]


def status_text(r: Regeling, taal: str) -> str:
    """``aangenomen, nog niet in werking (10-12-2024); stand van zaken: 02-12-2026``, in ``taal``."""

    status = t(f"wet.status_{r.status}", taal)
    sinds = r.in_werking_sinds or r.status_datum
    return t("wet.status", taal, status=status, datum=sinds.isoformat(), stand=r.stand_van_zaken.isoformat())


class Wetsverwijzing(TypedDict):
    """A rule set of the legal frame that an action cites, with its status on a date."""

    id: str
    titel: str
    status: str
    status_tekst: str
    stand_van_zaken: str
    onzeker: bool


def cited(ids: list[str], wetten: dict[str, Regeling], taal: str) -> list[Wetsverwijzing]:
    """What a checklist row says about the rule sets an action cites (JSON-ready); ``wetten`` is
    the rule sets in ``taal`` by id, read once per checklist (``Kennisbank.laws``)."""
    return [
        {"id": i, "titel": wetten[i].titel, "status": wetten[i].status, "status_tekst": status_text(wetten[i], taal),
         "stand_van_zaken": wetten[i].stand_van_zaken.isoformat(), "onzeker": bool(wetten[i].onzeker)}
        for i in ids if i in wetten
    ]  # fmt: skip
