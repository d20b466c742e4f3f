"""The knowledge base as one object: every content type read and checked once per content version.

:func:`kennisbank` reads the lessons (both languages), the actions, the legal frame, the glossary,
the phase vocabularies and the cases, and keeps them until a content file changes (one cache, keyed
on the stamp of all content files). The checklist, the site, the app's knowledge page and the
workshop kit take this object instead of each reading the files again; it carries the indexes they
need: the claims of the cases by case, lesson and action, the actions by lesson, and the pages that
cite a source.

A content type that does not validate raises :class:`~toolkit.base.ContentError` when it is asked
for (the same lines as ``warmtelessen valideer``); an invalid case is left out, as before, and its
problems are kept in :attr:`Kennisbank.case_problems`.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from threading import Lock
from typing import Any, TypeVar

from toolkit.base import ContentError, Problem, UserError, files_stamp, paths, shown_path

from .actions import Actie, check_actions, check_merged_ids
from .cases import BewijsRij, Case, check_cases
from .catalog import lesson_range_text
from .glossary import Begrip, check_glossary
from .laws import Regeling, check_action_references, check_laws
from .lessons import Les, check_lessons
from .phases import Indeling, check_phases

#: The content files, as (folder under the project, glob): their stamp is the content version.
CONTENT_FILES = (
    ("lessons", "*.md"),
    ("lessons", "*.yaml"),
    ("lessons/acties", "les-*.yaml"),
    ("lessons/acties", "samengevoegd.yaml"),
    ("lessons/wetten", "*.md"),
    ("cases", "*/casus.yaml"),
    ("cases", "*/*.csv"),
)

T = TypeVar("T")


@dataclass(frozen=True)
class Claim:
    """One claim of a case's evidence table, with the case it comes from."""

    casus: str
    casus_naam: str
    fictief: bool
    rij: BewijsRij

    @property
    def les(self) -> int:
        return self.rij["les"]

    @property
    def acties(self) -> list[str]:
        return self.rij.get("acties") or []


@dataclass(frozen=True)
class Citation:
    """A page that cites a source (by URL): a lesson's further reading or a case's source list."""

    soort: str  # "les" or "casus"
    id: str  # lesson number (as text) or case id
    naam: str
    titel: str
    uitgever: str
    jaar: str | None


@dataclass(eq=False)
class Kennisbank:
    """All content, read and checked once. Build it with :func:`kennisbank`."""

    root: Path
    stempel: tuple[tuple[str, int], ...]
    _lessen: tuple[Les, ...] | ContentError = field(repr=False)
    _acties: tuple[Actie, ...] | ContentError = field(repr=False)
    _wetten: tuple[Regeling, ...] | ContentError = field(repr=False)
    samengevoegd: dict[str, str] = field(repr=False)  # old action id -> the action it went into
    begrippen: tuple[Begrip, ...] = field(repr=False)
    fasen: dict[str, Indeling] = field(repr=False)
    casussen_alle: tuple[Case, ...] = field(repr=False)  # every valid case, concepts included
    case_problems: tuple[Problem, ...] = field(repr=False)
    problems: tuple[Problem, ...] = field(repr=False)  # everything ``warmtelessen valideer`` reports

    # --- the content types ------------------------------------------------------------------------

    def lessons(self, taal: str = "nl") -> list[Les]:
        """Every lesson in ``taal``, by number (raises :class:`ContentError` when one is invalid)."""
        return [les for les in _ok(self._lessen) if les.taal == taal]

    def lesson(self, nummer: int, taal: str = "nl") -> Les:
        """Lesson ``nummer`` in ``taal``; an unknown number is the user's error, named in one line."""
        gekozen = {les.nummer: les for les in self.lessons(taal)}
        if nummer not in gekozen:
            raise UserError(
                f"les: onbekend lesnummer {nummer} (toegestaan: {lesson_range_text(tuple(sorted(gekozen)))})"
            )
        return gekozen[nummer]

    def case(self, casus_id: str) -> Case:
        """The valid case ``casus_id`` (concepts included)."""
        gekozen = {c.id: c for c in self.casussen_alle}
        if casus_id not in gekozen:
            raise UserError(f"casus: onbekende casus {casus_id!r} (bekend: {', '.join(gekozen) or 'geen'})")
        return gekozen[casus_id]

    def tag_label(self, vocab: str, waarde: str, taal: str = "nl") -> str:
        """The name of a phase tag in ``taal`` (``orientatiefase`` -> "Oriëntatiefase"), from
        ``lessons/fasen.yaml``; the value itself when the file does not name it."""
        indeling = self.fasen.get(vocab)
        fase = next((f for f in indeling.fasen if f.waarde == waarde), None) if indeling else None
        return fase.naam.in_language(taal) if fase else waarde

    def lesson_titles(self, taal: str = "nl") -> dict[int, str]:
        return {les.nummer: les.titel for les in self.lessons(taal)}

    @property
    def actions(self) -> list[Actie]:
        """Every action, by id (raises :class:`ContentError` when an action file is invalid)."""
        return list(_ok(self._acties))

    def laws(self, taal: str = "nl") -> dict[str, Regeling]:
        """The rule sets of the legal frame in ``taal``, by id."""
        return {r.id: r for r in _ok(self._wetten) if r.taal == taal}

    def cases(self, met_concepten: bool = False) -> list[Case]:
        """The valid cases, by id (concepts only when asked)."""
        return [c for c in self.casussen_alle if met_concepten or not c.concept]

    # --- indexes ----------------------------------------------------------------------------------

    @cached_property
    def actions_by_lesson(self) -> dict[int, list[Actie]]:
        per_les: dict[int, list[Actie]] = defaultdict(list)
        for actie in self.actions:
            per_les[actie.les].append(actie)
        return dict(per_les)

    @cached_property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim of every finished case (concepts give no evidence)."""
        return tuple(
            Claim(c.id, c.naam, c.fictief, rij) for c in self.casussen_alle if not c.concept for rij in c.rijen.bewijs
        )

    @cached_property
    def claims_by_action(self) -> dict[str, list[Claim]]:
        per_actie: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims:
            for actie in claim.acties:
                per_actie[actie].append(claim)
        return dict(per_actie)

    @cached_property
    def claims_by_case_and_lesson(self) -> dict[tuple[str, int], list[Claim]]:
        per: dict[tuple[str, int], list[Claim]] = defaultdict(list)
        for claim in self.claims:
            per[(claim.casus, claim.les)].append(claim)
        return dict(per)

    def claims_for(self, casus: str | None = None, les: int | None = None, actie: str | None = None) -> list[Claim]:
        """The claims of a case, a lesson and/or an action (from the indexes)."""
        if actie is not None:
            gekozen = self.claims_by_action.get(actie, [])
        elif casus is not None and les is not None:
            return list(self.claims_by_case_and_lesson.get((casus, les), []))
        else:
            gekozen = list(self.claims)
        return [c for c in gekozen if (casus is None or c.casus == casus) and (les is None or c.les == les)]

    @cached_property
    def citations(self) -> dict[str, list[Citation]]:
        """Source URL -> the lessons (further reading, both languages alike: Dutch) and cases that cite it."""
        per_url: dict[str, list[Citation]] = defaultdict(list)
        for les in self.lessons("nl"):
            for bron in les.verder_lezen:
                jaar = None if bron.jaar == "onbekend" else str(bron.jaar)
                per_url[bron.url].append(Citation("les", str(les.nummer), les.titel, bron.titel, bron.uitgever, jaar))
        for c in self.casussen_alle:
            for rij in c.rijen.bronnen:
                jaar = rij["datum"].tekst if rij["datum"] else None
                per_url[rij["url"]].append(Citation("casus", c.id, c.naam, rij["titel"], rij["uitgever"], jaar))
        return dict(per_url)


def _ok(gelezen: tuple[T, ...] | ContentError) -> tuple[T, ...]:
    if isinstance(gelezen, ContentError):
        raise ContentError(gelezen.problemen)
    return gelezen


def content_stamp(root: Path | None = None) -> tuple[tuple[str, int], ...]:
    """(path, modification time) of every content file: changes when any content file changes."""
    root = root or paths.project_root()
    return files_stamp(*((root / map_, patroon) for map_, patroon in CONTENT_FILES))


#: The parts of the content, each read again only when one of its own files changes: (folder, glob).
#: The laws and the cases are checked against the action ids, so they depend on the actions too.
_ACTIES = ("lessons/acties", "les-*.yaml")
PARTS: dict[str, tuple[tuple[str, str], ...]] = {
    "lessen": (("lessons", "*.md"), ("lessons", "*.yaml")),
    "acties": (_ACTIES, ("lessons/acties", "samengevoegd.yaml")),
    "wetten": (("lessons/wetten", "*.md"), _ACTIES),
    "casussen": (("cases", "*/casus.yaml"), ("cases", "*/*.csv"), _ACTIES),
}

_CACHE: dict[tuple[Path, str], Kennisbank] = {}
_PART_CACHE: dict[tuple[Path, str, str], tuple[tuple[tuple[str, int], ...], Any]] = {}
_LOCK = Lock()


def _part(root: Path, werkmap: str, naam: str, lees: Callable[[], Any]) -> Any:
    """Part ``naam`` of the content at ``root``: read with ``lees``, again only when its files changed."""
    stempel = files_stamp(*((root / map_, patroon) for map_, patroon in PARTS[naam]))
    bekend = _PART_CACHE.get((root, werkmap, naam))
    if bekend is not None and bekend[0] == stempel:
        return bekend[1]
    waarde = lees()
    _PART_CACHE[(root, werkmap, naam)] = (stempel, waarde)
    return waarde


def kennisbank(root: Path | None = None) -> Kennisbank:
    """The knowledge base of the project at ``root`` (default: this project, or ``WARMTELESSEN_HOME``),
    read once per content version: a second call costs one look at the files' stamps, and a changed
    lesson does not make the cases be read again."""
    root = (root or paths.project_root()).resolve()
    werkmap = os.getcwd()  # problems name files relative to it
    stempel = content_stamp(root)
    with _LOCK:
        bekend = _CACHE.get((root, werkmap))
        if bekend is not None and bekend.stempel == stempel:
            return bekend
        lessen_map, acties_map = root / "lessons", root / "lessons" / "acties"
        wetten_map, casussen_map = lessen_map / "wetten", root / "cases"

        def lees_acties() -> tuple[list[Actie], dict[str, str], list[Problem]]:
            acties, problemen = check_actions(acties_map)
            samengevoegd, over_samengevoegd = check_merged_ids(acties_map, acties) if acties else ({}, [])
            return acties, samengevoegd, problemen + over_samengevoegd

        acties, samengevoegd, actie_problemen = _part(root, werkmap, "acties", lees_acties)
        actie_ids = {a.id for a in acties} or None

        def lees_lessen() -> tuple[list[Les], list[Problem], list[Begrip], dict[str, Indeling], list[Problem]]:
            lessen, problemen = check_lessons(lessen_map)
            begrippen, over_begrippen = check_glossary(lessen_map / "begrippen.yaml")
            fasen, over_fasen = check_phases(lessen_map / "fasen.yaml")
            return lessen, problemen, begrippen, fasen, over_begrippen + over_fasen

        def lees_wetten() -> tuple[list[Regeling], list[Problem], list[Problem]]:
            wetten, problemen = check_laws(wetten_map, actie_ids)
            verwijzingen = check_action_references(acties, {w.id for w in wetten}, shown_path(acties_map))
            return wetten, problemen, verwijzingen if acties else []

        lessen, les_fouten, begrippen, fasen, over_lessen = _part(root, werkmap, "lessen", lees_lessen)
        les_problemen = les_fouten + over_lessen
        wetten, wet_fouten, verwijzingen = (
            _part(root, werkmap, "wetten", lees_wetten) if wetten_map.is_dir() else ([], [], [])
        )
        wet_problemen = wet_fouten + verwijzingen
        casussen, case_problemen = _part(root, werkmap, "casussen", lambda: check_cases(casussen_map, actie_ids))
        # In the order ``warmtelessen valideer`` gives them: laws, lessons, cases, actions.
        problemen = [
            *(wet_problemen if wetten_map.is_dir() else []),
            *(les_problemen if lessen_map.is_dir() else []),
            *(case_problemen if casussen_map.is_dir() else []),
            *(actie_problemen if acties_map.is_dir() else []),
        ]
        kb = Kennisbank(
            root=root,
            stempel=stempel,
            _lessen=ContentError(les_fouten) if les_fouten else tuple(lessen),
            _acties=ContentError(actie_problemen) if actie_problemen else tuple(acties),
            samengevoegd=samengevoegd,
            _wetten=ContentError(wet_fouten) if wet_fouten else tuple(wetten),
            begrippen=tuple(begrippen),
            fasen=fasen,
            casussen_alle=tuple(sorted(casussen, key=lambda c: c.id)),
            case_problems=tuple(case_problemen),
            problems=tuple(problemen),
        )
        _CACHE[(root, werkmap)] = kb
        return kb
