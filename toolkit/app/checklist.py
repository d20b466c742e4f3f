"""The web app's page *Checklist op maat*: the profile form, the checklist on screen, the files to
download (the same bytes the command line writes), progress from an uploaded action register, and
the profile to save as YAML. Everything a user typed or uploaded is escaped where it is shown."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path
from typing import Any

from markupsafe import escape

from toolkit.base import (
    MAX_BESTAND,
    MAX_YAML,
    TooLarge,
    UserError,
    WarmteError,
    clean_fields,
    excerpt,
    load_yaml,
    size_text,
    slugify,
    t,
)
from toolkit.content import field_labels, parse_profile
from toolkit.domain import Checklist, build, check_register_fits, read_register
from toolkit.notebook import ProfileForm, download_link, message_html, page_message, profile_to_yaml, uploaded
from toolkit.render import render, rendered_files, without_report_files
from toolkit.reports import SPECS, parse

from .server import app_language, app_site_base

#: The files offered for download, in this order (the checklist report's formats).
DOWNLOADS = ("docx", "odt", "pdf", "xlsx", "ods", "html", "md", "json")
MAX_UPLOAD = MAX_BESTAND


def read_uploaded_register(naam: str, inhoud: bytes, taal: str = "nl") -> dict[str, dict[str, Any]]:
    """The statuses in an uploaded action register; one line naming the file when it is not one
    (in ``taal`` where the reason was given in both languages; never naming a command-line option)."""

    if len(inhoud) > MAX_UPLOAD:
        grens = TooLarge("bestand", grootte=size_text(len(inhoud)), grens=size_text(MAX_UPLOAD))
        raise UserError(t("app.bestand_onbruikbaar", taal, naam=naam, reden=grens.in_language(taal)))
    if not naam.lower().endswith((".xlsx", ".ods")):
        raise UserError(f"{naam}: geen .xlsx- of .ods-bestand (kies het actieregister van uw checklist)")
    with tempfile.TemporaryDirectory() as tmp:
        pad = Path(tmp) / ("actieregister.ods" if naam.lower().endswith(".ods") else "actieregister.xlsx")
        pad.write_bytes(inhoud)
        try:
            return read_register(pad, naam=naam)
        except UserError as fout:
            reden = fout.reason(taal) or page_message(
                str(fout).removeprefix(f"{naam}: ").removeprefix("--voortgang: "), taal
            )
            raise UserError(t("app.bestand_onbruikbaar", taal, naam=naam, reden=reden.rstrip("."))) from None


def read_uploaded_profile(naam: str, inhoud: bytes, taal: str = "nl") -> dict[str, Any]:
    """A profile from an uploaded YAML file, checked; one line naming the file when it is wrong."""

    if len(inhoud) > MAX_YAML:
        grens = TooLarge("bestand", grootte=size_text(len(inhoud)), grens=size_text(MAX_YAML))
        raise UserError(t("app.bestand_onbruikbaar", taal, naam=naam, reden=grens.in_language(taal)))
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{naam}: geen tekstbestand (kies een profiel in YAML, zoals de app het opslaat)") from None
    data, problemen = load_yaml(tekst, naam)
    if problemen:
        raise UserError(str(problemen[0]))
    if not isinstance(data, dict):
        raise UserError(f"{naam}: geen profiel (verwacht: velden zoals 'gemeente: Wageningen')")
    parse_profile(data, naam)
    return data


def checklist_files(checklist: Checklist, taal: str, mislukt: dict[str, str] | None = None) -> dict[str, str | bytes]:
    """The checklist in every download format, by the file name the command line uses. With
    ``mislukt``, a format that fails is named there and the others are made."""

    spec = SPECS["checklist"]
    meta = spec.meta(parse("checklist", {"profiel": checklist["profiel"], "taal": taal}), checklist)
    return rendered_files("checklist", checklist, taal, DOWNLOADS, spec.file_names(meta), mislukt)


def make_checklist(profiel: dict[str, Any], taal: str, register: tuple[str, bytes] | None) -> Checklist:
    """The checklist the command line makes for this profile (and register)."""

    voortgang = read_uploaded_register(*register, taal) if register else None
    checklist = build(profiel, taal, voortgang)
    if register and voortgang is not None:
        check_register_fits(register[0], voortgang, checklist)
    return checklist


def checklist_page(taal: str | None = None) -> Any:
    """Show the page (in a Voilà kernel). Returns the top widget."""
    import ipywidgets as w
    from IPython.display import display

    taal = taal or app_language()
    site_base = app_site_base(taal)
    formulier = ProfileForm({}, taal)
    melding, downloads, uitkomst = w.HTML(), w.HTML(), w.HTML()
    laden = w.FileUpload(accept=".yaml,.yml", multiple=False, description=t("app.profiel_laden", taal))
    register_knop = w.FileUpload(accept=".xlsx,.ods", multiple=False, description=t("app.register_laden", taal))
    maak = w.Button(description=t("app.maak_checklist", taal), button_style="primary")
    staat: dict[str, Any] = {"register": None}

    def say(tekst: str, fout: bool = False) -> None:
        melding.value = message_html(tekst, fout)

    def make(_: Any = None) -> None:
        mislukt: dict[str, str] = {}
        try:
            profiel, velden = clean_fields(formulier.profile())
            if not profiel.get("gemeente"):
                raise UserError(t("app.eerst_gemeente", taal))
            checklist = make_checklist(profiel, taal, staat["register"])
            bestanden = checklist_files(checklist, taal, mislukt)
        except WarmteError as fout:
            say(page_message(str(fout), taal), fout=True)
            return
        except Exception as fout:  # noqa: BLE001 - whatever it is, the visitor reads it on the page
            say(t("app.fout_onverwacht", taal, wat=f"{type(fout).__name__}: {excerpt(str(fout))[1:-1]}"), fout=True)
            return
        links = [download_link(naam, inhoud, t(f"app.download_{naam.rsplit('.', 1)[-1]}", taal) + f" ({naam})")
                 for naam, inhoud in bestanden.items()]  # fmt: skip
        naam = f"{slugify(checklist['context']['gemeente']) or 'profiel'}-profiel.yaml"
        links.append(download_link(naam, profile_to_yaml(profiel), t("app.download_profiel", taal) + f" ({naam})"))
        downloads.value = (f'<h2>{escape(t("app.downloads", taal))}</h2><p class="wl-downloads">'
                           + "".join(links) + "</p>")  # fmt: skip
        with without_report_files(site_base):  # the app serves no report files: link to the site, or not at all
            uitkomst.value = str(render("checklist", "html-fragment", checklist, taal))
        klaar = t("app.checklist_klaar", taal, aantal=len(checklist["acties"]), plaats=checklist["context"]["gemeente"])
        extra = [t("app.met_voortgang", taal)] if staat["register"] else []
        if velden:
            extra.append(t("app.tekens_weggehaald", taal, velden=field_labels(velden, taal)))
        if mislukt:
            extra.append(t("app.formaat_mislukt", taal, bestanden=", ".join(mislukt)))
        say(" ".join([klaar, *extra]), fout=bool(mislukt))

    def load_profile(wijziging: Any) -> None:
        bestand = uploaded(wijziging["new"])
        if bestand is None:
            return
        try:
            formulier.set_profile(read_uploaded_profile(*bestand, taal))
            say(t("app.profiel_geladen", taal, bestand=bestand[0]))
        except UserError as fout:
            say(page_message(str(fout), taal), fout=True)
        except Exception as fout:  # noqa: BLE001 - whatever it is, the visitor reads it on the page
            say(t("app.fout_onverwacht", taal, wat=f"{type(fout).__name__}: {excerpt(str(fout))[1:-1]}"), fout=True)

    def load_register(wijziging: Any) -> None:
        bestand = uploaded(wijziging["new"])
        if bestand is None:
            return
        staat["register"] = bestand
        make()
        if melding.value and "wl-fout" in melding.value:
            staat["register"] = None

    maak.on_click(make)
    laden.observe(load_profile, names="value")
    register_knop.observe(load_register, names="value")
    kop = w.HTML(f"<h1>{escape(t('app.pagina_checklist', taal))}</h1><p>{escape(t('app.checklist_intro', taal))}</p>")
    laden_uitleg = w.HTML(f'<p class="wl-hulp">{escape(t("app.profiel_laden_uitleg", taal))}</p>')
    register_uitleg = w.HTML(f'<p class="wl-hulp">{escape(t("app.register_uitleg", taal))}</p>')
    pagina = w.VBox([kop, w.HBox([laden]), laden_uitleg, formulier.box, w.HBox([maak]), melding, downloads,
                     w.HTML(f"<h2>{escape(t('app.voortgang', taal))}</h2>"), register_uitleg, register_knop,
                     uitkomst])  # fmt: skip
    display(pagina)
    threading.Thread(target=warm_up, args=(taal,), daemon=True).start()
    return pagina


def warm_up(taal: str) -> None:
    """Make one checklist in every format while nobody waits (a pre-heated kernel does this before
    its visitor arrives): the Word and Excel libraries and the content are loaded, so the visitor's
    own click takes a fraction of a second."""
    try:
        checklist_files(make_checklist({"gemeente": "Voorbeeldstad"}, taal, None), taal)
    except Exception:  # noqa: BLE001 - a warm-up that fails changes nothing; the click reports the problem
        pass
