"""Renderers for a lesson: an HTML fragment (for notebooks), a whole HTML page, Markdown, JSON."""

from __future__ import annotations

import json

from toolkit.base import strip_markers
from toolkit.content import KOPJES
from toolkit.domain import LessonReport

from .links import case_report_link
from .registry import register
from .templating import environment, page


@register("les", "html-fragment")
def lesson_fragment(rapport: LessonReport, taal: str) -> str:
    les = rapport.les
    return (
        environment()
        .get_template("les.html.j2")
        .render(
            les=les,
            taal=les.taal,
            casus_naam=rapport.casus_naam or les.casus or "",
            casus_link=case_report_link(les.casus, les.taal) if les.casus else "",
        )
    )


@register("les", "html")
def lesson_page(rapport: LessonReport, taal: str) -> str:
    les = rapport.les
    return page(f"{les.nummer}. {les.titel}", les.taal, lesson_fragment(rapport, taal))


@register("les", "md")
def lesson_markdown(rapport: LessonReport, taal: str) -> str:
    les = rapport.les
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
def lesson_json(rapport: LessonReport, taal: str) -> str:
    return json.dumps(rapport.les.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
