"""Renderers for a checklist: HTML (fragment and page), Markdown, JSON, Word and Excel.

Everything a user typed (names, notes) is data here: Jinja autoescapes it in HTML, Markdown gets
``<``, ``>`` and ``&`` as entities, JSON escapes them, and Word and Excel store plain text.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from toolkit.base import format_date, number, pick, quantity, t, term, value_label
from toolkit.domain import KOLOMMEN, OVER, STATUSSEN, Bewijs, Checklist, ChecklistActie, Voortgang, column_label

from .document import Document, Tekst, alinea, cel
from .markup import markdown_text
from .registry import register, register_document, register_workbook
from .sheet import Werkblad, Werkboek
from .templating import environment, page

#: The progress of an action that no register mentions.
OPEN: Voortgang = {"status": "open", "deadline": None, "opmerkingen": ""}


def evidence_source(bewijs: Bewijs, taal: str) -> str:
    """The case a claim comes from; a fictional case says so (only a fictional checklist shows it)."""
    naam = bewijs["casus_naam"]
    return f"{naam} ({t('fictief_bewijs', taal)})" if bewijs["fictief"] and "fictief" not in naam else naam


def _lesson_numbers(c: Checklist) -> list[int]:
    """The lessons that have actions in this checklist, in order."""
    return sorted({a["les"] for a in c["acties"]})


def _title(c: Checklist) -> str:
    ctx = c["context"]
    return f"{t('checklist_voor', c['taal'])} {ctx['gemeente']}" + (f", {ctx['wijk']}" if ctx.get("wijk") else "")


@register("checklist", "html-fragment")
def checklist_fragment(c: Checklist, taal: str) -> str:
    return (
        environment()
        .get_template("checklist.html.j2")
        .render(c=c, deadline_text=deadline_text, profiel_rijen=_profile_rows(c))
    )


@register("checklist", "html")
def checklist_page(c: Checklist, taal: str) -> str:
    return page(_title(c), c["taal"], checklist_fragment(c, taal))


@register("checklist", "json")
def to_json(c: Checklist, taal: str | None = None) -> str:
    """Deterministic JSON: sorted keys, fixed indentation, ``<``/``>``/``&`` escaped (HTML-safe).
    The same profile gives byte-identical JSON on every path (papermill or in-process)."""
    tekst = json.dumps(c, ensure_ascii=False, indent=2, sort_keys=True)
    return tekst.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def _profile_value(veld: str, waarde: Any, taal: str) -> str:
    """One value of the profile in words, in ``taal``: labels for fixed values, numbers as the
    reader writes them; names the user typed as they are."""
    if waarde is None or waarde == "onbekend":  # the profile says "onbekend" for a field left empty;
        return term("waarde", "onbekend", taal)  # not every field's vocabulary has it (wijk, fase, notities)
    if isinstance(waarde, bool):
        return value_label(veld, str(waarde).lower(), taal)
    if isinstance(waarde, int | float):
        return number(waarde, taal)
    if veld in {"gemeente", "wijk", "notities"}:
        return str(waarde)
    return value_label(veld, str(waarde), taal)


def _profile_rows(c: Checklist) -> list[tuple[str, str]]:
    """The profile as (label, value in words) rows in the checklist's language: no field names."""
    taal = c["taal"]
    rijen: list[tuple[str, str]] = []
    for sleutel, waarde in c["profiel"].items():
        if sleutel == "groepen" and isinstance(waarde, list):
            tekst = (
                "; ".join(
                    f"{g['naam']} ({value_label('groepen.soort', g['soort'], taal)}, "
                    f"{t('actief', taal)}: {_profile_value('groepen.actief', g['actief'], taal)})"
                    for g in waarde
                )
                or "—"
            )
        elif isinstance(waarde, dict):
            tekst = ", ".join(
                f"{term('veld', f'{sleutel}.{k}', taal)}: {_profile_value(f'{sleutel}.{k}', v, taal)}"
                for k, v in waarde.items()
            )
        elif isinstance(waarde, list):
            tekst = ", ".join(_profile_value(sleutel, w, taal) for w in waarde) or "—"
        else:
            tekst = _profile_value(sleutel, waarde, taal)
        label = term("veld", sleutel, taal)
        rijen.append((label[:1].upper() + label[1:], tekst))
    return rijen


def _progress_lines(c: Checklist) -> list[str]:
    """Progress in words: per lesson, in total, and the actions past their deadline."""
    taal = c["taal"]
    v = c["voortgang"]
    regels = [
        f"{t('les', taal)} {les}: {x['gedaan']} / {x['acties']} {t('gedaan', taal)}"
        for les, x in sorted(v["per_les"].items())
    ]
    regels.append(f"{t('totaal', taal)}: {v['totaal']['gedaan']} / {v['totaal']['acties']} {t('gedaan', taal)}")
    if v["te_laat"]:
        regels.append(f"{t('te_laat', taal)}: " + ", ".join(f"{x['id']} ({x['deadline']})" for x in v["te_laat"]))
    else:
        regels.append(t("geen_te_laat", taal))
    if v.get("niet_gelezen"):
        regels.append(t("register.niet_gelezen", taal, cellen="; ".join(v["niet_gelezen"])))
    return regels


def start_here(c: Checklist) -> list[ChecklistActie]:
    """The actions of *Begin hier*, in order (each has its ``waarom_nu``)."""
    per_id = {a["id"]: a for a in c["acties"]}
    return [per_id[i] for i in c.get("begin_hier", []) if i in per_id]


def deadline_text(a: ChecklistActie, taal: str) -> str:
    """``Uiterlijk: 1 januari 2027`` (with the doubt when the date is not certain); "" without a deadline."""
    if "deadline" not in a:
        return ""
    datum = format_date(date.fromisoformat(a["deadline"]), taal)
    return f"{t('deadline_wet', taal)}: {datum}" + (f" ({t('onzeker', taal)})" if a.get("deadline_onzeker") else "")


@register("checklist", "md")
def checklist_markdown(c: Checklist, taal: str) -> str:
    regels = [f"# {markdown_text(_title(c))}", "", t("checklist_uitleg", taal), ""]
    if start_here(c):
        regels += [f"## {t('begin_hier', taal)}", "", t("begin_hier_uitleg", taal), ""]
        regels += [f"{i}. **{markdown_text(a['tekst'])}** ({a['id']})  \n   {markdown_text(a.get('waarom_nu', ''))}"
                   for i, a in enumerate(start_here(c), start=1)]  # fmt: skip
        regels.append("")
    regels += [f"## {t('uw_situatie', taal)}", ""]
    for sleutel, waarde in _profile_rows(c):
        regels.append(f"- **{sleutel}**: {markdown_text(waarde)}")
    regels += ["", f"## {t('cijfers_profiel', taal)}", ""]
    for x in c["context"]["cijfers"]:
        label = pick(x, "label", taal)
        waarde = quantity(x["waarde"], x["eenheid"], taal)
        regels.append(f"- {markdown_text(x['gebied'])}, {label}: {waarde} ({x['jaar']}, {x['bron']})")
    if c.get("voortgang"):
        regels += ["", f"## {t('voortgang', taal)} ({c['voortgang']['peildatum']})", ""]
        regels += [f"- {regel}" for regel in _progress_lines(c)]
    for nummer in _lesson_numbers(c):
        acties = [a for a in c["acties"] if a["les"] == nummer]
        if not acties:
            continue
        regels += ["", f"## {t('les', taal)} {nummer}. {acties[0]['les_titel']}", ""]
        for a in acties:
            vink = "x" if a.get("voortgang", {}).get("status") == "gedaan" else " "
            meta = f"({t(a['prioriteit'], taal)}, {term('eigenaar', a['eigenaar'], taal)}, {a['id']})"
            regels.append(f"- [{vink}] **{markdown_text(a['tekst'])}** {meta}")
            regels.append(f"  {markdown_text(a['waarom'])}")
            regels.append(f"  *{t('waarom_opgenomen', taal)}: {markdown_text('; '.join(a['aanleiding']))}*")
            if deadline_text(a, taal):
                regels.append(f"  **{deadline_text(a, taal)}**")
            for w in a.get("wettelijk_kader", []):
                regels.append(
                    f"  {t('wet.kader', taal)}: {markdown_text(w['titel'])} — {markdown_text(w['status_tekst'])}"
                )
            if a.get("logboek"):
                regels.append(f"  {t('logboek_actie', taal)}: {a['logboek']}")
            if a.get("verslag"):
                regels.append(f"  {markdown_text(a['verslag'])}")
            for b in a["bewijs"]:
                regels.append(f"  - {markdown_text(evidence_source(b, taal))}: {markdown_text(b['claim'])}")
    if c["uitgesloten"]:
        regels += ["", f"## {t('uitgesloten', taal)}", ""]
        regels += [f"- {u['id']}: {markdown_text(u['reden'])}" for u in c["uitgesloten"]]
    return "\n".join(regels) + "\n"


@register_document("checklist")
def checklist_document(c: Checklist, taal: str) -> Document:
    """The checklist as a document (Word, ODT and PDF): Begin hier, the situation, the figures,
    progress, and per lesson a table whose action column gets the room."""
    doc = Document(_title(c), taal)
    doc.tekst(t("checklist_uitleg", taal))
    if start_here(c):
        doc.kop(t("begin_hier", taal)).tekst(t("begin_hier_uitleg", taal))
        doc.tabel(
            ["#", t("actie", taal)],
            [
                [str(i), cel(alinea(Tekst(a["tekst"])), alinea(Tekst(a.get("waarom_nu", ""), cursief=True)))]
                for i, a in enumerate(start_here(c), start=1)
            ],
            (1, 20),
        )
    doc.kop(t("uw_situatie", taal)).tabel(None, [list(r) for r in _profile_rows(c)], (1, 2))
    if c["context"]["cijfers"]:
        doc.kop(t("cijfers_profiel", taal))
        doc.tabel(
            [t(k, taal) for k in ("gebied", "kenmerk", "waarde", "bron")],
            [
                [
                    x["gebied"],
                    pick(x, "label", taal),
                    quantity(x["waarde"], x["eenheid"], taal),
                    f"{x['bron']}, {x['jaar']}",
                ]
                for x in c["context"]["cijfers"]
            ],
            (2, 3, 2, 3),
        )
    if c.get("voortgang"):
        doc.sectie(f"{t('voortgang', taal)} ({c['voortgang']['peildatum']})", _progress_lines(c))
    for nummer in _lesson_numbers(c):
        acties = [a for a in c["acties"] if a["les"] == nummer]
        doc.kop(f"{t('les', taal)} {nummer}. {acties[0]['les_titel']}")
        rijen = []
        for a in acties:
            actie = [alinea(Tekst(a["tekst"], vet=True)), alinea(Tekst(a["waarom"], cursief=True))]
            actie.append(alinea(f"{t('waarom_opgenomen', taal)}: {'; '.join(a['aanleiding'])}"))
            if deadline_text(a, taal):
                actie.append(alinea(deadline_text(a, taal)))
            actie += [
                alinea(f"{t('wet.kader', taal)}: {w['titel']} — {w['status_tekst']}")
                for w in a.get("wettelijk_kader", [])
            ]
            if a.get("logboek"):
                actie.append(alinea(f"{t('logboek_actie', taal)}: {a['logboek']}"))
            if a.get("verslag"):
                actie.append(alinea(a["verslag"]))
            actie += [alinea(f"{evidence_source(b, taal)}: {b['claim']}") for b in a["bewijs"]]
            vink = "☒" if a.get("voortgang", {}).get("status") == "gedaan" else "☐"
            fasen = ", ".join(term("fase", f, taal) for f in a["fasen"])
            wie = cel(alinea(Tekst(t(a["prioriteit"], taal), vet=True)), term("eigenaar", a["eigenaar"], taal), fasen)
            rijen.append([cel(vink), cel(*actie), wie])
        # three columns, so the action text gets the room: priority, owner and phases share one
        kop = ["✓", t("actie", taal), " / ".join(t(k, taal) for k in ("prioriteit", "eigenaar", "fasen"))]
        doc.tabel(kop, rijen, (0.5, 12, 3))
    return doc


@register_workbook("checklist")
def checklist_workbook(c: Checklist, taal: str) -> Werkboek:
    """The action register: one row per action; status limited to the allowed list (the
    spreadsheet refuses anything else); header frozen and repeated in print; A4 landscape, one
    page wide. Sheets after it: Begin hier, progress, which checklist it belongs to, the profile."""
    melding = t("register.kies_status", taal, statussen=", ".join(STATUSSEN))
    rijen = []
    for a in c["acties"]:
        v = a.get("voortgang", OPEN)
        deadline = date.fromisoformat(v["deadline"]) if v["deadline"] else None
        rijen.append(
            [
                a["id"],
                a["les"],
                a["tekst"],
                t(a["prioriteit"], taal),
                term("eigenaar", a["eigenaar"], taal),
                ", ".join(term("fase", f, taal) for f in a["fasen"]),
                v["status"],
                deadline,
                v["opmerkingen"],
                "; ".join(f"{w['titel']} ({w['status_tekst']})" for w in a.get("wettelijk_kader", [])),
            ]
        )
    register_blad = Werkblad(
        "Acties",
        [column_label(k, taal) for k in KOLOMMEN],
        rijen,
        [7, 4, 52, 9, 13, 15, 8, 11, 24, 25],
        omloop={2, 4, 5, 8, 9},
        keuzelijsten={KOLOMMEN.index("status"): STATUSSEN},
        keuze_titel=t("status", taal),
        keuze_melding=melding,
        datumkolommen={KOLOMMEN.index("deadline")},
        filter=True,
    )
    bladen = [register_blad]
    if start_here(c):  # right after the register: the actions to start with, and why now
        bladen.append(
            Werkblad(
                t("begin_hier", taal),
                ["#", "id", t("actie", taal), t("waarom_nu", taal)],
                [[i, a["id"], a["tekst"], a.get("waarom_nu", "")] for i, a in enumerate(start_here(c), 1)],
                [4, 8, 70, 50],
                omloop={2, 3},
            )
        )
    if c.get("voortgang"):
        bladen.append(
            Werkblad(
                "Voortgang",
                None,
                [[t("voortgang", taal), c["voortgang"]["peildatum"]]] + [[regel] for regel in _progress_lines(c)],
                [60, 20],
            )
        )
    # which checklist this register belongs to (checked when read back)
    bladen.append(
        Werkblad(
            OVER, None, [["gemeente", c["context"]["gemeente"]], ["wijk", c["context"].get("wijk") or ""]], [12, 40]
        )
    )
    bladen.append(
        Werkblad(
            "Profiel", [t("veld", taal), t("waarde", taal)], [list(r) for r in _profile_rows(c)], [30, 60], omloop={1}
        )
    )
    return Werkboek(_title(c), taal, bladen)
