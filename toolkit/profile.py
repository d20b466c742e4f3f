"""A municipality's own situation (the *profiel*): read from YAML or options, checked, and
completed with public figures for its municipality and wijk.

Every field except ``gemeente`` may be missing; missing means *onbekend*, and the checklist treats
unknowns explicitly. Figures never fill a field the data does not have (tenure stays unknown
unless the user gives it).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import Problem, UserError, shown_path
from .models import Procent, check_total_share
from .regions import (
    Cijfer,
    Gebied,
    find_gemeente,
    find_wijk,
    gemeente_figures,
    provincies,
    wijk_figures,
)
from .schema_errors import problems_from_validation
from .yamlio import load_yaml

JaNee = Literal["ja", "nee", "onbekend"]
Fase = Literal["transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik"]
SoortGroep = Literal[
    "energiecooperatie",
    "bewonersvereniging",
    "wijkraad",
    "huurdersvereniging",
    "vve",
    "sportclub",
    "groen",
    "buurtinitiatief",
    "religieus",
    "school",
    "ondernemers",
    "overig",
]
Werk = Literal["riolering", "herinrichting", "gasnet", "groot_onderhoud", "geen"]
Warmte = Literal["warmtenet", "all-electric", "hybride", "open"]

#: Help text per field (README, --help and the form use the same words).
VELDEN: dict[str, str] = {
    "gemeente": "naam of CBS-code van de gemeente (bijv. Wageningen of GM0289); verplicht",
    "wijk": "naam of CBS-code van de wijk (bijv. WK028907)",
    "fase": "transitievisie | orientatie | planvorming | uitvoering | gebruik",
    "groepen": "bestaande groepen: lijst van {naam, soort, actief}",
    "aanspreekpunt": "is er een zichtbaar aanspreekpunt voor initiatieven en bewoners: ja | nee | onbekend",
    "logboek": "wordt vastgelegd wie is gesproken en wat is besloten: ja | nee | onbekend",
    "vergoeding_budget": "is er budget om initiatieven of bewoners te betalen: ja | nee | onbekend",
    "werkzaamheden": "geplande werken: riolering | herinrichting | gasnet | groot_onderhoud | geen",
    "eigendom": "procenten woningen: {koop, corporatie, particuliere_huur}",
    "warmteoplossing": "warmtenet | all-electric | hybride | open",
    "raad_betrokken": "is de gemeenteraad betrokken: ja | nee | onbekend",
    "capaciteit_fte": "ambtelijke capaciteit voor deze wijk, in fte (bijv. 0.5)",
    "notities": "vrije tekst",
}


class Groep(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    naam: Annotated[str, Field(min_length=1, max_length=200)]
    soort: SoortGroep = "overig"
    actief: JaNee | Literal["beetje"] = "onbekend"

    @field_validator("soort", "actief", mode="before")
    @classmethod
    def _clean(cls, waarde: Any) -> Any:
        from .text import fold

        return fold(waarde).replace("-", "_") if isinstance(waarde, str) else _yes_no(waarde)


class Eigendom(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    koop: Procent | None = None
    corporatie: Procent | None = None
    particuliere_huur: Procent | None = None

    @field_validator("koop", "corporatie", "particuliere_huur", mode="before")
    @classmethod
    def _unknown_share(cls, waarde: Any) -> Any:
        return None if isinstance(waarde, str) and waarde.strip().lower() == "onbekend" else waarde

    @model_validator(mode="after")
    def _check_sum(self) -> Eigendom:
        check_total_share((self.koop, self.corporatie, self.particuliere_huur))
        return self


def _yes_no(waarde: Any) -> Any:
    """YAML reads ja/nee as text but yes/no/true/false as booleans: map those onto ja/nee."""
    if waarde is True:
        return "ja"
    if waarde is False:
        return "nee"
    return waarde.strip().lower() if isinstance(waarde, str) else waarde


class Profiel(BaseModel):
    """The profile as the user gave it (names not yet resolved)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    gemeente: Annotated[str, Field(min_length=1, max_length=100)]
    wijk: Annotated[str, Field(min_length=1, max_length=100)] | None = None
    fase: Fase | None = None
    groepen: list[Groep] | None = None
    aanspreekpunt: JaNee = "onbekend"
    logboek: JaNee = "onbekend"
    vergoeding_budget: JaNee = "onbekend"
    werkzaamheden: list[Werk] | None = None
    eigendom: Eigendom = Eigendom()
    warmteoplossing: Warmte | None = None
    raad_betrokken: JaNee = "onbekend"
    capaciteit_fte: Annotated[float, Field(ge=0, le=100)] | None = None
    notities: Annotated[str, Field(max_length=5000)] | None = None

    @field_validator("aanspreekpunt", "logboek", "vergoeding_budget", "raad_betrokken", mode="before")
    @classmethod
    def _yes_no_field(cls, waarde: Any) -> Any:
        return "onbekend" if waarde is None else _yes_no(waarde)

    @field_validator("gemeente", "wijk", "notities", mode="before")
    @classmethod
    def _text_value(cls, waarde: Any) -> Any:
        return str(waarde) if isinstance(waarde, int | float) and not isinstance(waarde, bool) else waarde

    @field_validator("fase", "warmteoplossing", mode="before")
    @classmethod
    def _choice_value(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            from .text import fold

            waarde = fold(waarde)
            return None if waarde == "onbekend" else waarde
        return waarde

    @field_validator("werkzaamheden", mode="before")
    @classmethod
    def _split_list(cls, waarde: Any) -> Any:
        if isinstance(waarde, str):
            return [w.strip() for w in waarde.split(",") if w.strip()]
        return waarde


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


def parse_profile(data: Any, bestand: str = "profiel") -> Profiel:
    """Check a profile (a dict). Raises :class:`GebruikersFout` with one line per problem."""
    if not isinstance(data, dict):
        raise UserError(Problem(bestand, "", "is geen lijst van velden", "velden als 'sleutel: waarde'"))
    data = {k: v for k, v in data.items() if v is not None}
    try:
        return Profiel.model_validate(data)
    except ValidationError as exc:
        problemen = problems_from_validation(exc, bestand, Profiel)
        raise UserError(problemen[0] if len(problemen) == 1 else "; ".join(map(str, problemen))) from None


def read_profile(pad: Path) -> dict[str, Any]:
    """The raw profile dict from a YAML file (checked later, after options are merged)."""
    naam = shown_path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{naam}: --profiel: bestand bestaat niet") from None
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
