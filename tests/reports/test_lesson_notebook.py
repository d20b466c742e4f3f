"""The lesson notebook under papermill: every lesson, both languages, a self-contained report."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import toolkit
from tests.conftest import FIXTURES, parse
from toolkit.base.errors import NotebookError, UserError
from toolkit.content.lessons import KOPJES
from toolkit.reports.engine import notebook_path, run_notebook


@pytest.mark.parametrize("taal", ["nl", "en"])
@pytest.mark.parametrize("nummer", range(1, 8))
def test_lesson_report_under_papermill(nummer: int, taal: str, tmp_path: Path) -> None:
    les = toolkit.load_lesson(nummer, taal)
    naam = f"les-{nummer}-{les.slug}"
    res = run_notebook(notebook_path("lesson"), {"les": nummer, "taal": taal}, tmp_path / naam, f"{naam}.{taal}")
    html = res.html.read_text(encoding="utf-8")
    p = parse(html)
    tekst = " ".join(p.tekst)
    assert les.titel in tekst
    for sectie in KOPJES:
        assert les.heading(sectie) in tekst
    # code hidden: the notebook's own source never shows up in the report
    assert "show_lesson" not in html and "from toolkit" not in tekst and 'show("les"' not in html
    # self-contained: nothing to load, no scripts
    assert p.laden == [] and p.scripts == 0
    assert "@page" in html and "A4" in html
    if les.casus:  # a lesson that mentions a case links to that case's report
        assert f'href="../casus-{les.casus}/casus-{les.casus}.{taal}.html"' in html
    # the executed notebook is kept, with its outputs and the parameters injected
    nb = json.loads(res.notebook.read_text(encoding="utf-8"))
    geinjecteerd = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert geinjecteerd and f"les = {nummer}" in "".join(geinjecteerd[0]["source"])
    assert any(c.get("outputs") for c in nb["cells"] if c["cell_type"] == "code")
    # nothing temporary left behind
    assert sorted(f.name for f in res.html.parent.iterdir()) == [
        f"{naam}.{taal}.html",
        f"{naam}.{taal}.ipynb",
    ]


def test_user_text_is_escaped_in_the_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lesson text with HTML in it shows the HTML as text."""
    home = tmp_path / "home"
    (home / "lessons").mkdir(parents=True)
    for bestand in (FIXTURES / "lessen/geldig").iterdir():
        (home / "lessons" / bestand.name).write_text(bestand.read_text())
    (home / "notebooks").mkdir()
    (home / "notebooks/lesson.ipynb").write_text(notebook_path("lesson").read_text())
    monkeypatch.setenv("WARMTELESSEN_HOME", str(home))
    res = run_notebook(home / "notebooks/lesson.ipynb", {"les": 1, "taal": "nl"}, tmp_path / "o", "les")
    html = res.html.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_failing_notebook_names_the_cell_and_keeps_partial_output(tmp_path: Path) -> None:
    with pytest.raises(NotebookError) as exc:
        run_notebook(FIXTURES / "notebooks/faalt.ipynb", {"deler": 0}, tmp_path, "faalt")
    melding = str(exc.value)
    assert "faalt.ipynb: cel 3 (uitkomst = 1 / deler) mislukt: ZeroDivisionError" in melding
    assert not (tmp_path / "faalt.ipynb").exists() and not (tmp_path / "faalt.html").exists()
    assert (tmp_path / "faalt.mislukt.ipynb").exists()
    assert [f.name for f in tmp_path.iterdir()] == ["faalt.mislukt.ipynb"]


def test_unknown_parameter_is_refused_before_running(tmp_path: Path) -> None:
    with pytest.raises(UserError, match=r"parameters: onbekend: lessen \(toegestaan: les, taal, uitvoer, formats\)"):
        run_notebook(notebook_path("lesson"), {"lessen": 4}, tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


def test_cli_les_writes_to_the_documented_folder(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    result = run_cli("les", "4", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    map_ = tmp_path / "les-4-werk-samen-met-bestaande-groepen"
    assert (map_ / "les-4-werk-samen-met-bestaande-groepen.en.html").is_file()
    assert (map_ / "les-4-werk-samen-met-bestaande-groepen.en.ipynb").is_file()
    assert re.search(r"Rapport: .*\.en\.html", result.stdout)
    assert result.stderr == ""  # a clean terminal: no kernel housekeeping on the screen


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_phase_tags_read_as_names_not_values(taal: str) -> None:
    """The lesson page (report and app) shows "Oriëntatiefase", not the file value ``orientatiefase``."""
    import re

    from toolkit.content import kennisbank
    from toolkit.domain import lesson_report
    from toolkit.render import render

    les = kennisbank().lesson(4, taal)
    html = str(render("les", "html", lesson_report(les), taal))
    tags = re.findall(r'class="tag"[^>]*>([^<]*)<', html)
    waarden = {w for vocab in ("tno", "nplw", "participatiecoalitie") for w in getattr(les.tags, vocab)}
    assert tags and not set(tags) & waarden and all(" " in t or t[0].isupper() for t in tags), tags
