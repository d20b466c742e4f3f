"""The knowledge-base site as a person meets it: built with ``warmtelessen site``, opened in a real
browser (Debian's Chromium through Playwright), from ``file://`` and from a web server on loopback.
Accessibility is checked with axe-core (WCAG 2.1 AA: no serious or critical violation)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import FIXTURES, ROOT, _built_once, run_cli

#: One page of every type the site has (in Dutch; the language tests cover English).
PAGINATYPEN = [
    "index.html", "nl/index.html", "nl/lessen/index.html", "nl/lessen/les-4.html", "nl/casussen/index.html",
    "nl/casussen/wageningen-benedenbuurt.html", "nl/acties/index.html", "nl/acties/l4-01.html", "nl/bewijs.html",
    "nl/begrippen.html", "nl/bronnen.html", "nl/fasen/index.html", "nl/fasen/tno.html", "nl/fasen/tno/besluiten.html",
    "nl/gids/casus-toevoegen.html", "nl/search.html?q=warmtenet", "en/lessen/les-4.html", "nl/wetten/index.html",
    "nl/wetten/wgiw.html", "en/wetten/wcw.html",
]  # fmt: skip

AXE_WCAG21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _search(pagina: Any, url: str) -> list[str]:
    """Open a search page and return the pages it found (once Sphinx's search has finished)."""
    pagina.goto(url)
    pagina.wait_for_function("(document.querySelector('p.search-summary') || {}).textContent > ''", timeout=30_000)
    return [unquote(a.split("#")[0]) for a in pagina.eval_on_selector_all(
        "#search-results ul.search li a", "els => els.map(e => e.getAttribute('href'))")]  # fmt: skip


# --- search ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("woord", ["energiecoöperatie", "energiecooperatie", "Energiecoöperaties"])
def test_search_finds_lesson_4_and_the_cases_with_an_energy_cooperative(site: Path, browser: Any, woord: str) -> None:
    pagina = browser.new_page()
    gevonden = _search(pagina, f"{(site / 'nl/search.html').as_uri()}?q={woord}")
    for doel in (
        "lessen/les-4.html",
        "casussen/wageningen-benedenbuurt.html",
        "casussen/haarlem-ramplaankwartier.html",
    ):
        assert doel in gevonden, (woord, gevonden)
    assert "er zijn" in pagina.inner_text("p.search-summary")  # the result line is Dutch too
    pagina.close()


@pytest.mark.parametrize("woord", ["energiecoöperatie", "energiecooperatie"])
def test_search_puts_a_case_about_an_energy_cooperative_near_the_top(site: Path, browser: Any, woord: str) -> None:
    """A case names the kinds of group that act in it as its search terms (both spellings): the
    Haarlem case, started by an energy cooperative, is among the first five, once."""
    pagina = browser.new_page()
    gevonden = _search(pagina, f"{(site / 'nl/search.html').as_uri()}?q={woord}")
    assert "casussen/haarlem-ramplaankwartier.html" in gevonden[:5], gevonden
    assert gevonden.count("casussen/haarlem-ramplaankwartier.html") == 1
    gevonden = _search(pagina, f"{(site / 'en/search.html').as_uri()}?q=energy cooperative")
    assert "casussen/haarlem-ramplaankwartier.html" in gevonden[:5], gevonden
    pagina.close()


def test_search_from_the_search_button_as_a_visitor_uses_it(site: Path, browser: Any) -> None:
    pagina = browser.new_page()
    pagina.goto((site / "nl/index.html").as_uri())
    pagina.get_by_role("button", name="Zoeken").first.click()
    veld = pagina.locator("input[name=q]:visible").first
    veld.fill("energiecooperatie")
    veld.press("Enter")
    pagina.wait_for_url("**/search.html?q=energiecooperatie")
    pagina.wait_for_function("(document.querySelector('p.search-summary') || {}).textContent > ''", timeout=30_000)
    assert pagina.locator("#search-results a[href='lessen/les-4.html']").count() == 1
    gevonden = _search(pagina, f"{(site / 'en/search.html').as_uri()}?q=energy cooperative")
    assert "lessen/les-4.html" in gevonden and "casussen/wageningen-benedenbuurt.html" in gevonden
    pagina.close()


# --- both languages -------------------------------------------------------------------------------


@pytest.mark.parametrize("pad", ["index.html", "lessen/les-4.html", "casussen/haarlem-ramplaankwartier.html",
                                 "acties/l4-01.html", "bewijs.html", "fasen/tno/besluiten.html",
                                 "gids/workshop-geven.html", "begrippen.html"])  # fmt: skip
def test_the_language_switch_lands_on_the_same_page(site: Path, browser: Any, pad: str) -> None:
    pagina = browser.new_page()
    pagina.goto((site / "nl" / pad).as_uri())
    assert pagina.get_attribute("html", "lang") == "nl"
    pagina.click("a.taalkeuze")
    assert pagina.url == (site / "en" / pad).as_uri()
    assert pagina.get_attribute("html", "lang") == "en"
    pagina.click("a.taalkeuze")
    assert pagina.url == (site / "nl" / pad).as_uri()
    pagina.close()


@pytest.mark.parametrize("taal,kop", [("nl", "L6-11: samengevoegd"), ("en", "L6-11: merged")])
def test_an_old_action_link_leads_to_the_action_it_went_into(site: Path, browser: Any, taal: str, kop: str) -> None:
    """L6-11 (a regular meeting with the initiative) is now part of L4-03: a bookmark still works."""
    pagina = browser.new_page()
    pagina.goto((site / taal / "acties/l6-11.html").as_uri())
    assert pagina.inner_text("h1").startswith(kop)
    pagina.click("main a[href$='l4-03.html']")
    assert pagina.url == (site / taal / "acties/l4-03.html").as_uri()
    assert pagina.inner_text("h1").startswith("L4-03")
    pagina.close()


def test_the_interface_speaks_the_language_of_the_page(site: Path, browser: Any) -> None:
    pagina = browser.new_page()
    verwacht = {
        "nl": ("Naar de inhoud", "Zoeken", "Op deze pagina", "Navigatie in dit deel", "Meer", "English"),
        "en": ("Skip to main content", "Search", "On this page", "Section Navigation", "More", "Nederlands"),
    }
    for taal, (overslaan, zoeken, op_pagina, navigatie, meer, ander) in verwacht.items():
        pagina.goto((site / taal / "lessen/les-4.html").as_uri())
        assert pagina.inner_text("a[href='#main-content']").strip() == overslaan
        assert pagina.get_attribute("button.search-button", "aria-label") == zoeken
        assert op_pagina in pagina.inner_text(".bd-sidebar-secondary")
        assert pagina.get_attribute("nav.bd-docs-nav", "aria-label") == navigatie
        assert pagina.locator(f"nav .dropdown-toggle:has-text('{meer}')").count() == 1
        assert pagina.inner_text("a.taalkeuze").strip() == ander
    pagina.close()


# --- links, requests, offline ---------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        waarden = dict(attrs)
        for naam in ("id", "name") if tag != "meta" else ():
            if waarden.get(naam):
                self.ids.add(str(waarden[naam]))
        for naam in ("href", "src"):
            if waarden.get(naam) and tag != "base":
                self.links.append((tag, str(waarden[naam])))


def test_every_internal_link_of_the_whole_site_lands_on_a_page_and_anchor(site: Path) -> None:
    paginas = {p: _Links() for p in site.rglob("*.html")}
    for pad, parser in paginas.items():
        parser.feed(pad.read_text(encoding="utf-8"))
    kapot, extern = [], []
    for pad, parser in paginas.items():
        for tag, url in parser.links:
            delen = urlsplit(url)
            if delen.scheme in {"http", "https"}:
                if tag != "a":  # a script, style sheet or image from the network
                    extern.append((pad.relative_to(site), url))
                continue
            if delen.scheme in {"mailto", "data"}:
                continue
            doel = (pad.parent / unquote(delen.path)).resolve() if delen.path else pad
            if not doel.is_file() or site.resolve() not in doel.parents:
                kapot.append((str(pad.relative_to(site)), url))
            elif delen.fragment and doel in paginas and unquote(delen.fragment) not in paginas[doel].ids:
                kapot.append((str(pad.relative_to(site)), url))
    assert len(paginas) > 250  # both languages
    assert kapot == []
    assert extern == []


def test_the_site_and_a_copy_of_it_are_readable_by_a_web_server_running_as_another_user(
    site: Path, tmp_path: Path
) -> None:
    """Folders 0755 and files 0644, the site's own folder too (it was made as a private temporary
    folder, 0700): ``cp -r`` and ``rsync`` keep these bits, so a copy in /var/www can be served."""
    kopie = tmp_path / "www"
    shutil.copytree(site, kopie)  # copies the mode bits, as cp -r does
    for map_ in (site, kopie):
        standen = {str(p.relative_to(map_)): stat.S_IMODE(p.stat().st_mode) for p in [map_, *map_.rglob("*")]}
        verkeerd = {p: oct(m) for p, m in standen.items() if m != (0o755 if (map_ / p).is_dir() else 0o644)}
        assert verkeerd == {}, list(verkeerd.items())[:5]


def _serve(map_: Path) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(poort), "--bind", "127.0.0.1", "--directory", str(map_)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    adres = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(adres + "/index.html", timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield adres
    finally:
        os.kill(server.pid, 15)
        server.wait(timeout=10)


@pytest.fixture
def server(site: Path) -> Iterator[str]:
    """The site on a web server bound to loopback, on a free port; stopped by its process id."""
    yield from _serve(site)


def _visit(pagina: Any, url: str) -> None:
    pagina.goto(url)  # waits for the load event: every script, style sheet and image is in
    if "search.html" in url:
        pagina.wait_for_function("(document.querySelector('p.search-summary') || {}).textContent > ''", timeout=30_000)
        # the search goes on fetching the pages it found to show a snippet of each: let it finish, as a
        # reader does, rather than count the fetches that leaving the page cuts off as failures
        pagina.wait_for_load_state("networkidle")


def test_from_a_web_server_every_request_succeeds_and_stays_on_it(server: str, browser: Any) -> None:
    pagina = browser.new_page()
    mis: list[tuple[str, Any]] = []
    pagina.on("response", lambda r: mis.append((r.url, r.status)) if r.status >= 400 else None)
    pagina.on("requestfailed", lambda r: mis.append((r.url, r.failure)))
    verzoeken: list[str] = []
    pagina.on("request", lambda r: verzoeken.append(r.url))
    links: set[str] = set()
    for pad in PAGINATYPEN:
        _visit(pagina, f"{server}/{pad}")
        links |= {h.split("#")[0] for h in pagina.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")}
    for href in sorted(h for h in links if h.startswith(server)):  # every link on these pages, once
        antwoord = pagina.request.head(href)
        if not antwoord.ok:
            mis.append((href, antwoord.status))
    pagina.close()
    assert len(links) > 100
    assert mis == []
    assert verzoeken and all(u.startswith((server, "data:")) for u in verzoeken), [
        u for u in verzoeken if not u.startswith((server, "data:"))
    ]


def test_from_files_nothing_is_loaded_from_the_network(site: Path, browser: Any) -> None:
    pagina = browser.new_page()
    verzoeken: list[str] = []
    fouten: list[str] = []
    pagina.on("request", lambda r: verzoeken.append(r.url))
    pagina.on("pageerror", lambda e: fouten.append(str(e)))
    pagina.on("console", lambda m: fouten.append(m.text) if m.type == "error" else None)
    for pad in PAGINATYPEN:
        _visit(pagina, (site / pad.split("?")[0]).as_uri() + ("?" + pad.split("?")[1] if "?" in pad else ""))
    pagina.close()
    assert all(urlsplit(u).scheme in {"file", "data"} for u in verzoeken), verzoeken
    assert fouten == []


# --- accessibility, keyboard, print ---------------------------------------------------------------


@pytest.mark.parametrize("pad", PAGINATYPEN)
def test_axe_finds_no_serious_or_critical_violation(site: Path, browser: Any, pad: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    pagina = browser.new_page()
    _visit(pagina, (site / pad.split("?")[0]).as_uri() + ("?" + pad.split("?")[1] if "?" in pad else ""))
    uitslag = Axe().run(pagina, options=AXE_WCAG21_AA)
    pagina.close()
    ernstig = [(v["id"], [n["target"] for n in v["nodes"]]) for v in uitslag.response["violations"]
               if v["impact"] in ("serious", "critical")]  # fmt: skip
    assert ernstig == []
    assert uitslag.response["passes"]  # axe really looked at the page


#: Pages with something wide (the command table and code, the evidence matrix, a case's tables).
BREED = ["en/gids/opdrachten.html", "nl/bewijs.html", "nl/casussen/haarlem-ramplaankwartier.html"]


def test_on_a_phone_no_page_scrolls_sideways(site: Path, browser: Any) -> None:
    """At 390 px wide every type of page fits: the header keeps its buttons on screen, and a wide
    table or block of code scrolls inside its own box, not the page."""
    pagina = browser.new_page(viewport={"width": 390, "height": 844})
    breed: list[tuple[str, int]] = []
    for pad in [*PAGINATYPEN, "en/index.html", *BREED]:
        _visit(pagina, (site / pad.split("?")[0]).as_uri() + ("?" + pad.split("?")[1] if "?" in pad else ""))
        breedte = pagina.evaluate("document.documentElement.scrollWidth")
        if breedte > pagina.evaluate("window.innerWidth"):
            breed.append((pad, breedte))
    assert pagina.locator(".pst-scrollable-table-container").count() >= 1  # the case's tables are in a box
    pagina.goto((site / "nl/lessen/les-4.html").as_uri())
    assert pagina.get_by_role("button", name="Zoeken").first.is_visible()
    pagina.close()
    assert breed == []


def test_the_language_choice_explains_the_site_in_both_languages(site: Path, browser: Any) -> None:
    for breedte in (1280, 390):
        pagina = browser.new_page(viewport={"width": breedte, "height": 900})
        pagina.goto((site / "index.html").as_uri())
        assert pagina.locator("h1").inner_text() == "Warmtelessen: kennisbank"
        assert pagina.locator("p[lang=nl]").count() == 1 and pagina.locator("p[lang=en]").count() == 1
        knoppen = pagina.locator("a.wl-keuze")
        assert knoppen.count() == 2
        for i in range(2):
            vak = knoppen.nth(i).bounding_box()
            assert vak["height"] >= 44 and vak["x"] + vak["width"] <= breedte  # a large target, on screen
        assert pagina.evaluate("document.documentElement.scrollWidth") <= breedte
        assert "<link" not in (site / "index.html").read_text(encoding="utf-8")  # its style is inline
        pagina.get_by_role("link", name=re.compile("English")).click()
        assert pagina.url == (site / "en/index.html").as_uri()
        pagina.close()


def test_keyboard_reaches_the_content_with_a_visible_focus(site: Path, browser: Any) -> None:
    pagina = browser.new_page()
    pagina.goto((site / "nl/lessen/les-4.html").as_uri())
    zichtbaar = (
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none'; })()"
    )
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("document.activeElement.getAttribute('href')") == "#main-content"
    assert pagina.evaluate(zichtbaar)
    for _ in range(8):  # the navigation, link by link, each with its focus ring
        pagina.keyboard.press("Tab")
        assert pagina.evaluate("document.activeElement.tagName") in {"A", "BUTTON", "INPUT", "SUMMARY"}
        assert pagina.evaluate(zichtbaar), pagina.evaluate("document.activeElement.outerHTML")
    pagina.goto((site / "nl/lessen/les-4.html").as_uri())
    pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")  # skip to the content: the next Tab lands inside the lesson
    pagina.keyboard.press("Tab")
    assert pagina.evaluate("!!document.activeElement.closest('main')")
    pagina.close()


def test_a_page_prints_on_a4_without_navigation(site: Path, browser: Any, tmp_path: Path) -> None:
    a4 = round((210 - 2 * 15) / 25.4 * 96)
    pagina = browser.new_page(viewport={"width": a4, "height": 1100})
    pagina.goto((site / "nl/casussen/wageningen-benedenbuurt.html").as_uri())
    pagina.emulate_media(media="print")
    for deel in (".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".bd-footer"):
        assert not pagina.locator(deel).first.is_visible(), deel
    assert pagina.locator("h1").is_visible() and pagina.locator("table").first.is_visible()
    assert pagina.evaluate("document.documentElement.scrollWidth") <= a4 + 1
    pdf = tmp_path / "casus.pdf"
    pagina.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.read_bytes().count(b"/Type /Page") >= 2
    pagina.close()


# --- a case added by a researcher, and reports next to the site -----------------------------------


@pytest.fixture(scope="session")
def site_with_new_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder with one more case (no code changed) and its site (Dutch only)."""

    def bouw(home: Path) -> None:
        for naam in ("lessons", "cases", "data", "docs"):
            shutil.copytree(ROOT / naam, home / naam)
        nieuw = home / "cases" / "onderzoeksstad-testwijk"
        shutil.copytree(FIXTURES / "casussen/geldig/mini-casus", nieuw)
        yaml = (nieuw / "casus.yaml").read_text(encoding="utf-8")
        (nieuw / "casus.yaml").write_text(yaml.replace("id: mini-casus", "id: onderzoeksstad-testwijk").replace(
            "naam: Minidorp, Testwijk", "naam: Testwijk, Onderzoeksstad").replace("fictief: true", "fictief: false"),
            encoding="utf-8")  # fmt: skip
        bewijs = (nieuw / "bewijs.csv").read_text(encoding="utf-8").splitlines()
        bewijs = [bewijs[0] + ",acties", bewijs[1] + ",L4-01", *(r + "," for r in bewijs[2:])]
        (nieuw / "bewijs.csv").write_text("\n".join(bewijs) + "\n", encoding="utf-8")
        res = run_cli("site", "--out", str(home / "out" / "site"), "--lang", "nl", home=home)
        assert res.returncode == 0, res.stderr

    return _built_once(tmp_path_factory, "met-nieuwe-casus", bouw) / "out" / "site"


def test_a_new_case_appears_on_the_case_index_the_matrix_and_its_action(site_with_new_case: Path, browser: Any) -> None:
    pagina = browser.new_page()
    pagina.goto((site_with_new_case / "nl/casussen/index.html").as_uri())
    pagina.get_by_role("link", name="Testwijk, Onderzoeksstad").first.click()
    assert pagina.url.endswith("casussen/onderzoeksstad-testwijk.html")
    assert pagina.inner_text("h1").strip() == "Testwijk, Onderzoeksstad"
    assert pagina.locator("a.taalkeuze").count() == 0  # only Dutch was built: no switch to a missing page
    pagina.goto((site_with_new_case / "nl/bewijs.html").as_uri())
    koppen = pagina.eval_on_selector_all("main table th", "els => els.map(e => e.innerText.trim())")
    assert "Testwijk, Onderzoeksstad" in koppen
    kolom = koppen.index("Testwijk, Onderzoeksstad")
    rij4 = pagina.locator("main table tbody tr").nth(3).locator("td").nth(kolom)
    assert re.fullmatch(r"\+\d+ \(1\)", rij4.inner_text().strip())
    rij4.locator("a").click()  # the number leads to the claim on the case page
    assert "onderzoeksstad-testwijk.html#" in pagina.url
    pagina.goto((site_with_new_case / "nl/acties/l4-01.html").as_uri())
    bewijs = pagina.inner_text("main")
    assert "Testwijk, Onderzoeksstad" in bewijs and "Bouwt op een bestaande groep." in bewijs
    pagina.close()


def test_reports_next_to_a_site_link_to_its_pages(site: Path, browser: Any, tmp_path: Path) -> None:
    from toolkit.reports.registry import produce

    uit = site.parent
    les = run_cli("les", "4", "--out", str(uit))  # through papermill: the kernel learns where the site is
    assert les.returncode == 0, les.stderr
    rapport = next(uit.glob("les-4-*/les-4-*.nl.html"))
    checklist = produce("checklist", {"profiel": {"gemeente": "Wageningen"}}, uit, ["html"], "inproces").files[0]
    pagina = browser.new_page()
    pagina.goto(rapport.as_uri())
    pagina.click("a.site-link")
    assert pagina.url == (site / "nl/lessen/les-4.html").as_uri()
    pagina.goto(checklist.as_uri())
    pagina.click("#actie-L4-01 a.site-link")
    assert pagina.url == (site / "nl/acties/l4-01.html").as_uri()
    pagina.close()
    # without a site next to it, a report has no such link
    los = produce("les", {"les": 4}, tmp_path, ["html"], "inproces").files[0]
    assert "site-link" not in los.read_text(encoding="utf-8")
