"""Vocabularies of case data (kept apart from the lesson tags in vocabularies.py)."""

from __future__ import annotations

FASEN: tuple[str, ...] = ("transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik")
ACTORTYPES: tuple[str, ...] = (
    "gemeente",
    "raad",
    "bewonersinitiatief",
    "energiecooperatie",
    "woningcorporatie",
    "huurders",
    "netbeheerder",
    "adviseur",
    "kennisinstelling",
    "provincie",
    "rijk",
    "marktpartij",
    "overig",
)
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
