"""``warmtelessen site``: build the knowledge base as a static, offline website with Sphinx.

Steps, in this order (the order is what makes a rebuild fast and a failed build harmless):

1. validate all content: a problem stops the build with the validator's lines, before anything;
2. write each language's pages (:mod:`toolkit.site.pages`) into a lasting work folder next to the
   site (``.<site>-bouw/``), touching only pages whose text changed;
3. let Sphinx build each language from there, both at once, each in its own process; Sphinx keeps
   its own cache in the work folder, so after editing one lesson it rebuilds only what changed;
4. put the built languages and a language-choice page into a temporary folder, then swap it in
   for the site in one rename: a visitor never sees a half-built site.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from io import BytesIO
from pathlib import Path
from typing import Any

from markupsafe import escape

from toolkit import __version__
from toolkit.base import (
    LANGUAGES,
    ContentError,
    Problem,
    UserError,
    out_folder,
    paths,
    shown_path,
    t,
    write_bytes_atomic,
    write_text_atomic,
)
from toolkit.content import Case, kennisbank, validate

from .pages import Tekenaar, draw_chart, site_pages, write_sources

CONF = """# Made by warmtelessen site: the Sphinx configuration of the knowledge base ({taal}).
project = {project!r}
language = {taal!r}
extensions = ["myst_parser", "toolkit.site.sphinx_ext"]
myst_enable_extensions = ["attrs_block", "attrs_inline"]
myst_heading_anchors = 3
html_theme = "pydata_sphinx_theme"
html_title = {project!r}
html_static_path = [{static!r}]
html_css_files = ["warmtelessen.css"]
templates_path = [{templates!r}]
html_copy_source = False
html_show_sourcelink = False
html_search_language = {taal!r}
html_last_updated_fmt = None
locale_dirs = [str(__import__("pathlib").Path(__file__).parent / "locale")]
html_context = {{"ander_taal": {ander!r}, "ander_taal_naam": {ander_naam!r}, "default_mode": "light",
                 "voettekst": {voettekst!r}, "bouwstempel": {stempel!r}}}
html_theme_options = {{
    "navbar_end": ["taalkeuze"],
    "navbar_persistent": ["search-button"],
    "header_dropdown_text": {meer!r},
    "search_bar_text": {zoek!r},
    "footer_start": ["voettekst"],
    "footer_end": [],
    "show_prev_next": False,
    "navigation_with_keys": False,
    "use_edit_page_button": False,
    "secondary_sidebar_items": ["page-toc"],
}}
html_sidebars = {{"**": ["sidebar-nav-bs"], "index": [], "bewijs": [], "bronnen": [], "begrippen": []}}
suppress_warnings = ["myst.header"]
"""

TAALNAMEN = {"nl": "Nederlands", "en": "English"}

#: A file in the root of every site this command builds: only such a folder is ever replaced.
MERKTEKEN = ".warmtelessen-site"


@dataclass(frozen=True)
class SiteResult:
    map: Path
    talen: list[str]
    paginas: int
    herschreven: int
    duur: float


def parse_languages(tekst: str | Sequence[str] | None) -> list[str]:
    """``"nl,en"`` -> ``["nl", "en"]``; an unknown language is one clear line."""
    if tekst is None:
        return list(LANGUAGES)
    talen = [d.strip() for d in (tekst.split(",") if isinstance(tekst, str) else tekst) if d.strip()]
    onbekend = [x for x in talen if x not in LANGUAGES]
    if onbekend or not talen:
        raise UserError(f"--lang: onbekende taal {(onbekend or [''])[0]!r} (toegestaan: {', '.join(LANGUAGES)})")
    return list(dict.fromkeys(talen))


def _validate() -> None:
    fouten = [p for p in validate() if not p.warning]
    if fouten:
        raise ContentError(fouten)


def _conf(taal: str, talen: list[str]) -> str:
    """Sphinx's configuration for ``taal``; the language switch only to a language also built."""
    sjablonen = paths.templates_dir() / "site"
    ander = next((x for x in talen if x != taal), "")
    return CONF.format(
        taal=taal, project=t("site.titel", taal), static=str(sjablonen / "_static"),
        templates=str(sjablonen / "_templates"), ander=ander, ander_naam=TAALNAMEN.get(ander, ""),
        voettekst=f"Warmtelessen {__version__}. {t('site.copyright', taal)}",
        meer=t("site.meer", taal), zoek=t("site.zoek_op_site", taal), stempel=_build_stamp(),
    )  # fmt: skip


def _build_stamp() -> str:
    """A fingerprint of what shapes every page besides the content (the toolkit's version, the
    Sphinx extension, the templates): when it changes, the configuration changes, and Sphinx
    rebuilds every page instead of keeping pages made by older code."""

    h = hashlib.sha256(__version__.encode())
    for pad in [paths.PACKAGE_DIR / "site" / "sphinx_ext.py", *sorted((paths.templates_dir() / "site").rglob("*"))]:
        if pad.is_file():
            h.update(pad.read_bytes())
    return h.hexdigest()[:16]


def _catalog(taal: str) -> dict[str, bytes | str]:
    """The theme's and the search page's interface texts in ``taal`` where the theme or Sphinx
    has none: our ``.po``, compiled for the pages (``sphinx.mo``) and for the search script
    (``sphinx.js``: Sphinx's own texts with ours on top, and a plural rule that gives a number)."""

    import sphinx
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = paths.templates_dir() / "site" / "locale" / taal / "LC_MESSAGES" / "sphinx.po"
    if not po.is_file():
        return {}
    with po.open("rb") as f:
        catalogus = read_po(f, locale=taal)
    mo = BytesIO()
    write_mo(mo, catalogus)
    eigen_js = Path(sphinx.__file__).parent / "locale" / taal / "LC_MESSAGES" / "sphinx.js"
    js: dict[str, Any] = {"messages": {}, "locale": taal}
    if eigen_js.is_file():
        tekst = eigen_js.read_text(encoding="utf-8")
        js = json.loads(tekst[tekst.index("(") + 1 : tekst.rindex(")")])
    for bericht in catalogus:
        if bericht.id and bericht.string and all(bericht.string if bericht.pluralizable else [bericht.string]):
            sleutel = bericht.id[0] if bericht.pluralizable else bericht.id
            js["messages"][sleutel] = list(bericht.string) if bericht.pluralizable else bericht.string
    js["plural_expr"] = "(n != 1) ? 1 : 0"
    map_ = f"locale/{taal}/LC_MESSAGES"
    return {
        f"{map_}/sphinx.mo": mo.getvalue(),
        f"{map_}/sphinx.js": f"Documentation.addTranslations({json.dumps(js, ensure_ascii=False, indent=1)});\n",
    }


def build_site(out: Path, talen: Sequence[str] | None = None, stil: bool = True) -> SiteResult:
    """Build the site into ``out`` (``out/<taal>/`` per language, ``out/index.html`` to choose)."""

    start = time.perf_counter()
    talen = parse_languages(talen)
    _check_target(out)
    werk = _work_folder(out)
    _validate()
    paginas = herschreven = 0
    kb, teken = kennisbank(), chart_cache(werk / "grafieken")
    for taal in talen:
        bron = werk / "bron" / taal
        inhoud = site_pages(taal, kb, teken)
        inhoud["conf.py"] = _conf(taal, talen)
        inhoud.update(_catalog(taal))
        paginas += sum(1 for n in inhoud if n.endswith(".md"))
        herschreven += write_sources(inhoud, bron)
    _run_sphinx(werk, talen, stil)
    _swap_in(werk, out, talen)
    return SiteResult(out, talen, paginas, herschreven, time.perf_counter() - start)


def _chart_code() -> str:
    """What a chart's pixels depend on besides the case: the chart code, the interface texts, and
    the versions of matplotlib and the toolkit."""
    h = hashlib.sha256(f"{__version__} matplotlib {version('matplotlib')}".encode())
    pakket = paths.PACKAGE_DIR
    for pad in [pakket / "render" / "charts.py", pakket / "render" / "case.py", *sorted(pakket.glob("translations/*"))]:
        h.update(pad.read_bytes())
    return h.hexdigest()


def chart_cache(map_: Path) -> Tekenaar:
    """A chart maker that keeps each chart in ``map_`` (the site's work folder), keyed by the case's
    files, the chart, the language and :func:`_chart_code`: an unchanged chart is never drawn again."""
    code = _chart_code()
    per_casus: dict[Path, str] = {}

    def teken(casus: Case, naam: str, taal: str) -> bytes:
        if casus.map not in per_casus:
            h = hashlib.sha256(code.encode())
            for pad in sorted(casus.map.iterdir()):
                if pad.is_file():
                    h.update(pad.name.encode() + b"\0" + pad.read_bytes())
            per_casus[casus.map] = h.hexdigest()
        sleutel = hashlib.sha256(f"{per_casus[casus.map]} {naam} {taal}".encode()).hexdigest()[:20]
        pad = map_ / f"{casus.id}-{naam}.{taal}.{sleutel}.svg"
        if pad.is_file():
            return pad.read_bytes()
        data = draw_chart(casus, naam, taal)
        for oud in map_.glob(f"{casus.id}-{naam}.{taal}.*.svg"):  # the drawing of an older version
            oud.unlink()
        write_bytes_atomic(pad, data)
        return data

    return teken


def _check_target(out: Path) -> None:
    """The site replaces ``out`` as a whole: refuse what every command refuses, and a folder that
    holds anything but an earlier site."""
    out_folder(out, eigen=MERKTEKEN, wat="Warmtelessen-site",
               hint="kies een nieuwe map, bijvoorbeeld output/site; de site vervangt de hele map")  # fmt: skip


def _work_folder(out: Path) -> Path:
    """The lasting work folder next to the site (``.<naam>-bouw``), or one line saying why not."""
    werk = out.parent / f".{out.name}-bouw"
    try:
        (werk / "bron").mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=werk):
            pass
    except (OSError, ValueError) as exc:
        reden = getattr(exc, "strerror", None) or str(exc)
        raise UserError(
            f"--out {shown_path(out)}: hier kan geen site komen: {reden} (kies een map waarin u mag schrijven)"
        ) from None
    return werk


def _run_sphinx(werk: Path, talen: list[str], stil: bool) -> None:
    """Both languages at once, each in its own process (Sphinx keeps global state per process)."""
    processen = []
    for taal in talen:
        opdracht = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-d",
                    str(werk / "cache" / taal), str(werk / "bron" / taal), str(werk / "html" / taal)]  # fmt: skip
        omgeving = {
            **os.environ,
            "PYTHONPATH": str(paths.PACKAGE_DIR.parent) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        }
        processen.append(
            (taal, subprocess.Popen(opdracht, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=omgeving))
        )
    problemen: list[Problem] = []
    for taal, proces in processen:
        uit, err = proces.communicate()
        if proces.returncode:
            # Sphinx would not read an unchanged page again, so the next build would pass without
            # the warning: forget what it cached, and the next build looks at every page again.
            shutil.rmtree(werk / "cache" / taal, ignore_errors=True)
            regels = [r.strip() for r in (err or uit).splitlines() if r.strip()] or ["sphinx stopte zonder melding"]
            meldingen = [r for r in regels if _SPHINX_REGEL.match(r)] or regels[:1]
            problemen += [_sphinx_problem(r, werk / "bron" / taal, taal) for r in meldingen]
    if problemen:
        raise ContentError(problemen)


_SPHINX_REGEL = re.compile(
    r"^(?P<pad>\S+?\.md)(?::(?P<regel>\d+))?: (?:WARNING|ERROR|CRITICAL): (?P<wat>.*?)(?: \[[\w.]+\])?$"
)


#: Sphinx's most common complaints about a page, in the user's words (the rest stay as Sphinx says).
_IN_WOORDEN = [
    (
        re.compile(r"'myst' cross-reference target not found: '(.+)'"),
        "link naar '{0}': die pagina of dat kopje bestaat niet",
    ),
    (re.compile(r"undefined label: '(.+)'"), "verwijzing naar '{0}': dat label bestaat niet"),
]


def _in_words(wat: str) -> str:
    for patroon, tekst in _IN_WOORDEN:
        if m := patroon.fullmatch(wat):
            return tekst.format(*m.groups())
    return wat


def _sphinx_problem(regel: str, bron: Path, taal: str) -> Problem:
    """A line of Sphinx's output as a problem in the file the user wrote: a guide page is
    ``docs/<taal>/<naam>.md``; any other page is made by the toolkit from the content."""
    m = _SPHINX_REGEL.match(regel.strip())
    if not m:
        return Problem("site", taal, regel.strip())
    pad = Path(m["pad"])
    try:
        naam = pad.relative_to(bron).as_posix()
    except ValueError:
        naam = pad.name
    bestand = f"docs/{taal}/{naam.removeprefix('gids/')}" if naam.startswith("gids/") else f"site-pagina {taal}/{naam}"
    return Problem(bestand, f"regel {m['regel']}" if m["regel"] else "", _in_words(m["wat"]))


def _swap_in(werk: Path, out: Path, talen: list[str]) -> None:
    """The new site in a temporary folder next to ``out``, then one rename: never half a site."""
    nieuw = Path(tempfile.mkdtemp(prefix=f".{out.name}-nieuw-", dir=out.parent))
    try:
        for taal in talen:
            shutil.copytree(
                werk / "html" / taal,
                nieuw / taal,
                ignore=shutil.ignore_patterns(".buildinfo*", ".doctrees", "_sources", "webpack-macros.html"),
            )
        write_text_atomic(nieuw / "index.html", _choice_page(talen))
        write_text_atomic(nieuw / MERKTEKEN, "Gemaakt door warmtelessen site; wordt bij elke bouw vervangen.\n")
        _readable_by_all(nieuw)
        oud = out.parent / f".{out.name}-oud"
        if oud.exists():
            shutil.rmtree(oud)
        if out.exists():
            out.rename(oud)
        nieuw.rename(out)
        if oud.exists():
            shutil.rmtree(oud)
    finally:
        if nieuw.exists():
            shutil.rmtree(nieuw)


def _readable_by_all(map_: Path) -> None:
    """Folders 0755 and files 0644, whatever the umask and however they were made (the site's own
    folder comes from ``mkdtemp``, 0700): a web server running as another user can serve the site,
    and so can a copy of it (``cp -r`` and ``rsync -a`` keep these bits)."""
    for pad in [map_, *map_.rglob("*")]:
        if not pad.is_symlink():
            pad.chmod(0o755 if pad.is_dir() else 0o644)


#: The look of the app's start page (one style sheet for both), with the site's accent colour.
START_CSS = paths.templates_dir() / "jupyter" / "voila" / "templates" / "warmtelessen" / "static" / "start.css"
_SITE_ACCENT = ":root { --wl-accent: #0a7d91; }"  # the theme's link colour (4.8:1 on white)


def _choice_page(talen: list[str]) -> str:
    """``index.html`` at the top: the title, what the site is in each language, and a large button
    per language (no redirect, so the choice is the reader's, and it works from a USB stick as well
    as from a server). The style sheet is inline: nothing to load, from the network or elsewhere."""

    eerste = talen[0]
    titel = escape(t("site.titel", eerste))
    intro = "".join(f'<p lang="{x}">{escape(t("site.intro", x))}</p>' for x in talen)
    kop = " / ".join(f'<span lang="{x}">{escape(t("site.kies_taal", x))}</span>' for x in talen)
    knoppen = "".join(
        f'<li lang="{x}"><a class="wl-keuze" href="{x}/index.html" hreflang="{x}">'
        f'<span class="wl-keuze-naam">{TAALNAMEN[x]}</span>'
        f'<span class="wl-keuze-uitleg">{escape(t("site.kies_uitleg", x).capitalize())}</span></a></li>'
        for x in talen
    )
    voet = escape(f"Warmtelessen {__version__}. {t('site.copyright', eerste)}")
    css = START_CSS.read_text(encoding="utf-8") + _SITE_ACCENT
    return (
        f'<!DOCTYPE html>\n<html lang="{eerste}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{titel}</title>'
        f"<style>{css}</style></head>\n"
        f'<body class="wl-start"><header class="wl-balk"><p>{titel}</p></header>\n'
        f"<main><h1>{titel}</h1>{intro}<h2>{kop}</h2>"
        f'<ul class="wl-keuzes">{knoppen}</ul></main>\n'
        f"<footer><p>{voet}</p></footer></body></html>\n"
    )


def site_summary(resultaat: SiteResult) -> str:
    return (
        f"Site: {shown_path(resultaat.map / 'index.html')} ({', '.join(resultaat.talen)}; "
        f"{resultaat.paginas} pagina's, {resultaat.herschreven} bijgewerkt, {resultaat.duur:.1f} s)"
    )
