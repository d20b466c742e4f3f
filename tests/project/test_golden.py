"""Golden files: what a reader gets, kept in ``tests/golden/`` so that a change to the content or a
renderer shows as a readable diff in review. One checklist (Markdown and JSON, built in-process for
a real profile), one site page and one workshop harvest page, in Dutch and English.

A mismatch fails with the unified diff. When the change is intended, write the new golden files and
commit them with the change::

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/project/test_golden.py
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from toolkit.content import read_profile
from toolkit.reports import produce
from toolkit.site.pages import site_pages

GOLDEN = ROOT / "tests/golden"
PROFIEL = ROOT / "profielen/wageningen-benedenbuurt.yaml"
PEILDATUM = "2026-01-15"  # pinned: the checklist's progress summary would otherwise say today
ANTWOORDEN = FIXTURES / "antwoorden"
SITE_PAGINA = "lessen/les-4.md"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
COMMANDO = "UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/project/test_golden.py"
TALEN = ("nl", "en")

_TIJDSTIP = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_GRAFIEK = re.compile(r"data:image/([a-z+]+);base64,[A-Za-z0-9+/=]+")


_STIJL = re.compile(r"<style>.*?</style>", re.S)


def normalise(tekst: str, tmp: Path) -> str:
    """What may differ between two runs made from the same content: timestamps of generation, the
    temporary folder, and embedded charts (their bytes depend on the matplotlib version). Plain dates
    stay: they come from the content (a law's 'stand van zaken') or the pinned peildatum, and
    blanking today's date would break the day a content date is today."""
    tekst = tekst.replace(str(tmp), "<tmp>")
    tekst = _TIJDSTIP.sub("<tijdstip>", tekst)
    tekst = _STIJL.sub("<style><rapport.css></style>", tekst)  # the shared style sheet is not this report's
    return _GRAFIEK.sub(r"data:image/\1;base64,<grafiek>", tekst)


def _no_chart(*_: object) -> bytes:
    return b"<svg/>"  # the lesson page shows no chart; the case pages' charts are not compared here


@cache
def _site(taal: str) -> str:
    pagina = site_pages(taal, teken=_no_chart)[SITE_PAGINA]
    assert isinstance(pagina, str)
    return pagina


def checklist_md(taal: str, tmp: Path) -> str:
    return _checklist(taal, tmp, "md")


def checklist_json(taal: str, tmp: Path) -> str:
    return _checklist(taal, tmp, "json")


def _checklist(taal: str, tmp: Path, formaat: str) -> str:
    params = {"profiel": read_profile(PROFIEL), "taal": taal, "peildatum": PEILDATUM}
    res = produce("checklist", params, tmp, [formaat], engine="inproces", subfolder=False)
    (bestand,) = res.files
    return bestand.read_text(encoding="utf-8")


def site_page(taal: str, tmp: Path) -> str:
    return _site(taal)


def harvest_page(taal: str, tmp: Path) -> str:
    res = produce("oogst", {"antwoorden": str(ANTWOORDEN), "taal": taal}, tmp, ["html"], engine="inproces",
                  subfolder=False)  # fmt: skip
    (bestand,) = res.files
    return bestand.read_text(encoding="utf-8")


#: how each output is made, by the name of its golden file (``{taal}``: once per language)
MAKERS: dict[str, Callable[[str, Path], str]] = {
    f"checklist-{PROFIEL.stem}.{{taal}}.md": checklist_md,
    f"checklist-{PROFIEL.stem}.{{taal}}.json": checklist_json,
    "site-les-4.{taal}.md": site_page,
    "oogst.{taal}.html": harvest_page,
}
GEVALLEN = {naam.format(taal=taal): (maker, taal) for naam, maker in MAKERS.items() for taal in TALEN}


@pytest.mark.parametrize("bestand", list(GEVALLEN))
def test_output_matches_its_golden_file(bestand: str, tmp_path: Path) -> None:
    maker, taal = GEVALLEN[bestand]
    golden = GOLDEN / bestand
    nu = normalise(maker(taal, tmp_path), tmp_path)
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(nu, encoding="utf-8")
    assert golden.exists(), f"{golden.relative_to(ROOT)} ontbreekt; maak het met: {COMMANDO}"
    verwacht = golden.read_text(encoding="utf-8")
    if nu != verwacht:
        diff = difflib.unified_diff(
            verwacht.splitlines(keepends=True), nu.splitlines(keepends=True),
            fromfile=str(golden.relative_to(ROOT)), tofile="nu gemaakt", n=2,
        )  # fmt: skip
        regels = list(diff)
        getoond = "".join(regels[:300]) + (f"\n… en nog {len(regels) - 300} regels\n" if len(regels) > 300 else "")
        pytest.fail(
            f"{golden.relative_to(ROOT)} wijkt af van wat nu gemaakt wordt:\n{getoond}\n"
            f"Is de wijziging bedoeld? Schrijf de golden files opnieuw en commit ze mee: {COMMANDO}",
            pytrace=False,
        )


def test_every_golden_file_is_checked() -> None:
    """A golden file no case makes any more is a leftover: remove it (or make it again)."""
    aanwezig = {p.name for p in GOLDEN.iterdir() if p.is_file()}
    assert aanwezig <= set(GEVALLEN), f"golden files die niemand meer maakt: {sorted(aanwezig - set(GEVALLEN))}"
