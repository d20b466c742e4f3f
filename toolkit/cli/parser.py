"""The command line's light parts: argparse in Dutch, one-line usage errors, the default output
folder, and printing a server's address. Imported for every command, so it imports nothing heavy."""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Callable
from pathlib import Path
from typing import Any

# argparse's own words, in Dutch (argparse looks them up through gettext at call time).
_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "verwacht één waarde",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "show program's version number and exit": "toon het versienummer en stop",
    "not allowed with argument %s": "niet samen met %s",
}
argparse._ = lambda tekst: _NL.get(tekst, gettext.gettext(tekst))  # type: ignore[attr-defined]

OUT_STANDAARD = Path("output")


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (no usage block), like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: fout: {message} (hulp: {self.prog} --help)\n")


def described_parser(sub: Any, naam: str, hulp: str, beschrijving: str) -> argparse.ArgumentParser:
    """A subcommand with its one-line help and a longer description shown as written."""
    p: argparse.ArgumentParser = sub.add_parser(
        naam, help=hulp, description=beschrijving, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    return p


def add_out(parser: argparse.ArgumentParser, standaard: Path = OUT_STANDAARD,
            hulp: str = "map voor de uitvoer (standaard: ./output/)") -> None:  # fmt: skip
    """``--out``, kept as typed: the command line checks it before the command runs (see
    :func:`toolkit.base.out_folder`), so an empty ``--out ""`` is refused, not read as the current folder."""
    parser.add_argument("--out", default=str(standaard), metavar="MAP", help=hulp)


def print_address(regels: list[str]) -> Callable[[str], None]:
    """What a server calls once it answers: print ``regels`` with its address filled in."""

    def gestart(adres: str) -> None:
        for regel in regels:
            print(regel.format(adres=adres), flush=True)

    return gestart
