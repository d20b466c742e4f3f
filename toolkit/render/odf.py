"""OpenDocument (``.odt`` and ``.ods``): odfpy makes the package, lxml the content.

Dutch public bodies offer ODF beside every Word or Excel file they publish (the open-standards list
of Forum Standaardisatie). :func:`write_text` writes a :class:`~toolkit.render.document.Document`
with the same layout rules as :mod:`toolkit.render.word` (A4, 2 cm margins, language and title,
heading styles that keep with the next paragraph, fixed column widths, a repeating header row,
images with alternative text); :func:`write_sheets` writes a
:class:`~toolkit.render.sheet.Werkboek` like :mod:`toolkit.render.sheet` does for Excel (validation
lists, A4 landscape fit to one page wide, header row frozen and repeated when printed).

odfpy writes the package: the manifest, ``meta.xml`` (title, language), ``styles.xml`` (the named
styles and the A4 page) and the pictures. The body of ``content.xml`` is built with lxml, as
:mod:`toolkit.render.word` builds Word's: odfpy checks and serialises every element in Python
(about 40 µs each), and a checklist has some 1,200 (:class:`_Pakket`).
"""

from __future__ import annotations

import functools
import io
import struct
from datetime import date
from typing import Any

from lxml import etree

from .document import Afbeelding, Alinea, Document, Kop, Lijst, Paragraaf, Tabel, Tekst, column_widths, xml_text
from .sheet import Werkboek

TAAL_LAND = {"nl": ("nl", "NL"), "en": ("en", "GB")}

#: The OpenDocument namespaces the content uses (ODF 1.2, as odfpy writes it).
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
}
_NAMEN: dict[str, str] = {}


def _naam(naam: str) -> str:
    """``"text:p"`` in Clark notation, ``"{urn:…:text:1.0}p"``."""
    clark = _NAMEN.get(naam)
    if clark is None:
        prefix, lokaal = naam.split(":")
        clark = _NAMEN[naam] = f"{{{NS[prefix]}}}{lokaal}"
    return clark


def _el(ouder: Any, naam: str, tekst: str | None = None, **attributen: str) -> Any:
    """A child element; attribute names as ``prefix_lokaal`` with ``-`` written ``__``
    (``table_style__name`` is ``table:style-name``)."""
    element = etree.SubElement(ouder, _naam(naam))
    for sleutel, waarde in attributen.items():
        element.set(_naam(sleutel.replace("__", "-").replace("_", ":", 1)), waarde)
    if tekst:
        element.text = xml_text(tekst)
    return element


def _pakket(mimetype: str) -> Any:
    """An odfpy document whose ``content.xml`` is the lxml tree put in ``inhoud``."""
    return _pakketsoort()(mimetype)


@functools.cache
def _pakketsoort() -> Any:
    from odf.opendocument import OpenDocument

    class _Pakket(OpenDocument):  # type: ignore[misc]
        """odfpy's document, but ``content.xml`` comes from lxml (odfpy writes the rest)."""

        inhoud: Any = None

        def contentxml(self) -> bytes:
            return bytes(etree.tostring(self.inhoud, xml_declaration=True, encoding="UTF-8"))

    return _Pakket


def _inhoud() -> tuple[Any, Any, Any]:
    """A new ``office:document-content``: (root, automatic styles, body)."""
    wortel = etree.Element(_naam("office:document-content"), nsmap=NS)
    wortel.set(_naam("office:version"), "1.2")
    return wortel, _el(wortel, "office:automatic-styles"), _el(wortel, "office:body")


def _opslaan(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)  # closes the ZIP: its central directory is written
    return buffer.getvalue()


def _png_size(png: bytes) -> tuple[int, int]:
    breedte, hoogte = struct.unpack(">II", png[16:24])
    return breedte, hoogte


def _meta(doc: Any, titel: str, taal: str) -> tuple[str, str]:
    """Title and language in the document's metadata; returns (language, country)."""
    from odf import dc

    code, land = TAAL_LAND.get(taal, (taal, ""))
    doc.meta.addElement(dc.Title(text=titel))
    doc.meta.addElement(dc.Language(text=f"{code}-{land}" if land else code))
    return code, land


def write_text(model: Document) -> bytes:
    """The document as ``.odt`` bytes."""
    from odf.style import (
        DefaultStyle,
        ListLevelProperties,
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        ParagraphProperties,
        Style,
        TextProperties,
    )
    from odf.text import ListLevelStyleBullet, ListLevelStyleNumber, ListStyle

    doc = _pakket("application/vnd.oasis.opendocument.text")
    taal, land = _meta(doc, model.titel, model.taal)
    breedte, hoogte = ("29.7cm", "21cm") if model.liggend else ("21cm", "29.7cm")
    blad = PageLayout(name="A4")
    blad.addElement(PageLayoutProperties(pagewidth=breedte, pageheight=hoogte, margin="2cm",
                                         printorientation="landscape" if model.liggend else "portrait"))  # fmt: skip
    doc.automaticstyles.addElement(blad)
    doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=blad))
    standaard = DefaultStyle(family="paragraph")
    standaard.addElement(TextProperties(language=taal, country=land, fontsize=f"{model.lettergrootte}pt",
                                        fontfamily="'Liberation Sans', Arial, sans-serif"))  # fmt: skip
    doc.styles.addElement(standaard)
    tekststijl = Style(name="Text_20_body", displayname="Text body", family="paragraph")
    tekststijl.addElement(ParagraphProperties(marginbottom="0.2cm"))
    doc.styles.addElement(tekststijl)
    for niveau, grootte in ((0, 20), (1, 15), (2, 12.5), (3, 11)):
        stijl = Style(name=_KOPSTIJL[niveau], displayname="Title" if niveau == 0 else f"Heading {niveau}",
                      family="paragraph", defaultoutlinelevel=str(max(niveau, 1)))  # fmt: skip
        stijl.addElement(ParagraphProperties(keepwithnext="always", margintop="0.4cm", marginbottom="0.2cm"))
        stijl.addElement(TextProperties(fontsize=f"{grootte}pt", fontweight="bold"))
        doc.styles.addElement(stijl)
    for naam, eigenschappen in (("Cursief", {"fontstyle": "italic"}), ("Vet", {"fontweight": "bold"}),
                                ("Link", {"color": "#0b5394", "textunderlinestyle": "solid"})):  # fmt: skip
        stijl = Style(name=naam, family="text")
        stijl.addElement(TextProperties(**eigenschappen))
        doc.styles.addElement(stijl)
    for genummerd in (False, True):
        lijst = ListStyle(name=_LIJSTSTIJL[genummerd])
        niveau_stijl = (ListLevelStyleNumber(level=1, numformat="1", numsuffix=".") if genummerd
                        else ListLevelStyleBullet(level=1, bulletchar="•"))  # fmt: skip
        niveau_stijl.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.6cm"))
        lijst.addElement(niveau_stijl)
        doc.styles.addElement(lijst)
    doc.inhoud, automatisch, lichaam = _inhoud()
    rand = _el(automatisch, "style:style", style_name="Cel", style_family="table-cell")
    _el(rand, "style:table-cell-properties", fo_border="0.5pt solid #808080", fo_padding="0.1cm")
    schrijver = _Tekstschrijver(doc, model, automatisch, _el(lichaam, "office:text"))
    schrijver.kop(model.titel, 0)
    for blok in model.blokken:
        schrijver.blok(blok)
    return _opslaan(doc)


#: The paragraph styles of the title (0) and the heading levels, and of the two kinds of list.
_KOPSTIJL = {0: "Title", 1: "Heading_20_1", 2: "Heading_20_2", 3: "Heading_20_3"}
_LIJSTSTIJL = {False: "Opsomming", True: "Genummerd"}


class _Tekstschrijver:
    def __init__(self, doc: Any, model: Document, automatisch: Any, tekst: Any):
        self.doc, self.model, self.automatisch, self.tekst = doc, model, automatisch, tekst
        self.tabellen = 0
        self.afbeeldingen = 0

    def kop(self, tekst: str, niveau: int) -> None:
        _el(self.tekst, "text:h", tekst, text_outline__level=str(max(niveau, 1)), text_style__name=_KOPSTIJL[niveau])

    def blok(self, blok: object) -> None:
        if isinstance(blok, Kop):
            self.kop(blok.tekst, min(max(blok.niveau, 1), 3))
        elif isinstance(blok, Paragraaf):
            self.alinea(self.tekst, blok.inhoud)
        elif isinstance(blok, Lijst):
            lijst = _el(self.tekst, "text:list", text_style__name=_LIJSTSTIJL[blok.genummerd])
            for item in blok.items:
                self.alinea(_el(lijst, "text:list-item"), item)
        elif isinstance(blok, Tabel):
            self.tabel(blok)
        elif isinstance(blok, Afbeelding):
            self.afbeelding(blok)

    def alinea(self, ouder: Any, inhoud: Alinea) -> None:
        p = etree.SubElement(ouder, _P, {_STIJL: "Text_20_body"})
        vorige = None  # plain text goes after the last span (lxml: its tail) or into the paragraph
        for deel in inhoud:
            tekst = xml_text(deel.tekst)
            if deel.link:
                vorige = etree.SubElement(p, _A, {_XTYPE: "simple", _HREF: deel.link})
                etree.SubElement(vorige, _SPAN, {_STIJL: "Link"}).text = tekst
            elif deel.vet or deel.cursief:
                vorige = etree.SubElement(p, _SPAN, {_STIJL: "Vet" if deel.vet else "Cursief"})
                vorige.text = tekst
            elif vorige is None:
                p.text = (p.text or "") + tekst
            else:
                vorige.tail = (vorige.tail or "") + tekst

    def tabel(self, tabel: Tabel) -> None:
        self.tabellen += 1
        naam = f"Tabel{self.tabellen}"
        breedtes = column_widths(tabel, self.model.breedte_cm, self.model.lettergrootte)
        stijl = _el(self.automatisch, "style:style", style_name=naam, style_family="table")
        _el(stijl, "style:table-properties", style_width=f"{sum(breedtes):.2f}cm", table_align="left",
            fo_margin__bottom="0.3cm")  # fmt: skip
        odf_tabel = _el(self.tekst, "table:table", table_name=naam, table_style__name=naam)
        for k, breedte in enumerate(breedtes):
            kolom = _el(self.automatisch, "style:style", style_name=f"{naam}.K{k}", style_family="table-column")
            _el(kolom, "style:table-column-properties", style_column__width=f"{breedte:.2f}cm")
            _el(odf_tabel, "table:table-column", table_style__name=f"{naam}.K{k}")
        if tabel.kop:  # repeats on every page
            self.rij(_el(odf_tabel, "table:table-header-rows"), [((Tekst(k, vet=True),),) for k in tabel.kop])
        for cellen in tabel.rijen:
            self.rij(odf_tabel, cellen)

    def rij(self, ouder: Any, cellen: Any) -> None:
        tr = etree.SubElement(ouder, _RIJ)
        for inhoud in cellen:
            td = etree.SubElement(tr, _CEL, {_CELSTIJL: "Cel", _WAARDESOORT: "string"})
            for alinea in inhoud or ((),):
                self.alinea(td, alinea)

    def afbeelding(self, blok: Afbeelding) -> None:
        self.afbeeldingen += 1
        breedte_px, hoogte_px = _png_size(blok.png)
        hoogte = blok.breedte_cm * hoogte_px / breedte_px
        href = self.doc.addPicture(f"Pictures/afbeelding{self.afbeeldingen}.png", "image/png", blok.png)
        p = _el(self.tekst, "text:p", text_style__name="Text_20_body")
        frame = _el(p, "draw:frame", svg_width=f"{blok.breedte_cm:.2f}cm", svg_height=f"{hoogte:.2f}cm",
                    text_anchor__type="as-char", draw_name=f"Afbeelding{self.afbeeldingen}")  # fmt: skip
        _el(frame, "draw:image", xlink_href=href, xlink_type="simple", xlink_show="embed", xlink_actuate="onLoad")
        _el(frame, "svg:title", blok.alt)
        _el(frame, "svg:desc", blok.alt)


_P, _SPAN, _A, _RIJ, _CEL = map(_naam, ("text:p", "text:span", "text:a", "table:table-row", "table:table-cell"))
_STIJL, _CELSTIJL, _WAARDESOORT = map(_naam, ("text:style-name", "table:style-name", "office:value-type"))
_XTYPE, _HREF = map(_naam, ("xlink:type", "xlink:href"))


def write_sheets(boek: Werkboek) -> bytes:
    """The workbook as ``.ods`` bytes: the same sheets, column widths, validation lists and print
    settings as the Excel file; the header row frozen on screen."""
    from odf.style import MasterPage, PageLayout, PageLayoutProperties

    doc = _pakket("application/vnd.oasis.opendocument.spreadsheet")
    _meta(doc, boek.titel, boek.taal)
    blad = PageLayout(name="A4Liggend")
    # landscape A4, scaled to one page wide (as many pages high as needed)
    blad.addElement(PageLayoutProperties(pagewidth="29.7cm", pageheight="21cm", printorientation="landscape",
                                         margin="1.5cm", scaletox="1", scaletoy="0"))  # fmt: skip
    doc.automaticstyles.addElement(blad)
    doc.masterstyles.addElement(MasterPage(name="Default", pagelayoutname=blad))
    doc.inhoud, automatisch, lichaam = _inhoud()
    _el(_el(automatisch, "style:style", style_name="Blad", style_family="table", style_master__page__name="Default"),
        "style:table-properties", table_display="true")  # fmt: skip
    kopstijl = _el(automatisch, "style:style", style_name="Kopcel", style_family="table-cell")
    _el(kopstijl, "style:table-cell-properties", fo_background__color="#F6F3EF", fo_wrap__option="wrap",
        style_vertical__align="top")  # fmt: skip
    _el(kopstijl, "style:text-properties", fo_font__weight="bold")
    _el(_el(automatisch, "style:style", style_name="Omloop", style_family="table-cell"),
        "style:table-cell-properties", fo_wrap__option="wrap", style_vertical__align="top")  # fmt: skip
    _el(_el(automatisch, "style:style", style_name="Boven", style_family="table-cell"),
        "style:table-cell-properties", style_vertical__align="top")  # fmt: skip
    rekenblad = _el(lichaam, "office:spreadsheet")
    validaties = _el(rekenblad, "table:content-validations")
    for b, werkblad in enumerate(boek.bladen):
        tabel = _el(rekenblad, "table:table", table_name=werkblad.naam, table_style__name="Blad")
        for k, breedte in enumerate(werkblad.breedtes):
            _el(_el(automatisch, "style:style", style_name=f"B{b}K{k}", style_family="table-column"),
                "style:table-column-properties", style_column__width=f"{breedte * 0.21:.2f}cm")  # fmt: skip
            _el(tabel, "table:table-column", table_style__name=f"B{b}K{k}")
        for kolom_nr, keuzes in werkblad.keuzelijsten.items():
            lijst = ";".join('"{}"'.format(k.replace('"', '""')) for k in keuzes)
            validatie = _el(validaties, "table:content-validation", table_name=f"Keuze{b}_{kolom_nr}",
                            table_allow__empty__cell="true", table_condition=f"of:cell-content-is-in-list({lijst})",
                            table_display__list="unsorted")  # fmt: skip
            melding = _el(validatie, "table:error-message", table_display="true", table_message__type="stop",
                          table_title=xml_text(werkblad.keuze_titel))  # fmt: skip
            if werkblad.keuze_melding:
                _el(melding, "text:p", werkblad.keuze_melding)
        stijlen = [{_CELSTIJL: "Omloop" if k in werkblad.omloop else "Boven"} for k in range(len(werkblad.breedtes))]
        for k in werkblad.keuzelijsten:
            stijlen[k][_VALIDATIE] = f"Keuze{b}_{k}"
        if werkblad.kop:
            tr = _el(_el(tabel, "table:table-header-rows"), "table:table-row")  # repeated on every printed page
            for tekst in werkblad.kop:
                etree.SubElement(etree.SubElement(tr, _CEL, {_WAARDESOORT: "string", _CELSTIJL: "Kopcel"}),
                                 _PLAIN).text = xml_text(str(tekst))  # fmt: skip
        for waarden in werkblad.rijen:
            tr = etree.SubElement(tabel, _RIJ)
            for k, opties in enumerate(stijlen):
                waarde = waarden[k] if k < len(waarden) else None
                cel = etree.SubElement(tr, _CEL, opties)
                if isinstance(waarde, date):
                    cel.set(_WAARDESOORT, "date")
                    cel.set(_DATUM, waarde.isoformat())
                    etree.SubElement(cel, _PLAIN).text = waarde.isoformat()
                elif isinstance(waarde, int | float) and not isinstance(waarde, bool):
                    cel.set(_WAARDESOORT, "float")
                    cel.set(_WAARDE, str(waarde))
                    etree.SubElement(cel, _PLAIN).text = str(waarde)
                elif waarde is not None and waarde != "":  # text stays text: never a formula
                    cel.set(_WAARDESOORT, "string")
                    etree.SubElement(cel, _PLAIN).text = xml_text(str(waarde))
        if werkblad.keuzelijsten and werkblad.lege_rijen:  # empty rows that keep the list, for new actions
            tr = _el(tabel, "table:table-row", table_number__rows__repeated=str(werkblad.lege_rijen))
            for k in range(len(werkblad.breedtes)):
                etree.SubElement(tr, _CEL, {_VALIDATIE: f"Keuze{b}_{k}"} if k in werkblad.keuzelijsten else {})
    if not len(validaties):
        rekenblad.remove(validaties)
    _freeze_header(doc, boek)
    return _opslaan(doc)


_PLAIN, _VALIDATIE = _naam("text:p"), _naam("table:content-validation-name")
_DATUM, _WAARDE = _naam("office:date-value"), _naam("office:value")


def _freeze_header(doc: Any, boek: Werkboek) -> None:
    """The header row of every sheet with one stays in view when scrolling (LibreOffice's view
    settings in ``settings.xml``, as LibreOffice itself writes them)."""
    from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemMapNamed, ConfigItemSet

    def item(ouder: Any, naam: str, soort: str, waarde: str) -> None:
        element = ConfigItem(name=naam, type=soort)
        element.addText(waarde)
        ouder.addElement(element)

    weergave = ConfigItemSet(name="ooo:view-settings")
    views = ConfigItemMapIndexed(name="Views")
    view = ConfigItemMapEntry()
    item(view, "ViewId", "string", "view1")
    bladen = ConfigItemMapNamed(name="Tables")
    for werkblad in boek.bladen:
        if not werkblad.kop:
            continue
        blad = ConfigItemMapEntry(name=werkblad.naam)
        for naam, soort, waarde in (("HorizontalSplitMode", "short", "0"), ("VerticalSplitMode", "short", "2"),
                                    ("HorizontalSplitPosition", "int", "0"), ("VerticalSplitPosition", "int", "1"),
                                    ("ActiveSplitRange", "short", "2"), ("PositionLeft", "int", "0"),
                                    ("PositionRight", "int", "0"), ("PositionTop", "int", "0"),
                                    ("PositionBottom", "int", "1")):  # fmt: skip
            item(blad, naam, soort, waarde)
        bladen.addElement(blad)
    view.addElement(bladen)
    item(view, "ActiveTable", "string", boek.bladen[0].naam)
    views.addElement(view)
    weergave.addElement(views)
    doc.settings.addElement(weergave)
