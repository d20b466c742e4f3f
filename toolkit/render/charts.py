"""Charts as self-contained SVG images (embedded as data URIs: nothing to load, prints sharply).

matplotlib is imported lazily with the non-interactive Agg backend, so no display is needed.
"""

from __future__ import annotations

import base64
import io
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

KLEUREN = ["#b3401a", "#0b5cad", "#2e7d32", "#8e5bb5", "#c28a00", "#00838f", "#6d4c41"]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(
        {
            "svg.fonttype": "path",
            "svg.hashsalt": "warmtelessen",  # stable ids: the same data gives the same SVG
            "font.size": 9,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    return plt


def svg(fig: Any) -> str:
    """A figure as an SVG data URI (for HTML reports)."""
    return _svg_data_uri(fig)


def _svg_data_uri(fig: Any) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    _pyplot().close(fig)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue().encode()).decode()


def png(fig: Any) -> bytes:
    """A figure as PNG (for Word, ODT and PDF documents), 150 dpi."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=150, metadata={"Software": None})
    _pyplot().close(fig)
    return buffer.getvalue()


def bar_figure(labels: Sequence[str], waarden: Sequence[float], titel: str, xlabel: str) -> Any:
    """A horizontal bar chart (first label on top)."""
    plt = _pyplot()
    hoogte = 0.9 + 0.32 * max(len(labels), 1)
    fig, ax = plt.subplots(figsize=(6.2, hoogte))
    posities = list(range(len(labels)))[::-1]
    ax.barh(posities, waarden, color=KLEUREN[0], height=0.6)
    ax.set_yticks(posities, labels)
    ax.set_xlabel(xlabel)
    ax.set_title(titel, loc="left", fontsize=10)
    ax.xaxis.get_major_locator().set_params(integer=True)
    for y, w in zip(posities, waarden, strict=True):
        if w:
            ax.text(w, y, f" {w:g}", va="center", fontsize=8)
    return fig


def lane_positions(datums: Sequence[date], banen: Sequence[int]) -> list[float]:
    """The height of each event in the timeline: events on the same date in the same lane are
    spread over the lane, so none hides another (or its uncertain mark)."""
    aantal = Counter(zip(datums, banen, strict=True))
    gezien: Counter[tuple[date, int]] = Counter()
    posities = []
    for d, baan in zip(datums, banen, strict=True):
        k, n = gezien[(d, baan)], aantal[(d, baan)]
        gezien[(d, baan)] += 1
        posities.append(baan + (k - (n - 1) / 2) * min(0.28, 0.8 / n))
    return posities


#: Where an event's number may go, in points from its dot, in order of preference: right, above,
#: below, left, further up and down. The first place where it overlaps no other number wins.
_PLEKKEN = ((6, 0), (6, 8), (6, -8), (-12, 0), (6, 16), (6, -16), (-12, 8), (-12, -8), (14, 16), (14, -16))


def timeline_figure(
    datums: Sequence[date],
    banen: Sequence[int],
    baan_labels: Sequence[str],
    onzeker: Sequence[bool],
    nummers: Sequence[int],
    titel: str,
    met_nummers: bool = True,
) -> Any:
    """Events as numbered dots on a time axis, one lane per phase; uncertain events hollow. No
    number covers a dot or another number (see :data:`_PLEKKEN`). Without ``met_nummers``, dots
    only (for more events than numbers can be read at, and placed, in reasonable time)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.45 * len(baan_labels)))
    labels: list[Any] = []
    for d, baan, y, twijfel, nummer in zip(datums, banen, lane_positions(datums, banen), onzeker, nummers, strict=True):
        kleur = KLEUREN[baan % len(KLEUREN)]
        ax.scatter([d], [y], s=46, zorder=4 if twijfel else 3, facecolors="white" if twijfel else kleur,
                   edgecolors=kleur, linewidths=1.6 if twijfel else 1.0)  # fmt: skip
        if met_nummers:
            labels.append(ax.annotate(str(nummer), (d, y), xytext=_PLEKKEN[0], textcoords="offset points",
                                      va="center", ha="left", fontsize=7))  # fmt: skip
    ax.set_yticks(range(len(baan_labels)), baan_labels)
    ax.set_ylim(-0.6, len(baan_labels) - 0.4)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#e5e5e5", zorder=0)
    if titel:
        ax.set_title(titel, loc="left", fontsize=10)
    fig.autofmt_xdate()
    place_labels(fig, labels)
    return fig


def place_labels(fig: Any, labels: Sequence[Any]) -> None:
    """Move each label to the first of :data:`_PLEKKEN` where it covers no dot and no label placed
    before it."""
    from matplotlib.transforms import Bbox

    renderer = fig.canvas.get_renderer()
    straal = 3.6 * fig.dpi / 72  # a dot's radius (s=46 points²), in pixels
    geplaatst: list[Any] = []
    for label in labels:  # every dot first: no number may cover one
        x, y = label.axes.transData.transform((label.axes.convert_xunits(label.xy[0]), label.xy[1]))
        geplaatst.append(Bbox.from_extents(x - straal, y - straal, x + straal, y + straal))
    for label in labels:
        for plek in _PLEKKEN:
            label.set_position(plek)
            kader = label.get_window_extent(renderer)
            if not any(kader.overlaps(ander) for ander in geplaatst):
                break
        geplaatst.append(label.get_window_extent(renderer))


def heatmap(matrix: Any, rij_labels: Sequence[str], kolom_labels: Sequence[str], titel: str, uitleg: str) -> str:
    """A diverging heatmap (negative = counter-evidence, positive = illustrates), values printed."""
    plt = _pyplot()
    import numpy as np

    waarden = np.asarray(matrix, dtype=float)
    grens = max(1.0, float(np.abs(waarden).max()) if waarden.size else 1.0)
    fig, ax = plt.subplots(figsize=(1.6 + 1.5 * len(kolom_labels), 0.8 + 0.42 * len(rij_labels)))
    beeld = ax.imshow(waarden, cmap="RdYlGn", vmin=-grens, vmax=grens, aspect="auto")
    ax.set_xticks(range(len(kolom_labels)), kolom_labels, rotation=20, ha="right")
    ax.set_yticks(range(len(rij_labels)), rij_labels)
    for (i, j), w in np.ndenumerate(waarden):
        ax.text(j, i, f"{w:g}", ha="center", va="center", fontsize=8)
    ax.spines[:].set_visible(False)
    fig.colorbar(beeld, ax=ax, shrink=0.8, label=uitleg)
    ax.set_title(titel, loc="left", fontsize=10)
    return _svg_data_uri(fig)


def stacked_bars(tabel: Any, titel: str, xlabel: str) -> str:
    """Horizontal stacked bars: one bar per row of ``tabel`` (a DataFrame), one colour per column."""
    plt = _pyplot()
    kolommen = [k for k in tabel.columns if tabel[k].sum() > 0]
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.45 * len(tabel)))
    links = [0.0] * len(tabel)
    kleuren = plt.get_cmap("tab20").colors
    for i, kolom in enumerate(kolommen):
        waarden = list(tabel[kolom])
        ax.barh(list(tabel.index)[::-1], waarden[::-1], left=links[::-1], color=kleuren[i % 20], label=str(kolom))
        links = [a + b for a, b in zip(links, waarden, strict=True)]
    ax.set_xlabel(xlabel)
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=7, frameon=False)
    ax.set_title(titel, loc="left", fontsize=10)
    return _svg_data_uri(fig)


def multi_timeline(reeksen: Mapping[str, tuple[Sequence[float], Sequence[bool]]], xlabel: str, titel: str) -> str:
    """One lane per case; x is a number (year as decimal, or years since start)."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7.0, 0.9 + 0.45 * len(reeksen)))
    for baan, (xs, onzeker) in enumerate(reeksen.values()):
        kleur = KLEUREN[baan % len(KLEUREN)]
        for x, twijfel in zip(xs, onzeker, strict=True):
            ax.scatter([x], [baan], s=30, facecolors="white" if twijfel else kleur, edgecolors=kleur, zorder=3)
    ax.set_yticks(range(len(reeksen)), list(reeksen))
    ax.invert_yaxis()
    ax.grid(axis="x", color="#e5e5e5", zorder=0)
    ax.set_xlabel(xlabel)
    ax.set_title(titel, loc="left", fontsize=10)
    return _svg_data_uri(fig)


def radar(reeksen: dict[str, Sequence[float | None]], labels: Sequence[str], titel: str) -> str:
    """A radar chart on a 1-5 scale, one line per series (missing values drawn at 0)."""

    plt = _pyplot()
    hoeken = [2 * math.pi * i / len(labels) for i in range(len(labels))]
    fig = plt.figure(figsize=(5.6, 5.2))
    ax = fig.add_subplot(polar=True)
    ax.set_theta_offset(math.pi / 2)  # lesson 1 at the top, then clockwise
    ax.set_theta_direction(-1)
    ax.set_rlabel_position(0)
    for i, (naam, waarden) in enumerate(reeksen.items()):
        punten = [w if w is not None else 0 for w in waarden]
        kleur = KLEUREN[i % len(KLEUREN)]
        ax.plot(hoeken + hoeken[:1], punten + punten[:1], color=kleur, linewidth=2, label=naam)
        ax.fill(hoeken + hoeken[:1], punten + punten[:1], color=kleur, alpha=0.08)
    ax.set_xticks(hoeken, labels)
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_title(titel, fontsize=11, pad=18)
    if len(reeksen) > 1:
        ax.legend(loc="upper right", bbox_to_anchor=(1.3, 1.1), fontsize=8, frameon=False)
    return _svg_data_uri(fig)
