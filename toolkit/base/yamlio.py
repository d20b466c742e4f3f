"""Reading YAML that users edit: errors become one line with the line number, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, shown_path

#: libyaml's safe loader when available (several times faster), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(tekst: str, bestand: str, eerste_regel: int = 1) -> tuple[Any, list[Problem]]:
    """Parse ``tekst``; ``eerste_regel`` is the file line where the YAML starts (for messages)."""
    try:
        return yaml.load(tekst, Loader=_LOADER), []  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        waar = f"regel {mark.line + eerste_regel}" if mark is not None else "YAML"
        reden = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return None, [Problem(bestand, waar, f"YAML-fout: {reden}", "geldige YAML")]


def load_yaml_file(pad: Path, soort: type, moet: str, hoe: str) -> tuple[Any, list[Problem]]:
    """A content file users edit: its data when it parses and is a ``soort`` (list, dict), else
    ``None`` and the problem (``moet``: what it must be, ``hoe``: how that looks)."""

    naam = shown_path(pad)
    try:
        data, problemen = load_yaml(pad.read_text(encoding="utf-8"), naam)
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(naam, "", f"kan bestand niet lezen: {exc}")]
    if problemen:
        return None, problemen
    if not isinstance(data, soort):
        return None, [Problem(naam, "", moet, hoe)]
    return data, []


def read_yaml_file(pad: Path) -> Any:
    """A YAML file the toolkit ships (translations): read with the fast loader."""
    return yaml.load(pad.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
