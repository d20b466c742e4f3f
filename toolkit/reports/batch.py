"""``warmtelessen batch``: many reports in one go, robustly.

Steps, in order: plan the runs (one per lesson, case or profile, each a report of the registry in
:mod:`toolkit.reports.registry` with its own folder); hash their inputs; skip runs whose inputs match the
previous manifest (unless ``--force``); run the rest with ``--jobs`` workers, each run in its own
process (papermill) or in-process (``--fast``); retry once when a kernel does not start; keep going
when a run fails; write ``manifest.json`` and ``manifest.csv``; print a summary that names the
failing cell of each failure.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from toolkit.base import WarmteError, check_range, csv_text, ensure_dir, paths, slugify, write_text_atomic
from toolkit.content import gemeenten, lesson_numbers, load_cases, read_profiles_csv

from .batch_worker import KERNEL_START_FOUT
from .engine import notebook_path
from .registry import SPECS, describe, parse, produce

PAKKETTEN = ("warmtelessen", "papermill", "nbclient", "nbconvert", "ipykernel", "pandas", "pydantic", "jinja2",
             "matplotlib", "python-docx", "openpyxl")  # fmt: skip


@dataclass
class Run:
    """One run of a batch: a report of kind ``soort`` (see :mod:`toolkit.reports.registry`) with its
    ``parameters``, made in the folder ``map``. A ``soort`` the registry does not know runs the
    notebook ``notebook`` with ``parameters`` into ``map/<bestandsnaam>.ipynb`` as it is."""

    naam: str
    soort: str
    parameters: dict[str, Any]
    map: str
    bestandsnaam: str = ""
    notebook: str = ""
    taal: str = "nl"
    titel: str = ""
    html: bool = True
    formats: list[str] | None = None  # None: the kind's defaults


@dataclass
class Outcome:
    naam: str
    soort: str
    parameters: dict[str, Any]
    status: str  # gelukt | mislukt | overgeslagen
    bestanden: list[str] = field(default_factory=list)
    duur: float = 0.0
    fout: str = ""
    pogingen: int = 0
    hashes: dict[str, str] = field(default_factory=dict)


# --- hashes ---------------------------------------------------------------------------------------


def _hash_files(bestanden: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for pad in sorted(bestanden):
        h.update(str(pad.relative_to(paths.project_root())).encode())
        h.update(pad.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def content_hash() -> str:
    """All content and code a report depends on: lessons, actions, cases, data, the toolkit."""
    root = paths.project_root()
    bestanden = [p for d in ("lessons", "cases", "data") for p in (root / d).rglob("*") if p.is_file()]
    bestanden += [p for p in paths.PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return _hash_files(bestanden)


def _notebook_of(run: Run) -> Path | None:
    spec = SPECS.get(run.soort)
    if spec is None:
        return Path(run.notebook) if run.notebook else None
    return notebook_path(spec.notebook) if spec.notebook else None


def run_hashes(run: Run, snel: bool = False) -> dict[str, str]:
    invoer = {"parameters": run.parameters, "formats": run.formats}
    parameters = hashlib.sha256(json.dumps(invoer, sort_keys=True).encode()).hexdigest()[:16]
    notebook = _notebook_of(run)
    notebook_hash = _hash_files([notebook]) if notebook and not snel else "in-process"
    return {"notebook": notebook_hash, "inhoud": content_hash(), "parameters": parameters}


def package_versions() -> dict[str, str]:
    versies = {"python": platform.python_version(), "platform": platform.platform()}
    for pakket in PAKKETTEN:
        try:
            versies[pakket] = version(pakket)
        except PackageNotFoundError:
            versies[pakket] = "niet geïnstalleerd"
    return versies


# --- running --------------------------------------------------------------------------------------


def _run_in_subprocess(run: Run, logmap: Path) -> Outcome:
    """Run one notebook in its own process (and so its own kernel); retry once on kernel start."""
    uitkomst = Outcome(run.naam, run.soort, run.parameters, "mislukt")
    log = logmap / f"{run.naam}.log"
    with open(log, "w", encoding="utf-8") as logbestand:
        for poging in (1, 2):
            uitkomst.pogingen = poging
            proces = subprocess.run(
                [sys.executable, "-m", "toolkit.reports.batch_worker"],
                input=json.dumps(asdict(run)),
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                timeout=1800,
            )
            logbestand.write(f"--- poging {poging}, exitcode {proces.returncode}\n{proces.stderr}\n{proces.stdout}\n")
            regels = [r for r in proces.stdout.splitlines() if r.startswith("{")]
            resultaat: dict[str, Any] = (
                json.loads(regels[-1]) if regels else {"status": "mislukt", "fout": proces.stderr.strip()[-500:]}
            )
            uitkomst.status = str(resultaat["status"])
            uitkomst.fout = str(resultaat.get("fout", ""))
            uitkomst.bestanden = list(resultaat.get("bestanden", []))
            uitkomst.duur = round(float(resultaat.get("duur", 0.0)), 3)
            if proces.returncode != KERNEL_START_FOUT:
                break
    return uitkomst


def _run_in_process(run: Run) -> Outcome:
    """The fast path: the same report the notebook makes (same renderers, same JSON), without a
    kernel and so without the ``.ipynb``."""

    start = time.perf_counter()
    uitkomst = Outcome(run.naam, run.soort, run.parameters, "mislukt", pogingen=1)
    formats = None if run.formats is None else [f for f in run.formats if f != "ipynb"]
    try:
        gemaakt = produce(run.soort, run.parameters, Path(run.map), formats, engine="inproces", subfolder=False)
    except WarmteError as fout:
        uitkomst.fout = str(fout)
    else:
        uitkomst.status = "gelukt"
        uitkomst.bestanden = sorted(str(x) for x in gemaakt.files)
    uitkomst.duur = round(time.perf_counter() - start, 3)
    return uitkomst


def _progress(totaal: int, beschrijving: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=totaal, desc=beschrijving, unit="run", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


#: How many runs at once ``--jobs`` may ask for: each is a process with a notebook kernel, so more than
#: this fills any computer's memory long before it is faster.
JOBS_GRENS = (1, 64)


def check_jobs(jobs: int) -> int:
    """``--jobs`` within :data:`JOBS_GRENS`, or one line naming the range."""
    return check_range("--jobs", jobs, JOBS_GRENS, voorbeeld=4)


def run_batch(
    runs: list[Run],
    out: Path,
    jobs: int | None = None,
    force: bool = False,
    snel: bool = False,
    voortgangsbalk: bool = True,
) -> list[Outcome]:
    """Run ``runs``; write the manifest into ``out``; return one outcome per run (in plan order)."""
    jobs = check_jobs(jobs) if jobs is not None else os.cpu_count() or 1
    ensure_dir(out)
    logmap = ensure_dir(out / "logs")
    vorige = _previous_manifest(out)
    uitkomsten: dict[str, Outcome] = {}
    te_doen: list[Run] = []
    for run in runs:
        hashes = run_hashes(run, snel)
        oud = vorige.get(run.naam)
        if (
            not force
            and oud
            and oud.get("status") in ("gelukt", "overgeslagen")
            and oud.get("hashes") == hashes
            and all(Path(b).exists() for b in oud.get("bestanden", []))
        ):
            uitkomsten[run.naam] = Outcome(
                run.naam, run.soort, run.parameters, "overgeslagen", oud.get("bestanden", []), 0.0, hashes=hashes
            )
        else:
            te_doen.append(run)
    balk = _progress(len(te_doen), "batch") if voortgangsbalk and te_doen else None
    mislukt = 0
    if te_doen:
        # Worker processes start from a fresh server process, not as copies of this one: a copy of
        # a process that has typeset a PDF waits forever on Typst's threads, which a fork leaves behind.
        pool_ = (ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("forkserver")) if snel
                 else ThreadPoolExecutor(max_workers=jobs))  # fmt: skip
        with pool_ as pool:
            toekomst: dict[Future[Outcome], Run] = {
                (pool.submit(_run_in_process, run) if snel else pool.submit(_run_in_subprocess, run, logmap)): run
                for run in te_doen
            }
            for klaar in as_completed(toekomst):
                run = toekomst[klaar]
                uitkomst = klaar.result()
                uitkomst.hashes = run_hashes(run, snel)
                uitkomsten[run.naam] = uitkomst
                if uitkomst.status != "gelukt":
                    mislukt += 1
                if balk is not None:
                    balk.set_postfix(mislukt=mislukt, refresh=False)
                    balk.update(1)
    if balk is not None:
        balk.close()
    resultaat = [uitkomsten[run.naam] for run in runs]
    write_manifest(out, resultaat)
    return resultaat


def _previous_manifest(out: Path) -> dict[str, dict[str, Any]]:
    pad = out / "manifest.json"
    if not pad.exists():
        return {}
    try:
        return {r["naam"]: r for r in json.loads(pad.read_text(encoding="utf-8"))["runs"]}
    except (ValueError, KeyError, TypeError):
        return {}


def write_manifest(out: Path, uitkomsten: list[Outcome]) -> None:
    """``manifest.json`` (everything) and ``manifest.csv`` (one row per run), written atomically."""
    data = {"versies": package_versions(), "runs": [asdict(u) for u in uitkomsten]}
    write_text_atomic(out / "manifest.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    kop = ["naam", "soort", "status", "duur", "pogingen", "fout", "bestanden", "parameters", "hash_notebook",
           "hash_inhoud", "hash_parameters"]  # fmt: skip
    rijen = [
        [u.naam, u.soort, u.status, u.duur, u.pogingen, u.fout, ";".join(u.bestanden),
         json.dumps(u.parameters, sort_keys=True, ensure_ascii=False),
         u.hashes.get("notebook", ""), u.hashes.get("inhoud", ""), u.hashes.get("parameters", "")]
        for u in uitkomsten
    ]  # fmt: skip
    write_text_atomic(out / "manifest.csv", csv_text(kop, rijen))


def summary(uitkomsten: list[Outcome], problemen: list[str] | None = None) -> str:
    """The closing lines: counts, then each failure with its cell and error."""
    telling = {s: sum(u.status == s for u in uitkomsten) for s in ("gelukt", "overgeslagen", "mislukt")}
    regels = [
        f"{telling['gelukt']} gelukt, {telling['overgeslagen']} overgeslagen (ongewijzigd), "
        f"{telling['mislukt']} mislukt"
    ]
    regels += [f"mislukt: {u.naam}: {u.fout}" for u in uitkomsten if u.status == "mislukt"]
    regels += [f"overgeslagen: {p}" for p in problemen or []]
    return "\n".join(regels)


# --- planning -------------------------------------------------------------------------------------


def plan_run(soort: str, parameters: dict[str, Any], out: Path, formats: list[str] | None = None,
             naam: str | None = None, map_naam: str | None = None) -> Run:  # fmt: skip
    """A run of report ``soort`` into ``out/<its folder>`` (or ``out/<map_naam>``), named after
    its file stem (or ``naam``). The parameters are checked here, before anything runs."""

    p = parse(soort, parameters)
    meta = describe(soort, p)
    return Run(naam or meta.stem, soort, p.model_dump(mode="json"), str((out / (map_naam or meta.folder)).resolve()),
               formats=formats, taal=p.taal, titel=meta.title)  # fmt: skip


def plan_lessons(out: Path, talen: list[str]) -> list[Run]:
    return [plan_run("les", {"les": nummer, "taal": taal}, out) for taal in talen for nummer in lesson_numbers()]


def plan_cases(out: Path, talen: list[str]) -> list[Run]:
    return [plan_run("casus", {"casus": casus.id, "taal": taal}, out) for taal in talen for casus in load_cases()]


def _checklist_run(profiel: dict[str, Any], map_: Path, taal: str, formats: list[str], naam: str) -> Run:
    return Run(naam, "checklist", {"profiel": profiel, "taal": taal}, str(map_.resolve()), formats=formats, taal=taal,
               titel=f"Checklist {naam}")  # fmt: skip


def plan_all_municipalities(out: Path, taal: str, formats: list[str], fase: str | None = None) -> list[Run]:
    """One checklist per municipality (342), from a profile with only the CBS code (and phase)."""

    runs = []
    for code, naam in sorted(gemeenten().items(), key=lambda x: x[1]):
        profiel: dict[str, Any] = {"gemeente": code} | ({"fase": fase} if fase else {})
        map_naam = f"{slugify(naam)}-{code.lower()}"
        runs.append(_checklist_run(profiel, out / map_naam, taal, formats, map_naam))
    return runs


def plan_profiles(pad: Path, out: Path, taal: str, formats: list[str]) -> tuple[list[Run], list[str]]:
    """One checklist per valid row of a CSV of profiles; the problems of the other rows."""

    profielen, problemen = read_profiles_csv(pad)
    runs: list[Run] = []
    gezien: set[str] = set()
    for nummer, profiel, map_naam in profielen:
        if map_naam in gezien:
            map_naam = f"{map_naam}-rij-{nummer}"
        gezien.add(map_naam)
        runs.append(_checklist_run(profiel, out / map_naam, taal, formats, map_naam))
    return runs, problemen
