"""Renderers for a lesson: an HTML fragment (for notebooks), a whole HTML page, Markdown, JSON."""

from __future__ import annotations

import json

from ..lessons import KOPJES, Les
from ..markers import strip_markers
from . import register
from .links import case_report_link
from .templating import environment, page


@register("les", "html-fragment")
def lesson_fragment(les: Les, taal: str) -> str:
    casus_naam = les.casus or ""
    if les.casus:
        from ..cases import case_name

        casus_naam = case_name(les.casus)
    return (
        environment()
        .get_template("les.html.j2")
        .render(
            les=les,
            taal=les.taal,
            casus_naam=casus_naam,
            casus_link=case_report_link(les.casus, les.taal) if les.casus else "",
        )
    )


@register("les", "html")
def lesson_page(les: Les, taal: str) -> str:
    return page(f"{les.nummer}. {les.titel}", les.taal, lesson_fragment(les, taal))


@register("les", "md")
def lesson_markdown(les: Les, taal: str) -> str:
    regels = [f"# {les.nummer}. {les.titel}", "", les.samenvatting.strip(), ""]
    for sectie in KOPJES:
        regels += [f"## {les.heading(sectie)}", ""]
        waarde = getattr(les, sectie)
        if isinstance(waarde, str):
            regels += [strip_markers(waarde), ""]
        else:
            regels += [f"- {getattr(p, 'tekst', p)}" for p in waarde] + [""]
    return "\n".join(regels)


@register("les", "json")
def lesson_json(les: Les, taal: str) -> str:
    return json.dumps(les.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
