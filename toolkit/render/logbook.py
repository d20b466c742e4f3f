"""Renderers for the logbook report and the resident summary (HTML parts, Word)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..fileio import ensure_dir, write_bytes_atomic, write_text_atomic
from ..labels import t
from .templating import css, environment

LOGBOEK_DELEN = ("inleiding", "signalen", "gesprekken", "besluiten", "bewoners")


def resident_fragment(r: dict[str, Any], taal: str) -> str:
    return environment().get_template("bewoners.html.j2").render(b=r["bewoners"], taal=taal)


def render_part(r: dict[str, Any], deel: str, taal: str) -> str:
    return (
        environment()
        .get_template("logboek.html.j2")
        .render(r=r, deel=deel, taal=taal, bewoners_fragment=Markup(resident_fragment(r, taal)))
    )


def _docx(titel: str, secties: list[tuple[str, list[str]]]) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(titel, level=0)
    for kop, regels in secties:
        doc.add_heading(kop, level=1)
        for regel in regels:
            doc.add_paragraph(regel, style="List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def write_files(r: dict[str, Any], map_: Path, taal: str) -> list[Path]:
    """``logboek.<taal>.docx`` (the team's report) and ``bewoners.<taal>.html``/``.docx`` (residents)."""
    ensure_dir(map_)
    team = _docx(
        t("logboek_rapport", taal),
        [
            (t("niet_gecommuniceerd", taal), [f"{b['datum']} {b['besluit']}: {t('nog_informeren', taal)} {', '.join(b['nog_informeren'])}" for b in r["niet_gecommuniceerd"]]),
            (t("te_laat_acties", taal), [f"{v['omschrijving']} ({v['eigenaar']}, {v['deadline']})" for v in r["te_laat"]]),
            (t("niet_gesproken", taal), [f"{p['partij']} ({p['laatste']})" for p in r["niet_gesproken"]]),
            (t("wie_gesproken", taal), [f"{g['datum']} {g['onderwerp']} — {g['partijen'].replace(';', ', ')}" for g in r["gesprekken"]]),
            (t("besluiten", taal), [f"{b['datum']} {b['besluit']} ({b['trede']}, {b['status']}): {b['toelichting']}" for b in r["besluiten"]]),
        ],
    )  # fmt: skip
    b = r["bewoners"]
    bewoners_docx = _docx(
        t("voor_bewoners", taal),
        [
            (t("wat_besloten", taal), [f"{x['besluit']} ({x['datum']}). {x['toelichting']}".strip() for x in b["besluiten"]]),
            (t("wat_komt", taal), [f"{v['omschrijving']}" + (f" ({t('uiterlijk', taal)} {v['deadline']})" if v["deadline"] else "") for v in b["volgende_stappen"]]),
        ],
    )  # fmt: skip
    pagina = environment().get_template("pagina.html.j2").render(
        titel=t("voor_bewoners", taal), taal=taal, css=css(),
        inhoud=f"<h1>{t('voor_bewoners', taal)}</h1>" + resident_fragment(r, taal),
    )  # fmt: skip
    return [
        write_bytes_atomic(map_ / f"logboek.{taal}.docx", team),
        write_bytes_atomic(map_ / f"bewoners.{taal}.docx", bewoners_docx),
        write_text_atomic(map_ / f"bewoners.{taal}.html", pagina),
    ]
