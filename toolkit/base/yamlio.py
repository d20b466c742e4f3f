"""Reading YAML that users edit: errors become one line with the line number, never a traceback.

Bounded whatever the text: at most :data:`~toolkit.base.limits.MAX_YAML` bytes; no anchors and
aliases (``&a`` / ``*a``: a few hundred bytes of nested aliases stand for billions of values, the
"billion laughs"); a key given twice in one mapping is refused with the key named, instead of the
last one silently winning.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, shown_path
from .limits import MAX_YAML, TooLarge, excerpt, read_text_limited, size_text

#: libyaml's safe loader when available (several times faster), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, refusing aliases and duplicate keys (libyaml parses; this constructs)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:  # met again: an alias
            raise yaml.constructor.ConstructorError(
                None, None, "verwijzing met '*' naar '&' is niet toegestaan (schrijf de waarde voluit)", node.start_mark
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        uit: dict[Any, Any] = {}
        for sleutel_node, waarde_node in node.value:
            sleutel = self.construct_object(sleutel_node, deep=deep)
            try:
                dubbel = sleutel in uit
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "een sleutel moet tekst of een getal zijn", sleutel_node.start_mark
                ) from None
            if dubbel:
                raise yaml.constructor.ConstructorError(
                    None, None, f"sleutel {excerpt(sleutel)} staat twee keer in hetzelfde blok", sleutel_node.start_mark
                )
            uit[sleutel] = self.construct_object(waarde_node, deep=deep)
        return uit


def load_yaml(tekst: str, bestand: str, eerste_regel: int = 1) -> tuple[Any, list[Problem]]:
    """Parse ``tekst``; ``eerste_regel`` is the file line where the YAML starts (for messages)."""
    if len(tekst) > MAX_YAML:
        grens = TooLarge("bestand", grootte=size_text(len(tekst)), grens=size_text(MAX_YAML))
        return None, [Problem(bestand, "", str(grens))]
    try:
        return yaml.load(tekst, Loader=_StrictLoader), []  # noqa: S506 - a safe loader
    except RecursionError:
        return None, [Problem(bestand, "YAML", "te diep genest", "hoogstens een paar niveaus")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        waar = f"regel {mark.line + eerste_regel}" if mark is not None else "YAML"
        reden = (getattr(exc, "problem", None) or str(exc).splitlines()[0])[:200]
        return None, [Problem(bestand, waar, f"YAML-fout: {reden}", "geldige YAML")]


def load_yaml_file(pad: Path, soort: type, moet: str, hoe: str) -> tuple[Any, list[Problem]]:
    """A content file users edit: its data when it parses and is a ``soort`` (list, dict), else
    ``None`` and the problem (``moet``: what it must be, ``hoe``: how that looks)."""

    naam = shown_path(pad)
    try:
        data, problemen = load_yaml(read_text_limited(pad, MAX_YAML), naam)
    except TooLarge as exc:
        return None, [Problem(naam, "", str(exc))]
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
