"""The app's page *Logboek* without a browser: its widgets driven as a visitor drives them (the
browser test in tests/app/test_app_browser.py drives the same code through the page)."""

from __future__ import annotations

import base64
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from toolkit.app.server import app_pages
from toolkit.base import texts
from toolkit.domain import logbook as lb
from toolkit.notebook.logbook_page import FORMULIEREN, LogbookPage, field_label, value_text


def _rows(pad: Path, soort: str) -> list[dict[str, object]]:
    db = lb.connect(pad, maken=False)
    try:
        return lb.rows(db, soort)
    finally:
        db.close()


def _upload(pagina: LogbookPage, naam: str, inhoud: bytes) -> None:
    pagina.upload.value = ({"name": naam, "type": "", "size": len(inhoud), "content": memoryview(inhoud),
                            "last_modified": datetime.now()},)  # fmt: skip


def _fill(pagina: LogbookPage, soort: str, **waarden: object) -> str:
    """Choose the kind, fill in its fields, press Opslaan; returns the message on the page."""
    pagina.soort.value = soort
    for veld, waarde in waarden.items():
        pagina.velden[soort][veld].value = waarde
    pagina.opslaan.click()
    return str(pagina.melding.value)


def test_a_party_an_activity_and_input_added_through_the_form_are_in_the_logbook(tmp_path: Path) -> None:
    pad = tmp_path / "logboek.sqlite"
    pagina = LogbookPage(pad, "nl")
    assert "Nog niets vastgelegd" in pagina.bestand.value and str(pad) in pagina.bestand.value
    assert not pad.exists()  # opening the page makes no logbook
    assert "partij 1 toegevoegd" in _fill(pagina, "partij", naam="Wijkraad Oost", type="wijkraad",
                                          contactrol="voorzitter", contact="a@example.org")  # fmt: skip
    assert "activiteit 1 toegevoegd" in _fill(pagina, "activiteit", vorm="inloop", onderwerp="Inloopavond",
                                              doelgroep=("Wijkraad Oost",), uitgenodigd="200", deelnemers="",
                                              trede="raadplegen", fase="planvorming")  # fmt: skip
    assert pagina.velden["inbreng"]["activiteit"].options[1][1] == "1"  # the new activity can be chosen
    assert "inbreng 1 toegevoegd" in _fill(pagina, "inbreng", activiteit="1", inbreng="Meer uitleg over kosten",
                                           standpunt="vraag", verwerking="overgenomen")  # fmt: skip
    assert [(p["naam"], p["type"], p["contact"]) for p in _rows(pad, "partijen")] == [
        ("Wijkraad Oost", "wijkraad", "a@example.org")
    ]
    activiteit = _rows(pad, "activiteiten")[0]
    assert (activiteit["doelgroep"], activiteit["uitgenodigd"], activiteit["deelnemers"]) == ("Wijkraad Oost", 200, "")
    assert _rows(pad, "inbreng")[0]["inbreng"] == "Meer uitleg over kosten"
    lijst = pagina.lijst.value
    assert "<caption>Partijen (1)</caption>" in lijst and '<th scope="col">Soort partij</th>' in lijst
    assert "Inloopavond" in lijst and "overgenomen" in lijst and "wijkraad" in lijst
    assert "a@example.org" not in lijst and "Contactgegeven" not in lijst  # personal data stays out of the list


def test_a_bad_number_is_one_line_on_the_page_and_adds_nothing(tmp_path: Path) -> None:
    pad = tmp_path / "logboek.sqlite"
    pagina = LogbookPage(pad, "nl")
    melding = _fill(pagina, "activiteit", vorm="bijeenkomst", onderwerp="Avond", trede="informeren", deelnemers="-3")
    assert 'role="alert"' in melding and "Aantal deelnemers: &#39;-3&#39; is geen aantal mensen" in melding
    assert "\n" not in melding and '">deelnemers:' not in melding  # the label, never the key
    assert not pad.exists()  # nothing added: not even an empty logbook
    # in English, in English
    engels = LogbookPage(pad, "en")
    melding = _fill(engels, "activiteit", vorm="bijeenkomst", onderwerp="Evening", trede="informeren", deelnemers="-3")
    assert "Number of participants: &#39;-3&#39; is not a number of people" in melding


def test_a_required_field_left_empty_is_named_by_its_label(tmp_path: Path) -> None:
    pagina = LogbookPage(tmp_path / "logboek.sqlite", "nl")
    melding = _fill(pagina, "besluit", besluit="Warmtenet onderzoeken", trede="adviseren")
    assert "Besloten door: vul dit in" in melding and "besloten_door" not in melding
    assert not (tmp_path / "logboek.sqlite").exists()


def test_an_imported_csv_adds_rows_and_names_the_rows_it_refused(tmp_path: Path) -> None:
    pad = tmp_path / "logboek.sqlite"
    pagina = LogbookPage(pad, "nl")
    csv = ("naam,type,contactrol,contact\nBuurtvereniging Noord,bewonersvereniging,secretaris,b@example.org\n"
           "Energiecoöperatie West,energiecooperatie,,\n,overig,,\n")  # fmt: skip
    _upload(pagina, "partijen.csv", csv.encode())
    melding = pagina.import_melding.value
    assert "Ingelezen uit partijen.csv: 2 partijen" in melding
    assert "partijen.csv, rij 4: Naam: verplicht veld is leeg" in melding  # one line per row, by its label
    assert [p["naam"] for p in _rows(pad, "partijen")] == ["Buurtvereniging Noord", "Energiecoöperatie West"]
    assert "Buurtvereniging Noord" in pagina.lijst.value  # the list shows them at once
    _upload(pagina, "notities.txt", b"hallo")
    assert "kies een .csv-, .xlsx- of .ods-bestand" in pagina.import_melding.value
    _upload(pagina, "groot.csv", b"x" * (5 * 1024 * 1024 + 1))
    assert "groot.csv" in pagina.import_melding.value and 'role="alert"' in pagina.import_melding.value


@pytest.mark.parametrize("inhoud", ["sqlite", "tekst"])
def test_a_file_that_is_not_a_logbook_is_one_message_and_stays_as_it_was(tmp_path: Path, inhoud: str) -> None:
    pad = tmp_path / "ander.sqlite"
    if inhoud == "sqlite":  # another application's database
        db = sqlite3.connect(pad)
        db.execute("CREATE TABLE klanten (naam TEXT)")
        db.commit()
        db.close()
    else:
        pad.write_text("geen database", encoding="utf-8")
    voor = pad.read_bytes()
    pagina = LogbookPage(pad, "nl")
    assert pagina.bestand.value.count('role="alert"') == 1 and "geen logboek van warmtelessen" in pagina.bestand.value
    assert "Traceback" not in pagina.bestand.value and pagina.lijst.value == ""
    melding = _fill(pagina, "partij", naam="Wijkraad")
    assert "geen logboek van warmtelessen" in melding and melding.count("<p") == 1
    assert pad.read_bytes() == voor


def test_html_typed_in_a_name_is_shown_as_text(tmp_path: Path) -> None:
    pagina = LogbookPage(tmp_path / "logboek.sqlite", "nl")
    _fill(pagina, "partij", naam="<script>alert('x')</script> & <b>Oost</b>")
    assert "<script>" not in pagina.lijst.value and "<b>" not in pagina.lijst.value
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;Oost&lt;/b&gt;" in pagina.lijst.value
    assert pagina.velden["gesprek"]["partijen"].options == ("<script>alert('x')</script> & <b>Oost</b>",)


def test_every_field_and_value_has_a_label_in_both_languages() -> None:
    for taal in ("nl", "en"):
        for soort, (_, _, velden) in FORMULIEREN.items():
            for veld in velden:
                assert f"app.logboek.veld.{veld.sleutel}" in texts(taal), (soort, veld.naam)
                for optie in veld.opties:
                    if veld.woorden.startswith("app."):
                        assert f"{veld.woorden}.{optie}" in texts(taal), (veld.woorden, optie)
        assert value_text("vorm", "enquete", taal) != "enquete" and field_label("besloten_door", taal)
    assert [p.notebook for p in app_pages("en")][-1] == "logboek.ipynb"
    assert app_pages("en")[-1].naam == "Logbook" and app_pages("nl")[-1].naam == "Logboek"


def test_the_report_button_gives_word_odt_pdf_and_the_web_page(tmp_path: Path) -> None:
    pad = tmp_path / "logboek.sqlite"
    pagina = LogbookPage(pad, "nl")
    pagina.verslag.click()  # nothing recorded yet: said, and no file made
    assert "nog niets vastgelegd" in pagina.verslag_melding.value and not pad.exists()
    _fill(pagina, "partij", naam="Wijkraad Oost", contact="geheim@example.org")
    doelgroep = ("Wijkraad Oost",)
    _fill(pagina, "activiteit", vorm="inloop", onderwerp="Inloopavond", trede="raadplegen", doelgroep=doelgroep)
    pagina.verslag.click()
    assert "Het verslag is klaar" in pagina.verslag_melding.value
    links = re.findall(r'<a download="([^"]+)" href="data:[^;]+;base64,([^"]+)">', pagina.downloads.value)
    assert [naam.rsplit(".", 1)[-1] for naam, _ in links] == ["docx", "odt", "pdf", "html"]
    assert base64.b64decode(links[2][1])[:5] == b"%PDF-"
    assert "Inloopavond" in base64.b64decode(links[3][1]).decode("utf-8")
    assert "geheim@example.org" not in base64.b64decode(links[3][1]).decode("utf-8")


def test_the_page_gives_an_empty_template_that_imports_back(tmp_path: Path) -> None:
    import io

    from openpyxl import load_workbook

    pad = tmp_path / "logboek.sqlite"
    pagina = LogbookPage(pad, "nl")
    _fill(pagina, "partij", naam="Wijkraad Oost")
    pagina.sjabloon.click()
    links = dict(re.findall(r'<a download="([^"]+)" href="data:[^;]+;base64,([^"]+)">', pagina.sjabloon_links.value))
    assert sorted(links) == ["logboek-sjabloon.ods", "logboek-sjabloon.xlsx"]
    boek = load_workbook(io.BytesIO(base64.b64decode(links["logboek-sjabloon.xlsx"])))
    lijsten = [v.formula1 for v in boek["communicatie"].data_validations.dataValidation]
    assert any("Wijkraad Oost" in str(f) for f in lijsten)  # the logbook's parties, as a list to choose from
    blad = boek["activiteiten"]
    kop = [c.value for c in blad[1]]
    blad.append([{"datum": "2026-03-01", "vorm": "inloop", "onderwerp": "Inloopavond", "doelgroep": "Wijkraad Oost",
                  "trede": "raadplegen"}.get(k) for k in kop])  # fmt: skip
    gevuld = io.BytesIO()
    boek.save(gevuld)
    _upload(pagina, "logboek-sjabloon.xlsx", gevuld.getvalue())
    assert [r["onderwerp"] for r in _rows(pad, "activiteiten")] == ["Inloopavond"]


def test_a_failed_first_import_on_the_page_leaves_no_logbook(tmp_path: Path) -> None:
    pad = tmp_path / "logboek.sqlite"
    pagina = LogbookPage(pad, "nl")
    _upload(pagina, "gesprekken.csv", b"datum,partijen,onderwerp\n2026-13-01,Niemand,x\n")
    assert "wl-fout" in pagina.import_melding.value or "rij 2" in pagina.import_melding.value
    _fill(pagina, "gesprek", onderwerp="x", partijen=())  # a required field left empty: said, nothing made
    assert not pad.exists()
