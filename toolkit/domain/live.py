"""A live workshop: the groups in the room score the statements from their own phone or laptop, and
the trainer sees the harvest grow.

One SQLite file per session (``workshop-<code>.sqlite``, see :mod:`toolkit.base.sqlite_store`): every
submission is stored the moment it arrives, in one transaction, so a server that is killed loses no
submitted answer and a restart shows them again. A session has two codes: the *session code* the
groups need (printed on the trainer's screen and in the QR link) and the *trainer code* for the
trainer's page. Limits on names, notes and the number of groups give one clear line, never a crash.
"""

from __future__ import annotations

import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from toolkit.base import (
    UserError,
    csv_text,
    ensure_dir,
    fold,
    open_store,
    run_script,
    shown_path,
    slugify,
    transaction,
    write_text_atomic,
)
from toolkit.content import lesson_numbers, lesson_range_text

from .workshop import CSV_KOLOMMEN, Antwoord, check_answer, statement_ids

APP = "warmtelessen-workshop-live"

#: Letters and digits that cannot be mistaken for one another when read off a screen.
ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTE = 6
TRAINER_CODE_LENGTE = 8
MAX_GROEPNAAM = 40
MAX_NOTITIE = 500
MAX_GROEPEN = 40


def _v1(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL);
        CREATE TABLE groepen (
            id INTEGER PRIMARY KEY, naam TEXT NOT NULL, gevouwen TEXT NOT NULL UNIQUE, sleutel TEXT NOT NULL,
            ontvangen TEXT NOT NULL);
        CREATE TABLE antwoorden (
            groep_id INTEGER NOT NULL REFERENCES groepen(id), stelling TEXT NOT NULL, les INTEGER NOT NULL,
            score INTEGER, notitie TEXT NOT NULL DEFAULT '', PRIMARY KEY (groep_id, stelling));
        """,
    )
    db.execute("INSERT INTO meta VALUES ('app', ?)", (APP,))


MIGRATIES = [_v1]


def parse_lessons(tekst: str) -> list[int]:
    """``--lessen 3,4`` -> [3, 4]; empty is every lesson. One line for an unknown lesson."""

    lessen: list[int] = []
    for deel in str(tekst or "").replace(";", ",").split(","):
        if not deel.strip():
            continue
        try:
            nummer = int(deel)
        except ValueError:
            nummer = 0
        if nummer not in lesson_numbers():
            raise UserError(
                f"--lessen: onbekende les {deel.strip()!r} (toegestaan: {lesson_range_text()}, bijv. --lessen 3,4)"
            )
        if nummer not in lessen:
            lessen.append(nummer)
    return lessen or list(lesson_numbers())


def new_code(lengte: int = CODE_LENGTE) -> str:
    return "".join(secrets.choice(ALFABET) for _ in range(lengte))


def normalise_code(code: str) -> str:
    """What a person types ("abc 123", "abc-123") -> the code as stored ("ABC123")."""
    return "".join(c for c in code.upper() if c.isalnum())


@dataclass(frozen=True)
class Sessie:
    """A live workshop session: where its answers are, its codes, its lessons and language."""

    pad: Path
    code: str
    trainer_code: str
    lessen: tuple[int, ...]
    taal: str

    def connect(self) -> sqlite3.Connection:
        return open_store(self.pad, APP, MIGRATIES, "--map", "workshopsessie")


def session_path(map_: Path, code: str) -> Path:
    return map_ / f"workshop-{normalise_code(code)}.sqlite"


def new_session(map_: Path, lessen: list[int], taal: str = "nl") -> Sessie:
    """Create a session with fresh codes in ``map_`` (which must be writable)."""
    ensure_dir(map_, "--map")
    while True:
        code = new_code()
        if not session_path(map_, code).exists():
            break
    pad = session_path(map_, code)
    tijdelijk = pad.with_name(f".{pad.name}.nieuw")  # made whole, then renamed: never half a session
    sessie = Sessie(tijdelijk, code, new_code(TRAINER_CODE_LENGTE), tuple(lessen), taal)
    db = sessie.connect()
    try:
        with transaction(db):
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("code", code), ("trainer_code", sessie.trainer_code), ("lessen", ",".join(map(str, lessen))),
                 ("taal", taal), ("gemaakt", datetime.now().isoformat(timespec="seconds"))],
            )  # fmt: skip
        db.execute("PRAGMA journal_mode = DELETE")  # fold the write-ahead log in before the rename
    finally:
        db.close()
    tijdelijk.replace(pad)
    return Sessie(pad, code, sessie.trainer_code, sessie.lessen, taal)


def open_session(map_: Path, code: str) -> Sessie:
    """An existing session (``--sessie CODE``), to go on after a restart."""
    pad = session_path(map_, code)
    if not pad.is_file():
        bestaand = sorted(p.stem.removeprefix("workshop-") for p in map_.glob("workshop-*.sqlite"))
        raise UserError(
            f"--sessie {code}: onbekende sessie in {shown_path(map_)} "
            f"({'bestaande sessies: ' + ', '.join(bestaand) if bestaand else 'er is nog geen sessie'})"
        )
    return read_session(pad)


def read_session(pad: Path) -> Sessie:
    db = open_store(pad, APP, MIGRATIES, "--sessie", "workshopsessie")
    meta = {r["sleutel"]: r["waarde"] for r in db.execute("SELECT sleutel, waarde FROM meta")}
    db.close()
    lessen = tuple(int(x) for x in meta.get("lessen", "").split(",") if x)
    return Sessie(pad, meta["code"], meta["trainer_code"], lessen, meta.get("taal", "nl"))


def check_group_name(naam: str) -> str:
    """The group name as shown, or one line saying what is wrong with it."""
    naam = " ".join(str(naam).split())
    if not naam:
        raise UserError("groep: vul de naam van uw groep in")
    if len(naam) > MAX_GROEPNAAM:
        raise UserError(f"groep: naam is {len(naam)} tekens (hooguit {MAX_GROEPNAAM})")
    return naam


def submit(sessie: Sessie, groep: str, sleutel: str, antwoorden: list[dict[str, Any]]) -> int:
    """Store one group's answers (all at once, in one transaction); a group sends again to correct
    them. ``sleutel`` is the group's own page: another page cannot take a name already in use.
    Returns the number of answers stored."""
    naam = check_group_name(groep)
    bekend = statement_ids(sessie.taal)
    rijen = []
    for i, rij in enumerate(antwoorden, start=1):
        notitie = str(rij.get("notitie") or "").strip()
        if len(notitie) > MAX_NOTITIE:
            raise UserError(f"{rij.get('stelling')}: notitie is {len(notitie)} tekens (hooguit {MAX_NOTITIE})")
        antwoord, fout = check_answer(naam, rij.get("les", ""), rij.get("stelling", ""), rij.get("score"), bekend,
                                str(rij.get("stelling") or f"antwoord {i}"))  # fmt: skip
        if fout or antwoord is None:
            raise UserError(fout)
        if sessie.lessen and antwoord.les not in sessie.lessen:
            raise UserError(
                f"{antwoord.stelling}: hoort niet bij deze workshop (lessen {', '.join(map(str, sessie.lessen))})"
            )
        rijen.append((antwoord.stelling, antwoord.les, antwoord.score, notitie))
    db = sessie.connect()
    try:
        with transaction(db):
            rij = db.execute("SELECT id, naam, sleutel FROM groepen WHERE gevouwen = ?", (fold(naam),)).fetchone()
            if rij is not None and rij["sleutel"] != sleutel:
                raise UserError(f"groep: er is al een groep '{rij['naam']}' (kies een andere naam)")
            if rij is None:
                aantal = db.execute("SELECT COUNT(*) FROM groepen").fetchone()[0]
                if aantal >= MAX_GROEPEN:
                    raise UserError(f"groep: deze sessie heeft al {aantal} groepen (hooguit {MAX_GROEPEN})")
                groep_id = db.execute(
                    "INSERT INTO groepen (naam, gevouwen, sleutel, ontvangen) VALUES (?, ?, ?, ?)",
                    (naam, fold(naam), sleutel, datetime.now().isoformat(timespec="seconds")),
                ).lastrowid
            else:
                groep_id = rij["id"]
                db.execute("DELETE FROM antwoorden WHERE groep_id = ?", (groep_id,))
            db.executemany(
                "INSERT INTO antwoorden (groep_id, stelling, les, score, notitie) VALUES (?, ?, ?, ?, ?)",
                [(groep_id, *r) for r in rijen],
            )
    except sqlite3.Error as exc:  # a full disk, a folder made read-only: say so, nothing half-stored
        raise UserError(
            f"{shown_path(sessie.pad)}: de antwoorden konden niet worden opgeslagen ({exc}); vraag de trainer"
        ) from None
    finally:
        db.close()
    return len(rijen)


def responses(sessie: Sessie) -> list[Antwoord]:
    """Every answer stored so far (the trainer's page reads this every few seconds)."""
    db = sessie.connect()
    try:
        rijen = db.execute(
            "SELECT g.naam, a.les, a.stelling, a.score, a.notitie FROM antwoorden a "
            "JOIN groepen g ON g.id = a.groep_id ORDER BY g.id, a.stelling"
        ).fetchall()
    finally:
        db.close()
    return [Antwoord(r["naam"], r["les"], r["stelling"], r["score"], r["notitie"]) for r in rijen]


def export_responses(sessie: Sessie, map_: Path) -> Path:
    """The answers as the CSV files ``workshop oogst`` reads (one per group), in ``map_``."""
    ensure_dir(map_, "--map")
    per_groep: dict[str, list[Antwoord]] = {}
    for a in responses(sessie):
        per_groep.setdefault(a.groep, []).append(a)
    for groep, rijen in per_groep.items():
        tekst = csv_text(CSV_KOLOMMEN, ([a.groep, a.les, a.stelling, "" if a.score is None else a.score, a.notitie]
                                        for a in rijen))  # fmt: skip
        write_text_atomic(map_ / f"{slugify(groep) or 'groep'}.csv", tekst)
    return map_
