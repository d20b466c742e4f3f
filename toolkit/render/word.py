"""Word (``.docx``): a :class:`~toolkit.render.document.Document` written with python-docx.

A4 with 2 cm margins, the document's language and title set, real heading styles (the navigation
pane shows the structure; a heading stays with the text after it), tables with fixed column widths
that fit the page (:func:`~toolkit.render.document.column_widths`) and a header row that repeats on
every page, images with alternative text. Styles are looked up once per document and text goes in
as one run per paragraph: python-docx's look-ups by name and ``.text`` setter are slow for the
60-action tables of a checklist.
"""

from __future__ import annotations

import io
from typing import Any

from lxml import etree

from .document import Afbeelding, Alinea, Cel, Document, Kop, Lijst, Paragraaf, Tabel, Tekst, column_widths

#: WordprocessingML names, in Clark notation (lxml), made once.
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R, _RPR, _RSTYLE, _B, _I, _U, _T = (f"{_W}{n}" for n in ("r", "rPr", "rStyle", "b", "i", "u", "t"))
_VAL = f"{_W}val"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: Word's language tags for the report languages.
TAALCODE = {"nl": "nl-NL", "en": "en-GB"}


def write(model: Document) -> bytes:
    """The document as ``.docx`` bytes."""
    from docx import Document as NieuwDocument
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = NieuwDocument()
    sectie = doc.sections[0]
    sectie.orientation = WD_ORIENT.LANDSCAPE if model.liggend else WD_ORIENT.PORTRAIT
    sectie.page_width, sectie.page_height = (Cm(29.7), Cm(21.0)) if model.liggend else (Cm(21.0), Cm(29.7))
    for kant in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sectie, kant, Cm(2))
    taal = TAALCODE.get(model.taal, model.taal)
    doc.core_properties.title = model.titel
    doc.core_properties.language = taal
    standaard = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = standaard.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        standaard.append(lang)
    lang.set(qn("w:val"), taal)
    stijlen = doc.styles
    stijlen["Normal"].font.size = Pt(model.lettergrootte)
    koppen = {n: stijlen["Title" if n == 0 else f"Heading {n}"] for n in range(4)}
    for stijl in koppen.values():
        stijl.paragraph_format.keep_with_next = True
    schrijver = _Schrijver(doc, koppen, stijlen["List Bullet"], stijlen["List Number"], stijlen["Table Grid"], model)
    doc.add_paragraph(model.titel, style=koppen[0])
    for blok in model.blokken:
        schrijver.blok(blok)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


class _Schrijver:
    def __init__(self, doc: Any, koppen: dict[int, Any], bullet: Any, nummer: Any, raster: Any, model: Document):
        self.doc, self.koppen, self.bullet, self.nummer, self.raster, self.model = (
            doc, koppen, bullet, nummer, raster, model)  # fmt: skip

    def blok(self, blok: object) -> None:
        if isinstance(blok, Kop):
            self.doc.add_paragraph(blok.tekst, style=self.koppen[min(max(blok.niveau, 1), 3)])
        elif isinstance(blok, Paragraaf):
            self.runs(self.doc.add_paragraph(), blok.inhoud)
        elif isinstance(blok, Lijst):
            stijl = self.nummer if blok.genummerd else self.bullet
            for item in blok.items:
                self.runs(self.doc.add_paragraph(style=stijl), item)
        elif isinstance(blok, Tabel):
            self.tabel(blok)
        elif isinstance(blok, Afbeelding):
            self.afbeelding(blok)

    def runs(self, alinea: Any, inhoud: Alinea) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        p = alinea._p
        for deel in inhoud:
            ouder = p
            if deel.link:
                rid = alinea.part.relate_to(deel.link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
                ouder = OxmlElement("w:hyperlink")
                ouder.set(qn("r:id"), rid)
                p.append(ouder)
            r = etree.SubElement(ouder, _R)
            if deel.cursief or deel.vet or deel.link:
                rpr = etree.SubElement(r, _RPR)
                if deel.link:
                    etree.SubElement(rpr, _RSTYLE).set(_VAL, "Hyperlink")
                if deel.vet:
                    etree.SubElement(rpr, _B)
                if deel.cursief:
                    etree.SubElement(rpr, _I)
                if deel.link:
                    etree.SubElement(rpr, _U).set(_VAL, "single")
            t = etree.SubElement(r, _T)
            t.text = deel.tekst
            t.set(_SPACE, "preserve")

    def tabel(self, tabel: Tabel) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm

        breedtes = [Cm(b) for b in column_widths(tabel, self.model.breedte_cm, self.model.lettergrootte)]
        kopcellen: list[Cel] = [((_vet(k),),) for k in tabel.kop or ()]
        rijen: list[tuple[Cel, ...]] = [tuple(kopcellen)] if tabel.kop else []
        rijen += list(tabel.rijen)
        docx_tabel = self.doc.add_table(rows=len(rijen), cols=tabel.kolommen)
        docx_tabel.style = self.raster
        docx_tabel.autofit = False  # fixed layout: the widths below hold in Word and LibreOffice
        for kolom, breedte in zip(docx_tabel._tbl.tblGrid.findall(qn("w:gridCol")), breedtes, strict=True):
            kolom.set(qn("w:w"), str(breedte.twips))
        w_w, twips = qn("w:w"), [str(b.twips) for b in breedtes]
        for tr, waarden in zip(docx_tabel._tbl.iterchildren(qn("w:tr")), rijen, strict=True):
            for tc, tw, inhoud in zip(tr.iterchildren(qn("w:tc")), twips, waarden, strict=True):
                tc[0][0].set(w_w, tw)  # <w:tc><w:tcPr><w:tcW/></w:tcPr><w:p/></w:tc>, as python-docx makes it
                p = tc[1]
                for i, alinea in enumerate(inhoud or ((),)):
                    if i:
                        p = etree.SubElement(tc, qn("w:p"))
                    self.runs(_Alinea(p, docx_tabel.part), alinea)
        if tabel.kop:
            eerste = docx_tabel._tbl.findall(qn("w:tr"))[0]
            eerste.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeats on every page
        self.doc.add_paragraph()  # a table never touches the next table

    def afbeelding(self, blok: Afbeelding) -> None:
        from docx.shared import Cm

        self.doc.add_picture(io.BytesIO(blok.png), width=Cm(blok.breedte_cm))
        docpr = self.doc.inline_shapes[-1]._inline.docPr
        docpr.set("descr", blok.alt)
        docpr.set("title", blok.alt)


class _Alinea:
    """Just enough of python-docx's Paragraph for :meth:`_Schrijver.runs` on a raw ``w:p``."""

    def __init__(self, p: Any, part: Any):
        self._p, self.part = p, part


def _vet(tekst: str) -> Tekst:
    return Tekst(tekst, vet=True)
