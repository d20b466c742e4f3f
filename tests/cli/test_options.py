"""Options mean what they say: every command that writes refuses the same bad folders, an empty
``--formats`` is not "all formats", numbers stay within a range the message names, and an option that
names a file to read never creates it. Each refusal is one line, before anything is written."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, assert_one_line_error, run_cli
from toolkit.domain import logbook as lb


@pytest.fixture
def logboek(tmp_path: Path) -> Path:
    """An empty logbook (reading commands need one that exists)."""
    pad = tmp_path / "logboek.sqlite"
    lb.connect(pad).close()
    return pad


@pytest.fixture
def bezette_poort() -> Iterator[int]:
    """A port in use: a server that got past its checks stops there instead of starting."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        yield s.getsockname()[1]


def _writers(tmp: Path, logboek: Path, poort: int) -> dict[str, list[str]]:
    """Every command that takes ``--out`` (from the parser), with what else it needs."""
    return {
        "les": ["les", "4"],
        "casus": ["casus", "haarlem-ramplaankwartier"],
        "casus export": ["casus", "export"],
        "vergelijk": ["vergelijk"],
        "checklist": ["checklist", "--formats", "json"],
        "batch": ["batch", "checklists", "--alle-gemeenten", "--fast", "--formats", "json"],
        "logboek exporteer": ["logboek", "--db", str(logboek), "exporteer"],
        "logboek rapport": ["logboek", "--db", str(logboek), "rapport"],
        "logboek sjabloon": ["logboek", "--db", str(logboek), "sjabloon"],
        "workshop kit": ["workshop", "kit", "--lessen", "3", "--minuten", "120"],
        "workshop oogst": ["workshop", "oogst", str(FIXTURES / "antwoorden")],
        "workshop live": ["workshop", "live", "--lessen", "3", "--port", str(poort), "--map", str(tmp / "m")],
        "site": ["site", "--lang", "nl"],
    }


COMMANDS = ["les", "casus", "casus export", "vergelijk", "checklist", "batch", "logboek exporteer", "logboek rapport",
            "logboek sjabloon", "workshop kit", "workshop oogst", "workshop live", "site"]  # fmt: skip


def _inhoud(map_: Path) -> list[str]:
    return sorted(str(p.relative_to(map_)) for p in map_.rglob("*"))


@pytest.mark.parametrize("commando", COMMANDS)
def test_an_empty_out_is_refused_not_the_current_folder(
    commando: str, tmp_path: Path, logboek: Path, bezette_poort: int
) -> None:
    werk = tmp_path / "hier"
    werk.mkdir()
    res = run_cli(*_writers(tmp_path, logboek, bezette_poort)[commando], "--out", "", cwd=werk)
    assert_one_line_error(res, "--out: geen map opgegeven", "bijv. --out output")
    assert _inhoud(werk) == []


@pytest.mark.parametrize("commando", COMMANDS)
def test_the_root_and_the_home_folder_are_refused(
    commando: str, tmp_path: Path, logboek: Path, bezette_poort: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    thuis = tmp_path / "thuis"
    thuis.mkdir()
    (thuis / "brief.txt").write_text("van mij")
    monkeypatch.setenv("HOME", str(thuis))
    opdracht = _writers(tmp_path, logboek, bezette_poort)[commando]
    assert_one_line_error(run_cli(*opdracht, "--out", str(thuis)), f"--out {thuis}: dat is uw thuismap")
    assert _inhoud(thuis) == ["brief.txt"]
    voor = sorted(p.name for p in Path("/").iterdir())
    assert_one_line_error(run_cli(*opdracht, "--out", "/"), "--out /: dat is de hoofdmap van de computer")
    assert sorted(p.name for p in Path("/").iterdir()) == voor


@pytest.mark.parametrize("commando", ["logboek exporteer", "casus export"])
def test_a_command_that_writes_straight_into_out_refuses_a_folder_that_is_not_ours(
    commando: str, tmp_path: Path, logboek: Path
) -> None:
    """Its files go straight into ``--out`` (no folder of its own), so a folder with other files
    could lose one of them: refused, as ``site`` refuses it. A folder it made itself is fine again."""
    vreemd = tmp_path / "vreemd"
    vreemd.mkdir()
    (vreemd / "partijen.csv").write_text("mijn eigen lijst")
    opdracht = _writers(tmp_path, logboek, 0)[commando]
    res = run_cli(*opdracht, "--out", str(vreemd))
    assert_one_line_error(res, "--out", "map bestaat al en is geen map van warmtelessen", "kies een nieuwe of lege map")
    assert _inhoud(vreemd) == ["partijen.csv"] and (vreemd / "partijen.csv").read_text() == "mijn eigen lijst"
    eigen = tmp_path / "eigen"
    for _ in range(2):  # made by the command: the second time it is ours
        res = run_cli(*opdracht, "--out", str(eigen))
        assert res.returncode == 0, res.stderr


@pytest.mark.parametrize(
    ("opdracht", "toegestaan"),
    [
        (["checklist"], "toegestaan: html, docx, odt, pdf, xlsx, ods, md, json, ipynb"),
        (["vergelijk"], "toegestaan: html, ipynb, csv, xlsx, ods, docx, odt, pdf"),
        (["workshop", "kit", "--lessen", "3", "--minuten", "120"], "toegestaan: html, docx, odt, pdf"),
        (["casus", "export"], "toegestaan: datapackage, bibtex, csl"),
        (["batch", "checklists", "--alle-gemeenten"], "toegestaan: html, docx, odt, pdf, xlsx, ods, md, json, ipynb"),
    ],
)
def test_an_empty_formats_is_refused_naming_the_formats(opdracht: list[str], toegestaan: str, tmp_path: Path) -> None:
    res = run_cli(*opdracht, "--formats", "", "--out", str(tmp_path / "uit"))
    assert_one_line_error(res, "--formats: geen formaat gekozen", toegestaan)
    assert not (tmp_path / "uit").exists()


@pytest.mark.parametrize(
    ("opdracht", "optie", "waarde", "melding"),
    [
        (["workshop", "kit", "--lessen", "3"], "--minuten", "0", "--minuten: kies 1 tot en met 480 minuten, niet 0"),
        (["workshop", "kit", "--lessen", "3"], "--minuten", "481", "kies 1 tot en met 480 minuten, niet 481"),
        (["workshop", "kit", "--lessen", "3"], "--minuten", "99999999999", "kies 1 tot en met 480 minuten"),
        (["batch", "checklists", "--profielen", "ontbreekt.csv"], "--jobs", "0", "--jobs 0: kies 1 tot en met 64"),
        (["batch", "checklists", "--profielen", "ontbreekt.csv"], "--jobs", "100000",
         "--jobs 100000: kies 1 tot en met 64"),
        (["app", "--werkmap", "w"], "--port", "0", "--port 0: kies 1 tot en met 65535 (bijv. --port 8867)"),
        (["workshop", "live", "--lessen", "3", "--map", "m", "--werkmap", "w"], "--port", "70000",
         "--port 70000: kies 1 tot en met 65535"),
    ],
)  # fmt: skip
def test_numbers_out_of_range_are_one_line_naming_the_range(
    opdracht: list[str], optie: str, waarde: str, melding: str, tmp_path: Path
) -> None:
    res = run_cli(*opdracht, optie, waarde, *(["--out", "uit"] if opdracht[0] != "app" else []), cwd=tmp_path)
    assert_one_line_error(res, melding)
    assert _inhoud(tmp_path) == []


@pytest.mark.parametrize(
    ("opdracht", "fragment"),
    [
        (["checklist", "--logboek", "typo.sqlite", "--out", "uit"], "typo.sqlite: --logboek: bestand bestaat niet"),
        (["checklist", "--voortgang", "typo.xlsx", "--out", "uit"], "typo.xlsx: --voortgang: bestand bestaat niet"),
        (["logboek", "--db", "typo.sqlite", "lijst", "partijen"], "typo.sqlite: --db: bestand bestaat niet"),
        (["logboek", "--db", "typo.sqlite", "exporteer", "--out", "uit"], "typo.sqlite: --db: bestand bestaat niet"),
        (["logboek", "--db", "typo.sqlite", "rapport", "--out", "uit"], "typo.sqlite: --db: bestand bestaat niet"),
        (["logboek", "--db", "typo.sqlite", "vergeet", "Wijkraad"], "typo.sqlite: --db: bestand bestaat niet"),
    ],
)
def test_reading_options_never_create_the_file_they_name(opdracht: list[str], fragment: str, tmp_path: Path) -> None:
    """``checklist --logboek typo.sqlite`` used to make an empty logbook and a checklist without its
    figures; a file that is not there is now one line naming it, and nothing is made."""
    assert_one_line_error(run_cli(*opdracht, cwd=tmp_path), fragment)
    assert _inhoud(tmp_path) == []
