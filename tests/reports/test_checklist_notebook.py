"""The checklist through papermill and the command line: same JSON as in-process, every file,
the built-in example, --uitleg, --voortgang, and bad input as one clear line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_one_line_error, run_cli
from toolkit.content.profile import read_profile
from toolkit.domain.checklist import build
from toolkit.render.checklist import to_json

BESTANDEN = [
    "actieregister.ods", "actieregister.xlsx", "checklist.docx", "checklist.html", "checklist.ipynb", "checklist.json",
    "checklist.md", "checklist.odt", "checklist.pdf",
]  # fmt: skip


@pytest.mark.parametrize("voorbeeld", ["wageningen-benedenbuurt", "voorbeeldstad"])
def test_papermill_json_is_byte_identical_to_in_process(voorbeeld: str, tmp_path: Path) -> None:
    profiel = ROOT / "profielen" / f"{voorbeeld}.yaml"
    res = run_cli("checklist", "--profiel", str(profiel), "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    (map_,) = list(tmp_path.iterdir())
    assert sorted(p.name for p in map_.iterdir()) == BESTANDEN
    assert (map_ / "checklist.json").read_text(encoding="utf-8") == to_json(build(read_profile(profiel)))
    # the executed notebook is kept, with the injected profile
    nb = json.loads((map_ / "checklist.ipynb").read_text())
    assert any("injected-parameters" in c["metadata"].get("tags", []) for c in nb["cells"])


def test_default_profile_and_folder(tmp_path: Path) -> None:
    res = run_cli("checklist", "--out", str(tmp_path), "--formats", "json,html")
    assert res.returncode == 0, res.stderr
    map_ = tmp_path / "voorbeeldstad-fictief-warmtewijk"
    assert sorted(p.name for p in map_.iterdir()) == ["checklist.html", "checklist.json"]
    assert "checklist.json" in res.stdout


def test_options_override_the_profile_file(tmp_path: Path) -> None:
    res = run_cli(
        "checklist", "--profiel", str(ROOT / "profielen/voorbeeldstad.yaml"), "--aanspreekpunt", "ja",
        "--lang", "en", "--out", str(tmp_path), "--formats", "json",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    data = json.loads(next(tmp_path.glob("*/checklist.json")).read_text())
    assert data["profiel"]["aanspreekpunt"] == "ja" and data["taal"] == "en"


def test_gemeente_option_without_profile(tmp_path: Path) -> None:
    res = run_cli(
        "checklist", "--gemeente", "Den Haag", "--groep", "Wijkraad Oost;wijkraad;ja", "--eigendom",
        "koop=40,corporatie=50", "--werkzaamheden", "riolering", "--out", str(tmp_path), "--formats", "json",
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    data = json.loads((tmp_path / "s-gravenhage" / "checklist.json").read_text())
    assert data["context"]["gemeente_code"] == "GM0518"
    assert data["profiel"]["groepen"] == [{"naam": "Wijkraad Oost", "soort": "wijkraad", "actief": "ja"}]


def test_uitleg_explains_in_and_out() -> None:
    res = run_cli("checklist", "--profiel", str(ROOT / "profielen/voorbeeldstad.yaml"), "--uitleg")
    assert res.returncode == 0, res.stderr
    assert "+ L4-03 [hoog]" in res.stdout and "zichtbaar aanspreekpunt: nee" in res.stdout
    assert any(r.startswith("- ") and "hoort bij fase" in r for r in res.stdout.splitlines())


def test_voortgang_on_the_command_line(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    eerste = run_cli("checklist", "--out", str(tmp_path / "a"), "--formats", "xlsx")
    assert eerste.returncode == 0, eerste.stderr
    register = next((tmp_path / "a").glob("*/actieregister.xlsx"))
    boek = load_workbook(register)
    boek["Acties"]["G2"] = "gedaan"
    boek.save(register)
    tweede = run_cli("checklist", "--voortgang", str(register), "--out", str(tmp_path / "b"), "--formats", "json")
    assert tweede.returncode == 0, tweede.stderr
    data = json.loads(next((tmp_path / "b").glob("*/checklist.json")).read_text())
    assert data["voortgang"]["totaal"]["gedaan"] == 1


@pytest.mark.parametrize(
    ("args", "fragmenten"),
    [
        (["--gemeente", "Amsterdm"], ["gemeente: onbekende gemeente 'Amsterdm'", "Amsterdam"]),
        (["--gemeente", "Wageningen", "--wijk", "WK026802"], ["wijk:", "ligt niet in Wageningen"]),
        (["--gemeente", "Haarlem", "--fase", "bouw"], ["fase: ongeldige waarde 'bouw'"]),
        (["--gemeente", "Haarlem", "--eigendom", "koop=80,corporatie=30"], ["tellen op tot 110"]),
        (["--gemeente", "Haarlem", "--eigendom", "koop=veel"], ["--eigendom", "ongeldig"]),
        (["--gemeente", "Haarlem", "--formats", "doc"], ["--formats: onbekend formaat 'doc'", "odt", "pdf", "ods"]),
        (["--profiel", "bestaat-niet.yaml"], ["--profiel: bestand bestaat niet"]),
    ],
)
def test_bad_input_is_one_line(args: list[str], fragmenten: list[str], tmp_path: Path) -> None:
    res = run_cli("checklist", *args, "--out", str(tmp_path / "out"))
    assert_one_line_error(res, *fragmenten)
    assert not (tmp_path / "out").exists()


def test_bad_profile_files(tmp_path: Path) -> None:
    kapot = tmp_path / "kapot.yaml"
    kapot.write_text("gemeente: Haarlem\nkleur: rood\n")
    assert_one_line_error(
        run_cli("checklist", "--profiel", str(kapot)), "kapot.yaml: kleur: onbekend veld", "toegestaan:"
    )
    yaml_fout = tmp_path / "fout.yaml"
    yaml_fout.write_text("gemeente: [Haarlem\n")
    assert_one_line_error(run_cli("checklist", "--profiel", str(yaml_fout)), "fout.yaml: regel", "YAML-fout")


def test_unwritable_out_and_bad_register(tmp_path: Path) -> None:
    blok = tmp_path / "blok"
    blok.write_text("")
    assert_one_line_error(run_cli("checklist", "--out", str(blok)), f"--out {blok}: is een bestand (kies een map)")
    assert_one_line_error(run_cli("checklist", "--out", str(blok / "onder")), "map kan niet worden gemaakt")
    nep = tmp_path / "nep.xlsx"
    nep.write_text("dit is geen register")
    assert_one_line_error(run_cli("checklist", "--voortgang", str(nep)), "--voortgang: geen Excel-bestand")
