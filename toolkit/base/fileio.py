"""Writing files safely.

Nothing is ever half-written under its final name: every file is written to a temporary file in
the same folder and then renamed into place (an atomic step on the same file system).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import UserError, shown_path

#: The file in a folder that a command made to put its files straight into (``logboek exporteer``,
#: ``casus export --out``): such a folder is ours, and the command may write into it again.
MERKTEKEN = ".warmtelessen"


def out_folder(
    waarde: str | Path, optie: str = "--out", eigen: str | None = None, wat: str = "map van warmtelessen",
    hint: str = "kies een nieuwe of lege map",
) -> Path:  # fmt: skip
    """The folder ``waarde`` (typed after ``optie``) if a command may write into it, else one line
    that says why not. Every command that writes a folder asks this first, before it reads or makes
    anything: an empty name (it would mean the current folder), a file, the root of the file system
    and the home folder are refused. With ``eigen`` (the name of a marker file; the command writes its
    files straight into the folder, or replaces it), a folder that holds anything and has no such
    marker is refused too: it is someone else's (``wat`` and ``hint`` say what it should be)."""
    tekst = str(waarde)
    if not tekst.strip():
        raise UserError(f"{optie}: geen map opgegeven (geef een map, bijv. {optie} output)")
    pad = Path(tekst)
    try:
        volledig = pad.resolve()
    except (OSError, ValueError):  # a loop of links, a NUL byte: ensure_dir says what is wrong
        volledig = pad.absolute()
    if volledig == Path(volledig.anchor):
        raise UserError(
            f"{optie} {tekst}: dat is de hoofdmap van de computer (kies een eigen map, bijv. {optie} output)"
        )
    if volledig == _home():
        raise UserError(
            f"{optie} {tekst}: dat is uw thuismap (kies een map daarin, bijv. {optie} {volledig / 'warmtelessen'})"
        )
    if pad.exists() and not pad.is_dir():
        raise UserError(f"{optie} {shown_path(pad)}: is een bestand (kies een map)")
    if eigen and pad.is_dir() and not (pad / eigen).is_file() and _holds_anything(pad):
        raise UserError(f"{optie} {shown_path(pad)}: map bestaat al en is geen {wat} ({hint})")
    return pad


def mark_own(pad: Path, merk: str = MERKTEKEN) -> None:
    """Mark ``pad`` as a folder this toolkit made (see :func:`out_folder`)."""
    if not (pad / merk).is_file():
        (pad / merk).write_text("Gemaakt door warmtelessen: de toolkit mag in deze map schrijven.\n", encoding="utf-8")


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, KeyError):  # no home folder known
        return None


def _holds_anything(pad: Path) -> bool:
    try:
        return any(pad.iterdir())
    except OSError:  # not readable: ensure_dir says so when the command gets there
        return False


def ensure_dir(pad: Path, optie: str = "--out") -> Path:
    """Create ``pad`` (and parents) and check it is writable, or raise one clear error."""
    try:
        pad.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as exc:  # ValueError: a name with a NUL byte, which no file system takes
        reden = getattr(exc, "strerror", None) or str(exc)
        raise UserError(
            f"{shown_path(pad)}: {optie}: map kan niet worden gemaakt: {reden} (kies een map waarin u mag schrijven)"
        ) from None
    if not os.access(pad, os.W_OK | os.X_OK):
        raise UserError(
            f"{shown_path(pad)}: {optie}: geen schrijfrechten in deze map (kies een map waarin u mag schrijven)"
        )
    return pad


@contextmanager
def atomic_path(doel: Path) -> Iterator[Path]:
    """Yield a temporary path next to ``doel``; rename it to ``doel`` only if the block succeeds."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{doel.stem}.", suffix=f".tmp{doel.suffix}", dir=doel.parent)
    os.close(fd)
    tmp_pad = Path(tmp)
    try:
        yield tmp_pad
        os.chmod(tmp_pad, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get normal permissions
        os.replace(tmp_pad, doel)
    finally:
        if tmp_pad.exists():
            tmp_pad.unlink()


def _umask() -> int:
    huidig = os.umask(0)
    os.umask(huidig)
    return huidig


def write_text_atomic(doel: Path, tekst: str) -> Path:
    with atomic_path(doel) as tmp:
        tmp.write_text(tekst, encoding="utf-8")
    return doel


def write_bytes_atomic(doel: Path, data: bytes) -> Path:
    with atomic_path(doel) as tmp:
        tmp.write_bytes(data)
    return doel


def files_stamp(*patronen: tuple[Path, str]) -> tuple[tuple[str, int], ...]:
    """(path, modification time) of every file matching (folder, glob): a cache key that changes
    when a content file changes, so long-running processes never serve stale content."""
    return tuple((str(p), p.stat().st_mtime_ns) for map_, patroon in patronen for p in sorted(map_.glob(patroon)))
