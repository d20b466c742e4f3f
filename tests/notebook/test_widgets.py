"""The forms' logic, without a browser: the profile form (values to profile, YAML, safe saving) and
the logbook form (what it shows per kind, and what it adds)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from toolkit.base import transaction
from toolkit.base.errors import UserError
from toolkit.content.profile import parse_groups, parse_profile
from toolkit.domain import logbook as lb
from toolkit.notebook.widgets import profile_to_yaml, save_profile, values_to_profile

WAARDEN = {
    "gemeente": " Wageningen ",
    "wijk": "",
    "fase": "orientatie",
    "warmteoplossing": "onbekend",
    "aanspreekpunt": "nee",
    "logboek": "onbekend",
    "vergoeding_budget": "ja",
    "raad_betrokken": "onbekend",
    "werkzaamheden": ("riolering",),
    "groepen": "Energiecoöperatie X; energiecooperatie; ja\n\nWijkraad Y; wijkraad\n",
    "koop": 60.0,
    "corporatie": None,
    "particuliere_huur": None,
    "capaciteit_fte": None,
    "notities": "",
}


def test_values_become_a_profile_with_unknowns_left_out() -> None:
    profiel = values_to_profile(WAARDEN)
    assert profiel == {
        "gemeente": "Wageningen",
        "fase": "orientatie",
        "aanspreekpunt": "nee",
        "vergoeding_budget": "ja",
        "werkzaamheden": ["riolering"],
        "groepen": [
            {"naam": "Energiecoöperatie X", "soort": "energiecooperatie", "actief": "ja"},
            {"naam": "Wijkraad Y", "soort": "wijkraad"},
        ],
        "eigendom": {"koop": 60.0},
    }
    parse_profile(profiel)


def test_groups_lines() -> None:
    assert parse_groups("A\nB; groen\n; leeg\n") == [{"naam": "A"}, {"naam": "B", "soort": "groen"}]


def test_yaml_round_trip_and_no_silent_overwrite(tmp_path: Path) -> None:
    profiel = values_to_profile(WAARDEN)
    assert yaml.safe_load(profile_to_yaml(profiel)) == profiel
    pad = save_profile(profiel, tmp_path / "p.yaml")
    assert yaml.safe_load(pad.read_text()) == profiel
    with pytest.raises(UserError, match="bestaat al"):
        save_profile({"gemeente": "Haarlem"}, pad)
    assert yaml.safe_load(pad.read_text()) == profiel
    save_profile({"gemeente": "Haarlem"}, pad, overschrijven=True)
    assert yaml.safe_load(pad.read_text()) == {"gemeente": "Haarlem"}
    assert [p.name for p in tmp_path.iterdir()] == ["p.yaml"]


def test_invalid_form_values_are_refused_before_saving(tmp_path: Path) -> None:
    with pytest.raises(UserError):
        save_profile({"gemeente": "Haarlem", "fase": "bouw"}, tmp_path / "p.yaml")
    assert not (tmp_path / "p.yaml").exists()


def test_form_builds_in_a_kernel(tmp_path: Path) -> None:
    """The notebook with interactief=True creates the form without error (as in JupyterLab)."""
    from toolkit.reports.engine import notebook_path, run_notebook

    res = run_notebook(
        notebook_path("checklist"), {"interactief": True, "uitvoer": ""}, tmp_path, "checklist", html=False
    )
    inhoud = res.notebook.read_text()
    assert "application/vnd.jupyter.widget-view+json" in inhoud


# --- the logbook form ------------------------------------------------------------------------------


def _form(pad: Path) -> tuple[Any, Callable[[], dict[str, Any]]]:
    """The logbook form on ``pad`` (built as in JupyterLab, without a browser) and a function that
    gives the fields it shows now, by their label."""
    from toolkit.notebook import logbook_form

    formulier = logbook_form(str(pad))
    return formulier, lambda: {getattr(c, "description", ""): c for c in formulier.children}


def _save(velden: dict[str, Any]) -> str:
    velden["Opslaan"].click()
    melding = [c for c in velden.values() if type(c).__name__ == "Label"][0]
    return str(melding.value)


def test_the_logbook_form_adds_an_activity_and_the_input_brought_in(tmp_path: Path) -> None:
    pad = tmp_path / "l.sqlite"
    db = lb.connect(pad)
    with transaction(db):
        lb.add_party(db, "Wijkraad Y", "wijkraad")
        lb.add_party(db, "Huurdersvereniging Z", "huurdersvereniging")
    db.close()
    formulier, velden = _form(pad)
    assert set(velden()) >= {"datum", "partijen", "onderwerp", "samenvatting"} and "vorm" not in velden()
    velden()["toevoegen"].value = "activiteit"
    v = velden()
    assert list(v) == ["toevoegen", "datum", "vorm", "onderwerp", "doelgroep", "aantal uitgenodigd",
                       "aantal deelnemers", "trede", "fase", "lessen", "toelichting", "Opslaan", ""]  # fmt: skip
    assert v["vorm"].options == lb.VORMEN and v["fase"].value == ""
    v["datum"].value = date(2026, 3, 10)
    v["vorm"].value = "bijeenkomst"
    v["onderwerp"].value = "Keuze warmteoplossing"
    v["doelgroep"].value = ("Wijkraad Y", "Huurdersvereniging Z")
    v["aantal uitgenodigd"].value, v["aantal deelnemers"].value = "400", ""
    v["trede"].value, v["fase"].value, v["lessen"].value = "raadplegen", "planvorming", "4"
    assert _save(v) == "Opgeslagen: activiteit 1"
    velden()["toevoegen"].value = "inbreng"
    v = velden()
    assert list(v) == ["toevoegen", "bij activiteit", "inbreng", "standpunt", "wat ermee gedaan is", "toelichting",
                       "Opslaan", ""]  # fmt: skip
    assert v["bij activiteit"].options == (("2026-03-10 Keuze warmteoplossing", 1),)
    v["inbreng"].value = "Zorg over de maandlasten"
    v["standpunt"].value, v["wat ermee gedaan is"].value = "oneens", "deels"
    v["toelichting"].value = "Woonlastengarantie voor huurders"
    assert _save(v) == "Opgeslagen: inbreng 1"
    db = lb.connect(pad, maken=False)
    [activiteit] = lb.rows(db, "activiteiten")
    assert set(activiteit["doelgroep"].split(";")) == {"Wijkraad Y", "Huurdersvereniging Z"}
    assert {k: activiteit[k] for k in ("datum", "vorm", "uitgenodigd", "deelnemers", "trede", "fase", "lessen")} == {
        "datum": "2026-03-10", "vorm": "bijeenkomst", "uitgenodigd": 400, "deelnemers": "", "trede": "raadplegen",
        "fase": "planvorming", "lessen": "4"}  # fmt: skip
    [inbreng] = lb.rows(db, "inbreng")
    assert (inbreng["activiteit"], inbreng["inbreng"], inbreng["standpunt"], inbreng["verwerking"]) == (
        1, "Zorg over de maandlasten", "oneens", "deels")  # fmt: skip
    db.close()
    # a party added through the form is at once a choice in the other kinds
    velden()["toevoegen"].value = "partij"
    v = velden()
    v["naam"].value, v["soort partij"].value = "Energiecoöperatie X", "energiecooperatie"
    assert _save(v) == "Opgeslagen: partij 3"
    velden()["toevoegen"].value = "gesprek"
    assert "Energiecoöperatie X" in velden()["partijen"].options


def test_a_wrong_value_in_the_logbook_form_is_one_line_and_adds_nothing(tmp_path: Path) -> None:
    pad = tmp_path / "l.sqlite"
    _, velden = _form(pad)
    velden()["toevoegen"].value = "activiteit"
    v = velden()
    v["onderwerp"].value, v["aantal deelnemers"].value = "Warmte", "-3"
    melding = _save(v)
    assert melding.startswith("fout: deelnemers: '-3' is geen aantal mensen") and "\n" not in melding
    velden()["toevoegen"].value = "inbreng"
    v = velden()
    v["inbreng"].value = "Iets"
    assert _save(v).startswith("fout: activiteit: onbekende activiteit")  # no activity yet to choose
    db = lb.connect(pad, maken=False)
    assert lb.rows(db, "activiteiten") == [] and lb.rows(db, "inbreng") == []
    db.close()
