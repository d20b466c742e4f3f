"""An ipywidgets form to fill in a profile, see the checklist update, and save the profile as YAML.

The form's logic is in plain functions (:func:`values_to_profile`, :func:`profile_to_yaml`,
:func:`save_profile`) so it is tested without a browser; :func:`profile_form` only wires widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, get_args

import yaml

from .errors import UserError
from .profile import Fase, JaNee, SoortGroep, Warmte, Werk, parse_profile

JA_NEE_VELDEN = ("aanspreekpunt", "logboek", "vergoeding_budget", "raad_betrokken")


def parse_groups(tekst: str) -> list[dict[str, str]]:
    """One group per line: ``naam; soort; actief`` (soort and actief optional)."""
    groepen: list[dict[str, str]] = []
    for regel in tekst.splitlines():
        delen = [d.strip() for d in regel.split(";")]
        if not delen or not delen[0]:
            continue
        groep = {"naam": delen[0]}
        if len(delen) > 1 and delen[1]:
            groep["soort"] = delen[1]
        if len(delen) > 2 and delen[2]:
            groep["actief"] = delen[2]
        groepen.append(groep)
    return groepen


def values_to_profile(waarden: dict[str, Any]) -> dict[str, Any]:
    """Form values -> a profile dict: empty and 'onbekend' fields are left out (= onbekend)."""
    profiel: dict[str, Any] = {}
    for sleutel in ("gemeente", "wijk", "notities"):
        if str(waarden.get(sleutel) or "").strip():
            profiel[sleutel] = str(waarden[sleutel]).strip()
    for sleutel in ("fase", "warmteoplossing", *JA_NEE_VELDEN):
        if waarden.get(sleutel) not in (None, "", "onbekend"):
            profiel[sleutel] = waarden[sleutel]
    if waarden.get("werkzaamheden"):
        profiel["werkzaamheden"] = list(waarden["werkzaamheden"])
    groepen = parse_groups(waarden.get("groepen") or "")
    if groepen:
        profiel["groepen"] = groepen
    eigendom = {k: waarden.get(k) for k in ("koop", "corporatie", "particuliere_huur") if waarden.get(k) is not None}
    if eigendom:
        profiel["eigendom"] = eigendom
    if waarden.get("capaciteit_fte") is not None:
        profiel["capaciteit_fte"] = waarden["capaciteit_fte"]
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
    keuze = ["onbekend"]
    velden: dict[str, Any] = {
        "gemeente": w.Text(value=str(start.get("gemeente", "")), description="gemeente"),
        "wijk": w.Text(value=str(start.get("wijk", "") or ""), description="wijk"),
        "fase": w.Dropdown(
            options=keuze + list(get_args(Fase)), value=start.get("fase") or "onbekend", description="fase"
        ),
        "warmteoplossing": w.Dropdown(
            options=keuze + list(get_args(Warmte)),
            value=start.get("warmteoplossing") or "onbekend",
            description="warmte",
        ),
        "werkzaamheden": w.SelectMultiple(
            options=list(get_args(Werk)), value=tuple(start.get("werkzaamheden") or ()), description="werken"
        ),
        "groepen": w.Textarea(
            value="\n".join(
                f"{g['naam']}; {g.get('soort', 'overig')}; {g.get('actief', 'onbekend')}"
                for g in start.get("groepen") or []
            ),
            description="groepen",
            placeholder="naam; soort; actief  (één groep per regel)\nsoort: " + ", ".join(get_args(SoortGroep)),
            layout=w.Layout(width="40rem", height="6rem"),
        ),
        "capaciteit_fte": w.FloatText(value=start.get("capaciteit_fte") or 0.0, description="fte"),
        "notities": w.Textarea(value=str(start.get("notities", "") or ""), description="notities"),
    }
    for sleutel in JA_NEE_VELDEN:
        velden[sleutel] = w.Dropdown(
            options=list(get_args(JaNee)), value=start.get(sleutel, "onbekend"), description=sleutel[:12]
        )
    eigendom = start.get("eigendom") or {}
    for sleutel in ("koop", "corporatie", "particuliere_huur"):
        velden[sleutel] = w.FloatText(value=eigendom.get(sleutel) or 0.0, description=f"{sleutel[:12]} %")
    bestand = w.Text(value="mijn-profiel.yaml", description="bestand")
    uit = w.Output()

    def waarden() -> dict[str, Any]:
        data = {k: v.value for k, v in velden.items()}
        for sleutel in ("koop", "corporatie", "particuliere_huur", "capaciteit_fte"):
            data[sleutel] = data[sleutel] or None
        return data

    def bijwerken(_: Any = None) -> None:
        uit.clear_output()
        with uit:
            try:
                display(HTML(str(render("checklist", "html-fragment", build(values_to_profile(waarden()), taal)))))
            except UserError as fout:
                print(f"fout: {fout}")

    def opslaan(_: Any = None) -> None:
        with uit:
            try:
                pad = save_profile(values_to_profile(waarden()), Path(bestand.value))
                print(f"Opgeslagen: {pad}")
            except UserError as fout:
                print(f"fout: {fout}")

    knop_bijwerken = w.Button(description="Bijwerken", button_style="primary")
    knop_opslaan = w.Button(description="Opslaan")
    knop_bijwerken.on_click(bijwerken)
    knop_opslaan.on_click(opslaan)
    formulier = w.VBox([*velden.values(), w.HBox([knop_bijwerken, bestand, knop_opslaan]), uit])
    display(formulier)
    return formulier
