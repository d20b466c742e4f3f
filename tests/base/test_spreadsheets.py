"""Text a user or a content file supplied never becomes a formula in a workbook or a CSV
(OWASP guidance on CSV injection): every writer, one test each."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from tests.conftest import run_cli
from toolkit.base.sheets import csv_safe, unquote_csv
from toolkit.domain.compare import Vergelijking
from toolkit.render import render
from toolkit.reports.batch import Outcome, write_manifest
from toolkit.reports.registry import build, produce

GEVAARLIJK = ['=HYPERLINK("http://example.org/x","klik")', "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1+1"]


def _text_cells(xlsx: bytes) -> dict[str, list[tuple[object, str]]]:
    """(value, data type) of every cell, per sheet; and no formula anywhere in the file."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        for naam in z.namelist():
            if naam.startswith("xl/worksheets/"):
                assert "<f>" not in z.read(naam).decode(), naam  # no formula element at all
    boek = load_workbook(io.BytesIO(xlsx))
    return {blad.title: [(c.value, c.data_type) for rij in blad.iter_rows() for c in rij] for blad in boek.worksheets}


def _assert_stored_as_text(cellen: list[tuple[object, str]], tekst: str) -> None:
    gevonden = [(w, soort) for w, soort in cellen if isinstance(w, str) and tekst in w]
    assert gevonden, tekst
    assert all(soort == "s" for _, soort in gevonden), gevonden


@pytest.mark.parametrize("tekst", GEVAARLIJK)
def test_csv_cells_are_quoted_and_read_back(tekst: str) -> None:
    assert csv_safe(tekst) == "'" + tekst and unquote_csv(csv_safe(tekst)) == tekst
    assert csv_safe("gewone tekst") == "gewone tekst" and csv_safe(-3) == -3  # numbers stay numbers


def test_action_register_profile_and_notes(tmp_path: Path) -> None:
    profiel = {"gemeente": "Wageningen", "notities": GEVAARLIJK[0], "groepen": [{"naam": GEVAARLIJK[3]}]}
    xlsx = render("checklist", "xlsx", build("checklist", {"profiel": profiel}), "nl")
    assert isinstance(xlsx, bytes)
    cellen = _text_cells(xlsx)
    _assert_stored_as_text(cellen["Profiel"], GEVAARLIJK[0])
    _assert_stored_as_text(cellen["Profiel"], GEVAARLIJK[3])
    # a note typed into the register comes back as text in the next register
    register = tmp_path / "actieregister.xlsx"
    register.write_bytes(xlsx)
    boek = load_workbook(register)
    boek["Acties"]["I2"].value = "@opmerking"
    boek.save(register)
    opnieuw = render("checklist", "xlsx", build("checklist", {"profiel": profiel, "voortgang": str(register)}), "nl")
    assert isinstance(opnieuw, bytes)
    _assert_stored_as_text(_text_cells(opnieuw)["Acties"], "@opmerking")


def test_logbook_export(tmp_path: Path) -> None:
    db = str(tmp_path / "l.sqlite")
    for args in (
        ["toevoegen", "partij", "--naam", "=Coop", "--contactrol", "+voorzitter"],
        ["toevoegen", "gesprek", "--datum", "2026-01-05", "--partijen", "=Coop", "--onderwerp", "@start",
         "--samenvatting", GEVAARLIJK[0]],
    ):  # fmt: skip
        res = run_cli("logboek", "--db", db, *args)
        assert res.returncode == 0, res.stderr
    res = run_cli("logboek", "--db", db, "exporteer", "--out", str(tmp_path / "x"))
    assert res.returncode == 0, res.stderr
    cellen = _text_cells((tmp_path / "x/logboek.xlsx").read_bytes())
    _assert_stored_as_text(cellen["partijen"], "=Coop")
    _assert_stored_as_text(cellen["gesprekken"], GEVAARLIJK[0])
    rijen = list(csv.DictReader((tmp_path / "x/gesprekken.csv").open(encoding="utf-8")))
    assert rijen[0]["onderwerp"] == "'@start" and rijen[0]["samenvatting"] == "'" + GEVAARLIJK[0]
    # the toolkit reads its own export back as it was: importing it again adds nothing new
    opnieuw = run_cli("logboek", "--db", db, "importeer", str(tmp_path / "x/gesprekken.csv"))
    assert opnieuw.returncode == 0 and ", 0 gesprekken," in opnieuw.stdout, opnieuw.stdout + opnieuw.stderr


def test_comparison_workbook_and_csv(tmp_path: Path) -> None:
    tabel = pd.DataFrame({"casus": ["a"], "vraag": [GEVAARLIJK[0]], "score": [-2]})
    v = Vergelijking({"open_vragen": tabel}, {}, ["a"], [1])
    xlsx = render("vergelijking", "xlsx", v, "nl")
    assert isinstance(xlsx, bytes)
    cellen = _text_cells(xlsx)["open_vragen"]
    _assert_stored_as_text(cellen, GEVAARLIJK[0])
    assert (-2, "n") in cellen  # a number stays a number
    bestanden = render("vergelijking", "csv", v, "nl")
    assert isinstance(bestanden, dict)
    rij = list(csv.DictReader(io.StringIO(str(bestanden["open_vragen.csv"]))))[0]
    assert rij["vraag"] == "'" + GEVAARLIJK[0] and rij["score"] == "-2"
    # and the shipped comparison: every text cell of the workbook is text
    gemaakt = produce("vergelijking", {}, tmp_path, ["xlsx"], "inproces", subfolder=False)
    for cellen in _text_cells(gemaakt.files[0].read_bytes()).values():
        assert all(soort != "f" for _, soort in cellen)


def test_batch_manifest_csv(tmp_path: Path) -> None:
    write_manifest(tmp_path, [Outcome("=naam", "les", {}, "mislukt", fout="=1+1 mislukt")])
    rij = list(csv.DictReader((tmp_path / "manifest.csv").open(encoding="utf-8")))[0]
    assert rij["naam"] == "'=naam" and rij["fout"] == "'=1+1 mislukt"
