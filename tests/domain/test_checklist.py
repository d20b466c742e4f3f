"""The checklist, in-process: tailoring, determinism, outputs, escaping, progress, bad input."""

from __future__ import annotations

import io
import json
import random
import re
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from toolkit.base.errors import UserError
from toolkit.content.actions import load_actions
from toolkit.domain.checklist import build, output_folder_name
from toolkit.render import render
from toolkit.render.checklist import to_json
from toolkit.reports.registry import build as build_report
from toolkit.reports.registry import produce

BASIS = {"gemeente": "Wageningen", "wijk": "WK028907", "fase": "orientatie"}


def _ids(checklist: dict) -> dict[str, str]:
    return {a["id"]: a["prioriteit"] for a in checklist["acties"]}


def _actie(checklist: dict, actie_id: str) -> dict | None:
    return next((a for a in checklist["acties"] if a["id"] == actie_id), None)


def test_enough_actions_written_as_data() -> None:
    acties = load_actions()
    per_les = Counter(a.les for a in acties)
    # after merging what was said twice (samengevoegd.yaml): still every lesson well covered
    assert len(acties) >= 55 and all(per_les[les] >= 5 for les in range(1, 8))
    assert all(a.tekst.nl and a.tekst.en and a.waarom.nl and a.waarom.en for a in acties)


def test_every_point_of_lesson_4_is_an_action() -> None:
    teksten = " ".join(a.tekst.nl.lower() for a in load_actions() if a.les == 4)
    for woord in (
        "aanspreekpunt", "logboek", "vertel iedereen", "adviesrol", "professionalisering",
        "overdragen|draag een deel", "betaal bewoners|bewoners en initiatieven in {wijk} te betalen",
        "wijkteam", "corporatie", "energiecooperatie",
        "breng in kaart",
    ):  # fmt: skip
        import re

        assert re.search(woord, teksten.replace("{energiecooperatie}", "energiecooperatie")), woord


def _profielen(n: int) -> list[dict]:
    """A spread of valid profiles, from empty to full, to test properties over."""
    rnd = random.Random(31)
    janee = ["ja", "nee", "onbekend", None]
    uit = []
    for _ in range(n):
        p: dict = {"gemeente": rnd.choice(["Wageningen", "Haarlem", "Voorbeeldstad", "GM0268"])}
        if rnd.random() < 0.7:
            p["fase"] = rnd.choice(["transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik"])
        for veld in ("aanspreekpunt", "logboek", "vergoeding_budget", "raad_betrokken"):
            if (w := rnd.choice(janee)) is not None:
                p[veld] = w
        if rnd.random() < 0.6:
            p["groepen"] = [
                {
                    "naam": f"Groep {i}",
                    "soort": rnd.choice(["energiecooperatie", "wijkraad", "sportclub", "groen"]),
                    "actief": rnd.choice(["ja", "beetje", "nee", "onbekend"]),
                }  # fmt: skip
                for i in range(rnd.randint(0, 3))
            ]
        if rnd.random() < 0.5:
            p["werkzaamheden"] = rnd.sample(["riolering", "herinrichting", "gasnet", "groot_onderhoud"], 2)
        if rnd.random() < 0.5:
            p["eigendom"] = {"koop": 50, "corporatie": rnd.choice([10, 30, 45])}
        if rnd.random() < 0.5:
            p["capaciteit_fte"] = rnd.choice([0.2, 0.5, 2])
        uit.append(p)
    return [{"gemeente": "Haarlem"}, *uit]


def test_every_lesson_has_an_action_for_every_profile() -> None:
    for profiel in _profielen(60):
        lessen = {a["les"] for a in build(profiel)["acties"]}
        assert lessen == set(range(1, 8)), profiel


def test_contact_person_action_follows_aanspreekpunt() -> None:
    nee = build({**BASIS, "aanspreekpunt": "nee"})
    ja = build({**BASIS, "aanspreekpunt": "ja"})
    assert _ids(nee)["L4-03"] == "hoog"
    assert "aanspreekpunt" in _actie(nee, "L4-03")["tekst"]
    assert "zichtbaar aanspreekpunt: nee" in _actie(nee, "L4-03")["aanleiding"]
    assert _ids(ja).get("L4-03") != "hoog"


def test_energy_cooperative_is_involved_and_named() -> None:
    coop = build({**BASIS, "groepen": [{"naam": "WOW Coöperatie", "soort": "energiecooperatie", "actief": "ja"}]})
    over_coop = [a for a in coop["acties"] if "WOW Coöperatie" in a["tekst"]]
    assert {"L4-09", "L4-10"} <= {a["id"] for a in over_coop}
    assert any("democrat" in a["tekst"] for a in over_coop)
    geen = build({**BASIS, "groepen": []})
    assert not {"L4-09", "L4-10"} & set(_ids(geen))
    assert _ids(geen)["L4-01"] == "hoog"  # no groups: map the existing groups first
    assert _ids(build(BASIS))["L4-01"] == "hoog"  # groups unknown: the same


def test_meekoppelkans_with_planned_works() -> None:
    for werk in ("riolering", "herinrichting"):
        checklist = build({**BASIS, "werkzaamheden": [werk]})
        assert any("meekoppelkans" in a["tekst"].lower() for a in checklist["acties"]), werk
    zonder = build({**BASIS, "werkzaamheden": ["geen"]})
    assert not any("meekoppelkans" in a["tekst"].lower() for a in zonder["acties"])


def test_housing_corporation_share() -> None:
    veel = build({**BASIS, "eigendom": {"koop": 60, "corporatie": 35}})
    weinig = build({**BASIS, "eigendom": {"koop": 90, "corporatie": 5}})
    corporatie = [a for a in veel["acties"] if "corporatie" in a["tekst"] and "huurder" in a["tekst"]]
    assert corporatie and "L4-11" in _ids(veel)
    assert "L4-11" not in _ids(weinig)
    assert any("corporatiewoningen (%): 35 (>= 30)" in r for a in corporatie for r in a["aanleiding"])


def test_logbook_action_when_nothing_is_recorded() -> None:
    checklist = build({**BASIS, "logboek": "nee"})
    assert _ids(checklist)["L4-04"] == "hoog" and "logboek" in _actie(checklist, "L4-04")["tekst"]
    assert _ids(checklist).get("L4-05") == "midden"  # ... and communicate it: this phase, after the logbook
    assert _ids(build({**BASIS, "logboek": "ja"}))["L4-04"] != "hoog"


def test_phases_give_different_action_sets() -> None:
    sets = {
        fase: frozenset(_ids(build({**BASIS, "fase": fase})))
        for fase in ("transitievisie", "orientatie", "planvorming", "uitvoering", "gebruik")
    }
    assert len(set(sets.values())) == 5
    uit = build({**BASIS, "fase": "gebruik"})["uitgesloten"]
    assert any("hoort bij fase" in u["reden"] and "uw fase is gebruik" in u["reden"] for u in uit)


def test_unknowns_lead_to_find_out_actions() -> None:
    checklist = build({"gemeente": "Haarlem"})
    teksten = " ".join(a["tekst"] for a in checklist["acties"])
    assert "Zoek uit" in teksten
    assert checklist["profiel"]["aanspreekpunt"] == "onbekend" and checklist["profiel"]["fase"] == "onbekend"


def test_json_schema_and_determinism() -> None:
    profiel = {**BASIS, "aanspreekpunt": "nee", "groepen": [{"naam": "X", "soort": "wijkraad"}]}
    eerste, tweede = to_json(build(profiel)), to_json(build(profiel))
    assert eerste == tweede
    data = json.loads(eerste)
    assert {"profiel", "context", "acties", "uitgesloten"} <= set(data)
    for actie in data["acties"]:
        assert {"id", "les", "tekst", "waarom", "prioriteit", "eigenaar", "fasen", "aanleiding", "bewijs"} <= set(actie)
        assert 1 <= actie["les"] <= 7 and actie["prioriteit"] in ("hoog", "midden", "laag")
        assert actie["aanleiding"]
    assert all({"id", "reden"} <= set(u) for u in data["uitgesloten"])
    assert all({"jaar", "bron"} <= set(c) for c in data["context"]["cijfers"])
    ids = [a["id"] for a in data["acties"]] + [u["id"] for u in data["uitgesloten"]]
    assert sorted(ids) == sorted(a.id for a in load_actions())


def test_evidence_links_resolve_to_case_rows() -> None:
    bewijs = [b for a in build(BASIS)["acties"] for b in a["bewijs"]]
    assert bewijs and all(b["claim"] and b["casus_naam"] for b in bewijs)


def test_english_checklist() -> None:
    en = build(BASIS, "en")
    nl = build(BASIS)
    assert _ids(en) == _ids(nl)
    assert en["acties"][0]["tekst"] != nl["acties"][0]["tekst"]


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tekst: list[str] = []
        self.laden: list[str] = []
        self.vinkjes = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "input" and a.get("type") == "checkbox":
            self.vinkjes += 1
        if tag in {"script", "link", "iframe"} or (a.get("src") and not str(a["src"]).startswith("data:")):
            self.laden.append(tag)

    def handle_data(self, data: str) -> None:
        self.tekst.append(data)


KWAAD = "<script>alert('x')</script>"


def test_every_format_holds_every_action_and_escapes_user_text(tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    profiel = {
        **BASIS,
        "notities": f"Notitie {KWAAD}",
        "groepen": [{"naam": f"Coop {KWAAD}", "soort": "energiecooperatie", "actief": "ja"}],
    }
    checklist = build(profiel)
    teksten = [a["tekst"] for a in checklist["acties"]]
    formats = ["html", "docx", "xlsx", "md", "json"]
    geschreven = produce("checklist", {"profiel": profiel}, tmp_path, formats, "inproces", subfolder=False).files
    assert sorted(p.name for p in geschreven) == [
        "actieregister.xlsx", "checklist.docx", "checklist.html", "checklist.json", "checklist.md",
    ]  # fmt: skip

    html = (tmp_path / "checklist.html").read_text()
    p = _Html()
    p.feed(html)
    assert p.laden == [] and KWAAD not in html and "&lt;script&gt;" in html
    assert p.vinkjes == len(teksten)
    alle_tekst = " ".join(p.tekst)
    assert all(t in alle_tekst for t in teksten)
    assert "@page" in html and "A4" in html

    doc = Document(str(tmp_path / "checklist.docx"))
    docx_tekst = "\n".join(c.text for tabel in doc.tables for rij in tabel.rows for c in rij.cells)
    assert all(t in docx_tekst for t in teksten)
    assert len(doc.tables) >= 8  # profile, figures and a table per lesson

    boek = load_workbook(tmp_path / "actieregister.xlsx")
    blad = boek["Acties"]
    kop = [c.value for c in blad[1]]
    # headers a person reads (read back as labels or keys, see read_register)
    assert kop == ["ID", "Les", "Actie", "Prioriteit", "Eigenaar", "Fase", "Status", "Deadline", "Opmerkingen",
                   "Wettelijk kader"]  # fmt: skip
    assert [r[2] for r in blad.iter_rows(min_row=2, values_only=True)] == teksten
    assert blad.freeze_panes == "A2" and blad.auto_filter.ref.startswith("A1:")
    keuzes = [dv for dv in blad.data_validations.dataValidation if dv.type == "list"]
    assert keuzes and "open,bezig,gedaan,n.v.t." in keuzes[0].formula1
    assert keuzes[0].showErrorMessage and keuzes[0].errorStyle in (None, "stop")  # refuses other values (absent: stop)

    md = (tmp_path / "checklist.md").read_text()
    # user text is text: "<" shows as "<" (escaped for Markdown with a backslash), never as a tag or "&lt;"
    assert KWAAD not in md and "\\<script\\>" in md and "&lt;" not in md and all(t.split("<")[0] in md for t in teksten)
    data = (tmp_path / "checklist.json").read_text()
    assert "<script>" not in data and json.loads(data)["profiel"]["notities"] == f"Notitie {KWAAD}"


def test_output_folder_name_is_a_safe_slug() -> None:
    assert output_folder_name(build({"gemeente": "'s-Gravenhage"})) == "s-gravenhage"
    assert output_folder_name(build(BASIS)) == "wageningen-boven-en-benedenbuurt"
    naam = output_folder_name(build({"gemeente": "Voorbeeldstad", "wijk": "../../etc <x>"}))
    assert "/" not in naam and ".." not in naam and naam == "voorbeeldstad-fictief-etc-x"


def _make(profiel: dict, **opties: object) -> dict:
    """The checklist the registry builds (what every path makes), with paths as text."""
    return build_report("checklist", {"profiel": profiel, **{k: str(v) for k, v in opties.items()}})


def _register(tmp_path: Path, wijzigingen: dict[str, tuple[str, date | None]]) -> Path:
    from openpyxl import load_workbook

    pad = tmp_path / "actieregister.xlsx"
    pad.write_bytes(render("checklist", "xlsx", build(BASIS), "nl"))
    boek = load_workbook(pad)
    blad = boek["Acties"]
    for rij in blad.iter_rows(min_row=2):
        if rij[0].value in wijzigingen:
            rij[6].value, rij[7].value = wijzigingen[rij[0].value]
    boek.save(pad)
    return pad


def test_progress_from_an_edited_register(tmp_path: Path) -> None:
    acties = [a for a in build(BASIS)["acties"] if a["les"] == 4]
    gedaan, te_laat, nvt = acties[0]["id"], acties[1]["id"], acties[2]["id"]
    pad = _register(
        tmp_path,
        {gedaan: ("gedaan", None), te_laat: ("bezig", date(2026, 1, 1)), nvt: ("n.v.t.", date(2026, 1, 1))},
    )
    checklist = _make(BASIS, voortgang=pad, peildatum="2026-06-01")
    v = checklist["voortgang"]
    assert v["peildatum"] == "2026-06-01"
    assert v["per_les"]["4"]["gedaan"] == 1 and v["per_les"]["4"]["acties"] == len(acties) - 1
    assert v["te_laat"] == [{"id": te_laat, "deadline": "2026-01-01", "status": "bezig"}]
    assert _actie(checklist, gedaan)["voortgang"]["status"] == "gedaan"
    # the progress shows in every format, and the register keeps the team's statuses
    html = render("checklist", "html", checklist, "nl")
    assert "Deadline verstreken" in html and te_laat in html
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(render("checklist", "xlsx", checklist, "nl")))
    statussen = {r[0]: r[6] for r in boek["Acties"].iter_rows(min_row=2, values_only=True)}
    assert statussen[gedaan] == "gedaan" and statussen[te_laat] == "bezig"
    md = render("checklist", "md", checklist, "nl")
    assert "[x]" in md and f"{te_laat} (2026-01-01)" in md
    assert "Voortgang" in boek.sheetnames
    from docx import Document

    doc = Document(io.BytesIO(render("checklist", "docx", checklist, "nl")))
    assert any(f"{te_laat} (2026-01-01)" in p.text for p in doc.paragraphs)


def test_register_errors(tmp_path: Path) -> None:
    geen_excel = tmp_path / "x.xlsx"
    geen_excel.write_text("geen excel")
    with pytest.raises(UserError, match="--voortgang: geen Excel-bestand"):
        _make(BASIS, voortgang=geen_excel)
    from openpyxl import Workbook

    ander = tmp_path / "ander.xlsx"
    boek = Workbook()
    boek.active.append(["naam", "bedrag"])
    boek.save(ander)
    with pytest.raises(UserError, match="geen actieregister: kolom ontbreekt: id, status, deadline"):
        _make(BASIS, voortgang=ander)
    # a status the team typed that is not allowed: that cell is named, the rest of the file counts
    fout = _register(tmp_path, {"L4-01": ("klaar", None), "L4-03": (" Gedaan ", None)})
    checklist = _make(BASIS, voortgang=fout)
    assert _actie(checklist, "L4-03")["voortgang"]["status"] == "gedaan"  # other case and spaces: read
    assert _actie(checklist, "L4-01")["voortgang"]["status"] == "open"
    (cel,) = checklist["voortgang"]["niet_gelezen"]
    assert re.fullmatch(r"cel G\d+: status 'klaar' \(toegestaan: open, bezig, gedaan, n\.v\.t\.\)", cel), cel
    assert cel in "\n".join(str(render("checklist", f, checklist, "nl")) for f in ("md", "html"))


def test_an_english_checklist_names_owners_and_phases_in_english() -> None:
    """The owner and the phases are vocabulary values; a reader sees their label in the language."""
    from toolkit.content.profile import Profiel

    c = build(Profiel.model_validate({"gemeente": "Wageningen"}), taal="en")
    html = str(render("checklist", "html", c, "en"))
    assert "Owner: municipality" in html and "Heat vision" in html
    assert "Owner: gemeente" not in html and "transitievisie" not in html
    md = str(render("checklist", "md", c, "en"))
    assert ", municipality, L1-01)" in md
    # why an action is in, in English too: "kinds of groups: includes …", never the rule's Dutch "bevat"
    groepen = build({"gemeente": "Wageningen", "groepen": [{"naam": "Coop", "soort": "energiecooperatie",
                                                             "actief": "ja"}]}, taal="en")  # fmt: skip
    redenen = [r for a in groepen["acties"] for r in a["aanleiding"]]
    assert "kinds of groups: includes energy cooperative" in redenen
    assert not [r for r in redenen if re.search(r"\b(bevat|vóór|vanaf|onbekend|ja|nee)\b", r)]


def test_a_field_left_empty_reads_unknown_in_english_everywhere() -> None:
    from toolkit.render.checklist import _profile_value

    checklist = build({"gemeente": "Wageningen"}, "en")
    assert "onbekend" not in str(render("checklist", "md", checklist, "en"))  # district, phase, notes said it
    assert ">onbekend<" not in str(render("checklist", "html", checklist, "en"))
    assert [_profile_value(v, None, "en") for v in ("wijk", "fase", "aanspreekpunt")] == ["unknown"] * 3
