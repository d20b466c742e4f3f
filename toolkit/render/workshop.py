"""Renderers for the workshop kit: the harvest (HTML parts, Word), the agenda, handouts and the
paper self-assessment form (Word and HTML)."""

from __future__ import annotations

import io
from typing import Any

from ..charts import radar
from ..labels import t
from ..lessons import Les
from ..workshop import Blok, Oogst, agenda_times
from . import register
from .templating import css, environment

OOGST_DELEN = ("inleiding", "overzicht", "eerst_bespreken", "per_groep", "notities")


def render_harvest_part(oogst: Oogst, deel: str, lessen: dict[int, Les], casus_namen: dict[str, str], taal: str) -> str:
    titels = {n: les.titel for n, les in lessen.items()}
    labels = [f"{t('les', taal)} {n}" for n in oogst.lessen]
    context: dict[str, Any] = {"o": oogst, "deel": deel, "taal": taal, "titels": titels, "lessen": lessen,
                               "casus_namen": casus_namen}  # fmt: skip
    if deel == "overzicht":
        context["grafiek"] = radar({t("gemiddeld", taal): [oogst.gemiddeld[n] for n in oogst.lessen]}, labels,
                                   t("alle_groepen", taal))  # fmt: skip
    elif deel == "per_groep":
        context["grafieken"] = [
            (naam, radar({naam: [scores[n] for n in oogst.lessen]}, labels, naam))
            for naam, scores in oogst.per_groep.items()
        ]
    return environment().get_template("oogst.html.j2").render(**context)


def harvest_docx(oogst: Oogst, lessen: dict[int, Les], casus_namen: dict[str, str], taal: str) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(t("oogst", taal), level=0)
    doc.add_paragraph(t("oogst_uitleg", taal))
    doc.add_heading(t("alle_groepen", taal), level=1)
    tabel = doc.add_table(rows=1, cols=4 + len(oogst.groepen))
    tabel.style = "Table Grid"
    kop = [t("les", taal), t("gemiddeld", taal), t("spreiding", taal), t("weet_niet", taal), *oogst.groepen]
    for cel, tekst in zip(tabel.rows[0].cells, kop, strict=True):
        cel.text = tekst
    for n in oogst.lessen:
        rij = tabel.add_row().cells
        waarden = [
            f"{n}. {lessen[n].titel}",
            _num(oogst.gemiddeld[n]),
            _num(oogst.spreiding[n]),
            str(oogst.weet_niet[n]),
        ]
        waarden += [_num(oogst.per_groep[g][n]) for g in oogst.groepen]
        for cel, tekst in zip(rij, waarden, strict=True):
            cel.text = tekst
    doc.add_heading(t("eerst_bespreken", taal), level=1)
    for x in oogst.eerst_bespreken:
        les = lessen[x["les"]]
        doc.add_heading(f"{les.nummer}. {les.titel} ({t('reden_' + x['reden'], taal)})", level=2)
        for vraag in les.gespreksvragen:
            doc.add_paragraph(vraag, style="List Number")
        if les.casus:
            doc.add_paragraph(f"{t('casus', taal)}: {casus_namen.get(les.casus, les.casus)}")
    doc.add_heading(t("notities", taal), level=1)
    for n in oogst.lessen:
        for groep, tekst in oogst.notities[n]:
            doc.add_paragraph(f"{t('les', taal)} {n} — {groep}: {tekst}", style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _num(waarde: float | None) -> str:
    return "–" if waarde is None else f"{waarde:g}"


# --- kit ------------------------------------------------------------------------------------------


def _block_name(blok: Blok, lessen: dict[int, Les], taal: str) -> str:
    naam = t(f"blok_{blok.soort}", taal)
    if blok.les:
        les = lessen[blok.les]
        naam = f"{naam} — {t('les', taal)} {les.nummer}: {les.titel}"
    return naam


@register("agenda", "html")
def agenda_html(blokken: list[Blok], lessen: dict[int, Les], taal: str = "nl", start: str = "13:30",
                kop: str = "") -> str:  # fmt: skip
    regels = [(tijd, blok.minuten, _block_name(blok, lessen, taal)) for tijd, blok in agenda_times(blokken, start)]
    inhoud = (
        environment()
        .from_string(
            "<h1>{{ kop }}</h1><table><tr><th>{{ t('tijd', taal) }}</th><th>{{ t('minuten', taal) }}</th>"
            "<th>{{ t('onderdeel', taal) }}</th></tr>{% for tijd, minuten, naam in regels %}<tr><td>{{ tijd }}</td>"
            "<td>{{ minuten }}</td><td>{{ naam }}</td></tr>{% endfor %}<tr><th></th><th>{{ totaal }}</th><th></th></tr>"
            "</table>"
        )
        .render(kop=kop or t("agenda", taal), taal=taal, regels=regels, totaal=sum(b.minuten for b in blokken))
    )
    return environment().get_template("pagina.html.j2").render(titel=kop or t("agenda", taal), taal=taal, css=css(),
                                                               inhoud=inhoud)  # fmt: skip


@register("agenda", "docx")
def agenda_docx(blokken: list[Blok], lessen: dict[int, Les], taal: str = "nl", start: str = "13:30",
                kop: str = "") -> bytes:  # fmt: skip
    from docx import Document

    doc = Document()
    doc.add_heading(kop or t("agenda", taal), level=0)
    tabel = doc.add_table(rows=1, cols=3)
    tabel.style = "Table Grid"
    for cel, tekst in zip(
        tabel.rows[0].cells, (t("tijd", taal), t("minuten", taal), t("onderdeel", taal)), strict=True
    ):
        cel.text = tekst
    for tijd, blok in agenda_times(blokken, start):
        rij = tabel.add_row().cells
        rij[0].text, rij[1].text, rij[2].text = tijd, str(blok.minuten), _block_name(blok, lessen, taal)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@register("handout", "html")
def handout_html(les: Les, casus_naam: str = "") -> str:
    inhoud = environment().get_template("handout.html.j2").render(les=les, taal=les.taal, casus_naam=casus_naam)
    return environment().get_template("pagina.html.j2").render(titel=les.titel, taal=les.taal, css=css(), inhoud=inhoud)


@register("handout", "docx")
def handout_docx(les: Les, casus_naam: str = "") -> bytes:
    from docx import Document

    from ..markers import strip_markers

    taal = les.taal
    doc = Document()
    doc.add_heading(f"{t('les', taal)} {les.nummer}. {les.titel}", level=0)
    doc.add_paragraph(strip_markers(les.samenvatting))
    doc.add_heading(les.heading("toepassing"), level=1)
    for punt in les.toepassing:
        doc.add_paragraph(strip_markers(punt.tekst), style="List Bullet")
    doc.add_heading(les.heading("valkuilen"), level=1)
    for punt in les.valkuilen:
        doc.add_paragraph(strip_markers(punt.tekst), style="List Bullet")
    doc.add_heading(les.heading("in_de_praktijk") + (f": {casus_naam}" if casus_naam else ""), level=1)
    for alinea in strip_markers(les.in_de_praktijk).split("\n\n"):
        doc.add_paragraph(" ".join(alinea.split()))
    doc.add_heading(les.heading("gespreksvragen"), level=1)
    for vraag in les.gespreksvragen:
        doc.add_paragraph(vraag, style="List Number")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@register("zelfscan-formulier", "docx")
def paper_form_docx(lessen: list[Les], taal: str = "nl") -> bytes:
    """The paper self-assessment; its columns map onto the CSV: groep, les, stelling, score, notitie."""
    from docx import Document

    doc = Document()
    doc.add_heading(t("zelfscan", taal), level=0)
    doc.add_paragraph(t("zelfscan_uitleg", taal))
    doc.add_paragraph(
        f"{t('groepsnaam', taal)}: ______________________________    {t('gemeente', taal)}: ____________________"
    )
    for les in lessen:
        doc.add_heading(f"{t('les', taal)} {les.nummer}. {les.titel}", level=1)
        tabel = doc.add_table(rows=1, cols=9)
        tabel.style = "Table Grid"
        kop = ["id", t("stelling", taal), "1", "2", "3", "4", "5", t("weet_niet", taal), t("notitie", taal)]
        for cel, tekst in zip(tabel.rows[0].cells, kop, strict=True):
            cel.text = tekst
        for stelling in les.stellingen:
            rij = tabel.add_row().cells
            rij[0].text, rij[1].text = stelling.id, stelling.tekst
            for cel in rij[2:8]:
                cel.text = "☐"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
