"""An ipywidgets form to fill in a profile, see the checklist update, and save the profile as YAML.

The form is made from the profile model (:class:`toolkit.profile.Profiel`): one widget per field,
labelled and explained with the field's own label and help text. Its logic is in plain functions
(:func:`values_to_profile`, :func:`profile_to_yaml`, :func:`save_profile`) so it is tested without
a browser; :func:`profile_form` only wires widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import UserError
from .profile import Eigendom, Profiel, parse_groups, parse_profile


def field_kinds() -> dict[str, str]:
    """Each form field and its widget kind: ``keuze``, ``meerkeuze``, ``getal``, ``tekst``, ``groepen``;
    tenure is one number field per share (``koop``, ``corporatie``, ``particuliere_huur``)."""
    from .rules import field_kind

    soorten: dict[str, str] = {}
    for veld, info in Profiel.model_fields.items():
        if veld == "groepen":
            soorten[veld] = "groepen"
        elif veld == "eigendom":
            soorten.update({deel: "getal" for deel in Eigendom.model_fields})
        else:
            soort = field_kind(info.annotation)
            soorten[veld] = {"keuze": "keuze", "lijst": "meerkeuze", "getal": "getal"}.get(
                soort[0] if soort else "", "tekst"
            )
    return soorten


def _choices(veld: str) -> list[str]:
    """The values a choice field can take, as the rule engine knows them."""
    from .rules import field_kind

    soort = field_kind(Profiel.model_fields[veld].annotation)
    return list(soort[1]) if soort else []


def values_to_profile(waarden: dict[str, Any]) -> dict[str, Any]:
    """Form values -> a profile dict: empty and 'onbekend' fields are left out (= onbekend)."""
    profiel: dict[str, Any] = {}
    for veld, soort in field_kinds().items():
        waarde = waarden.get(veld)
        if veld in Eigendom.model_fields:
            if waarde is not None:
                profiel.setdefault("eigendom", {})[veld] = waarde
        elif soort == "groepen":
            if groepen := parse_groups(waarde or ""):
                profiel[veld] = groepen
        elif soort == "meerkeuze":
            if waarde:
                profiel[veld] = list(waarde)
        elif soort == "getal":
            if waarde is not None:
                profiel[veld] = waarde
        elif str(waarde or "").strip() and waarde != "onbekend":
            profiel[veld] = str(waarde).strip()
    return profiel


def profile_to_yaml(profiel: dict[str, Any]) -> str:
    """A profile as YAML that ``--profiel`` reads back (checked first)."""
    parse_profile(profiel)
    return yaml.safe_dump(profiel, allow_unicode=True, sort_keys=False)


def save_profile(profiel: dict[str, Any], pad: Path, overschrijven: bool = False) -> Path:
    """Write the profile atomically; refuse to overwrite an existing file unless asked."""
    from .fileio import write_text_atomic

    if pad.exists() and not overschrijven:
        raise UserError(f"{pad}: bestaat al (kies een andere naam of zet 'overschrijven' aan)")
    return write_text_atomic(pad, profile_to_yaml(profiel))


def _widget(w: Any, veld: str, soort: str, start: dict[str, Any], taal: str) -> Any:
    from .labels import t, term
    from .models import field_help

    label = term("veld", veld if veld in Profiel.model_fields else f"eigendom.{veld}", taal)
    stijl = {"description_width": "12rem"}
    if veld in Eigendom.model_fields:
        return w.FloatText(value=(start.get("eigendom") or {}).get(veld) or 0.0, description=label, style=stijl)
    hulp = field_help(Profiel, veld, taal)
    if soort == "groepen":
        regels = [
            f"{g['naam']}; {g.get('soort', 'overig')}; {g.get('actief', 'onbekend')}" for g in start.get(veld) or []
        ]
        return w.Textarea(value="\n".join(regels), description=label, placeholder=hulp, style=stijl,
                          layout=w.Layout(width="44rem", height="6rem"))  # fmt: skip
    if soort == "meerkeuze":
        return w.SelectMultiple(options=_choices(veld), value=tuple(start.get(veld) or ()),
                                description=label, style=stijl)  # fmt: skip
    if soort == "keuze":
        opties = list(dict.fromkeys(["onbekend", *_choices(veld)]))
        return w.Dropdown(options=opties, value=start.get(veld) or "onbekend", description=label, style=stijl,
                          tooltip=hulp)  # fmt: skip
    if soort == "getal":
        return w.FloatText(value=start.get(veld) or 0.0, description=label, style=stijl, tooltip=hulp)
    return w.Text(value=str(start.get(veld) or ""), description=label, placeholder=hulp or t("veld", taal), style=stijl)


def profile_form(profiel: dict[str, Any] | None = None, taal: str = "nl", tonen: bool = True) -> Any:
    """Show the form (in JupyterLab). Returns the widget, or None when ``tonen`` is False."""
    if not tonen:
        return None
    import ipywidgets as w
    from IPython.display import HTML, display

    from .checklist import build, default_profile_path
    from .profile import read_profile
    from .render import render

    start = profiel or read_profile(default_profile_path())
    soorten = field_kinds()
    velden = {veld: _widget(w, veld, soort, start, taal) for veld, soort in soorten.items()}
    bestand = w.Text(value="mijn-profiel.yaml", description="bestand")
    uit = w.Output()

    def form_values() -> dict[str, Any]:
        data = {k: v.value for k, v in velden.items()}
        for veld, soort in soorten.items():
            if soort == "getal":
                data[veld] = data[veld] or None
        return data

    def update(_: Any = None) -> None:
        uit.clear_output()
        with uit:
            try:
                display(
                    HTML(str(render("checklist", "html-fragment", build(values_to_profile(form_values()), taal), taal)))
                )
            except UserError as fout:
                print(f"fout: {fout}")

    def save(_: Any = None) -> None:
        with uit:
            try:
                pad = save_profile(values_to_profile(form_values()), Path(bestand.value))
                print(f"Opgeslagen: {pad}")
            except UserError as fout:
                print(f"fout: {fout}")

    knop_bijwerken = w.Button(description="Bijwerken", button_style="primary")
    knop_opslaan = w.Button(description="Opslaan")
    knop_bijwerken.on_click(update)
    knop_opslaan.on_click(save)
    formulier = w.VBox([*velden.values(), w.HBox([knop_bijwerken, bestand, knop_opslaan]), uit])
    display(formulier)
    return formulier
