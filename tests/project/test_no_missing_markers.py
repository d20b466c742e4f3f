"""No output ever shows a missing value as ``nan``, ``NaT``, ``None`` or ``<NA>``: every shipped case,
every lesson, the comparison and checklists, in both languages, in every format."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from toolkit.content.catalog import case_ids, lesson_numbers
from toolkit.reports.registry import produce

# pandas' and Python's words for "missing"; "None" only where it is not English prose ("None of …").
FOUT = re.compile(r"(?<![A-Za-z])(nan|NaN|NaT)(?![A-Za-z])|<NA>|&lt;NA&gt;|\bNone\b(?! [a-z])")


def _texts(pad: Path) -> Iterator[str]:
    if pad.suffix == ".json":
        yield from _strings(json.loads(pad.read_text(encoding="utf-8")))
    elif pad.suffix in {".html", ".md", ".csv"}:
        yield pad.read_text(encoding="utf-8")
    elif pad.suffix == ".docx":
        from docx import Document

        doc = Document(str(pad))
        yield from (p.text for p in doc.paragraphs)
        yield from (c.text for tabel in doc.tables for rij in tabel.rows for c in rij.cells)
    elif pad.suffix == ".xlsx":
        from openpyxl import load_workbook

        boek = load_workbook(pad)
        yield from (
            str(c.value) for blad in boek.worksheets for rij in blad.iter_rows() for c in rij if c.value is not None
        )


def _strings(waarde: object) -> Iterator[str]:
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for v in waarde.values():
            yield from _strings(v)
    elif isinstance(waarde, list):
        for v in waarde:
            yield from _strings(v)


@pytest.mark.parametrize("taal", ["nl", "en"])
def test_no_output_shows_a_missing_value_as_code(taal: str, tmp_path: Path) -> None:
    bestanden: list[Path] = []
    for casus in case_ids():
        bestanden += produce("casus", {"casus": casus, "taal": taal}, tmp_path, engine="inproces").files
    for les in lesson_numbers():
        bestanden += produce("les", {"les": les, "taal": taal}, tmp_path, ["html", "md", "json"], "inproces").files
    bestanden += produce("vergelijking", {"taal": taal, "met_fictief": True}, tmp_path, engine="inproces").files
    for profiel in ({"gemeente": "Wageningen", "wijk": "WK028907"}, {"gemeente": "Voorbeeldstad"}):
        bestanden += produce("checklist", {"profiel": profiel, "taal": taal}, tmp_path, engine="inproces").files
    assert {p.suffix for p in bestanden} >= {".html", ".md", ".json", ".csv", ".docx", ".xlsx"}
    gevonden = [
        f"{pad.relative_to(tmp_path)}: …{tekst[max(0, m.start() - 40) : m.end() + 10]}…"
        for pad in bestanden
        for tekst in _texts(pad)
        for m in FOUT.finditer(tekst)
    ]
    assert gevonden == []
