"""The report registry: one spec per kind, the same wiring for every front end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import papermill
import pytest

from tests.conftest import ROOT, assert_one_line_error, run_cli
from toolkit.base.errors import UserError
from toolkit.base.labels import t
from toolkit.base.models import field_help, option_name
from toolkit.content.profile import Profiel
from toolkit.reports.engine import notebook_path
from toolkit.reports.registry import SPECS, check_formats, parse, produce

CSV = 'groep,les,stelling,score,notitie\nTafel 1,4,L4-S1,2,=HYPERLINK("http://x")\nTafel 2,4,L4-S1,4,\n'


def test_every_report_kind_is_registered() -> None:
    assert set(SPECS) == {
        "les",
        "casus",
        "checklist",
        "vergelijking",
        "oogst",
        "logboek",
        "verslag",
        "workshop-kit",
        "casussen-export",
    }


@pytest.mark.parametrize("kind", sorted(k for k, s in SPECS.items() if s.notebook))
def test_notebook_parameters_are_the_spec_parameters(kind: str) -> None:
    """The notebook a spec runs takes exactly the report's parameters (and where to write what)."""
    spec = SPECS[kind]
    assert spec.notebook is not None
    verwacht = set(spec.params.model_fields) | set(spec.notebook_extra)
    if spec.notebook_writes:
        verwacht |= {"uitvoer", "formats"}
    assert set(papermill.inspect_notebook(str(notebook_path(spec.notebook)))) == verwacht


@pytest.mark.parametrize("kind", sorted(SPECS))
def test_formats_defaults_and_help(kind: str) -> None:
    spec = SPECS[kind]
    assert set(spec.defaults) <= set(spec.files)
    assert set(spec.formats_for("inproces")) == set(spec.files) - {"ipynb"}
    for veld in spec.params.model_fields:  # help text in both languages, from the translations
        assert field_help(spec.params, veld, "nl") and field_help(spec.params, veld, "en")
        assert field_help(spec.params, veld, "nl") != field_help(spec.params, veld, "en"), veld


def test_formats_are_checked_in_one_place() -> None:
    spec = SPECS["checklist"]
    assert check_formats(spec, None, "inproces") == ["html", "docx", "odt", "pdf", "xlsx", "ods", "md", "json"]
    assert check_formats(spec, ["json", "json"], "papermill") == ["json"]
    with pytest.raises(UserError, match=r"--formats: onbekend formaat 'doc' \(toegestaan: html, docx, odt, pdf"):
        check_formats(spec, ["doc"], "papermill")
    with pytest.raises(UserError, match="'ipynb' kan niet met engine inproces"):
        check_formats(spec, ["ipynb"], "inproces")
    with pytest.raises(UserError, match="'md' kan niet met engine papermill"):
        check_formats(SPECS["les"], ["md"], "papermill")


def test_parameters_errors_name_the_field_and_what_is_allowed() -> None:
    with pytest.raises(UserError, match=r"opties: les: onbekend lesnummer 9 \(toegestaan: 1 t/m 7\)"):
        parse("les", {"les": 9})
    with pytest.raises(UserError, match=r"--lang: onbekende taal 'de' \(toegestaan: nl, en\)"):
        parse("les", {"les": 4, "taal": "de"}, veldnamen={"taal": "--lang"})
    with pytest.raises(UserError, match="minuten: geen aantal minuten: 'veel'"):
        parse("workshop-kit", {"lessen": "3,4", "minuten": "veel"})
    assert parse("vergelijking", {"lessen": "4, 1"}).model_dump()["lessen"] == [4, 1]


def test_every_kind_produces_its_files_in_process(tmp_path: Path) -> None:
    """Each kind, in-process, writes exactly the files its spec names, under safe names."""
    antwoorden = tmp_path / "antwoorden"
    antwoorden.mkdir()
    (antwoorden / "papier.csv").write_text(CSV, encoding="utf-8")
    db = tmp_path / "l.sqlite"
    assert run_cli("logboek", "--db", str(db), "toevoegen", "partij", "--naam", "Wijkraad").returncode == 0
    gevallen = {
        "les": {"les": 4, "taal": "en"},
        "casus": {"casus": "voorbeeldstad"},
        "checklist": {"profiel": {"gemeente": "Wageningen"}},
        "vergelijking": {"lessen": [1, 4]},
        "oogst": {"antwoorden": str(antwoorden)},
        "logboek": {"db": str(db), "peildatum": "2026-06-01"},
        "workshop-kit": {"lessen": [4], "minuten": 60},
    }
    namen = {}
    for kind, params in gevallen.items():
        formats = ["html", "md", "json"] if kind == "les" else None  # None: the kind's defaults
        gemaakt = produce(kind, params, tmp_path / "uit", formats, engine="inproces")
        assert gemaakt.folder is not None and gemaakt.folder.parent == tmp_path / "uit"
        assert all(p.parent == gemaakt.folder and p.stat().st_size > 0 for p in gemaakt.files)
        assert not any(p.name.startswith(".") for p in gemaakt.folder.iterdir())  # no temporary files left
        namen[kind] = sorted(p.name for p in gemaakt.files)
    assert namen["les"] == sorted(f"les-4-werk-samen-met-bestaande-groepen.en.{e}" for e in ("html", "md", "json"))
    assert namen["casus"] == sorted(f"casus-voorbeeldstad.nl.{f}" for f in ("html", "docx", "odt", "pdf"))
    assert namen["checklist"] == [
        "actieregister.ods",
        "actieregister.xlsx",
        "checklist.docx",
        "checklist.html",
        "checklist.json",
        "checklist.md",
        "checklist.odt",
        "checklist.pdf",
    ]
    assert "vergelijking.xlsx" in namen["vergelijking"] and "bewijsmatrix.csv" in namen["vergelijking"]
    assert namen["oogst"] == ["oogst.nl.docx", "oogst.nl.html", "oogst.nl.odt", "oogst.nl.pdf"]
    assert namen["logboek"] == sorted(f"{stam}.nl.{f}" for stam in ("bewoners", "logboek")
                                      for f in ("docx", "html", "odt", "pdf"))  # fmt: skip
    assert {"handout-les-4.docx", "handout-les-4.odt", "handout-les-4.pdf", "dias.html"} <= set(namen["workshop-kit"])
    les = json.loads(
        (
            tmp_path / "uit/les-4-werk-samen-met-bestaande-groepen/les-4-werk-samen-met-bestaande-groepen.en.json"
        ).read_text()
    )
    assert les["nummer"] == 4 and les["taal"] == "en"


def test_bad_input_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="onbekende casus 'utrecht'"):
        produce("vergelijking", {"casussen": ["utrecht"]}, tmp_path / "uit")
    with pytest.raises(UserError, match="onbekend rapport|onbekende soort 'pdf'"):
        produce("pdf", {}, tmp_path / "uit")
    assert not (tmp_path / "uit").exists()


def test_command_line_options_come_from_the_models() -> None:
    """Each profile field is an option of `checklist`, with the help text of the model."""
    hulp = run_cli("checklist", "--help").stdout
    for veld in Profiel.model_fields:
        assert option_name(Profiel, veld) in hulp, veld
    assert "--logboek-bijgehouden" in hulp and "--groep" in hulp
    assert "zichtbaar aanspreekpunt" in " ".join(hulp.split())  # the help text, from the translations
    les = run_cli("les", "--help").stdout
    assert t("uitleg.les", "nl") in " ".join(les.split()) and "--lang" in les


def test_an_eighth_lesson_needs_no_code(tmp_path: Path) -> None:
    """How many lessons there are comes from the content: a lesson file added is known everywhere."""
    home = tmp_path / "home"
    shutil.copytree(ROOT / "lessons", home / "lessons")
    shutil.copytree(ROOT / "cases", home / "cases")
    shutil.copytree(ROOT / "data", home / "data")
    for taal in ("nl", "en"):
        bron = next((home / "lessons").glob(f"07-*.{taal}.md")).read_text(encoding="utf-8")
        nieuw = bron.replace("nummer: 7", "nummer: 8").replace("L7-S", "L8-S")
        nieuw = nieuw.replace("slug: samen-belemmeringen-wegnemen", "slug: een-achtste-les")
        (home / "lessons" / f"08-een-achtste-les.{taal}.md").write_text(nieuw, encoding="utf-8")
    lijst = run_cli("lessen", home=home)
    assert lijst.returncode == 0, lijst.stderr
    assert len(lijst.stdout.splitlines()) == 8 and lijst.stdout.splitlines()[7].startswith("8. ")
    assert run_cli("valideer", str(home / "lessons"), home=home).returncode == 0
    assert_one_line_error(run_cli("les", "9", home=home), "onbekend lesnummer '9'", "toegestaan: 1 t/m 8")
