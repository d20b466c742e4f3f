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
