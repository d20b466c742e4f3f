"""The groups' page of the live workshop, served by a plain handler in the same server as the
trainer's page: no kernel per phone.

``/live/groep`` is an HTML form that works without JavaScript (an old phone, a strict browser): a
group types its name, scores the statements of the session's lessons and sends. The answers go into
the session's SQLite file at once (:func:`toolkit.domain.live.submit`). The page keeps a key of its
own in a cookie (and in the form): after a reload, in another tab or after a restart of the server
the group finds its answers again and corrects them; nobody else can take its name. A device may
start a few groups, not the whole session. Everything a group typed is escaped where it is shown;
every message is in the page's language.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from toolkit.base import UserError, format_date, t
from toolkit.content import kennisbank
from toolkit.domain import (
    KEUZES,
    MAX_GROEPNAAM,
    MAX_NOTITIE,
    LiveFout,
    Sessie,
    active_statement,
    own_group,
    read_session,
    submit,
    vote,
)
from toolkit.notebook import WEET_NIET, answers_from_values
from toolkit.render import environment, page

#: The score a group leaves when it does not know (the form's default).
WEET = "weet"
#: How long the cookies of a group page live (days): the session is gone by then.
COOKIE_DAGEN = 60
#: Nothing from elsewhere: the page's own style and script, pictures as data, forms to itself.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
       "form-action 'self'; base-uri 'none'")  # fmt: skip
#: The most a form may hold (bytes): 60 statements with a full note fit many times over.
MAX_FORMULIER = 256 * 1024


def cookie_name(sessie: Sessie) -> str:
    return f"wl_groep_{sessie.code}"


_OPEN: dict[str, tuple[Sessie, sqlite3.Connection]] = {}


def _session(pad: str) -> tuple[Sessie, sqlite3.Connection]:
    """The session and one connection to its file, kept for the server's life: the handlers run one
    at a time on the server's event loop, so they share it (opening the file per request costs more
    than storing the answers)."""
    if pad not in _OPEN:
        sessie = read_session(Path(pad))
        _OPEN[pad] = (sessie, sessie.connect())
    return _OPEN[pad]


def retention_sentence(sessie: Sessie, taal: str) -> str:
    """One sentence for the groups: what is stored, until when, and that no person's name is asked."""
    datum = format_date(sessie.bewaar_tot, taal) if sessie.bewaar_tot else t("onbekend", taal)
    return t("live.privacy", taal, datum=datum)


def _lessons(sessie: Sessie) -> list[Any]:
    return [les for les in kennisbank().lessons(sessie.taal) if not sessie.lessen or les.nummer in sessie.lessen]


def group_form(sessie: Sessie, taal: str, sleutel: str, naam: str, waarden: dict[str, tuple[str, str]],
               melding: str, fout: bool, xsrf: str, vraag: str = "") -> str:  # fmt: skip
    """The form as HTML (inside :func:`toolkit.render.page`)."""
    opties = [(str(n), str(n)) for n in range(1, 6)] + [(WEET, t("weet_niet", taal))]
    return environment().get_template("live_groep.html.j2").render(
        taal=taal, lessen=_lessons(sessie), sleutel=sleutel, naam=naam, waarden=waarden, melding=melding, fout=fout,
        xsrf=xsrf, opties=opties, weet=WEET, max_naam=MAX_GROEPNAAM, max_notitie=MAX_NOTITIE,
        privacy=retention_sentence(sessie, taal), vraag=vraag,
    )  # fmt: skip


def live_handlers(server_url: str, sessie_pad: str) -> list[tuple[str, Any, dict[str, Any]]]:
    """The routes of the live workshop, to go before Voilà's own (the handlers are made here: the
    server's libraries are loaded only by the server)."""
    from jupyter_server.base.handlers import JupyterHandler
    from jupyter_server.utils import url_path_join
    from tornado import web

    class LiveHandler(JupyterHandler):
        """What both pages share: the session and its connection, and this device's random id."""

        def initialize(self, sessie_pad: str) -> None:
            self.sessie, self.db = _session(sessie_pad)

        def _apparaat(self) -> str:
            apparaat = self.get_cookie("wl_apparaat") or ""
            if len(apparaat) != 22:
                apparaat = secrets.token_urlsafe(16)
                self.set_cookie("wl_apparaat", apparaat, httponly=True, samesite="Lax", expires_days=COOKIE_DAGEN)
            return apparaat

    class GroepHandler(LiveHandler):
        """GET shows the form (filled in with what this page's group sent before); POST stores it."""

        def _sleutel(self) -> str:
            return (self.get_body_argument("sleutel", "") if self.request.method == "POST" else "") or (
                self.get_cookie(cookie_name(self.sessie)) or ""
            )

        @web.authenticated
        def get(self) -> None:
            sleutel = self._sleutel() or secrets.token_urlsafe(16)
            self.set_cookie(cookie_name(self.sessie), sleutel, httponly=True, samesite="Lax", expires_days=COOKIE_DAGEN)
            self._apparaat()
            eigen = own_group(self.sessie, sleutel, self.db)
            melding = ""
            if eigen is not None and self.get_query_argument("verstuurd", ""):
                zonder = sum(1 for score, _ in eigen.antwoorden.values() if score is None)
                melding = t("live.verstuurd", self.sessie.taal, groep=eigen.naam, aantal=len(eigen.antwoorden),
                            weet_niet=zonder)  # fmt: skip
            naam = eigen.naam if eigen else ""
            waarden = {sid: (WEET if score is None else str(score), notitie) for sid, (score, notitie) in
                       (eigen.antwoorden.items() if eigen else ())}  # fmt: skip
            self._toon(sleutel, naam, waarden, melding, fout=False)

        @web.authenticated
        def post(self) -> None:
            if len(self.request.body) > MAX_FORMULIER:
                raise web.HTTPError(413)
            sessie = self.sessie
            sleutel = self._sleutel() or secrets.token_urlsafe(16)
            naam = self.get_body_argument("groep", "")[: MAX_GROEPNAAM * 4]
            lessen = _lessons(sessie)
            waarden: dict[str, tuple[str, str]] = {}
            for les in lessen:
                for s in les.stellingen:
                    score = self.get_body_argument(f"score-{s.id}", WEET)
                    notitie = self.get_body_argument(f"notitie-{s.id}", "")[: MAX_NOTITIE * 4]
                    waarden[s.id] = (score if score in ("1", "2", "3", "4", "5") else WEET, notitie)
            antwoorden = answers_from_values(
                {sid: (WEET_NIET if score == WEET else score, notitie) for sid, (score, notitie) in waarden.items()},
                {s.id: les.nummer for les in lessen for s in les.stellingen},
            )
            try:
                submit(sessie, naam, sleutel, antwoorden, apparaat=self._apparaat(), db=self.db)
            except LiveFout as fout:
                self._toon(sleutel, naam, waarden, fout.in_language(sessie.taal), fout=True)
                return
            except UserError as fout:  # an answer the form cannot send (a changed page), a full disk: one line
                self._toon(sleutel, naam, waarden, t("live.fout.antwoord", sessie.taal, fout=str(fout)), fout=True)
                return
            self.set_cookie(cookie_name(sessie), sleutel, httponly=True, samesite="Lax", expires_days=COOKIE_DAGEN)
            # The page comes straight back with what was stored (no second request: sixty groups
            # sending at once wait for each other). Sending it again, after a reload, stores the same.
            zonder = sum(1 for score, _ in waarden.values() if score == WEET)
            naam_getoond = " ".join(naam.split())
            melding = t("live.verstuurd", sessie.taal, groep=naam_getoond, aantal=len(antwoorden), weet_niet=zonder)
            self._toon(sleutel, naam_getoond, waarden, melding, fout=False)

        def _toon(self, sleutel: str, naam: str, waarden: dict[str, tuple[str, str]], melding: str, fout: bool) -> None:
            taal = self.sessie.taal
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Security-Policy", CSP)
            vraag = f"?{self.request.query}" if self.request.query else ""
            inhoud = group_form(self.sessie, taal, sleutel, naam, waarden, melding, fout, str(self.xsrf_form_html()),
                                vraag)  # fmt: skip
            self.finish(page(t("live.groep_titel", taal), taal, inhoud))

    class StellingHandler(LiveHandler):
        """The statement the trainer put to the room: GET shows it (and looks again every few
        seconds, without JavaScript, while none is open); POST counts this device's vote."""

        @web.authenticated
        def get(self) -> None:
            self._apparaat()
            self._toon("", False, "")

        @web.authenticated
        def post(self) -> None:
            stelling, keuze = self.get_body_argument("stelling", "")[:20], self.get_body_argument("keuze", "")[:20]
            try:
                vote(self.sessie, self._apparaat(), stelling, keuze, self.db)
            except LiveFout as fout:
                self._toon(fout.in_language(self.sessie.taal), True, "")
                return
            self._toon(t("live.gestemd", self.sessie.taal), False, keuze)

        def _toon(self, melding: str, fout: bool, gekozen: str) -> None:
            taal = self.sessie.taal
            actief = active_statement(self.sessie, self.db)
            stelling = next((s for les in _lessons(self.sessie) for s in les.stellingen if s.id == actief), None)
            vraag = f"?{self.request.query}" if self.request.query else ""
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Security-Policy", CSP)
            if stelling is None:  # look again in a few seconds: the trainer may open one
                self.set_header("Refresh", "5")
            inhoud = environment().get_template("live_stelling.html.j2").render(
                taal=taal, stelling=stelling, keuzes=KEUZES, gekozen=gekozen, melding=melding, fout=fout,
                xsrf=str(self.xsrf_form_html()), vraag=vraag, privacy=retention_sentence(self.sessie, taal),
            )  # fmt: skip
            self.finish(page(t("live.stelling_titel", taal), taal, inhoud))

    class NaarGroep(JupyterHandler):
        """The server's start address leads a group to its page (the trainer has an address of its own)."""

        @web.authenticated
        def get(self) -> None:
            vraag = {k: v[-1].decode() for k, v in self.request.query_arguments.items()}
            self.redirect(f"{self.base_url}live/groep" + (f"?{urlencode(vraag)}" if vraag else ""))

    return [
        (url_path_join(server_url, r"/live/groep"), GroepHandler, {"sessie_pad": sessie_pad}),
        (url_path_join(server_url, r"/live/stelling"), StellingHandler, {"sessie_pad": sessie_pad}),
        (url_path_join(server_url, r"/?"), NaarGroep, {}),
    ]
