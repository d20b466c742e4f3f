"""Renderers for a case report: one HTML fragment per part, and a whole page.

The parts, in report order, are listed in :data:`DELEN`; the case notebook shows them one per cell.
Links to lesson reports are relative (see :mod:`toolkit.render.links`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..cases import Case
from ..charts import bar_chart, timeline_chart
from ..labels import pick, t, term
from ..lessons import load_lessons
from ..regions import Cijfer, gemeente_figures, wijk_figures
from ..sheets import plain_records
from ..vocab_cases import ACTORTYPES, FASEN, TREDEN
from . import register
from .links import lesson_report_link
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


def figures(casus: Case) -> list[Cijfer]:
    """The public figures for the case's municipality and CBS wijk (none for a fictional case)."""
    k = casus.kenmerken
    cijfers: list[Cijfer] = []
    if k.gemeente.cbs_code != "onbekend":
        cijfers += gemeente_figures(k.gemeente.cbs_code)
    if k.wijk.cbs_code != "onbekend":
        cijfers += wijk_figures(k.wijk.cbs_code)
    return cijfers


def _context(casus: Case, taal: str) -> dict[str, Any]:
    lessen = {les.nummer: les for les in load_lessons(taal)}
    tijdlijn = casus.tijdlijn
    return {
        "casus": casus,
        "k": casus.kenmerken,
        "taal": taal,
        "refs": casus.bron_index,
        "lessen": lessen,
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
        "cijfers": figures(casus),
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


def render_part(casus: Case, deel: str, taal: str = "nl") -> str:
    """One part of the case report as an HTML fragment."""
    if deel not in DELEN:
        raise ValueError(f"onbekend deel {deel!r}")
    context = _context(casus, taal)
    if deel == "tijdlijn":
        context["grafiek"] = timeline_svg(casus, taal) if len(casus.tijdlijn) else ""
    elif deel == "actoren":
        context["grafiek"] = actors_svg(casus, taal) if len(casus.actoren) else ""
    elif deel == "instrumenten":
        context["grafiek"] = instruments_svg(casus, taal) if len(casus.instrumenten) else ""
    macro = getattr(environment().get_template("casus.html.j2").module, deel)
    return str(macro(**context))


@register("casus", "html-fragment")
def case_fragment(casus: Case, taal: str) -> str:
    return "\n".join(render_part(casus, deel, taal) for deel in DELEN)


@register("casus", "html")
def case_page(casus: Case, taal: str) -> str:
    return page(casus.naam, taal, case_fragment(casus, taal))
