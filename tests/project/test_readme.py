"""The README is for users, and its examples must work when pasted in order.

Every command in the README's ```sh blocks runs here, in the order a reader meets them, in a fresh
copy of the project's content (``WARMTELESSEN_HOME`` points at it, and the commands run in it, so
every output lands there). Each must exit 0.

- ``warmtelessen`` runs as the reader runs it after ``make demo``: ``.venv/bin/warmtelessen`` (the
  script next to this Python), or ``python -m toolkit`` when there is no such script.
- ``make`` targets are never run recursively. ``make demo``, ``make site`` and ``make app`` run the
  command their recipe in the Makefile runs (read from the Makefile, so the two cannot drift apart);
  the targets in ``SKIPPED`` are not run, for the reason given there. Any other target fails this
  test until it is added to one of the two.
- Commands that start a server (``SERVERS``: ``warmtelessen app``, ``warmtelessen workshop live``)
  are started on a free loopback port, as tests/test_app_browser.py starts them; once they print
  their address and how to stop them, they get Ctrl-C (SIGINT, by their process id) and must stop
  cleanly.
"""

from __future__ import annotations

import os
import queue
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
#: The project content a reader's commands read (copied; the package itself is installed).
CONTENT = ("lessons", "cases", "data", "docs", "notebooks", "profielen")
#: Make targets that run one ``warmtelessen`` command: the test runs that command (from the Makefile).
MAKE_TARGETS = ("demo", "site", "app")
#: Make targets the README names that this test does not run, and why.
SKIPPED = {
    "test": "runs the whole test suite, this test included (recursion); CI runs it anyway",
}
#: Commands that start a web server and run until Ctrl-C.
SERVERS = (("app",), ("workshop", "live"))
#: Programs a README example may call besides ``warmtelessen`` and ``make``.
OTHER_PROGRAMS = {"cp"}
MAX_README_BYTES = 20_000


def readme() -> str:
    return README.read_text(encoding="utf-8")


def sh_commands(tekst: str) -> list[list[str]]:
    """The commands of every ```sh block, in order, split as the shell splits them (comments off)."""
    opdrachten = []
    for blok in re.findall(r"^```sh\n(.*?)^```", tekst, re.MULTILINE | re.DOTALL):
        for regel in blok.replace("\\\n", " ").splitlines():
            woorden = shlex.split(regel, comments=True)
            if woorden:
                opdrachten.append(woorden)
    return opdrachten


def make_recipe(doel: str) -> list[str]:
    """The one command a Makefile target runs, with the Makefile's variables filled in as a reader
    in the project folder gets them (``$(BIN)/warmtelessen`` → ``warmtelessen``, ``$(OUT)`` →
    ``output``)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    gevonden = re.search(rf"^{re.escape(doel)}:[^\n]*\n((?:\t[^\n]*\n)+)", makefile, re.MULTILINE)
    assert gevonden, f"Makefile: geen doel {doel!r}"
    regels = [r.strip() for r in gevonden.group(1).splitlines()]
    assert len(regels) == 1, f"make {doel} runs more than one command; map each in this test: {regels}"
    regel = regels[0].replace("$(BIN)/", "").replace("$(OUT)", "output")
    assert "$(" not in regel, f"make {doel}: unknown Makefile variable in {regel!r}"
    return shlex.split(regel)


def warmtelessen() -> list[str]:
    script = Path(sys.executable).parent / "warmtelessen"
    return [str(script)] if script.exists() else [sys.executable, "-m", "toolkit"]


def _tail(tekst: str | None, regels: int = 15) -> str:
    return "\n".join((tekst or "").splitlines()[-regels:])


def run_server(args: list[str], cwd: Path, env: dict[str, str]) -> None:
    """Start a server on a free loopback port, wait until it prints its address and how to stop it,
    then stop it with Ctrl-C (by its process id) and check that it stopped cleanly."""
    from toolkit.app.server import free_port

    if "--port" not in args:
        args = [*args, "--port", str(free_port())]
    proces = subprocess.Popen(
        args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    regels: list[str] = []
    gelezen: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [gelezen.put(r.rstrip("\n")) for r in proces.stdout or []], daemon=True).start()
    eind = time.monotonic() + 120
    try:
        while not (regels and regels[-1].startswith(("Stoppen", "To stop"))):
            assert time.monotonic() < eind, f"{args}: no address within 120 s: {regels}"
            try:
                regels.append(gelezen.get(timeout=1))
            except queue.Empty:
                if proces.poll() is not None:
                    fout = proces.stderr.read() if proces.stderr else ""
                    raise AssertionError(f"{args} stopped (exit {proces.returncode}):\n{_tail(fout)}") from None
        assert any("http://127.0.0.1:" in r for r in regels), regels
    finally:
        if proces.poll() is None:
            os.kill(proces.pid, signal.SIGINT)
            try:
                proces.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proces.pid, signal.SIGKILL)  # the group this test started, nothing else
                proces.wait(timeout=30)
    assert proces.returncode == 0, f"{args}: exit {proces.returncode} after Ctrl-C"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the content, as a reader's project folder."""
    for naam in CONTENT:
        shutil.copytree(ROOT / naam, tmp_path / naam)
    return tmp_path


def test_every_command_in_the_readme_runs_in_order(project: Path) -> None:
    env = {**os.environ, "WARMTELESSEN_HOME": str(project)}
    opdrachten = sh_commands(readme())
    assert ["make", "demo"] in opdrachten and ["warmtelessen", "--help"] in opdrachten
    gedraaid = 0
    for woorden in opdrachten:
        tekst = shlex.join(woorden)
        if woorden[0] == "make":
            assert len(woorden) == 2, tekst
            if woorden[1] in SKIPPED:
                continue
            assert woorden[1] in MAKE_TARGETS, f"{tekst}: add the target to MAKE_TARGETS or SKIPPED"
            woorden = make_recipe(woorden[1])
        if woorden[0] == "warmtelessen":
            args = [*warmtelessen(), *woorden[1:]]
            if tuple(woorden[1 : 1 + 2]) in SERVERS or tuple(woorden[1:2]) in SERVERS:
                run_server(args, project, env)
                gedraaid += 1
                continue
        else:
            assert woorden[0] in OTHER_PROGRAMS, f"{tekst}: a program this test does not know"
            args = woorden
        klaar = subprocess.run(args, cwd=project, env=env, capture_output=True, text=True, timeout=300)
        assert klaar.returncode == 0, f"{tekst}: exit {klaar.returncode}\n{_tail(klaar.stdout)}\n{_tail(klaar.stderr)}"
        gedraaid += 1
    assert gedraaid >= 10


def test_the_readme_is_short_and_says_how_to_reach_the_command() -> None:
    tekst = readme()
    assert len(tekst.encode("utf-8")) < MAX_README_BYTES
    kop = tekst[: tekst.index("\n## ", tekst.index("## Zo begint u") + 1)]
    assert "make demo" in kop and "make test" in kop and "Python 3.11" in kop and "make" in kop
    # The first time the command is named, the reader learns where it is.
    eerste = re.search(r"\bwarmtelessen\b", tekst)
    assert eerste
    alinea = tekst[tekst.rfind("\n\n", 0, eerste.start()) : tekst.find("\n\n", eerste.start())]
    assert ".venv/bin/warmtelessen" in alinea and "source .venv/bin/activate" in alinea


def test_every_guide_the_readme_names_exists_in_both_languages() -> None:
    genoemd = set(re.findall(r"docs/nl/([\w-]+)\.md", readme()))
    assert len(genoemd) >= 5
    for naam in genoemd:
        assert (ROOT / "docs" / "nl" / f"{naam}.md").is_file(), naam
        assert (ROOT / "docs" / "en" / f"{naam}.md").is_file(), naam
    namen = {taal: {p.name for p in (ROOT / "docs" / taal).glob("*.md")} for taal in ("nl", "en")}
    assert namen["nl"] == namen["en"]
    for naam in ("CONTRIBUTING.md", "CHANGELOG.md"):
        assert naam in readme() and (ROOT / naam).is_file(), naam


def test_the_skipped_and_mapped_make_targets_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for doel in (*MAKE_TARGETS, *SKIPPED):
        assert re.search(rf"^{doel}:", makefile, re.MULTILINE), doel
    for doel in MAKE_TARGETS:
        assert make_recipe(doel)[0] == "warmtelessen", doel
