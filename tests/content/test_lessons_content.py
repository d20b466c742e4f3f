"""The seven shipped lessons: complete, valid, sourced, in plain Dutch and in our own words."""

from __future__ import annotations

import re

import pytest

import toolkit
from tests.conftest import FIXTURES, PRIVEPERSONEN
from toolkit.base.markers import OWN_SYNTHESIS, SOURCE_REF
from toolkit.base.own_words import shared_runs
from toolkit.content.lessons import Les, check_lessons

TALEN = ("nl", "en")


def _prose(les: Les) -> list[str]:
    delen = [les.samenvatting, les.waarom, les.in_de_praktijk, *les.gespreksvragen]
    delen += [p.tekst for p in les.toepassing + les.valkuilen]
    return [OWN_SYNTHESIS.sub(" ", SOURCE_REF.sub(" ", d)) for d in delen]


def test_lesson_folder_validates_without_problems() -> None:
    lessen, problemen = check_lessons()
    assert [str(p) for p in problemen] == []
    assert len(lessen) == 14


@pytest.mark.parametrize("taal", TALEN)
def test_seven_lessons_with_every_section(taal: str) -> None:
    lessen = toolkit.load_lessons(taal)
    assert [les.nummer for les in lessen] == [1, 2, 3, 4, 5, 6, 7]
    for les in lessen:
        assert les.titel and les.samenvatting and les.waarom and les.in_de_praktijk
        assert len(les.toepassing) >= 6
        assert len(les.valkuilen) >= 3
        assert len(les.gespreksvragen) >= 4
        assert les.verder_lezen and all(b.url.startswith("http") for b in les.verder_lezen)
        assert les.tags.tno or les.tags.nplw or les.tags.participatiecoalitie


def test_load_lesson_matches_load_lessons() -> None:
    les = toolkit.load_lesson(4)
    assert les.nummer == 4 and les.slug == "werk-samen-met-bestaande-groepen"
    assert les == toolkit.load_lessons("nl")[3]
    assert toolkit.load_lesson(4, "en").slug == les.slug


def test_official_titles() -> None:
    titels = [les.titel for les in toolkit.load_lessons("nl")]
    assert titels == [
        "Zet participatie door bewoners bovenaan de agenda",
        "Zet democratische principes in voor succesvolle participatie",
        "Sluit aan bij behoeften in de wijk",
        "Werk samen met bestaande groepen in de wijk",
        "Zorg voor de benodigde kennis, capaciteit en competenties",
        "Maak rollen en verantwoordelijkheden duidelijk",
        "Neem samen belemmeringen weg",
    ]


@pytest.mark.parametrize("nummer", range(1, 8))
def test_dutch_lesson_is_long_enough_and_plain(nummer: int) -> None:
    les = toolkit.load_lesson(nummer, "nl")
    tekst = " ".join(_prose(les))
    woorden = re.findall(r"\w+", tekst)
    assert len(woorden) >= 600, f"les {nummer}: {len(woorden)} woorden"
    # B1: short sentences. Average under 14 words, and no sentence of more than 30 words.
    zinnen = [z for z in re.split(r"(?<=[.!?])\s+|\n+", tekst) if re.search(r"\w", z)]
    lengtes = [len(re.findall(r"\w+", z)) for z in zinnen]
    assert sum(lengtes) / len(lengtes) < 14, f"les {nummer}: gemiddeld te lange zinnen"
    assert max(lengtes) <= 30, f"les {nummer}: zin van {max(lengtes)} woorden"


@pytest.mark.parametrize("taal", TALEN)
def test_own_synthesis_is_labelled_and_sources_are_cited(taal: str) -> None:
    for les in toolkit.load_lessons(taal):
        punten = les.toepassing + les.valkuilen
        assert all(p.bronnen or p.eigen_synthese for p in punten)
        # the lesson rests on sources, not only on our own synthesis
        assert any(p.bronnen for p in punten), f"les {les.nummer}: geen enkele bron"


@pytest.mark.parametrize("taal", TALEN)
def test_no_run_of_seven_words_copied_from_the_sources(taal: str) -> None:
    bron_hashes = set((FIXTURES / "bron_vingerafdrukken.txt").read_text().split())
    lestitels = [les.titel for t in TALEN for les in toolkit.load_lessons(t)]
    for les in toolkit.load_lessons(taal):
        for deel in _prose(les):
            for titel in lestitels:  # naming a lesson by its title is not copying
                deel = deel.replace(titel, " ")
            assert shared_runs(deel, bron_hashes) == [], f"les {les.nummer} ({taal})"


@pytest.mark.parametrize("taal", TALEN)
def test_no_private_persons_named(taal: str) -> None:
    for les in toolkit.load_lessons(taal):
        tekst = (les.bestand.read_text(encoding="utf-8") if les.bestand else "").lower()  # URLs included
        for naam in PRIVEPERSONEN:
            for vorm in {naam.lower(), naam.lower().replace(" ", "-")}:
                assert vorm not in tekst, f"les {les.nummer} ({taal}) noemt {naam}"


def test_lesson_4_covers_every_point_of_its_source() -> None:
    les = toolkit.load_lesson(4, "nl")
    tekst = " ".join(_prose(les)).lower()
    punten = {
        "zichtbaar aanspreekpunt": ["bewonersadviseur", "initiatievenmakelaar", "aanspreekpunt"],
        "vastleggen wie wat besprak en koos": ["vastleggen|documenteer|documenteren"],
        "actief communiceren": ["communic"],
        "valkuil: denken alles te weten": ["alles (al )?(te )?we(ten|et)"],
        "adviseren over proces of uitkomst": ["advie|advis", "proces", "uitkomst"],
        "professionalisering en sociale cohesie": ["professionalisering", "sociale cohesie"],
        "taken overdragen, met vergoeding": [
            "overdragen|overdracht|overnemen|uitbesteden",
            "vergoeding",
        ],
        "bewoners compenseren": ["compens|betaal|vergoed"],
        "professionals in de wijk": ["wijkteam", "wijkadviseur", "corporatie", "zorg"],
        "energiecoöperatie democratisch, lokale kennis": [
            "energiecoöperatie",
            "democratisch",
            "kennis",
            "netwerk",
        ],
        "Benedenbuurt": ["benedenbuurt", "riolering|riool", "warmtenet"],
    }
    for punt, patronen in punten.items():
        for patroon in patronen:
            assert re.search(patroon, tekst), f"les 4 mist: {punt} ({patroon})"
    assert les.casus == "wageningen-benedenbuurt"
    assert any("valku" in "valkuilen" and re.search("alles", p.tekst.lower()) for p in les.valkuilen)
