"""Commands that build or serve pages: ``app``, ``site``, and ``valideer`` (which checks what they show)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.app import ENV, LOOPBACK, OPRUIMEN, VOORRAAD, app_pages, serve
from toolkit.base import ContentError, notebooks_dir, shown_path, t
from toolkit.content import validate
from toolkit.domain import check_chosen_code, new_code
from toolkit.site import build_site, site_summary

from .parser import OUT_STANDAARD, add_out, print_address


def cmd_app(args: argparse.Namespace) -> int:
    taal = args.lang
    site = args.site if args.site.exists() else None
    if args.code is not None:
        code = check_chosen_code(args.code)
    else:
        code = "" if args.host in LOOPBACK else new_code()  # beyond this computer: always with a code
    logboek = args.logboek.expanduser().absolute()  # the kernels run elsewhere: they get the whole path
    regels = [t("app.draait", taal, adres="{adres}" + (f"?token={code}" if code else ""))]
    regels += [t("app.code", taal, code=code)] * bool(code)
    pad = shown_path(logboek).replace("{", "{{").replace("}", "}}")  # the lines are filled in with the address
    regels += [t("app.logboek_pad", taal, pad=pad), t("app.stoppen", taal)]
    return serve(
        notebooks_dir() / "app", args.werkmap, args.port, args.host, taal, t("app.titel", taal),
        t("app.start_uitleg", taal), app_pages(taal), code=code, omgeving={ENV["logboek"]: str(logboek)}, site=site,
        gestart=print_address(regels), opruimen=args.opruimen, voorraad={"checklist.ipynb": args.voorraad},
    )  # fmt: skip


def cmd_site(args: argparse.Namespace) -> int:
    try:
        print(site_summary(build_site(args.out, args.lang)))
    except ContentError as fout:  # every problem the validator found, one line each
        for probleem in fout.problemen:
            print(f"warmtelessen: fout: {probleem}", file=sys.stderr)
        return fout.exit_code
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    problemen = validate(args.paden or None)
    for probleem in problemen:
        print(f"let op: {probleem}" if probleem.warning else probleem)
    fouten = [p for p in problemen if not p.warning]
    if fouten:
        print(f"{len(fouten)} probleem/problemen gevonden.", file=sys.stderr)
        return 1
    print("Alles is geldig." + (f" ({len(problemen)} keer 'let op')" if problemen else ""))
    return 0


# --- parsers ----------------------------------------------------------------------------------------


def add_app(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``app``."""
    p = sub.add_parser(
        naam,
        help=hulp,
        description="Start de web-app (Voilà) op http://127.0.0.1:8866/: de checklist op maat met formulier en\n"
        "downloads, de kennisbank en het logboek. Opent niets vanzelf; stoppen met Ctrl-C.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--port", type=int, default=8866, help="poort (standaard: 8866)")
    p.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard: alleen deze computer)")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="taal van de app (standaard: nl)")
    p.add_argument("--site", type=Path, default=OUT_STANDAARD / "site", metavar="MAP",
                   help="een gebouwde kennisbank om naar te linken (standaard: ./output/site/)")  # fmt: skip
    p.add_argument("--code", metavar="CODE",
                   help="vaste toegangscode, minstens 8 letters of cijfers (standaard: op 127.0.0.1 geen, "
                        "anders elke start een nieuwe)")  # fmt: skip
    p.add_argument("--logboek", type=Path, default=Path("logboek.sqlite"), metavar="PAD",
                   help="het logboek van de pagina Logboek; gemaakt bij het eerste wat iemand toevoegt "
                        "(standaard: ./logboek.sqlite)")  # fmt: skip
    p.add_argument("--werkmap", type=Path, default=OUT_STANDAARD / ".app", metavar="MAP", help=argparse.SUPPRESS)
    p.add_argument("--opruimen", type=int, default=OPRUIMEN, metavar="SECONDEN",
                   help=f"stop de kernel van een gesloten pagina na zoveel seconden ({OPRUIMEN})")  # fmt: skip
    p.add_argument("--voorraad", type=int, default=VOORRAAD, metavar="AANTAL",
                   help=f"zoveel checklist-kernels staan klaar voor wie tegelijk komt ({VOORRAAD})")  # fmt: skip
    p.set_defaults(func=cmd_app)


def add_site(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``site``."""
    p = sub.add_parser(
        naam,
        help=hulp,
        description="Bouwt de kennisbank als statische website met Sphinx naar MAP (standaard ./output/site/):\n"
        "lessen, casussen, acties, bewijs, begrippen, bronnen en fasen, in het Nederlands en Engels. Werkt ook\n"
        "zonder internet en vanaf een USB-stick (open index.html).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--lang", metavar="nl,en", help="talen (standaard: nl,en)")
    add_out(p, OUT_STANDAARD / "site", "map voor de site; die wordt bij elke bouw als geheel vervangen "
            "(standaard: ./output/site/)")  # fmt: skip
    p.set_defaults(func=cmd_site)


def add_valideer(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``valideer``."""
    p = sub.add_parser(
        naam,
        help=hulp,
        description=(
            "Controleert de inhoud en toont elk probleem als 'bestand: veld: wat er mis is "
            "(wat mag)'. Exitcode 0 als alles geldig is, 1 als niet."
        ),
    )
    p.add_argument("paden", nargs="*", type=Path, metavar="PAD", help="map of bestand (standaard: het hele project)")
    p.set_defaults(func=cmd_validate)


#: The subcommands of this group: name -> the function that adds its parser.
PARSERS: dict[str, Callable[[Any, str, str], None]] = {
    "app": add_app,
    "site": add_site,
    "valideer": add_valideer,
}
