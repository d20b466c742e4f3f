"""``warmtelessen workshop kit``: agenda, slides, handouts and a paper self-assessment for a session.

Everything is written in-process (no kernel needed); the slides are a notebook converted by
nbconvert with reveal.js inlined, so every file works offline on a projector laptop.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import paths
from .fileio import ensure_dir, write_bytes_atomic, write_text_atomic
from .labels import pick, t
from .lessons import Les, load_lesson, load_lessons
from .markers import strip_markers
from .render import render
from .workshop import PUBLIEK, agenda

REVEAL = paths.templates_dir() / "nbconvert" / "dia" / "reveal"


def case_names() -> dict[str, str]:
    from .cases import case_name
    from .catalog import case_ids

    return {c: case_name(c) for c in case_ids()}


def municipality_context(gemeente: str, taal: str) -> dict[str, Any]:
    """Figures and the top actions of a profile with only this municipality (the example profile)."""
    from .checklist import build

    checklist = build({"gemeente": gemeente}, taal, bestand="--gemeente")
    top = [a for a in checklist["acties"] if a["prioriteit"] == "hoog"][:6] or checklist["acties"][:6]
    return {"naam": checklist["context"]["gemeente"], "cijfers": checklist["context"]["cijfers"], "acties": top}


def slides_notebook(lessen: list[Les], taal: str, publiek: str, gemeente: dict[str, Any] | None) -> Any:
    """A notebook of Markdown slides built from the lesson texts and cases."""
    import nbformat

    namen = case_names()
    cellen: list[str] = [
        "# Warmtelessen\n\n"
        + ", ".join(f"{t('les', taal)} {les.nummer}" for les in lessen)
        + f"\n\n<span class='meta'>{t('publiek', taal)}: {publiek}</span>"
    ]
    if gemeente:
        regels = [f"- {pick(c, 'label', taal)}: {c['waarde']:g} {c['eenheid']} ({c['jaar']})"
                  for c in gemeente["cijfers"][:5]]  # fmt: skip
        cellen.append(f"## {gemeente['naam']}\n\n" + "\n".join(regels))
        cellen.append(f"## {t('top_acties', taal)}\n\n" + "\n".join(f"- {a['tekst']}" for a in gemeente["acties"][:4]))
    for les in lessen:
        cellen.append(f"## {t('les', taal)} {les.nummer}. {les.titel}\n\n{strip_markers(les.samenvatting)}")
        cellen.append(
            f"## {les.heading('toepassing')}\n\n" + "\n".join(f"- {strip_markers(p.tekst)}" for p in les.toepassing[:5])
        )
        praktijk = strip_markers(les.in_de_praktijk).split("\n\n")[0]
        titel = les.heading("in_de_praktijk") + (f": {namen.get(les.casus, les.casus)}" if les.casus else "")
        cellen.append(f"## {titel}\n\n{praktijk}")
        cellen.append(f"## {les.heading('gespreksvragen')}\n\n" + "\n".join(f"1. {v}" for v in les.gespreksvragen[:4]))
    cellen.append(
        f"## {t('zelfscan', taal)}\n\n{t('zelfscan_uitleg', taal)}\n\n"
        + "\n".join(f"- {s.id}: {s.tekst}" for les in lessen for s in les.stellingen[:2])
    )
    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = "Warmtelessen"
    nb.cells = [nbformat.v4.new_markdown_cell(c, metadata={"slideshow": {"slide_type": "slide"}}) for c in cellen]
    return nb


def slides_html(nb: Any, taal: str) -> str:
    from nbconvert import SlidesExporter

    exporter = SlidesExporter(template_name="dia", extra_template_basedirs=[str(paths.templates_dir() / "nbconvert")])
    resources = {
        "taal": taal,
        "reveal_js": (REVEAL / "reveal.js").read_text(encoding="utf-8"),
        "reveal_css": (REVEAL / "reveal.css").read_text(encoding="utf-8"),
        "reveal_theme_css": (REVEAL / "white.css").read_text(encoding="utf-8"),
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def make_kit(lessen_nrs: list[int], minuten: int, out: Path, taal: str = "nl", publiek: str = "gemengd",
             gemeente: str | None = None) -> list[Path]:  # fmt: skip
    """Write the kit into ``out`` and return the files."""
    from .errors import UserError

    if publiek not in PUBLIEK:
        raise UserError(f"--publiek: onbekend publiek {publiek!r} (toegestaan: {', '.join(PUBLIEK)})")
    blokken = agenda(lessen_nrs, minuten)  # checks the minutes before anything is written
    lessen = [load_lesson(n, taal) for n in lessen_nrs]
    gemeente_ctx = municipality_context(gemeente, taal) if gemeente else None
    ensure_dir(out)
    alle = {les.nummer: les for les in load_lessons(taal)}
    namen = case_names()
    kop = f"{t('agenda', taal)} — Warmtelessen" + (f" — {gemeente_ctx['naam']}" if gemeente_ctx else "")
    geschreven = [
        write_text_atomic(out / "agenda.html", str(render("agenda", "html", blokken, lessen=alle, taal=taal, kop=kop))),
        write_bytes_atomic(out / "agenda.docx", render("agenda", "docx", blokken, lessen=alle, taal=taal, kop=kop)),  # type: ignore[arg-type]
        write_text_atomic(out / "dias.html", slides_html(slides_notebook(lessen, taal, publiek, gemeente_ctx), taal)),
        write_bytes_atomic(out / "zelfscan-formulier.docx", render("zelfscan-formulier", "docx", lessen, taal=taal)),  # type: ignore[arg-type]
    ]
    for les in lessen:
        naam = namen.get(les.casus, "") if les.casus else ""
        basis = f"handout-les-{les.nummer}"
        geschreven.append(
            write_text_atomic(out / f"{basis}.html", str(render("handout", "html", les, casus_naam=naam)))
        )
        geschreven.append(write_bytes_atomic(out / f"{basis}.docx", render("handout", "docx", les, casus_naam=naam)))  # type: ignore[arg-type]
    return geschreven
