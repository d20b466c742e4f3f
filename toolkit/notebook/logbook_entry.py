"""An ipywidgets form to add a party, a conversation, a decision, an activity or the input brought
in at one to the logbook; the checks and the transaction are those of :mod:`toolkit.domain.logbook`.
The form shows only the fields of the kind chosen."""

from __future__ import annotations

from datetime import date
from typing import Any

from toolkit.base import UserError, in_project, transaction
from toolkit.content import ACTORTYPES, TREDEN
from toolkit.domain import logbook as lb

#: The kinds the form adds, in the order of its toggle.
SOORTEN = ("gesprek", "besluit", "activiteit", "inbreng", "partij")
#: Which fields each kind shows, in order (the names of the widgets in :func:`logbook_form`).
VELDEN: dict[str, tuple[str, ...]] = {
    "gesprek": ("datum", "partijen", "onderwerp", "lessen", "samenvatting"),
    "besluit": ("datum", "besluit", "besloten_door", "trede", "toelichting", "status", "betreft"),
    "activiteit": ("datum", "vorm", "onderwerp", "doelgroep", "uitgenodigd", "deelnemers", "trede", "fase", "lessen",
                   "toelichting"),
    "inbreng": ("activiteit", "inbreng", "standpunt", "verwerking", "toelichting"),
    "partij": ("naam", "type", "contactrol", "contact"),
}  # fmt: skip


def _activity_label(a: dict[str, Any]) -> str:
    return f"{a['datum']} {a['onderwerp']}"


def logbook_form(db: str) -> Any:
    import ipywidgets as w
    from IPython.display import display

    pad = in_project(db)
    breed, stijl = w.Layout(width="40rem"), {"description_width": "10rem"}
    velden: dict[str, Any] = {
        "datum": w.DatePicker(value=date.today(), description="datum"),
        "partijen": w.SelectMultiple(description="partijen"),
        "betreft": w.SelectMultiple(description="betreft partijen"),
        "doelgroep": w.SelectMultiple(description="doelgroep"),
        "onderwerp": w.Text(description="onderwerp", layout=breed),
        "besluit": w.Text(description="besluit", layout=breed),
        "besloten_door": w.Text(description="besloten door", placeholder="bijv. college"),
        "lessen": w.Text(description="lessen", placeholder="bijv. 4 of 2,4"),
        "samenvatting": w.Textarea(description="samenvatting", layout=breed),
        "toelichting": w.Textarea(description="toelichting", layout=breed),
        "trede": w.Dropdown(options=list(TREDEN), description="trede"),
        "status": w.Dropdown(options=list(lb.STATUSSEN), value="genomen", description="status"),
        "vorm": w.Dropdown(options=list(lb.VORMEN), description="vorm"),
        "uitgenodigd": w.Text(description="aantal uitgenodigd", placeholder="leeg = onbekend"),
        "deelnemers": w.Text(description="aantal deelnemers", placeholder="leeg = onbekend"),
        "fase": w.Dropdown(options=[("—", ""), *[(f, f) for f in lb.FASEN]], value="", description="fase"),
        "activiteit": w.Dropdown(description="bij activiteit"),
        "inbreng": w.Textarea(description="inbreng", placeholder="een idee, zorg of vraag", layout=breed),
        "standpunt": w.Dropdown(options=list(lb.STANDPUNTEN), description="standpunt"),
        "verwerking": w.Dropdown(options=list(lb.VERWERKINGEN), value="open", description="wat ermee gedaan is"),
        "naam": w.Text(description="naam", layout=breed),
        "type": w.Dropdown(options=list(ACTORTYPES), value="overig", description="soort partij"),
        "contactrol": w.Text(description="rol contactpersoon", placeholder="bijv. voorzitter"),
        "contact": w.Text(description="contactgegeven", placeholder="e-mail of telefoon (persoonsgegeven)"),
    }
    for veld in velden.values():
        veld.style = stijl
    soort = w.ToggleButtons(options=list(SOORTEN), value="gesprek", description="toevoegen")
    melding = w.Label()
    knop = w.Button(description="Opslaan", button_style="primary")
    formulier = w.VBox()

    def refresh(nieuwe_activiteit: int | None = None) -> None:
        """The parties and activities in the logbook, as the choices of the fields that name them; the
        activity chosen stays chosen, else the one just added or the last one."""
        con = lb.connect(pad)
        try:
            namen = [p["naam"] for p in lb.rows(con, "partijen")]
            activiteiten = [(_activity_label(a), a["id"]) for a in lb.rows(con, "activiteiten")]
        finally:
            con.close()
        for naam in ("partijen", "betreft", "doelgroep"):
            gekozen = [n for n in velden[naam].value if n in namen]
            velden[naam].options, velden[naam].value = namen, gekozen
        ids = [i for _, i in activiteiten]
        keuze = nieuwe_activiteit or velden["activiteit"].value
        velden["activiteit"].options = activiteiten
        velden["activiteit"].value = keuze if keuze in ids else (ids[-1] if ids else None)

    def show(_: Any = None) -> None:
        formulier.children = [soort, *[velden[v] for v in VELDEN[soort.value]], knop, melding]

    def add(con: Any) -> lb.Toegevoegd:
        v = {naam: veld.value for naam, veld in velden.items()}
        for naam in ("partijen", "betreft", "doelgroep"):
            v[naam] = ";".join(v[naam])
        if soort.value == "gesprek":
            return lb.add_conversation(con, v["datum"], v["partijen"], v["onderwerp"], v["lessen"], v["samenvatting"])
        if soort.value == "besluit":
            return lb.add_decision(con, v["datum"], v["besluit"], v["besloten_door"], v["trede"], v["toelichting"],
                                   v["status"], v["betreft"])  # fmt: skip
        if soort.value == "activiteit":
            return lb.add_activity(con, v["datum"], v["vorm"], v["onderwerp"], v["doelgroep"], v["uitgenodigd"],
                                   v["deelnemers"], v["trede"], v["fase"], v["lessen"], v["toelichting"])  # fmt: skip
        if soort.value == "inbreng":
            return lb.add_input(con, v["activiteit"], v["inbreng"], v["standpunt"], v["verwerking"], v["toelichting"])
        return lb.add_party(con, v["naam"], v["type"], v["contactrol"], v["contact"])

    def save(_: Any = None) -> None:
        try:
            con = lb.connect(pad)
            try:
                with transaction(con):
                    res = add(con)
            finally:
                con.close()
        except UserError as fout:
            melding.value = f"fout: {fout}"
            return
        melding.value = f"Opgeslagen: {res.soort} {res.id}" + ("" if res.nieuw else " (stond er al)")
        if res.soort in ("partij", "activiteit"):
            refresh(res.id if res.soort == "activiteit" else None)

    refresh()
    show()
    soort.observe(show, names="value")
    knop.on_click(save)
    display(formulier)
    return formulier
