"""Renderers for a lesson: an HTML fragment (for notebooks), a whole HTML page, Markdown, JSON, and a
document (Word, ODT, PDF)."""

from __future__ import annotations

import json

from toolkit.base import strip_markers, t
from toolkit.content import KOPJES, Les, Punt
from toolkit.domain import LessonReport

from .document import Alinea, Document, Tekst, alinea, from_markdown
from .links import case_report_link
from .registry import register, register_document
from .templating import environment, page


@register("les", "html-fragment")
def lesson_fragment(rapport: LessonReport, taal: str) -> str:
    les = rapport.les
    return (
        environment()
        .get_template("les.html.j2")
        .render(
            les=les,
            taal=les.taal,
            casus_naam=rapport.casus_naam or les.casus or "",
            casus_link=case_report_link(les.casus, les.taal) if les.casus else "",
        )
    )


@register("les", "html")
def lesson_page(rapport: LessonReport, taal: str) -> str:
    les = rapport.les
    return page(f"{les.nummer}. {les.titel}", les.taal, lesson_fragment(rapport, taal))


@register("les", "md")
def lesson_markdown(rapport: LessonReport, taal: str) -> str:
    les = rapport.les
    regels = [f"# {les.nummer}. {les.titel}", "", les.samenvatting.strip(), ""]
    for sectie in KOPJES:
        regels += [f"## {les.heading(sectie)}", ""]
        waarde = getattr(les, sectie)
        if isinstance(waarde, str):
            regels += [strip_markers(waarde), ""]
        else:
            regels += [f"- {getattr(p, 'tekst', p)}" for p in waarde] + [""]
    return "\n".join(regels)


@register("les", "json")
def lesson_json(rapport: LessonReport, taal: str) -> str:
    return json.dumps(rapport.les.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _point(punt: Punt, les: Les) -> Alinea:
    """A bullet of *toepassing* or *valkuilen*: its text, its sources as numbers of the list at
    the end, or the label of our own synthesis."""
    (tekst,) = from_markdown(strip_markers(punt.tekst)) or [alinea("")]
    extra = []
    if punt.bronnen:
        extra.append(Tekst(" [" + ", ".join(str(les.bron_index[b]) for b in punt.bronnen if b in les.bron_index) + "]"))
    if punt.eigen_synthese:
        extra.append(Tekst(f" ({t('eigen_synthese', les.taal)})", cursief=True))
    return (*tekst, *extra)


@register_document("les")
def lesson_document(rapport: LessonReport, taal: str) -> Document:
    """The lesson as a document (Word, ODT, PDF): summary, why, what to do, pitfalls, the case,
    questions, statements for the self-assessment and further reading with links."""
    les = rapport.les
    taal = les.taal
    doc = Document(f"{t('les', taal)} {les.nummer}. {les.titel}", taal).markdown(strip_markers(les.samenvatting))
    doc.kop(les.heading("waarom")).markdown(strip_markers(les.waarom))
    doc.kop(les.heading("toepassing")).lijst([_point(p, les) for p in les.toepassing])
    doc.kop(les.heading("valkuilen")).lijst([_point(p, les) for p in les.valkuilen])
    doc.kop(les.heading("in_de_praktijk"))
    if les.casus:
        doc.tekst(f"{t('casus', taal)}: ", Tekst(rapport.casus_naam or les.casus, vet=True))
    doc.markdown(strip_markers(les.in_de_praktijk))
    doc.kop(les.heading("gespreksvragen")).lijst([strip_markers(v) for v in les.gespreksvragen], genummerd=True)
    doc.kop(les.heading("stellingen")).lijst([f"{s.tekst} ({s.id})" for s in les.stellingen], genummerd=True)
    doc.kop(t("verder_lezen", taal)).tekst(Tekst(t("eigen_synthese_uitleg", taal), cursief=True))
    doc.lijst(
        [
            alinea(f"{b.uitgever} ({b.jaar if b.jaar != 'onbekend' else t('jaar_onbekend', taal)}). ",
                   Tekst(b.titel, cursief=True), ". ", Tekst(b.url, link=b.url))
            for b in les.verder_lezen
        ],
        genummerd=True,
    )  # fmt: skip
    return doc
