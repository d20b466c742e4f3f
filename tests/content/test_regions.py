"""Real public figures: the shipped copies give the published values, with year and source."""

from __future__ import annotations

from toolkit.content.regions import gemeente_figures, gemeenten, provincies, wijk_figures, wijken


def _waarden(cijfers):  # type: ignore[no-untyped-def]
    return {c.sleutel: c for c in cijfers}


def test_municipality_figures_match_cbs_reference_rows() -> None:
    for code, inwoners, woningen in [
        ("GM0289", 42579, 18856),
        ("GM0392", 167636, 79434),
        ("GM0268", 187049, 86410),
    ]:
        c = _waarden(gemeente_figures(code))
        assert c["inwoners"].waarde == inwoners and c["woningen"].waarde == woningen
        assert c["inwoners"].jaar == 2024 and "85984NED" in c["inwoners"].bron


def test_wijk_figures() -> None:
    c = _waarden(wijk_figures("WK028907"))
    assert c["inwoners"].waarde == 5605 and c["woningen"].waarde == 2520
    assert c["inwoners"].gebied == "Boven- en Benedenbuurt"


def test_building_age_and_dwelling_type_mix_sum_to_100() -> None:
    c = gemeente_figures("GM0289")
    bouw = [x.waarde for x in c if x.sleutel.startswith("bouwperiode_")]
    typen = [x.waarde for x in c if x.sleutel.startswith("woningtype_")]
    assert len(bouw) == 5 and abs(sum(bouw) - 100) < 0.5
    assert len(typen) == 4 and abs(sum(typen) - 100) < 0.5
    gas = _waarden(c)["gas_per_woning"]
    assert 300 < gas.waarde < 2500 and gas.jaar == 2023 and "schatting" in gas.label_nl


def test_area_lists() -> None:
    assert len(gemeenten()) == 342 and gemeenten()["GM0363"] == "Amsterdam"
    assert provincies()["GM0289"] == "Gelderland"
    assert wijken()["WK028907"] == ("Boven- en Benedenbuurt", "GM0289")


def test_unknown_code_gives_no_figures_rather_than_a_guess() -> None:
    assert gemeente_figures("GM9999") == []
    assert wijk_figures("WK999999") == []
