"""Import and export of the logbook as the team's spreadsheets: one CSV (or sheet) per kind.

Importing the same file twice adds nothing: every entry has a key made from its content. A bad row
is reported by file, row and field; the other rows still import, or nothing does with
``alles_of_niets``.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from toolkit.base import (
    LANGUAGES,
    MAX_BESTAND,
    MAX_KOLOMMEN,
    MAX_RIJEN,
    TooLarge,
    UnreadableSheet,
    UserError,
    clean_fields,
    csv_text,
    ensure_dir,
    read_sheets,
    read_text_limited,
    shown_path,
    slugify,
    t,
    too_many,
    transaction,
    unquote_csv,
    write_text_atomic,
)
from toolkit.content import ACTORTYPES, TREDEN

from . import logbook as lb

#: The columns of each kind (the export writes these, plus ``id``; the import needs the first ones).
KOLOMMEN: dict[str, tuple[str, ...]] = {
    "partijen": ("naam", "type", "contactrol", "contact"),
    "gesprekken": ("datum", "partijen", "onderwerp", "lessen", "samenvatting"),
    "besluiten": (
        "datum",
        "besluit",
        "besloten_door",
        "trede",
        "toelichting",
        "status",
        "gecommuniceerd_aan",
        "betreft",
    ),
    "vervolgacties": ("omschrijving", "eigenaar", "deadline", "gedaan", "besluit_id"),
    "communicatie": ("datum", "partij", "kanaal", "besluit_id", "gesprek_id"),
    "activiteiten": (
        "datum",
        "vorm",
        "onderwerp",
        "doelgroep",
        "uitgenodigd",
        "deelnemers",
        "trede",
        "fase",
        "lessen",
        "toelichting",
    ),
    "inbreng": ("activiteit", "inbreng", "standpunt", "verwerking", "toelichting"),
}
VERPLICHT = {
    "partijen": ("naam",),
    "gesprekken": ("datum", "partijen", "onderwerp"),
    "besluiten": ("datum", "besluit", "besloten_door", "trede"),
    "vervolgacties": ("omschrijving", "eigenaar"),
    "communicatie": ("datum", "partij", "kanaal"),
    "activiteiten": ("datum", "vorm", "onderwerp", "trede"),
    "inbreng": ("activiteit", "inbreng", "standpunt"),
}

#: The columns of the template to fill in (``logboek sjabloon``): those the import reads, a decision's
#: ``kanaal`` too (how it was shared with the parties in ``gecommuniceerd_aan``).
SJABLOON_KOLOMMEN: dict[str, tuple[str, ...]] = {**KOLOMMEN, "besluiten": (*KOLOMMEN["besluiten"], "kanaal")}
#: The template's columns that hold a date, and those that name several parties (``A; B``).
DATUMKOLOMMEN = ("datum", "deadline")
PARTIJKOLOMMEN = ("partijen", "betreft", "gecommuniceerd_aan", "doelgroep")


def template_lists(partijen: Sequence[str] = ()) -> dict[str, dict[str, tuple[str, ...]]]:
    """The template's columns that take one of a fixed set of values, per kind: column -> values.
    ``partijen`` (the names in the logbook) become the list of the column that takes one party."""
    lijsten: dict[str, dict[str, tuple[str, ...]]] = {
        "partijen": {"type": ACTORTYPES},
        "besluiten": {"trede": TREDEN, "status": lb.STATUSSEN, "kanaal": lb.KANALEN},
        "vervolgacties": {"gedaan": ("ja", "nee")},
        "communicatie": {"kanaal": lb.KANALEN},
        "activiteiten": {"vorm": lb.VORMEN, "trede": TREDEN, "fase": lb.FASEN},
        "inbreng": {"standpunt": lb.STANDPUNTEN, "verwerking": lb.VERWERKINGEN},
    }
    if partijen:
        lijsten["communicatie"]["partij"] = tuple(partijen)
    return lijsten


def help_sheets() -> set[str]:
    """The names (lower case) of the template's help sheet, in every language: the import passes it by."""
    return {t("logboek_sjabloon.uitlegblad", taal).lower() for taal in LANGUAGES}


def detect_kind(kop: list[str], naam: str = "") -> str | None:
    """Which kind a table holds: by its name (``gesprekken.csv``, sheet "besluiten") or its columns."""
    for soort in lb.SOORTEN:
        if naam.lower().startswith(soort):
            return soort
    for soort in ("activiteiten", "inbreng", "besluiten", "gesprekken", "communicatie", "vervolgacties", "partijen"):
        if set(VERPLICHT[soort]) <= set(kop):
            return soort
    return None


def _add(db: sqlite3.Connection, soort: str, rij: dict[str, Any], maak_partijen: bool) -> lb.Toegevoegd:
    if maak_partijen:
        namen = []
        if soort == "gesprekken":
            namen = lb.split_names(rij.get("partijen"))
        elif soort == "besluiten":
            namen = lb.split_names(rij.get("betreft")) + lb.split_names(rij.get("gecommuniceerd_aan"))
        elif soort == "communicatie":
            namen = lb.split_names(rij.get("partij"))
        elif soort == "activiteiten":
            namen = lb.split_names(rij.get("doelgroep"))
        for naam in namen:
            lb.add_party(db, naam, "overig")
    if soort == "partijen":
        return lb.add_party(db, rij.get("naam"), rij.get("type") or "overig", rij.get("contactrol"), rij.get("contact"))
    if soort == "gesprekken":
        return lb.add_conversation(
            db, rij.get("datum"), rij.get("partijen"), rij.get("onderwerp"), rij.get("lessen"), rij.get("samenvatting")
        )
    if soort == "besluiten":
        return lb.add_decision(db, rij.get("datum"), rij.get("besluit"), rij.get("besloten_door"), rij.get("trede"),
                               rij.get("toelichting"), rij.get("status") or "genomen", rij.get("betreft"),
                               rij.get("gecommuniceerd_aan"), rij.get("kanaal") or "overig")  # fmt: skip
    if soort == "vervolgacties":
        return lb.add_follow_up(
            db,
            rij.get("omschrijving"),
            rij.get("eigenaar"),
            rij.get("deadline"),
            rij.get("gedaan"),
            rij.get("besluit_id"),
        )
    if soort == "activiteiten":
        return lb.add_activity(db, rij.get("datum"), rij.get("vorm"), rij.get("onderwerp"), rij.get("doelgroep"),
                               rij.get("uitgenodigd"), rij.get("deelnemers"), rij.get("trede"), rij.get("fase"),
                               rij.get("lessen"), rij.get("toelichting"))  # fmt: skip
    if soort == "inbreng":
        return lb.add_input(db, rij.get("activiteit"), rij.get("inbreng"), rij.get("standpunt"),
                            rij.get("verwerking") or "open", rij.get("toelichting"))  # fmt: skip
    return lb.add_communication(
        db, rij.get("datum"), rij.get("partij"), rij.get("kanaal"), rij.get("besluit_id"), rij.get("gesprek_id")
    )


def _tables(pad: Path) -> list[tuple[str, list[str], list[tuple[int, dict[str, Any]]]]]:
    """(name, header, [(row number, row)]) for each table in a CSV, XLSX or ODS file; text without
    the invisible characters a paste brings along (see :func:`toolkit.base.clean_text`)."""
    return [(naam, kop, [(i, clean_fields(rij)[0]) for i, rij in rijen]) for naam, kop, rijen in _raw_tables(pad)]


def _raw_tables(pad: Path) -> list[tuple[str, list[str], list[tuple[int, dict[str, Any]]]]]:
    naam = shown_path(pad)
    if not pad.is_file():
        raise UserError(f"{naam}: importeer: bestand bestaat niet")
    if pad.suffix.lower() in (".xlsx", ".ods"):
        try:
            bladen = read_sheets(pad)
        except UnreadableSheet as fout:
            soort = "ODS" if pad.suffix.lower() == ".ods" else "Excel"
            raise UserError(f"{naam}: importeer: {fout.reden or f'geen leesbaar {soort}-bestand'}") from None
        uit = []
        for titel, rijen in bladen.items():
            if not rijen:
                continue
            kop = [str(k).strip().lower() if k is not None else "" for k in rijen[0]]
            data = [
                (i, {k: "" if v is None else (v.date().isoformat() if hasattr(v, "date") else v)
                     for k, v in zip(kop, r, strict=False)})
                for i, r in enumerate(rijen[1:], start=2)
                if any(v not in (None, "") for v in r)
            ]  # fmt: skip
            uit.append((titel, kop, data))
        return uit
    if pad.suffix.lower() != ".csv":
        raise UserError(f"{naam}: importeer: onbekend bestandstype (toegestaan: .csv, .xlsx, .ods)")
    try:
        tekst = read_text_limited(pad, MAX_BESTAND, "utf-8-sig")
    except TooLarge as fout:
        raise UserError(f"{naam}: importeer: {fout}") from None
    except UnicodeDecodeError:
        raise UserError(f"{naam}: importeer: geen UTF-8-tekst (sla op als CSV UTF-8)") from None
    try:
        lezer = csv.DictReader(io.StringIO(tekst))
        kop = [str(k).strip().lower() for k in lezer.fieldnames or []][: MAX_KOLOMMEN + 1]
        if len(kop) > MAX_KOLOMMEN:
            raise UserError(f"{naam}: importeer: {too_many(len(kop), 'kolommen', MAX_KOLOMMEN)}")
        lezer.fieldnames = kop
        csv_rijen: list[tuple[int, dict[str, Any]]] = []
        for i, r in enumerate(lezer, start=2):
            if len(csv_rijen) >= MAX_RIJEN:
                raise UserError(f"{naam}: importeer: {too_many(len(csv_rijen) + 1, 'rijen', MAX_RIJEN)}")
            csv_rijen.append((i, {k: unquote_csv(v) for k, v in r.items() if k is not None}))
    except csv.Error as fout:
        raise UserError(f"{naam}: importeer: geen leesbare CSV ({fout})") from None
    return [(pad.stem, kop, csv_rijen)]


def import_file(
    db: sqlite3.Connection, pad: Path, alles_of_niets: bool = False, maak_partijen: bool = False
) -> tuple[dict[str, int], list[str]]:
    """Import ``pad``; return (new entries per kind, problems). Each row is its own savepoint."""
    naam = shown_path(pad)
    tabellen = _tables(pad)
    volgorde = {s: i for i, s in enumerate(lb.SOORTEN)}
    herkend = []
    uitleg = help_sheets() if pad.suffix.lower() in (".xlsx", ".ods") else set()
    for tabel, kop, data in tabellen:
        if tabel.strip().lower() in uitleg:  # the template's explanation: nothing to read in
            continue
        soort = detect_kind(kop, tabel)
        if soort is None:
            raise UserError(
                f"{naam}: {tabel}: onbekende tabel (kolommen zoals in de README, bijv. {', '.join(KOLOMMEN['gesprekken'])})"
            )
        ontbrekend = [k for k in VERPLICHT[soort] if k not in kop]
        if ontbrekend:
            raise UserError(
                f"{naam}: {tabel}: kolom ontbreekt: {', '.join(ontbrekend)} (kolommen: {', '.join(KOLOMMEN[soort])})"
            )
        herkend.append((volgorde[soort], soort, tabel, data))
    nieuw = {s: 0 for s in lb.SOORTEN}
    problemen: list[str] = []
    with transaction(db):
        for _, soort, tabel, data in sorted(herkend, key=lambda x: x[0]):
            waar = naam if len(tabellen) == 1 else f"{naam}: {tabel}"
            for nummer, rij in data:
                db.execute("SAVEPOINT rij")
                try:
                    if _add(db, soort, rij, maak_partijen).nieuw:
                        nieuw[soort] += 1
                except UserError as fout:
                    db.execute("ROLLBACK TO rij")
                    problemen.append(f"{waar}: rij {nummer}: {fout}")
                db.execute("RELEASE rij")
        if problemen and alles_of_niets:
            raise UserError(f"{problemen[0]} (en {len(problemen) - 1} meer; met --alles-of-niets is niets ingelezen)")
    return nieuw, problemen


def export_sheets(db: sqlite3.Connection) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Every kind of entry as a table: (columns, rows), the columns named by their keys (so the
    toolkit reads an export back: :func:`import_file`)."""
    tabellen: dict[str, tuple[list[str], list[list[Any]]]] = {}
    for soort in lb.SOORTEN:
        rijen = lb.rows(db, soort)
        kolommen = ["id", *[k for k in KOLOMMEN[soort] if k != "id"]]
        kolommen += [k for k in (rijen[0] if rijen else {}) if k not in kolommen]
        tabellen[soort] = (kolommen, [[rij.get(k, "") for k in kolommen] for rij in rijen])
    return tabellen


def export(db: sqlite3.Connection, out: Path) -> list[Path]:
    """One CSV per kind (the workbooks beside them: :func:`toolkit.render.export_logbook`)."""
    ensure_dir(out)
    return [write_text_atomic(out / f"{soort}.csv", csv_text(*tabel)) for soort, tabel in export_sheets(db).items()]


def export_party(db: sqlite3.Connection, naam: str, out: Path) -> list[Path]:
    """Everything the logbook holds about one party, as ``partij-<naam>.json`` (the right of access)."""

    data = lb.everything_about(db, naam)
    pad = ensure_dir(out) / f"partij-{slugify(naam)}.json"
    return [write_text_atomic(pad, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")]
