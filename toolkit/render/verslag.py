"""The participation report (*verslag van participatie*): one document, in every format.

The report is built once as a :class:`~toolkit.render.document.Document` from the facts of
:func:`toolkit.domain.participation_facts`; Word, ODT and PDF are written from it by the office
writers, the web page and Markdown by :mod:`toolkit.render.webdoc`. So every format carries the
same text. Every statement ends with the logbook entries it comes from (``[A3]``, ``[I12]``,
``[B2]`` …); the annex lists them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TypeVar

from toolkit.base import format_date, t, term
from toolkit.content import TREDEN
from toolkit.domain import SECTIES, Activiteit, Besluit, Inbreng, Participatie, ladder_position

from .charts import png, timeline_figure
from .document import Alinea, Document, Lijst, Paragraaf, Tabel, alinea
from .registry import register_document
from .templating import page
from .webdoc import document_html, document_markdown

#: At most this many words in the summary for the council proposal.
SAMENVATTING_WOORDEN = 300


def refs(*groepen: tuple[str, Iterable[int]]) -> str:
    """``[A1–A3, B2]`` for ("A", [1, 2, 3]) and ("B", [2]): each kind's ids sorted, runs of
    consecutive ids joined; empty when there are none."""
    delen: list[str] = []
    for letter, ids in groepen:
        reeks = sorted(set(ids))
        i = 0
        while i < len(reeks):
            j = i
            while j + 1 < len(reeks) and reeks[j + 1] == reeks[j] + 1:
                j += 1
            if j - i >= 2:  # three or more in a row
                delen.append(f"{letter}{reeks[i]}–{letter}{reeks[j]}")
            else:
                delen += [f"{letter}{n}" for n in reeks[i : j + 1]]
            i = j + 1
    return f"[{', '.join(delen)}]" if delen else ""


#: A reference as the report writes it: ``A3``, ``I12`` …, alone or as a run ``A1–A3``.
VERWIJZING = re.compile(r"\b([ABCGIP])(\d+)(?:–\1(\d+))?\b")


def cited(tekst: str) -> set[str]:
    """Every entry a text refers to (``A1–A3`` gives A1, A2 and A3)."""
    uit: set[str] = set()
    for blok in re.findall(r"\[([^\[\]]*)\]", tekst):
        for letter, begin, eind in VERWIJZING.findall(blok):
            uit.update(f"{letter}{n}" for n in range(int(begin), int(eind or begin) + 1))
    return uit


def _groups(ids: set[str]) -> list[tuple[str, list[int]]]:
    """``{"A1", "B2", "A3"}`` -> ``[("A", [1, 3]), ("B", [2])]`` (for :func:`refs`)."""
    per: dict[str, list[int]] = {}
    for i in ids:
        per.setdefault(i[0], []).append(int(i[1:]))
    return sorted(per.items())


def long_date(iso: str, taal: str) -> str:
    """``2026-03-12`` -> ``12 maart 2026`` (``12 March 2026``); empty stays empty."""
    return format_date(date.fromisoformat(iso), taal) if iso else ""


def _number(n: int | None, taal: str) -> str:
    return t("verslag.onbekend", taal) if n is None else str(n)


def _names(namen: Sequence[str], taal: str) -> str:
    if len(namen) <= 1:
        return "".join(namen)
    return f"{', '.join(namen[:-1])} {t('verslag.en', taal)} {namen[-1]}"


def _subjects(onderwerpen: Sequence[str], taal: str, hooguit: int = 4) -> str:
    """At most ``hooguit`` subjects by name, then how many more."""
    if len(onderwerpen) <= hooguit:
        return _names(onderwerpen, taal)
    meer = t("verslag.meer_onderwerpen", taal, aantal=len(onderwerpen) - hooguit + 1)
    return _names([*onderwerpen[: hooguit - 1], meer], taal)


def _capital(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _with(tekst: str, verwijzing: str) -> Alinea:
    return alinea(f"{tekst} {verwijzing}".strip())


M = TypeVar("M", Activiteit, Inbreng)


def _by_subject(items: Sequence[M]) -> dict[str, list[M]]:
    """Activities or input grouped by subject (as typed, in any case), in the order they come."""
    groepen: dict[str, list[M]] = {}
    for item in items:
        groepen.setdefault(item.onderwerp.strip().lower(), []).append(item)
    return groepen


# --- the sections ---------------------------------------------------------------------------------


def _what_about(doc: Document, f: Participatie, taal: str) -> None:
    doc.tekst(
        t("verslag.periode", taal, van=long_date(f.van or f.eerste, taal), tot=long_date(f.tot or f.laatste, taal))
    )
    if f.activiteiten:
        doc.tekst(t("verslag.onderwerpen", taal))
        doc.lijst([_with(groep[0].onderwerp, refs(("A", (a.id for a in groep))))
                   for groep in _by_subject(f.activiteiten).values()])  # fmt: skip
    doc.kop(t("verslag.vooraf", taal), 2)
    vast = [_with(t("verslag.vooraf_besluit", taal, besluit=b.besluit, datum=long_date(b.datum, taal)),
                  refs(("B", [b.id]))) for b in f.vooraf_besloten]  # fmt: skip
    vast += [_with(t("verslag.alleen_informeren", taal, onderwerp=a.onderwerp), refs(("A", [a.id])))
             for a in f.activiteiten if a.trede == "informeren"]  # fmt: skip
    doc.lijst(vast) if vast else doc.tekst(t("verslag.vooraf_niets", taal))
    doc.kop(t("verslag.te_beinvloeden", taal), 2)
    open_ = [_with(t("verslag.invloed_activiteit", taal, onderwerp=a.onderwerp, trede=term("trede", a.trede, taal),
                     uitleg=t(f"verslag.trede.{a.trede}", taal)), refs(("A", [a.id])))
             for a in f.activiteiten if a.trede != "informeren"]  # fmt: skip
    open_ += [_with(t("verslag.voorgenomen", taal, besluit=b.besluit), refs(("B", [b.id]))) for b in f.voorgenomen]
    doc.lijst(open_) if open_ else doc.tekst(t("verslag.invloed_niets", taal))
    return None


def _who(doc: Document, f: Participatie, taal: str) -> None:
    doc.tekst(t("verslag.aantal_partijen", taal, aantal=len(f.partijen)))
    per_type: dict[str, list[str]] = {}
    for p in f.partijen:
        per_type.setdefault(p.type, []).append(f"{p.naam} {refs(('P', [p.id]))}")
    doc.lijst([alinea(f"{_capital(term('partij', soort, taal))}: {', '.join(namen)}")
               for soort, namen in sorted(per_type.items())])  # fmt: skip
    return None


def _reach(doc: Document, f: Participatie, taal: str) -> None:
    kolommen = ("activiteit", "datum", "voor_wie", "uitgenodigd", "deelnemers", "bron")
    doc.tabel(
        [t(f"verslag.kolom.{k}", taal) for k in kolommen],
        [[a.onderwerp, long_date(a.datum, taal), ", ".join(a.doelgroep) or t("verslag.niet_genoemd", taal),
          _number(a.uitgenodigd, taal), _number(a.deelnemers, taal), refs(("A", [a.id]))] for a in f.activiteiten],
        (3, 2, 3, 1.5, 1.5, 1),
    )  # fmt: skip
    bekend = [a for a in f.activiteiten if a.uitgenodigd is not None and a.deelnemers is not None]
    if bekend:
        uit, mee = sum(a.uitgenodigd or 0 for a in bekend), sum(a.deelnemers or 0 for a in bekend)
        doc.tekst(*_with(t("verslag.opkomst", taal, bekend=len(bekend), totaal=len(f.activiteiten), deelnemers=mee,
                          uitgenodigd=uit), refs(("A", (a.id for a in bekend)))))  # fmt: skip
    for a in f.activiteiten:
        if a.deelnemers is not None and a.uitgenodigd is not None and a.deelnemers > a.uitgenodigd and a.toelichting:
            doc.tekst(*_with(t("verslag.meer_dan_uitgenodigd", taal, onderwerp=a.onderwerp, toelichting=a.toelichting),
                            refs(("A", [a.id]))))  # fmt: skip
    _not_reached(doc, f, taal)
    return None


def _not_reached(doc: Document, f: Participatie, taal: str) -> None:
    doc.kop(t("verslag.niet_bereikt", taal), 2)
    if not f.niet_bereikt:
        doc.tekst(t("verslag.iedereen_bereikt", taal))
        return None
    regels = []
    for p in f.niet_bereikt:
        gesprekken = [g.id for g in f.conversations_with(p.naam)]
        zin = t("verslag.geen_activiteit", taal, naam=p.naam, soort=term("partij", p.type, taal))
        if gesprekken:
            zin += " " + t("verslag.wel_gesprek", taal, aantal=len(gesprekken))
        regels.append(_with(zin, refs(("P", [p.id]), ("G", gesprekken))))
    doc.lijst(regels)
    return None


#: Up to this many activities, the timeline numbers each dot and its text alternative lists each
#: activity; with more, numbers could not be read (and the alternative counts per rung instead).
TIJDLIJN_NUMMERS = 40


def _timeline_png(f: Participatie, taal: str) -> bytes:
    gebruikt = sorted({ladder_position(a.trede) for a in f.activiteiten})
    banen = {positie: n for n, positie in enumerate(gebruikt)}
    labels = [term("trede", TREDEN[p], taal) if p < len(TREDEN) else "?" for p in gebruikt]
    return png(timeline_figure([date.fromisoformat(a.datum) for a in f.activiteiten],
                               [banen[ladder_position(a.trede)] for a in f.activiteiten], labels,
                               [False] * len(f.activiteiten), [a.id for a in f.activiteiten],
                               t("verslag.tijdlijn_titel", taal),
                               met_nummers=len(f.activiteiten) <= TIJDLIJN_NUMMERS))  # fmt: skip


def _timeline_alt(f: Participatie, taal: str) -> str:
    if len(f.activiteiten) <= TIJDLIJN_NUMMERS:
        return t("verslag.tijdlijn_alt", taal, lijst="; ".join(
            f"{a.id}: {long_date(a.datum, taal)}, {term('logboek.vorm', a.vorm, taal)}, {term('trede', a.trede, taal)}"
            for a in f.activiteiten))  # fmt: skip
    per_trede = Counter(a.trede for a in sorted(f.activiteiten, key=lambda a: ladder_position(a.trede)))
    return t("verslag.tijdlijn_alt_telling", taal, van=long_date(min(a.datum for a in f.activiteiten), taal),
             tot=long_date(max(a.datum for a in f.activiteiten), taal),
             telling="; ".join(f"{term('trede', tr, taal)} {n}" for tr, n in per_trede.items()))  # fmt: skip


def _how(doc: Document, f: Participatie, taal: str) -> None:
    doc.tabel(
        [t(f"verslag.kolom.{k}", taal) for k in ("datum", "vorm", "activiteit", "trede", "fase", "bron")],
        [[long_date(a.datum, taal), term("logboek.vorm", a.vorm, taal), a.onderwerp, term("trede", a.trede, taal),
          term("fase", a.fase, taal) if a.fase else t("verslag.niet_genoemd", taal), refs(("A", [a.id]))]
         for a in f.activiteiten],
        (2, 2, 3.5, 2, 2, 1),
    )  # fmt: skip
    vormen: dict[str, list[int]] = {}
    for a in f.activiteiten:
        vormen.setdefault(a.vorm, []).append(a.id)
    doc.tekst(t("verslag.vormen", taal, vormen="; ".join(
        f"{term('logboek.vorm', v, taal)} {len(ids)}× {refs(('A', ids))}" for v, ids in vormen.items())))  # fmt: skip
    doc.afbeelding(_timeline_png(f, taal), _timeline_alt(f, taal), 16)
    if len(f.activiteiten) <= TIJDLIJN_NUMMERS:
        doc.tekst(t("verslag.tijdlijn_uitleg", taal))
    return None


def _input(doc: Document, f: Participatie, taal: str) -> None:
    for groep in _by_subject(f.inbreng).values():
        doc.kop(groep[0].onderwerp, 2)
        doc.lijst([_with(f"{i.inbreng} ({term('logboek.standpunt', i.standpunt, taal)})",
                         refs(("I", [i.id]), ("A", [i.activiteit]))) for i in groep])  # fmt: skip
    return None


def _agree(doc: Document, f: Participatie, taal: str) -> None:
    standpunten = [i for i in f.inbreng if i.standpunt != "vraag"]
    regels = []
    for groep in _by_subject(standpunten).values():
        tellingen = []
        for s in ("eens", "oneens", "gemengd"):
            ids = [i.id for i in groep if i.standpunt == s]
            if ids:
                tellingen.append(f"{term('logboek.standpunt_telling', s, taal)} {len(ids)}× {refs(('I', ids))}")
        regels.append(alinea(f"{groep[0].onderwerp}: {'; '.join(tellingen)}"))
    doc.lijst(regels)
    for s in ("oneens", "gemengd"):
        lijst = [i for i in standpunten if i.standpunt == s]
        if lijst:
            doc.kop(t(f"verslag.kop_{s}", taal), 2)
            doc.lijst([_with(f"{i.onderwerp}: {i.inbreng}", refs(("I", [i.id]))) for i in lijst])
    vragen = [i for i in f.inbreng if i.standpunt == "vraag"]
    if vragen:
        doc.tekst(*_with(t("verslag.vragen", taal, aantal=len(vragen)), refs(("I", (i.id for i in vragen)))))
    return None


def _done(doc: Document, f: Participatie, taal: str) -> None:
    for v in ("overgenomen", "deels", "niet"):
        lijst = [i for i in f.inbreng if i.verwerking == v]
        if not lijst:
            continue
        doc.kop(t(f"verslag.kop_{v}", taal), 2)
        doc.lijst([_with(f"{i.inbreng} — {i.toelichting or t('verslag.reden_onbekend', taal)}",
                         refs(("I", [i.id]))) for i in lijst])  # fmt: skip
    if f.open_inbreng:
        doc.tekst(*_with(t("verslag.nog_open", taal, aantal=len(f.open_inbreng)),
                        refs(("I", (i.id for i in f.open_inbreng)))))  # fmt: skip
    return None


def _told(b: Besluit, taal: str) -> str:
    return "; ".join(
        t("verslag.gemeld_via", taal, partij=m.partij, kanaal=term("logboek.kanaal", m.kanaal, taal),
          datum=long_date(m.datum, taal)) + f" {refs(('C', [m.id]))}" for m in b.gemeld
    )  # fmt: skip


def _feedback(doc: Document, f: Participatie, taal: str) -> None:
    regels = []
    for b in (b for b in f.besluiten if b.status != "ingetrokken"):
        zin = t("verslag.besluit_kop", taal, besluit=b.besluit, datum=long_date(b.datum, taal),
                status=term("logboek.status", b.status, taal))  # fmt: skip
        if b.gemeld:
            zin += " " + t("verslag.gedeeld_met", taal, wie=_told(b, taal))
        if b.niet_gemeld:
            zin += " " + t("verslag.nog_niet_gedeeld", taal, wie=_names(list(b.niet_gemeld), taal))
        regels.append(_with(zin, refs(("B", [b.id]))))
    doc.lijst(regels)
    doc.kop(t("verslag.niet_teruggekoppeld", taal), 2)
    if f.niet_teruggekoppeld:
        doc.lijst([_with(t("verslag.besluit_niet_gedeeld", taal, besluit=b.besluit,
                           wie=_names(list(b.niet_gemeld), taal)), refs(("B", [b.id])))
                   for b in f.niet_teruggekoppeld])  # fmt: skip
    else:
        doc.tekst(t("verslag.alles_teruggekoppeld", taal))
    return None


def open_points(f: Participatie, taal: str) -> list[Alinea]:
    """What to settle before the report goes out, each with its entries."""
    punten = [_with(t("verslag.open.inbreng", taal, inbreng=i.inbreng), refs(("I", [i.id]))) for i in f.open_inbreng]
    punten += [_with(t("verslag.open.reden", taal, inbreng=i.inbreng), refs(("I", [i.id]))) for i in f.zonder_reden]
    punten += [_with(t("verslag.open.besluit", taal, besluit=b.besluit, wie=_names(list(b.niet_gemeld), taal)),
                     refs(("B", [b.id]))) for b in f.niet_teruggekoppeld]  # fmt: skip
    punten += [_with(t("verslag.open.partij", taal, naam=p.naam), refs(("P", [p.id]))) for p in f.niet_bereikt]
    punten += [_with(t("verslag.open.aantallen", taal, onderwerp=a.onderwerp), refs(("A", [a.id])))
               for a in f.aantallen_onbekend]  # fmt: skip
    return punten


def _open(doc: Document, f: Participatie, taal: str) -> None:
    punten = open_points(f, taal)
    if punten:
        doc.tekst(t("verslag.open_uitleg", taal))
        doc.lijst(punten)
    else:
        doc.tekst(t("verslag.geen_open_punten", taal))


_SECTIES = {"waarover": _what_about, "wie_raakt_het": _who, "bereik": _reach, "hoe": _how, "inbreng": _input,
            "eens_oneens": _agree, "gedaan": _done, "teruggekoppeld": _feedback, "open_punten": _open}  # fmt: skip


# --- summary and annex ----------------------------------------------------------------------------


def summary(f: Participatie, taal: str, met_verwijzingen: bool = True) -> list[str]:
    """The short summary to paste into the council proposal: a few sentences, at most
    :data:`SAMENVATTING_WOORDEN` words (without references when they would make it longer)."""

    def r(*groepen: tuple[str, Iterable[int]]) -> str:
        verwijzing = refs(*((letter, list(ids)) for letter, ids in groepen))
        return f" {verwijzing}" if met_verwijzingen and verwijzing else ""

    zinnen = []
    a_ids = [a.id for a in f.activiteiten]
    if f.activiteiten:
        onderwerpen = list(dict.fromkeys(a.onderwerp for a in f.activiteiten))
        datums = [a.datum for a in f.activiteiten]
        zinnen.append(t("verslag.sam.activiteiten", taal, aantal=len(f.activiteiten),
                        van=long_date(min(datums), taal), tot=long_date(max(datums), taal),
                        onderwerpen=_subjects(onderwerpen, taal)) + r(("A", a_ids)))  # fmt: skip
        bekend = [a for a in f.activiteiten if a.deelnemers is not None]
        hoogste = max(f.activiteiten, key=lambda a: ladder_position(a.trede)).trede
        zinnen.append(t("verslag.sam.deelnemers", taal, deelnemers=sum(a.deelnemers or 0 for a in bekend),
                        bekend=len(bekend), totaal=len(f.activiteiten), trede=term("trede", hoogste, taal))
                      + r(("A", (a.id for a in bekend))))  # fmt: skip
    else:
        zinnen.append(t("verslag.sam.geen_activiteiten", taal))
    if f.partijen:
        bereikt = [p for p in f.partijen if p not in f.niet_bereikt]
        zinnen.append(t("verslag.sam.partijen", taal, bereikt=len(bereikt), totaal=len(f.partijen))
                      + r(("P", (p.id for p in f.partijen))))  # fmt: skip
    if f.inbreng:
        tel = {v: [i.id for i in f.inbreng if i.verwerking == v] for v in ("overgenomen", "deels", "niet", "open")}
        zinnen.append(t("verslag.sam.inbreng", taal, aantal=len(f.inbreng), **{v: len(ids) for v, ids in tel.items()})
                      + r(("I", (i.id for i in f.inbreng))))  # fmt: skip
    besluiten = [b for b in f.besluiten if b.status != "ingetrokken"]
    if besluiten:
        gedeeld = [b for b in besluiten if not b.niet_gemeld]
        zinnen.append(t("verslag.sam.besluiten", taal, gedeeld=len(gedeeld), totaal=len(besluiten))
                      + r(("B", (b.id for b in besluiten))))  # fmt: skip
    punten = open_points(f, taal)
    genoemd = cited(" ".join(d.tekst for a in punten for d in a))
    zinnen.append(t("verslag.sam.open", taal, aantal=len(punten)) + r(*_groups(genoemd)) if punten
                  else t("verslag.sam.geen_open", taal))  # fmt: skip
    if met_verwijzingen and len(" ".join(zinnen).split()) > SAMENVATTING_WOORDEN:
        return summary(f, taal, met_verwijzingen=False)
    return zinnen


def _annex(doc: Document, tekst: str, f: Participatie, taal: str) -> None:
    """The entries the report refers to, in the order A, B, C, G, I, P."""
    genoemd = cited(tekst)
    rijen: list[tuple[str, str, str, str]] = []
    for a in f.activiteiten:
        rijen.append(
            (f"A{a.id}", t("verslag.soort.A", taal), a.datum, f"{term('logboek.vorm', a.vorm, taal)}: {a.onderwerp}")
        )
    for b in f.besluiten:
        rijen.append((f"B{b.id}", t("verslag.soort.B", taal), b.datum, b.besluit))
        for m in b.gemeld:
            rijen.append((f"C{m.id}", t("verslag.soort.C", taal), m.datum,
                          f"{m.partij}, {term('logboek.kanaal', m.kanaal, taal)} (B{b.id})"))  # fmt: skip
    datum = {a.id: a.datum for a in f.activiteiten}
    for i in f.inbreng:
        rijen.append((f"I{i.id}", t("verslag.soort.I", taal), datum[i.activiteit], f"{i.inbreng} (A{i.activiteit})"))
    for p in f.partijen:
        rijen.append((f"P{p.id}", t("verslag.soort.P", taal), "", f"{p.naam} ({term('partij', p.type, taal)})"))
    for g in f.gesprekken:
        rijen.append((f"G{g.id}", t("verslag.soort.G", taal), g.datum, f"{g.onderwerp} ({', '.join(g.partijen)})"))
    gezien = {rij[0]: rij for rij in rijen if rij[0] in genoemd}
    volgorde = sorted(gezien.values(), key=lambda r: (r[0][0], int(r[0][1:])))
    doc.kop(t("verslag.bijlage", taal), 1)
    doc.tekst(t("verslag.bijlage_uitleg", taal))
    doc.tabel([t(f"verslag.kolom.{k}", taal) for k in ("bron", "soort", "datum", "omschrijving")],
              [[r[0], r[1], long_date(r[2], taal), r[3]] for r in volgorde], (1, 1.6, 2, 6))  # fmt: skip


def _text_of(doc: Document) -> str:
    return " ".join(d.tekst for blok in doc.blokken for a in _alineas(blok) for d in a)


def _alineas(blok: object) -> list[Alinea]:
    if isinstance(blok, Paragraaf):
        return [blok.inhoud]
    if isinstance(blok, Lijst):
        return list(blok.items)
    if isinstance(blok, Tabel):
        return [a for rij in blok.rijen for c in rij for a in c]
    return []


@register_document("verslag", meer={"html": ("verslag", "write_page"), "md": ("verslag", "write_markdown")})
def participation_document(f: Participatie, taal: str) -> Document:
    """The whole report: introduction, summary, the nine sections, the annex."""
    doc = Document(t("verslag.titel", taal), taal)
    if f.leeg:
        doc.tekst(t("verslag.leeg_periode" if f.van or f.tot else "verslag.leeg", taal,
                    van=long_date(f.van, taal) or "…", tot=long_date(f.tot, taal) or "…"))  # fmt: skip
        doc.tekst(t("verslag.leeg_hoe", taal))
        return doc
    doc.tekst(t("verslag.inleiding", taal, datum=long_date(date.today().isoformat(), taal)))
    doc.kop(t("verslag.samenvatting", taal), 1)
    for zin in summary(f, taal):
        doc.tekst(zin)
    leeg = set(f.empty_sections())  # the same test the checklist's --logboek names empty sections by
    for sectie in SECTIES:
        doc.kop(t(f"verslag.sectie.{sectie}", taal), 1)
        if sectie not in leeg:
            _SECTIES[sectie](doc, f, taal)
            continue
        doc.tekst(t("verslag.niets_hier", taal))
        if sectie == "bereik" and f.partijen:  # no activity at all: every party is one none reached
            _not_reached(doc, f, taal)
    _annex(doc, _text_of(doc), f, taal)
    return doc


def _linked(html: str) -> str:
    """References in the web page link to their row in the annex."""

    def link(m: re.Match[str]) -> str:
        return re.sub(r"\b([ABCGIP]\d+)\b", r'<a href="#ref-\1">\1</a>', m.group(0))

    html = re.sub(r"\[(?:[ABCGIP]\d+(?:–[ABCGIP]\d+)?(?:, )?)+\]", link, html)
    return re.sub(r"<tr><td>([ABCGIP]\d+)</td>", r'<tr id="ref-\1"><td>\1</td>', html)


def write_page(doc: Document) -> str:
    """The report as a web page: its references link to their row in the annex."""
    return page(doc.titel, doc.taal, _linked(document_html(doc)))


def write_markdown(doc: Document) -> str:
    """The report in Markdown; a reference alone is plain text in CommonMark, so it is written
    without backslashes and pastes as it reads."""
    return re.sub(r"\\\[((?:[ABCGIP]\d+(?:–[ABCGIP]\d+)?(?:, )?)+)\\\]", r"[\1]", document_markdown(doc))
