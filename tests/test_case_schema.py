"""Case data: loaders, DataFrame columns and types, each validation error, the new-case skeleton."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from toolkit.cases import check_cases, load_case, new_case, read_case
from toolkit.errors import ContentError, UserError
from toolkit.validate import validate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GELDIG = FIXTURES / "casussen/geldig"
KAPOT = FIXTURES / "casussen/kapot"


def test_fixture_case_loads_with_typed_tables() -> None:
    casus = load_case("mini-casus", GELDIG)
    assert casus.id == "mini-casus" and casus.fictief
    t = casus.tijdlijn
    assert list(t.columns) == [
        "datum",
        "gebeurtenis",
        "gebeurtenis_en",
        "fase",
        "actoren",
        "bronnen",
        "onzeker",
        "precisie",
        "datum_begin",
        "jaar",
    ]
    assert list(t["precisie"]) == ["jaar", "maand", "dag"]
    assert pd.api.types.is_datetime64_any_dtype(t["datum_begin"])
    assert isinstance(t["fase"].dtype, pd.CategoricalDtype)
    assert t["onzeker"].dtype == bool and list(t["onzeker"]) == [False, True, False]
    assert t.loc[0, "actoren"] == ["gemeente", "bewoners"] and t.loc[2, "actoren"] == []
    assert t.loc[0, "gebeurtenis"] == "Start, met koffie"  # quoted comma survives
    assert list(casus.actoren.columns) == ["id", "naam", "naam_en", "type", "rol", "rol_en", "bronnen"]
    # accents and case are folded onto the vocabulary: 'Energiecoöperatie' -> energiecooperatie
    assert list(casus.actoren["type"]) == ["gemeente", "energiecooperatie"]
    assert casus.bewijs["les"].dtype == "int64"
    datums = casus.instrumenten["datum"]
    assert datums.iloc[0] == "2019" and pd.isna(datums.iloc[1])  # 'onbekend' is missing
    assert list(casus.bronnen["id"]) == ["t1", "t2"]
    assert casus.bron_index == {"t1": 1, "t2": 2}
    k = casus.kenmerken
    assert k.woningen.waarde == 100 and k.woningen.bereik == (90, 110) and k.woningen.onzeker
    assert k.eigendom.particuliere_huur == "onbekend"
    assert k.status.datum == "2024-05" and k.gemeentelijke_rol.waarde == "onbekend"


@pytest.mark.parametrize(
    ("geval", "bestand", "veld", "melding"),
    [
        ("yaml-fout", "casus.yaml", "regel 4", "YAML-fout"),
        ("csv-fout", "tijdlijn.csv", "regel 4", "8 velden in plaats van 7"),
        ("veld-ontbreekt", "casus.yaml", "kenmerken.bouwperiode", "verplicht veld ontbreekt"),
        (
            "onbekende-waarde",
            "actoren.csv",
            "regel 3: type",
            "ongeldige waarde 'buurtclub' (toegestaan: gemeente",
        ),
        (
            "onbekende-bron",
            "bewijs.csv",
            "regel 3: bronnen",
            "onbekende bron 't9' (bekend in bronnen.csv: t1, t2)",
        ),
        ("les-buiten-bereik", "bewijs.csv", "regel 3: les", "onbekend lesnummer '8' (1 t/m 7)"),
        ("slechte-datum", "tijdlijn.csv", "regel 4: datum", "ongeldige datum 'maart 2020'"),
        ("dubbele-id", "bronnen.csv", "regel 3: id", "dubbele id 't1'"),
        ("onbekende-actor", "tijdlijn.csv", "regel 4: actoren", "onbekende actor 'wethouder'"),
        ("kolom-ontbreekt", "instrumenten.csv", "regel 1", "kolom ontbreekt: trede"),
        ("waarde-zonder-bron", "casus.yaml", "kenmerken.bouwperiode", "waarde zonder bron"),
        (
            "eigendom-te-veel",
            "casus.yaml",
            "kenmerken.eigendom",
            "tellen op tot 110 (samen hooguit 100)",
        ),
        ("id-niet-mapnaam", "casus.yaml", "id", "'andere-casus' is niet de mapnaam (mini-casus)"),
    ],
)
def test_each_error_kind(geval: str, bestand: str, veld: str, melding: str) -> None:
    casus, problemen = read_case(KAPOT / geval / "mini-casus")
    assert casus is None
    regels = [str(p) for p in problemen]
    verwacht = f"{geval}/mini-casus/{bestand}: {veld}: "
    assert any(verwacht in r and melding in r for r in regels), regels


def test_invalid_case_is_refused_by_load_case() -> None:
    with pytest.raises(ContentError, match="onbekende bron 't9'"):
        load_case("mini-casus", KAPOT / "onbekende-bron")


def test_unknown_case_id_lists_known_ones() -> None:
    with pytest.raises(UserError, match=r"onbekende casus 'nergens' \(bekend: mini-casus\)"):
        load_case("nergens", GELDIG)


def test_validate_accepts_case_folder_and_single_case_file() -> None:
    assert validate([GELDIG / "mini-casus"]) == []
    assert validate([GELDIG / "mini-casus" / "bewijs.csv"]) == []
    problemen = validate([KAPOT / "les-buiten-bereik" / "mini-casus" / "casus.yaml"])
    assert [p.field for p in problemen] == ["regel 3: les"]


def test_new_case_skeleton_validates_and_refuses_existing(tmp_path: Path) -> None:
    map_ = new_case("utrecht-overvecht", tmp_path)
    assert sorted(p.name for p in map_.iterdir()) == [
        "actoren.csv",
        "bewijs.csv",
        "bronnen.csv",
        "casus.yaml",
        "instrumenten.csv",
        "tijdlijn.csv",
    ]
    assert "id: utrecht-overvecht" in (map_ / "casus.yaml").read_text()
    assert "# " in (map_ / "tijdlijn.csv").read_text()  # explanations for the editor
    casussen, problemen = check_cases(tmp_path)
    assert [c.id for c in casussen] == ["utrecht-overvecht"] and casussen[0].concept
    # an untouched skeleton is valid, but reported as a concept (a warning, not an error)
    assert [(p.field, p.warning) for p in problemen] == [("status", True)] and "concept" in problemen[0].message
    with pytest.raises(UserError, match="casus bestaat al"):
        new_case("utrecht-overvecht", tmp_path)
    with pytest.raises(UserError, match="ongeldige id"):
        new_case("Utrecht Overvecht!", tmp_path)
    assert not any(p.name.startswith(".") for p in tmp_path.iterdir())
