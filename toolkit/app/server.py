"""The web app: the project's own widget notebooks served by Voilà (no other web framework).

``warmtelessen app`` serves ``notebooks/app/`` (*Checklist op maat*, *Kennisbank*, *Logboek*);
``warmtelessen workshop live`` serves ``notebooks/live/`` (the groups' page and the trainer's page).
Both go through :func:`serve`: check the port, start Voilà in a child process (this module run as
``python -m toolkit.app.server``), wait until it answers, print the address, and on Ctrl-C, SIGTERM
or SIGHUP (a closed terminal) stop it and its kernels. Voilà stops by itself, with its kernels, the
moment the command dies in any other way (``kill -9``): nothing is left serving, and a restart finds
the port free.

What the pages need to know comes to their kernels through environment variables (:data:`ENV`):
the language, the live session, whether a site is there to link to. Voilà runs with our template
(``toolkit/templates/jupyter/voila/templates/warmtelessen``: nothing from the network, the report
style sheet inline, a start page in plain words), pre-heated kernels (a page is ready the moment it
is asked for), no tracebacks in pages, and — when it listens beyond this computer — a code that
every request must carry. Every code a request carries is compared as typed, in constant time, and
a device that keeps guessing waits a minute (:mod:`toolkit.app.limiter`).
"""

from __future__ import annotations

import ctypes
import inspect
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import escape
from traitlets.config import Config

from toolkit.base import UserError, check_range, paths, shown_path, t
from toolkit.domain import read_session
from toolkit.render import css

from .limiter import VENSTER, AttemptLimiter, TooManyAttempts
from .live_web import live_handlers

#: Environment variables the app's kernels read (set by :func:`serve` for the Voilà process).
ENV = {
    "taal": "WARMTELESSEN_TAAL",
    "sessie": "WARMTELESSEN_LIVE_SESSIE",  # path of the live session's SQLite file
    "site": "WARMTELESSEN_APP_SITE",  # "1" when the knowledge-base site is served under /voila/files/site/
    "uit": "WARMTELESSEN_APP_UIT",  # where the live workshop writes its harvest
    "adres": "WARMTELESSEN_LIVE_ADRES",  # the address the groups open (shown and as QR code on the trainer's page)
    "logboek": "WARMTELESSEN_APP_LOGBOEK",  # absolute path of the participation logbook (``app --logboek``)
}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
STANDAARD_POORT = 8866
POORT_GRENS = (1, 65535)
#: Seconds after which the kernel of a page nobody has open any more is stopped (culled): within
#: two minutes of closing the page, with the check every third of that.
OPRUIMEN = 75
OPRUIMEN_GRENS = (30, 3600)  # shorter could stop the kernel of a page that is still loading
#: Kernels of the checklist page kept pre-heated, so that visitors arriving together see the form at
#: once; a used one is replaced AANVULLEN seconds later, so the new kernels do not compete with the
#: pages being shown (measured in ``make bench`` (o)).
VOORRAAD = 3
VOORRAAD_GRENS = (1, 10)
AANVULLEN = 20.0


def app_language() -> str:
    """The language the app was started in (pages read it in their kernel)."""
    taal = os.environ.get(ENV["taal"], "nl")
    return taal if taal in ("nl", "en") else "nl"


def app_site_base(taal: str) -> str | None:
    """Where a page of the app finds the knowledge-base site (relative to ``/voila/render/``), or
    None when the app serves no site."""
    return f"../files/site/{taal}/" if os.environ.get(ENV["site"]) else None


@dataclass(frozen=True)
class Pagina:
    """A page of the app: its notebook, and its name and one line for the start page."""

    notebook: str
    naam: str
    uitleg: str


@dataclass
class AppConfig:
    """Everything the Voilà child process needs (it gets this as JSON)."""

    map: str  # the folder Voilà serves (a run folder with the page notebooks)
    poort: int
    host: str
    taal: str
    titel: str
    uitleg: str
    paginas: list[dict[str, str]]
    code: str = ""  # every request must carry ?token=<code> (empty: no code)
    omgeving: dict[str, str] = field(default_factory=dict)
    voorraad: dict[str, int] = field(default_factory=dict)  # pre-heated kernels per page (others: one)
    opruimen: int = OPRUIMEN  # seconds after which the kernel of a closed page is stopped
    aanvullen: float = AANVULLEN  # seconds after a pre-heated kernel was used before a new one starts
    ouder: int = 0  # the process id of the command that started the server: the server stops with it


def check_port(host: str, poort: int, optie: str = "--port") -> None:
    """The port is free on ``host``, or one line that says which port and how to choose another."""
    check_range(optie, poort, POORT_GRENS, voorbeeld=STANDAARD_POORT + 1)
    familie = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(familie, socket.SOCK_STREAM) as s:
        # as the server binds it: a port a killed server left in TIME_WAIT is free again at once
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, poort))
        except OSError as exc:
            if exc.errno == 98 or "in use" in str(exc).lower():
                raise UserError(
                    f"{optie} {poort}: poort is al in gebruik (kies een andere, bijv. {optie} {poort + 1})"
                ) from None
            raise UserError(f"{optie} {poort}: kan niet luisteren op {host}: {exc.strerror or exc}") from None


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def run_folder(werk: Path, bron: Path, site: Path | None) -> Path:
    """The folder Voilà serves: copies of the page notebooks and, when a site was built, the site
    (so the app can link to it under ``/voila/files/site/``). Made fresh at every start, so a site
    rebuilt since the last start is the one served."""
    map_ = werk / "pagina's"
    shutil.rmtree(map_, ignore_errors=True)
    map_.mkdir(parents=True)
    for nb in sorted(bron.glob("*.ipynb")):
        shutil.copy2(nb, map_ / nb.name)
    if site is not None and (site / "index.html").is_file():
        # a copy, not a symlink: Voilà serves no file outside the folder it serves (hard links where they can be)
        shutil.copytree(site.resolve(), map_ / "site", copy_function=_link_or_copy)
    return map_


def _link_or_copy(bron: str, doel: str) -> None:
    try:
        os.link(bron, doel)
    except OSError:
        shutil.copy2(bron, doel)


def voila_arguments(cfg: AppConfig) -> list[str]:
    """The command line for Voilà, as :func:`main` passes it."""
    argumenten = [
        cfg.map, "--no-browser", f"--port={cfg.poort}", f"--Voila.ip={cfg.host}", "--Voila.port_retries=0",
        "--template=warmtelessen", "--VoilaConfiguration.classic_tree=True", "--show_tracebacks=False",
        f"--VoilaExporter.language_code={cfg.taal}", "--preheat_kernel=True", "--pool_size=1",
        "--VoilaConfiguration.file_allowlist=site/.*", "--Voila.log_level=WARN",
    ]  # fmt: skip
    if cfg.code:
        argumenten.append(f"--token={cfg.code}")
    return argumenten


def _page_config_hook(cfg: AppConfig) -> Callable[..., dict[str, Any]]:
    paginas = {p["notebook"]: {"naam": p["naam"], "uitleg": p["uitleg"]} for p in cfg.paginas}
    # the start page also says, in the other language, what these pages are and how to get them in it
    taal = "en" if cfg.taal == "nl" else "nl"
    sleutel = next((k for k in ("app.start_uitleg", "live.start_uitleg") if t(k, cfg.taal) == cfg.uitleg), "")
    ander = {"taal": taal, "uitleg": t(sleutel, taal) if sleutel else "", "hoe": t("app.in_andere_taal", taal)}

    def hook(page_config: dict[str, Any], **_: Any) -> dict[str, Any]:
        page_config.update(warmtelessen_taal=cfg.taal, warmtelessen_titel=cfg.titel, warmtelessen_uitleg=cfg.uitleg,
                           warmtelessen_paginas=paginas, warmtelessen_ander=ander)  # fmt: skip
        return page_config

    return hook


def _page(taal: str, base_url: str, titel: str, inhoud: str) -> str:
    """A page of its own outside the notebooks (``inhoud`` is HTML, escaped by the caller)."""
    return f"""<!DOCTYPE html>
<html lang="{escape(taal)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(titel)}</title>
<link rel="stylesheet" href="{escape(base_url)}voila/templates/warmtelessen/static/start.css">
<link rel="stylesheet" href="{escape(base_url)}voila/templates/warmtelessen/static/warmtelessen.css"></head>
<body class="wl-start warmtelessen-start"><main><h1>{escape(titel)}</h1>
{inhoud}
</main></body></html>"""


def _alert(tekst: str) -> str:
    return f'<p class="wl-melding wl-fout" role="alert">{escape(tekst)}</p>'


def login_page(taal: str, base_url: str, volgende: str, xsrf: str, fout: bool) -> str:
    """The page a request without the session code gets: one field for the code, in plain words."""

    formulier = f"""<p>{escape(t("app.code_uitleg", taal))}</p>{_alert(t("app.code_fout", taal)) if fout else ""}
<form method="post" action="{escape(base_url)}login?next={escape(volgende)}">{xsrf}
<p><label for="code">{escape(t("app.code_veld", taal))}</label><br>
<input id="code" name="password" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
 required class="wl-code-invoer"></p>
<p><button type="submit" class="wl-knop">{escape(t("app.code_verder", taal))}</button></p></form>"""
    return _page(taal, base_url, t("app.code_nodig", taal), formulier)


def wait_page(taal: str, base_url: str) -> str:
    """The page a device gets after too many wrong codes (with HTTP 429): wait a minute."""
    return _page(taal, base_url, t("app.code_wacht_titel", taal), _alert(t("app.code_wacht", taal)))


def _login_handler(taal: str) -> Any:
    """Voilà's login handler with our page (the server's own is in English, about tokens)."""
    from voila.voila_identity_provider import VoilaLoginHandler

    class Aanmelden(VoilaLoginHandler):
        def _render(self, message: Any = None) -> None:
            from tornado.escape import url_escape

            volgende = url_escape(self.get_argument("next", default=self.base_url))
            self.write(login_page(taal, self.base_url, volgende, str(self.xsrf_form_html()), bool(message)))

    return Aanmelden


def _identity_provider(taal: str, trainer_code: str) -> Any:
    """Voilà's identity provider, with every code a request carries — the access or session code in
    the address (``?token=``) or the login form, the trainer code in the trainer page's address —
    read the way a person types it ("abc 123" is ABC123), compared in constant time, and counted: a
    device that keeps guessing gets :func:`wait_page` (HTTP 429) until a minute has passed. Voilà
    itself compares the token with ``==`` and lets a device guess as fast as it can."""
    from jupyter_server.auth.identity import PasswordIdentityProvider
    from tornado import web

    pogingen = AttemptLimiter()

    def check(handler: Any, getypt: str, code: str) -> bool:
        try:
            return pogingen.check(handler.request.remote_ip or "", getypt, code)
        except TooManyAttempts:
            handler.set_status(429)
            handler.set_header("Retry-After", str(int(VENSTER)))
            handler.set_header("Cache-Control", "no-store")
            handler.set_header("Content-Type", "text/html; charset=UTF-8")
            raise web.Finish(wait_page(taal, handler.base_url)) from None

    class Toegang(PasswordIdentityProvider):
        async def get_user(self, handler: Any) -> Any:
            if trainer_code and handler.request.path.endswith("/voila/render/trainer.ipynb"):
                for getypt in handler.get_query_arguments("trainer"):
                    check(handler, getypt, trainer_code)
            gebruiker = super().get_user(handler)
            return await gebruiker if inspect.isawaitable(gebruiker) else gebruiker

        async def get_user_token(self, handler: Any) -> Any:
            getypt = self.get_token(handler)
            if not self.token or not getypt or not check(handler, getypt, self.token):
                return None
            gebruiker = self.get_user_cookie(handler)  # the code says who may enter, the cookie who this is
            if inspect.isawaitable(gebruiker):
                gebruiker = await gebruiker
            return gebruiker or self.generate_anonymous_user(handler)

        def process_login_form(self, handler: Any) -> Any:
            if not self.token:
                return self.generate_anonymous_user(handler)
            if check(handler, handler.get_argument("password", default=""), self.token):
                return self.generate_anonymous_user(handler)
            return None

    return Toegang


def _voila_class(cfg: AppConfig) -> Any:
    """Voilà's application; for a live workshop with the groups' page in front of Voilà's own
    routes (a plain handler: no kernel per phone)."""
    from voila.app import Voila

    sessie = cfg.omgeving.get(ENV["sessie"]) or ""
    if not sessie:
        return Voila

    class LiveVoila(Voila):
        def init_handlers(self) -> list[Any]:
            return [*live_handlers(self.server_url, sessie), *super().init_handlers()]

    return LiveVoila


#: ``prctl`` option: the signal the kernel sends this process when its parent dies (Linux).
PR_SET_PDEATHSIG = 1


def _die_with_parent(ouder: int) -> None:
    """Get SIGTERM from the kernel the moment the command that started this server dies, however it
    dies (``kill -9``, a closed terminal), also while Voilà is still starting; and stop at once if it
    died before this line. Voilà stops on SIGTERM and stops its kernels."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # no C library to ask: _stop_with_parent still looks
            pass
    if ouder and os.getppid() != ouder:
        sys.exit(0)


def _stop_with_parent(app: Any, ouder: int) -> None:
    """Stop when the command that started this server is gone, where the kernel does not tell
    (:func:`_die_with_parent`): the port and the session file are free for a restart at once."""
    from tornado.ioloop import PeriodicCallback

    def kijk() -> None:
        if os.getppid() != ouder:
            app.ioloop.stop()

    PeriodicCallback(kijk, 500).start()


def main(argv: list[str] | None = None) -> int:
    """The child process: run Voilà with the configuration given as JSON (one argument)."""
    cfg = AppConfig(**json.loads((argv or sys.argv[1:])[0]))
    _die_with_parent(cfg.ouder)
    Voila = _voila_class(cfg)
    instellingen = Config()
    instellingen.VoilaKernelManager.kernel_pools_config = {nb: {"pool_size": n} for nb, n in cfg.voorraad.items()}
    # A kernel whose page was closed (no connection left) is stopped after OPRUIMEN seconds; a page
    # that is open keeps its kernel however long it waits; pre-heated kernels are never culled.
    instellingen.VoilaKernelManager.cull_idle_timeout = cfg.opruimen
    instellingen.VoilaKernelManager.cull_interval = max(5, cfg.opruimen // 3)
    instellingen.VoilaKernelManager.cull_connected = False
    instellingen.VoilaKernelManager.fill_delay = cfg.aanvullen
    # Voilà hands its templates the resources of its *configuration* (not the attribute set later)
    instellingen.VoilaConfiguration.resources = {"rapport_css": css(), "taal": cfg.taal}
    sessie = cfg.omgeving.get(ENV["sessie"]) or ""
    trainer_code = read_session(Path(sessie)).trainer_code if sessie else ""
    instellingen.Voila.identity_provider_class = _identity_provider(cfg.taal, trainer_code)
    import voila.app

    voila.app.VoilaLoginHandler = _login_handler(cfg.taal)  # Voilà hands this class to its identity provider
    app = Voila(config=instellingen)
    app.initialize(voila_arguments(cfg))
    app.voila_configuration.page_config_hook = _page_config_hook(cfg)
    app.mathjax_url = ""  # nothing from the network
    from tornado.ioloop import IOLoop

    # Voilà's SIGTERM handler stops this loop (and then the kernels); it has the loop only once it
    # listens, so a SIGTERM while it starts would be lost: give it the loop now.
    app.ioloop = IOLoop.current()
    app.ioloop.add_callback(_stop_with_parent, app, cfg.ouder or os.getppid())
    app.start()
    return 0


def address(host: str, poort: int) -> str:
    """The address to print: this computer's name on the network when it listens beyond it."""
    if host in LOOPBACK:
        return f"http://{'127.0.0.1' if host == 'localhost' else host}:{poort}/"
    if host in ("0.0.0.0", "::", ""):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect(("10.255.255.255", 1))  # no packet is sent; this only picks the outgoing interface
                host = s.getsockname()[0]
        except OSError:
            host = socket.gethostname()
    return f"http://{host}:{poort}/"


def _wait_until_up(proces: subprocess.Popen[bytes], adres: str, code: str, log: Path, gestopt: Callable[[], bool],
                   wacht: float = 90) -> None:  # fmt: skip
    """Until Voilà answers, or ``gestopt()`` (the command was asked to stop while Voilà starts)."""
    eind = time.monotonic() + wacht
    url = adres + (f"?token={code}" if code else "")
    while time.monotonic() < eind:
        if gestopt():
            return
        if proces.poll() is not None:
            regels = [r for r in log.read_text(encoding="utf-8", errors="replace").splitlines() if r.strip()]
            raise UserError(f"app: Voilà stopte bij het starten: {regels[-1] if regels else 'zonder melding'} "
                            f"(volledige uitvoer: {shown_path(log)})")  # fmt: skip
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers (a refusal is an answer)
        except OSError:
            time.sleep(0.2)
    proces.kill()
    raise UserError(f"app: Voilà gaf na {wacht:.0f} s nog geen antwoord (uitvoer: {shown_path(log)})")


def serve(
    bron: Path, werk: Path, poort: int, host: str, taal: str, titel: str, uitleg: str,
    paginas: list[Pagina], code: str = "", omgeving: Mapping[str, str] | None = None,
    site: Path | None = None, gestart: Callable[[str], None] | None = None, voorraad: Mapping[str, int] | None = None,
    opruimen: int = OPRUIMEN,
) -> int:  # fmt: skip
    """Serve the notebooks in ``bron`` until Ctrl-C (or SIGTERM, or SIGHUP). ``gestart(adres)`` is
    called once the app answers (the command line prints the address there)."""
    check_range("--opruimen", opruimen, OPRUIMEN_GRENS, "seconden", OPRUIMEN)
    for aantal in (voorraad or {}).values():
        check_range("--voorraad", aantal, VOORRAAD_GRENS, "kernels", VOORRAAD)
    check_port(host, poort)
    werk.mkdir(parents=True, exist_ok=True)
    map_ = run_folder(werk, bron, site)
    cfg = AppConfig(str(map_), poort, host, taal, titel, uitleg, [vars(p) for p in paginas], code, dict(omgeving or {}),
                    dict(voorraad or {}), opruimen, ouder=os.getpid())  # fmt: skip
    env = {
        **os.environ,
        **cfg.omgeving,
        ENV["taal"]: taal,
        ENV["site"]: "1" if (map_ / "site").exists() else "",
        "JUPYTER_PATH": os.pathsep.join([str(paths.templates_dir() / "jupyter"), os.environ.get("JUPYTER_PATH", "")]),
        "PYTHONPATH": os.pathsep.join([str(paths.PACKAGE_DIR.parent), os.environ.get("PYTHONPATH", "")]),
        "WARMTELESSEN_HOME": str(paths.project_root()),
    }
    log = werk / "voila.log"
    with log.open("wb") as uit:
        proces = subprocess.Popen([sys.executable, "-m", "toolkit.app.server", json.dumps(vars(cfg))],
                                  stdout=uit, stderr=subprocess.STDOUT, env=env, start_new_session=True)  # fmt: skip
    (werk / "voila.pid").write_text(str(proces.pid), encoding="utf-8")  # for an operator (and the tests)
    stoppen = {"nu": False}

    def stop(*_: Any) -> None:
        stoppen["nu"] = True

    # SIGTERM (kill) and SIGHUP (the terminal was closed) stop the server as Ctrl-C does, also while it starts
    vorige = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        _wait_until_up(proces, address(host, poort) if host in LOOPBACK else f"http://127.0.0.1:{poort}/", code, log,
                       lambda: stoppen["nu"])  # fmt: skip
        if gestart and not stoppen["nu"]:
            gestart(address(host, poort))
        while proces.poll() is None and not stoppen["nu"]:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        for sig, handler in vorige.items():
            signal.signal(sig, handler)
        _stop(proces)
    return 0


def _stop(proces: subprocess.Popen[bytes]) -> None:
    """Stop Voilà and the kernels it started (its own process group)."""
    if proces.poll() is not None:
        return
    try:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=15)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proces.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proces.wait(timeout=5)


def app_pages(taal: str) -> list[Pagina]:
    return [
        Pagina("checklist.ipynb", t("app.pagina_checklist", taal), t("app.pagina_checklist_uitleg", taal)),
        Pagina("kennisbank.ipynb", t("app.pagina_kennisbank", taal), t("app.pagina_kennisbank_uitleg", taal)),
        Pagina("logboek.ipynb", t("app.pagina_logboek", taal), t("app.pagina_logboek_uitleg", taal)),
    ]


if __name__ == "__main__":  # pragma: no cover - the Voilà child process
    sys.exit(main())
