"""Renderers for the cross-case comparison: one HTML fragment per part (the notebook shows them)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from toolkit.base import csv_text, frame_table, number, t, term
from toolkit.domain import Vergelijking

from .charts import heatmap, multi_timeline, stacked_bars
from .document import Document
from .registry import register, register_document, register_workbook
from .sheet import Werkblad, Werkboek, cell_text
from .templating import environment, page

if TYPE_CHECKING:
    import pandas as pd

DELEN = ("inleiding", "bewijsmatrix", "tijdlijnen", "instrumenten", "actortypen", "rol_en_status", "open_vragen")


def matrix_labels(lessen: list[int], titels: dict[int, str]) -> list[str]:
    """Row labels of the evidence matrix: the whole title of each lesson, wrapped (never cut off)."""
    return [textwrap.fill(f"{les}. {titels.get(les, '')}", 34) for les in lessen]


def _per_case(tabel: pd.DataFrame, rij: str) -> pd.DataFrame:
    """A table with a column per case (few) and a row per category (many): it fits an A4 page."""
    gedraaid = tabel.T
    gedraaid.index.name = rij
    return gedraaid


def case_names(tabellen: dict[str, pd.DataFrame]) -> dict[str, str]:
    """Case id -> the case's name (a reader never sees an id)."""
    rol = tabellen["rol_en_status"]
    return dict(zip(rol["casus"], rol["naam"], strict=True))


def readable_matrix(m: pd.DataFrame, namen: dict[str, str], titels: dict[int, str], taal: str) -> pd.DataFrame:
    """The evidence matrix with the lessons' titles and the cases' names."""
    leesbaar = m.rename(columns=namen, index=lambda les: f"{les}. {titels.get(les, '')}")
    leesbaar.index.name = t("les", taal)
    return leesbaar


def render_part(tabellen: dict[str, pd.DataFrame], deel: str, taal: str, titels: dict[int, str]) -> str:
    """One part of the comparison report as HTML."""
    namen = case_names(tabellen)
    context: dict[str, Any] = {"taal": taal, "deel": deel, "tabellen": tabellen, "titels": titels, "namen": namen}
    if deel == "bewijsmatrix":
        m = tabellen["bewijsmatrix"]
        context["grafiek"] = heatmap(
            m.values,
            matrix_labels(list(m.index), titels),
            [namen.get(c, c) for c in m.columns],
            t("bewijsmatrix", taal),
            t("bewijsmatrix_uitleg", taal).split(":")[0],
        )
        context["tabel"] = readable_matrix(m, namen, titels, taal)
    elif deel == "tijdlijnen":
        tl = tabellen["tijdlijnen"]
        reeksen_abs: dict[str, tuple[list[float], list[bool]]] = {}
        reeksen_rel: dict[str, tuple[list[float], list[bool]]] = {}
        for casus, groep in tl.groupby("casus", sort=False):
            jaren = groep["datum_begin"].dt.year + (groep["datum_begin"].dt.day_of_year - 1) / 365.25
            reeksen_abs[namen.get(str(casus), str(casus))] = (list(jaren), list(groep["onzeker"]))
            reeksen_rel[namen.get(str(casus), str(casus))] = (list(groep["jaren_sinds_start"]), list(groep["onzeker"]))
        context["grafiek"] = (
            multi_timeline(reeksen_abs, t("jaar", taal), t("tijdlijn_absoluut", taal)) if len(tl) else ""
        )
        context["grafiek2"] = (
            multi_timeline(reeksen_rel, t("jaren_sinds_start", taal), t("tijdlijn_relatief", taal)) if len(tl) else ""
        )
    elif deel == "instrumenten":
        tabel = tabellen["instrumenten_per_trede"].rename(columns=lambda k: term("trede", k, taal), index=namen)
        tabel.index.name = t("casus", taal)
        context["grafiek"] = stacked_bars(tabel, t("instrumenten_trede_casus", taal), t("aantal", taal))
        context["tabel"] = _per_case(tabel, t("trede", taal))
    elif deel == "actortypen":
        tabel = tabellen["actortypen"].rename(columns=lambda k: term("partij", k, taal), index=namen)
        tabel.index.name = t("casus", taal)
        context["grafiek"] = stacked_bars(tabel, t("actortypen", taal), t("aantal", taal))
        context["tabel"] = _per_case(tabel.loc[:, (tabel != 0).any(axis=0)], t("type", taal))
    return environment().get_template("vergelijking.html.j2").render(**context)


@register("vergelijking", "html-fragment")
def compare_fragment(v: Vergelijking, taal: str) -> str:
    return "\n".join(render_part(v.tabellen, deel, taal, v.titels) for deel in DELEN)


@register("vergelijking", "html")
def compare_page(v: Vergelijking, taal: str) -> str:
    return page(t("vergelijking", taal), taal, compare_fragment(v, taal))


@register("vergelijking", "csv")
def compare_csv(v: Vergelijking, taal: str) -> dict[str, str | bytes]:
    """One CSV per table (``<tabel>.csv``); text cells made safe for spreadsheets."""
    return {
        f"{naam}.csv": csv_text(*frame_table(tabel, tabel.index.name is not None)) for naam, tabel in v.tabellen.items()
    }


@register_workbook("vergelijking")
def compare_workbook(v: Vergelijking, taal: str) -> Werkboek:
    """One sheet per table (Excel and ODS), with the same column names as the CSV files (the data
    keys researchers script against); text cells are text, never formulas."""
    bladen = []
    for naam, tabel in v.tabellen.items():
        kop, rijen = frame_table(tabel, tabel.index.name is not None)
        breedtes = [min(60.0, max(8.0, *(len(cell_text(r[k])) * 0.9 for r in rijen), len(kop[k]) * 1.1))
                    for k in range(len(kop))]  # fmt: skip
        lang = {k for k, b in enumerate(breedtes) if b >= 40}
        bladen.append(Werkblad(naam[:31], kop, rijen, breedtes, omloop=lang, filter=True))
    return Werkboek(t("vergelijking", taal), taal, bladen)


@register_document("vergelijking")
def compare_document(v: Vergelijking, taal: str) -> Document:
    """The comparison as a document (Word, ODT, PDF): the evidence matrix with the lessons' titles
    and the cases' names, the instruments and kinds of actors per case, role and status, open questions."""
    tabellen, namen = v.tabellen, case_names(v.tabellen)
    doc = Document(f"{t('vergelijking', taal)}: {', '.join(namen.values())}", taal).tekst(
        t("vergelijking_uitleg", taal)
    )

    def frame(tabel: pd.DataFrame, kop: str) -> None:
        rijen = [[str(i), *(number(w, taal) if isinstance(w, int | float) else str(w) for w in rij)]
                 for i, rij in zip(tabel.index, tabel.itertuples(index=False), strict=True)]  # fmt: skip
        doc.tabel([kop, *map(str, tabel.columns)], rijen, (4, *([1.0] * len(tabel.columns))))

    doc.kop(t("bewijsmatrix", taal)).tekst(t("bewijsmatrix_uitleg", taal))
    frame(readable_matrix(tabellen["bewijsmatrix"], namen, v.titels, taal), t("les", taal))
    doc.kop(t("instrumenten_trede_casus", taal))
    frame(
        tabellen["instrumenten_per_trede"].rename(columns=lambda k: term("trede", k, taal), index=namen),
        t("casus", taal),
    )
    actoren = tabellen["actortypen"].rename(columns=lambda k: term("partij", k, taal), index=namen)
    doc.kop(t("actortypen", taal))
    frame(_per_case(actoren.loc[:, (actoren != 0).any(axis=0)], t("type", taal)), t("type", taal))
    doc.kop(t("rol_en_status", taal))
    doc.tabel(
        [t(k, taal) for k in ("casus", "gemeente", "woningen", "gemeentelijke_rol", "status")],
        [[str(r["naam"]), str(r["gemeente"]), str(r["woningen"]),
          term("gemeenterol", str(r["gemeentelijke_rol"]), taal) if r["gemeentelijke_rol"] != "onbekend"
          else t("onbekend", taal),
          f"{r['status']} ({r['status_datum']})"] for r in tabellen["rol_en_status"].to_dict("records")],
        (2, 2, 1, 2, 4),
    )  # fmt: skip
    doc.kop(t("open_vragen_alle", taal))
    for casus, groep in tabellen["open_vragen"].groupby("casus", sort=False):
        doc.sectie(namen.get(str(casus), str(casus)), [str(x) for x in groep["vraag"]], niveau=2)
    return doc
