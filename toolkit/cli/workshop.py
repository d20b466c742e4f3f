"""Workshop commands: ``workshop kit``, ``workshop oogst``, ``workshop live``."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.app import ENV, LOOPBACK, Pagina, address, check_port, serve
from toolkit.base import UserError, notebooks_dir, out_folder, shown_path, t
from toolkit.domain import export_responses, new_session, open_session, parse_lessons
from toolkit.reports import KitParams, OogstParams

from .options import produce_report, report_params, report_parser
from .parser import OUT_STANDAARD, Parser, add_out, print_address


def cmd_workshop_kit(args: argparse.Namespace) -> int:
    return produce_report("workshop-kit", report_params("workshop-kit", KitParams, args), args)


def cmd_workshop_harvest(args: argparse.Namespace) -> int:
    if args.sessie:  # straight from a live session's file: its answers as CSV and the harvest, as Oogst opslaan
        if args.antwoorden:
            raise UserError(f"workshop oogst: geef een map met antwoorden of --sessie {args.sessie}, niet allebei")
        sessie = open_session(args.map, args.sessie)
        map_ = args.out / f"workshop-{sessie.code}"
        args.antwoorden = str(export_responses(sessie, map_ / "antwoorden").resolve())
        args.out = map_
    elif not args.antwoorden:
        raise UserError("workshop oogst: geef de map met antwoorden (MAP) of --sessie CODE")
    return produce_report("oogst", report_params("oogst", OogstParams, args, positional={"antwoorden": "MAP"}), args)


def cmd_workshop_live(args: argparse.Namespace) -> int:
    taal = args.lang
    out_folder(args.map, "--map")
    check_port(args.host, args.port)  # before a session is made for nothing
    if args.sessie:
        sessie = open_session(args.map, args.sessie)
    else:
        sessie = new_session(args.map, parse_lessons(args.lessen), taal, args.bewaar)
    taal = sessie.taal
    code = sessie.code if (args.host not in LOOPBACK or args.met_code) else ""
    groepen = address(args.host, args.port) + "live/groep" + (f"?token={code}" if code else "")
    trainer = (address(args.host, args.port) + f"voila/render/trainer.ipynb?trainer={sessie.trainer_code}"
               + (f"&token={code}" if code else ""))  # fmt: skip
    regels = [
        t("live.cli_sessie", taal, lessen=", ".join(map(str, sessie.lessen)), code=sessie.code),
        t("live.cli_groepen", taal, adres=groepen),
        t("live.cli_trainer", taal, adres=trainer),
        t("live.cli_antwoorden", taal, pad=shown_path(sessie.pad), code=sessie.code),
        *([t("live.alleen_hier", taal)] if args.host in LOOPBACK else []),
        t("app.stoppen", taal),
    ]
    omgeving = {ENV["sessie"]: str(sessie.pad.resolve()), ENV["adres"]: groepen, ENV["uit"]: str(args.out.resolve())}
    paginas = [Pagina("trainer.ipynb", t("live.trainer_titel", taal), t("live.pagina_trainer_uitleg", taal))]
    return serve(
        notebooks_dir() / "live", args.werkmap, args.port, args.host, taal, t("live.trainer_titel", taal),
        t("live.start_uitleg", taal), paginas, code=code, omgeving=omgeving, gestart=print_address(regels),
    )  # fmt: skip


# --- parsers ----------------------------------------------------------------------------------------


def add_workshop(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``workshop``."""
    p = sub.add_parser(naam, help=hulp)
    acties = p.add_subparsers(dest="actie", metavar="kit|oogst", parser_class=Parser, required=True)
    q = report_parser(acties, "kit", "workshop-kit", KitParams,
                       "agenda (HTML, Word), dia's (reveal.js, offline), hand-outs per les, zelfscan op papier",
                       "Schrijft de workshopkit naar MAP/workshop-kit/.", formats=True)  # fmt: skip
    q.set_defaults(func=cmd_workshop_kit)
    q = report_parser(acties, "oogst", "oogst", OogstParams,
                       "oogst van de antwoorden in MAP (JSON uit het formulier of CSV)",
                       "Voert notebooks/workshop_summary.ipynb uit en schrijft naar MAP/oogst/: HTML en Word.",
                       positional={"antwoorden": "MAP"})  # fmt: skip
    for actie in q._actions:  # MAP may be left out when --sessie names a live session
        if actie.dest == "antwoorden":
            actie.nargs, actie.default = "?", None
    q.add_argument("--sessie", metavar="CODE", help="de oogst van een live sessie (zonder MAP)")
    q.add_argument("--map", type=Path, default=OUT_STANDAARD / "workshop-live", metavar="MAP",
                   help="waar de live sessies staan (standaard: ./output/workshop-live/)")  # fmt: skip
    q.set_defaults(func=cmd_workshop_harvest)
    q = acties.add_parser(
        "live",
        help="zelfscan live in de zaal: groepen vullen in op hun telefoon, de trainer ziet de oogst groeien",
        description="Start de zelfscan als web-app (Voilà). Groepen openen het getoonde adres (of scannen de\n"
        "QR-code op het scherm van de trainer) en versturen hun scores; de trainerspagina toont de oogst en\n"
        "werkt zichzelf bij. Antwoorden worden meteen opgeslagen (SQLite in --map); na een herstart gaat u\n"
        "verder met --sessie CODE. Met --host 0.0.0.0 (de zaal op hetzelfde netwerk) is de sessiecode nodig.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("--lessen", default="", metavar="3,4", help="de lessen van de zelfscan (standaard: alle)")
    q.add_argument(
        "--host", default="127.0.0.1", help="adres om op te luisteren; 0.0.0.0 = ook voor anderen op het netwerk"
    )
    q.add_argument("--port", type=int, default=8866, help="poort (standaard: 8866)")
    q.add_argument("--lang", choices=("nl", "en"), default="nl", help="taal (standaard: nl)")
    q.add_argument("--map", type=Path, default=OUT_STANDAARD / "workshop-live", metavar="MAP",
                   help="map voor de antwoorden, één SQLite-bestand per sessie (standaard: ./output/workshop-live/)")  # fmt: skip
    q.add_argument("--sessie", metavar="CODE", help="ga verder met een bestaande sessie (na een herstart)")
    q.add_argument("--bewaar", type=int, default=30, metavar="DAGEN",
                   help="zoveel dagen blijven de antwoorden bewaard; daarna gewist (standaard: 30)")  # fmt: skip
    q.add_argument("--met-code", action="store_true", help="vraag de sessiecode ook op deze computer (127.0.0.1)")
    add_out(q)
    q.add_argument(
        "--werkmap", type=Path, default=OUT_STANDAARD / ".workshop-live", metavar="MAP", help=argparse.SUPPRESS
    )
    q.set_defaults(func=cmd_workshop_live)


#: The subcommands of this group: name -> the function that adds its parser.
PARSERS: dict[str, Callable[[Any, str, str], None]] = {
    "workshop": add_workshop,
}
