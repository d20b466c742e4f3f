"""The logbook form: the participation logbook for people who never open a terminal. The web
app's page *Logboek* and the form in JupyterLab (``notebooks/logbook.ipynb``) are this one form.

One form per kind of entry (a party, a conversation, a decision, a follow-up, a communication, an
activity, what participants brought in), the entries as tables, an import from the team's
spreadsheet and the participation report to download. The logbook is the SQLite file the command
was started with (``warmtelessen app --logboek PAD``) or the notebook names; it is made on the
first entry, never by opening the page. The checks and the transaction are those of
:mod:`toolkit.domain.logbook`; everything a user typed or uploaded is escaped where it is shown.
"""

from __future__ import annotations

import asyncio
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from markupsafe import escape

from toolkit.base import (
    MAX_BESTAND,
    TooLarge,
    UserError,
    WarmteError,
    clean_fields,
    excerpt,
    in_project,
    size_text,
    t,
    term,
    transaction,
)
from toolkit.content import ACTORTYPES, FASEN, TREDEN
from toolkit.domain import import_file
from toolkit.domain import logbook as lb
from toolkit.render import template_files
from toolkit.reports import produce

from .downloads import download_link, uploaded
from .messages import message_html, page_message

#: The report's files offered for download, in this order.
VERSLAG_FORMATEN = ("docx", "odt", "pdf", "html")
#: The file types the import reads.
IMPORT_TYPEN = (".csv", ".xlsx", ".ods")
#: Columns never shown in the lists: contact details are personal data (``contactrol`` is shown).
VERBORGEN = ("contact", "vergeten_op")
T = TypeVar("T")
#: Seconds between two looks at the logbook file (a colleague or the command line may add entries).
KIJKEN = 2.0


@dataclass(frozen=True)
class Veld:
    """One field of a form: the argument of the ``lb.add_*`` function, and how it is asked.

    ``soort``: ``tekst``, ``lang`` (several lines), ``datum``, ``keuze`` (one of ``opties``, labelled
    through the vocabulary ``woorden``), ``aantal`` (a number as text, empty = unknown), ``vink``,
    ``partijen`` (several parties), ``partij`` (one), or an entry of the logbook to refer to
    (``activiteit``, ``besluit``, ``gesprek``)."""

    naam: str
    soort: str = "tekst"
    verplicht: bool = False
    opties: tuple[str, ...] = ()
    woorden: str = ""
    standaard: str = ""
    label: str = ""  # the label's key when it is not ``naam``

    @property
    def sleutel(self) -> str:
        return self.label or self.naam


_DATUM = Veld("datum", "datum", verplicht=True)
_TREDE = Veld("trede", "keuze", True, TREDEN, "trede")
_LESSEN = Veld("lessen")
_TOELICHTING = Veld("toelichting", "lang")

#: Each kind of entry: (the kind in ``lb.rows``, the ``lb`` function that adds it, its fields).
FORMULIEREN: dict[str, tuple[str, str, tuple[Veld, ...]]] = {
    "partij": ("partijen", "add_party", (
        Veld("naam", verplicht=True), Veld("type", "keuze", True, ACTORTYPES, "partij", "overig"),
        Veld("contactrol"), Veld("contact"),
    )),
    "gesprek": ("gesprekken", "add_conversation", (
        _DATUM, Veld("partijen", "partijen", True), Veld("onderwerp", verplicht=True), _LESSEN,
        Veld("samenvatting", "lang"),
    )),
    "besluit": ("besluiten", "add_decision", (
        _DATUM, Veld("besluit", "lang", True), Veld("besloten_door", verplicht=True), _TREDE, _TOELICHTING,
        Veld("status", "keuze", True, lb.STATUSSEN, "logboek.status", "genomen"),
        Veld("betreft", "partijen"), Veld("gecommuniceerd_aan", "partijen"),
        Veld("kanaal", "keuze", False, lb.KANALEN, "logboek.kanaal", "overig"),
    )),
    "vervolgactie": ("vervolgacties", "add_follow_up", (
        Veld("omschrijving", "lang", True), Veld("eigenaar", verplicht=True), Veld("deadline", "datum"),
        Veld("gedaan", "vink"), Veld("besluit_id", "besluit"),
    )),
    "communicatie": ("communicatie", "add_communication", (
        _DATUM, Veld("partij", "partij", True), Veld("kanaal", "keuze", True, lb.KANALEN, "logboek.kanaal"),
        Veld("besluit", "besluit", label="besluit_id"), Veld("gesprek", "gesprek", label="gesprek_id"),
    )),
    "activiteit": ("activiteiten", "add_activity", (
        _DATUM, Veld("vorm", "keuze", True, lb.VORMEN, "logboek.vorm"), Veld("onderwerp", verplicht=True),
        Veld("doelgroep", "partijen"), Veld("uitgenodigd", "aantal"), Veld("deelnemers", "aantal"), _TREDE,
        Veld("fase", "keuze", False, FASEN, "fase"), _LESSEN, _TOELICHTING,
    )),
    "inbreng": ("inbreng", "add_input", (
        Veld("activiteit", "activiteit", True), Veld("inbreng", "lang", True),
        Veld("standpunt", "keuze", True, lb.STANDPUNTEN, "logboek.standpunt"),
        Veld("verwerking", "keuze", True, lb.VERWERKINGEN, "logboek.verwerking", "open"),
        Veld("toelichting", "lang", label="toelichting_inbreng"),
    )),
}  # fmt: skip

#: How the values of a column are shown in the lists (the vocabulary of its labels).
_WOORDEN = {"type": "partij", "trede": "trede", "fase": "fase", "status": "logboek.status",
            "kanaal": "logboek.kanaal", "vorm": "logboek.vorm", "standpunt": "logboek.standpunt",
            "verwerking": "logboek.verwerking"}  # fmt: skip


def field_label(sleutel: str, taal: str) -> str:
    """The label of a field or a column in ``taal`` (never its key)."""
    return t(f"app.logboek.veld.{sleutel}", taal)


def kind_label(soort: str, taal: str, meervoud: bool = False) -> str:
    """``activiteit`` -> "activiteit" (or "activiteiten"; "activity", "activities" in English)."""
    return t(f"app.logboek.{'soorten' if meervoud else 'soort'}.{soort}", taal)


def value_text(kolom: str, waarde: Any, taal: str) -> str:
    """A value in a list as a reader reads it: a vocabulary value by its label, done as yes or no."""
    if kolom == "gedaan":
        return t("app.logboek.ja" if str(waarde) == "1" else "app.logboek.nee", taal)
    if kolom in _WOORDEN and waarde not in ("", None):
        return term(_WOORDEN[kolom], str(waarde), taal)
    if kolom in _NAMENLIJSTEN:  # "A;B" as it reads, and wraps: "A; B"
        return "; ".join(lb.split_names(waarde))
    return "" if waarde is None else str(waarde)


#: The columns that hold several party names.
_NAMENLIJSTEN = frozenset({"partijen", "doelgroep", "betreft", "gecommuniceerd_aan"})


def entry_message(tekst: str, soort: str | None, taal: str) -> str:
    """A line of :mod:`toolkit.domain.logbook` about an entry of kind ``soort`` (None: any kind) as
    the page says it: the field by its label (never ``besloten_door``), the rest in the page's
    language where :func:`page_message` knows it."""
    kinds = [soort] if soort in FORMULIEREN else list(FORMULIEREN)
    namen: dict[str, str] = {}
    for k in reversed(kinds):  # a name two kinds share is labelled as the first kind labels it
        namen.update({v.naam: v.sleutel for v in FORMULIEREN[k][2]})
    veld, gevonden, rest = tekst.partition(": ")
    rest = re.sub(r"--([a-z-]+)", lambda m: _label_of(namen, m[1].replace("-", "_"), taal, m[0]), rest)
    if gevonden and veld in namen:
        return f"{field_label(namen[veld], taal)}: {page_message(rest, taal)}"
    return page_message(tekst, taal)


def _label_of(namen: dict[str, str], naam: str, taal: str, anders: str) -> str:
    return field_label(namen[naam], taal) if naam in namen else anders


def read_entries(pad: Path) -> dict[str, list[dict[str, Any]]] | None:
    """Every entry per kind, or None when there is no logbook yet (reading never makes one). A file
    that is not a logbook is one line (:class:`UserError`)."""
    if not pad.exists():
        return None
    db = lb.connect(pad, "--logboek", maken=False)
    try:
        return {soort: lb.rows(db, soort) for soort in lb.SOORTEN}
    finally:
        db.close()


def _cell(kolom: str, waarde: Any, taal: str) -> str:
    """One cell of a list, escaped; a date stays on one line."""
    klasse = ' class="wl-datum"' if kolom in ("datum", "deadline") else ""
    return f"<td{klasse}>{escape(value_text(kolom, waarde, taal))}</td>"


def entries_html(inhoud: dict[str, list[dict[str, Any]]] | None, taal: str) -> str:
    """The entries as tables, one per kind that has any (a caption, a header per column, every cell
    escaped); never the parties' contact details."""
    if not inhoud or not any(inhoud.values()):
        return f'<p class="wl-melding">{escape(t("app.logboek.nog_niets", taal))}</p>'
    delen = []
    for soort, rijen in inhoud.items():
        if not rijen:
            continue
        kolommen = [k for k in rijen[0] if k not in VERBORGEN]
        naam = kind_label(_enkel(soort), taal, meervoud=True).capitalize()
        kop = "".join(f'<th scope="col">{escape(field_label(k, taal))}</th>' for k in kolommen)
        regels = "".join("<tr>" + "".join(_cell(k, rij[k], taal) for k in kolommen) + "</tr>" for rij in rijen)
        delen.append(f'<div class="wl-lijst" role="region" aria-label="{escape(naam)}" tabindex="0">'
                     f"<table><caption>{escape(naam)} ({len(rijen)})</caption><thead><tr>{kop}</tr></thead>"
                     f"<tbody>{regels}</tbody></table></div>")  # fmt: skip
    return "".join(delen)


def add_entry(pad: Path, soort: str, waarden: dict[str, Any], taal: str) -> str:
    """Add one entry to the logbook at ``pad`` (made now if it is not there) in one transaction;
    returns what the page says ("activiteit 3 toegevoegd"). A mistake is one line, in the page's
    words (:func:`entry_message`), and adds nothing."""
    _, functie, velden = FORMULIEREN[soort]
    schoon, veranderd = clean_fields(dict(waarden))
    for veld in velden:
        if veld.verplicht and not str(schoon.get(veld.naam) or "").strip():
            raise UserError(f"{field_label(veld.sleutel, taal)}: {t('app.logboek.verplicht', taal)}")
    bestond = pad.exists()
    try:
        db = lb.connect(pad, "--logboek")
        try:
            with transaction(db):
                res = getattr(lb, functie)(db, **schoon)
        finally:
            db.close()
    except UserError as fout:
        lb.drop_if_new_and_empty(pad, bestond)
        raise UserError(entry_message(str(fout), soort, taal)) from None
    tekst = t("app.logboek.toegevoegd" if res.nieuw else "app.logboek.stond_er_al", taal,
              soort=kind_label(soort, taal), id=res.id)  # fmt: skip
    if veranderd:
        namen = {v.naam: v.sleutel for v in velden}
        labels = ", ".join(field_label(namen.get(v, v), taal) for v in veranderd)
        tekst += " " + t("app.tekens_weggehaald", taal, velden=labels)
    return tekst


def import_upload(pad: Path, naam: str, inhoud: bytes, taal: str, maak_partijen: bool = False) -> tuple[str, list[str]]:
    """Import an uploaded .csv, .xlsx or .ods into the logbook: what was added (in words) and the
    problems, one line each, naming the uploaded file (not the temporary copy)."""
    bestandsnaam = Path(naam).name
    if len(inhoud) > MAX_BESTAND:
        grens = TooLarge("bestand", grootte=size_text(len(inhoud)), grens=size_text(MAX_BESTAND))
        raise UserError(t("app.bestand_onbruikbaar", taal, naam=bestandsnaam, reden=grens.in_language(taal)))
    achtervoegsel = Path(bestandsnaam).suffix.lower()
    if achtervoegsel not in IMPORT_TYPEN or bestandsnaam.startswith("."):
        raise UserError(t("app.logboek.geen_spreadsheet", taal, naam=bestandsnaam))
    with tempfile.TemporaryDirectory() as tmp:
        kopie = Path(tmp) / bestandsnaam  # its own name: the name says which kind a table holds (gesprekken.csv)
        kopie.write_bytes(inhoud)
        bestond = pad.exists()
        try:
            db = lb.connect(pad, "--logboek")
            try:
                nieuw, problemen = import_file(db, kopie, maak_partijen=maak_partijen)
            finally:
                db.close()
        except UserError as fout:
            raise UserError(page_message(_named(str(fout), kopie, bestandsnaam), taal)) from None
        finally:  # nothing read in (or the file refused): no empty logbook left behind
            lb.drop_if_new_and_empty(pad, bestond)
    aantallen = [f"{n} {kind_label(_enkel(s), taal, meervoud=n != 1)}" for s, n in nieuw.items() if n]
    wat = ", ".join(aantallen) if aantallen else t("app.logboek.niets_nieuw", taal)
    regels = [_problem(_named(p, kopie, bestandsnaam), taal) for p in problemen]
    return t("app.logboek.ingelezen", taal, naam=bestandsnaam, wat=wat), regels


def _named(tekst: str, kopie: Path, naam: str) -> str:
    """A line about the temporary copy, naming the file the user chose (and not the command)."""
    for vorm in (str(kopie), str(kopie.resolve())):
        tekst = tekst.replace(vorm, naam)
    return tekst.replace(f"{naam}: importeer: ", f"{naam}: ", 1)


_RIJ = re.compile(r"^(?P<waar>.*?): rij (?P<rij>\d+): (?P<wat>.*)$")


def _problem(tekst: str, taal: str) -> str:
    """A row the import refused (``gesprekken.csv: rij 3: datum: …``), in the page's words."""
    if m := _RIJ.match(tekst):
        return t(
            "app.logboek.probleem_rij", taal, bestand=m["waar"], rij=m["rij"], wat=entry_message(m["wat"], None, taal)
        )
    return page_message(tekst, taal)


def _enkel(meervoud: str) -> str:
    """``activiteiten`` -> ``activiteit`` (the form's kind for a kind of ``lb.rows``)."""
    return next(s for s, (m, _, _) in FORMULIEREN.items() if m == meervoud)


def make_report(pad: Path, taal: str) -> dict[str, bytes]:
    """The participation report (*verslag*) of the logbook, in every download format, by file name."""
    if not pad.exists():
        raise UserError(t("app.logboek.nog_niets", taal))
    with tempfile.TemporaryDirectory() as tmp:
        res = produce("verslag", {"db": str(pad), "taal": taal, "van": "", "tot": ""}, out=Path(tmp),
                      formats=list(VERSLAG_FORMATEN), engine="inproces", subfolder=False)  # fmt: skip
        bestanden = [Path(p) for p in res.files]
        volgorde = {f: i for i, f in enumerate(VERSLAG_FORMATEN)}
        bestanden.sort(key=lambda p: volgorde.get(p.suffix.lstrip("."), len(volgorde)))
        return {p.name: p.read_bytes() for p in bestanden}


def _stamp(pad: Path) -> tuple[tuple[int, int], ...]:
    """What changes when anyone writes to the logbook (the file and its write-ahead log)."""
    uit = []
    for deel in (pad, pad.with_name(pad.name + "-wal")):
        try:
            s = deel.stat()
            uit.append((s.st_mtime_ns, s.st_size))
        except OSError:
            uit.append((0, 0))
    return tuple(uit)


class LogbookPage:
    """The page's widgets and what they do; :func:`logbook_page` shows it in a Voilà kernel."""

    def __init__(self, pad: Path, taal: str = "nl") -> None:
        import ipywidgets as w

        self.w, self.pad, self.taal = w, pad, taal
        self.bestand = w.HTML()
        self.lijst = w.HTML()
        self.melding, self.import_melding, self.verslag_melding = w.HTML(), w.HTML(), w.HTML()
        self.downloads = w.HTML()
        stijl = {"description_width": "15rem"}
        self.soort = w.Dropdown(options=[(kind_label(s, taal).capitalize(), s) for s in FORMULIEREN], value="partij",
                                description=t("app.logboek.wat", taal), style=stijl,
                                layout=w.Layout(width="32rem", max_width="100%"))  # fmt: skip
        self.velden: dict[str, dict[str, Any]] = {s: self._fields(v) for s, (_, _, v) in FORMULIEREN.items()}
        self.formulier = w.VBox([])
        self.opslaan = w.Button(description=t("app.logboek.opslaan", taal), button_style="primary")
        passend = w.Layout(width="auto", max_width="100%")  # a label in full, not cut off at the widget's width
        self.maak_partijen = w.Checkbox(value=False, indent=False, description=t("app.logboek.maak_partijen", taal),
                                        layout=passend)  # fmt: skip
        self.upload = w.FileUpload(accept=",".join(IMPORT_TYPEN), multiple=False, layout=passend,
                                   description=t("app.logboek.inlezen", taal))  # fmt: skip
        self.verslag = w.Button(description=t("app.logboek.verslag_maken", taal), button_style="primary")
        self.sjabloon = w.Button(description=t("app.logboek.sjabloon_maken", taal), layout=passend)
        self.sjabloon_links = w.HTML()
        self.sjabloon.on_click(self.template)
        self.soort.observe(lambda _: self.show_form(), names="value")
        self.opslaan.on_click(self.save)
        self.upload.observe(self.import_changed, names="value")
        self.verslag.on_click(self.report)
        self.stempel: tuple[tuple[int, int], ...] = ()
        self.show_form()
        self.refresh()

    # --- building -------------------------------------------------------------------------------

    def _fields(self, velden: tuple[Veld, ...]) -> dict[str, Any]:
        w, stijl = self.w, {"description_width": "15rem"}
        breed, smal = w.Layout(width="44rem", max_width="100%"), w.Layout(width="32rem", max_width="100%")
        uit: dict[str, Any] = {}
        for veld in velden:
            label = field_label(veld.sleutel, self.taal)
            if veld.soort == "datum":
                widget = w.DatePicker(value=date.today() if veld.verplicht else None, description=label, style=stijl,
                                      layout=smal)  # fmt: skip
            elif veld.soort == "keuze":
                leeg = t("app.logboek.kies" if veld.verplicht else "app.logboek.geen", self.taal)
                opties = [(leeg, ""), *[(term(veld.woorden, o, self.taal), o) for o in veld.opties]]
                widget = w.Dropdown(options=opties, value=veld.standaard, description=label, style=stijl, layout=smal)
            elif veld.soort == "partijen":
                widget = w.SelectMultiple(options=[], rows=5, description=label, style=stijl, layout=breed)
            elif veld.soort in ("partij", "activiteit", "besluit", "gesprek"):
                widget = w.Dropdown(options=[], description=label, style=stijl, layout=breed)
            elif veld.soort == "aantal":
                widget = w.Text(description=label, style=stijl, layout=smal,
                                placeholder=t("app.leeg_is_onbekend", self.taal))  # fmt: skip
            elif veld.soort == "vink":
                widget = w.Checkbox(value=False, description=label, indent=False, layout=w.Layout(width="auto"))
            elif veld.soort == "lang":
                widget = w.Textarea(description=label, style=stijl, rows=3, layout=breed)
            else:
                widget = w.Text(description=label, style=stijl, layout=breed,
                                placeholder=t(f"app.logboek.voorbeeld.{veld.naam}", self.taal)
                                if veld.naam in ("lessen", "contactrol") else "")  # fmt: skip
            uit[veld.naam] = widget
        return uit

    def _help(self, soort: str) -> list[Any]:
        """The help lines under a kind's fields (what a party's contact is; how to pick several)."""
        sleutels = {"partij": ["app.logboek.hulp_contact"]}.get(soort, [])
        if any(v.soort == "partijen" for v in FORMULIEREN[soort][2]):
            sleutels.append("app.logboek.hulp_partijen")
        return [self.w.HTML(f'<p class="wl-hulp">{escape(t(s, self.taal))}</p>') for s in sleutels]

    def show_form(self) -> None:
        """Only the fields of the kind chosen."""
        soort = self.soort.value
        self.formulier.children = [*self.velden[soort].values(), *self._help(soort)]
        self.melding.value = ""

    def box(self) -> Any:
        w, taal = self.w, self.taal
        kop = w.HTML(f"<h1>{escape(t('app.pagina_logboek', taal))}</h1><p>{escape(t('app.logboek.intro', taal))}</p>"
                     f'<p class="wl-hulp">{escape(t("app.logboek.wie_ziet", taal))}</p>')  # fmt: skip

        def h2(sleutel: str) -> Any:
            return w.HTML(f"<h2>{escape(t(sleutel, taal))}</h2>")

        def hulp(sleutel: str) -> Any:
            return w.HTML(f'<p class="wl-hulp">{escape(t(sleutel, taal))}</p>')

        return w.VBox([
            kop, self.bestand, h2("app.logboek.toevoegen"), self.soort, self.formulier, w.HBox([self.opslaan]),
            self.melding, h2("app.logboek.in_het_logboek"), self.lijst, h2("app.logboek.inlezen_kop"),
            hulp("app.logboek.inlezen_uitleg"), w.HBox([self.sjabloon]), self.sjabloon_links,
            self.maak_partijen, w.HBox([self.upload]), self.import_melding,
            h2("app.logboek.verslag_kop"), hulp("app.logboek.verslag_uitleg"), w.HBox([self.verslag]),
            self.verslag_melding, self.downloads,
        ])  # fmt: skip

    # --- reading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the logbook again: the file line, the lists and the choices of parties and entries."""
        self.stempel = _stamp(self.pad)
        pad = f"<code>{escape(str(self.pad))}</code>"
        try:
            inhoud = read_entries(self.pad)
        except UserError as fout:
            self.bestand.value = (f'<p class="wl-melding">{escape(t("app.logboek.bestand", self.taal))} {pad}</p>'
                                  + message_html(page_message(str(fout), self.taal), fout=True))  # fmt: skip
            self.lijst.value = ""
            return
        wat = "app.logboek.bestand" if inhoud is not None else "app.logboek.bestand_nieuw"
        self.bestand.value = f'<p class="wl-melding">{escape(t(wat, self.taal))} {pad}</p>'
        self.lijst.value = entries_html(inhoud, self.taal)
        self._choices(inhoud or {})

    def _choices(self, inhoud: dict[str, list[dict[str, Any]]]) -> None:
        partijen = [str(p["naam"]) for p in inhoud.get("partijen", [])]
        verwijzing = {veld: [(_entry_label(r, tekst), str(r["id"])) for r in inhoud.get(tabel, [])]
                      for veld, tabel, tekst in (("activiteit", "activiteiten", "onderwerp"),
                                                 ("besluit", "besluiten", "besluit"),
                                                 ("gesprek", "gesprekken", "onderwerp"))}  # fmt: skip
        verwijzing["partij"] = [(p, p) for p in partijen]
        for soort, (_, _, velden) in FORMULIEREN.items():
            for veld in velden:
                widget = self.velden[soort][veld.naam]
                if veld.soort == "partijen":
                    gekozen = tuple(v for v in widget.value if v in partijen)
                    widget.options = partijen
                    widget.value = gekozen
                elif veld.soort in verwijzing:
                    leeg = t("app.logboek.kies" if veld.verplicht else "app.logboek.geen", self.taal)
                    opties = [(leeg, ""), *verwijzing[veld.soort]]
                    vorige = widget.value
                    widget.options = opties
                    widget.value = vorige if vorige in {o[1] for o in opties} else ""

    def changed(self) -> bool:
        """Whether someone wrote to the logbook since the page last read it."""
        return _stamp(self.pad) != self.stempel

    # --- acting ---------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The chosen kind's form as the arguments of its ``lb`` function."""
        waarden: dict[str, Any] = {}
        for veld in FORMULIEREN[self.soort.value][2]:
            waarde = self.velden[self.soort.value][veld.naam].value
            if veld.soort == "partijen":
                waarde = ";".join(waarde)
            elif veld.soort == "datum":
                waarde = "" if waarde is None else waarde
            waarden[veld.naam] = waarde
        return waarden

    def _attempt(self, melding: Any, doe: Callable[[], T], vertalen: bool = False) -> T | None:
        """``doe()``, or None with its problem on the page in ``melding`` (a toolkit line, in the page's
        language with ``vertalen``; anything else as an unexpected problem, never a traceback)."""
        try:
            return doe()
        except WarmteError as fout:
            melding.value = message_html(page_message(str(fout), self.taal) if vertalen else str(fout), fout=True)
        except Exception as fout:  # noqa: BLE001 - whatever it is, the visitor reads it on the page
            melding.value = message_html(_unexpected(fout, self.taal), fout=True)
        return None

    def save(self, _: Any = None) -> None:
        soort = self.soort.value
        tekst = self._attempt(self.melding, lambda: add_entry(self.pad, soort, self.values(), self.taal))
        if tekst is None:
            return
        for veld in FORMULIEREN[soort][2]:  # empty for the next entry; dates, choices and parties stay
            widget = self.velden[soort][veld.naam]
            if veld.soort in ("tekst", "lang", "aantal"):
                widget.value = ""
        self.refresh()
        self.melding.value = message_html(tekst)

    def import_changed(self, wijziging: Any) -> None:
        bestand = uploaded(wijziging["new"])
        if bestand is None:
            return
        uit = self._attempt(self.import_melding,
                            lambda: import_upload(self.pad, *bestand, self.taal, self.maak_partijen.value))  # fmt: skip
        if uit is None:
            return
        tekst, problemen = uit
        self.refresh()
        if problemen:
            kop = t("app.logboek.problemen", self.taal, aantal=len(problemen))
            regels = "".join(f"<li>{escape(p)}</li>" for p in problemen)
            self.import_melding.value = (f'<div class="wl-melding wl-fout" role="alert"><p>{escape(tekst)} '
                                         f"{escape(kop)}</p><ul>{regels}</ul></div>")  # fmt: skip
        else:
            self.import_melding.value = message_html(tekst)

    def template(self, _: Any = None) -> None:
        """An empty template to fill in (Excel and ODS), with the logbook's parties in its lists."""
        self.sjabloon_links.value = ""

        def maak() -> dict[str, bytes]:
            partijen = [r["naam"] for r in (read_entries(self.pad) or {}).get("partijen", [])]
            return template_files(self.taal, partijen)

        bestanden = self._attempt(self.import_melding, maak, vertalen=True)
        if bestanden is None:
            return
        links = [download_link(naam, inhoud, naam) for naam, inhoud in bestanden.items()]
        self.sjabloon_links.value = '<p class="wl-downloads">' + "".join(links) + "</p>"

    def report(self, _: Any = None) -> None:
        self.downloads.value = ""
        self.verslag_melding.value = message_html(t("app.logboek.verslag_bezig", self.taal))
        bestanden = self._attempt(self.verslag_melding, lambda: make_report(self.pad, self.taal), vertalen=True)
        if bestanden is None:
            return
        links = [download_link(naam, inhoud, t(f"app.logboek.download_{naam.rsplit('.', 1)[-1]}", self.taal)
                               + f" ({naam})") for naam, inhoud in bestanden.items()]  # fmt: skip
        self.downloads.value = '<p class="wl-downloads">' + "".join(links) + "</p>"
        self.verslag_melding.value = message_html(t("app.logboek.verslag_klaar", self.taal))


def _entry_label(rij: dict[str, Any], veld: str, lengte: int = 60) -> str:
    """An entry to refer to, as a choice reads it: ``3 · 2025-03-04 · Inloopavond Oost``."""
    tekst = " ".join(str(rij[veld]).split())
    return f"{rij['id']} · {rij['datum']} · {tekst if len(tekst) <= lengte else tekst[: lengte - 1] + '…'}"


def _unexpected(fout: Exception, taal: str) -> str:
    return t("app.fout_onverwacht", taal, wat=f"{type(fout).__name__}: {excerpt(str(fout))[1:-1]}")


async def _watch(pagina: LogbookPage, elke: float = KIJKEN) -> None:
    """Read the logbook again whenever someone else wrote to it (a colleague's page, the command
    line), and once when the page is shown after it was pre-heated."""
    while True:
        await asyncio.sleep(elke)
        try:
            if pagina.changed():
                pagina.refresh()
        except Exception:  # noqa: BLE001,S110 - a look that fails is tried again at the next one
            pass


def show_logbook_form(pad: Path, taal: str = "nl") -> LogbookPage:
    """Show the form on the logbook at ``pad`` (in a kernel: a Voilà page or JupyterLab), and keep
    it up to date while it is open. Returns the form (its widgets are attributes)."""
    from IPython.display import display

    pagina = LogbookPage(pad, taal)
    display(pagina.box())
    try:
        asyncio.get_running_loop().create_task(_watch(pagina))
    except RuntimeError:  # no event loop (a plain Python process): the page is read when it is made
        pass
    return pagina


def logbook_form(db: str, taal: str = "nl") -> LogbookPage:
    """The form in JupyterLab, on the logbook ``db`` (a path in the project)."""
    return show_logbook_form(in_project(db), taal)
