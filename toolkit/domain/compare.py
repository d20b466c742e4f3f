"""Cross-case comparison: tables a researcher can re-run as the case data grows.

Every function takes loaded cases and returns a pandas DataFrame; ``tables()`` bundles them. A case
added with ``warmtelessen casus nieuw`` appears here without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from toolkit.base import UserError, column
from toolkit.content import (
    ACTORTYPES,
    TREDEN,
    Case,
    case_ids,
    kennisbank,
    lesson_numbers,
    lesson_range_text,
    load_case,
    load_cases,
)

if TYPE_CHECKING:
    import pandas as pd

#: Weight of a piece of evidence by strength; a counter-example counts negative.
GEWICHT = {"sterk": 3, "matig": 2, "zwak": 1}
TABELNAMEN = (
    "bewijsmatrix",
    "bewijs_telling",
    "tijdlijnen",
    "instrumenten_per_trede",
    "actortypen",
    "rol_en_status",
    "open_vragen",
)


def evidence_matrix(casussen: list[Case], lessen: list[int]) -> pd.DataFrame:
    """Lesson x case score: sum of strength weights, illustreert positive, tegenvoorbeeld negative."""
    import pandas as pd

    data = {
        c.id: [
            sum(
                GEWICHT[r.sterkte] * (1 if r.soort == "illustreert" else -1)
                for r in c.bewijs.itertuples()
                if r.les == les
            )
            for les in lessen
        ]
        for c in casussen
    }
    return pd.DataFrame(data, index=pd.Index(lessen, name="les"))


def evidence_counts(casussen: list[Case], lessen: list[int]) -> pd.DataFrame:
    """Per case, lesson and kind: how many evidence rows (long format)."""
    import pandas as pd

    rijen = [
        {
            "casus": c.id,
            "les": les,
            "soort": soort,
            "aantal": int(((c.bewijs["les"] == les) & (c.bewijs["soort"] == soort)).sum()),
        }
        for c in casussen
        for les in lessen
        for soort in ("illustreert", "tegenvoorbeeld")
    ]
    return pd.DataFrame(rijen, columns=["casus", "les", "soort", "aantal"])


def timelines(casussen: list[Case], taal: str = "nl") -> pd.DataFrame:
    """All events on one axis: absolute date and years since the case's first event."""
    import pandas as pd

    delen = []
    for c in casussen:
        t = c.tijdlijn
        if t.empty:
            continue
        start = t["datum_begin"].min()
        delen.append(
            pd.DataFrame(
                {
                    "casus": c.id,
                    "datum": t["datum"],
                    "precisie": t["precisie"].astype(str),
                    "datum_begin": t["datum_begin"],
                    "jaar": t["jaar"],
                    "jaren_sinds_start": ((t["datum_begin"] - start).dt.days / 365.25).round(2),
                    "fase": t["fase"].astype(str),
                    "gebeurtenis": t[column(t.columns, "gebeurtenis", taal)],
                    "onzeker": t["onzeker"],
                    "bronnen": [";".join(b) for b in t["bronnen"]],
                }
            )
        )
    kolommen = [
        "casus",
        "datum",
        "precisie",
        "datum_begin",
        "jaar",
        "jaren_sinds_start",
        "fase",
        "gebeurtenis",
        "onzeker",
        "bronnen",
    ]
    return pd.concat(delen, ignore_index=True) if delen else pd.DataFrame(columns=kolommen)


def _count_by(casussen: list[Case], tabel: str, kolom: str, waarden: tuple[str, ...]) -> pd.DataFrame:
    import pandas as pd

    data = {c.id: [int((getattr(c, tabel)[kolom] == w).sum()) for w in waarden] for c in casussen}
    return pd.DataFrame(data, index=pd.Index(list(waarden), name=kolom)).T.rename_axis("casus")


def instruments_by_rung(casussen: list[Case]) -> pd.DataFrame:
    """Case x participation rung: number of instruments."""
    return _count_by(casussen, "instrumenten", "trede", TREDEN)


def actor_mix(casussen: list[Case]) -> pd.DataFrame:
    """Case x actor type: number of actors."""
    return _count_by(casussen, "actoren", "type", ACTORTYPES)


def roles_and_status(casussen: list[Case], taal: str = "nl") -> pd.DataFrame:
    """Municipal role (Platform31) and current status, side by side."""
    import pandas as pd

    rijen = []
    for c in casussen:
        k = c.kenmerken
        rijen.append(
            {
                "casus": c.id,
                "naam": c.naam,
                "fictief": c.fictief,
                "gemeente": k.gemeente.naam,
                "woningen": k.woningen.waarde,
                "woningen_laagste": k.woningen.bereik[0] if k.woningen.bereik else None,  # sources disagree:
                "woningen_hoogste": k.woningen.bereik[1] if k.woningen.bereik else None,  # the range they give
                "gemeentelijke_rol": k.gemeentelijke_rol.waarde,
                "status": k.status.in_language(taal),
                "status_datum": k.status.datum,
            }
        )
    return pd.DataFrame(rijen)


def open_questions(casussen: list[Case], taal: str = "nl") -> pd.DataFrame:
    """The open questions of every case."""
    import pandas as pd

    rijen = [{"casus": c.id, "vraag": v.in_language(taal)} for c in casussen for v in c.beschrijving.open_vragen]
    return pd.DataFrame(rijen, columns=["casus", "vraag"])


def tables(casussen: list[Case], lessen: list[int], taal: str = "nl") -> dict[str, pd.DataFrame]:
    return {
        "bewijsmatrix": evidence_matrix(casussen, lessen),
        "bewijs_telling": evidence_counts(casussen, lessen),
        "tijdlijnen": timelines(casussen, taal),
        "instrumenten_per_trede": instruments_by_rung(casussen),
        "actortypen": actor_mix(casussen),
        "rol_en_status": roles_and_status(casussen, taal),
        "open_vragen": open_questions(casussen, taal),
    }


@dataclass(frozen=True)
class Vergelijking:
    """The comparison report: its tables, and the titles of the lessons compared."""

    tabellen: dict[str, pd.DataFrame]
    titels: dict[int, str]
    casussen: list[str]
    lessen: list[int]


def comparison(
    casus_ids: list[str] | None, lessen: list[int] | None, taal: str = "nl", met_fictief: bool = False
) -> Vergelijking:
    """Compare the cases ``casus_ids`` (default: every real case that is not a concept; fictional
    ones too with ``met_fictief``) on ``lessen`` (default: all)."""

    gekozen, lesnummers = select(casus_ids, lessen, met_fictief)
    titels = {les.nummer: les.titel for les in kennisbank().lessons(taal)}
    return Vergelijking(tables(gekozen, lesnummers, taal), titels, [c.id for c in gekozen], lesnummers)


def select(
    casus_ids: list[str] | None, lessen: list[int] | None, met_fictief: bool = False
) -> tuple[list[Case], list[int]]:
    """The cases and lessons to compare. Default: every real case that is not a concept (with
    ``met_fictief`` the fictional ones too) and every lesson. Unknown ids give one clear error."""

    bekend = case_ids()
    onbekend = [c for c in casus_ids or [] if c not in bekend]
    if onbekend:
        raise UserError(f"--casussen: onbekende casus {onbekend[0]!r} (bekend: {', '.join(bekend)})")
    lessen = lessen or list(lesson_numbers())
    fout = [les for les in lessen if les not in lesson_numbers()]
    if fout:
        raise UserError(f"--lessen: onbekende les {fout[0]!r} (toegestaan: {lesson_range_text()})")
    if casus_ids:
        gekozen = [load_case(c) for c in casus_ids]
        concepten = [c.id for c in gekozen if c.concept]
        if concepten:
            raise UserError(f"--casussen: {concepten[0]} is nog een concept (vul de casus eerst in; zie valideer)")
    else:
        gekozen = [c for c in load_cases() if met_fictief or not c.fictief]
    return gekozen, sorted(set(lessen))
