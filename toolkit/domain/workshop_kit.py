"""The workshop kit's contents: the agenda, the lessons, the case names and, with ``--gemeente``,
that municipality's figures and top actions. The renderers in :mod:`toolkit.render.workshop` turn a
:class:`WorkshopKit` into the agenda, slides, handouts and the paper self-assessment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit.base import UserError, t
from toolkit.content import Les, case_names, kennisbank

from .checklist import build
from .workshop import PUBLIEK, Blok, agenda


@dataclass(frozen=True)
class WorkshopKit:
    blokken: list[Blok]
    lessen: list[Les]  # the lessons of the session, in the order asked
    alle_lessen: dict[int, Les]
    publiek: str
    gemeente: dict[str, Any] | None  # naam, cijfers, acties
    casus_namen: dict[str, str]
    kop: str


def municipality_context(gemeente: str, taal: str) -> dict[str, Any]:
    """Figures and the top actions of a profile with only this municipality (the example profile)."""

    checklist = build({"gemeente": gemeente}, taal, bestand="--gemeente")
    top = [a for a in checklist["acties"] if a["prioriteit"] == "hoog"][:6] or checklist["acties"][:6]
    return {"naam": checklist["context"]["gemeente"], "cijfers": checklist["context"]["cijfers"], "acties": top}


def prepare_kit(
    lessen_nrs: list[int], minuten: int, taal: str = "nl", publiek: str = "gemengd", gemeente: str | None = None
) -> WorkshopKit:
    """Check the request (audience, minutes, lessons, municipality) and gather the kit's contents."""

    if publiek not in PUBLIEK:
        raise UserError(f"--publiek: onbekend publiek {publiek!r} (toegestaan: {', '.join(PUBLIEK)})")
    blokken = agenda(lessen_nrs, minuten)  # checks the minutes before anything is written
    kb = kennisbank()
    lessen = [kb.lesson(n, taal) for n in lessen_nrs]
    gemeente_ctx = municipality_context(gemeente, taal) if gemeente else None
    kop = f"{t('agenda', taal)} — Warmtelessen" + (f" — {gemeente_ctx['naam']}" if gemeente_ctx else "")
    alle = {les.nummer: les for les in kb.lessons(taal)}
    return WorkshopKit(blokken, lessen, alle, publiek, gemeente_ctx, case_names(), kop)
