"""The forms' logic, without a browser: the profile form (values to profile, YAML, safe saving) and
the logbook form (what it shows per kind, and what it adds)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from toolkit.base.errors import UserError
from toolkit.content.profile import parse_groups, parse_profile
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
