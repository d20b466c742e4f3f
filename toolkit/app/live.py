"""The live workshop's two pages (``warmtelessen workshop live``), served by Voilà.

*Groep* (``notebooks/live/groep.ipynb``): a group types its name and scores the statements of the
session's lessons; *Versturen* stores the answers at once (:func:`toolkit.domain.live.submit`); a group may
correct and send again. *Trainer* (``notebooks/live/trainer.ipynb``): only with the trainer code in
the address; shows the address and QR code for the groups, the session code, who has sent, and the
harvest (radar of all groups and per group, the three lessons to discuss first), read again every
few seconds while the page is open; *Oogst opslaan* writes the same report as ``workshop oogst``.

Everything a group typed is escaped wherever it is shown.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from markupsafe import escape

from toolkit.base import UserError, WarmteError, shown_path, t
from toolkit.content import case_names, kennisbank
from toolkit.domain import (
    MAX_GROEPNAAM,
    MAX_NOTITIE,
    Antwoord,
    OogstRapport,
    Sessie,
    export_responses,
    harvest,
    normalise_code,
    read_session,
    responses,
    submit,
)
from toolkit.notebook import WEET_NIET, answers_from_values
from toolkit.render import render_harvest_part
from toolkit.reports import produce

from .checklist import download_link
from .server import ENV

#: How often the trainer's page looks for new answers (seconds).
VERVERS = 2.0


def current_session() -> Sessie:
    """The session this app was started for (the command line passes its file to the kernels)."""

    pad = os.environ.get(ENV["sessie"])
    if not pad:
        raise UserError("workshop live: geen sessie (start de pagina's met warmtelessen workshop live)")
    return read_session(Path(pad))


def _melding(tekst: str, fout: bool = False) -> str:
    soort = "wl-melding wl-fout" if fout else "wl-melding"
    return f'<p class="{soort}" role="{"alert" if fout else "status"}">{escape(tekst)}</p>' if tekst else ""


def qr_data_uri(adres: str) -> str:
    """The address as a QR code, an SVG image inside a data: URI (nothing to load)."""
    import segno

    return str(segno.make(adres, error="m").svg_data_uri(scale=6, border=2, dark="#000", light="#fff"))


# --- the groups' page -----------------------------------------------------------------------------


def group_page(taal: str | None = None) -> Any:
    """The self-assessment for one group, in the room, from its own phone or laptop."""
    import ipywidgets as w
    from IPython.display import display

    sessie = current_session()
    taal = taal or sessie.taal
    sleutel = secrets.token_hex(8)  # this page's own key: another page cannot take its group name
    lessen = [les for les in kennisbank().lessons(taal) if not sessie.lessen or les.nummer in sessie.lessen]
    naam = w.Text(description=t("live.groepnaam", taal), placeholder=t("live.groepnaam_voorbeeld", taal),
                  style={"description_width": "10rem"}, layout=w.Layout(width="30rem", max_width="100%"))  # fmt: skip
    velden: dict[str, tuple[Any, Any]] = {}
    les_van: dict[str, int] = {}
    onderdelen: list[Any] = [
        w.HTML(f"<h1>{escape(t('live.groep_titel', taal))}</h1><p>{escape(t('live.groep_intro', taal))}</p>"),
        naam,
        w.HTML(f'<p class="wl-hulp">{escape(t("live.groepnaam_uitleg", taal, max=MAX_GROEPNAAM))}</p>'),
    ]
    opties = [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5"), (t("weet_niet", taal), WEET_NIET)]
    for les in lessen:
        onderdelen.append(w.HTML(f"<h2>{escape(t('les', taal).capitalize())} {les.nummer}. {escape(les.titel)}</h2>"))
        for s in les.stellingen:
            score = w.ToggleButtons(options=opties, value=WEET_NIET, description=t("live.score", taal),
                                    tooltips=[t("live.score_uitleg", taal)] * len(opties),
                                    style={"button_width": "auto", "description_width": "4rem"})  # fmt: skip
            notitie = w.Text(description=t("live.notitie", taal), placeholder=t("live.notitie_voorbeeld", taal),
                             style={"description_width": "4rem"},
                             layout=w.Layout(width="36rem", max_width="100%"))  # fmt: skip
            velden[s.id] = (score, notitie)
            les_van[s.id] = les.nummer
            onderdelen += [w.HTML(f'<p class="wl-stelling"><strong>{escape(s.id)}</strong> {escape(s.tekst)}</p>'),
                           score, notitie]  # fmt: skip
    verstuur = w.Button(description=t("live.versturen", taal), button_style="primary")
    melding = w.HTML()

    def send(_: Any = None) -> None:
        antwoorden = answers_from_values({sid: (s.value, n.value) for sid, (s, n) in velden.items()}, les_van)
        try:
            aantal = submit(sessie, naam.value, sleutel, antwoorden)
        except UserError as fout:
            melding.value = _melding(str(fout), fout=True)
            return
        zonder = sum(1 for a in antwoorden if a["score"] is None)
        melding.value = _melding(t("live.verstuurd", taal, groep=" ".join(naam.value.split()), aantal=aantal,
                                   weet_niet=zonder))  # fmt: skip

    verstuur.on_click(send)
    schaal = w.HTML(f'<p class="wl-hulp">{escape(t("live.schaal", taal, max=MAX_NOTITIE))}</p>')
    pagina = w.VBox([*onderdelen[:3], schaal, *onderdelen[3:], verstuur, melding])
    display(pagina)
    return pagina


# --- the trainer's page ---------------------------------------------------------------------------


def trainer_code_given(query: str, sessie: Sessie) -> bool:
    """Whether the page's address carries this session's trainer code (``?trainer=CODE``)."""

    waarden = parse_qs(query.lstrip("?")).get("trainer", [])
    return any(hmac.compare_digest(normalise_code(v), sessie.trainer_code) for v in waarden)


def group_address(sessie: Sessie) -> str:
    """The address the groups open (with the session code when the app asks for one)."""

    return os.environ.get(ENV["adres"], "") or "groep.ipynb"


def harvest_html(sessie: Sessie, antwoorden: list[Antwoord], taal: str) -> str:
    """The harvest of ``antwoorden`` as HTML: all groups, the lessons to discuss first, per group."""

    if not antwoorden:
        return _melding(t("live.nog_niets", taal))
    lessen = {les.nummer: les for les in kennisbank().lessons(taal) if not sessie.lessen or les.nummer in sessie.lessen}
    rapport = OogstRapport(harvest(antwoorden, anoniem=False, lessen=tuple(lessen)), lessen, case_names())
    delen = ("overzicht", "eerst_bespreken", "per_groep")
    return "\n".join(render_harvest_part(rapport, deel, taal) for deel in delen)


def save_harvest(sessie: Sessie, uit: Path, taal: str) -> list[Path]:
    """*Oogst opslaan*: the answers as CSV (what ``workshop oogst`` reads) and the harvest report
    made from them exactly as ``workshop oogst MAP --out`` makes it. Returns the files written."""

    map_ = uit / f"workshop-{sessie.code}"
    antwoorden = export_responses(sessie, map_ / "antwoorden")
    gemaakt = produce("oogst", {"antwoorden": str(antwoorden.resolve()), "taal": taal}, map_)
    return gemaakt.files


def trainer_page(taal: str | None = None, query: str | None = None) -> Any:
    """The trainer's screen: address and QR code for the groups, and the harvest as it grows."""
    import ipywidgets as w
    from IPython.display import display

    sessie = current_session()
    taal = taal or sessie.taal
    if query is None:
        from voila.utils import get_query_string

        query = get_query_string() or ""
    kop = f"<h1>{escape(t('live.trainer_titel', taal))}</h1>"
    if not trainer_code_given(query, sessie):
        pagina = w.HTML(kop + _melding(t("live.trainercode_nodig", taal), fout=True))
        display(pagina)
        return pagina
    adres = group_address(sessie)
    lessen = ", ".join(map(str, sessie.lessen)) or t("live.alle_lessen", taal)
    uitnodiging = w.HTML(
        f"{kop}<p>{escape(t('live.trainer_intro', taal, lessen=lessen))}</p>"
        f'<div class="wl-uitnodiging"><img class="wl-qr" src="{qr_data_uri(adres)}" '
        f'alt="{escape(t("live.qr_alt", taal, adres=adres))}" width="240" height="240">'
        f'<div><p>{escape(t("live.open_adres", taal))}</p><p class="wl-adres">{escape(adres)}</p>'
        f'<p>{escape(t("live.sessiecode", taal))}</p><p class="wl-code">{escape(sessie.code)}</p></div></div>'
    )
    wie = w.HTML()
    oogst = w.HTML()
    opslaan = w.Button(description=t("live.oogst_opslaan", taal), button_style="primary")
    opgeslagen = w.HTML()
    staat: dict[str, Any] = {"vorige": None}

    def refresh(_: Any = None) -> None:
        antwoorden = responses(sessie)  # cheap; the charts are drawn again only when an answer changed
        if antwoorden == staat["vorige"]:
            return
        staat["vorige"] = antwoorden
        groepen = list(dict.fromkeys(a.groep for a in antwoorden))
        namen = ", ".join(str(escape(g)) for g in groepen)
        wie.value = (f'<h2>{escape(t("live.binnen", taal))}</h2><p class="wl-binnen" role="status">'
                     f'{escape(t("live.aantal_groepen", taal, aantal=len(groepen)))}'
                     f"{': ' + namen if namen else ''}</p>")  # fmt: skip
        oogst.value = harvest_html(sessie, antwoorden, taal)

    def save(_: Any = None) -> None:
        uit = Path(os.environ.get(ENV["uit"]) or "output")
        opslaan.disabled = True
        opgeslagen.value = _melding(t("live.bezig", taal))
        try:
            bestanden = save_harvest(sessie, uit, taal)
        except WarmteError as fout:  # also a notebook that failed: one line on the page, no traceback
            opgeslagen.value = _melding(str(fout), fout=True)
            return
        finally:
            opslaan.disabled = False
        links = [download_link(p.name, p.read_bytes(), p.name) for p in bestanden if p.suffix in (".html", ".docx")]
        opgeslagen.value = _melding(t("live.opgeslagen", taal, map=shown_path(bestanden[0].parent))) + (
            f'<p class="wl-downloads">{"".join(links)}</p>'
        )

    async def follow() -> None:
        while True:
            await asyncio.sleep(VERVERS)
            try:
                refresh()
            except UserError as fout:  # the session file went away: say so, keep trying
                wie.value = _melding(str(fout), fout=True)

    opslaan.on_click(save)
    refresh()
    pagina = w.VBox([uitnodiging, wie, w.HBox([opslaan]), opgeslagen, oogst])
    display(pagina)
    asyncio.ensure_future(follow())
    return pagina
