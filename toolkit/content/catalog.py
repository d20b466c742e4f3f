"""What content there is, read from file and folder names alone (fast, no parsing).

Everything that depends on "which lessons" or "which cases" asks here, so a lesson or case added
to the content folders is known everywhere without a code change.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from pathlib import Path

from toolkit.base import load_yaml, paths

_LESSON_FILE = re.compile(r"^(\d{2})-[a-z0-9-]+\.nl\.md$")


def lesson_numbers(map_: Path | None = None) -> tuple[int, ...]:
    """The numbers of the lessons in ``lessons/`` (their Dutch files), sorted."""
    map_ = map_ or paths.lessons_dir()
    if not map_.is_dir():
        return ()
    return tuple(sorted({int(m.group(1)) for p in map_.iterdir() if (m := _LESSON_FILE.match(p.name))}))


def lesson_range_text(nummers: tuple[int, ...] | None = None) -> str:
    """The allowed lesson numbers in words: ``1 t/m 7`` (or a list when there are gaps)."""
    nummers = lesson_numbers() if nummers is None else nummers
    if not nummers:
        return "geen lessen gevonden in lessons/"
    if list(nummers) == list(range(nummers[0], nummers[-1] + 1)) and len(nummers) > 2:
        return f"{nummers[0]} t/m {nummers[-1]}"
    return ", ".join(map(str, nummers))


def case_dirs(map_: Path | None = None) -> list[Path]:
    """Every case folder in ``cases/`` (names starting with ``.`` or ``_`` are skipped)."""
    map_ = map_ or paths.cases_dir()
    if not map_.is_dir():
        return []
    return sorted(p for p in map_.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def case_ids(map_: Path | None = None) -> list[str]:
    return [p.name for p in case_dirs(map_)]


def action_ids(map_: Path | None = None) -> list[str]:
    """The ids of the checklist actions in ``lessons/acties/les-N.yaml`` (read, not validated)."""

    map_ = map_ or paths.lessons_dir() / "acties"
    ids: list[str] = []
    for pad in sorted(map_.glob("les-*.yaml")) if map_.is_dir() else []:
        data, _ = load_yaml(pad.read_text(encoding="utf-8"), pad.name)
        ids += [str(a["id"]) for a in data or [] if isinstance(a, dict) and "id" in a] if isinstance(data, list) else []
    return ids


def merged_action_ids(map_: Path | None = None) -> dict[str, str]:
    """``lessons/acties/samengevoegd.yaml``: old action id -> the action it went into (read, not
    validated; :func:`toolkit.content.actions.check_merged_ids` validates it)."""

    pad = (map_ or paths.lessons_dir() / "acties") / "samengevoegd.yaml"
    if not pad.is_file():
        return {}
    data, _ = load_yaml(pad.read_text(encoding="utf-8"), pad.name)
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def unknown_action_hint(actie: str, bekend: set[str]) -> str:
    """What to write instead of an unknown action id: the action it was merged into, or the closest ids."""

    nieuw = merged_action_ids().get(actie)
    if nieuw is not None:
        return f"samengevoegd met {nieuw}: gebruik {nieuw}"
    dichtbij = get_close_matches(actie, sorted(bekend), n=3, cutoff=0.6)
    return f"bedoelt u: {', '.join(dichtbij)}?" if dichtbij else "een id uit lessons/acties/les-N.yaml"
