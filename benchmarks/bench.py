"""Measure the checklist paths side by side, in one run, and print the ratios.

    make bench            (or: .venv/bin/python benchmarks/bench.py [--gemeenten 20] [--herhalingen 3])

(a) kernel floor: papermill runs a one-cell notebook that imports what the checklist notebook imports
    (including the Word and Excel libraries it loads when writing)
(b) one checklist through papermill (notebooks/checklist.ipynb, every format)
(c) one checklist in-process (toolkit.reports.produce, engine inproces: the same formats without .ipynb)
(d) batch checklists --alle-gemeenten --fast (342 municipalities, every format but .ipynb)
(e) batch of N municipalities through papermill, --jobs 1 and --jobs 2
(f) the knowledge-base site, both languages, from nothing (a copy of the content in a temp folder)
(g) the same site again after editing one lesson (incremental: only what changed is rebuilt)
(h) the web app (`warmtelessen app`): from the browser's request until the checklist page's form is
    on screen (Voilà with a pre-heated kernel; a fresh browser context each time)
(i) the web app: from the click on *Maak checklist* until the checklist and its downloads are on screen

Timings are wall-clock medians; ratios are what to read (the machine is printed with them).
Targets: b/a <= 1.5, b/c >= 50, d < 60 s on 2 cores, e(jobs 1)/e(jobs 2) >= 1.6, f < 60 s, g < 10 s,
h < 5 s, i < 2 s. ``--alleen app`` measures (h) and (i) only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.batch import package_versions, plan_all_municipalities, run_batch  # noqa: E402
from toolkit.profile import read_profile  # noqa: E402
from toolkit.reports import SPECS, produce  # noqa: E402

FORMATEN = SPECS["checklist"].defaults

PROFIEL = read_profile(ROOT / "profielen" / "wageningen-benedenbuurt.yaml")


def _median(stappen: int, functie) -> float:  # type: ignore[no-untyped-def]
    tijden = []
    for _ in range(stappen):
        start = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - start)
    return statistics.median(tijden)


def kernel_floor(tmp: Path) -> None:
    import nbformat
    import papermill

    pad = tmp / "vloer.ipynb"
    if not pad.exists():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [
            nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
            nbformat.v4.new_code_cell(
                "from toolkit.display import show\nfrom toolkit.widgets import profile_form\n"
                "import toolkit.reports, toolkit.checklist, toolkit.render.checklist, docx, openpyxl"
                "  # what the checklist notebook imports when it writes"
            ),
        ]
        nbformat.write(nb, pad)
    papermill.execute_notebook(
        str(pad), str(tmp / "vloer.uit.ipynb"), parameters={"x": 2}, progress_bar=False, log_output=False,
        kernel_manager_class="toolkit.kernels.IpcKernelManager", cwd=str(ROOT),
    )  # fmt: skip


def checklist_papermill(tmp: Path) -> None:
    produce("checklist", {"profiel": PROFIEL}, tmp / "b", list(FORMATEN), engine="papermill", subfolder=False)


def checklist_in_process(tmp: Path) -> None:
    formats = [f for f in FORMATEN if f != "ipynb"]
    produce("checklist", {"profiel": PROFIEL}, tmp / "c", formats, engine="inproces", subfolder=False)


def site_builds(tmp: Path) -> tuple[float, float]:
    """(f) a full build of both languages, (g) a rebuild after one lesson changed. On a copy of the
    content (``WARMTELESSEN_HOME``), so the benchmark edits no file of the project."""
    import shutil

    from toolkit.site_build import build_site

    thuis = tmp / "inhoud"
    for naam in ("lessons", "cases", "data", "docs", "notebooks", "profielen"):
        shutil.copytree(ROOT / naam, thuis / naam)
    oud = os.environ.get("WARMTELESSEN_HOME")
    os.environ["WARMTELESSEN_HOME"] = str(thuis)
    try:
        start = time.perf_counter()
        build_site(tmp / "site")
        f = time.perf_counter() - start
        les = next((thuis / "lessons").glob("04-*.nl.md"))
        les.write_text(les.read_text(encoding="utf-8") + "\nEen extra zin voor de meting.\n", encoding="utf-8")
        start = time.perf_counter()
        build_site(tmp / "site")
        g = time.perf_counter() - start
    finally:
        if oud is None:
            os.environ.pop("WARMTELESSEN_HOME", None)
        else:
            os.environ["WARMTELESSEN_HOME"] = oud
    return f, g


def app_timings(tmp: Path, herhalingen: int) -> tuple[float, float]:
    """(h) first page ready, (i) checklist on screen after the click: the app started as a user
    starts it, Debian's Chromium through Playwright, the app stopped by its process id afterwards."""
    import signal
    import subprocess

    from playwright.sync_api import sync_playwright

    from toolkit.app_server import free_port

    poort = free_port()
    proces = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "app", "--port", str(poort), "--werkmap", str(tmp / "app")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    try:
        for regel in proces.stdout or []:
            if regel.startswith("Stoppen"):
                break
        url = f"http://127.0.0.1:{poort}/voila/render/checklist.ipynb"
        h: list[float] = []
        i: list[float] = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for _ in range(herhalingen):
                time.sleep(8)  # the next pre-heated kernel is ready again, as between two visitors
                pagina = browser.new_context().new_page()
                start = time.perf_counter()
                pagina.goto(url)
                pagina.wait_for_selector("text=Maak checklist", timeout=60_000)
                h.append(time.perf_counter() - start)
                pagina.get_by_label("Gemeente", exact=True).fill("Zwolle")
                pagina.get_by_label("Gemeente", exact=True).press("Tab")
                pagina.wait_for_selector("text=openbare cijfers", timeout=30_000)
                start = time.perf_counter()
                pagina.get_by_role("button", name="Maak checklist").click()
                pagina.wait_for_selector("text=Uw bestanden", timeout=30_000)
                i.append(time.perf_counter() - start)
                pagina.context.close()
            browser.close()
    finally:
        os.kill(proces.pid, signal.SIGINT)
        proces.wait(timeout=30)
    return statistics.median(h), statistics.median(i)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gemeenten", type=int, default=20, help="aantal gemeenten voor (e)")
    parser.add_argument("--herhalingen", type=int, default=3, help="herhalingen voor (a), (b), (h) en (i)")
    parser.add_argument("--alleen", choices=("app",), help="meet alleen (h) en (i), de web-app")
    args = parser.parse_args()
    if args.alleen == "app":
        with tempfile.TemporaryDirectory() as tmp_naam:
            h, i = app_timings(Path(tmp_naam), args.herhalingen)
        print(f"{'(h) web-app: eerste pagina klaar na het verzoek':<58}{h:>10.3f}  doel < 5 s")
        print(f"{'(i) web-app: checklist in beeld na de klik':<58}{i:>10.3f}  doel < 2 s")
        return
    with tempfile.TemporaryDirectory() as tmp_naam:
        tmp = Path(tmp_naam)
        checklist_in_process(tmp)  # warm the content caches once, as a long-running process would be
        a = _median(args.herhalingen, lambda: kernel_floor(tmp))
        b = _median(args.herhalingen, lambda: checklist_papermill(tmp))
        c = _median(20, lambda: checklist_in_process(tmp))
        formats = [f for f in FORMATEN if f != "ipynb"]
        alle = plan_all_municipalities(tmp / "d", "nl", formats)
        d = _median(1, lambda: run_batch(alle, tmp / "d", jobs=2, force=True, snel=True, voortgangsbalk=False))
        deel = plan_all_municipalities(tmp / "e", "nl", list(FORMATEN))[: args.gemeenten]
        e1 = _median(1, lambda: run_batch(deel, tmp / "e1", jobs=1, force=True, voortgangsbalk=False))
        e2 = _median(1, lambda: run_batch(deel, tmp / "e2", jobs=2, force=True, voortgangsbalk=False))
        f, g = site_builds(tmp)
        h, i = app_timings(tmp, args.herhalingen)
    resultaat = {
        "machine": {"kernen": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "versies": package_versions(),
        "seconden": {
            "a_kernvloer": a,
            "b_papermill": b,
            "c_in_proces": c,
            "d_alle_gemeenten_fast": d,
            "e_jobs1": e1,
            "e_jobs2": e2,
            "f_site_volledig": f,
            "g_site_na_een_les": g,
            "h_app_eerste_pagina": h,
            "i_app_checklist_na_klik": i,
        },  # fmt: skip
        "verhoudingen": {"b/a": b / a, "b/c": b / c, "e_jobs1/e_jobs2": e1 / e2, "f/g": f / g},
    }
    print(f"machine: {os.cpu_count()} kernen, Python {platform.python_version()}, {platform.platform()}")
    print(f"papermill {resultaat['versies']['papermill']}, nbclient {resultaat['versies']['nbclient']}, "
          f"ipykernel {resultaat['versies']['ipykernel']}")  # fmt: skip
    print()
    print(f"{'meting':<58}{'seconden':>10}")
    regels = [
        ("(a) kernvloer: papermill, één cel met dezelfde imports", a),
        ("(b) één checklist via papermill (alle formaten)", b),
        ("(c) één checklist in-proces (zelfde formaten, zonder .ipynb)", c),
        ("(d) batch --alle-gemeenten --fast (342, 2 processen)", d),
        (f"(e) batch {args.gemeenten} gemeenten via papermill, --jobs 1", e1),
        (f"(e) batch {args.gemeenten} gemeenten via papermill, --jobs 2", e2),
        ("(f) site, nl en en, helemaal opnieuw", f),
        ("(g) site opnieuw na het wijzigen van één les", g),
        ("(h) web-app: eerste pagina klaar na het verzoek", h),
        ("(i) web-app: checklist in beeld na de klik", i),
    ]
    for naam, waarde in regels:
        print(f"{naam:<58}{waarde:>10.3f}")
    print()
    print(f"{'verhouding':<58}{'waarde':>10}  doel")
    print(f"{'b / a  (papermill-checklist t.o.v. kernvloer)':<58}{b / a:>10.2f}  <= 1.5")
    print(f"{'b / c  (papermill t.o.v. in-proces, per checklist)':<58}{b / c:>10.1f}  >= 50")
    print(f"{'d      (alle 342 gemeenten, --fast)':<58}{d:>9.1f}s  < 60 s")
    print(f"{'e1/e2  (--jobs 1 t.o.v. --jobs 2)':<58}{e1 / e2:>10.2f}  >= 1.6")
    print(f"{'f      (site, beide talen, vanaf niets)':<58}{f:>9.1f}s  < 60 s")
    print(f"{'g      (site na één gewijzigde les)':<58}{g:>9.1f}s  < 10 s")
    print(f"{'f / g  (volledig t.o.v. na één les)':<58}{f / g:>10.1f}")
    print(f"{'h      (web-app: eerste pagina klaar)':<58}{h:>9.2f}s  < 5 s")
    print(f"{'i      (web-app: checklist in beeld na de klik)':<58}{i:>9.2f}s  < 2 s")
    uit = ROOT / "benchmarks" / "laatste.json"
    uit.write_text(json.dumps(resultaat, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"\nopgeslagen: {uit.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
