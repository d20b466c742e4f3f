"""*Begin hier* and the dates the law sets: what an officer starts with this month, and actions
that change on a legal date."""

from __future__ import annotations

import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.conftest import ROOT, assert_one_line_error, run_cli
from toolkit.content import read_profile
from toolkit.content.actions import check_actions
from toolkit.domain import build
from toolkit.render import render

WAGENINGEN = read_profile(ROOT / "profielen" / "wageningen-benedenbuurt.yaml")
DECEMBER = date(2026, 12, 3)


def _actie(checklist: dict, actie_id: str) -> dict:  # type: ignore[type-arg]
    return next(a for a in checklist["acties"] if a["id"] == actie_id)


@pytest.mark.parametrize("profiel", [WAGENINGEN, {"gemeente": "Zwolle", "fase": "planvorming"},
                                     {"gemeente": "Ede", "aanspreekpunt": "ja", "logboek": "ja"}])  # fmt: skip
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_every_checklist_starts_with_three_to_seven_actions_each_with_why_now(profiel: object, taal: str) -> None:
    c = build(profiel, taal, peildatum=DECEMBER)  # type: ignore[arg-type]
    assert 3 <= len(c["begin_hier"]) <= 7
    assert len(set(c["begin_hier"])) == len(c["begin_hier"])
    ids = {a["id"] for a in c["acties"]}
    assert set(c["begin_hier"]) <= ids
    for a in c["acties"]:
        assert ("waarom_nu" in a) == (a["id"] in c["begin_hier"]), a["id"]
        if "waarom_nu" in a:
            assert a["waarom_nu"].strip() and "{" not in a["waarom_nu"]


def test_the_participation_regulation_is_urgent_before_1_january_2027_and_checked_after() -> None:
    voor = _actie(build(WAGENINGEN, "nl", peildatum=date(2026, 12, 31)), "L2-17")
    na = _actie(build(WAGENINGEN, "nl", peildatum=date(2027, 1, 1)), "L2-17")
    assert voor["prioriteit"] == "hoog" and voor["deadline"] == "2027-01-01"
    assert "klaar is" in voor["tekst"] and "Ga na of de raad" in na["tekst"]
    assert na["prioriteit"] != "hoog"
    december = build(WAGENINGEN, "nl", peildatum=DECEMBER)
    assert "L2-17" in december["begin_hier"]
    assert "1 januari 2027" in _actie(december, "L2-17")["waarom_nu"]
    januari = build(WAGENINGEN, "en", peildatum=date(2027, 1, 2))
    assert "has passed" in _actie(januari, "L2-17")["waarom_nu"]


@pytest.mark.parametrize("fase", ["transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik"])
def test_the_heat_programme_stays_on_the_list_in_every_phase_until_adopted(fase: str) -> None:
    for peildatum in (date(2026, 12, 31), date(2027, 1, 1)):
        onbekend = build({"gemeente": "Zwolle", "fase": fase}, "nl", peildatum=peildatum)
        assert "L1-14" in {a["id"] for a in onbekend["acties"]}
        bezig = build({"gemeente": "Zwolle", "fase": fase, "warmteprogramma": "in_voorbereiding"}, "nl",
                      peildatum=peildatum)  # fmt: skip
        assert _actie(bezig, "L1-13")["deadline"] == "2026-12-31"
        assert _actie(bezig, "L1-13")["deadline_onzeker"] is True  # the Wgiw is not in force
        klaar = build({"gemeente": "Zwolle", "fase": fase, "warmteprogramma": "vastgesteld"}, "nl",
                      peildatum=peildatum)  # fmt: skip
        assert not {"L1-13", "L1-14"} & {a["id"] for a in klaar["acties"]}


def test_every_format_shows_where_to_begin() -> None:
    c = build(WAGENINGEN, "nl", peildatum=DECEMBER)
    eerste = _actie(c, c["begin_hier"][0])
    html = str(render("checklist", "html", c, "nl"))
    assert "Begin hier" in html and eerste["waarom_nu"] in html.replace("&#39;", "'")
    md = str(render("checklist", "md", c, "nl"))
    assert "## Begin hier" in md and md.index("## Begin hier") < md.index("## Uw situatie")
    docx = Document(io.BytesIO(render("checklist", "docx", c, "nl")))  # type: ignore[arg-type]
    tekst = "\n".join(cel.text for tabel in docx.tables for rij in tabel.rows for cel in rij.cells)
    assert any(p.text == "Begin hier" for p in docx.paragraphs) and eerste["waarom_nu"] in tekst
    boek = load_workbook(io.BytesIO(render("checklist", "xlsx", c, "nl")))  # type: ignore[arg-type]
    assert boek.sheetnames[:2] == ["Acties", "Begin hier"]
    rijen = list(boek["Begin hier"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rijen] == c["begin_hier"]
    assert json.loads(str(render("checklist", "json", c, "nl")))["begin_hier"] == c["begin_hier"]
    assert "Uiterlijk: 1 januari 2027" in md
    scherm = str(render("checklist", "html-fragment", c, "nl"))  # what the web app shows
    assert "Begin hier" in scherm and eerste["waarom_nu"] in scherm.replace("&#39;", "'")


def test_peildatum_that_is_not_a_date_is_one_line(tmp_path: Path) -> None:
    res = run_cli("checklist", "--gemeente", "Zwolle", "--peildatum", "morgen", "--out", str(tmp_path))
    assert_one_line_error(res, "peildatum")


def test_rules_on_the_date_are_validated(tmp_path: Path) -> None:
    map_ = tmp_path / "acties"
    shutil.copytree(ROOT / "lessons" / "acties", map_)
    pad = map_ / "les-2.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("voor: 2027-01-01", "voor: binnenkort"), encoding="utf-8")
    les1 = map_ / "les-1.yaml"
    les1.write_text(les1.read_text(encoding="utf-8").replace("  deadline: {datum: 2026-12-31, onzeker: true}\n", "", 1)
                    .replace("  logboek: true\n", "  logboek: true\n  tekst_na_deadline: {nl: x, en: x}\n", 1),
                    encoding="utf-8")  # fmt: skip
    problemen = [str(p) for p in check_actions(map_)[1]]
    assert any("L2-17" in p and "moet een datum zijn" in p for p in problemen), problemen
    assert any("tekst_na_deadline" in p and "zonder deadline" in p for p in problemen), problemen


def test_a_case_without_the_actions_column_validates_with_a_warning_naming_it(tmp_path: Path) -> None:
    """Without ``acties`` in bewijs.csv no claim supports an action: valid, but said out loud."""
    import csv

    shutil.copytree(ROOT / "cases" / "haarlem-ramplaankwartier", tmp_path / "cases" / "haarlem-ramplaankwartier")
    pad = tmp_path / "cases" / "haarlem-ramplaankwartier" / "bewijs.csv"
    regels = pad.read_text(encoding="utf-8").splitlines()
    kop = next(i for i, r in enumerate(regels) if r.strip() and not r.startswith("#"))
    assert next(csv.reader([regels[kop]]))[-1] == "acties"
    zonder = [r if i < kop or r.startswith("#") or not r.strip() else
              ",".join(f'"{c}"' if "," in c else c for c in next(csv.reader([r]))[:-1])
              for i, r in enumerate(regels)]  # fmt: skip
    pad.write_text("\n".join(zonder) + "\n", encoding="utf-8")
    res = run_cli("valideer", str(tmp_path / "cases"))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "let op:" in res.stdout and "kolom acties ontbreekt" in res.stdout and "bewijs.csv" in res.stdout


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_the_profile_block_shows_labels_and_values_in_the_reports_language(taal: str) -> None:
    """No internal field name in any format; no Dutch value words in the English checklist."""
    from toolkit.content import Profiel

    c = build(WAGENINGEN, taal, peildatum=DECEMBER)
    docx = Document(io.BytesIO(render("checklist", "docx", c, taal)))  # type: ignore[arg-type]
    boek = load_workbook(io.BytesIO(render("checklist", "xlsx", c, taal)))  # type: ignore[arg-type]
    profielblad = "\n".join(str(v) for r in boek["Profiel"].iter_rows(values_only=True) for v in r if v)
    teksten = {
        "html": str(render("checklist", "html", c, taal)),
        "md": str(render("checklist", "md", c, taal)),
        "docx": "\n".join(cel.text for tabel in docx.tables[:2] for rij in tabel.rows for cel in rij.cells),
        "xlsx": profielblad,
    }
    velden = [v for v in Profiel.model_fields if "_" in v]  # vergoeding_budget, raad_betrokken …
    for formaat, tekst in teksten.items():
        assert not [v for v in velden if v in tekst], formaat
    if taal == "en":
        profiel = teksten["md"].split("## Your situation")[1].split("## ")[0]
        profiel = profiel.replace(str(WAGENINGEN.get("notities", "")), "")  # the user's own note stays as typed
        assert "onbekend" not in profiel and "unknown" in profiel
