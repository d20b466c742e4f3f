"""Fixed interface texts in Dutch (first) and English. Content itself lives in content files."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "les": "Les",
        "samenvatting": "Samenvatting",
        "verder_lezen": "Verder lezen",
        "eigen_synthese": "eigen synthese",
        "eigen_synthese_uitleg": (
            "Punten met het label ‘eigen synthese’ zijn ons eigen advies. Geen bron stelt ze vast."
        ),
        "casus": "Casus",
        "tags": "Fasen",
        "tno": "TNO De energieke gemeente",
        "nplw": "NPLW participatieroute",
        "participatiecoalitie": "Participatiecoalitie",
        "jaar_onbekend": "jaar onbekend",
        "gemaakt_met": "Gemaakt met Warmtelessen",
        "geen_casus": "Geen casus gekoppeld.",
    },
    "en": {
        "les": "Lesson",
        "samenvatting": "Summary",
        "verder_lezen": "Further reading",
        "eigen_synthese": "own synthesis",
        "eigen_synthese_uitleg": (
            "Points labelled ‘own synthesis’ are our own advice. No source establishes them."
        ),
        "casus": "Case",
        "tags": "Phases",
        "tno": "TNO De energieke gemeente",
        "nplw": "NPLW participation route",
        "participatiecoalitie": "Participatiecoalitie",
        "jaar_onbekend": "year unknown",
        "gemaakt_met": "Made with Warmtelessen",
        "geen_casus": "No case linked.",
    },
}


def t(sleutel: str, taal: str) -> str:
    """The label ``sleutel`` in ``taal`` (falls back to Dutch)."""
    return LABELS.get(taal, LABELS["nl"]).get(sleutel) or LABELS["nl"][sleutel]
