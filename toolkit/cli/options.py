"""The command line's options made from the pydantic parameter models (so a field's help text is written once, in the
model, and the command line, the forms and the app all show it)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from toolkit.base import option_name, shown_path, t
from toolkit.reports import Produced, ReportParams, get_spec, parse, parse_formats, produce

from .parser import add_out


def _extra(model: type[BaseModel], veld: str) -> Mapping[str, Any]:
    extra = model.model_fields[veld].json_schema_extra
    return extra if isinstance(extra, dict) else {}


def add_model_options(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    model: type[BaseModel],
    positional: Mapping[str, str] | None = None,
    skip: Iterable[str] = (),
    prefix: str = "",
) -> None:
    """One option per field of ``model`` (``--<veld>``, or the option the field names), with the
    field's description as help. ``positional`` names the fields given without option, with their
    metavar; ``prefix`` keeps the option names of two models apart. Values stay text here: the model
    checks and converts them, in one place."""
    positional = positional or {}
    for veld, info in model.model_fields.items():
        if veld in skip:
            continue
        extra = _extra(model, veld)
        hulp = info.description or ""
        dest = prefix + veld
        if veld in positional:
            parser.add_argument(veld, metavar=positional[veld], help=hulp)
        elif info.annotation is bool:
            groep = parser.add_mutually_exclusive_group()
            groep.add_argument(option_name(model, veld), dest=dest, action="store_const", const=True, help=hulp)
            if extra.get("optie_uit"):
                groep.add_argument(extra["optie_uit"], dest=dest, action="store_const", const=False)
        elif extra.get("herhaalbaar"):
            parser.add_argument(option_name(model, veld), dest=dest, action="append",
                                metavar=extra.get("metavar", "WAARDE"), help=hulp)  # fmt: skip
        else:
            parser.add_argument(option_name(model, veld), dest=dest, metavar=_metavar(veld, info, extra), help=hulp)


def _metavar(veld: str, info: Any, extra: Mapping[str, Any]) -> str:
    """What to type: a short list of choices (``ja|nee|onbekend``), a path, or the field's name."""
    if extra.get("pad"):
        return "PAD"
    keuzes = [w for deel in (info.annotation, *get_args(info.annotation)) if get_origin(deel) is Literal
              for w in get_args(deel)]  # fmt: skip
    if extra.get("metavar"):
        return str(extra["metavar"])
    return "|".join(keuzes) if keuzes and len("|".join(keuzes)) <= 24 else veld.upper()


def model_args(args: argparse.Namespace, model: type[BaseModel], prefix: str = "") -> dict[str, Any]:
    """The values the user gave for the fields of ``model``; paths made absolute (a notebook runs
    in the project folder, not where the user typed the command)."""
    uit: dict[str, Any] = {}
    for veld in model.model_fields:
        waarde = getattr(args, prefix + veld, None)
        if waarde is None:
            continue
        uit[veld] = str(Path(waarde).resolve()) if _extra(model, veld).get("pad") and waarde else waarde
    return uit


def option_names(model: type[BaseModel], positional: Mapping[str, str] | None = None) -> dict[str, str]:
    """Field -> what the user typed for it (``taal`` -> ``--lang``, a positional -> its metavar)."""
    positional = positional or {}
    return {veld: positional.get(veld) or option_name(model, veld) for veld in model.model_fields}


def add_formats(parser: argparse.ArgumentParser, formats: Iterable[str], standaard: str | None = None) -> None:
    lijst = ",".join(formats)
    parser.add_argument(
        "--formats",
        default=standaard,
        metavar="LIJST",
        help=f"welke bestanden: {lijst} (standaard: {standaard or 'alle'})",
    )


# --- report commands -----------------------------------------------------------------------------


def report_params(kind: str, model: type[ReportParams], args: argparse.Namespace, extra: dict[str, Any] | None = None,
            positional: dict[str, str] | None = None) -> ReportParams:  # fmt: skip
    """The report's parameters from the options, checked; errors name the options as typed."""
    return parse(kind, {**model_args(args, model), **(extra or {})}, "opties", option_names(model, positional))


def chosen_formats(kind: str, args: argparse.Namespace) -> list[str] | None:
    """The formats given with ``--formats`` (``None``: the option was left out, so the defaults)."""
    tekst = getattr(args, "formats", None)
    return None if tekst is None else parse_formats(tekst, list(get_spec(kind).files))


def produce_report(kind: str, params: ReportParams, args: argparse.Namespace) -> int:
    return print_produced(produce(kind, params, args.out, chosen_formats(kind, args)))


def print_produced(gemaakt: Produced) -> int:
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


def report_parser(sub: Any, naam: str, kind: str, model: type[ReportParams], hulp: str, beschrijving: str,
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
