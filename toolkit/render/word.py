"""Word (``.docx``): a :class:`~toolkit.render.document.Document` written with python-docx.

A4 with 2 cm margins, the document's language and title set, real heading styles (the navigation
pane shows the structure; a heading stays with the text after it), tables with fixed column widths
that fit the page (:func:`~toolkit.render.document.column_widths`) and a header row that repeats on
every page, images with alternative text.

python-docx makes the package: it opens a template, looks after relationships and parts, and saves
the file. Its template is trimmed once per process to what our documents use (ten styles instead of
164, no 440 kB ``stylesWithEffects`` part, no thumbnail of an empty page), so each document opens
and saves in a few milliseconds. Paragraphs and tables go into the body as WordprocessingML
elements made with lxml, with the style ids of the template: python-docx's look-ups of a style by
name, per paragraph, cost more than all the rest of a checklist.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from lxml import etree

from .document import Afbeelding, Alinea, Document, Kop, Lijst, Paragraaf, Tabel, column_widths

#: WordprocessingML names, in Clark notation (lxml), made once.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
(_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _B, _I, _U, _T, _HYPERLINK, _TBL, _TBLPR, _TBLSTYLE, _TBLW, _TBLLAYOUT,
 _TBLLOOK, _TBLGRID, _GRIDCOL, _TR, _TRPR, _TBLHEADER, _TC, _TCPR, _TCW) = (
    f"{_W}{n}" for n in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "b", "i", "u", "t", "hyperlink", "tbl", "tblPr",
                         "tblStyle", "tblW", "tblLayout", "tblLook", "tblGrid", "gridCol", "tr", "trPr", "tblHeader",
                         "tc", "tcPr", "tcW"))  # fmt: skip
_VAL, _TYPE, _WW, _KEEPNEXT = f"{_W}val", f"{_W}type", f"{_W}w", f"{_W}keepNext"
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: Word's language tags for the report languages.
TAALCODE = {"nl": "nl-NL", "en": "en-GB"}

#: The styles our documents use (by style id), and those they are based on or linked to.
_STIJLEN = ("Normal", "Title", "Heading1", "Heading2", "Heading3", "ListBullet", "ListNumber", "TableGrid")

#: A character style for links (python-docx's template has none): blue and underlined, as in Word.
_LINKSTIJL = (
    f'<w:style xmlns:w="{_W[1:-1]}" w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:color w:val="0B5394"/><w:u w:val="single"/></w:rPr></w:style>'
)

_TWIPS_PER_CM = 1440 / 2.54
#: Word 2010's copy of the styles (python-docx has no name for it); Word does without it.
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


@functools.cache
def _template() -> bytes:
    """python-docx's default template trimmed to what our documents use, as ``.docx`` bytes."""
    from docx import Document as NieuwDocument
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    doc = NieuwDocument()
    stijlen = doc.styles.element
    per_id = {s.get(f"{_W}styleId"): s for s in stijlen.iterchildren(f"{_W}style")}
    houden: set[str] = set()
    open_ = [*_STIJLEN, *(s.get(f"{_W}styleId") for s in per_id.values() if s.get(f"{_W}default") == "1")]
    while open_:
        stijl_id = open_.pop()
        if stijl_id in houden or stijl_id not in per_id:
            continue
        houden.add(stijl_id)
        for verwijzing in ("basedOn", "next", "link"):
            ander = per_id[stijl_id].find(f"{_W}{verwijzing}")
            if ander is not None:
                open_.append(ander.get(_VAL))
    for stijl_id, stijl in per_id.items():
        if stijl_id not in houden:
            stijlen.remove(stijl)
    latent = stijlen.find(f"{_W}latentStyles")
    if latent is not None:
        stijlen.remove(latent)
    stijlen.append(etree.fromstring(_LINKSTIJL))
    for lettertype in stijlen.iter(f"{_W}rFonts"):  # one sans-serif font throughout, as in the ODT
        lettertype.attrib.clear()
        for soort in ("ascii", "hAnsi", "eastAsia", "cs"):
            lettertype.set(f"{_W}{soort}", "Arial")
    for n in (1, 2, 3):  # a heading never ends a page: it keeps with the text after it
        ppr = per_id[f"Heading{n}"].find(_PPR)
        if ppr is not None and ppr.find(f"{_W}keepNext") is None:
            ppr.insert(0, etree.Element(f"{_W}keepNext"))
    overbodig = {_STYLES_WITH_EFFECTS, RT.CUSTOM_XML, RT.THUMBNAIL}
    for relaties in (doc.part.rels, doc.part.package.rels):
        for rid in [rid for rid, rel in relaties.items() if rel.reltype in overbodig]:
            del relaties[rid]  # the part goes with its only relationship
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write(model: Document) -> bytes:
    """The document as ``.docx`` bytes."""
    from docx import Document as NieuwDocument
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    doc = NieuwDocument(io.BytesIO(_template()))
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.LANDSCAPE if model.liggend else WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = (Cm(29.7), Cm(21.0)) if model.liggend else (Cm(21.0), Cm(29.7))
    for kant in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sectie, kant, Cm(2))
    taal = TAALCODE.get(model.taal, model.taal)
    doc.core_properties.title = model.titel
    doc.core_properties.language = taal
    stijlen = doc.styles.element
    standaard = stijlen.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    lang = standaard.find(f"{_W}lang")
    if lang is None:
        lang = etree.SubElement(standaard, f"{_W}lang")
    lang.set(_VAL, taal)
    normaal = stijlen.find(f"{_W}style[@{_W}styleId='Normal']")
    rpr = normaal.find(_RPR)
    if rpr is None:
        rpr = etree.SubElement(normaal, _RPR)
    for naam in ("sz", "szCs"):
        etree.SubElement(rpr, f"{_W}{naam}").set(_VAL, str(round(model.lettergrootte * 2)))
    _Schrijver(doc, model).alles()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


class _Schrijver:
    """Puts the blocks of the model into the body, before its section properties."""

    def __init__(self, doc: Any, model: Document):
        self.doc, self.model = doc, model
        self.einde = doc.element.body[-1]  # <w:sectPr>: the body's last element stays last
        self.links: dict[str, str] = {}

    def alles(self) -> None:
        self.alinea(((self.model.titel, False, False, None),), "Title")
        blokken = self.model.blokken
        for n, blok in enumerate(blokken):
            if isinstance(blok, Kop):
                self.alinea(((blok.tekst, False, False, None),), f"Heading{min(max(blok.niveau, 1), 3)}")
            elif isinstance(blok, Paragraaf):
                # a sentence that introduces a table stays on the table's page
                voor_tabel = n + 1 < len(blokken) and isinstance(blokken[n + 1], Tabel)
                self.alinea(_runs(blok.inhoud), houd_bij_volgende=voor_tabel)
            elif isinstance(blok, Lijst):
                stijl = "ListNumber" if blok.genummerd else "ListBullet"
                for item in blok.items:
                    self.alinea(_runs(item), stijl)
            elif isinstance(blok, Tabel):
                self.tabel(blok)
            elif isinstance(blok, Afbeelding):
                self.afbeelding(blok)

    def alinea(self, runs: tuple[tuple[str, bool, bool, str | None], ...], stijl: str | None = None,
               houd_bij_volgende: bool = False) -> None:  # fmt: skip
        p = etree.Element(_P)
        if stijl or houd_bij_volgende:
            ppr = etree.SubElement(p, _PPR)
            if stijl:
                etree.SubElement(ppr, _PSTYLE).set(_VAL, stijl)
            if houd_bij_volgende:
                etree.SubElement(ppr, _KEEPNEXT)
        self.runs(p, runs)
        self.einde.addprevious(p)

    def runs(self, p: Any, runs: tuple[tuple[str, bool, bool, str | None], ...]) -> None:
        for tekst, cursief, vet, link in runs:
            ouder = p
            if link:
                ouder = etree.SubElement(p, _HYPERLINK)
                ouder.set(_RID, self.link(link))
            r = etree.SubElement(ouder, _R)
            if cursief or vet or link:
                rpr = etree.SubElement(r, _RPR)
                if link:
                    etree.SubElement(rpr, _RSTYLE).set(_VAL, "Hyperlink")
                if vet:
                    etree.SubElement(rpr, _B)
                if cursief:
                    etree.SubElement(rpr, _I)
            t = etree.SubElement(r, _T)
            t.text = tekst
            t.set(_SPACE, "preserve")

    def link(self, url: str) -> str:
        if url not in self.links:
            from docx.opc.constants import RELATIONSHIP_TYPE

            self.links[url] = self.doc.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        return self.links[url]

    def tabel(self, tabel: Tabel) -> None:
        twips = [str(round(b * _TWIPS_PER_CM)) for b in column_widths(tabel, self.model.breedte_cm,
                                                                       self.model.lettergrootte)]  # fmt: skip
        tbl = etree.Element(_TBL)
        tblpr = etree.SubElement(tbl, _TBLPR)
        etree.SubElement(tblpr, _TBLSTYLE).set(_VAL, "TableGrid")
        breedte = etree.SubElement(tblpr, _TBLW)
        breedte.set(_TYPE, "auto")
        breedte.set(_WW, "0")
        etree.SubElement(tblpr, _TBLLAYOUT).set(_TYPE, "fixed")  # the widths below hold in Word and LibreOffice
        etree.SubElement(tblpr, _TBLLOOK).set(_VAL, "04A0")  # header row formatted, no banding
        raster = etree.SubElement(tbl, _TBLGRID)
        for tw in twips:
            etree.SubElement(raster, _GRIDCOL).set(_WW, tw)
        if tabel.kop:
            tr = etree.SubElement(tbl, _TR)
            etree.SubElement(etree.SubElement(tr, _TRPR), _TBLHEADER)  # repeats on every page
            for tw, kop in zip(twips, tabel.kop, strict=True):
                self.cel(tr, tw, (((kop, False, True, None),),))
        for rij in tabel.rijen:
            tr = etree.SubElement(tbl, _TR)
            for tw, inhoud in zip(twips, rij, strict=True):
                self.cel(tr, tw, tuple(_runs(a) for a in inhoud))
        self.einde.addprevious(tbl)
        self.einde.addprevious(etree.Element(_P))  # a table never touches the next table

    def cel(self, tr: Any, twips: str, alineas: tuple[tuple[tuple[str, bool, bool, str | None], ...], ...]) -> None:
        tc = etree.SubElement(tr, _TC)
        breedte = etree.SubElement(etree.SubElement(tc, _TCPR), _TCW)
        breedte.set(_TYPE, "dxa")
        breedte.set(_WW, twips)
        for runs in alineas or ((),):  # a cell holds at least one paragraph
            self.runs(etree.SubElement(tc, _P), runs)

    def afbeelding(self, blok: Afbeelding) -> None:
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(blok.png), width=Cm(blok.breedte_cm))
        docpr = self.doc.inline_shapes[-1]._inline.docPr
        docpr.set("descr", blok.alt)
        docpr.set("title", blok.alt)


def _runs(alinea: Alinea) -> tuple[tuple[str, bool, bool, str | None], ...]:
    return tuple((t.tekst, t.cursief, t.vet, t.link) for t in alinea)
