"""Batch runs: failures reported with their cell while the rest completes; manifest; skipping
unchanged runs; --force; --fast and papermill agree; bad CSV rows and --jobs 0."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, assert_one_line_error, run_cli
from toolkit.reports.batch import Run, plan_lessons, plan_profiles, run_batch, summary


def _failing(out: Path) -> Run:
    return Run("faalt", "test", {"deler": 0}, str(out / "faalt"), "faalt", str(FIXTURES / "notebooks/faalt.ipynb"))


def test_a_failing_run_does_not_stop_the_others(tmp_path: Path) -> None:
    runs = plan_lessons(tmp_path, ["nl"])[:2] + [_failing(tmp_path)]
    uitkomsten = run_batch(runs, tmp_path, jobs=2, voortgangsbalk=False)
    status = {u.naam: u.status for u in uitkomsten}
    assert status == {runs[0].naam: "gelukt", runs[1].naam: "gelukt", "faalt": "mislukt"}
    fout = uitkomsten[2].fout
    assert "cel 3 (uitkomst = 1 / deler)" in fout and "ZeroDivisionError" in fout
    tekst = summary(uitkomsten)
    assert tekst.splitlines()[0] == "2 gelukt, 0 overgeslagen (ongewijzigd), 1 mislukt"
    assert "mislukt: faalt:" in tekst and "cel 3" in tekst
    assert (tmp_path / "logs" / "faalt.log").read_text()
    for u in uitkomsten[:2]:
        assert u.bestanden and all(Path(b).exists() for b in u.bestanden)

    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert {"python", "papermill", "nbconvert", "pandas", "warmtelessen"} <= set(manifest["versies"])
    run = manifest["runs"][0]
    assert {"naam", "parameters", "bestanden", "duur", "status", "fout", "hashes"} <= set(run)
    assert set(run["hashes"]) == {"notebook", "inhoud", "parameters"}
    rijen = list(csv.DictReader((tmp_path / "manifest.csv").open()))
    assert [r["status"] for r in rijen] == ["gelukt", "gelukt", "mislukt"]

    # unchanged runs are skipped, the failed one is tried again
    tweede = run_batch(runs, tmp_path, jobs=2, voortgangsbalk=False)
    assert [u.status for u in tweede] == ["overgeslagen", "overgeslagen", "mislukt"]
    # changed parameters, or --force, run again
    runs[1].parameters["taal"] = "en"
    runs[1].bestandsnaam = runs[1].bestandsnaam.replace(".nl", ".en")
    derde = run_batch(runs[:2], tmp_path, jobs=2, voortgangsbalk=False)
    assert [u.status for u in derde] == ["overgeslagen", "gelukt"]
    vierde = run_batch(runs[:1], tmp_path, jobs=1, force=True, voortgangsbalk=False)
    assert [u.status for u in vierde] == ["gelukt"]


def _profiles_csv(pad: Path) -> Path:
    pad.write_text(
        "gemeente,wijk,fase,aanspreekpunt,werkzaamheden,eigendom.koop,eigendom.corporatie,groepen\n"
        "Wageningen,WK028907,orientatie,nee,riolering;herinrichting,60,35,"
        "Coop X;energiecooperatie;ja|Wijkraad;wijkraad\n"
        "Haarlem,,bouw,,,,,\n"
        "Amsterdm,,,,,,,\n"
        "GM0268,,planvorming,ja,,,,\n",
        encoding="utf-8",
    )
    return pad


def test_profiles_csv_bad_rows_are_named_and_the_rest_plans(tmp_path: Path) -> None:
    runs, problemen = plan_profiles(_profiles_csv(tmp_path / "p.csv"), tmp_path / "out", "nl", ["json"])
    assert [r.naam for r in runs] == ["wageningen-boven-en-benedenbuurt", "nijmegen"]
    assert len(problemen) == 2
    assert "rij 3" in problemen[0] and "fase: ongeldige waarde 'bouw'" in problemen[0]
    assert "rij 4" in problemen[1] and "gemeente: onbekende gemeente 'Amsterdm'" in problemen[1]
    profiel = runs[0].parameters["profiel"]
    assert profiel["werkzaamheden"] == ["riolering", "herinrichting"]
    assert profiel["eigendom"] == {"koop": "60", "corporatie": "35"}
    assert profiel["groepen"][0] == {"naam": "Coop X", "soort": "energiecooperatie", "actief": "ja"}


def test_fast_and_papermill_batches_agree(tmp_path: Path) -> None:
    csv_pad = _profiles_csv(tmp_path / "p.csv")
    langzaam = run_cli("batch", "checklists", "--profielen", str(csv_pad), "--jobs", "2", "--formats", "json,html",
                       "--out", str(tmp_path / "papermill"), "--stil")  # fmt: skip
    snel = run_cli("batch", "checklists", "--profielen", str(csv_pad), "--fast", "--jobs", "2", "--formats", "json",
                   "--out", str(tmp_path / "snel"), "--stil")  # fmt: skip
    for res in (langzaam, snel):
        assert res.returncode == 1  # two bad rows
        assert "2 gelukt, 0 overgeslagen (ongewijzigd), 0 mislukt" in res.stdout
        assert "rij 3: fase: ongeldige waarde 'bouw'" in res.stderr and "Traceback" not in res.stderr
    for naam in ("wageningen-boven-en-benedenbuurt", "nijmegen"):
        a = (tmp_path / "papermill" / naam / "checklist.json").read_text()
        b = (tmp_path / "snel" / naam / "checklist.json").read_text()
        assert a == b
    assert (tmp_path / "papermill" / "nijmegen" / "checklist.ipynb").exists()
    assert not (tmp_path / "snel" / "nijmegen" / "checklist.ipynb").exists()


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["lessen", "--jobs", "0"], "--jobs 0: kies 1 tot en met 64"),
        (["checklists"], "kies --alle-gemeenten of --profielen"),
        (["lessen", "--fast"], "--fast: alleen voor 'batch checklists'"),
        (["checklists", "--alle-gemeenten", "--formats", "doc"], "onbekend formaat 'doc'"),
        (["sokken"], "ongeldige keuze: 'sokken'"),
    ],
)
def test_batch_bad_arguments(args: list[str], fragment: str, tmp_path: Path) -> None:
    assert_one_line_error(run_cli("batch", *args, "--out", str(tmp_path / "o")), fragment)
    assert not (tmp_path / "o").exists()


def test_unwritable_out(tmp_path: Path) -> None:
    blok = tmp_path / "blok"
    blok.write_text("")
    assert_one_line_error(run_cli("batch", "lessen", "--out", str(blok / "x")), "map kan niet worden gemaakt")


def test_a_fast_batch_in_a_process_that_has_made_a_pdf_finishes(tmp_path: Path) -> None:
    """The web app, a notebook or the bench make a PDF first and then run a batch: its workers must
    not be copies of that process (a forked copy waits forever on Typst's threads)."""
    script = f"""
from pathlib import Path
from toolkit.domain import build
from toolkit.render import render
from toolkit.reports.batch import plan_all_municipalities, run_batch

render("checklist", "pdf", build({{"gemeente": "Zwolle"}}, "nl"), "nl")
runs = plan_all_municipalities(Path({str(tmp_path)!r}), "nl", ["pdf", "json"])[:4]
uit = run_batch(runs, Path({str(tmp_path)!r}), jobs=2, force=True, snel=True, voortgangsbalk=False)
print(",".join(u.status for u in uit))
"""
    try:  # a hang fails the test (and its processes go with it) instead of stopping the test run
        res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                             cwd=ROOT, start_new_session=True)  # fmt: skip
    except subprocess.TimeoutExpired as fout:
        pytest.fail(f"de batch bleef hangen: {fout}")
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "gelukt,gelukt,gelukt,gelukt"
