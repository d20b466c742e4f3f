"""House rules of the repository: stripped notebooks, matching dependency lists, ruff clean."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml

from tests.conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert (ROOT / "notebooks/lesson.ipynb") in NOTEBOOKS


def test_committed_notebooks_have_no_outputs() -> None:
    for pad in NOTEBOOKS:
        nb = json.loads(pad.read_text(encoding="utf-8"))
        for cel in nb["cells"]:
            if cel["cell_type"] == "code":
                assert cel.get("outputs") == [], pad.name
                assert cel.get("execution_count") is None, pad.name


def test_notebooks_explain_themselves_and_their_parameters() -> None:
    for pad in NOTEBOOKS:
        nb = json.loads(pad.read_text(encoding="utf-8"))
        eerste = nb["cells"][0]
        assert eerste["cell_type"] == "markdown", pad.name
        assert "Parameters" in "".join(eerste["source"]), pad.name
        parameters = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
        assert len(parameters) == 1, pad.name
        for regel in "".join(parameters[0]["source"]).splitlines():
            if re.match(r"^\w+\s*(:[^=]+)?=", regel):
                assert "#" in regel, f"{pad.name}: parameter zonder uitleg: {regel}"


def test_papermill_reads_every_parameter() -> None:
    """A comment papermill cannot parse silently drops a parameter; every one must be found."""
    import papermill

    for pad in NOTEBOOKS:
        nb = json.loads(pad.read_text(encoding="utf-8"))
        cel = next(c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", []))
        namen = [m.group(1) for m in re.finditer(r"^(\w+)\s*=", "".join(cel["source"]), re.MULTILINE)]
        assert list(papermill.inspect_notebook(str(pad))) == namen, pad.name


def test_notebooks_are_thin() -> None:
    """Logic lives in toolkit/: no function or class definitions in notebooks."""
    for pad in NOTEBOOKS:
        nb = json.loads(pad.read_text(encoding="utf-8"))
        for cel in nb["cells"]:
            if cel["cell_type"] == "code":
                bron = "".join(cel["source"])
                assert not re.search(r"^\s*(def|class)\s", bron, re.MULTILINE), pad.name


def _naam(spec: str) -> str:
    return re.split(r"[<>=!~\[ ;]", spec, maxsplit=1)[0].strip().lower()


def test_environment_yml_names_the_same_dependencies_as_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pip_deps = {_naam(d) for d in project["dependencies"]}
    pip_deps |= {_naam(d) for d in project["optional-dependencies"]["test"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {_naam(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    via_pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda |= {_naam(d) for d in via_pip if not d.startswith("-e")}
    assert conda == pip_deps


def test_every_dependency_is_pinned_in_constraints() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = {_naam(r).replace("_", "-") for r in (ROOT / "constraints.txt").read_text().splitlines() if "==" in r}
    for dep in project["dependencies"] + project["optional-dependencies"]["test"]:
        assert _naam(dep).replace("_", "-") in pins, dep


def test_ruff_passes() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    check = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    fmt = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert fmt.returncode == 0, fmt.stdout


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci/run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make test" in readme and "make demo" in readme


def test_the_reference_guide_documents_every_profile_field() -> None:
    """The profile's fields are declared once (the model); the reference guide's table, in both
    languages, must follow it."""
    from toolkit.content.profile import Profiel

    for taal, van, tot in (("nl", "## Het profiel", "## Hoe de checklist kiest"),
                           ("en", "## The profile", "## How the checklist chooses")):  # fmt: skip
        gids = (ROOT / "docs" / taal / "checklist-naslag.md").read_text(encoding="utf-8")
        tabel = gids[gids.index(van) : gids.index(tot)]
        for veld in Profiel.model_fields:
            assert f"| `{veld}` |" in tabel, (taal, veld)


def test_make_test_runs_lint_with_mypy() -> None:
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^test: lint\b", makefile, re.MULTILINE)
    lint = makefile[makefile.index("lint: ") :].split("\n\n")[0]
    assert "mypy" in lint and "ruff check" in lint
