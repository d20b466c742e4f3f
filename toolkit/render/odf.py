"""OpenDocument (``.odt`` and ``.ods``), written with odfpy.

Dutch public bodies offer ODF beside every Word or Excel file they publish (the open-standards list
of Forum Standaardisatie). :func:`write_text` writes a :class:`~toolkit.render.document.Document`
with the same layout rules as :mod:`toolkit.render.word` (A4, 2 cm margins, language and title,
heading styles that keep with the next paragraph, fixed column widths, a repeating header row,
images with alternative text); :func:`write_sheets` writes a
:class:`~toolkit.render.sheet.Werkboek` like :mod:`toolkit.render.sheet` does for Excel (validation
lists, A4 landscape fit to one page wide, header row repeated when printed).
"""

from __future__ import annotations

import io
import struct
from datetime import date
from typing import Any

from .document import Afbeelding, Alinea, Document, Kop, Lijst, Paragraaf, Tabel, Tekst, column_widths
from .sheet import Werkboek

TAAL_LAND = {"nl": ("nl", "NL"), "en": ("en", "GB")}


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
    from odf.opendocument import OpenDocumentText
    from odf.style import (
        DefaultStyle,
        ListLevelProperties,
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        ParagraphProperties,
        Style,
        TableCellProperties,
        TextProperties,
    )
    from odf.text import ListLevelStyleBullet, ListLevelStyleNumber, ListStyle

    doc = OpenDocumentText()
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
    koppen = {}
    for niveau, grootte in ((0, 20), (1, 15), (2, 12.5), (3, 11)):
        naam = "Title" if niveau == 0 else f"Heading_20_{niveau}"
        stijl = Style(name=naam, displayname="Title" if niveau == 0 else f"Heading {niveau}", family="paragraph",
                      defaultoutlinelevel=str(max(niveau, 1)))  # fmt: skip
        stijl.addElement(ParagraphProperties(keepwithnext="always", margintop="0.4cm", marginbottom="0.2cm"))
        stijl.addElement(TextProperties(fontsize=f"{grootte}pt", fontweight="bold"))
        doc.styles.addElement(stijl)
        koppen[niveau] = stijl
    stijlen = {}
    for naam, eigenschappen in (("Cursief", {"fontstyle": "italic"}), ("Vet", {"fontweight": "bold"}),
                                ("Link", {"color": "#0b5394", "textunderlinestyle": "solid"})):  # fmt: skip
        stijl = Style(name=naam, family="text")
        stijl.addElement(TextProperties(**eigenschappen))
        doc.styles.addElement(stijl)
        stijlen[naam] = stijl
    lijsten = {}
    for genummerd in (False, True):
        lijst = ListStyle(name="Genummerd" if genummerd else "Opsomming")
        niveau_stijl = (ListLevelStyleNumber(level=1, numformat="1", numsuffix=".") if genummerd
                        else ListLevelStyleBullet(level=1, bulletchar="•"))  # fmt: skip
        niveau_stijl.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.6cm"))
        lijst.addElement(niveau_stijl)
        doc.styles.addElement(lijst)
        lijsten[genummerd] = lijst
    rand = Style(name="Cel", family="table-cell")
    rand.addElement(TableCellProperties(border="0.5pt solid #808080", padding="0.1cm"))
    doc.automaticstyles.addElement(rand)
    schrijver = _Tekstschrijver(doc, model, koppen, stijlen, lijsten, rand, tekststijl)
    schrijver.kop(model.titel, 0)
    for blok in model.blokken:
        schrijver.blok(blok)
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


class _Tekstschrijver:
    def __init__(self, doc: Any, model: Document, koppen: dict[int, Any], stijlen: dict[str, Any],
                 lijsten: dict[bool, Any], rand: Any, tekststijl: Any):  # fmt: skip
        self.doc, self.model, self.koppen, self.stijlen, self.lijsten, self.rand, self.tekststijl = (
            doc, model, koppen, stijlen, lijsten, rand, tekststijl)  # fmt: skip
        self.tabellen = 0
        self.afbeeldingen = 0

    def kop(self, tekst: str, niveau: int) -> None:
        from odf.text import H

        self.doc.text.addElement(H(outlinelevel=max(niveau, 1), stylename=self.koppen[niveau], text=tekst))

    def blok(self, blok: object) -> None:
        from odf.text import List, ListItem

        if isinstance(blok, Kop):
            self.kop(blok.tekst, min(max(blok.niveau, 1), 3))
        elif isinstance(blok, Paragraaf):
            self.doc.text.addElement(self.alinea(blok.inhoud))
        elif isinstance(blok, Lijst):
            lijst = List(stylename=self.lijsten[blok.genummerd])
            for item in blok.items:
                li = ListItem()
                li.addElement(self.alinea(item))
                lijst.addElement(li)
            self.doc.text.addElement(lijst)
        elif isinstance(blok, Tabel):
            self.tabel(blok)
        elif isinstance(blok, Afbeelding):
            self.afbeelding(blok)

    def alinea(self, inhoud: Alinea) -> Any:
        from odf.text import A, P, Span

        p = P(stylename=self.tekststijl)
        for deel in inhoud:
            if deel.link:
                a = A(href=deel.link, type="simple")
                a.addElement(Span(stylename=self.stijlen["Link"], text=deel.tekst))
                p.addElement(a)
            elif deel.vet or deel.cursief:
                p.addElement(Span(stylename=self.stijlen["Vet" if deel.vet else "Cursief"], text=deel.tekst))
            else:
                p.addText(deel.tekst)
        return p

    def tabel(self, tabel: Tabel) -> None:
        from odf.style import Style, TableColumnProperties, TableProperties
        from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow

        self.tabellen += 1
        breedtes = column_widths(tabel, self.model.breedte_cm, self.model.lettergrootte)
        stijl = Style(name=f"Tabel{self.tabellen}", family="table")
        stijl.addElement(TableProperties(width=f"{sum(breedtes):.2f}cm", align="left", marginbottom="0.3cm"))
        self.doc.automaticstyles.addElement(stijl)
        odf_tabel = Table(name=f"Tabel{self.tabellen}", stylename=stijl)
        for k, breedte in enumerate(breedtes):
            kolom = Style(name=f"Tabel{self.tabellen}.K{k}", family="table-column")
            kolom.addElement(TableColumnProperties(columnwidth=f"{breedte:.2f}cm"))
            self.doc.automaticstyles.addElement(kolom)
            odf_tabel.addElement(TableColumn(stylename=kolom))

        def rij(cellen: Any) -> Any:
            tr = TableRow()
            for inhoud in cellen:
                td = TableCell(stylename=self.rand, valuetype="string")
                for alinea in inhoud or ((),):
                    td.addElement(self.alinea(alinea))
                tr.addElement(td)
            return tr

        if tabel.kop:
            kop = TableHeaderRows()  # repeats on every page
            kop.addElement(rij([((Tekst(k, vet=True),),) for k in tabel.kop]))
            odf_tabel.addElement(kop)
        for cellen in tabel.rijen:
            odf_tabel.addElement(rij(cellen))
        self.doc.text.addElement(odf_tabel)

    def afbeelding(self, blok: Afbeelding) -> None:
        from odf.draw import Frame, Image
        from odf.svg import Desc, Title
        from odf.text import P

        self.afbeeldingen += 1
        breedte_px, hoogte_px = _png_size(blok.png)
        hoogte = blok.breedte_cm * hoogte_px / breedte_px
        href = self.doc.addPicture(f"Pictures/afbeelding{self.afbeeldingen}.png", "image/png", blok.png)
        frame = Frame(width=f"{blok.breedte_cm:.2f}cm", height=f"{hoogte:.2f}cm", anchortype="as-char",
                      name=f"Afbeelding{self.afbeeldingen}")  # fmt: skip
        frame.addElement(Image(href=href))
        frame.addElement(Title(text=blok.alt))
        frame.addElement(Desc(text=blok.alt))
        p = P(stylename=self.tekststijl)
        p.addElement(frame)
        self.doc.text.addElement(p)


def write_sheets(boek: Werkboek) -> bytes:
    """The workbook as ``.ods`` bytes: the same sheets, column widths, validation lists and print
    settings as the Excel file."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import (
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        ParagraphProperties,
        Style,
        TableCellProperties,
        TableColumnProperties,
        TableProperties,
        TextProperties,
    )
    from odf.table import (
        ContentValidation,
        ContentValidations,
        ErrorMessage,
        Table,
        TableCell,
        TableColumn,
        TableHeaderRows,
        TableRow,
    )
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    _meta(doc, boek.titel, boek.taal)
    blad = PageLayout(name="A4Liggend")
    # landscape A4, scaled to one page wide (as many pages high as needed)
    blad.addElement(PageLayoutProperties(pagewidth="29.7cm", pageheight="21cm", printorientation="landscape",
                                         margin="1.5cm", scaletox="1", scaletoy="0"))  # fmt: skip
    doc.automaticstyles.addElement(blad)
    doc.masterstyles.addElement(MasterPage(name="Default", pagelayoutname=blad))
    tabelstijl = Style(name="Blad", family="table", masterpagename="Default")
    tabelstijl.addElement(TableProperties(display="true"))
    doc.automaticstyles.addElement(tabelstijl)
    kopstijl = Style(name="Kopcel", family="table-cell")
    kopstijl.addElement(TableCellProperties(backgroundcolor="#F6F3EF", wrapoption="wrap", verticalalign="top"))
    kopstijl.addElement(TextProperties(fontweight="bold"))
    doc.automaticstyles.addElement(kopstijl)
    omloop = Style(name="Omloop", family="table-cell")
    omloop.addElement(TableCellProperties(wrapoption="wrap", verticalalign="top"))
    omloop.addElement(ParagraphProperties())
    doc.automaticstyles.addElement(omloop)
    boven = Style(name="Boven", family="table-cell")
    boven.addElement(TableCellProperties(verticalalign="top"))
    doc.automaticstyles.addElement(boven)
    validaties = ContentValidations()
    heeft_validatie = False
    for b, werkblad in enumerate(boek.bladen):
        tabel = Table(name=werkblad.naam, stylename=tabelstijl)
        for k, breedte in enumerate(werkblad.breedtes):
            kolom = Style(name=f"B{b}K{k}", family="table-column")
            kolom.addElement(TableColumnProperties(columnwidth=f"{breedte * 0.21:.2f}cm"))
            doc.automaticstyles.addElement(kolom)
            tabel.addElement(TableColumn(stylename=kolom))
        for kolom_nr, keuzes in werkblad.keuzelijsten.items():
            heeft_validatie = True
            lijst = ";".join(f'"{k}"' for k in keuzes)
            validatie = ContentValidation(name=f"Keuze{b}_{kolom_nr}", allowemptycell="true",
                                          condition=f"of:cell-content-is-in-list({lijst})",
                                          displaylist="unsorted")  # fmt: skip
            validatie.addElement(ErrorMessage(display="true", messagetype="stop", title=werkblad.keuze_titel))
            validaties.addElement(validatie)
        if werkblad.kop:
            kop = TableHeaderRows()  # repeated on every printed page
            tr = TableRow()
            for tekst in werkblad.kop:
                cel = TableCell(valuetype="string", stylename=kopstijl)
                cel.addElement(P(text=str(tekst)))
                tr.addElement(cel)
            kop.addElement(tr)
            tabel.addElement(kop)
        for waarden in werkblad.rijen:
            tr = TableRow()
            for k in range(len(werkblad.breedtes)):
                waarde = waarden[k] if k < len(waarden) else None
                opties: dict[str, Any] = {}
                if k in werkblad.keuzelijsten:
                    opties["contentvalidationname"] = f"Keuze{b}_{k}"
                opties["stylename"] = omloop if k in werkblad.omloop else boven
                if isinstance(waarde, date):
                    cel = TableCell(valuetype="date", datevalue=waarde.isoformat(), **opties)
                    cel.addElement(P(text=waarde.isoformat()))
                elif isinstance(waarde, int | float) and not isinstance(waarde, bool):
                    cel = TableCell(valuetype="float", value=str(waarde), **opties)
                    cel.addElement(P(text=str(waarde)))
                elif waarde is None or waarde == "":
                    cel = TableCell(**opties)
                else:  # text stays text: never a formula
                    cel = TableCell(valuetype="string", **opties)
                    cel.addElement(P(text=str(waarde)))
                tr.addElement(cel)
            tabel.addElement(tr)
        if werkblad.keuzelijsten and werkblad.lege_rijen:  # empty rows that keep the list, for new actions
            tr = TableRow(numberrowsrepeated=str(werkblad.lege_rijen))
            for k in range(len(werkblad.breedtes)):
                opties = {"contentvalidationname": f"Keuze{b}_{k}"} if k in werkblad.keuzelijsten else {}
                tr.addElement(TableCell(**opties))
            tabel.addElement(tr)
        doc.spreadsheet.addElement(tabel)
    if heeft_validatie:
        doc.spreadsheet.insertBefore(validaties, doc.spreadsheet.firstChild)
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()
