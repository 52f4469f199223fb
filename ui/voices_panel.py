"""The voices chart: who is quoted in the article, how often and at what length (QtCharts).

One horizontal bar per speaker, its length the number of words quoted, coloured by kind
(named person, organisation, anonymous source, document), with the number of quotes in the
label. Below, what the article relies on that is not a quote (outlets, documents). The data
comes from :func:`reader.voices.voices_of` on the open article's session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

KIND_NAMES = {"person": "People", "organisation": "Organisations",
              "anonymous": "Anonymous", "document": "Documents"}
KIND_COLOURS = {"person": "#2f6fb0", "organisation": "#c25e00", "anonymous": "#6d6d6d",
                "document": "#7b4fb0"}
MOST = 12  # speakers shown; the rest are summed up in words


def _short(name: str, most: int = 22) -> str:
    """A speaker's name cut to fit a narrow chart (the full name is in the summary)."""
    return name if len(name) <= most else name[: most - 1].rstrip() + "…"


class VoicesPanel(QWidget):
    """Shows :class:`reader.voices.Voices` as a chart and a list of reliances."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.relies = QLabel(self)
        self.relies.setTextFormat(Qt.TextFormat.PlainText)
        self.relies.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.relies)
        self.voices: Any = None
        self.show_voices(None)

    def show_voices(self, voices: Any) -> None:
        """Draw the chart for a :class:`reader.voices.Voices` (None: nothing yet)."""
        self.voices = voices
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        if voices is None:
            self.summary.setText("Finding who is quoted…")
            self.relies.clear()
            return
        shown = sorted(voices.voices, key=lambda v: (-v.words, v.name))[:MOST]
        if not shown:
            self.summary.setText("Nobody is quoted in this article.")
        else:
            quotes = sum(v.quotes for v in voices.voices)
            words = sum(v.words for v in voices.voices)
            self.summary.setText(f"{len(voices.voices)} voices, {quotes} quotes, {words} words "
                                 "quoted. Bars: words quoted; labels: number of quotes.")
        shown.reverse()  # the longest at the top of a horizontal chart
        series = QHorizontalStackedBarSeries()
        for kind, name in KIND_NAMES.items():
            bar = QBarSet(name)
            bar.setColor(QColor(KIND_COLOURS[kind]))
            bar.append([float(v.words) if v.kind == kind else 0.0 for v in shown])
            if any(v.kind == kind for v in shown):
                series.append(bar)
        self.chart.addSeries(series)
        labels = QBarCategoryAxis()
        labels.append([f"{_short(v.name)} ({v.quotes})" for v in shown])
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() - 1.5))
        labels.setLabelsFont(small)
        self.chart.legend().setFont(small)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setTitleText("words quoted")
        self.chart.addAxis(labels, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(labels)
        series.attachAxis(values)
        lines = [f"{r.name} ({r.kind}, cited {r.citations}×)" for r in voices.reliances]
        self.relies.setText("Relies on, besides quotes: " + ("; ".join(lines) if lines
                                                              else "nothing else cited."))
