"""The legal frame of participation (lessons/wetten/): valid in both languages, honest about dates
and doubt, linked to lessons and actions, in our own words, and in every checklist format."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, assert_one_line_error, run_cli
from toolkit.content.actions import load_actions
from toolkit.content.laws import check_action_references, check_laws, laws_dir, load_laws

WETTEN = laws_dir()
VEREIST = {"omgevingswet", "wgiw", "wcw", "uitdaagrecht", "landelijke-hulp"}
#: Official names of acts and decrees: naming them is not copying a source.
WETSNAMEN = (
    "Wet gemeentelijke instrumenten warmtetransitie",
    "Besluit gemeentelijke instrumenten warmtetransitie",
    "Wet versterking participatie op decentraal niveau",
    "Wet collectieve warmte",
    "Nationaal Warmtefonds",
)


def test_every_rule_file_is_valid_in_both_languages() -> None:
    regelingen, problemen = check_laws()
    assert problemen == []
    per_taal = {taal: {r.id for r in regelingen if r.taal == taal} for taal in ("nl", "en")}
    assert per_taal["nl"] == per_taal["en"] and VEREIST <= per_taal["nl"]
    for r in regelingen:
        assert r.stand_van_zaken.isoformat() == "2026-12-02", r.id  # the date the sources were checked
        assert r.bronnen and all(b.url.startswith(("http://", "https://")) for b in r.bronnen)


def test_a_date_that_could_not_be_confirmed_is_marked_uncertain() -> None:
    wgiw = {r.taal: r for r in check_laws()[0] if r.id == "wgiw"}
    for r in wgiw.values():
        assert r.in_werking_sinds is None and r.status != "in_werking"
        assert any("inwerkingtreding" in o.punt.lower() or "entry into force" in o.punt.lower() for o in r.onzeker)
    lesson_7 = next(ROOT.glob("lessons/07-*.nl.md")).read_text(encoding="utf-8")
    assert "naar verwachting in op 1 januari 2026" not in lesson_7
    assert "Bgiw" in lesson_7 and "warmtegemeenschap" in lesson_7  # the Bgiw rule and the Wcw route


def test_every_action_that_cites_a_rule_set_names_an_existing_one() -> None:
    acties = load_actions()
    ids = {r.id for r in load_laws("nl")}
    assert check_action_references(acties, ids, "lessons/acties") == []
    citerend = [a for a in acties if a.wettelijk_kader]
    assert len(citerend) >= 8
    assert {k for a in citerend for k in a.wettelijk_kader} >= {"wgiw", "wcw", "omgevingswet", "uitdaagrecht"}
    kapot = [citerend[0].model_copy(update={"wettelijk_kader": ["wgiv"]})]
    (probleem,) = check_action_references(kapot, ids, "les-7.yaml")
    assert str(probleem).startswith(f"les-7.yaml: {citerend[0].id}: wettelijk_kader: onbekende regeling 'wgiv'")


def test_new_profile_fields_say_what_applies() -> None:
    from toolkit.content.profile import parse_profile

    p = parse_profile({"gemeente": "Ede", "warmteprogramma": "in voorbereiding", "aanwijzing_voorzien": "Ja",
                       "warmtebedrijf": "warmtegemeenschap"})  # fmt: skip
    assert (p.warmteprogramma, p.aanwijzing_voorzien, p.warmtebedrijf) == (
        "in_voorbereiding",
        "ja",
        "warmtegemeenschap",
    )
    res = run_cli("checklist", "--gemeente", "Ede", "--warmtebedrijf", "coöperatie", "--formats", "json")
    assert_one_line_error(res, "warmtebedrijf", "publiek", "warmtegemeenschap", "particulier")


def test_a_foreseen_designation_without_a_logbook_gets_the_bgiw_action_first_in_every_format(tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    res = run_cli("checklist", "--gemeente", "Zwolle", "--wijk", "Wijk 13 Assendorp", "--aanwijzing-voorzien",
                  "ja", "--logboek-bijgehouden", "nee", "--formats", "html,md,docx,xlsx,json", "--out",
                  str(tmp_path))  # fmt: skip
    assert res.returncode == 0, res.stderr
    (map_,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    data = json.loads((map_ / "checklist.json").read_text(encoding="utf-8"))
    actie = next(a for a in data["acties"] if a["id"] == "L7-15")
    assert actie["prioriteit"] == "hoog"
    assert "Bgiw" in actie["waarom"] and "participatie" in actie["waarom"]  # the reason, in words
    assert "aanwijzing voorzien: ja" in "; ".join(actie["aanleiding"])
    wetten = {w["id"]: w for w in actie["wettelijk_kader"]}
    assert set(wetten) == {"wgiw", "omgevingswet"}  # the Wgiw's condition and the Omgevingswet's procedure
    wet = wetten["wgiw"]
    assert "stand van zaken: 2026-12-02" in wet["status_tekst"]
    kader = f"Wettelijk kader: {wet['titel']}"
    html = (map_ / "checklist.html").read_text(encoding="utf-8")
    assert kader in html.replace("&amp;", "&") and "Bgiw" in html
    assert kader in (map_ / "checklist.md").read_text(encoding="utf-8")
    woord = "\n".join(c.text for t in Document(str(map_ / "checklist.docx")).tables for r in t.rows for c in r.cells)
    assert kader in woord and actie["tekst"] in woord
    blad = load_workbook(map_ / "actieregister.xlsx")["Acties"]
    kop = [c.value for c in blad[1]]
    rij = next(r for r in blad.iter_rows(min_row=2, values_only=True) if r[0] == "L7-15")
    assert rij[kop.index("Prioriteit")] == "hoog" and wet["titel"] in rij[kop.index("Wettelijk kader")]
    uitleg = run_cli("checklist", "--gemeente", "Zwolle", "--aanwijzing-voorzien", "ja", "--logboek-bijgehouden",
                     "nee", "--uitleg")  # fmt: skip
    assert "+ L7-15 [hoog]" in uitleg.stdout and "(wgiw; " in uitleg.stdout  # --uitleg names the rule set


def test_without_a_foreseen_designation_the_action_is_left_out() -> None:
    from toolkit.domain.checklist import build

    ids = {a["id"] for a in build({"gemeente": "Zwolle", "aanwijzing_voorzien": "nee"})["acties"]}
    assert "L7-15" not in ids
    hoog = {a["id"]: a["prioriteit"] for a in build({"gemeente": "Zwolle", "aanwijzing_voorzien": "ja",
                                                      "logboek": "ja"})["acties"]}  # fmt: skip
    assert hoog["L7-15"] == "midden"  # a logbook is kept: still on the list, not first


def test_the_site_shows_the_state_of_affairs_and_links_lessons_to_rules() -> None:
    from toolkit.site.pages import site_pages

    for taal, stand in (("nl", "Stand van zaken: 2026-12-02"), ("en", "State of affairs: 2026-12-02")):
        paginas = site_pages(taal)
        wgiw = str(paginas["wetten/wgiw.md"])
        assert stand in wgiw and "https://" in wgiw
        assert ("Wat niet vaststaat" if taal == "nl" else "What is not certain") in wgiw
        assert "../acties/l7-15.md" in wgiw and "../lessen/les-7.md" in wgiw
        for les in (1, 2, 6, 7):
            assert "../wetten/" in str(paginas[f"lessen/les-{les}.md"]), (taal, les)
        assert "../wetten/wgiw.md" in str(paginas["acties/l7-15.md"])
        assert all(f"{r.id}.md" in str(paginas["wetten/index.md"]) for r in load_laws(taal))


def test_rule_texts_are_in_our_own_words() -> None:
    from toolkit.base.own_words import shared_runs

    bron = set((FIXTURES / "bron_vingerafdrukken.txt").read_text().split())
    # hashes of the source passages read for lessons/wetten/ (the sources' text itself is not shipped)
    wetten_bron = set((FIXTURES / "wetten_bron_vingerafdrukken.txt").read_text().split())
    assert len(wetten_bron) > 2000
    bron |= wetten_bron

    def zonder_namen(tekst: str) -> str:  # quoting the name of an act is naming it, not copying
        for naam in WETSNAMEN:
            tekst = re.sub(re.escape(naam), " ", tekst, flags=re.IGNORECASE)
        return tekst

    teksten = [(f"{r.id}.{r.taal}", veld) for r in check_laws()[0] for veld in (
        r.titel, r.wat_het_vraagt, r.van_wie, r.betekenis_voor_participatie, r.tekst,
        *(o.wat_bronnen_zeggen for o in r.onzeker))]  # fmt: skip
    teksten += [(a.id, x) for a in load_actions() if a.wettelijk_kader for x in (a.tekst.nl, a.waarom.nl)]
    for waar, tekst in teksten:
        assert shared_runs(zonder_namen(tekst), bron) == [], (waar, shared_runs(zonder_namen(tekst), bron))
    # and the check does find a copied sentence
    assert shared_runs("Zo moet de gemeente rekening houden met de betaalbaarheid van de aanpak", bron)


# --- bad input ------------------------------------------------------------------------------------


def _project_with(tmp_path: Path, naam: str, vervang: tuple[str, str]) -> Path:
    """A copy of the lessons folder's rules and actions with one rule file changed."""
    shutil.copytree(ROOT / "lessons/acties", tmp_path / "lessons/acties")
    (tmp_path / "lessons/wetten").mkdir(parents=True)
    tekst = (WETTEN / naam).read_text(encoding="utf-8")
    assert vervang[0] in tekst
    doel = tmp_path / "lessons/wetten" / naam
    doel.write_text(tekst.replace(vervang[0], vervang[1], 1), encoding="utf-8")
    return doel


@pytest.mark.parametrize(
    ("vervang", "fragmenten"),
    [
        (("status_datum: 2024-12-10\n", ""), ("status_datum", "ontbreekt")),
        (("lessen: [1, 2, 3, 6, 7]", "lessen: [1, 9]"), ("lessen", "onbekende les 9", "1 t/m 7")),
        (("acties: [L7-09,", "acties: [L7-90,"), ("acties", "onbekende actie 'L7-90'", "bedoelt u")),
        (("    url: https://www.raadvanstate.nl/adviezen/@132132/w04-22-0128\n", ""), ("bronnen", "url")),
        (("status: aangenomen", "status: misschien"), ("status", "in_werking", "onzeker")),
    ],
)
def test_a_broken_rule_file_is_one_line_from_valideer(
    tmp_path: Path, vervang: tuple[str, str], fragmenten: tuple[str, ...]
) -> None:
    doel = _project_with(tmp_path, "wgiw.nl.md", vervang)
    res = run_cli("valideer", str(doel))
    assert res.returncode == 1
    regels = [r for r in res.stdout.splitlines() if r.strip()]
    assert len(regels) == 1, res.stdout
    assert regels[0].startswith(str(doel)) or regels[0].startswith(str(doel.relative_to(tmp_path))), regels[0]
    for fragment in fragmenten:
        assert fragment in regels[0], regels[0]
    assert "Traceback" not in res.stderr


def test_the_two_languages_must_agree(tmp_path: Path) -> None:
    doel = _project_with(tmp_path, "wgiw.en.md", ("status_datum: 2024-12-10", "status_datum: 2024-12-11"))
    shutil.copy(WETTEN / "wgiw.nl.md", doel.parent / "wgiw.nl.md")
    res = run_cli("valideer", str(doel.parent))
    assert res.returncode == 1
    assert "wgiw.en.md: status_datum: anders dan in het Nederlands (gelijk aan wgiw.nl.md: 2024-12-10)" in res.stdout
    (doel.parent / "wgiw.nl.md").unlink()
    res = run_cli("valideer", str(doel.parent))
    assert "wgiw.nl.md ontbreekt" in res.stdout
