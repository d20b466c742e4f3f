"""The case notebook under papermill: every case, both languages, a self-contained report."""

from __future__ import annotations

from pathlib import Path

import pytest

import toolkit
from tests.conftest import FIXTURES, ROOT, assert_one_line_error, parse, run_cli
from toolkit.content.catalog import case_ids
from toolkit.reports.engine import notebook_path, run_notebook

CASUSSEN = case_ids()  # whatever is shipped: a case added under cases/ is tested too


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("casus_id", CASUSSEN)
def test_case_report_under_papermill(casus_id: str, taal: str, tmp_path: Path) -> None:
    casus = toolkit.load_case(casus_id)
    res = run_notebook(
        notebook_path("case"),
        {"casus": casus_id, "taal": taal},
        tmp_path,
        f"casus-{casus_id}.{taal}",
    )
    html = res.html.read_text(encoding="utf-8")
    p = parse(html)
    assert p.laden == [] and p.scripts == 0  # self-contained
    assert casus.naam in " ".join(p.tekst)
    # the timeline chart and the two bar charts, embedded as images
    assert html.count('src="data:image/svg+xml;base64,') == 3
    assert 'class="grafiek tijdlijn-grafiek"' in html
    # the evidence table, with a link to each lesson's report
    assert 'class="bewijs"' in html
    for les in toolkit.load_lessons(taal):
        assert f'href="../les-{les.nummer}-{les.slug}/les-{les.nummer}-{les.slug}.{taal}.html"' in html
    for rij in casus.bewijs.itertuples():
        assert f'id="bewijs-{rij.id}"' in html
    # every source, numbered, with its URL
    for url in casus.bronnen["url"]:
        assert f'href="{url.replace("&", "&amp;")}"' in html
    assert "@page" in html


def test_case_text_with_html_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit.domain import case_report
    from toolkit.render.case import case_page

    casus = toolkit.load_case("mini-casus", FIXTURES / "casussen/geldig")
    html = case_page(case_report(casus, "nl"), "nl")
    assert "<b>met</b>" not in html and "&lt;b&gt;met&lt;/b&gt;" in html


def test_cli_casus_writes_report_and_lists_cases(tmp_path: Path) -> None:
    lijst = run_cli("casussen")
    assert lijst.returncode == 0, lijst.stderr
    assert [r.split(":")[0] for r in lijst.stdout.splitlines()] == sorted(CASUSSEN)
    res = run_cli("casus", "haarlem-ramplaankwartier", "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    map_ = tmp_path / "casus-haarlem-ramplaankwartier"
    assert sorted(f.name for f in map_.iterdir()) == sorted(
        f"casus-haarlem-ramplaankwartier.nl.{f}" for f in ("html", "ipynb", "docx", "odt", "pdf")
    )


def test_cli_unknown_case(tmp_path: Path) -> None:
    res = run_cli("casus", "amsterdam", "--out", str(tmp_path))
    assert_one_line_error(res, "onbekende casus 'amsterdam'", "voorbeeldstad")
    assert not any(tmp_path.iterdir())


def test_cli_refuses_to_render_an_invalid_case(tmp_path: Path) -> None:
    import shutil

    home = tmp_path / "home"
    shutil.copytree(ROOT / "lessons", home / "lessons")
    shutil.copytree(FIXTURES / "casussen/kapot/onbekende-bron", home / "cases")
    res = run_cli("casus", "mini-casus", "--out", str(tmp_path / "out"), home=home)
    assert res.returncode == 1
    assert "bewijs.csv: regel 3: bronnen: onbekende bron 't9'" in res.stderr
    assert "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists()


def test_cli_casus_nieuw(tmp_path: Path) -> None:
    import shutil

    home = tmp_path / "home"
    shutil.copytree(ROOT / "lessons", home / "lessons")
    (home / "cases").mkdir()
    res = run_cli("casus", "nieuw", "utrecht-overvecht", home=home)
    assert res.returncode == 0, res.stderr
    assert (home / "cases/utrecht-overvecht/casus.yaml").is_file()
    check = run_cli("valideer", str(home / "cases/utrecht-overvecht"), home=home)
    assert check.returncode == 0 and "Alles is geldig." in check.stdout
    opnieuw = run_cli("casus", "nieuw", "utrecht-overvecht", home=home)
    assert_one_line_error(opnieuw, "casus bestaat al")
