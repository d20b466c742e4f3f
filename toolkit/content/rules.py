"""A small, explained rule engine: which checklist action applies to a profile, and how urgent.

Rules are data (YAML next to the actions), never code: a condition is a mapping such as
``{veld: aanspreekpunt, is: nee}``, ``{veld: eigendom.corporatie, minstens: 30}``,
``{alle: [...]}``, ``{een_van: [...]}`` or ``{niet: ...}``. Nothing is ever passed to ``eval``.
Every evaluation returns the facts that decided it, in words, so a user can see *why*.

A comparison with an unknown field is false; only ``onbekend: true`` and ``leeg: true`` match
unknowns. An unknown therefore never makes an action urgent by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from types import UnionType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from toolkit.base import excerpt, format_date, t, term, texts, value_label

from .profile import Context, Profiel
from .vocab_cases import OUDE_SOORTEN

Feiten = dict[str, Any]

OPERATOREN: dict[str, tuple[str, ...]] = {
    "keuze": ("is", "in", "onbekend"),
    "lijst": ("bevat", "bevat_een_van", "leeg", "onbekend"),
    "getal": ("is", "minstens", "hoogstens", "meer_dan", "minder_dan", "onbekend"),
    "datum": ("voor", "vanaf"),
}
SAMENGESTELD = ("alle", "een_van", "niet")
#: Public figures a rule may use: field -> (level, key) in the profile's context.
CONTEXT_VELDEN = {"context.wijk_woningen": ("wijk", "woningen"), "context.gemeente_inwoners": ("gemeente", "inwoners")}
#: The date the checklist is made for (``--peildatum``, default today): rules about legal deadlines
#: test it with ``voor`` (before the date) and ``vanaf`` (on or after it).
PEILDATUM = "peildatum"


def field_kind(annotatie: Any) -> tuple[str, tuple[str, ...]] | None:
    """(kind, allowed values) of a profile field's type, or None when rules cannot use it (text)."""
    basis = _strip_none(annotatie)
    if get_origin(basis) is Literal:
        return "keuze", tuple(v for v in get_args(basis) if v != "onbekend")
    if get_origin(basis) is list:
        (element,) = get_args(basis)
        return "lijst", get_args(element) if get_origin(element) is Literal else ()
    if basis is float or get_origin(basis) is Annotated and get_args(basis)[0] is float:
        return "getal", ()
    return None


def _rule_fields() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every field a rule may use, read from the profile model: its choice, list and number fields,
    the fields of its groups (``groepen.soort``) and of its tenure (``eigendom.koop``), and the
    public figures in :data:`CONTEXT_VELDEN`."""
    velden: dict[str, tuple[str, tuple[str, ...]]] = {}
    for naam, info in Profiel.model_fields.items():
        annotatie = info.annotation
        model = _model_in(annotatie)
        if model is not None and get_origin(_strip_none(annotatie)) is list:  # groepen: a list of models
            velden[naam] = ("lijst", ())
            for sub, sub_info in model.model_fields.items():
                soort = field_kind(sub_info.annotation)
                if soort is not None:
                    velden[f"{naam}.{sub}"] = ("lijst", get_args(sub_info.annotation))
        elif model is not None:  # eigendom: one model
            for sub, sub_info in model.model_fields.items():
                if (soort := field_kind(sub_info.annotation)) is not None:
                    velden[f"{naam}.{sub}"] = soort
        elif (soort := field_kind(annotatie)) is not None:
            velden[naam] = soort
    return velden | {veld: ("getal", ()) for veld in CONTEXT_VELDEN} | {PEILDATUM: ("datum", ())}


def _strip_none(annotatie: Any) -> Any:
    if get_origin(annotatie) in (Union, UnionType):
        delen = [a for a in get_args(annotatie) if a is not type(None)]
        annotatie = delen[0] if len(delen) == 1 else annotatie
    if get_origin(annotatie) is Annotated and get_origin(get_args(annotatie)[0]) is list:
        return get_args(annotatie)[0]  # a list with a bound on its length (groepen, werkzaamheden)
    return annotatie


def _model_in(annotatie: Any) -> type[BaseModel] | None:
    kern = _strip_none(annotatie)
    if get_origin(kern) is list:
        kern = get_args(kern)[0]
    return kern if isinstance(kern, type) and issubclass(kern, BaseModel) else None


#: Every field a rule may use: (kind, allowed values).
VELDEN: dict[str, tuple[str, tuple[str, ...]]] = _rule_fields()


def facts(profiel: Profiel, context: Context, peildatum: date | None = None) -> Feiten:
    """The values rules look at, for every field in :data:`VELDEN`; ``None`` means unknown.
    ``peildatum``: the date the checklist is for (default: today)."""
    cijfers = {(c["niveau"], c["sleutel"]): c["waarde"] for c in context.cijfers}
    feiten: Feiten = {PEILDATUM: peildatum or date.today()}
    for veld in VELDEN:
        if veld == PEILDATUM:
            continue
        if veld in CONTEXT_VELDEN:
            feiten[veld] = cijfers.get(CONTEXT_VELDEN[veld])
            continue
        hoofd, _, sub = veld.partition(".")
        waarde = getattr(profiel, hoofd)
        if waarde is None:
            pass
        elif isinstance(waarde, list) and _model_in(Profiel.model_fields[hoofd].annotation):  # groepen
            waarde = [getattr(g, sub) if sub else g.naam for g in waarde]
        elif sub:
            waarde = getattr(waarde, sub)
        feiten[veld] = None if waarde == "onbekend" else waarde
    return feiten


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
    if isinstance(waarde, date):
        return waarde.isoformat()
    return str(waarde)


def _current_names(voorwaarde: dict[str, Any]) -> dict[str, Any]:
    """A rule written with an old name of a kind of group (``buurtinitiatief``) means the current one."""

    def nieuw(w: Any) -> Any:
        return [nieuw(x) for x in w] if isinstance(w, list) else OUDE_SOORTEN.get(w, w) if isinstance(w, str) else w

    return {k: (v if k == "veld" else nieuw(v)) for k, v in voorwaarde.items()}


_OMGEKEERD = {"voor": "vanaf", "vanaf": "voor"}


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
    voorwaarde = _current_names(voorwaarde)
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
        bevat = voorwaarde["bevat"] in waarde
        return Uitkomst(bevat, ((veld, f"bevat {voorwaarde['bevat']}"),) if bevat else (feit,))
    if "bevat_een_van" in voorwaarde:
        raak = [w for w in voorwaarde["bevat_een_van"] if w in waarde]
        return Uitkomst(bool(raak), ((veld, f"bevat {', '.join(raak)}"),) if raak else (feit,))
    if "voor" in voorwaarde or "vanaf" in voorwaarde:  # the checklist's date: say which side of which date
        op = "voor" if "voor" in voorwaarde else "vanaf"
        grens = voorwaarde[op]
        klopt = waarde < grens if op == "voor" else waarde >= grens
        return Uitkomst(klopt, ((veld, f"{op if klopt else _OMGEKEERD[op]} {_words(grens)}"),))
    drempels: dict[str, tuple[Callable[[Any, Any], bool], str]] = {
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


def condition_fields(voorwaarde: dict[str, Any]) -> set[str]:
    """The profile fields a condition looks at."""
    for sleutel in SAMENGESTELD:
        if sleutel in voorwaarde:
            binnen = voorwaarde[sleutel]
            return set().union(*(condition_fields(v) for v in (binnen if isinstance(binnen, list) else [binnen])))
    return {voorwaarde["veld"]}


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
        return [(f"{pad}.veld", f"onbekend veld {excerpt(veld)}", "toegestaan: " + ", ".join(VELDEN))]
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
        return [] if ok else [(f"{pad}.{op}", f"moet een getal zijn, niet {excerpt(arg)}", "bijv. 30")]
    if soort == "datum":
        ok = isinstance(arg, date) and not isinstance(arg, datetime)
        return (
            [] if ok else [(f"{pad}.{op}", f"moet een datum zijn, niet {excerpt(arg)}", "JJJJ-MM-DD, bijv. 2027-01-01")]
        )
    lijst = arg if op in {"in", "bevat_een_van"} else [arg]
    if op in {"in", "bevat_een_van"} and not isinstance(arg, list):
        return [(f"{pad}.{op}", "moet een lijst zijn", "bijv. [riolering, herinrichting]")]
    fout = [w for w in lijst if waarden and OUDE_SOORTEN.get(w, w) not in waarden]
    if fout:
        return [
            (f"{pad}.{op}", f"onbekende waarde {excerpt(fout[0])} voor {veld}", "toegestaan: " + ", ".join(waarden))
        ]
    return []


def explain_condition(voorwaarde: dict[str, Any], taal: str, ontkend: bool = False) -> str:
    """A condition in words: ``{veld: aanspreekpunt, is: nee}`` -> ``zichtbaar aanspreekpunt is nee``."""

    if "alle" in voorwaarde:
        return f" {t('regel.en', taal)} ".join(_grouped(v, taal) for v in voorwaarde["alle"])
    if "een_van" in voorwaarde:
        return f" {t('regel.of', taal)} ".join(_grouped(v, taal) for v in voorwaarde["een_van"])
    if "niet" in voorwaarde:
        binnen = voorwaarde["niet"]
        if "veld" in binnen:  # a single test reads better turned round: "is ingevuld", "is geen …"
            return explain_condition(binnen, taal, ontkend=True)
        return t("regel.niet", taal, voorwaarde=explain_condition(binnen, taal))
    veld = voorwaarde["veld"]
    naam = term("veld", veld, taal)
    (op,) = [k for k in voorwaarde if k != "veld"]
    arg = voorwaarde[op]

    def woord(w: Any) -> str:
        if isinstance(w, bool | int | float) and not isinstance(w, bool):
            return f"{w:g}"
        if isinstance(w, date):
            return format_date(w, taal)
        return value_label(veld, OUDE_SOORTEN.get(str(w), str(w)), taal)

    if op in {"onbekend", "leeg"}:
        return t(f"regel.{op}" if bool(arg) != ontkend else f"regel.niet_{op}", taal, veld=naam)
    if ontkend and op not in {"is", "in", "bevat", "bevat_een_van"}:  # minstens, meer_dan …: say it whole
        return t("regel.niet", taal, voorwaarde=explain_condition(voorwaarde, taal))
    sleutel = f"regel.{op}_niet" if ontkend else f"regel.{op}"
    if op in {"in", "bevat_een_van"}:
        return t(sleutel, taal, veld=naam, waarden=f" {t('regel.of', taal)} ".join(map(woord, arg)))
    return t(sleutel, taal, veld=naam, waarde=woord(arg))


def _grouped(voorwaarde: dict[str, Any], taal: str) -> str:
    tekst = explain_condition(voorwaarde, taal)
    return f"({tekst})" if any(k in voorwaarde for k in ("alle", "een_van")) else tekst


#: The opposite of a number test, for "niet": ``niet minstens 30`` -> ``minder dan 30`` (or unknown).
_TEGENDEEL = {"minstens": "minder_dan", "minder_dan": "minstens", "meer_dan": "hoogstens", "hoogstens": "meer_dan"}


def _or_list(woorden: list[str], taal: str) -> str:
    """``a, b of c`` / ``a, b or c``."""
    if len(woorden) <= 1:
        return "".join(woorden)
    return f"{', '.join(woorden[:-1])} {t('regel.of', taal)} {woorden[-1]}"


def condition_sentence(voorwaarde: dict[str, Any], taal: str, streng: bool = False) -> str:
    """A condition as a clause an officer reads after "als"/"when": ``{veld: aanspreekpunt, is: nee}``
    -> ``u geen vast aanspreekpunt voor de wijk hebt``. Phrases come from the ``zin.*`` texts; a test
    with no phrase falls back to :func:`explain_condition` (``streng``: raises ``KeyError`` instead)."""
    try:
        return _sentence(voorwaarde, taal, False)[0]
    except KeyError:
        if streng:
            raise
        return explain_condition(voorwaarde, taal)


def _phrase(sleutel: str, taal: str, **waarden: Any) -> str:
    if sleutel not in texts("nl"):
        raise KeyError(sleutel)
    return t(sleutel, taal, **waarden)


def _number(getal: float, taal: str) -> str:
    tekst = f"{getal:g}"
    return tekst.replace(".", ",") if taal == "nl" else tekst


def _sentence(voorwaarde: dict[str, Any], taal: str, ontkend: bool) -> tuple[str, str | None]:
    """(clause, the conjunction that joins its top level: "en", "of" or None)."""
    if "niet" in voorwaarde:
        return _sentence(voorwaarde["niet"], taal, not ontkend)
    if "alle" in voorwaarde or "een_van" in voorwaarde:
        # not (a and b) = not a or not b; not (a or b) = not a and not b
        voeg = "en" if ("alle" in voorwaarde) != ontkend else "of"
        delen = []
        for v in voorwaarde["alle" if "alle" in voorwaarde else "een_van"]:
            tekst, binnen = _sentence(v, taal, ontkend)
            delen.append(f"({tekst})" if binnen and binnen != voeg else tekst)
        delen = list(dict.fromkeys(delen))  # "no groups known" can follow from two tests
        return f" {t('regel.' + voeg, taal)} ".join(delen), voeg if len(delen) > 1 else None
    veld = voorwaarde["veld"]
    (op,) = [k for k in voorwaarde if k != "veld"]
    arg = voorwaarde[op]
    soort, toegestaan = VELDEN[veld]
    of = f" {t('regel.of', taal)} "
    if op in {"onbekend", "leeg"}:  # the groups' kinds or activity unknown: no groups known
        basis = "groepen" if veld.startswith("groepen.") else veld
        return _phrase(f"zin.{basis}.{op if bool(arg) != ontkend else 'niet_' + op}", taal), None
    if soort == "datum":
        return _phrase(f"zin.{veld}.{_OMGEKEERD[op] if ontkend else op}", taal, waarde=format_date(arg, taal)), None
    if soort == "getal":
        if op == "is":
            raise KeyError(op)
        vergelijking = _phrase(f"zin.op.{_TEGENDEEL[op] if ontkend else op}", taal, waarde=_number(arg, taal))
        zin = _phrase(f"zin.{veld}", taal, vergelijking=vergelijking)
        return (zin + of + _phrase(f"zin.{veld}.onbekend", taal), "of") if ontkend else (zin, None)
    waarden = list(arg) if isinstance(arg, list) else [arg]
    if f"zin.{veld}.{waarden[0]}" in texts("nl"):  # a phrase per value (ja/nee fields, groepen.actief)
        if ontkend and soort != "keuze":  # none of the groups: "geen enkele groep … en …"
            delen = [_phrase(f"zin.{veld}.geen_{w}", taal) for w in waarden]
            return f" {t('regel.en', taal)} ".join(delen), "en" if len(delen) > 1 else None
        if ontkend:  # the other values, or unknown
            waarden = [w for w in toegestaan if w not in waarden] + ["onbekend"]
        return _or_list([_phrase(f"zin.{veld}.{w}", taal) for w in waarden], taal), None
    woorden = _or_list([value_label(veld, OUDE_SOORTEN.get(str(w), str(w)), taal) for w in waarden], taal)
    sleutel = f"zin.{veld}.{'in' if soort == 'keuze' else 'bevat'}{'_niet' if ontkend else ''}"
    zin = _phrase(sleutel, taal, waarden=woorden)
    basis = "groepen" if veld.startswith("groepen.") else veld
    return (zin + of + _phrase(f"zin.{basis}.onbekend", taal), "of") if ontkend else (zin, None)
