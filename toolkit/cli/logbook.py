"""The ``logboek`` command: add, list, import, export, the template to fill in, forget, and the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.base import MERKTEKEN, clean_fields, mark_own, out_folder, shown_path, transaction
from toolkit.content import parse_profile, read_profile
from toolkit.domain import export_party, import_file
from toolkit.domain import logbook as lb
from toolkit.render import export_logbook, fits_a_list, write_logbook_template
from toolkit.reports import LogboekParams, VerslagParams

from .options import produce_report, report_params, report_parser
from .parser import OUT_STANDAARD, Parser, add_out, described_parser


@dataclass(frozen=True)
class Optie:
    """One option of a logbook command: its flag, the argument name of the logbook function."""

    flag: str
    dest: str
    kwargs: dict[str, Any] = field(default_factory=dict)


#: ``logboek toevoegen SOORT``: (help, function in toolkit.domain.logbook, its options).
LOGBOEK_TOEVOEGEN: dict[str, tuple[str, str, tuple[Optie, ...]]] = {
    "partij": ("organisatie of groep", "add_party", (
        Optie("--naam", "naam", {"required": True}),
        Optie("--type", "type", {"default": "overig", "help": "zoals bij de actoren van een casus (gemeente, energiecooperatie …)"}),
        Optie("--contactrol", "contactrol", {"default": "", "help": "rol van de contactpersoon, bijv. voorzitter"}),
        Optie("--contact", "contact", {"help": "contactgegeven (persoonsgegeven; te wissen met 'vergeet')"}),
    )),
    "gesprek": ("een gesprek", "add_conversation", (
        Optie("--datum", "datum", {"required": True, "metavar": "JJJJ-MM-DD"}),
        Optie("--partijen", "partijen", {"required": True, "metavar": "'A;B'"}),
        Optie("--onderwerp", "onderwerp", {"required": True}),
        Optie("--lessen", "lessen", {"default": "", "metavar": "4"}),
        Optie("--samenvatting", "samenvatting", {"default": ""}),
    )),
    "besluit": ("een besluit", "add_decision", (
        Optie("--datum", "datum", {"required": True, "metavar": "JJJJ-MM-DD"}),
        Optie("--besluit", "besluit", {"required": True}),
        Optie("--besloten-door", "besloten_door", {"required": True}),
        Optie("--trede", "trede", {"required": True, "help": "informeren … meebeslissen / zelfbeheer"}),
        Optie("--toelichting", "toelichting", {"default": ""}),
        Optie("--status", "status", {"default": "genomen", "help": "voorgenomen | genomen | herzien | ingetrokken"}),
        Optie("--betreft", "betreft", {"default": "", "metavar": "'A;B'", "help": "partijen die het aangaat (standaard: iedereen)"}),
        Optie("--gecommuniceerd-aan", "gecommuniceerd_aan", {"default": "", "metavar": "'A;B'"}),
        Optie("--kanaal", "kanaal", {"default": "overig", "help": "brief | nieuwsbrief | bijeenkomst | website | e-mail | huisbezoek | overig"}),
    )),
    "vervolgactie": ("een vervolgactie", "add_follow_up", (
        Optie("--omschrijving", "omschrijving", {"required": True}),
        Optie("--eigenaar", "eigenaar", {"required": True}),
        Optie("--deadline", "deadline", {"metavar": "JJJJ-MM-DD"}),
        Optie("--gedaan", "gedaan", {"action": "store_true"}),
        Optie("--besluit", "besluit_id", {"metavar": "ID"}),
    )),
    "communicatie": ("een besluit of gesprek gedeeld met een partij", "add_communication", (
        Optie("--datum", "datum", {"required": True, "metavar": "JJJJ-MM-DD"}),
        Optie("--partij", "partij", {"required": True}),
        Optie("--kanaal", "kanaal", {"required": True}),
        Optie("--besluit", "besluit", {"metavar": "ID"}),
        Optie("--gesprek", "gesprek", {"metavar": "ID"}),
    )),
    "activiteit": ("een participatieactiviteit: bijeenkomst, enquête, inloop …", "add_activity", (
        Optie("--datum", "datum", {"required": True, "metavar": "JJJJ-MM-DD"}),
        Optie("--vorm", "vorm", {"required": True, "help": " | ".join(lb.VORMEN)}),
        Optie("--onderwerp", "onderwerp", {"required": True}),
        Optie("--doelgroep", "doelgroep", {"default": "", "metavar": "'A;B'", "help": "partijen uit het logboek"}),
        Optie("--uitgenodigd", "uitgenodigd", {"metavar": "N", "help": "aantal uitgenodigd (leeg: onbekend)"}),
        Optie("--deelnemers", "deelnemers", {"metavar": "N", "help": "aantal deelnemers (leeg: onbekend)"}),
        Optie("--trede", "trede", {"required": True, "help": "informeren … meebeslissen / zelfbeheer"}),
        Optie("--fase", "fase", {"default": "", "help": " | ".join(lb.FASEN)}),
        Optie("--lessen", "lessen", {"default": "", "metavar": "4"}),
        Optie("--toelichting", "toelichting", {"default": ""}),
    )),
    "inbreng": ("wat deelnemers inbrachten, en wat ermee gedaan is", "add_input", (
        Optie("--activiteit", "activiteit", {"required": True, "metavar": "ID"}),
        Optie("--inbreng", "inbreng", {"required": True}),
        Optie("--standpunt", "standpunt", {"required": True, "help": " | ".join(lb.STANDPUNTEN)}),
        Optie("--verwerking", "verwerking", {"default": "open", "help": " | ".join(lb.VERWERKINGEN)}),
        Optie("--toelichting", "toelichting", {"default": "", "help": "wat ermee gedaan is, en waarom"}),
    )),
}  # fmt: skip


def _logbook_add(args: argparse.Namespace, db: Any) -> int:
    _, functie, opties = LOGBOEK_TOEVOEGEN[args.soort]
    waarden, velden = clean_fields({o.dest: getattr(args, o.dest) for o in opties})
    if velden:  # pasted from Word or Excel: said, and taken out
        genoemd = ", ".join(o.flag for o in opties if o.dest in velden)
        print(f"let op: {genoemd}: onzichtbare tekens weggehaald (zoals een verticale tab die Word of Excel "
              "meegeeft bij kopiëren)", file=sys.stderr)  # fmt: skip
    with transaction(db):
        res = getattr(lb, functie)(db, **waarden)
    print(f"{res.soort} {res.id}: " + ("toegevoegd" if res.nieuw else "stond er al (niets veranderd)"))
    return 0


def _logbook_list(args: argparse.Namespace, db: Any) -> int:
    rijen = lb.rows(db, args.soort)
    if not rijen:
        print(f"Nog geen {args.soort}.")
    for rij in rijen:
        print(" | ".join(f"{k}: {v}" for k, v in rij.items() if v not in ("", None)))
    return 0


def _logbook_import(args: argparse.Namespace, db: Any) -> int:
    nieuw, problemen = import_file(db, args.bestand, args.alles_of_niets, args.maak_partijen)
    for probleem in problemen:
        print(f"warmtelessen: fout: {probleem}", file=sys.stderr)
    print(", ".join(f"{n} {soort}" for soort, n in nieuw.items()) + " nieuw ingelezen.")
    return 1 if problemen else 0


def _logbook_export(args: argparse.Namespace, db: Any) -> int:
    # The files go straight into --out; without it, into a folder of their own in ./output/.
    out = args.out / "logboek-export" if args.out == OUT_STANDAARD else out_folder(args.out, eigen=MERKTEKEN)
    for pad in export_party(db, args.partij, out) if args.partij else export_logbook(db, out):
        print(shown_path(pad))
    mark_own(out)
    return 0


def _logbook_template(args: argparse.Namespace) -> int:
    # As exporteer: into --out, or a folder of its own in ./output/. Names a list only from a
    # logbook that is there: the template never creates one.
    out = args.out / "logboek-sjabloon" if args.out == OUT_STANDAARD else out_folder(args.out, eigen=MERKTEKEN)
    partijen: list[str] = []
    if args.db.is_file():
        db = lb.connect(args.db, maken=False)
        try:
            partijen = [str(p["naam"]) for p in lb.rows(db, "partijen")]
        finally:
            db.close()
    if partijen and not fits_a_list(partijen):
        print(f"let op: partij: geen keuzelijst met de {len(partijen)} partijen uit {shown_path(args.db)} (Excel houdt "
              "een lijst van hooguit 255 tekens, zonder komma's in de namen); typ de naam zelf", file=sys.stderr)  # fmt: skip
        partijen = []
    for pad in write_logbook_template(out, args.lang, partijen):
        print(shown_path(pad))
    mark_own(out)
    return 0


def _logbook_forget(args: argparse.Namespace) -> int:
    vergeten = lb.forget(args.db, args.partij, args.naam, args.lang)
    if vergeten.label:
        print(f"Contactgegevens van {args.partij} gewist en de naam vervangen door '{vergeten.label}' "
              f"(op {vergeten.plaatsen} {'plaats' if vergeten.plaatsen == 1 else 'plaatsen'}); gesprekken en "
              "besluiten blijven.")  # fmt: skip
    else:
        print(f"Contactgegevens van {args.partij} gewist; gesprekken en besluiten blijven.")
    print("Let op: exports en rapporten die u eerder maakte, bevatten ze nog. Wis die zelf.")
    return 0


def _logbook_report(args: argparse.Namespace) -> int:
    groepen: list[str] = []
    if args.profiel_bestand:
        profiel = parse_profile(read_profile(args.profiel_bestand), shown_path(args.profiel_bestand))
        groepen = [g.naam for g in profiel.groepen or []]
    params = report_params("logboek", LogboekParams, args, {"groepen": groepen})
    return produce_report("logboek", params, args)


def _participation_report(args: argparse.Namespace) -> int:
    params = report_params("verslag", VerslagParams, args)
    return produce_report("verslag", params, args)


#: ``logboek ACTIE``: the function that does it (given the open logbook).
LOGBOEK_ACTIES: dict[str, Callable[[argparse.Namespace, Any], int]] = {
    "toevoegen": _logbook_add,
    "lijst": _logbook_list,
    "importeer": _logbook_import,
    "exporteer": _logbook_export,
}


#: The actions that may start a new logbook; the others only read or change one that is there.
LOGBOEK_SCHRIJVEN = ("toevoegen", "importeer")


def cmd_logbook(args: argparse.Namespace) -> int:
    if args.actie == "rapport":  # a report: the registry opens the logbook itself
        return _logbook_report(args)
    if args.actie == "verslag":
        return _participation_report(args)
    if args.actie == "vergeet":  # opens the logbook itself, to have it alone
        return _logbook_forget(args)
    if args.actie == "sjabloon":  # opens the logbook only if it is there
        return _logbook_template(args)
    bestond = args.db.exists()
    db = lb.connect(args.db, maken=args.actie in LOGBOEK_SCHRIJVEN)
    gelukt = False
    try:
        code = LOGBOEK_ACTIES[args.actie](args, db)
        gelukt = code == 0
        return code
    finally:
        db.close()
        if not gelukt:  # a first entry or import that failed: no empty logbook left behind
            lb.drop_if_new_and_empty(args.db, bestond)


#: The longer help of the command.
LOGBOEK_UITLEG = (
    "Een logboek per wijk of project in één SQLite-bestand (--db).\n"
    "  toevoegen partij|gesprek|besluit|vervolgactie|communicatie|activiteit|inbreng …\n"
    "  lijst partijen|gesprekken|besluiten|vervolgacties|communicatie|activiteiten|inbreng\n"
    "  importeer BESTAND.csv|xlsx [--alles-of-niets] [--maak-partijen]\n"
    "  exporteer [--out MAP] [--partij NAAM]\n"
    "  sjabloon [--out MAP] [--lang nl|en]   (een leeg logboek-sjabloon.xlsx en .ods om in te vullen en in te lezen)\n"
    "  rapport [--out MAP] [--lang nl|en] [--profiel P.yaml] [--peildatum JJJJ-MM-DD]\n"
    "  verslag [--van JJJJ-MM-DD] [--tot JJJJ-MM-DD] [--out MAP] [--formats docx,odt,pdf,html,md] [--lang nl|en]\n"
    "  vergeet PARTIJ [--naam]   (wist de contactgegevens; met --naam ook de naam; besluiten blijven)"
)


# --- parsers ----------------------------------------------------------------------------------------


def add_logboek(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``logboek``."""
    p = described_parser(sub, naam, hulp, LOGBOEK_UITLEG)
    p.add_argument("--db", type=Path, default=Path("logboek.sqlite"), metavar="BESTAND",
                   help="het logboek (standaard: ./logboek.sqlite)")  # fmt: skip
    acties = p.add_subparsers(dest="actie", metavar="ACTIE", parser_class=Parser, required=True)
    t = acties.add_parser("toevoegen", help="voeg iets toe")
    soorten = t.add_subparsers(dest="soort", metavar="SOORT", parser_class=Parser, required=True)
    for soort, (hulp, _, opties) in LOGBOEK_TOEVOEGEN.items():
        q = soorten.add_parser(soort, help=hulp)
        for optie in opties:
            q.add_argument(optie.flag, dest=optie.dest, **optie.kwargs)
    t = acties.add_parser("lijst", help="toon de inhoud")
    t.add_argument("soort", choices=lb.SOORTEN, metavar="SOORT")
    t = acties.add_parser("importeer", help="lees een spreadsheet in (CSV of XLSX)")
    t.add_argument("bestand", type=Path, metavar="BESTAND")
    t.add_argument("--alles-of-niets", action="store_true", help="bij één foute rij: niets inlezen")
    t.add_argument("--maak-partijen", action="store_true", help="maak onbekende partijen aan (type overig)")
    t = acties.add_parser("exporteer", help="schrijf CSV per soort en logboek.xlsx en .ods, of alles over één partij")
    t.add_argument("--partij", metavar="NAAM", help="alles wat het logboek over deze partij weet (JSON)")
    add_out(t, hulp="map voor de bestanden: een nieuwe of lege map (standaard: ./output/logboek-export/)")
    t = acties.add_parser("sjabloon", help="schrijf een leeg sjabloon om in te vullen (xlsx en ods), met keuzelijsten")
    add_out(t, hulp="map voor de bestanden: een nieuwe of lege map (standaard: ./output/logboek-sjabloon/)")
    t.add_argument(
        "--lang",
        choices=("nl", "en"),
        default="nl",
        help="taal van het blad met uitleg (kolomnamen blijven Nederlands)",
    )
    r = report_parser(acties, "rapport", "logboek", LogboekParams,
                       "rapport (HTML, Word) met signalen en een samenvatting voor bewoners",
                       "Voert notebooks/logbook_report.ipynb uit en schrijft naar MAP/logboek/.",
                       skip=("db", "groepen"))  # fmt: skip
    r.add_argument("--profiel", dest="profiel_bestand", type=Path, metavar="P.yaml",
                   help="checklistprofiel: groepen die gesproken moeten zijn")  # fmt: skip
    report_parser(acties, "verslag", "verslag", VerslagParams,
                  "verslag van participatie voor de raad (Word, ODT, PDF, HTML, Markdown)",
                  "Schrijft het verslag van participatie uit het logboek naar MAP/verslag-participatie/: "
                  "wie is betrokken, hoe, wat brachten ze in en wat is ermee gedaan, met een samenvatting "
                  "voor het raadsvoorstel. Elke zin verwijst naar het logboek.",
                  skip=("db",), formats=True)  # fmt: skip
    t = acties.add_parser("vergeet", help="wis de contactgegevens van een partij, zodat ze niet terug te halen zijn")
    t.add_argument("partij", metavar="PARTIJ")
    t.add_argument("--naam", action="store_true",
                   help="vervang ook de naam (bij een persoon) door 'Partij N', overal, ook in samenvattingen")  # fmt: skip
    t.add_argument("--lang", choices=("nl", "en"), default="nl", help="taal van 'Partij N' (en: 'Party N')")
    p.set_defaults(func=cmd_logbook)


#: The subcommands of this group: name -> the function that adds its parser.
PARSERS: dict[str, Callable[[Any, str, str], None]] = {"logboek": add_logboek}
