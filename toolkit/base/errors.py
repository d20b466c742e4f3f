"""Errors, and how they read.

Every problem is reported as one line: ``file: field: what is wrong (what is allowed)``. The
command line prints these lines and exits non-zero; it never shows a traceback. The classes say
whose problem it is, and so which exit code and which words the user gets:

- :class:`UserError` (exit 2): the input is wrong (an option, a profile, a file); the line says how
  to put it right. :class:`ContentError` (exit 1) is content that does not validate.
- :class:`NotebookError` (exit 1): a cell of a notebook failed; the line names the cell.
- :class:`KernelError` (exit 3): the notebook kernel crashed or did not start. That is not the
  user's mistake, and the line says so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from .limits import excerpt


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file (or one option), in words a user understands."""

    file: str
    field: str
    message: str
    allowed: str = ""
    severity: Literal["error", "warning"] = "error"  # a warning does not make content invalid

    @property
    def warning(self) -> bool:
        return self.severity == "warning"

    def sort_key(self) -> tuple[str, int, str]:
        """File, then line (``regel N``), then field: the order a user fixes things in."""
        regel = re.match(r"regel (\d+)", self.field)
        return self.file, int(regel.group(1)) if regel else 0, self.field

    def __str__(self) -> str:
        veld, melding, toegestaan = (_cut(d, MAX_DEEL) for d in (self.field, self.message, self.allowed))
        tekst = f"{self.file}: {veld}: {melding}" if veld else f"{self.file}: {melding}"
        return f"{tekst} ({toegestaan})" if toegestaan else tekst


#: Characters of one part of a problem, and of a whole error line: a line never grows with the input.
MAX_DEEL = 300
MAX_REGEL = 1000


def _cut(tekst: str, grens: int) -> str:
    return tekst if len(tekst) <= grens else tekst[: grens - 1] + "…"


class WarmteError(Exception):
    """Any error the toolkit reports as one clear line, with exit code ``exit_code``."""

    exit_code = 1

    def __init__(self, melding: str | Problem, reden: Callable[[str], str] | None = None) -> None:
        super().__init__(_cut(" ".join(str(melding).splitlines()), MAX_REGEL))
        self._reden = reden

    def reason(self, taal: str) -> str | None:
        """What is wrong, in ``taal`` and without file or option (for a page), when the raiser said."""
        return self._reden(taal) if self._reden else None


class UserError(WarmteError):
    """An error caused by input: reported as one clear line, exit code 2."""

    exit_code = 2


class ContentError(UserError):
    """Content (lessons, cases) that does not validate; carries every problem found."""

    exit_code = 1

    def __init__(self, problemen: list[Problem]) -> None:
        self.problemen = [p for p in problemen if not p.warning]
        eerste = str(self.problemen[0]) if self.problemen else "ongeldige inhoud"
        extra = f" (en nog {len(self.problemen) - 1} probleem/problemen)" if len(self.problemen) > 1 else ""
        super().__init__(eerste + extra)


class NotebookError(WarmteError):
    """A notebook run in which a cell failed; names the notebook and the cell."""

    exit_code = 1


class KernelError(WarmteError):
    """The notebook kernel crashed, timed out or did not start: not the user's mistake."""

    exit_code = 3


class KernelStartError(KernelError):
    """The kernel did not start or answer: worth one retry in a batch."""


def range_text(laag: int, hoog: int, eenheid: str = "") -> str:
    """What a number may be, in the words every range check uses: ``kies 1 tot en met 480 minuten``."""
    return f"kies {laag} tot en met {hoog}" + (f" {eenheid}" if eenheid else "")


def check_range(
    optie: str, waarde: int, grens: tuple[int, int], eenheid: str = "", voorbeeld: int | None = None
) -> int:
    """``waarde`` (typed after ``optie``) if it lies within ``grens``, else one line naming the range:
    ``--jobs 0: kies 1 tot en met 64 (bijv. --jobs 4)``."""
    laag, hoog = grens
    if not laag <= waarde <= hoog:
        bijv = f" (bijv. {optie} {voorbeeld})" if voorbeeld is not None else ""
        raise UserError(f"{optie} {waarde}: {range_text(laag, hoog, eenheid)}{bijv}")
    return waarde


@lru_cache(maxsize=8)
def _resolved(pad: str, _werkmap: str) -> str:
    try:
        return str(Path(pad).resolve().relative_to(Path(_werkmap).resolve()))
    except ValueError:
        return pad


def shown_path(pad: Path | str) -> str:
    """A path as shown to the user: relative to the working directory where possible."""
    try:
        werkmap = os.getcwd()
    except OSError:  # the working directory was removed
        return str(pad)
    return _resolved(str(pad), werkmap)


def unknown_ids(
    bestand: str, veld: str, wat: str, ids: Iterable[str], bekend: Collection[str], toegestaan: str
) -> list[Problem]:
    """One problem for each of ``ids`` that is not in ``bekend``: ``onbekende <wat> 'x' (toegestaan)``."""
    return [Problem(bestand, veld, f"onbekende {wat} {excerpt(i)}", toegestaan) for i in ids if i not in bekend]
