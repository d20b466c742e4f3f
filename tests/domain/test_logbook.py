"""The participation logbook: entries, import/export, the report's flags, privacy and reliability."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, assert_one_line_error, parse, run_cli
from toolkit.base import transaction
from toolkit.base.errors import UserError
from toolkit.domain import logbook as lb
from toolkit.domain.logbook_io import import_file
from toolkit.domain.logbook_report import report
from toolkit.render import export_logbook

FIX = FIXTURES / "logboek"
PEIL = date(2026, 6, 1)


def _gevuld(tmp_path: Path) -> sqlite3.Connection:
    db = lb.connect(tmp_path / "l.sqlite")
    for naam in ("partijen", "gesprekken", "besluiten", "vervolgacties"):
        nieuw, problemen = import_file(db, FIX / f"{naam}.csv")
        assert problemen == [], problemen
    return db


def test_each_kind_through_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "l.sqlite")

    def cli(*args: str):  # type: ignore[no-untyped-def]
        res = run_cli("logboek", "--db", db, *args)
        assert res.returncode == 0, res.stderr
        return res.stdout

    assert "partij 1: toegevoegd" in cli(
        "toevoegen", "partij", "--naam", "Energiecoöperatie X", "--type", "energiecooperatie"
    )
    cli("toevoegen", "partij", "--naam", "Wijkraad Y")
    assert "gesprek 1: toegevoegd" in cli("toevoegen", "gesprek", "--datum", "2026-01-05", "--partijen",
                                          "Energiecoöperatie X;Wijkraad Y", "--onderwerp", "Warmtenet", "--lessen", "4",
                                          "--samenvatting", "Eerste verkenning")  # fmt: skip
    assert "besluit 1: toegevoegd" in cli("toevoegen", "besluit", "--datum", "2026-02-01", "--besluit", "Studie",
                                          "--besloten-door", "college", "--trede", "adviseren", "--toelichting", "Eerst weten")  # fmt: skip
    assert "vervolgactie 1: toegevoegd" in cli("toevoegen", "vervolgactie", "--omschrijving", "Offerte", "--eigenaar",
                                               "projectleider", "--deadline", "2026-03-01", "--besluit", "1")  # fmt: skip
    assert "communicatie 1: toegevoegd" in cli("toevoegen", "communicatie", "--datum", "2026-02-02", "--partij", "Wijkraad Y",
                                               "--kanaal", "brief", "--besluit", "1")  # fmt: skip
    assert "stond er al" in cli("toevoegen", "gesprek", "--datum", "2026-01-05", "--partijen", "Energiecoöperatie X;Wijkraad Y",
                                "--onderwerp", "Warmtenet", "--lessen", "4", "--samenvatting", "Eerste verkenning")  # fmt: skip
    assert "partijen: Energiecoöperatie X;Wijkraad Y" in cli("lijst", "gesprekken")
    assert "gecommuniceerd_aan: Wijkraad Y" in cli("lijst", "besluiten")
    for soort in ("partijen", "vervolgacties", "communicatie"):
        assert "id: 1" in cli("lijst", soort)


@pytest.mark.parametrize(
    ("args", "fragmenten"),
    [
        (["toevoegen", "gesprek", "--datum", "2026-01-05", "--partijen", "Wijkraad Z", "--onderwerp", "x"],
         ["onbekende partij 'Wijkraad Z'", "bedoelt u: Wijkraad Y", "toevoegen partij --naam"]),
        (["toevoegen", "gesprek", "--datum", "5 januari", "--partijen", "Wijkraad Y", "--onderwerp", "x"], ["datum: ongeldige datum"]),
        (["toevoegen", "gesprek", "--datum", "2026-01-05", "--partijen", "Wijkraad Y", "--onderwerp", "x", "--lessen", "8"],
         ["lessen: onbekende les '8' (1 t/m 7)"]),
        (["toevoegen", "besluit", "--datum", "2026-01-05", "--besluit", "x", "--besloten-door", "raad", "--trede", "bevelen"],
         ["trede: ongeldige waarde 'bevelen'", "meebeslissen"]),
        (["toevoegen", "besluit", "--datum", "2026-01-05", "--besluit", "x", "--besloten-door", "raad", "--trede", "informeren",
          "--status", "misschien"], ["status: ongeldige waarde 'misschien'", "voorgenomen"]),
        (["toevoegen", "communicatie", "--datum", "2026-01-05", "--partij", "Wijkraad Y", "--kanaal", "duif", "--besluit", "1"],
         ["kanaal: ongeldige waarde 'duif'", "nieuwsbrief"]),
    ],
)  # fmt: skip
def test_bad_entries_are_one_line_and_change_nothing(args: list[str], fragmenten: list[str], tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    con = lb.connect(db)
    with transaction(con):
        lb.add_party(con, "Wijkraad Y")
        lb.add_decision(con, "2026-01-01", "b", "raad", "informeren")
    con.close()
    assert_one_line_error(run_cli("logboek", "--db", str(db), *args), *fragmenten)
    con = lb.connect(db)
    assert len(lb.rows(con, "gesprekken")) == 0 and len(lb.rows(con, "besluiten")) == 1
    assert len(lb.rows(con, "communicatie")) == 0
    con.close()


def test_import_twice_adds_nothing_and_xlsx_round_trips(tmp_path: Path) -> None:
    db = _gevuld(tmp_path)
    tellingen = {s: len(lb.rows(db, s)) for s in lb.SOORTEN}
    assert tellingen == {"partijen": 4, "gesprekken": 3, "besluiten": 2, "vervolgacties": 3, "communicatie": 2,
                         "activiteiten": 0, "inbreng": 0}  # fmt: skip
    for naam in ("partijen", "gesprekken", "besluiten", "vervolgacties"):
        nieuw, _ = import_file(db, FIX / f"{naam}.csv")
        assert sum(nieuw.values()) == 0
    bestanden = export_logbook(db, tmp_path / "export")
    assert {p.name for p in bestanden} == {f"{s}.csv" for s in lb.SOORTEN} | {"logboek.xlsx", "logboek.ods"}
    kop = (tmp_path / "export/besluiten.csv").read_text().splitlines()[0]
    for kolom in ("datum", "besluit", "besloten_door", "trede", "toelichting", "status", "gecommuniceerd_aan"):
        assert kolom in kop
    assert (
        (tmp_path / "export/gesprekken.csv").read_text().startswith("id,datum,partijen,onderwerp,lessen,samenvatting")
    )
    nieuw_db = lb.connect(tmp_path / "kopie.sqlite")
    nieuw, problemen = import_file(nieuw_db, tmp_path / "export/logboek.xlsx")
    assert problemen == [] and {s: len(lb.rows(nieuw_db, s)) for s in lb.SOORTEN} == tellingen
    assert sum(import_file(nieuw_db, tmp_path / "export/logboek.xlsx")[0].values()) == 0
    # the ODS export reads back just the same
    ods_db = lb.connect(tmp_path / "ods.sqlite")
    nieuw, problemen = import_file(ods_db, tmp_path / "export/logboek.ods")
    assert problemen == [] and {s: len(lb.rows(ods_db, s)) for s in lb.SOORTEN} == tellingen
    assert [lb.rows(ods_db, s) for s in lb.SOORTEN] == [lb.rows(nieuw_db, s) for s in lb.SOORTEN]


def test_bad_import_rows_are_named_and_the_rest_imports(tmp_path: Path) -> None:
    db = _gevuld(tmp_path)
    nieuw, problemen = import_file(db, FIX / "kapot.csv")
    assert nieuw["gesprekken"] == 1
    assert len(problemen) == 3
    assert "kapot.csv: rij 3: datum: ongeldige datum '2026-13-01'" in problemen[0]
    assert "kapot.csv: rij 4: lessen: onbekende les '9'" in problemen[1]
    assert "kapot.csv: rij 5: partijen: onbekende partij 'Onbekende Club'" in problemen[2]
    alles = lb.connect(tmp_path / "b.sqlite")
    import_file(alles, FIX / "partijen.csv")
    with pytest.raises(UserError, match="met --alles-of-niets is niets ingelezen"):
        import_file(alles, FIX / "kapot.csv", alles_of_niets=True)
    assert lb.rows(alles, "gesprekken") == []
    # create unknown parties on request
    _, problemen = import_file(alles, FIX / "kapot.csv", maak_partijen=True)
    assert not any("Onbekende Club" in p for p in problemen)


def test_report_flags(tmp_path: Path) -> None:
    r = report(_gevuld(tmp_path), PEIL, extra_groepen=["Sportclub Warmtewijk"])
    niet = {b["besluit"]: b["nog_informeren"] for b in r["niet_gecommuniceerd"]}
    assert niet["Haalbaarheidsstudie warmtenet laten doen"] == ["Huurdersvereniging Warmtewijk"]
    assert len(niet["Bewonersavond in april"]) == 4  # concerns everyone, told no one
    assert [v["omschrijving"] for v in r["te_laat"]] == [
        "Offerte haalbaarheidsstudie opvragen"
    ]  # done ones and future ones not
    stil = {p["partij"]: p["laatste"] for p in r["niet_gesproken"]}
    assert stil == {
        "Energiecoöperatie Warmtewijk": "2026-01-10",
        "Huurdersvereniging Warmtewijk": "2025-09-01",
        "Wijkraad Warmtewijk": "2026-01-10",
        "Sportclub Warmtewijk": "nooit",
    }  # Woonstichting spoke on 2026-03-02, within 3 months of 2026-06-01


def test_resident_summary_holds_no_personal_data(tmp_path: Path) -> None:
    r = report(_gevuld(tmp_path), PEIL)
    tekst = json.dumps(r["bewoners"], ensure_ascii=False)
    assert "Haalbaarheidsstudie warmtenet laten doen" in tekst and "Zaal reserveren voor bewonersavond" in tekst
    for persoonlijk in ("secretariaat@coop.example", "wijkraad@example.org", "voorzitter", "secretaris",
                        "wijkconsulent", "projectleider gemeente", "college"):  # fmt: skip
        assert persoonlijk not in tekst


def test_report_under_papermill(tmp_path: Path) -> None:

    _gevuld(tmp_path).close()
    res = run_cli("logboek", "--db", str(tmp_path / "l.sqlite"), "rapport", "--peildatum", "2026-06-01",
                  "--out", str(tmp_path / "uit"))  # fmt: skip
    assert res.returncode == 0, res.stderr
    map_ = tmp_path / "uit/logboek"
    assert {p.name for p in map_.iterdir()} >= {"logboek.nl.html", "logboek.nl.ipynb", "logboek.nl.docx",
                                               "bewoners.nl.html", "bewoners.nl.docx"}  # fmt: skip
    html = (map_ / "logboek.nl.html").read_text()
    assert parse(html).laden == [] and "⚠ Bewonersavond in april" in html and "Offerte haalbaarheidsstudie" in html
    bewoners = (map_ / "bewoners.nl.html").read_text()
    assert (
        "Haalbaarheidsstudie" in bewoners
        and "secretariaat@coop.example" not in bewoners
        and "voorzitter" not in bewoners
    )


def test_forget_and_access(tmp_path: Path) -> None:
    db = _gevuld(tmp_path)
    alles = lb.everything_about(db, "energiecoöperatie warmtewijk")
    assert alles["partij"]["contact"] == "secretariaat@coop.example"
    assert len(alles["gesprekken"]) == 1 and len(alles["besluiten"]) == 1 and len(alles["communicatie"]) == 1
    db.close()
    res = run_cli("logboek", "--db", str(tmp_path / "l.sqlite"), "vergeet", "Energiecoöperatie Warmtewijk")
    assert res.returncode == 0, res.stderr
    res = run_cli("logboek", "--db", str(tmp_path / "l.sqlite"), "exporteer", "--partij", "Energiecoöperatie Warmtewijk",
                  "--out", str(tmp_path / "x"))  # fmt: skip
    assert res.returncode == 0, res.stderr
    data = json.loads((tmp_path / "x/partij-energiecooperatie-warmtewijk.json").read_text())
    assert data["partij"]["contact"] is None and data["partij"]["contactrol"] == "" and data["partij"]["vergeten_op"]
    assert len(data["besluiten"]) == 1  # the organisation's decisions stay
    db = sqlite3.connect(tmp_path / "l.sqlite")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("VACUUM")
    db.close()
    assert b"secretariaat@coop.example" not in (tmp_path / "l.sqlite").read_bytes()


WRITER = """
import sys
from pathlib import Path
from toolkit.base import transaction
from toolkit.domain import logbook as lb
db = lb.connect(Path(sys.argv[1]))
for i in range(50):
    with transaction(db):
        lb.add_party(db, f"{sys.argv[2]}-{i}")
"""


def test_two_writers_at_once_both_land(tmp_path: Path) -> None:
    pad = tmp_path / "l.sqlite"
    lb.connect(pad).close()
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(pad), naam], cwd=ROOT) for naam in ("a", "b")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    db = lb.connect(pad)
    assert len(lb.rows(db, "partijen")) == 100


KILLED = """
import os, sys, time
from pathlib import Path
from toolkit.domain import logbook as lb
db = lb.connect(Path(sys.argv[1]))
db.execute("BEGIN IMMEDIATE")
for i in range(500):
    lb.add_party(db, f"half-{i}")
print("midden", flush=True)
time.sleep(60)
"""


def test_a_writer_killed_mid_transaction_leaves_a_consistent_database(tmp_path: Path) -> None:
    pad = tmp_path / "l.sqlite"
    db = lb.connect(pad)
    with transaction(db):
        lb.add_party(db, "blijft")
    db.close()
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(pad)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout and proc.stdout.readline().strip() == "midden"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    db = lb.connect(pad)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [p["naam"] for p in lb.rows(db, "partijen")] == ["blijft"]
    with transaction(db):  # and it takes new entries
        lb.add_party(db, "daarna")
    assert len(lb.rows(db, "partijen")) == 2


def test_migration_from_an_older_schema(tmp_path: Path) -> None:
    pad = tmp_path / "oud.sqlite"
    oud = sqlite3.connect(pad, isolation_level=None)
    oud.execute("BEGIN")
    lb._v1(oud)
    oud.execute("PRAGMA user_version = 1")
    oud.execute("INSERT INTO partijen (naam, type) VALUES ('Wijkraad', 'overig')")
    oud.execute("INSERT INTO besluiten (datum, besluit, besloten_door, trede, status, sleutel) VALUES "
                "('2025-01-01', 'Oud besluit', 'raad', 'informeren', 'genomen', 'k1')")  # fmt: skip
    oud.execute("COMMIT")
    oud.close()
    db = lb.connect(pad)
    assert db.execute("PRAGMA user_version").fetchone()[0] == lb.VERSIE == 3
    assert lb.rows(db, "besluiten")[0]["besluit"] == "Oud besluit"
    with transaction(db):
        lb.add_decision(db, "2026-01-01", "Nieuw", "raad", "informeren", betreft="Wijkraad")
        lb.add_activity(db, "2026-02-01", "inloop", "Warmteplan", "Wijkraad", "", "", "raadplegen")
    assert lb.rows(db, "besluiten")[1]["betreft"] == "Wijkraad"
    assert lb.rows(db, "activiteiten")[0]["doelgroep"] == "Wijkraad"  # the old logbook takes the new kinds


def test_a_file_that_is_not_a_logbook_is_refused(tmp_path: Path) -> None:
    tekst = tmp_path / "tekst.sqlite"
    tekst.write_text("geen database")
    assert_one_line_error(run_cli("logboek", "--db", str(tekst), "lijst", "partijen"), "geen logboek van warmtelessen")
    ander = tmp_path / "ander.sqlite"
    con = sqlite3.connect(ander)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    voor = ander.read_bytes()
    assert_one_line_error(run_cli("logboek", "--db", str(ander), "lijst", "partijen"), "geen logboek van warmtelessen")
    uit = tmp_path / "uit"
    assert_one_line_error(run_cli("logboek", "--db", str(ander), "verslag", "--out", str(uit)), "geen logboek van")
    assert ander.read_bytes() == voor and not uit.exists()


def test_checklist_shows_what_the_logbook_covers(tmp_path: Path) -> None:
    from toolkit.domain.checklist import build, logbook_stats
    from toolkit.render.checklist import to_json

    _gevuld(tmp_path).close()
    stats = logbook_stats(tmp_path / "l.sqlite")
    assert stats == {
        "gesprekken": 3,
        "besluiten": 2,
        "partijen": 4,
        "niet_gecommuniceerd": 2,
        "lege_secties": ["bereik", "hoe", "inbreng", "eens_oneens", "gedaan"],
    }  # no activities yet
    checklist = build({"gemeente": "Wageningen"}, logboek=stats)
    assert checklist["profiel"]["logboek"] == "ja"  # unknown in the profile, answered by the logbook
    gemarkeerd = {a["id"]: a["logboek"] for a in checklist["acties"] if "logboek" in a}
    assert set(gemarkeerd) == {"L4-04", "L4-05"}
    assert "3 gesprekken en 2 besluiten; 2 besluit(en) nog niet met iedereen gedeeld" in gemarkeerd["L4-04"]
    res = run_cli("checklist", "--gemeente", "Wageningen", "--logboek", str(tmp_path / "l.sqlite"), "--out",
                  str(tmp_path / "c"), "--formats", "json")  # fmt: skip
    assert res.returncode == 0, res.stderr
    data = json.loads((tmp_path / "c/wageningen/checklist.json").read_text())
    assert data == json.loads(to_json(checklist))


def test_logbook_form_notebook_runs(tmp_path: Path) -> None:
    """notebooks/logbook.ipynb builds the logbook form in a kernel (as in JupyterLab): the same form
    as the app's page, which makes the logbook on the first entry, not by being opened."""
    from toolkit.reports.engine import notebook_path, run_notebook

    pad = tmp_path / "nieuw.sqlite"
    res = run_notebook(notebook_path("logbook"), {"db": str(pad)}, tmp_path, "logboek-formulier", html=False)
    tekst = res.notebook.read_text()
    assert "application/vnd.jupyter.widget-view+json" in tekst and "Traceback" not in tekst
    assert "Verslag van participatie" in tekst and "Wat er in het logboek staat" in tekst
    assert not pad.exists()


# --- vergeet: what is erased cannot be read back -----------------------------------------------------

PERSOON, EMAIL = "Jan de Vries", "jan.devries@example.org"
#: Longer than the row that replaces it, so the new row cannot happen to cover the old one's bytes.
CONTACT = f"{EMAIL}, 06-12345678, Dorpsstraat 12, 1234 AB Voorbeeldstad, bel bij de achterdeur"


def _with_a_person(pad: Path) -> None:
    """A logbook in which a private person is a party, named in four places besides their own row."""
    db = lb.connect(pad)
    with transaction(db):
        lb.add_party(db, "Partij 2", "bewonersinitiatief")  # a name like the label: the label must not collide
        lb.add_party(db, PERSOON, "overig", "bewoner", CONTACT)
        lb.add_party(db, "Wijkraad Y", "bewonersinitiatief", "secretaris", "wijkraad@example.org")
        lb.add_conversation(db, "2026-01-05", f"{PERSOON};Wijkraad Y", "Keukentafel bij jan de vries", "4",
                            f"{PERSOON} wil eerst weten wat het kost. Janssen niet.")  # fmt: skip
        lb.add_decision(db, "2026-02-01", "Studie", "college", "adviseren", f"Op verzoek van {PERSOON}",
                        betreft=PERSOON)  # fmt: skip
        lb.add_follow_up(db, f"Bel {PERSOON} terug", "projectleider", "2026-03-01")
    db.close()


def _files(pad: Path) -> bytes:
    """The bytes of the logbook and of the files SQLite keeps beside it."""
    return b"".join(p.read_bytes() for p in (pad, Path(f"{pad}-wal"), Path(f"{pad}-shm")) if p.exists())


@pytest.fixture
def no_compiled_secure_delete(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new connection starts with secure_delete off, as on an SQLite built without it."""
    echt = sqlite3.connect

    def connect(*args, **kwargs):  # type: ignore[no-untyped-def]
        db = echt(*args, **kwargs)
        db.execute("PRAGMA secure_delete = OFF")
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_the_logbook_always_asks_for_secure_delete(tmp_path: Path, no_compiled_secure_delete: None) -> None:
    db = lb.connect(tmp_path / "l.sqlite")
    assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    db.close()


def test_forgotten_contact_details_are_not_in_the_files(tmp_path: Path, no_compiled_secure_delete: None) -> None:
    from toolkit.cli import main

    pad = tmp_path / "l.sqlite"
    _with_a_person(pad)
    assert main(["logboek", "--db", str(pad), "vergeet", PERSOON]) == 0
    assert not [deel for deel in CONTACT.split(", ") if deel.encode() in _files(pad)]
    assert b"wijkraad@example.org" in _files(pad)  # another party's details stay


def test_forget_with_naam_replaces_the_name_everywhere(tmp_path: Path, no_compiled_secure_delete: None,
                                                       capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    from toolkit.cli import main

    pad = tmp_path / "l.sqlite"
    _with_a_person(pad)
    assert main(["logboek", "--db", str(pad), "vergeet", "jan de vries", "--naam"]) == 0
    uit = capsys.readouterr().out
    assert "'Partij 2-2' (op 5 plaatsen)" in uit  # the label, and in how many places it now stands
    bytes_ = _files(pad).lower()
    assert not [deel for deel in CONTACT.lower().split(", ") if deel.encode() in bytes_]
    assert b"jan de vries" not in bytes_ and b"de vries" not in bytes_
    db = lb.connect(pad)
    namen = [p["naam"] for p in lb.rows(db, "partijen")]
    assert namen == ["Partij 2", "Partij 2-2", "Wijkraad Y"]
    gesprek = lb.rows(db, "gesprekken")[0]
    assert gesprek["partijen"] == "Partij 2-2;Wijkraad Y" and gesprek["onderwerp"] == "Keukentafel bij Partij 2-2"
    assert gesprek["samenvatting"] == "Partij 2-2 wil eerst weten wat het kost. Janssen niet."  # only the whole name
    besluit = lb.rows(db, "besluiten")[0]
    assert besluit["toelichting"] == "Op verzoek van Partij 2-2" and besluit["betreft"] == "Partij 2-2"
    assert lb.rows(db, "vervolgacties")[0]["omschrijving"] == "Bel Partij 2-2 terug"
    vrije_tekst = {("gesprekken", "onderwerp"), ("gesprekken", "samenvatting"), ("besluiten", "besluit"),
                   ("besluiten", "besloten_door"), ("besluiten", "toelichting"), ("vervolgacties", "omschrijving"),
                   ("vervolgacties", "eigenaar"), ("partijen", "naam"), ("partijen", "contact")}  # fmt: skip
    assert vrije_tekst <= set(lb.text_columns(db))  # where a name may be typed, the name is looked for
    db.close()


HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "schrijft":
    db.execute("BEGIN IMMEDIATE")
    db.execute("UPDATE partijen SET type = type")
else:
    db.execute("SELECT COUNT(*) FROM partijen").fetchone()
print("open", flush=True)
sys.stdin.read()
"""


@pytest.mark.parametrize("houder", ["open", "schrijft"])
def test_forget_while_another_program_holds_the_logbook_changes_nothing(tmp_path: Path, houder: str) -> None:
    pad = tmp_path / "l.sqlite"
    _with_a_person(pad)
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(pad), houder], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert proc.stdout and proc.stdout.readline().strip() == "open"
        voor = pad.read_bytes()
        res = run_cli("logboek", "--db", str(pad), "vergeet", PERSOON, "--naam")
        assert pad.read_bytes() == voor
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert_one_line_error(res, str(pad.name), "in gebruik", "niets")
    db = lb.connect(pad)
    assert lb.everything_about(db, PERSOON)["partij"]["contact"] == CONTACT
    db.close()


# --- participation activities and input (issue 23, part 1) -----------------------------------------


def test_activities_and_input_through_the_command_line_export_and_import(tmp_path: Path) -> None:
    db = str(tmp_path / "l.sqlite")

    def cli(*args: str) -> str:
        res = run_cli("logboek", "--db", db, *args)
        assert res.returncode == 0, res.stderr
        return res.stdout

    cli("toevoegen", "partij", "--naam", "Wijkraad Y", "--type", "wijkraad")
    cli("toevoegen", "partij", "--naam", "Huurdersvereniging Z", "--type", "huurdersvereniging")
    assert cli("toevoegen", "activiteit", "--datum", "2026-03-10", "--vorm", "bijeenkomst", "--onderwerp",
               "Keuze warmteoplossing", "--doelgroep", "Wijkraad Y;Huurdersvereniging Z", "--uitgenodigd", "400",
               "--deelnemers", "62", "--trede", "raadplegen", "--fase", "planvorming", "--lessen", "4"
               ).strip() == "activiteit 1: toegevoegd"  # fmt: skip
    assert cli("toevoegen", "activiteit", "--datum", "2026-03-20", "--vorm", "enquete", "--onderwerp", "Kosten",
               "--trede", "raadplegen").strip() == "activiteit 2: toegevoegd"  # fmt: skip
    assert cli("toevoegen", "inbreng", "--activiteit", "1", "--inbreng", "Zorg over de maandlasten", "--standpunt",
               "oneens", "--verwerking", "deels", "--toelichting", "Woonlastengarantie voor huurders"
               ).strip() == "inbreng 1: toegevoegd"  # fmt: skip
    cli("toevoegen", "inbreng", "--activiteit", "2", "--inbreng", "Wanneer begint het werk?", "--standpunt", "vraag")
    lijst = cli("lijst", "activiteiten")
    assert "doelgroep: Wijkraad Y;Huurdersvereniging Z" in lijst and "uitgenodigd: 400" in lijst
    assert "deelnemers: 62" in lijst and "fase: planvorming" in lijst
    assert "verwerking: open" in cli("lijst", "inbreng")  # what was not yet settled is said so
    # the export carries them, and reads back into an empty logbook
    cli("exporteer", "--out", str(tmp_path / "uit"))
    assert (tmp_path / "uit/activiteiten.csv").read_text().startswith("id,datum,vorm,onderwerp,doelgroep,uitgenodigd")
    kopie = lb.connect(tmp_path / "kopie.sqlite")
    nieuw, problemen = import_file(kopie, tmp_path / "uit/logboek.xlsx")
    assert problemen == [] and nieuw["activiteiten"] == 2 and nieuw["inbreng"] == 2
    assert (
        lb.rows(kopie, "activiteiten")[0]["uitgenodigd"] == 400
        and lb.rows(kopie, "activiteiten")[1]["uitgenodigd"] == ""
    )


@pytest.mark.parametrize(("args", "fragmenten"), [
    (["--doelgroep", "Wijkraad"], ["partijen: onbekende partij 'Wijkraad'", "bedoelt u: Wijkraad Y?"]),
    (["--uitgenodigd", "-5"], ["uitgenodigd: '-5' is geen aantal mensen"]),
    (["--deelnemers", "veel"], ["deelnemers: 'veel' is geen aantal mensen"]),
    (["--uitgenodigd", "10", "--deelnemers", "40"], ["deelnemers: 40 is meer dan uitgenodigd (10)", "--toelichting"]),
    (["--vorm", "feest"], ["vorm: ongeldige waarde 'feest'", "bijeenkomst"]),
])  # fmt: skip
def test_a_wrong_activity_is_one_line(args: list[str], fragmenten: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "l.sqlite")
    assert run_cli("logboek", "--db", db, "toevoegen", "partij", "--naam", "Wijkraad Y").returncode == 0
    basis = {"--datum": "2026-03-10", "--vorm": "inloop", "--onderwerp": "Warmte", "--trede": "raadplegen"}
    for i in range(0, len(args), 2):
        basis[args[i]] = args[i + 1]
    res = run_cli("logboek", "--db", db, "toevoegen", "activiteit", *[x for kv in basis.items() for x in kv])
    assert_one_line_error(res, *fragmenten)
    assert "Nog geen activiteiten" in run_cli("logboek", "--db", db, "lijst", "activiteiten").stdout


def test_what_the_logbook_holds_about_a_party_includes_its_activities(tmp_path: Path) -> None:
    db = lb.connect(tmp_path / "l.sqlite")
    with transaction(db):
        lb.add_party(db, "Wijkraad Y", "wijkraad")
        lb.add_activity(db, "2026-03-10", "werkgroep", "Tracé", "Wijkraad Y", "", "8", "adviseren")
        lb.add_activity(db, "2026-03-11", "online", "Kosten", "", "", "", "informeren")
        lb.add_input(db, "1", "Liever langs de singel", "eens", "overgenomen")
    alles = lb.everything_about(db, "Wijkraad Y")
    assert [a["onderwerp"] for a in alles["activiteiten"]] == ["Tracé"]
    assert [i["inbreng"] for i in alles["inbreng"]] == ["Liever langs de singel"]


def test_more_attendees_than_invited_is_allowed_with_a_note(tmp_path: Path) -> None:
    db = lb.connect(tmp_path / "l.sqlite")
    with transaction(db):
        lb.add_activity(db, "2026-03-10", "inloop", "Warmte", "", "10", "40", "informeren",
                        toelichting="inloop: buren namen buren mee")  # fmt: skip
    assert lb.rows(db, "activiteiten")[0]["deelnemers"] == 40
    with pytest.raises(UserError, match="activiteit: onbekende activiteit '7'"):
        lb.add_input(db, "7", "Iets", "eens")


def test_forget_with_naam_reaches_activities_and_input(tmp_path: Path) -> None:
    pad = tmp_path / "l.sqlite"
    db = lb.connect(pad)
    with transaction(db):
        lb.add_party(db, "Jan de Vries", "overig", contact="jan@example.org")
        lb.add_activity(
            db, "2026-03-10", "huisbezoek", "Gesprek met Jan de Vries", "Jan de Vries", "1", "1", "raadplegen"
        )
        lb.add_input(db, "1", "Jan de Vries wil eerst isoleren", "gemengd", "overgenomen", "Jan de Vries kreeg gelijk")
    db.close()
    res = run_cli("logboek", "--db", str(pad), "vergeet", "Jan de Vries", "--naam")
    assert res.returncode == 0, res.stderr
    db = lb.connect(pad)
    tekst = json.dumps([lb.rows(db, s) for s in lb.SOORTEN], ensure_ascii=False)
    db.close()
    assert "Jan de Vries" not in tekst and "jan@example.org" not in tekst
    assert "Partij 1 wil eerst isoleren" in tekst


def test_a_failed_first_import_or_entry_leaves_no_empty_logbook(tmp_path: Path) -> None:
    kapot = FIXTURES / "logboek" / "kapot.csv"
    nieuw = tmp_path / "nieuw.sqlite"
    res = run_cli("logboek", "--db", str(nieuw), "importeer", str(kapot), "--alles-of-niets")
    assert res.returncode != 0 and not nieuw.exists()
    res = run_cli("logboek", "--db", str(nieuw), "toevoegen", "gesprek", "--datum", "2026-01-01", "--partijen",
                  "Onbekend", "--onderwerp", "x")  # fmt: skip
    assert_one_line_error(res, "onbekende partij")
    assert not nieuw.exists()
    bestaand = tmp_path / "bestaand.sqlite"  # a logbook that was there stays, empty or not
    lb.connect(bestaand).close()
    assert run_cli("logboek", "--db", str(bestaand), "importeer", str(kapot), "--alles-of-niets").returncode != 0
    assert bestaand.exists()
