"""Cases for analysis elsewhere: a Frictionless data package, BibTeX and CSL-JSON; and a case that a
researcher adds without code flowing into every output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import Package, validate

from tests.conftest import ROOT, assert_one_line_error, run_cli
from toolkit.content.cases import check_cases

ECHT = [c for c in check_cases()[0] if not c.fictief and not c.concept]


def test_the_export_is_a_valid_data_package(tmp_path: Path) -> None:
    res = run_cli("casus", "export", "--out", str(tmp_path / "x"))
    assert res.returncode == 0, res.stderr
    map_ = tmp_path / "x"
    rapport = validate(str(map_ / "datapackage.json"))
    assert rapport.valid, rapport.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(map_ / "datapackage.json"))
    assert {r.name for r in package.resources} == {
        "casussen",
        "tijdlijn",
        "actoren",
        "instrumenten",
        "bewijs",
        "bronnen",
        "verwijzingen",
    }
    for resource in package.resources:
        for veld in resource.schema.fields:  # every column described in Dutch and English
            assert (
                veld.description
                and veld.custom.get("beschrijving_en")
                and veld.description != veld.custom["beschrijving_en"]
            )
    bronnen = package.get_resource("verwijzingen").schema.foreign_keys[0]
    assert bronnen["reference"] == {"resource": "bronnen", "fields": ["casus", "id"]}
    casussen = package.get_resource("casussen").read_rows()
    assert [r["id"] for r in casussen] == [c.id for c in ECHT]  # real cases only, by default
    tijdlijn = package.get_resource("tijdlijn").read_rows()
    assert len(tijdlijn) == sum(len(c.tijdlijn) for c in ECHT)
    assert all(isinstance(r["onzeker"], bool) for r in tijdlijn)
    bewijs = package.get_resource("bewijs").read_rows()
    assert {r["les"] for r in bewijs} <= set(range(1, 100)) and any(r["acties"] for r in bewijs)


def test_sources_as_bibtex_and_csl_json(tmp_path: Path) -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON
    from pybtex.database import parse_file

    res = run_cli("casus", "export", "--met-fictief", "--formats", "bibtex,csl", "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [".warmtelessen", "bronnen.bib", "bronnen.csl.json"]
    aantal = sum(len(c.bronnen) for c in check_cases()[0] if not c.concept)
    bib = parse_file(str(tmp_path / "bronnen.bib"))
    assert len(bib.entries) == aantal
    eerste = next(iter(bib.entries.values()))
    assert eerste.fields["title"] and eerste.fields["url"].startswith("http")
    items = json.loads((tmp_path / "bronnen.csl.json").read_text())
    assert len(items) == aantal
    bron = CiteProcJSON(items)
    bibliografie = CitationStylesBibliography(
        CitationStylesStyle("harvard-cite-them-right", validate=False), bron, formatter.plain
    )
    bibliografie.register(Citation([CitationItem(items[0]["id"])]))
    assert items[0]["title"].split()[0] in str(bibliografie.bibliography()[0])


def test_export_into_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blok = tmp_path / "blok"
    blok.write_text("")
    assert_one_line_error(run_cli("casus", "export", "--out", str(blok / "x")), "map kan niet worden gemaakt")
    assert_one_line_error(
        run_cli("casus", "export", "utrecht", "--out", str(tmp_path / "y")), "onbekende casus 'utrecht'"
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content folder with one more real case: a copy of a shipped one under a new id, as a
    researcher would add it (no code, no test, no action file changed)."""
    home = tmp_path_factory.mktemp("home")
    for naam in ("lessons", "cases", "data", "notebooks", "profielen"):
        shutil.copytree(ROOT / naam, home / naam)
    bron = ECHT[0]
    nieuw = home / "cases" / "onderzoek-nieuwe-wijk"
    shutil.copytree(bron.map, nieuw)
    yaml = (nieuw / "casus.yaml").read_text(encoding="utf-8")
    (nieuw / "casus.yaml").write_text(yaml.replace(f"id: {bron.id}", "id: onderzoek-nieuwe-wijk", 1).replace(
        f'naam: "{bron.naam}"', 'naam: "Nieuwe wijk (onderzoekskopie)"', 1), encoding="utf-8")  # fmt: skip
    return home


def test_a_case_added_without_code_flows_into_every_output(home: Path, tmp_path: Path) -> None:
    assert run_cli("valideer", home=home).returncode == 0
    lijst = run_cli("casussen", home=home)
    assert "onderzoek-nieuwe-wijk: Nieuwe wijk (onderzoekskopie)" in lijst.stdout
    res = run_cli("vergelijk", "--formats", "csv", "--out", str(tmp_path / "v"), home=home)
    assert res.returncode == 0, res.stderr
    assert "onderzoek-nieuwe-wijk" in (tmp_path / "v/vergelijking/bewijsmatrix.csv").read_text().splitlines()[0]
    res = run_cli("checklist", "--gemeente", "Utrecht", "--formats", "json", "--out", str(tmp_path / "c"), home=home)
    assert res.returncode == 0, res.stderr
    checklist = json.loads((tmp_path / "c/utrecht/checklist.json").read_text())
    bewijs = [b for a in checklist["acties"] for b in a["bewijs"]]
    assert any(b["casus"] == "onderzoek-nieuwe-wijk" for b in bewijs)  # its claims reach the actions they support
    assert not any(b["fictief"] for b in bewijs)  # a real municipality never sees fictional evidence
    res = run_cli("casus", "export", "--out", str(tmp_path / "e"), home=home)
    assert res.returncode == 0, res.stderr
    assert "onderzoek-nieuwe-wijk" in (tmp_path / "e/casussen.csv").read_text()


def test_a_copied_case_that_keeps_the_old_id_is_refused(home: Path, tmp_path: Path) -> None:
    kopie = home / "cases" / "vergeten-id"
    shutil.copytree(ECHT[0].map, kopie)
    try:
        res = run_cli("valideer", str(kopie), home=home)
        assert res.returncode == 1
        assert (
            f"casus.yaml: id: '{ECHT[0].id}' is niet de mapnaam en is al de id van een andere casus (vergeten-id)"
            in res.stdout
        )
    finally:
        shutil.rmtree(kopie)
