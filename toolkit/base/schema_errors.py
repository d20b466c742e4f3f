"""Turn pydantic validation errors into one-line problems in plain Dutch.

The user never sees the library's words: no type names (``constrained-int``, ``literal['…']``), no
English messages. A field that may hold one of several kinds of value (``100`` or ``onbekend``)
gives one problem that lists what is allowed, at the exact field path (``kenmerken.status.datum``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .limits import excerpt

#: Field names in the content models are lowercase words; anything else in a location is the name
#: pydantic gives a member of a union (``constrained-int``, ``literal['onbekend']``, ``int``).
_VELDNAAM = re.compile(r"^[a-z_][a-z0-9_]*$")
_TYPENAMEN = {"int", "str", "float", "bool", "list", "dict", "tuple", "none", "function-after", "function-before"}

#: Regular expressions of the models, in words.
VORMEN = {
    r"^GM\d{4}$": "GM en 4 cijfers, bijv. GM0289",
    r"^WK\d{6}$": "WK en 6 cijfers, bijv. WK028907",
    r"^L\d+-S\d+$": "L<les>-S<nummer>, bijv. L4-S2",
    r"^L\d+-\d{2}$": "L<les>-<twee cijfers>, bijv. L4-03",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "kleine letters, cijfers en streepjes",
}


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


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The location without the names of union members."""
    return tuple(d for d in loc if isinstance(d, int) or (_VELDNAAM.match(str(d)) and str(d) not in _TYPENAMEN))


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


def _bounds(soort: str, ctx: Mapping[str, Any]) -> str:
    return {
        "greater_than_equal": f">= {ctx.get('ge')}",
        "less_than_equal": f"<= {ctx.get('le')}",
        "greater_than": f"> {ctx.get('gt')}",
        "less_than": f"< {ctx.get('lt')}",
    }[soort]


def _describe(fout: Mapping[str, Any], model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str, str]:
    """(message, allowed, what kind of value is allowed — for a union) for one pydantic error."""
    soort = fout.get("type", "")
    ctx = fout.get("ctx", {}) or {}
    invoer = fout.get("input")
    if soort == "missing":
        return "verplicht veld ontbreekt", "", ""
    if soort == "extra_forbidden":
        toegestaan = _allowed_fields(model, loc)
        return "onbekend veld", f"toegestaan: {toegestaan}" if toegestaan else "", ""
    if soort == "literal_error":
        verwacht = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"ongeldige waarde {excerpt(invoer)}", f"toegestaan: {verwacht}", verwacht
    if soort in {"int_type", "int_parsing", "int_from_float"}:
        return f"moet een geheel getal zijn, niet {excerpt(invoer)}", "bijv. 4", "een geheel getal"
    if soort in {"float_type", "float_parsing"}:
        return f"moet een getal zijn, niet {excerpt(invoer)}", "", "een getal"
    if soort in {"bool_type", "bool_parsing"}:
        return f"moet ja of nee zijn, niet {excerpt(invoer)}", "true of false", "true of false"
    if soort == "string_type":
        return f"moet tekst zijn, niet {excerpt(invoer)}", "", "tekst"
    if soort in {"list_type", "tuple_type"}:
        return "moet een lijst zijn", "bijv. [a, b]", "een lijst"
    if soort in {"dict_type", "model_type", "model_attributes_type"}:
        return "moet een groep velden zijn", "sleutel: waarde", "een groep velden"
    if soort == "too_short":
        return f"te weinig: {ctx.get('actual_length', '?')}", f"minstens {ctx.get('min_length')}", ""
    if soort == "too_long":
        return f"te veel: {ctx.get('actual_length', '?')}", f"hooguit {ctx.get('max_length')}", ""
    if soort == "string_too_short":
        return "is leeg", "vul tekst in", "tekst"
    if soort == "string_too_long":
        return "is te lang", f"hooguit {ctx.get('max_length')} tekens", ""
    if soort in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        grens = _bounds(soort, ctx)
        return f"waarde {excerpt(invoer)} buiten bereik", grens, f"een getal {grens}"
    if soort == "string_pattern_mismatch":
        vorm = VORMEN.get(str(ctx.get("pattern", "")), f"de vorm {ctx.get('pattern', '')}")
        return f"ongeldige vorm {excerpt(invoer)}", vorm, vorm
    if soort == "value_error":
        tekst = str(ctx.get("error", fout.get("msg", "")))
        melding, _, toegestaan = tekst.partition(" || ")
        return melding, toegestaan, toegestaan
    return f"ongeldige waarde {excerpt(invoer)}", "", ""


def problems_from_validation(
    exc: ValidationError,
    bestand: str,
    model: type[BaseModel],
    prefix: str = "",
    veldnamen: Mapping[str, str] | None = None,
) -> list[Problem]:
    """One :class:`Problem` per wrong field, with a Dutch message and the allowed values.

    ``veldnamen`` renames top-level fields as the user typed them (``eigendom`` -> ``--eigendom``)."""
    per_veld: dict[tuple[tuple[Any, ...], str], list[tuple[str, str, str]]] = {}
    for fout in exc.errors():
        loc = _clean_loc(tuple(fout.get("loc", ())))
        per_veld.setdefault((loc, excerpt(fout.get("input"))), []).append(_describe(fout, model, loc))
    problemen: list[Problem] = []
    for (loc, invoer), beschrijvingen in per_veld.items():
        if veldnamen and loc and str(loc[0]) in veldnamen:
            loc = (veldnamen[str(loc[0])], *loc[1:])
        veld = (prefix + "." if prefix and loc else prefix) + _field_path(loc)
        if len(beschrijvingen) == 1:
            melding, toegestaan, _ = beschrijvingen[0]
            problemen.append(Problem(bestand, veld, melding, toegestaan))
        else:  # one value, several kinds allowed (a union): say all of them at once
            soorten = list(dict.fromkeys(s for _, _, s in beschrijvingen if s))
            problemen.append(
                Problem(bestand, veld, f"ongeldige waarde {invoer}", "toegestaan: " + " of ".join(soorten))
            )
    return problemen
