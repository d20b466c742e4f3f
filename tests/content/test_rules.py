"""The rule engine: each condition type, unknowns, compound conditions, and rule checking."""

from __future__ import annotations

import pytest

from toolkit.content.rules import check_condition, evaluate

FEITEN = {
    "aanspreekpunt": "nee",
    "logboek": None,
    "fase": "orientatie",
    "werkzaamheden": ["riolering"],
    "groepen": [],
    "groepen.soort": [],
    "eigendom.corporatie": 35.0,
    "eigendom.koop": None,
    "capaciteit_fte": 0.4,
}


@pytest.mark.parametrize(
    ("voorwaarde", "klopt"),
    [
        ({"veld": "aanspreekpunt", "is": "nee"}, True),
        ({"veld": "aanspreekpunt", "is": "ja"}, False),
        ({"veld": "fase", "in": ["orientatie", "planvorming"]}, True),
        ({"veld": "fase", "in": ["uitvoering"]}, False),
        ({"veld": "logboek", "onbekend": True}, True),
        ({"veld": "aanspreekpunt", "onbekend": True}, False),
        ({"veld": "werkzaamheden", "bevat": "riolering"}, True),
        ({"veld": "werkzaamheden", "bevat_een_van": ["herinrichting", "riolering"]}, True),
        ({"veld": "werkzaamheden", "bevat_een_van": ["gasnet"]}, False),
        ({"veld": "groepen", "leeg": True}, True),
        ({"veld": "werkzaamheden", "leeg": True}, False),
        ({"veld": "eigendom.corporatie", "minstens": 30}, True),
        ({"veld": "eigendom.corporatie", "minstens": 36}, False),
        ({"veld": "eigendom.corporatie", "hoogstens": 35}, True),
        ({"veld": "capaciteit_fte", "minder_dan": 0.5}, True),
        ({"veld": "capaciteit_fte", "meer_dan": 0.5}, False),
        ({"alle": [{"veld": "aanspreekpunt", "is": "nee"}, {"veld": "fase", "is": "orientatie"}]}, True),
        ({"alle": [{"veld": "aanspreekpunt", "is": "nee"}, {"veld": "fase", "is": "gebruik"}]}, False),
        ({"een_van": [{"veld": "aanspreekpunt", "is": "ja"}, {"veld": "fase", "is": "orientatie"}]}, True),
        ({"niet": {"veld": "aanspreekpunt", "is": "ja"}}, True),
    ],
)
def test_condition_types(voorwaarde: dict, klopt: bool) -> None:
    assert check_condition(voorwaarde) == []
    assert evaluate(voorwaarde, FEITEN).klopt is klopt


def test_comparison_with_an_unknown_never_matches() -> None:
    """Unknown facts make no action urgent by accident, in either direction."""
    for voorwaarde in (
        {"veld": "logboek", "is": "nee"},
        {"veld": "logboek", "in": ["ja", "nee"]},
        {"veld": "eigendom.koop", "minstens": 0},
        {"veld": "eigendom.koop", "hoogstens": 100},
        {"veld": "groepen.actief", "bevat": "ja"},
    ):
        assert evaluate(voorwaarde, FEITEN).klopt is False
    # … but 'niet' of such a comparison does hold: write {onbekend: true} to single out unknowns
    assert evaluate({"niet": {"veld": "logboek", "is": "ja"}}, FEITEN).klopt is True


def test_reasons_name_the_deciding_facts() -> None:
    uitkomst = evaluate(
        {"alle": [{"veld": "aanspreekpunt", "is": "nee"}, {"veld": "eigendom.corporatie", "minstens": 30}]}, FEITEN
    )
    assert uitkomst.redenen == (("aanspreekpunt", "nee"), ("eigendom.corporatie", "35 (>= 30)"))
    mis = evaluate({"alle": [{"veld": "aanspreekpunt", "is": "nee"}, {"veld": "fase", "is": "gebruik"}]}, FEITEN)
    assert mis.redenen == (("fase", "orientatie"),)  # only the failing part explains a 'no'
    assert evaluate({"veld": "werkzaamheden", "bevat": "riolering"}, FEITEN).redenen == (
        ("werkzaamheden", "bevat riolering"),
    )


@pytest.mark.parametrize(
    ("voorwaarde", "melding"),
    [
        ({"veld": "kleur", "is": "rood"}, "onbekend veld 'kleur'"),
        ({"veld": "aanspreekpunt", "is": "misschien"}, "onbekende waarde 'misschien' voor aanspreekpunt"),
        ({"veld": "aanspreekpunt", "minstens": 3}, "ongeldige toets minstens voor aanspreekpunt"),
        ({"veld": "capaciteit_fte", "minstens": "veel"}, "moet een getal zijn"),
        ({"veld": "werkzaamheden", "bevat_een_van": "riolering"}, "moet een lijst zijn"),
        ({"veld": "fase", "is": "orientatie", "in": ["gebruik"]}, "ongeldige toets"),
        ({"alle": []}, "moet een lijst van voorwaarden zijn"),
        ({"alle": [{"veld": "fase", "is": "x"}], "niet": {}}, "staat niet alleen"),
        ("aanspreekpunt is nee", "voorwaarde moet een groep velden zijn"),
        ({"veld": "logboek", "onbekend": "ja"}, "moet true of false zijn"),
    ],
)
def test_invalid_conditions_are_reported(voorwaarde: object, melding: str) -> None:
    problemen = check_condition(voorwaarde, "geldt_als")
    assert problemen and any(melding in wat for _, wat, _ in problemen), problemen
