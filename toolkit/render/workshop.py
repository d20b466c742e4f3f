"""Renderers for the workshop: the harvest of the self-assessment (HTML, Word) and the workshop kit
(agenda, slides, handouts and the paper self-assessment, as HTML and Word files)."""

from __future__ import annotations

import json
from typing import Any

from toolkit.base import csv_text, number, pick, quantity, strip_markers, t, templates_dir
from toolkit.content import Les
from toolkit.domain import Antwoord, Blok, OogstRapport, WorkshopKit, agenda_times, anonymous_names

from .charts import radar
from .document import Document
from .registry import DOCUMENT_FORMATEN, register, register_document, write_document
from .templating import environment, page

OOGST_DELEN = ("inleiding", "overzicht", "eerst_bespreken", "per_groep", "notities")
REVEAL = templates_dir() / "nbconvert" / "dia" / "reveal"


# --- harvest --------------------------------------------------------------------------------------


def render_harvest_part(r: OogstRapport, deel: str, taal: str) -> str:
    oogst = r.oogst
    titels = {n: les.titel for n, les in r.lessen.items()}
    labels = [f"{t('les', taal)} {n}" for n in oogst.lessen]
    context: dict[str, Any] = {"o": oogst, "deel": deel, "taal": taal, "titels": titels, "lessen": r.lessen,
                               "casus_namen": r.casus_namen}  # fmt: skip
    if deel == "overzicht":
        gemiddeld = [oogst.gemiddeld[n] for n in oogst.lessen]
        context["grafiek"] = radar({t("gemiddeld", taal): gemiddeld}, labels, t("alle_groepen", taal))
    elif deel == "per_groep":
        context["grafieken"] = [
            (naam, radar({naam: [scores[n] for n in oogst.lessen]}, labels, naam))
            for naam, scores in oogst.per_groep.items()
        ]
    return environment().get_template("oogst.html.j2").render(**context)


@register("oogst", "html-fragment")
def harvest_fragment(r: OogstRapport, taal: str) -> str:
    return "\n".join(render_harvest_part(r, deel, taal) for deel in OOGST_DELEN)


@register("oogst", "html")
def harvest_page(r: OogstRapport, taal: str) -> str:
    return page(t("oogst", taal), taal, harvest_fragment(r, taal))


@register_document("oogst")
def harvest_document(r: OogstRapport, taal: str) -> Document:
    oogst, lessen = r.oogst, r.lessen
    doc = Document(t("oogst", taal), taal).tekst(t("oogst_uitleg", taal))
    doc.kop(t("alle_groepen", taal))
    kop = [t("les", taal), t("gemiddeld", taal), t("spreiding", taal), t("weet_niet", taal), *oogst.groepen]
    rijen = [
        [
            f"{n}. {lessen[n].titel}",
            _num(oogst.gemiddeld[n], taal),
            _num(oogst.spreiding[n], taal),
            str(oogst.weet_niet[n]),
        ]
        + [_num(oogst.per_groep[g][n], taal) for g in oogst.groepen]
        for n in oogst.lessen
    ]
    doc.tabel(kop, rijen, (6, *([1] * (len(kop) - 1))))
    doc.kop(t("eerst_bespreken", taal))
    for x in oogst.eerst_bespreken:
        les = lessen[x["les"]]
        doc.sectie(f"{les.nummer}. {les.titel} ({t('reden_' + x['reden'], taal)})", les.gespreksvragen, 2, True)
        if les.casus:
            doc.tekst(f"{t('casus', taal)}: {r.casus_namen.get(les.casus, les.casus)}")
    notities = [f"{t('les', taal)} {n} — {groep}: {tekst}" for n in oogst.lessen for groep, tekst in oogst.notities[n]]
    doc.sectie(t("notities", taal), notities or ["—"])
    return doc


def _num(waarde: float | None, taal: str) -> str:
    return "–" if waarde is None else number(waarde, taal, 2)


# --- the kit --------------------------------------------------------------------------------------


def _block_name(blok: Blok, lessen: dict[int, Les], taal: str) -> str:
    naam = t(f"blok_{blok.soort}", taal)
    if blok.les:
        les = lessen[blok.les]
        naam = f"{naam} — {t('les', taal)} {les.nummer}: {les.titel}"
    return naam


def _agenda_rows(kit: WorkshopKit, taal: str, start: str = "13:30") -> list[list[str]]:
    return [
        [tijd, str(blok.minuten), _block_name(blok, kit.alle_lessen, taal)]
        for tijd, blok in agenda_times(kit.blokken, start)
    ]


def agenda_html(kit: WorkshopKit, taal: str) -> str:
    inhoud = (
        environment()
        .from_string(
            "<h1>{{ kop }}</h1><table><tr><th>{{ t('tijd', taal) }}</th><th>{{ t('minuten', taal) }}</th>"
            "<th>{{ t('onderdeel', taal) }}</th></tr>{% for tijd, minuten, naam in regels %}<tr><td>{{ tijd }}</td>"
            "<td>{{ minuten }}</td><td>{{ naam }}</td></tr>{% endfor %}<tr><th></th><th>{{ totaal }}</th><th></th></tr>"
            "</table>"
        )
        .render(kop=kit.kop, taal=taal, regels=_agenda_rows(kit, taal), totaal=sum(b.minuten for b in kit.blokken))
    )
    return page(kit.kop, taal, inhoud)


def agenda_document(kit: WorkshopKit, taal: str) -> Document:
    doc = Document(kit.kop, taal)
    return doc.tabel([t("tijd", taal), t("minuten", taal), t("onderdeel", taal)], _agenda_rows(kit, taal), (1, 1, 6))


def handout_html(les: Les, casus_naam: str) -> str:
    inhoud = environment().get_template("handout.html.j2").render(les=les, taal=les.taal, casus_naam=casus_naam)
    return page(les.titel, les.taal, inhoud)


def handout_document(les: Les, casus_naam: str) -> Document:
    doc = Document(f"{t('les', les.taal)} {les.nummer}. {les.titel}", les.taal).tekst(strip_markers(les.samenvatting))
    doc.sectie(les.heading("toepassing"), [strip_markers(p.tekst) for p in les.toepassing])
    doc.sectie(les.heading("valkuilen"), [strip_markers(p.tekst) for p in les.valkuilen])
    doc.kop(les.heading("in_de_praktijk") + (f": {casus_naam}" if casus_naam else ""))
    for alinea in strip_markers(les.in_de_praktijk).split("\n\n"):
        doc.tekst(alinea)
    doc.sectie(les.heading("gespreksvragen"), les.gespreksvragen, genummerd=True)
    return doc


def paper_form_document(kit: WorkshopKit, taal: str) -> Document:
    """The paper self-assessment; its columns map onto the CSV: groep, les, stelling, score, notitie."""
    doc = Document(t("zelfscan", taal), taal).tekst(t("zelfscan_uitleg", taal))
    doc.tekst(f"{t('groepsnaam', taal)}: ______________________________    {t('gemeente', taal)}: ____________________")
    kop = ["id", t("stelling", taal), "1", "2", "3", "4", "5", t("weet_niet", taal), t("notitie", taal)]
    for les in kit.lessen:
        doc.kop(f"{t('les', taal)} {les.nummer}. {les.titel}")
        doc.tabel(kop, [[s.id, s.tekst, *(["☐"] * 6), ""] for s in les.stellingen], (1, 8, 1, 1, 1, 1, 1, 1.5, 4))
    return doc


def slides_notebook(kit: WorkshopKit, taal: str) -> Any:
    """A notebook of Markdown slides built from the lesson texts and cases."""
    import nbformat

    cellen: list[str] = [
        "# Warmtelessen\n\n"
        + ", ".join(f"{t('les', taal)} {les.nummer}" for les in kit.lessen)
        + f"\n\n<span class='meta'>{t('publiek', taal)}: {kit.publiek}</span>"
    ]
    if kit.gemeente:
        regels = [f"- {pick(c, 'label', taal)}: {quantity(c['waarde'], c['eenheid'], taal)} ({c['jaar']})"
                  for c in kit.gemeente["cijfers"][:5]]  # fmt: skip
        cellen.append(f"## {kit.gemeente['naam']}\n\n" + "\n".join(regels))
        cellen.append(
            f"## {t('top_acties', taal)}\n\n" + "\n".join(f"- {a['tekst']}" for a in kit.gemeente["acties"][:4])
        )
    for les in kit.lessen:
        cellen.append(f"## {t('les', taal)} {les.nummer}. {les.titel}\n\n{strip_markers(les.samenvatting)}")
        cellen.append(
            f"## {les.heading('toepassing')}\n\n" + "\n".join(f"- {strip_markers(p.tekst)}" for p in les.toepassing[:5])
        )
        praktijk = strip_markers(les.in_de_praktijk).split("\n\n")[0]
        titel = les.heading("in_de_praktijk") + (f": {kit.casus_namen.get(les.casus, les.casus)}" if les.casus else "")
        cellen.append(f"## {titel}\n\n{praktijk}")
        cellen.append(f"## {les.heading('gespreksvragen')}\n\n" + "\n".join(f"1. {v}" for v in les.gespreksvragen[:4]))
    cellen.append(
        f"## {t('zelfscan', taal)}\n\n{t('zelfscan_uitleg', taal)}\n\n"
        + "\n".join(f"- {s.id}: {s.tekst}" for les in kit.lessen for s in les.stellingen[:2])
    )
    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = "Warmtelessen"
    nb.cells = [nbformat.v4.new_markdown_cell(c, metadata={"slideshow": {"slide_type": "slide"}}) for c in cellen]
    return nb


def slides_html(kit: WorkshopKit, taal: str) -> str:
    """The slides as one reveal.js page with reveal.js inlined: works offline on any projector laptop."""
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(template_name="dia", extra_template_basedirs=[str(templates_dir() / "nbconvert")])
    resources = {
        "taal": taal,
        "reveal_js": (REVEAL / "reveal.js").read_text(encoding="utf-8"),
        "reveal_css": (REVEAL / "reveal.css").read_text(encoding="utf-8"),
        "reveal_theme_css": (REVEAL / "white.css").read_text(encoding="utf-8"),
    }
    body, _ = exporter.from_notebook_node(slides_notebook(kit, taal), resources=resources)
    return str(body)


def _case_name(kit: WorkshopKit, les: Les) -> str:
    return kit.casus_namen.get(les.casus, "") if les.casus else ""


@register("workshop-kit", "html")
def kit_html(kit: WorkshopKit, taal: str) -> dict[str, str | bytes]:
    """The agenda, the slides and a handout per lesson."""
    bestanden: dict[str, str | bytes] = {"agenda.html": agenda_html(kit, taal), "dias.html": slides_html(kit, taal)}
    for les in kit.lessen:
        bestanden[f"handout-les-{les.nummer}.html"] = handout_html(les, _case_name(kit, les))
    return bestanden


def kit_documents(kit: WorkshopKit, taal: str) -> dict[str, Document]:
    """The agenda, the paper self-assessment and a handout per lesson, as documents (by file stem)."""
    documenten = {"agenda": agenda_document(kit, taal), "zelfscan-formulier": paper_form_document(kit, taal)}
    for les in kit.lessen:
        documenten[f"handout-les-{les.nummer}"] = handout_document(les, _case_name(kit, les))
    return documenten


def _kit_files(formaat: str) -> Any:
    def schrijf(kit: WorkshopKit, taal: str) -> dict[str, str | bytes]:
        return {f"{stam}.{formaat}": write_document(formaat, doc) for stam, doc in kit_documents(kit, taal).items()}

    return schrijf


for _formaat in DOCUMENT_FORMATEN:  # the kit in Word, ODT and PDF
    register("workshop-kit", _formaat)(_kit_files(_formaat))


@register("oogst-data", "datapackage")
def harvest_data_package(
    sessie_data: tuple[list[Antwoord], dict[str, dict[str, int]]], taal: str
) -> dict[str, str | bytes]:
    """The answers of a session without group names (Groep A, B …) as ``antwoorden.csv``, the votes
    on the statements put to the room as ``stemmen.csv``, and their ``datapackage.json`` (valid under
    ``frictionless validate``): open data from a workshop."""
    from frictionless import Package, Resource, Schema, fields

    antwoorden, stemmen = sessie_data

    namen = anonymous_names(sorted({a.groep for a in antwoorden}))
    kop = ["groep", "les", "stelling", "score", "notitie"]
    rijen = [[namen[a.groep], a.les, a.stelling, a.score, a.notitie] for a in antwoorden]
    schema = Schema(fields=[
        fields.StringField(name="groep", description=t("data.groep", taal)),
        fields.IntegerField(name="les", description=t("data.les", taal)),
        fields.StringField(name="stelling", description=t("data.stelling", taal)),
        fields.IntegerField(name="score", description=t("data.score", taal),
                            constraints={"minimum": 1, "maximum": 5}),
        fields.StringField(name="notitie", description=t("data.notitie", taal)),
    ])  # fmt: skip
    stemschema = Schema(fields=[
        fields.StringField(name="stelling", description=t("data.stelling", taal)),
        *(fields.IntegerField(name=k, description=t(f"live.keuze.{k}", taal)) for k in ("eens", "oneens", "weet_niet")),
    ])  # fmt: skip
    package = Package(
        name="warmtelessen-zelfscan", title=t("oogst", taal), description=t("data.zelfscan_uitleg", taal),
        resources=[Resource(name="antwoorden", path="antwoorden.csv", schema=schema),
                   Resource(name="stemmen", path="stemmen.csv", schema=stemschema)],
    )  # fmt: skip
    return {
        "stemmen.csv": csv_text(
            ["stelling", "eens", "oneens", "weet_niet"],
            [[sid, n["eens"], n["oneens"], n["weet_niet"]] for sid, n in sorted(stemmen.items())],
        ),
        "antwoorden.csv": csv_text(kop, rijen),
        "datapackage.json": json.dumps(package.to_descriptor(), ensure_ascii=False, indent=2) + "\n",
    }
