"""Real public figures per municipality and wijk, from the files in ``data/`` (see data/SOURCES.md).

Every figure carries its year and source. A figure the data does not have is absent, never guessed.
"""

from __future__ import annotations

import csv
import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from toolkit.base import excerpt, normalise, paths, pick, t

BRON_KWB = "CBS, Kerncijfers wijken en buurten 2024 (85984NED)"
BRON_ETLOCAL = "Quintel ETlocal 2023 (Klimaatmonitor, PBL)"
BRON_GEBIED = "CBS/Kadaster, gemeentegrenzen 2025"
M3_PER_TJ = 1e6 / 31.65  # MJ per TJ / MJ per m³ aardgas (bovenwaarde), zie data/SOURCES.md

#: ETlocal building periods and dwelling types (labels: translations bouwperiode.*, woningtype.*).
BOUWPERIODES = ("before_1945", "1945_1964", "1965_1984", "1985_2004", "2005_present")
WONINGTYPES = ("apartments", "terraced_houses", "semi_detached_houses", "detached_houses")


@dataclass(frozen=True)
class Cijfer:
    """One figure, with the area it is about, its year and its source."""

    sleutel: str
    label_nl: str
    label_en: str
    waarde: float
    eenheid: str
    jaar: int
    bron: str
    gebied: str

    def label(self, taal: str) -> str:
        return str(pick(vars(self), "label", taal))


def data_dir() -> Path:
    return paths.project_root() / "data"


@lru_cache(maxsize=1)
def gemeenten() -> dict[str, str]:
    """CBS code (GMxxxx) -> official name, for the 342 municipalities of 2025."""
    with open(data_dir() / "gemeenten.csv", encoding="utf-8", newline="") as f:
        return {r["gm_code"]: r["gm_naam"] for r in csv.DictReader(f)}


@lru_cache(maxsize=1)
def provincies() -> dict[str, str]:
    """CBS code -> province."""
    with open(data_dir() / "gm_codes_and_provinces.csv", encoding="utf-8-sig", newline="") as f:
        return {r["GM_code"]: r["province"] for r in csv.DictReader(f, delimiter=";")}


@lru_cache(maxsize=1)
def wijken() -> dict[str, tuple[str, str]]:
    """CBS wijk code (WKxxxxxx) -> (name, municipality code), land wijken of 2023."""
    with open(data_dir() / "wijken_2023.csv", encoding="utf-8", newline="") as f:
        return {
            r["WK_CODE"]: (r["WK_NAAM"], r["GM_CODE"])
            for r in csv.DictReader(f)
            if r["WATER"] != "JA" and r["GM_CODE"] != "GM0998"
        }


@lru_cache(maxsize=1)
def _kwb() -> dict[str, dict[str, float | None]]:
    cijfers: dict[str, dict[str, float | None]] = json.loads(
        (data_dir() / "cbs_kwb_2024.json").read_text(encoding="utf-8")
    )
    return cijfers


@lru_cache(maxsize=1)
def _etlocal() -> dict[str, dict[str, float]]:
    with open(data_dir() / "etlocal_2023.csv", encoding="utf-8", newline="") as f:
        return {
            r["geo_id"]: {k: float(v) for k, v in r.items() if k != "geo_id" and v != ""} for r in csv.DictReader(f)
        }


def _kwb_figures(code: str, gebied: str) -> list[Cijfer]:
    rij = _kwb().get(code) or {}
    spec = [
        ("inwoners", "AantalInwoners_5", "personen"),
        ("woningen", "Woningvoorraad_35", "woningen"),
        ("dichtheid", "Bevolkingsdichtheid_34", "per km² land"),
    ]
    return [
        _figure(sleutel, f"cijfer.{sleutel}", float(waarde), eenheid, 2024, BRON_KWB, gebied)
        for sleutel, kolom, eenheid in spec
        if (waarde := rij.get(kolom)) is not None
    ]


def _figure(sleutel: str, label: str, waarde: float, eenheid: str, jaar: int, bron: str, gebied: str) -> Cijfer:
    """A figure with its label in both languages (from the translations)."""
    return Cijfer(sleutel, t(label, "nl"), t(label, "en"), waarde, eenheid, jaar, bron, gebied)


def gemeente_figures(gm_code: str) -> list[Cijfer]:
    """Inhabitants, dwellings, density (CBS 2024); building-age and dwelling-type mix and an
    estimate of household gas use per dwelling (ETlocal 2023)."""
    naam = gemeenten().get(gm_code, gm_code)
    cijfers = _kwb_figures(gm_code, naam)
    et = _etlocal().get(gm_code)
    if not et:
        return cijfers
    per_periode = {p: 0.0 for p in BOUWPERIODES}
    per_type = {soort: 0.0 for soort in WONINGTYPES}
    for soort in WONINGTYPES:
        for p in BOUWPERIODES:
            aantal = et.get(f"present_number_of_{soort}_{p}", 0.0)
            per_periode[p] += aantal
            per_type[soort] += aantal
    totaal = sum(per_periode.values())
    if totaal > 0:
        for p in BOUWPERIODES:
            aandeel = round(100 * per_periode[p] / totaal, 1)
            cijfers.append(_figure(f"bouwperiode_{p}", f"bouwperiode.{p}", aandeel, "%", 2023, BRON_ETLOCAL, naam))
        for soort in WONINGTYPES:
            aandeel = round(100 * per_type[soort] / totaal, 1)
            cijfers.append(
                _figure(f"woningtype_{soort}", f"woningtype.{soort}", aandeel, "%", 2023, BRON_ETLOCAL, naam)
            )
        gas = et.get("households_final_demand_network_gas_demand")
        if gas:
            per_woning = round(gas * M3_PER_TJ / totaal)
            cijfers.append(
                _figure("gas_per_woning", "cijfer.gas_per_woning", per_woning, "m³ per jaar", 2023, BRON_ETLOCAL, naam)
            )
    return cijfers


def wijk_figures(wk_code: str) -> list[Cijfer]:
    """Inhabitants, dwellings, density of one wijk (CBS 2024)."""
    naam = wijken().get(wk_code, (wk_code, ""))[0]
    return _kwb_figures(wk_code, naam)


# --- finding a municipality or wijk by what a user typed ------------------------------------------

#: Common names that differ from the official CBS name.
ALIASSEN = {
    "den haag": "GM0518",
    "the hague": "GM0518",
    "den bosch": "GM0796",
    "s hertogenbosch": "GM0796",
    "hertogenbosch": "GM0796",
    "bergen nh": "GM0373",
    "bergen noord holland": "GM0373",
    "bergen l": "GM0893",
    "bergen limburg": "GM0893",
    "hengelo o": "GM0164",
    "rijswijk zh": "GM0603",
    "nuenen": "GM0820",
    "sudwest fryslan": "GM1900",
}
#: Fictional municipalities for teaching cases: a name, no code, no figures.
FICTIEF = {"voorbeeldstad": "Voorbeeldstad (fictief)"}


@dataclass(frozen=True)
class Gebied:
    """A municipality or wijk found from a name or code."""

    code: str | None
    naam: str
    fictief: bool = False


def _without_suffix(naam: str) -> str:
    return normalise(re.sub(r"\s*\([^)]*\)\s*$", "", naam))


#: CBS names many wijken "Wijk 30 Holtenbroek"; people say "Holtenbroek".
_WIJKNUMMER = re.compile(r"^(wijk\s*)?\d+\s*[-:.]?\s+")


def _without_number(naam: str) -> str:
    return _WIJKNUMMER.sub("", normalise(naam))


def _suggestions(gezocht: str, kandidaten: list[str]) -> str:
    dichtbij = difflib.get_close_matches(normalise(gezocht), [normalise(k) for k in kandidaten], n=3, cutoff=0.6)
    namen = {normalise(k): k for k in kandidaten}
    if not dichtbij:
        dichtbij = [normalise(k) for k in kandidaten if normalise(gezocht) and normalise(gezocht) in normalise(k)][:3]
    return ", ".join(namen[d] for d in dichtbij)


def find_gemeente(tekst: str) -> Gebied:
    """The municipality meant by ``tekst`` (name, alias or GM code). Raises ValueError with the
    closest names when nothing matches."""
    schoon = tekst.strip()
    if schoon.upper() in gemeenten():
        return Gebied(schoon.upper(), gemeenten()[schoon.upper()])
    sleutel = normalise(schoon)
    if sleutel in FICTIEF:
        return Gebied(None, FICTIEF[sleutel], fictief=True)
    if sleutel in ALIASSEN:
        code = ALIASSEN[sleutel]
        return Gebied(code, gemeenten()[code])
    exact = [c for c, n in gemeenten().items() if normalise(n) == sleutel]
    if len(exact) == 1:
        return Gebied(exact[0], gemeenten()[exact[0]])
    zonder = [c for c, n in gemeenten().items() if _without_suffix(n) == sleutel]
    if len(zonder) == 1:
        return Gebied(zonder[0], gemeenten()[zonder[0]])
    if len(zonder) > 1:
        keuzes = ", ".join(sorted(gemeenten()[c] for c in zonder))
        raise ValueError(f"meerdere gemeenten heten {excerpt(tekst)} || kies: {keuzes}")
    suggestie = _suggestions(schoon, list(gemeenten().values()))
    raise ValueError(
        f"onbekende gemeente {excerpt(tekst)} || "
        + (f"bedoelt u: {suggestie}?" if suggestie else "een gemeentenaam of GM-code")
    )


def find_wijk(tekst: str, gemeente: Gebied) -> Gebied:
    """The wijk meant by ``tekst`` (name or WK code) inside ``gemeente``. Raises ValueError."""
    schoon = tekst.strip()
    if gemeente.fictief or gemeente.code is None:
        return Gebied(None, schoon, fictief=True)
    in_gemeente = {c: n for c, (n, gm) in wijken().items() if gm == gemeente.code}
    if schoon.upper() in wijken():
        code = schoon.upper()
        if code not in in_gemeente:
            naam, gm = wijken()[code]
            raise ValueError(
                f"wijk {code} ({naam}) ligt niet in {gemeente.naam} maar in {gemeenten().get(gm, gm)}"
                f" || een wijk van {gemeente.naam}"
            )
        return Gebied(code, in_gemeente[code])
    sleutel = normalise(schoon)
    exact = [c for c, n in in_gemeente.items() if normalise(n) == sleutel]
    if exact:
        return Gebied(exact[0], in_gemeente[exact[0]])
    zonder_nummer = sorted(c for c, n in in_gemeente.items() if _without_number(n) == _without_number(sleutel))
    if len(zonder_nummer) == 1:
        return Gebied(zonder_nummer[0], in_gemeente[zonder_nummer[0]])
    if len(zonder_nummer) > 1:
        keuzes = ", ".join(f"{in_gemeente[c]} ({c})" for c in zonder_nummer)
        raise ValueError(f"meerdere wijken in {gemeente.naam} heten {excerpt(tekst)} || kies: {keuzes}")
    elders = sorted({gemeenten().get(gm, gm) for c, (n, gm) in wijken().items() if normalise(n) == sleutel})
    if elders:
        raise ValueError(
            f"wijk {excerpt(tekst)} ligt niet in {gemeente.naam} (wel in: {', '.join(elders[:3])})"
            f" || een wijk van {gemeente.naam}"
        )
    suggestie = _suggestions(schoon, list(in_gemeente.values()))
    raise ValueError(
        f"onbekende wijk {excerpt(tekst)} in {gemeente.naam} || "
        + (f"bedoelt u: {suggestie}?" if suggestie else f"een wijknaam of WK-code van {gemeente.naam}")
    )
