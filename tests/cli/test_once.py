"""One command, one reading: ``warmtelessen checklist`` checks the profile once and builds the
checklist once; the content behind it is read once per content version."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import toolkit.cli.reports as cli_reports
import toolkit.domain.checklist as checklist_module
import toolkit.reports.registry as registry
from toolkit.cli import main
from toolkit.content import kennisbank
from toolkit.content.profile import parse_profile


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often the profile is checked and the checklist is built."""
    telling = {"profiel": 0, "checklist": 0}

    def parse(*args: Any, **kwargs: Any) -> Any:
        telling["profiel"] += 1
        return parse_profile(*args, **kwargs)

    bouw = checklist_module.build

    def build(*args: Any, **kwargs: Any) -> Any:
        telling["checklist"] += 1
        return bouw(*args, **kwargs)

    monkeypatch.setattr(cli_reports, "parse_profile", parse)
    monkeypatch.setattr(checklist_module, "parse_profile", parse)
    monkeypatch.setattr(registry, "build_checklist", build)
    return telling


def test_checklist_command_checks_the_profile_once_and_builds_once(counted: dict[str, int], tmp_path: Path) -> None:
    code = main(["checklist", "--gemeente", "Zwolle", "--wijk", "Wijk 30 Holtenbroek", "--out", str(tmp_path),
                 "--formats", "json,md,html,docx,xlsx"])  # fmt: skip
    assert code == 0
    assert [p.name for p in tmp_path.glob("zwolle-*/checklist.json")] == ["checklist.json"]
    assert counted == {"profiel": 1, "checklist": 1}


def test_checklist_explained_checks_once_and_builds_once(
    counted: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["checklist", "--gemeente", "Zwolle", "--uitleg"]) == 0
    assert "L4-01" in capsys.readouterr().out
    assert counted == {"profiel": 1, "checklist": 1}


def test_content_is_read_once_per_version(tmp_path: Path) -> None:
    """A second call costs nothing; a changed content file gives a fresh knowledge base."""
    import shutil

    for naam in ("lessons", "cases"):
        shutil.copytree(Path(__file__).resolve().parents[2] / naam, tmp_path / naam)
    eerst = kennisbank(tmp_path)
    assert kennisbank(tmp_path) is eerst
    les = next((tmp_path / "lessons").glob("04-*.nl.md"))
    les.write_text(les.read_text(encoding="utf-8").replace("\n## ", "\nEen zin erbij.\n\n## ", 1), encoding="utf-8")
    opnieuw = kennisbank(tmp_path)
    assert opnieuw is not eerst and opnieuw.stempel != eerst.stempel
    assert opnieuw.claims_by_action and opnieuw.actions_by_lesson[4]
