"""Nothing twice (issue 19): no two actions in a checklist say the same thing in much the same
words; actions that did were merged, and a register saved with an old id still works."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import load_workbook

from tests.conftest import ROOT, run_cli
from toolkit.content import kennisbank
from toolkit.content.actions import check_merged_ids
from toolkit.domain import build, read_register
from toolkit.domain.progress import map_merged_ids

from .test_priorities import LANGSTE, _wijkprofielen

#: Above this, two action texts in one checklist share too much wording. Measured with
#: :func:`similarity` on the actions as they were before the merge (December 2026): the highest pair
#: was a real duplicate (L4-17 "regel budget om bewoners te betalen" / L4-18 "zoek uit of er budget
#: is om bewoners te betalen": 0.49). After the merge the highest pair in any checklist is two
#: steps of one process (L7-01 "maak een lijst van drempels" / L7-13 "meld de drempels die u niet
#: kunt oplossen": about 0.35). The threshold lies between the two. Lexical similarity catches the
#: same action written twice with shared words; a paraphrase with other words is found by reading,
#: as the merge list in ``lessons/acties/samengevoegd.yaml`` was.
DREMPEL = 0.42

_STOP = set("""de het een en van in op met voor aan te is zijn dat die dit deze wat wie ook als bij naar over of om
door niet nog al er u uw zij hun hen ze we wij je hoe welke waar dan tot zo kan kunnen moet moeten wordt worden elke
elk eigen meer veel samen daar daarna vooral zodat want maar omdat heeft hebben zich wel geen""".split())  # fmt: skip


def _words(tekst: str) -> list[str]:
    """Content words, with a light Dutch suffix strip (bewoners -> bewoner, afspraken -> afsprak)."""
    woorden = re.findall(r"[a-zà-ÿ]+", re.sub(r"\{[^}]*\}", " ", tekst.lower()))
    uit = []
    for w in woorden:
        if len(w) <= 3 or w in _STOP:
            continue
        for staart in ("heden", "ingen", "eren", "en", "es", "s", "e"):
            if w.endswith(staart) and len(w) - len(staart) >= 4:
                w = w[: -len(staart)]
                break
        uit.append(w)
    return uit


def similarity(teksten: dict[str, str]) -> list[tuple[float, str, str]]:
    """TF-IDF cosine of every pair of texts (weights from these texts), highest first."""
    woorden = {k: _words(v) for k, v in teksten.items()}
    df = Counter(w for ws in woorden.values() for w in set(ws))
    n = len(teksten)
    vec = {k: {w: c * math.log(n / df[w]) for w, c in Counter(ws).items()} for k, ws in woorden.items()}

    def cos(x: dict[str, float], y: dict[str, float]) -> float:
        teller = sum(v * y.get(w, 0.0) for w, v in x.items())
        noemer = math.sqrt(sum(v * v for v in x.values()) * sum(v * v for v in y.values()))
        return teller / noemer if noemer else 0.0

    return sorted(((cos(vec[a], vec[b]), a, b) for a, b in combinations(vec, 2)), reverse=True)


def _checklist_texts(profiel: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: a["tekst"] for a in build(profiel, "nl")["acties"]}


PROFIELEN = [{"gemeente": "Emmen"}, LANGSTE, *_wijkprofielen(40, zaad=19)]


@pytest.mark.parametrize("profiel", PROFIELEN, ids=lambda p: str(len(p)))
def test_no_two_actions_in_a_checklist_share_their_wording(profiel: dict[str, Any]) -> None:
    hoogste = similarity(_checklist_texts(profiel))[0]
    assert hoogste[0] <= DREMPEL, hoogste


def test_the_check_finds_an_action_written_twice() -> None:
    """The measure is not blind: put the old "find out the budget" action (merged into L4-17) back
    next to L4-17 and the pair is above the threshold."""
    teksten = _checklist_texts({**LANGSTE, "vergoeding_budget": "nee"})
    teksten["L4-18"] = ("Zoek uit of {gemeente} budget heeft om initiatieven en bewoners te betalen voor "
                        "participatiewerk. Vraag ook wie daarover beslist.")  # fmt: skip
    hoogste = similarity(teksten)[0]
    assert hoogste[0] > DREMPEL and {hoogste[1], hoogste[2]} == {"L4-17", "L4-18"}, hoogste


def test_the_merge_list_is_sound() -> None:
    kb = kennisbank()
    samengevoegd = kb.samengevoegd
    ids = {a.id for a in kb.actions}
    assert len(samengevoegd) >= 40
    assert not set(samengevoegd) & ids  # an old id never comes back
    assert set(samengevoegd.values()) <= ids  # and points at an action that exists
    # every case and law file uses the current ids
    for pad in [*ROOT.glob("cases/*/bewijs.csv"), *ROOT.glob("lessons/wetten/*.md")]:
        oud = set(re.findall(r"L\d-\d{2}", pad.read_text(encoding="utf-8"))) & set(samengevoegd)
        assert not oud, (pad, oud)


def test_a_broken_merge_list_is_named_in_one_line(tmp_path: Path) -> None:
    map_ = tmp_path / "acties"
    map_.mkdir()
    for pad in (ROOT / "lessons" / "acties").glob("les-*.yaml"):
        (map_ / pad.name).write_text(pad.read_text(encoding="utf-8"), encoding="utf-8")
    (map_ / "samengevoegd.yaml").write_text("L4-03: L4-04\nL1-02: L9-99\n", encoding="utf-8")
    acties = kennisbank().actions
    _, problemen = check_merged_ids(map_, acties)
    tekst = [str(p) for p in problemen]
    assert any("L4-03" in p and "is nog een actie" in p for p in tekst), tekst
    assert any("L1-02" in p and "onbekende actie L9-99" in p for p in tekst), tekst


def test_old_ids_count_for_the_action_they_went_into() -> None:
    register = {
        "L1-02": {"status": "gedaan", "deadline": "2026-05-01", "opmerkingen": "2 fte geregeld"},
        "L5-12": {"status": "bezig", "deadline": "2026-03-01", "opmerkingen": ""},
        "L4-03": {"status": "gedaan", "deadline": None, "opmerkingen": ""},
    }
    uit = map_merged_ids(register, kennisbank().samengevoegd)
    assert set(uit) == {"L5-03", "L4-03"}
    assert uit["L5-03"] == {"status": "bezig", "deadline": "2026-03-01", "opmerkingen": "2 fte geregeld",
                            "voorheen": ["L1-02", "L5-12"]}  # fmt: skip
    assert uit["L4-03"] == register["L4-03"]  # an id that still exists is left alone


@pytest.mark.parametrize("taal,notitie", [("nl", "(Voorheen L6-11: samengevoegd met deze actie.)"),
                                          ("en", "(Formerly L6-11: merged into this action.)")])  # fmt: skip
def test_a_register_saved_before_the_merge_still_works(tmp_path: Path, taal: str, notitie: str) -> None:
    """A team saved its register with version 0.2 ids: the row of L6-11 (regular meeting with the
    initiative, now part of L4-03) is "gedaan". The new checklist counts it for L4-03 and says so."""
    eerste = run_cli("checklist", "--out", str(tmp_path / "a"), "--formats", "xlsx", "--lang", taal)
    assert eerste.returncode == 0, eerste.stderr
    register = next((tmp_path / "a").glob("*/actieregister.xlsx"))
    boek = load_workbook(register)
    blad = boek["Acties"]
    rij = next(r for r in blad.iter_rows(min_row=2) if r[0].value == "L4-03")
    rij[0].value, rij[6].value, rij[8].value = "L6-11", "gedaan", "kernteam elke 6 weken"
    boek.save(register)
    assert "L6-11" in read_register(register) or "L4-03" in read_register(register)

    tweede = run_cli("checklist", "--voortgang", str(register), "--out", str(tmp_path / "b"), "--formats",
                     "json,xlsx", "--lang", taal)  # fmt: skip
    assert tweede.returncode == 0, tweede.stderr
    data = json.loads(next((tmp_path / "b").glob("*/checklist.json")).read_text(encoding="utf-8"))
    actie = next(a for a in data["acties"] if a["id"] == "L4-03")
    assert actie["voortgang"]["status"] == "gedaan" and actie["voortgang"]["voorheen"] == ["L6-11"]
    assert actie["voortgang"]["opmerkingen"] == f"{notitie} kernteam elke 6 weken"
    nieuw = load_workbook(next((tmp_path / "b").glob("*/actieregister.xlsx")))["Acties"]
    rijen = {r[0]: r for r in nieuw.iter_rows(min_row=2, values_only=True)}
    assert "L6-11" not in rijen and rijen["L4-03"][6] == "gedaan" and notitie in rijen["L4-03"][8]


def test_an_old_id_in_a_case_says_which_action_to_use(tmp_path: Path) -> None:
    casus = tmp_path / "cases" / "wageningen-benedenbuurt"
    casus.parent.mkdir()
    bron = ROOT / "cases" / "wageningen-benedenbuurt"
    casus.mkdir()
    for pad in bron.iterdir():
        if pad.is_file():
            (casus / pad.name).write_text(pad.read_text(encoding="utf-8"), encoding="utf-8")
    bewijs = casus / "bewijs.csv"
    tekst = bewijs.read_text(encoding="utf-8")
    eerste = re.search(r",(L\d-\d{2})(?=[;\n])", tekst)
    assert eerste is not None
    bewijs.write_text(tekst[: eerste.start(1)] + "L1-02" + tekst[eerste.end(1) :], encoding="utf-8")
    res = run_cli("valideer", str(casus))
    assert res.returncode != 0 and "Traceback" not in res.stderr, res.stderr
    (regel,) = [r for r in res.stdout.splitlines() if "L1-02" in r]
    assert "bewijs.csv" in regel and "onbekende actie 'L1-02'" in regel and "samengevoegd met L5-03" in regel


def test_merged_ids_are_listed_for_editors() -> None:
    data = yaml.safe_load((ROOT / "lessons" / "acties" / "samengevoegd.yaml").read_text(encoding="utf-8"))
    assert data == kennisbank().samengevoegd
