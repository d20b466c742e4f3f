"""The facts of the participation report (*verslag van participatie*), read from a logbook.

A council decision on a warmteprogramma or a wijk plan has to say how people were involved and
what came of it. :func:`participation_facts` gathers what the logbook holds for that, per section
of the report, and nothing else: every fact keeps the ids of the entries it comes from, so the
report can say where each sentence comes from (``[A3]`` activity 3, ``[I12]`` input 12, ``[B2]``
decision 2, ``[C5]`` communication 5, ``[G1]`` conversation 1, ``[P4]`` party 4).

No contact details ever leave this module: parties are read without their contact person and
contact field, and free text that holds a party's contact detail, an e-mail address or a phone
number shows :data:`WEGGELATEN` in its place (:func:`without_contacts`).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from toolkit.base import UserError
from toolkit.content import TREDEN

from . import logbook as lb

#: The sections of the report, in order (their headings are ``verslag.sectie.<key>``).
SECTIES: tuple[str, ...] = (
    "waarover",
    "wie_raakt_het",
    "bereik",
    "hoe",
    "inbreng",
    "eens_oneens",
    "gedaan",
    "teruggekoppeld",
    "open_punten",
)

#: What stands in the report where free text held a contact detail.
WEGGELATEN = "[…]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A Dutch phone number: 0 or +31/0031, then nine digits, with spaces, dashes or brackets between.
_TELEFOON = re.compile(r"(?<![\w+])(?:\+31|0031|0)[\s\-()]*(?:\d[\s\-()]*){8}\d(?!\d)")


def without_contacts(tekst: str, bekend: tuple[str, ...] = ()) -> str:
    """``tekst`` with every contact detail in ``bekend`` (the parties' contact fields), every
    e-mail address and every phone number replaced by :data:`WEGGELATEN`."""
    for waarde in bekend:
        if waarde and len(waarde) >= 4:
            tekst = re.sub(re.escape(waarde), WEGGELATEN, tekst, flags=re.IGNORECASE)
    return _TELEFOON.sub(WEGGELATEN, _EMAIL.sub(WEGGELATEN, tekst))


@dataclass(frozen=True)
class Partij:
    id: int
    naam: str
    type: str


@dataclass(frozen=True)
class Activiteit:
    id: int
    datum: str
    vorm: str
    onderwerp: str
    doelgroep: tuple[str, ...]
    uitgenodigd: int | None
    deelnemers: int | None
    trede: str
    fase: str
    toelichting: str


@dataclass(frozen=True)
class Inbreng:
    id: int
    activiteit: int
    onderwerp: str  # the subject of its activity
    inbreng: str
    standpunt: str
    verwerking: str
    toelichting: str


@dataclass(frozen=True)
class Melding:
    """A decision shared with a party: through which channel, when (communication ``id``)."""

    id: int
    partij: str
    kanaal: str
    datum: str


@dataclass(frozen=True)
class Besluit:
    id: int
    datum: str
    besluit: str
    trede: str
    status: str
    toelichting: str
    betreft: tuple[str, ...]  # the parties it concerns (all parties when the logbook names none)
    gemeld: tuple[Melding, ...]
    niet_gemeld: tuple[str, ...]  # parties it concerns that were not told


@dataclass(frozen=True)
class Gesprek:
    id: int
    datum: str
    onderwerp: str
    partijen: tuple[str, ...]


@dataclass
class Participatie:
    """What the logbook holds for the report, for the period ``van`` … ``tot`` (empty: no bound)."""

    van: str
    tot: str
    partijen: list[Partij]
    activiteiten: list[Activiteit]
    inbreng: list[Inbreng]
    besluiten: list[Besluit]
    #: conversations in the period (the report names them for parties no activity reached)
    gesprekken: list[Gesprek] = field(default_factory=list)

    @property
    def leeg(self) -> bool:
        """Nothing logged (in the period): no parties, activities, input or decisions."""
        return not (self.partijen or self.activiteiten or self.inbreng or self.besluiten)

    @property
    def eerste(self) -> str:
        datums = [a.datum for a in self.activiteiten] + [b.datum for b in self.besluiten]
        return min(datums, default="")

    @property
    def laatste(self) -> str:
        datums = [a.datum for a in self.activiteiten] + [b.datum for b in self.besluiten]
        return max(datums, default="")

    @cached_property
    def bereikt(self) -> set[str]:
        """The parties (lower case) some activity was for."""
        return {n.lower() for a in self.activiteiten for n in a.doelgroep}

    @cached_property
    def niet_bereikt(self) -> list[Partij]:
        """Parties in the logbook that no activity (in the period) was for."""
        return [p for p in self.partijen if p.naam.lower() not in self.bereikt]

    def conversations_with(self, naam: str) -> list[Gesprek]:
        return [g for g in self.gesprekken if naam.lower() in (n.lower() for n in g.partijen)]

    @property
    def vooraf_besloten(self) -> list[Besluit]:
        """Decisions taken (not intended, not withdrawn) before the first activity: fixed
        beforehand. None when there were no activities."""
        begin = min((a.datum for a in self.activiteiten), default="")
        return [b for b in self.besluiten if begin and b.datum < begin and b.status in ("genomen", "herzien")]

    @property
    def voorgenomen(self) -> list[Besluit]:
        return [b for b in self.besluiten if b.status == "voorgenomen"]

    @property
    def open_inbreng(self) -> list[Inbreng]:
        """Input with nothing settled yet (``verwerking: open``)."""
        return [i for i in self.inbreng if i.verwerking == "open"]

    @property
    def zonder_reden(self) -> list[Inbreng]:
        """Input partly or not taken over, without the reason why."""
        return [i for i in self.inbreng if i.verwerking in ("deels", "niet") and not i.toelichting]

    @property
    def niet_teruggekoppeld(self) -> list[Besluit]:
        return [b for b in self.besluiten if b.niet_gemeld and b.status != "ingetrokken"]

    @property
    def aantallen_onbekend(self) -> list[Activiteit]:
        return [a for a in self.activiteiten if a.uitgenodigd is None or a.deelnemers is None]

    def empty_sections(self) -> list[str]:
        """The sections of :data:`SECTIES` the logbook has nothing for yet (``open_punten`` is
        empty when there is nothing left to settle, which is good: it is never listed)."""
        heeft = {
            "waarover": bool(self.activiteiten or self.besluiten),
            "wie_raakt_het": bool(self.partijen),
            "bereik": bool(self.activiteiten),
            "hoe": bool(self.activiteiten),
            "inbreng": bool(self.inbreng),
            "eens_oneens": any(i.standpunt != "vraag" for i in self.inbreng),
            "gedaan": any(i.verwerking != "open" for i in self.inbreng),
            "teruggekoppeld": any(b.status != "ingetrokken" for b in self.besluiten),
            "open_punten": True,
        }
        return [s for s in SECTIES if not heeft[s]]


def _in_period(datum: str, van: str, tot: str) -> bool:
    return (not van or datum >= van) and (not tot or datum <= tot)


def _number(waarde: Any) -> int | None:
    return int(waarde) if str(waarde).strip().isdigit() else None


def check_period(van: str, tot: str) -> None:
    """Refuses a period whose start comes after its end."""
    if van and tot and van > tot:
        raise UserError(f"--van: {van} ligt na --tot {tot} (kies een begin dat vóór het einde ligt)")


def participation_facts(db: sqlite3.Connection, van: str = "", tot: str = "") -> Participatie:
    """The facts of the participation report for the period ``van`` … ``tot`` (ISO dates; empty:
    no bound). Parties have no date: all of them count."""
    check_period(van, tot)
    contacten = tuple(
        str(r[0]).strip() for r in db.execute("SELECT contact FROM partijen WHERE contact IS NOT NULL") if r[0]
    )

    def schoon(tekst: Any) -> str:
        return without_contacts(str(tekst or ""), contacten)

    partijen = [Partij(int(p["id"]), p["naam"], p["type"]) for p in lb.rows(db, "partijen")]
    activiteiten = [
        Activiteit(int(a["id"]), a["datum"], a["vorm"], schoon(a["onderwerp"]), tuple(lb.split_names(a["doelgroep"])),
                   _number(a["uitgenodigd"]), _number(a["deelnemers"]), a["trede"], a["fase"], schoon(a["toelichting"]))
        for a in lb.rows(db, "activiteiten")
        if _in_period(a["datum"], van, tot)
    ]  # fmt: skip
    onderwerp = {a.id: a.onderwerp for a in activiteiten}
    inbreng = [
        Inbreng(int(i["id"]), int(i["activiteit"]), onderwerp[int(i["activiteit"])], schoon(i["inbreng"]),
                i["standpunt"], i["verwerking"], schoon(i["toelichting"]))
        for i in lb.rows(db, "inbreng")
        if int(i["activiteit"]) in onderwerp
    ]  # fmt: skip
    alle = [p.naam for p in partijen]
    meldingen: dict[int, list[Melding]] = {}
    for c in lb.rows(db, "communicatie"):
        if c["besluit_id"] != "" and _in_period(c["datum"], "", tot):  # told by the end of the period
            meldingen.setdefault(int(c["besluit_id"]), []).append(
                Melding(int(c["id"]), c["partij"], c["kanaal"], c["datum"])
            )
    besluiten = []
    for b in lb.rows(db, "besluiten"):
        if not _in_period(b["datum"], van, tot):
            continue
        betreft = tuple(lb.split_names(b["betreft"])) or tuple(alle)
        gemeld = tuple(meldingen.get(int(b["id"]), []))
        verteld = {m.partij.lower() for m in gemeld}
        niet = tuple(n for n in betreft if n.lower() not in verteld)
        besluiten.append(Besluit(int(b["id"]), b["datum"], schoon(b["besluit"]), b["trede"], b["status"],
                                 schoon(b["toelichting"]), betreft, gemeld, niet))  # fmt: skip
    gesprekken = [
        Gesprek(int(g["id"]), g["datum"], schoon(g["onderwerp"]), tuple(lb.split_names(g["partijen"])))
        for g in lb.rows(db, "gesprekken")
        if _in_period(g["datum"], van, tot)
    ]
    return Participatie(van, tot, partijen, activiteiten, inbreng, besluiten, gesprekken)


def participation_from_file(pad: Path, van: str = "", tot: str = "") -> Participatie:
    """The facts of the logbook in ``pad`` (refuses a file that is not a logbook, and a missing one)."""
    check_period(van, tot)
    db = lb.connect(pad, maken=False)
    try:
        return participation_facts(db, van, tot)
    finally:
        db.close()


def ladder_position(trede: str) -> int:
    """The rung's place on the ladder, 0 (informeren) upwards; an unknown rung at the top."""
    return TREDEN.index(trede) if trede in TREDEN else len(TREDEN)
