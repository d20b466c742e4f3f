"""Fuzzing (Hypothesis) the readers of users' files: a profile, a case table, an action register and
a logbook import. Whatever the input, the reader gives a result or a :class:`UserError` (a
:class:`ContentError` is one), never another exception, and within a few seconds. The budget is
fixed (``max_examples``) and the examples are derived from the test (``derandomize``), so a run
takes the same time and finds the same things every time.
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.base import UserError, load_yaml
from toolkit.content import parse_profile
from toolkit.content.case_tables import TABELLEN, read_table
from toolkit.domain import read_register
from toolkit.domain.checklist import build
from toolkit.domain.logbook import connect
from toolkit.domain.logbook_io import import_file
from toolkit.render import render

BUDGET = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SECONDEN = 10


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as map_:
        yield Path(map_)


def _bounded(functie: Callable[[], Any]) -> None:
    """``functie`` ends in a result or a UserError, within :data:`SECONDEN`."""
    start = time.monotonic()
    try:
        functie()
    except UserError as fout:
        assert "\n" not in str(fout) and len(str(fout)) <= 1000
    assert time.monotonic() - start < SECONDEN


# --- profiles -----------------------------------------------------------------------------------

_TEKENS = st.characters(codec="utf-8", exclude_categories=("Cs",))
_SCALAIR = st.none() | st.booleans() | st.integers() | st.floats() | st.text(_TEKENS, max_size=30)
_VELDEN = st.sampled_from(
    ["gemeente", "wijk", "fase", "groepen", "aanspreekpunt", "werkzaamheden", "eigendom", "capaciteit_fte",
     "notities", "warmteoplossing", "naam", "soort", "actief", "koop", "x"]
)  # fmt: skip
_WAARDE = st.recursive(_SCALAIR, lambda kind: st.lists(kind, max_size=4) | st.dictionaries(_VELDEN, kind, max_size=4),
                       max_leaves=20)  # fmt: skip
_YAML_STUKJES = st.sampled_from(
    ["gemeente: ", "Wageningen", "\n", "- ", "  ", "&a ", "*a", ": ", "{", "}", "[", "]", ",", "'", '"', "!!",
     "groepen:\n", "  - naam: x\n", "<<: ", "\t", "\x0b", "#", "? ", "|\n", "1e999", "~", "%YAML 1.1\n", "---\n"]
)  # fmt: skip


@BUDGET
@given(st.dictionaries(_VELDEN, _WAARDE, max_size=6))
def test_any_profile_structure_is_a_profile_or_one_line(data: dict[str, Any]) -> None:
    _bounded(lambda: parse_profile(data, "profiel.yaml"))


@BUDGET
@given(st.lists(_YAML_STUKJES | st.text(_TEKENS, max_size=10), max_size=40).map("".join))
def test_any_profile_text_is_a_profile_or_one_line(tekst: str) -> None:
    def lees() -> None:
        data, problemen = load_yaml(tekst, "profiel.yaml")
        if problemen:
            raise UserError(problemen[0])
        parse_profile(data, "profiel.yaml")

    _bounded(lees)


# --- case tables --------------------------------------------------------------------------------

_CSV_STUKJES = st.sampled_from(
    ["id,datum,gebeurtenis", "id;datum;gebeurtenis", "\n", "\r\n", ",", ";", '"', '""', "2020", "2020-13-45", "a",
     "# opmerking", "\x00", "\ufeff", "L4-03", "ja", "https://", " "]
)  # fmt: skip


@BUDGET
@given(st.sampled_from(sorted(TABELLEN)), st.lists(_CSV_STUKJES | st.text(_TEKENS, max_size=8), max_size=60))
def test_any_case_table_gives_rows_and_problems(tabel: str, stukjes: list[str]) -> None:
    with _folder() as map_:
        pad = map_ / f"{tabel}.csv"
        pad.write_bytes("".join(stukjes).encode("utf-8", "surrogatepass"))
        start = time.monotonic()
        rijen, problemen = read_table(pad, tabel)  # never raises: every problem is reported
        assert time.monotonic() - start < SECONDEN
        assert all(len(str(p)) <= 1000 for p in problemen)


@BUDGET
@given(st.binary(max_size=2000))
def test_any_bytes_as_a_case_table_give_problems_not_a_crash(inhoud: bytes) -> None:
    with _folder() as map_:
        pad = map_ / "bronnen.csv"
        pad.write_bytes(inhoud)
        read_table(pad, "bronnen")


# --- action registers ---------------------------------------------------------------------------

_REGISTERS = {
    soort: render("checklist", soort, build({"gemeente": "Wageningen"}, "nl"), "nl") for soort in ("xlsx", "ods")
}


def _parts(soort: str) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(_REGISTERS[soort])) as z:
        return {n: z.read(n) for n in z.namelist()}


@BUDGET
@given(st.sampled_from(["xlsx", "ods"]), st.data())
def test_any_changed_register_is_read_or_refused_in_one_line(soort: str, data: st.DataObject) -> None:
    delen = _parts(soort)
    naam = data.draw(st.sampled_from(sorted(delen)))
    inhoud = bytearray(delen[naam])
    for _ in range(data.draw(st.integers(1, 8))):  # change, cut or grow the part at random places
        plek = data.draw(st.integers(0, max(len(inhoud) - 1, 0)))
        actie = data.draw(st.sampled_from(["byte", "knip", "herhaal"]))
        if actie == "byte" and inhoud:
            inhoud[plek] = data.draw(st.integers(0, 255))
        elif actie == "knip":
            del inhoud[plek : plek + data.draw(st.integers(1, 200))]
        else:
            inhoud[plek:plek] = inhoud[plek : plek + 50] * data.draw(st.integers(1, 50))
    delen[naam] = bytes(inhoud)
    with _folder() as map_:
        pad = map_ / f"actieregister.{soort}"
        with zipfile.ZipFile(pad, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in delen.items():
                z.writestr(n, b)
        _bounded(lambda: read_register(pad))


@BUDGET
@given(st.sampled_from(["xlsx", "ods"]), st.binary(max_size=3000))
def test_any_bytes_as_a_register_are_refused_in_one_line(soort: str, inhoud: bytes) -> None:
    with _folder() as map_:
        pad = map_ / f"actieregister.{soort}"
        pad.write_bytes(inhoud)
        _bounded(lambda: read_register(pad))


# --- logbook imports ----------------------------------------------------------------------------

_LOGBOEK_STUKJES = st.sampled_from(
    ["datum,partijen,onderwerp", "datum,besluit,besloten_door,trede", "naam,type", "\n", ",", '"', "2026-01-01",
     "2026-02-30", "Buurtvereniging", "raadplegen", "=1+1", "\x0b", ";", "ja", "gesprek_id", "besluit_id"]
)  # fmt: skip


@BUDGET
@given(st.lists(_LOGBOEK_STUKJES | st.text(_TEKENS, max_size=8), max_size=60))
def test_any_logbook_import_is_imported_or_refused_in_one_line(stukjes: list[str]) -> None:
    with _folder() as map_:
        pad = map_ / "import.csv"
        pad.write_text("".join(stukjes), encoding="utf-8")
        db: sqlite3.Connection = connect(map_ / "logboek.sqlite")
        try:
            _bounded(lambda: import_file(db, pad, maak_partijen=True))
        finally:
            db.close()
