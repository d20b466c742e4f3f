"""Action files: the shipped ones validate; each kind of mistake in a rule or field is reported."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES
from toolkit.content.actions import check_actions, read_actions_file
from toolkit.content.validation import validate

FIXTURE = FIXTURES / "acties/les-4.yaml"


def test_shipped_actions_validate() -> None:
    acties, problemen = check_actions()
    assert [str(p) for p in problemen] == []
    assert len({a.id for a in acties}) == len(acties)


def test_each_mistake_is_reported_with_action_and_field() -> None:
    _, problemen = read_actions_file(FIXTURE)
    regels = [str(p) for p in problemen]

    def heeft(*delen: str) -> bool:
        return any(all(d in r for d in delen) for r in regels)

    assert heeft("L4-01: geldt_als.veld", "onbekend veld 'kleur'", "toegestaan: fase")
    assert heeft("L4-02: tekst.nl", "onbekende invuller {buurman}", "{gemeente}")
    assert heeft("L4-02: prioriteit", "laatste regel heeft een 'als'")
    assert heeft("L4-03.eigenaar", "ongeldige waarde 'burgemeester'", "gemeente, initiatief, samen")
    # evidence lives with the cases now (bewijs.csv, column acties): an old link says where it went
    assert heeft("L4-04: bewijs", "bewijs staat nu bij de casus", "kolom acties van cases/<casus>/bewijs.csv")
    assert heeft("L5-05.prioriteit[1].dan", "ongeldige waarde 'urgent'")
    assert all(
        r.startswith(str(FIXTURE.relative_to(Path.cwd())) if FIXTURE.is_relative_to(Path.cwd()) else str(FIXTURE))
        for r in regels
    )


def test_valideer_finds_action_problems() -> None:
    assert validate([FIXTURE])
    assert validate([FIXTURE.parent])


def test_action_texts_are_in_our_own_words() -> None:
    from toolkit.base.own_words import shared_runs
    from toolkit.content.actions import load_actions

    bron = set((FIXTURES / "bron_vingerafdrukken.txt").read_text().split())
    for actie in load_actions():
        for tekst in (actie.tekst.nl, actie.tekst.en, actie.waarom.nl, actie.waarom.en):
            assert shared_runs(tekst, bron) == [], (actie.id, tekst)
