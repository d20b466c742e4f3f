"""The profile form (ipywidgets): in JupyterLab under the checklist notebook, and in the web app.

The form is made from the profile model (:class:`toolkit.content.profile.Profiel`): one widget per field,
labelled with the field's own label and explained with its help text in plain words; a new field in
the model is a new field in the form. Its logic is in plain functions (:func:`values_to_profile`,
:func:`profile_to_yaml`, :func:`save_profile`, :func:`place_figures`) so it is tested without a
browser; :class:`ProfileForm` only wires widgets.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from toolkit.base import UserError, field_help, quantity, t, term, texts, value_label, write_text_atomic
from toolkit.content import (
    FICTIEF,
    Activiteit,
    Eigendom,
    Profiel,
    SoortGroep,
    field_kind,
    find_gemeente,
    find_wijk,
    gemeente_figures,
    gemeenten,
    options,
    parse_groups,
    parse_profile,
    read_profile,
    wijk_figures,
    wijken,
)
from toolkit.domain import build, default_profile_path
from toolkit.render import render

from .messages import page_message


def field_kinds() -> dict[str, str]:
    """Each form field and its widget kind: ``keuze``, ``meerkeuze``, ``getal``, ``tekst``, ``groepen``;
    tenure is one number field per share (``koop``, ``corporatie``, ``particuliere_huur``)."""

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


def choices(veld: str) -> list[str]:
    """The values a choice field can take, as the rule engine knows them."""

    soort = field_kind(Profiel.model_fields[veld].annotation)
    return list(soort[1]) if soort else []


def values_to_profile(waarden: dict[str, Any]) -> dict[str, Any]:
    """Form values -> a profile dict: empty and 'onbekend' fields are left out (= onbekend).
    Groups may be lines of text (``naam; soort; actief``) or a list of dicts."""
    profiel: dict[str, Any] = {}
    for veld, soort in field_kinds().items():
        waarde = waarden.get(veld)
        if veld in Eigendom.model_fields:
            if waarde is not None:
                profiel.setdefault("eigendom", {})[veld] = waarde
        elif soort == "groepen":
            groepen = parse_groups(waarde or "") if isinstance(waarde, str | type(None)) else list(waarde)
            if groepen := [g for g in groepen if str(g.get("naam") or "").strip()]:
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

    if pad.exists() and not overschrijven:
        raise UserError(f"{pad}: bestaat al (kies een andere naam of zet 'overschrijven' aan)")
    return write_text_atomic(pad, profile_to_yaml(profiel))


def parse_number(tekst: str, label: str) -> float | None:
    """What a person types in a number field: empty is unknown; ``0,5`` and ``0.5`` are the same."""
    schoon = str(tekst or "").strip().replace(",", ".")
    if not schoon:
        return None
    try:
        return float(schoon)
    except ValueError:
        raise UserError(f"{label}: {tekst!r} is geen getal (laat het leeg als u het niet weet)") from None


def place_figures(gemeente: str, wijk: str, taal: str) -> tuple[str, list[Any], str]:
    """For the pickers: the place found (``"Wageningen, Benedenbuurt"``), its public figures, and a
    problem in words ("" when none) — matched the way the command line matches names."""

    if not gemeente.strip():
        return "", [], ""
    try:
        gm = find_gemeente(gemeente)
    except ValueError as exc:
        wat, _, mag = str(exc).partition(" || ")
        return "", [], f"{wat} ({mag})" if mag else wat
    cijfers = gemeente_figures(gm.code) if gm.code else []
    naam = gm.naam
    if wijk.strip():
        try:
            wk = find_wijk(wijk_code(wijk), gm)
        except ValueError as exc:
            wat, _, mag = str(exc).partition(" || ")
            return naam, cijfers, f"{wat} ({mag})" if mag else wat
        naam = f"{naam}, {wk.naam}"
        cijfers = cijfers + (wijk_figures(wk.code) if wk.code else [])
    return naam, cijfers, ""


def wijk_code(tekst: str) -> str:
    """A picker value ``"Benedenbuurt (WK028907)"`` -> ``WK028907``; anything else as typed."""

    m = re.search(r"\((WK\d{6})\)\s*$", tekst.strip())
    return m.group(1) if m else tekst.strip()


def municipality_options() -> list[str]:
    return sorted(gemeenten().values(), key=str.lower) + list(FICTIEF.values())


def wijk_options(gemeente: str) -> list[str]:
    """``"Naam (WKcode)"`` for every wijk of the municipality typed (none when it is not found)."""

    try:
        gm = find_gemeente(gemeente)
    except ValueError:
        return []
    return sorted(f"{naam} ({code})" for code, (naam, code_gm) in wijken().items() if code_gm == gm.code)


def form_help(veld: str, taal: str) -> str:
    """The help line under a field: written for the form where we have one, else the field's help."""

    sleutel = f"formulier.{veld}"
    return t(sleutel, taal) if sleutel in texts("nl") else field_help(Profiel, veld, taal)


class ProfileForm:
    """Every profile field as a widget, with label and help; the municipality and wijk as pickers
    with suggestions and the public figures for the place chosen."""

    def __init__(self, profiel: dict[str, Any] | None = None, taal: str = "nl") -> None:
        import ipywidgets as w

        self.w, self.taal = w, taal
        self.soorten = field_kinds()
        self.velden: dict[str, Any] = {}
        self.groepen: list[tuple[Any, Any, Any, Any]] = []
        self.groepen_box = w.VBox([])
        self.plaats = w.HTML()
        onderdelen: list[Any] = []
        for veld, soort in self.soorten.items():
            if veld in Eigendom.model_fields:
                continue
            onderdelen += self._field(veld, soort)
            if veld == "wijk":
                onderdelen.append(self.plaats)
        onderdelen += self._field("eigendom", "eigendom")
        self.box = w.VBox(onderdelen, layout=w.Layout(gap="0.25rem"))
        self.velden["gemeente"].observe(self._place_changed, names="value")
        self.velden["wijk"].observe(self._place_changed, names="value")
        self.set_profile(profiel or {})

    # --- building -------------------------------------------------------------------------------

    def _label(self, veld: str) -> str:
        return term("veld", veld if veld in Profiel.model_fields else f"eigendom.{veld}", self.taal).capitalize()

    def _help(self, veld: str) -> Any:

        return self.w.HTML(f'<p class="wl-hulp">{escape(form_help(veld, self.taal))}</p>')

    def _field(self, veld: str, soort: str) -> list[Any]:
        w, stijl = self.w, {"description_width": "16rem"}
        breed = w.Layout(width="40rem", max_width="100%")
        if soort == "eigendom":
            leeg = t("app.leeg_is_onbekend", self.taal)
            smal = w.Layout(width="28rem", max_width="100%")
            delen = [w.Text(description=self._label(d), style=stijl, layout=smal, placeholder=leeg)
                     for d in Eigendom.model_fields]  # fmt: skip
            self.velden.update(dict(zip(Eigendom.model_fields, delen, strict=True)))
            return [*delen, self._help("eigendom")]
        label = self._label(veld)
        if veld == "gemeente":
            widget = w.Combobox(options=municipality_options(), description=label, style=stijl, layout=breed,
                                ensure_option=False, placeholder=t("app.typ_gemeente", self.taal))  # fmt: skip
        elif veld == "wijk":
            widget = w.Combobox(options=[], description=label, style=stijl, layout=breed, ensure_option=False,
                                placeholder=t("app.typ_wijk", self.taal))  # fmt: skip
        elif soort == "keuze":
            opties = [(value_label(veld, v, self.taal), v) for v in dict.fromkeys(["onbekend", *choices(veld)])]
            widget = w.Dropdown(
                options=opties,
                value="onbekend",
                description=label,
                style=stijl,
                layout=w.Layout(width="32rem", max_width="100%"),
            )
        elif soort == "meerkeuze":
            vakjes = [w.Checkbox(description=value_label(veld, v, self.taal), value=False, indent=False)
                      for v in choices(veld)]  # fmt: skip
            self.velden[veld] = dict(zip(choices(veld), vakjes, strict=True))
            kop = w.HTML(f"<strong>{label}</strong>")
            return [kop, w.VBox(vakjes, layout=w.Layout(margin="0 0 0 16rem")), self._help(veld)]
        elif soort == "groepen":
            toevoegen = w.Button(description=t("app.groep_toevoegen", self.taal))
            toevoegen.on_click(lambda _: self._add_group({}))
            return [w.HTML(f"<strong>{label}</strong>"), self._help(veld), self.groepen_box, toevoegen]
        elif soort == "getal":
            widget = w.Text(description=label, style=stijl, layout=w.Layout(width="28rem", max_width="100%"),
                            placeholder=t("app.leeg_is_onbekend", self.taal))  # fmt: skip
        elif veld == "notities":
            widget = w.Textarea(
                description=label, style=stijl, rows=4, layout=w.Layout(width="40rem", max_width="100%")
            )
        else:
            widget = w.Text(description=label, style=stijl, layout=breed)
        self.velden[veld] = widget
        return [widget, self._help(veld)]

    def _add_group(self, groep: dict[str, Any]) -> None:
        w = self.w
        naam = w.Text(value=str(groep.get("naam") or ""), description=t("app.groep_naam", self.taal),
                      style={"description_width": "5rem"})  # fmt: skip
        soort = w.Dropdown(options=[(value_label("groepen.soort", s, self.taal), s) for s in options(SoortGroep)],
                           value=groep.get("soort") or "overig", description=t("app.groep_soort", self.taal),
                           style={"description_width": "4rem"})  # fmt: skip
        actief = w.Dropdown(options=[(value_label("groepen.actief", a, self.taal), a) for a in options(Activiteit)],
                            value=groep.get("actief") or "onbekend", description=t("app.groep_actief", self.taal),
                            style={"description_width": "4rem"})  # fmt: skip
        weg = w.Button(description=t("app.groep_weg", self.taal), layout=w.Layout(width="auto"))
        rij = (naam, soort, actief, weg)
        weg.on_click(lambda _: self._remove_group(rij))
        self.groepen.append(rij)
        self.groepen_box.children = [w.HBox(list(r)) for r in self.groepen]

    def _remove_group(self, rij: tuple[Any, Any, Any, Any]) -> None:
        self.groepen = [r for r in self.groepen if r is not rij]
        self.groepen_box.children = [self.w.HBox(list(r)) for r in self.groepen]

    # --- values ---------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """The form as values for :func:`values_to_profile`; a number that is not one is one line."""
        waarden: dict[str, Any] = {}
        for veld, soort in self.soorten.items():
            widget: Any = self.velden.get(veld)
            if soort == "groepen":
                waarden[veld] = [{"naam": n.value.strip(), "soort": s.value, "actief": a.value}
                                 for n, s, a, _ in self.groepen if n.value.strip()]  # fmt: skip
            elif soort == "meerkeuze":
                waarden[veld] = [v for v, vakje in widget.items() if vakje.value]
            elif soort == "getal":
                waarden[veld] = parse_number(widget.value, self._label(veld))
            elif veld == "wijk":
                waarden[veld] = wijk_code(widget.value)
            else:
                waarden[veld] = widget.value
        return waarden

    def profile(self) -> dict[str, Any]:
        return values_to_profile(self.values())

    def set_profile(self, profiel: dict[str, Any]) -> None:
        """Fill the form from a profile (for instance one loaded from YAML)."""
        for veld, soort in self.soorten.items():
            widget: Any = self.velden.get(veld)
            waarde = (profiel.get("eigendom") or {}).get(veld) if veld in Eigendom.model_fields else profiel.get(veld)
            if soort == "groepen":
                self.groepen = []
                self.groepen_box.children = []
                for groep in waarde or []:
                    self._add_group(groep if isinstance(groep, dict) else {"naam": str(groep)})
            elif soort == "meerkeuze":
                for v, vakje in widget.items():
                    vakje.value = v in (waarde or [])
            elif soort == "keuze":
                widget.value = waarde if waarde in choices(veld) else "onbekend"
            elif soort == "getal":
                widget.value = "" if waarde is None else f"{waarde:g}"
            else:
                widget.value = "" if waarde is None else str(waarde)
        self._place_changed()

    def _place_changed(self, _: Any = None) -> None:

        gemeente, wijk = self.velden["gemeente"].value, self.velden["wijk"].value
        self.velden["wijk"].options = wijk_options(gemeente) if gemeente.strip() else []
        naam, cijfers, probleem = place_figures(gemeente, wijk, self.taal)
        if probleem:
            self.plaats.value = (
                f'<p class="wl-melding wl-fout" role="alert">{escape(page_message(probleem, self.taal))}</p>'
            )
        elif cijfers:
            regels = "".join(
                f"<li>{escape(c.gebied)}: {escape(c.label(self.taal))}: "
                f"{escape(quantity(c.waarde, c.eenheid, self.taal))} ({c.jaar}, {escape(c.bron)})</li>"
                for c in cijfers
            )
            uitleg = escape(t("app.cijfers_uitleg", self.taal))
            kop = f"<p><strong>{escape(naam)}</strong>: {uitleg}</p>"
            self.plaats.value = f'<div class="wl-melding">{kop}<ul>{regels}</ul></div>'
        else:
            self.plaats.value = f'<p class="wl-melding">{escape(naam)}</p>' if naam else ""


def profile_form(profiel: dict[str, Any] | None = None, taal: str = "nl", tonen: bool = True) -> Any:
    """The form under the checklist notebook in JupyterLab: fill in, see the checklist update,
    save the profile as YAML. Returns the widget, or None when ``tonen`` is False."""
    if not tonen:
        return None
    import ipywidgets as w
    from IPython.display import HTML, display

    formulier = ProfileForm(profiel or read_profile(default_profile_path()), taal)
    bestand = w.Text(value="mijn-profiel.yaml", description=t("app.bestand", taal))
    uit = w.Output()

    def update(_: Any = None) -> None:
        uit.clear_output()
        with uit:
            try:
                display(HTML(str(render("checklist", "html-fragment", build(formulier.profile(), taal), taal))))
            except UserError as fout:
                print(f"{t('app.fout', taal)}: {fout}")

    def save(_: Any = None) -> None:
        with uit:
            try:
                print(f"{t('app.opgeslagen', taal)}: {save_profile(formulier.profile(), Path(bestand.value))}")
            except UserError as fout:
                print(f"{t('app.fout', taal)}: {fout}")

    knop_bijwerken = w.Button(description=t("app.bijwerken", taal), button_style="primary")
    knop_opslaan = w.Button(description=t("app.opslaan", taal))
    knop_bijwerken.on_click(update)
    knop_opslaan.on_click(save)
    geheel = w.VBox([formulier.box, w.HBox([knop_bijwerken, bestand, knop_opslaan]), uit])
    display(geheel)
    return geheel
