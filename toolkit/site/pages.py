"""The knowledge base's pages, written as MyST Markdown from the content, one set per language.

:func:`site_pages` is pure: content in, ``{path: text or bytes}`` out (the Markdown pages, the chart
images and the guide pages). :mod:`toolkit.site.build` hands them to Sphinx. Every page links to
what it is about, both ways: a lesson to its actions, claims and case; an action to its lesson, its
claims and its phases; a claim (on its case page) to its lesson and actions; a source to the pages
that cite it. A case added under ``cases/`` appears on every page where it belongs.

Links to a place inside a page use Sphinx labels (``(label)=`` and the ``{ref}`` role), so Sphinx
checks each one and a broken link stops the build. Text from content files is escaped for
Markdown (no raw HTML reaches the site); lesson texts keep their Markdown (bold, links), not HTML.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.base import OWN_SYNTHESIS, SOURCE_REF, fold, paths, pick, quantity, split_ids, t, term
from toolkit.content import (
    FASEN,
    KOPJES,
    TREDEN,
    VOCABULAIRES,
    WAARDEN,
    Actie,
    Begrip,
    Case,
    Claim,
    Fase,
    Indeling,
    Kennisbank,
    Les,
    Regeling,
    condition_sentence,
    general_text,
    kennisbank,
    status_text,
)
from toolkit.domain import GEWICHT, case_figures
from toolkit.render import (
    ACTIES_DOC,
    MATRIX_DOC,
    actie_doc,
    actors_svg,
    casus_doc,
    instruments_svg,
    les_doc,
    markdown_without_html,
    tag_doc,
    timeline_svg,
    wet_doc,
    write_file,
)
from toolkit.render import markdown_text as esc

Pagina = str | bytes


# --- where things are -----------------------------------------------------------------------------


def page_link(tekst: str, van: str, naar: str) -> str:
    """A Markdown link from page ``van`` to page ``naar`` (docnames), relative."""
    return f"[{tekst}]({'../' * van.count('/')}{naar}.md)"


def asset(van: str, pad: str) -> str:
    return "../" * van.count("/") + pad


def ref(tekst: str, label: str) -> str:
    """A link to a label anywhere in the site (checked by Sphinx)."""
    schoon = tekst.replace("<", "\\<").replace("`", "'")
    return f"{{ref}}`{schoon} <{label}>`"


def label(*delen: object) -> str:
    return "-".join(str(d) for d in delen).lower().replace("/", "-").replace(".", "-")


#: How the site gets a case's chart: (case, chart name, language) -> SVG bytes.
Tekenaar = Callable[[Case, str, str], bytes]


# --- what the site knows --------------------------------------------------------------------------


@dataclass
class Kennis:
    """Everything the site shows in one language: a view on the knowledge base (read once)."""

    taal: str
    kb: Kennisbank
    lessen: dict[int, Les]
    casussen: list[Case]
    acties: list[Actie]
    fasen: dict[str, Indeling]  # what the phase vocabularies mean (lessons/fasen.yaml)
    wetten: dict[str, Regeling]  # the legal frame (lessons/wetten/), by id
    teken: Tekenaar  # draws (or fetches) a case's chart as SVG bytes

    def acties_van(self, les: int) -> list[Actie]:
        return self.kb.actions_by_lesson.get(les, [])

    def claims(self, casus: str | None = None, les: int | None = None, actie: str | None = None) -> list[Claim]:
        return self.kb.claims_for(casus, les, actie)

    def fase(self, vocab: str, waarde: str) -> Fase | None:
        indeling = self.fasen.get(vocab)
        return next((f for f in indeling.fasen if f.waarde == waarde), None) if indeling else None

    def tag_naam(self, vocab: str, waarde: str) -> str:
        fase = self.fase(vocab, waarde)
        return fase.naam.in_language(self.taal) if fase else waarde

    def indeling_naam(self, vocab: str) -> str:
        indeling = self.fasen.get(vocab)
        return indeling.naam.in_language(self.taal) if indeling else t(vocab, self.taal)


def draw_chart(casus: Case, naam: str, taal: str) -> bytes:
    """A case's chart (``tijdlijn``, ``actoren`` or ``instrumenten``) as SVG bytes."""
    maker = {"tijdlijn": timeline_svg, "actoren": actors_svg, "instrumenten": instruments_svg}[naam]
    return base64.b64decode(maker(casus, taal).split(",", 1)[1])


def knowledge(taal: str, kb: Kennisbank | None = None, teken: Tekenaar = draw_chart) -> Kennis:
    kb = kb or kennisbank()
    casussen = sorted(kb.cases(met_concepten=True), key=lambda c: (c.fictief, c.concept, c.id))  # real cases first
    lessen = {les.nummer: les for les in kb.lessons(taal)}
    return Kennis(taal, kb, lessen, casussen, kb.actions, kb.fasen, kb.laws(taal), teken)


# --- text helpers ---------------------------------------------------------------------------------


def _source_refs(ids: Iterable[str], refs: dict[str, int], pagina: str) -> str:
    nummers = sorted({refs[i] for i in ids if i in refs})
    return " " + ", ".join(ref(f"[{n}]", label(pagina, "bron", n)) for n in nummers) if nummers else ""


def _with_sources(tekst: str, refs: dict[str, int], pagina: str, taal: str) -> str:
    """Content Markdown with ``[bron: a, b]`` as numbered links and ``[eigen synthese]`` as a label."""
    eigen = f"*({t('eigen_synthese', taal)})*"
    tekst = SOURCE_REF.sub(lambda m: _source_refs(split_ids(m.group(1)), refs, pagina), markdown_without_html(tekst))
    return OWN_SYNTHESIS.sub(eigen, tekst)


def _uncertain(onzeker: bool, taal: str) -> str:
    return f" *({t('onzeker', taal)})*" if onzeker else ""


def _table(kop: list[str], rijen: list[list[str]]) -> list[str]:
    if not rijen:
        return []
    regels = ["| " + " | ".join(kop) + " |", "|" + "---|" * len(kop)]
    return [*regels, *("| " + " | ".join(c.replace("\n", " ") for c in rij) + " |" for rij in rijen), ""]


def _sources_section(bronnen: list[dict[str, Any]], pagina: str, taal: str) -> list[str]:
    regels = [f"({label(pagina, 'bronnen')})=", f"## {t('bronnen', taal)}", ""]
    for i, b in enumerate(bronnen, start=1):
        jaar = b.get("jaar") or b.get("datum") or t("jaar_onbekend", taal)
        jaar = t("jaar_onbekend", taal) if jaar == "onbekend" else jaar
        regels += [
            f"({label(pagina, 'bron', i)})=",
            f"**[{i}]** {esc(b['uitgever'])} ({esc(jaar)}). *{esc(b['titel'])}*. <{b['url']}>",
            "",
        ]
    return regels


def _tags(van: str, tags: Any, kennis: Kennis) -> list[str]:
    regels = []
    for vocab in VOCABULAIRES:
        waarden = getattr(tags, vocab)
        if waarden:
            links = ", ".join(page_link(esc(kennis.tag_naam(vocab, w)), van, tag_doc(vocab, w)) for w in waarden)
            regels.append(f"- {t(vocab, kennis.taal)}: {links}")
    return regels or ["-"]


def _claim(b: Claim, taal: str, met_casus: bool = True) -> str:
    """A claim in one line: (its case:) the claim (kind, strength)."""
    rij = b.rij
    casus = ref(b.casus_naam, label("bewijs", b.casus, rij["id"])) + ": " if met_casus else ""
    fictief = f"*({t('fictief_bewijs', taal)})* " if b.fictief else ""
    return f"{casus}{fictief}{esc(pick(rij, 'claim', taal))} ({t(rij['soort'], taal)}, {t(rij['sterkte'], taal)})"


def _action_item(actie: Actie, van: str, taal: str) -> str:
    """A list item: the action's id, linked to its page, and its text for no place in particular."""
    return (
        f"- {page_link(actie.id, van, actie_doc(actie.id))}: {esc(general_text(actie.tekst.in_language(taal), taal))}"
    )


def _toctree(docs: list[str]) -> str:
    return "\n".join(["", "```{toctree}", ":hidden:", "", *docs, "```", ""])


def _index(titel: str, uitleg: str, items: list[str], docs: list[str]) -> str:
    return "\n".join([f"# {titel}", "", uitleg, "", *items, _toctree(docs)])


# --- pages ----------------------------------------------------------------------------------------


def lesson_page(les: Les, kennis: Kennis) -> str:
    taal, van = kennis.taal, les_doc(les.nummer)
    regels = [f"# {les.nummer}. {esc(les.titel)}", "", markdown_without_html(les.samenvatting.strip()), ""]
    for sectie in KOPJES:
        regels += [f"## {les.heading(sectie)}", ""]
        waarde = getattr(les, sectie)
        if isinstance(waarde, str):
            regels += [_with_sources(waarde, les.bron_index, van, taal), ""]
        elif sectie in {"toepassing", "valkuilen"}:
            for punt in waarde:
                herkomst = _source_refs(punt.bronnen, les.bron_index, van)
                if punt.eigen_synthese:
                    herkomst = f" *({t('eigen_synthese', taal)})*"
                regels.append(f"- {markdown_without_html(punt.tekst)}{herkomst}")
        elif sectie == "stellingen":
            regels += [f"- **{s.id}** {esc(s.tekst)}" for s in waarde]
        else:
            regels += [f"- {markdown_without_html(v)}" for v in waarde]
        regels.append("")
    casus = next((c for c in kennis.casussen if c.id == les.casus), None)
    if casus:
        regels += [f"{t('casus', taal)}: {page_link(esc(casus.naam), van, casus_doc(casus.id))}", ""]
    wetten = [w for w in kennis.wetten.values() if les.nummer in w.lessen]
    if wetten:
        regels += [f"## {t('wet.kader', taal)}", ""]
        regels += [f"- {page_link(esc(w.titel), van, wet_doc(w.id))}: {esc(status_text(w, taal))}" for w in wetten]
        regels.append("")
    regels += [f"## {t('site.acties_bij_les', taal)}", ""]
    regels += [_action_item(a, van, taal) for a in kennis.acties_van(les.nummer)]
    regels += ["", f"## {t('site.bewijs_bij_les', taal)}", ""]
    regels += [f"- {_claim(b, taal)}" for b in kennis.claims(les=les.nummer)] or [t("geen_bewijs", taal)]
    regels += ["", f"## {t('tags', taal)}", "", *_tags(van, les.tags, kennis), ""]
    return "\n".join([*regels, *_sources_section([b.model_dump() for b in les.verder_lezen], van, taal)])


def _case_characteristics(casus: Case, taal: str) -> list[list[str]]:
    k = casus.kenmerken
    van = casus_doc(casus.id)

    def onb(waarde: Any, eenheid: str = "") -> str:
        if waarde in (None, "onbekend"):
            return t("onbekend", taal)
        return quantity(waarde, eenheid, taal) if eenheid else esc(waarde)

    def herkomst(stuk: Any) -> str:
        return _uncertain(stuk.onzeker, taal) + _source_refs(stuk.bronnen, casus.bron_index, van)

    woningen = onb(k.woningen.waarde, "woningen")
    if k.woningen.bereik:
        laag, hoog = (quantity(w, "woningen" if i else "", taal) for i, w in enumerate(k.woningen.bereik))
        woningen += f" ({t('bereik', taal)} {laag}–{hoog})"
    eigendom = " · ".join(
        f"{t(d, taal)}: {onb(getattr(k.eigendom, d), '%')}" for d in ("koop", "corporatie", "particuliere_huur")
    )
    oplossing = esc(k.warmteoplossing.in_language(taal))
    if k.warmteoplossing.verloop:
        stappen = " ".join(
            f"{s.jaar}: {esc(s.in_language(taal))}{_uncertain(s.onzeker, taal)}" for s in k.warmteoplossing.verloop
        )
        oplossing += f" — {t('verloop', taal)}: {stappen}"
    status = f"{esc(k.status.in_language(taal))} ({t('stand_per', taal)} {onb(k.status.datum)})"
    return [
        [t("gemeente", taal), f"{esc(k.gemeente.naam)} ({onb(k.gemeente.cbs_code)}){herkomst(k.gemeente)}"],
        [t("wijk", taal), f"{onb(k.wijk.naam)} (CBS: {onb(k.wijk.cbs_code)}){herkomst(k.wijk)}"],
        [t("woningen", taal), woningen + herkomst(k.woningen)],
        [t("eigendom", taal), eigendom + herkomst(k.eigendom)],
        [t("bouwperiode", taal), f"{onb(k.bouwperiode.van)} – {onb(k.bouwperiode.tot)}{herkomst(k.bouwperiode)}"],
        [t("aanleiding", taal), esc(k.aanleiding.in_language(taal)) + herkomst(k.aanleiding)],
        [t("warmteoplossing", taal), oplossing + herkomst(k.warmteoplossing)],
        [
            t("gemeentelijke_rol", taal),
            onb(term("gemeenterol", k.gemeentelijke_rol.waarde, taal)) + herkomst(k.gemeentelijke_rol),
        ],
        [t("status", taal), status + herkomst(k.status)],
    ]


def _chart(casus: Case, naam: str, kennis: Kennis, afbeeldingen: dict[str, Pagina]) -> list[str]:
    """A chart of the case as an SVG file, shown on its page (with a text alternative)."""
    taal = kennis.taal
    if not casus.rijen.table(naam):
        return []
    alt = {"tijdlijn": "tijdlijn", "actoren": "actoren_per_type", "instrumenten": "instrumenten_per_trede"}[naam]
    bestand = f"afbeeldingen/{casus.id}-{naam}.{taal}.svg"
    afbeeldingen[bestand] = kennis.teken(casus, naam, taal)
    return [f"![{t(alt, taal)}]({asset(casus_doc(casus.id), bestand)})", ""]


def _case_marker(casus: Case, taal: str) -> str:
    """After a case's name in a list: fictional, or a concept (not yet in the comparison)."""
    merk = [t("fictief_bewijs", taal)] * casus.fictief + [t("concept", taal)] * casus.concept
    return f" *({', '.join(merk)})*" if merk else ""


def _timeline_rows(casus: Case) -> list[dict[str, Any]]:
    """The timeline in date order (undated events last), each date as written in the case."""
    rijen = sorted(casus.rijen.tijdlijn, key=lambda r: (r["datum"] is None, r["datum"].begin if r["datum"] else 0))
    return [{**r, "datum": r["datum"].tekst if r["datum"] else None} for r in rijen]


#: Parties every case has, or that say little about it: not a keyword of a case.
_ALGEMENE_PARTIJEN = {"gemeente", "raad", "provincie", "rijk", "netbeheerder", "marktpartij", "adviseur",
                      "kennisinstelling", "overig"}  # fmt: skip


def _case_keywords(casus: Case, taal: str) -> list[str]:
    """What a case is about, beyond its name: the kinds of group in the wijk that act in it (an
    energy cooperative, a housing corporation, a residents' initiative …), in order of appearance."""
    soorten = dict.fromkeys(a["type"] for a in casus.rijen.actoren if a["type"] not in _ALGEMENE_PARTIJEN)
    return [term("partij", soort, taal) for soort in soorten]


def _search_terms(woorden: list[str]) -> list[str]:
    """Main index entries (``!``) for the site's search: a page with the word searched for among
    its main index entries comes before the pages that only mention it. Each word also without
    accents (*energiecooperatie*): the search matches index entries letter for letter."""
    termen = list(dict.fromkeys(v for w in woorden for v in (w.lower(), fold(w)) if v and not {",", ";"} & set(v)))
    return ["```{index} " + ", ".join(f"!{w}" for w in termen) + "\n```", ""] if termen else []


def case_page(casus: Case, kennis: Kennis, afbeeldingen: dict[str, Pagina]) -> str:
    taal, van, refs = kennis.taal, casus_doc(casus.id), casus.bron_index
    regels = [f"# {esc(casus.naam)}", "", *_search_terms(_case_keywords(casus, taal))]
    if casus.fictief:
        regels += [f"**{t('fictief', taal)}**", ""]
    if casus.concept:
        regels += [f"**{t('site.concept_casus', taal)}**", ""]
    regels += [esc(casus.beschrijving.samenvatting.in_language(taal)), "", f"## {t('kenmerken', taal)}", ""]
    regels += _table([t("kenmerk", taal), t("waarde", taal)], _case_characteristics(casus, taal))
    cijfers = case_figures(casus)
    regels += [f"## {t('cijfers', taal)}", "", t("cijfers_uitleg", taal) if cijfers else t("geen_cijfers", taal), ""]
    regels += _table(
        [t(k, taal) for k in ("gebied", "kenmerk", "waarde", "jaar", "bron")],
        [
            [esc(c.gebied), esc(c.label(taal)), quantity(c.waarde, c.eenheid, taal), str(c.jaar), esc(c.bron)]
            for c in cijfers
        ],
    )
    regels += [f"## {t('tijdlijn', taal)}", "", *_chart(casus, "tijdlijn", kennis, afbeeldingen)]
    regels += _table(
        ["#", t("datum", taal), t("fase", taal), t("gebeurtenis", taal)],
        [
            [str(i), esc(r["datum"]), term("fase", r["fase"], taal),
             esc(pick(r, "gebeurtenis", taal)) + _uncertain(r["onzeker"], taal) + _source_refs(r["bronnen"], refs, van)]
            for i, r in enumerate(_timeline_rows(casus), start=1)
        ],
    )  # fmt: skip
    regels += [f"## {t('actoren', taal)}", "", *_chart(casus, "actoren", kennis, afbeeldingen)]
    regels += _table(
        [t("naam", taal), t("type", taal), t("rol", taal)],
        [[esc(pick(a, "naam", taal)), term("partij", a["type"], taal),
          esc(pick(a, "rol", taal)) + _source_refs(a["bronnen"], refs, van)] for a in casus.rijen.actoren],
    )  # fmt: skip
    regels += [f"## {t('instrumenten', taal)}", "", *_chart(casus, "instrumenten", kennis, afbeeldingen)]
    regels += _table(
        [t("instrument", taal), t("trede", taal), t("datum", taal)],
        [[esc(pick(i, "instrument", taal)) + _uncertain(i["onzeker"], taal) + _source_refs(i["bronnen"], refs, van),
          term("trede", i["trede"], taal), i["datum"].tekst if i["datum"] else t("onbekend", taal)]
         for i in sorted(casus.rijen.instrumenten, key=lambda i: TREDEN.index(i["trede"]))],
    )  # fmt: skip
    regels += [f"## {t('bewijs', taal)}", "", t("bewijs_uitleg", taal), ""]
    for nummer, les in kennis.lessen.items():
        claims = kennis.claims(casus=casus.id, les=nummer)
        if claims:
            regels += [f"({label(casus.id, 'les', nummer)})=", f"### {nummer}. {esc(les.titel)}", ""]
            regels += [page_link(t("lees_les", taal), van, les_doc(nummer)), ""]
        for b in claims:
            acties = ", ".join(page_link(a, van, actie_doc(a)) for a in b.acties)
            onderbouwt = f" — {t('site.onderbouwt', taal)}: {acties}" if acties else ""
            regels += [
                f"({label('bewijs', casus.id, b.rij['id'])})=",
                _claim(b, taal, False) + _source_refs(b.rij["bronnen"], refs, van) + onderbouwt,
                "",
            ]
    regels += [
        f"## {t('open_vragen', taal)}",
        "",
        *[f"- {esc(v.in_language(taal))}" for v in casus.beschrijving.open_vragen],
        "",
    ]
    bronnen = [{**b, "datum": b["datum"].tekst if b["datum"] else None} for b in casus.rijen.bronnen]
    return "\n".join([*regels, *_sources_section(bronnen, van, taal)])


def rule_in_words(actie: Actie, taal: str) -> list[str]:
    """How the checklist decides, as sentences an officer reads: when the action is in, at which
    priority (consecutive rules with the same outcome joined), and in which phases."""
    if actie.geldt_als:
        regels = [t("regel.staat_erin", taal, voorwaarde=condition_sentence(actie.geldt_als, taal))]
    else:
        regels = [t("regel.altijd", taal)]
    groepen: list[tuple[str, list[str]]] = []
    for regel in actie.prioriteit[:-1]:
        zin = condition_sentence(regel.als or {}, taal)
        if groepen and groepen[-1][0] == regel.dan:
            groepen[-1][1].append(zin)
        else:
            groepen.append((regel.dan, [zin]))
    zinnen = [
        t("regel.als_zin", taal, prioriteit=t(dan, taal).capitalize(), voorwaarde=t("regel.of_als", taal).join(delen))
        for dan, delen in groepen
    ]
    laatste = t(actie.prioriteit[-1].dan, taal)
    zinnen.append(t("regel.anders_zin" if zinnen else "regel.altijd_zin", taal, prioriteit=laatste))
    regels.append(" ".join(zinnen))
    if set(actie.fasen) == set(FASEN):
        regels.append(t("regel.elke_fase", taal))
    else:
        regels.append(t("regel.fasen", taal, fasen=", ".join(term("fase", f, taal) for f in actie.fasen)))
    return regels


#: Where a clause ends: . : ; , before a space (not after an abbreviation such as "bijv.").
_CLAUSE_END = re.compile(r"(?<!\bbijv)(?<!\bo\.a)(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)[.:;,](?:\s|$)")


def short_title(tekst: str, lengte: int = 70) -> str:
    """The first clause of an action, at most ``lengte`` characters (page titles, navigation)."""
    eerste = _CLAUSE_END.split(tekst.strip(), maxsplit=1)[0].strip()
    if len(eerste) <= lengte:
        return eerste
    return eerste[: eerste.rfind(" ", 0, lengte)].rstrip(",;:") + " …"


def action_page(actie: Actie, kennis: Kennis) -> str:
    taal, van = kennis.taal, actie_doc(actie.id)
    les = kennis.lessen[actie.les]
    tekst = general_text(actie.tekst.in_language(taal), taal)
    regels = [f"# {actie.id}: {esc(short_title(tekst))}", "", f"**{esc(tekst)}**", ""]
    regels += [esc(general_text(actie.waarom.in_language(taal), taal)), "", f"## {t('site.regel', taal)}", ""]
    regels += [*(f"- {r}" for r in rule_in_words(actie, taal)), ""]
    herkomst = t("eigen_synthese", taal) if actie.bron == "eigen" else t("site.uit_de_les", taal)
    regels += _table([t("veld", taal), t("waarde", taal)], [
        [t("les", taal), page_link(f"{les.nummer}. {esc(les.titel)}", van, les_doc(les.nummer))],
        [t("eigenaar", taal), term("eigenaar", actie.eigenaar, taal)],
        [t("bron", taal), herkomst],
    ])  # fmt: skip
    if actie.wettelijk_kader:
        wetten = kennis.wetten
        regels += [f"## {t('wet.kader', taal)}", ""]
        regels += [f"- {page_link(esc(wetten[i].titel), van, wet_doc(i))}: {esc(status_text(wetten[i], taal))}"
                   for i in actie.wettelijk_kader if i in wetten]  # fmt: skip
        regels.append("")
    regels += [f"## {t('tags', taal)}", "", *_tags(van, actie.tags, kennis), ""]
    regels += [f"## {t('bewijs_uit_casussen', taal)}", ""]
    regels += [f"- {_claim(b, taal)}" for b in kennis.claims(actie=actie.id)] or [t("site.geen_bewijs_actie", taal)]
    return "\n".join([*regels, ""])


def merged_page(oud: str, nieuw: str, kennis: Kennis) -> str:
    """The page of an action id that was merged into another: a link there, so that old links and
    bookmarks still lead somewhere (outside the navigation)."""
    taal, van = kennis.taal, actie_doc(oud)
    actie = next(a for a in kennis.acties if a.id == nieuw)
    titel = short_title(general_text(actie.tekst.in_language(taal), taal))
    link = page_link(f"{nieuw}: {esc(titel)}", van, actie_doc(nieuw))
    return "\n".join(["---", "orphan: true", "---", "", f"# {t('site.samengevoegd_titel', taal, oud=oud)}", "",
                      t("site.samengevoegd", taal, oud=oud, link=link), ""])  # fmt: skip


def law_page(wet: Regeling, kennis: Kennis) -> str:
    """One rule set: its status on a date, what it asks of whom, what it means for participation,
    what is uncertain (with what each source says), the lessons and actions, the sources."""
    taal, van = kennis.taal, wet_doc(wet.id)
    regels = [f"# {esc(wet.titel)}", "", f"**{t('wet.stand_van_zaken', taal, datum=wet.stand_van_zaken.isoformat())}**",
              "", f"{t('wet.status_kop', taal)}: {esc(status_text(wet, taal))}", ""]  # fmt: skip
    for veld in ("wat_het_vraagt", "van_wie", "betekenis_voor_participatie"):
        regels += [f"## {t(f'wet.{veld}', taal)}", "", esc(" ".join(getattr(wet, veld).split())), ""]
    if wet.onzeker:
        regels += [f"## {t('wet.onzeker_kop', taal)}", ""]
        regels += [f"- **{esc(o.punt)}**: {esc(' '.join(o.wat_bronnen_zeggen.split()))}" for o in wet.onzeker]
        regels.append("")
    uitleg = re.sub(r"^(#{2,5}) ", r"#\1 ", markdown_without_html(wet.tekst), flags=re.MULTILINE)  # under "Uitleg"
    regels += [f"## {t('wet.uitleg', taal)}", "", uitleg, ""]
    regels += [f"## {t('site.lessen', taal)}", ""]
    regels += [f"- {page_link(f'{n}. {esc(kennis.lessen[n].titel)}', van, les_doc(n))}" for n in wet.lessen
               if n in kennis.lessen]  # fmt: skip
    acties = [a for a in kennis.acties if wet.id in a.wettelijk_kader or a.id in wet.acties]
    regels += ["", f"## {t('site.acties', taal)}", "", *(_action_item(a, van, taal) for a in acties), ""]
    bronnen = [{**b.model_dump(), "datum": b.datum} for b in wet.bronnen]
    return "\n".join([*regels, *_sources_section(bronnen, van, taal)])


def matrix_page(kennis: Kennis) -> str:
    taal, van = kennis.taal, MATRIX_DOC
    # the real cases side by side; a fictional case only after them, in its own marked column
    casussen = sorted((c for c in kennis.casussen if not c.concept), key=lambda c: c.fictief)
    kop = [t("les", taal), *(page_link(esc(c.naam), van, casus_doc(c.id)) + _case_marker(c, taal) for c in casussen)]
    rijen = []
    for nummer, les in kennis.lessen.items():
        cellen = [page_link(f"{nummer}. {esc(les.titel)}", van, les_doc(nummer))]
        for c in casussen:
            claims = kennis.claims(casus=c.id, les=nummer)
            score = sum(GEWICHT[b.rij["sterkte"]] * (1 if b.rij["soort"] == "illustreert" else -1) for b in claims)
            cellen.append(ref(f"{score:+d} ({len(claims)})", label(c.id, "les", nummer)) if claims else "–")
        rijen.append(cellen)
    uitleg = t("site.matrix_uitleg", taal) + (
        " " + t("site.matrix_fictief", taal) if any(c.fictief for c in casussen) else ""
    )
    return "\n".join([f"# {t('bewijsmatrix', taal)}", "", uitleg, "", *_table(kop, rijen)])


def sources_page(kennis: Kennis) -> str:
    """One bibliography of every source (by URL), with the pages that cite it."""
    taal, van = kennis.taal, "bronnen"
    per_url: dict[str, dict[str, Any]] = {}

    def noteer(url: str, titel: str, uitgever: str, jaar: Any, waar: str) -> None:
        item = per_url.setdefault(url, {"titel": titel, "uitgever": uitgever, "jaar": jaar, "waar": []})
        item["waar"].append(waar)

    for les in kennis.lessen.values():
        waar = page_link(f"{t('les', taal)} {les.nummer}", van, les_doc(les.nummer))
        for lb in les.verder_lezen:
            noteer(lb.url, lb.titel, lb.uitgever, lb.jaar, waar)
    for c in kennis.casussen:
        for cb in c.rijen.bronnen:
            jaar = cb["datum"].tekst if cb["datum"] else None
            noteer(cb["url"], cb["titel"], cb["uitgever"], jaar, ref(c.naam, label(casus_doc(c.id), "bronnen")))
    regels = [f"# {t('site.bibliografie', taal)}", "", t("site.bibliografie_uitleg", taal), ""]
    for url, b in sorted(per_url.items(), key=lambda x: (str(x[1]["uitgever"]).lower(), str(x[1]["titel"]).lower())):
        jaar = b["jaar"] if b["jaar"] not in (None, "onbekend") else t("jaar_onbekend", taal)
        waar = ", ".join(dict.fromkeys(b["waar"]))
        regels.append(f"- {esc(b['uitgever'])} ({esc(jaar)}). *{esc(b['titel'])}*. <{url}> — {waar}")
    return "\n".join([*regels, ""])


def glossary_page(begrippen: list[Begrip], taal: str) -> str:
    namen = {b.id: b.term.in_language(taal) for b in begrippen}
    regels = [f"# {t('site.begrippen', taal)}", "", t("site.begrippen_uitleg", taal), ""]
    for b in sorted(begrippen, key=lambda x: namen[x.id].lower()):
        zie = ", ".join(ref(esc(namen[z]), label("begrip", z)) for z in b.zie_ook if z in namen)
        regels += [f"({label('begrip', b.id)})=", f"## {esc(namen[b.id])}", "", esc(b.uitleg.in_language(taal))]
        regels += ["", f"{t('site.zie_ook', taal)}: {zie}"] if zie else []
        regels.append("")
    return "\n".join(regels)


def phase_pages(kennis: Kennis) -> dict[str, str]:
    """The peer phase vocabularies: a page per vocabulary, and one per phase (tag value) with
    everything tagged with it. Every value gets its page, explained in ``fasen.yaml`` or not."""
    taal = kennis.taal
    paginas: dict[str, str] = {}
    overzicht: list[str] = []
    for vocab, waarden in WAARDEN.items():
        van, indeling = f"fasen/{vocab}", kennis.fasen.get(vocab)
        regels = [f"# {esc(kennis.indeling_naam(vocab))}", ""]
        if indeling:
            regels += [esc(indeling.uitleg.in_language(taal)), ""] + ([f"<{indeling.url}>", ""] if indeling.url else [])
        for waarde in waarden:
            fase, naar = kennis.fase(vocab, waarde), tag_doc(vocab, waarde)
            uitleg = f": {esc(fase.uitleg.in_language(taal))}" if fase else ""
            regels.append(f"- {page_link(esc(kennis.tag_naam(vocab, waarde)), van, naar)}{uitleg}")
            paginas[naar] = _phase_page(vocab, waarde, kennis)
        paginas[van] = "\n".join([*regels, _toctree([f"{vocab}/{w}" for w in waarden])])
        overzicht.append(f"- {page_link(esc(kennis.indeling_naam(vocab)), 'fasen/index', van)}")
    paginas["fasen/index"] = _index(t("site.fasen", taal), t("site.fasen_uitleg", taal), overzicht, list(WAARDEN))
    return paginas


def _phase_page(vocab: str, waarde: str, kennis: Kennis) -> str:
    taal, van, fase = kennis.taal, tag_doc(vocab, waarde), kennis.fase(vocab, waarde)
    lessen = [les for les in kennis.lessen.values() if waarde in getattr(les.tags, vocab)]
    acties = [a for a in kennis.acties if waarde in getattr(a.tags, vocab)]
    regels = [f"# {esc(kennis.tag_naam(vocab, waarde))}", "", f"{esc(kennis.indeling_naam(vocab))}"]
    regels[-1] += f": {esc(fase.uitleg.in_language(taal))}" if fase else ""
    regels += ["", f"## {t('site.lessen', taal)}", ""]
    regels += [f"- {page_link(f'{les.nummer}. {esc(les.titel)}', van, les_doc(les.nummer))}" for les in lessen] or ["-"]
    regels += ["", f"## {t('site.acties', taal)}", ""]
    regels += [_action_item(a, van, taal) for a in acties] or ["-"]
    return "\n".join([*regels, ""])


def home_page(kennis: Kennis, gidsen: list[str]) -> str:
    taal = kennis.taal

    def gids(naam: str, sleutel: str) -> str:
        return f"[{t(sleutel, taal)}](gids/{naam}.md)" if naam in gidsen else ""

    regels = [f"# {t('site.titel', taal)}", "", t("site.intro", taal), "", f"## {t('site.wie_begint_waar', taal)}", ""]
    for wie, naam, sleutel, verder in (
        ("gemeenten", "checklist-maken", "site.gids_checklist", f"[{t('site.acties', taal)}]({ACTIES_DOC}.md)"),
        ("trainers", "workshop-geven", "site.gids_workshop", f"[{t('site.lessen', taal)}](lessen/index.md)"),
        ("onderzoekers", "casus-toevoegen", "site.gids_casus", f"[{t('bewijsmatrix', taal)}]({MATRIX_DOC}.md)"),
    ):
        links = " · ".join(x for x in (gids(naam, sleutel), verder) if x)
        regels.append(f"- **{t(f'site.voor_{wie}', taal)}** {t(f'site.voor_{wie}_uitleg', taal)} {links}")
    regels += ["", f"## {t('site.lessen', taal)}", ""]
    regels += [f"{n}. [{esc(les.titel)}](lessen/les-{n}.md)" for n, les in kennis.lessen.items()]
    regels += ["", f"## {t('site.casussen', taal)}", ""]
    regels += [f"- [{esc(c.naam)}](casussen/{c.id}.md){_case_marker(c, taal)}" for c in kennis.casussen]
    docs = ["lessen/index", "casussen/index", ACTIES_DOC, "wetten/index", MATRIX_DOC, "fasen/index", "begrippen",
            "bronnen"]  # fmt: skip
    return "\n".join([*regels, _toctree(docs + [f"gids/{naam}" for naam in gidsen])])


def _guides(taal: str) -> dict[str, str]:
    """The guide pages written by hand: ``docs/<taal>/<naam>.md``."""
    map_ = paths.project_root() / "docs" / taal
    if not map_.is_dir():
        return {}
    return {p.stem: markdown_without_html(p.read_text(encoding="utf-8")) for p in sorted(map_.glob("*.md"))}


def site_pages(taal: str, kb: Kennisbank | None = None, teken: Tekenaar = draw_chart) -> dict[str, Pagina]:
    """Every page of the site in ``taal``: ``{path inside the source folder: text or bytes}``.
    ``kb``: the content (default: this project's); ``teken``: how a case's chart is drawn (the
    build passes one that reuses unchanged charts)."""
    kennis = knowledge(taal, kb, teken)
    afbeeldingen: dict[str, Pagina] = {}
    gidsen = _guides(taal)
    paginas: dict[str, Pagina] = {"index.md": home_page(kennis, list(gidsen))}
    lessen = kennis.lessen.values()
    paginas["lessen/index.md"] = _index(
        t("site.lessen", taal), t("site.lessen_uitleg", taal),
        [f"{les.nummer}. [{esc(les.titel)}](les-{les.nummer}.md)" for les in lessen],
        [f"les-{les.nummer}" for les in lessen],
    )  # fmt: skip
    paginas.update({f"{les_doc(les.nummer)}.md": lesson_page(les, kennis) for les in lessen})
    paginas["casussen/index.md"] = _index(
        t("site.casussen", taal), t("site.casussen_uitleg", taal),
        [f"- [{esc(c.naam)}]({c.id}.md){_case_marker(c, taal)}" for c in kennis.casussen],
        [c.id for c in kennis.casussen],
    )  # fmt: skip
    paginas.update({f"{casus_doc(c.id)}.md": case_page(c, kennis, afbeeldingen) for c in kennis.casussen})
    paginas[f"{ACTIES_DOC}.md"] = _index(
        t("site.acties", taal), t("site.acties_uitleg", taal),
        [_action_item(a, ACTIES_DOC, taal) for a in kennis.acties],
        [a.id.lower() for a in kennis.acties],
    )  # fmt: skip
    paginas.update({f"{actie_doc(a.id)}.md": action_page(a, kennis) for a in kennis.acties})
    paginas.update(
        {f"{actie_doc(oud)}.md": merged_page(oud, nieuw, kennis) for oud, nieuw in kennis.kb.samengevoegd.items()}
    )
    wetten = list(kennis.wetten.values())
    paginas["wetten/index.md"] = _index(
        t("wet.kader", taal), t("wet.index_uitleg", taal),
        [f"- [{esc(w.titel)}]({w.id}.md): {esc(status_text(w, taal))}" for w in wetten], [w.id for w in wetten],
    )  # fmt: skip
    paginas.update({f"{wet_doc(w.id)}.md": law_page(w, kennis) for w in wetten})
    paginas[f"{MATRIX_DOC}.md"] = matrix_page(kennis)
    paginas["bronnen.md"] = sources_page(kennis)
    paginas["begrippen.md"] = glossary_page(list(kennis.kb.begrippen), taal)
    paginas.update({f"{doc}.md": tekst for doc, tekst in phase_pages(kennis).items()})
    paginas.update({f"gids/{naam}.md": tekst for naam, tekst in gidsen.items()})
    return paginas | afbeeldingen


def write_sources(paginas: dict[str, Pagina], map_: Path) -> int:
    """Write the pages into ``map_``, touching only files whose content changed (so Sphinx rebuilds
    only what changed) and removing pages that no longer exist. Returns the number written."""

    geschreven = 0
    for naam, inhoud in paginas.items():
        doel = map_ / naam
        data = inhoud if isinstance(inhoud, bytes) else inhoud.encode("utf-8")
        if not (doel.is_file() and doel.read_bytes() == data):
            write_file(doel, inhoud)
            geschreven += 1
    bekend = {str(Path(n)) for n in paginas}
    for pad in [p for p in map_.rglob("*") if p.is_file()]:
        if str(pad.relative_to(map_)) not in bekend:
            pad.unlink()
    return geschreven


__all__ = ["site_pages", "write_sources"]
