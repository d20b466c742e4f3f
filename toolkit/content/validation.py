"""``warmtelessen valideer``: check every content file and report each problem on one line.

A path may be the project folder (everything in it), a content folder (``lessons/``, ``cases/``,
one case folder) or a single content file. Each content type registers a checker here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from toolkit.base import Problem, paths, shown_path

from . import glossary, laws, phases
from .actions import SAMENGEVOEGD, check_actions, check_merged_ids, read_actions_file
from .cases import BESCHRIJVING, check_cases, read_case
from .glossary import check_glossary
from .knowledge import kennisbank
from .laws import check_action_references, check_laws, read_law_file
from .lessons import check_lessons, read_lesson_file
from .phases import check_phases

Checker = Callable[[Path], list[Problem]]


def _lessons_folder(map_: Path) -> list[Problem]:
    """The lessons, and the glossary and phase explanations that live next to them."""
    return check_lessons(map_)[1] + check_glossary(map_ / glossary.BESTAND)[1] + check_phases(map_ / phases.BESTAND)[1]


def _laws_folder(map_: Path) -> list[Problem]:
    """The rule sets, and whether every action that cites one names an existing one."""
    acties_map = map_.parent / "acties"
    acties = check_actions(acties_map)[0] if acties_map.is_dir() else []  # their problems: with lessons/acties
    wetten, problemen = check_laws(map_, {a.id for a in acties} or None)
    if acties:
        problemen += check_action_references(acties, {w.id for w in wetten}, shown_path(acties_map))
    return problemen


def _is_law_file(pad: Path) -> bool:
    return pad.parent.name == laws.MAP and pad.suffix == ".md" and pad.name.lower() != "readme.md"


def _law_file(pad: Path) -> list[Problem]:
    acties_map = pad.parent.parent / "acties"
    ids = {a.id for a in check_actions(acties_map)[0]} if acties_map.is_dir() else None
    return read_law_file(pad, ids)[1]


def _lesson_file(pad: Path) -> list[Problem]:
    return read_lesson_file(pad)[1]


def _cases_folder(map_: Path) -> list[Problem]:
    return check_cases(map_)[1]


def _case_file(pad: Path) -> list[Problem]:
    """A file inside a case folder: the whole case is checked (files refer to each other)."""
    return read_case(pad.parent)[1]


def _in_case_folder(pad: Path) -> bool:
    return (pad.parent / BESCHRIJVING).is_file() and pad.suffix in {".yaml", ".csv"}


def _actions_folder(map_: Path) -> list[Problem]:
    acties, problemen = check_actions(map_)
    return problemen + (check_merged_ids(map_, acties)[1] if acties else [])


def _merged_file(pad: Path) -> list[Problem]:
    return check_merged_ids(pad.parent, check_actions(pad.parent)[0])[1]


def _is_actions_file(pad: Path) -> bool:
    return pad.suffix == ".yaml" and pad.name.startswith("les-")


def _is_lessons_folder(pad: Path) -> bool:
    return pad.is_dir() and any(p.suffix == ".md" and p.name.lower() != "readme.md" for p in pad.iterdir())


#: (which sub-folder of a project holds this content ("": none of its own), how to check a folder,
#: which files are of this type, how to check such a file)
CONTENT_TYPES: list[tuple[str, Checker, Callable[[Path], bool], Checker]] = [
    ("lessons/wetten", _laws_folder, _is_law_file, _law_file),
    ("lessons", _lessons_folder, lambda p: p.suffix == ".md", _lesson_file),
    ("cases", _cases_folder, _in_case_folder, _case_file),
    ("lessons/acties", _actions_folder, _is_actions_file, lambda p: read_actions_file(p)[1]),
    ("", lambda m: [], lambda p: p.name == SAMENGEVOEGD, _merged_file),
    # checked with the lessons folder (above); these lines let a single file be checked
    ("", lambda m: [], lambda p: p.name == glossary.BESTAND, lambda p: check_glossary(p)[1]),
    ("", lambda m: [], lambda p: p.name == phases.BESTAND, lambda p: check_phases(p)[1]),
]


def validate(doelen: list[Path] | None = None) -> list[Problem]:
    """All problems in ``doelen`` (default: the whole project). The whole project is checked through
    the knowledge base, which reads each part of the content once per version: the site build and
    the web app validate again at almost no cost."""
    if not doelen or [d.resolve() for d in doelen] == [paths.project_root().resolve()]:
        return list(kennisbank().problems)
    problemen: list[Problem] = []
    for doel in doelen or [paths.project_root()]:
        problemen.extend(_validate_one(doel))
    return problemen


def _validate_one(doel: Path) -> list[Problem]:
    if not doel.exists():
        return [Problem(shown_path(doel), "", "bestaat niet")]
    if doel.is_file():
        for _, _, past, controleer in CONTENT_TYPES:
            if past(doel):
                return controleer(doel)
        return [Problem(shown_path(doel), "", "onbekend soort bestand", "een les (.md) of casusbestand")]
    projectdelen = [(sub, check) for sub, check, _, _ in CONTENT_TYPES if sub and (doel / sub).is_dir()]
    if projectdelen:
        return [p for sub, check in projectdelen for p in check(doel / sub)]
    if doel.name == laws.MAP and any(doel.glob("*.md")):
        return _laws_folder(doel)
    if any(doel.glob("les-*.yaml")):
        return _actions_folder(doel)
    if (doel / BESCHRIJVING).is_file():
        return read_case(doel)[1]
    if any((sub / BESCHRIJVING).is_file() for sub in doel.iterdir() if sub.is_dir()):
        return _cases_folder(doel)
    if _is_lessons_folder(doel):
        return _lessons_folder(doel)
    return [Problem(shown_path(doel), "", "geen inhoud gevonden", "een projectmap, lessons/ of cases/")]
