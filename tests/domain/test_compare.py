"""Cross-case comparison: the tables match the case data; a new case appears; the report renders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import FIXTURES, ROOT, assert_one_line_error, parse, run_cli
from toolkit.content.cases import load_cases
from toolkit.content.vocab_cases import ACTORTYPES, TREDEN
from toolkit.domain.compare import GEWICHT, TABELNAMEN, select, tables
from toolkit.reports.registry import produce


def test_tables_match_the_case_data() -> None:
    casussen = load_cases()
    t = tables(casussen, list(range(1, 8)))
    for c in casussen:
        assert t["instrumenten_per_trede"].loc[c.id].sum() == len(c.instrumenten)
        assert t["actortypen"].loc[c.id].sum() == len(c.actoren)
        assert (t["tijdlijnen"]["casus"] == c.id).sum() == len(c.tijdlijn)
        assert t["bewijs_telling"].query("casus == @c.id")["aantal"].sum() == len(c.bewijs)
        for les in range(1, 8):
            rijen = c.bewijs[c.bewijs["les"] == les]
            verwacht = sum(GEWICHT[r.sterkte] * (1 if r.soort == "illustreert" else -1) for r in rijen.itertuples())
            assert t["bewijsmatrix"].loc[les, c.id] == verwacht
        assert (t["open_vragen"]["casus"] == c.id).sum() == len(c.beschrijving.open_vragen)
    assert list(t["instrumenten_per_trede"].columns) == list(TREDEN)
    assert list(t["actortypen"].columns) == list(ACTORTYPES)
    tl = t["tijdlijnen"]
    assert (tl.groupby("casus")["jaren_sinds_start"].min() == 0).all()
    assert set(t["rol_en_status"]["gemeentelijke_rol"]) <= {"sturend", "netwerkend", "onbekend"}


def test_selection_and_unknown_ids() -> None:
    casussen, lessen = select(["nijmegen-hengstdal"], [4, 1])
    assert [c.id for c in casussen] == ["nijmegen-hengstdal"] and lessen == [1, 4]
    assert list(tables(casussen, lessen)["bewijsmatrix"].index) == [1, 4]
    from toolkit.base.errors import UserError

    with pytest.raises(UserError, match="--casussen: onbekende casus 'utrecht'.*wageningen-benedenbuurt"):
        select(["utrecht"], None)


def test_csv_and_xlsx_hold_the_tables(tmp_path: Path) -> None:
    t = tables(load_cases(), list(range(1, 8)))
    alle = {"met_fictief": True}  # the same cases as load_cases(): the fictional one too
    geschreven = produce("vergelijking", alle, tmp_path, ["csv", "xlsx"], "inproces", subfolder=False).files
    assert {p.name for p in geschreven} == {f"{n}.csv" for n in t} | {"vergelijking.xlsx"}
    matrix = pd.read_csv(tmp_path / "bewijsmatrix.csv", index_col="les")
    assert matrix.equals(t["bewijsmatrix"].astype("int64"))
    assert set(pd.ExcelFile(tmp_path / "vergelijking.xlsx").sheet_names) == set(t)


def test_a_new_case_appears_without_code_changes(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(ROOT / "lessons", home / "lessons")
    shutil.copytree(ROOT / "cases", home / "cases")
    shutil.copytree(ROOT / "data", home / "data")
    shutil.copytree(ROOT / "notebooks", home / "notebooks")
    shutil.copytree(FIXTURES / "casussen/geldig/mini-casus", home / "cases/mini-casus")
    res = run_cli("vergelijk", "--met-fictief", "--out", str(tmp_path / "out"), home=home)  # mini-casus is fictional
    assert res.returncode == 0, res.stderr
    map_ = tmp_path / "out/vergelijking"
    matrix = pd.read_csv(map_ / "bewijsmatrix.csv", index_col="les")
    assert "mini-casus" in matrix.columns and matrix.loc[4, "mini-casus"] == 3 and matrix.loc[6, "mini-casus"] == -1
    html = (map_ / "vergelijking.nl.html").read_text()
    p = parse(html)
    assert p.laden == [] and p.scripts == 0
    assert "Minidorp, Testwijk" in html
    assert html.count('src="data:image/svg+xml;base64,') == 5  # heatmap, 2 timelines, 2 bar charts
    assert sorted(x.name for x in map_.iterdir()) == sorted(
        [f"{n}.csv" for n in TABELNAMEN]
        + ["vergelijking.nl.html", "vergelijking.nl.ipynb", "vergelijking.xlsx", "vergelijking.ods"]
        + [f"vergelijking.nl.{f}" for f in ("docx", "odt", "pdf")]
    )


def test_cli_bad_ids(tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("vergelijk", "--casussen", "utrecht", "--out", str(tmp_path)), "onbekende casus 'utrecht'"
    )
    assert_one_line_error(run_cli("vergelijk", "--lessen", "1,9", "--out", str(tmp_path)), "onbekend lesnummer '9'")
    assert not any(tmp_path.iterdir())
