"""The lesson schema: a valid fixture lesson loads; each kind of broken file gives its message."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.base.errors import ContentError
from toolkit.content.lessons import check_lessons, load_lesson, read_lesson_file
from toolkit.content.validation import validate


def test_valid_fixture_lesson_loads_with_sections(fixtures: Path) -> None:
    les, problemen = read_lesson_file(fixtures / "lessen/geldig/01-proefles.nl.md")
    assert problemen == []
    assert les is not None
    assert (les.nummer, les.slug, les.taal) == (1, "proefles", "nl")
    assert len(les.toepassing) == 6
    # a bullet over two lines is one point; markers become data, not text
    assert les.toepassing[4].tekst == "Actie vijf over twee regels."
    assert les.toepassing[4].bronnen == ("bron-b",)
    assert les.toepassing[1].bronnen == ("bron-a", "bron-b")
    assert les.toepassing[2].eigen_synthese and not les.toepassing[2].bronnen
    assert les.verder_lezen[1].jaar == "onbekend"
    assert les.bron_index == {"bron-a": 1, "bron-b": 2}


def test_english_markers_and_headings(fixtures: Path) -> None:
    les, problemen = read_lesson_file(fixtures / "lessen/geldig/01-proefles.en.md")
    assert problemen == [] and les is not None
    assert les.taal == "en"
    assert les.toepassing[2].eigen_synthese
    assert les.heading("toepassing") == "What to do"


@pytest.mark.parametrize(
    ("geval", "veld", "melding"),
    [
        ("yaml-fout", "regel", "YAML-fout"),
        ("veld-ontbreekt", "titel", "verplicht veld ontbreekt"),
        ("verkeerd-type", "nummer", "moet een geheel getal zijn"),
        ("nummer-buiten-bereik", "nummer", "buiten bereik"),
        ("onbekend-veld", "auteur", "onbekend veld (toegestaan: nummer, slug"),
        ("onbekende-tag", "tags.nplw[1]", "ongeldige waarde 'dromen' (toegestaan: voorbereiden"),
        ("zonder-herkomst", "Toepassing[1]", "punt zonder herkomst"),
        ("onbekende-bron", "Toepassing[1]", "onbekende bron 'bron-z'"),
        ("te-weinig-valkuilen", "valkuilen", "te weinig: 2 (minstens 3)"),
        ("kopje-ontbreekt", "## Gespreksvragen", "kopje ontbreekt"),
        ("onbekende-casus", "casus", "onbekende casus 'amsterdam-west'"),
        ("slechte-url", "verder_lezen[1].url", "ongeldige URL"),
    ],
)
def test_each_error_kind_names_file_field_and_rule(fixtures: Path, geval: str, veld: str, melding: str) -> None:
    pad = fixtures / "lessen/kapot" / geval / "01-proefles.nl.md"
    les, problemen = read_lesson_file(pad)
    assert les is None
    regels = [str(p) for p in problemen]
    assert any(
        r.startswith(f"{pad.relative_to(Path.cwd()) if pad.is_relative_to(Path.cwd()) else pad}:")
        and f": {veld}" in r
        and melding in r
        for r in regels
    ), regels


def test_duplicate_lesson_number_is_reported(fixtures: Path) -> None:
    _, problemen = check_lessons(fixtures / "lessen/kapot/dubbel-nummer")
    assert any("nummer" == p.field and "staat ook in" in p.message for p in problemen)


def test_missing_translation_and_lessons_are_reported(fixtures: Path) -> None:
    _, problemen = check_lessons(fixtures / "lessen/kapot/dubbel-nummer")
    meldingen = [p.message for p in problemen]
    assert any("geen en-versie van les 1" in m for m in meldingen)
    assert any("les ontbreekt in nl: 2, 3, 4, 5, 6, 7" in m for m in meldingen)


def test_validate_reports_problems_for_a_folder_and_nothing_for_valid(fixtures: Path) -> None:
    assert validate([fixtures / "lessen/geldig/01-proefles.nl.md"]) == []
    problemen = validate([fixtures / "lessen/kapot/onbekende-tag"])
    assert len(problemen) == 1 and problemen[0].field == "tags.nplw[1]"


def test_load_lesson_refuses_an_invalid_file(fixtures: Path) -> None:
    with pytest.raises(ContentError) as exc:
        load_lesson(1, "nl", fixtures / "lessen/kapot/onbekende-tag")
    assert "tags.nplw[1]" in str(exc.value)
