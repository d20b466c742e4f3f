"""One registry of renderers: (kind of report, format) -> function.

A renderer turns the object a report builds (a lesson, a case, a checklist …, see
:mod:`toolkit.reports.registry`) into one output format, in one language: ``renderer(obj, taal)``. It returns
the text or bytes of one file, or, for a format that is several files (the comparison's CSV tables,
the workshop kit's handouts), a mapping of file name -> text or bytes. Notebooks, the command line,
batch runs and the in-process path all go through :func:`render`, so a format looks the same
whichever path made it. :mod:`toolkit.render.write` puts the results on disk.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from toolkit.base import UserError

Output = str | bytes | Mapping[str, str | bytes]
Renderer = Callable[[Any, str], Output]
_REGISTRY: dict[tuple[str, str], Renderer] = {}
#: The renderers that build a model (a document or a workbook) and write it: (kind, format) ->
#: (builder, module, function). :func:`render_all` builds each model once for all its formats.
_SAMENGESTELD: dict[tuple[str, str], tuple[Callable[..., Any], str, str]] = {}


F = TypeVar("F", bound=Callable[..., Output])
B = TypeVar("B", bound=Callable[..., Any])


def register(soort: str, formaat: str) -> Callable[[F], F]:
    """Decorator: register ``func`` as the renderer of ``soort`` objects to ``formaat``."""

    def wrap(func: F) -> F:
        _REGISTRY[(soort, formaat)] = func
        return func

    return wrap


#: The office formats every report with a document gets, and the writer of each (module, function).
DOCUMENT_FORMATEN = {"docx": ("word", "write"), "odt": ("odf", "write_text"), "pdf": ("pdf", "write")}
#: The spreadsheet formats every report with a workbook gets.
WERKBOEK_FORMATEN = {"xlsx": ("sheet", "write_xlsx"), "ods": ("odf", "write_sheets")}


def _writer(module: str, functie: str) -> Callable[[Any], bytes]:
    schrijver: Callable[[Any], bytes] = getattr(importlib.import_module(f"toolkit.render.{module}"), functie)
    return schrijver


def _composed(bouw: Callable[..., Any], module: str, functie: str) -> Renderer:
    def renderer(obj: Any, taal: str) -> bytes:
        return _writer(module, functie)(bouw(obj, taal))

    return renderer


def write_document(formaat: str, model: Any) -> bytes:
    """A :class:`~toolkit.render.document.Document` in one office format (docx, odt or pdf)."""
    return _writer(*DOCUMENT_FORMATEN[formaat])(model)


def write_workbook(formaat: str, boek: Any) -> bytes:
    """A :class:`~toolkit.render.sheet.Werkboek` in one spreadsheet format (xlsx or ods)."""
    return _writer(*WERKBOEK_FORMATEN[formaat])(boek)


def register_document(soort: str, meer: Mapping[str, tuple[str, str]] | None = None) -> Callable[[B], B]:
    """Decorator: ``func(obj, taal)`` builds a :class:`~toolkit.render.document.Document`, and
    ``soort`` gets Word, ODT and PDF from it (the same content in all three). ``meer``: more formats
    written from the same document, format -> (module, function) (a web page, Markdown); the
    document is built once for all of them (:func:`render_all`)."""

    def wrap(func: B) -> B:
        for formaat, (module, functie) in {**DOCUMENT_FORMATEN, **(meer or {})}.items():
            _REGISTRY[(soort, formaat)] = _composed(func, module, functie)
            _SAMENGESTELD[(soort, formaat)] = (func, module, functie)
        return func

    return wrap


def register_workbook(soort: str) -> Callable[[B], B]:
    """Decorator: ``func(obj, taal)`` builds a :class:`~toolkit.render.sheet.Werkboek`, and ``soort``
    gets Excel and ODS from it."""

    def wrap(func: B) -> B:
        for formaat, (module, functie) in WERKBOEK_FORMATEN.items():
            _REGISTRY[(soort, formaat)] = _composed(func, module, functie)
            _SAMENGESTELD[(soort, formaat)] = (func, module, functie)
        return func

    return wrap


def formats(soort: str) -> list[str]:
    """The formats available for ``soort``."""
    _load_builtin(soort)
    return sorted(f for s, f in _REGISTRY if s == soort)


def render(soort: str, formaat: str, obj: Any, taal: str) -> Output:
    """Render ``obj`` (of kind ``soort``) as ``formaat`` in ``taal``."""
    _load_builtin(soort)
    try:
        func = _REGISTRY[(soort, formaat)]
    except KeyError:
        raise UserError(
            f"--formats: onbekend formaat {formaat!r} voor {soort} (toegestaan: {', '.join(formats(soort))})"
        ) from None
    return func(obj, taal)


def render_all(
    soort: str, formats: Sequence[str], obj: Any, taal: str, mislukt: dict[str, str] | None = None
) -> dict[str, Output]:
    """Each of ``formats`` rendered, by format, as :func:`render` would; a document or workbook that
    several formats share (Word, ODT and PDF; Excel and ODS) is built once.

    With ``mislukt`` (a dict), a format whose renderer fails does not take the others down: it is
    left out of the result and ``mislukt[format]`` says why in one short line."""
    _load_builtin(soort)
    modellen: dict[Callable[..., Any], Any] = {}
    uit: dict[str, Output] = {}
    for formaat in formats:
        if (soort, formaat) not in _REGISTRY:
            render(soort, formaat, obj, taal)  # an unknown format: the one line that lists the known ones
        try:
            samengesteld = _SAMENGESTELD.get((soort, formaat))
            if samengesteld is None:
                uit[formaat] = render(soort, formaat, obj, taal)
                continue
            bouw, module, functie = samengesteld
            if bouw not in modellen:
                modellen[bouw] = bouw(obj, taal)
            uit[formaat] = _writer(module, functie)(modellen[bouw])
        except Exception as fout:
            if mislukt is None:
                raise
            eerste = (str(fout).strip().splitlines() or [""])[0][:120]
            mislukt[formaat] = f"{type(fout).__name__}: {eerste}" if eerste else type(fout).__name__
    return uit


#: The module that registers the renderers of each kind of report.
_MODULES = {"les": "lesson", "casus": "case", "checklist": "checklist", "vergelijking": "compare",
            "oogst": "workshop", "oogst-data": "workshop", "workshop-kit": "workshop", "logboek": "logbook",
            "casussen-export": "export", "verslag": "verslag"}  # fmt: skip


def _load_builtin(soort: str) -> None:
    # Imported lazily, per kind: a checklist kernel never pays for pandas or matplotlib.

    if soort in _MODULES:
        importlib.import_module(f"toolkit.render.{_MODULES[soort]}")
