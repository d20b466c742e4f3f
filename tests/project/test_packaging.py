"""The package as others install it: a wheel holds every subpackage, template and text, and works
in a fresh environment (``pip install .``, a Docker image, a wheel on a municipal laptop)."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

from tests.conftest import ROOT

CHECK = r"""
import importlib, os, pkgutil, sys
from pathlib import Path
import toolkit
assert Path(toolkit.__file__).resolve().is_relative_to(Path(sys.prefix).resolve()), toolkit.__file__
namen = [m.name for m in pkgutil.walk_packages(toolkit.__path__, "toolkit.")]
for naam in namen:
    importlib.import_module(naam)
from toolkit.reports.registry import produce
gemaakt = produce("les", {"les": 4}, Path(sys.argv[1]), ["html", "md"], "inproces")
html = gemaakt.files[0].read_text(encoding="utf-8")
assert "@page" in html and "Werk samen met bestaande groepen" in html
print(len(namen), "modules")
"""


def test_a_wheel_is_complete_and_works_in_a_fresh_environment(tmp_path: Path) -> None:
    # built from a copy of what a source distribution holds (the build leaves nothing in the repository)
    bron = tmp_path / "bron"
    shutil.copytree(ROOT / "toolkit", bron / "toolkit", ignore=shutil.ignore_patterns("__pycache__"))
    for naam in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / naam, bron / naam)
    wielen = tmp_path / "wielen"
    opdracht = ["-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet", "-w", str(wielen), str(bron)]
    bouw = subprocess.run([sys.executable, *opdracht], capture_output=True, text=True, cwd=tmp_path)
    assert bouw.returncode == 0, bouw.stderr
    (wiel,) = wielen.glob("warmtelessen-*.whl")
    inhoud = set(zipfile.ZipFile(wiel).namelist())
    bronnen = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "toolkit").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert bronnen - inhoud == set()  # every module, template, translation and skeleton file
    # a fresh environment with only the wheel installed; the dependencies come from this one
    omgeving = tmp_path / "venv"
    venv.create(omgeving, with_pip=True)
    python = omgeving / "bin" / "python"
    installeer = subprocess.run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wiel)],
                                capture_output=True, text=True)  # fmt: skip
    assert installeer.returncode == 0, installeer.stderr
    site_packages = next((omgeving / "lib").glob("python3*/site-packages"))
    (site_packages / "afhankelijkheden.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    env = {**os.environ, "WARMTELESSEN_HOME": str(ROOT)}
    res = subprocess.run([python, "-c", CHECK, str(tmp_path / "uit")], capture_output=True, text=True,
                         cwd=tmp_path, env=env)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert int(res.stdout.split()[0]) >= 50
