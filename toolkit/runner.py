"""Run a parameterised notebook with papermill and keep a readable report.

One function, :func:`run_notebook`, is used by every report. Its steps, in a fixed order:

1. check the output folder can be written (before spending seconds on a kernel);
2. check the parameters against the notebook's ``parameters`` cell (unknown names are refused);
3. execute with papermill into a temporary file next to the final one;
4. on failure keep the partial notebook as ``<naam>.mislukt.ipynb`` and raise one clear line that
   names the cell that failed; on success rename it into place;
5. convert the executed notebook to HTML with the code hidden (self-contained, A4-printable).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import paths
from .errors import KernelStartError, NotebookError, UserError, shown_path
from .fileio import atomic_path, ensure_dir, write_text_atomic

#: Cells with this tag (e.g. the explanation for JupyterLab users) are left out of the report.
VERBERG_TAG = "verbergen"


@dataclass(frozen=True)
class RunResult:
    """What one run produced."""

    notebook: Path
    html: Path | None
    duur: float


def notebook_path(naam: str) -> Path:
    """``notebooks/<naam>.ipynb`` in the project."""
    return paths.notebooks_dir() / f"{naam}.ipynb"


def check_parameters(notebook: Path, parameters: dict[str, Any]) -> None:
    """Refuse parameters the notebook does not declare in its ``parameters`` cell."""
    import papermill

    bekend = papermill.inspect_notebook(str(notebook))
    onbekend = sorted(set(parameters) - set(bekend))
    if onbekend:
        raise UserError(
            f"{shown_path(notebook)}: parameters: onbekend: {', '.join(onbekend)} (toegestaan: {', '.join(bekend)})"
        )


def run_notebook(
    notebook: Path,
    parameters: dict[str, Any],
    out_dir: Path,
    naam: str,
    *,
    taal: str = "nl",
    titel: str | None = None,
    kernel_name: str = "python3",
    html: bool = True,
) -> RunResult:
    """Execute ``notebook`` with ``parameters``; write ``<naam>.ipynb`` and (with ``html``) ``<naam>.html``.

    Raises :class:`NotebookFout` naming the failing cell when the run fails.
    """
    start = time.perf_counter()
    if not notebook.is_file():
        raise UserError(f"{shown_path(notebook)}: notebook bestaat niet")
    ensure_dir(out_dir)
    check_parameters(notebook, parameters)

    import papermill
    from papermill.exceptions import PapermillExecutionError

    doel_nb = out_dir / f"{naam}.ipynb"
    doel_html = out_dir / f"{naam}.html"
    with atomic_path(doel_nb) as tmp:
        try:
            papermill.execute_notebook(
                str(notebook),
                str(tmp),
                parameters=parameters,
                kernel_name=kernel_name,
                progress_bar=False,
                cwd=str(paths.project_root()),
                log_output=False,
                kernel_manager_class="toolkit.kernels.IpcKernelManager",
            )
        except PapermillExecutionError as exc:
            mislukt = out_dir / f"{naam}.mislukt.ipynb"
            tmp.replace(mislukt)
            cel, foutregel = _describe_cell(mislukt)
            evalue = str(exc.evalue).strip().splitlines()[0] if str(exc.evalue).strip() else ""
            oorzaak = f"{exc.ename}: {evalue}" if evalue else foutregel or exc.ename
            raise NotebookError(
                f"{shown_path(notebook)}: {cel} mislukt: {oorzaak} (gedeeltelijke uitvoer in {shown_path(mislukt)})"
            ) from None
        except Exception as exc:  # kernel did not start, died, timed out …
            soort = KernelStartError if _is_kernel_start_error(exc) else NotebookError
            raise soort(
                f"{shown_path(notebook)}: uitvoeren mislukt: {type(exc).__name__}: "
                f"{str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
            ) from None
        _set_title(tmp, titel)
    if html:
        write_text_atomic(doel_html, notebook_to_html(doel_nb, taal=taal))
    return RunResult(doel_nb, doel_html if html else None, time.perf_counter() - start)


def _is_kernel_start_error(exc: BaseException) -> bool:
    tekst = f"{type(exc).__name__}: {exc}".lower()
    return any(
        w in tekst for w in ("kernel didn't respond", "kernel died", "deadkernel", "zmq", "address already in use")
    )


def _describe_cell(executed: Path) -> tuple[str, str]:
    """(``cel N (first line)``, last error line) for the cell that failed, N counted as the user
    sees the notebook. Papermill marks the failing cell with an anchor cell just before it; that
    also works when the kernel could not format its own traceback."""
    import re

    import nbformat

    cellen = nbformat.read(executed, as_version=4).cells
    nummer = 0
    vorige_was_anker = False
    for cel in cellen:
        tags = set(cel.get("metadata", {}).get("tags", []))
        if "papermill-error-cell-tag" in tags:
            vorige_was_anker = "papermill-error-cell" in cel.source and 'id="papermill-error-cell"' in cel.source
            continue
        if "injected-parameters" in tags:
            continue
        nummer += 1
        fout = any(o.get("output_type") == "error" for o in cel.get("outputs", []))
        if vorige_was_anker or fout:
            eerste = next((r for r in cel.source.splitlines() if r.strip()), "")
            tekst = "\n".join(
                "\n".join(o.get("traceback", [])) if o.get("output_type") == "error" else str(o.get("text", ""))
                for o in cel.get("outputs", [])
            )
            tekst = re.sub(r"\x1b\[[0-9;]*m", "", tekst)
            regels = re.findall(r"^([A-Za-z_][\w.]*(?:Error|Exception|Fout)\b.*)$", tekst, re.MULTILINE)
            return f"cel {nummer} ({eerste.strip()[:60]})", (regels[0] if regels else "")
        vorige_was_anker = False
    return "een cel", ""


def _set_title(pad: Path, titel: str | None) -> None:
    if not titel:
        return
    import nbformat

    nb = nbformat.read(pad, as_version=4)
    nb.metadata["title"] = titel
    nbformat.write(nb, pad)


def notebook_to_html(pad: Path, taal: str = "nl") -> str:
    """The executed notebook as a self-contained HTML report: no code, no prompts, no scripts."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    from .labels import t
    from .render.templating import css

    nb = nbformat.read(pad, as_version=4)
    exporter = HTMLExporter(
        template_name="rapport",
        extra_template_basedirs=[str(paths.templates_dir() / "nbconvert")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
    )
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={VERBERG_TAG}, enabled=True), enabled=True)
    resources = {"taal": taal, "rapport_css": css(), "voettekst": t("gemaakt_met", taal)}
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body
