"""One typed registry of report kinds: the service layer the command line, batch runs, the
notebooks, the site and the app all stand on.

A :class:`ReportSpec` per kind (lesson, case, checklist, comparison, harvest, logbook report,
workshop kit) says:

- its parameters: a pydantic model whose field descriptions are the help text the command line,
  the forms and the app show (see :func:`toolkit.base.models.described`);
- how to build the report object from them (pure: it reads content, writes nothing);
- its formats, each with its file name, rendered by :mod:`toolkit.render`;
- the notebook that makes it under papermill, and which formats that notebook writes itself.

:func:`produce` makes a report. Its steps, in a fixed order (the order is what keeps bad input from
leaving anything behind):

1. parse the parameters: a wrong value is one line naming the field and what is allowed;
2. check the formats, before anything is read;
3. check the content and name the output: everything a user can get wrong is found here, before a
   folder is made or a kernel starts;
4. make the folder;
5. run one of the two engines. ``inproces`` builds, renders and writes in this process.
   ``papermill`` runs the notebook, which calls :func:`produce` with ``inproces`` on the same
   parameters (so both engines write byte-identical files), shows the report, and is kept as a
   record; its HTML report is the executed notebook with the code hidden.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar, cast

from pydantic import BaseModel, BeforeValidator, ValidationError, field_serializer

from toolkit.base import (
    LANGUAGES,
    StrictModel,
    UserError,
    described,
    ensure_dir,
    excerpt,
    in_project,
    problems_from_validation,
    range_text,
    shown_path,
    t,
)
from toolkit.content import Profiel, lesson_numbers, lesson_range_text, load_case, load_lesson, read_profile
from toolkit.domain import (
    CaseReport,
    Checklist,
    LessonReport,
    case_report,
    check_period,
    check_register_fits,
    comparison,
    default_profile_path,
    export_tables,
    harvest_report,
    lesson_report,
    logbook_stats,
    output_folder_name,
    participation_from_file,
    prepare_kit,
    read_register,
    report_from_file,
    select,
)
from toolkit.domain import build as build_checklist
from toolkit.domain import logbook as lb
from toolkit.render import write_formats

from .engine import notebook_path, run_notebook

Engine = Literal["papermill", "inproces"]
P = TypeVar("P", bound=BaseModel)
ENGINES: tuple[str, ...] = ("papermill", "inproces")


# --- parameter types ------------------------------------------------------------------------------


def _language(waarde: Any) -> Any:
    if waarde not in LANGUAGES:
        raise ValueError(f"onbekende taal {excerpt(waarde)} || toegestaan: {', '.join(LANGUAGES)}")
    return waarde


def _lesson(waarde: Any) -> int:
    try:
        nummer = int(str(waarde).strip())
    except ValueError:
        nummer = 0
    if nummer not in lesson_numbers():
        raise ValueError(f"onbekend lesnummer {excerpt(waarde)} || toegestaan: {lesson_range_text()}")
    return nummer


def _comma_list(waarde: Any) -> Any:
    """``"1,4"`` (typed on the command line) -> ``["1", "4"]``."""
    return [deel.strip() for deel in waarde.split(",") if deel.strip()] if isinstance(waarde, str) else waarde


def _iso_date(waarde: Any) -> Any:
    if isinstance(waarde, date):
        return waarde.isoformat()
    if waarde in (None, ""):
        return ""
    try:
        return date.fromisoformat(str(waarde).strip()).isoformat()
    except ValueError:
        raise ValueError(f"ongeldige datum {excerpt(waarde)} || JJJJ-MM-DD") from None


#: How long a workshop may be, in minutes: up to a day (a longer one is a typing error, and its agenda
#: would take minutes to share out).
MINUTEN_GRENS = (1, 480)


def _minutes(waarde: Any) -> int:
    try:
        minuten = int(str(waarde).strip())
    except ValueError:
        raise ValueError(f"geen aantal minuten: {excerpt(waarde)} || bijv. 120") from None
    laag, hoog = MINUTEN_GRENS
    if not laag <= minuten <= hoog:
        raise ValueError(f"{range_text(laag, hoog, 'minuten')}, niet {minuten} || hooguit een dag; bijv. 120")
    return minuten


Taal = Annotated[str, BeforeValidator(_language)]
LesNummer = Annotated[int, BeforeValidator(_lesson)]
Lessen = Annotated[list[LesNummer], BeforeValidator(_comma_list)]
Ids = Annotated[list[str], BeforeValidator(_comma_list)]
Datum = Annotated[str, BeforeValidator(_iso_date)]
Minuten = Annotated[int, BeforeValidator(_minutes)]


class ReportParams(StrictModel):
    taal: Taal = described("taal", "nl", optie="--lang", metavar="nl|en")


class LesParams(ReportParams):
    les: LesNummer = described("les")


class CasusParams(ReportParams):
    casus: str = described("casus")


class ChecklistParams(ReportParams):
    # A profile as a dict (from a file, a notebook or the app: checked when the checklist is built)
    # or already checked (the command line checks it once, naming the options as typed).
    profiel: dict[str, Any] | Profiel | None = described("profiel", None)
    voortgang: str = described("voortgang", "", pad=True)
    peildatum: Datum = described("peildatum", "", metavar="JJJJ-MM-DD")
    logboek: str = described("logboek_db", "", optie="--logboek", pad=True)

    @field_serializer("profiel")
    def _profile_as_data(self, profiel: dict[str, Any] | Profiel | None) -> dict[str, Any] | None:
        """A checked profile goes to a notebook as the same plain data a profile file holds."""
        return profiel.model_dump(mode="json", exclude_none=True) if isinstance(profiel, Profiel) else profiel


class VergelijkingParams(ReportParams):
    casussen: Ids = described("casussen", [], metavar="A,B")
    lessen: Lessen = described("lessen", [], metavar="1,4")
    met_fictief: bool = described("met_fictief", False)


class OogstParams(ReportParams):
    antwoorden: str = described("antwoorden", pad=True)
    anoniem: bool = described("anoniem", True, optie_uit="--met-namen")


class LogboekParams(ReportParams):
    db: str = described("db", pad=True)
    peildatum: Datum = described("peildatum", "", metavar="JJJJ-MM-DD")
    groepen: Ids = described("extra_groepen", [])


class VerslagParams(ReportParams):
    db: str = described("db", pad=True)
    van: Datum = described("van", "", metavar="JJJJ-MM-DD")
    tot: Datum = described("tot", "", metavar="JJJJ-MM-DD")


class ExportParams(ReportParams):
    casussen: Ids = described("casussen_export", [], metavar="A,B")
    met_fictief: bool = described("met_fictief", False)


class KitParams(ReportParams):
    lessen: Lessen = described("kit_lessen", metavar="3,4")
    minuten: Minuten = described("minuten", metavar="N")
    publiek: str = described("publiek", "gemengd", metavar="gemeente|bewoners|gemengd")
    gemeente: str = described("kit_gemeente", "", metavar="NAAM")


# --- the registry ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Meta:
    """What a report is called and where it goes: ``<out>/<folder>/<stem>.<ext>``."""

    folder: str
    stem: str
    title: str
    notes: tuple[str, ...] = ()  # warnings for the user (e.g. response rows that were skipped)
    summary: str = ""  # one closing line for the user, if any


Par = TypeVar("Par", bound=ReportParams)
Res = TypeVar("Res")


@dataclass(frozen=True)
class ReportSpec(Generic[Par, Res]):
    """One kind of report: its parameters ``Par``, how to build its object ``Res`` from them, how to
    name its output, its formats and its notebook."""

    kind: str
    params: type[Par]
    build: Callable[[Par], Res]
    meta: Callable[[Par, Res], Meta]  # (params, built object) -> Meta
    files: Mapping[str, str]  # format -> file name ("{stem}" filled in); "" = the renderer names its files
    defaults: tuple[str, ...]
    notebook: str | None = None
    notebook_writes: tuple[str, ...] = ()  # formats the notebook writes itself (it takes uitvoer and formats)
    notebook_html: bool = True  # papermill: the html format is the executed notebook with the code hidden
    notebook_extra: Mapping[str, Any] = field(default_factory=dict)  # more notebook parameters
    check: Callable[[Par], Meta] | None = None  # a cheaper check than build, before a kernel starts
    links: Callable[[Par], list[tuple[str, dict[str, Any]]]] | None = None  # reports its HTML links to

    def formats_for(self, engine: str) -> tuple[str, ...]:
        """The formats ``engine`` can make for this kind, in the order of :attr:`files`."""
        if engine == "papermill":
            door_notebook = {"ipynb", *self.notebook_writes} | ({"html"} if self.notebook_html else set())
            return tuple(f for f in self.files if f in door_notebook)
        return tuple(f for f in self.files if f != "ipynb")

    def file_names(self, meta: Meta) -> dict[str, str]:
        return {f: naam.format(stem=meta.stem) for f, naam in self.files.items() if naam}


SPECS: dict[str, ReportSpec[Any, Any]] = {}


def register_spec(spec: ReportSpec[Par, Res]) -> ReportSpec[Par, Res]:
    SPECS[spec.kind] = spec
    return spec


def kinds() -> list[str]:
    return list(SPECS)


def get_spec(kind: str) -> ReportSpec[Any, Any]:
    try:
        return SPECS[kind]
    except KeyError:
        raise UserError(f"rapport: onbekende soort {excerpt(kind)} (toegestaan: {', '.join(SPECS)})") from None


def parse(kind: str, params: Mapping[str, Any] | BaseModel, bron: str = "opties",
          veldnamen: Mapping[str, str] | None = None) -> ReportParams:  # fmt: skip
    """The parameters of a ``kind`` report, checked. Raises one line naming every problem."""
    spec = get_spec(kind)
    if isinstance(params, spec.params):
        return cast(ReportParams, params)
    data = params.model_dump() if isinstance(params, BaseModel) else dict(params)
    gecontroleerd: ReportParams = validate_params(spec.params, data, bron, veldnamen)
    return gecontroleerd


def validate_params(model: type[P], data: Mapping[str, Any], bron: str = "opties",
                    veldnamen: Mapping[str, str] | None = None) -> P:  # fmt: skip
    """``data`` checked against ``model``; every problem on one line, fields named as typed."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        problemen = problems_from_validation(exc, bron, model, veldnamen=veldnamen)
        raise UserError("; ".join(map(str, problemen))) from None


def parse_formats(tekst: str, toegestaan: Sequence[str] = ()) -> list[str]:
    """``"html,json"`` (the ``--formats`` option) -> ``["html", "json"]``. Empty is refused (it never
    means "all formats": leave the option out for that), naming the formats in ``toegestaan``."""
    formats = [f.strip() for f in tekst.split(",") if f.strip()]
    if not formats:
        keuze = f"toegestaan: {', '.join(toegestaan)}" if toegestaan else "bijv. --formats html,json"
        raise UserError(f"--formats: geen formaat gekozen ({keuze}; zonder --formats: de standaardformaten)")
    return formats


def check_formats(spec: ReportSpec[Any, Any], formats: Sequence[str] | None, engine: str) -> list[str]:
    """The formats to make: ``None`` means the kind's defaults (those ``engine`` can make)."""
    kan = spec.formats_for(engine)
    if formats is None:
        return [f for f in spec.defaults if f in kan]
    onbekend = [f for f in formats if f not in spec.files]
    if onbekend:
        raise UserError(f"--formats: onbekend formaat {excerpt(onbekend[0])} (toegestaan: {', '.join(spec.files)})")
    niet_hier = [f for f in formats if f not in kan]
    if niet_hier:
        ander = "inproces" if engine == "papermill" else "papermill"
        raise UserError(
            f"--formats: {excerpt(niet_hier[0])} kan niet met engine {engine} (kan wel: {', '.join(kan)}; "
            f"{niet_hier[0]} vraagt engine {ander})"
        )
    return list(dict.fromkeys(formats))


def _engine(spec: ReportSpec[Any, Any], engine: str | None) -> str:
    if engine is None:
        return "papermill" if spec.notebook else "inproces"
    if engine not in ENGINES:
        raise UserError(f"engine: onbekend {excerpt(engine)} (toegestaan: {', '.join(ENGINES)})")
    if engine == "papermill" and not spec.notebook:
        raise UserError(f"{spec.kind}: heeft geen notebook (engine inproces)")
    return engine


@dataclass
class Produced:
    """What one :func:`produce` call made."""

    kind: str
    params: ReportParams
    meta: Meta
    engine: str
    folder: Path | None
    files: list[Path]
    obj: Any = None  # the report object (in-process only)
    duur: float = 0.0
    gekoppeld: list[Path] = field(default_factory=list)  # linked reports made next to it


def describe(kind: str, params: Mapping[str, Any] | BaseModel) -> Meta:
    """Check the content a report needs and name its output, without making it."""
    spec = get_spec(kind)
    p = parse(kind, params)
    return spec.check(p) if spec.check else spec.meta(p, spec.build(p))


def build(kind: str, params: Mapping[str, Any] | BaseModel) -> Any:
    """The report object of ``kind`` (no files written)."""
    spec = get_spec(kind)
    return spec.build(parse(kind, params))


def produce(
    kind: str,
    params: Mapping[str, Any] | BaseModel,
    out: Path | None = None,
    formats: Sequence[str] | None = None,
    engine: str | None = None,
    subfolder: bool = True,
    linked: bool = True,
) -> Produced:
    """Make a ``kind`` report with ``params`` in ``formats`` into ``out/<folder>/`` (``subfolder``)
    or straight into ``out``. ``out=None`` builds the report object only. With ``linked`` (and a
    subfolder), the reports its HTML links to are made next to it when missing. See the module docstring
    for the order of the steps."""
    start = time.perf_counter()
    spec = get_spec(kind)
    p = parse(kind, params)
    engine = _engine(spec, engine)
    gekozen = check_formats(spec, formats, engine)
    obj = None
    if engine == "papermill" and spec.check is not None:
        meta = spec.check(p)
    else:
        obj = spec.build(p)
        meta = spec.meta(p, obj)
    if out is None:
        return Produced(kind, p, meta, engine, None, [], obj, time.perf_counter() - start)
    folder = ensure_dir(out / meta.folder if subfolder else out)
    if engine == "inproces":
        bestanden = write_formats(kind, obj, p.taal, folder, gekozen, spec.file_names(meta))
    else:
        bestanden = _run_notebook(spec, p, meta, folder, gekozen)
    gekoppeld = _make_linked(spec, p, out) if linked and subfolder and "html" in gekozen else []
    return Produced(kind, p, meta, engine, folder, bestanden, obj, time.perf_counter() - start, gekoppeld)


def _make_linked(spec: ReportSpec[Any, Any], p: ReportParams, out: Path) -> list[Path]:
    """The reports this report's HTML links to, made next to it (in-process, HTML only) when they
    are not there yet, so every link in it works."""
    gemaakt: list[Path] = []
    for kind, params in spec.links(p) if spec.links else []:
        doel = get_spec(kind)
        meta = describe(kind, params)
        if not (out / meta.folder / doel.file_names(meta)["html"]).exists():
            gemaakt += produce(kind, params, out, ["html"], "inproces", linked=False).files
    return gemaakt


def notebook_parameters(
    spec: ReportSpec[Any, Any], p: ReportParams, folder: Path, formats: Sequence[str]
) -> dict[str, Any]:
    """What the notebook of ``spec`` is run with: the report parameters, and where it writes what."""
    parameters = {**p.model_dump(mode="json"), **spec.notebook_extra}
    if spec.notebook_writes:
        parameters["uitvoer"] = str(folder.resolve())
        parameters["formats"] = [f for f in formats if f in spec.notebook_writes]
    return parameters


def _run_notebook(
    spec: ReportSpec[Any, Any], p: ReportParams, meta: Meta, folder: Path, formats: list[str]
) -> list[Path]:
    assert spec.notebook is not None
    sinds = time.time() - 1
    resultaat = run_notebook(
        notebook_path(spec.notebook),
        notebook_parameters(spec, p, folder, formats),
        folder,
        meta.stem,
        taal=p.taal,
        titel=meta.title,
        html=spec.notebook_html and "html" in formats,
    )
    if "ipynb" not in formats:
        resultaat.notebook.unlink()
    return sorted(
        x for x in folder.iterdir() if x.is_file() and not x.name.startswith(".") and x.stat().st_mtime >= sinds
    )


# --- the kinds ------------------------------------------------------------------------------------


def _build_lesson(p: LesParams) -> LessonReport:
    return lesson_report(load_lesson(p.les, p.taal))


def _lesson_meta(p: LesParams, rapport: LessonReport) -> Meta:
    les = rapport.les
    naam = f"les-{les.nummer}-{les.slug}"
    return Meta(naam, f"{naam}.{p.taal}", f"{les.nummer}. {les.titel}")


def _lesson_links(p: LesParams) -> list[tuple[str, dict[str, Any]]]:
    les = load_lesson(p.les, p.taal)
    return [("casus", {"casus": les.casus, "taal": p.taal})] if les.casus else []


def _case_links(p: CasusParams) -> list[tuple[str, dict[str, Any]]]:
    return [("les", {"les": nummer, "taal": p.taal}) for nummer in lesson_numbers()]


def _build_case(p: CasusParams) -> CaseReport:
    return case_report(load_case(p.casus), p.taal)  # refuses an invalid case with the same lines as `valideer`


def _case_meta(p: CasusParams, rapport: CaseReport) -> Meta:
    casus = rapport.casus
    return Meta(f"casus-{casus.id}", f"casus-{casus.id}.{p.taal}", casus.naam)


def _build_checklist(p: ChecklistParams) -> Checklist:
    profiel = read_profile(default_profile_path()) if p.profiel is None else p.profiel
    register = read_register(in_project(p.voortgang)) if p.voortgang else None
    peildatum = date.fromisoformat(p.peildatum) if p.peildatum else None
    logboek = logbook_stats(in_project(p.logboek)) if p.logboek else None
    checklist = build_checklist(profiel, p.taal, register, peildatum, logboek=logboek)
    if register is not None:
        check_register_fits(shown_path(in_project(p.voortgang)), register, checklist)
    return checklist


def _checklist_meta(p: ChecklistParams, c: Checklist) -> Meta:
    return Meta(output_folder_name(c), "checklist", f"Checklist {c['context']['gemeente']}")


def _build_comparison(p: VergelijkingParams) -> Any:
    return comparison(p.casussen or None, p.lessen or None, p.taal, p.met_fictief)


def _comparison_meta(p: VergelijkingParams, _: Any = None) -> Meta:
    return Meta("vergelijking", f"vergelijking.{p.taal}", t("vergelijking", p.taal))


def _comparison_check(p: VergelijkingParams) -> Meta:
    select(p.casussen or None, p.lessen or None, p.met_fictief)  # unknown ids fail before a kernel starts
    return _comparison_meta(p)


def _build_harvest(p: OogstParams) -> Any:
    return harvest_report(in_project(p.antwoorden), p.taal, p.anoniem)


def _harvest_meta(p: OogstParams, r: Any) -> Meta:
    samenvatting = f"{r.oogst.aantal_antwoorden} antwoorden gelezen, {len(r.problemen)} overgeslagen."
    return Meta("oogst", f"oogst.{p.taal}", t("oogst", p.taal), tuple(r.problemen), samenvatting)


def _build_logbook(p: LogboekParams) -> Any:
    return report_from_file(in_project(p.db), date.fromisoformat(p.peildatum) if p.peildatum else None, p.groepen)


def _logbook_meta(p: LogboekParams, _: Any = None) -> Meta:
    return Meta("logboek", f"logboek.{p.taal}", t("logboek", p.taal))


def _logbook_check(p: LogboekParams) -> Meta:
    lb.connect(in_project(p.db), maken=False).close()  # refuses a file that is not a logbook, before a kernel starts
    return _logbook_meta(p)


def _build_participation(p: VerslagParams) -> Any:
    return participation_from_file(in_project(p.db), p.van, p.tot)


def _participation_meta(p: VerslagParams, _: Any = None) -> Meta:
    return Meta("verslag-participatie", f"verslag-participatie.{p.taal}", t("verslag.titel", p.taal))


def _participation_check(p: VerslagParams) -> Meta:
    check_period(p.van, p.tot)
    lb.connect(in_project(p.db), maken=False).close()
    return _participation_meta(p)


def _build_export(p: ExportParams) -> Any:
    return export_tables(select(p.casussen or None, None, p.met_fictief)[0])


def _export_meta(p: ExportParams, _: Any) -> Meta:
    return Meta("casussen-export", "casussen", t("export_titel", p.taal))


def _build_kit(p: KitParams) -> Any:
    return prepare_kit(p.lessen, p.minuten, p.taal, p.publiek, p.gemeente or None)


def _kit_meta(p: KitParams, _: Any) -> Meta:
    return Meta("workshop-kit", "workshop-kit", t("titel.workshop_kit", p.taal))


def _files(*formats: str, **namen: str) -> dict[str, str]:
    """Format -> file name: ``<stem>.<format>`` unless named otherwise (``""``: several files, named
    by the renderer)."""
    return {f: namen.get(f, f"{{stem}}.{f}") for f in formats}


_CHECKLIST_NAMEN = {f: f"checklist.{f}" for f in ("html", "docx", "odt", "pdf", "md", "json", "ipynb")} | {
    "xlsx": "actieregister.xlsx",
    "ods": "actieregister.ods",
}
#: Every office document comes as Word, ODT (the open standard Dutch public bodies offer beside
#: Word) and an accessible PDF; every spreadsheet as Excel and ODS.
DOCS = ("docx", "odt", "pdf")
SHEETS = ("xlsx", "ods")

# The kinds. Each is checked by the type checker on its own: its builder, meta, check and links take
# its own parameter model and built object.
register_spec(ReportSpec("les", LesParams, _build_lesson, _lesson_meta, _files("html", "ipynb", "md", "json", *DOCS),
              ("html", "ipynb", *DOCS), notebook="lesson", notebook_writes=DOCS, links=_lesson_links))  # fmt: skip
register_spec(ReportSpec("casus", CasusParams, _build_case, _case_meta, _files("html", "ipynb", *DOCS),
              ("html", "ipynb", *DOCS), notebook="case", notebook_writes=DOCS, links=_case_links))  # fmt: skip
register_spec(ReportSpec("checklist", ChecklistParams, _build_checklist, _checklist_meta,
              _files("html", *DOCS, *SHEETS, "md", "json", "ipynb", **_CHECKLIST_NAMEN),
              ("html", *DOCS, *SHEETS, "md", "json", "ipynb"), notebook="checklist",
              notebook_writes=("html", *DOCS, *SHEETS, "md", "json"), notebook_html=False,
              notebook_extra={"interactief": False}))  # fmt: skip
register_spec(ReportSpec("vergelijking", VergelijkingParams, _build_comparison, _comparison_meta,
              _files("html", "ipynb", "csv", *SHEETS, *DOCS, csv="", xlsx="vergelijking.xlsx", ods="vergelijking.ods"),
              ("html", "ipynb", "csv", *SHEETS, *DOCS), notebook="compare", notebook_writes=("csv", *SHEETS, *DOCS),
              check=_comparison_check))  # fmt: skip
register_spec(ReportSpec("oogst", OogstParams, _build_harvest, _harvest_meta, _files("html", "ipynb", *DOCS),
              ("html", "ipynb", *DOCS), notebook="workshop_summary", notebook_writes=DOCS))  # fmt: skip
register_spec(ReportSpec("logboek", LogboekParams, _build_logbook, _logbook_meta,
              _files("html", "ipynb", *DOCS, "bewoners", bewoners=""), ("html", "ipynb", *DOCS, "bewoners"),
              notebook="logbook_report", notebook_writes=(*DOCS, "bewoners"), check=_logbook_check))  # fmt: skip
register_spec(ReportSpec("verslag", VerslagParams, _build_participation, _participation_meta,
              _files("html", "md", *DOCS), ("html", *DOCS, "md"), check=_participation_check))  # fmt: skip
register_spec(ReportSpec("workshop-kit", KitParams, _build_kit, _kit_meta,
              _files("html", *DOCS, html="", docx="", odt="", pdf=""), ("html", *DOCS)))  # fmt: skip
register_spec(ReportSpec("casussen-export", ExportParams, _build_export, _export_meta,
              _files("datapackage", "bibtex", "csl", datapackage="", bibtex="", csl=""),
              ("datapackage", "bibtex", "csl")))  # fmt: skip
