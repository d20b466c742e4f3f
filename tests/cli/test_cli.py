"""The command line as a user meets it: listings, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_one_line_error, run_cli


def test_help_is_dutch_and_lists_subcommands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for woord in ("gebruik:", "lessen", "les", "valideer", "opdrachten"):
        assert woord in result.stdout


def test_lessen_lists_seven_lessons_in_both_languages() -> None:
    nl = run_cli("lessen")
    assert nl.returncode == 0, nl.stderr
    regels = nl.stdout.strip().splitlines()
    assert len(regels) == 7
    assert regels[3] == "4. Werk samen met bestaande groepen in de wijk"
    en = run_cli("lessen", "--lang", "en")
    assert en.returncode == 0 and len(en.stdout.strip().splitlines()) == 7
    assert en.stdout != nl.stdout


@pytest.mark.parametrize("nummer", ["0", "8", "vier"])
def test_unknown_lesson_number(nummer: str) -> None:
    result = run_cli("les", nummer)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "onbekend lesnummer" in result.stderr and "toegestaan: 1 t/m 7" in result.stderr


def test_unknown_language() -> None:
    result = run_cli("les", "4", "--lang", "de")
    assert result.returncode == 2
    assert "onbekende taal 'de' (toegestaan: nl, en)" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_output_folder(tmp_path: Path) -> None:
    blokkade = tmp_path / "bestand"
    blokkade.write_text("geen map")
    result = run_cli("les", "4", "--out", str(blokkade / "sub"))
    assert_one_line_error(result, "--out", "map kan niet worden gemaakt")


def test_valideer_valid_project_exits_0() -> None:
    result = run_cli("valideer")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Alles is geldig." in result.stdout


def test_valideer_broken_lessons_exits_1_with_one_line_per_problem(fixtures: Path) -> None:
    kapot = fixtures / "lessen/kapot"
    result = run_cli("valideer", str(kapot / "yaml-fout"), str(kapot / "onbekende-tag"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    regels = result.stdout.strip().splitlines()
    assert len(regels) == 2
    assert "yaml-fout/01-proefles.nl.md: regel" in regels[0] and "YAML-fout" in regels[0]
    assert "onbekende-tag/01-proefles.nl.md: tags.nplw[1]: ongeldige waarde 'dromen'" in regels[1]


def test_valideer_nonexistent_path(tmp_path: Path) -> None:
    result = run_cli("valideer", str(tmp_path / "nergens"))
    assert result.returncode == 1
    assert "bestaat niet" in result.stdout


def test_broken_lesson_in_project_blocks_its_report(tmp_path: Path, fixtures: Path) -> None:
    """A lesson file with an error gives its one-line problem, not a half-made report."""
    project = tmp_path / "project"
    (project / "lessons").mkdir(parents=True)
    kapot = (fixtures / "lessen/kapot/onbekende-tag/01-proefles.nl.md").read_text()
    (project / "lessons/01-proefles.nl.md").write_text(kapot)
    out = tmp_path / "out"
    env_result = run_cli("les", "1", "--out", str(out), home=project)
    assert_one_line_error(env_result, "01-proefles.nl.md", "tags.nplw[1]")
    assert not out.exists()
