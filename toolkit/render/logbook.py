"""Renderers for the logbook report and the resident summary (HTML, Word, ODT, PDF), and the
logbook's export (CSV per kind, and a workbook in Excel and ODS)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup

from toolkit.base import UserError, ensure_dir, shown_path, t, write_bytes_atomic
from toolkit.domain import (
    DATUMKOLOMMEN,
    PARTIJKOLOMMEN,
    SJABLOON_KOLOMMEN,
    VERPLICHT,
    export,
    export_sheets,
    template_lists,
)

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


# --- the template to fill in ------------------------------------------------------------------------

SJABLOON = "logboek-sjabloon"
#: Rows under the header that keep the validation lists (a team fills in more by copying a row).
SJABLOON_RIJEN = 300
#: Columns of long text in the template, and their width (characters); the others fit their name.
_TEKSTKOLOMMEN = {"naam": 28, "contact": 28, "onderwerp": 32, "samenvatting": 44, "besluit": 32, "toelichting": 44,
                  "omschrijving": 36, "inbreng": 44, **dict.fromkeys(("partijen", "betreft", "gecommuniceerd_aan",
                                                                       "doelgroep"), 30)}  # fmt: skip
#: Excel keeps a list typed into a validation in at most this many characters, commas between.
_EXCEL_LIJST = 255


def fits_a_list(waarden: Sequence[str]) -> bool:
    """Whether ``waarden`` can be a validation list in Excel as well as in ODS: at most 255
    characters with the commas between them, and no value with a comma or a double quote."""
    return len(",".join(waarden).encode("utf-16-le")) // 2 <= _EXCEL_LIJST and not any(
        "," in w or '"' in w for w in waarden
    )


def _help_rows(taal: str, lijsten: dict[str, dict[str, tuple[str, ...]]]) -> list[list[Any]]:
    """The explanation sheet: the rules for every sheet, then each sheet and each of its columns."""

    def t_(sleutel: str) -> str:
        return t(f"logboek_sjabloon.{sleutel}", taal)

    alle = t_("alle_bladen")
    lijstkolommen = sorted({k for kolommen in lijsten.values() for k in kolommen})
    rijen: list[list[Any]] = [
        [alle, "", "", t_("regel.gebruik")],
        [alle, t_("kop.verplicht"), "", t_("regel.verplicht")],
        [alle, ", ".join(DATUMKOLOMMEN), "", t_("regel.datum")],
        [alle, ", ".join(PARTIJKOLOMMEN), "", t_("regel.partijen")],
        [alle, "uitgenodigd, deelnemers", "", t_("regel.aantallen")],
        [alle, ", ".join(lijstkolommen), "", t_("regel.lijsten")],
        [alle, "", "", t_("regel.volgorde")],
    ]
    for soort, kolommen in SJABLOON_KOLOMMEN.items():
        rijen.append([soort, "", "", t_(soort)])
        rijen += [[soort, kolom, t_("ja") if kolom in VERPLICHT[soort] else "", t_(f"{soort}.{kolom}")]
                  for kolom in kolommen]  # fmt: skip
    return rijen


def template_workbook(taal: str, partijen: Sequence[str] = ()) -> Werkboek:
    """The workbook a team fills in and reads in with ``logboek importeer``: first an explanation
    (in ``taal``), then a sheet per kind with the keys of the import as its header row (frozen) and
    a validation list on every column with fixed values; with ``partijen`` (the logbook's names)
    also on the column that takes one party. Lists Excel cannot hold are left out (:func:`fits_a_list`)."""
    lijsten = template_lists(partijen if fits_a_list(partijen) else ())
    uitleg = Werkblad(
        t("logboek_sjabloon.uitlegblad", taal),
        [t(f"logboek_sjabloon.kop.{k}", taal) for k in ("blad", "kolom", "verplicht", "uitleg")],
        _help_rows(taal, lijsten),
        [14.0, 24.0, 10.0, 90.0],
        omloop={1, 3},
        lege_rijen=0,
    )
    bladen = [uitleg]
    for soort, kolommen in SJABLOON_KOLOMMEN.items():
        lijst = lijsten.get(soort, {})
        keuzes = {k: lijst[kolom] for k, kolom in enumerate(kolommen) if kolom in lijst}
        breedtes = [
            float(max(_TEKSTKOLOMMEN.get(kolom, 0), len(kolom) + 3, 10, *(len(w) + 4 for w in keuzes.get(k, ()))))
            for k, kolom in enumerate(kolommen)
        ]
        bladen.append(
            Werkblad(
                soort,
                list(kolommen),
                [],
                breedtes,
                omloop={k for k, kolom in enumerate(kolommen) if kolom in _TEKSTKOLOMMEN},
                keuzelijsten=keuzes,
                keuze_titel=t("logboek_sjabloon.keuze_titel", taal),
                keuze_melding=t("logboek_sjabloon.keuze_melding", taal),
                datumkolommen={k for k, kolom in enumerate(kolommen) if kolom in DATUMKOLOMMEN},
                lege_rijen=SJABLOON_RIJEN,
            )
        )
    return Werkboek(t("logboek_sjabloon.titel", taal), taal, bladen)


def write_logbook_template(out: Path, taal: str = "nl", partijen: Sequence[str] = ()) -> list[Path]:
    """``logboek-sjabloon.xlsx`` and ``logboek-sjabloon.ods`` in ``out``. A template that is already
    there may have been filled in: it is refused, before anything is written."""
    paden = [out / f"{SJABLOON}.{formaat}" for formaat in WERKBOEK_FORMATEN]
    for pad in paden:
        if pad.exists():
            raise UserError(f"{shown_path(pad)}: bestaat al en is misschien ingevuld (verwijder het eerst, of kies "
                            "een andere map met --out)")  # fmt: skip
    bestanden = template_files(taal, partijen)
    ensure_dir(out)
    return [write_bytes_atomic(pad, bestanden[pad.name]) for pad in paden]


def template_files(taal: str = "nl", partijen: Sequence[str] = ()) -> dict[str, bytes]:
    """The template (:func:`template_workbook`) in Excel and ODS, by file name."""
    boek = template_workbook(taal, partijen)
    return {f"{SJABLOON}.{formaat}": write_workbook(formaat, boek) for formaat in WERKBOEK_FORMATEN}
