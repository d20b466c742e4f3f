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
import threading
from pathlib import Path
from typing import Any

from toolkit.base import UserError, paths

from .document import Afbeelding, Document, Kop, Lijst, Paragraaf, Tabel, column_widths


def _runs(alinea: Any) -> list[dict[str, Any]]:
    return [{"tekst": t.tekst, "cursief": t.cursief, "vet": t.vet, "link": t.link} for t in alinea]


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


#: One Typst compiler per process for documents without pictures (a checklist): it reads the
#: template and the fonts once. It is not for two threads at once (the web app may write two PDFs).
_MAKER: list[Any] = []
_SLOT = threading.Lock()


def _typst() -> Any:
    try:
        import typst
    except ImportError:
        raise UserError("pdf: de PDF-maker ontbreekt (installeer het pakket 'typst': make setup)") from None
    return typst


def _template() -> bytes:
    return (paths.templates_dir() / "typst" / "document.typ").read_bytes()


def write(model: Document) -> bytes:
    """The document as a tagged PDF."""
    typst = _typst()
    afbeeldingen: list[tuple[str, bytes]] = []
    data = document_json(model, afbeeldingen)
    opties: dict[str, Any] = {"format": "pdf", "sys_inputs": {"document": data}, "pdf_standards": "ua-1"}
    if afbeeldingen:  # the template finds the pictures next to it: a folder of their own
        with tempfile.TemporaryDirectory(prefix="warmtelessen-pdf-") as map_:
            for naam, inhoud in afbeeldingen:
                (Path(map_) / naam).write_bytes(inhoud)
            (Path(map_) / "document.typ").write_bytes(_template())
            uit = typst.compile(str(Path(map_) / "document.typ"), root=map_, ignore_system_fonts=True, **opties)
    else:
        with _SLOT:
            if not _MAKER:  # the template in a folder of the process's own, removed when it ends
                werkmap = tempfile.TemporaryDirectory(prefix="warmtelessen-pdf-")
                (Path(werkmap.name) / "document.typ").write_bytes(_template())
                _MAKER[:] = [werkmap, typst.Compiler(str(Path(werkmap.name) / "document.typ"), root=werkmap.name,
                                                     ignore_system_fonts=True)]  # fmt: skip
            uit = _MAKER[1].compile(**opties)
    if not isinstance(uit, bytes):  # pragma: no cover - typst returns bytes for one PDF
        raise TypeError(type(uit))
    return uit
