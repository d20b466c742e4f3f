"""Accessible PDF: a :class:`~toolkit.render.document.Document` typeset by Typst (the ``typst``
wheel from PyPI: no browser, no system libraries).

The PDF is tagged (headings, lists, tables with header cells, reading order), says its language
(``/Lang``) and title, has bookmarks from the headings, embeds its fonts (Typst's own Libertinus
Serif, so the output is the same on every machine) and keeps links clickable: what WCAG 2.1 AA asks
of a PDF on a municipal website. The template (``templates/typst/document.typ``) is the same for every
report; the content goes in as JSON, so user text is never read as Typst code.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from toolkit.base import UserError, paths

from .document import Afbeelding, Document, Kop, Lijst, Paragraaf, Tabel, column_widths


def _runs(alinea: Any) -> list[dict[str, Any]]:
    return [asdict(t) for t in alinea]


def document_json(model: Document, afbeeldingen: list[tuple[str, bytes]]) -> str:
    """The model as the template reads it; images are listed in ``afbeeldingen`` (name, bytes)."""
    blokken: list[dict[str, Any]] = []
    for blok in model.blokken:
        if isinstance(blok, Kop):
            blokken.append({"soort": "kop", "tekst": blok.tekst, "niveau": min(max(blok.niveau, 1), 3)})
        elif isinstance(blok, Paragraaf):
            blokken.append({"soort": "alinea", "inhoud": _runs(blok.inhoud)})
        elif isinstance(blok, Lijst):
            blokken.append({"soort": "lijst", "genummerd": blok.genummerd, "items": [_runs(i) for i in blok.items]})
        elif isinstance(blok, Tabel):
            blokken.append({
                "soort": "tabel",
                "kop": list(blok.kop) if blok.kop else None,
                "breedtes": [round(b, 3) for b in column_widths(blok, model.breedte_cm, model.lettergrootte)],
                "rijen": [[[_runs(a) for a in c] for c in rij] for rij in blok.rijen],
            })  # fmt: skip
        elif isinstance(blok, Afbeelding):
            naam = f"afbeelding{len(afbeeldingen) + 1}.png"
            afbeeldingen.append((naam, blok.png))
            blokken.append({"soort": "afbeelding", "pad": f"/{naam}", "alt": blok.alt, "breedte": blok.breedte_cm})
    return json.dumps({"titel": model.titel, "taal": model.taal, "lettergrootte": model.lettergrootte,
                       "liggend": model.liggend, "blokken": blokken}, ensure_ascii=False)  # fmt: skip


def write(model: Document) -> bytes:
    """The document as a tagged PDF."""
    try:
        import typst
    except ImportError:
        raise UserError("pdf: de PDF-maker ontbreekt (installeer het pakket 'typst': make setup)") from None
    sjabloon = (paths.templates_dir() / "typst" / "document.typ").read_bytes()
    afbeeldingen: list[tuple[str, bytes]] = []
    data = document_json(model, afbeeldingen)
    with tempfile.TemporaryDirectory(prefix="warmtelessen-pdf-") as map_:
        for naam, inhoud in afbeeldingen:
            (Path(map_) / naam).write_bytes(inhoud)
        (Path(map_) / "document.typ").write_bytes(sjabloon)
        uit = typst.compile(str(Path(map_) / "document.typ"), root=map_, format="pdf", ignore_system_fonts=True,
                            sys_inputs={"document": data}, pdf_standards="ua-1")  # fmt: skip
    if not isinstance(uit, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise TypeError(type(uit))
    return uit
