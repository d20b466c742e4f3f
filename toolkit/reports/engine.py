"""Run a parameterised notebook with papermill and keep a readable report.

One function, :func:`run_notebook`, is used by every report. Its steps, in a fixed order:

1. check the output folder can be written (before spending seconds on a kernel);
2. check the parameters against the notebook's ``parameters`` cell (unknown names are refused);
3. execute with papermill into a temporary file next to the final one;
4. on failure keep the partial notebook as ``<naam>.mislukt.ipynb`` and raise one clear line that
   names the cell that failed (from papermill's own error: the cell's index and source, the
   exception's name and value); a kernel that crashes or does not start is a :class:`KernelError`,
   not the user's mistake; on success rename it into place;
5. convert the executed notebook to HTML with the code hidden (self-contained, A4-printable).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from toolkit.base import (
    KernelError,
    KernelStartError,
    NotebookError,
    UserError,
    atomic_path,
    ensure_dir,
    paths,
    shown_path,
    t,
    write_text_atomic,
)
from toolkit.render import SITE_ENV, css, site_base_next_to

from .kernels import with_environment

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


def check_parameters(notebook: Path, parameters: dict[str, Any]) -> int:
    """Refuse parameters the notebook does not declare in its ``parameters`` cell. Returns the
    index of that cell (-1 when there is none)."""
    import papermill

    bekend = papermill.inspect_notebook(str(notebook))
    onbekend = sorted(set(parameters) - set(bekend))
    if onbekend:
        raise UserError(
            f"{shown_path(notebook)}: parameters: onbekend: {', '.join(onbekend)} (toegestaan: {', '.join(bekend)})"
        )
    import nbformat

    cellen = nbformat.read(notebook, as_version=4).cells
    return next((i for i, c in enumerate(cellen) if "parameters" in c.get("metadata", {}).get("tags", [])), -1)


def _kernel_manager(out_dir: Path, taal: str) -> type[Any]:
    """Papermill's kernel manager; the kernel learns where a site next to ``out_dir`` is, so the
    report it renders links to its pages (:mod:`toolkit.render.links`)."""

    base = site_base_next_to(out_dir, taal)
    return with_environment({SITE_ENV: base} if base else {})


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

    Raises :class:`NotebookError` naming the failing cell when a cell fails, :class:`KernelError` when
    the kernel crashes or does not start.
    """
    start = time.perf_counter()
    if not notebook.is_file():
        raise UserError(f"{shown_path(notebook)}: notebook bestaat niet")
    ensure_dir(out_dir)
    parameter_cel = check_parameters(notebook, parameters)

    import papermill
    import zmq

    # papermill's log (kernel housekeeping such as "Kernel died while waiting …") never reaches the
    # user's terminal: what went wrong is reported in one line below.
    if not logging.getLogger("papermill").handlers:
        logging.getLogger("papermill").addHandler(logging.NullHandler())
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    doel_nb = out_dir / f"{naam}.ipynb"
    doel_html = out_dir / f"{naam}.html"
    with atomic_path(doel_nb) as tmp:
        try:
            for poging in range(1, POGINGEN + 1):
                try:
                    papermill.execute_notebook(
                        str(notebook),
                        str(tmp),
                        parameters=parameters,
                        kernel_name=kernel_name,
                        progress_bar=False,
                        cwd=str(paths.project_root()),
                        log_output=False,
                        kernel_manager_class=_kernel_manager(out_dir, taal),
                        execution_timeout=CEL_TIMEOUT,
                    )
                    break
                except CellTimeoutError:
                    # A cell that gets no answer within the limit: on a busy machine the kernel can
                    # miss a message and both sides wait for ever. A fresh kernel runs it once more.
                    if poging == POGINGEN:
                        raise
        except PapermillExecutionError as exc:
            mislukt = out_dir / f"{naam}.mislukt.ipynb"
            tmp.replace(mislukt)
            # papermill counts the cell it injected after the parameters cell; the user does not.
            geinjecteerd = (parameter_cel + 1 if parameter_cel >= 0 else 0) if parameters else None
            nummer = exc.cell_index + 1 - (1 if geinjecteerd is not None and geinjecteerd < exc.cell_index else 0)
            eerste = next((r.strip() for r in str(exc.source).splitlines() if r.strip()), "")
            evalue = str(exc.evalue).strip().splitlines()[0] if str(exc.evalue).strip() else ""
            oorzaak = f"{exc.ename}: {evalue}" if evalue else str(exc.ename)
            if exc.ename == "FormatError":  # some formats failed, the others are written: its line says which
                raise NotebookError(evalue) from None
            raise NotebookError(
                f"{shown_path(notebook)}: cel {nummer} ({eerste[:60]}) mislukt: {oorzaak} "
                f"(gedeeltelijke uitvoer in {shown_path(mislukt)})"
            ) from None
        except (DeadKernelError, CellTimeoutError) as exc:
            mislukt = out_dir / f"{naam}.mislukt.ipynb"
            bewaard = f"; gedeeltelijke uitvoer in {shown_path(mislukt)}" if tmp.stat().st_size else ""
            if bewaard:
                tmp.replace(mislukt)
            raise KernelError(
                f"{shown_path(notebook)}: de notebook-kernel stopte onverwacht ({type(exc).__name__}); "
                f"dit ligt niet aan uw invoer (probeer het opnieuw{bewaard})"
            ) from None
        except (RuntimeError, TimeoutError, OSError, zmq.ZMQError) as exc:  # the kernel did not start or answer
            raise KernelStartError(
                f"{shown_path(notebook)}: de notebook-kernel startte niet ({type(exc).__name__}: "
                f"{_first_line(exc)}); dit ligt niet aan uw invoer (probeer het opnieuw)"
            ) from None
        _tidy_metadata(tmp, titel, notebook, doel_nb)
    if html:
        write_text_atomic(doel_html, notebook_to_html(doel_nb, taal=taal))
    return RunResult(doel_nb, doel_html if html else None, time.perf_counter() - start)


#: Seconds a single cell may take before its kernel is given up (no cell of ours takes more than a
#: minute), and how many fresh kernels a notebook gets.
CEL_TIMEOUT = 300
POGINGEN = 2


def _first_line(exc: BaseException) -> str:
    tekst = str(exc).strip()
    return tekst.splitlines()[0] if tekst else ""


def _tidy_metadata(pad: Path, titel: str | None, notebook: Path, doel: Path) -> None:
    """The report's title; and papermill's record of where it ran says the notebook's place in the
    project and the report's own name, not this machine's folders (nor the temporary file)."""
    import nbformat

    nb = nbformat.read(pad, as_version=4)
    if titel:
        nb.metadata["title"] = titel
    papermill_meta = nb.metadata.get("papermill")
    if papermill_meta is not None:
        try:
            bron = notebook.resolve().relative_to(paths.project_root().resolve()).as_posix()
        except ValueError:
            bron = notebook.name
        papermill_meta["input_path"] = bron
        papermill_meta["output_path"] = doel.name
        # the output folder as the report's own folder name (the notebook writes there when re-run
        # from the project), not this machine's absolute path
        map_ = str(doel.parent)
        for sleutel, waarde in list(papermill_meta.get("parameters", {}).items()):
            if waarde == map_:
                papermill_meta["parameters"][sleutel] = doel.parent.name
        for cel in nb.cells:
            if "injected-parameters" in cel.metadata.get("tags", []):
                cel.source = cel.source.replace(json.dumps(map_), json.dumps(doel.parent.name))
    nbformat.write(nb, pad)


def notebook_to_html(pad: Path, taal: str = "nl") -> str:
    """The executed notebook as a self-contained HTML report: no code, no prompts, no scripts."""
    import nbformat
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

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
