"""The ``warmtelessen`` command (also ``python -m toolkit``).

Subcommands and domain options are Dutch; generic technical options keep their usual names
(``--lang``, ``--out``, ``--formats``, ``--jobs``). Errors a user can cause end in one line on
stderr and a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import gettext
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from . import __version__
from .errors import UserError, shown_path
from .profile import VELDEN as PROFIEL_VELDEN
from .vocabularies import TALEN, listing

# argparse's own words, in Dutch (argparse looks them up through gettext at call time).
_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": ("ongeldige keuze: %(value)r (kies uit %(choices)s)"),
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "verwacht één waarde",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "show program's version number and exit": "toon het versienummer en stop",
}
argparse._ = lambda tekst: _NL.get(tekst, gettext.gettext(tekst))  # type: ignore[attr-defined]

OUT_STANDAARD = Path("output")


class Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (no usage block), like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: fout: {message} (hulp: {self.prog} --help)\n")


def _taal(waarde: str) -> str:
    if waarde not in TALEN:
        raise argparse.ArgumentTypeError(f"onbekende taal {waarde!r} (toegestaan: {listing(TALEN)})")
    return waarde


def _lesson_number(waarde: str) -> int:
    try:
        nummer = int(waarde)
    except ValueError:
        nummer = 0
    if not 1 <= nummer <= 7:
        raise argparse.ArgumentTypeError(f"onbekend lesnummer {waarde!r} (toegestaan: 1 t/m 7)")
    return nummer


def _ownership(waarde: str) -> dict[str, float]:
    uit: dict[str, float] = {}
    for deel in waarde.split(","):
        sleutel, _, getal = deel.partition("=")
        try:
            uit[sleutel.strip()] = float(getal)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"ongeldig: {deel!r} (bijv. koop=62,corporatie=35,particuliere_huur=3)"
            ) from None
    return uit


def _number(waarde: str) -> float:
    try:
        return float(waarde.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen getal: {waarde!r} (bijv. 0.5)") from None


def _datum(waarde: str) -> date:
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ongeldige datum {waarde!r} (JJJJ-MM-DD)") from None


def _add_lang(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        type=_taal,
        default="nl",
        metavar="nl|en",
        help="taal van de uitvoer (standaard: nl)",
    )


def _add_out(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out",
        type=Path,
        default=OUT_STANDAARD,
        metavar="MAP",
        help="map voor de uitvoer (standaard: ./output/)",
    )


# --- subcommands -------------------------------------------------------------------------------


def cmd_lessen(args: argparse.Namespace) -> int:
    from .lessons import load_lessons

    for les in load_lessons(args.lang):
        print(f"{les.nummer}. {les.titel}")
    return 0


def cmd_les(args: argparse.Namespace) -> int:
    from .lessons import load_lesson

    les = load_lesson(args.nummer, args.lang)  # fails fast, before a kernel starts
    return _report(
        "lesson",
        {"les": les.nummer},
        args,
        f"les-{les.nummer}-{les.slug}",
        f"{les.nummer}. {les.titel}",
    )


def _report(notebook: str, parameters: dict[str, object], args: argparse.Namespace, naam: str, titel: str) -> int:
    """Run ``notebooks/<notebook>.ipynb`` into ``<out>/<naam>/<naam>.<taal>.{ipynb,html}``."""
    from .runner import notebook_path, run_notebook

    resultaat = run_notebook(
        notebook_path(notebook),
        {**parameters, "taal": args.lang},
        args.out / naam,
        f"{naam}.{args.lang}",
        taal=args.lang,
        titel=titel,
    )
    print(f"Rapport: {shown_path(resultaat.html or resultaat.notebook)}")
    print(f"Notebook: {shown_path(resultaat.notebook)}")
    return 0


def cmd_casussen(args: argparse.Namespace) -> int:
    from .cases import check_cases
    from .catalog import case_ids

    casussen, problemen = check_cases()
    for casus in casussen:
        fictief = " (fictief)" if casus.fictief and "fictief" not in casus.naam else ""
        print(f"{casus.id}: {casus.naam}{fictief}")
    if problemen:
        geldig = {c.id for c in casussen}
        mappen = [i for i in case_ids() if i not in geldig]
        print(
            f"warmtelessen: fout: ongeldige casus: {', '.join(mappen)} (zie: warmtelessen valideer cases/)",
            file=sys.stderr,
        )
        return 1
    return 0


def cmd_casus(args: argparse.Namespace) -> int:
    if args.id == "nieuw":
        return _new_case(args)
    if args.extra:
        raise UserError(f"casus: onverwacht argument {args.extra[0]!r} (gebruik: casus ID of casus nieuw ID)")
    from .cases import load_case

    casus = load_case(args.id)  # refuses an invalid case with the same lines as `valideer`
    return _report("case", {"casus": casus.id}, args, f"casus-{casus.id}", casus.naam)


def _new_case(args: argparse.Namespace) -> int:
    from .cases import new_case

    if len(args.extra) != 1:
        raise UserError("casus nieuw: geef één id (bijv. warmtelessen casus nieuw utrecht-overvecht)")
    map_ = new_case(args.extra[0])
    print(f"Nieuwe casus: {shown_path(map_)}/")
    print(f"Vul de bestanden in en controleer met: warmtelessen valideer {shown_path(map_)}")
    return 0


def _ids(waarde: str) -> list[str]:
    return [deel.strip() for deel in waarde.split(",") if deel.strip()]


def _lesson_numbers(waarde: str) -> list[int]:
    return [_lesson_number(deel) for deel in _ids(waarde)]


def cmd_vergelijk(args: argparse.Namespace) -> int:
    from .compare import select
    from .fileio import ensure_dir
    from .runner import notebook_path, run_notebook

    casussen, lessen = select(args.casussen, args.lessen)  # unknown ids fail before a kernel starts
    map_ = ensure_dir(args.out / "vergelijking")
    resultaat = run_notebook(
        notebook_path("compare"),
        {
            "casussen": [c.id for c in casussen],
            "lessen": lessen,
            "taal": args.lang,
            "uitvoer": str(map_.resolve()),
        },
        map_,
        f"vergelijking.{args.lang}",
        taal=args.lang,
        titel="Casussen vergeleken" if args.lang == "nl" else "Cases compared",
    )
    print(f"Rapport: {shown_path(resultaat.html or resultaat.notebook)}")
    print(f"Tabellen: {shown_path(map_)}/*.csv en vergelijking.xlsx")
    return 0


def cmd_batch(args: argparse.Namespace) -> int:
    from . import batch
    from .checklist import FORMATEN
    from .fileio import ensure_dir

    if args.jobs is not None and args.jobs < 1:
        raise UserError(f"--jobs: moet minstens 1 zijn, niet {args.jobs}")
    talen = [args.lang] if args.lang else (["nl"] if args.soort == "checklists" else ["nl", "en"])
    problemen: list[str] = []
    if args.soort == "lessen":
        runs = batch.plan_lessons(args.out, talen)
    elif args.soort == "casussen":
        runs = batch.plan_cases(args.out, talen)
    else:
        formats = [f.strip() for f in args.formats.split(",") if f.strip()]
        onbekend = [f for f in formats if f not in FORMATEN]
        if onbekend or not formats:
            raise UserError(
                f"--formats: onbekend formaat {(onbekend or [''])[0]!r} (toegestaan: {', '.join(FORMATEN)})"
            )
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
    if args.fast and args.soort != "checklists":
        raise UserError("--fast: alleen voor 'batch checklists' (lessen en casussen vragen een notebook)")
    ensure_dir(args.out)
    uitkomsten = batch.run_batch(runs, args.out, args.jobs, args.force, args.fast, voortgangsbalk=not args.stil)
    print(batch.summary(uitkomsten, problemen))
    print(f"Manifest: {shown_path(args.out / 'manifest.json')}")
    return 1 if problemen or any(u.status == "mislukt" for u in uitkomsten) else 0


def cmd_workshop(args: argparse.Namespace) -> int:
    from .fileio import ensure_dir

    if args.actie == "oogst":
        from .runner import notebook_path, run_notebook
        from .workshop import read_responses

        if not args.map:
            raise UserError("workshop oogst: geef de map met antwoorden (bijv. workshop/antwoorden/)")
        antwoorden, problemen = read_responses(args.map, args.lang)  # checked before a kernel starts
        for probleem in problemen:
            print(f"warmtelessen: let op: {probleem}", file=sys.stderr)
        if not antwoorden:
            raise UserError(f"{shown_path(args.map)}: geen geldige antwoorden gevonden")
        map_ = ensure_dir(args.out / "oogst")
        resultaat = run_notebook(
            notebook_path("workshop_summary"),
            {
                "antwoorden": str(args.map.resolve()),
                "taal": args.lang,
                "anoniem": not args.met_namen,
                "uitvoer": str(map_.resolve()),
            },  # fmt: skip
            map_,
            f"oogst.{args.lang}",
            taal=args.lang,
            titel="Oogst van de zelfscan" if args.lang == "nl" else "Self-assessment harvest",
        )
        print(f"Rapport: {shown_path(resultaat.html or resultaat.notebook)}")
        print(f"Word: {shown_path(map_ / f'oogst.{args.lang}.docx')}")
        print(f"{len(antwoorden)} antwoorden gelezen, {len(problemen)} overgeslagen.")
        return 0
    from .workshop_kit import make_kit

    if args.minuten is None or args.lessen is None:
        raise UserError("workshop kit: geef --lessen en --minuten (bijv. --lessen 3,4 --minuten 120)")
    map_ = args.out / "workshop-kit"
    for pad in make_kit(args.lessen, args.minuten, map_, args.lang, args.publiek, args.gemeente):
        print(shown_path(pad))
    return 0


def cmd_logboek(args: argparse.Namespace) -> int:
    from . import logbook as lb

    if args.actie == "rapport":
        return _logbook_report(args)
    db = lb.connect(args.db)
    try:
        if args.actie == "toevoegen":
            with lb.transaction(db):
                if args.soort == "partij":
                    res = lb.add_party(db, args.naam, args.type, args.contactrol, args.contact)
                elif args.soort == "gesprek":
                    res = lb.add_conversation(
                        db, args.datum, args.partijen, args.onderwerp, args.lessen, args.samenvatting
                    )
                elif args.soort == "besluit":
                    res = lb.add_decision(db, args.datum, args.besluit, args.besloten_door, args.trede, args.toelichting,
                                          args.status, args.betreft, args.gecommuniceerd_aan, args.kanaal)  # fmt: skip
                elif args.soort == "vervolgactie":
                    res = lb.add_follow_up(
                        db, args.omschrijving, args.eigenaar, args.deadline, args.gedaan, args.besluit
                    )
                else:
                    res = lb.add_communication(db, args.datum, args.partij, args.kanaal, args.besluit, args.gesprek)
            print(f"{res.soort} {res.id}: " + ("toegevoegd" if res.nieuw else "stond er al (niets veranderd)"))
        elif args.actie == "lijst":
            rijen = lb.rows(db, args.soort)
            if not rijen:
                print(f"Nog geen {args.soort}.")
            for rij in rijen:
                print(" | ".join(f"{k}: {v}" for k, v in rij.items() if v not in ("", None)))
        elif args.actie == "importeer":
            from .logbook_io import import_file

            nieuw, problemen = import_file(db, args.bestand, args.alles_of_niets, args.maak_partijen)
            for probleem in problemen:
                print(f"warmtelessen: fout: {probleem}", file=sys.stderr)
            print(", ".join(f"{n} {soort}" for soort, n in nieuw.items()) + " nieuw ingelezen.")
            return 1 if problemen else 0
        elif args.actie == "exporteer":
            from .logbook_io import export

            if args.partij:
                import json

                from .fileio import ensure_dir, write_text_atomic
                from .text import slugify

                data = lb.everything_about(db, args.partij)
                pad = write_text_atomic(ensure_dir(args.out) / f"partij-{slugify(args.partij)}.json",
                                        json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")  # fmt: skip
                print(shown_path(pad))
            else:
                for pad in export(db, args.out):
                    print(shown_path(pad))
        elif args.actie == "vergeet":
            lb.forget(db, args.partij)
            print(f"Contactgegevens van {args.partij} gewist; gesprekken en besluiten blijven.")
    finally:
        db.close()
    return 0


def _logbook_report(args: argparse.Namespace) -> int:
    from . import logbook as lb
    from .fileio import ensure_dir
    from .runner import notebook_path, run_notebook

    lb.connect(args.db).close()  # refuses a file that is not a logbook, before a kernel starts
    groepen: list[str] = []
    if args.profiel:
        from .profile import parse_profile, read_profile

        profiel = parse_profile(read_profile(args.profiel), shown_path(args.profiel))
        groepen = [g.naam for g in profiel.groepen or []]
    map_ = ensure_dir(args.out / "logboek")
    resultaat = run_notebook(
        notebook_path("logbook_report"),
        {
            "db": str(args.db.resolve()),
            "taal": args.lang,
            "peildatum": args.peildatum.isoformat() if args.peildatum else "",
            "groepen": groepen,
            "uitvoer": str(map_.resolve()),
        },  # fmt: skip
        map_,
        f"logboek.{args.lang}",
        taal=args.lang,
        titel="Logboek" if args.lang == "nl" else "Logbook",
    )
    print(f"Rapport: {shown_path(resultaat.html or resultaat.notebook)}")
    for pad in sorted(map_.glob("*.docx")) + sorted(map_.glob("bewoners.*.html")):
        print(shown_path(pad))
    return 0


def _minutes(waarde: str) -> int:
    try:
        minuten = int(waarde)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen aantal minuten: {waarde!r} (bijv. 120)") from None
    if minuten <= 0:
        raise argparse.ArgumentTypeError(f"moet meer dan 0 zijn, niet {minuten}")
    return minuten


def _profile_from_args(args: argparse.Namespace) -> tuple[dict[str, object], str]:
    """The raw profile: the YAML file (or the built-in example), with options on top."""
    from .checklist import default_profile_path
    from .profile import read_profile

    if args.profiel:
        ruw, bron = read_profile(args.profiel), shown_path(args.profiel)
    elif args.gemeente:
        ruw, bron = {}, "opties"
    else:
        ruw, bron = read_profile(default_profile_path()), shown_path(default_profile_path())
    for veld in ("gemeente", "wijk", "fase", "aanspreekpunt", "logboek", "vergoeding_budget", "warmteoplossing",
                 "raad_betrokken", "capaciteit_fte", "notities"):  # fmt: skip
        waarde = getattr(args, veld)
        if waarde is not None:
            ruw[veld] = waarde
    if args.werkzaamheden is not None:
        ruw["werkzaamheden"] = [w.strip() for w in args.werkzaamheden.split(",") if w.strip()]
    if args.eigendom is not None:
        ruw["eigendom"] = args.eigendom
    if args.groep:
        from .widgets import parse_groups

        ruw["groepen"] = parse_groups("\n".join(args.groep))
    return ruw, bron


def cmd_checklist(args: argparse.Namespace) -> int:
    from .checklist import FORMATEN, build, explain, output_folder_name
    from .fileio import ensure_dir
    from .profile import parse_profile
    from .progress import read_register
    from .runner import notebook_path, run_notebook

    formats = [f.strip() for f in args.formats.split(",") if f.strip()]
    onbekend = [f for f in formats if f not in FORMATEN]
    if onbekend or not formats:
        raise UserError(f"--formats: onbekend formaat {(onbekend or [''])[0]!r} (toegestaan: {', '.join(FORMATEN)})")
    ruw, bron = _profile_from_args(args)
    profiel = parse_profile(ruw, bron)
    register = read_register(args.voortgang) if args.voortgang else None  # fails before a kernel starts
    from .checklist import logbook_stats

    logboek = logbook_stats(args.logboek_db) if args.logboek_db else None
    # Built in-process first: checks names (closest matches) and gives the folder name, fast.
    checklist = build(profiel, args.lang, register, args.peildatum, bron, logboek=logboek)
    if args.uitleg:
        print(explain(checklist))
        return 0
    map_ = ensure_dir(args.out / output_folder_name(checklist))
    resultaat = run_notebook(
        notebook_path("checklist"),
        {
            "profiel": profiel.model_dump(mode="json", exclude_none=True),
            "taal": args.lang,
            "uitvoer": str(map_.resolve()),
            "formats": formats,
            "voortgang": str(args.voortgang.resolve()) if args.voortgang else "",
            "peildatum": args.peildatum.isoformat() if args.peildatum else "",
            "interactief": False,
            "logboek": str(args.logboek_db.resolve()) if args.logboek_db else "",
        },
        map_,
        "checklist",
        taal=args.lang,
        titel=f"Checklist {checklist['context']['gemeente']}",
        html=False,
    )
    if "ipynb" not in formats:
        resultaat.notebook.unlink()
    for pad in sorted(map_.iterdir()):
        if not pad.name.startswith("."):
            print(shown_path(pad))
    return 0


def cmd_valideer(args: argparse.Namespace) -> int:
    from .validate import validate

    problemen = validate(args.paden or None)
    for probleem in problemen:
        print(probleem)
    if problemen:
        print(f"{len(problemen)} probleem/problemen gevonden.", file=sys.stderr)
        return 1
    print("Alles is geldig.")
    return 0


# --- parser ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="warmtelessen",
        description=(
            "Warmtelessen: zeven lessen over bewonersparticipatie in de warmtetransitie, "
            "met casussen en checklists op maat."
        ),
        epilog="Meer uitleg: README.md. Hulp bij een opdracht: warmtelessen OPDRACHT --help",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"warmtelessen {__version__}",
        help="toon het versienummer en stop",
    )
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", title="opdrachten", parser_class=Parser)
    sub.required = True

    p = sub.add_parser("lessen", help="toon de zeven lessen (nummer en titel)")
    _add_lang(p)
    p.set_defaults(func=cmd_lessen)

    p = sub.add_parser(
        "les",
        help="maak een rapport van één les (notebook + HTML)",
        description=(
            "Voert notebooks/lesson.ipynb uit met papermill en schrijft het uitgevoerde notebook "
            "en een HTML-rapport zonder code naar MAP/les-N-<slug>/."
        ),
    )
    p.add_argument("nummer", type=_lesson_number, metavar="N", help="lesnummer, 1 t/m 7")
    _add_lang(p)
    _add_out(p)
    p.set_defaults(func=cmd_les)

    p = sub.add_parser("casussen", help="toon de casussen (id en naam)")
    p.set_defaults(func=cmd_casussen)

    p = sub.add_parser(
        "casus",
        help="maak een casusrapport, of een nieuwe casus (casus nieuw ID)",
        description=(
            "'casus ID' voert notebooks/case.ipynb uit met papermill en schrijft het uitgevoerde "
            "notebook en een HTML-rapport zonder code naar MAP/casus-ID/. 'casus nieuw ID' maakt "
            "cases/ID/ met lege bestanden en uitleg per veld."
        ),
    )
    p.add_argument("id", metavar="ID", help="id van de casus (zie 'casussen'), of 'nieuw'")
    p.add_argument("extra", nargs="*", metavar="NIEUW_ID", help="bij 'nieuw': de id van de nieuwe casus")
    _add_lang(p)
    _add_out(p)
    p.set_defaults(func=cmd_casus)

    p = sub.add_parser(
        "vergelijk",
        help="vergelijk casussen: bewijs per les, tijdlijnen, instrumenten, actoren",
        description=(
            "Voert notebooks/compare.ipynb uit en schrijft naar MAP/vergelijking/: een HTML-rapport "
            "zonder code, de tabellen als CSV en één Excel-bestand. Standaard: alle casussen, alle lessen."
        ),
    )
    p.add_argument("--casussen", type=_ids, metavar="A,B", help="casus-id's (standaard: alle)")
    p.add_argument("--lessen", type=_lesson_numbers, metavar="1,4", help="lesnummers (standaard: alle)")
    _add_lang(p)
    _add_out(p)
    p.set_defaults(func=cmd_vergelijk)

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
    p.add_argument(
        "soort", choices=["lessen", "casussen", "checklists"], metavar="SOORT", help="lessen, casussen of checklists"
    )
    p.add_argument("--alle-gemeenten", action="store_true", help="checklists: één per gemeente")
    p.add_argument(
        "--profielen", type=Path, metavar="CSV", help="checklists: één profiel per rij (kolommen als het profiel)"
    )
    p.add_argument("--fase", metavar="FASE", help="checklists met --alle-gemeenten: de fase in elk profiel")
    p.add_argument("--jobs", type=int, metavar="N", help="aantal tegelijk (standaard: aantal kernen)")
    p.add_argument("--force", action="store_true", help="ook ongewijzigde runs opnieuw uitvoeren")
    p.add_argument("--fast", action="store_true", help="checklists zonder notebook-kernel (geen .ipynb)")
    p.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    p.add_argument(
        "--formats", default="html,docx,xlsx,md,json,ipynb", metavar="LIJST", help="checklists: welke bestanden"
    )
    p.add_argument(
        "--lang", type=_taal, default=None, metavar="nl|en", help="taal (standaard: lessen en casussen in nl en en)"
    )
    _add_out(p)
    p.set_defaults(func=cmd_batch)

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
    p.add_argument(
        "--db",
        type=Path,
        default=Path("logboek.sqlite"),
        metavar="BESTAND",
        help="het logboek (standaard: ./logboek.sqlite)",
    )
    acties = p.add_subparsers(dest="actie", metavar="ACTIE", parser_class=Parser, required=True)
    t = acties.add_parser("toevoegen", help="voeg iets toe")
    soorten = t.add_subparsers(dest="soort", metavar="SOORT", parser_class=Parser, required=True)
    q = soorten.add_parser("partij", help="organisatie of groep")
    q.add_argument("--naam", required=True)
    q.add_argument(
        "--type", default="overig", help="zoals bij de actoren van een casus (gemeente, energiecooperatie …)"
    )
    q.add_argument("--contactrol", default="", help="rol van de contactpersoon, bijv. voorzitter")
    q.add_argument("--contact", help="contactgegeven (persoonsgegeven; te wissen met 'vergeet')")
    q = soorten.add_parser("gesprek", help="een gesprek")
    q.add_argument("--datum", required=True, metavar="JJJJ-MM-DD")
    q.add_argument("--partijen", required=True, metavar="'A;B'")
    q.add_argument("--onderwerp", required=True)
    q.add_argument("--lessen", default="", metavar="4")
    q.add_argument("--samenvatting", default="")
    q = soorten.add_parser("besluit", help="een besluit")
    q.add_argument("--datum", required=True, metavar="JJJJ-MM-DD")
    q.add_argument("--besluit", required=True)
    q.add_argument("--besloten-door", dest="besloten_door", required=True)
    q.add_argument("--trede", required=True, help="informeren … meebeslissen / zelfbeheer")
    q.add_argument("--toelichting", default="")
    q.add_argument("--status", default="genomen", help="voorgenomen | genomen | herzien | ingetrokken")
    q.add_argument("--betreft", default="", metavar="'A;B'", help="partijen die het aangaat (standaard: iedereen)")
    q.add_argument("--gecommuniceerd-aan", dest="gecommuniceerd_aan", default="", metavar="'A;B'")
    q.add_argument(
        "--kanaal", default="overig", help="brief | nieuwsbrief | bijeenkomst | website | e-mail | huisbezoek | overig"
    )
    q = soorten.add_parser("vervolgactie", help="een vervolgactie")
    q.add_argument("--omschrijving", required=True)
    q.add_argument("--eigenaar", required=True)
    q.add_argument("--deadline", metavar="JJJJ-MM-DD")
    q.add_argument("--gedaan", action="store_true")
    q.add_argument("--besluit", metavar="ID")
    q = soorten.add_parser("communicatie", help="een besluit of gesprek gedeeld met een partij")
    q.add_argument("--datum", required=True, metavar="JJJJ-MM-DD")
    q.add_argument("--partij", required=True)
    q.add_argument("--kanaal", required=True)
    q.add_argument("--besluit", metavar="ID")
    q.add_argument("--gesprek", metavar="ID")
    t = acties.add_parser("lijst", help="toon de inhoud")
    t.add_argument(
        "soort", choices=["partijen", "gesprekken", "besluiten", "vervolgacties", "communicatie"], metavar="SOORT"
    )
    t = acties.add_parser("importeer", help="lees een spreadsheet in (CSV of XLSX)")
    t.add_argument("bestand", type=Path, metavar="BESTAND")
    t.add_argument("--alles-of-niets", action="store_true", help="bij één foute rij: niets inlezen")
    t.add_argument("--maak-partijen", action="store_true", help="maak onbekende partijen aan (type overig)")
    t = acties.add_parser("exporteer", help="schrijf CSV per soort en logboek.xlsx, of alles over één partij")
    t.add_argument("--partij", metavar="NAAM", help="alles wat het logboek over deze partij weet (JSON)")
    _add_out(t)
    t = acties.add_parser("rapport", help="rapport (HTML, Word) met signalen en een samenvatting voor bewoners")
    t.add_argument("--profiel", type=Path, metavar="P.yaml", help="checklistprofiel: groepen die gesproken moeten zijn")
    t.add_argument("--peildatum", type=_datum, metavar="JJJJ-MM-DD")
    _add_lang(t)
    _add_out(t)
    t = acties.add_parser("vergeet", help="wis de contactgegevens van een partij")
    t.add_argument("partij", metavar="PARTIJ")
    p.set_defaults(func=cmd_logboek)

    p = sub.add_parser(
        "workshop",
        help="workshopkit (agenda, dia's, hand-outs, zelfscan) en de oogst van de zelfscan",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "  workshop kit --lessen 3,4 --minuten 120 [--publiek gemengd] [--gemeente NAAM]\n"
            "      agenda (HTML, Word), dia's (reveal.js, offline), hand-outs per les, zelfscan op papier\n"
            "  workshop oogst MAP [--anoniem | --met-namen]\n"
            "      oogst van de antwoorden in MAP (JSON uit het formulier of CSV: groep,les,stelling,score,notitie)"
        ),
    )
    p.add_argument("actie", choices=["kit", "oogst"], metavar="kit|oogst", help="kit of oogst")
    p.add_argument("map", nargs="?", type=Path, metavar="MAP", help="oogst: map met antwoorden")
    p.add_argument("--lessen", type=_lesson_numbers, metavar="3,4", help="kit: lesnummers")
    p.add_argument("--minuten", type=_minutes, metavar="N", help="kit: duur van de sessie in minuten")
    p.add_argument("--publiek", default="gemengd", metavar="gemeente|bewoners|gemengd", help="kit: publiek")
    p.add_argument("--gemeente", metavar="NAAM", help="kit: toon cijfers en acties voor deze gemeente")
    groep = p.add_mutually_exclusive_group()
    groep.add_argument(
        "--anoniem", action="store_true", default=True, help="oogst: groepen als Groep A, B … (standaard)"
    )
    groep.add_argument("--met-namen", action="store_true", help="oogst: toon de namen van de groepen")
    _add_lang(p)
    _add_out(p)
    p.set_defaults(func=cmd_workshop)

    p = sub.add_parser(
        "checklist",
        help="maak een checklist op maat uit uw eigen situatie (het profiel)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Maakt de checklist voor uw gemeente: per les de acties die bij uw situatie passen, met\n"
            "prioriteit, eigenaar, fase en waarom. Voert notebooks/checklist.ipynb uit met papermill en\n"
            "schrijft naar MAP/<gemeente>[-<wijk>]/. Zonder --profiel en --gemeente: het voorbeeld-\n"
            "profiel profielen/voorbeeldstad.yaml.\n\nVelden van het profiel (YAML of opties):\n"
            + "\n".join(f"  {veld:<18} {uitleg}" for veld, uitleg in PROFIEL_VELDEN.items())
        ),
    )
    p.add_argument("--profiel", type=Path, metavar="BESTAND", help="profiel als YAML-bestand")
    p.add_argument("--gemeente", metavar="NAAM", help="naam of CBS-code van de gemeente")
    p.add_argument("--wijk", metavar="NAAM", help="naam of CBS-code van de wijk")
    p.add_argument("--fase", metavar="FASE", help="transitievisie | orientatie | planvorming | uitvoering | gebruik")
    p.add_argument("--groep", action="append", metavar="'NAAM;SOORT;ACTIEF'", help="een bestaande groep (herhaalbaar)")
    for veld, optie in (("aanspreekpunt", "--aanspreekpunt"), ("logboek", "--logboek-bijgehouden"),
                        ("vergoeding_budget", "--vergoeding-budget"), ("raad_betrokken", "--raad-betrokken")):  # fmt: skip
        p.add_argument(optie, dest=veld, metavar="ja|nee|onbekend", help=f"profielveld {veld}: {PROFIEL_VELDEN[veld]}")
    p.add_argument("--werkzaamheden", metavar="A,B", help="riolering, herinrichting, gasnet, groot_onderhoud, geen")
    p.add_argument("--eigendom", type=_ownership, metavar="koop=62,corporatie=35", help="procenten woningen")
    p.add_argument("--warmteoplossing", metavar="SOORT", help="warmtenet | all-electric | hybride | open")
    p.add_argument("--capaciteit-fte", dest="capaciteit_fte", type=_number, metavar="FTE", help="ambtelijke capaciteit")
    p.add_argument("--notities", metavar="TEKST", help="vrije tekst")
    p.add_argument("--uitleg", action="store_true", help="toon per actie waarom die er wel of niet in staat")
    p.add_argument(
        "--logboek",
        dest="logboek_db",
        type=Path,
        metavar="SQLITE",
        help="logboek (warmtelessen logboek): acties over vastleggen en delen tonen wat het bevat",
    )
    p.add_argument("--voortgang", type=Path, metavar="XLSX", help="ingevuld actieregister.xlsx: voegt voortgang toe")
    p.add_argument(
        "--peildatum", type=_datum, metavar="JJJJ-MM-DD", help="datum voor verlopen deadlines (standaard: vandaag)"
    )
    p.add_argument(
        "--formats", default="html,docx,xlsx,md,json,ipynb", metavar="LIJST",
        help="html,docx,xlsx,md,json,ipynb (standaard: alle)",
    )  # fmt: skip
    _add_lang(p)
    _add_out(p)
    p.set_defaults(func=cmd_checklist)

    p = sub.add_parser(
        "valideer",
        help="controleer alle inhoud (lessen, casussen) en toon elk probleem",
        description=(
            "Controleert de inhoud en toont elk probleem als 'bestand: veld: wat er mis is "
            "(wat mag)'. Exitcode 0 als alles geldig is, 1 als niet."
        ),
    )
    p.add_argument(
        "paden",
        nargs="*",
        type=Path,
        metavar="PAD",
        help="map of bestand (standaard: het hele project)",
    )
    p.set_defaults(func=cmd_valideer)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except UserError as fout:
        print(f"warmtelessen: fout: {fout}", file=sys.stderr)
        return fout.exit_code
    except KeyboardInterrupt:
        print("warmtelessen: afgebroken", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
