"""The voices chart as a PDF figure: words quoted per speaker, coloured by kind of voice.

Drawn with ReportLab's own charting library (``reportlab.graphics.charts``), from the same
:func:`reader.voices.voices_of` data the window charts with QtCharts; placed in the annotated
PDF and in the worksheet's answer key through the page composer.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import HexColor

from reader.export.appendix import Flow
from reader.export.lines import Piece
from reader.session import ArticleSession

KINDS = {"person": ("People", "#2f6fb0"), "organisation": ("Organisations", "#c25e00"),
         "anonymous": ("Anonymous", "#6d6d6d"), "document": ("Documents", "#7b4fb0")}
MOST = 12
ROW = 13.0


def _short(name: str, most: int = 30) -> str:
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"


def voices_drawing(voices: Any, width: float, font: str) -> Drawing | None:
    """A bar chart of the article's voices, or None when nobody is quoted."""
    shown = sorted(voices.voices, key=lambda v: (-v.words, v.name))[:MOST]
    if not shown:
        return None
    shown.reverse()  # the longest at the top
    label_room = 150.0
    height = ROW * len(shown) + 58
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_room, 40
    chart.width, chart.height = width - label_room - 10, ROW * len(shown)
    kinds = [k for k in KINDS if any(v.kind == k for v in shown)]
    chart.data = [[float(v.words) if v.kind == k else 0.0 for v in shown] for k in kinds]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [f"{_short(v.name)} ({v.quotes})" for v in shown]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.barSpacing = 1
    for i, kind in enumerate(kinds):
        chart.bars[i].fillColor = HexColor(KINDS[kind][1])
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = label_room, 24
    legend.fontName, legend.fontSize = font, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 6
    legend.deltax = 75
    legend.colorNamePairs = [(HexColor(KINDS[k][1]), KINDS[k][0]) for k in kinds]
    drawing.add(legend)
    drawing.add(String(label_room, 2, "words quoted (number of quotes after each name)",
                       fontName=font, fontSize=6.5, fillColor=HexColor("#5b554d")))
    return drawing


def voices_section(flow: Flow, session: ArticleSession) -> None:
    """A "Who speaks" section with the chart, when the article quotes anyone."""
    from reader.voices import voices_of

    if session.analysis is None:
        return
    voices = voices_of(session)
    frame = flow.composer.frame
    drawing = voices_drawing(voices, frame.inner, flow.fonts.regular)
    if drawing is None:
        return
    flow.composer.space(10)
    flow.composer.ensure(float(drawing.height) + 50)  # heading and chart on one page
    flow.heading("Voices: who speaks, and for how long")
    total = sum(v.quotes for v in voices.voices)
    flow.text([Piece(f"{len(voices.voices)} voices, {total} quotes.",
                     flow.styles(8.4, italic=True, colour="#5b554d").base())], 11)
    flow.composer.space(4)
    flow.composer.figure(drawing, frame.left)
