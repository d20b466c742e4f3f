"""The self-assessment form for one group (ipywidgets). The logic it calls — collecting answers,
saving a group atomically without overwriting another — lives in :mod:`toolkit.domain.workshop`."""

from __future__ import annotations

from typing import Any

from toolkit.base import UserError, in_project
from toolkit.content import kennisbank, lesson_numbers
from toolkit.domain import save_group
from toolkit.render import radar

WEET_NIET = "weet niet"


def answers_from_values(waarden: dict[str, tuple[str | int, str]], les_van: dict[str, int]) -> list[dict[str, Any]]:
    """Form values {statement id: (score or 'weet niet', note)} -> answer rows for saving."""
    return [
        {"les": les_van[sid], "stelling": sid, "score": None if score == WEET_NIET else int(score), "notitie": notitie}
        for sid, (score, notitie) in waarden.items()
    ]


def lesson_means(antwoorden: list[dict[str, Any]], lessen: tuple[int, ...] | None = None) -> list[float | None]:
    """Average score per lesson (None without scores), for the live radar chart."""

    uit: list[float | None] = []
    for les in lesson_numbers() if lessen is None else lessen:
        scores = [a["score"] for a in antwoorden if a["les"] == les and a["score"] is not None]
        uit.append(round(sum(scores) / len(scores), 2) if scores else None)
    return uit


def assessment_form(map_antwoorden: str, taal: str = "nl", lessen: list[int] | None = None) -> Any:
    import ipywidgets as w
    from IPython.display import HTML, display

    gekozen = [les for les in kennisbank().lessons(taal) if not lessen or les.nummer in lessen]
    groep = w.Text(description="groep")
    gemeente = w.Text(description="gemeente")
    velden: dict[str, tuple[Any, Any]] = {}
    les_van: dict[str, int] = {}
    onderdelen: list[Any] = [groep, gemeente]
    for les in gekozen:
        onderdelen.append(w.HTML(f"<h3>{les.nummer}. {les.titel}</h3>"))
        for s in les.stellingen:
            score = w.ToggleButtons(options=["1", "2", "3", "4", "5", WEET_NIET], value=WEET_NIET)
            notitie = w.Text(placeholder="notitie", layout=w.Layout(width="30rem"))
            velden[s.id] = (score, notitie)
            les_van[s.id] = les.nummer
            onderdelen += [w.HTML(f"<b>{s.id}</b> {s.tekst}"), score, notitie]
    grafiek = w.Output()
    melding = w.Output()

    def current_answers() -> list[dict[str, Any]]:
        return answers_from_values({sid: (s.value, n.value) for sid, (s, n) in velden.items()}, les_van)

    def draw(_: Any = None) -> None:
        grafiek.clear_output(wait=True)
        naam = groep.value or "groep"
        beeld = radar({naam: lesson_means(current_answers())}, [str(n) for n in lesson_numbers()], naam)
        with grafiek:
            display(HTML(f'<img style="max-width:26rem" src="{beeld}">'))

    def save(_: Any = None) -> None:
        melding.clear_output()
        with melding:
            try:
                pad = save_group(in_project(map_antwoorden), groep.value, gemeente.value, current_answers())
                print(f"Opgeslagen: {pad}")
            except UserError as fout:
                print(f"fout: {fout}")

    for score, _ in velden.values():
        score.observe(draw, names="value")
    knop = w.Button(description="Opslaan", button_style="primary")
    knop.on_click(save)
    formulier = w.HBox([w.VBox([*onderdelen, knop, melding]), grafiek])
    display(formulier)
    draw()
    return formulier
