"""Workshop kit: statements, responses (form JSON and paper CSV), harvest, agenda, kit files, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import toolkit
from tests.conftest import assert_one_line_error, parse, run_cli
from toolkit.base.errors import UserError
from toolkit.domain.workshop import Antwoord, agenda, harvest, minimum_minutes, read_responses, save_group
from toolkit.notebook.workshop_form import answers_from_values, lesson_means

CSV = """groep,les,stelling,score,notitie
Tafel Noord,4,L4-S1,2,We kennen alleen de coöperatie
Tafel Noord,4,L4-S2,1,
Tafel Noord,1,L1-S1,4,
Tafel Noord,2,L2-S1,,
Tafel Zuid,4,L4-S1,5,
Tafel Zuid,4,L4-S2,4,Er is een wijkregisseur
Tafel Zuid,1,L1-S1,3,
Tafel Zuid,2,L2-S1,1,
"""


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_every_lesson_has_three_to_five_statements(taal: str) -> None:
    for les in toolkit.load_lessons(taal):
        assert 3 <= len(les.stellingen) <= 5
        assert [s.id for s in les.stellingen] == [f"L{les.nummer}-S{i}" for i in range(1, len(les.stellingen) + 1)]
        assert all(s.tekst for s in les.stellingen)
    assert toolkit.load_lesson(4, taal).stellingen[1].id == "L4-S2"


def _csv_map(tmp_path: Path, tekst: str = CSV) -> Path:
    map_ = tmp_path / "antwoorden"
    map_.mkdir()
    (map_ / "papier.csv").write_text(tekst, encoding="utf-8")
    return map_


def test_scoring_and_aggregation(tmp_path: Path) -> None:
    antwoorden, problemen = read_responses(_csv_map(tmp_path))
    assert problemen == [] and len(antwoorden) == 8
    assert Antwoord("Tafel Noord", 2, "L2-S1", None) in antwoorden  # empty score = weet niet
    oogst = harvest(antwoorden)
    assert oogst.groepen == ["Groep A", "Groep B"]  # anonymous by default
    assert oogst.per_groep["Groep A"][4] == 1.5 and oogst.per_groep["Groep B"][4] == 4.5
    assert oogst.gemiddeld[4] == 3.0 and oogst.gemiddeld[1] == 3.5 and oogst.gemiddeld[2] == 1.0
    assert oogst.spreiding[4] == 1.5 and oogst.spreiding[2] == 0.0  # one group scored lesson 2
    assert oogst.weet_niet[2] == 1 and oogst.weet_niet[4] == 0
    # ranking: (5 - average) + spread -> lesson 2 (4.0), lesson 4 (3.5), lesson 1 (2.0)
    assert [x["les"] for x in oogst.eerst_bespreken] == [2, 4, 1]
    assert [x["reden"] for x in oogst.eerst_bespreken] == ["laag", "laag", "laag"]
    assert oogst.notities[4] == [("Groep A", "We kennen alleen de coöperatie"), ("Groep B", "Er is een wijkregisseur")]
    assert harvest(antwoorden, anoniem=False).groepen == ["Tafel Noord", "Tafel Zuid"]


def test_disagreement_is_named_as_the_reason(tmp_path: Path) -> None:
    tekst = "groep,les,stelling,score,notitie\nA,3,L3-S1,1,\nB,3,L3-S1,5,\nC,3,L3-S1,5,\n"
    oogst = harvest(read_responses(_csv_map(tmp_path, tekst))[0])
    assert oogst.eerst_bespreken[0] == {"les": 3, "reden": "verschil", "gemiddeld": 3.67, "spreiding": 1.89}


def test_csv_and_json_responses_give_the_same_harvest(tmp_path: Path) -> None:
    uit_csv = harvest(read_responses(_csv_map(tmp_path))[0])
    json_map = tmp_path / "json"
    for groep in ("Tafel Noord", "Tafel Zuid"):
        rijen = [r.split(",") for r in CSV.strip().splitlines()[1:] if r.startswith(groep)]
        antwoorden = [
            {"les": int(r[1]), "stelling": r[2], "score": int(r[3]) if r[3] else None, "notitie": r[4]} for r in rijen
        ]
        save_group(json_map, groep, "Wageningen", antwoorden)
    uit_json = harvest(read_responses(json_map)[0])
    assert uit_json == uit_csv


def test_saving_is_atomic_and_never_overwrites(tmp_path: Path) -> None:
    pad = save_group(tmp_path, "Tafel 1", "Haarlem", [{"les": 4, "stelling": "L4-S1", "score": 3, "notitie": ""}])
    assert json.loads(pad.read_text())["groep"] == "Tafel 1"
    with pytest.raises(UserError, match="er is al een groep 'Tafel 1'"):
        save_group(tmp_path, "Tafel 1", "Haarlem", [])
    with pytest.raises(UserError, match="score: 7 ligt buiten 1 t/m 5"):
        save_group(tmp_path, "Tafel 2", "Haarlem", [{"les": 4, "stelling": "L4-S1", "score": 7}])
    with pytest.raises(UserError, match="groep: vul de naam van de groep in"):
        save_group(tmp_path, " ", "Haarlem", [])
    assert [p.name for p in tmp_path.iterdir()] == ["tafel-1.json"]


def test_form_logic() -> None:
    antwoorden = answers_from_values({"L4-S1": ("3", "ok"), "L4-S2": ("weet niet", ""), "L1-S1": ("5", "")},
                                     {"L4-S1": 4, "L4-S2": 4, "L1-S1": 1})  # fmt: skip
    assert antwoorden[1] == {"les": 4, "stelling": "L4-S2", "score": None, "notitie": ""}
    assert lesson_means(antwoorden) == [5.0, None, None, 3.0, None, None, None]


def test_malformed_responses_are_reported_and_the_rest_counts(tmp_path: Path) -> None:
    map_ = _csv_map(tmp_path, CSV + "Tafel Zuid,6,L6-S1,9,\nTafel Zuid,7,L7-S9,3,\nTafel Zuid,9,L4-S1,3,\n")
    (map_ / "kapot.json").write_text("{dit is geen json")
    antwoorden, problemen = read_responses(map_)
    assert len(antwoorden) == 8
    assert any("papier.csv: rij 10: score: '9' ligt buiten 1 t/m 5" in p for p in problemen)
    assert any("rij 11: stelling: onbekende stelling 'L7-S9'" in p for p in problemen)
    assert any("rij 12: les: onbekende les 9" in p for p in problemen)
    assert any("kapot.json: geen antwoordbestand" in p for p in problemen)


@pytest.mark.parametrize(
    ("lessen", "minuten"), [([4], 60), ([3, 4], 90), ([3, 4], 120), ([1, 2, 3, 4, 5, 6, 7], 240), ([2], 55)]
)
def test_agenda_adds_up_exactly(lessen: list[int], minuten: int) -> None:
    blokken = agenda(lessen, minuten)
    assert sum(b.minuten for b in blokken) == minuten
    assert blokken[0].soort == "opening" and blokken[-1].soort == "afsluiting"
    for les in lessen:
        assert [b.soort for b in blokken if b.les == les] == ["casus", "oefening", "gesprek"]
    assert ("zelfscan", "oogst") == tuple(b.soort for b in blokken if b.soort in {"zelfscan", "oogst"})
    pauzes = sum(b.soort == "pauze" for b in blokken)
    assert (pauzes > 0) == (minuten > 90)


def test_agenda_too_short_names_the_minimum() -> None:
    nodig = minimum_minutes(2, 60)
    with pytest.raises(UserError, match=f"minstens {nodig} minuten nodig"):
        agenda([3, 4], 60)
    assert agenda([3, 4], nodig)


def test_kit_files(tmp_path: Path) -> None:
    from docx import Document

    from toolkit.reports.registry import produce

    gemaakt = produce("workshop-kit", {"lessen": [3, 4], "minuten": 120, "gemeente": "Wageningen"}, tmp_path)
    tmp_path = gemaakt.folder
    namen = {p.name for p in gemaakt.files}
    stammen = ("agenda", "zelfscan-formulier", "handout-les-3", "handout-les-4")
    assert namen == {"agenda.html", "dias.html", "handout-les-3.html", "handout-les-4.html"} | {
        f"{stam}.{f}" for stam in stammen for f in ("docx", "odt", "pdf")}  # fmt: skip
    titels = [toolkit.load_lesson(n).titel for n in (3, 4)]
    agenda_html = (tmp_path / "agenda.html").read_text()
    assert all(t in agenda_html for t in titels) and "Wageningen" in agenda_html
    dias = (tmp_path / "dias.html").read_text()
    assert all(t in dias for t in titels) and "Reveal.initialize" in dias
    assert "<script src=" not in dias and "<link" not in dias and "unpkg" not in dias and "cdn" not in dias.lower()
    assert dias.count("<section") >= 10 and "Boven- en Benedenbuurt" not in dias  # municipality, no wijk given
    assert "42" in dias  # figures for Wageningen (42,579 inhabitants)
    for n, titel in zip((3, 4), titels, strict=True):
        assert titel in (tmp_path / f"handout-les-{n}.html").read_text()
        assert titel in "\n".join(p.text for p in Document(str(tmp_path / f"handout-les-{n}.docx")).paragraphs)
    formulier = Document(str(tmp_path / "zelfscan-formulier.docx"))
    cellen = [c.text for tabel in formulier.tables for rij in tabel.rows for c in rij.cells]
    assert "L4-S1" in cellen and "L3-S1" in cellen and "L1-S1" not in cellen


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["kit", "--lessen", "3,4", "--minuten", "60"], "minstens 80 minuten nodig"),
        (["kit", "--lessen", "3,9", "--minuten", "120"], "onbekend lesnummer '9'"),
        (["kit", "--lessen", "3", "--minuten", "veel"], "geen aantal minuten"),
        (["kit", "--lessen", "3", "--minuten", "120", "--publiek", "kinderen"], "onbekend publiek 'kinderen'"),
        (["oogst", "bestaat-niet"], "map met antwoorden bestaat niet"),
    ],
)
def test_workshop_bad_input(args: list[str], fragment: str, tmp_path: Path) -> None:
    assert_one_line_error(run_cli("workshop", *args, "--out", str(tmp_path / "o")), fragment)
    assert not (tmp_path / "o").exists()


def test_harvest_under_papermill(tmp_path: Path) -> None:
    from docx import Document

    map_ = _csv_map(tmp_path, CSV + "Tafel Zuid,6,L6-S1,9,\n")
    res = run_cli("workshop", "oogst", str(map_), "--out", str(tmp_path / "uit"))
    assert res.returncode == 0, res.stderr
    assert "rij 10: score" in res.stderr  # reported, not fatal
    html = (tmp_path / "uit/oogst/oogst.nl.html").read_text()
    p = parse(html)
    assert p.laden == [] and p.scripts == 0
    assert "Groep A" in html and "Tafel Noord" not in html  # anonymous by default
    assert html.count('src="data:image/svg+xml;base64,') == 3  # overall + one per group
    assert toolkit.load_lesson(2).gespreksvragen[0].split("?")[0][:30] in html
    doc = Document(str(tmp_path / "uit/oogst/oogst.nl.docx"))
    assert "Groep A" in [c.text for c in doc.tables[0].rows[0].cells]
    met_namen = run_cli("workshop", "oogst", str(map_), "--met-namen", "--out", str(tmp_path / "uit2"))
    assert met_namen.returncode == 0 and "Tafel Noord" in (tmp_path / "uit2/oogst/oogst.nl.html").read_text()


def test_group_form_notebook_runs(tmp_path: Path) -> None:
    """workshop.ipynb builds its form in a kernel (as in JupyterLab) without error."""
    from toolkit.reports.engine import notebook_path, run_notebook

    res = run_notebook(
        notebook_path("workshop"),
        {"map_antwoorden": str(tmp_path / "a"), "lessen": [4]},
        tmp_path,
        "zelfscan",
        html=False,
    )
    inhoud = res.notebook.read_text()
    assert "application/vnd.jupyter.widget-view+json" in inhoud and "L4-S1" in inhoud
