"""The web app and the live workshop as a person meets them: ``warmtelessen app`` and
``warmtelessen workshop live`` started as a user starts them (on a free loopback port, stopped by
their process id), driven in a real browser (Debian's Chromium through Playwright), checked with
axe-core (WCAG 2.1 AA: no serious or critical violation) and for requests that leave the machine."""

from __future__ import annotations

import functools
import http.client
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.conftest import ROOT, run_cli
from toolkit.app import ENV, check_port
from toolkit.app.server import free_port
from toolkit.base.labels import value_label
from toolkit.domain import read_session, responses

AXE_WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
GEMEENTE = "Zwolle"  # a municipality none of the fixtures or examples use


@dataclass
class Server:
    """A running ``warmtelessen app`` or ``workshop live``: its process, what it printed, its port."""

    proces: subprocess.Popen[str]
    regels: list[str]
    poort: int
    werkmap: Path
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def basis(self) -> str:
        return f"http://127.0.0.1:{self.poort}/"

    def line(self, begin: str) -> str:
        return next(r for r in self.regels if r.startswith(begin)).split(": ", 1)[1]

    def stop(self) -> None:
        """Ctrl-C, as a user stops it; then wait until it and its Voilà process are gone."""
        if self.proces.poll() is None:
            os.kill(self.proces.pid, signal.SIGINT)
            self.proces.wait(timeout=30)

    def kill(self) -> None:
        """Kill the Voilà process outright (no clean shutdown), then the command that started it."""
        voila = int((self.werkmap / "voila.pid").read_text())
        os.killpg(voila, signal.SIGKILL)
        self.proces.wait(timeout=30)


def start(*args: str, werkmap: Path, poort: int | None = None) -> Server:
    """Start a command on a loopback port (a free one unless given) and wait until it prints how to stop it."""
    poort = poort or free_port()
    proces = subprocess.Popen(
        [sys.executable, "-m", "toolkit", *args, "--port", str(poort), "--werkmap", str(werkmap)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    regels: list[str] = []
    gelezen: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [gelezen.put(r.rstrip("\n")) for r in proces.stdout or []], daemon=True).start()
    eind = time.monotonic() + 120
    try:
        while time.monotonic() < eind and not (regels and regels[-1].startswith(("Stoppen", "To stop"))):
            try:
                regels.append(gelezen.get(timeout=1))
            except queue.Empty:
                if proces.poll() is not None:
                    raise AssertionError(f"{args} stopte: {proces.stderr.read() if proces.stderr else ''}") from None
        assert regels and regels[-1].startswith(("Stoppen", "To stop")), regels
    except BaseException:  # a server that did not start as it should is never left running
        Server(proces, regels, poort, werkmap).stop()
        raise
    return Server(proces, regels, poort, werkmap)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("app")
    server = start("app", "--site", str(tmp / "geen-site"), werkmap=tmp / "werk")
    assert server.regels[0] == f"Warmtelessen draait op {server.basis}"
    yield server
    server.stop()
    assert server.proces.returncode == 0


def _page(browser: Any, **opties: Any) -> tuple[Any, list[str]]:
    """A new page in its own context, and the list of requests it makes outside this computer."""
    pagina = browser.new_context(accept_downloads=True, **opties).new_page()
    buiten: list[str] = []
    pagina.on("request", lambda r: buiten.append(r.url) if not r.url.startswith(
        ("http://127.0.0.1:", "ws://127.0.0.1:", "data:", "blob:")) else None)  # fmt: skip
    pagina.on("dialog", lambda d: buiten.append(f"dialog: {d.message}"))  # a script a user typed ran
    return pagina, buiten


def _open(pagina: Any, url: str, klaar: str = "h1") -> float:
    """Open a page of the app and wait until its widgets are on screen; returns the seconds it took."""
    begin = time.perf_counter()
    pagina.goto(url, timeout=120_000)  # a kernel still starting on a busy machine: slow, not wrong
    pagina.wait_for_selector(klaar, timeout=60_000)
    return time.perf_counter() - begin


def _axe(pagina: Any) -> list[tuple[str, list[Any]]]:
    from axe_playwright_python.sync_playwright import Axe

    uitslag = Axe().run(pagina, options=AXE_WCAG21_AA)
    assert uitslag.response["passes"]  # axe really looked at the page
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in uitslag.response["violations"]
            if v["impact"] in ("serious", "critical")]  # fmt: skip


def _fill_profile(pagina: Any) -> None:
    pagina.get_by_label("Gemeente", exact=True).fill(GEMEENTE.lower())
    pagina.get_by_label("Gemeente", exact=True).press("Tab")
    pagina.get_by_label("Fase", exact=True).select_option(label=value_label("fase", "orientatie", "nl"))
    pagina.get_by_role("button", name="Groep toevoegen").click()
    pagina.get_by_label("Naam", exact=True).fill("Energiecoöperatie <Oost>")
    pagina.get_by_label("Soort", exact=True).select_option(
        label=value_label("groepen.soort", "energiecooperatie", "nl")
    )


def _checklist_made(app: Server, browser: Any) -> tuple[Any, list[str]]:
    """The checklist page, filled in for the municipality and with its checklist made."""
    pagina, buiten = _page(browser)
    _open(pagina, app.basis + "voila/render/checklist.ipynb", "text=Maak checklist")
    _fill_profile(pagina)
    assert "133.141" in pagina.inner_text(".wl-melding")  # the public figures for the place picked
    _make(pagina)
    return pagina, buiten


def _make(pagina: Any) -> float:
    begin = time.perf_counter()
    pagina.get_by_role("button", name="Maak checklist").click()
    pagina.wait_for_selector("text=Uw bestanden", timeout=30_000)
    return time.perf_counter() - begin


def _upload(pagina: Any, knop: str, pad: Path) -> None:
    """Choose a file with an upload button, as a person does."""
    with pagina.expect_file_chooser() as kiezer:
        pagina.get_by_role("button", name=re.compile(knop)).click()
    kiezer.value.set_files(str(pad))


def _download(pagina: Any, naam: str, map_: Path) -> Path:
    with pagina.expect_download() as download:
        pagina.locator(f'a[download="{naam}"]').click()
    doel = map_ / naam
    download.value.save_as(doel)
    return doel


# --- the start page and the knowledge base --------------------------------------------------------


def _fits(pagina: Any) -> list[str]:
    """What sticks out at the right: the page's own width, and fields or buttons past the window's edge
    (Voilà's boxes cut off what is wider than they are, so the page itself would not scroll). Measured
    once the widgets have followed the window's width (:func:`_reflowed`)."""
    _reflowed(pagina)
    return list(pagina.evaluate(
        """() => { const w = window.innerWidth; const uit = [];
        if (document.documentElement.scrollWidth > w) uit.push('page ' + document.documentElement.scrollWidth);
        for (const e of document.querySelectorAll('input, select, textarea, button, .widget-html-content')) {
          const r = e.getBoundingClientRect();
          if (r.width && r.right > w + 0.5) uit.push(e.outerHTML.slice(0, 80) + ' ' + r.right); }
        return uit; }"""))  # fmt: skip


def _reflowed(pagina: Any) -> None:
    """Wait (up to 5 s) until the widgets have followed a change of the window's width: the boxes
    take their new width a moment after the window does. What still sticks out then, sticks out."""
    from playwright.sync_api import TimeoutError as Wachttijd

    try:
        pagina.wait_for_function(
            "() => [...document.querySelectorAll('.widget-html-content')].every("
            "e => e.getBoundingClientRect().right <= window.innerWidth + 0.5)", timeout=5_000)  # fmt: skip
    except Wachttijd:
        pass


def _overlaps(pagina: Any) -> list[str]:
    """Fields whose box runs into a help text (a fixed height that the label above does not fit in),
    once the widgets have followed the window's width."""
    _reflowed(pagina)
    return list(pagina.evaluate(
        """() => { const uit = [];
        const hulp = [...document.querySelectorAll('.wl-hulp')].map(e => [e, e.getBoundingClientRect()]);
        for (const e of document.querySelectorAll('input, select, textarea')) {
          const r = e.getBoundingClientRect(); if (!r.height) continue;
          for (const [h, q] of hulp) if (q.height && r.left < q.right && q.left < r.right
              && r.top < q.bottom - 1 && q.top < r.bottom - 1)
            uit.push(e.outerHTML.slice(0, 60) + ' / ' + h.textContent.slice(0, 40)); }
        return uit; }"""))  # fmt: skip


def test_the_start_page_names_the_pages_in_plain_words(app: Server, browser: Any) -> None:
    pagina, buiten = _page(browser)
    _open(pagina, app.basis)
    assert pagina.get_attribute("html", "lang") == "nl"
    knoppen = pagina.locator("a.wl-keuze")
    namen = [knoppen.nth(i).locator(".wl-keuze-naam").inner_text() for i in range(knoppen.count())]
    assert "Checklist op maat" in namen and "Kennisbank" in namen
    assert "Read the seven lessons" not in pagina.inner_text("main")
    assert pagina.get_attribute("footer", "lang") == "en" and "--lang en" in pagina.inner_text("footer")
    assert _axe(pagina) == []
    for breedte in (390, 1280):  # large buttons, on screen, on a phone as on a desktop
        pagina.set_viewport_size({"width": breedte, "height": 900})
        assert _fits(pagina) == []
        assert all(knoppen.nth(i).bounding_box()["height"] >= 44 for i in range(knoppen.count()))
    pagina.get_by_role("link", name="Kennisbank").click()
    pagina.wait_for_selector("h1:has-text('Kennisbank')", timeout=60_000)
    assert buiten == []


def test_the_knowledge_base_shows_lessons_and_cases(app: Server, browser: Any) -> None:
    pagina, buiten = _page(browser)
    _open(pagina, app.basis + "voila/render/kennisbank.ipynb", "h1:has-text('Kennisbank')")
    pagina.get_by_label("Les", exact=True).select_option(label="4. Werk samen met bestaande groepen in de wijk")
    pagina.wait_for_selector("h1:has-text('Werk samen met bestaande groepen')", timeout=30_000)
    pagina.get_by_label("Casus", exact=True).select_option(label="Hengstdal, Nijmegen")
    pagina.wait_for_selector("h1:has-text('Hengstdal')", timeout=30_000)
    # no link to a report file that the app does not serve (without a site they are left out)
    assert pagina.locator("a[href$='.html']:not([href^='http'])").count() == 0
    pagina.get_by_label("Les", exact=True).select_option(label="1. Zet participatie door bewoners bovenaan de agenda")
    pagina.wait_for_selector("h1:has-text('Zet participatie')", timeout=30_000)
    tags = pagina.locator(".tags .tag")
    assert tags.count() >= 2 and " " in pagina.inner_text(".tags").strip()  # words apart, not run together
    for breedte in (1280, 390):  # every line whole: nothing cut off at the right
        pagina.set_viewport_size({"width": breedte, "height": 900})
        assert _fits(pagina) == []
        assert pagina.evaluate("""() => {
            const c = document.querySelector('article.les').closest('.widget-html-content');
            return c.scrollWidth <= c.clientWidth + 1 && c.getBoundingClientRect().right
                   <= c.closest('.widget-box').getBoundingClientRect().right + 0.5; }""")  # fmt: skip
    assert _axe(pagina) == []
    assert buiten == []


# --- the checklist --------------------------------------------------------------------------------


def test_a_municipality_makes_its_checklist_and_gets_the_files_the_command_line_writes(
    app: Server, browser: Any, tmp_path: Path
) -> None:
    from docx import Document
    from openpyxl import load_workbook

    pagina, buiten = _checklist_made(app, browser)
    assert "CBS" in pagina.inner_text(".wl-melding") and "2024" in pagina.inner_text(".wl-melding")
    assert f"De checklist voor {GEMEENTE} is klaar" in pagina.inner_text("[role=status]")
    scherm = pagina.inner_text("#rendered_cells")
    assert "Aanleiding:" in scherm and "Energiecoöperatie <Oost>" in scherm  # the why, and the group as typed
    assert pagina.locator("#rendered_cells a[href$='.html']:not([href^='http'])").count() == 0  # no dead links

    profiel = _download(pagina, "zwolle-profiel.yaml", tmp_path)
    json_app = _download(pagina, "checklist.json", tmp_path)
    res = run_cli("checklist", "--profiel", str(profiel), "--formats", "json,docx,xlsx", "--out", str(tmp_path / "cli"))
    assert res.returncode == 0, res.stderr
    assert json_app.read_bytes() == (tmp_path / "cli/zwolle/checklist.json").read_bytes()

    woord = Document(str(_download(pagina, "checklist.docx", tmp_path)))
    assert any(GEMEENTE in p.text for p in woord.paragraphs[:5])
    cli_woord = Document(str(tmp_path / "cli/zwolle/checklist.docx"))
    assert [p.text for p in woord.paragraphs] == [p.text for p in cli_woord.paragraphs]
    boek = load_workbook(_download(pagina, "actieregister.xlsx", tmp_path))
    cli_boek = load_workbook(tmp_path / "cli/zwolle/actieregister.xlsx")
    assert boek.sheetnames == cli_boek.sheetnames
    blad = boek.worksheets[0]
    assert [[c.value for c in r] for r in blad.iter_rows()] == [
        [c.value for c in r] for r in cli_boek.worksheets[0].iter_rows()
    ]
    assert blad.max_row > 10
    assert _download(pagina, "checklist.md", tmp_path).read_text(encoding="utf-8").startswith("#")
    assert "<html" in _download(pagina, "checklist.html", tmp_path).read_text(encoding="utf-8")
    assert _axe(pagina) == []
    assert buiten == []


def test_an_uploaded_register_shows_progress_and_a_wrong_one_is_refused(
    app: Server, browser: Any, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    pagina, _ = _checklist_made(app, browser)
    register = _download(pagina, "actieregister.xlsx", tmp_path)
    boek = load_workbook(register)
    blad = boek.worksheets[0]
    kop = [c.value for c in blad[1]]
    status = kop.index("Status") + 1
    for rij in range(2, 6):
        blad.cell(rij, status, "gedaan")
    boek.save(register)
    _upload(pagina, "Actieregister laden", register)
    pagina.wait_for_selector("text=De voortgang uit uw actieregister staat erbij", timeout=30_000)
    assert re.search(r"Totaal\s+4 / \d+", pagina.inner_text("#rendered_cells")), "4 actions done, counted"

    res = run_cli("checklist", "--gemeente", "Ede", "--formats", "xlsx", "--out", str(tmp_path / "ander"))
    assert res.returncode == 0, res.stderr
    _upload(pagina, "Actieregister laden", tmp_path / "ander/ede/actieregister.xlsx")
    pagina.wait_for_selector("[role=alert]:has-text('hoort bij Ede')", timeout=30_000)

    (tmp_path / "kapot.xlsx").write_bytes(b"dit is geen spreadsheet")
    _upload(pagina, "Actieregister laden", tmp_path / "kapot.xlsx")
    pagina.wait_for_selector("[role=alert]:has-text('kapot.xlsx')", timeout=30_000)
    (tmp_path / "notities.txt").write_text("hallo")
    _upload(pagina, "Actieregister laden", tmp_path / "notities.txt")
    pagina.wait_for_selector("[role=alert]:has-text('geen .xlsx- of .ods-bestand')", timeout=30_000)
    assert "Traceback" not in pagina.inner_text("body")


def test_an_unknown_municipality_gets_suggestions_and_no_checklist(app: Server, browser: Any) -> None:
    pagina, _ = _page(browser)
    _open(pagina, app.basis + "voila/render/checklist.ipynb", "text=Maak checklist")
    pagina.get_by_label("Gemeente", exact=True).fill("Zwole")
    pagina.get_by_label("Gemeente", exact=True).press("Tab")
    pagina.wait_for_selector("[role=alert]:has-text('Zwolle')", timeout=30_000)
    pagina.get_by_role("button", name="Maak checklist").click()
    pagina.wait_for_selector("[role=alert]:has-text('onbekende gemeente')", timeout=30_000)
    assert pagina.locator("a[download]").count() == 0
    pagina.get_by_label("Capaciteit", exact=False).fill("veel")
    pagina.get_by_label("Gemeente", exact=True).fill(GEMEENTE)
    pagina.get_by_role("button", name="Maak checklist").click()
    pagina.wait_for_selector("[role=alert]:has-text('geen getal')", timeout=30_000)
    assert "Traceback" not in pagina.inner_text("body")


def test_a_saved_profile_fills_the_form_again(app: Server, browser: Any, tmp_path: Path) -> None:
    profiel = tmp_path / "mijn.yaml"
    profiel.write_text("gemeente: Wageningen\nwijk: Benedenbuurt\nfase: planvorming\nlogboek: ja\n", encoding="utf-8")
    pagina, _ = _page(browser)
    _open(pagina, app.basis + "voila/render/checklist.ipynb", "text=Maak checklist")
    _upload(pagina, "Profiel laden", profiel)
    pagina.wait_for_selector("text=Profiel geladen uit mijn.yaml", timeout=30_000)
    assert pagina.get_by_label("Gemeente", exact=True).input_value() == "Wageningen"
    assert pagina.get_by_label("Fase", exact=True).input_value() == value_label("fase", "planvorming", "nl")
    (tmp_path / "fout.yaml").write_text("gemeente: Wageningen\nfase: straks\n", encoding="utf-8")
    _upload(pagina, "Profiel laden", tmp_path / "fout.yaml")
    pagina.wait_for_selector("[role=alert]:has-text('fout.yaml')", timeout=30_000)


# --- the live workshop ----------------------------------------------------------------------------


def _live(tmp: Path, *extra: str) -> Server:
    server = start("workshop", "live", "--lessen", "3,4", "--met-code", "--map", str(tmp / "antwoorden"),
                   "--out", str(tmp / "uit"), *extra, werkmap=tmp / "werk")  # fmt: skip
    server.extra["code"] = re.search(r"Sessiecode: (\w+)", server.regels[0]).group(1)  # type: ignore[union-attr]
    return server


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = _live(tmp_path_factory.mktemp("live"))
    yield server
    server.stop()


def _score(pagina: Any, naam: str, score: int) -> str:
    """Fill in the groups' page (a plain form) and send it; returns the message the page shows."""
    pagina.get_by_label("Naam van uw groep").fill(naam)
    keuzes = pagina.get_by_role("radio", name=str(score), exact=True)
    for i in range(keuzes.count()):
        keuzes.nth(i).check()
    pagina.get_by_role("button", name="Versturen").click()
    pagina.wait_for_selector(".wl-melding", timeout=30_000)
    return str(pagina.inner_text(".wl-melding"))


def test_without_the_session_code_a_request_is_refused(live: Server, browser: Any) -> None:
    groepen = live.line("Groepen")
    assert groepen.endswith(f"?token={live.extra['code']}")
    zonder = groepen.split("?")[0]
    for url in (zonder, zonder + "?token=AAAAAA", live.basis, live.basis + "api/kernels"):
        verzoek = urllib.request.Request(url)
        try:
            antwoord = urllib.request.urlopen(verzoek, timeout=10)
        except urllib.error.HTTPError as fout:
            assert fout.code in (403, 404), url
            continue
        assert "/login" in antwoord.url, url  # sent to the page that asks for the code
        assert "Zelfscan" not in antwoord.read().decode()
    pagina, buiten = _page(browser)
    pagina.goto(zonder)
    assert pagina.title() == "Code nodig"
    assert _axe(pagina) == []
    pagina.get_by_label("Code").fill("zzzzzz")
    pagina.get_by_role("button", name="Verder").click()
    assert "klopt niet" in pagina.inner_text("[role=alert]")
    code = live.extra["code"].lower()
    pagina.get_by_label("Code").fill(f"{code[:3]} {code[3:]}")  # typed the way a person types it
    pagina.get_by_role("button", name="Verder").click()
    pagina.wait_for_selector("text=Versturen", timeout=60_000)
    assert buiten == []


def _device(ip: str) -> urllib.request.OpenerDirector:
    """A browser of its own (cookies) on another loopback address: to the server, another device."""

    class Vanaf(urllib.request.HTTPHandler):
        def http_open(self, req: Any) -> Any:
            return self.do_open(functools.partial(http.client.HTTPConnection, source_address=(ip, 0)), req)

    return urllib.request.build_opener(Vanaf, urllib.request.HTTPCookieProcessor())


def _status(apparaat: urllib.request.OpenerDirector, url: str, data: bytes | None = None) -> tuple[int, str, Any]:
    try:
        with apparaat.open(url, data=data, timeout=30) as antwoord:
            return antwoord.status, antwoord.read().decode(), antwoord
    except urllib.error.HTTPError as fout:
        return fout.code, fout.read().decode(), fout


def test_a_device_that_guesses_codes_gets_429_and_waits_a_minute(live: Server) -> None:
    groepen = live.line("Groepen").split("?")[0]
    raden = _device("127.0.0.2")
    for i in range(5):  # refused as before: sent to the page that asks for the code
        status, tekst, antwoord = _status(raden, f"{groepen}?token=FOUT{i:04d}")
        assert status == 200 and "/login" in antwoord.url and "Code nodig" in tekst
    trainer_fout = re.sub(r"trainer=\w+&token=\w+", "trainer=FOUTFOUT", live.line("Trainer"))
    for url in (f"{groepen}?token=FOUT9999", live.line("Groepen"), trainer_fout):  # the right code waits too
        status, tekst, antwoord = _status(raden, url)
        assert (status, antwoord.headers["Retry-After"]) == (429, "60"), url
        assert "Wacht een minuut" in tekst and 'lang="nl"' in tekst
    # codes typed on the login page count the same way
    typen = _device("127.0.0.3")
    _, pagina, _ = _status(typen, f"{live.basis}login")
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', pagina).group(1)  # type: ignore[union-attr]
    gezien = []
    for i in range(6):
        formulier = urlencode({"_xsrf": xsrf, "password": f"fout{i}"}).encode()
        status, tekst, _ = _status(typen, f"{live.basis}login", formulier)
        gezien.append((status, "klopt niet" in tekst, "Wacht een minuut" in tekst))
    assert gezien == [(401, True, False)] * 5 + [(429, False, True)]
    # another device in the room is not held up
    status, tekst, _ = _status(_device("127.0.0.4"), live.line("Groepen"))
    assert status == 200 and "Versturen" in tekst


def test_three_groups_send_and_the_trainer_sees_them_arrive(live: Server, browser: Any) -> None:
    trainer, buiten = _page(browser)
    _open(trainer, live.line("Trainer"), ".wl-binnen")
    assert trainer.locator("img.wl-qr").count() == 1 and live.extra["code"] in trainer.inner_text(".wl-code")
    groepen = [("Tafel 1", 2), ("<script>alert('x')</script>", 4), ("Tafel 3", 5)]
    for i, (naam, score) in enumerate(groepen, start=1):
        groep, buiten_groep = _page(browser)
        _open(groep, live.line("Groepen"), "text=Versturen")
        if i == 1:
            assert _axe(groep) == []
        assert "Verstuurd voor" in _score(groep, naam, score)
        trainer.wait_for_function(  # the trainer's page updates by itself: no reload
            f"document.querySelector('.wl-binnen').innerText.startsWith('{i} groep')", timeout=15_000)  # fmt: skip
        assert buiten_groep == []
    binnen = trainer.inner_text(".wl-binnen")
    assert "<script>alert('x')</script>" in binnen  # shown as the text it is
    assert trainer.locator(".wl-binnen script").count() == 0
    assert trainer.locator("img[src^='data:image/svg']").count() >= 4  # all groups + one radar per group
    assert _axe(trainer) == []
    assert buiten == []


def test_on_a_phone_the_groups_page_shows_every_field_whole(live: Server, browser: Any) -> None:
    groep, _ = _page(browser, viewport={"width": 390, "height": 844})
    _open(groep, live.line("Groepen"), "text=Versturen")
    assert _fits(groep) == []
    naam = groep.get_by_label("Naam van uw groep").bounding_box()
    assert naam["width"] >= 300  # the label above, the field the width of the phone
    assert groep.get_by_role("button", name="Versturen").is_visible()


def test_bad_input_on_the_groups_page_is_a_message(live: Server, browser: Any) -> None:
    groep, _ = _page(browser)
    _open(groep, live.line("Groepen"), "text=Versturen")
    naam = groep.get_by_label("Naam van uw groep")
    naam.fill("x" * 41)
    assert naam.input_value() == "x" * 40  # the field itself holds no more than is allowed
    naam.fill("")
    groep.get_by_role("button", name="Versturen").click()
    assert naam.evaluate("e => e.validity.valueMissing")  # the browser asks for the name before sending
    # a browser that ignores those limits (an old phone) gets the server's message, on the page
    groep.evaluate("() => document.querySelectorAll('[maxlength], [required]').forEach(e => "
                   "{ e.removeAttribute('maxlength'); e.removeAttribute('required'); })")  # fmt: skip
    assert "hooguit 40" in _score(groep, "x" * 41, 3)
    assert groep.get_by_label("Naam van uw groep").input_value() == "x" * 41  # what was typed stays
    groep.evaluate("() => document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))")
    groep.get_by_label("Naam van uw groep").fill("")
    groep.get_by_role("button", name="Versturen").click()
    groep.wait_for_selector("[role=alert]:has-text('vul de naam van uw groep in')", timeout=15_000)
    assert "Traceback" not in groep.inner_text("body")


def test_a_group_corrects_its_answers_after_a_reload_and_in_another_tab(live: Server, browser: Any) -> None:
    groep, _ = _page(browser)
    _open(groep, live.line("Groepen"), "text=Versturen")
    assert "Verstuurd voor Tafel later" in _score(groep, "Tafel later", 2)
    groep.reload()
    assert groep.get_by_label("Naam van uw groep").input_value() == "Tafel later"  # the page knows its group
    assert all(r.is_checked() for r in groep.get_by_role("radio", name="2", exact=True).all())
    tweede = groep.context.new_page()  # another tab of the same phone
    _open(tweede, live.line("Groepen"), "text=Versturen")
    assert "Verstuurd voor Tafel later" in _score(tweede, "Tafel later", 5)
    sessie = read_session(Path(live.line("Antwoorden").split(" (")[0]))
    assert {a.score for a in responses(sessie) if a.groep == "Tafel later"} == {5}  # corrected, not a second group
    # another phone cannot take the name
    ander, _ = _page(browser)
    _open(ander, live.line("Groepen"), "text=Versturen")
    assert "er is al een groep 'Tafel later'" in _score(ander, "tafel  LATER", 1)
    assert {a.score for a in responses(sessie) if a.groep == "Tafel later"} == {5}


def test_the_groups_page_works_without_javascript_and_starts_no_kernel(live: Server, browser: Any) -> None:
    import psutil

    voila = psutil.Process(int((live.werkmap / "voila.pid").read_text()))
    kernels = len([p for p in voila.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())])
    groep, buiten = _page(browser, java_script_enabled=False, viewport={"width": 390, "height": 844})
    _open(groep, live.line("Groepen"), "text=Versturen")
    assert "Verstuurd voor Tafel zonder script" in _score(groep, "Tafel zonder script", 3)
    assert "tot" in groep.inner_text("body") and "namen van personen" in groep.inner_text(
        "body"
    )  # what is kept, how long
    assert len([p for p in voila.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]) == kernels
    assert buiten == []


def test_the_trainer_puts_a_statement_to_the_room_and_sees_the_votes_come_in(live: Server, browser: Any) -> None:
    trainer, _ = _page(browser)
    _open(trainer, live.line("Trainer"), ".wl-binnen")
    groep, buiten = _page(browser, java_script_enabled=False, viewport={"width": 390, "height": 844})
    _open(groep, live.line("Groepen").replace("/live/groep", "/live/stelling"), "h1")
    assert "geen stelling open" in groep.inner_text("body")
    trainer.get_by_role("button", name="Leg voor aan de zaal").click()
    trainer.wait_for_selector("text=Stemmen: 0 eens", timeout=15_000)
    groep.reload()
    groep.get_by_role("button", name="Oneens", exact=True).click()
    assert "Uw stem is geteld" in groep.inner_text("[role=status]")
    assert groep.get_by_role("button", name="Oneens", exact=True).get_attribute("aria-pressed") == "true"
    assert _fits(groep) == []
    trainer.wait_for_selector("text=Stemmen: 0 eens, 1 oneens", timeout=15_000)  # the beamer, without reload
    trainer.get_by_role("button", name="Sluit de stemming").click()
    groep.get_by_role("button", name="Eens", exact=True).click()  # the page still shows it: refused in words
    assert "niet meer worden gestemd" in groep.inner_text("[role=alert]")
    assert _axe(trainer) == [] and buiten == []


def test_the_trainer_page_needs_the_trainer_code(live: Server, browser: Any) -> None:
    pagina, _ = _page(browser)
    zonder = re.sub(r"trainer=\w+&", "", live.line("Trainer"))
    _open(pagina, zonder, "[role=alert]")
    assert "trainerscode" in pagina.inner_text("[role=alert]")
    assert pagina.locator("img.wl-qr").count() == 0 and pagina.locator("text=Oogst opslaan").count() == 0


def test_saving_the_harvest_writes_the_report_workshop_oogst_writes(live: Server, browser: Any, tmp_path: Path) -> None:
    groep, _ = _page(browser)
    _open(groep, live.line("Groepen"), "text=Versturen")
    _score(groep, "Tafel oogst", 3)
    trainer, _ = _page(browser)
    _open(trainer, live.line("Trainer"), ".wl-binnen")
    trainer.get_by_role("button", name="Oogst opslaan").click()
    trainer.wait_for_selector("text=De oogst is opgeslagen", timeout=120_000)
    uit = Path(live.line("Antwoorden").split(" (")[0]).parent.parent / "uit" / f"workshop-{live.extra['code']}"
    assert (uit / "oogst/oogst.nl.html").is_file() and (uit / "oogst/oogst.nl.docx").is_file()
    res = run_cli("workshop", "oogst", str(uit / "antwoorden"), "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr

    def zonder_cel_ids(pad: Path) -> str:  # papermill gives each run's parameter cell a new id
        return re.sub(r'id="cell-id=[^"]*"', "", pad.read_text(encoding="utf-8"))

    assert zonder_cel_ids(tmp_path / "oogst/oogst.nl.html") == zonder_cel_ids(uit / "oogst/oogst.nl.html")
    assert "Tafel oogst" not in (uit / "oogst/oogst.nl.html").read_text(encoding="utf-8")  # anonymous, as the CLI
    with trainer.expect_download() as download:
        trainer.locator('a[download="oogst.nl.docx"]').click()
    assert download.value.suggested_filename == "oogst.nl.docx"


def test_answers_survive_a_killed_server(browser: Any, tmp_path: Path) -> None:
    server = _live(tmp_path)
    try:
        groep, _ = _page(browser)
        _open(groep, server.line("Groepen"), "text=Versturen")
        assert "Verstuurd voor Tafel blijvend" in _score(groep, "Tafel blijvend", 4)
        groep.context.close()
        server.kill()
        assert server.proces.poll() is not None  # the command ends once Voilà is gone
    finally:
        server.stop()
    opnieuw = _live(tmp_path, "--sessie", server.extra["code"])
    try:
        assert opnieuw.extra["code"] == server.extra["code"]
        trainer, _ = _page(browser)
        _open(trainer, opnieuw.line("Trainer"), ".wl-binnen")
        assert trainer.inner_text(".wl-binnen").startswith("1 groep") and "Tafel blijvend" in trainer.inner_text(
            ".wl-binnen"
        )
    finally:
        opnieuw.stop()


def test_after_kill_9_the_session_starts_again_at_once_on_the_same_port(tmp_path: Path) -> None:
    """The command killed outright (a laptop that hangs, ``kill -9``): its server goes with it, and
    ``--sessie CODE`` starts again on the same port within seconds, with every answer there."""
    import psutil

    eerste = _live(tmp_path)
    sessie = read_session(Path(eerste.line("Antwoorden").split(" (")[0]))
    submit_rows = [{"les": 3, "stelling": sid, "score": 4, "notitie": ""} for sid in _statements(3)]
    from toolkit.domain import submit

    submit(sessie, "Tafel voor de crash", "sleutel", submit_rows)
    voila = psutil.Process(int((eerste.werkmap / "voila.pid").read_text()))
    os.kill(eerste.proces.pid, signal.SIGKILL)  # the command, not the server: no clean-up runs
    eerste.proces.wait(timeout=10)
    psutil.wait_procs([voila], timeout=10)
    assert not voila.is_running() or voila.status() == psutil.STATUS_ZOMBIE  # the server went with it
    begin = time.monotonic()
    res = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "workshop", "live", "--sessie", eerste.extra["code"], "--met-code",
         "--map", str(tmp_path / "antwoorden"), "--out", str(tmp_path / "uit"), "--port", str(eerste.poort),
         "--werkmap", str(tmp_path / "werk2")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    opnieuw = Server(res, [], eerste.poort, tmp_path / "werk2")
    try:
        for regel in res.stdout or []:
            opnieuw.regels.append(regel.rstrip("\n"))
            if regel.startswith("Stoppen"):
                break
        assert opnieuw.regels and opnieuw.regels[-1].startswith("Stoppen"), (opnieuw.regels, res.stderr)
        assert time.monotonic() - begin < 30  # started again at once: no minute of "port in use"
        assert {a.groep for a in responses(sessie)} == {"Tafel voor de crash"}
        with urllib.request.urlopen(opnieuw.line("Groepen"), timeout=10) as antwoord:
            assert "Versturen" in antwoord.read().decode()
    finally:
        opnieuw.stop()


def _left_over(tmp: Path) -> list[str]:
    """The processes still serving a live session stored under ``tmp``: Voilà and its kernels (found
    by the session in their environment: the kernels run in sessions of their own, outside Voilà's
    process group)."""
    import psutil

    sessie = ENV["sessie"]
    over = []
    for proces in psutil.process_iter(["pid", "name"]):
        try:
            if proces.environ().get(sessie, "").startswith(str(tmp)) and proces.status() != psutil.STATUS_ZOMBIE:
                over.append(f"{proces.pid} {' '.join(proces.cmdline()[-3:])}")
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return over


def _nothing_left(tmp: Path, server: Server, binnen: float = 10) -> None:
    """Within ``binnen`` seconds the command has ended, no Voilà or kernel is left, and the port is free."""
    eind = time.monotonic() + binnen
    while (over := _left_over(tmp)) and time.monotonic() < eind:
        time.sleep(0.2)
    assert over == [], over
    server.proces.wait(timeout=max(1, eind - time.monotonic()))
    check_port("127.0.0.1", server.poort)


def _with_kernels(server: Server, tmp: Path) -> None:
    """Wait until the server's pre-heated kernel runs: it must stop with the server too."""
    eind = time.monotonic() + 60
    while not any("ipykernel" in p for p in _left_over(tmp)) and time.monotonic() < eind:
        time.sleep(0.2)
    assert any("ipykernel" in p for p in _left_over(tmp)), _left_over(tmp)


def test_the_server_and_its_kernels_stop_with_the_command_and_start_again_at_once(tmp_path: Path) -> None:
    """A closed terminal (SIGHUP to its process group), ``kill`` (SIGTERM), ``kill -9`` while the
    server is still starting, and Ctrl-C: each time, within seconds, no Voilà and no kernel is left and
    the port is free, and ``--sessie CODE`` starts again at once on the same port."""
    tmp = tmp_path.resolve()

    def live(nummer: int, *extra: str, poort: int | None = None) -> Server:
        return start("workshop", "live", "--lessen", "3", "--map", str(tmp / "antwoorden"), "--out", str(tmp / "uit"),
                     *extra, werkmap=tmp / f"werk{nummer}", poort=poort)  # fmt: skip

    server = live(1)
    code = re.search(r"Sessiecode: (\w+)", server.regels[0]).group(1)  # type: ignore[union-attr]
    try:
        _with_kernels(server, tmp)
        os.killpg(server.proces.pid, signal.SIGHUP)  # the terminal is closed
        _nothing_left(tmp, server)
        server = live(2, "--sessie", code, poort=server.poort)
        _with_kernels(server, tmp)
        os.kill(server.proces.pid, signal.SIGTERM)
        _nothing_left(tmp, server)
        # kill -9 while Voilà is still starting: it must not go on without the command
        proces = subprocess.Popen(
            [sys.executable, "-m", "toolkit", "workshop", "live", "--sessie", code, "--map", str(tmp / "antwoorden"),
             "--out", str(tmp / "uit"), "--port", str(server.poort), "--werkmap", str(tmp / "werk3")],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        server = Server(proces, [], server.poort, tmp / "werk3")  # type: ignore[arg-type]
        eind = time.monotonic() + 60
        while not (tmp / "werk3" / "voila.pid").exists() and proces.poll() is None and time.monotonic() < eind:
            time.sleep(0.01)
        os.kill(proces.pid, signal.SIGKILL)
        _nothing_left(tmp, server)
        server = live(4, "--sessie", code, poort=server.poort)
        assert server.line("Antwoorden").startswith(str(tmp / "antwoorden"))
        _with_kernels(server, tmp)
        os.killpg(server.proces.pid, signal.SIGINT)  # Ctrl-C
        _nothing_left(tmp, server)
    finally:
        server.stop()
        for proces in _left_over(tmp):  # never leave a server running, whatever failed
            os.kill(int(proces.split()[0]), signal.SIGKILL)


def _statements(les: int) -> list[str]:
    from toolkit.content import kennisbank

    return [s.id for s in kennisbank().lesson(les, "nl").stellingen]


def test_with_a_built_site_the_knowledge_base_links_to_it(browser: Any, tmp_path: Path, site: Path) -> None:
    # one ready checklist kernel: this test only needs the knowledge base
    server = start("app", "--site", str(site), "--voorraad", "1", werkmap=tmp_path / "werk")
    try:
        pagina, buiten = _page(browser)
        _open(pagina, server.basis + "voila/render/kennisbank.ipynb", "h1:has-text('Kennisbank')")
        pagina.get_by_role("link", name="Naar de volledige kennisbank (website)").click()
        pagina.wait_for_selector("text=Werk samen met bestaande groepen", timeout=30_000)
        assert "/voila/files/site/nl/" in pagina.url
        assert _axe(pagina) == []
        assert buiten == []
    finally:
        server.stop()


def test_in_english_the_app_speaks_english(browser: Any, tmp_path: Path) -> None:
    server = start("app", "--lang", "en", "--site", str(tmp_path / "geen-site"), "--voorraad", "1",
                   werkmap=tmp_path / "werk")  # fmt: skip
    try:
        assert server.regels[0] == f"Warmtelessen is running at {server.basis}"
        pagina, buiten = _page(browser)
        _open(pagina, server.basis + "voila/render/checklist.ipynb", "text=Make checklist")
        assert pagina.get_attribute("html", "lang") == "en"
        for breedte in (390, 1280):  # no field runs into the help text under it, on a phone as on a desktop
            pagina.set_viewport_size({"width": breedte, "height": 900})
            assert _overlaps(pagina) == [] and _fits(pagina) == []
        pagina.get_by_label("Municipality", exact=True).fill(GEMEENTE)
        pagina.get_by_label("Municipality", exact=True).press("Tab")
        pagina.get_by_role("button", name="Make checklist").click()
        pagina.wait_for_selector(f"text=The checklist for {GEMEENTE} is ready", timeout=30_000)
        assert pagina.locator('a[download="checklist.docx"]').inner_text().startswith("Word")
        assert _axe(pagina) == []
        assert buiten == []
    finally:
        server.stop()


# --- the logbook ----------------------------------------------------------------------------------


def _logbook(tmp: Path) -> Path:
    """A logbook with a party (with a contact detail) and an activity, made with the command line."""
    pad = tmp / "logboek.sqlite"
    for soort in (("partij", "--naam", "Wijkraad Oost", "--type", "wijkraad", "--contactrol", "voorzitter",
                   "--contact", "geheim@example.org"),
                  ("activiteit", "--datum", "2025-03-04", "--vorm", "inloop", "--onderwerp", "Inloopavond warmtenet",
                   "--doelgroep", "Wijkraad Oost", "--uitgenodigd", "400", "--deelnemers", "35", "--trede",
                   "raadplegen")):  # fmt: skip
        res = run_cli("logboek", "--db", str(pad), "toevoegen", *soort)
        assert res.returncode == 0, res.stderr
    return pad


def _logbook_app(tmp: Path, pad: Path, *extra: str) -> Server:
    return start("app", "--logboek", str(pad), "--site", str(tmp / "geen-site"), "--voorraad", "1", *extra,
                 werkmap=tmp / "werk")  # fmt: skip


def test_an_officer_keeps_the_logbook_in_the_app(browser: Any, tmp_path: Path) -> None:
    from docx import Document

    from toolkit.domain import logbook as lb

    pad = _logbook(tmp_path)
    server = _logbook_app(tmp_path, pad)
    try:
        assert server.line("Logboek") == str(pad)
        pagina, buiten = _page(browser, viewport={"width": 1280, "height": 900})
        _open(pagina, server.basis + "voila/render/logboek.ipynb", "caption:has-text('Partijen')")
        tekst = pagina.inner_text("#rendered_cells")
        assert "Wijkraad Oost" in tekst and "Inloopavond warmtenet" in tekst and str(pad) in tekst
        assert "geheim@example.org" not in tekst  # contact details are not in the list
        pagina.set_viewport_size({"width": 390, "height": 2400})  # on a phone: the longest form, whole
        pagina.get_by_label("Wat legt u vast?", exact=True).select_option(label="Activiteit")
        pagina.wait_for_selector("text=Aantal deelnemers", timeout=30_000)
        assert _fits(pagina) == [] and _overlaps(pagina) == []
        pagina.screenshot(path=str(tmp_path / "logboek-390-activiteit.png"))
        pagina.set_viewport_size({"width": 1280, "height": 900})
        pagina.get_by_label("Wat legt u vast?", exact=True).select_option(label="Inbreng")
        pagina.get_by_label("Activiteit", exact=True).select_option(label="1 · 2025-03-04 · Inloopavond warmtenet")
        pagina.get_by_label("Inbreng", exact=True).fill("Wat kost <aansluiten>?")
        pagina.get_by_label("Standpunt", exact=True).select_option(label="vraag")
        pagina.get_by_role("button", name="Opslaan").click()
        pagina.wait_for_selector("[role=status]:has-text('inbreng 1 toegevoegd')", timeout=30_000)
        db = lb.connect(pad, maken=False)
        try:
            assert [(r["activiteit"], r["inbreng"], r["standpunt"]) for r in lb.rows(db, "inbreng")] == [
                (1, "Wat kost <aansluiten>?", "vraag")
            ]
        finally:
            db.close()
        pagina.wait_for_selector("caption:has-text('Inbreng (1)')", timeout=30_000)
        assert "Wat kost <aansluiten>?" in pagina.inner_text("#rendered_cells")  # shown as typed
        for breedte in (1280, 390):
            pagina.set_viewport_size({"width": breedte, "height": 900})
            assert _fits(pagina) == [] and _overlaps(pagina) == []
            pagina.set_viewport_size({"width": breedte, "height": 2400})  # the whole page on the picture
            pagina.screenshot(path=str(tmp_path / f"logboek-{breedte}.png"))
            pagina.set_viewport_size({"width": breedte, "height": 900})
            assert _axe(pagina) == []
        # an entry added elsewhere (the command line, a colleague) shows up without a reload
        res = run_cli("logboek", "--db", str(pad), "toevoegen", "partij", "--naam", "Huurdersvereniging Zuid")
        assert res.returncode == 0, res.stderr
        pagina.wait_for_selector("td:has-text('Huurdersvereniging Zuid')", timeout=30_000)
        # the participation report, downloaded from the page (same server: one start for both)
        pagina.get_by_role("button", name="Verslag maken").click()
        pagina.wait_for_selector("[role=status]:has-text('Het verslag is klaar'), [role=alert]", timeout=180_000)
        assert pagina.locator("[role=alert]").count() == 0, pagina.inner_text("[role=alert]")
        namen = [a.get_attribute("download") for a in pagina.locator("a[download]").all()]
        assert [n.rsplit(".", 1)[-1] for n in namen] == ["docx", "odt", "pdf", "html"], namen
        woord = Document(str(_download(pagina, next(n for n in namen if n.endswith(".docx")), tmp_path)))
        teksten = [p.text for p in woord.paragraphs] + [c.text for t in woord.tables for r in t.rows for c in r.cells]
        assert any("Inloopavond warmtenet" in x for x in teksten) and any(
            "Wat kost <aansluiten>?" in x for x in teksten
        )
        assert _download(pagina, next(n for n in namen if n.endswith(".pdf")), tmp_path).read_bytes()[:5] == b"%PDF-"
        assert "Traceback" not in pagina.inner_text("body")
        assert buiten == []
    finally:
        server.stop()


def test_off_this_computer_the_logbook_page_asks_the_code(tmp_path: Path) -> None:
    pad = _logbook(tmp_path)
    server = _logbook_app(tmp_path, pad, "--host", "0.0.0.0")
    try:
        code = server.line("Toegangscode")
        pagina = f"http://127.0.0.1:{server.poort}/voila/render/logboek.ipynb"
        for url in (pagina, f"{pagina}?token=FOUTFOUT"):
            with urllib.request.urlopen(url, timeout=60) as antwoord:
                assert "/login" in antwoord.url, url  # sent to the page that asks for the code
                inhoud = antwoord.read().decode()
                assert "Code nodig" in inhoud and "Wijkraad Oost" not in inhoud
        with urllib.request.urlopen(f"{pagina}?token={code}", timeout=120) as antwoord:
            assert antwoord.status == 200 and "/login" not in antwoord.url
            assert "Code nodig" not in antwoord.read().decode()
    finally:
        server.stop()
