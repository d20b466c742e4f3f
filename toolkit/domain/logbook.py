"""The participation logbook: who was spoken to, what was decided, and who was told.

One SQLite file per wijk or project, opened through :mod:`toolkit.base.sqlite_store` (transactions,
WAL, busy timeout, migrations, a marker so another file is refused instead of changed, deleted
content overwritten). ``vergeet`` erases a party's contact details, and on request its name, so that
they cannot be read back from the file.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from toolkit.base import UserError, erase_for_good, fold, open_store, run_script, t
from toolkit.content import ACTORTYPES, TREDEN, lesson_numbers, lesson_range_text, party_kind
from toolkit.content import FASEN as CASE_FASEN

APP = "warmtelessen-logboek"
STATUSSEN = ("voorgenomen", "genomen", "herzien", "ingetrokken")
KANALEN = ("brief", "nieuwsbrief", "bijeenkomst", "website", "e-mail", "huisbezoek", "overig")
SOORTEN = ("partijen", "gesprekken", "besluiten", "vervolgacties", "communicatie", "activiteiten", "inbreng")
#: How residents and others took part (``logboek toevoegen activiteit --vorm``).
VORMEN = ("bijeenkomst", "enquete", "huisbezoek", "inloop", "online", "werkgroep", "overig")
#: Where a participant stood (``--standpunt``), and what was done with what they brought in (``--verwerking``).
STANDPUNTEN = ("eens", "oneens", "gemengd", "vraag")
VERWERKINGEN = ("overgenomen", "deels", "niet", "open")
#: The phases an activity can belong to (those of the profile and the cases).
FASEN: tuple[str, ...] = CASE_FASEN
#: A number of people no activity reaches (a typing error, not a crowd).
MAX_MENSEN = 1_000_000


def _v1(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
        CREATE TABLE partijen (
            id INTEGER PRIMARY KEY, naam TEXT NOT NULL UNIQUE COLLATE NOCASE, type TEXT NOT NULL,
            contactrol TEXT NOT NULL DEFAULT '', contact TEXT);
        CREATE TABLE gesprekken (
            id INTEGER PRIMARY KEY, datum TEXT NOT NULL, onderwerp TEXT NOT NULL, lessen TEXT NOT NULL DEFAULT '',
            samenvatting TEXT NOT NULL DEFAULT '', sleutel TEXT NOT NULL UNIQUE);
        CREATE TABLE gesprek_partijen (
            gesprek_id INTEGER NOT NULL REFERENCES gesprekken(id), partij_id INTEGER NOT NULL REFERENCES partijen(id),
            PRIMARY KEY (gesprek_id, partij_id));
        CREATE TABLE besluiten (
            id INTEGER PRIMARY KEY, datum TEXT NOT NULL, besluit TEXT NOT NULL, besloten_door TEXT NOT NULL,
            trede TEXT NOT NULL, toelichting TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, sleutel TEXT NOT NULL UNIQUE);
        CREATE TABLE vervolgacties (
            id INTEGER PRIMARY KEY, omschrijving TEXT NOT NULL, eigenaar TEXT NOT NULL, deadline TEXT,
            gedaan INTEGER NOT NULL DEFAULT 0, besluit_id INTEGER REFERENCES besluiten(id), sleutel TEXT NOT NULL UNIQUE);
        CREATE TABLE communicatie (
            id INTEGER PRIMARY KEY, datum TEXT NOT NULL, besluit_id INTEGER REFERENCES besluiten(id),
            gesprek_id INTEGER REFERENCES gesprekken(id), partij_id INTEGER NOT NULL REFERENCES partijen(id),
            kanaal TEXT NOT NULL, sleutel TEXT NOT NULL UNIQUE);
        """,
    )
    db.execute("INSERT INTO meta VALUES ('app', ?)", (APP,))


def _v2(db: sqlite3.Connection) -> None:
    """Version 2: which parties a decision concerns (to flag decisions not yet communicated to
    them), and when a contact's personal data was erased."""
    run_script(
        db,
        """
        CREATE TABLE besluit_partijen (
            besluit_id INTEGER NOT NULL REFERENCES besluiten(id), partij_id INTEGER NOT NULL REFERENCES partijen(id),
            PRIMARY KEY (besluit_id, partij_id));
        ALTER TABLE partijen ADD COLUMN vergeten_op TEXT;
        """,
    )


def _v3(db: sqlite3.Connection) -> None:
    """Version 3: participation activities (who was invited, who came, at which step of the
    ladder) and what participants brought in, with what was done with it: what the participation
    report (*verslag van participatie*) is written from."""
    run_script(
        db,
        """
        CREATE TABLE activiteiten (
            id INTEGER PRIMARY KEY, datum TEXT NOT NULL, vorm TEXT NOT NULL, onderwerp TEXT NOT NULL,
            uitgenodigd INTEGER, deelnemers INTEGER, trede TEXT NOT NULL, fase TEXT NOT NULL DEFAULT '',
            lessen TEXT NOT NULL DEFAULT '', toelichting TEXT NOT NULL DEFAULT '', sleutel TEXT NOT NULL UNIQUE);
        CREATE TABLE activiteit_partijen (
            activiteit_id INTEGER NOT NULL REFERENCES activiteiten(id), partij_id INTEGER NOT NULL REFERENCES partijen(id),
            PRIMARY KEY (activiteit_id, partij_id));
        CREATE TABLE inbreng (
            id INTEGER PRIMARY KEY, activiteit_id INTEGER NOT NULL REFERENCES activiteiten(id), inbreng TEXT NOT NULL,
            standpunt TEXT NOT NULL, verwerking TEXT NOT NULL, toelichting TEXT NOT NULL DEFAULT '',
            sleutel TEXT NOT NULL UNIQUE);
        """,
    )


#: Migrations in order; the database's user_version says how many have run.
MIGRATIES: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3]
VERSIE = len(MIGRATIES)


def connect(pad: Path, optie: str = "--db", maken: bool = True, wacht: float = 30.0) -> sqlite3.Connection:
    """Open (or, with ``maken``, create) a logbook and bring its schema up to date. Refuses other
    files, without ``maken`` a file that is not there, and after ``wacht`` seconds a file another
    program is writing to; ``optie`` is how the user named it."""
    return open_store(pad, APP, MIGRATIES, optie, "logboek", wacht, maken)


def drop_if_new_and_empty(pad: Path, bestond: bool) -> None:
    """Remove the logbook at ``pad`` when this call made it (``bestond``: it was there before) and
    nothing went into it: a first entry or import that failed leaves no empty logbook behind."""
    if bestond or not pad.exists():
        return
    db = connect(pad, maken=False)
    try:
        leeg = not any(db.execute(f"SELECT 1 FROM {soort} LIMIT 1").fetchone() for soort in _TABELLEN)  # noqa: S608
    finally:
        db.close()
    if leeg:
        for achter in ("", "-wal", "-shm", "-journal"):
            Path(f"{pad}{achter}").unlink(missing_ok=True)


#: The tables that hold entries (the names behind :data:`SOORTEN`).
_TABELLEN = ("partijen", "gesprekken", "besluiten", "vervolgacties", "communicatie", "activiteiten", "inbreng")


# --- checking values --------------------------------------------------------------------------------


def _date(waarde: Any, veld: str = "datum") -> str:
    if isinstance(waarde, date):
        return waarde.isoformat()
    try:
        return date.fromisoformat(str(waarde).strip()[:10]).isoformat()
    except ValueError:
        raise UserError(f"{veld}: ongeldige datum {waarde!r} (JJJJ-MM-DD)") from None


def _choice(waarde: Any, veld: str, toegestaan: tuple[str, ...]) -> str:
    schoon = fold(str(waarde or ""))
    for optie in toegestaan:
        if fold(optie) == schoon:
            return optie
    raise UserError(f"{veld}: ongeldige waarde {str(waarde)!r} (toegestaan: {', '.join(toegestaan)})")


def _lesson_list(waarde: Any) -> str:
    delen = [d.strip() for d in str(waarde or "").replace(";", ",").split(",") if d.strip()]
    for d in delen:
        if not d.isdigit() or int(d) not in lesson_numbers():
            raise UserError(f"lessen: onbekende les {d!r} ({lesson_range_text()})")
    return ",".join(str(int(d)) for d in sorted(set(delen), key=int))


def _required(waarde: Any, veld: str) -> str:
    if not str(waarde or "").strip():
        raise UserError(f"{veld}: verplicht veld is leeg")
    return str(waarde).strip()


def _key(*delen: Any) -> str:
    return hashlib.sha256(json.dumps(delen, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:24]


def party_id(db: sqlite3.Connection, naam: str) -> int:
    """The id of party ``naam`` (case-insensitive); unknown names list the closest ones."""
    rij = db.execute("SELECT id FROM partijen WHERE naam = ?", (naam.strip(),)).fetchone()
    if rij:
        return int(rij[0])
    alle = [r[0] for r in db.execute("SELECT naam FROM partijen ORDER BY naam")]
    dichtbij = get_close_matches(naam, alle, n=3, cutoff=0.5)
    hint = f"bedoelt u: {', '.join(dichtbij)}? " if dichtbij else ""
    raise UserError(
        f"partijen: onbekende partij {naam!r} ({hint}of voeg toe: warmtelessen logboek toevoegen partij --naam "
        f'"{naam}" --type overig)'
    )


def split_names(waarde: Any) -> list[str]:
    """The names in a list typed as ``A; B`` (empty parts dropped)."""
    return [d.strip() for d in str(waarde or "").split(";") if d.strip()]


# --- adding ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Toegevoegd:
    soort: str
    id: int
    nieuw: bool  # False when the same entry was already there (import twice: no duplicates)


def add_party(
    db: sqlite3.Connection, naam: Any, type: Any = "overig", contactrol: Any = "", contact: Any = None
) -> Toegevoegd:
    naam = _required(naam, "naam")
    soort = _choice(party_kind(str(type or "overig")), "type", ACTORTYPES)
    bestaand = db.execute("SELECT id FROM partijen WHERE naam = ?", (naam,)).fetchone()
    if bestaand:
        return Toegevoegd("partij", int(bestaand[0]), False)
    cur = db.execute(
        "INSERT INTO partijen (naam, type, contactrol, contact) VALUES (?, ?, ?, ?)",
        (naam, soort, str(contactrol or ""), str(contact).strip() if contact else None),
    )
    return Toegevoegd("partij", int(cur.lastrowid or 0), True)


def add_conversation(db: sqlite3.Connection, datum: Any, partijen: Any, onderwerp: Any, lessen: Any = "",
                     samenvatting: Any = "") -> Toegevoegd:  # fmt: skip
    datum, onderwerp = _date(datum), _required(onderwerp, "onderwerp")
    namen = split_names(partijen)
    if not namen:
        raise UserError("partijen: noem minstens één partij (gescheiden door ;)")
    ids = sorted({party_id(db, n) for n in namen})
    lessen = _lesson_list(lessen)
    sleutel = _key("gesprek", datum, ids, onderwerp, lessen, str(samenvatting or ""))
    bestaand = db.execute("SELECT id FROM gesprekken WHERE sleutel = ?", (sleutel,)).fetchone()
    if bestaand:
        return Toegevoegd("gesprek", int(bestaand[0]), False)
    cur = db.execute(
        "INSERT INTO gesprekken (datum, onderwerp, lessen, samenvatting, sleutel) VALUES (?, ?, ?, ?, ?)",
        (datum, onderwerp, lessen, str(samenvatting or ""), sleutel),
    )
    db.executemany("INSERT INTO gesprek_partijen VALUES (?, ?)", [(cur.lastrowid, i) for i in ids])
    return Toegevoegd("gesprek", int(cur.lastrowid or 0), True)


def add_decision(db: sqlite3.Connection, datum: Any, besluit: Any, besloten_door: Any, trede: Any,
                 toelichting: Any = "", status: Any = "genomen", betreft: Any = "",
                 gecommuniceerd_aan: Any = "", kanaal: Any = "overig") -> Toegevoegd:  # fmt: skip
    datum, besluit = _date(datum), _required(besluit, "besluit")
    door, trede = _required(besloten_door, "besloten_door"), _choice(trede, "trede", TREDEN)
    status = _choice(status or "genomen", "status", STATUSSEN)
    betreft_ids = sorted({party_id(db, n) for n in split_names(betreft)})
    gemeld = [party_id(db, n) for n in split_names(gecommuniceerd_aan)]
    sleutel = _key("besluit", datum, besluit, door, trede, str(toelichting or ""), status)
    bestaand = db.execute("SELECT id FROM besluiten WHERE sleutel = ?", (sleutel,)).fetchone()
    if bestaand:
        besluit_id, nieuw = int(bestaand[0]), False
    else:
        cur = db.execute(
            "INSERT INTO besluiten (datum, besluit, besloten_door, trede, toelichting, status, sleutel) VALUES (?,?,?,?,?,?,?)",
            (datum, besluit, door, trede, str(toelichting or ""), status, sleutel),
        )
        besluit_id, nieuw = int(cur.lastrowid or 0), True
    db.executemany("INSERT OR IGNORE INTO besluit_partijen VALUES (?, ?)", [(besluit_id, i) for i in betreft_ids])
    for partij in gemeld:
        _communicate(db, datum, partij, _choice(kanaal or "overig", "kanaal", KANALEN), besluit_id=besluit_id)
    return Toegevoegd("besluit", besluit_id, nieuw)


def add_follow_up(db: sqlite3.Connection, omschrijving: Any, eigenaar: Any, deadline: Any = None,
                  gedaan: Any = False, besluit_id: Any = None) -> Toegevoegd:  # fmt: skip
    omschrijving, eigenaar = _required(omschrijving, "omschrijving"), _required(eigenaar, "eigenaar")
    deadline = _date(deadline, "deadline") if str(deadline or "").strip() else None
    klaar = str(gedaan).strip().lower() in {"1", "true", "ja", "gedaan", "x"}
    besluit = int(besluit_id) if str(besluit_id or "").strip() else None
    if besluit is not None and not db.execute("SELECT 1 FROM besluiten WHERE id = ?", (besluit,)).fetchone():
        raise UserError(f"besluit: onbekend besluit {besluit} (zie: warmtelessen logboek lijst besluiten)")
    sleutel = _key("vervolgactie", omschrijving, eigenaar, deadline, besluit)
    bestaand = db.execute("SELECT id FROM vervolgacties WHERE sleutel = ?", (sleutel,)).fetchone()
    if bestaand:
        db.execute("UPDATE vervolgacties SET gedaan = ? WHERE id = ?", (int(klaar), bestaand[0]))
        return Toegevoegd("vervolgactie", int(bestaand[0]), False)
    cur = db.execute(
        "INSERT INTO vervolgacties (omschrijving, eigenaar, deadline, gedaan, besluit_id, sleutel) VALUES (?,?,?,?,?,?)",
        (omschrijving, eigenaar, deadline, int(klaar), besluit, sleutel),
    )
    return Toegevoegd("vervolgactie", int(cur.lastrowid or 0), True)


def _communicate(db: sqlite3.Connection, datum: str, partij_id: int, kanaal: str, besluit_id: int | None = None,
                 gesprek_id: int | None = None) -> Toegevoegd:  # fmt: skip
    sleutel = _key("communicatie", datum, partij_id, kanaal, besluit_id, gesprek_id)
    bestaand = db.execute("SELECT id FROM communicatie WHERE sleutel = ?", (sleutel,)).fetchone()
    if bestaand:
        return Toegevoegd("communicatie", int(bestaand[0]), False)
    cur = db.execute(
        "INSERT INTO communicatie (datum, besluit_id, gesprek_id, partij_id, kanaal, sleutel) VALUES (?,?,?,?,?,?)",
        (datum, besluit_id, gesprek_id, partij_id, kanaal, sleutel),
    )
    return Toegevoegd("communicatie", int(cur.lastrowid or 0), True)


def add_communication(db: sqlite3.Connection, datum: Any, partij: Any, kanaal: Any, besluit: Any = None,
                      gesprek: Any = None) -> Toegevoegd:  # fmt: skip
    besluit_id = int(besluit) if str(besluit or "").strip() else None
    gesprek_id = int(gesprek) if str(gesprek or "").strip() else None
    if (besluit_id is None) == (gesprek_id is None):
        raise UserError("communicatie: noem een besluit of een gesprek (--besluit ID of --gesprek ID)")
    tabel, waarde = ("besluiten", besluit_id) if besluit_id is not None else ("gesprekken", gesprek_id)
    if not db.execute(f"SELECT 1 FROM {tabel} WHERE id = ?", (waarde,)).fetchone():  # noqa: S608 - fixed names
        raise UserError(f"communicatie: onbekend {tabel[:-2]} {waarde} (zie: warmtelessen logboek lijst {tabel})")
    return _communicate(db, _date(datum), party_id(db, _required(partij, "partij")),
                        _choice(kanaal, "kanaal", KANALEN), besluit_id, gesprek_id)  # fmt: skip


def _people(waarde: Any, veld: str) -> int | None:
    """A number of people: empty or ``onbekend`` is unknown; otherwise a whole number from 0."""
    tekst = str(waarde if waarde is not None else "").strip()
    if tekst.lower() in ("", "onbekend", "unknown"):
        return None
    if not tekst.isdigit() or int(tekst) > MAX_MENSEN:
        raise UserError(f"{veld}: {tekst[:20]!r} is geen aantal mensen (een heel getal van 0 tot {MAX_MENSEN}, "
                        "of leeg als het onbekend is)")  # fmt: skip
    return int(tekst)


def add_activity(db: sqlite3.Connection, datum: Any, vorm: Any, onderwerp: Any, doelgroep: Any = "",
                 uitgenodigd: Any = None, deelnemers: Any = None, trede: Any = "", fase: Any = "", lessen: Any = "",
                 toelichting: Any = "") -> Toegevoegd:  # fmt: skip
    """A participation activity: a meeting, survey, walk-in … for the parties in ``doelgroep``;
    how many were invited and how many took part (either may be unknown)."""
    datum, onderwerp = _date(datum), _required(onderwerp, "onderwerp")
    vorm, trede = _choice(vorm, "vorm", VORMEN), _choice(trede, "trede", TREDEN)
    fase = _choice(fase, "fase", FASEN) if str(fase or "").strip() else ""
    ids = sorted({party_id(db, n) for n in split_names(doelgroep)})
    uit, mee = _people(uitgenodigd, "uitgenodigd"), _people(deelnemers, "deelnemers")
    toelichting = str(toelichting or "").strip()
    if uit is not None and mee is not None and mee > uit and not toelichting:
        raise UserError(f"deelnemers: {mee} is meer dan uitgenodigd ({uit}); zeg in --toelichting hoe dat kwam "
                        "(bijv. inloop zonder uitnodiging)")  # fmt: skip
    lessen = _lesson_list(lessen)
    sleutel = _key("activiteit", datum, vorm, onderwerp, ids, uit, mee, trede, fase, lessen, toelichting)
    bestaand = db.execute("SELECT id FROM activiteiten WHERE sleutel = ?", (sleutel,)).fetchone()
    if bestaand:
        return Toegevoegd("activiteit", int(bestaand[0]), False)
    cur = db.execute(
        "INSERT INTO activiteiten (datum, vorm, onderwerp, uitgenodigd, deelnemers, trede, fase, lessen, toelichting,"
        " sleutel) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (datum, vorm, onderwerp, uit, mee, trede, fase, lessen, toelichting, sleutel),
    )
    db.executemany("INSERT INTO activiteit_partijen VALUES (?, ?)", [(cur.lastrowid, i) for i in ids])
    return Toegevoegd("activiteit", int(cur.lastrowid or 0), True)


def add_input(db: sqlite3.Connection, activiteit: Any, inbreng: Any, standpunt: Any, verwerking: Any = "open",
              toelichting: Any = "") -> Toegevoegd:  # fmt: skip
    """What participants brought in at an activity, where they stood, and what was done with it
    (and why: ``toelichting``)."""
    tekst = str(activiteit or "").strip()
    if not tekst.isdigit() or not db.execute("SELECT 1 FROM activiteiten WHERE id = ?", (int(tekst),)).fetchone():
        raise UserError(
            f"activiteit: onbekende activiteit {tekst[:20]!r} (zie: warmtelessen logboek lijst activiteiten)"
        )
    inbreng = _required(inbreng, "inbreng")
    standpunt = _choice(standpunt, "standpunt", STANDPUNTEN)
    verwerking = _choice(verwerking or "open", "verwerking", VERWERKINGEN)
    toelichting = str(toelichting or "").strip()
    sleutel = _key("inbreng", int(tekst), inbreng, standpunt)
    bestaand = db.execute("SELECT id FROM inbreng WHERE sleutel = ?", (sleutel,)).fetchone()
    if bestaand:  # the same input again: what was done with it may have moved on
        db.execute(
            "UPDATE inbreng SET verwerking = ?, toelichting = ? WHERE id = ?", (verwerking, toelichting, bestaand[0])
        )
        return Toegevoegd("inbreng", int(bestaand[0]), False)
    cur = db.execute(
        "INSERT INTO inbreng (activiteit_id, inbreng, standpunt, verwerking, toelichting, sleutel) VALUES (?,?,?,?,?,?)",
        (int(tekst), inbreng, standpunt, verwerking, toelichting, sleutel),
    )
    return Toegevoegd("inbreng", int(cur.lastrowid or 0), True)


# --- reading --------------------------------------------------------------------------------------


def rows(db: sqlite3.Connection, soort: str) -> list[dict[str, Any]]:
    """Every entry of one kind, in the columns of the export (parties as names, ';'-separated)."""
    if soort == "partijen":
        sql = "SELECT id, naam, type, contactrol, contact, vergeten_op FROM partijen ORDER BY naam"
    elif soort == "gesprekken":
        sql = """SELECT g.id, g.datum, (SELECT group_concat(p.naam, ';') FROM gesprek_partijen gp JOIN partijen p
                 ON p.id = gp.partij_id WHERE gp.gesprek_id = g.id) AS partijen, g.onderwerp, g.lessen, g.samenvatting
                 FROM gesprekken g ORDER BY g.datum, g.id"""
    elif soort == "besluiten":
        sql = """SELECT b.id, b.datum, b.besluit, b.besloten_door, b.trede, b.toelichting, b.status,
                 (SELECT group_concat(p.naam, ';') FROM besluit_partijen bp JOIN partijen p ON p.id = bp.partij_id
                  WHERE bp.besluit_id = b.id) AS betreft,
                 (SELECT group_concat(DISTINCT p.naam) FROM communicatie c JOIN partijen p ON p.id = c.partij_id
                  WHERE c.besluit_id = b.id) AS gecommuniceerd_aan
                 FROM besluiten b ORDER BY b.datum, b.id"""
    elif soort == "vervolgacties":
        sql = "SELECT id, omschrijving, eigenaar, deadline, gedaan, besluit_id FROM vervolgacties ORDER BY deadline, id"
    elif soort == "communicatie":
        sql = """SELECT c.id, c.datum, p.naam AS partij, c.kanaal, c.besluit_id, c.gesprek_id FROM communicatie c
                 JOIN partijen p ON p.id = c.partij_id ORDER BY c.datum, c.id"""
    elif soort == "activiteiten":
        sql = """SELECT a.id, a.datum, a.vorm, a.onderwerp, (SELECT group_concat(p.naam, ';') FROM activiteit_partijen ap
                 JOIN partijen p ON p.id = ap.partij_id WHERE ap.activiteit_id = a.id) AS doelgroep, a.uitgenodigd,
                 a.deelnemers, a.trede, a.fase, a.lessen, a.toelichting FROM activiteiten a ORDER BY a.datum, a.id"""
    elif soort == "inbreng":
        sql = """SELECT i.id, i.activiteit_id AS activiteit, i.inbreng, i.standpunt, i.verwerking, i.toelichting
                 FROM inbreng i ORDER BY i.activiteit_id, i.id"""
    else:
        raise UserError(f"lijst: onbekende soort {soort!r} (toegestaan: {', '.join(SOORTEN)})")
    uit = [dict(r) for r in db.execute(sql)]
    for r in uit:
        if "gecommuniceerd_aan" in r and r["gecommuniceerd_aan"]:
            r["gecommuniceerd_aan"] = ";".join(sorted(r["gecommuniceerd_aan"].split(",")))
        for k, v in list(r.items()):
            if v is None:
                r[k] = ""
    return uit


#: How long ``vergeet`` waits for another program to let go of the logbook (seconds).
VERGEET_WACHT = 3.0


@dataclass(frozen=True)
class Vergeten:
    """What ``vergeet`` did: the party, and with ``--naam`` its new, neutral name and the number of
    fields in which its name was replaced."""

    id: int
    label: str = ""
    plaatsen: int = 0


def forget(pad: Path, naam: str, naam_ook: bool = False, taal: str = "nl") -> Vergeten:
    """Erase a party's contact person and contact details; with ``naam_ook`` (a party that is a
    private person) also replace its name by a neutral label (``Partij 3``) wherever it stands, free
    text included. Its conversations and decisions stay. Nothing erased can be read back from the
    files afterwards (:func:`toolkit.base.erase_for_good`); while another program has the logbook
    open this refuses with one line and changes nothing."""
    db = connect(pad, maken=False, wacht=VERGEET_WACHT)
    try:
        return erase_for_good(db, pad, "--db", lambda db: _forget(db, naam, naam_ook, taal))
    finally:
        db.close()


def _forget(db: sqlite3.Connection, naam: str, naam_ook: bool, taal: str) -> Vergeten:
    partij = party_id(db, naam)
    db.execute(
        "UPDATE partijen SET contact = NULL, contactrol = '', vergeten_op = ? WHERE id = ?",
        (date.today().isoformat(), partij),
    )
    if not naam_ook:
        return Vergeten(partij)
    oud = str(db.execute("SELECT naam FROM partijen WHERE id = ?", (partij,)).fetchone()[0])
    label = neutral_name(db, partij, taal)
    return Vergeten(partij, label, replace_name(db, oud, label))


def neutral_name(db: sqlite3.Connection, partij: int, taal: str = "nl") -> str:
    """``Partij 3`` for party 3 (``Party 3`` in English), or ``Partij 3-2`` … when another party
    already has that name."""
    basis = t("logboek_vergeten_partij", taal, nummer=partij)
    label, n = basis, 1
    while db.execute("SELECT 1 FROM partijen WHERE naam = ? AND id != ?", (label, partij)).fetchone():
        n += 1
        label = f"{basis}-{n}"
    return label


def text_columns(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """Every (table, column) of the logbook that holds text a person typed or imported: names,
    summaries, decisions, notes. Not ``meta`` and not the ``sleutel`` columns (hashes that keep an
    import from adding an entry twice)."""
    tabellen = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [
        (tabel, kolom["name"])
        for tabel in tabellen
        if tabel != "meta" and not tabel.startswith("sqlite_")
        for kolom in db.execute(f"PRAGMA table_info({tabel})")
        if str(kolom["type"]).upper() == "TEXT" and kolom["name"] != "sleutel"
    ]


def replace_name(db: sqlite3.Connection, oud: str, nieuw: str) -> int:
    """Replace the name ``oud`` by ``nieuw`` in every text column (as a whole name, in any case, with
    any spaces between its words). Returns the number of fields changed."""
    patroon = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, oud.split())) + r"(?!\w)", re.IGNORECASE)
    plaatsen = 0
    for tabel, kolom in text_columns(db):
        for rowid, waarde in db.execute(f"SELECT rowid, {kolom} FROM {tabel} WHERE {kolom} IS NOT NULL").fetchall():  # noqa: S608 - names from the schema
            vervangen = patroon.sub(nieuw, str(waarde))
            if vervangen == waarde:
                continue
            try:
                db.execute(f"UPDATE {tabel} SET {kolom} = ? WHERE rowid = ?", (vervangen, rowid))  # noqa: S608
            except sqlite3.IntegrityError:
                raise UserError(f"{tabel}: {kolom}: met {nieuw!r} in plaats van {oud!r} staat {vervangen!r} er twee "
                                "keer in; pas een van beide eerst aan (er is niets veranderd)") from None  # fmt: skip
            plaatsen += 1
    return plaatsen


def everything_about(db: sqlite3.Connection, naam: str) -> dict[str, Any]:
    """Everything the logbook holds about one party (the right of access)."""
    partij = party_id(db, naam)
    gegevens = dict(db.execute("SELECT * FROM partijen WHERE id = ?", (partij,)).fetchone())
    gesprekken = [
        g for g in rows(db, "gesprekken") if naam.lower() in [p.lower() for p in str(g["partijen"]).split(";")]
    ]
    besluiten = [
        b for b in rows(db, "besluiten")
        if naam.lower() in [p.lower() for p in f"{b['betreft']};{b['gecommuniceerd_aan']}".split(";")]
    ]  # fmt: skip
    communicatie = [c for c in rows(db, "communicatie") if c["partij"].lower() == naam.lower()]
    activiteiten = [
        a for a in rows(db, "activiteiten") if naam.lower() in [p.lower() for p in str(a["doelgroep"]).split(";")]
    ]
    ids = {a["id"] for a in activiteiten}
    inbreng = [i for i in rows(db, "inbreng") if i["activiteit"] in ids]
    return {"partij": gegevens, "gesprekken": gesprekken, "besluiten": besluiten, "communicatie": communicatie,
            "activiteiten": activiteiten, "inbreng": inbreng}  # fmt: skip
