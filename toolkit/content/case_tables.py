"""Reading and checking the CSV tables of a case, row by row.

Each table has a fixed list of columns (:data:`TABELLEN`). Lines that start with ``#`` are
explanations for the people who edit the file and are skipped. Every problem names the file, the
line and the column, and what is allowed.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from toolkit.base import MAX_BESTAND, MAX_RIJEN, Problem, TooLarge, excerpt, fold, read_text_limited, shown_path

from .catalog import lesson_numbers, lesson_range_text
from .vocab_cases import ACTORTYPES, FASEN, OUDE_SOORTEN, SOORTEN_BEWIJS, STERKTES, TREDEN

Soort = Literal["tekst", "id", "enum", "datum", "datum_of_onbekend", "ids", "actie_ids", "les", "janee", "url"]
ACTIE_ID = re.compile(r"^L\d+-\d{2}$")
ID_PATROON = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATUM_PATROON = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Kolom:
    naam: str
    soort: Soort
    verplicht: bool = True
    waarden: tuple[str, ...] = ()
    aliassen: Mapping[str, str] = field(default_factory=dict)  # old names still read, as the current one


def _bilingual(naam: str) -> tuple[Kolom, Kolom]:
    """A text column in Dutch and its English twin (``claim`` and ``claim_en``)."""
    return Kolom(naam, "tekst"), Kolom(f"{naam}_en", "tekst")


ID, BRONNEN, ONZEKER = Kolom("id", "id"), Kolom("bronnen", "ids"), Kolom("onzeker", "janee", verplicht=False)

TABELLEN: dict[str, tuple[Kolom, ...]] = {
    "tijdlijn": (Kolom("datum", "datum"), *_bilingual("gebeurtenis"), Kolom("fase", "enum", waarden=FASEN),
                 Kolom("actoren", "ids", verplicht=False), BRONNEN, ONZEKER),
    "actoren": (ID, Kolom("naam", "tekst"), Kolom("naam_en", "tekst", verplicht=False),
                Kolom("type", "enum", waarden=ACTORTYPES, aliassen=OUDE_SOORTEN), *_bilingual("rol"), BRONNEN),
    "instrumenten": (*_bilingual("instrument"), Kolom("trede", "enum", waarden=TREDEN),
                     Kolom("datum", "datum_of_onbekend"), BRONNEN, ONZEKER),
    "bewijs": (ID, Kolom("les", "les"), Kolom("soort", "enum", waarden=SOORTEN_BEWIJS),
               Kolom("sterkte", "enum", waarden=STERKTES), *_bilingual("claim"), BRONNEN,
               Kolom("acties", "actie_ids", verplicht=False)),
    "bronnen": (ID, Kolom("titel", "tekst"), Kolom("uitgever", "tekst"), Kolom("datum", "datum_of_onbekend"),
                Kolom("url", "url")),
}  # fmt: skip


@dataclass(frozen=True)
class Datum:
    """A date as precise as the source: a year, a month or a day."""

    tekst: str
    precisie: Literal["jaar", "maand", "dag"]
    begin: date

    @property
    def jaar(self) -> int:
        return self.begin.year


def parse_datum(tekst: str) -> Datum | None:
    """``2016`` / ``2016-04`` / ``2016-04-15`` -> :class:`Datum`; anything else -> None."""
    match = DATUM_PATROON.match(tekst.strip())
    if not match:
        return None
    jaar, maand, dag = match.groups()
    try:
        begin = date(int(jaar), int(maand or 1), int(dag or 1))
    except ValueError:
        return None
    precisie: Literal["jaar", "maand", "dag"] = "dag" if dag else "maand" if maand else "jaar"
    return Datum(tekst.strip(), precisie, begin)


def _ids(tekst: str) -> list[str]:
    return [deel.strip() for deel in tekst.split(";") if deel.strip()]


def _cell_value(kolom: Kolom, ruw: str, lessen: tuple[int, ...]) -> tuple[Any, str | None, str]:
    """Parse one cell. Returns (value, error message or None, allowed)."""
    ruw = ruw.strip()
    if not ruw:
        if kolom.verplicht:
            return None, "leeg", "vul een waarde in"
        return ([] if kolom.soort in {"ids", "actie_ids"} else False if kolom.soort == "janee" else None), None, ""
    if kolom.soort == "tekst":
        return ruw, None, ""
    if kolom.soort == "id":
        if ID_PATROON.match(ruw):
            return ruw, None, ""
        return None, f"ongeldige id {excerpt(ruw)}", "kleine letters, cijfers en streepjes"
    if kolom.soort == "enum":
        ruw = kolom.aliassen.get(fold(ruw), ruw)
        for waarde in kolom.waarden:
            if fold(ruw) == fold(waarde):
                return waarde, None, ""
        return None, f"ongeldige waarde {excerpt(ruw)}", "toegestaan: " + ", ".join(kolom.waarden)
    if kolom.soort in {"datum", "datum_of_onbekend"}:
        if kolom.soort == "datum_of_onbekend" and ruw.lower() == "onbekend":
            return None, None, ""
        datum = parse_datum(ruw)
        if datum is None:
            toegestaan = "JJJJ, JJJJ-MM of JJJJ-MM-DD" + (" of onbekend" if kolom.soort == "datum_of_onbekend" else "")
            return None, f"ongeldige datum {excerpt(ruw)}", toegestaan
        return datum, None, ""
    if kolom.soort == "ids":
        ids = _ids(ruw)
        fout = [i for i in ids if not ID_PATROON.match(i)]
        if fout:
            return None, f"ongeldige id {excerpt(fout[0])}", "id's gescheiden door ;"
        return ids, None, ""
    if kolom.soort == "actie_ids":
        ids = [i.upper() for i in _ids(ruw)]
        fout = [i for i in ids if not ACTIE_ID.match(i)]
        if fout:
            return None, f"ongeldige actie-id {excerpt(fout[0])}", "actie-id's zoals L4-03, gescheiden door ;"
        return ids, None, ""
    if kolom.soort == "les":
        if ruw.isdigit() and int(ruw) in lessen:
            return int(ruw), None, ""
        return None, f"onbekend lesnummer {excerpt(ruw)}", lesson_range_text(lessen)
    if kolom.soort == "janee":
        if fold(ruw) in {"ja", "nee"}:
            return fold(ruw) == "ja", None, ""
        return None, f"ongeldige waarde {excerpt(ruw)}", "toegestaan: ja, nee"
    if kolom.soort == "url":
        if re.match(r"^https?://[^\s/]+\.[^\s]+$", ruw):
            return ruw, None, ""
        return None, f"ongeldige URL {excerpt(ruw)}", "begin met http:// of https://"
    raise AssertionError(kolom.soort)  # pragma: no cover


#: Optional columns whose absence is allowed but changes what the case does: table -> column -> what.
_WAARSCHUW_ALS_WEG = {
    "bewijs": {"acties": "geen claim onderbouwt een actie, dus de casus geeft geen bewijs in een checklist"},
}


def read_table(pad: Path, tabel: str) -> tuple[list[dict[str, Any]], list[Problem]]:
    """Read one case table. Returns the parsed rows (each with ``_regel``) and the problems."""
    lessen = lesson_numbers()  # once per table, not per cell
    naam = shown_path(pad)
    kolommen = TABELLEN[tabel]
    if not pad.is_file():
        return [], [Problem(naam, "", "bestand ontbreekt", f"kolommen: {', '.join(k.naam for k in kolommen)}")]
    try:
        tekst = read_text_limited(pad, MAX_BESTAND, "utf-8-sig")
    except TooLarge as exc:
        return [], [Problem(naam, "", str(exc))]
    except UnicodeDecodeError:
        return [], [Problem(naam, "", "bestand is geen UTF-8-tekst", "sla op als CSV UTF-8")]
    regels: list[str] = []
    regelnummers: list[int] = []
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if regel.lstrip().startswith("#") or not regel.strip():
            continue
        regels.append(regel)
        regelnummers.append(nummer)
    if not regels:
        return [], [Problem(naam, "kopregel", "ontbreekt", ", ".join(k.naam for k in kolommen))]
    if len(regels) > MAX_RIJEN + 1:
        return [], [Problem(naam, "", f"te veel regels ({len(regels) - 1}; hoogstens {MAX_RIJEN})")]
    # Dutch Excel saves CSV with ';' between fields: read such a file as it is.
    scheider = ";" if "," not in regels[0] and ";" in regels[0] else ","
    try:
        lezer = csv.reader(io.StringIO("\n".join(regels)), delimiter=scheider, strict=True)
        rijen = [(regelnummers[min(lezer.line_num, len(regels)) - 1], rij) for rij in lezer]
    except csv.Error as exc:
        return [], [
            Problem(
                naam,
                f"regel {regelnummers[min(lezer.line_num, len(regels)) - 1]}",
                f"CSV-fout: {exc}",
                "komma's tussen velden, tekst met komma's tussen \"...\"",
            )
        ]
    (kop_regel, kop), data = rijen[0], rijen[1:]
    kop = [k.strip() for k in kop]
    verwacht = [k.naam for k in kolommen]
    problemen: list[Problem] = []
    ontbrekend = [k.naam for k in kolommen if k.naam not in kop and k.verplicht]
    onbekend = [excerpt(k)[1:-1] for k in kop if k not in verwacht][:5]  # a few, each cut short
    if ontbrekend:
        problemen.append(
            Problem(
                naam,
                f"regel {kop_regel}",
                f"kolom ontbreekt: {', '.join(ontbrekend)}",
                f"kolommen: {', '.join(verwacht)}",
            )
        )
    if onbekend:
        problemen.append(
            Problem(
                naam,
                f"regel {kop_regel}",
                f"onbekende kolom: {', '.join(onbekend)}",
                f"kolommen: {', '.join(verwacht)}",
            )
        )
    if problemen:
        return [], problemen
    for weg, gevolg in _WAARSCHUW_ALS_WEG.get(tabel, {}).items():
        if weg not in kop:
            problemen.append(Problem(naam, f"regel {kop_regel}", f"kolom {weg} ontbreekt: {gevolg}",
                                     f"voeg de kolom {weg} toe", "warning"))  # fmt: skip
    resultaat: list[dict[str, Any]] = []
    for regelnummer, rij in data:
        if len(rij) != len(kop):
            problemen.append(
                Problem(
                    naam,
                    f"regel {regelnummer}",
                    f"{len(rij)} velden in plaats van {len(kop)}",
                    'tekst met komma\'s tussen "..."',
                )
            )
            continue
        cellen = dict(zip(kop, rij, strict=True))
        geparsed: dict[str, Any] = {"_regel": regelnummer}
        goed = True
        for kolom in kolommen:
            waarde, fout, toegestaan = _cell_value(kolom, cellen.get(kolom.naam, ""), lessen)
            if fout:
                problemen.append(Problem(naam, f"regel {regelnummer}: {kolom.naam}", fout, toegestaan))
                goed = False
            geparsed[kolom.naam] = waarde
        if goed:
            resultaat.append(geparsed)
    if len(problemen) > MAX_PROBLEMEN:  # enough to see what is wrong; the rest in one line
        rest = len(problemen) - MAX_PROBLEMEN
        problemen = [*problemen[:MAX_PROBLEMEN], Problem(naam, "", f"en nog {rest} problemen in dit bestand")]
    return resultaat, problemen


#: Problems named one by one per table (a file that is wrong throughout gives a screen, not a book).
MAX_PROBLEMEN = 50
