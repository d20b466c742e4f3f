"""Priorities that discriminate (issue 19): ``hoog`` is "this quarter", so at most 12 per checklist
and at least 3 when the profile has gaps; no level holds more than two thirds of a checklist; an
unknown key field raises priority; and no checklist is longer than 55 actions. Checked over every
municipality in the CBS list and over a spread of wijk profiles, on both sides of 1-1-2027."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date
from typing import Any

import pytest

from toolkit.content import gemeenten, kennisbank
from toolkit.domain import build
from toolkit.domain.checklist import MAX_HOOG, MIN_HOOG, SLEUTELVELDEN

MAX_ACTIES = 55
PEILDATA = (date(2026, 12, 4), date(2027, 3, 1))
JA_NEE = ["ja", "nee", "onbekend"]
GROEPEN: list[list[dict[str, str]] | None] = [
    None,
    [],
    [{"naam": "Energie Wijk", "soort": "energiecooperatie", "actief": "ja"}],
    [{"naam": "Wijkraad", "soort": "wijkraad", "actief": "beetje"},
     {"naam": "Huurders", "soort": "huurdersvereniging", "actief": "nee"}],
    [{"naam": "Coop", "soort": "energiecooperatie", "actief": "beetje"},
     {"naam": "VvE", "soort": "vve", "actief": "nee"}],
    [{"naam": "Coop", "soort": "energiecooperatie", "actief": "ja"}, {"naam": "Wijkraad", "soort": "wijkraad",
     "actief": "ja"}, {"naam": "VvE", "soort": "vve", "actief": "onbekend"}],
]  # fmt: skip
RASTER: dict[str, list[Any]] = {
    "fase": [None, "transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik"],
    "aanspreekpunt": JA_NEE, "logboek": JA_NEE, "vergoeding_budget": JA_NEE, "raad_betrokken": JA_NEE,
    "aanwijzing_voorzien": JA_NEE, "capaciteit_fte": [None, 0.2, 0.8, 3], "groepen": GROEPEN,
    "warmteoplossing": [None, "open", "warmtenet", "all-electric", "hybride"],
    "warmteprogramma": [None, "vastgesteld", "in_voorbereiding", "nee"],
    "warmtebedrijf": [None, "publiek", "warmtegemeenschap", "particulier"],
    "werkzaamheden": [None, [], ["riolering"], ["groot_onderhoud"], ["riolering", "groot_onderhoud", "gasnet"]],
    "eigendom": [{}, {"koop": 70, "corporatie": 20, "particuliere_huur": 10},
                 {"koop": 30, "corporatie": 60, "particuliere_huur": 10}],
    "wijk": ["Holtenbroek", "Stadshagen"],  # 2,700 and 9,000 homes (CBS): L3-10 is for wijken over 2,000
}  # fmt: skip
#: The longest checklist a search over the fields found (a greedy climb from random profiles): phase
#: unknown, so every phase counts, with groups, a heat network, works, a designation and tenants.
LANGSTE = {"gemeente": "Zwolle", "wijk": "Stadshagen", "groepen": GROEPEN[4], "aanspreekpunt": "ja",
           "logboek": "nee", "vergoeding_budget": "ja", "raad_betrokken": "nee", "aanwijzing_voorzien": "ja",
           "capaciteit_fte": 3, "warmteoplossing": "warmtenet",
           "werkzaamheden": ["riolering", "groot_onderhoud", "gasnet"],
           "eigendom": {"koop": 30, "corporatie": 60, "particuliere_huur": 10}}  # fmt: skip


def _wijkprofielen(n: int, zaad: int) -> list[dict[str, Any]]:
    rnd = random.Random(zaad)
    profielen = []
    for _ in range(n):
        profiel: dict[str, Any] = {"gemeente": "Zwolle"}
        for veld, waarden in RASTER.items():
            waarde = rnd.choice(waarden)
            if waarde not in (None, {}):
                profiel[veld] = waarde
        profielen.append(profiel)
    return [LANGSTE, *profielen]


def _has_gaps(profiel: dict[str, Any]) -> bool:
    return any(profiel.get(v, "onbekend") in ("nee", "onbekend") for v in SLEUTELVELDEN - {"capaciteit_fte"}) or (
        profiel.get("capaciteit_fte") is None
    )


def _check(profiel: dict[str, Any], peildatum: date) -> list[str]:
    """What is wrong with this profile's checklist (empty when nothing)."""
    acties = build(profiel, peildatum=peildatum, kennis=kennisbank())["acties"]
    telling = Counter(a["prioriteit"] for a in acties)
    fouten = []
    if len(acties) > MAX_ACTIES:
        fouten.append(f"{len(acties)} acties")
    if telling["hoog"] > MAX_HOOG:
        fouten.append(f"{telling['hoog']} hoog")
    if _has_gaps(profiel) and telling["hoog"] < MIN_HOOG:
        fouten.append(f"gaten maar {telling['hoog']} hoog")
    niveau, meeste = telling.most_common(1)[0]
    if meeste * 3 > len(acties) * 2:
        fouten.append(f"{meeste} van {len(acties)} {niveau}")
    return fouten


@pytest.mark.parametrize("peildatum", PEILDATA)
def test_every_municipality_gets_a_checklist_that_discriminates(peildatum: date) -> None:
    """A municipality that fills in only its name: everything unknown, so gaps everywhere."""
    alle = gemeenten()
    assert len(alle) == 342
    fout = {naam: f for naam in alle.values() if (f := _check({"gemeente": naam}, peildatum))}
    assert not fout, list(fout.items())[:5]


@pytest.mark.parametrize("peildatum", PEILDATA)
def test_a_spread_of_wijk_profiles_gets_checklists_that_discriminate(peildatum: date) -> None:
    profielen = _wijkprofielen(1200, zaad=peildatum.toordinal())
    fout = [(p, f) for p in profielen if (f := _check(p, peildatum))]
    assert not fout, fout[:3]
    # ... and the levels are really used: hoog ranges widely over the profiles
    hoog = Counter(
        sum(a["prioriteit"] == "hoog" for a in build(p, peildatum=peildatum)["acties"]) for p in profielen[:300]
    )
    assert min(hoog) <= 3 and max(hoog) >= 10, hoog


def test_the_longest_checklist_found_stays_within_55() -> None:
    assert len(build(LANGSTE, peildatum=PEILDATA[0])["acties"]) <= MAX_ACTIES


@pytest.mark.parametrize("veld,actie", [("aanspreekpunt", "L4-03"), ("logboek", "L4-04"),
                                        ("capaciteit_fte", "L5-01"), ("raad_betrokken", "L6-10")])  # fmt: skip
def test_an_unknown_key_field_raises_priority(veld: str, actie: str) -> None:
    bekend = {"gemeente": "Zwolle", "fase": "orientatie", "aanspreekpunt": "ja", "logboek": "ja",
              "capaciteit_fte": 2, "raad_betrokken": "ja"}  # fmt: skip
    onbekend = {k: v for k, v in bekend.items() if k != veld}
    na = {a["id"]: a for a in build(onbekend, peildatum=PEILDATA[1])["acties"]}
    voor = {a["id"]: a["prioriteit"] for a in build(bekend, peildatum=PEILDATA[1])["acties"]}
    assert na[actie]["prioriteit"] == "hoog" and voor.get(actie) != "hoog"
    assert any("onbekend" in r for r in na[actie]["aanleiding"])  # says why


def test_more_than_twelve_high_keeps_the_most_urgent_and_says_why() -> None:
    """Everything missing in planvorming: the rules give more than 12 hoog. The legal dates and
    key-field gaps stay hoog; the others become midden with the reason in their aanleiding."""
    profiel = {"gemeente": "Zwolle", "wijk": "Holtenbroek", "fase": "planvorming", "aanspreekpunt": "nee",
               "logboek": "nee", "vergoeding_budget": "nee", "raad_betrokken": "nee", "aanwijzing_voorzien": "onbekend",
               "capaciteit_fte": 0.2, "warmteoplossing": "warmtenet", "warmteprogramma": "in_voorbereiding",
               "groepen": GROEPEN[2], "werkzaamheden": ["riolering"]}  # fmt: skip
    acties = build(profiel, peildatum=PEILDATA[0])["acties"]
    hoog = {a["id"] for a in acties if a["prioriteit"] == "hoog"}
    verschoven = [a for a in acties if any("niet dit kwartaal" in r for r in a["aanleiding"])]
    assert len(hoog) == MAX_HOOG and verschoven
    assert {"L2-17", "L4-03", "L4-04", "L5-03"} <= hoog  # the date and the key gaps first
    assert all(a["prioriteit"] == "midden" for a in verschoven)
