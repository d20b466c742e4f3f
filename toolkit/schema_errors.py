"""Turn pydantic validation errors into one-line problems in plain Dutch."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem


def _field_path(loc: tuple[Any, ...]) -> str:
    delen: list[str] = []
    for deel in loc:
        if isinstance(deel, int):
            delen.append(f"[{deel + 1}]")
        elif delen:
            delen.append(f".{deel}")
        else:
            delen.append(str(deel))
    return "".join(delen) or "(bestand)"


def _allowed_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """The field names allowed where an unknown field was found (best effort)."""
    huidig: Any = model
    for deel in loc[:-1]:
        if isinstance(deel, int):
            continue
        veld = getattr(huidig, "model_fields", {}).get(deel)
        if veld is None:
            return ""
        annotatie = veld.annotation
        kandidaten = [annotatie, *getattr(annotatie, "__args__", ())]
        for kandidaat in kandidaten:
            for sub in (kandidaat, *getattr(kandidaat, "__args__", ())):
                if isinstance(sub, type) and issubclass(sub, BaseModel):
                    huidig = sub
                    break
    velden = getattr(huidig, "model_fields", None)
    return ", ".join(velden) if velden else ""


def problems_from_validation(
    exc: ValidationError,
    bestand: str,
    model: type[BaseModel],
    prefix: str = "",
    veldnamen: Mapping[str, str] | None = None,
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, with a Dutch message and the allowed values.

    ``veldnamen`` renames top-level fields as the user typed them (``eigendom`` -> ``--eigendom``)."""
    problemen: list[Problem] = []
    for fout in exc.errors():
        loc = tuple(fout.get("loc", ()))
        if veldnamen and loc and str(loc[0]) in veldnamen:
            loc = (veldnamen[str(loc[0])], *loc[1:])
        veld = (prefix + "." if prefix and loc else prefix) + _field_path(loc)
        soort = fout.get("type", "")
        ctx = fout.get("ctx", {}) or {}
        invoer = fout.get("input")
        if soort == "missing":
            problemen.append(Problem(bestand, veld, "verplicht veld ontbreekt"))
        elif soort == "extra_forbidden":
            toegestaan = _allowed_fields(model, loc)
            problemen.append(
                Problem(
                    bestand,
                    veld,
                    "onbekend veld",
                    f"toegestaan: {toegestaan}" if toegestaan else "",
                )
            )
        elif soort == "literal_error":
            verwacht = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
            problemen.append(Problem(bestand, veld, f"ongeldige waarde {invoer!r}", f"toegestaan: {verwacht}"))
        elif soort in {"int_type", "int_parsing", "int_from_float"}:
            problemen.append(Problem(bestand, veld, f"moet een geheel getal zijn, niet {invoer!r}", "bijv. 4"))
        elif soort in {"float_type", "float_parsing"}:
            problemen.append(Problem(bestand, veld, f"moet een getal zijn, niet {invoer!r}"))
        elif soort in {"string_type"}:
            problemen.append(Problem(bestand, veld, f"moet tekst zijn, niet {invoer!r}"))
        elif soort in {"list_type"}:
            problemen.append(Problem(bestand, veld, "moet een lijst zijn", "bijv. [a, b]"))
        elif soort in {"dict_type", "model_type", "model_attributes_type"}:
            problemen.append(Problem(bestand, veld, "moet een groep velden zijn", "sleutel: waarde"))
        elif soort == "too_short":
            minimum = ctx.get("min_length")
            problemen.append(
                Problem(
                    bestand,
                    veld,
                    f"te weinig: {ctx.get('actual_length', '?')}",
                    f"minstens {minimum}",
                )
            )
        elif soort == "string_too_short":
            problemen.append(Problem(bestand, veld, "is leeg", "vul tekst in"))
        elif soort in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
            grenzen = {
                "greater_than_equal": f">= {ctx.get('ge')}",
                "less_than_equal": f"<= {ctx.get('le')}",
                "greater_than": f"> {ctx.get('gt')}",
                "less_than": f"< {ctx.get('lt')}",
            }
            problemen.append(Problem(bestand, veld, f"waarde {invoer!r} buiten bereik", grenzen[soort]))
        elif soort == "string_pattern_mismatch":
            problemen.append(
                Problem(
                    bestand,
                    veld,
                    f"ongeldige vorm {invoer!r}",
                    "kleine letters, cijfers en streepjes",
                )
            )
        elif soort == "value_error":
            tekst = str(ctx.get("error", fout.get("msg", "")))
            melding, _, toegestaan = tekst.partition(" || ")
            problemen.append(Problem(bestand, veld, melding, toegestaan))
        else:
            problemen.append(Problem(bestand, veld, str(fout.get("msg", "ongeldig"))))
    return problemen
