"""Vocabularies of case data (kept apart from the lesson tags in vocabularies.py)."""

from __future__ import annotations

from typing import Literal, get_args

from toolkit.base import fold

FASEN: tuple[str, ...] = ("transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik")
#: One vocabulary for the parties and groups in a wijk: a case's actors, a profile's groups and a
#: logbook's parties all use it (labels: translations ``partij.<soort>``).
SoortPartij = Literal[
    "gemeente", "raad", "provincie", "rijk", "netbeheerder", "woningcorporatie", "energiecooperatie",
    "bewonersinitiatief", "bewonersvereniging", "wijkraad", "huurders", "huurdersvereniging", "vve", "sportclub",
    "groen", "religieus", "school", "ondernemers", "marktpartij", "adviseur", "kennisinstelling", "overig",
]  # fmt: skip
SOORTEN_PARTIJ: tuple[str, ...] = get_args(SoortPartij)
#: Names used before the vocabularies were one: still accepted, read as the current name.
OUDE_SOORTEN: dict[str, str] = {"buurtinitiatief": "bewonersinitiatief"}
ACTORTYPES = SOORTEN_PARTIJ


def party_kind(waarde: str) -> str:
    """The current name of a kind of party: ``buurtinitiatief`` -> ``bewonersinitiatief``."""

    schoon = fold(waarde).replace("-", "_")
    return OUDE_SOORTEN.get(schoon, schoon)


TREDEN: tuple[str, ...] = (
    "informeren",
    "raadplegen",
    "adviseren",
    "coproduceren",
    "meebeslissen",
    "zelfbeheer",
)
SOORTEN_BEWIJS: tuple[str, ...] = ("illustreert", "tegenvoorbeeld")
STERKTES: tuple[str, ...] = ("sterk", "matig", "zwak")
ROLLEN: tuple[str, ...] = ("sturend", "netwerkend", "onbekend")
