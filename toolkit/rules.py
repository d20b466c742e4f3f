"""A small, explained rule engine: which checklist action applies to a profile, and how urgent.

Rules are data (YAML next to the actions), never code: a condition is a mapping such as
``{veld: aanspreekpunt, is: nee}``, ``{veld: eigendom.corporatie, minstens: 30}``,
``{alle: [...]}``, ``{een_van: [...]}`` or ``{niet: ...}``. Nothing is ever passed to ``eval``.
Every evaluation returns the facts that decided it, in words, so a user can see *why*.

A comparison with an unknown field is false; only ``onbekend: true`` and ``leeg: true`` match
unknowns. An unknown therefore never makes an action urgent by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, get_args

from .profile import Context, Fase, JaNee, Profiel, SoortGroep, Warmte, Werk

Feiten = dict[str, Any]

_JA_NEE = tuple(v for v in get_args(JaNee) if v != "onbekend")
#: Every field a rule may use: (kind, allowed values).
VELDEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "fase": ("keuze", get_args(Fase)),
    "aanspreekpunt": ("keuze", _JA_NEE),
    "logboek": ("keuze", _JA_NEE),
    "vergoeding_budget": ("keuze", _JA_NEE),
    "raad_betrokken": ("keuze", _JA_NEE),
    "warmteoplossing": ("keuze", get_args(Warmte)),
    "werkzaamheden": ("lijst", get_args(Werk)),
    "groepen": ("lijst", ()),
    "groepen.soort": ("lijst", get_args(SoortGroep)),
    "groepen.actief": ("lijst", ("ja", "beetje", "nee", "onbekend")),
    "eigendom.koop": ("getal", ()),
    "eigendom.corporatie": ("getal", ()),
    "eigendom.particuliere_huur": ("getal", ()),
    "capaciteit_fte": ("getal", ()),
    "context.wijk_woningen": ("getal", ()),
    "context.gemeente_inwoners": ("getal", ()),
}
OPERATOREN: dict[str, tuple[str, ...]] = {
    "keuze": ("is", "in", "onbekend"),
    "lijst": ("bevat", "bevat_een_van", "leeg", "onbekend"),
    "getal": ("is", "minstens", "hoogstens", "meer_dan", "minder_dan", "onbekend"),
}
SAMENGESTELD = ("alle", "een_van", "niet")


def facts(profiel: Profiel, context: Context) -> Feiten:
    """The values rules look at; ``None`` means unknown."""

    def bekend(waarde: Any) -> Any:
        return None if waarde == "onbekend" else waarde

    cijfers = {(c["niveau"], c["sleutel"]): c["waarde"] for c in context.cijfers}
    groepen = profiel.groepen
    return {
        "fase": profiel.fase,
        "aanspreekpunt": bekend(profiel.aanspreekpunt),
        "logboek": bekend(profiel.logboek),
        "vergoeding_budget": bekend(profiel.vergoeding_budget),
        "raad_betrokken": bekend(profiel.raad_betrokken),
        "warmteoplossing": profiel.warmteoplossing,
        "werkzaamheden": list(profiel.werkzaamheden) if profiel.werkzaamheden is not None else None,
        "groepen": [g.naam for g in groepen] if groepen is not None else None,
        "groepen.soort": [g.soort for g in groepen] if groepen is not None else None,
        "groepen.actief": [g.actief for g in groepen] if groepen is not None else None,
        "eigendom.koop": profiel.eigendom.koop,
        "eigendom.corporatie": profiel.eigendom.corporatie,
        "eigendom.particuliere_huur": profiel.eigendom.particuliere_huur,
        "capaciteit_fte": profiel.capaciteit_fte,
        "context.wijk_woningen": cijfers.get(("wijk", "woningen")),
        "context.gemeente_inwoners": cijfers.get(("gemeente", "inwoners")),
    }


Feit = tuple[str, str]  # (field, what it is, in words)


@dataclass(frozen=True)
class Uitkomst:
    """Whether a condition holds, and the facts that decided it: (field, description)."""

    klopt: bool
    redenen: tuple[Feit, ...] = ()


def _words(waarde: Any) -> str:
    if waarde is None:
        return "onbekend"
    if isinstance(waarde, list):
        return ", ".join(map(str, waarde)) if waarde else "geen"
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def evaluate(voorwaarde: dict[str, Any], feiten: Feiten) -> Uitkomst:
    """Evaluate a (checked) condition against the facts."""
    if "alle" in voorwaarde:
        delen = [evaluate(v, feiten) for v in voorwaarde["alle"]]
        klopt = all(d.klopt for d in delen)
        gekozen = delen if klopt else [d for d in delen if not d.klopt]
        return Uitkomst(klopt, tuple(r for d in gekozen for r in d.redenen))
    if "een_van" in voorwaarde:
        delen = [evaluate(v, feiten) for v in voorwaarde["een_van"]]
        klopt = any(d.klopt for d in delen)
        gekozen = [d for d in delen if d.klopt] if klopt else delen
        return Uitkomst(klopt, tuple(r for d in gekozen for r in d.redenen))
    if "niet" in voorwaarde:
        binnen = evaluate(voorwaarde["niet"], feiten)
        return Uitkomst(not binnen.klopt, binnen.redenen)
    veld = voorwaarde["veld"]
    waarde = feiten.get(veld)
    feit = (veld, _words(waarde))
    if "onbekend" in voorwaarde:
        return Uitkomst((waarde is None) == bool(voorwaarde["onbekend"]), (feit,))
    if "leeg" in voorwaarde:
        return Uitkomst((not waarde) == bool(voorwaarde["leeg"]), (feit,))
    if waarde is None:
        return Uitkomst(False, (feit,))
    if "is" in voorwaarde:
        return Uitkomst(waarde == voorwaarde["is"], (feit,))
    if "in" in voorwaarde:
        return Uitkomst(waarde in voorwaarde["in"], (feit,))
    if "bevat" in voorwaarde:
        raak = voorwaarde["bevat"] in waarde
        return Uitkomst(raak, ((veld, f"bevat {voorwaarde['bevat']}"),) if raak else (feit,))
    if "bevat_een_van" in voorwaarde:
        raak = [w for w in voorwaarde["bevat_een_van"] if w in waarde]
        return Uitkomst(bool(raak), ((veld, f"bevat {', '.join(raak)}"),) if raak else (feit,))
    drempels = {
        "minstens": (lambda a, b: a >= b, ">="),
        "hoogstens": (lambda a, b: a <= b, "<="),
        "meer_dan": (lambda a, b: a > b, ">"),
        "minder_dan": (lambda a, b: a < b, "<"),
    }
    for sleutel, (test, teken) in drempels.items():
        if sleutel in voorwaarde:
            grens = voorwaarde[sleutel]
            return Uitkomst(test(waarde, grens), ((veld, f"{_words(waarde)} ({teken} {_words(grens)})"),))
    raise AssertionError(voorwaarde)  # pragma: no cover - check_condition rejects this


def check_condition(voorwaarde: Any, pad: str = "") -> list[tuple[str, str, str]]:
    """Problems in a condition as (where, what, allowed); empty when the condition is valid."""
    if not isinstance(voorwaarde, dict) or not voorwaarde:
        return [(pad, "voorwaarde moet een groep velden zijn", "bijv. {veld: aanspreekpunt, is: nee}")]
    samengesteld = [k for k in SAMENGESTELD if k in voorwaarde]
    if samengesteld:
        sleutel = samengesteld[0]
        if len(voorwaarde) != 1:
            return [(pad, f"'{sleutel}' staat niet alleen", "één sleutel: alle, een_van of niet")]
        binnen = voorwaarde[sleutel]
        if sleutel == "niet":
            return check_condition(binnen, f"{pad}.niet")
        if not isinstance(binnen, list) or not binnen:
            return [(f"{pad}.{sleutel}", "moet een lijst van voorwaarden zijn", "bijv. [{veld: …}, {veld: …}]")]
        return [p for i, v in enumerate(binnen, 1) for p in check_condition(v, f"{pad}.{sleutel}[{i}]")]
    veld = voorwaarde.get("veld")
    if veld not in VELDEN:
        return [(f"{pad}.veld", f"onbekend veld {veld!r}", "toegestaan: " + ", ".join(VELDEN))]
    soort, waarden = VELDEN[veld]
    operatoren = [k for k in voorwaarde if k != "veld"]
    if len(operatoren) != 1 or operatoren[0] not in OPERATOREN[soort]:
        return [
            (
                pad,
                f"ongeldige toets {', '.join(operatoren) or '(geen)'} voor {veld}",
                "toegestaan: " + ", ".join(OPERATOREN[soort]),
            )
        ]
    op = operatoren[0]
    arg = voorwaarde[op]
    if op in {"onbekend", "leeg"}:
        return [] if isinstance(arg, bool) else [(f"{pad}.{op}", "moet true of false zijn", "true, false")]
    if soort == "getal":
        ok = isinstance(arg, int | float) and not isinstance(arg, bool)
        return [] if ok else [(f"{pad}.{op}", f"moet een getal zijn, niet {arg!r}", "bijv. 30")]
    lijst = arg if op in {"in", "bevat_een_van"} else [arg]
    if op in {"in", "bevat_een_van"} and not isinstance(arg, list):
        return [(f"{pad}.{op}", "moet een lijst zijn", "bijv. [riolering, herinrichting]")]
    fout = [w for w in lijst if waarden and w not in waarden]
    if fout:
        return [(f"{pad}.{op}", f"onbekende waarde {fout[0]!r} voor {veld}", "toegestaan: " + ", ".join(waarden))]
    return []
