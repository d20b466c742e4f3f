"""Case data: loaders, DataFrame columns and types, each validation error, the new-case skeleton."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import FIXTURES, ROOT, run_cli
from toolkit.base.errors import ContentError, UserError
from toolkit.content.cases import check_cases, load_case, new_case, read_case
from toolkit.content.validation import validate

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


def _broken(tmp_path: Path, bestand: str, oud: str, nieuw: str) -> Path:
    """A copy of the valid fixture case with one edit."""
    import shutil

    map_ = tmp_path / "mini-casus"
    shutil.copytree(FIXTURES / "casussen/geldig/mini-casus", map_)
    pad = map_ / bestand
    tekst = pad.read_text(encoding="utf-8")
    assert oud in tekst
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")
    return map_


@pytest.mark.parametrize(
    ("bestand", "oud", "nieuw", "regel"),
    [
        ("casus.yaml", "bereik: [90, 110]", "bereik: [110, 90]",
         "kenmerken.woningen.bereik: laagste 110 ligt boven hoogste 90 ([laagste, hoogste])"),
        ("casus.yaml", "waarde: 100,", "waarde: veel,",
         "kenmerken.woningen.waarde: ongeldige waarde 'veel' (toegestaan: een geheel getal of onbekend)"),
        ("casus.yaml", "datum: 2024-05", "datum: mei 2024",
         "kenmerken.status.datum: ongeldige datum 'mei 2024' (JJJJ, JJJJ-MM, JJJJ-MM-DD of onbekend)"),
        ("casus.yaml", "koop: 60", "koop: zestig",
         "kenmerken.eigendom.koop: ongeldige waarde 'zestig' (toegestaan: een getal of onbekend)"),
        ("casus.yaml", "bereik: [90, 110]", "bereik: [90, 100, 110]",
         "kenmerken.woningen.bereik: te veel: 3 (hooguit 2)"),
        ("casus.yaml", "fictief: true", "fictief: misschien",
         "fictief: moet ja of nee zijn, niet 'misschien' (true of false)"),
    ],
)  # fmt: skip
def test_messages_name_the_exact_field_in_plain_dutch(
    tmp_path: Path, bestand: str, oud: str, nieuw: str, regel: str
) -> None:
    casus, problemen = read_case(_broken(tmp_path, bestand, oud, nieuw))
    regels = [str(p) for p in problemen]
    assert casus is None and any(r.endswith(regel) for r in regels), regels
    for jargon in ("constrained", "literal[", "Input should", "Tuple should", "validation"):
        assert not any(jargon in r for r in regels), regels


def test_every_problem_in_one_pass_sorted_by_file_and_line(tmp_path: Path) -> None:
    oud = "b2,6,tegenvoorbeeld,zwak,Rollen bleven vaag.,Roles stayed vague.,t2,"
    nieuw = "b1,6,tegenvoorbeeld,zwak,Rollen bleven vaag.,Roles stayed vague.,t9,\nb3,6,misschien,zwak,X,X,t1,"
    map_ = _broken(tmp_path, "bewijs.csv", oud, nieuw)
    casus, problemen = read_case(map_)
    velden = [(Path(p.file).name, p.field) for p in problemen if not p.warning]
    # a format error (row 4), a duplicate id and an unknown source (row 3): all reported together
    assert ("bewijs.csv", "regel 3: id") in velden and ("bewijs.csv", "regel 3: bronnen") in velden
    assert ("bewijs.csv", "regel 4: soort") in velden
    assert [p.sort_key() for p in problemen] == sorted(p.sort_key() for p in problemen)


def _with_actions(map_: Path, acties: dict[str, str]) -> None:
    """Fill the column acties of the fixture's bewijs.csv with these ids per claim."""
    import csv
    import io

    rijen = list(csv.reader(io.StringIO((map_ / "bewijs.csv").read_text(encoding="utf-8"))))
    kolom = rijen[0].index("acties")
    rijen = [rijen[0]] + [[*r[:kolom], acties.get(r[0], ""), *r[kolom + 1 :]] for r in rijen[1:]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rijen)
    (map_ / "bewijs.csv").write_text(buffer.getvalue(), encoding="utf-8")


def test_an_unknown_action_in_the_evidence_names_the_closest(tmp_path: Path) -> None:
    map_ = _broken(tmp_path, "bewijs.csv", "b1,", "b1,")
    _with_actions(map_, {"b1": "L4-99"})
    casus, problemen = read_case(map_)
    assert casus is None
    assert any("regel 2: acties: onbekende actie 'L4-99' (bedoelt u: L4-" in str(p) for p in problemen), problemen


def test_a_source_nothing_cites_is_a_warning(tmp_path: Path) -> None:
    map_ = _broken(tmp_path, "bronnen.csv", "t2,Testbron twee", "t2,Testbron twee")
    (map_ / "bronnen.csv").write_text(
        (map_ / "bronnen.csv").read_text() + "t3,Ongebruikt,Testuitgever,2021,https://example.org/3\n"
    )
    casus, problemen = read_case(map_)
    assert casus is not None  # still valid
    assert [(p.field, p.warning) for p in problemen] == [("regel 4: id", True)]
    assert "bron 't3' wordt nergens genoemd" in str(problemen[0])
    res = run_cli("valideer", str(map_))
    assert res.returncode == 0 and "let op: " in res.stdout and "Alles is geldig." in res.stdout


def test_a_csv_saved_with_semicolons_is_read(tmp_path: Path) -> None:
    map_ = _broken(tmp_path, "bewijs.csv", "b1,", "b1,")
    rijen = (map_ / "bewijs.csv").read_text().splitlines()
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\n").writerows(csv.reader(io.StringIO("\n".join(rijen))))
    (map_ / "bewijs.csv").write_text(buffer.getvalue())  # as Dutch Excel saves it
    casus, problemen = read_case(map_)
    assert casus is not None and problemen == [] and list(casus.bewijs["id"]) == ["b1", "b2"]


def test_a_concept_case_stays_out_of_comparisons_and_checklists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from toolkit.domain.checklist import build
    from toolkit.domain.compare import select

    home = tmp_path / "home"
    for naam in ("lessons", "data", "cases"):
        shutil.copytree(ROOT / naam, home / naam)
    map_ = _broken(home / "cases", "casus.yaml", "fictief: true", "fictief: false\nstatus: concept")
    _with_actions(map_, {"b1": "L4-03"})
    monkeypatch.setenv("WARMTELESSEN_HOME", str(home))
    casus, problemen = read_case(map_)
    assert casus is not None and casus.concept and problemen[0].field == "status" and problemen[0].warning
    assert "mini-casus" not in [c.id for c in select(None, [4])[0]]  # not among "all cases"
    with pytest.raises(UserError, match="mini-casus is nog een concept"):
        select(["mini-casus"], [4])
    bewijs = [b for a in build({"gemeente": "Wageningen"})["acties"] for b in a["bewijs"]]
    assert not any(b["casus"] == "mini-casus" for b in bewijs)
    # once it is no longer a concept, its evidence reaches the action it names
    (map_ / "casus.yaml").write_text((map_ / "casus.yaml").read_text().replace("status: concept", "status: klaar"))
    bewijs = [b for a in build({"gemeente": "Wageningen"})["acties"] if a["id"] == "L4-03" for b in a["bewijs"]]
    assert [b["id"] for b in bewijs if b["casus"] == "mini-casus"] == ["b1"]
