"""Documents fit to publish (issue 20), checked the way an officer meets them: opened in a real
office suite (LibreOffice, headless) and read with real PDF tools (pdfinfo, pdftotext, pdffonts,
pikepdf). The Makefile's ``office`` target and ``.ci/run`` install LibreOffice and poppler when the
machine lacks them, so these tests never skip in CI."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from toolkit.content import read_profile
from toolkit.domain import build
from toolkit.render import render

from ..domain.test_priorities import LANGSTE

PEIL = date(2026, 12, 4)
#: Pages a checklist may take when printed from Word/ODT: a title page's worth of situation and
#: figures, then per action at most 0.4 page (measured in December 2026: 43 actions on 15 pages in
#: LibreOffice, about 0.3 each, with reasons and evidence in the row). The Word file of issue 20
#: (72 actions on 66 pages) fails this bound (4 + 0.4 * 72 = 32.8).
PAGINAS_VAST, PAGINAS_PER_ACTIE = 4, 0.4
A4 = (595.3, 841.9)


def _tool(naam: str) -> str:
    pad = shutil.which(naam)
    assert pad, f"{naam} ontbreekt: make office installeert het (LibreOffice en poppler-utils)"
    return pad


def _pdfinfo(pad: Path) -> dict[str, str]:
    uit = subprocess.run([_tool("pdfinfo"), str(pad)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([^:]+):\s*(.*)$", uit, flags=re.M))


def _pdftext(pad: Path) -> str:
    uit = subprocess.run([_tool("pdftotext"), str(pad), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(uit.split())


def _size(info: dict[str, str]) -> tuple[float, float]:
    breedte, hoogte = re.findall(r"[\d.]+", info["Page size"])[:2]
    return float(breedte), float(hoogte)


@pytest.fixture(scope="module")
def documenten(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Two real checklists (Wageningen in Dutch, the longest profile in English) in every office
    format, and each Word, ODT, Excel and ODS file converted to PDF by LibreOffice in one run."""
    map_ = tmp_path_factory.mktemp("office")
    gevallen = {
        "wageningen": build(read_profile(ROOT / "profielen" / "wageningen-benedenbuurt.yaml"), "nl", peildatum=PEIL),
        "langste": build(LANGSTE, "en", peildatum=PEIL),
    }
    bestanden = []
    for naam, checklist in gevallen.items():
        for formaat in ("docx", "odt", "pdf", "xlsx", "ods"):
            pad = map_ / f"{naam}-{formaat}.{formaat}"
            pad.write_bytes(render("checklist", formaat, checklist, checklist["taal"]))  # type: ignore[arg-type]
            if formaat != "pdf":
                bestanden.append(pad)
    lo = map_ / "lo"
    profiel = (map_ / "profiel").as_uri()
    res = subprocess.run(
        [_tool("soffice"), f"-env:UserInstallation={profiel}", "--headless", "--convert-to", "pdf", "--outdir",
         str(lo), *map(str, bestanden)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    return {"map": map_, "lo": lo, "checklists": gevallen}


@pytest.mark.parametrize("naam", ["wageningen", "langste"])
@pytest.mark.parametrize("formaat", ["docx", "odt"])
def test_word_and_odt_open_in_libreoffice_as_a4_within_the_page_bound(
    documenten: dict[str, Any], naam: str, formaat: str
) -> None:
    pdf = documenten["lo"] / f"{naam}-{formaat}.pdf"
    assert pdf.is_file(), f"LibreOffice kon {naam}.{formaat} niet openen"
    info = _pdfinfo(pdf)
    assert _size(info) == pytest.approx(A4, abs=1), info["Page size"]
    acties = documenten["checklists"][naam]["acties"]
    grens = PAGINAS_VAST + PAGINAS_PER_ACTIE * len(acties)
    assert int(info["Pages"]) <= grens, f"{info['Pages']} pagina's voor {len(acties)} acties (hooguit {grens:.0f})"
    tekst = _pdftext(pdf)
    # no word broken in the middle: every long word of the action texts comes out whole
    lang = {w for a in acties for w in re.findall(r"[^\W\d_]{13,}", a["tekst"])}
    assert lang and not [w for w in lang if w not in tekst], [w for w in lang if w not in tekst][:5]
    assert all(" ".join(a["tekst"].split())[:40] in tekst for a in acties)  # every action is there


@pytest.mark.parametrize("naam", ["wageningen", "langste"])
@pytest.mark.parametrize("formaat", ["xlsx", "ods"])
def test_the_register_prints_a4_landscape_one_page_wide(documenten: dict[str, Any], naam: str, formaat: str) -> None:
    pdf = documenten["lo"] / f"{naam}-{formaat}.pdf"
    assert pdf.is_file(), f"LibreOffice kon {naam}.{formaat} niet openen"
    info = _pdfinfo(pdf)
    assert _size(info) == pytest.approx(A4[::-1], abs=1), info["Page size"]
    acties = documenten["checklists"][naam]["acties"]
    # one page wide: the first printed line holds every column, the first to the last
    pagina1 = subprocess.run([_tool("pdftotext"), "-layout", "-l", "1", str(pdf), "-"], capture_output=True,
                             text=True).stdout.splitlines()[0]  # fmt: skip
    laatste = "Wettelijk kader" if naam == "wageningen" else "Legal framework"
    assert pagina1.split()[0] == "ID" and pagina1.rstrip().endswith(laatste), pagina1
    tekst = _pdftext(pdf)
    eigenaren = {"gemeenteraad" if naam == "wageningen" else "municipal council"}
    assert all(e in tekst for e in eigenaren)  # a label is never broken inside a word
    # rows show all their lines: the register's pages stay within a bound of the actions (4 sheets)
    assert int(info["Pages"]) <= 4 + len(acties) / 8, info["Pages"]


def test_the_toolkits_pdf_is_tagged_a4_with_language_title_bookmarks_and_fonts(documenten: dict[str, Any]) -> None:
    import pikepdf

    for naam, taal in (("wageningen", "nl"), ("langste", "en")):
        pad = documenten["map"] / f"{naam}-pdf.pdf"
        checklist = documenten["checklists"][naam]
        with pikepdf.open(pad) as pdf:
            root = pdf.Root
            assert str(root.Lang) == taal
            assert root.MarkInfo.Marked is True and "/StructTreeRoot" in root
            assert root.ViewerPreferences.DisplayDocTitle is True
            with pdf.open_metadata() as meta:
                assert meta["dc:title"] == f"{'Checklist voor' if taal == 'nl' else 'Checklist for'} " + (
                    checklist["context"]["gemeente"]
                    + (f", {checklist['context']['wijk']}" if checklist["context"].get("wijk") else "")
                )
            assert len(pdf.open_outline().root) >= 1  # bookmarks from the headings
            tags = _structure_tags(root.StructTreeRoot)
            assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= tags, tags
            assert all([float(x) for x in p.MediaBox[2:]] == pytest.approx(A4, abs=1) for p in pdf.pages)
        fonts = subprocess.run([_tool("pdffonts"), str(pad)], capture_output=True, text=True).stdout.splitlines()[2:]
        assert fonts and all(re.search(r"\byes\s+yes\s+yes\b", f) for f in fonts), fonts  # embedded, subset, unicode
        tekst = _pdftext(pad)
        assert all(" ".join(a["tekst"].split())[:40] in tekst for a in checklist["acties"])


def _structure_tags(wortel: Any) -> set[str]:
    """Every structure type (/H1, /Table, /TH …) in the PDF's structure tree."""
    import pikepdf

    gezien: set[str] = set()
    open_ = [wortel]
    while open_:
        element = open_.pop()
        if isinstance(element, pikepdf.Dictionary):
            if "/S" in element:
                gezien.add(str(element.S))
            kinderen = element.get("/K")
            if isinstance(kinderen, pikepdf.Array):
                open_.extend(kinderen)
            elif kinderen is not None:
                open_.append(kinderen)
        elif isinstance(element, pikepdf.Array):
            open_.extend(element)
    return gezien


def test_the_word_file_is_a4_with_language_title_headings_and_repeating_table_headers(
    documenten: dict[str, Any],
) -> None:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Length

    doc = Document(str(documenten["map"] / "wageningen-docx.docx"))
    sectie = doc.sections[0]
    assert sectie.page_width == pytest.approx(Cm(21), rel=1e-3) and sectie.page_height == pytest.approx(
        Cm(29.7), rel=1e-3
    )
    assert sectie.left_margin == pytest.approx(Cm(2), rel=1e-3) and sectie.right_margin == pytest.approx(
        Cm(2), rel=1e-3
    )
    assert doc.core_properties.title.startswith("Checklist voor Wageningen") and doc.core_properties.language == "nl-NL"
    assert {p.style.name for p in doc.paragraphs} >= {"Title", "Heading 1"}
    # a heading never ends a page: it stays with the text after it
    assert all(doc.styles[f"Heading {n}"].paragraph_format.keep_with_next for n in (1, 2, 3))
    tekstbreedte = Length(sectie.page_width - sectie.left_margin - sectie.right_margin)
    for tabel in doc.tables:
        breedte = sum(int(k.get(qn("w:w"))) for k in tabel._tbl.tblGrid.findall(qn("w:gridCol")))
        assert breedte <= tekstbreedte.twips + 5  # no table wider than the page
    koppen = [
        t
        for t in doc.tables
        if t.rows[0]._tr.trPr is not None and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    ]
    assert len(koppen) >= 8  # every table with a header row repeats it on each page


def test_the_ods_register_refuses_a_status_outside_the_list(documenten: dict[str, Any]) -> None:
    from odf.opendocument import load
    from odf.table import ContentValidation, ErrorMessage

    doc = load(str(documenten["map"] / "wageningen-ods.ods"))
    (validatie,) = doc.getElementsByType(ContentValidation)
    assert 'cell-content-is-in-list("open";"bezig";"gedaan";"n.v.t.")' in validatie.getAttribute("condition")
    (melding,) = validatie.getElementsByType(ErrorMessage)
    assert melding.getAttribute("display") == "true" and melding.getAttribute("messagetype") == "stop"


def test_the_ods_register_keeps_its_header_row_in_view(documenten: dict[str, Any]) -> None:
    """The header row is frozen in LibreOffice's view settings, as LibreOffice writes them (the
    headless LibreOffice of the tests has no view to show it in)."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(documenten["map"] / "wageningen-ods.ods") as z:
        instellingen = etree.fromstring(z.read("settings.xml"))
    ns = {"config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0"}
    bladen = instellingen.xpath(
        "//config:config-item-set[@config:name='ooo:view-settings']/config:config-item-map-indexed[@config:name='Views']"
        "/config:config-item-map-entry/config:config-item-map-named[@config:name='Tables']/config:config-item-map-entry",
        namespaces=ns,
    )
    bevroren = {
        b.get(f"{{{ns['config']}}}name"): {
            i.get(f"{{{ns['config']}}}name"): i.text for i in b.iterfind("config:config-item", ns)
        }
        for b in bladen
    }
    assert "Acties" in bevroren
    for instelling in bevroren.values():
        assert instelling["VerticalSplitMode"] == "2" and instelling["VerticalSplitPosition"] == "1"


def test_the_excel_register_refuses_a_status_outside_the_list(documenten: dict[str, Any]) -> None:
    from openpyxl import load_workbook

    blad = load_workbook(documenten["map"] / "wageningen-xlsx.xlsx")["Acties"]
    (keuzes,) = [dv for dv in blad.data_validations.dataValidation if dv.type == "list"]
    # an absent errorStyle is "stop" (ECMA-376 §18.3.1.32): a typed value outside the list is refused
    assert keuzes.showErrorMessage and keuzes.errorStyle in (None, "stop") and "G2:G" in str(keuzes.sqref)
    assert blad.print_title_rows == "$1:$1" and blad.freeze_panes == "A2"
    # fitToWidth absent is 1 (the ECMA-376 default); the LibreOffice print test above checks the result
    assert blad.page_setup.orientation == "landscape" and blad.page_setup.fitToWidth in (None, 1)
    assert blad.page_setup.fitToHeight == 0 and int(blad.page_setup.paperSize) == int(blad.PAPERSIZE_A4)
    assert blad.sheet_properties.pageSetUpPr.fitToPage


def test_a_control_character_a_user_pasted_never_breaks_a_document() -> None:
    """XML cannot hold most control characters and a PDF font has no glyph for them: a vertical tab
    (Word's line break) becomes a space, the others go, the rest of the text stays."""
    import zipfile

    checklist = build({"gemeente": "Zwolle", "notities": "Overleg\x0bmet de\x01 wijkraad\x7f op dinsdag"}, "nl",
                      peildatum=PEIL)  # fmt: skip
    for formaat in ("docx", "odt", "pdf", "xlsx", "ods"):
        inhoud = render("checklist", formaat, checklist, "nl")
        assert isinstance(inhoud, bytes) and inhoud, formaat
        if formaat in ("docx", "odt"):
            with zipfile.ZipFile(io.BytesIO(inhoud)) as z:
                xml = z.read("word/document.xml" if formaat == "docx" else "content.xml").decode()
            assert "Overleg met de wijkraad" in xml and "op dinsdag" in xml, formaat


def test_an_unknown_format_lists_the_allowed_ones() -> None:
    from toolkit.base import UserError

    checklist = build({"gemeente": "Zwolle"}, "nl", peildatum=PEIL)
    with pytest.raises(UserError, match=r"onbekend formaat 'doc' voor checklist \(toegestaan: .*docx.*ods.*odt.*pdf"):
        render("checklist", "doc", checklist, "nl")
    assert io.BytesIO(render("checklist", "pdf", checklist, "nl")).read(5) == b"%PDF-"  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def rapporten(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A lesson, a case (with charts) and the comparison as Word, ODT and PDF; Word and ODT
    converted by LibreOffice."""
    from toolkit.content import kennisbank
    from toolkit.domain import case_report, comparison, lesson_report

    map_ = tmp_path_factory.mktemp("rapporten")
    kb = kennisbank()
    objecten = {
        "les": ("les", lesson_report(kb.lesson(4, "nl")), "nl"),
        "casus": ("casus", case_report(kb.case("wageningen-benedenbuurt"), "en"), "en"),
        "vergelijking": ("vergelijking", comparison(None, None, "nl"), "nl"),
    }
    bestanden = []
    for naam, (kind, obj, taal) in objecten.items():
        for formaat in ("docx", "odt", "pdf"):
            pad = map_ / f"{naam}-{formaat}.{formaat}"
            pad.write_bytes(render(kind, formaat, obj, taal))  # type: ignore[arg-type]
            if formaat != "pdf":
                bestanden.append(pad)
    lo = map_ / "lo"
    res = subprocess.run(
        [_tool("soffice"), f"-env:UserInstallation={(map_ / 'profiel').as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(lo), *map(str, bestanden)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    return {"map": map_, "lo": lo, "objecten": objecten}


@pytest.mark.parametrize("naam", ["les", "casus", "vergelijking"])
def test_lesson_case_and_comparison_documents_open_in_libreoffice_as_a4(rapporten: dict[str, Any], naam: str) -> None:
    for formaat in ("docx", "odt"):
        pdf = rapporten["lo"] / f"{naam}-{formaat}.pdf"
        assert pdf.is_file(), f"LibreOffice kon {naam}.{formaat} niet openen"
        assert _size(_pdfinfo(pdf)) == pytest.approx(A4, abs=1)
    import pikepdf

    eigen = rapporten["map"] / f"{naam}-pdf.pdf"
    taal = rapporten["objecten"][naam][2]
    with pikepdf.open(eigen) as pdf:
        assert str(pdf.Root.Lang) == taal and pdf.Root.MarkInfo.Marked is True
        tags = _structure_tags(pdf.Root.StructTreeRoot)
    assert {"/H1", "/H2"} <= tags
    if naam == "les":
        assert {"/L", "/LI"} <= tags  # the lists are lists for a screen reader
        assert "Werk samen met bestaande groepen" in _pdftext(eigen)
    if naam == "casus":
        assert "/Figure" in tags and "/Table" in tags
    if naam == "vergelijking":
        tekst = _pdftext(eigen)
        assert "Benedenbuurt, Wageningen" in tekst and "wageningen-benedenbuurt" not in tekst  # names, not ids


def test_every_image_in_a_document_has_alternative_text(rapporten: dict[str, Any]) -> None:
    import pikepdf
    from docx import Document

    doc = Document(str(rapporten["map"] / "casus-docx.docx"))
    beschrijvingen = [v._inline.docPr.get("descr") for v in doc.inline_shapes]
    assert len(beschrijvingen) == 3 and all(beschrijvingen), beschrijvingen  # timeline, actors, instruments
    odt = zipfile_text(rapporten["map"] / "casus-odt.odt")
    assert odt.count("<svg:desc>") == 3
    with pikepdf.open(rapporten["map"] / "casus-pdf.pdf") as pdf:
        figuren = _figures(pdf.Root.StructTreeRoot)
    assert len(figuren) == 3 and all(figuren), figuren


def zipfile_text(pad: Path) -> str:
    import zipfile

    with zipfile.ZipFile(pad) as z:
        return z.read("content.xml").decode("utf-8")


def _figures(wortel: Any) -> list[str]:
    """The alternative text of every /Figure in the structure tree."""
    import pikepdf

    alt: list[str] = []
    open_ = [wortel]
    while open_:
        element = open_.pop()
        if isinstance(element, pikepdf.Dictionary):
            if element.get("/S") == "/Figure":
                alt.append(str(element.get("/Alt", "")))
            kinderen = element.get("/K")
            if kinderen is not None:
                open_.extend(kinderen if isinstance(kinderen, pikepdf.Array) else [kinderen])
        elif isinstance(element, pikepdf.Array):
            open_.extend(element)
    return alt
