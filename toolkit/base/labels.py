"""Interface texts in Dutch (first) and English: one mechanism for every fixed text the toolkit
shows. The texts live in ``toolkit/translations/<taal>.yaml`` (one key per text, the same keys in
every language); content itself lives in the content files.

- :func:`t` gives one text, with ``{name}`` placeholders filled in;
- :func:`term` gives the label of a vocabulary value (``term("trede", "adviseren", "en")``);
- :func:`pick` takes the right language from a bilingual record (``claim`` / ``claim_en``,
  ``label_nl`` / ``label_en``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from . import paths
from .yamlio import read_yaml_file

LANGUAGES = ("nl", "en")


@lru_cache(maxsize=len(LANGUAGES))
def texts(taal: str) -> dict[str, str]:
    """Every interface text in ``taal`` (unknown languages get Dutch)."""

    gelezen: dict[str, str] = read_yaml_file(
        paths.PACKAGE_DIR / "translations" / f"{taal if taal in LANGUAGES else 'nl'}.yaml"
    )
    return gelezen


def t(sleutel: str, taal: str, **waarden: Any) -> str:
    """The text ``sleutel`` in ``taal`` (falls back to Dutch), with ``{name}`` filled in."""
    tekst = texts(taal).get(sleutel) or texts("nl")[sleutel]
    return tekst.format(**waarden) if waarden else tekst


def term(soort: str, waarde: str, taal: str) -> str:
    """The label of vocabulary value ``waarde`` of kind ``soort``; the value itself if it has none."""
    sleutel = f"{soort}.{waarde}"
    return t(sleutel, taal) if sleutel in texts("nl") else waarde


#: Which vocabulary labels the values of a profile field: a group's kind is a party kind, a phase
#: a phase; everything else (ja, nee, warmtenet …) a plain value.
_WAARDE_SOORT = {"groepen.soort": "partij", "fase": "fase"}


def value_label(veld: str, waarde: str, taal: str) -> str:
    """The label of the value ``waarde`` of profile field ``veld`` (``fase`` ``orientatie`` ->
    "Oriëntatie")."""
    return term(_WAARDE_SOORT.get(veld, "waarde"), waarde, taal)


def pick(record: Mapping[str, Any], veld: str, taal: str) -> Any:
    """``record[veld + "_en"]`` in English (when it has one), else ``record[veld + "_nl"]`` or
    ``record[veld]``."""
    if taal == "en" and record.get(f"{veld}_en") not in (None, ""):
        return record[f"{veld}_en"]
    return record[f"{veld}_nl"] if f"{veld}_nl" in record else record[veld]


def column(kolommen: Iterable[str], veld: str, taal: str) -> str:
    """The column to read ``veld`` from in ``taal``: ``<veld>_en`` in English when there is one."""
    return f"{veld}_en" if taal == "en" and f"{veld}_en" in kolommen else veld


#: The locale numbers are written in, per language.
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}


def number(waarde: float | int, taal: str, decimalen: int = 1) -> str:
    """A number as a reader of ``taal`` writes it: ``3.500`` and ``12,4`` in Dutch, ``3,500`` and
    ``12.4`` in English; whole numbers without decimals."""
    from babel.numbers import format_decimal

    getal = round(float(waarde), decimalen)
    formaat = "#,##0" if getal.is_integer() else "#,##0." + "#" * decimalen
    return str(format_decimal(getal, format=formaat, locale=_LOCALE.get(taal, "nl_NL")))


def format_date(datum: date, taal: str) -> str:
    """A date as a reader of ``taal`` writes it: ``1 januari 2027``, ``1 January 2027``."""
    from babel.dates import format_date as babel_date

    return str(babel_date(datum, format="long", locale=_LOCALE.get(taal, "nl_NL")))


def quantity(waarde: float | int, eenheid: str, taal: str) -> str:
    """A number with its unit, in ``taal``: ``12,4 %`` (nl), ``12.4%`` (en), ``3.500 woningen``."""
    getal = number(waarde, taal)
    if eenheid == "%":
        return t("procent", taal, getal=getal)
    return f"{getal} {term('eenheid', eenheid, taal)}" if eenheid else getal
