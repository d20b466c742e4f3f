"""Issue 22: nothing a file, a paste or an upload sends can hang, crash or exhaust the toolkit.

Each test is one hole that was found: a YAML "billion laughs", a key given twice, an error line that
grew with the input, a vertical tab pasted from Word, a spreadsheet that unpacks to a gigabyte or
spells out a billion cells, a register without ``<dimension>``, 20,000 groups, a renderer that
fails. The limits are in :mod:`toolkit.base.limits` and in the README.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_one_line_error, run_cli
from toolkit.base import MAX_RIJEN, MAX_YAML, UserError, limits, load_yaml
from toolkit.base.limits import MAX_BESTAND, MAX_UITGEPAKT, excerpt
from toolkit.domain import read_register
from toolkit.domain.checklist import build
from toolkit.render import render

#: 410 bytes that stand for 9^9 (387 million) strings when every alias is expanded.
LACHEN = "\n".join(
    [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        *(f"{n}: &{n} [{','.join([f'*{v}'] * 9)}]" for v, n in zip("abcdefg", "bcdefgh", strict=True)),
        "gemeente: [*h,*h,*h,*h,*h,*h,*h,*h,*h]",
    ]
)


def test_a_billion_laughs_profile_is_refused_at_once(tmp_path: Path) -> None:
    pad = tmp_path / "lachen.yaml"
    pad.write_text(LACHEN)
    start = time.monotonic()
    res = run_cli("checklist", "--profiel", str(pad), "--out", str(tmp_path / "uit"))
    assert time.monotonic() - start < 20  # it took minutes and 2.9 GB before
    assert_one_line_error(res, "lachen.yaml: regel 1", "verwijzing", "niet toegestaan")
    assert len(res.stderr) < 300
    assert not (tmp_path / "uit").exists()


def test_a_billion_laughs_case_file_is_one_problem_not_a_memory_error(tmp_path: Path) -> None:
    from toolkit.content.cases import read_case

    map_ = tmp_path / "lachen"
    map_.mkdir()
    (map_ / "casus.yaml").write_text(LACHEN.replace("gemeente:", "naam:"))
    casus, problemen = read_case(map_)
    assert casus is None
    assert any("verwijzing" in str(p) for p in problemen)
    assert all(len(str(p)) < 400 for p in problemen)


def test_a_key_given_twice_is_refused_with_the_key_named(tmp_path: Path) -> None:
    pad = tmp_path / "dubbel.yaml"
    pad.write_text("gemeente: Wageningen\nwijk: Benedenbuurt\ngemeente: Haarlem\n")
    res = run_cli("checklist", "--profiel", str(pad), "--out", str(tmp_path / "uit"))
    assert_one_line_error(res, "dubbel.yaml: regel 3", "sleutel 'gemeente' staat twee keer")


@pytest.mark.parametrize(
    "tekst",
    [
        "gemeente: [" + ", ".join(["'x'"] * 20_000) + "]\n",  # a long wrong value
        "gemeente: Wageningen\nfase: '" + "z" * 100_000 + "'\n",  # a long wrong choice
        "gemeente: Wageningen\n" + "".join(f"veld{i}: 1\n" for i in range(5000)),  # many unknown fields
    ],
)
def test_an_error_line_never_grows_with_the_input(tekst: str, tmp_path: Path) -> None:
    pad = tmp_path / "lang.yaml"
    pad.write_text(tekst)
    res = run_cli("checklist", "--profiel", str(pad), "--out", str(tmp_path / "uit"))
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert len(res.stderr) < 1100, len(res.stderr)


def test_excerpt_cuts_a_structure_that_repeats_itself() -> None:
    rij: list[object] = ["lol"] * 9
    for _ in range(9):
        rij = [rij] * 9  # 9^10 strings if written out
    start = time.perf_counter()
    kort = excerpt(rij)
    assert time.perf_counter() - start < 0.1 and len(kort) <= 60


def test_a_yaml_file_over_its_limit_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    pad = tmp_path / "groot.yaml"
    pad.write_text("gemeente: Wageningen\nnotities: |\n" + "  regel\n" * (MAX_YAML // 8 + 10))
    res = run_cli("checklist", "--profiel", str(pad), "--out", str(tmp_path / "uit"))
    assert_one_line_error(res, "groot.yaml: --profiel: bestand is te groot", "hoogstens 256 kB")
    data, problemen = load_yaml("x: 1\n" * (MAX_YAML // 5 + 1), "profiel")
    assert data is None and "te groot" in str(problemen[0])


def test_twenty_thousand_groups_are_refused_at_once(tmp_path: Path) -> None:
    pad = tmp_path / "groepen.yaml"
    groepen = "".join(f"  - naam: Groep {i}\n    soort: bewonersvereniging\n    actief: ja\n" for i in range(20_000))
    pad.write_text("gemeente: Wageningen\ngroepen:\n" + groepen[: MAX_YAML - 100])
    start = time.monotonic()
    res = run_cli("checklist", "--profiel", str(pad), "--out", str(tmp_path / "uit"))
    assert time.monotonic() - start < 20  # 20,000 groups took 85 s
    assert_one_line_error(res, "groepen: te veel", "hooguit 100")


# --- text as people paste it ------------------------------------------------------------------


def test_a_vertical_tab_from_word_is_taken_out_and_every_format_is_written(tmp_path: Path) -> None:
    pad = tmp_path / "geplakt.yaml"
    pad.write_text(
        'gemeente: Wageningen\nnotities: "Eerste regel\\vtweede regel\\x01"\n'
        'groepen:\n  - naam: "Buurt\\vvereniging"\n    soort: bewonersvereniging\n    actief: ja\n'
    )
    res = run_cli(
        "checklist",
        "--profiel",
        str(pad),
        "--out",
        str(tmp_path / "uit"),
        "--formats",
        "html,docx,odt,pdf,xlsx,ods,md,json",
    )
    assert res.returncode == 0, res.stderr
    regels = [r for r in res.stderr.splitlines() if r.strip()]
    assert regels == [
        f"let op: {pad}: onzichtbare tekens weggehaald uit notities, bestaande groepen "
        "(zoals een verticale tab die Word of Excel meegeeft bij kopiëren)"
    ]
    map_ = tmp_path / "uit" / "wageningen"
    namen = {p.name for p in map_.iterdir()}
    assert {"checklist.docx", "checklist.odt", "checklist.pdf", "actieregister.xlsx", "actieregister.ods"} <= namen
    data = json.loads((map_ / "checklist.json").read_text())
    assert data["profiel"]["notities"] == "Eerste regel tweede regel"
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", (map_ / "checklist.md").read_text())


def test_a_format_that_fails_does_not_take_the_others_down(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from toolkit.render import registry, write_formats
    from toolkit.render.write import FormatError

    checklist = build({"gemeente": "Wageningen"}, "nl")
    registry._load_builtin("checklist")
    sleutel = next(k for k in registry._SAMENGESTELD if k == ("checklist", "xlsx"))
    bouw, module, functie = registry._SAMENGESTELD[sleutel]

    def kapot(*_: object) -> object:
        raise ValueError("het werkblad is stuk")

    monkeypatch.setitem(registry._SAMENGESTELD, sleutel, (kapot, module, functie))
    namen = {"md": "checklist.md", "json": "checklist.json", "xlsx": "actieregister.xlsx", "docx": "checklist.docx"}
    with pytest.raises(FormatError) as fout:
        write_formats("checklist", checklist, "nl", tmp_path, ["md", "xlsx", "json", "docx"], namen)
    assert "actieregister.xlsx: kon niet worden gemaakt (ValueError: het werkblad is stuk)" in str(fout.value)
    assert "de andere 3 bestanden zijn wel geschreven" in str(fout.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checklist.docx", "checklist.json", "checklist.md"]


# --- spreadsheets -------------------------------------------------------------------------------


def _register(tmp_path: Path) -> Path:
    pad = tmp_path / "actieregister.xlsx"
    pad.write_bytes(render("checklist", "xlsx", build({"gemeente": "Wageningen"}, "nl"), "nl"))
    return pad


def _rewrite(pad: Path, doel: Path, wijzig: dict[str, bytes | None], erbij: dict[str, bytes] | None = None) -> Path:
    """A copy of the zip ``pad`` with parts changed (``None``: left out) or added."""
    with zipfile.ZipFile(pad) as bron, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as uit:
        for deel in bron.infolist():
            inhoud = wijzig.get(deel.filename, bron.read(deel.filename))
            if inhoud is not None:
                uit.writestr(deel.filename, inhoud)
        for naam, inhoud in (erbij or {}).items():
            uit.writestr(naam, inhoud)
    return doel


@pytest.mark.parametrize("dimensie", [b"", b'<dimension ref="A1"/>'])  # left out, or wrong (as generators write)
def test_a_register_without_a_right_dimension_element_is_read_whole(dimensie: bytes, tmp_path: Path) -> None:
    pad = _register(tmp_path)
    with zipfile.ZipFile(pad) as z:
        blad = next(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        xml = z.read(blad)
    anders = re.sub(rb"<dimension [^>]*/>", dimensie, xml)
    assert anders != xml
    verwacht = {k for k, v in read_register(pad).items() if isinstance(v, dict) and "status" in v}
    gelezen = read_register(_rewrite(pad, tmp_path / "anders.xlsx", {blad: anders}))
    statussen = {k: v["status"] for k, v in gelezen.items() if isinstance(v, dict) and "status" in v}
    assert set(statussen) == verwacht and len(verwacht) > 20 and set(statussen.values()) == {"open"}


def test_a_register_that_unpacks_to_a_gigabyte_is_refused_before_it_is_read(tmp_path: Path) -> None:
    pad = _register(tmp_path)
    bom = _rewrite(pad, tmp_path / "bom.xlsx", {}, {"xl/media/nul.bin": b"\0" * (MAX_UITGEPAKT + 1)})
    assert bom.stat().st_size < MAX_BESTAND  # small on disk
    with pytest.raises(UserError, match=r"bom.xlsx: --voortgang: bestand is uitgepakt te groot .*hoogstens 5 MB"):
        read_register(bom)


def test_an_ods_that_repeats_a_cell_a_billion_times_is_refused(tmp_path: Path) -> None:
    pad = tmp_path / "actieregister.ods"
    pad.write_bytes(render("checklist", "ods", build({"gemeente": "Wageningen"}, "nl"), "nl"))
    with zipfile.ZipFile(pad) as z:
        xml = z.read("content.xml")
    herhaald = xml.replace(b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="1000000000" ', 1)
    bom = _rewrite(pad, tmp_path / "bom.ods", {"content.xml": herhaald})
    start = time.monotonic()
    with pytest.raises(UserError, match="bom.ods: --voortgang: te veel kolommen"):
        read_register(bom)
    assert time.monotonic() - start < 10
    rijen = xml.replace(b"<table:table-row", b'<table:table-row table:number-rows-repeated="100000"', 2)
    with pytest.raises(UserError, match="te veel rijen"):
        read_register(_rewrite(pad, tmp_path / "rijen.ods", {"content.xml": rijen}))


def test_a_logbook_import_with_too_many_rows_is_one_line(tmp_path: Path) -> None:
    pad = tmp_path / "gesprekken.csv"
    pad.write_text("datum,partijen,onderwerp\n" + "2026-01-01,Buurtvereniging,Overleg\n" * (MAX_RIJEN + 1))
    res = run_cli("logboek", "--db", str(tmp_path / "logboek.sqlite"), "importeer", str(pad))
    assert_one_line_error(res, "gesprekken.csv: importeer: te veel rijen", f"hoogstens {MAX_RIJEN}")


def test_in_the_app_a_bad_register_is_a_message_in_the_page_language_without_an_option(tmp_path: Path) -> None:
    from toolkit.app.checklist import read_uploaded_register

    pad = _register(tmp_path)
    bom = _rewrite(pad, tmp_path / "bom.xlsx", {}, {"xl/media/nul.bin": b"\0" * (MAX_UITGEPAKT + 1)})
    with pytest.raises(UserError) as fout:
        read_uploaded_register("mijn register.xlsx", bom.read_bytes(), "en")
    assert str(fout.value) == (
        "Your file mijn register.xlsx cannot be used: the file is too large when unpacked (5 MB; at most 5 MB)."
    )
    with zipfile.ZipFile(pad) as z:
        blad = next(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    kapot = _rewrite(pad, tmp_path / "kapot.xlsx", {blad: b"<niet-af"})
    with pytest.raises(UserError) as fout:
        read_uploaded_register("kapot.xlsx", kapot.read_bytes(), "nl")
    assert str(fout.value).startswith("Uw bestand kapot.xlsx is niet te gebruiken: ")
    assert "--" not in str(fout.value)


def test_in_the_app_pasted_characters_are_taken_out_and_said_on_the_page() -> None:
    from toolkit.app.checklist import checklist_page

    pagina = checklist_page("nl")
    knoppen = [w for w in _widgets(pagina) if getattr(w, "description", "") == "Maak checklist"]
    velden = {getattr(w, "description", ""): w for w in _widgets(pagina)}
    velden["Gemeente"].value = "Wageningen"
    velden["Notities"].value = "Overleg\x0bmet de buurt"
    knoppen[0].click()
    meldingen = [w.value for w in _widgets(pagina) if "De checklist voor" in str(getattr(w, "value", ""))]
    assert len(meldingen) == 1 and 'role="status"' in meldingen[0]
    assert "De checklist voor Wageningen is klaar" in meldingen[0]
    assert "Uit notities zijn onzichtbare tekens weggehaald" in meldingen[0]
    assert 'download="checklist.docx"' in next(
        w.value for w in _widgets(pagina) if "wl-downloads" in str(getattr(w, "value", ""))
    )


def _widgets(w: object) -> list[object]:
    uit = [w]
    for kind in getattr(w, "children", ()):
        uit += _widgets(kind)
    return uit


# --- memory and time for any input up to 5 MB ----------------------------------------------------

_METEN = """
import resource, sys, time
from pathlib import Path
from toolkit.base import WarmteError
from toolkit.domain import read_register
from toolkit.content import read_profile, parse_profile
from toolkit.content.case_tables import read_table
pad, soort = Path(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
try:
    if soort == "register":
        read_register(pad)
    elif soort == "profiel":
        parse_profile(read_profile(pad), str(pad))
    else:
        read_table(pad, "tijdlijn")
except WarmteError:
    pass
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _big_inputs(tmp_path: Path) -> list[tuple[Path, str]]:
    """The costliest inputs a reader still takes: each just under its limits (or, where a limit
    refuses it cheaply, 5 MB of it)."""
    vijf = MAX_BESTAND - 1024
    ods = tmp_path / "groot.ods"
    pad = tmp_path / "actieregister.ods"
    pad.write_bytes(render("checklist", "ods", build({"gemeente": "Wageningen"}, "nl"), "nl"))
    cel = b'<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'
    rij = b"<table:table-row>" + cel * 35 + b"</table:table-row>"  # 71 XML elements, 35 cells
    with zipfile.ZipFile(pad) as z:
        xml = z.read("content.xml")
    rijen = min((limits.MAX_ELEMENTEN - 5000) // 71, (limits.MAX_CELLEN - 1000) // 35)
    blad = b'<table:table table:name="Groot">' + rij * rijen + b"</table:table></office:spreadsheet>"
    _rewrite(pad, ods, {"content.xml": xml.replace(b"</office:spreadsheet>", blad, 1)})
    xlsx = _register(tmp_path)
    with zipfile.ZipFile(xlsx) as z:
        blad = next(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
        sheet = z.read(blad)
    # one row as wide as the cell limit allows: openpyxl builds a row whole, the costliest sheet
    cel = b'<c r="A2" t="inlineStr"><is><t>x</t></is></c>'
    rij = b'<row r="2">' + cel * (limits.MAX_CELLEN - 1000) + b"</row>"
    groot_xlsx = _rewrite(xlsx, tmp_path / "groot.xlsx", {blad: sheet.replace(b"</sheetData>", rij + b"</sheetData>")})
    yaml = tmp_path / "groot.yaml"
    yaml.write_text("gemeente: Wageningen\nnotities: '" + "x" * vijf + "'\n")
    csv = tmp_path / "tijdlijn.csv"
    csv.write_text("id,datum,gebeurtenis\n" + "a,2020,x\n" * (vijf // 9))
    return [(ods, "register"), (groot_xlsx, "register"), (yaml, "profiel"), (csv, "tabel")]


def test_any_input_up_to_5_mb_stays_under_500_mb_and_10_s(tmp_path: Path) -> None:
    for pad, soort in _big_inputs(tmp_path):
        assert pad.stat().st_size <= MAX_BESTAND
        res = subprocess.run([sys.executable, "-c", _METEN, str(pad), soort], capture_output=True, text=True,
                             cwd=ROOT, timeout=60)  # fmt: skip
        assert res.returncode == 0, res.stderr
        seconden, mb = map(float, res.stdout.split())
        assert seconden < 10 and mb < 500, (pad.name, seconden, mb)


def test_the_readme_states_the_limits_the_toolkit_applies() -> None:
    from toolkit.base import limits
    from toolkit.content.profile import MAX_GROEPEN

    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    deel = tekst.split("## Grenzen aan wat u inleest")[1].split("\n## ")[0]
    for regel in (
        f"| een YAML-bestand (profiel, casus, les) | hoogstens {limits.size_text(limits.MAX_YAML)} |",
        f"| een ander bestand (spreadsheet, CSV, upload in de app) | hoogstens {limits.size_text(MAX_BESTAND)} |",
        f"| een .xlsx of .ods, uitgepakt | hoogstens {limits.size_text(MAX_UITGEPAKT)}, "
        f"in hoogstens {limits.MAX_ONDERDELEN} delen |",
        f"| rijen per blad of CSV-bestand | hoogstens {MAX_RIJEN} |",
        f"| kolommen per rij | hoogstens {limits.MAX_KOLOMMEN} |",
        f"| cellen per blad (rijen maal kolommen) | hoogstens {limits.MAX_CELLEN} |",
        f"| de inhoud van een .ods (XML-elementen; een gevulde cel is er twee) | hoogstens {limits.MAX_ELEMENTEN} |",
        f"| groepen in één profiel | hoogstens {MAX_GROEPEN} |",
    ):
        assert regel in deel, regel


def test_in_the_app_a_hostile_profile_upload_is_one_message() -> None:
    from toolkit.app.checklist import read_uploaded_profile

    start = time.perf_counter()
    with pytest.raises(UserError, match="lachen.yaml: regel 1: YAML-fout: verwijzing"):
        read_uploaded_profile("lachen.yaml", LACHEN.encode(), "en")
    assert time.perf_counter() - start < 2
    with pytest.raises(UserError) as fout:
        read_uploaded_profile("groot.yaml", b"gemeente: x\n" * 30_000, "en")
    assert str(fout.value) == "Your file groot.yaml cannot be used: the file is too large (351 kB; at most 256 kB)."


def test_a_logbook_entry_with_a_pasted_vertical_tab_is_stored_clean_and_said(tmp_path: Path) -> None:
    db = str(tmp_path / "logboek.sqlite")
    res = run_cli("logboek", "--db", db, "toevoegen", "partij", "--naam", "Wijk\x0braad", "--type", "wijkraad")
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip() == (
        "let op: --naam: onzichtbare tekens weggehaald "
        "(zoals een verticale tab die Word of Excel meegeeft bij kopiëren)"
    )
    lijst = run_cli("logboek", "--db", db, "lijst", "partijen")
    assert "naam: Wijk raad" in lijst.stdout and "\x0b" not in lijst.stdout
