"""The ``warmtelessen`` command (also ``python -m toolkit``): a thin layer over the report registry.

Every report command parses its options into the report's parameter model and calls
:func:`toolkit.reports.produce`; the options of a report are made from that model (see
:mod:`toolkit.cli.options`). Subcommands and domain options are Dutch; generic technical options
keep their usual names (``--lang``, ``--out``, ``--formats``, ``--jobs``). Errors end in one line on
stderr and a non-zero exit code, never a traceback. ``--out`` is checked here, once for every command
that has it (:func:`toolkit.base.out_folder`): an empty name, a file, ``/`` and the home folder are refused.

The commands live in groups (:mod:`toolkit.cli.reports`, ``logbook``, ``workshop``, ``servers``).
Only the group of the command that is run is imported: ``warmtelessen --help`` and a mistyped
command never load pydantic, pandas or the report models.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from toolkit import __version__
from toolkit.base import KernelError, WarmteError, out_folder

from .parser import Parser

#: Every subcommand, in the order of the help: its name, its group module, its one-line help.
_OPDRACHTEN = """
lessen     reports   toon de lessen (nummer en titel)
les        reports   maak een rapport van één les (notebook + HTML)
casussen   reports   toon de casussen (id en naam)
casus      reports   maak een casusrapport, of een nieuwe casus (casus nieuw ID)
vergelijk  reports   vergelijk casussen: bewijs per les, tijdlijnen, instrumenten, actoren
batch      reports   maak veel rapporten tegelijk: lessen, casussen of checklists
logboek    logbook   logboek: wie is gesproken, wat is besloten, en wie het weet
workshop   workshop  workshopkit (agenda, dia's, hand-outs, zelfscan) en de oogst van de zelfscan
checklist  reports   maak een checklist op maat uit uw eigen situatie (het profiel)
app        servers   start de web-app in de browser: checklist op maat en kennisbank
site       servers   bouw de kennisbank als website (offline, doorzoekbaar, nl en en)
valideer   servers   controleer alle inhoud (lessen, casussen) en toon elk probleem
"""

#: name -> (group module, one-line help).
COMMANDS: dict[str, tuple[str, str]] = {
    naam: (groep, hulp) for naam, groep, hulp in (r.split(maxsplit=2) for r in _OPDRACHTEN.strip().splitlines())
}


def build_parser(opdracht: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``opdracht``, only that subcommand gets its options (the others are
    names with their help), so only its group is imported. Without: every subcommand in full."""
    parser = Parser(
        prog="warmtelessen",
        description="Warmtelessen: lessen over bewonersparticipatie in de warmtetransitie, met casussen en "
        "checklists op maat.",
        epilog="Meer uitleg: README.md. Hulp bij een opdracht: warmtelessen OPDRACHT --help",
    )
    parser.add_argument("--version", action="version", version=f"warmtelessen {__version__}",
                        help="toon het versienummer en stop")  # fmt: skip
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", title="opdrachten", parser_class=Parser)
    sub.required = True
    for naam, (groep, hulp) in COMMANDS.items():
        if opdracht is None or naam == opdracht:
            importlib.import_module(f"toolkit.cli.{groep}").PARSERS[naam](sub, naam, hulp)
        else:
            sub.add_parser(naam, help=hulp)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    opdracht = next((a for a in argv if not a.startswith("-")), "")
    parser = build_parser(opdracht)
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        if "out" in vars(args):  # every command that writes a folder: the same refusals, before anything else
            args.out = out_folder(args.out)
        return func(args)
    except KernelError as fout:
        print(f"warmtelessen: {fout}", file=sys.stderr)
        return fout.exit_code
    except WarmteError as fout:
        print(f"warmtelessen: fout: {fout}", file=sys.stderr)
        return fout.exit_code
    except KeyboardInterrupt:
        print("warmtelessen: afgebroken", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the output went to a program that stopped reading (| head)
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
