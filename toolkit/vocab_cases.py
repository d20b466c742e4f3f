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

#: Labels for reports, nl and en.
LABELS_FASE = {
    "transitievisie": ("Transitievisie", "Heat vision"),
    "orientatie": ("Oriëntatie", "Orientation"),
    "planvorming": ("Planvorming", "Planning"),
    "uitvoering": ("Uitvoering", "Implementation"),
    "gebruik": ("Gebruik", "In use"),
}
LABELS_ACTORTYPE = {
    "gemeente": ("gemeente", "municipality"),
    "raad": ("gemeenteraad", "council"),
    "bewonersinitiatief": ("bewonersinitiatief", "residents' initiative"),
    "energiecooperatie": ("energiecoöperatie", "energy cooperative"),
    "woningcorporatie": ("woningcorporatie", "housing corporation"),
    "huurders": ("huurders", "tenants"),
    "netbeheerder": ("netbeheerder", "grid operator"),
    "adviseur": ("adviseur", "consultant"),
    "kennisinstelling": ("kennisinstelling", "research institute"),
    "provincie": ("provincie", "province"),
    "rijk": ("rijk", "national government"),
    "marktpartij": ("marktpartij", "company"),
    "overig": ("overig", "other"),
}
LABELS_TREDE = {
    "informeren": ("informeren", "informing"),
    "raadplegen": ("raadplegen", "consulting"),
    "adviseren": ("adviseren", "advising"),
    "coproduceren": ("coproduceren", "co-producing"),
    "meebeslissen": ("meebeslissen", "co-deciding"),
    "zelfbeheer": ("zelfbeheer", "self-management"),
}


def label(tabel: dict[str, tuple[str, str]], sleutel: str, taal: str) -> str:
    nl, en = tabel.get(sleutel, (sleutel, sleutel))
    return en if taal == "en" else nl
