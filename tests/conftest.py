"""Shared fixtures and helpers. The tests are in one folder per package of the toolkit
(``tests/<package>/``; ``tests/project/`` for the repository as a whole); they share one small set
of fixture files under ``tests/fixtures`` and import ``ROOT``, ``FIXTURES`` and the helpers from here."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Private persons named in the public sources; the lessons name roles and organisations instead.
PRIVEPERSONEN = [
    "Lelieveld",
    "Meelker",
    "Geerts",
    "Fortuin",
    "Dinnissen",
    "de Bruijn",
    "van de Meer",
    "Niki Jansen",
    "Anne Janssen",
    "Eleveld",
    "Barnard",
    "Schalkx",
    "den Hoedt",
    "Merel Ooms",
    "Heeger",
    "Buitelaar",
    "van den Berg",
    "Kastje",
    "Fraanje",
]


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


class _Externals(HTMLParser):
    """Collects every reference that would make a browser load something."""

    def __init__(self) -> None:
        super().__init__()
        self.laden: list[str] = []
        self.scripts = 0
        self.tekst: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for sleutel in ("src", "srcset", "data", "poster"):
            if a.get(sleutel) and not str(a[sleutel]).startswith("data:"):
                self.laden.append(f"{tag} {sleutel}={a[sleutel]}")
        if tag == "link" and a.get("href"):
            self.laden.append(f"link href={a['href']}")

    def handle_data(self, data: str) -> None:
        self.tekst.append(data)


def parse(html: str) -> _Externals:
    """What an HTML report would make a browser load (``laden``, ``scripts``), and its text."""
    p = _Externals()
    p.feed(html)
    return p


#: Debian's Chromium (Playwright's own browser download is not reachable); `.ci/run` and
#: `make test` install it when it is missing.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip


@pytest.fixture
def browser() -> Iterator[Any]:
    """A real browser (headless Chromium driven by Playwright). Browser tests never skip: without
    Chromium they fail and say how to install it. Started per test: Playwright's event loop must not
    outlive the test, or a later papermill run in the same worker waits for it."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium ontbreekt: apt-get install chromium (make test doet dat als root)"
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _built_once(tmp_path_factory: pytest.TempPathFactory, naam: str, bouw: Callable[[Path], None]) -> Path:
    """``bouw(map)`` once per test run, shared by the pytest-xdist workers (the first builds, the
    others wait for it on a lock), in the run's own temporary folder."""
    basis = tmp_path_factory.getbasetemp()
    gedeeld = basis.parent if os.environ.get("PYTEST_XDIST_WORKER") else basis
    map_ = gedeeld / naam
    with open(gedeeld / f"{naam}.lock", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not (map_ / "klaar").exists():
            shutil.rmtree(map_, ignore_errors=True)
            map_.mkdir()
            bouw(map_)
            (map_ / "klaar").touch()
    return map_


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the project's own content, built as a user builds it."""

    def bouw(map_: Path) -> None:
        res = run_cli("site", "--out", str(map_ / "site"))
        assert res.returncode == 0, res.stderr
        assert res.stdout.startswith("Site: ") and "(nl, en; " in res.stdout

    return _built_once(tmp_path_factory, "kennisbank", bouw) / "site"
