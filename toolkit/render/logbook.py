"""Renderers for the logbook report and the resident summary (HTML, Word, ODT, PDF), and the
logbook's export (CSV per kind, and a workbook in Excel and ODS)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from markupsafe import Markup

from toolkit.base import t, write_bytes_atomic
from toolkit.domain import export, export_sheets

from .document import Document
from .registry import DOCUMENT_FORMATEN, WERKBOEK_FORMATEN, register, register_document, write_document, write_workbook
from .sheet import Werkblad, Werkboek
from .templating import environment, page

LOGBOEK_DELEN = ("inleiding", "signalen", "gesprekken", "besluiten", "bewoners")


def resident_fragment(r: dict[str, Any], taal: str) -> str:
    return environment().get_template("bewoners.html.j2").render(b=r["bewoners"], taal=taal)


def render_part(r: dict[str, Any], deel: str, taal: str) -> str:
    return (
        environment()
        .get_template("logboek.html.j2")
        .render(r=r, deel=deel, taal=taal, bewoners_fragment=Markup(resident_fragment(r, taal)))
    )


@register("logboek", "html-fragment")
def logbook_fragment(r: dict[str, Any], taal: str) -> str:
    return "\n".join(render_part(r, deel, taal) for deel in LOGBOEK_DELEN)


@register("logboek", "html")
def logbook_page(r: dict[str, Any], taal: str) -> str:
    return page(t("logboek_rapport", taal), taal, logbook_fragment(r, taal))


@register_document("logboek")
def logbook_document(r: dict[str, Any], taal: str) -> Document:
    """The team's report: what still has to be shared, overdue actions, who was (not) spoken to."""
    doc = Document(t("logboek_rapport", taal), taal)
    secties = [
        (t("niet_gecommuniceerd", taal), [f"{b['datum']} {b['besluit']}: {t('nog_informeren', taal)} {', '.join(b['nog_informeren'])}" for b in r["niet_gecommuniceerd"]]),
        (t("te_laat_acties", taal), [f"{v['omschrijving']} ({v['eigenaar']}, {v['deadline']})" for v in r["te_laat"]]),
        (t("niet_gesproken", taal), [f"{p['partij']} ({p['laatste']})" for p in r["niet_gesproken"]]),
        (t("wie_gesproken", taal), [f"{g['datum']} {g['onderwerp']} — {g['partijen'].replace(';', ', ')}" for g in r["gesprekken"]]),
        (t("besluiten", taal), [f"{b['datum']} {b['besluit']} ({b['trede']}, {b['status']}): {b['toelichting']}" for b in r["besluiten"]]),
    ]  # fmt: skip
    for kop, regels in secties:
        doc.sectie(kop, regels or ["—"])
    return doc


def resident_document(r: dict[str, Any], taal: str) -> Document:
    b = r["bewoners"]
    doc = Document(t("voor_bewoners", taal), taal)
    doc.sectie(
        t("wat_besloten", taal), [f"{x['besluit']} ({x['datum']}). {x['toelichting']}".strip() for x in b["besluiten"]]
    )
    doc.sectie(t("wat_komt", taal), [f"{v['omschrijving']}" + (f" ({t('uiterlijk', taal)} {v['deadline']})" if v["deadline"] else "") for v in b["volgende_stappen"]])  # fmt: skip
    return doc


@register("logboek", "bewoners")
def resident_summary(r: dict[str, Any], taal: str) -> dict[str, str | bytes]:
    """The summary for residents, as a web page, in Word, ODT and PDF: no personal data."""
    doc = resident_document(r, taal)
    pagina = page(t("voor_bewoners", taal), taal, f"<h1>{t('voor_bewoners', taal)}</h1>" + resident_fragment(r, taal))
    return {f"bewoners.{taal}.html": pagina} | {
        f"bewoners.{taal}.{f}": write_document(f, doc) for f in DOCUMENT_FORMATEN
    }


#: A column of the export is as wide as its longest value up to this many characters; longer text wraps.
_BREEDSTE = 60


def export_workbook(tabellen: dict[str, tuple[list[str], list[list[Any]]]]) -> Werkboek:
    """The logbook's tables as a workbook, a sheet per kind, the columns named by their keys (the
    toolkit reads the file back): header row frozen and repeated when printed, long text wrapped."""
    bladen = []
    for soort, (kolommen, rijen) in tabellen.items():
        langste = [max((len(str(r[k])) for r in rijen[:500] if k < len(r)), default=0) for k in range(len(kolommen))]
        breedtes = [float(min(max(len(naam) + 2, lengte + 1, 8), _BREEDSTE)) for naam, lengte in zip(kolommen, langste,
                                                                                                  strict=True)]  # fmt: skip
        omloop = {k for k, lengte in enumerate(langste) if lengte > _BREEDSTE}
        bladen.append(Werkblad(soort, kolommen, rijen, breedtes, omloop=omloop, filter=True, lege_rijen=0))
    return Werkboek("Logboek", "nl", bladen)


def export_logbook(db: sqlite3.Connection, out: Path) -> list[Path]:
    """One CSV per kind, and ``logboek.xlsx`` and ``logboek.ods`` with a sheet per kind."""
    geschreven = export(db, out)
    boek = export_workbook(export_sheets(db))
    for formaat in WERKBOEK_FORMATEN:
        geschreven.append(write_bytes_atomic(out / f"logboek.{formaat}", write_workbook(formaat, boek)))
    return geschreven
