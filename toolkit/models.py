"""Model pieces shared by the content types: strict models, bilingual text, percentage shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field


class StrictModel(BaseModel):
    """Unknown fields are refused (a typo in a file never passes silently); values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class TweeTalig(StrictModel):
    """A text in Dutch and English."""

    nl: Annotated[str, Field(min_length=1)]
    en: Annotated[str, Field(min_length=1)]

    def in_language(self, taal: str) -> str:
        return self.en if taal == "en" else self.nl


#: A share of the dwellings, in percent.
Procent = Annotated[float, Field(ge=0, le=100)]


def check_total_share(aandelen: Iterable[object]) -> None:
    """Shares of one whole (owner-occupied, corporation, private rental) add up to at most 100
    (half a percent of rounding allowed); unknown shares do not count."""
    som = sum(v for v in aandelen if isinstance(v, int | float) and not isinstance(v, bool))
    if som > 100.5:
        raise ValueError(f"aandelen tellen op tot {som:g} || samen hooguit 100")
