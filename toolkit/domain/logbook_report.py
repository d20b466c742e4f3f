"""What the logbook tells a wijk team: who was spoken to, what was decided, what they still owe whom.

Pure functions over an open logbook; the report notebook and the checklist both use them.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from . import logbook as lb

NIET_MEER_GESPROKEN_DAGEN = 91  # "the last 3 months"


def conversations_per_party(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Per party: number of conversations, the last date and the topics."""
    uit = []
    for p in lb.rows(db, "partijen"):
        gesprekken = [g for g in lb.rows(db, "gesprekken") if p["naam"] in str(g["partijen"]).split(";")]
        uit.append(
            {
                "partij": p["naam"],
                "type": p["type"],
                "aantal": len(gesprekken),
                "laatste": max((g["datum"] for g in gesprekken), default=""),
                "onderwerpen": sorted({g["onderwerp"] for g in gesprekken}),
            }
        )
    return uit


def uncommunicated(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Decisions (not withdrawn) not yet communicated to every party they concern. A decision that
    names no parties concerns every party in the logbook."""
    alle = [p["naam"] for p in lb.rows(db, "partijen")]
    uit = []
    for b in lb.rows(db, "besluiten"):
        if b["status"] == "ingetrokken":
            continue
        betreft = [n for n in str(b["betreft"]).split(";") if n] or alle
        gemeld = {n for n in str(b["gecommuniceerd_aan"]).split(";") if n}
        ontbreekt = [n for n in betreft if n not in gemeld]
        if ontbreekt:
            uit.append({"id": b["id"], "datum": b["datum"], "besluit": b["besluit"], "nog_informeren": ontbreekt})
    return uit


def overdue(db: sqlite3.Connection, peildatum: date) -> list[dict[str, Any]]:
    return [
        v for v in lb.rows(db, "vervolgacties")
        if v["deadline"] and not int(v["gedaan"] or 0) and date.fromisoformat(v["deadline"]) < peildatum
    ]  # fmt: skip


def not_spoken_to(
    db: sqlite3.Connection, peildatum: date, extra_groepen: list[str] | None = None
) -> list[dict[str, Any]]:
    """Parties (and groups from a checklist profile) without a conversation in the last 3 months."""
    grens = (peildatum - timedelta(days=NIET_MEER_GESPROKEN_DAGEN)).isoformat()
    per_partij = {p["partij"].lower(): p for p in conversations_per_party(db)}
    uit = []
    for naam in [p["partij"] for p in per_partij.values()] + [
        g for g in extra_groepen or [] if g.lower() not in per_partij
    ]:
        laatste = per_partij.get(naam.lower(), {}).get("laatste", "")
        if not laatste or laatste < grens:
            uit.append({"partij": naam, "laatste": laatste or "nooit"})
    return uit


def resident_summary(db: sqlite3.Connection, peildatum: date) -> dict[str, Any]:
    """Decisions and next steps for residents: no personal data (no contacts, roles, owners or
    who decided), only what was decided, why, and what happens next."""
    besluiten = [
        {"datum": b["datum"], "besluit": b["besluit"], "toelichting": b["toelichting"], "status": b["status"]}
        for b in lb.rows(db, "besluiten")
        if b["status"] in ("genomen", "herzien")
    ]
    volgende = [
        {"omschrijving": v["omschrijving"], "deadline": v["deadline"]}
        for v in lb.rows(db, "vervolgacties")
        if not int(v["gedaan"] or 0)
    ]
    return {"besluiten": besluiten, "volgende_stappen": sorted(volgende, key=lambda v: v["deadline"] or "9999")}


def stats(db: sqlite3.Connection) -> dict[str, int]:
    """Counts for the checklist's lesson-4 actions."""
    return {
        "gesprekken": len(lb.rows(db, "gesprekken")),
        "besluiten": len(lb.rows(db, "besluiten")),
        "partijen": len(lb.rows(db, "partijen")),
        "niet_gecommuniceerd": len(uncommunicated(db)),
    }


def report(db: sqlite3.Connection, peildatum: date, extra_groepen: list[str] | None = None) -> dict[str, Any]:
    return {
        "peildatum": peildatum.isoformat(),
        "per_partij": conversations_per_party(db),
        "gesprekken": lb.rows(db, "gesprekken"),
        "besluiten": lb.rows(db, "besluiten"),
        "niet_gecommuniceerd": uncommunicated(db),
        "te_laat": overdue(db, peildatum),
        "niet_gesproken": not_spoken_to(db, peildatum, extra_groepen),
        "bewoners": resident_summary(db, peildatum),
    }


def report_from_file(
    pad: Path, peildatum: date | None = None, extra_groepen: list[str] | None = None
) -> dict[str, Any]:
    """The report of the logbook in ``pad`` (refuses a file that is not a logbook)."""
    db = lb.connect(pad, maken=False)
    try:
        return report(db, peildatum or date.today(), extra_groepen)
    finally:
        db.close()
