"""What the site is made of, checked without building it: the glossary and phase files (validated
like all content), the guide pages, and the pages the toolkit writes from the content."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, PRIVEPERSONEN, ROOT, assert_one_line_error, run_cli
from toolkit.base.own_words import shared_runs
from toolkit.content.actions import load_actions
from toolkit.content.glossary import check_glossary, load_glossary
from toolkit.content.phases import WAARDEN, check_phases, load_phases
from toolkit.content.validation import validate
from toolkit.content.vocabularies import TALEN
from toolkit.site.build import parse_languages
from toolkit.site.pages import rule_in_words, short_title, site_pages

GIDSEN = sorted((ROOT / "docs").glob("*/*.md"))


@pytest.fixture(scope="module")
def paginas() -> dict[str, dict[str, str | bytes]]:
    return {taal: site_pages(taal) for taal in TALEN}


def _tekst(pagina: str | bytes) -> str:
    return pagina if isinstance(pagina, str) else ""


# --- the glossary and the phase vocabularies ------------------------------------------------------


def test_glossary_and_phases_are_valid_and_every_tag_value_is_explained() -> None:
    begrippen, problemen = check_glossary()
    assert problemen == [] and len(begrippen) >= 25
    ids = {b.id for b in begrippen}
    assert all(z in ids for b in begrippen for z in b.zie_ook)
    indelingen, problemen = check_phases()
    assert problemen == []
    for vocab, waarden in WAARDEN.items():
        assert [f.waarde for f in indelingen[vocab].fasen] == list(waarden)


def _broken(tmp_path: Path, naam: str, oud: str, nieuw: str) -> Path:
    pad = tmp_path / naam
    tekst = (ROOT / "lessons" / naam).read_text(encoding="utf-8")
    assert oud in tekst
    pad.write_text(tekst.replace(oud, nieuw, 1), encoding="utf-8")
    return pad


def test_a_broken_glossary_gets_one_line_per_problem(tmp_path: Path) -> None:
    pad = _broken(tmp_path, "begrippen.yaml", "- id: aardgasvrij\n", "- id: Aardgas vrij\n")
    regels = [str(p) for p in validate([pad])]
    assert any("Aardgas vrij" in r and "kleine letters, cijfers en streepjes" in r for r in regels), regels
    # the entries that pointed to it now point to nothing
    assert any("zie_ook: onbekend begrip 'aardgasvrij'" in r for r in regels), regels
    assert all(r.startswith(str(pad)) for r in regels)


def test_a_phase_value_that_is_not_a_tag_is_refused(tmp_path: Path) -> None:
    pad = _broken(tmp_path, "fasen.yaml", "waarde: bewustwording", "waarde: bewust")
    regels = [str(p) for p in validate([pad])]
    assert f"{pad}: tno: fasen: onbekende waarde 'bewust' ({', '.join(WAARDEN['tno'])})" in regels
    assert f"{pad}: tno: fasen: waarde 'bewustwording' ontbreekt (leg elke waarde uit)" in regels


def test_glossary_phases_and_guides_are_in_our_own_words_and_name_no_private_persons() -> None:
    bron = set((FIXTURES / "bron_vingerafdrukken.txt").read_text().split())
    teksten = [(f"begrip {b.id}", getattr(b, veld).in_language(taal)) for b in load_glossary()
               for veld in ("term", "uitleg") for taal in TALEN]  # fmt: skip
    for vocab, indeling in load_phases().items():
        teksten += [(vocab, indeling.uitleg.in_language(taal)) for taal in TALEN]
        teksten += [(f.waarde, f.uitleg.in_language(taal)) for f in indeling.fasen for taal in TALEN]
    teksten += [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8")) for p in GIDSEN]
    assert len(GIDSEN) == 18  # nine guides, in both languages
    for waar, tekst in teksten:
        assert shared_runs(tekst, bron) == [], waar
        for naam in PRIVEPERSONEN:
            assert naam.lower() not in tekst.lower(), (waar, naam)


# --- the pages the toolkit writes for Sphinx ------------------------------------------------------


def test_both_languages_have_the_same_pages(paginas: dict[str, dict[str, str | bytes]]) -> None:
    """The language switch goes to the same page name in the other language: it must exist."""
    assert {n for n in paginas["nl"] if n.endswith(".md")} == {n for n in paginas["en"] if n.endswith(".md")}


def test_every_lesson_case_action_and_tag_has_its_page(paginas: dict[str, dict[str, str | bytes]]) -> None:
    from toolkit.content.cases import load_cases
    from toolkit.content.catalog import lesson_numbers

    namen = set(paginas["nl"])
    assert {f"lessen/les-{n}.md" for n in lesson_numbers()} <= namen
    assert {f"casussen/{c.id}.md" for c in load_cases()} <= namen
    assert {f"acties/{a.id.lower()}.md" for a in load_actions()} <= namen
    assert {f"fasen/{v}/{w}.md" for v, ws in WAARDEN.items() for w in ws} <= namen
    assert {"index.md", "bewijs.md", "begrippen.md", "bronnen.md", "fasen/index.md"} <= namen
    assert {f"gids/{p.stem}.md" for p in GIDSEN} <= namen


def test_an_action_page_states_its_rule_in_words(paginas: dict[str, dict[str, str | bytes]]) -> None:
    acties = {a.id: a for a in load_actions()}
    regels = rule_in_words(acties["L4-03"], "nl")
    assert regels == [
        "Staat in elke checklist.",
        "Hoog als u geen vast aanspreekpunt voor de wijk hebt of u niet weet of er een vast aanspreekpunt is."
        " Anders laag.",
        "In elke fase.",
    ]
    pagina = _tekst(paginas["nl"]["acties/l4-03.md"])
    assert all(r in pagina for r in regels)
    assert "[4. " in pagina and "(../lessen/les-4.md)" in pagina  # its lesson, linked
    assert rule_in_words(acties["L7-08"], "en")[0] == "Included when the heat solution is: heat network or still open."


def test_every_rule_reads_as_sentences_without_field_names() -> None:
    """An officer reads "Hoog als u geen vast aanspreekpunt hebt", not "aanspreekpunt is nee": every
    condition of every action has its own phrase in both languages (no fallback to field names)."""
    from toolkit.base import texts
    from toolkit.content import condition_sentence

    veldnamen = {k.removeprefix("veld."): v for k, v in texts("nl").items() if k.startswith("veld.")}
    for actie in load_actions():
        voorwaarden = [actie.geldt_als] if actie.geldt_als else []
        voorwaarden += [r.als for r in actie.prioriteit if r.als is not None]
        for voorwaarde in voorwaarden:
            for taal in TALEN:
                zin = condition_sentence(voorwaarde, taal, streng=True)  # KeyError: a test without a phrase
                assert not any(f"{veld} is " in zin or f"{veld}: " in zin for veld in veldnamen), (actie.id, zin)
                assert "_" not in zin and "onbekend" not in zin, (actie.id, zin)
        for taal in TALEN:
            assert all(r.endswith(".") and r[0].isupper() for r in rule_in_words(actie, taal)), actie.id


def test_pages_speak_of_no_municipality_in_particular(paginas: dict[str, dict[str, str | bytes]]) -> None:
    """Action texts hold ``{wijk}``, ``{gemeente}`` … for a checklist; the site says "de wijk"."""
    for taal in TALEN:
        for naam, pagina in paginas[taal].items():
            if naam.endswith(".md"):
                assert "{wijk}" not in _tekst(pagina) and "{gemeente}" not in _tekst(pagina), naam
    assert "in de wijk" in _tekst(paginas["nl"]["acties/l4-01.md"])


def test_short_titles_cut_at_the_first_clause_or_a_word() -> None:
    assert (
        short_title("Breng in kaart welke groepen actief zijn, ook kleine.")
        == "Breng in kaart welke groepen actief zijn"
    )
    lang = "Leg in de planning van de TVW en van elk uitvoeringsplan vast wanneer en hoe bewoners meedoen"
    assert short_title(lang).endswith(" …") and len(short_title(lang)) <= 72
    assert short_title("Vraag de VvE. Daarna de rest.") == "Vraag de VvE"
    assert short_title("Nodig groepen uit, bijv. de wijkraad.") == "Nodig groepen uit"
    assert (
        short_title("Kies partners (bijv. de VvE of de school) en start.")
        == "Kies partners (bijv. de VvE of de school) en start"
    )


def test_the_matrix_leaves_out_concept_cases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    for naam in ("lessons", "cases", "data"):
        shutil.copytree(ROOT / naam, tmp_path / naam)
    casus = tmp_path / "cases" / "wageningen-benedenbuurt" / "casus.yaml"
    casus.write_text(casus.read_text(encoding="utf-8").replace("\nid:", "\nstatus: concept\nid:", 1), encoding="utf-8")
    monkeypatch.setenv("WARMTELESSEN_HOME", str(tmp_path))
    pagina = site_pages("nl")
    assert "casussen/wageningen-benedenbuurt.md" in pagina  # still has its page, marked as a concept
    assert "(concept)" in _tekst(pagina["casussen/index.md"])
    assert "wageningen-benedenbuurt" not in _tekst(pagina["bewijs.md"])
    assert "haarlem-ramplaankwartier" in _tekst(pagina["bewijs.md"])


def test_the_made_up_case_never_stands_among_the_real_ones(paginas: dict[str, dict[str, str | bytes]]) -> None:
    """Voorbeeldstad is for practice: in the evidence matrix it comes after the real cases, marked."""
    for taal, merk in (("nl", "verzonnen voorbeeld"), ("en", "fictional example")):
        kop = next(r for r in _tekst(paginas[taal]["bewijs.md"]).splitlines() if r.startswith("|"))
        kolommen = [k.strip() for k in kop.strip("|").split("|")]
        assert "voorbeeldstad" in kolommen[-1].lower() and merk in kolommen[-1], kolommen
        assert not any(merk in k for k in kolommen[:-1])


# --- bad input ------------------------------------------------------------------------------------


def test_unknown_language_is_one_line() -> None:
    assert parse_languages("en, nl") == ["en", "nl"]
    assert_one_line_error(run_cli("site", "--lang", "fr"), "--lang: onbekende taal 'fr'", "nl, en")


def test_out_that_cannot_hold_a_site_is_one_line(tmp_path: Path) -> None:
    bestand = tmp_path / "bestand"
    bestand.write_text("x")
    assert_one_line_error(run_cli("site", "--out", str(bestand)), "is een bestand")
    assert_one_line_error(run_cli("site", "--out", str(bestand / "site")), "hier kan geen site komen")
    assert_one_line_error(run_cli("site", "--out", "/proc/warmtelessen-site"), "hier kan geen site komen")


def test_a_folder_with_other_files_is_never_replaced_by_a_site(tmp_path: Path) -> None:
    """The site replaces its folder whole: ``--out output`` must not wipe the reports in it."""
    (tmp_path / "rapport.html").write_text("mijn rapport")
    assert_one_line_error(run_cli("site", "--out", str(tmp_path)), "geen Warmtelessen-site")
    assert (tmp_path / "rapport.html").read_text() == "mijn rapport"


def test_content_that_does_not_validate_stops_the_build_before_anything(tmp_path: Path) -> None:
    import shutil

    home = tmp_path / "home"
    for naam in ("lessons", "cases", "data", "docs"):
        shutil.copytree(ROOT / naam, home / naam)
    (home / "lessons" / "begrippen.yaml").write_text("- id: X\n  term: {nl: x}\n", encoding="utf-8")
    casus = home / "cases" / "haarlem-ramplaankwartier" / "bewijs.csv"
    casus.write_text(casus.read_text(encoding="utf-8").replace(",illustreert,", ",illustreerd,", 1), encoding="utf-8")
    res = run_cli("site", "--out", str(tmp_path / "site"), home=home)
    assert res.returncode == 1 and "Traceback" not in res.stderr
    regels = res.stderr.splitlines()
    assert len(regels) >= 3 and all(r.startswith("warmtelessen: fout: ") for r in regels)
    assert any("bewijs.csv" in r and "illustreerd" in r for r in regels), regels
    assert any("begrippen.yaml: X" in r for r in regels), regels
    assert not (tmp_path / "site").exists()


def test_english_pages_show_vocabulary_values_in_english(paginas: dict[str, dict[str, str | bytes]]) -> None:
    en, nl = paginas["en"], paginas["nl"]
    assert "| Owner | municipality |" in _tekst(en["acties/l1-01.md"])
    assert "| Eigenaar | gemeente |" in _tekst(nl["acties/l1-01.md"])
    haarlem = _tekst(en["casussen/haarlem-ramplaankwartier.md"])
    assert "| Municipal role (Platform31) | networking" in haarlem and "netwerkend" not in haarlem
