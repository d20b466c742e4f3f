"""An ipywidgets form to add a conversation or a decision to the logbook; the checks and the
transaction are those of :mod:`toolkit.domain.logbook`."""

from __future__ import annotations

from datetime import date
from typing import Any

from toolkit.base import UserError, in_project, transaction
from toolkit.content import TREDEN
from toolkit.domain import logbook as lb


def logbook_form(db: str) -> Any:
    import ipywidgets as w
    from IPython.display import display

    pad = in_project(db)
    verbinding = lb.connect(pad)
    partijen = [p["naam"] for p in lb.rows(verbinding, "partijen")]
    verbinding.close()
    datum = w.DatePicker(value=date.today(), description="datum")
    soort = w.ToggleButtons(options=["gesprek", "besluit"], value="gesprek")
    wie = w.SelectMultiple(options=partijen, description="partijen")
    onderwerp = w.Text(description="onderwerp / besluit", layout=w.Layout(width="40rem"))
    lessen = w.Text(description="lessen", placeholder="bijv. 4")
    tekst = w.Textarea(description="samenvatting / toelichting", layout=w.Layout(width="40rem"))
    door = w.Text(description="besloten door")
    trede = w.Dropdown(options=list(TREDEN), description="trede")
    status = w.Dropdown(options=list(lb.STATUSSEN), value="genomen", description="status")
    uit = w.Output()

    def save(_: Any = None) -> None:
        uit.clear_output()
        with uit:
            try:
                con = lb.connect(pad)
                with transaction(con):
                    if soort.value == "gesprek":
                        res = lb.add_conversation(
                            con, datum.value, ";".join(wie.value), onderwerp.value, lessen.value, tekst.value
                        )
                    else:
                        res = lb.add_decision(con, datum.value, onderwerp.value, door.value, trede.value, tekst.value,
                                              status.value, ";".join(wie.value))  # fmt: skip
                con.close()
                print(f"Opgeslagen: {res.soort} {res.id}" + ("" if res.nieuw else " (stond er al)"))
            except UserError as fout:
                print(f"fout: {fout}")

    knop = w.Button(description="Opslaan", button_style="primary")
    knop.on_click(save)
    formulier = w.VBox([soort, datum, wie, onderwerp, lessen, tekst, door, trede, status, knop, uit])
    display(formulier)
    return formulier
