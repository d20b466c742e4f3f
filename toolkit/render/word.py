"""Word documents: the few building blocks every ``.docx`` output uses.

Tables are made with all their rows at once and text goes in as one run per paragraph:
python-docx's ``.text`` setter and ``add_row`` are slow for the 60-action tables of a checklist.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

#: A table cell: plain text, or paragraphs as (text, italic).
Cel = str | Sequence[tuple[str, bool]]


def document(titel: str, inleiding: str = "", lettergrootte: int | None = None) -> Any:
    """A new document with ``titel`` as its title (heading and document property)."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    if lettergrootte:
        doc.styles["Normal"].font.size = Pt(lettergrootte)
    doc.core_properties.title = titel
    doc.add_heading(titel, level=0)
    if inleiding:
        doc.add_paragraph(inleiding)
    return doc


def put_text(doel: Any, tekst: str, nieuwe_alinea: bool = False, cursief: bool = False) -> None:
    """Text into a cell or paragraph as one run (white space folded)."""
    from docx.oxml.ns import qn

    alinea = doel.add_paragraph() if nieuwe_alinea else (doel.paragraphs[0] if hasattr(doel, "paragraphs") else doel)
    run = alinea._p.add_r()
    tekst_element = run.add_t(" ".join(str(tekst).split()))
    tekst_element.set(qn("xml:space"), "preserve")
    if cursief:
        alinea.runs[-1].italic = True


def table(doc: Any, kop: Sequence[str] | None, rijen: Sequence[Sequence[Cel]]) -> Any:
    """A grid table with an optional header row; every row made at once."""
    aantal_kolommen = len(kop) if kop else len(rijen[0])
    tabel = doc.add_table(rows=len(rijen) + (1 if kop else 0), cols=aantal_kolommen)
    tabel.style = doc.styles["Table Grid"]
    alle = list(tabel.rows)
    if kop:
        for cel, tekst in zip(alle[0].cells, kop, strict=True):
            put_text(cel, tekst)
        alle = alle[1:]
    for rij, waarden in zip(alle, rijen, strict=True):
        for cel, waarde in zip(rij.cells, waarden, strict=True):
            delen = [(waarde, False)] if isinstance(waarde, str) else list(waarde)
            for i, (tekst, cursief) in enumerate(delen):
                put_text(cel, tekst, nieuwe_alinea=i > 0, cursief=cursief)
    return tabel


def bullets(doc: Any, regels: Iterable[str], genummerd: bool = False) -> None:
    stijl = "List Number" if genummerd else "List Bullet"
    for regel in regels:
        doc.add_paragraph(regel, style=stijl)


def section(doc: Any, kop: str, regels: Iterable[str], niveau: int = 1, genummerd: bool = False) -> None:
    """A heading with a bulleted (or numbered) list under it."""
    doc.add_heading(kop, level=niveau)
    bullets(doc, regels, genummerd)


def to_bytes(doc: Any) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
