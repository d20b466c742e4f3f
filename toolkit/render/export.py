"""Renderers for the case export: a Frictionless data package (``datapackage.json`` and a CSV per
table), and the sources as BibTeX and CSL-JSON.

The table schemas come from the toolkit's own column definitions (:data:`toolkit.content.case_tables.TABELLEN`):
types, allowed values, required columns, keys, and a description of every column in Dutch
(``description``) and English (``beschrijving_en``). frictionless builds the descriptor; pybtex
writes the BibTeX.
"""

from __future__ import annotations

import json
from typing import Any

from toolkit.base import csv_text, t, texts
from toolkit.content import TABELLEN, Kolom, lesson_numbers
from toolkit.domain import ZONDER_ID, CaseExport

from .registry import register

#: Patterns match the whole cell (Table Schema).
DATUM = r"\d{4}(-\d{2}(-\d{2})?)?"

#: The columns of the table ``casussen``: (name, type).
CASUS_KOLOMMEN: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("naam", "string"), ("fictief", "boolean"), ("status", "string"),
    ("samenvatting", "string"), ("samenvatting_en", "string"), ("gemeente", "string"), ("gemeente_code", "string"),
    ("wijk", "string"), ("wijk_code", "string"), ("woningen", "integer"), ("woningen_laagste", "integer"),
    ("woningen_hoogste", "integer"), ("koop_procent", "number"), ("corporatie_procent", "number"),
    ("particuliere_huur_procent", "number"), ("bouwperiode_van", "integer"), ("bouwperiode_tot", "integer"),
    ("aanleiding", "string"), ("aanleiding_en", "string"), ("warmteoplossing", "string"),
    ("warmteoplossing_en", "string"), ("gemeentelijke_rol", "string"), ("stand_van_zaken", "string"),
    ("stand_van_zaken_en", "string"), ("stand_datum", "string"),
)  # fmt: skip
VERWIJZING_KOLOMMEN = (("casus", "string"), ("tabel", "string"), ("rij", "string"), ("bron", "string"))


def _description(tabel: str, kolom: str, taal: str) -> str:
    """A column's description: ``kolom.<tabel>.<kolom>`` or else ``kolom.<kolom>``."""
    sleutel = f"kolom.{tabel}.{kolom}" if f"kolom.{tabel}.{kolom}" in texts("nl") else f"kolom.{kolom}"
    return t(sleutel, taal)


def _field(tabel: str, naam: str, soort: str, verplicht: bool = False, **beperkingen: Any) -> Any:
    from frictionless import fields

    klasse = {"string": fields.StringField, "integer": fields.IntegerField, "number": fields.NumberField,
              "boolean": fields.BooleanField}[soort]  # fmt: skip
    if verplicht:
        beperkingen["required"] = True
    veld = klasse(name=naam, description=_description(tabel, naam, "nl"), constraints=beperkingen)
    veld.custom["beschrijving_en"] = _description(tabel, naam, "en")
    return veld


def _column_field(tabel: str, kolom: Kolom) -> Any:
    """The schema field of one case-table column, from its kind."""
    verplicht = kolom.verplicht
    if kolom.soort == "enum":
        return _field(tabel, kolom.naam, "string", verplicht, enum=list(kolom.waarden))
    if kolom.soort == "les":
        return _field(tabel, kolom.naam, "integer", verplicht, enum=list(lesson_numbers()))
    if kolom.soort == "janee":
        return _field(tabel, kolom.naam, "boolean", verplicht)
    if kolom.soort in {"datum", "datum_of_onbekend"}:  # onbekend is an empty cell here
        return _field(tabel, kolom.naam, "string", kolom.soort == "datum", pattern=DATUM)
    if kolom.soort == "id":
        return _field(tabel, kolom.naam, "string", verplicht, pattern=r"[a-z0-9]+(-[a-z0-9]+)*")
    if kolom.soort == "url":
        return _field(tabel, kolom.naam, "string", verplicht, pattern=r"https?://\S+")
    return _field(tabel, kolom.naam, "string", verplicht and kolom.soort == "tekst")


def _schema(tabel: str) -> Any:
    from frictionless import Schema

    if tabel == "casussen":
        velden = [_field(tabel, n, s, n in ("id", "naam")) for n, s in CASUS_KOLOMMEN]
        schema = Schema(fields=velden, primary_key=["id"])
    elif tabel == "verwijzingen":
        schema = Schema(fields=[_field(tabel, n, s, True) for n, s in VERWIJZING_KOLOMMEN])
        schema.foreign_keys = [
            {"fields": ["casus", "bron"], "reference": {"resource": "bronnen", "fields": ["casus", "id"]}}
        ]
    else:
        velden = [_field(tabel, "casus", "string", True)]
        if tabel in ZONDER_ID:
            velden.append(_field(tabel, "nr", "integer", True))
        velden += [_column_field(tabel, k) for k in TABELLEN[tabel]]
        schema = Schema(fields=velden, primary_key=["casus", "nr" if tabel in ZONDER_ID else "id"])
    schema.foreign_keys = [
        *schema.foreign_keys,
        *(
            []
            if tabel == "casussen"
            else [{"fields": ["casus"], "reference": {"resource": "casussen", "fields": ["id"]}}]
        ),
    ]
    return schema


@register("casussen-export", "datapackage")
def data_package(export: CaseExport, taal: str) -> dict[str, str | bytes]:
    """``datapackage.json`` and one CSV per table (UTF-8, commas), valid under ``frictionless validate``."""
    from frictionless import Package, Resource

    bestanden: dict[str, str | bytes] = {}
    resources = []
    for tabel, rijen in export.tabellen.items():
        schema = _schema(tabel)
        kop = [veld.name for veld in schema.fields]
        bestanden[f"{tabel}.csv"] = csv_text(kop, [[rij.get(k) for k in kop] for rij in rijen])
        resources.append(
            Resource(name=tabel, path=f"{tabel}.csv", schema=schema, description=t(f"tabel.{tabel}", "nl"))
        )
    package = Package(
        name="warmtelessen-casussen",
        title=t("export_titel", taal),
        description=t("export_uitleg", taal),
        resources=resources,
        licenses=[{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                   "title": "Creative Commons Attribution 4.0"}],
    )  # fmt: skip
    bestanden["datapackage.json"] = json.dumps(package.to_descriptor(), ensure_ascii=False, indent=2) + "\n"
    return bestanden


def _source_rows(export: CaseExport) -> list[dict[str, Any]]:
    return [
        {**rij, "casus_naam": next(c.naam for c in export.casussen if c.id == rij["casus"])}
        for rij in export.tabellen["bronnen"]
    ]


@register("casussen-export", "bibtex")
def bibtex(export: CaseExport, taal: str) -> dict[str, str | bytes]:
    """The sources of the cases as BibTeX (``@misc``, key ``<casus>-<id>``)."""
    from pybtex.database import BibliographyData, Entry

    entries = {}
    for rij in _source_rows(export):
        velden = [("title", rij["titel"]), ("publisher", rij["uitgever"]), ("howpublished", f"\\url{{{rij['url']}}}"),
                  ("url", rij["url"]), ("note", t("bron_van_casus", taal, casus=rij["casus_naam"]))]  # fmt: skip
        if rij["datum"]:
            delen = str(rij["datum"]).split("-")
            velden.append(("year", delen[0]))
            if len(delen) > 1:
                velden.append(("month", delen[1]))
        entries[f"{rij['casus']}-{rij['id']}"] = Entry("misc", velden)
    return {"bronnen.bib": BibliographyData(entries).to_string("bibtex")}


@register("casussen-export", "csl")
def csl_json(export: CaseExport, taal: str) -> dict[str, str | bytes]:
    """The sources of the cases as CSL-JSON (for Zotero, Pandoc and other reference tools)."""
    items = []
    for rij in _source_rows(export):
        item: dict[str, Any] = {"id": f"{rij['casus']}-{rij['id']}", "type": "webpage", "title": rij["titel"],
                                "publisher": rij["uitgever"], "URL": rij["url"],
                                "note": t("bron_van_casus", taal, casus=rij["casus_naam"])}  # fmt: skip
        if rij["datum"]:
            item["issued"] = {"date-parts": [[int(d) for d in str(rij["datum"]).split("-")]]}
        items.append(item)
    return {"bronnen.csl.json": json.dumps(items, ensure_ascii=False, indent=2) + "\n"}
