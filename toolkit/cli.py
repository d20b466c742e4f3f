"""The ``warmtelessen`` command (also ``python -m toolkit``): a thin layer over the report registry.

Every report command parses its options into the report's parameter model and calls
:func:`toolkit.reports.produce`; the options of a report are made from that model (see
:mod:`toolkit.cli_options`). Subcommands and domain options are Dutch; generic technical options
keep their usual names (``--lang``, ``--out``, ``--formats``, ``--jobs``). Errors end in one line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .cli_options import OUT_STANDAARD, Parser, add_formats, add_model_options, add_out, model_args, option_names
from .errors import ContentError, KernelError, UserError, WarmteError, shown_path
from .labels import t
from .profile import Profiel
from .reports import (
    CasusParams,
    ChecklistParams,
    ExportParams,
    KitParams,
    LesParams,
    LogboekParams,
    OogstParams,
    Produced,
    ReportParams,
    VergelijkingParams,
    get_spec,
    parse,
    parse_formats,
    produce,
    validate_params,
)

# --- running a report -----------------------------------------------------------------------------


def _params(kind: str, model: type[ReportParams], args: argparse.Namespace, extra: dict[str, Any] | None = None,
            positional: dict[str, str] | None = None) -> ReportParams:  # fmt: skip
    """The report's parameters from the options, checked; errors name the options as typed."""
    return parse(kind, {**model_args(args, model), **(extra or {})}, "opties", option_names(model, positional))


def _produce(kind: str, params: ReportParams, args: argparse.Namespace) -> int:
    formats = parse_formats(args.formats) if getattr(args, "formats", None) else None
    return _print_produced(produce(kind, params, args.out, formats))


def _print_produced(gemaakt: Produced) -> int:
    for melding in gemaakt.meta.notes:
        print(f"warmtelessen: let op: {melding}", file=sys.stderr)
    rapport = next((f for f in gemaakt.files if f.name == f"{gemaakt.meta.stem}.html"), None)
    if rapport:
        print(f"Rapport: {shown_path(rapport)}")
    for pad in gemaakt.files:
        if pad != rapport:
            print(f"Notebook: {shown_path(pad)}" if pad.suffix == ".ipynb" else shown_path(pad))
    for pad in gemaakt.gekoppeld:
        print(f"{t('gekoppeld', 'nl')}: {shown_path(pad)}")
    if gemaakt.meta.summary:
        print(gemaakt.meta.summary)
    return 0


# --- lessons and cases ----------------------------------------------------------------------------


def cmd_lessons(args: argparse.Namespace) -> int:
    from .lessons import load_lessons

    for les in load_lessons(validate_params(ReportParams, model_args(args, ReportParams), "opties").taal):
        print(f"{les.nummer}. {les.titel}")
    return 0


def cmd_lesson(args: argparse.Namespace) -> int:
    return _produce("les", _params("les", LesParams, args, positional={"les": "N"}), args)


def cmd_cases(args: argparse.Namespace) -> int:
    from .cases import check_cases
    from .catalog import case_ids

    casussen, problemen = check_cases()
    for casus in casussen:
        fictief = " (fictief)" if casus.fictief and "fictief" not in casus.naam else ""
        concept = " (concept)" if casus.concept else ""
        print(f"{casus.id}: {casus.naam}{fictief}{concept}")
    if any(not p.warning for p in problemen):
        geldig = {c.id for c in casussen}
        mappen = [i for i in case_ids() if i not in geldig]
        print(f"warmtelessen: fout: ongeldige casus: {', '.join(mappen)} (zie: warmtelessen valideer cases/)",
              file=sys.stderr)  # fmt: skip
        return 1
    return 0


def cmd_case(args: argparse.Namespace) -> int:
    if args.casus == "export":
        params = _params("casussen-export", ExportParams, args, {"casussen": args.extra})
        formats = parse_formats(args.formats) if args.formats else None
        return _print_produced(
            produce("casussen-export", params, args.out, formats, subfolder=args.out == OUT_STANDAARD)
        )
    if args.casus == "nieuw":
        from .cases import new_case

        if len(args.extra) != 1:
            raise UserError("casus nieuw: geef één id (bijv. warmtelessen casus nieuw utrecht-overvecht)")
        map_ = new_case(args.extra[0])
        print(f"Nieuwe casus: {shown_path(map_)}/")
        print(f"Vul de bestanden in en controleer met: warmtelessen valideer {shown_path(map_)}")
        return 0
    if args.extra:
        raise UserError(f"casus: onverwacht argument {args.extra[0]!r} (gebruik: casus ID of casus nieuw ID)")
    return _print_produced(produce("casus", _params("casus", CasusParams, args, positional={"casus": "ID"}), args.out))


def cmd_compare(args: argparse.Namespace) -> int:
    return _produce("vergelijking", _params("vergelijking", VergelijkingParams, args), args)


# --- the checklist --------------------------------------------------------------------------------

#: Profile fields the checklist takes as options: every field of the profile model (their
#: argparse names start with PROFIEL_DEST, apart from the report's own options).
PROFIEL_OPTIES = option_names(Profiel)
PROFIEL_DEST = "profiel_veld_"


def _profile_from_args(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """The raw profile: the YAML file (or the built-in example), with options on top."""
    from .checklist import default_profile_path
    from .profile import read_profile

    if args.profiel_bestand:
        ruw, bron = read_profile(args.profiel_bestand), shown_path(args.profiel_bestand)
    elif getattr(args, PROFIEL_DEST + "gemeente"):
        ruw, bron = {}, "opties"
    else:
        ruw, bron = read_profile(default_profile_path()), shown_path(default_profile_path())
    return {**ruw, **model_args(args, Profiel, PROFIEL_DEST)}, bron


def cmd_checklist(args: argparse.Namespace) -> int:
    from .checklist import explain
    from .profile import parse_profile

    ruw, bron = _profile_from_args(args)
    profiel = parse_profile(ruw, bron, PROFIEL_OPTIES if bron == "opties" else None)
    params = _params(
        "checklist", ChecklistParams, args, {"profiel": profiel.model_dump(mode="json", exclude_none=True)}
    )
    if args.uitleg:
        from .reports import build

        print(explain(build("checklist", params)))
        return 0
    return _produce("checklist", params, args)


# --- workshop -------------------------------------------------------------------------------------


def cmd_workshop_kit(args: argparse.Namespace) -> int:
    return _produce("workshop-kit", _params("workshop-kit", KitParams, args), args)


def cmd_workshop_harvest(args: argparse.Namespace) -> int:
    return _produce("oogst", _params("oogst", OogstParams, args, positional={"antwoorden": "MAP"}), args)


# --- logbook --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Optie:
    """One option of a logbook command: its flag, the argument name of the logbook function."""

    flag: str
    dest: str
    kwargs: dict[str, Any] = field(default_factory=dict)


#: ``logboek toevoegen SOORT``: (help, function in toolkit.logbook, its options).
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
}  # fmt: skip


def _logbook_add(args: argparse.Namespace, db: Any) -> int:
    from . import logbook as lb

    _, functie, opties = LOGBOEK_TOEVOEGEN[args.soort]
    with lb.transaction(db):
        res = getattr(lb, functie)(db, **{o.dest: getattr(args, o.dest) for o in opties})
    print(f"{res.soort} {res.id}: " + ("toegevoegd" if res.nieuw else "stond er al (niets veranderd)"))
    return 0


def _logbook_list(args: argparse.Namespace, db: Any) -> int:
    from . import logbook as lb

    rijen = lb.rows(db, args.soort)
    if not rijen:
        print(f"Nog geen {args.soort}.")
    for rij in rijen:
        print(" | ".join(f"{k}: {v}" for k, v in rij.items() if v not in ("", None)))
    return 0


def _logbook_import(args: argparse.Namespace, db: Any) -> int:
    from .logbook_io import import_file

    nieuw, problemen = import_file(db, args.bestand, args.alles_of_niets, args.maak_partijen)
    for probleem in problemen:
        print(f"warmtelessen: fout: {probleem}", file=sys.stderr)
    print(", ".join(f"{n} {soort}" for soort, n in nieuw.items()) + " nieuw ingelezen.")
    return 1 if problemen else 0


def _logbook_export(args: argparse.Namespace, db: Any) -> int:
    from .logbook_io import export, export_party

    for pad in export_party(db, args.partij, args.out) if args.partij else export(db, args.out):
        print(shown_path(pad))
    return 0


def _logbook_forget(args: argparse.Namespace, db: Any) -> int:
    from . import logbook as lb

    lb.forget(db, args.partij)
    print(f"Contactgegevens van {args.partij} gewist; gesprekken en besluiten blijven.")
    return 0


def _logbook_report(args: argparse.Namespace) -> int:
    groepen: list[str] = []
    if args.profiel_bestand:
        from .profile import parse_profile, read_profile

        profiel = parse_profile(read_profile(args.profiel_bestand), shown_path(args.profiel_bestand))
        groepen = [g.naam for g in profiel.groepen or []]
    params = _params("logboek", LogboekParams, args, {"groepen": groepen})
    return _produce("logboek", params, args)


#: ``logboek ACTIE``: the function that does it (given the open logbook).
LOGBOEK_ACTIES: dict[str, Callable[[argparse.Namespace, Any], int]] = {
    "toevoegen": _logbook_add,
    "lijst": _logbook_list,
    "importeer": _logbook_import,
    "exporteer": _logbook_export,
    "vergeet": _logbook_forget,
}


def cmd_logbook(args: argparse.Namespace) -> int:
    from . import logbook as lb

    if args.actie == "rapport":  # a report: the registry opens the logbook itself
        return _logbook_report(args)
    db = lb.connect(args.db)
    try:
        return LOGBOEK_ACTIES[args.actie](args, db)
    finally:
        db.close()


# --- batch and validation -------------------------------------------------------------------------


def cmd_batch(args: argparse.Namespace) -> int:
    from . import batch
    from .fileio import ensure_dir
    from .reports import check_formats

    if args.jobs is not None and args.jobs < 1:
        raise UserError(f"--jobs: moet minstens 1 zijn, niet {args.jobs}")
    if args.fast and args.soort != "checklists":
        raise UserError("--fast: alleen voor 'batch checklists' (lessen en casussen vragen een notebook)")
    if args.lang:
        validate_params(ReportParams, {"taal": args.lang}, "opties", {"taal": "--lang"})
    talen = [args.lang] if args.lang else (["nl"] if args.soort == "checklists" else ["nl", "en"])
    problemen: list[str] = []
    if args.soort == "lessen":
        runs = batch.plan_lessons(args.out, talen)
    elif args.soort == "casussen":
        runs = batch.plan_cases(args.out, talen)
    else:
        formats = check_formats(get_spec("checklist"), parse_formats(args.formats), "papermill")
        if args.alle_gemeenten == bool(args.profielen):
            raise UserError("batch checklists: kies --alle-gemeenten of --profielen BESTAND.csv")
        if args.alle_gemeenten:
            runs = batch.plan_all_municipalities(args.out, talen[0], formats, args.fase)
        else:
            runs, problemen = batch.plan_profiles(args.profielen, args.out, talen[0], formats)
        for probleem in problemen:
            print(f"warmtelessen: fout: {probleem}", file=sys.stderr)
        if not runs:
            raise UserError("batch: niets om uit te voeren (elke rij heeft een fout)")
    ensure_dir(args.out)
    uitkomsten = batch.run_batch(runs, args.out, args.jobs, args.force, args.fast, voortgangsbalk=not args.stil)
    print(batch.summary(uitkomsten, problemen))
    print(f"Manifest: {shown_path(args.out / 'manifest.json')}")
    return 1 if problemen or any(u.status == "mislukt" for u in uitkomsten) else 0


def _print_address(regels: list[str]) -> Any:
    def gestart(adres: str) -> None:
        for regel in regels:
            print(regel.format(adres=adres), flush=True)

    return gestart


def cmd_app(args: argparse.Namespace) -> int:
    from .app_server import LOOPBACK, app_pages, serve
    from .labels import t
    from .live import new_code, normalise_code
    from .paths import notebooks_dir

    taal = args.lang
    site = args.site if args.site.exists() else None
    code = normalise_code(args.code or "") or ("" if args.host in LOOPBACK else new_code())  # beyond: with a code
    regels = [t("app.draait", taal, adres="{adres}" + (f"?token={code}" if code else ""))]
    regels += [t("app.code", taal, code=code)] * bool(code) + [t("app.stoppen", taal)]
    return serve(
        notebooks_dir() / "app", args.werkmap, args.port, args.host, taal, t("app.titel", taal),
        t("app.start_uitleg", taal), app_pages(taal), code=code, site=site, gestart=_print_address(regels),
    )  # fmt: skip


def cmd_workshop_live(args: argparse.Namespace) -> int:
    from .app_server import ENV, LOOPBACK, Pagina, address, check_port, serve
    from .live import new_session, open_session, parse_lessons
    from .paths import notebooks_dir

    taal = args.lang
    check_port(args.host, args.port)  # before a session is made for nothing
    if args.sessie:
        sessie = open_session(args.map, args.sessie)
    else:
        sessie = new_session(args.map, parse_lessons(args.lessen), taal)
    taal = sessie.taal
    code = sessie.code if (args.host not in LOOPBACK or args.met_code) else ""
    basis = address(args.host, args.port) + "voila/render/"
    groepen = basis + "groep.ipynb" + (f"?token={code}" if code else "")
    trainer = basis + f"trainer.ipynb?trainer={sessie.trainer_code}" + (f"&token={code}" if code else "")
    regels = [
        t("live.cli_sessie", taal, lessen=", ".join(map(str, sessie.lessen)), code=sessie.code),
        t("live.cli_groepen", taal, adres=groepen),
        t("live.cli_trainer", taal, adres=trainer),
        t("live.cli_antwoorden", taal, pad=shown_path(sessie.pad), code=sessie.code),
        t("app.stoppen", taal),
    ]
    omgeving = {ENV["sessie"]: str(sessie.pad.resolve()), ENV["adres"]: groepen, ENV["uit"]: str(args.out.resolve())}
    paginas = [Pagina("groep.ipynb", t("live.groep_titel", taal), t("live.pagina_groep_uitleg", taal))]
    return serve(
        notebooks_dir() / "live", args.werkmap, args.port, args.host, taal, t("live.trainer_titel", taal),
        t("live.start_uitleg", taal), paginas, code=code, omgeving=omgeving, gestart=_print_address(regels),
        voorraad={"groep.ipynb": 3},  # groups arrive at once: three pages ready, more on the way
    )  # fmt: skip


def cmd_site(args: argparse.Namespace) -> int:
    from .site_build import build_site, site_summary

    try:
        print(site_summary(build_site(args.out, args.lang)))
    except ContentError as fout:  # every problem the validator found, one line each
        for probleem in fout.problemen:
            print(f"warmtelessen: fout: {probleem}", file=sys.stderr)
        return fout.exit_code
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    problemen = validate(args.paden or None)
    for probleem in problemen:
        print(f"let op: {probleem}" if probleem.warning else probleem)
    fouten = [p for p in problemen if not p.warning]
    if fouten:
        print(f"{len(fouten)} probleem/problemen gevonden.", file=sys.stderr)
        return 1
    print("Alles is geldig." + (f" ({len(problemen)} keer 'let op')" if problemen else ""))
    return 0


# --- parser ---------------------------------------------------------------------------------------


def _report_parser(sub: Any, naam: str, kind: str, model: type[ReportParams], hulp: str, beschrijving: str,
                   positional: dict[str, str] | None = None, skip: tuple[str, ...] = (),
                   formats: bool = False) -> argparse.ArgumentParser:  # fmt: skip
    """A subcommand for a report: an option per parameter (from the model), ``--out`` and, when
    asked, ``--formats``."""
    p: argparse.ArgumentParser = sub.add_parser(naam, help=hulp, description=beschrijving,
                                                formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    add_model_options(p, model, positional, skip)
    add_out(p)
    if formats:
        spec = get_spec(kind)
        add_formats(p, spec.files, ",".join(spec.defaults))
    return p


def build_parser() -> argparse.ArgumentParser:
    from .reports import SPECS

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

    p: argparse.ArgumentParser = sub.add_parser("lessen", help="toon de lessen (nummer en titel)")
    add_model_options(p, ReportParams)
    p.set_defaults(func=cmd_lessons)

    p = _report_parser(sub, "les", "les", LesParams, "maak een rapport van één les (notebook + HTML)",
                       "Voert notebooks/lesson.ipynb uit met papermill en schrijft het uitgevoerde notebook en een\n"
                       "HTML-rapport zonder code naar MAP/les-N-<slug>/.", positional={"les": "N"})  # fmt: skip
    p.set_defaults(func=cmd_lesson)

    p = sub.add_parser("casussen", help="toon de casussen (id en naam)")
    p.set_defaults(func=cmd_cases)

    p = _report_parser(sub, "casus", "casus", CasusParams,
                       "maak een casusrapport, of een nieuwe casus (casus nieuw ID)",
                       "'casus ID' voert notebooks/case.ipynb uit met papermill en schrijft het uitgevoerde notebook\n"
                       "en een HTML-rapport zonder code naar MAP/casus-ID/. 'casus nieuw ID' maakt cases/ID/ met lege\n"
                       "bestanden en uitleg per veld. 'casus export [ID ...] --out MAP' schrijft de casussen als\n"
                       "Frictionless data package (CSV en datapackage.json) en de bronnen als BibTeX en CSL-JSON.",
                       positional={"casus": "ID"})  # fmt: skip
    p.add_argument(
        "extra",
        nargs="*",
        metavar="NIEUW_ID",
        help="bij 'nieuw': de id van de nieuwe casus; bij 'export': de casussen (standaard: alle)",
    )
    p.add_argument("--met-fictief", dest="met_fictief", action="store_const", const=True,
                   help="export: ook verzonnen casussen (Voorbeeldstad)")  # fmt: skip
    p.add_argument("--formats", metavar="LIJST", help="export: datapackage,bibtex,csl (standaard: alle)")
    p.set_defaults(func=cmd_case)

    p = _report_parser(sub, "vergelijk", "vergelijking", VergelijkingParams,
                       "vergelijk casussen: bewijs per les, tijdlijnen, instrumenten, actoren",
                       "Voert notebooks/compare.ipynb uit en schrijft naar MAP/vergelijking/: een HTML-rapport zonder\n"
                       "code, de tabellen als CSV en één Excel-bestand. Standaard: alle casussen, alle lessen.",
                       formats=True)  # fmt: skip
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser(
        "batch",
        help="maak veel rapporten tegelijk: lessen, casussen of checklists",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Maakt veel rapporten in één keer, elk notebook in een eigen proces.\n"
            "  batch lessen                          alle lessen (nl en en)\n"
            "  batch casussen                        alle casussen (nl en en)\n"
            "  batch checklists --alle-gemeenten     één checklist per gemeente (342)\n"
            "  batch checklists --profielen P.csv    één checklist per rij\n"
            "Toont voortgang, schrijft een log per run en manifest.json/.csv in MAP, slaat ongewijzigde\n"
            "runs over (tenzij --force) en gaat door als een run mislukt."
        ),
    )
    p.add_argument("soort", choices=["lessen", "casussen", "checklists"], metavar="SOORT",
                   help="lessen, casussen of checklists")  # fmt: skip
    p.add_argument("--alle-gemeenten", action="store_true", help="checklists: één per gemeente")
    p.add_argument(
        "--profielen", type=Path, metavar="CSV", help="checklists: één profiel per rij (kolommen als het profiel)"
    )
    p.add_argument("--fase", metavar="FASE", help="checklists met --alle-gemeenten: de fase in elk profiel")
    p.add_argument("--jobs", type=int, metavar="N", help="aantal tegelijk (standaard: aantal kernen)")
    p.add_argument("--force", action="store_true", help="ook ongewijzigde runs opnieuw uitvoeren")
    p.add_argument("--fast", action="store_true", help="checklists zonder notebook-kernel (geen .ipynb)")
    p.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    add_formats(p, SPECS["checklist"].files, ",".join(SPECS["checklist"].defaults))
    p.set_defaults(formats=",".join(SPECS["checklist"].defaults))
    p.add_argument("--lang", default=None, metavar="nl|en", help="taal (standaard: lessen en casussen in nl en en)")
    add_out(p)
    p.set_defaults(func=cmd_batch)

    _logbook_parser(sub)

    p = sub.add_parser("workshop", help="workshopkit (agenda, dia's, hand-outs, zelfscan) en de oogst van de zelfscan")
    acties = p.add_subparsers(dest="actie", metavar="kit|oogst", parser_class=Parser, required=True)
    q = _report_parser(acties, "kit", "workshop-kit", KitParams,
                       "agenda (HTML, Word), dia's (reveal.js, offline), hand-outs per les, zelfscan op papier",
                       "Schrijft de workshopkit naar MAP/workshop-kit/.", formats=True)  # fmt: skip
    q.set_defaults(func=cmd_workshop_kit)
    q = _report_parser(acties, "oogst", "oogst", OogstParams,
                       "oogst van de antwoorden in MAP (JSON uit het formulier of CSV)",
                       "Voert notebooks/workshop_summary.ipynb uit en schrijft naar MAP/oogst/: HTML en Word.",
                       positional={"antwoorden": "MAP"})  # fmt: skip
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
    q.add_argument("--met-code", action="store_true", help="vraag de sessiecode ook op deze computer (127.0.0.1)")
    add_out(q)
    q.add_argument(
        "--werkmap", type=Path, default=OUT_STANDAARD / ".workshop-live", metavar="MAP", help=argparse.SUPPRESS
    )
    q.set_defaults(func=cmd_workshop_live)

    p = _report_parser(
        sub, "checklist", "checklist", ChecklistParams,
        "maak een checklist op maat uit uw eigen situatie (het profiel)",
        "Maakt de checklist voor uw gemeente: per les de acties die bij uw situatie passen, met\n"
        "prioriteit, eigenaar, fase en waarom. Voert notebooks/checklist.ipynb uit met papermill en\n"
        "schrijft naar MAP/<gemeente>[-<wijk>]/. Zonder --profiel en --gemeente: het voorbeeld-\n"
        "profiel profielen/voorbeeldstad.yaml. De velden van het profiel zijn ook opties; opties gaan\n"
        "boven het bestand.",
        skip=("profiel",), formats=True,
    )  # fmt: skip
    p.add_argument("--profiel", dest="profiel_bestand", type=Path, metavar="BESTAND", help="profiel als YAML-bestand")
    add_model_options(p.add_argument_group("velden van het profiel"), Profiel, prefix=PROFIEL_DEST)
    p.add_argument("--uitleg", action="store_true", help="toon per actie waarom die er wel of niet in staat")
    p.set_defaults(func=cmd_checklist)

    p = sub.add_parser(
        "app",
        help="start de web-app in de browser: checklist op maat en kennisbank",
        description="Start de web-app (Voilà) op http://127.0.0.1:8866/: de checklist op maat met formulier en\n"
        "downloads, en de kennisbank. Opent niets vanzelf; stoppen met Ctrl-C.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--port", type=int, default=8866, help="poort (standaard: 8866)")
    p.add_argument("--host", default="127.0.0.1", help="adres om op te luisteren (standaard: alleen deze computer)")
    p.add_argument("--lang", choices=("nl", "en"), default="nl", help="taal van de app (standaard: nl)")
    p.add_argument("--site", type=Path, default=OUT_STANDAARD / "site", metavar="MAP",
                   help="een gebouwde kennisbank om naar te linken (standaard: ./output/site/)")  # fmt: skip
    p.add_argument("--code", metavar="CODE",
                   help="vaste toegangscode (standaard: op 127.0.0.1 geen, anders elke start een nieuwe)")  # fmt: skip
    p.add_argument("--werkmap", type=Path, default=OUT_STANDAARD / ".app", metavar="MAP", help=argparse.SUPPRESS)
    p.set_defaults(func=cmd_app)

    p = sub.add_parser(
        "site",
        help="bouw de kennisbank als website (offline, doorzoekbaar, nl en en)",
        description="Bouwt de kennisbank als statische website met Sphinx naar MAP (standaard ./output/site/):\n"
        "lessen, casussen, acties, bewijs, begrippen, bronnen en fasen, in het Nederlands en Engels. Werkt ook\n"
        "zonder internet en vanaf een USB-stick (open index.html).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--lang", metavar="nl,en", help="talen (standaard: nl,en)")
    p.add_argument(
        "--out", type=Path, default=OUT_STANDAARD / "site", metavar="MAP",
        help="map voor de site; die wordt bij elke bouw als geheel vervangen (standaard: ./output/site/)",
    )  # fmt: skip
    p.set_defaults(func=cmd_site)

    p = sub.add_parser(
        "valideer",
        help="controleer alle inhoud (lessen, casussen) en toon elk probleem",
        description=(
            "Controleert de inhoud en toont elk probleem als 'bestand: veld: wat er mis is "
            "(wat mag)'. Exitcode 0 als alles geldig is, 1 als niet."
        ),
    )
    p.add_argument("paden", nargs="*", type=Path, metavar="PAD", help="map of bestand (standaard: het hele project)")
    p.set_defaults(func=cmd_validate)
    return parser


def _logbook_parser(sub: Any) -> None:
    p = sub.add_parser(
        "logboek",
        help="logboek: wie is gesproken, wat is besloten, en wie het weet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Een logboek per wijk of project in één SQLite-bestand (--db).\n"
            "  toevoegen partij|gesprek|besluit|vervolgactie|communicatie …\n"
            "  lijst partijen|gesprekken|besluiten|vervolgacties|communicatie\n"
            "  importeer BESTAND.csv|xlsx [--alles-of-niets] [--maak-partijen]\n"
            "  exporteer [--out MAP] [--partij NAAM]\n"
            "  rapport [--out MAP] [--lang nl|en] [--profiel P.yaml] [--peildatum JJJJ-MM-DD]\n"
            "  vergeet PARTIJ      (wist de contactgegevens; besluiten blijven)"
        ),
    )
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
    t.add_argument("soort", choices=["partijen", "gesprekken", "besluiten", "vervolgacties", "communicatie"],
                   metavar="SOORT")  # fmt: skip
    t = acties.add_parser("importeer", help="lees een spreadsheet in (CSV of XLSX)")
    t.add_argument("bestand", type=Path, metavar="BESTAND")
    t.add_argument("--alles-of-niets", action="store_true", help="bij één foute rij: niets inlezen")
    t.add_argument("--maak-partijen", action="store_true", help="maak onbekende partijen aan (type overig)")
    t = acties.add_parser("exporteer", help="schrijf CSV per soort en logboek.xlsx, of alles over één partij")
    t.add_argument("--partij", metavar="NAAM", help="alles wat het logboek over deze partij weet (JSON)")
    add_out(t)
    t = _report_parser(acties, "rapport", "logboek", LogboekParams,
                       "rapport (HTML, Word) met signalen en een samenvatting voor bewoners",
                       "Voert notebooks/logbook_report.ipynb uit en schrijft naar MAP/logboek/.",
                       skip=("db", "groepen"))  # fmt: skip
    t.add_argument("--profiel", dest="profiel_bestand", type=Path, metavar="P.yaml",
                   help="checklistprofiel: groepen die gesproken moeten zijn")  # fmt: skip
    t = acties.add_parser("vergeet", help="wis de contactgegevens van een partij")
    t.add_argument("partij", metavar="PARTIJ")
    p.set_defaults(func=cmd_logbook)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
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
