"""Case outputs as a reader meets them: English is English, ranges and sources kept, one vocabulary
for parties, fictional evidence kept out of real checklists, charts that hide nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.conftest import run_cli
from toolkit.base.labels import quantity
from toolkit.content.cases import load_case
from toolkit.content.profile import parse_profile
from toolkit.domain.checklist import build
from toolkit.domain.compare import tables
from toolkit.domain.report_objects import case_report
from toolkit.render import render
from toolkit.render.charts import lane_positions
from toolkit.render.compare import matrix_labels


def test_numbers_and_units_follow_the_language() -> None:
    assert quantity(12.4, "%", "nl") == "12,4 %" and quantity(12.4, "%", "en") == "12.4%"
    assert (
        quantity(3500, "woningen", "nl") == "3.500 woningen" and quantity(3500, "woningen", "en") == "3,500 dwellings"
    )
    casus = load_case("wageningen-benedenbuurt")
    engels = str(render("casus", "html", case_report(casus, "en"), "en"))
    nederlands = str(render("casus", "html", case_report(casus, "nl"), "nl"))
    assert "dwellings" in engels and " personen" not in engels and "per km² of land" in engels
    assert "woningen" in nederlands and "%" in nederlands
    namen = [n for n, e in zip(casus.actoren["naam"], casus.actoren["naam_en"], strict=True) if e and e != n]
    assert namen and not any(f"<td>{n}</td>" in engels for n in namen)  # actors by their English name


def test_the_comparison_keeps_ranges_and_timeline_sources() -> None:
    casussen = [load_case("wageningen-benedenbuurt"), load_case("voorbeeldstad")]
    t = tables(casussen, [4])
    rol = t["rol_en_status"].set_index("casus")
    bereik = casussen[0].kenmerken.woningen.bereik
    assert (
        bereik
        and (
            rol.loc["wageningen-benedenbuurt", "woningen_laagste"],
            rol.loc["wageningen-benedenbuurt", "woningen_hoogste"],
        )
        == bereik
    )
    tl = t["tijdlijnen"]
    assert all(tl["bronnen"]) and tl["bronnen"].iloc[0] == ";".join(casussen[0].tijdlijn["bronnen"].iloc[0])


def test_heat_map_labels_are_whole_titles() -> None:
    titels = {4: "Werk samen met bestaande groepen in de wijk, ook als dat een lange titel is"}
    (label,) = matrix_labels([4], titels)
    assert " ".join(label.split()) == "4. " + titels[4]


def test_timeline_events_on_one_day_do_not_hide_each_other() -> None:
    dag = date(2022, 7, 15)
    posities = lane_positions([dag, dag, dag, date(2023, 1, 1)], [2, 2, 2, 2])
    assert len(set(posities[:3])) == 3 and posities[3] == 2  # spread within the lane; a lone event stays put
    assert all(1.5 < p < 2.5 for p in posities)


def test_fictional_evidence_only_in_a_fictional_checklist() -> None:
    echt = [b for a in build({"gemeente": "Wageningen"})["acties"] for b in a["bewijs"]]
    verzonnen = [b for a in build({"gemeente": "Voorbeeldstad"})["acties"] for b in a["bewijs"]]
    assert echt and not any(b["casus"] == "voorbeeldstad" or b["fictief"] for b in echt)
    assert any(b["casus"] == "voorbeeldstad" and b["fictief"] for b in verzonnen)
    html = str(render("checklist", "html", build({"gemeente": "Voorbeeldstad"}), "nl"))
    assert "verzonnen voorbeeld" in html  # and labelled as such


def test_one_vocabulary_for_parties(tmp_path: Path) -> None:
    db = str(tmp_path / "l.sqlite")
    res = run_cli("logboek", "--db", db, "toevoegen", "partij", "--naam", "Wijkraad Oost", "--type", "wijkraad")
    assert res.returncode == 0, res.stderr  # a profile's group kind is a logbook party type too
    res = run_cli("logboek", "--db", db, "toevoegen", "partij", "--naam", "Buurt", "--type", "buurtinitiatief")
    assert res.returncode == 0, res.stderr  # an old name still works …
    assert "bewonersinitiatief" in run_cli("logboek", "--db", db, "lijst", "partijen").stdout  # … read as the new one
    profiel = parse_profile({"gemeente": "Wageningen", "groepen": [{"naam": "X", "soort": "buurtinitiatief"}]})
    assert profiel.groepen and profiel.groepen[0].soort == "bewonersinitiatief"
    assert "huurders" in set(load_case("wageningen-benedenbuurt").actoren["type"])


def test_no_timeline_number_covers_another_or_a_dot() -> None:
    """The case timeline numbers its events; close events once had their numbers on top of each other."""
    from matplotlib.transforms import Bbox

    from toolkit.base import term
    from toolkit.content import FASEN, kennisbank
    from toolkit.render import charts

    for casus in kennisbank().cases(met_concepten=True):
        df = casus.tijdlijn
        fig = charts.timeline_figure([d.date() for d in df["datum_begin"]], [FASEN.index(f) for f in df["fase"]],
                                     [term("fase", f, "nl") for f in FASEN], list(df["onzeker"]),
                                     list(range(1, len(df) + 1)), "")  # fmt: skip
        ax = fig.axes[0]
        renderer = fig.canvas.get_renderer()
        nummers = [a.get_window_extent(renderer) for a in ax.texts]
        straal = 3.6 * fig.dpi / 72
        stippen = []
        for a in ax.texts:
            x, y = ax.transData.transform((ax.convert_xunits(a.xy[0]), a.xy[1]))
            stippen.append(Bbox.from_extents(x - straal, y - straal, x + straal, y + straal))
        assert len(nummers) == len(df)
        botsend = [(i, j) for i, a in enumerate(nummers) for j, b in enumerate(nummers[:i]) if a.overlaps(b)]
        bedekt = [i for i, a in enumerate(nummers) if any(a.overlaps(s) for s in stippen)]
        charts.png(fig)  # closes the figure
        assert not botsend and not bedekt, (casus.id, botsend, bedekt)
