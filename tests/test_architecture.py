"""The shape of the package: layers that only import downwards, no import cycles, one set of
interface texts with the same keys in every language, and the defects a review found."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from toolkit.errors import KernelError, NotebookError, UserError
from toolkit.fileio import ensure_dir
from toolkit.labels import LANGUAGES, texts
from toolkit.runner import run_notebook

ROOT = Path(__file__).resolve().parent.parent
PAKKET = ROOT / "toolkit"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

#: Each module's layer; a module imports only from its own layer or those below it.
LAGEN: list[set[str]] = [
    {"paths", "errors", "text", "labels", "yamlio", "fileio", "models", "markers", "catalog", "schema_errors",
     "markdown_doc", "vocabularies", "vocab_cases", "own_words", "sheets", "kernels", "site_sphinx", "sqlite_store"},
    {"lessons", "cases", "case_tables", "regions", "profile", "rules", "actions", "checklist", "compare", "workshop",
     "workshop_kit", "logbook", "logbook_report", "progress", "validate", "case_export", "glossary", "phases", "live",
     "laws"},
    {"render", "charts", "site_pages"},
    {"reports", "runner", "batch", "batch_worker", "logbook_io", "site_build", "app_server"},
    {"cli", "cli_options", "display", "widgets", "workshop_form", "logbook_form", "__main__", "__init__",
     "app_checklist", "app_kennisbank", "app_live"},
]  # fmt: skip


def _module(pad: Path) -> str:
    deel = pad.relative_to(PAKKET).with_suffix("").parts
    return "render" if deel[0] == "render" else deel[0]


def _imports(pad: Path) -> set[str]:
    """Every toolkit module ``pad`` imports, at the top or inside a function."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    binnen_render = pad.parent.name == "render"
    gevonden: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.ImportFrom) and knoop.level:
            basis = (knoop.module or "").split(".")[0]
            if binnen_render and knoop.level == 1:
                gevonden.add("render")
            elif basis:
                gevonden.add(basis)
            else:
                gevonden.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom | ast.Import):
            namen = [knoop.module or ""] if isinstance(knoop, ast.ImportFrom) else [a.name for a in knoop.names]
            gevonden.update(n.split(".")[1] for n in namen if n.startswith("toolkit."))
    return gevonden - {_module(pad)}


def _graph() -> dict[str, set[str]]:
    graaf: dict[str, set[str]] = {}
    for pad in PAKKET.rglob("*.py"):
        graaf.setdefault(_module(pad), set()).update(_imports(pad))
    return graaf


def test_every_module_has_a_layer() -> None:
    assert set(_graph()) == set().union(*LAGEN)


def test_layers_only_import_downwards() -> None:
    """The domain never imports the renderers, the registry or the front ends."""
    laag = {m: i for i, lagen in enumerate(LAGEN) for m in lagen}
    fout = [(m, d) for m, doelen in _graph().items() for d in doelen if d in laag and laag[d] > laag[m]]
    assert fout == []


def test_no_import_cycles() -> None:
    graaf = _graph()
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
