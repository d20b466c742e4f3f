"""Markdown files with YAML front matter, split into named sections.

A content file looks like::

    ---
    key: value
    ---
    ## Heading
    text

``read_markdown_doc`` returns the front matter as a dict and the body split on ``## `` headings.
Errors are returned as :class:`~toolkit.base.errors.Probleem` with the file and line, never raised as
tracebacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Problem, shown_path
from .yamlio import load_yaml

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n?(.*)\Z", re.DOTALL)
_HEADING = re.compile(r"^##[ \t]+(.+?)[ \t]*#*[ \t]*$", re.MULTILINE)
_BULLET = re.compile(r"^[ \t]{0,3}[-*+][ \t]+(.*)$")


@dataclass
class MarkdownDoc:
    pad: Path
    front: dict[str, Any]
    secties: dict[str, str] = field(default_factory=dict)
    body: str = ""  # everything after the front matter, as written


def read_markdown_doc(pad: Path) -> tuple[MarkdownDoc | None, list[Problem]]:
    """Read ``pad``; return the document, or ``None`` and the problems that stop reading it."""
    naam = shown_path(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Problem(naam, "", "bestand is geen UTF-8-tekst", "sla op als UTF-8")]
    except OSError as exc:
        return None, [Problem(naam, "", f"kan bestand niet lezen: {exc.strerror}")]
    match = _FRONT.match(tekst.lstrip("\ufeff"))
    if not match:
        return None, [Problem(naam, "front matter", "ontbreekt", "begin met een regel '---', YAML, en '---'")]
    front, problemen = load_yaml(match.group(1), naam, eerste_regel=2)
    if problemen:
        return None, problemen
    if not isinstance(front, dict):
        return None, [Problem(naam, "front matter", "is geen lijst van velden", "velden als 'sleutel: waarde'")]
    return MarkdownDoc(pad, front, split_sections(match.group(2)), match.group(2).strip()), []


def split_sections(body: str) -> dict[str, str]:
    """Split a Markdown body on ``## `` headings: heading text (lowercased) -> section text."""
    secties: dict[str, str] = {}
    kopjes = list(_HEADING.finditer(body))
    for i, kop in enumerate(kopjes):
        einde = kopjes[i + 1].start() if i + 1 < len(kopjes) else len(body)
        secties[kop.group(1).strip().lower()] = body[kop.end() : einde].strip()
    return secties


def bullet_items(tekst: str) -> list[str]:
    """The items of a Markdown bullet list; indented continuation lines join their item."""
    items: list[str] = []
    for regel in tekst.splitlines():
        match = _BULLET.match(regel)
        if match:
            items.append(match.group(1).strip())
        elif items and regel.strip():
            items[-1] = f"{items[-1]} {regel.strip()}"
    return items
