"""The lessons: typed model, reading from ``lessons/``, and validation.

Each lesson is two Markdown files with YAML front matter (``NN-<slug>.nl.md`` and
``NN-<slug>.en.md``); ``lessons/README.md`` documents the format for the people who edit them.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from toolkit.base import (
    ContentError,
    Problem,
    Url,
    UserError,
    bullet_items,
    cited_ids,
    paths,
    problems_from_validation,
    read_markdown_doc,
    shown_path,
    split_point,
    t,
    unknown_ids,
)

from .catalog import case_ids, lesson_numbers, lesson_range_text
from .vocabularies import TALEN, CoalitieFase, NplwStap, Taal, TnoFase, listing

BESTANDSNAAM = re.compile(r"^(?P<nummer>\d{2})-(?P<slug>[a-z0-9-]+)\.(?P<taal>[a-z]{2})\.md$")
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"

#: The Markdown sections of a lesson, in order; their headings per language are the translations
#: ``kopje.<sectie>`` (compared lowercased).
KOPJES: tuple[str, ...] = ("waarom", "toepassing", "valkuilen", "in_de_praktijk", "gespreksvragen", "stellingen")
_STELLING = re.compile(r"^(?P<id>L(?P<les>\d+)-S(?P<nr>\d+))\s*:\s*(?P<tekst>.+)$")


def section_heading(sectie: str, taal: str) -> str:
    """The Markdown heading of ``sectie`` in ``taal``: ``toepassing`` -> ``What to do``."""
    return t(f"kopje.{sectie}", taal)


class Bron(BaseModel):
    """A source for further reading."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=SLUG)]
    titel: Annotated[str, Field(min_length=1)]
    uitgever: Annotated[str, Field(min_length=1)]
    jaar: int | Literal["onbekend"]
    url: Url


class Tags(BaseModel):
    """Cross-reference tags in the phase vocabularies municipalities already use."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tno: list[TnoFase] = []
    nplw: list[NplwStap] = []
    participatiecoalitie: list[CoalitieFase] = []


class Punt(BaseModel):
    """One bullet of *toepassing* or *valkuilen*, with its sources or the own-synthesis label."""

    model_config = ConfigDict(frozen=True)

    tekst: str
    bronnen: tuple[str, ...] = ()
    eigen_synthese: bool = False


class Stelling(BaseModel):
    """A statement a workshop group scores about its own practice (1-5, or 'weet niet')."""

    model_config = ConfigDict(frozen=True)

    id: Annotated[str, Field(pattern=r"^L\d+-S\d+$")]
    tekst: Annotated[str, Field(min_length=1)]


class Les(BaseModel):
    """One lesson in one language."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nummer: Annotated[int, Field(ge=1)]
    slug: Annotated[str, Field(pattern=SLUG)]
    taal: Taal
    titel: Annotated[str, Field(min_length=1)]
    samenvatting: Annotated[str, Field(min_length=1)]
    casus: str | None = None
    tags: Tags = Tags()
    verder_lezen: Annotated[list[Bron], Field(min_length=1)]
    waarom: Annotated[str, Field(min_length=1)]
    toepassing: Annotated[list[Punt], Field(min_length=6)]
    valkuilen: Annotated[list[Punt], Field(min_length=3)]
    in_de_praktijk: Annotated[str, Field(min_length=1)]
    gespreksvragen: Annotated[list[str], Field(min_length=4)]
    stellingen: Annotated[list[Stelling], Field(min_length=3, max_length=5)]
    bestand: Path | None = Field(default=None, exclude=True)

    @field_validator("casus")
    @classmethod
    def _known_case(cls, waarde: str | None) -> str | None:
        if waarde is None:
            return waarde

        bekend = case_ids()
        if waarde not in bekend:
            raise ValueError(f"onbekende casus {waarde!r} || toegestaan: null, {listing(bekend)}")
        return waarde

    @cached_property
    def bron_index(self) -> dict[str, int]:
        """Source id -> its number (1-based) in the source list."""
        return {bron.id: i for i, bron in enumerate(self.verder_lezen, start=1)}

    def heading(self, sectie: str) -> str:
        """The heading of ``sectie`` in this lesson's language."""
        return section_heading(sectie, self.taal)


#: Fields a lesson's front matter may hold (the sections are Markdown headings).
FRONT_MATTER_VELDEN = (
    "nummer",
    "slug",
    "taal",
    "titel",
    "samenvatting",
    "casus",
    "tags",
    "verder_lezen",
)


def _statement(item: str) -> dict[str, str]:
    match = _STELLING.match(item)
    return (
        {"id": match.group("id"), "tekst": match.group("tekst").strip()} if match else {"id": item[:12], "tekst": item}
    )


def _points(items: list[str]) -> list[dict[str, object]]:
    return [split_point(item) for item in items]


def read_lesson_file(pad: Path) -> tuple[Les | None, list[Problem]]:
    """Read and validate one lesson file. Returns the lesson or the problems found."""
    naam = shown_path(pad)
    doc, problemen = read_markdown_doc(pad)
    if doc is None:
        return None, problemen
    bestandsnaam = BESTANDSNAAM.match(pad.name)
    taal = str(doc.front.get("taal", bestandsnaam.group("taal") if bestandsnaam else "nl"))
    if taal not in TALEN:
        taal = "nl"
    data: dict[str, object] = dict(doc.front)
    gevonden = set()
    for sectie in KOPJES:
        kop = section_heading(sectie, taal).lower()
        if kop not in doc.secties:
            problemen.append(Problem(naam, f"## {section_heading(sectie, taal)}", "kopje ontbreekt"))
            continue
        gevonden.add(kop)
        tekst = doc.secties[kop]
        if sectie in {"toepassing", "valkuilen"}:
            data[sectie] = _points(bullet_items(tekst))
        elif sectie == "gespreksvragen":
            data[sectie] = bullet_items(tekst)
        elif sectie == "stellingen":
            data[sectie] = [_statement(item) for item in bullet_items(tekst)]
        else:
            data[sectie] = tekst
    for kop in doc.secties:
        if kop not in gevonden:
            toegestaan = ", ".join(section_heading(s, taal) for s in KOPJES)
            problemen.append(Problem(naam, f"## {kop}", "onbekend kopje", f"toegestaan: {toegestaan}"))
    for sleutel in doc.front:
        if sleutel in KOPJES:
            problemen.append(Problem(naam, sleutel, "hoort als kopje in de tekst, niet in de front matter"))
        elif sleutel not in FRONT_MATTER_VELDEN:
            problemen.append(
                Problem(
                    naam,
                    str(sleutel),
                    "onbekend veld",
                    f"toegestaan: {listing(FRONT_MATTER_VELDEN)}",
                )
            )
    if problemen:
        return None, problemen
    try:
        les = Les.model_validate({**data, "bestand": pad})
    except ValidationError as exc:
        return None, problems_from_validation(exc, naam, Les)
    problemen = _check_lesson(les, pad, bestandsnaam)
    return (None if problemen else les), problemen


def _check_lesson(les: Les, pad: Path, bestandsnaam: re.Match[str] | None) -> list[Problem]:
    """Checks that span fields: markers, source ids, file name."""
    naam = shown_path(pad)
    problemen: list[Problem] = []
    bereik = _expected_numbers([])
    if les.nummer not in bereik:
        problemen.append(
            Problem(
                naam,
                "nummer",
                f"waarde {les.nummer} buiten bereik",
                f"toegestaan: {lesson_range_text(bereik)}; een nieuwe les begint met een NN-<slug>.nl.md in lessons/",
            )
        )
    if bestandsnaam is None:
        problemen.append(
            Problem(
                naam,
                "bestandsnaam",
                "ongeldige naam",
                "NN-<slug>.<taal>.md, bijv. 04-werk-samen.nl.md",
            )
        )
    else:
        if int(bestandsnaam.group("nummer")) != les.nummer:
            problemen.append(
                Problem(
                    naam,
                    "nummer",
                    f"{les.nummer} past niet bij de bestandsnaam",
                    f"{int(bestandsnaam.group('nummer'))}",
                )
            )
        if bestandsnaam.group("slug") != les.slug:
            problemen.append(
                Problem(
                    naam,
                    "slug",
                    f"{les.slug!r} past niet bij de bestandsnaam",
                    bestandsnaam.group("slug"),
                )
            )
        if bestandsnaam.group("taal") != les.taal:
            problemen.append(
                Problem(
                    naam,
                    "taal",
                    f"{les.taal!r} past niet bij de bestandsnaam",
                    bestandsnaam.group("taal"),
                )
            )
    for i, stelling in enumerate(les.stellingen, start=1):
        if stelling.id != f"L{les.nummer}-S{i}":
            problemen.append(
                Problem(
                    naam, f"{les.heading('stellingen')}[{i}]", f"id {stelling.id!r} klopt niet", f"L{les.nummer}-S{i}"
                )
            )
    bekend = set(les.bron_index)
    if len(bekend) != len(les.verder_lezen):
        problemen.append(Problem(naam, "verder_lezen", "dubbele bron-id", "elke id één keer"))
    toegestaan = f"bekend: {listing(sorted(bekend))}"
    for sectie in ("toepassing", "valkuilen"):
        for i, punt in enumerate(getattr(les, sectie), start=1):
            if not punt.bronnen and not punt.eigen_synthese:
                problemen.append(
                    Problem(
                        naam,
                        f"{les.heading(sectie)}[{i}]",
                        "punt zonder herkomst",
                        "eindig met [bron: id] of [eigen synthese]",
                    )
                )
            problemen += unknown_ids(naam, f"{les.heading(sectie)}[{i}]", "bron", punt.bronnen, bekend, toegestaan)
    for sectie in ("waarom", "in_de_praktijk"):
        problemen += unknown_ids(naam, les.heading(sectie), "bron", cited_ids(getattr(les, sectie)), bekend, toegestaan)
    return problemen


def _expected_numbers(gevonden: list[int]) -> tuple[int, ...]:
    hoogste = max([*gevonden, *lesson_numbers()], default=0)
    return tuple(range(1, hoogste + 1))


def _lesson_files(map_: Path) -> list[Path]:
    return sorted(p for p in map_.glob("*.md") if p.name.lower() != "readme.md")


def check_lessons(map_: Path | None = None) -> tuple[list[Les], list[Problem]]:
    """Read every lesson file in ``map_``; return the valid lessons and all problems found.

    Besides each file's own checks: every number at most once per language, and the Dutch and
    English file of a lesson agree on number, slug and case.
    """
    map_ = map_ or paths.lessons_dir()
    if not map_.is_dir():
        return [], [Problem(shown_path(map_), "", "map met lessen bestaat niet")]
    lessen: list[Les] = []
    problemen: list[Problem] = []
    for pad in _lesson_files(map_):
        les, fouten = read_lesson_file(pad)
        problemen.extend(fouten)
        if les is not None and not fouten:
            lessen.append(les)

    def problem_in(les: Les, veld: str, melding: str, toegestaan: str) -> Problem:
        """A problem in the file of ``les``."""
        return Problem(shown_path(les.bestand or map_), veld, melding, toegestaan)

    gezien: dict[tuple[str, int], Les] = {}
    for les in lessen:
        sleutel = (les.taal, les.nummer)
        if sleutel in gezien:
            ander_bestand = shown_path(gezien[sleutel].bestand or map_)
            problemen.append(problem_in(les, "nummer", f"les {les.nummer} ({les.taal}) staat ook in {ander_bestand}",
                                  "elk nummer één keer per taal"))  # fmt: skip
        else:
            gezien[sleutel] = les
    # Missing Dutch lessons here; a missing translation is reported per lesson below. Lessons run
    # from 1 without gaps, up to the highest number in this folder or the project's lessons/.
    verwacht = _expected_numbers([nummer for _, nummer in gezien])
    ontbrekend = [n for n in verwacht if ("nl", n) not in gezien]
    if ontbrekend and gezien:
        melding = f"les ontbreekt in nl: {listing([str(n) for n in ontbrekend])}"
        problemen.append(Problem(shown_path(map_), "nummer", melding, f"lessen {lesson_range_text(verwacht)}"))
    for (taal, nummer), les in gezien.items():
        if taal != "nl":
            continue
        for ander_taal in (x for x in TALEN if x != "nl"):
            ander = gezien.get((ander_taal, nummer))
            if ander is None:
                problemen.append(problem_in(les, "taal", f"geen {ander_taal}-versie van les {nummer}",
                                      f"maak {les.nummer:02d}-{les.slug}.{ander_taal}.md"))  # fmt: skip
                continue
            if [st.id for st in les.stellingen] != [st.id for st in ander.stellingen]:
                ids = ", ".join(st.id for st in les.stellingen)
                problemen.append(problem_in(ander, "stellingen", "andere id's dan de nl-versie", ids))
            for veld in ("slug", "casus"):
                if getattr(les, veld) != getattr(ander, veld):
                    melding = f"{getattr(ander, veld)!r} wijkt af van de nl-versie"
                    problemen.append(problem_in(ander, veld, melding, repr(getattr(les, veld))))
    return sorted(lessen, key=lambda les: (les.taal, les.nummer)), problemen


def load_lessons(taal: str = "nl", map_: Path | None = None) -> list[Les]:
    """All lessons in ``taal``, sorted by number. Raises :class:`ContentFout` if invalid."""
    _check_language(taal)
    lessen, problemen = check_lessons(map_)
    if problemen:
        raise ContentError(problemen)
    gekozen = [les for les in lessen if les.taal == taal]
    return gekozen


def load_lesson(nummer: int, taal: str = "nl", map_: Path | None = None) -> Les:
    """Lesson ``nummer`` in ``taal``. Only that lesson's file has to be valid."""
    _check_language(taal)
    map_ = map_ or paths.lessons_dir()
    if nummer not in lesson_numbers(map_):
        raise UserError(f"les: onbekend lesnummer {nummer} (toegestaan: {lesson_range_text(lesson_numbers(map_))})")
    kandidaten = [p for p in map_.glob(f"{nummer:02d}-*.{taal}.md")]
    if not kandidaten:
        raise UserError(f"{shown_path(map_)}: les {nummer}: geen bestand {nummer:02d}-<slug>.{taal}.md gevonden")
    if len(kandidaten) > 1:
        raise ContentError(
            [
                Problem(
                    shown_path(kandidaten[1]),
                    "nummer",
                    f"les {nummer} ({taal}) staat in meer dan één bestand",
                    "elk nummer één keer per taal",
                )
            ]
        )
    les, problemen = read_lesson_file(kandidaten[0])
    if problemen or les is None:
        raise ContentError(problemen)
    return les


def _check_language(taal: str) -> None:
    if taal not in TALEN:
        raise UserError(f"--lang: onbekende taal {taal!r} (toegestaan: {listing(TALEN)})")
