"""The participation report (``warmtelessen logboek verslag``, issue 23): a council decision's
account of who was involved, how, and what came of it, written from the logbook alone.

The fixture logbook is built through the command line, as an officer would: four parties (one a
private person), three activities, input with every kind of ``verwerking``, decisions, feedback, a
conversation, one party no activity reached and one decision not told to a party it concerns."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sqlite3
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import assert_one_line_error, run_cli
from toolkit.base import t, texts
from toolkit.cli.dispatch import main
from toolkit.domain import SECTIES, participation_from_file
from toolkit.domain import logbook as lb
from toolkit.render.document import Afbeelding
from toolkit.render.verslag import SAMENVATTING_WOORDEN, cited, participation_document, refs, summary
from toolkit.reports import produce

AXE_WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

BVB, IDEALIS, WEC, NUDE, PERSOON = ("Bewonersvereniging Benedenbuurt", "Woningcorporatie Idealis",
                                    "Energiecoöperatie WEC", "Ondernemers Nude", "J. de Vries")  # fmt: skip
ROUTE, TARIEVEN = "Route naar het warmtenet", "Tarieven en aansluitkosten"
CONTACTEN = ("voorzitter@bvb-voorbeeld.nl", "06-12345678", "0317-123456", "jdevries@voorbeeld.nl")

#: The logbook, as typed on the command line (``logboek --db X`` before each).
STAPPEN: tuple[tuple[str, ...], ...] = (
    ("toevoegen", "partij", "--naam", BVB, "--type", "bewonersvereniging", "--contactrol", "voorzitter",
     "--contact", CONTACTEN[0]),
    ("toevoegen", "partij", "--naam", IDEALIS, "--type", "woningcorporatie", "--contact", CONTACTEN[1]),
    ("toevoegen", "partij", "--naam", WEC, "--type", "energiecooperatie"),
    ("toevoegen", "partij", "--naam", NUDE, "--type", "ondernemers"),
    ("toevoegen", "partij", "--naam", PERSOON, "--type", "overig", "--contact", CONTACTEN[3]),
    ("toevoegen", "besluit", "--datum", "2026-01-10", "--besluit", "Het warmtenet is de voorkeur",
     "--besloten-door", "college", "--trede", "informeren", "--betreft", f"{BVB};{IDEALIS}",
     "--gecommuniceerd-aan", f"{BVB};{IDEALIS}", "--kanaal", "brief"),
    ("toevoegen", "activiteit", "--datum", "2026-02-03", "--vorm", "bijeenkomst", "--onderwerp", ROUTE,
     "--doelgroep", f"{BVB};{IDEALIS}", "--uitgenodigd", "400", "--deelnemers", "62", "--trede", "raadplegen",
     "--fase", "planvorming", "--lessen", "4"),
    ("toevoegen", "activiteit", "--datum", "2026-03-01", "--vorm", "enquete", "--onderwerp", TARIEVEN,
     "--doelgroep", f"{BVB};{PERSOON}", "--uitgenodigd", "800", "--trede", "informeren"),
    ("toevoegen", "activiteit", "--datum", "2026-04-12", "--vorm", "werkgroep", "--onderwerp", ROUTE,
     "--doelgroep", f"{WEC};{BVB}", "--uitgenodigd", "12", "--deelnemers", "14", "--trede", "coproduceren",
     "--toelichting", "twee buren kwamen mee"),
    ("toevoegen", "inbreng", "--activiteit", "1", "--inbreng", "Begin met de flats van de corporatie",
     "--standpunt", "eens", "--verwerking", "overgenomen", "--toelichting", "Fasering aangepast: flats eerst"),
    ("toevoegen", "inbreng", "--activiteit", "1", "--inbreng", f"Tarief niet hoger dan gas (bel {CONTACTEN[2]})",
     "--standpunt", "gemengd", "--verwerking", "deels", "--toelichting", "Tariefgarantie voor vijf jaar"),
    ("toevoegen", "inbreng", "--activiteit", "2", "--inbreng", f"Geen verplichte aansluiting, zegt {PERSOON}",
     "--standpunt", "oneens", "--verwerking", "niet"),
    ("toevoegen", "inbreng", "--activiteit", "3", "--inbreng", "Wat gebeurt er met de kookplaat?",
     "--standpunt", "vraag", "--verwerking", "open"),
    ("toevoegen", "besluit", "--datum", "2026-05-01", "--besluit", "Fasering: eerst de flats",
     "--besloten-door", "wethouder", "--trede", "coproduceren", "--status", "voorgenomen",
     "--betreft", f"{IDEALIS};{BVB}", "--gecommuniceerd-aan", IDEALIS, "--kanaal", "e-mail"),
    ("toevoegen", "gesprek", "--datum", "2026-02-20", "--partijen", NUDE, "--onderwerp", "Bereikbaarheid winkels"),
)  # fmt: skip


def _build(pad: Path) -> None:
    """Every step through the command line's own entry point, in this process (a new process per
    step would cost a second each; the one-line errors are tested through real processes below)."""
    for stap in STAPPEN:
        uit, fout = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
            code = main(["logboek", "--db", str(pad), *stap])
        assert code == 0 and "toegevoegd" in uit.getvalue(), (stap, fout.getvalue())


@pytest.fixture(scope="module")
def logboek(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pad = tmp_path_factory.mktemp("verslag") / "logboek.sqlite"
    _build(pad)
    return pad


def _report(db: Path, out: Path, *opties: str, cli: bool = False) -> dict[str, Path]:
    """The report as ``logboek --db DB verslag --out OUT OPTIES`` writes it: through a real process
    with ``cli``, else through the registry in this process (the same builder and renderers)."""
    if cli:
        res = run_cli("logboek", "--db", str(db), "verslag", "--out", str(out), *opties)
        assert res.returncode == 0, res.stderr
    else:
        waarden = dict(zip(opties[::2], opties[1::2], strict=True))
        params = {"db": str(db), "taal": waarden.get("--lang", "nl"), "van": waarden.get("--van", ""),
                  "tot": waarden.get("--tot", "")}  # fmt: skip
        formats = waarden["--formats"].split(",") if "--formats" in waarden else None
        produce("verslag", params, out, formats, "inproces")
    return {p.suffix[1:]: p for p in (out / "verslag-participatie").iterdir()}


@pytest.fixture(scope="module")
def verslag(logboek: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return _report(logboek, tmp_path_factory.mktemp("uit"), cli=True)


def _sections(md: str) -> dict[str, str]:
    """The report's parts by their heading (``## Kop``), each with its text."""
    delen = re.split(r"^## (.+)$", md, flags=re.M)
    return {delen[i].strip(): delen[i + 1] for i in range(1, len(delen), 2)}


def _part(tekst: str, kop: str) -> str:
    """The text under sub-heading ``### kop`` up to the next heading."""
    m = re.search(rf"^### {re.escape(kop)}\n(.*?)(?=^#|\Z)", tekst, flags=re.M | re.S)
    assert m, kop
    return m.group(1)


def _line(tekst: str, fragment: str) -> str:
    (regel,) = [r for r in tekst.splitlines() if fragment in r]
    return regel


def test_the_sections_come_in_order_with_their_headings(verslag: dict[str, Path]) -> None:
    koppen = list(_sections(verslag["md"].read_text(encoding="utf-8")))
    assert koppen == [
        "Samenvatting voor het raadsvoorstel",
        "Waarover ging de participatie",
        "Wie raakt het",
        "Wie is uitgenodigd en bereikt, en wie niet",
        "Hoe",
        "Wat brachten deelnemers in",
        "Waar waren deelnemers het over eens en oneens",
        "Wat is er met de inbreng gedaan",
        "Hoe is teruggekoppeld",
        "Open punten",
        "Bijlage: de bronnen in het logboek",
    ]
    assert [t(f"verslag.sectie.{s}", "nl") for s in SECTIES] == koppen[1:10]


def test_each_section_holds_the_facts_it_should(verslag: dict[str, Path]) -> None:
    s = _sections(verslag["md"].read_text(encoding="utf-8"))
    waarover = s["Waarover ging de participatie"]
    assert "van 10 januari 2026 tot en met 1 mei 2026" in waarover
    assert "Route naar het warmtenet [A1, A3]" in waarover and "Tarieven en aansluitkosten [A2]" in waarover
    vooraf, invloed = _part(waarover, "Wat vooraf vastlag"), _part(waarover, "Wat deelnemers konden beïnvloeden")
    assert "Het warmtenet is de voorkeur" in vooraf and "[B1]" in vooraf  # decided before the first activity
    assert "Tarieven en aansluitkosten" in vooraf and "[A2]" in vooraf  # only informed
    assert "[A1]" in invloed and "[A3]" in invloed and "[B2]" in invloed and "[A2]" not in invloed

    wie = s["Wie raakt het"]
    assert "5 partijen" in wie
    assert _line(wie, "Woningcorporatie:").endswith(f"{IDEALIS} [P2]")
    assert "voorzitter" not in wie  # no contact person, no role

    bereik = s["Wie is uitgenodigd en bereikt, en wie niet"]
    assert re.search(r"\| Route naar het warmtenet \| 3 februari 2026 \| .* \| 400 \| 62 \| \[A1\] \|", bereik)
    assert re.search(r"\| 800 \| onbekend \| \[A2\] \|", bereik)
    assert "76 van de 412" in bereik  # only where both numbers are known (A1, A3)
    assert "twee buren kwamen mee" in bereik  # more came than were invited: the note says why
    niet_bereikt = _part(bereik, "Niet bereikt")
    assert NUDE in niet_bereikt and "[P4, G1]" in niet_bereikt  # no activity, one conversation
    assert all(naam not in niet_bereikt for naam in (BVB, IDEALIS, WEC))

    hoe = s["Hoe"]
    assert "| 1 maart 2026 | enquête | Tarieven en aansluitkosten | informeren |" in hoe
    assert "bijeenkomst 1× [A1]; enquête 1× [A2]; werkgroep 1× [A3]" in hoe
    assert "Tijdlijn van de activiteiten" in hoe  # the chart, by its text alternative

    inbreng = s["Wat brachten deelnemers in"]
    route = _part(inbreng, "Route naar het warmtenet")
    assert "flats van de corporatie (eens) [I1, A1]" in route and "kookplaat? (vraag) [I4, A3]" in route
    assert "Geen verplichte aansluiting" in _part(inbreng, "Tarieven en aansluitkosten")

    eens = s["Waar waren deelnemers het over eens en oneens"]
    assert "Route naar het warmtenet: eens 1× [I1]; verdeeld 1× [I2]" in eens
    assert "[I3]" in _part(eens, "Waar deelnemers het oneens waren")
    assert "[I4]" not in _part(eens, "Waar deelnemers het oneens waren")

    gedaan = s["Wat is er met de inbreng gedaan"]
    assert "Fasering aangepast: flats eerst [I1]" in _part(gedaan, "Overgenomen")
    assert "Tariefgarantie voor vijf jaar [I2]" in _part(gedaan, "Deels overgenomen")
    assert "reden niet vastgelegd (onzeker) [I3]" in _part(gedaan, "Niet overgenomen")
    assert "[I4]" in _line(gedaan, "nog niets besloten")

    terug = s["Hoe is teruggekoppeld"]
    assert f"{BVB} via brief op 10 januari 2026 [C1]" in terug
    assert f"Nog niet gedeeld met: {BVB}. [B2]" in terug
    assert (
        _part(terug, "Niet teruggekoppeld").strip() == f"- Fasering: eerst de flats: nog niet gedeeld met {BVB}. [B2]"
    )

    open_ = s["Open punten"]
    for verwacht in ("kookplaat? [I4]", "zonder reden: Geen verplichte aansluiting",
                     f"Besluit nog niet gedeeld met {BVB}", f"{NUDE}: geen enkele activiteit",
                     "Tarieven en aansluitkosten: het aantal"):  # fmt: skip
        assert verwacht in open_, verwacht
    assert "[I1]" not in open_ and "[B1]" not in open_


def test_the_summary_fits_a_council_proposal_and_cites_the_logbook(verslag: dict[str, Path]) -> None:
    samenvatting = _sections(verslag["md"].read_text(encoding="utf-8"))["Samenvatting voor het raadsvoorstel"]
    assert len(samenvatting.split()) <= SAMENVATTING_WOORDEN
    zinnen = [r for r in samenvatting.splitlines() if r.strip()]
    assert all(re.search(r"\[[A-Z]\d", zin) for zin in zinnen), zinnen
    assert "Overgenomen: 1; deels overgenomen: 1; niet overgenomen: 1; nog niets over besloten: 1" in samenvatting


def test_a_long_logbook_keeps_the_summary_under_300_words(tmp_path: Path) -> None:
    pad = tmp_path / "groot.sqlite"
    db = lb.connect(pad)
    with db:
        for n in range(40):
            lb.add_party(db, f"Straat {n}", "bewonersinitiatief")
        for n in range(120):
            lb.add_activity(db, f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", "inloop", f"Onderwerp {n % 9}",
                            f"Straat {n % 40}", "20", "", "raadplegen")  # fmt: skip
            if n % 3 == 0:
                lb.add_input(db, n + 1, f"Punt {n}", "eens", "open")
    db.close()
    feiten = participation_from_file(pad)
    zinnen = summary(feiten, "nl")
    assert len(" ".join(zinnen).split()) <= SAMENVATTING_WOORDEN
    # the timeline of 120 activities: dots without numbers, its text alternative counts per rung
    (tijdlijn,) = [b for b in participation_document(feiten, "nl").blokken if isinstance(b, Afbeelding)]
    assert "Aantal per trede: raadplegen 120." in tijdlijn.alt and len(tijdlijn.alt) < 300


def test_every_reference_resolves_to_its_logbook_entry(verslag: dict[str, Path], logboek: Path) -> None:
    md = verslag["md"].read_text(encoding="utf-8")
    hoofd, bijlage = md.split("## Bijlage")
    rijen = {m.group(1): m.group(0) for m in re.finditer(r"^\| ([A-Z]\d+) \|.*$", bijlage, flags=re.M)}
    genoemd = cited(hoofd)
    assert genoemd and genoemd <= set(rijen), genoemd - set(rijen)
    assert set(rijen) <= genoemd  # the annex lists what the report cites, nothing more
    db = lb.connect(logboek, maken=False)
    for soort, letter, veld in (("activiteiten", "A", "onderwerp"), ("besluiten", "B", "besluit"),
                                ("partijen", "P", "naam"), ("gesprekken", "G", "onderwerp")):  # fmt: skip
        for rij in lb.rows(db, soort):
            if f"{letter}{rij['id']}" in rijen:
                assert rij[veld] in rijen[f"{letter}{rij['id']}"], (soort, rij)
    for rij in lb.rows(db, "inbreng"):
        assert rij["inbreng"].split(" (bel")[0] in rijen[f"I{rij['id']}"]
    for rij in lb.rows(db, "communicatie"):
        assert rij["partij"] in rijen[f"C{rij['id']}"] and f"(B{rij['besluit_id']})" in rijen[f"C{rij['id']}"]
    db.close()
    html = verslag["html"].read_text(encoding="utf-8")
    doelen = set(re.findall(r'href="#(ref-[A-Z]\d+)"', html))
    assert doelen and doelen <= set(re.findall(r'id="(ref-[A-Z]\d+)"', html))


def test_references_join_runs_of_entries() -> None:
    assert refs(("A", [3, 1, 2, 7]), ("I", [12])) == "[A1–A3, A7, I12]"
    assert refs(("B", [1, 2])) == "[B1, B2]"
    assert cited("zie [A1–A3, A7] en [I12]") == {"A1", "A2", "A3", "A7", "I12"}


def _normal(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst.replace("\u00ad", "")).replace("’", "'")


def _docx_text(pad: Path) -> str:
    from docx import Document

    doc = Document(str(pad))
    delen = [p.text for p in doc.paragraphs]
    delen += [c.text for tabel in doc.tables for rij in tabel.rows for c in rij.cells]
    return "\n".join(delen)


def _odt_text(pad: Path) -> str:
    from lxml import etree

    with zipfile.ZipFile(pad) as z:
        return " ".join(etree.fromstring(z.read("content.xml")).itertext())


def _html_text(pad: Path) -> str:
    from lxml import html

    return str(html.fromstring(pad.read_text(encoding="utf-8")).text_content())


def test_word_odt_pdf_and_html_carry_the_same_text(verslag: dict[str, Path], logboek: Path) -> None:
    import pikepdf

    with pikepdf.open(verslag["pdf"]) as pdf:  # an accessible A4 PDF: tagged, with language and title
        assert str(pdf.Root.Lang) == "nl" and str(pdf.docinfo.Title) == "Verslag van participatie"
        assert "/StructTreeRoot" in pdf.Root and [round(float(x)) for x in pdf.pages[0].MediaBox] == [0, 0, 595, 842]
    model = participation_document(participation_from_file(logboek), "nl")
    pdf = subprocess.run(["pdftotext", "-enc", "UTF-8", str(verslag["pdf"]), "-"], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    md = verslag["md"].read_text(encoding="utf-8").replace("\\", "")
    teksten = {"docx": _docx_text(verslag["docx"]), "odt": _odt_text(verslag["odt"]), "pdf": pdf,
               "html": _html_text(verslag["html"]), "md": md}  # fmt: skip
    genormaliseerd = {f: _normal(tekst) for f, tekst in teksten.items()}
    stukken = [model.titel] + [getattr(b, "tekst", "") for b in model.blokken]
    for blok in model.blokken:
        for naam in ("inhoud",):
            if hasattr(blok, naam):
                stukken.append("".join(d.tekst for d in getattr(blok, naam)))
        for item in getattr(blok, "items", ()):
            stukken.append("".join(d.tekst for d in item))
    zinnen = [s for s in stukken if s.strip()]
    assert len(zinnen) > 60
    for formaat, tekst in genormaliseerd.items():
        ontbreekt = [z for z in zinnen if _normal(z) not in tekst]
        assert ontbreekt == [], (formaat, ontbreekt[:3])
    # and the tables: every cell in Word, ODT, HTML and Markdown (the PDF's text interleaves columns)
    cellen = [
        "".join(d.tekst for a in c for d in a) for b in model.blokken for rij in getattr(b, "rijen", ()) for c in rij
    ]
    for formaat in ("docx", "odt", "html", "md"):
        assert [c for c in cellen if _normal(c) not in genormaliseerd[formaat]] == [], formaat


def _dutch_fragments() -> list[str]:
    """The fixed Dutch wording of the report: every piece of a ``verslag.*`` text between its
    placeholders that is long enough to be unmistakable."""
    stukken = []
    for sleutel, tekst in texts("nl").items():
        if sleutel.startswith(("verslag.", "logboek.vorm.", "logboek.standpunt", "logboek.kanaal.", "logboek.status.")):
            stukken += [s.strip() for s in re.split(r"\{\w+\}", tekst) if len(s.strip()) >= 12]
    return stukken


def test_the_english_report_is_english(logboek: Path, tmp_path: Path) -> None:
    bestanden = _report(logboek, tmp_path, "--lang", "en", "--formats", "md,html,docx")
    md = bestanden["md"].read_text(encoding="utf-8")
    assert list(_sections(md))[1:10] == [t(f"verslag.sectie.{s}", "en") for s in SECTIES]
    assert list(_sections(md))[1] == "What the participation was about"
    fragmenten = _dutch_fragments()
    assert len(fragmenten) > 40
    for naam, tekst in (("md", md), ("html", _html_text(bestanden["html"])), ("docx", _docx_text(bestanden["docx"]))):
        assert [f for f in fragmenten if f in tekst] == [], naam
        assert "verslag." not in tekst and "logboek." not in tekst  # no key shown
    assert "3 February 2026" in md and "unknown" in md and "survey" in md and "co-producing" in md
    assert 'lang="en"' in bestanden["html"].read_text(encoding="utf-8")


def _all_text(bestanden: dict[str, Path]) -> str:
    delen = [bestanden["md"].read_text(encoding="utf-8"), _html_text(bestanden["html"]), _docx_text(bestanden["docx"]),
             _odt_text(bestanden["odt"])]  # fmt: skip
    if "pdf" in bestanden:
        delen.append(subprocess.run(["pdftotext", str(bestanden["pdf"]), "-"], capture_output=True, text=True).stdout)
    return "\n".join(delen)


def test_no_contact_detail_appears_and_vergeet_leaves_none(logboek: Path, tmp_path: Path,
                                                           verslag: dict[str, Path]) -> None:  # fmt: skip
    alles = _all_text(verslag)
    for contact in CONTACTEN:  # the parties' own contact fields, and a phone number typed into input
        assert contact not in alles
    assert "voorzitter" not in alles
    assert "(bel […])" in alles
    assert PERSOON in alles  # a private person's name, until it is forgotten
    kopie = tmp_path / "logboek.sqlite"
    shutil.copy(logboek, kopie)
    res = run_cli("logboek", "--db", str(kopie), "vergeet", PERSOON, "--naam")
    assert res.returncode == 0, res.stderr
    na = _all_text(_report(kopie, tmp_path / "uit"))
    assert PERSOON not in na and "de Vries" not in na
    assert all(contact not in na for contact in CONTACTEN)
    assert "Partij 5" in na  # still counted, under a neutral name


def test_an_empty_logbook_reports_that_nothing_was_logged(tmp_path: Path) -> None:
    pad = tmp_path / "leeg.sqlite"
    lb.connect(pad).close()
    bestanden = _report(pad, tmp_path / "uit", "--formats", "md,pdf")
    md = bestanden["md"].read_text(encoding="utf-8")
    assert "In het logboek is nog niets vastgelegd." in md
    assert "Open punten" not in md and "## " not in md
    bestanden = _report(pad, tmp_path / "uit2", "--formats", "md", "--van", "2026-01-01", "--tot", "2026-02-01")
    assert "tussen 1 januari 2026 en 1 februari 2026 niets vastgelegd" in bestanden["md"].read_text(encoding="utf-8")


def test_a_period_leaves_out_what_lies_outside_it(logboek: Path, tmp_path: Path) -> None:
    md = _report(logboek, tmp_path, "--formats", "md", "--van", "2026-03-01", "--tot", "2026-04-30")["md"]
    tekst = md.read_text(encoding="utf-8")
    assert "van 1 maart 2026 tot en met 30 april 2026" in tekst
    assert "[A2" in tekst and "[A3]" in tekst and "A1" not in tekst and "B1" not in tekst and "B2" not in tekst
    assert "flats van de corporatie" not in tekst  # input at A1


@pytest.mark.parametrize(
    ("opties", "fragmenten"),
    [
        (("--van", "2026-05-01", "--tot", "2026-01-01"), ("--van", "2026-05-01", "na --tot")),
        (("--van", "1 mei"), ("--van", "JJJJ-MM-DD")),
        (("--formats", "docx,xls"), ("--formats", "xls")),
    ],
)
def test_bad_options_are_one_line(logboek: Path, tmp_path: Path, opties: tuple[str, ...],
                                  fragmenten: tuple[str, ...]) -> None:  # fmt: skip
    res = run_cli("logboek", "--db", str(logboek), "verslag", "--out", str(tmp_path), *opties)
    assert_one_line_error(res, *fragmenten)
    assert not (tmp_path / "verslag-participatie").exists()


def test_a_missing_logbook_is_refused_and_not_made(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("logboek", "--db", str(tmp_path / "weg.sqlite"), "verslag"), "--db")
    assert not (tmp_path / "weg.sqlite").exists()


def test_a_logbook_from_before_the_migration_opens_and_reports(tmp_path: Path) -> None:
    pad = tmp_path / "oud.sqlite"
    oud = sqlite3.connect(pad, isolation_level=None)
    oud.execute("BEGIN")
    lb.MIGRATIES[0](oud)
    oud.execute("PRAGMA user_version = 1")
    oud.execute("INSERT INTO partijen (naam, type, contact) VALUES ('Wijkraad', 'wijkraad', 'wijkraad@voorbeeld.nl')")
    oud.execute("INSERT INTO besluiten (datum, besluit, besloten_door, trede, status, sleutel) VALUES "
                "('2025-01-01', 'Oud besluit', 'raad', 'informeren', 'genomen', 'k1')")  # fmt: skip
    oud.execute("COMMIT")
    oud.close()
    md = _report(pad, tmp_path / "uit", "--formats", "md")["md"].read_text(encoding="utf-8")
    assert "Oud besluit" in md and "Wijkraad [P1]" in md and "wijkraad@" not in md
    assert "Wijkraad (wijkraad): geen enkele activiteit" in md  # no activities logged before version 3
    assert lb.connect(pad, maken=False).execute("PRAGMA user_version").fetchone()[0] == lb.VERSIE


@pytest.fixture
def pagina(browser: Any) -> Iterator[Any]:
    p = browser.new_page(viewport={"width": 390, "height": 844})
    yield p
    p.close()


def test_the_web_page_reads_on_a_phone_and_passes_axe(verslag: dict[str, Path], pagina: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    pagina.goto(verslag["html"].as_uri())
    assert pagina.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    uitslag = Axe().run(pagina, options=AXE_WCAG21_AA)
    assert uitslag.response["passes"]
    assert [v["id"] for v in uitslag.response["violations"] if v["impact"] in ("serious", "critical")] == []
    assert pagina.locator("img").first.get_attribute("alt")


def test_the_checklist_points_to_the_report_and_names_its_empty_sections(logboek: Path, tmp_path: Path) -> None:
    from toolkit.content import read_profile
    from toolkit.domain import build, default_profile_path, logbook_stats

    profiel = read_profile(default_profile_path())
    zonder = {a["id"]: a for a in build(profiel, "nl")["acties"]}
    verwijzers = {i for i, a in zonder.items() if "warmtelessen logboek verslag" in a.get("verslag", "")}
    assert {"L4-04", "L4-05", "L7-15"} & set(zonder) <= verwijzers  # recording and reporting actions
    assert "L4-08" not in verwijzers

    pad = tmp_path / "begin.sqlite"
    db = lb.connect(pad)
    with db:
        lb.add_party(db, "Wijkraad", "wijkraad")
    db.close()
    begin = {a["id"]: a for a in build(profiel, "nl", logboek=logbook_stats(pad))["acties"]}
    notitie = begin["L4-04"]["logboek"]
    leeg = notitie.split("Nog leeg in het verslag van participatie: ")[1]
    assert leeg.rstrip(".").split("; ") == [t(f"verslag.sectie.{s}", "nl") for s in SECTIES
                                            if s not in ("wie_raakt_het", "open_punten")]  # fmt: skip
    vol = {a["id"]: a for a in build(profiel, "en", logboek=logbook_stats(logboek))["acties"]}
    assert "Every part of the participation report has content." in vol["L4-04"]["logboek"]
