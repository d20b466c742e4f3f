"""Measure the checklist paths side by side, in one run, and print the ratios.

    make bench            (or: .venv/bin/python benchmarks/bench.py [--gemeenten 20] [--herhalingen 3])

(a) kernel floor: papermill runs a one-cell notebook that imports what the checklist notebook imports
    (including the Word and Excel libraries it loads when writing)
(b) one checklist through papermill (notebooks/checklist.ipynb, every format)
(c) one checklist in-process (toolkit.reports.registry.produce, engine inproces: the same formats without .ipynb)
(d) batch checklists --alle-gemeenten --fast (342 municipalities, every format but .ipynb)
(e) batch of N municipalities through papermill, --jobs 1 and --jobs 2
(f) the knowledge-base site, both languages, from nothing (a copy of the content in a temp folder)
(g) the same site again after editing one lesson (incremental: only what changed is rebuilt)
(h) the web app (`warmtelessen app`): from the browser's request until the checklist page's form is
    on screen (Voilà with a pre-heated kernel; a fresh browser context each time)
(i) the web app: from the click on *Maak checklist* until the checklist and its downloads are on screen
(j) scaling: the site rebuilt after editing one lesson, with the shipped cases and with 10x as many
    (every case folder copied nine times as ``<id>-kopie-<n>``, in a temp content folder used through
    ``WARMTELESSEN_HOME``); the median of several rebuilds, each after one more sentence in the lesson
(k) scaling: one checklist in-process, warm (median after one warm-up), with 1x and with 10x the cases
(l) ``warmtelessen --help`` (``python -m toolkit --help``) against a bare ``python -c pass``, as subprocesses
(m) documents: one checklist built and rendered in-process in every format it has now (HTML, Word,
    ODT, PDF, Excel, ODS, Markdown, JSON) against the formats it had before issue 20 with the Word
    and Excel renderers of that time (``benchmarks/voor_issue_20.py``); and Word alone, old and new
(n) the live workshop: ``warmtelessen workshop live`` on loopback, 60 groups open the groups' page at
    once and send their name, every score and a note (threads, one cookie jar each): how many stored,
    p95 until the page is there, p95 to send, memory of the server tree, kernels started for groups
(o) the web app's clean-up: three visitors arrive together (until all three see the form), then ten
    visits come and go; seconds until the kernels are back to idle, and memory then against idle

Timings are wall-clock medians; ratios are what to read (the machine is printed with them).
Targets: b/a <= 1.5, b/c >= 50, d < 60 s on 2 cores, e(jobs 1)/e(jobs 2) >= 1.6, f < 60 s, g < 10 s,
h < 5 s, i < 2 s, j(10x)/j(1x) <= 2, k(10x)/k(1x) <= 1.4, l(--help)/l(pass) <= 3, m(all now)/m(five
then) <= 1, m(Word then)/m(Word now) >= 2, n: all stored, p95 page < 1 s, p95 send < 0.5 s,
< 400 MB, 0 kernels; o: three together < 5 s, kernels stopped < 120 s, memory within 150 MB of idle.
``--alleen app`` measures (h) and (i) only, ``--alleen schaal`` (j), (k) and (l) only,
``--alleen documenten`` (m), ``--alleen live`` (n), ``--alleen opruimen`` (o) only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.content.profile import read_profile  # noqa: E402
from toolkit.reports.batch import package_versions, plan_all_municipalities, run_batch  # noqa: E402
from toolkit.reports.registry import SPECS, produce  # noqa: E402

FORMATEN = SPECS["checklist"].defaults

PROFIEL = read_profile(ROOT / "profielen" / "wageningen-benedenbuurt.yaml")

#: What the project ships besides the package: copied to a temp folder for the measures that edit or scale it.
INHOUD = ("lessons", "cases", "data", "docs", "notebooks", "profielen")

#: The scaling measures: how many times the shipped cases, and the targets for the ratios.
SCHAAL = 10
DOEL_SITE, DOEL_CHECKLIST, DOEL_HELP = 2.0, 1.4, 3.0


def documents(herhalingen: int = 15) -> dict[str, float]:
    """(m): medians, measured alternately in one run, of a whole checklist in every format now and in
    the formats before issue 20 (with that time's Word and Excel renderers), and of Word alone."""
    from toolkit.domain import build
    from toolkit.render import formats, render, render_all

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from voor_issue_20 import checklist_docx_voor, checklist_xlsx_voor

    nu = [f for f in ("html", "docx", "odt", "pdf", "xlsx", "ods", "md", "json") if f in formats("checklist")]

    def alles_nu() -> None:  # as a report writes them: a model Word, ODT and PDF share is built once
        c = build(PROFIEL, "nl")
        render_all("checklist", nu, c, "nl")

    def vijf_toen() -> None:
        c = build(PROFIEL, "nl")
        for f in ("html", "md", "json"):
            render("checklist", f, c, "nl")
        checklist_docx_voor(c, "nl")
        checklist_xlsx_voor(c, "nl")

    c = build(PROFIEL, "nl")
    alles_nu(), vijf_toen()  # warm: imports, fonts, templates
    tijden: dict[str, list[float]] = {"alles_nu": [], "vijf_toen": [], "word_nu": [], "word_toen": []}
    stappen = {"alles_nu": alles_nu, "vijf_toen": vijf_toen, "word_nu": lambda: render("checklist", "docx", c, "nl"),
               "word_toen": lambda: checklist_docx_voor(c, "nl")}  # fmt: skip
    for _ in range(herhalingen):  # alternately, so a busy moment of the machine hits both sides
        for naam, stap in stappen.items():
            begin = time.perf_counter()
            stap()
            tijden[naam].append(time.perf_counter() - begin)
    return {naam: statistics.median(waarden) for naam, waarden in tijden.items()}


def print_documents(m: dict[str, float]) -> None:
    print(f"{'(m) checklist in alle formaten van nu (8)':<58}{m['alles_nu']:>10.3f}")
    print(f"{'(m) checklist in de formaten van vóór issue 20 (5)':<58}{m['vijf_toen']:>10.3f}")
    print(f"{'(m) alleen Word, nu':<58}{m['word_nu']:>10.3f}")
    print(f"{'(m) alleen Word, vóór issue 20':<58}{m['word_toen']:>10.3f}")
    print(f"{'m: alle nu / vijf toen':<58}{m['alles_nu'] / m['vijf_toen']:>10.2f}  <= 1.0")
    print(f"{'m: Word toen / Word nu':<58}{m['word_toen'] / m['word_nu']:>10.2f}  >= 2")


# --- (n) the live workshop: a full room ------------------------------------------------------------

GROEPEN_LIVE = 60


def _process_tree(pid: int) -> list:  # type: ignore[type-arg]
    import psutil

    try:
        ouder = psutil.Process(pid)
        return [ouder, *ouder.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []


def _kernels(pid: int) -> int:
    return sum(1 for p in _process_tree(pid) if "ipykernel" in " ".join(_safe_cmdline(p)))


def _safe_cmdline(p) -> list[str]:  # type: ignore[no-untyped-def]
    try:
        return list(p.cmdline())
    except Exception:  # noqa: BLE001 - a process that just ended
        return []


def _group_client(adres: str, nummer: int, stellingen: list[str]) -> tuple[float, float, int]:
    """One group on its own phone: open the page, send name, every score and a note. Returns
    (seconds until the page is there, seconds to send, HTTP status of the answer)."""
    import http.cookiejar
    import random
    import re
    import urllib.parse
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    begin = time.perf_counter()
    with opener.open(adres, timeout=30) as antwoord:
        html = antwoord.read().decode()
    pagina = time.perf_counter() - begin
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    sleutel = re.search(r'name="sleutel" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    velden = {"_xsrf": xsrf, "sleutel": sleutel, "groep": f"Tafel {nummer}"}
    for sid in stellingen:
        velden[f"score-{sid}"] = str(random.randint(1, 5))
        velden[f"notitie-{sid}"] = f"Notitie van tafel {nummer} bij {sid}"
    begin = time.perf_counter()
    with opener.open(adres, data=urllib.parse.urlencode(velden).encode(), timeout=30) as antwoord:
        antwoord.read()
        status = antwoord.status
    return pagina, time.perf_counter() - begin, status


def live_load(tmp: Path, groepen: int = GROEPEN_LIVE) -> dict[str, float]:
    """(n): ``groepen`` groups join the live workshop at once and send everything, on loopback.
    Starts ``warmtelessen workshop live`` as a trainer does and stops it again."""
    import signal
    from concurrent.futures import ThreadPoolExecutor

    from toolkit.app import free_port
    from toolkit.content import kennisbank
    from toolkit.domain import read_session, responses

    poort = free_port()
    proces = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "workshop", "live", "--lessen", "3,4", "--port", str(poort),
         "--map", str(tmp / "live"), "--out", str(tmp / "live-uit"), "--werkmap", str(tmp / "live-werk")],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True, cwd=ROOT,
    )  # fmt: skip
    try:
        adres = pad = ""
        eind = time.monotonic() + 120
        while time.monotonic() < eind and not (adres and pad):
            regel = proces.stdout.readline() if proces.stdout else ""
            if not regel:
                break
            if regel.startswith("Groepen:"):
                adres = regel.split(":", 1)[1].strip()
            if regel.startswith("Antwoorden:"):
                pad = regel.split(":", 1)[1].strip().split(" (")[0]
        if not adres:
            raise RuntimeError("workshop live gaf geen adres")
        stellingen = [s.id for les in kennisbank().lessons("nl") if les.nummer in (3, 4) for s in les.stellingen]
        kernels_voor = _kernels(proces.pid)
        with ThreadPoolExecutor(groepen) as pool:
            uitkomsten = list(pool.map(lambda n: _group_client(adres, n, stellingen), range(1, groepen + 1)))
        geheugen = sum(p.memory_info().rss for p in _process_tree(proces.pid)) / 1e6
        kernels = _kernels(proces.pid) - kernels_voor
        opgeslagen = len({a.groep for a in responses(read_session(ROOT / pad if not Path(pad).is_absolute()
                                                                  else Path(pad)))})  # fmt: skip
    finally:
        try:
            os.killpg(proces.pid, signal.SIGTERM)
            proces.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proces.pid, signal.SIGKILL)

    def p95(waarden: list[float]) -> float:
        return statistics.quantiles(waarden, n=20)[-1]

    return {
        "groepen": groepen,
        "opgeslagen": opgeslagen,
        "geslaagd": sum(1 for _, _, s in uitkomsten if s == 200),
        "p95_pagina": p95([u[0] for u in uitkomsten]),
        "p95_versturen": p95([u[1] for u in uitkomsten]),
        "geheugen_mb": geheugen,
        "kernels_voor_groepen": kernels,
    }


def print_live(n: dict[str, float]) -> None:
    print(f"{'(n) live: groepen opgeslagen':<58}{int(n['opgeslagen']):>7}/{int(n['groepen'])}  doel alle")
    print(f"{'(n) live: p95 van verzoek tot bruikbare pagina (s)':<58}{n['p95_pagina']:>10.3f}  doel < 1")
    print(f"{'(n) live: p95 versturen (s)':<58}{n['p95_versturen']:>10.3f}  doel < 0.5")
    print(f"{'(n) live: geheugen van de hele server (MB)':<58}{n['geheugen_mb']:>10.0f}  doel < 400")
    print(f"{'(n) live: kernels gestart voor groepen':<58}{int(n['kernels_voor_groepen']):>10}  doel 0")


# --- (o) the web app frees what it no longer needs -------------------------------------------------


def app_clean_up(tmp: Path) -> dict[str, float]:
    """(o): three visitors arrive together (seconds until all three see the form); then ten visits
    come and go, and the app stops their kernels (seconds until the kernels are back to idle, and
    the memory of the server tree then, against idle)."""
    import signal

    from playwright.sync_api import sync_playwright

    from toolkit.app import OPRUIMEN, free_port

    poort = free_port()
    proces = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "app", "--port", str(poort), "--werkmap", str(tmp / "app-o")],
        cwd=ROOT, stdout=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip

    def boom() -> tuple[int, float]:
        processen = _process_tree(proces.pid)
        kernels = sum(1 for p in processen if "ipykernel" in " ".join(_safe_cmdline(p)))
        return kernels, sum(p.memory_info().rss for p in processen) / 1e6

    try:
        for regel in proces.stdout or []:
            if regel.startswith("Stoppen"):
                break
        url = f"http://127.0.0.1:{poort}/voila/render/checklist.ipynb"
        time.sleep(15)  # the pre-heated kernels are ready: the app at rest
        kernels_rust, geheugen_rust = boom()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            paginas = [browser.new_context().new_page() for _ in range(3)]
            begin = time.perf_counter()
            for pagina in paginas:
                pagina.goto(url, wait_until="commit")
            for pagina in paginas:
                pagina.wait_for_selector("text=Maak checklist", timeout=120_000)
            drie = time.perf_counter() - begin
            for pagina in paginas:
                pagina.context.close()
            for _ in range(10):
                pagina = browser.new_context().new_page()
                pagina.goto(url)
                pagina.wait_for_selector("text=Maak checklist", timeout=120_000)
                pagina.context.close()
            browser.close()
        begin = time.monotonic()
        while time.monotonic() - begin < 2 * OPRUIMEN + 60 and boom()[0] > kernels_rust:
            time.sleep(2)
        opgeruimd = time.monotonic() - begin
        kernels_na, geheugen_na = boom()
    finally:
        os.killpg(proces.pid, signal.SIGINT)
        proces.wait(timeout=60)
    return {"drie_tegelijk": drie, "opgeruimd_na": opgeruimd, "kernels_rust": kernels_rust,
            "kernels_na": kernels_na, "geheugen_rust_mb": geheugen_rust, "geheugen_na_mb": geheugen_na}  # fmt: skip


def print_clean_up(o: dict[str, float]) -> None:
    print(f"{'(o) web-app in rust: klaarstaande kernels / geheugen (MB)':<58}"
          f"{o['kernels_rust']:>4.0f} / {o['geheugen_rust_mb']:>4.0f}")  # fmt: skip
    print(f"{'(o) web-app: drie bezoekers tegelijk, formulier in beeld (s)':<58}{o['drie_tegelijk']:>10.2f}  doel < 5")
    print(f"{'(o) web-app: kernels van 13 gesloten paginas gestopt na (s)':<58}{o['opgeruimd_na']:>10.0f}  doel < 120")
    print(f"{'(o) web-app: geheugen na de bezoeken min in rust (MB)':<58}"
          f"{o['geheugen_na_mb'] - o['geheugen_rust_mb']:>10.0f}  doel < 150")  # fmt: skip


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
                "from toolkit.notebook.display import show\nfrom toolkit.notebook.widgets import profile_form\n"
                "import toolkit.reports.registry, toolkit.domain.checklist, toolkit.render.checklist, docx, openpyxl"
                "  # what the checklist notebook imports when it writes"
            ),
        ]
        nbformat.write(nb, pad)
    papermill.execute_notebook(
        str(pad), str(tmp / "vloer.uit.ipynb"), parameters={"x": 2}, progress_bar=False, log_output=False,
        kernel_manager_class="toolkit.reports.kernels.IpcKernelManager", cwd=str(ROOT),
    )  # fmt: skip


def checklist_papermill(tmp: Path) -> None:
    produce("checklist", {"profiel": PROFIEL}, tmp / "b", list(FORMATEN), engine="papermill", subfolder=False)


def checklist_in_process(tmp: Path) -> None:
    formats = [f for f in FORMATEN if f != "ipynb"]
    produce("checklist", {"profiel": PROFIEL}, tmp / "c", formats, engine="inproces", subfolder=False)


def site_builds(tmp: Path) -> tuple[float, float]:
    """(f) a full build of both languages, (g) a rebuild after one lesson changed. On a copy of the
    content (``WARMTELESSEN_HOME``), so the benchmark edits no file of the project."""
    from toolkit.site.build import build_site

    thuis = content_copy(tmp / "inhoud")
    with content_home(thuis):
        start = time.perf_counter()
        build_site(tmp / "site")
        f = time.perf_counter() - start
        edit_lesson(thuis)
        start = time.perf_counter()
        build_site(tmp / "site")
        g = time.perf_counter() - start
    return f, g


def content_copy(thuis: Path, keer: int = 1) -> Path:
    """A copy of the project's content in ``thuis``, with every shipped case ``keer`` times: the
    copies are ``cases/<id>-kopie-<n>`` (n = 1 .. keer - 1), with that id and " (kopie n)" after the name."""
    for naam in INHOUD:
        shutil.copytree(ROOT / naam, thuis / naam)
    for bron in sorted(p for p in (ROOT / "cases").iterdir() if (p / "casus.yaml").is_file()):
        for n in range(1, keer):
            doel = thuis / "cases" / f"{bron.name}-kopie-{n}"
            shutil.copytree(bron, doel)
            yaml = doel / "casus.yaml"
            tekst = yaml.read_text(encoding="utf-8")
            tekst, ids = re.subn(r"^id:[^\n]*", f"id: {doel.name}", tekst, count=1, flags=re.M)
            tekst, namen = re.subn(
                r'^naam:\s*"?(.*?)"?\s*(#[^\n]*)?$', lambda m, n=n: f'naam: "{m.group(1)} (kopie {n})"', tekst,
                count=1, flags=re.M,
            )  # fmt: skip
            if ids != 1 or namen != 1:
                raise SystemExit(f"{yaml}: geen regel 'id:' of 'naam:' bovenaan om aan te passen")
            yaml.write_text(tekst, encoding="utf-8")
    return thuis


@contextmanager
def content_home(thuis: Path) -> Iterator[None]:
    """``WARMTELESSEN_HOME`` set to ``thuis`` for the time of the block (for this process and its children)."""
    oud = os.environ.get("WARMTELESSEN_HOME")
    os.environ["WARMTELESSEN_HOME"] = str(thuis)
    try:
        yield
    finally:
        if oud is None:
            os.environ.pop("WARMTELESSEN_HOME", None)
        else:
            os.environ["WARMTELESSEN_HOME"] = oud


def edit_lesson(thuis: Path) -> None:
    """One more sentence at the end of lesson 4 (Dutch): the edit an author makes between two builds."""
    les = next((thuis / "lessons").glob("04-*.nl.md"))
    les.write_text(les.read_text(encoding="utf-8") + "\nEen extra zin voor de meting.\n", encoding="utf-8")


def warm_checklist_times(uit: Path, keer: int) -> list[float]:
    """(k) in a fresh process: one checklist in-process as a warm-up, then ``keer`` timed ones."""
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); import bench; from pathlib import Path\n"
        "uit = Path(sys.argv[2]); bench.checklist_in_process(uit); tijden = []\n"
        "for _ in range(int(sys.argv[3])):\n"
        "    start = time.perf_counter(); bench.checklist_in_process(uit); tijden.append(time.perf_counter() - start)\n"
        "print(*tijden)"
    )
    opdracht = [sys.executable, "-c", code, str(ROOT / "benchmarks"), str(uit), str(keer)]
    uitvoer = subprocess.run(opdracht, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return [float(x) for x in uitvoer.split()]


def _run_times(opdracht: list[str], keer: int) -> list[float]:
    tijden = []
    for _ in range(keer):
        start = time.perf_counter()
        subprocess.run(opdracht, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tijden.append(time.perf_counter() - start)
    return tijden


def scaling(tmp: Path, herhalingen: int) -> dict[str, float]:
    """(j), (k) and (l): the same measures with the shipped cases (1x) and with ``SCHAAL`` times as
    many (10x), side by side in one run; the two variants alternate, so a busy machine weighs on both."""
    from toolkit.content import kennisbank
    from toolkit.site.build import build_site

    thuizen = {keer: content_copy(tmp / f"schaal-{keer}x", keer) for keer in (1, SCHAAL)}
    casussen: dict[int, int] = {}
    for keer, thuis in thuizen.items():
        with content_home(thuis):
            casussen[keer] = len(kennisbank().cases(met_concepten=True))
            if casussen[keer] != keer * casussen.get(1, casussen[keer]):
                raise SystemExit(f"{keer}x: {casussen[keer]} casussen, verwacht {keer * casussen[1]}")
            build_site(tmp / f"schaal-{keer}x-site")  # the full build the rebuilds start from
    site: dict[int, list[float]] = {1: [], SCHAAL: []}
    for _ in range(herhalingen):
        for keer, thuis in thuizen.items():
            with content_home(thuis):
                edit_lesson(thuis)
                start = time.perf_counter()
                build_site(tmp / f"schaal-{keer}x-site")
                site[keer].append(time.perf_counter() - start)
    # Each variant in a fresh process of its own (a long-running process with that content): in this
    # process the other variant's content and the site builds would weigh on the garbage collector.
    checklist: dict[int, list[float]] = {1: [], SCHAAL: []}
    for _ in range(2):
        for keer, thuis in thuizen.items():
            with content_home(thuis):
                checklist[keer] += warm_checklist_times(tmp / f"schaal-{keer}x-checklist", max(10, herhalingen))
    kaal: list[float] = []
    hulp: list[float] = []
    with content_home(thuizen[SCHAAL]):
        _run_times([sys.executable, "-m", "toolkit", "--help"], 1)  # the warm-up: .pyc and disk cache
        for _ in range(10):
            kaal += _run_times([sys.executable, "-c", "pass"], 1)
            hulp += _run_times([sys.executable, "-m", "toolkit", "--help"], 1)
    return {
        "casussen_1x": casussen[1],
        "casussen_10x": casussen[SCHAAL],
        "j_site_na_een_les_1x": statistics.median(site[1]),
        "j_site_na_een_les_10x": statistics.median(site[SCHAAL]),
        "k_checklist_in_proces_1x": statistics.median(checklist[1]),
        "k_checklist_in_proces_10x": statistics.median(checklist[SCHAAL]),
        "l_python_pass": statistics.median(kaal),
        "l_help": statistics.median(hulp),
    }


def scaling_ratios(s: dict[str, float]) -> dict[str, float]:
    return {
        "j_10x/j_1x": s["j_site_na_een_les_10x"] / s["j_site_na_een_les_1x"],
        "k_10x/k_1x": s["k_checklist_in_proces_10x"] / s["k_checklist_in_proces_1x"],
        "l_help/l_pass": s["l_help"] / s["l_python_pass"],
    }


def print_scaling(s: dict[str, float]) -> None:
    r = scaling_ratios(s)
    n1, n10 = int(s["casussen_1x"]), int(s["casussen_10x"])
    regels = [
        (f"(j) site opnieuw na één les, {n1} casussen", s["j_site_na_een_les_1x"]),
        (f"(j) site opnieuw na één les, {n10} casussen", s["j_site_na_een_les_10x"]),
        (f"(k) één checklist in-proces, warm, {n1} casussen", s["k_checklist_in_proces_1x"]),
        (f"(k) één checklist in-proces, warm, {n10} casussen", s["k_checklist_in_proces_10x"]),
        ("(l) python -c pass", s["l_python_pass"]),
        (f"(l) warmtelessen --help ({n10} casussen)", s["l_help"]),
    ]
    for naam, waarde in regels:
        print(f"{naam:<58}{waarde:>10.3f}")
    print()
    print(f"{'verhouding (schaal: ' + str(SCHAAL) + '× zoveel casussen)':<58}{'waarde':>10}  doel")
    doelen = [
        ("j 10×/1×  (site na één les)", r["j_10x/j_1x"], DOEL_SITE),
        ("k 10×/1×  (checklist in-proces, warm)", r["k_10x/k_1x"], DOEL_CHECKLIST),
        ("l help/pass  (warmtelessen --help t.o.v. python -c pass)", r["l_help/l_pass"], DOEL_HELP),
    ]
    for naam, waarde, doel in doelen:
        oordeel = "" if waarde <= doel else "  NIET GEHAALD"
        print(f"{naam:<58}{waarde:>10.2f}  <= {doel}{oordeel}")


def app_timings(tmp: Path, herhalingen: int) -> tuple[float, float]:
    """(h) first page ready, (i) checklist on screen after the click: the app started as a user
    starts it, Debian's Chromium through Playwright, the app stopped by its process id afterwards."""
    import signal
    import subprocess

    from playwright.sync_api import sync_playwright

    from toolkit.app.server import free_port

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


def _logbook_of(pad: Path, activiteiten: int) -> Path:
    """A logbook as a busy wijk team keeps it: a party per 5 activities, input at every activity,
    a decision per 5, each concerning one party."""
    from toolkit.domain import logbook as lb

    db = lb.connect(pad)
    with db:
        for n in range(max(activiteiten // 5, 1)):
            lb.add_party(db, f"Straat {n}", "bewonersinitiatief")
        for n in range(activiteiten):
            lb.add_activity(db, f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", ("inloop", "enquete")[n % 2],
                            f"Onderwerp {n % 9}", f"Straat {n % max(activiteiten // 5, 1)}", "20", str(n % 21),
                            ("informeren", "raadplegen", "adviseren")[n % 3])  # fmt: skip
            lb.add_input(db, n + 1, f"Punt {n}", ("eens", "oneens", "vraag")[n % 3], ("open", "niet", "deels")[n % 3])
        for n in range(max(activiteiten // 5, 1)):
            lb.add_decision(db, f"2026-06-{1 + n % 28:02d}", f"Besluit {n}", "college", "informeren",
                            betreft=f"Straat {n}")  # fmt: skip
    db.close()
    return pad


def participation_report(tmp: Path) -> dict[str, float]:
    """(p): the participation report (``logboek verslag``, every format) of a logbook with 50 and
    with 500 activities, measured side by side in this process (medians of 3)."""
    from toolkit.reports import produce

    uit: dict[str, float] = {}
    for aantal in (50, 500):
        pad = _logbook_of(tmp / f"logboek-{aantal}.sqlite", aantal)
        uit[f"activiteiten_{aantal}"] = _median(3, lambda pad=pad, aantal=aantal: produce(
            "verslag", {"db": str(pad)}, tmp / f"verslag-{aantal}", None, "inproces"))  # fmt: skip
    uit["500/50"] = uit["activiteiten_500"] / uit["activiteiten_50"]
    return uit


def print_participation(p: dict[str, float]) -> None:
    print(f"{'(p) verslag van participatie, 50 activiteiten (5 formaten)':<58}{p['activiteiten_50']:>9.2f}s")
    print(f"{'(p) verslag van participatie, 500 activiteiten':<58}{p['activiteiten_500']:>9.2f}s  < 15 s")
    print(f"{'(p) 500 / 50  (groeit hooguit evenredig)':<58}{p['500/50']:>10.1f}  <= 10")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gemeenten", type=int, default=20, help="aantal gemeenten voor (e)")
    parser.add_argument("--herhalingen", type=int, default=3, help="herhalingen voor (a), (b), (h), (i) en (j)")
    parser.add_argument(
        "--alleen",
        choices=("app", "schaal", "documenten", "live", "opruimen", "verslag"),
        help="meet alleen (h) en (i), de web-app; (j) t/m (l), de schaal; (m), de documenten; (n), de live workshop;"
        " (o), het opruimen van de web-app; of (p), het verslag van participatie",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "laatste.json", help="resultaat naar")
    args = parser.parse_args()
    if args.alleen == "schaal":
        with tempfile.TemporaryDirectory() as tmp_naam:
            s = scaling(Path(tmp_naam), args.herhalingen)
        print(f"machine: {os.cpu_count()} kernen, Python {platform.python_version()}, {platform.platform()}")
        print()
        print(f"{'meting':<58}{'seconden':>10}")
        print_scaling(s)
        # Only the scaling part of the last result is replaced; the other measures stay as they were.
        resultaat = json.loads(args.json.read_text(encoding="utf-8")) if args.json.is_file() else {}
        resultaat["schaal"] = _scaling_result(s)
        _save(resultaat, args.json)
        return
    if args.alleen in ("documenten", "live", "opruimen", "verslag"):  # one measure; the others in the last result stay
        if args.alleen == "documenten":
            waarden, toon = documents(), print_documents
        elif args.alleen == "verslag":
            with tempfile.TemporaryDirectory() as tmp_naam:
                waarden, toon = participation_report(Path(tmp_naam)), print_participation
        else:
            with tempfile.TemporaryDirectory() as tmp_naam:
                meet, toon = (live_load, print_live) if args.alleen == "live" else (app_clean_up, print_clean_up)
                waarden = meet(Path(tmp_naam))
        print(f"machine: {os.cpu_count()} kernen, Python {platform.python_version()}, {platform.platform()}")
        toon(waarden)
        resultaat = json.loads(args.json.read_text(encoding="utf-8")) if args.json.is_file() else {}
        resultaat[args.alleen] = waarden
        _save(resultaat, args.json)
        return
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
        s = scaling(tmp, args.herhalingen)
        m = documents()
        n = live_load(tmp)
        o = app_clean_up(tmp)
        p = participation_report(tmp)
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
        "schaal": _scaling_result(s),
        "documenten": m,
        "live": n,
        "opruimen": o,
        "verslag": p,
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
    print()
    print_scaling(s)
    print()
    print_documents(m)
    print()
    print_live(n)
    print_clean_up(o)
    print_participation(p)
    _save(resultaat, args.json)


def _scaling_result(s: dict[str, float]) -> dict[str, object]:
    return {
        "machine": {"kernen": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "keer": SCHAAL,
        "casussen": {"1x": int(s["casussen_1x"]), "10x": int(s["casussen_10x"])},
        "seconden": {k: v for k, v in s.items() if not k.startswith("casussen")},
        "verhoudingen": scaling_ratios(s),
        "doelen": {"j_10x/j_1x": DOEL_SITE, "k_10x/k_1x": DOEL_CHECKLIST, "l_help/l_pass": DOEL_HELP},
    }


def _save(resultaat: dict[str, object], uit: Path) -> None:
    uit.write_text(json.dumps(resultaat, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    getoond = uit.relative_to(ROOT) if uit.is_relative_to(ROOT) else uit
    print(f"\nopgeslagen: {getoond}")


if __name__ == "__main__":
    main()
