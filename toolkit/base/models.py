"""Model pieces shared by the content types: strict models, bilingual text, percentage shares."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from .labels import t
from .limits import excerpt


def _web_address(waarde: str) -> str:
    if not re.match(r"^https?://[^\s/]+\.[^\s]+$", waarde):
        raise ValueError(f"ongeldige URL {excerpt(waarde)} || begin met http:// of https://")
    return waarde


#: A web address (http or https), as every source must have.
Url = Annotated[str, AfterValidator(_web_address)]
#: A date as precise as known: ``2024``, ``2024-12``, ``2024-12-10`` or ``onbekend`` (YAML's own
#: dates are read as the text they were).
DatumTekst = Annotated[
    str,
    BeforeValidator(lambda w: w.isoformat() if isinstance(w, date) else w),
    Field(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?|onbekend)$", description="JJJJ, JJJJ-MM, JJJJ-MM-DD of onbekend"),
]


class StrictModel(BaseModel):
    """Unknown fields are refused (a typo in a file never passes silently); values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TweeTalig(StrictModel):
    """A text in Dutch and English."""

    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def in_language(self, taal: str) -> str:
        return self.en if taal == "en" else self.nl


#: A share of the dwellings, in percent.
Procent = Annotated[float, Field(ge=0, le=100)]


def check_total_share(aandelen: Iterable[object]) -> None:
    """Shares of one whole (owner-occupied, corporation, private rental) add up to at most 100
    (half a percent of rounding allowed); unknown shares do not count."""
    som = sum(v for v in aandelen if isinstance(v, int | float) and not isinstance(v, bool))
    if som > 100.5:
        raise ValueError(f"aandelen tellen op tot {som:g} || samen hooguit 100")


def described(
    veld: str,
    standaard: Any = ...,
    *,
    optie: str | None = None,
    herhaalbaar: bool = False,
    pad: bool = False,
    optie_uit: str | None = None,
    metavar: str | None = None,
) -> Any:
    """A field with its metadata: the Dutch help text (``description``, from the translations
    ``uitleg.<veld>``), the translation key for other languages, and for the command line the option
    name (default ``--<veld>``), whether it repeats, whether it names a file or folder, for a yes/no
    field the option that says no, and what to type (``metavar``). Without ``standaard`` the field is required."""

    extra: dict[str, Any] = {"uitleg": f"uitleg.{veld}"}
    if optie:
        extra["optie"] = optie
    if herhaalbaar:
        extra["herhaalbaar"] = True
    if pad:
        extra["pad"] = True
    if optie_uit:
        extra["optie_uit"] = optie_uit
    if metavar:
        extra["metavar"] = metavar
    return Field(standaard, description=t(f"uitleg.{veld}", "nl"), json_schema_extra=extra)


def field_help(model: type[BaseModel], veld: str, taal: str) -> str:
    """The help text of ``model.veld`` in ``taal``."""

    info = model.model_fields[veld]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    sleutel = extra.get("uitleg")
    return t(str(sleutel), taal) if sleutel else (info.description or "")


def option_name(model: type[BaseModel], veld: str) -> str:
    """The command-line option of ``model.veld``: ``--<veld>`` unless the field names another."""
    info = model.model_fields[veld]
    extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
    return str(extra.get("optie") or "--" + veld.replace("_", "-"))
