"""Report commands: ``lessen``, ``les``, ``casussen``, ``casus``, ``vergelijk``, ``checklist``, ``batch``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from toolkit.base import MERKTEKEN, UserError, ensure_dir, mark_own, out_folder, shown_path
from toolkit.content import (
    Profiel,
    case_ids,
    check_cases,
    cleaned_fields_note,
    load_lessons,
    new_case,
    parse_profile,
    read_profile,
)
from toolkit.domain import default_profile_path, explain
from toolkit.reports import (
    SPECS,
    CasusParams,
    ChecklistParams,
    ExportParams,
    LesParams,
    ReportParams,
    VergelijkingParams,
    batch,
    build,
    check_formats,
    get_spec,
    produce,
    validate_params,
)

from .options import (
    add_formats,
    add_model_options,
    chosen_formats,
    model_args,
    option_names,
    print_produced,
    produce_report,
    report_params,
    report_parser,
)
from .parser import OUT_STANDAARD, add_out, described_parser


def cmd_lessons(args: argparse.Namespace) -> int:
    for les in load_lessons(validate_params(ReportParams, model_args(args, ReportParams), "opties").taal):
        print(f"{les.nummer}. {les.titel}")
    return 0


def cmd_lesson(args: argparse.Namespace) -> int:
    return produce_report("les", report_params("les", LesParams, args, positional={"les": "N"}), args)


def cmd_cases(args: argparse.Namespace) -> int:
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
        eigen_map = args.out != OUT_STANDAARD  # with --out the files go straight into it
        if eigen_map:
            out_folder(args.out, eigen=MERKTEKEN)
        params = report_params("casussen-export", ExportParams, args, {"casussen": args.extra})
        gemaakt = produce("casussen-export", params, args.out, chosen_formats("casussen-export", args),
                          subfolder=not eigen_map)  # fmt: skip
        if eigen_map:
            mark_own(args.out)
        return print_produced(gemaakt)
    if args.casus == "nieuw":
        if len(args.extra) != 1:
            raise UserError("casus nieuw: geef één id (bijv. warmtelessen casus nieuw utrecht-overvecht)")
        map_ = new_case(args.extra[0])
        print(f"Nieuwe casus: {shown_path(map_)}/")
        print(f"Vul de bestanden in en controleer met: warmtelessen valideer {shown_path(map_)}")
        return 0
    if args.extra:
        raise UserError(f"casus: onverwacht argument {args.extra[0]!r} (gebruik: casus ID of casus nieuw ID)")
    return print_produced(
        produce("casus", report_params("casus", CasusParams, args, positional={"casus": "ID"}), args.out)
    )


def cmd_compare(args: argparse.Namespace) -> int:
    return produce_report("vergelijking", report_params("vergelijking", VergelijkingParams, args), args)


#: Profile fields the checklist takes as options: every field of the profile model (their
#: argparse names start with PROFIEL_DEST, apart from the report's own options).
PROFIEL_OPTIES = option_names(Profiel)


PROFIEL_DEST = "profiel_veld_"


def _profile_from_args(args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    """The raw profile: the YAML file (or the built-in example), with options on top."""

    if args.profiel_bestand:
        ruw, bron = read_profile(args.profiel_bestand), shown_path(args.profiel_bestand)
    elif getattr(args, PROFIEL_DEST + "gemeente"):
        ruw, bron = {}, "opties"
    else:
        ruw, bron = read_profile(default_profile_path()), shown_path(default_profile_path())
    return {**ruw, **model_args(args, Profiel, PROFIEL_DEST)}, bron


def params_taal(args: argparse.Namespace) -> str:
    """The language the report was asked in (``--lang``; Dutch when not given or not known)."""
    taal = getattr(args, "taal", None) or getattr(args, "lang", None)
    return taal if taal in ("nl", "en") else "nl"


def cmd_checklist(args: argparse.Namespace) -> int:
    ruw, bron = _profile_from_args(args)
    profiel = parse_profile(ruw, bron, PROFIEL_OPTIES if bron == "opties" else None)
    if melding := cleaned_fields_note(ruw, bron, params_taal(args)):
        print(melding, file=sys.stderr)
    params = report_params("checklist", ChecklistParams, args, {"profiel": profiel})
    if args.uitleg:
        print(explain(build("checklist", params)))
        return 0
    return produce_report("checklist", params, args)


def cmd_batch(args: argparse.Namespace) -> int:
    if args.jobs is not None:
        batch.check_jobs(args.jobs)
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
        formats = check_formats(get_spec("checklist"), chosen_formats("checklist", args), "papermill")
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


#: The longer help of the command.
BATCH_UITLEG = (
    "Maakt veel rapporten in één keer, elk notebook in een eigen proces.\n"
    "  batch lessen                          alle lessen (nl en en)\n"
    "  batch casussen                        alle casussen (nl en en)\n"
    "  batch checklists --alle-gemeenten     één checklist per gemeente (342)\n"
    "  batch checklists --profielen P.csv    één checklist per rij\n"
    "Toont voortgang, schrijft een log per run en manifest.json/.csv in MAP, slaat ongewijzigde\n"
    "runs over (tenzij --force) en gaat door als een run mislukt."
)


# --- parsers ----------------------------------------------------------------------------------------


def add_lessen(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``lessen``."""
    p: argparse.ArgumentParser = sub.add_parser(naam, help=hulp)
    add_model_options(p, ReportParams)
    p.set_defaults(func=cmd_lessons)


def add_les(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``les``."""
    p = report_parser(sub, naam, "les", LesParams, hulp,
                       "Voert notebooks/lesson.ipynb uit met papermill en schrijft het uitgevoerde notebook en een\n"
                       "HTML-rapport zonder code naar MAP/les-N-<slug>/.", positional={"les": "N"})  # fmt: skip
    p.set_defaults(func=cmd_lesson)


def add_casussen(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``casussen``."""
    p = sub.add_parser(naam, help=hulp)
    p.set_defaults(func=cmd_cases)


def add_casus(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``casus``."""
    p = report_parser(sub, naam, "casus", CasusParams,
                       hulp,
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


def add_vergelijk(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``vergelijk``."""
    p = report_parser(sub, naam, "vergelijking", VergelijkingParams,
                       hulp,
                       "Voert notebooks/compare.ipynb uit en schrijft naar MAP/vergelijking/: een HTML-rapport zonder\n"
                       "code, de tabellen als CSV en één Excel-bestand. Standaard: alle casussen, alle lessen.",
                       formats=True)  # fmt: skip
    p.set_defaults(func=cmd_compare)


def add_batch(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``batch``."""
    p = described_parser(sub, naam, hulp, BATCH_UITLEG)
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


def add_checklist(sub: Any, naam: str, hulp: str) -> None:
    """The subcommand ``checklist``."""
    p = report_parser(
        sub, naam, "checklist", ChecklistParams,
        hulp,
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


#: The subcommands of this group: name -> the function that adds its parser.
PARSERS: dict[str, Callable[[Any, str, str], None]] = {
    "lessen": add_lessen,
    "les": add_les,
    "casussen": add_casussen,
    "casus": add_casus,
    "vergelijk": add_vergelijk,
    "batch": add_batch,
    "checklist": add_checklist,
}
