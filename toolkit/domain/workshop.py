"""The workshop kit's logic: responses to the self-assessment, the harvest, and the agenda.

Responses come from the JupyterLab form (one JSON file per group) or from paper/online forms
(CSV with ``groep,les,stelling,score,notitie``; an empty score means *weet niet*). Bad files and
rows are reported by file and row while the rest still counts.
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.base import UserError, shown_path, slugify, unquote_csv, write_text_atomic
from toolkit.content import case_names, kennisbank, lesson_numbers, lesson_range_text

CSV_KOLOMMEN = ("groep", "les", "stelling", "score", "notitie")
SCORES = range(1, 6)


# --- responses ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Antwoord:
    groep: str
    les: int
    stelling: str
    score: int | None  # None = weet niet
    notitie: str = ""


def statement_ids(taal: str = "nl") -> dict[str, int]:
    """Every statement id -> its lesson."""

    return {s.id: les.nummer for les in kennisbank().lessons(taal) for s in les.stellingen}


def check_answer(
    groep: str, les: Any, stelling: str, score: Any, bekend: dict[str, int], waar: str
) -> tuple[Antwoord | None, str]:
    if not str(groep).strip():
        return None, f"{waar}: groep: leeg (vul de naam van de groep in)"
    stelling = str(stelling).strip()
    if stelling not in bekend:
        return None, f"{waar}: stelling: onbekende stelling {stelling!r} (bijv. L4-S1; zie de lessen)"
    try:
        les_nr = int(les) if str(les).strip() else bekend[stelling]
    except ValueError:
        return None, f"{waar}: les: {les!r} is geen lesnummer ({lesson_range_text()})"
    if les_nr not in lesson_numbers():
        return None, f"{waar}: les: onbekende les {les_nr} ({lesson_range_text()})"
    if bekend[stelling] != les_nr:
        return None, f"{waar}: stelling: {stelling} hoort bij les {bekend[stelling]}, niet bij les {les_nr}"
    if score is None or str(score).strip() == "" or str(score).strip().lower() in {"weet niet", "?"}:
        waarde = None
    else:
        try:
            waarde = int(float(str(score).replace(",", ".")))
        except ValueError:
            return None, f"{waar}: score: {score!r} is geen getal (1 t/m 5, of leeg voor weet niet)"
        if waarde not in SCORES or float(str(score).replace(",", ".")) != waarde:
            return None, f"{waar}: score: {score!r} ligt buiten 1 t/m 5 (of leeg voor weet niet)"
    return Antwoord(str(groep).strip(), les_nr, stelling, waarde), ""


def _rows(pad: Path, tekst: str) -> tuple[list[tuple[str, dict[str, Any]]], str]:
    """(where, row with groep/les/stelling/score/notitie) for every answer in one file, or a problem."""
    naam = shown_path(pad)
    if pad.suffix.lower() == ".json":
        try:
            data = json.loads(tekst)
            groep, rijen = data["groep"], data["antwoorden"]
            assert isinstance(rijen, list)
        except (ValueError, KeyError, TypeError, AssertionError):
            return [], f"{naam}: geen antwoordbestand (verwacht: groep en antwoorden)"
        return [(f"{naam}: antwoord {i}", {**(r if isinstance(r, dict) else {}), "groep": groep})
                for i, r in enumerate(rijen, start=1)], ""  # fmt: skip
    lezer = csv.DictReader(io.StringIO(tekst))
    ontbrekend = [k for k in ("groep", "stelling", "score") if k not in (lezer.fieldnames or [])]
    if ontbrekend:
        return [], f"{naam}: kolom ontbreekt: {', '.join(ontbrekend)} (kolommen: {', '.join(CSV_KOLOMMEN)})"
    # a cell the toolkit protected against spreadsheet formulas ("'=…") reads as it was written
    return [(f"{naam}: rij {nummer}", {k: unquote_csv(v) for k, v in rij.items()})
            for nummer, rij in enumerate(lezer, start=2)], ""  # fmt: skip


def read_responses(map_: Path, taal: str = "nl") -> tuple[list[Antwoord], list[str]]:
    """All responses in ``map_`` (``*.json`` from the form, ``*.csv`` from paper), and the problems."""
    if not map_.is_dir():
        raise UserError(f"{shown_path(map_)}: map met antwoorden bestaat niet")
    bekend = statement_ids(taal)
    antwoorden: list[Antwoord] = []
    problemen: list[str] = []
    for pad in sorted(p for p in map_.iterdir() if p.suffix.lower() in {".json", ".csv"}):
        try:
            rijen, probleem = _rows(pad, pad.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError) as exc:
            rijen, probleem = [], f"{shown_path(pad)}: kan bestand niet lezen ({exc})"
        if probleem:
            problemen.append(probleem)
        for waar, rij in rijen:
            antwoord, fout = check_answer(rij.get("groep") or "", rij.get("les") or "", rij.get("stelling") or "",
                                    rij.get("score"), bekend, waar)  # fmt: skip
            if fout:
                problemen.append(fout)
            elif antwoord:
                antwoorden.append(Antwoord(**{**antwoord.__dict__, "notitie": str(rij.get("notitie") or "").strip()}))
    return antwoorden, problemen


def save_group(
    map_: Path, groep: str, gemeente: str, antwoorden: list[dict[str, Any]], overschrijven: bool = False
) -> Path:
    """Write one group's responses atomically as ``<groep>.json``; a second group with the same
    name never silently overwrites the first."""
    if not groep.strip():
        raise UserError("groep: vul de naam van de groep in")
    bekend = statement_ids()
    for i, rij in enumerate(antwoorden, start=1):
        waar = f"antwoord {i}"
        _, fout = check_answer(groep, rij.get("les", ""), rij.get("stelling", ""), rij.get("score"), bekend, waar)
        if fout:
            raise UserError(fout)
    pad = map_ / f"{slugify(groep)}.json"
    if pad.exists() and not overschrijven:
        raise UserError(f"{shown_path(pad)}: er is al een groep '{groep}' (kies een andere naam)")
    map_.mkdir(parents=True, exist_ok=True)
    data = {"groep": groep.strip(), "gemeente": gemeente.strip(), "antwoorden": antwoorden}
    return write_text_atomic(pad, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# --- harvest --------------------------------------------------------------------------------------


@dataclass
class Oogst:
    groepen: list[str]  # as shown (anonymised or not)
    per_groep: dict[str, dict[int, float | None]]
    gemiddeld: dict[int, float | None]
    spreiding: dict[int, float]
    weet_niet: dict[int, int]
    eerst_bespreken: list[dict[str, Any]]
    notities: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    aantal_antwoorden: int = 0
    lessen: list[int] = field(default_factory=list)  # the lesson numbers, in order


def _mean(waarden: list[int]) -> float | None:
    return round(sum(waarden) / len(waarden), 2) if waarden else None


def group_letter(nummer: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA …: a session has more groups than the alphabet has letters."""
    letters = ""
    nummer += 1
    while nummer:
        nummer, rest = divmod(nummer - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def anonymous_names(namen: list[str]) -> dict[str, str]:
    """Each group's name -> Groep A, Groep B … (in the order of ``namen``)."""
    return {n: f"Groep {group_letter(i)}" for i, n in enumerate(namen)}


def harvest(antwoorden: list[Antwoord], anoniem: bool = True, lessen: tuple[int, ...] | None = None) -> Oogst:
    """Averages per group and lesson, spread, the lessons to discuss first, notes, 'weet niet'.

    Lessons to discuss first: ranked by (5 - average) + spread, where spread is the standard
    deviation of the group averages; the reason given is whichever of the two weighs most."""
    lessen = lesson_numbers() if lessen is None else lessen
    namen = sorted({a.groep for a in antwoorden})
    weergave_naam = anonymous_names(namen) if anoniem else {n: n for n in namen}
    per_groep: dict[str, dict[int, float | None]] = {}
    for naam in namen:
        per_groep[weergave_naam[naam]] = {
            les: _mean([a.score for a in antwoorden if a.groep == naam and a.les == les and a.score is not None])
            for les in lessen
        }
    gemiddeld = {les: _mean([a.score for a in antwoorden if a.les == les and a.score is not None]) for les in lessen}
    spreiding: dict[int, float] = {}
    for les in lessen:
        waarden = [w for g in per_groep.values() if (w := g[les]) is not None]
        if len(waarden) > 1:
            m = sum(waarden) / len(waarden)
            spreiding[les] = round(math.sqrt(sum((w - m) ** 2 for w in waarden) / len(waarden)), 2)
        else:
            spreiding[les] = 0.0
    weet_niet = {les: sum(1 for a in antwoorden if a.les == les and a.score is None) for les in lessen}
    kandidaten = []
    for les in lessen:
        if (gem := gemiddeld[les]) is None:
            continue
        laag, verschil = 5 - gem, spreiding[les]
        kandidaten.append((-(laag + verschil), les, "laag" if laag >= verschil else "verschil"))
    kandidaten.sort()
    eerst = [
        {"les": les, "reden": reden, "gemiddeld": gemiddeld[les], "spreiding": spreiding[les]}
        for _, les, reden in kandidaten[:3]
    ]
    notities: dict[int, list[tuple[str, str]]] = {les: [] for les in lessen}
    for a in antwoorden:
        if a.notitie:
            notities[a.les].append((weergave_naam[a.groep], a.notitie))
    return Oogst(
        [weergave_naam[n] for n in namen],
        per_groep,
        gemiddeld,
        spreiding,
        weet_niet,
        eerst,
        notities,
        len(antwoorden),
        list(lessen),
    )


# --- agenda ---------------------------------------------------------------------------------------

#: Minimum minutes per block; what is left over is shared out over the flexible blocks.
MINIMUM = {"opening": 5, "casus": 5, "oefening": 10, "gesprek": 10, "zelfscan": 10, "oogst": 10, "afsluiting": 5}
PAUZE = 15
PUBLIEK = ("gemeente", "bewoners", "gemengd")


@dataclass(frozen=True)
class Blok:
    soort: str
    minuten: int
    les: int | None = None


def minimum_minutes(aantal_lessen: int, minuten: int | None = None) -> int:
    basis = MINIMUM["opening"] + MINIMUM["zelfscan"] + MINIMUM["oogst"] + MINIMUM["afsluiting"]
    basis += aantal_lessen * (MINIMUM["casus"] + MINIMUM["oefening"] + MINIMUM["gesprek"])
    return basis + (_breaks(minuten) * PAUZE if minuten else 0)


def _breaks(minuten: int) -> int:
    """One break when the session is longer than 90 minutes, one more per further 90 minutes."""
    return max(0, (minuten - 1) // 90)


def agenda(lessen: list[int], minuten: int) -> list[Blok]:
    """Blocks that add up exactly to ``minuten``: opening, per lesson a case story, an exercise and a
    discussion, breaks, the self-assessment and the harvest, closing."""
    if not lessen:
        raise UserError("--lessen: kies minstens één les (bijv. --lessen 3,4)")
    nodig = minimum_minutes(len(lessen), minuten)
    if minuten < nodig:
        raise UserError(
            f"--minuten: {minuten} minuten is te kort voor {len(lessen)} les(sen) (minstens {nodig} minuten nodig)"
        )
    blokken = [Blok("opening", MINIMUM["opening"])]
    pauzes = _breaks(minuten)
    per_pauze = max(1, math.ceil(len(lessen) / (pauzes + 1))) if pauzes else len(lessen)
    for i, les in enumerate(lessen):
        if pauzes and i and i % per_pauze == 0 and sum(b.soort == "pauze" for b in blokken) < pauzes:
            blokken.append(Blok("pauze", PAUZE))
        blokken += [
            Blok("casus", MINIMUM["casus"], les),
            Blok("oefening", MINIMUM["oefening"], les),
            Blok("gesprek", MINIMUM["gesprek"], les),
        ]
    while sum(b.soort == "pauze" for b in blokken) < pauzes:
        blokken.append(Blok("pauze", PAUZE))
    blokken += [
        Blok("zelfscan", MINIMUM["zelfscan"]),
        Blok("oogst", MINIMUM["oogst"]),
        Blok("afsluiting", MINIMUM["afsluiting"]),
    ]
    # Share out the spare minutes over the flexible blocks, in steps of 5 where possible, the last
    # few minutes one by one, so the total is exact.
    flexibel = [i for i, b in enumerate(blokken) if b.soort in {"casus", "oefening", "gesprek", "zelfscan", "oogst"}]
    over = minuten - sum(b.minuten for b in blokken)
    extra = [0] * len(blokken)
    stap, i = 5, 0
    while over > 0:
        plus = min(stap, over)
        extra[flexibel[i % len(flexibel)]] += plus
        over -= plus
        i += 1
    return [Blok(b.soort, b.minuten + extra[j], b.les) for j, b in enumerate(blokken)]


def agenda_times(blokken: list[Blok], start: str = "13:30") -> list[tuple[str, Blok]]:
    """(clock time, block) for each block, from ``start`` (HH:MM)."""
    uur, minuut = (int(x) for x in start.split(":"))
    tijd = uur * 60 + minuut
    uit = []
    for blok in blokken:
        uit.append((f"{tijd // 60:02d}:{tijd % 60:02d}", blok))
        tijd += blok.minuten
    return uit


@dataclass
class OogstRapport:
    """The harvest report: the harvest, the lessons it is about, the case names, and the problems
    found in the response files (reported, not fatal)."""

    oogst: Oogst
    lessen: dict[int, Any]  # number -> Les
    casus_namen: dict[str, str]
    problemen: list[str] = field(default_factory=list)


def harvest_report(map_: Path, taal: str = "nl", anoniem: bool = True) -> OogstRapport:
    """Read the responses in ``map_`` and harvest them. Raises one clear line when no response in
    it is valid."""

    antwoorden, problemen = read_responses(map_, taal)
    if not antwoorden:
        raise UserError(f"{shown_path(map_)}: geen geldige antwoorden gevonden")
    # the lessons the answers are about (a workshop on lessons 3 and 4 gets two axes, not seven at 0),
    # as the trainer's page shows them live
    beantwoord = {a.les for a in antwoorden}
    lessen = {les.nummer: les for les in kennisbank().lessons(taal) if les.nummer in beantwoord}
    return OogstRapport(harvest(antwoorden, anoniem, tuple(lessen)), lessen, case_names(), problemen)
