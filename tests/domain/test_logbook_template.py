"""The logbook's template to fill in (``logboek sjabloon``): its sheets, its validation lists in
Excel and ODS, and that a filled-in template reads back in through ``logboek importeer``."""

from __future__ import annotations

import re
from pathlib import Path
from zipfile import ZipFile

from lxml import etree

from tests.conftest import assert_one_line_error, run_cli
from toolkit.base import transaction
from toolkit.content import ACTORTYPES, TREDEN
from toolkit.domain import SJABLOON_KOLOMMEN, VERPLICHT
from toolkit.domain import logbook as lb

TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _template(tmp_path: Path, *args: str, db: Path | None = None) -> Path:
    out = tmp_path / "sjabloon"
    res = run_cli("logboek", "--db", str(db or tmp_path / "geen.sqlite"), "sjabloon", "--out", str(out), *args)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == [str(out / "logboek-sjabloon.xlsx"), str(out / "logboek-sjabloon.ods")]
    return out


def _xlsx_lists(pad: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(sheet, column key) -> the values of the validation list on that column, as Excel reads them."""
    from openpyxl import load_workbook

    lijsten = {}
    for blad in load_workbook(pad).worksheets:
        kop = [c.value for c in blad[1]]
        for validatie in blad.data_validations.dataValidation:
            if validatie.type != "list":
                continue
            kolom = str(validatie.sqref).split(":")[0].rstrip("0123456789")
            begin, eind = str(validatie.sqref).split(":")
            assert begin == f"{kolom}2" and int(eind[len(kolom) :]) > 300, validatie.sqref  # not the header row
            lijsten[blad.title, kop[ord(kolom) - ord("A")]] = tuple(validatie.formula1.strip('"').split(","))
    return lijsten


def _ods_lists(pad: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(sheet, column key) -> the values of the ``table:content-validation`` its cells under the header
    carry, as LibreOffice reads them."""
    with ZipFile(pad) as z:
        inhoud = etree.fromstring(z.read("content.xml"))
    voorwaarden = {v.get(f"{TABLE}name"): v.get(f"{TABLE}condition") for v in inhoud.iter(f"{TABLE}content-validation")}
    lijsten = {}
    for tabel in inhoud.iter(f"{TABLE}table"):
        kop = ["".join(c.itertext()) for c in tabel.find(f"{TABLE}table-header-rows")[0]]
        for rij in tabel.findall(f"{TABLE}table-row"):
            for k, cel in enumerate(rij):
                naam = cel.get(f"{TABLE}content-validation-name")
                if naam:
                    lijst = re.fullmatch(r"of:cell-content-is-in-list\((.*)\)", voorwaarden[naam])
                    assert lijst, voorwaarden[naam]
                    waarden = tuple(w.strip('"').replace('""', '"') for w in lijst.group(1).split(";"))
                    assert lijsten.setdefault((tabel.get(f"{TABLE}name"), kop[k]), waarden) == waarden
    return lijsten


#: The columns with fixed values, and those values.
LIJSTEN = {
    ("partijen", "type"): ACTORTYPES,
    ("besluiten", "trede"): TREDEN,
    ("besluiten", "status"): lb.STATUSSEN,
    ("besluiten", "kanaal"): lb.KANALEN,
    ("vervolgacties", "gedaan"): ("ja", "nee"),
    ("communicatie", "kanaal"): lb.KANALEN,
    ("activiteiten", "vorm"): lb.VORMEN,
    ("activiteiten", "trede"): TREDEN,
    ("activiteiten", "fase"): lb.FASEN,
    ("inbreng", "standpunt"): lb.STANDPUNTEN,
    ("inbreng", "verwerking"): lb.VERWERKINGEN,
}


def test_the_template_has_a_sheet_per_kind_and_validation_lists_in_both_formats(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = _template(tmp_path)
    assert not (tmp_path / "geen.sqlite").exists()  # the template never creates a logbook
    boek = load_workbook(out / "logboek-sjabloon.xlsx")
    assert boek.sheetnames == ["uitleg", *lb.SOORTEN]
    for soort in lb.SOORTEN:
        assert [c.value for c in boek[soort][1]] == list(SJABLOON_KOLOMMEN[soort])
        assert boek[soort].freeze_panes == "A2" and boek[soort].max_row == 1
    for lijsten in (_xlsx_lists(out / "logboek-sjabloon.xlsx"), _ods_lists(out / "logboek-sjabloon.ods")):
        assert lijsten[("activiteiten", "vorm")] == lb.VORMEN
        assert lijsten[("inbreng", "verwerking")] == lb.VERWERKINGEN
        assert lijsten == LIJSTEN  # no list on the party column without a logbook
    # the explanation names every sheet and column, says which are required, and the rules
    uitleg = [[c or "" for c in rij] for rij in boek["uitleg"].iter_rows(min_row=2, values_only=True)]
    for soort, kolommen in SJABLOON_KOLOMMEN.items():
        assert [r[1] for r in uitleg if r[0] == soort and r[1]] == list(kolommen)
        assert [r[1] for r in uitleg if r[0] == soort and r[2] == "ja"] == list(VERPLICHT[soort])
        assert all(r[3] for r in uitleg if r[0] == soort)
    tekst = " ".join(r[3] for r in uitleg)
    for regel in ("JJJJ-MM-DD", "Zet dan ; tussen de namen", "Laat de cel dan leeg. Dat telt als onbekend",
                  "Staat er ja onder verplicht"):  # fmt: skip
        assert regel in tekst


def test_a_filled_in_template_reads_in_through_the_command_line(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = _template(tmp_path)
    boek = load_workbook(out / "logboek-sjabloon.xlsx")
    boek["partijen"].append(["Wijkraad Y", "wijkraad", "secretaris", ""])
    boek["activiteiten"].append(["2026-03-10", "bijeenkomst", "Keuze warmteoplossing", "Wijkraad Y", 400, None,
                                 "raadplegen", "planvorming", "4", ""])  # fmt: skip
    boek["inbreng"].append([1, "Zorg over de maandlasten", "oneens", "deels", "Woonlastengarantie"])
    boek.save(tmp_path / "ingevuld.xlsx")
    db = tmp_path / "wijk.sqlite"
    res = run_cli("logboek", "--db", str(db), "importeer", str(tmp_path / "ingevuld.xlsx"))
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ("1 partijen, 0 gesprekken, 0 besluiten, 0 vervolgacties, 0 communicatie, "
                                  "1 activiteiten, 1 inbreng nieuw ingelezen.")  # fmt: skip
    verbinding = lb.connect(db, maken=False)
    assert [(p["naam"], p["type"]) for p in lb.rows(verbinding, "partijen")] == [("Wijkraad Y", "wijkraad")]
    [activiteit] = lb.rows(verbinding, "activiteiten")
    assert (activiteit["doelgroep"], activiteit["uitgenodigd"], activiteit["deelnemers"]) == ("Wijkraad Y", 400, "")
    [inbreng] = lb.rows(verbinding, "inbreng")
    assert (inbreng["activiteit"], inbreng["standpunt"], inbreng["verwerking"]) == (activiteit["id"], "oneens", "deels")
    verbinding.close()
    # the empty ODS template, and the English one, read in too (their explanation is passed by)
    for bestand in (out / "logboek-sjabloon.ods", _template(tmp_path / "en", "--lang", "en") / "logboek-sjabloon.xlsx"):
        res = run_cli("logboek", "--db", str(db), "importeer", str(bestand))
        assert res.returncode == 0 and res.stderr == "", res.stderr


def test_the_english_template_explains_in_english_and_keeps_the_keys(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    boek = load_workbook(_template(tmp_path, "--lang", "en") / "logboek-sjabloon.xlsx")
    assert boek.sheetnames == ["explanation", *lb.SOORTEN]
    assert [c.value for c in boek["explanation"][1]] == ["sheet", "column", "required", "what to fill in"]
    assert "Write a date as YYYY-MM-DD" in " ".join(str(r[3]) for r in boek["explanation"].iter_rows(values_only=True))
    assert [c.value for c in boek["inbreng"][1]] == list(SJABLOON_KOLOMMEN["inbreng"])


def test_with_a_logbook_the_column_of_one_party_lists_its_parties(tmp_path: Path) -> None:
    db = tmp_path / "wijk.sqlite"
    verbinding = lb.connect(db)
    with transaction(verbinding):
        for naam in ("Wijkraad Y", "Energiecoöperatie X", "Huurders"):
            lb.add_party(verbinding, naam)
    verbinding.close()
    out = _template(tmp_path, db=db)
    namen = ("Energiecoöperatie X", "Huurders", "Wijkraad Y")
    for lijsten in (_xlsx_lists(out / "logboek-sjabloon.xlsx"), _ods_lists(out / "logboek-sjabloon.ods")):
        assert lijsten == LIJSTEN | {("communicatie", "partij"): namen}


def test_parties_too_many_for_an_excel_list_are_said_and_left_out(tmp_path: Path) -> None:
    db = tmp_path / "wijk.sqlite"
    verbinding = lb.connect(db)
    with transaction(verbinding):
        for i in range(30):
            lb.add_party(verbinding, f"Bewonersgroep nummer {i}")
    verbinding.close()
    out = tmp_path / "sjabloon"
    res = run_cli("logboek", "--db", str(db), "sjabloon", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert res.stderr.startswith("let op: partij: geen keuzelijst met de 30 partijen") and res.stderr.count("\n") == 1
    assert _xlsx_lists(out / "logboek-sjabloon.xlsx") == LIJSTEN == _ods_lists(out / "logboek-sjabloon.ods")


def test_a_template_already_there_is_not_overwritten(tmp_path: Path) -> None:
    out = _template(tmp_path)
    (out / "logboek-sjabloon.xlsx").write_bytes(b"ingevuld")
    res = run_cli("logboek", "--db", str(tmp_path / "geen.sqlite"), "sjabloon", "--out", str(out))
    assert_one_line_error(res, "logboek-sjabloon.xlsx: bestaat al", "--out")
    assert (out / "logboek-sjabloon.xlsx").read_bytes() == b"ingevuld"
    vreemd = tmp_path / "vreemd"  # a folder with files of someone else's: refused, as exporteer refuses it
    vreemd.mkdir()
    (vreemd / "brief.txt").write_text("van mij")
    res = run_cli("logboek", "--db", str(tmp_path / "geen.sqlite"), "sjabloon", "--out", str(vreemd))
    assert_one_line_error(res, "map bestaat al en is geen map van warmtelessen")
    assert [p.name for p in vreemd.iterdir()] == ["brief.txt"]
    (tmp_path / "geen.sqlite").write_text("geen logboek")
    res = run_cli("logboek", "--db", str(tmp_path / "geen.sqlite"), "sjabloon", "--out", str(tmp_path / "ander"))
    assert_one_line_error(res, "geen.sqlite")
    assert not (tmp_path / "ander").exists()
