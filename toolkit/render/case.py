"""Renderers for a case report: one HTML fragment per part, and a whole page.

The parts, in report order, are listed in :data:`DELEN`; the case notebook shows them one per cell.
Links to lesson reports are relative (see :mod:`toolkit.render.links`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from toolkit.base import pick, plain_records, t, term
from toolkit.content import ACTORTYPES, FASEN, TREDEN, Case
from toolkit.domain import CaseReport

from .charts import bar_chart, timeline_chart
from .links import lesson_report_link
from .registry import register
from .templating import environment, page

DELEN = (
    "samenvatting",
    "kenmerken",
    "cijfers",
    "tijdlijn",
    "actoren",
    "instrumenten",
    "bewijs",
    "open_vragen",
    "bronnen",
)


def _context(rapport: CaseReport, taal: str) -> dict[str, Any]:
    casus = rapport.casus
    tijdlijn = casus.tijdlijn
    return {
        "casus": casus,
        "k": casus.kenmerken,
        "taal": taal,
        "refs": casus.bron_index,
        "lessen": rapport.lessen,
        "les_link": lambda les: lesson_report_link(les.nummer, les.slug, taal),
        "fase_label": lambda f: term("fase", f, taal),
        "type_label": lambda f: term("partij", f, taal),
        "trede_label": lambda f: term("trede", f, taal),
        "pick": lambda rij, veld: pick(rij, veld, taal),
        "tijdlijn": plain_records(tijdlijn),
        "actoren": plain_records(casus.actoren),
        "instrumenten": plain_records(casus.instrumenten),
        "bewijs": plain_records(casus.bewijs),
        "bronnen": plain_records(casus.bronnen),
        "cijfers": rapport.cijfers,
    }


def timeline_svg(casus: Case, taal: str) -> str:
    df = casus.tijdlijn
    return timeline_chart(
        [d.date() for d in df["datum_begin"]],
        [FASEN.index(f) for f in df["fase"]],
        [term("fase", f, taal) for f in FASEN],
        list(df["onzeker"]),
        list(range(1, len(df) + 1)),
        "",
    )


def actors_svg(casus: Case, taal: str) -> str:
    telling = Counter(casus.actoren["type"])
    typen = [a for a in ACTORTYPES if telling.get(a)]
    return bar_chart(
        [term("partij", a, taal) for a in typen],
        [telling[a] for a in typen],
        t("actoren_per_type", taal),
        t("aantal", taal),
    )


def instruments_svg(casus: Case, taal: str) -> str:
    telling = Counter(casus.instrumenten["trede"])
    return bar_chart(
        [term("trede", r, taal) for r in TREDEN],
        [telling.get(r, 0) for r in TREDEN],
        t("instrumenten_per_trede", taal),
        t("aantal", taal),
    )


def render_part(rapport: CaseReport, deel: str, taal: str = "nl") -> str:
    """One part of the case report as an HTML fragment."""
    if deel not in DELEN:
        raise ValueError(f"onbekend deel {deel!r}")
    casus = rapport.casus
    context = _context(rapport, taal)
    if deel == "tijdlijn":
        context["grafiek"] = timeline_svg(casus, taal) if len(casus.tijdlijn) else ""
    elif deel == "actoren":
        context["grafiek"] = actors_svg(casus, taal) if len(casus.actoren) else ""
    elif deel == "instrumenten":
        context["grafiek"] = instruments_svg(casus, taal) if len(casus.instrumenten) else ""
    macro = getattr(environment().get_template("casus.html.j2").module, deel)
    return str(macro(**context))


@register("casus", "html-fragment")
def case_fragment(rapport: CaseReport, taal: str) -> str:
    return "\n".join(render_part(rapport, deel, taal) for deel in DELEN)


@register("casus", "html")
def case_page(rapport: CaseReport, taal: str) -> str:
    return page(rapport.casus.naam, taal, case_fragment(rapport, taal))
