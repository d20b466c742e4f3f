"""The shape of the package: layers that only import downwards, no import cycles, one set of
interface texts with the same keys in every language, and the defects a review found."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from toolkit.base.errors import KernelError, NotebookError, UserError
from toolkit.base.fileio import ensure_dir
from toolkit.base.labels import LANGUAGES, texts
from toolkit.base.lazy import public_api
from toolkit.reports.engine import run_notebook

PAKKET = ROOT / "toolkit"

#: The layers, lowest first. A package imports only from itself and from packages in lower layers;
#: the front ends in one layer are peers and do not import each other.
LAGEN: list[set[str]] = [
    {"base"},
    {"content"},
    {"domain"},
    {"render"},
    {"reports"},
    {"notebook", "site"},
    {"app"},
    {"cli"},
]
PAKKETTEN = set().union(*LAGEN)


def _package(pad: Path) -> str:
    deel = pad.relative_to(PAKKET).parts
    return deel[0] if len(deel) > 1 else ""


def _toolkit_imports(pad: Path) -> list[tuple[str, list[str], int]]:
    """Every toolkit import of ``pad``: (the module imported from, as a dotted name under toolkit;
    the names imported; the line)."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    pakket = pad.relative_to(PAKKET).with_suffix("").parts[:-1]
    gevonden = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.ImportFrom):
            if knoop.level:
                basis = list(pakket[: len(pakket) - knoop.level + 1])
                doel = ".".join([*basis, *([knoop.module] if knoop.module else [])])
            elif (knoop.module or "").split(".")[0] == "toolkit":
                doel = (knoop.module or "").partition(".")[2]
            else:
                continue
            gevonden.append((doel, [a.name for a in knoop.names], knoop.lineno))
        elif isinstance(knoop, ast.Import):
            for a in knoop.names:
                if a.name.split(".")[0] == "toolkit":
                    gevonden.append((a.name.partition(".")[2], [], knoop.lineno))
    return gevonden


def _public_api(pakket: str) -> set[str]:
    return set(importlib.import_module(f"toolkit.{pakket}").__all__)


def test_toolkit_holds_only_its_entry_points_and_the_layer_packages() -> None:
    modules = {p.name for p in PAKKET.glob("*.py")}
    pakketten = {p.name for p in PAKKET.iterdir() if (p / "__init__.py").exists()}
    assert modules == {"__init__.py", "__main__.py"}
    assert pakketten == PAKKETTEN


def test_every_package_declares_its_public_api() -> None:
    for pakket in PAKKETTEN:
        api = _public_api(pakket)
        module = importlib.import_module(f"toolkit.{pakket}")
        assert api, pakket
        for naam in api:  # every declared name can be had
            assert getattr(module, naam) is not None, f"toolkit.{pakket}.{naam}"


def test_no_public_name_is_also_a_submodule() -> None:
    """Python puts a submodule on its package once it is imported: a function exported under the
    submodule's name would then be replaced by the module. A public name that is a submodule's name
    must be that module (and the module must not define the name itself)."""
    for pakket in PAKKETTEN:
        api = public_api(PAKKET / pakket / "__init__.py")
        for naam, module in api.items():
            if (PAKKET / pakket / f"{naam}.py").exists():
                assert module == naam, f"toolkit.{pakket}.{naam} is a function of {module}.py and a module"
                assert not hasattr(importlib.import_module(f"toolkit.{pakket}.{naam}"), naam), naam


def test_packages_import_only_downwards_and_only_public_names() -> None:
    """The folder is the layer: a module imports from its own package or a lower one, and from
    another package only the names in that package's ``__all__``; no private name crosses."""
    laag = {p: i for i, lagen in enumerate(LAGEN) for p in lagen}
    fouten: list[str] = []
    for pad in sorted(PAKKET.rglob("*.py")):
        eigen = _package(pad)
        for doel, namen, regel in _toolkit_imports(pad):
            plek = f"{pad.relative_to(ROOT)}:{regel}"
            doelpakket = doel.split(".")[0]
            if not eigen or doelpakket == eigen:
                continue  # toolkit/__init__.py, __main__.py; or within the package
            if doelpakket not in laag:  # ``from toolkit import __version__``
                assert doel == "" and namen == ["__version__"], plek
                continue
            if laag[doelpakket] >= laag[eigen]:
                fouten.append(f"{plek}: {eigen} imports {doelpakket} (not a lower layer)")
            if doel != doelpakket:
                fouten.append(f"{plek}: imports toolkit.{doel}; import from toolkit.{doelpakket} instead")
            buiten = [n for n in namen if n not in _public_api(doelpakket)]
            if buiten:
                fouten.append(f"{plek}: {', '.join(buiten)} not in toolkit.{doelpakket}.__all__")
    assert fouten == []


def _private_names(boom: ast.Module) -> set[str]:
    """The ``_names`` a module defines: functions, classes, variables and fields it assigns."""
    namen = {n.name for n in ast.walk(boom) if isinstance(n, ast.FunctionDef | ast.ClassDef)}
    namen |= {t.id for n in ast.walk(boom) if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
    namen |= {n.attr for n in ast.walk(boom) if isinstance(n, ast.Attribute) and isinstance(n.ctx, ast.Store)}
    namen |= {n.target.id for n in ast.walk(boom) if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
    namen |= {
        n.target.attr for n in ast.walk(boom) if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Attribute)
    }
    return {n for n in namen if n.startswith("_") and not n.startswith("__")}


def test_no_private_name_or_field_crosses_a_module() -> None:
    """A toolkit ``_name`` stays inside the module that defines it: no ``from x import _y`` and no
    ``obj._field`` on another module's object (such as a case's private rows)."""
    bomen = {pad: ast.parse(pad.read_text(encoding="utf-8")) for pad in PAKKET.rglob("*.py")}
    eigen = {pad: _private_names(boom) for pad, boom in bomen.items()}
    alle = set().union(*eigen.values())
    fouten: list[str] = []
    for pad, boom in bomen.items():
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.ImportFrom) and (knoop.level or (knoop.module or "").startswith("toolkit")):
                fouten += [f"{pad.name}: imports {a.name}" for a in knoop.names if a.name in alle]
            elif isinstance(knoop, ast.Attribute) and knoop.attr in alle - eigen[pad]:
                fouten.append(f"{pad.relative_to(PAKKET)}:{knoop.lineno}: .{knoop.attr}")
    assert sorted(fouten) == []


def test_no_import_cycles_between_packages() -> None:
    graaf: dict[str, set[str]] = {p: set() for p in PAKKETTEN}
    for pad in PAKKET.rglob("*.py"):
        if eigen := _package(pad):
            graaf[eigen] |= {d.split(".")[0] for d, _, _ in _toolkit_imports(pad)} & PAKKETTEN - {eigen}
    kring: list[str] = []

    def bezoek(m: str, pad: list[str]) -> None:
        if m in pad:
            kring.append(" -> ".join([*pad[pad.index(m) :], m]))
            return
        for d in sorted(graaf.get(m, ())):
            if not kring:
                bezoek(d, [*pad, m])

    for m in sorted(graaf):
        bezoek(m, [])
    assert kring == []


def _imported_by(code: str) -> set[str]:
    uit = subprocess.run([sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sys.modules))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)  # fmt: skip
    return set(uit.stdout.split())


def test_the_command_help_and_a_checklist_kernel_stay_light() -> None:
    """``warmtelessen --help`` loads no pydantic and no report models; the checklist (what its
    notebook kernel runs) loads no pandas or matplotlib."""
    hulp = _imported_by("from toolkit.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    assert "toolkit.cli.dispatch" in hulp
    assert not {
        m for m in hulp if m.split(".")[0] in {"pydantic", "pandas", "matplotlib"} or m.startswith("toolkit.reports")
    }
    kernel = _imported_by("from toolkit.notebook import show\nfrom toolkit.domain import build")
    assert "toolkit.domain.checklist" in kernel
    assert not {m for m in kernel if m.split(".")[0] in {"pandas", "matplotlib"}}


def test_interface_texts_have_the_same_keys_in_every_language() -> None:
    sleutels = {taal: set(texts(taal)) for taal in LANGUAGES}
    assert sleutels["nl"] == sleutels["en"]
    assert all(texts("en")[k] for k in sleutels["en"])


def test_every_text_the_code_asks_for_exists() -> None:
    bronnen = [*PAKKET.rglob("*.py"), *PAKKET.rglob("*.j2")]
    gevraagd = {m for pad in bronnen for m in re.findall(r"""\bt\(\s*["']([a-z_.]+)["']\s*[,)]""", pad.read_text())}
    assert gevraagd and gevraagd - set(texts("nl")) == set()


def test_no_hand_written_language_switches() -> None:
    """Texts come from the translations, not from ``"…" if taal == "en" else "…"`` in code."""
    for pad in [*PAKKET.rglob("*.py"), *PAKKET.rglob("*.j2")]:
        tekst = pad.read_text(encoding="utf-8")
        assert not re.search(r"""["'][^"']*["']\s+if\s+\w+\s*==\s*["'](nl|en)["']\s+else""", tekst), pad


def test_an_unmakeable_folder_is_one_clear_line() -> None:
    """A name no file system takes (a NUL byte) is the user's error, not a crash."""
    with pytest.raises(UserError, match="map kan niet worden gemaakt") as exc:
        ensure_dir(Path("uit\x00put"))
    assert "\n" not in str(exc.value)


def test_a_kernel_crash_is_not_the_users_mistake(tmp_path: Path) -> None:
    with pytest.raises(KernelError, match="dit ligt niet aan uw invoer") as exc:
        run_notebook(FIXTURES / "notebooks/crash.ipynb", {"stoppen": True}, tmp_path, "crash")
    assert not isinstance(exc.value, UserError | NotebookError) and exc.value.exit_code == 3
    assert (tmp_path / "crash.mislukt.ipynb").exists() and not (tmp_path / "crash.ipynb").exists()


def test_a_failing_cell_is_named_from_papermills_own_error(tmp_path: Path) -> None:
    """Without parameters papermill injects no cell: the count still matches what the user sees."""
    with pytest.raises(NotebookError, match=r"cel 3 \(uitkomst = 1 / deler\) mislukt: ZeroDivisionError"):
        run_notebook(FIXTURES / "notebooks/faalt.ipynb", {"deler": 0}, tmp_path / "a", "faalt")
    zonder = tmp_path / "zonder.ipynb"  # the same notebook, failing on its own default value
    zonder.write_text((FIXTURES / "notebooks/faalt.ipynb").read_text().replace("deler = 1 ", "deler = 0 "))
    with pytest.raises(NotebookError, match=r"cel 3 \(uitkomst = 1 / deler\) mislukt: ZeroDivisionError"):
        run_notebook(zonder, {}, tmp_path / "b", "zonder")
