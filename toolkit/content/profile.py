"""A municipality's own situation (the *profiel*): read from YAML, options, a form or a CSV row,
checked, and completed with public figures for its municipality and wijk.

The fields are declared once, in :class:`Profiel`: their help text (``description``, from the
translations ``uitleg.<veld>``), their label (translations ``veld.<veld>``) and, where it differs
from ``--<veld>``, their command-line option. The command line, the form, the CSV reader and the
rule engine all read the fields from here.

Every field except ``gemeente`` may be missing; missing means *onbekend*, and the checklist treats
unknowns explicitly. Figures never fill a field the data does not have (tenure stays unknown
unless the user gives it).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from toolkit.base import (
    MAX_BESTAND,
    MAX_YAML,
    Problem,
    Procent,
    StrictModel,
    TooLarge,
    UserError,
    check_total_share,
    clean_fields,
    described,
    excerpt,
    fold,
    load_yaml,
    problems_from_validation,
    read_text_limited,
    shown_path,
    slugify,
    t,
    texts,
    unquote_csv,
)

from .regions import Cijfer, Gebied, find_gemeente, find_wijk, gemeente_figures, provincies, wijk_figures
from .vocab_cases import SoortPartij, party_kind

JaNee = Literal["ja", "nee", "onbekend"]
Fase = Literal["transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik"]
SoortGroep = SoortPartij  # one vocabulary with case actors and logbook parties
Activiteit = Literal["ja", "beetje", "nee", "onbekend"]
Werk = Literal["riolering", "herinrichting", "gasnet", "groot_onderhoud", "geen"]
Warmte = Literal["warmtenet", "all-electric", "hybride", "open"]
Warmteprogramma = Literal["vastgesteld", "in_voorbereiding", "nee"]
Warmtebedrijf = Literal["publiek", "warmtegemeenschap", "particulier"]

#: In a CSV of profiles: lists use ';', groups are separated by '|'.
LIJST_SCHEIDER = ";"
GROEP_SCHEIDER = "|"


def _yes_no(waarde: Any) -> Any:
    """YAML reads ja/nee as text but yes/no/true/false as booleans: map those onto ja/nee."""
    if waarde is True:
        return "ja"
    if waarde is False:
        return "nee"
    return fold(waarde) if isinstance(waarde, str) else waarde


def parse_group_line(regel: str) -> dict[str, str] | None:
    """``naam; soort; actief`` (soort and actief optional) -> a group; None for an empty line."""
    delen = [d.strip() for d in regel.split(";")]
    if not delen or not delen[0]:
        return None
    groep = {"naam": delen[0]}
    for sleutel, waarde in zip(("soort", "actief"), delen[1:3], strict=False):
        if waarde:
            groep[sleutel] = waarde
    return groep


def parse_groups(tekst: str) -> list[dict[str, str]]:
    """One group per line: ``naam; soort; actief`` (as in the form and ``--groep``)."""
    return [g for regel in tekst.splitlines() if (g := parse_group_line(regel)) is not None]


class Groep(StrictModel):
    """An existing group in the neighbourhood."""

    naam: Annotated[str, Field(min_length=1, max_length=200)]
    soort: SoortGroep = "overig"
    actief: Activiteit = "onbekend"

    @model_validator(mode="before")
    @classmethod
    def _from_line(cls, waarde: Any) -> Any:
        return parse_group_line(waarde) if isinstance(waarde, str) else waarde

    @field_validator("soort", mode="before")
    @classmethod
    def _kind(cls, waarde: Any) -> Any:
        return party_kind(waarde) if isinstance(waarde, str) else waarde

    @field_validator("actief", mode="before")
    @classmethod
    def _clean(cls, waarde: Any) -> Any:
        return fold(waarde) if isinstance(waarde, str) else _yes_no(waarde)


class Eigendom(StrictModel):
    """Shares of the dwellings in the wijk, in percent; missing means unknown."""

    koop: Procent | None = None
    corporatie: Procent | None = None
    particuliere_huur: Procent | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, waarde: Any) -> Any:
        """``koop=62,corporatie=35`` (the command-line option) -> a mapping."""
        if not isinstance(waarde, str):
            return waarde
        uit: dict[str, str] = {}
        for deel in (d for d in waarde.split(",") if d.strip()):
            sleutel, teken, getal = deel.partition("=")
            try:
                float(getal)
            except ValueError:
                raise ValueError(
                    f"ongeldig: {excerpt(deel.strip())} || bijv. koop=62,corporatie=35,particuliere_huur=3"
                ) from None
            if not teken:
                raise ValueError(f"ongeldig: {excerpt(deel.strip())} || bijv. koop=62,corporatie=35")
            uit[sleutel.strip()] = getal
        return uit

    @field_validator("koop", "corporatie", "particuliere_huur", mode="before")
    @classmethod
    def _unknown_share(cls, waarde: Any) -> Any:
        return None if isinstance(waarde, str) and fold(waarde) == "onbekend" else waarde

    @model_validator(mode="after")
    def _check_sum(self) -> Eigendom:
        check_total_share((self.koop, self.corporatie, self.particuliere_huur))
        return self


#: Groups in one profile: a neighbourhood has tens, not thousands (each one is checked against the lessons).
MAX_GROEPEN = 100


class Profiel(StrictModel):
    """The profile as the user gave it (names not yet resolved)."""

    gemeente: Annotated[str, Field(min_length=1, max_length=100)] = described("gemeente", metavar="NAAM")
    wijk: Annotated[str, Field(min_length=1, max_length=100)] | None = described("wijk", None, metavar="NAAM")
    fase: Fase | None = described("fase", None)
    groepen: Annotated[list[Groep], Field(max_length=MAX_GROEPEN)] | None = described(
        "groepen", None, optie="--groep", herhaalbaar=True, metavar="'NAAM;SOORT;ACTIEF'"
    )
    aanspreekpunt: JaNee = described("aanspreekpunt", "onbekend")
    logboek: JaNee = described("logboek", "onbekend", optie="--logboek-bijgehouden")
    vergoeding_budget: JaNee = described("vergoeding_budget", "onbekend")
    werkzaamheden: Annotated[list[Werk], Field(max_length=30)] | None = described("werkzaamheden", None, metavar="A,B")
    eigendom: Eigendom = described("eigendom", Eigendom(), metavar="koop=62,corporatie=35")
    warmteoplossing: Warmte | None = described("warmteoplossing", None)
    raad_betrokken: JaNee = described("raad_betrokken", "onbekend")
    warmteprogramma: Warmteprogramma | None = described("warmteprogramma", None)
    aanwijzing_voorzien: JaNee = described("aanwijzing_voorzien", "onbekend")
    warmtebedrijf: Warmtebedrijf | None = described("warmtebedrijf", None)
    capaciteit_fte: Annotated[float, Field(ge=0, le=100)] | None = described("capaciteit_fte", None, metavar="FTE")
    notities: Annotated[str, Field(max_length=5000)] | None = described("notities", None, metavar="TEKST")

    @field_validator("aanspreekpunt", "logboek", "vergoeding_budget", "raad_betrokken", "aanwijzing_voorzien",
                     mode="before")  # fmt: skip
    @classmethod
    def _yes_no_field(cls, waarde: Any) -> Any:
        return "onbekend" if waarde is None else _yes_no(waarde)

    @field_validator("gemeente", "wijk", "notities", mode="before")
    @classmethod
    def _text_value(cls, waarde: Any) -> Any:
        return str(waarde) if isinstance(waarde, int | float) and not isinstance(waarde, bool) else waarde

    @field_validator("fase", "warmteoplossing", "warmteprogramma", "warmtebedrijf", mode="before")
    @classmethod
    def _choice_value(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            waarde = fold(waarde).replace(" ", "_")
            return None if waarde == "onbekend" else waarde
        return waarde

    @field_validator("werkzaamheden", mode="before")
    @classmethod
    def _split_list(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            return [w.strip() for w in waarde.replace(LIJST_SCHEIDER, ",").split(",") if w.strip()]
        return waarde

    @field_validator("groepen", mode="before")
    @classmethod
    def _groups_text(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            return [g for deel in waarde.split(GROEP_SCHEIDER) if (g := parse_group_line(deel)) is not None]
        return waarde

    @field_validator("capaciteit_fte", mode="before")
    @classmethod
    def _decimal_comma(cls, waarde: Any) -> Any:
        return waarde.replace(",", ".").strip() if isinstance(waarde, str) else waarde


class Context(BaseModel):
    """What the toolkit adds to a profile: resolved names and public figures with year and source."""

    model_config = ConfigDict(frozen=True)

    gemeente: str
    gemeente_code: str | None
    wijk: str | None
    wijk_code: str | None
    provincie: str | None
    fictief: bool
    cijfers: list[dict[str, Any]]

    def folder_name(self) -> str:
        """``<gemeente-slug>[-<wijk-slug>]``: a safe name that never leaves the output folder."""
        return folder_name(self.gemeente, self.wijk)


def folder_name(gemeente: str, wijk: str | None) -> str:
    naam = slugify(gemeente)
    return f"{naam}-{slugify(wijk)}" if wijk else naam


def parse_profile(data: Any, bestand: str = "profiel", optienamen: Mapping[str, str] | None = None) -> Profiel:
    """Check a profile (a dict). Raises :class:`UserError` naming every problem on one line.

    ``optienamen`` names fields as the user typed them (``eigendom`` -> ``--eigendom``)."""
    if not isinstance(data, dict):
        raise UserError(Problem(bestand, "", "is geen lijst van velden", "velden als 'sleutel: waarde'"))
    data, _ = clean_fields({k: v for k, v in data.items() if v is not None})  # see cleaned_fields_note
    try:
        return Profiel.model_validate(data)
    except ValidationError as exc:
        problemen = problems_from_validation(exc, bestand, Profiel, veldnamen=optienamen)
        raise UserError(problemen[0] if len(problemen) == 1 else "; ".join(map(str, problemen))) from None


def cleaned_fields_note(data: Any, bestand: str, taal: str = "nl") -> str:
    """One line naming the fields of a profile from which :func:`parse_profile` takes invisible
    characters (as pasted from Word or Excel), or ``""`` when there are none."""
    _, velden = clean_fields(data)
    if not velden:
        return ""
    return t("profiel.tekens_weggehaald", taal, bestand=bestand, velden=field_labels(velden, taal))


def field_labels(velden: list[str], taal: str) -> str:
    """Fields of a profile (``groepen[2].naam``) as a person knows them ("bestaande groepen"), once each."""
    teksten = texts(taal)
    namen: list[str] = []
    for veld in velden:
        hoofd = veld.split("[")[0].split(".")[0]
        naam = teksten.get(f"veld.{hoofd}") or texts("nl").get(f"veld.{hoofd}") or hoofd
        if naam not in namen:
            namen.append(naam)
    return ", ".join(namen)


def read_profile(pad: Path) -> dict[str, Any]:
    """The raw profile dict from a YAML file (checked later, after options are merged)."""
    naam = shown_path(pad)
    try:
        tekst = read_text_limited(pad, MAX_YAML)
    except FileNotFoundError:
        raise UserError(f"{naam}: --profiel: bestand bestaat niet") from None
    except TooLarge as exc:
        raise UserError(f"{naam}: --profiel: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{naam}: --profiel: kan bestand niet lezen ({exc})") from None
    data, problemen = load_yaml(tekst, naam)
    if problemen:
        raise UserError(problemen[0])
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UserError(Problem(naam, "", "is geen lijst van velden", "velden als 'sleutel: waarde'"))
    return data


def read_profiles_csv(pad: Path) -> tuple[list[tuple[int, dict[str, Any], str]], list[str]]:
    """Profiles from a CSV: one per row, the same column names as the profile's fields. Lists use
    ';', groups are ``naam;soort;actief`` separated by '|', tenure uses columns ``eigendom.koop``.

    Returns (row number, profile, output folder name) for each valid row, and the problems."""

    naam = shown_path(pad)
    try:
        tekst = read_text_limited(pad, MAX_BESTAND, "utf-8-sig")
    except TooLarge as exc:
        raise UserError(f"{naam}: --profielen: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{naam}: --profielen: kan bestand niet lezen ({exc})") from None
    lezer = csv.DictReader(io.StringIO(tekst))
    if not lezer.fieldnames or "gemeente" not in lezer.fieldnames:
        raise UserError(f"{naam}: --profielen: kolom 'gemeente' ontbreekt (kolommen zoals in het profiel)")
    goed: list[tuple[int, dict[str, Any], str]] = []
    problemen: list[str] = []
    for nummer, rij in enumerate(lezer, start=2):
        profiel: dict[str, Any] = {}
        for sleutel, waarde in rij.items():
            waarde = unquote_csv((waarde or "").strip())
            if not waarde or sleutel is None:
                continue
            hoofd, punt, sub = sleutel.partition(".")
            if punt:
                profiel.setdefault(hoofd, {})[sub] = waarde
            elif sleutel == "werkzaamheden":
                profiel[sleutel] = [w.strip() for w in waarde.split(LIJST_SCHEIDER) if w.strip()]
            elif sleutel == "groepen":
                profiel[sleutel] = parse_groups("\n".join(waarde.split(GROEP_SCHEIDER)))
            else:
                profiel[sleutel] = waarde
        waar = f"{naam}: rij {nummer}"
        try:
            context = build_context(parse_profile(profiel, waar), waar)
        except UserError as fout:
            problemen.append(str(fout))  # "<file>: rij N: <field>: what is wrong (allowed)"
            continue
        goed.append((nummer, profiel, context.folder_name()))
    return goed, problemen


def profile_dict(profiel: Profiel) -> dict[str, Any]:
    """The profile as a plain dict, with every field present (unknowns spelled out)."""
    data = profiel.model_dump(mode="json")
    for sleutel, waarde in data.items():
        if waarde is None:
            data[sleutel] = "onbekend"
        elif isinstance(waarde, dict):
            data[sleutel] = {k: ("onbekend" if v is None else v) for k, v in waarde.items()}
    return data


def resolve(profiel: Profiel, bestand: str = "profiel") -> tuple[Gebied, Gebied | None]:
    """Find the municipality and wijk the profile names. Raises one clear line when unknown."""
    try:
        gemeente = find_gemeente(profiel.gemeente)
    except ValueError as exc:
        melding, _, toegestaan = str(exc).partition(" || ")
        raise UserError(Problem(bestand, "gemeente", melding, toegestaan)) from None
    wijk = None
    if profiel.wijk:
        try:
            wijk = find_wijk(profiel.wijk, gemeente)
        except ValueError as exc:
            melding, _, toegestaan = str(exc).partition(" || ")
            raise UserError(Problem(bestand, "wijk", melding, toegestaan)) from None
    return gemeente, wijk


def _figure_row(c: Cijfer, niveau: str) -> dict[str, Any]:
    return {
        "sleutel": c.sleutel,
        "niveau": niveau,
        "gebied": c.gebied,
        "label_nl": c.label_nl,
        "label_en": c.label_en,
        "waarde": c.waarde,
        "eenheid": c.eenheid,
        "jaar": c.jaar,
        "bron": c.bron,
    }


def build_context(profiel: Profiel, bestand: str = "profiel") -> Context:
    """Resolved names plus figures (CBS 2024, ETlocal 2023), each with year and source."""
    gemeente, wijk = resolve(profiel, bestand)
    cijfers = [_figure_row(c, "gemeente") for c in gemeente_figures(gemeente.code)] if gemeente.code else []
    if wijk and wijk.code:
        cijfers += [_figure_row(c, "wijk") for c in wijk_figures(wijk.code)]
    return Context(
        gemeente=gemeente.naam,
        gemeente_code=gemeente.code,
        wijk=wijk.naam if wijk else None,
        wijk_code=wijk.code if wijk else None,
        provincie=provincies().get(gemeente.code) if gemeente.code else None,
        fictief=gemeente.fictief,
        cijfers=cijfers,
    )
