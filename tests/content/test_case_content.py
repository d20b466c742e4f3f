"""The shipped cases: sourced, big enough to analyse, and Voorbeeldstad exercising every field."""

from __future__ import annotations

import pytest

import toolkit
from tests.conftest import FIXTURES, PRIVEPERSONEN
from toolkit.base.own_words import shared_runs
from toolkit.content.cases import check_cases, load_case
from toolkit.content.catalog import case_ids
from toolkit.content.vocab_cases import ACTORTYPES, FASEN, SOORTEN_BEWIJS, STERKTES, TREDEN

# What is shipped, read from the content: a case added under cases/ is tested like the others.
ALLE = case_ids()
ECHT = [c.id for c in check_cases()[0] if not c.fictief]
#: The cases the lessons are built on (a lesson names its case): these must be rich enough to teach.
BASIS = sorted({les.casus for les in toolkit.load_lessons("nl") if les.casus} - {"voorbeeldstad"})
#: Source URLs quoted as published although their slug carries a person's name (see README).
URL_ZOALS_GEPUBLICEERD = {("wageningen-benedenbuurt", "w21"), ("wageningen-benedenbuurt", "w22")}


def test_every_shipped_case_is_valid() -> None:
    casussen, problemen = check_cases()
    assert [str(p) for p in problemen if not p.warning] == []
    assert [c.id for c in casussen] == ALLE and ECHT and any(c.fictief for c in casussen)
    assert set(BASIS) <= set(ECHT)


@pytest.mark.parametrize("casus_id", BASIS)
def test_real_case_is_big_enough_and_sourced(casus_id: str) -> None:
    casus = load_case(casus_id)
    assert not casus.fictief
    assert len(casus.tijdlijn) >= 15
    assert len(casus.actoren) >= 8
    assert len(casus.instrumenten) >= 6
    assert len(casus.bewijs) >= 10
    assert casus.bewijs["les"].nunique() >= 5
    bronnen = set(casus.bronnen["id"])
    for tabel in (casus.tijdlijn, casus.actoren, casus.instrumenten, casus.bewijs):
        assert all(rij and set(rij) <= bronnen for rij in tabel["bronnen"])
    assert casus.bronnen["url"].str.startswith("http").all()
    assert casus.kenmerken.gemeente.cbs_code.startswith("GM")
    assert casus.kenmerken.status.datum != "onbekend"


@pytest.mark.parametrize("casus_id", ECHT)
def test_real_case_names_no_private_persons(casus_id: str) -> None:

    extra = [
        "Fortuijn",
        "Wattel",
        "Orij",
        "Sikkema",
        "Berkhout",
        "de Jong",
        "Oosterbroek",
        "Dreijer",
        "van Broekhoven",
        "Tromp",
        "Spauwen",
        "Daanen",
        "Tiemens",
        "Maessen",
        "Blankenstein",
        "Ploumen",
        "Sabine Jansen",
        "Utberg",
        "van Kleef",
        "Verdonk",
    ]
    casus = load_case(casus_id)
    tekst = " ".join(p.read_text(encoding="utf-8") for p in casus.map.iterdir()).lower()
    # URLs count too, written as in a slug ("theo-de-bruijn"); a URL quoted as published is allowed
    for bron, url in zip(casus.bronnen["id"], casus.bronnen["url"], strict=True):
        if (casus_id, bron) in URL_ZOALS_GEPUBLICEERD:
            tekst = tekst.replace(url.lower(), "")
    for naam in PRIVEPERSONEN + extra:
        for vorm in {naam.lower(), naam.lower().replace(" ", "-")}:
            assert vorm not in tekst, f"{casus_id} noemt {naam}"


@pytest.mark.parametrize("casus_id", ECHT)
def test_case_texts_are_in_our_own_words(casus_id: str) -> None:
    bron_hashes = set((FIXTURES / "bron_vingerafdrukken.txt").read_text().split())
    casus = load_case(casus_id)
    teksten = list(casus.tijdlijn["gebeurtenis"]) + list(casus.tijdlijn["gebeurtenis_en"])
    teksten += list(casus.bewijs["claim"]) + list(casus.bewijs["claim_en"])
    teksten += list(casus.actoren["rol"]) + list(casus.actoren["rol_en"])
    teksten += [casus.beschrijving.samenvatting.nl, casus.beschrijving.samenvatting.en]
    for tekst in teksten:
        assert shared_runs(tekst, bron_hashes) == [], tekst


def test_voorbeeldstad_is_fictional_and_uses_every_field_and_value() -> None:
    casus = load_case("voorbeeldstad")
    assert casus.fictief and "fictief" in casus.naam.lower()
    assert set(casus.tijdlijn["fase"]) == set(FASEN)
    assert set(casus.tijdlijn["precisie"]) == {"jaar", "maand", "dag"}
    assert set(casus.tijdlijn["onzeker"]) == {True, False}
    assert any(len(a) > 1 for a in casus.tijdlijn["actoren"])
    assert set(casus.actoren["type"]) == set(ACTORTYPES)
    assert set(casus.instrumenten["trede"]) == set(TREDEN)
    assert casus.instrumenten["datum"].isna().any() and casus.instrumenten["onzeker"].any()
    assert set(casus.bewijs["les"]) == set(range(1, 8))
    assert set(casus.bewijs["soort"]) == set(SOORTEN_BEWIJS)
    assert set(casus.bewijs["sterkte"]) == set(STERKTES)
    assert casus.bronnen["datum"].isna().any()
    k = casus.kenmerken
    assert k.woningen.bereik and k.woningen.onzeker
    assert "onbekend" in (k.eigendom.koop, k.eigendom.corporatie, k.eigendom.particuliere_huur)
    assert any(isinstance(v, float) for v in (k.eigendom.koop, k.eigendom.corporatie))
    assert len(k.warmteoplossing.verloop) >= 3
    assert k.wijk.toelichting is not None
    assert len(casus.beschrijving.open_vragen) >= 2


def test_lessons_link_to_cases_and_cases_link_back() -> None:
    """Every case a lesson names exists, and each real case's evidence covers that lesson."""
    for les in toolkit.load_lessons("nl"):
        if les.casus:
            casus = load_case(les.casus)
            assert les.nummer in set(casus.bewijs["les"]), (les.nummer, les.casus)
