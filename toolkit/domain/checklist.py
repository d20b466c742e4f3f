"""The main job: a municipality's own checklist, built from its profile.

``build(profile)`` is pure Python (no kernel): the report registry (:mod:`toolkit.reports.registry`) calls
exactly this function on both paths, in the notebook and in-process, so both give byte-identical
JSON. Steps, in order: check the profile, resolve the names and
add the figures, evaluate each action's rule, fill in names, sort, attach evidence and progress.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any, NotRequired, TypedDict, cast

from toolkit.base import format_date, paths, pick, t, term, value_label
from toolkit.content import (
    PRIORITEITEN,
    Actie,
    Context,
    Feit,
    Kennisbank,
    Profiel,
    Wetsverwijzing,
    build_context,
    cited,
    condition_fields,
    evaluate,
    facts,
    folder_name,
    kennisbank,
    parse_profile,
    profile_dict,
)

from . import logbook as lb
from .logbook_report import stats
from .participation import participation_facts
from .progress import NIET_GELEZEN, summarise

SCHEMA_VERSIE = 1
_ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --- the checklist model: what build() returns and every format shows ------------------------------
# Typed dicts, not classes: the checklist *is* its JSON (README: "Het JSON-schema"), byte for byte
# the same on both engines, and the typing tells every reader which keys exist.


class Bewijs(TypedDict):
    """A claim of a case that supports an action."""

    casus: str
    casus_naam: str
    fictief: bool
    id: str
    les: int
    soort: str
    sterkte: str
    claim: str


class Voortgang(TypedDict):
    """Progress on one action, from the team's action register."""

    status: str
    deadline: str | None
    opmerkingen: str
    voorheen: NotRequired[list[str]]  # the old ids of a merged action whose rows counted for it


class ChecklistActie(TypedDict):
    """One action in the checklist."""

    id: str
    les: int
    les_titel: str
    tekst: str
    waarom: str
    prioriteit: str
    eigenaar: str
    fasen: list[str]
    tags: dict[str, Any]
    bron: str
    aanleiding: list[str]
    bewijs: list[Bewijs]
    wettelijk_kader: NotRequired[list[Wetsverwijzing]]
    deadline: NotRequired[str]  # ISO date set by a law or programme
    deadline_onzeker: NotRequired[bool]  # the date is not certain (a law not yet in force)
    waarom_nu: NotRequired[str]  # only for the actions of begin_hier
    logboek: NotRequired[str]
    verslag: NotRequired[str]  # where the participation report comes from (actions about recording and reporting)
    voortgang: NotRequired[Voortgang]


class Uitgesloten(TypedDict):
    """An action that is not in the checklist, and why."""

    id: str
    les: int
    reden: str | None


class Checklist(TypedDict):
    """A municipality's checklist (``checklist.json``)."""

    schema: int
    taal: str
    profiel: dict[str, Any]
    context: dict[str, Any]
    begin_hier: list[str]  # the ids of the actions to start with, in order
    acties: list[ChecklistActie]
    uitgesloten: list[Uitgesloten]
    voortgang: NotRequired[dict[str, Any]]


def describe(feit: Feit, taal: str) -> str:
    """A fact in words: ``zichtbaar aanspreekpunt: nee``; ``kinds of groups: includes energy cooperative``."""
    veld, waarde = feit

    def woord(w: str) -> str:
        kern = w.rstrip(",")
        if _ISO_DATUM.match(kern):
            label = format_date(date.fromisoformat(kern), taal)
        elif kern in _OPERATOR_WOORDEN:  # "bevat", "voor", "vanaf" from the rules
            label = term("waarde", kern, taal)
        else:  # a value of the field's vocabulary, else a general one ("onbekend")
            label = value_label(veld, kern, taal)
            label = term("waarde", kern, taal) if label == kern else label
        return label + w[len(kern) :]

    return f"{term('veld', veld, taal)}: {' '.join(woord(w) for w in waarde.split(' '))}"


#: Words the rules put between a field and its values (see ``toolkit.content.rules.evaluate``).
_OPERATOR_WOORDEN = frozenset({"bevat", "voor", "vanaf"})


@dataclass
class Decision:
    """Why one action is in or out, and at which priority."""

    actie: Actie
    opgenomen: bool
    prioriteit: str | None
    redenen: list[Feit] = field(default_factory=list)
    reden_uit: str = ""
    #: How firmly the profile sets the priority: 0 a fact other than the phase, 1 only the phase,
    #: 2 the last rule (nothing matched). Spreading the levels moves the weakest first.
    sterkte: int = 2


def decide(actie: Actie, feiten: dict[str, Any], taal: str = "nl") -> Decision:
    """Apply one action's phase filter and rule to the facts."""
    fase = feiten.get("fase")
    if fase is not None and fase not in actie.fasen:
        reden = t("reden.andere_fase", taal, fasen=", ".join(actie.fasen), fase=fase)
        return Decision(actie, False, None, [("fase", fase)], reden)
    redenen: list[Feit] = []
    if actie.geldt_als is not None:
        uitkomst = evaluate(actie.geldt_als, feiten)
        if not uitkomst.klopt:
            woorden = "; ".join(describe(f, taal) for f in uitkomst.redenen)
            reden = t("reden.geldt_niet", taal, woorden=woorden)
            return Decision(actie, False, None, list(uitkomst.redenen), reden)
        redenen += uitkomst.redenen
    for regel in actie.prioriteit:
        if regel.als is None:
            return Decision(actie, True, regel.dan, redenen)
        uitkomst = evaluate(regel.als, feiten)
        if uitkomst.klopt:
            sterkte = 1 if condition_fields(regel.als) == {"fase"} else 0
            return Decision(
                actie, True, regel.dan, redenen + [f for f in uitkomst.redenen if f not in redenen], "", sterkte
            )
    return Decision(actie, True, actie.prioriteit[-1].dan, redenen)  # pragma: no cover - validated


class _Placeholders(dict[str, str]):
    def __missing__(self, sleutel: str) -> str:
        return "{" + sleutel + "}"


def _placeholders(profiel: Profiel, context: Context, taal: str) -> dict[str, str]:
    groepen = profiel.groepen or []
    coop = next((g.naam for g in groepen if g.soort == "energiecooperatie"), None)
    return {
        "gemeente": context.gemeente,
        "wijk": profiel.wijk and (context.wijk or profiel.wijk) or t("invuller.wijk", taal),
        "energiecooperatie": coop or t("invuller.energiecooperatie", taal),
        "groepen": ", ".join(g.naam for g in groepen) or t("invuller.groepen", taal),
    }


def _evidence(kb: Kennisbank, actie_id: str, taal: str, met_fictief: bool) -> list[Bewijs]:
    """The claims that support ``actie_id`` (column ``acties`` of the cases' ``bewijs.csv``).
    Claims from a fictional case only appear in a checklist for a fictional municipality."""
    return [
        {
            "casus": claim.casus,
            "casus_naam": claim.casus_naam,
            "fictief": claim.fictief,
            "id": claim.rij["id"],
            "les": claim.les,
            "soort": claim.rij["soort"],
            "sterkte": claim.rij["sterkte"],
            "claim": pick(claim.rij, "claim", taal),
        }
        for claim in kb.claims_by_action.get(actie_id, [])
        if met_fictief or not claim.fictief
    ]


def _progress(rij: dict[str, Any] | None, taal: str) -> Voortgang:
    """An action's progress from the register; rows of merged old ids get a note saying so."""
    if rij is None:
        return {"status": "open", "deadline": None, "opmerkingen": ""}
    v = cast(Voortgang, dict(rij))
    if v.get("voorheen"):
        notitie = t("register.voorheen", taal, ids=", ".join(v["voorheen"]))
        v["opmerkingen"] = f"{notitie} {v['opmerkingen']}".strip()
    return v


def _logbook_note(logboek: dict[str, Any], taal: str) -> str:
    tekst = t("logboek_telling", taal, gesprekken=logboek["gesprekken"], besluiten=logboek["besluiten"])
    if logboek["niet_gecommuniceerd"]:
        tekst += t("logboek_niet_gedeeld", taal, aantal=logboek["niet_gecommuniceerd"])
    else:
        tekst += t("logboek_alles_gedeeld", taal)
    leeg = [t(f"verslag.sectie.{s}", taal) for s in logboek.get("lege_secties", [])]
    return f"{tekst} " + (t("logboek_verslag_leeg", taal, delen="; ".join(leeg)) if leeg
                          else t("logboek_verslag_vol", taal))  # fmt: skip


def build(
    profiel: Profiel | dict[str, Any],
    taal: str = "nl",
    voortgang: dict[str, dict[str, Any]] | None = None,
    peildatum: date | None = None,
    bestand: str = "profiel",
    logboek: dict[str, Any] | None = None,
    kennis: Kennisbank | None = None,
) -> Checklist:
    """The checklist for ``profiel`` as a plain, JSON-ready dict (see README: "Het JSON-schema").

    ``logboek`` (counts from a participation logbook) marks what the logbook already covers, and
    answers ``logboek: onbekend`` in the profile with ``ja`` when it holds conversations. ``kennis``:
    the content to use (default: this project's, read once per content version)."""
    if not isinstance(profiel, Profiel):
        profiel = parse_profile(profiel, bestand)
    if logboek is not None and profiel.logboek == "onbekend" and logboek.get("gesprekken", 0) > 0:
        profiel = profiel.model_copy(update={"logboek": "ja"})
    context = build_context(profiel, bestand)
    peil = peildatum or date.today()
    feiten = facts(profiel, context, peil)
    invullers = _Placeholders(_placeholders(profiel, context, taal))

    kb = kennis or kennisbank()
    titels = kb.lesson_titles(taal)
    acties: list[ChecklistActie] = []
    uitgesloten: list[Uitgesloten] = []

    wetten = kb.laws(taal)
    onbekend: dict[str, list[str]] = {}  # action id -> the unknown profile fields that put it in
    sleutelgat: set[str] = set()  # actions in because a key field is "nee" or unknown
    sterkte: dict[str, int] = {}  # action id -> Decision.sterkte
    for actie in kb.actions:
        besluit = decide(actie, feiten, taal)
        if not besluit.opgenomen:
            uitgesloten.append({"id": actie.id, "les": actie.les, "reden": besluit.reden_uit})
            continue
        aanleiding = [describe(f, taal) for f in besluit.redenen] or [t("geldt_altijd", taal)]
        onbekend[actie.id] = [veld for veld, waarde in besluit.redenen if waarde == "onbekend"]
        if any(veld in SLEUTELVELDEN and waarde in ("nee", "onbekend") for veld, waarde in besluit.redenen):
            sleutelgat.add(actie.id)
        sterkte[actie.id] = besluit.sterkte
        voorbij = actie.deadline is not None and peil >= actie.deadline.datum and actie.tekst_na_deadline
        tekst = actie.tekst_na_deadline if voorbij and actie.tekst_na_deadline else actie.tekst
        rij: ChecklistActie = {
            "id": actie.id,
            "les": actie.les,
            "les_titel": titels[actie.les],
            "tekst": tekst.in_language(taal).format_map(invullers),
            "waarom": actie.waarom.in_language(taal).format_map(invullers),
            "prioriteit": besluit.prioriteit or PRIORITEITEN[-1],  # always set for an action that is in
            "eigenaar": actie.eigenaar,
            "fasen": list(actie.fasen),
            "tags": actie.tags.model_dump(),
            "bron": actie.bron,
            "aanleiding": aanleiding,
            "bewijs": _evidence(kb, actie.id, taal, context.fictief),
        }
        if actie.deadline is not None:
            rij["deadline"] = actie.deadline.datum.isoformat()
            if actie.deadline.onzeker:
                rij["deadline_onzeker"] = True
        if actie.wettelijk_kader:
            rij["wettelijk_kader"] = cited(actie.wettelijk_kader, wetten, taal)
        if actie.logboek:
            rij["verslag"] = t("checklist.verslag", taal)
        if logboek is not None and actie.logboek:
            rij["logboek"] = _logbook_note(logboek, taal)
        if voortgang is not None:
            rij["voortgang"] = _progress(voortgang.get(actie.id), taal)
        acties.append(rij)
    spread(acties, Spreiding(sleutelgat, sterkte, onbekend, heeft_gaten(feiten)), peil, taal)
    acties.sort(key=lambda a: (a["les"], PRIORITEITEN.index(a["prioriteit"]), a["id"]))
    checklist: Checklist = {
        "schema": SCHEMA_VERSIE,
        "taal": taal,
        "profiel": profile_dict(profiel),
        "context": context.model_dump(mode="json"),
        "begin_hier": start_here(acties, onbekend, peil, taal),
        "acties": acties,
        "uitgesloten": uitgesloten,
    }
    if voortgang is not None:
        checklist["voortgang"] = summarise(acties, peil)
        if NIET_GELEZEN in voortgang:  # cells of the register that could not be read: named, not fatal
            checklist["voortgang"]["niet_gelezen"] = list(voortgang[NIET_GELEZEN]["cellen"])
    return checklist


#: ``hoog`` means "this quarter": at most this many per checklist, and at least this many when the
#: profile has gaps (a key field ``nee`` or unknown).
MAX_HOOG = 12
MIN_HOOG = 3
#: The profile fields without which the work stalls: "nee" or unknown is a real gap.
SLEUTELVELDEN = frozenset({"aanspreekpunt", "logboek", "capaciteit_fte", "raad_betrokken"})
#: No level holds more than this share of a checklist's actions.
MAX_AANDEEL = Fraction(2, 3)


def heeft_gaten(feiten: dict[str, Any]) -> bool:
    """A key field is unknown or ``nee`` (capacity: unknown)."""
    return any(feiten.get(v) in (None, "nee") for v in SLEUTELVELDEN)


@dataclass
class Spreiding:
    """What :func:`spread` needs to know about each action besides its row."""

    sleutelgat: set[str]  # in because a key field is "nee" or unknown
    sterkte: dict[str, int]  # Decision.sterkte
    onbekend: dict[str, list[str]]  # the unknown fields that put it in
    gaten: bool  # the profile has a gap in a key field


def spread(acties: list[ChecklistActie], info: Spreiding, peil: date, taal: str) -> None:
    """Keep the levels meaningful (``lessons/acties/README.md``, "Prioriteit: de vuistregel"):
    at most :data:`MAX_HOOG` ``hoog`` (the most urgent stay), at least :data:`MIN_HOOG` when the
    profile has gaps, and no level above :data:`MAX_AANDEEL` of the actions. Each action moved
    says why in its ``aanleiding``; the weakest (least bound to the profile) move first."""

    def dringend(a: ChecklistActie) -> tuple[int, int, int, str]:
        if "deadline" in a and (date.fromisoformat(a["deadline"]) - peil).days <= DEADLINE_DICHTBIJ:
            groep = 0
        elif a["id"] in info.sleutelgat:
            groep = 1
        elif info.onbekend.get(a["id"]):
            groep = 2
        else:
            groep = 3 + info.sterkte[a["id"]]
        return (groep, len(a["fasen"]), a["les"], a["id"])

    def zwak(a: ChecklistActie) -> tuple[int, int, int, str]:  # the reverse: weakest first
        groep, fasen, les, _ = dringend(a)
        return (-groep, -fasen, -les, a["id"])

    def verplaats(kandidaten: list[ChecklistActie], naar: str, aantal: int, reden: str) -> None:
        for a in kandidaten[: max(aantal, 0)]:
            a["prioriteit"] = naar
            a["aanleiding"] = [*a["aanleiding"], reden]

    def op(niveau: str) -> list[ChecklistActie]:
        return [a for a in acties if a["prioriteit"] == niveau]

    hoog = sorted(op("hoog"), key=dringend)
    verplaats(hoog[MAX_HOOG:], "midden", len(hoog) - MAX_HOOG, t("reden.te_veel_hoog", taal, max=MAX_HOOG))
    if info.gaten and len(op("hoog")) < MIN_HOOG:
        kandidaten = sorted(op("midden"), key=dringend) + sorted(op("laag"), key=dringend)
        verplaats(kandidaten, "hoog", MIN_HOOG - len(op("hoog")), t("reden.eerst_dit_kwartaal", taal, min=MIN_HOOG))
    grens = int(MAX_AANDEEL * len(acties))
    for niveau, naar in (("hoog", "midden"), ("midden", "laag"), ("laag", "midden")):
        rij = op(niveau)
        if len(rij) > grens:
            # down: the weakest go; up (laag -> midden): the most bound to this profile and phase go,
            # but never an action the rules put low because the profile says it is arranged
            kandidaten = (sorted(rij, key=zwak) if naar != "midden" or niveau == "hoog"
                          else sorted((a for a in rij if info.sterkte[a["id"]] > 0), key=dringend))  # fmt: skip
            verplaats(kandidaten, naar, len(rij) - grens, t("reden.spreiding", taal, prioriteit=t(naar, taal)))


#: How many actions *Begin hier* shows: at least, at most; and how far ahead a legal date counts.
BEGIN_HIER = (3, 7)
DEADLINE_DICHTBIJ = 366  # days


def start_here(acties: list[ChecklistActie], onbekend: dict[str, list[str]], peil: date, taal: str) -> list[str]:
    """The 3 to 7 actions to start with, in order, each given its ``waarom_nu`` line: first what a
    law or programme wants done within a year of ``peil`` (soonest first) or whose date has passed,
    then what is ``hoog``, then what the profile left unknown; within each, in checklist order."""
    gekozen: list[tuple[tuple[int, int], ChecklistActie, str]] = []
    for volgorde, actie in enumerate(acties):
        redenen = "; ".join(actie["aanleiding"])
        if "deadline" in actie:
            datum = date.fromisoformat(actie["deadline"])
            dagen = (datum - peil).days
            if dagen < 0:
                gekozen.append(
                    ((1, volgorde), actie, t("begin_hier.deadline_voorbij", taal, datum=format_date(datum, taal)))
                )
                continue
            if dagen <= DEADLINE_DICHTBIJ:
                weken = max(1, -(-dagen // 7))
                tekst = t("begin_hier.deadline", taal, datum=format_date(datum, taal), weken=weken)
                if actie.get("deadline_onzeker"):
                    tekst += " " + t("begin_hier.deadline_onzeker", taal)
                gekozen.append(((0, dagen), actie, tekst))
                continue
        if actie["prioriteit"] == "hoog":
            gekozen.append(((2, volgorde), actie, t("begin_hier.hoog", taal, redenen=redenen)))
        elif onbekend.get(actie["id"]):
            velden = ", ".join(dict.fromkeys(term("veld", v, taal) for v in onbekend[actie["id"]]))
            gekozen.append(((3, volgorde), actie, t("begin_hier.onbekend", taal, velden=velden, redenen=velden)))
    minimum, maximum = BEGIN_HIER
    gekozen.sort(key=lambda k: k[0])
    if len(gekozen) < minimum:  # a profile without gaps or urgency: start with the first actions
        al = {id(a) for _, a, _ in gekozen}
        gekozen += [((4, i), a, t("begin_hier.eerst", taal, redenen="; ".join(a["aanleiding"])))
                    for i, a in enumerate(acties) if id(a) not in al][: minimum - len(gekozen)]  # fmt: skip
    for _, actie, waarom in gekozen[:maximum]:
        actie["waarom_nu"] = waarom
    return [actie["id"] for _, actie, _ in gekozen[:maximum]]


def output_folder_name(checklist: Checklist) -> str:
    """``<gemeente-slug>[-<wijk-slug>]``: a safe name that never leaves ``--out``."""
    return folder_name(checklist["context"]["gemeente"], checklist["context"].get("wijk"))


def explain(checklist: Checklist) -> str:
    """Per action: in or out, at which priority, and why (``warmtelessen checklist --uitleg``)."""
    taal = checklist["taal"]
    regels: list[str] = []
    for actie in checklist["acties"]:
        regels.append(f"+ {actie['id']} [{actie['prioriteit']}] {actie['tekst']}")
        regels.append(f"    {t('waarom_opgenomen', taal)}: {'; '.join(actie['aanleiding'])}")
        for wet in actie.get("wettelijk_kader", []):
            regels.append(f"    {t('wet.kader', taal)}: {wet['titel']} ({wet['id']}; {wet['status_tekst']})")
    for uit in checklist["uitgesloten"]:
        regels.append(f"- {uit['id']} ({t('niet_opgenomen', taal)}): {uit['reden']}")
    return "\n".join(regels)


def logbook_stats(pad: Path) -> dict[str, Any]:
    """Counts from a participation logbook, and the sections of the participation report it has
    nothing for yet (``lege_secties``). Refuses a file that is not a logbook."""

    db = lb.connect(pad, "--logboek", maken=False)
    try:
        return {**stats(db), "lege_secties": participation_facts(db).empty_sections()}
    finally:
        db.close()


def default_profile_path() -> Path:
    """The built-in example profile (the fictional Voorbeeldstad)."""

    return paths.project_root() / "profielen" / "voorbeeldstad.yaml"
