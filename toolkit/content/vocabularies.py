"""Fixed vocabularies used in content files (tags, languages).

The phase vocabularies come from the tools Dutch municipalities already use
(see ``docs``/README): TNO *De energieke gemeente*, the NPLW *participatieroute* and the
Participatiecoalitie's *20 lessen*. Content is tagged with them so a trainer can line the toolkit
up with what the audience knows.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

Taal = Literal["nl", "en"]
TALEN: tuple[str, ...] = get_args(Taal)

TnoFase = Literal["voorbereiding", "wijkonderzoek-en-participatieplan", "bewustwording", "besluiten", "uitvoering"]
NplwStap = Literal["voorbereiden", "ontwerpen", "uitvoeren"]
CoalitieFase = Literal["transitievisie-warmte", "orientatiefase", "ontwikkelfase", "uitvoeringsfase", "gebruiksfase"]


def options(soort: Any) -> tuple[str, ...]:
    """The values of a vocabulary (a ``Literal``), in order."""
    return tuple(str(v) for v in get_args(soort))


def listing(waarden: tuple[str, ...] | list[str]) -> str:
    """``a, b, c`` for an 'allowed values' hint."""
    return ", ".join(str(w) for w in waarden)


#: The phase vocabularies lessons and actions are tagged with (the fields of ``Tags``).
VOCABULAIRES: tuple[str, ...] = ("tno", "nplw", "participatiecoalitie")
