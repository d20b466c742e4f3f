"""Renderers for a case report: one HTML fragment per part, and a whole page.

The parts, in report order, are listed in :data:`DELEN`; the case notebook shows them one per cell.
Links to lesson reports are relative (see :mod:`toolkit.render.links`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from toolkit.base import pick, plain_records, quantity, t, term
from toolkit.content import ACTORTYPES, FASEN, TREDEN, Case
from toolkit.domain import CaseReport

from .charts import bar_figure, png, svg, timeline_figure
from .document import Document, Tekst, alinea
from .links import lesson_report_link
from .registry import register, register_document
from .templating import environment, page

DELEN = (
    "samenvatting",
    "kenmerken",
    "cijfers",
    "tijdlijn",
    "actoren",
    "instrumenten",
    "bewijs",
    "open_vragen",
    "bronnen",
)


def _context(rapport: CaseReport, taal: str) -> dict[str, Any]:
    casus = rapport.casus
    tijdlijn = casus.tijdlijn
    return {
        "casus": casus,
        "k": casus.kenmerken,
        "taal": taal,
        "refs": casus.bron_index,
        "lessen": rapport.lessen,
        "les_link": lambda les: lesson_report_link(les.nummer, les.slug, taal),
        "fase_label": lambda f: term("fase", f, taal),
        "type_label": lambda f: term("partij", f, taal),
        "trede_label": lambda f: term("trede", f, taal),
        "pick": lambda rij, veld: pick(rij, veld, taal),
        "tijdlijn": plain_records(tijdlijn),
        "actoren": plain_records(casus.actoren),
        "instrumenten": plain_records(casus.instrumenten),
        "bewijs": plain_records(casus.bewijs),
        "bronnen": plain_records(casus.bronnen),
        "cijfers": rapport.cijfers,
    }


def _timeline_figure(casus: Case, taal: str) -> Any:
    df = casus.tijdlijn
    return timeline_figure(
        [d.date() for d in df["datum_begin"]],
        [FASEN.index(f) for f in df["fase"]],
        [term("fase", f, taal) for f in FASEN],
        list(df["onzeker"]),
        list(range(1, len(df) + 1)),
        "",
    )


def _actors_figure(casus: Case, taal: str) -> Any:
    telling = Counter(casus.actoren["type"])
    typen = [a for a in ACTORTYPES if telling.get(a)]
    return bar_figure(
        [term("partij", a, taal) for a in typen],
        [telling[a] for a in typen],
        t("actoren_per_type", taal),
        t("aantal", taal),
    )


def _instruments_figure(casus: Case, taal: str) -> Any:
    telling = Counter(casus.instrumenten["trede"])
    return bar_figure(
        [term("trede", r, taal) for r in TREDEN],
        [telling.get(r, 0) for r in TREDEN],
        t("instrumenten_per_trede", taal),
        t("aantal", taal),
    )


def timeline_svg(casus: Case, taal: str) -> str:
    return svg(_timeline_figure(casus, taal))


def actors_svg(casus: Case, taal: str) -> str:
    return svg(_actors_figure(casus, taal))


def instruments_svg(casus: Case, taal: str) -> str:
    return svg(_instruments_figure(casus, taal))


def render_part(rapport: CaseReport, deel: str, taal: str = "nl") -> str:
    """One part of the case report as an HTML fragment."""
    if deel not in DELEN:
        raise ValueError(f"onbekend deel {deel!r}")
    casus = rapport.casus
    context = _context(rapport, taal)
    if deel == "tijdlijn":
        context["grafiek"] = timeline_svg(casus, taal) if len(casus.tijdlijn) else ""
    elif deel == "actoren":
        context["grafiek"] = actors_svg(casus, taal) if len(casus.actoren) else ""
    elif deel == "instrumenten":
        context["grafiek"] = instruments_svg(casus, taal) if len(casus.instrumenten) else ""
    macro = getattr(environment().get_template("casus.html.j2").module, deel)
    return str(macro(**context))


@register("casus", "html-fragment")
def case_fragment(rapport: CaseReport, taal: str) -> str:
    return "\n".join(render_part(rapport, deel, taal) for deel in DELEN)


@register("casus", "html")
def case_page(rapport: CaseReport, taal: str) -> str:
    return page(rapport.casus.naam, taal, case_fragment(rapport, taal))


def _refs(ids: Any, casus: Case) -> str:
    nummers = [str(casus.bron_index[i]) for i in ids or () if i in casus.bron_index]
    return f" [{', '.join(nummers)}]" if nummers else ""


def _unsure(vlag: bool, taal: str) -> str:
    return f" ({t('onzeker', taal)})" if vlag else ""


def _known(waarde: Any, taal: str, eenheid: str = "") -> str:
    if waarde in (None, "onbekend"):
        return t("onbekend", taal)
    return quantity(waarde, eenheid, taal) if eenheid else str(waarde)


def _characteristics(casus: Case, taal: str) -> list[list[str]]:
    k = casus.kenmerken
    e = k.eigendom
    rol = term("gemeenterol", k.gemeentelijke_rol.waarde, taal)

    def cel(tekst: str, veld: Any) -> str:  # the value, whether it is unsure, and its sources
        return f"{tekst}{_unsure(getattr(veld, 'onzeker', False), taal)}{_refs(veld.bronnen, casus)}"

    return [
        [t("gemeente", taal), cel(f"{k.gemeente.naam} ({_known(k.gemeente.cbs_code, taal)})", k.gemeente)],
        [t("wijk", taal), cel(f"{_known(k.wijk.naam, taal)} (CBS: {_known(k.wijk.cbs_code, taal)})", k.wijk)],
        [t("woningen", taal), cel(_known(k.woningen.waarde, taal, "woningen"), k.woningen)],
        [t("eigendom", taal), cel(f"{t('koop', taal)}: {_known(e.koop, taal, '%')} · {t('corporatie', taal)}: "
                                  f"{_known(e.corporatie, taal, '%')} · {t('particuliere_huur', taal)}: "
                                  f"{_known(e.particuliere_huur, taal, '%')}", e)],
        [t("bouwperiode", taal),
         cel(f"{_known(k.bouwperiode.van, taal)} – {_known(k.bouwperiode.tot, taal)}", k.bouwperiode)],
        [t("aanleiding", taal), cel(k.aanleiding.in_language(taal), k.aanleiding)],
        [t("warmteoplossing", taal), cel(k.warmteoplossing.in_language(taal), k.warmteoplossing)],
        [t("gemeentelijke_rol", taal), cel(_known(rol, taal), k.gemeentelijke_rol)],
        [t("status", taal), cel(f"{k.status.in_language(taal)} ({t('stand_per', taal)} "
                                f"{_known(k.status.datum, taal)})", k.status)],
    ]  # fmt: skip


@register_document("casus")
def case_document(rapport: CaseReport, taal: str) -> Document:
    """The case as a document (Word, ODT, PDF): the same parts as the HTML report, the charts as
    images with alternative text, sources numbered with their links."""
    casus = rapport.casus
    doc = Document(casus.naam, taal)
    if casus.fictief:
        doc.tekst(Tekst(t("fictief", taal), vet=True))
    doc.tekst(casus.beschrijving.samenvatting.in_language(taal))
    doc.kop(t("kenmerken", taal)).tabel([t("kenmerk", taal), t("waarde", taal)], _characteristics(casus, taal), (1, 3))
    doc.kop(t("cijfers", taal))
    if rapport.cijfers:
        doc.tabel(
            [t(k, taal) for k in ("gebied", "kenmerk", "waarde", "jaar", "bron")],
            [
                [c.gebied, c.label(taal), quantity(c.waarde, c.eenheid, taal), str(c.jaar), c.bron]
                for c in rapport.cijfers
            ],
            (2, 3, 2, 1, 3),
        )
    else:
        doc.tekst(t("geen_cijfers", taal))
    doc.kop(t("tijdlijn", taal))
    if casus.rijen.tijdlijn:
        doc.afbeelding(png(_timeline_figure(casus, taal)), t("grafiek.tijdlijn", taal, naam=casus.naam), 16)
        doc.tabel(
            ["#", t("datum", taal), t("fase", taal), t("gebeurtenis", taal)],
            [[str(i), r["datum"], term("fase", r["fase"], taal),
              f"{pick(r, 'gebeurtenis', taal)}{_unsure(r['onzeker'], taal)}{_refs(r['bronnen'], casus)}"]
             for i, r in enumerate(plain_records(casus.tijdlijn), start=1)],
            (0.5, 2, 2, 8),
        )  # fmt: skip
    doc.kop(t("actoren", taal))
    if casus.rijen.actoren:
        doc.afbeelding(png(_actors_figure(casus, taal)), t("actoren_per_type", taal), 14)
        doc.tabel(
            [t("naam", taal), t("type", taal), t("rol", taal)],
            [[pick(r, "naam", taal), term("partij", r["type"], taal),
              f"{pick(r, 'rol', taal)}{_refs(r['bronnen'], casus)}"] for r in plain_records(casus.actoren)],
            (3, 2, 6),
        )  # fmt: skip
    doc.kop(t("instrumenten", taal))
    if casus.rijen.instrumenten:
        doc.afbeelding(png(_instruments_figure(casus, taal)), t("instrumenten_per_trede", taal), 14)
        doc.tabel(
            [t("instrument", taal), t("trede", taal), t("datum", taal)],
            [[f"{pick(r, 'instrument', taal)}{_unsure(r['onzeker'], taal)}{_refs(r['bronnen'], casus)}",
              term("trede", r["trede"], taal), _known(r["datum"], taal)] for r in plain_records(casus.instrumenten)],
            (6, 2, 2),
        )  # fmt: skip
    doc.kop(t("bewijs", taal)).tekst(t("bewijs_uitleg", taal))
    rijen = [[f"{r['les']}. {rapport.lessen[r['les']].titel}" if r["les"] in rapport.lessen else str(r["les"]),
              t(r["soort"], taal), t(r["sterkte"], taal), f"{pick(r, 'claim', taal)}{_refs(r['bronnen'], casus)}"]
             for r in plain_records(casus.bewijs)]  # fmt: skip
    doc.tabel([t("les", taal), t("soort", taal), t("sterkte", taal), t("claim", taal)], rijen, (3, 2, 1.5, 8))
    doc.kop(t("open_vragen", taal)).tekst(t("open_vragen_uitleg", taal))
    doc.lijst([v.in_language(taal) for v in casus.beschrijving.open_vragen] or ["—"])
    doc.kop(t("bronnen", taal))
    doc.lijst(
        [alinea(f"{b['uitgever']} ({b['datum'] or t('jaar_onbekend', taal)}). ", Tekst(b["titel"], cursief=True), ". ",
                Tekst(b["url"], link=b["url"])) for b in plain_records(casus.bronnen)],
        genummerd=True,
    )  # fmt: skip
    return doc
