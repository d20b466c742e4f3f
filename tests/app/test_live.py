"""The live workshop and the web app without a browser: sessions, submissions, limits, codes, the
harvest from stored answers, uploads in the checklist page, and the command line's one-line errors.
The browser tests (tests/app/test_app_browser.py) drive the same code through the pages."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import assert_one_line_error, run_cli
from toolkit.base.errors import UserError
from toolkit.domain.live import (
    ALFABET,
    MAX_GROEPEN,
    MAX_GROEPNAAM,
    MAX_NOTITIE,
    export_responses,
    new_session,
    normalise_code,
    open_session,
    parse_lessons,
    read_session,
    responses,
    submit,
)
from toolkit.domain.workshop import harvest_report, statement_ids


def _rows(les: int, score: int | None = 3, notitie: str = "") -> list[dict[str, object]]:
    return [{"les": les, "stelling": sid, "score": score, "notitie": notitie}
            for sid, n in statement_ids().items() if n == les]  # fmt: skip


@pytest.fixture
def sessie(tmp_path: Path):  # type: ignore[no-untyped-def]
    return new_session(tmp_path / "live", [3, 4])


def test_a_new_session_has_readable_codes_and_is_found_again(sessie, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert len(sessie.code) == 8 and len(sessie.trainer_code) == 8  # 32**8: a trillion codes to guess from
    assert set(sessie.code + sessie.trainer_code) <= set(ALFABET)
    assert not set("O0I1") & set(ALFABET)  # nothing to misread on a projected screen
    assert sessie.pad.name == f"workshop-{sessie.code}.sqlite"
    assert [p.name for p in sessie.pad.parent.iterdir()] == [sessie.pad.name]  # no temporary file left
    terug = open_session(tmp_path / "live", sessie.code.lower())
    assert (terug.code, terug.trainer_code, terug.lessen) == (sessie.code, sessie.trainer_code, (3, 4))
    assert normalise_code(" ab-c 12 ") == "ABC12"


def test_an_unknown_session_names_the_ones_there(sessie, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match=f"--sessie XXXXXX: onbekende sessie .*bestaande sessies: {sessie.code}"):
        open_session(tmp_path / "live", "XXXXXX")


def test_submitted_answers_are_stored_at_once_and_survive_another_connection(sessie) -> None:  # type: ignore[no-untyped-def]
    assert submit(sessie, "Tafel 1", "pagina-a", _rows(3, 4) + _rows(4, None)) == len(_rows(3)) + len(_rows(4))
    # a second process (the trainer's page, or the server after a restart) reads the same file
    db = sqlite3.connect(sessie.pad)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("SELECT COUNT(*) FROM antwoorden").fetchone()[0] == len(_rows(3)) + len(_rows(4))
    db.close()
    opnieuw = read_session(sessie.pad)
    antwoorden = responses(opnieuw)
    assert {a.groep for a in antwoorden} == {"Tafel 1"}
    assert {a.score for a in antwoorden if a.les == 3} == {4} and {a.score for a in antwoorden if a.les == 4} == {None}


def test_what_a_group_pastes_is_stored_without_invisible_characters(sessie) -> None:  # type: ignore[no-untyped-def]
    submit(sessie, "Tafel\x011\x0b", "pagina-a", _rows(3, 2, "Samen\x0bmet de wijkraad\x07"))
    antwoorden = responses(sessie)
    assert {a.groep for a in antwoorden} == {"Tafel1"}
    assert {a.notitie for a in antwoorden} == {"Samen met de wijkraad"}


def test_a_group_corrects_its_answers_but_cannot_take_another_groups_name(sessie) -> None:  # type: ignore[no-untyped-def]
    submit(sessie, "Tafel 1", "pagina-a", _rows(3, 2))
    submit(sessie, "  tafel   1 ", "pagina-a", _rows(3, 5))  # same page, same name as typed loosely: replaces
    assert {a.score for a in responses(sessie)} == {5} and {a.groep for a in responses(sessie)} == {"tafel 1"}
    with pytest.raises(UserError, match="er is al een groep 'tafel 1'"):
        submit(sessie, "TAFEL 1", "pagina-b", _rows(3, 1))
    assert {a.score for a in responses(sessie)} == {5}


@pytest.mark.parametrize(
    ("groep", "rijen", "fout"),
    [
        ("", _rows(3), "vul de naam van uw groep in"),
        ("x" * (MAX_GROEPNAAM + 1), _rows(3), f"hooguit {MAX_GROEPNAAM}"),
        ("Tafel", _rows(3, 6), "buiten 1 t/m 5"),
        ("Tafel", _rows(3, 0), "buiten 1 t/m 5"),
        ("Tafel", _rows(3, 3, "n" * (MAX_NOTITIE + 1)), f"hooguit {MAX_NOTITIE}"),
        ("Tafel", _rows(5), r"hoort niet bij deze workshop \(lessen 3, 4\)"),
        ("Tafel", [{"les": 3, "stelling": "L9-S9", "score": 3}], "onbekende stelling"),
    ],
)
def test_bad_submissions_get_one_line_and_store_nothing(sessie, groep: str, rijen: list, fout: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UserError, match=fout):
        submit(sessie, groep, "pagina", rijen)
    assert responses(sessie) == []


def test_the_number_of_groups_is_limited(sessie) -> None:  # type: ignore[no-untyped-def]
    rij = _rows(3)[:1]
    for i in range(MAX_GROEPEN):
        submit(sessie, f"Groep {i}", f"p{i}", rij)
    with pytest.raises(UserError, match=f"al {MAX_GROEPEN} groepen"):
        submit(sessie, "Nog een", "p-extra", rij)
    submit(sessie, "Groep 0", "p0", rij)  # a group already in may still correct


def test_a_group_renames_itself_with_its_own_key_and_finds_its_answers_again(sessie) -> None:  # type: ignore[no-untyped-def]
    from toolkit.domain import own_group

    submit(sessie, "Tafel 1", "sleutel-a", _rows(3, 2, "eerst"))
    submit(sessie, "Tafel Eén", "sleutel-a", _rows(3, 4, "later"))  # the same page, a better name
    assert {a.groep for a in responses(sessie)} == {"Tafel Eén"}
    eigen = own_group(sessie, "sleutel-a")
    assert eigen is not None and eigen.naam == "Tafel Eén"
    assert set(eigen.antwoorden.values()) == {(4, "later")}
    assert own_group(sessie, "sleutel-b") is None and own_group(sessie, "") is None
    submit(sessie, "Tafel 2", "sleutel-b", _rows(3, 1))
    with pytest.raises(UserError, match="er is al een groep 'Tafel 2'"):  # a rename never takes another's name
        submit(sessie, "tafel 2", "sleutel-a", _rows(3, 5))


def test_one_device_starts_a_few_groups_not_the_session(sessie) -> None:  # type: ignore[no-untyped-def]
    from toolkit.domain import MAX_GROEPEN_PER_APPARAAT, LiveFout

    rij = _rows(3)[:1]
    for i in range(MAX_GROEPEN_PER_APPARAAT):
        submit(sessie, f"Tafel {i}", f"k{i}", rij, apparaat="telefoon-1")
    with pytest.raises(LiveFout) as fout:
        submit(sessie, "Nog een", "k-extra", rij, apparaat="telefoon-1")
    assert f"hooguit {MAX_GROEPEN_PER_APPARAAT}" in str(fout.value)
    assert "at most" in fout.value.in_language("en")  # the page shows it in its own language
    submit(sessie, "Tafel 0", "k0", rij, apparaat="telefoon-1")  # its groups may still correct
    submit(sessie, "Andere tafel", "k-ander", rij, apparaat="telefoon-2")


def test_the_trainer_removes_a_group(sessie) -> None:  # type: ignore[no-untyped-def]
    from toolkit.domain import remove_group

    submit(sessie, "Grap", "k1", _rows(3, 1))
    submit(sessie, "Tafel 2", "k2", _rows(3, 4))
    assert remove_group(sessie, "grap") and not remove_group(sessie, "grap")
    assert {a.groep for a in responses(sessie)} == {"Tafel 2"}


def test_a_session_past_its_keeping_day_is_erased(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from toolkit.domain import purge_expired

    oud = new_session(tmp_path, [3], "nl", bewaar_dagen=1)
    submit(oud, "Tafel geheim", "k", _rows(3, 2, "een notitie die weg moet"))
    nieuw = new_session(tmp_path, [3], "nl", bewaar_dagen=30)
    assert oud.bewaar_tot == date.today() + timedelta(days=1) and read_session(oud.pad).bewaar_tot == oud.bewaar_tot
    assert purge_expired(tmp_path) == []  # not yet
    assert purge_expired(tmp_path, vandaag=date.today() + timedelta(days=2)) == [oud.code]
    assert not oud.pad.exists() and nieuw.pad.exists()
    assert not list(tmp_path.glob(f"workshop-{oud.code}*"))
    with pytest.raises(UserError, match=r"--bewaar 0: kies 1 tot en met 365"):
        new_session(tmp_path, [3], "nl", bewaar_dagen=0)


def test_groups_whose_names_look_alike_are_both_exported(sessie, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    submit(sessie, "Tafel 1!", "a", _rows(3, 2))
    submit(sessie, "Tafel 1?", "b", _rows(3, 4))
    map_ = export_responses(sessie, tmp_path / "csv")
    assert sorted(p.name for p in map_.glob("*.csv")) == ["tafel-1-2.csv", "tafel-1.csv"]
    assert {r.split(",")[0] for p in map_.glob("*.csv") for r in p.read_text().splitlines()[1:]} == {
        "Tafel 1!",
        "Tafel 1?",
    }


def test_exported_answers_give_the_harvest_of_the_stored_answers(sessie, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    submit(sessie, "Tafel <1>", "a", _rows(3, 1, 'te; weinig, "tijd"'))
    submit(sessie, "Tafel 2", "b", _rows(3, 3) + _rows(4, 5))
    map_ = export_responses(sessie, tmp_path / "csv")
    assert sorted(p.name for p in map_.iterdir()) == ["tafel-1.csv", "tafel-2.csv"]
    rapport = harvest_report(map_, anoniem=False)
    assert rapport.problemen == []
    assert rapport.oogst.gemiddeld[3] == 2.0 and rapport.oogst.gemiddeld[4] == 5.0
    assert ("Tafel <1>", 'te; weinig, "tijd"') in rapport.oogst.notities[3]
    # the saved harvest draws the session's lessons, as the trainer's page does: no axes at 0
    assert sorted(rapport.lessen) == [3, 4] and set(rapport.oogst.gemiddeld) == {3, 4}


def test_lessons_are_parsed_with_a_clear_line() -> None:
    assert parse_lessons("3, 4;4") == [3, 4]
    assert parse_lessons("") == [1, 2, 3, 4, 5, 6, 7]
    with pytest.raises(UserError, match=r"--lessen: onbekende les '9' \(toegestaan: 1"):
        parse_lessons("3,9")


def test_the_trainer_page_needs_its_own_code(sessie) -> None:  # type: ignore[no-untyped-def]
    from toolkit.app.live import trainer_code_given

    assert trainer_code_given(f"trainer={sessie.trainer_code.lower()}&token={sessie.code}", sessie)
    assert not trainer_code_given(f"token={sessie.code}", sessie)
    assert not trainer_code_given(f"trainer={sessie.code}", sessie)  # the groups' code is not the trainer's
    assert not trainer_code_given("", sessie)


def test_the_qr_code_holds_the_address() -> None:
    from urllib.parse import unquote

    from toolkit.app.live import qr_data_uri

    adres = "http://192.168.1.5:8866/live/groep?token=ABC234"
    uri = qr_data_uri(adres)
    assert uri.startswith("data:image/svg+xml") and "<svg" in unquote(uri) and "<path" in unquote(uri)
    assert qr_data_uri(adres.replace("ABC234", "ABC235")) != uri  # the image is made from the address


# --- the checklist page's uploads -----------------------------------------------------------------


def test_an_upload_that_is_not_a_register_is_one_line(tmp_path: Path) -> None:
    from toolkit.app.checklist import read_uploaded_register

    with pytest.raises(UserError, match=r"^notities\.txt: geen \.xlsx- of \.ods-bestand"):
        read_uploaded_register("notities.txt", b"hallo")
    with pytest.raises(UserError, match=r"^Uw bestand kapot\.xlsx is niet te gebruiken: geen Excel-bestand") as fout:
        read_uploaded_register("kapot.xlsx", b"PK\x03\x04 niet echt")
    assert "--" not in str(fout.value)  # the page names the file, not a command-line option


def test_an_uploaded_profile_is_checked(tmp_path: Path) -> None:
    from toolkit.app.checklist import read_uploaded_profile

    assert read_uploaded_profile("p.yaml", b"gemeente: Ede\nfase: orientatie\n")["gemeente"] == "Ede"
    with pytest.raises(UserError, match="p.yaml"):
        read_uploaded_profile("p.yaml", b"gemeente: Ede\nfase: later\n")
    with pytest.raises(UserError, match="geen tekstbestand"):
        read_uploaded_profile("p.yaml", b"\xff\xfe\x00")


def test_download_links_carry_the_file_and_escape_its_name() -> None:
    import base64

    from toolkit.app.checklist import download_link

    link = download_link('a"<b>.json', '{"x": 1}', "JSON <gegevens>")
    assert 'download="a&#34;&lt;b&gt;.json"' in link and "JSON &lt;gegevens&gt;" in link
    assert base64.b64decode(link.split("base64,")[1].split('"')[0]) == b'{"x": 1}'


def test_the_login_page_escapes_what_comes_from_the_address() -> None:
    from toolkit.app.server import login_page

    html = login_page("nl", "/", '"><script>x</script>', "<input type=hidden>", True)
    assert "<script>x" not in html and 'role="alert"' in html and 'lang="nl"' in html


# --- codes that resist guessing ------------------------------------------------------------------


def test_codes_are_compared_as_typed_and_in_constant_time(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import hmac

    from toolkit.domain.live import codes_match, new_code

    assert len(new_code()) >= 8 and len({new_code() for _ in range(50)}) == 50
    vergeleken = []
    echt = hmac.compare_digest

    def compare_digest(a, b):  # type: ignore[no-untyped-def]
        vergeleken.append((a, b))
        return echt(a, b)

    monkeypatch.setattr(hmac, "compare_digest", compare_digest)
    assert codes_match("abcd efgh", "ABCDEFGH") and codes_match("ab-cd-ef-gh", "ABCDEFGH")
    assert not codes_match("ABCDEFGX", "ABCDEFGH") and not codes_match("", "ABCDEFGH")
    assert not codes_match("ÄBCDEFGH", "ABCDEFGH")  # a letter outside ASCII is a wrong code, not a crash
    assert len(vergeleken) == 5


def test_a_device_that_keeps_guessing_waits_a_minute() -> None:
    from toolkit.app.limiter import AttemptLimiter, TooManyAttempts

    nu = [0.0]
    poort = AttemptLimiter(clock=lambda: nu[0])
    for _ in range(5):
        assert not poort.check("192.168.1.20", "FOUTFOUT", "GOEDGOED")
        nu[0] += 1
    with pytest.raises(TooManyAttempts):  # while it waits, not even the right code is looked at
        poort.check("192.168.1.20", "GOEDGOED", "GOEDGOED")
    assert poort.check("192.168.1.21", "goed goed", "GOEDGOED")  # another device is not held up
    nu[0] += 60
    assert poort.check("192.168.1.20", "GOEDGOED", "GOEDGOED")  # a minute later the right code works
    # addresses of one IPv6 network (a device can choose among billions) count as one device
    for i in range(5):
        poort.check(f"2001:db8::{i + 1:x}", "FOUTFOUT", "GOEDGOED")
    assert poort.blocked("2001:db8::ffff") and not poort.blocked("2001:db8:0:1::1")


def test_the_limiter_stays_small_however_many_devices_guess() -> None:
    from toolkit.app.limiter import AttemptLimiter

    poort = AttemptLimiter(clients=100)
    for i in range(5000):
        poort.check(f"10.0.{i // 256}.{i % 256}", "FOUTFOUT", "GOEDGOED")
    assert len(poort) == 100


def test_the_wait_page_says_so_in_the_servers_language() -> None:
    from toolkit.app.server import wait_page

    assert "Wacht een minuut" in wait_page("nl", "/") and "Wait a minute" in wait_page("en", "/")


# --- the command line -----------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["a", "abc-123", "ABCDEFG"])
def test_a_chosen_app_code_of_fewer_than_8_characters_is_refused(code: str, tmp_path: Path) -> None:
    with socket.socket() as bezet:  # a port in use: should the code be taken, the command stops at the port
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        res = run_cli("app", "--code", code, "--port", str(bezet.getsockname()[1]), "--werkmap", str(tmp_path / "w"))
    assert_one_line_error(res, f"--code {code}: kies minstens 8 letters of cijfers")


@pytest.mark.parametrize("commando", [["app"], ["workshop", "live", "--lessen", "3"]])
def test_a_port_in_use_is_one_line(commando: list[str], tmp_path: Path) -> None:
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen()
        poort = bezet.getsockname()[1]
        res = run_cli(*commando, "--port", str(poort), "--werkmap", str(tmp_path / "w"), *(
            ["--map", str(tmp_path / "m")] if "live" in commando else []))  # fmt: skip
    assert_one_line_error(res, f"--port {poort}: poort is al in gebruik", f"--port {poort + 1}")
    assert not (tmp_path / "m").exists()  # no session made for nothing


@pytest.mark.parametrize(
    ("optie", "waarde", "melding"),
    [
        ("--opruimen", "5", "--opruimen 5: kies 30 tot en met 3600 seconden"),  # could stop a page still loading
        ("--opruimen", "99999999", "--opruimen 99999999: kies 30 tot en met 3600 seconden"),
        ("--voorraad", "0", "--voorraad 0: kies 1 tot en met 10 kernels"),
        ("--voorraad", "500", "--voorraad 500: kies 1 tot en met 10 kernels"),  # 500 kernels would fill the memory
    ],
)
def test_app_settings_out_of_bounds_are_one_line(optie: str, waarde: str, melding: str, tmp_path: Path) -> None:
    res = run_cli("app", optie, waarde, "--port", "1", "--werkmap", str(tmp_path / "w"))
    assert_one_line_error(res, melding)
    assert not (tmp_path / "w").exists()  # refused before anything started


def test_an_answers_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "bestand").write_text("geen map")
    vrij = socket.socket()
    vrij.bind(("127.0.0.1", 0))
    poort = vrij.getsockname()[1]
    vrij.close()
    res = run_cli("workshop", "live", "--map", str(tmp_path / "bestand" / "live"), "--port", str(poort),
                  "--werkmap", str(tmp_path / "w"))  # fmt: skip
    assert_one_line_error(res, "bestand/live: --map: map kan niet worden gemaakt")


def test_an_unknown_lesson_or_session_is_one_line(tmp_path: Path) -> None:
    res = run_cli("workshop", "live", "--lessen", "3,8", "--map", str(tmp_path), "--werkmap", str(tmp_path / "w"))
    assert_one_line_error(res, "--lessen: onbekende les '8'")
    res = run_cli("workshop", "live", "--sessie", "ABCDEF", "--map", str(tmp_path), "--werkmap", str(tmp_path / "w"))
    assert_one_line_error(res, "--sessie ABCDEF: onbekende sessie", "er is nog geen sessie")


def test_a_session_file_that_cannot_be_written_is_a_message_not_a_crash(sessie, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from toolkit.domain.live import Sessie

    submit(sessie, "Tafel 1", "a", _rows(3, 2))
    echt = Sessie.connect

    def read_only(self: Sessie) -> sqlite3.Connection:  # as when the folder was made read-only mid-session
        db = echt(self)
        db.execute("PRAGMA query_only = ON")
        return db

    monkeypatch.setattr(Sessie, "connect", read_only)
    with pytest.raises(UserError, match="de antwoorden konden niet worden opgeslagen"):
        submit(sessie, "Tafel 2", "b", _rows(3, 4))
    monkeypatch.undo()
    assert {a.groep for a in responses(sessie)} == {"Tafel 1"}


def test_the_harvest_comes_straight_from_a_live_sessions_file(sessie, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    submit(sessie, "Tafel 1", "a", _rows(3, 2) + _rows(4, 4))
    submit(sessie, "Tafel 2", "b", _rows(3, 5) + _rows(4, None))
    res = run_cli("workshop", "oogst", "--sessie", sessie.code.lower(), "--map", str(sessie.pad.parent),
                  "--out", str(tmp_path / "uit"))  # fmt: skip
    assert res.returncode == 0, res.stderr
    map_ = tmp_path / "uit" / f"workshop-{sessie.code}"
    assert sorted(p.name for p in (map_ / "antwoorden").iterdir()) == ["tafel-1.csv", "tafel-2.csv"]
    html = (map_ / "oogst" / "oogst.nl.html").read_text(encoding="utf-8")
    assert "Tafel 1" not in html  # anonymous, as the trainer's Oogst opslaan
    # the same report as from the exported folder
    assert harvest_report(map_ / "antwoorden").oogst.gemiddeld == {3: 3.5, 4: 4.0}
    for args, fout in (
        ([], "geef de map met antwoorden (MAP) of --sessie CODE"),
        ([str(tmp_path), "--sessie", sessie.code, "--map", str(sessie.pad.parent)], "niet allebei"),
        (["--sessie", "ZZZZZZ", "--map", str(sessie.pad.parent)], "--sessie ZZZZZZ: onbekende sessie"),
    ):
        assert_one_line_error(run_cli("workshop", "oogst", *args, "--out", str(tmp_path / "x")), fout)


def test_closing_a_session_keeps_the_harvest_in_one_zip_and_erases_the_answers(sessie, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json
    import zipfile

    from frictionless import Package

    from toolkit.app.live import close_session
    from toolkit.domain import LiveFout, set_active_statement, vote

    geheim = "Notitie-die-na-het-afsluiten-weg-moet"
    submit(sessie, "Tafel Noord", "a", _rows(3, 2, geheim) + _rows(4, 4))
    set_active_statement(sessie, _rows(3)[0]["stelling"])
    vote(sessie, "telefoon-1", _rows(3)[0]["stelling"], "eens")
    submit(sessie, "Tafel Zuid", "b", _rows(3, 5) + _rows(4, None))
    zip_ = close_session(sessie, tmp_path / "uit", "nl")
    with zipfile.ZipFile(zip_) as z:
        namen = set(z.namelist())
        assert {"oogst/oogst.nl.html", "oogst/oogst.nl.docx", "antwoorden/antwoorden.csv", "antwoorden/stemmen.csv",
                "antwoorden/datapackage.json"} <= namen  # fmt: skip
        assert z.read("antwoorden/stemmen.csv").decode().splitlines()[1].endswith(",1,0,0")  # the votes kept
        z.extractall(tmp_path / "uitgepakt")
        csv = z.read("antwoorden/antwoorden.csv").decode()
        assert geheim in csv and "Groep A" in csv and "Tafel" not in csv  # the answers, without the groups' names
        assert "Tafel" not in z.read("oogst/oogst.nl.html").decode()
        assert json.loads(z.read("antwoorden/datapackage.json"))["resources"][0]["path"] == "antwoorden.csv"
    assert Package(str(tmp_path / "uitgepakt" / "antwoorden" / "datapackage.json")).validate().valid
    # the answers are gone from the session file, byte for byte (main file and its write-ahead log)
    for pad in sessie.pad.parent.glob(f"{sessie.pad.name}*"):
        inhoud = pad.read_bytes()
        assert geheim.encode() not in inhoud and b"Tafel Noord" not in inhoud, pad.name
    assert responses(sessie) == []
    with pytest.raises(LiveFout, match="afgesloten"):  # a closed session takes no answers
        submit(sessie, "Tafel laat", "c", _rows(3, 3))


def test_the_room_votes_on_the_statement_the_trainer_puts_to_it(sessie) -> None:  # type: ignore[no-untyped-def]
    from toolkit.domain import LiveFout, active_statement, set_active_statement, vote, vote_counts

    eerste, tweede = _rows(3)[0]["stelling"], _rows(3)[1]["stelling"]
    with pytest.raises(LiveFout, match="niet meer worden gestemd"):  # nothing open yet
        vote(sessie, "telefoon-1", eerste, "eens")
    set_active_statement(sessie, eerste)
    assert active_statement(sessie) == eerste
    vote(sessie, "telefoon-1", eerste, "oneens")
    vote(sessie, "telefoon-1", eerste, "eens")  # a second choice replaces the first
    vote(sessie, "telefoon-2", eerste, "weet_niet")
    with pytest.raises(LiveFout, match="Kies eens, oneens of weet niet"):
        vote(sessie, "telefoon-3", eerste, "misschien")
    set_active_statement(sessie, tweede)
    with pytest.raises(LiveFout):  # the vote on the first is closed
        vote(sessie, "telefoon-3", eerste, "eens")
    vote(sessie, "telefoon-3", tweede, "oneens")
    assert vote_counts(sessie) == {eerste: {"eens": 1, "oneens": 0, "weet_niet": 1},
                                   tweede: {"eens": 0, "oneens": 1, "weet_niet": 0}}  # fmt: skip
    set_active_statement(sessie, None)
    assert active_statement(sessie) is None
    with pytest.raises(UserError, match="onbekende stelling"):
        set_active_statement(sessie, "L9-S9")


@pytest.mark.parametrize(("taal", "velden", "melding"), [
    ("en", {"Municipality": "Xyzstad"}, "municipality: unknown municipality 'Xyzstad' (did you mean: Zaanstad"),
    ("en", {"Municipality": "Wageningen", "District": "Nergens"}, "district: unknown district 'Nergens' in Wageningen"),
    ("en", {"Municipality": "Wageningen", "Staff capacity (fte)": "veel"},
     "Staff capacity (fte): 'veel' is not a number (leave it empty if you do not know)"),
    ("en", {"Municipality": "Wageningen", "Owner-occupied homes (%)": "80", "Housing-corporation homes (%)": "50"},
     "tenure (%): the shares add up to 130 (at most 100 together)"),
    ("nl", {"Gemeente": "Xyzstad"}, "gemeente: onbekende gemeente 'Xyzstad' (bedoelt u: Zaanstad"),
])  # fmt: skip
def test_a_mistake_in_the_form_is_said_on_the_page_in_its_language_and_its_words(
    taal: str, velden: dict[str, str], melding: str
) -> None:
    import contextlib
    import io
    from html import unescape

    from toolkit.app.checklist import checklist_page

    with contextlib.redirect_stdout(io.StringIO()):
        pagina = checklist_page(taal)
    alle = _widgets(pagina)
    invoer = {getattr(w, "description", ""): w for w in alle}
    for label, waarde in velden.items():
        invoer[label].value = waarde
    invoer["Make checklist" if taal == "en" else "Maak checklist"].click()
    meldingen = [unescape(str(w.value)) for w in alle if 'role="alert"' in str(getattr(w, "value", ""))]
    assert any(melding in m for m in meldingen), meldingen
    for m in meldingen:  # no field name of the profile file, no file the visitor never saw
        assert "profiel:" not in m and "capaciteit_fte" not in m and "_" not in m.split("(")[0]


def test_page_messages_in_english_keep_no_dutch_line_unmarked() -> None:
    from toolkit.notebook import page_message

    assert page_message("profiel: groepen[2].naam: is leeg (vul tekst in)", "en") == (
        "existing groups: is empty (fill in some text)"
    )
    assert page_message("mijn.yaml: regel 3: YAML-fout: sleutel 'a' staat twee keer in hetzelfde blok", "en") == (
        "mijn.yaml: line 3: the key 'a' appears twice in the same block"
    )
    assert page_message("iets heel anders", "en") == "In Dutch: iets heel anders"  # said, not passed off as English
    assert page_message("profiel: notities: is te lang (hooguit 5000 tekens)", "nl") == (
        "notities: is te lang (hooguit 5000 tekens)"
    )


def _widgets(w: object) -> list[object]:
    uit = [w]
    for kind in getattr(w, "children", ()):
        uit += _widgets(kind)
    return uit


def test_a_hostile_profile_upload_is_said_in_english_on_an_english_page() -> None:
    from toolkit.app.checklist import read_uploaded_profile
    from toolkit.notebook import page_message

    with pytest.raises(UserError) as fout:
        read_uploaded_profile("lachen.yaml", b"a: &a [1, 2]\nb: *a\n", "en")
    assert page_message(str(fout.value), "en") == (
        "lachen.yaml: line 1: this is not valid YAML (a reference with '*' to '&' is not allowed (write the value out))"
    )
