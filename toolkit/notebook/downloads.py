"""Files a page offers and takes: a download link with the file inside it, and the file a visitor
uploaded. The app's pages and the notebooks' forms use the same two."""

from __future__ import annotations

import base64
from typing import Any

from markupsafe import escape

#: The type of each file a page offers, by extension.
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "pdf": "application/pdf",
    "html": "text/html",
    "md": "text/markdown",
    "json": "application/json",
    "yaml": "application/yaml",
}


def download_link(naam: str, inhoud: str | bytes, tekst: str) -> str:
    """An ``<a download>`` with the file inside it (a data: URL): no server round trip, no file
    left on the server."""
    data = inhoud.encode("utf-8") if isinstance(inhoud, str) else inhoud
    soort = MIME.get(naam.rsplit(".", 1)[-1], "application/octet-stream")
    return (f'<a download="{escape(naam)}" href="data:{soort};base64,{base64.b64encode(data).decode()}">'
            f"{escape(tekst)}</a>")  # fmt: skip


def uploaded(waarde: Any) -> tuple[str, bytes] | None:
    """(file name, bytes) of the file in an ipywidgets FileUpload, or None."""
    if not waarde:
        return None
    bestand = waarde[0] if isinstance(waarde, list | tuple) else next(iter(waarde.values()))
    inhoud = bestand["content"]
    return str(bestand["name"]), bytes(inhoud.tobytes() if hasattr(inhoud, "tobytes") else inhoud)
