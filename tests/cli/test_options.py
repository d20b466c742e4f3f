"""Options mean what they say: every command that writes refuses the same bad folders, an empty
``--formats`` is not "all formats", numbers stay within a range the message names, and an option that
names a file to read never creates it. Each refusal is one line, before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_one_line_error, run_cli


def _inhoud(map_: Path) -> list[str]:
    return sorted(str(p.relative_to(map_)) for p in map_.rglob("*"))


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
