"""Nothing internal leaks into a report (issue 20): a notebook's last expression once printed the
whole ``Case(...)`` object, with its field names and this machine's folder paths, at the end of every
case report. Every report kind is made the way a user makes it (through its notebook, under
papermill, where there is one), and every file it writes is scanned."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, run_cli
from toolkit.reports.registry import produce

from .test_reports import CSV

#: What a leak looks like: a Python object's repr, a path object, a memory address, a traceback.
LEKKEN = re.compile(
    r"\b(?:Case|Les|LessonReport|CaseReport|Checklist|Vergelijking|OogstRapport|WorkshopKit|Kennisbank|Profiel|"
    r"Context|Claim|Actie|Regeling|Gebied)\((?:[a-z_]+=)"
    r"|\b(?:Posix|Windows)Path\(|\bobject at 0x[0-9a-f]+|Traceback \(most recent call last\)"
)


def _texts(pad: Path) -> str:
    """The text a reader can see in a file (office files: their XML parts; PDF: pdftotext)."""
    if pad.suffix in {".docx", ".odt", ".xlsx", ".ods"}:
        with zipfile.ZipFile(pad) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    if pad.suffix == ".pdf":
        return subprocess.run(["pdftotext", str(pad), "-"], capture_output=True, text=True, check=True).stdout
    if pad.suffix in {".png", ".svg"}:
        return ""
    if pad.suffix == ".ipynb":  # the parameters the user gave (their own input paths) are theirs to keep
        nb = json.loads(pad.read_text(encoding="utf-8"))
        nb["metadata"].get("papermill", {}).pop("parameters", None)
        nb["cells"] = [c for c in nb["cells"] if "injected-parameters" not in c["metadata"].get("tags", [])]
        return json.dumps(nb, ensure_ascii=False)
    return pad.read_text(encoding="utf-8", errors="replace")


def _params(kind: str, tmp_path: Path) -> dict[str, Any]:
    if kind == "oogst":
        antwoorden = tmp_path / "antwoorden"
        antwoorden.mkdir()
        (antwoorden / "papier.csv").write_text(CSV, encoding="utf-8")
        return {"antwoorden": str(antwoorden)}
    if kind == "logboek":
        db = tmp_path / "l.sqlite"
        assert run_cli("logboek", "--db", str(db), "toevoegen", "partij", "--naam", "Wijkraad").returncode == 0
        return {"db": str(db), "peildatum": "2026-06-01"}
    return {
        "les": {"les": 4},
        "casus": {"casus": "wageningen-benedenbuurt"},
        "checklist": {"profiel": {"gemeente": "Wageningen"}},
        "vergelijking": {"lessen": [1, 4]},
        "workshop-kit": {"lessen": [4], "minuten": 60},
        "casussen-export": {},
    }[kind]


@pytest.mark.parametrize(
    "kind", ["les", "casus", "checklist", "vergelijking", "oogst", "logboek", "workshop-kit", "casussen-export"]
)
def test_no_report_shows_object_reprs_or_local_paths(kind: str, tmp_path: Path) -> None:
    engine = "inproces" if kind in {"workshop-kit", "casussen-export"} else "papermill"  # no notebook of their own
    gemaakt = produce(kind, _params(kind, tmp_path), tmp_path / "uit", None, engine=engine)
    assert gemaakt.files
    for pad in gemaakt.files:
        tekst = _texts(pad)
        gevonden = LEKKEN.search(tekst)
        assert gevonden is None, f"{pad.name}: {tekst[max(0, gevonden.start() - 80) : gevonden.end() + 80]!r}"
        for map_ in {str(ROOT), str(tmp_path)}:  # this machine's folders
            assert map_ not in tekst, f"{pad.name} noemt {map_}"
