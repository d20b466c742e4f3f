"""The live workshop's two pages (``warmtelessen workshop live``), served by Voilà.

The groups' page is a plain form served without a kernel (:mod:`toolkit.app.live_web`).
*Trainer* (``notebooks/live/trainer.ipynb``): only with the trainer code in
the address; shows the address and QR code for the groups, the session code, who has sent, and the
harvest (radar of all groups and per group, the three lessons to discuss first), read again every
few seconds while the page is open; *Oogst opslaan* writes the same report as ``workshop oogst``.

Everything a group typed is escaped wherever it is shown.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from markupsafe import escape

from toolkit.base import UserError, WarmteError, shown_path, t
from toolkit.content import case_names, kennisbank
from toolkit.domain import (
    KEUZES,
    Antwoord,
    OogstRapport,
    Sessie,
    active_statement,
    codes_match,
    erase_answers,
    export_responses,
    harvest,
    read_session,
    remove_group,
    responses,
    set_active_statement,
    vote_counts,
)
from toolkit.notebook import download_link, message_html
from toolkit.render import render, render_harvest_part, write_file
from toolkit.reports import produce

from .live_web import retention_sentence
from .server import ENV

#: How often the trainer's page looks for new answers (seconds).
VERVERS = 2.0


def current_session() -> Sessie:
    """The session this app was started for (the command line passes its file to the kernels)."""

    pad = os.environ.get(ENV["sessie"])
    if not pad:
        raise UserError("workshop live: geen sessie (start de pagina's met warmtelessen workshop live)")
    return read_session(Path(pad))


def qr_data_uri(adres: str) -> str:
    """The address as a QR code, an SVG image inside a data: URI (nothing to load)."""
    import segno

    return str(segno.make(adres, error="m").svg_data_uri(scale=6, border=2, dark="#000", light="#fff"))


# --- the trainer's page ---------------------------------------------------------------------------


def trainer_code_given(query: str, sessie: Sessie) -> bool:
    """Whether the page's address carries this session's trainer code (``?trainer=CODE``)."""

    waarden = parse_qs(query.lstrip("?")).get("trainer", [])
    return any(codes_match(v, sessie.trainer_code) for v in waarden)


def group_address(sessie: Sessie) -> str:
    """The address the groups open (with the session code when the app asks for one)."""

    return os.environ.get(ENV["adres"], "") or "../../live/groep"


def harvest_html(sessie: Sessie, antwoorden: list[Antwoord], taal: str) -> str:
    """The harvest of ``antwoorden`` as HTML: all groups, the lessons to discuss first, per group."""

    if not antwoorden:
        return message_html(t("live.nog_niets", taal))
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
    stemmen = vote_counts(sessie)
    if not stemmen:
        return gemaakt.files
    data = render("oogst-data", "datapackage", ([], stemmen), taal)  # the votes on the statements put to the room
    pad = write_file(map_ / "stemmen.csv", data["stemmen.csv"] if isinstance(data, Mapping) else "")
    return [*gemaakt.files, pad]


def close_session(sessie: Sessie, uit: Path, taal: str) -> Path:
    """*Sessie afsluiten*: one zip with the harvest report (anonymous) and the answers without group
    names as a Frictionless data package; then the answers are erased from the session file
    (:func:`toolkit.domain.erase_answers`). Returns the zip (written whole, then renamed)."""
    antwoorden = responses(sessie)
    if not antwoorden:
        raise UserError(t("live.nog_niets", taal))
    map_ = uit / f"workshop-{sessie.code}"
    doel = map_ / f"workshop-{sessie.code}.zip"
    with tempfile.TemporaryDirectory(prefix="warmtelessen-afsluiten-") as tmp_naam:
        tmp = Path(tmp_naam)
        rapport = produce("oogst", {"antwoorden": str(export_responses(sessie, tmp / "antwoorden")), "taal": taal},
                          tmp / "rapport")  # fmt: skip
        data = render("oogst-data", "datapackage", (antwoorden, vote_counts(sessie)), taal)
        tijdelijk = map_ / f".{doel.name}.nieuw"
        map_.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tijdelijk, "w", zipfile.ZIP_DEFLATED) as z:
            for pad in rapport.files:
                z.write(pad, f"oogst/{pad.name}")
            for naam, inhoud in data.items() if isinstance(data, Mapping) else ():
                z.writestr(f"antwoorden/{naam}", inhoud)
        tijdelijk.replace(doel)
    erase_answers(sessie)
    return doel


def trainer_page(taal: str | None = None, query: str | None = None) -> Any:
    """The trainer's screen: address and QR code for the groups, and the harvest as it grows."""
    import ipywidgets as w

    # a button as wide as its words, and a row that wraps on a narrow screen: no label is cut off
    volledig, omloop = w.Layout(width="auto"), w.Layout(flex_flow="row wrap", gap="0.5rem")
    from IPython.display import display

    sessie = current_session()
    taal = taal or sessie.taal
    if query is None:
        from voila.utils import get_query_string

        query = get_query_string() or ""
    kop = f"<h1>{escape(t('live.trainer_titel', taal))}</h1>"
    if not trainer_code_given(query, sessie):
        pagina = w.HTML(kop + message_html(t("live.trainercode_nodig", taal), fout=True))
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
    if urlsplit(adres).hostname in ("127.0.0.1", "localhost", "::1"):  # a phone cannot open this computer's loopback
        uitnodiging.value += message_html(t("live.alleen_hier", taal), fout=True)
    if sessie.bewaar_tot:
        uitnodiging.value += f'<p class="wl-hulp">{escape(retention_sentence(sessie, taal))}</p>'
    wie = w.HTML()
    weg_keuze = w.Dropdown(options=[], description=t("live.groep", taal), layout=w.Layout(width="20rem"))
    weg_knop = w.Button(description=t("live.groep_verwijderen", taal), layout=volledig)
    weg_melding = w.HTML()
    oogst = w.HTML()
    opslaan = w.Button(description=t("live.oogst_opslaan", taal), button_style="primary")
    opgeslagen = w.HTML()
    staat: dict[str, Any] = {"vorige": None}

    stellingen = {
        s.id: f"{les.nummer}.{i} {s.tekst}"
        for les in kennisbank().lessons(taal)
        if not sessie.lessen or les.nummer in sessie.lessen
        for i, s in enumerate(les.stellingen, start=1)
    }
    stelling_keuze = w.Dropdown(
        options=[(tekst[:80], sid) for sid, tekst in stellingen.items()],
        description=t("live.stelling_kiezen", taal),
        layout=w.Layout(width="40rem", max_width="100%"),
    )
    tonen = w.Button(description=t("live.stelling_tonen", taal), button_style="primary", layout=volledig)
    sluiten = w.Button(description=t("live.stelling_sluiten", taal), layout=volledig)
    stemming = w.HTML()

    def show_votes() -> None:
        actief = active_statement(sessie)
        tellingen = vote_counts(sessie)
        regels = []
        for sid, telling in ([(actief, tellingen.get(actief, dict.fromkeys(KEUZES, 0)))] if actief else []) + [
            (sid, telling) for sid, telling in tellingen.items() if sid != actief
        ]:
            totaal = sum(telling.values()) or 1
            balken = "".join(
                f'<div class="wl-stem"><span>{escape(t("live.keuze." + k, taal))}</span>'
                f'<span class="wl-balk" style="width:{round(100 * telling[k] / totaal)}%"></span>'
                f"<span>{telling[k]}</span></div>"
                for k in KEUZES
            )
            kop = "h3" if sid == actief else "h4"
            regels.append(f"<{kop}>{escape(stellingen.get(sid, sid))}</{kop}>"
                          f'<p class="wl-hulp">{escape(t("live.stemmen", taal, **telling))}</p>{balken}')  # fmt: skip
        stemming.value = "".join(regels)

    def put(_: Any = None) -> None:
        set_active_statement(sessie, stelling_keuze.value)
        show_votes()

    def close_vote(_: Any = None) -> None:
        set_active_statement(sessie, None)
        show_votes()

    tonen.on_click(put)
    sluiten.on_click(close_vote)

    def refresh(_: Any = None) -> None:
        show_votes()
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
        weg_keuze.options = groepen

    def remove(_: Any = None) -> None:
        if weg_keuze.value and remove_group(sessie, weg_keuze.value):
            weg_melding.value = message_html(t("live.groep_verwijderd", taal, groep=weg_keuze.value))
            refresh()

    def save(_: Any = None) -> None:
        uit = Path(os.environ.get(ENV["uit"]) or "output")
        opslaan.disabled = True
        opgeslagen.value = message_html(t("live.bezig", taal))
        try:
            bestanden = save_harvest(sessie, uit, taal)
        except WarmteError as fout:  # also a notebook that failed: one line on the page, no traceback
            opgeslagen.value = message_html(str(fout), fout=True)
            return
        finally:
            opslaan.disabled = False
        links = [download_link(p.name, p.read_bytes(), p.name) for p in bestanden if p.suffix in (".html", ".docx")]
        opgeslagen.value = message_html(t("live.opgeslagen", taal, map=shown_path(bestanden[0].parent))) + (
            f'<p class="wl-downloads">{"".join(links)}</p>'
        )

    async def follow() -> None:
        while True:
            await asyncio.sleep(VERVERS)
            try:
                refresh()
            except UserError as fout:  # the session file went away: say so, keep trying
                wie.value = message_html(str(fout), fout=True)

    afsluiten = w.Button(description=t("live.afsluiten", taal), button_style="danger")
    afgesloten = w.HTML(f'<p class="wl-hulp">{escape(t("live.afsluiten_uitleg", taal))}</p>')

    def close(_: Any = None) -> None:
        uit = Path(os.environ.get(ENV["uit"]) or "output")
        afsluiten.disabled = True
        try:
            zip_ = close_session(sessie, uit, taal)
        except WarmteError as fout:
            afgesloten.value = message_html(str(fout), fout=True)
            afsluiten.disabled = False
            return
        afgesloten.value = message_html(t("live.afgesloten", taal, pad=shown_path(zip_))) + (
            f'<p class="wl-downloads">{download_link(zip_.name, zip_.read_bytes(), zip_.name)}</p>'
        )
        refresh()

    opslaan.on_click(save)
    afsluiten.on_click(close)
    weg_knop.on_click(remove)
    refresh()
    stemstijl = w.HTML("<style>.wl-stem{display:flex;gap:.5rem;align-items:center;margin:.2rem 0}"
                       ".wl-stem span:first-child{min-width:6rem}.wl-balk{display:inline-block;height:1.2rem;"
                       "background:#1d4e89;min-width:2px}</style>")  # fmt: skip
    pagina = w.VBox([uitnodiging, wie, w.HBox([opslaan]), opgeslagen, oogst, stemstijl,
                     w.HTML(f"<h2>{escape(t('live.stelling_titel', taal))}</h2>"),
                     w.HBox([stelling_keuze, tonen, sluiten], layout=omloop), stemming,
                     w.HBox([weg_keuze, weg_knop], layout=omloop), weg_melding, afgesloten,
                     w.HBox([afsluiten])])  # fmt: skip
    display(pagina)
    asyncio.ensure_future(follow())
    return pagina
