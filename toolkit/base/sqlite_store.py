"""One SQLite file that more than one process writes to at once: the logbook, a live workshop.

Reliability, in this order of defence: every change is one transaction (``BEGIN IMMEDIATE`` takes
the write lock up front); write-ahead logging (WAL) so readers never block writers and a killed
process leaves the last committed state; a busy timeout so two processes writing both land; a
schema version (``PRAGMA user_version``) with migrations that run on open; a marker (``meta.app``)
so a file that belongs to something else is refused instead of changed. What is deleted or changed
is overwritten in the file (``secure_delete``, asked for on every connection: SQLite's own default
depends on how it was built).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from .errors import UserError, shown_path

Migration = Callable[[sqlite3.Connection], None]
T = TypeVar("T")


def run_script(db: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the current transaction (``executescript`` would commit first)."""
    for opdracht in sql.split(";"):
        if opdracht.strip():
            db.execute(opdracht)


def in_use(pad: Path, optie: str) -> UserError:
    """The line for a file another program holds (a write it has not finished, or, for
    :func:`erase_for_good`, the file open at all)."""
    return UserError(f"{shown_path(pad)}: {optie}: in gebruik door een ander programma; er is niets veranderd "
                     "(sluit dat programma en probeer het opnieuw)")  # fmt: skip


def _busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def open_store(
    pad: Path, app: str, migraties: Sequence[Migration], optie: str, wat: str, wacht: float = 30.0,
    maken: bool = True,
) -> sqlite3.Connection:  # fmt: skip
    """Open (or, with ``maken``, create) the store ``app`` at ``pad`` and bring its schema up to date.

    The first migration must create ``meta(sleutel, waarde)`` and insert ``('app', app)``. A file
    that is not such a store is refused with one line: ``<pad>: <optie>: geen <wat> van warmtelessen``;
    a file another program is writing to, after ``wacht`` seconds, with :func:`in_use`.
    Without ``maken`` (a command that only reads), a file that is not there is refused too: a typing
    error never becomes a new, empty store.
    """
    naam = shown_path(pad)
    nieuw = not pad.exists() or pad.stat().st_size == 0
    if pad.exists() and pad.is_dir():
        raise UserError(f"{naam}: {optie}: is een map, geen {wat}bestand")
    if not maken and not pad.exists():
        raise UserError(f"{naam}: {optie}: bestand bestaat niet (controleer de naam van het {wat}bestand)")
    try:
        db = sqlite3.connect(pad, timeout=wacht, isolation_level=None)
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {int(wacht * 1000)}")
        db.execute("PRAGMA secure_delete = ON")
        if not nieuw:
            tabellen = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            eigen = db.execute("SELECT waarde FROM meta WHERE sleutel='app'").fetchone() if "meta" in tabellen else None
            if eigen is None or eigen[0] != app:
                db.close()
                raise UserError(
                    f"{naam}: {optie}: geen {wat} van warmtelessen (kies een nieuw bestand of het juiste {wat})"
                )
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        _migrate(db, migraties, wat)
    except sqlite3.OperationalError as exc:
        if _busy(exc):
            raise in_use(pad, optie) from None
        raise UserError(f"{naam}: {optie}: geen {wat} van warmtelessen ({exc})") from None
    except sqlite3.DatabaseError as exc:
        raise UserError(f"{naam}: {optie}: geen {wat} van warmtelessen ({exc})") from None
    except OSError as exc:
        raise UserError(f"{naam}: {optie}: kan niet openen: {exc.strerror or exc}") from None
    return db


def _migrate(db: sqlite3.Connection, migraties: Sequence[Migration], wat: str) -> None:
    with transaction(db):
        versie = db.execute("PRAGMA user_version").fetchone()[0]
        if versie > len(migraties):
            raise UserError(
                f"{wat} heeft schemaversie {versie}; "
                f"deze toolkit kent tot en met {len(migraties)} (werk de toolkit bij)"
            )
        for nummer in range(versie, len(migraties)):
            migraties[nummer](db)
            db.execute(f"PRAGMA user_version = {nummer + 1}")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing change (BEGIN IMMEDIATE takes the write lock up front)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def scrub(db: sqlite3.Connection) -> bool:
    """Leave no trace of what was deleted: rebuild the file without its freed pages (``VACUUM``) and
    empty the write-ahead log, which holds the pages as they were, into it. False when a read in
    another connection kept the log from being emptied."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("VACUUM")
    return bool(db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0)


def erase_for_good(db: sqlite3.Connection, pad: Path, optie: str, wijzig: Callable[[sqlite3.Connection], T]) -> T:
    """Run ``wijzig`` in one transaction with the file to this connection alone, then :func:`scrub`
    it, so that nothing it erased can be read back from the file or the files beside it.

    While another program has the file open (even without writing: it could read the old pages, and
    it keeps the log from being emptied) this waits the connection's busy timeout and then refuses
    with :func:`in_use`, having changed nothing."""
    db.execute("PRAGMA locking_mode = EXCLUSIVE")  # held until the connection closes
    try:
        db.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as exc:
        if _busy(exc):
            raise in_use(pad, optie) from None
        raise
    try:
        uit = wijzig(db)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    scrub(db)
    return uit
