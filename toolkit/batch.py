"""``warmtelessen batch``: many reports in one go, robustly.

Steps, in order: plan the runs (one per lesson, case or profile); hash their inputs; skip runs whose
inputs match the previous manifest (unless ``--force``); run the rest with ``--jobs`` workers, each
run in its own process (papermill) or in-process (``--fast``, checklists only); retry once when a
kernel does not start; keep going when a run fails; write ``manifest.json`` and ``manifest.csv``;
print a summary that names the failing cell of each failure.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import paths
from .errors import UserError, shown_path
from .fileio import ensure_dir, write_text_atomic

KERNEL_START_FOUT = 75
PAKKETTEN = ("warmtelessen", "papermill", "nbclient", "nbconvert", "ipykernel", "pandas", "pydantic", "jinja2",
             "matplotlib", "python-docx", "openpyxl")  # fmt: skip


@dataclass
class Run:
    """One notebook run (or one in-process checklist) of a batch."""

    naam: str
    soort: str
    parameters: dict[str, Any]
    map: str
    bestandsnaam: str
    notebook: str = ""
    taal: str = "nl"
    titel: str = ""
    html: bool = True


@dataclass
class Uitkomst:
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


def run_hashes(run: Run) -> dict[str, str]:
    parameters = hashlib.sha256(json.dumps(run.parameters, sort_keys=True).encode()).hexdigest()[:16]
    notebook = _hash_files([Path(run.notebook)]) if run.notebook else "in-process"
    return {"notebook": notebook, "inhoud": content_hash(), "parameters": parameters}


def package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    versies = {"python": platform.python_version(), "platform": platform.platform()}
    for pakket in PAKKETTEN:
        try:
            versies[pakket] = version(pakket)
        except PackageNotFoundError:
            versies[pakket] = "niet geïnstalleerd"
    return versies


# --- running --------------------------------------------------------------------------------------


def _run_in_subprocess(run: Run, logmap: Path) -> Uitkomst:
    """Run one notebook in its own process (and so its own kernel); retry once on kernel start."""
    uitkomst = Uitkomst(run.naam, run.soort, run.parameters, "mislukt")
    log = logmap / f"{run.naam}.log"
    with open(log, "w", encoding="utf-8") as logbestand:
        for poging in (1, 2):
            uitkomst.pogingen = poging
            proces = subprocess.run(
                [sys.executable, "-m", "toolkit.batch_worker"],
                input=json.dumps(asdict(run)),
                capture_output=True,
                text=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                timeout=1800,
            )
            logbestand.write(f"--- poging {poging}, exitcode {proces.returncode}\n{proces.stderr}\n{proces.stdout}\n")
            regels = [r for r in proces.stdout.splitlines() if r.startswith("{")]
            resultaat = (
                json.loads(regels[-1]) if regels else {"status": "mislukt", "fout": proces.stderr.strip()[-500:]}
            )
            uitkomst.status = resultaat["status"]
            uitkomst.fout = resultaat.get("fout", "")
            uitkomst.bestanden = resultaat.get("bestanden", [])
            uitkomst.duur = round(resultaat.get("duur", 0.0), 3)
            if proces.returncode != KERNEL_START_FOUT:
                break
    return uitkomst


def _run_checklist_in_process(run: Run) -> Uitkomst:
    """The fast path: the same ``checklist.make`` the notebook calls, without a kernel."""
    from .checklist import make
    from .errors import UserError

    start = time.perf_counter()
    uitkomst = Uitkomst(run.naam, run.soort, run.parameters, "mislukt", pogingen=1)
    p = run.parameters
    try:
        make(p["profiel"], p["taal"], p["uitvoer"], [f for f in p["formats"] if f != "ipynb"])
    except UserError as fout:
        uitkomst.fout = str(fout)
    else:
        uitkomst.status = "gelukt"
        uitkomst.bestanden = sorted(
            str(x) for x in Path(run.map).iterdir() if x.is_file() and not x.name.startswith(".")
        )
    uitkomst.duur = round(time.perf_counter() - start, 3)
    return uitkomst


def _progress(totaal: int, beschrijving: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=totaal, desc=beschrijving, unit="run", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def run_batch(
    runs: list[Run],
    out: Path,
    jobs: int | None = None,
    force: bool = False,
    snel: bool = False,
    voortgangsbalk: bool = True,
) -> list[Uitkomst]:
    """Run ``runs``; write the manifest into ``out``; return one outcome per run (in plan order)."""
    if jobs is not None and jobs < 1:
        raise UserError(f"--jobs: moet minstens 1 zijn, niet {jobs}")
    jobs = jobs or os.cpu_count() or 1
    ensure_dir(out)
    logmap = ensure_dir(out / "logs")
    vorige = _previous_manifest(out)
    uitkomsten: dict[str, Uitkomst] = {}
    te_doen: list[Run] = []
    for run in runs:
        hashes = run_hashes(run)
        oud = vorige.get(run.naam)
        if (
            not force
            and oud
            and oud.get("status") in ("gelukt", "overgeslagen")
            and oud.get("hashes") == hashes
            and all(Path(b).exists() for b in oud.get("bestanden", []))
        ):
            uitkomsten[run.naam] = Uitkomst(
                run.naam, run.soort, run.parameters, "overgeslagen", oud.get("bestanden", []), 0.0, hashes=hashes
            )
        else:
            te_doen.append(run)
    balk = _progress(len(te_doen), "batch") if voortgangsbalk and te_doen else None
    mislukt = 0
    if te_doen:
        uitvoerder: Callable[..., Any] = ProcessPoolExecutor if snel else ThreadPoolExecutor
        with uitvoerder(max_workers=jobs) as pool:
            toekomst: dict[Future[Uitkomst], Run] = {
                (
                    pool.submit(_run_checklist_in_process, run)
                    if snel
                    else pool.submit(_run_in_subprocess, run, logmap)
                ): run
                for run in te_doen
            }
            for klaar in as_completed(toekomst):
                run = toekomst[klaar]
                uitkomst = klaar.result()
                uitkomst.hashes = run_hashes(run)
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


def write_manifest(out: Path, uitkomsten: list[Uitkomst]) -> None:
    """``manifest.json`` (everything) and ``manifest.csv`` (one row per run), written atomically."""
    data = {"versies": package_versions(), "runs": [asdict(u) for u in uitkomsten]}
    write_text_atomic(out / "manifest.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    buffer = io.StringIO()
    schrijver = csv.writer(buffer)
    schrijver.writerow(["naam", "soort", "status", "duur", "pogingen", "fout", "bestanden", "parameters",
                        "hash_notebook", "hash_inhoud", "hash_parameters"])  # fmt: skip
    for u in uitkomsten:
        schrijver.writerow(
            [u.naam, u.soort, u.status, u.duur, u.pogingen, u.fout, ";".join(u.bestanden),
             json.dumps(u.parameters, sort_keys=True, ensure_ascii=False),
             u.hashes.get("notebook", ""), u.hashes.get("inhoud", ""), u.hashes.get("parameters", "")]
        )  # fmt: skip
    write_text_atomic(out / "manifest.csv", buffer.getvalue())


def summary(uitkomsten: list[Uitkomst], problemen: list[str] | None = None) -> str:
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


def _report_run(
    soort: str, naam: str, parameters: dict[str, Any], notebook: str, out: Path, taal: str, titel: str
) -> Run:
    """A lesson or case report: ``<out>/<naam>/<naam>.<taal>.{ipynb,html}``, as the CLI writes it."""
    from .runner import notebook_path

    return Run(f"{naam}.{taal}", soort, {**parameters, "taal": taal}, str((out / naam).resolve()), f"{naam}.{taal}",
               str(notebook_path(notebook)), taal, titel)  # fmt: skip


def plan_lessons(out: Path, talen: list[str]) -> list[Run]:
    from .lessons import load_lessons

    return [
        _report_run(
            "les",
            f"les-{les.nummer}-{les.slug}",
            {"les": les.nummer},
            "lesson",
            out,
            taal,
            f"{les.nummer}. {les.titel}",
        )
        for taal in talen
        for les in load_lessons(taal)
    ]


def plan_cases(out: Path, talen: list[str]) -> list[Run]:
    from .cases import load_cases

    return [
        _report_run("casus", f"casus-{casus.id}", {"casus": casus.id}, "case", out, taal, casus.naam)
        for taal in talen
        for casus in load_cases()
    ]


def _checklist_run(profiel: dict[str, Any], map_: Path, taal: str, formats: list[str], naam: str) -> Run:
    from .runner import notebook_path

    return Run(
        naam,
        "checklist",
        {
            "profiel": profiel,
            "taal": taal,
            "uitvoer": str(map_.resolve()),
            "formats": formats,
            "voortgang": "",
            "peildatum": "",
            "interactief": False,
        },  # fmt: skip
        str(map_.resolve()),
        "checklist",
        str(notebook_path("checklist")),
        taal,
        f"Checklist {naam}",
        html=False,
    )


def plan_all_municipalities(out: Path, taal: str, formats: list[str], fase: str | None = None) -> list[Run]:
    """One checklist per municipality (342), from a profile with only the CBS code (and phase)."""
    from .regions import gemeenten
    from .text import slugify

    runs = []
    for code, naam in sorted(gemeenten().items(), key=lambda x: x[1]):
        profiel: dict[str, Any] = {"gemeente": code} | ({"fase": fase} if fase else {})
        map_naam = f"{slugify(naam)}-{code.lower()}"
        runs.append(_checklist_run(profiel, out / map_naam, taal, formats, map_naam))
    return runs


LIJST_SCHEIDER = ";"


def read_profiles_csv(pad: Path) -> tuple[list[tuple[int, dict[str, Any], str]], list[str]]:
    """Profiles from a CSV: one per row, the same keys as the YAML. Lists use ';', groups use
    'naam;soort;actief' separated by '|', tenure uses columns eigendom.koop etc.

    Returns (row number, profile, output folder name) for each valid row, and the problems."""
    from .checklist import output_folder_name
    from .profile import build_context, parse_profile

    naam = shown_path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{naam}: --profielen: kan bestand niet lezen ({exc})") from None
    lezer = csv.DictReader(io.StringIO(tekst))
    if not lezer.fieldnames or "gemeente" not in lezer.fieldnames:
        raise UserError(f"{naam}: --profielen: kolom 'gemeente' ontbreekt (kolommen zoals in het profiel)")
    goed: list[tuple[int, dict[str, Any], str]] = []
    problemen: list[str] = []
    for nummer, rij in enumerate(lezer, start=2):
        profiel: dict[str, Any] = {}
        for sleutel, waarde in rij.items():
            waarde = (waarde or "").strip()
            if not waarde or sleutel is None:
                continue
            if sleutel.startswith("eigendom."):
                profiel.setdefault("eigendom", {})[sleutel.split(".", 1)[1]] = waarde
            elif sleutel == "werkzaamheden":
                profiel[sleutel] = [w.strip() for w in waarde.split(LIJST_SCHEIDER) if w.strip()]
            elif sleutel == "groepen":
                from .widgets import parse_groups

                profiel[sleutel] = parse_groups("\n".join(waarde.split("|")))
            else:
                profiel[sleutel] = waarde
        try:
            context = build_context(parse_profile(profiel, f"{naam}: rij {nummer}"), f"{naam}: rij {nummer}")
        except UserError as fout:
            problemen.append(str(fout))  # "<file>: rij N: <field>: what is wrong (allowed)"
            continue
        goed.append((nummer, profiel, output_folder_name({"context": context.model_dump()})))
    return goed, problemen


def plan_profiles(pad: Path, out: Path, taal: str, formats: list[str]) -> tuple[list[Run], list[str]]:
    profielen, problemen = read_profiles_csv(pad)
    runs: list[Run] = []
    gezien: set[str] = set()
    for nummer, profiel, map_naam in profielen:
        if map_naam in gezien:
            map_naam = f"{map_naam}-rij-{nummer}"
        gezien.add(map_naam)
        runs.append(_checklist_run(profiel, out / map_naam, taal, formats, map_naam))
    return runs, problemen
