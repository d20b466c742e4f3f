"""Shared fixtures. Papermill tests share one small set of fixture files under tests/fixtures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def run_cli(*args: str, cwd: Path | None = None, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m toolkit`` as a user would, in a separate process.

    ``home`` points the toolkit at another content folder (``WARMTELESSEN_HOME``)."""
    env = {**os.environ, "WARMTELESSEN_HOME": str(home)} if home else None
    return subprocess.run(
        [sys.executable, "-m", "toolkit", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=300,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """A user error: non-zero exit, no traceback, one line on stderr naming what is wrong."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    regels = [r for r in result.stderr.splitlines() if r.strip()]
    assert len(regels) == 1, result.stderr
    for fragment in fragments:
        assert fragment in regels[0], regels[0]
