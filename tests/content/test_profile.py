"""Profiles: name matching, figures, and every kind of bad input getting one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from toolkit.base.errors import UserError
from toolkit.content.profile import build_context, parse_profile, read_profile
from toolkit.content.regions import find_gemeente, find_wijk


@pytest.mark.parametrize(
    ("getypt", "code"),
    [
        ("Wageningen", "GM0289"),
        ("wageningen", "GM0289"),
        ("GM0289", "GM0289"),
        ("gm0289", "GM0289"),
        ("Den Haag", "GM0518"),
        ("'s-Gravenhage", "GM0518"),
        ("s-Gravenhage", "GM0518"),
        ("Den Bosch", "GM0796"),
        ("Bergen (NH.)", "GM0373"),
        ("Bergen NH", "GM0373"),
        ("Hengelo", "GM0164"),
        ("Sudwest-Fryslan", "GM1900"),
        ("súdwest-fryslân", "GM1900"),
    ],
)
def test_municipality_names_are_matched_tolerantly(getypt: str, code: str) -> None:
    assert find_gemeente(getypt).code == code


def test_near_miss_suggests_the_closest_names() -> None:
    with pytest.raises(ValueError, match="bedoelt u: Wageningen"):
        find_gemeente("Wagenigen")
    with pytest.raises(ValueError, match=r"kies: Bergen \(L\.\), Bergen \(NH\.\)"):
        find_gemeente("Bergen")


def test_wijk_matching_and_wijk_outside_municipality() -> None:
    wageningen = find_gemeente("Wageningen")
    assert find_wijk("boven en benedenbuurt", wageningen).code == "WK028907"
    assert find_wijk("WK028907", wageningen).naam == "Boven- en Benedenbuurt"
    with pytest.raises(ValueError, match="ligt niet in Wageningen maar in Nijmegen"):
        find_wijk("WK026802", wageningen)
    with pytest.raises(ValueError, match="bedoelt u: Boven- en Benedenbuurt"):
        find_wijk("Benedenbuurt", wageningen)


def test_wijk_found_without_the_cbs_number_in_front() -> None:
    """CBS calls it "Wijk 30 Holtenbroek"; an officer in Zwolle types "Holtenbroek"."""
    zwolle = find_gemeente("Zwolle")
    assert find_wijk("Holtenbroek", zwolle).code == "WK019330"
    assert find_wijk("wijk 30 holtenbroek", zwolle).code == "WK019330"
    with pytest.raises(ValueError, match=r"meerdere wijken in Uithoorn heten 'Meerwijk' .*kies: Wijk 65 Meerwijk"):
        find_wijk("Meerwijk", find_gemeente("Uithoorn"))


def test_context_adds_figures_but_never_tenure() -> None:
    profiel = parse_profile({"gemeente": "Wageningen", "wijk": "WK028907"})
    ctx = build_context(profiel)
    assert ctx.gemeente_code == "GM0289" and ctx.provincie == "Gelderland"
    sleutels = {(c["niveau"], c["sleutel"]) for c in ctx.cijfers}
    assert ("gemeente", "inwoners") in sleutels and ("wijk", "woningen") in sleutels
    assert all(c["jaar"] and c["bron"] for c in ctx.cijfers)
    assert profiel.eigendom.koop is None and profiel.eigendom.corporatie is None


def test_missing_fields_mean_unknown() -> None:
    profiel = parse_profile({"gemeente": "Haarlem"})
    assert profiel.aanspreekpunt == "onbekend" and profiel.fase is None and profiel.groepen is None


def test_yes_no_spelled_as_booleans_are_accepted() -> None:
    assert parse_profile({"gemeente": "Haarlem", "logboek": True}).logboek == "ja"


@pytest.mark.parametrize(
    ("data", "fragmenten"),
    [
        ({"gemeente": "Haarlem", "kleur": "rood"}, ["kleur: onbekend veld", "toegestaan: gemeente, wijk, fase"]),
        ({"gemeente": "Haarlem", "fase": "bouw"}, ["fase: ongeldige waarde 'bouw'", "transitievisie"]),
        ({"gemeente": "Haarlem", "capaciteit_fte": "veel"}, ["capaciteit_fte: moet een getal zijn"]),
        ({"gemeente": "Haarlem", "eigendom": {"koop": 120}}, ["eigendom.koop", "<= 100"]),
        ({"gemeente": "Haarlem", "eigendom": {"koop": 70, "corporatie": 40}}, ["tellen op tot 110"]),
        ({"gemeente": "Haarlem", "groepen": [{"naam": "X", "soort": "fanclub"}]}, ["groepen[1].soort"]),
        ({"wijk": "Centrum"}, ["gemeente: verplicht veld ontbreekt"]),
    ],
)
def test_bad_profile_values(data: dict, fragmenten: list[str]) -> None:
    with pytest.raises(UserError) as exc:
        parse_profile(data, "p.yaml")
    for fragment in fragmenten:
        assert fragment in str(exc.value)
    assert str(exc.value).startswith("p.yaml: ")


def test_unknown_names_are_errors_with_suggestions() -> None:
    with pytest.raises(UserError, match="p.yaml: gemeente: onbekende gemeente 'Amsterdm' .*Amsterdam"):
        build_context(parse_profile({"gemeente": "Amsterdm"}), "p.yaml")
    with pytest.raises(UserError, match="p.yaml: wijk: .*ligt niet in Wageningen"):
        build_context(parse_profile({"gemeente": "Wageningen", "wijk": "WK026802"}), "p.yaml")


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    pad = tmp_path / "p.yaml"
    pad.write_text("gemeente: Haarlem\ngroepen: [a, b\n")
    with pytest.raises(UserError, match=r"p.yaml: regel \d+: YAML-fout"):
        read_profile(pad)


def test_example_profiles_are_valid() -> None:
    namen = sorted(p.stem for p in (ROOT / "profielen").glob("*.yaml"))
    assert namen == ["haarlem-ramplaankwartier", "nijmegen-hengstdal", "voorbeeldstad", "wageningen-benedenbuurt"]
    for naam in namen:
        build_context(parse_profile(read_profile(ROOT / "profielen" / f"{naam}.yaml")))
