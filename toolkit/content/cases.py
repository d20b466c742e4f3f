"""Cases as sourced, analysable data: ``cases/<id>/`` read into typed objects and DataFrames.

A case folder holds ``casus.yaml`` (description and *kenmerken*) and five CSV tables
(``tijdlijn``, ``actoren``, ``instrumenten``, ``bewijs``, ``bronnen``). ``toolkit/templates/casus/``
is the commented skeleton that ``warmtelessen casus nieuw`` copies. Checks, in this order:
each file's own fields and values, then references between files (source ids, actor ids).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, TypedDict

from pydantic import (
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from toolkit.base import (
    MAX_YAML,
    ContentError,
    Problem,
    Procent,
    StrictModel,
    TooLarge,
    TweeTalig,
    UserError,
    check_total_share,
    excerpt,
    load_yaml,
    paths,
    problems_from_validation,
    read_text_limited,
    shown_path,
    unknown_ids,
    write_text_atomic,
)

from .case_tables import ID_PATROON, TABELLEN, Datum, parse_datum, read_table
from .catalog import action_ids, case_dirs, case_ids, unknown_action_hint
from .vocab_cases import ROLLEN

Onbekend = Literal["onbekend"]
BESCHRIJVING = "casus.yaml"


class Herkomst(StrictModel):
    bronnen: list[str] = []
    onzeker: bool = False


class Gemeente(Herkomst):
    naam: str
    cbs_code: Annotated[str, Field(pattern=r"^GM\d{4}$")] | Onbekend


class Wijk(Herkomst):
    naam: str
    cbs_code: Annotated[str, Field(pattern=r"^WK\d{6}$")] | Onbekend
    toelichting: TweeTalig | None = None


class Woningen(Herkomst):
    waarde: Annotated[int, Field(ge=0)] | Onbekend
    bereik: tuple[Annotated[int, Field(ge=0)], Annotated[int, Field(ge=0)]] | None = None  # [laagste, hoogste]

    @field_validator("bereik")
    @classmethod
    def _order(cls, bereik: tuple[int, int] | None) -> tuple[int, int] | None:
        if bereik is not None and bereik[0] > bereik[1]:
            raise ValueError(f"laagste {bereik[0]} ligt boven hoogste {bereik[1]} || [laagste, hoogste]")
        return bereik


class Eigendom(Herkomst):
    koop: Procent | Onbekend
    corporatie: Procent | Onbekend
    particuliere_huur: Procent | Onbekend

    @model_validator(mode="after")
    def _check_sum(self) -> Eigendom:
        check_total_share((self.koop, self.corporatie, self.particuliere_huur))
        return self


class Bouwperiode(Herkomst):
    van: Annotated[int, Field(ge=1000, le=2100)] | Onbekend
    tot: Annotated[int, Field(ge=1000, le=2100)] | Onbekend

    @model_validator(mode="after")
    def _check_order(self) -> Bouwperiode:
        if self.van != "onbekend" and self.tot != "onbekend" and self.van > self.tot:
            raise ValueError(f"van ({self.van}) ligt na tot ({self.tot}) || van <= tot")
        return self


class TekstKenmerk(Herkomst, TweeTalig):
    @property
    def bekend(self) -> bool:
        return self.nl.strip().lower() != "onbekend"


class Stap(TekstKenmerk):
    jaar: Annotated[int, Field(ge=1900, le=2100)]


class Warmteoplossing(TekstKenmerk):
    verloop: list[Stap] = []


class GemeentelijkeRol(Herkomst):
    waarde: Literal[ROLLEN]  # type: ignore[valid-type]


class Status(TekstKenmerk):
    datum: str

    @field_validator("datum", mode="before")
    @classmethod
    def _yaml_date(cls, waarde: Any) -> Any:
        """YAML reads an unquoted 2024-05-01 as a date; accept it as the text it was."""
        return waarde.isoformat() if isinstance(waarde, date) else waarde

    @field_validator("datum")
    @classmethod
    def _date(cls, waarde: str) -> str:
        if waarde != "onbekend" and parse_datum(waarde) is None:
            raise ValueError(f"ongeldige datum {excerpt(waarde)} || JJJJ, JJJJ-MM, JJJJ-MM-DD of onbekend")
        return waarde


class Kenmerken(StrictModel):
    gemeente: Gemeente
    wijk: Wijk
    woningen: Woningen
    eigendom: Eigendom
    bouwperiode: Bouwperiode
    aanleiding: TekstKenmerk
    warmteoplossing: Warmteoplossing
    gemeentelijke_rol: GemeentelijkeRol
    status: Status


class Beschrijving(StrictModel):
    """The contents of ``casus.yaml``."""

    id: Annotated[str, Field(pattern=ID_PATROON.pattern)]
    naam: Annotated[str, Field(min_length=1)]
    status: Literal["concept", "klaar"] = "klaar"  # concept: not yet in comparisons and checklists
    fictief: bool = False
    samenvatting: TweeTalig
    kenmerken: Kenmerken
    open_vragen: list[TweeTalig] = []


def _is_known(waarde: Any) -> bool:
    return waarde not in (None, "onbekend") and not (isinstance(waarde, str) and waarde.lower() == "onbekend")


class TijdlijnRij(TypedDict):
    """One event of ``tijdlijn.csv``, as read and checked."""

    datum: Datum | None
    gebeurtenis: str
    gebeurtenis_en: str
    fase: str
    actoren: list[str]
    bronnen: list[str]
    onzeker: bool


class ActorRij(TypedDict):
    """One actor of ``actoren.csv``."""

    id: str
    naam: str
    naam_en: str | None
    type: str
    rol: str
    rol_en: str
    bronnen: list[str]


class InstrumentRij(TypedDict):
    """One participation instrument of ``instrumenten.csv``."""

    instrument: str
    instrument_en: str
    trede: str
    datum: Datum | None
    bronnen: list[str]
    onzeker: bool


class BewijsRij(TypedDict):
    """One claim of ``bewijs.csv``: what the case shows about a lesson, and the actions it supports."""

    id: str
    les: int
    soort: str
    sterkte: str
    claim: str
    claim_en: str
    bronnen: list[str]
    acties: list[str]


class BronRij(TypedDict):
    """One source of ``bronnen.csv``."""

    id: str
    titel: str
    uitgever: str
    datum: Datum | None
    url: str


@dataclass(frozen=True)
class CaseRows:
    """A case's tables as typed rows (what the site, the checklist and the export read); the same
    rows as pandas DataFrames are the :class:`Case` attributes of the same names."""

    tijdlijn: list[TijdlijnRij]
    actoren: list[ActorRij]
    instrumenten: list[InstrumentRij]
    bewijs: list[BewijsRij]
    bronnen: list[BronRij]

    def table(self, naam: str) -> list[dict[str, Any]]:
        """The rows of table ``naam`` (a key of :data:`TABELLEN`), untyped, for code that walks every table."""
        rijen: list[dict[str, Any]] = getattr(self, naam)
        return rijen


@dataclass
class Case:
    """One case: its description and its tables, as typed rows (:attr:`rijen`) and as pandas DataFrames."""

    id: str
    map: Path
    beschrijving: Beschrijving
    rijen: CaseRows = field(repr=False)

    @property
    def naam(self) -> str:
        return self.beschrijving.naam

    @property
    def kenmerken(self) -> Kenmerken:
        return self.beschrijving.kenmerken

    @property
    def fictief(self) -> bool:
        return self.beschrijving.fictief

    def _frame(self, tabel: str) -> Any:
        import pandas as pd

        kolommen = [k.naam for k in TABELLEN[tabel]]
        rijen = []
        for rij in self.rijen.table(tabel):
            uit = {k: (v.tekst if isinstance(v := rij.get(k), Datum) else v) for k in kolommen}
            if "datum" in rij:
                datum = rij["datum"]
                uit["precisie"] = datum.precisie if datum else "onbekend"
                uit["datum_begin"] = pd.Timestamp(datum.begin) if datum else pd.NaT
                uit["jaar"] = datum.jaar if datum else None
            rijen.append(uit)
        frame = pd.DataFrame(
            rijen,
            columns=kolommen + (["precisie", "datum_begin", "jaar"] if "datum" in kolommen else []),
        )
        if "datum" in kolommen:
            frame["datum_begin"] = pd.to_datetime(frame["datum_begin"])
            frame["jaar"] = frame["jaar"].astype("Int64")
            frame["precisie"] = frame["precisie"].astype("category")
        for kolom in TABELLEN[tabel]:
            if kolom.soort == "enum":
                frame[kolom.naam] = pd.Categorical(list(frame[kolom.naam]), categories=list(kolom.waarden))
            elif kolom.soort == "janee":
                frame[kolom.naam] = frame[kolom.naam].astype(bool)
            elif kolom.soort == "les":
                frame[kolom.naam] = frame[kolom.naam].astype("int64")
        return frame

    @cached_property
    def tijdlijn(self) -> Any:
        return self._frame("tijdlijn").sort_values("datum_begin", kind="stable").reset_index(drop=True)

    # The other tables, as pandas DataFrames (read once per case object).
    actoren = cached_property(lambda self: self._frame("actoren"))
    instrumenten = cached_property(lambda self: self._frame("instrumenten"))
    bewijs = cached_property(lambda self: self._frame("bewijs"))
    bronnen = cached_property(lambda self: self._frame("bronnen"))

    @property
    def concept(self) -> bool:
        """Not finished: marked ``status: concept``, or still without a timeline and claims (an
        untouched skeleton from ``casus nieuw``). A concept stays out of comparisons and checklists."""
        return self.beschrijving.status == "concept" or not (self.rijen.tijdlijn or self.rijen.bewijs)

    @cached_property
    def bron_index(self) -> dict[str, int]:
        """Source id -> its number (1-based) in the numbered source list."""
        return {rij["id"]: i for i, rij in enumerate(self.rijen.bronnen, start=1)}


def _check_references(
    beschrijving: Beschrijving | None, rijen: dict[str, list[dict[str, Any]]], map_: Path, actie_ids: set[str] | None
) -> list[Problem]:
    """Checks between the files of a case: ids, sources, actors and actions, and sources nothing cites."""
    problemen: list[Problem] = []
    yaml_naam = shown_path(map_ / BESCHRIJVING)
    if beschrijving is not None and beschrijving.id != map_.name:
        anders = " en is al de id van een andere casus" if beschrijving.id in case_ids(map_.parent) else ""
        problemen.append(Problem(yaml_naam, "id", f"{excerpt(beschrijving.id)} is niet de mapnaam{anders}", map_.name))
    for tabel in ("bronnen", "actoren", "bewijs"):
        gezien: dict[str, int] = {}
        for rij in rijen[tabel]:
            if rij["id"] in gezien:
                problemen.append(
                    Problem(
                        shown_path(map_ / f"{tabel}.csv"),
                        f"regel {rij['_regel']}: id",
                        f"dubbele id {excerpt(rij['id'])} (ook op regel {gezien[rij['id']]})",
                        "elke id één keer",
                    )
                )
            gezien.setdefault(rij["id"], rij["_regel"])
    bron_ids = {r["id"] for r in rijen["bronnen"]}
    actor_ids = {r["id"] for r in rijen["actoren"]}
    toegestaan_bron = "bekend in bronnen.csv: " + (", ".join(sorted(bron_ids)) or "geen")
    for tabel in ("tijdlijn", "actoren", "instrumenten", "bewijs"):
        for rij in rijen[tabel]:
            waar = f"regel {rij['_regel']}: bronnen"
            problemen += unknown_ids(
                shown_path(map_ / f"{tabel}.csv"), waar, "bron", rij["bronnen"], bron_ids, toegestaan_bron
            )
    toegestaan_actor = "bekend in actoren.csv: " + (", ".join(sorted(actor_ids)) or "geen")
    for rij in rijen["tijdlijn"]:
        waar = f"regel {rij['_regel']}: actoren"
        problemen += unknown_ids(
            shown_path(map_ / "tijdlijn.csv"), waar, "actor", rij["actoren"] or [], actor_ids, toegestaan_actor
        )
    bekende_acties = set(action_ids()) if actie_ids is None else actie_ids
    for rij in rijen["bewijs"]:
        for actie in rij.get("acties") or []:
            if actie not in bekende_acties:
                toegestaan = unknown_action_hint(actie, bekende_acties)
                problemen.append(Problem(shown_path(map_ / "bewijs.csv"), f"regel {rij['_regel']}: acties",
                                         f"onbekende actie {excerpt(actie)}", toegestaan))  # fmt: skip
    genoemd = {
        bron
        for tabel in ("tijdlijn", "actoren", "instrumenten", "bewijs")
        for rij in rijen[tabel]
        for bron in rij["bronnen"]
    }
    for naam, kenmerk in beschrijving.kenmerken if beschrijving is not None else []:
        stukken: list[tuple[str, Herkomst, bool]] = [(naam, kenmerk, _has_known_value(naam, kenmerk))]
        if isinstance(kenmerk, Warmteoplossing):
            stukken += [(f"{naam}.verloop[{i}]", stap, True) for i, stap in enumerate(kenmerk.verloop, start=1)]
        for veld, stuk, bekend in stukken:
            genoemd.update(stuk.bronnen)
            problemen += unknown_ids(
                yaml_naam, f"kenmerken.{veld}.bronnen", "bron", stuk.bronnen, bron_ids, toegestaan_bron
            )
            if bekend and not stuk.bronnen:
                problemen.append(
                    Problem(
                        yaml_naam,
                        f"kenmerken.{veld}",
                        "waarde zonder bron",
                        "noem een bron-id, of schrijf onbekend",
                    )
                )
    if beschrijving is not None:
        for rij in rijen["bronnen"]:
            if rij["id"] not in genoemd:
                problemen.append(Problem(shown_path(map_ / "bronnen.csv"), f"regel {rij['_regel']}: id",
                                         f"bron {excerpt(rij['id'])} wordt nergens genoemd",
                                         "noem haar of haal haar weg",
                                         "warning"))  # fmt: skip
    return problemen


def _has_known_value(naam: str, kenmerk: Any) -> bool:
    """Does this kenmerk state something (that then needs a source)? A municipality's name and
    CBS code are public facts and need none."""
    if naam == "gemeente":
        return False
    if naam == "wijk":
        return _is_known(kenmerk.cbs_code) or _is_known(kenmerk.naam)
    if naam == "woningen":
        return _is_known(kenmerk.waarde)
    if naam == "eigendom":
        return any(_is_known(v) for v in (kenmerk.koop, kenmerk.corporatie, kenmerk.particuliere_huur))
    if naam == "bouwperiode":
        return _is_known(kenmerk.van) or _is_known(kenmerk.tot)
    if naam == "gemeentelijke_rol":
        return _is_known(kenmerk.waarde)
    return bool(kenmerk.bekend)


def read_case(map_: Path, actie_ids: set[str] | None = None) -> tuple[Case | None, list[Problem]]:
    """Read and check one case folder."""
    yaml_pad = map_ / BESCHRIJVING
    naam = shown_path(yaml_pad)
    if not yaml_pad.is_file():
        return None, [Problem(shown_path(map_), BESCHRIJVING, "bestand ontbreekt", "elke casus heeft een casus.yaml")]
    problemen: list[Problem] = []
    beschrijving: Beschrijving | None = None
    try:
        data, problemen = load_yaml(read_text_limited(yaml_pad, MAX_YAML), naam)
    except TooLarge as exc:
        data, problemen = None, [Problem(naam, "", str(exc))]
    except UnicodeDecodeError:
        data, problemen = (
            None,
            [Problem(naam, "", "bestand is geen UTF-8-tekst", "sla op als UTF-8")],
        )
    if not problemen and not isinstance(data, dict):
        problemen.append(Problem(naam, "", "is geen lijst van velden", "velden als 'sleutel: waarde'"))
    elif not problemen:
        try:
            beschrijving = Beschrijving.model_validate(data)
        except ValidationError as exc:
            problemen.extend(problems_from_validation(exc, naam, Beschrijving))
    rijen: dict[str, list[dict[str, Any]]] = {}
    for tabel in TABELLEN:
        rijen[tabel], fouten = read_table(map_ / f"{tabel}.csv", tabel)
        problemen.extend(fouten)
    # All in one pass: references are checked on every row that could be read, so a user sees
    # format errors, unknown ids and duplicates together, in file and line order.
    problemen.extend(_check_references(beschrijving, rijen, map_, actie_ids))
    problemen.sort(key=Problem.sort_key)
    if beschrijving is None or any(not p.warning for p in problemen):
        return None, problemen
    casus = Case(beschrijving.id, map_, beschrijving, CaseRows(**rijen))  # type: ignore[arg-type]
    if casus.concept:
        melding = "concept: nog niet ingevuld, doet nog niet mee in vergelijkingen en checklists"
        toegestaan = "vul tijdlijn.csv en bewijs.csv; haal 'status: concept' weg als de casus klaar is"
        problemen.insert(0, Problem(naam, "status", melding, toegestaan, "warning"))
    return casus, problemen


def case_name(casus_id: str, map_: Path | None = None) -> str:
    """The display name of a case (its id if the case cannot be read)."""
    try:
        tekst = read_text_limited((map_ or paths.cases_dir()) / casus_id / BESCHRIJVING, MAX_YAML)
    except (OSError, UnicodeDecodeError, TooLarge):
        return casus_id
    data, _ = load_yaml(tekst, casus_id)
    return str(data.get("naam") or casus_id) if isinstance(data, dict) else casus_id


def case_names(map_: Path | None = None) -> dict[str, str]:
    """Every case id -> its display name."""
    return {c: case_name(c, map_) for c in case_ids(map_)}


def check_cases(map_: Path | None = None, actie_ids: set[str] | None = None) -> tuple[list[Case], list[Problem]]:
    """Read every case folder; return the valid cases and all problems. ``actie_ids``: the actions
    that exist (default: those of the project, read once for all cases)."""
    actie_ids = set(action_ids()) if actie_ids is None else actie_ids
    casussen: list[Case] = []
    problemen: list[Problem] = []
    for map_casus in case_dirs(map_):
        casus, fouten = read_case(map_casus, actie_ids)
        problemen.extend(fouten)
        if casus is not None:
            casussen.append(casus)
    return casussen, problemen


def load_case(casus_id: str, map_: Path | None = None) -> Case:
    """The case ``casus_id``. Raises a clear error for an unknown id or invalid data."""
    bekend = case_ids(map_)
    if casus_id not in bekend:
        raise UserError(f"casus: onbekende casus {excerpt(casus_id)} (bekend: {', '.join(bekend) or 'geen'})")
    casus, problemen = read_case((map_ or paths.cases_dir()) / casus_id)
    if casus is None:
        raise ContentError(problemen)
    return casus


def load_cases(map_: Path | None = None, met_concepten: bool = False) -> list[Case]:
    """All cases, sorted by id (concepts only when asked). Raises :class:`ContentError` if any case
    is invalid."""
    casussen, problemen = check_cases(map_)
    if any(not p.warning for p in problemen):
        raise ContentError(problemen)
    return [c for c in casussen if met_concepten or not c.concept]


def new_case(casus_id: str, map_: Path | None = None, naam: str | None = None) -> Path:
    """Create ``cases/<casus_id>/`` from the commented skeleton. Returns the new folder."""

    map_ = map_ or paths.cases_dir()
    if not ID_PATROON.match(casus_id) or casus_id == "nieuw":
        raise UserError(
            f"casus nieuw: ongeldige id {excerpt(casus_id)} "
            "(kleine letters, cijfers en streepjes, bijv. utrecht-overvecht)"
        )
    doel = map_ / casus_id
    if doel.exists():
        raise UserError(f"{shown_path(doel)}: casus bestaat al (kies een andere id)")
    sjablonen = paths.templates_dir() / "casus"
    tijdelijk = map_ / f".{casus_id}.nieuw"
    tijdelijk.mkdir(parents=True, exist_ok=False)
    try:
        for sjabloon in sorted(sjablonen.iterdir()):
            tekst = sjabloon.read_text(encoding="utf-8")
            tekst = tekst.replace("{id}", casus_id).replace("{naam}", naam or casus_id.replace("-", " ").title())
            write_text_atomic(tijdelijk / sjabloon.name, tekst)
        tijdelijk.rename(doel)
    finally:
        if tijdelijk.exists():
            shutil.rmtree(tijdelijk)
    return doel
