"""The cases as plain tables for analysis elsewhere (R, Excel, a database): one row per thing, a
``casus`` column in every table, lists spelled out, and the sources linked by key.

:func:`export_tables` builds the tables; the renderers in :mod:`toolkit.render.export` write them
as a Frictionless data package, and the sources as BibTeX and CSL-JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from toolkit.content import TABELLEN, Case, Datum, Herkomst, Warmteoplossing

#: Tables that have no id column get a row number (``nr``) per case, so they can be referred to.
ZONDER_ID = ("tijdlijn", "instrumenten")
LIJST_SCHEIDER = ";"


@dataclass(frozen=True)
class CaseExport:
    casussen: list[Case]
    tabellen: dict[str, list[dict[str, Any]]]  # table name -> rows (plain values)


def _value(waarde: Any) -> Any:
    if isinstance(waarde, Datum):
        return waarde.tekst
    if isinstance(waarde, list):
        return LIJST_SCHEIDER.join(map(str, waarde))
    return None if waarde == "onbekend" else waarde


def _case_row(casus: Case) -> dict[str, Any]:
    k = casus.kenmerken
    b = casus.beschrijving
    bereik = k.woningen.bereik or (None, None)
    return {
        "id": casus.id, "naam": casus.naam, "fictief": casus.fictief, "status": b.status,
        "samenvatting": b.samenvatting.nl, "samenvatting_en": b.samenvatting.en,
        "gemeente": k.gemeente.naam, "gemeente_code": _value(k.gemeente.cbs_code),
        "wijk": k.wijk.naam, "wijk_code": _value(k.wijk.cbs_code),
        "woningen": _value(k.woningen.waarde), "woningen_laagste": bereik[0], "woningen_hoogste": bereik[1],
        "koop_procent": _value(k.eigendom.koop), "corporatie_procent": _value(k.eigendom.corporatie),
        "particuliere_huur_procent": _value(k.eigendom.particuliere_huur),
        "bouwperiode_van": _value(k.bouwperiode.van), "bouwperiode_tot": _value(k.bouwperiode.tot),
        "aanleiding": _value(k.aanleiding.nl), "aanleiding_en": _value(k.aanleiding.en),
        "warmteoplossing": _value(k.warmteoplossing.nl), "warmteoplossing_en": _value(k.warmteoplossing.en),
        "gemeentelijke_rol": _value(k.gemeentelijke_rol.waarde),
        "stand_van_zaken": k.status.nl, "stand_van_zaken_en": k.status.en, "stand_datum": _value(k.status.datum),
    }  # fmt: skip


def _references(casus: Case) -> list[dict[str, Any]]:
    """Every source reference of a case: (table, row, source), from the tables and the kenmerken."""
    rijen: list[dict[str, Any]] = []
    for tabel in ("tijdlijn", "actoren", "instrumenten", "bewijs"):
        for nr, rij in enumerate(casus.rijen.table(tabel), start=1):
            sleutel = str(nr) if tabel in ZONDER_ID else rij["id"]
            rijen += [{"casus": casus.id, "tabel": tabel, "rij": sleutel, "bron": b} for b in rij["bronnen"]]
    for naam, kenmerk in casus.kenmerken:
        stukken: list[tuple[str, Herkomst]] = [(naam, kenmerk)]
        if isinstance(kenmerk, Warmteoplossing):
            stukken += [(f"{naam}.verloop[{i}]", stap) for i, stap in enumerate(kenmerk.verloop, start=1)]
        rijen += [{"casus": casus.id, "tabel": "casus", "rij": f"kenmerken.{veld}", "bron": b}
                  for veld, stuk in stukken for b in stuk.bronnen]  # fmt: skip
    return rijen


def export_tables(casussen: list[Case]) -> CaseExport:
    """The tables of ``casussen``: ``casussen`` (one row per case, its kenmerken as columns), the five
    case tables with a ``casus`` column, and ``verwijzingen`` (which row cites which source)."""
    tabellen: dict[str, list[dict[str, Any]]] = {"casussen": [_case_row(c) for c in casussen]}
    for tabel, kolommen in TABELLEN.items():
        rijen = []
        for casus in casussen:
            for nr, rij in enumerate(casus.rijen.table(tabel), start=1):
                uit: dict[str, Any] = {"casus": casus.id} | ({"nr": nr} if tabel in ZONDER_ID else {})
                uit |= {k.naam: _value(rij.get(k.naam)) for k in kolommen}
                rijen.append(uit)
        tabellen[tabel] = rijen
    tabellen["verwijzingen"] = [r for c in casussen for r in _references(c)]
    return CaseExport(casussen, tabellen)
