"""A live workshop: the groups in the room score the statements from their own phone or laptop, and
the trainer sees the harvest grow.

One SQLite file per session (``workshop-<code>.sqlite``, see :mod:`toolkit.base.sqlite_store`): every
submission is stored the moment it arrives, in one transaction, so a server that is killed loses no
submitted answer and a restart shows them again. A session has two codes: the *session code* the
groups need (printed on the trainer's screen and in the QR link) and the *trainer code* for the
trainer's page. Limits on names, notes and the number of groups give one clear line, never a crash.
"""

from __future__ import annotations

import hmac
import os
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from toolkit.base import (
    UserError,
    check_range,
    clean_text,
    csv_text,
    ensure_dir,
    fold,
    open_store,
    run_script,
    scrub,
    shown_path,
    slugify,
    t,
    transaction,
    write_text_atomic,
)
from toolkit.content import lesson_numbers, lesson_range_text

from .workshop import CSV_KOLOMMEN, Antwoord, check_answer, statement_ids

APP = "warmtelessen-workshop-live"

#: Letters and digits that cannot be mistaken for one another when read off a screen.
ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
#: Codes the toolkit makes (the session code, the app's access code): 32**8, about 10**12, to guess
#: from, at five guesses a minute per device (``toolkit.app.limiter``).
CODE_LENGTE = 8
TRAINER_CODE_LENGTE = 8
#: The shortest access code a person may choose (``app --code``), counting letters and digits.
MIN_CODE_LENGTE = 8
MAX_GROEPNAAM = 40
MAX_NOTITIE = 500
MAX_GROEPEN = 80
#: How many groups one device (one browser) may start: a table shares a phone now and then, but
#: one page cannot fill the session.
MAX_GROEPEN_PER_APPARAAT = 3


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


def _v2(db: sqlite3.Connection) -> None:
    """Which device started a group (a random id in a cookie, nothing about the person), and the
    group's key looked up fast (the page finds its own group again after a reload or a restart)."""
    run_script(
        db,
        """
        ALTER TABLE groepen ADD COLUMN apparaat TEXT NOT NULL DEFAULT '';
        CREATE INDEX groepen_sleutel ON groepen(sleutel);
        CREATE INDEX groepen_apparaat ON groepen(apparaat);
        """,
    )


def _v3(db: sqlite3.Connection) -> None:
    """Votes on the statement the trainer puts to the room: one per device and statement."""
    run_script(
        db,
        """
        CREATE TABLE stemmen (
            stelling TEXT NOT NULL, apparaat TEXT NOT NULL,
            keuze TEXT NOT NULL CHECK (keuze IN ('eens', 'oneens', 'weet_niet')),
            PRIMARY KEY (stelling, apparaat));
        """,
    )


MIGRATIES = [_v1, _v2, _v3]

#: What a group can answer to a statement put to the room.
KEUZES = ("eens", "oneens", "weet_niet")


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


def codes_match(getypt: str, code: str) -> bool:
    """Whether ``getypt`` is ``code`` as a person types it, compared in constant time (how long the
    comparison takes says nothing about how much of a guess was right)."""
    return hmac.compare_digest(normalise_code(getypt).encode(), normalise_code(code).encode())


def check_chosen_code(code: str, optie: str = "--code") -> str:
    """A code a person chose, as stored, or one line when it is too short to resist guessing."""
    schoon = normalise_code(code)
    if len(schoon) < MIN_CODE_LENGTE:
        raise UserError(f"{optie} {code}: kies minstens {MIN_CODE_LENGTE} letters of cijfers, zodat niemand de code "
                        f"raadt (bijv. {optie} {new_code()}; tekens als - en spaties tellen niet mee)")  # fmt: skip
    return schoon


@dataclass(frozen=True)
class Sessie:
    """A live workshop session: where its answers are, its codes, its lessons and language."""

    pad: Path
    code: str
    trainer_code: str
    lessen: tuple[int, ...]
    taal: str
    bewaar_tot: date | None = None  # after this day the session is deleted (None: an old session file)

    def connect(self) -> sqlite3.Connection:
        db = open_store(self.pad, APP, MIGRATIES, "--map", "workshopsessie")
        # Each answer is on disk once the server says so, also when the server is killed; only a
        # power cut could take the last second (write-ahead log without a sync per answer: 60
        # groups sending at once wait for each other's disk otherwise).
        db.execute("PRAGMA synchronous = NORMAL")
        return db


def session_path(map_: Path, code: str) -> Path:
    return map_ / f"workshop-{normalise_code(code)}.sqlite"


#: How long a session's answers are kept when the trainer says nothing else (days).
BEWAAR_DAGEN = 30
BEWAAR_GRENS = (1, 365)


def new_session(map_: Path, lessen: list[int], taal: str = "nl", bewaar_dagen: int = BEWAAR_DAGEN) -> Sessie:
    """Create a session with fresh codes in ``map_`` (which must be writable), kept for
    ``bewaar_dagen`` days."""
    check_range("--bewaar", bewaar_dagen, BEWAAR_GRENS, "dagen", BEWAAR_DAGEN)
    ensure_dir(map_, "--map")
    purge_expired(map_)
    bewaar_tot = date.today() + timedelta(days=bewaar_dagen)
    while True:
        code = new_code()
        if not session_path(map_, code).exists():
            break
    pad = session_path(map_, code)
    tijdelijk = pad.with_name(f".{pad.name}.nieuw")  # made whole, then renamed: never half a session
    sessie = Sessie(tijdelijk, code, new_code(TRAINER_CODE_LENGTE), tuple(lessen), taal, bewaar_tot)
    db = sessie.connect()
    try:
        with transaction(db):
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("code", code), ("trainer_code", sessie.trainer_code), ("lessen", ",".join(map(str, lessen))),
                 ("taal", taal), ("gemaakt", datetime.now().isoformat(timespec="seconds")),
                 ("bewaar_tot", bewaar_tot.isoformat())],
            )  # fmt: skip
        db.execute("PRAGMA journal_mode = DELETE")  # fold the write-ahead log in before the rename
    finally:
        db.close()
    tijdelijk.replace(pad)
    return Sessie(pad, code, sessie.trainer_code, sessie.lessen, taal, bewaar_tot)


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
    bewaar = meta.get("bewaar_tot")
    return Sessie(pad, meta["code"], meta["trainer_code"], lessen, meta.get("taal", "nl"),
                  date.fromisoformat(bewaar) if bewaar else None)  # fmt: skip


def _wipe(pad: Path) -> None:
    """Overwrite a file with zeros, then delete it: the answers are not left on the disk's free space
    for an undelete tool (as far as the file system writes in place)."""
    if not pad.exists():
        return
    with pad.open("r+b") as f:
        grootte = f.seek(0, 2)
        f.seek(0)
        for _ in range(0, grootte, 1 << 16):
            f.write(bytes(min(1 << 16, grootte - f.tell())))
        f.flush()
        os.fsync(f.fileno())
    pad.unlink()


def purge_expired(map_: Path, vandaag: date | None = None) -> list[str]:
    """Delete the sessions in ``map_`` kept past their day (and the files SQLite keeps beside them).
    Returns their codes. A file that is not a session is left alone."""
    vandaag = vandaag or date.today()
    weg = []
    for pad in sorted(map_.glob("workshop-*.sqlite")):
        try:
            sessie = read_session(pad)
        except UserError:
            continue
        if sessie.bewaar_tot is not None and sessie.bewaar_tot < vandaag:
            for bestand in (pad, pad.with_name(pad.name + "-wal"), pad.with_name(pad.name + "-shm")):
                _wipe(bestand)
            weg.append(sessie.code)
    return weg


class LiveFout(UserError):
    """A message for a group, in words the page shows in its own language: ``live.fout.<sleutel>``
    (as a line, in Dutch, everywhere else)."""

    def __init__(self, sleutel: str, **waarden: Any) -> None:
        self.sleutel, self.waarden = sleutel, waarden
        super().__init__(t(f"live.fout.{sleutel}", "nl", **waarden))

    def in_language(self, taal: str) -> str:
        return t(f"live.fout.{self.sleutel}", taal, **self.waarden)


def check_group_name(naam: str) -> str:
    """The group name as shown, or one line saying what is wrong with it."""
    naam = " ".join(clean_text(str(naam)).split())  # without what a paste brings along
    if not naam:
        raise LiveFout("naam_leeg")
    if len(naam) > MAX_GROEPNAAM:
        raise LiveFout("naam_lang", lengte=len(naam), max=MAX_GROEPNAAM)
    return naam


def check_answers(sessie: Sessie, naam: str, antwoorden: list[dict[str, Any]]) -> list[tuple[str, int, Any, str]]:
    """The answers as rows to store, or one line saying what is wrong with the first bad one."""
    bekend = statement_ids(sessie.taal)
    rijen = []
    for i, rij in enumerate(antwoorden, start=1):
        notitie = clean_text(str(rij.get("notitie") or "")).strip()
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
    return rijen


def submit(
    sessie: Sessie, groep: str, sleutel: str, antwoorden: list[dict[str, Any]], apparaat: str = "",
    db: sqlite3.Connection | None = None,
) -> int:  # fmt: skip
    """Store one group's answers (all at once, in one transaction). ``sleutel`` is the group's own
    key (kept by its page): with it a group corrects its answers, also after a reload or a restart,
    and may change its name; without it nobody takes a name already in use. ``apparaat`` is the
    device that starts a new group (at most :data:`MAX_GROEPEN_PER_APPARAAT`). ``db``: a connection
    the caller keeps open (the server's), else one is opened for this call.
    Returns the number of answers stored."""
    naam = check_group_name(groep)
    if not sleutel:
        raise LiveFout("geen_sleutel")
    rijen = check_answers(sessie, naam, antwoorden)
    eigen_db = db is None
    db = sessie.connect() if db is None else db
    try:
        with transaction(db):
            if db.execute("SELECT 1 FROM meta WHERE sleutel = 'afgesloten'").fetchone():
                raise LiveFout("afgesloten")
            eigen = db.execute("SELECT id, naam FROM groepen WHERE sleutel = ?", (sleutel,)).fetchone()
            ander = db.execute("SELECT id, naam FROM groepen WHERE gevouwen = ?", (fold(naam),)).fetchone()
            if ander is not None and (eigen is None or ander["id"] != eigen["id"]):
                raise LiveFout("naam_bezet", naam=ander["naam"])
            if eigen is None:
                aantal = db.execute("SELECT COUNT(*) FROM groepen").fetchone()[0]
                if aantal >= MAX_GROEPEN:
                    raise LiveFout("vol", aantal=aantal, max=MAX_GROEPEN)
                if apparaat:
                    van_hier = db.execute("SELECT COUNT(*) FROM groepen WHERE apparaat = ?", (apparaat,)).fetchone()[0]
                    if van_hier >= MAX_GROEPEN_PER_APPARAAT:
                        raise LiveFout("apparaat_vol", aantal=van_hier, max=MAX_GROEPEN_PER_APPARAAT)
                groep_id = db.execute(
                    "INSERT INTO groepen (naam, gevouwen, sleutel, ontvangen, apparaat) VALUES (?, ?, ?, ?, ?)",
                    (naam, fold(naam), sleutel, datetime.now().isoformat(timespec="seconds"), apparaat),
                ).lastrowid
            else:
                groep_id = eigen["id"]
                db.execute("UPDATE groepen SET naam = ?, gevouwen = ?, ontvangen = ? WHERE id = ?",
                           (naam, fold(naam), datetime.now().isoformat(timespec="seconds"), groep_id))  # fmt: skip
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
        if eigen_db:
            db.close()
    return len(rijen)


@dataclass(frozen=True)
class EigenGroep:
    """What a group sent, as its page shows it again: its name and, per statement, (score, note)."""

    naam: str
    antwoorden: dict[str, tuple[int | None, str]]


def own_group(sessie: Sessie, sleutel: str, db: sqlite3.Connection | None = None) -> EigenGroep | None:
    """The group whose key is ``sleutel``, or None (a new page, or a group the trainer removed)."""
    if not sleutel:
        return None
    eigen_db = db is None
    db = sessie.connect() if db is None else db
    try:
        rij = db.execute("SELECT id, naam FROM groepen WHERE sleutel = ?", (sleutel,)).fetchone()
        if rij is None:
            return None
        antwoorden = {
            a["stelling"]: (a["score"], a["notitie"])
            for a in db.execute("SELECT stelling, score, notitie FROM antwoorden WHERE groep_id = ?", (rij["id"],))
        }
    finally:
        if eigen_db:
            db.close()
    return EigenGroep(rij["naam"], antwoorden)


def remove_group(sessie: Sessie, naam: str) -> bool:
    """The trainer takes a group out (a test, a joke name); its answers go with it."""
    db = sessie.connect()
    try:
        with transaction(db):
            rij = db.execute("SELECT id FROM groepen WHERE gevouwen = ?", (fold(naam),)).fetchone()
            if rij is None:
                return False
            db.execute("DELETE FROM antwoorden WHERE groep_id = ?", (rij["id"],))
            db.execute("DELETE FROM groepen WHERE id = ?", (rij["id"],))
    finally:
        db.close()
    return True


def set_active_statement(sessie: Sessie, stelling: str | None) -> None:
    """The trainer puts ``stelling`` to the room (None: no statement open)."""
    if stelling is not None and stelling not in statement_ids(sessie.taal):
        raise UserError(f"stelling: onbekende stelling {stelling!r}")
    db = sessie.connect()
    try:
        with transaction(db):
            db.execute("DELETE FROM meta WHERE sleutel = 'actieve_stelling'")
            if stelling:
                db.execute("INSERT INTO meta VALUES ('actieve_stelling', ?)", (stelling,))
    finally:
        db.close()


def active_statement(sessie: Sessie, db: sqlite3.Connection | None = None) -> str | None:
    """The statement open for votes, or None."""
    eigen_db = db is None
    db = sessie.connect() if db is None else db
    try:
        rij = db.execute("SELECT waarde FROM meta WHERE sleutel = 'actieve_stelling'").fetchone()
    finally:
        if eigen_db:
            db.close()
    return str(rij[0]) if rij else None


def vote(sessie: Sessie, apparaat: str, stelling: str, keuze: str, db: sqlite3.Connection | None = None) -> None:
    """One device's vote on the open statement (a second vote replaces the first)."""
    if keuze not in KEUZES:
        raise LiveFout("keuze")
    eigen_db = db is None
    db = sessie.connect() if db is None else db
    try:
        with transaction(db):
            open_ = db.execute("SELECT waarde FROM meta WHERE sleutel = 'actieve_stelling'").fetchone()
            if open_ is None or open_[0] != stelling:
                raise LiveFout("stelling_dicht")
            db.execute("INSERT OR REPLACE INTO stemmen VALUES (?, ?, ?)", (stelling, apparaat, keuze))
    finally:
        if eigen_db:
            db.close()


def vote_counts(sessie: Sessie) -> dict[str, dict[str, int]]:
    """Per statement voted on: how many chose eens, oneens, weet_niet."""
    db = sessie.connect()
    try:
        rijen = db.execute("SELECT stelling, keuze, COUNT(*) FROM stemmen GROUP BY stelling, keuze").fetchall()
    finally:
        db.close()
    uit: dict[str, dict[str, int]] = {}
    for stelling, keuze, aantal in rijen:
        uit.setdefault(stelling, dict.fromkeys(KEUZES, 0))[keuze] = aantal
    return uit


def erase_answers(sessie: Sessie) -> None:
    """Erase every group and answer so that they cannot be read back from the file: SQLite
    overwrites what it deletes (``secure_delete``, see :func:`toolkit.base.open_store`), rebuilds the
    file without the freed pages and empties its write-ahead log (:func:`toolkit.base.scrub`). The
    session stays, closed: it takes no answers."""
    db = sessie.connect()
    try:
        with transaction(db):
            db.execute("DELETE FROM antwoorden")
            db.execute("DELETE FROM groepen")
            db.execute("DELETE FROM stemmen")
            db.execute("DELETE FROM meta WHERE sleutel = 'actieve_stelling'")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('afgesloten', ?)",
                       (datetime.now().isoformat(timespec="seconds"),))  # fmt: skip
        scrub(db)
    finally:
        db.close()


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
    namen: set[str] = set()
    for groep, rijen in per_groep.items():
        tekst = csv_text(CSV_KOLOMMEN, ([a.groep, a.les, a.stelling, "" if a.score is None else a.score, a.notitie]
                                        for a in rijen))  # fmt: skip
        stam = slugify(groep) or "groep"
        naam, n = stam, 1
        while naam in namen:  # "Tafel 1!" and "Tafel 1?" are two groups: two files
            n += 1
            naam = f"{stam}-{n}"
        namen.add(naam)
        write_text_atomic(map_ / f"{naam}.csv", tekst)
    return map_
