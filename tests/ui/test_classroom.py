"""The voices chart and the comparison of two articles, driven in the real window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCharts import QHorizontalStackedBarSeries
from PySide6.QtWidgets import QInputDialog

REPO = Path(__file__).resolve().parents[2]


def test_voices_chart_shows_who_is_quoted(app_window, qtbot) -> None:
    win = app_window
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.open_article("003_71c21fd2b98fa41d")
    panel = win.aids.voices
    win.aids.tabs.setCurrentWidget(panel)
    (series,) = panel.chart.series()
    assert isinstance(series, QHorizontalStackedBarSeries)
    kinds = {bar.label() for bar in series.barSets()}
    assert {"People", "Organisations", "Anonymous"} <= kinds
    categories = panel.chart.axes()[0].categories()
    assert "John Matze (3)" in categories
    assert "BuzzFeed News" in panel.relies.text()
    assert "voices" in panel.summary.text()
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.open_article("000_757345bfb182a35d")
    assert panel.summary.text() == "Nobody is quoted in this article."


def test_compare_with_another_article_and_export_the_page(app_window, qtbot, tmp_path,
                                                          monkeypatch) -> None:
    win = app_window
    win.open_article("000_757345bfb182a35d")
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: (a[3][0], True))  # the only other article
    qtbot.keySequence(win, "Ctrl+Shift+K")
    qtbot.waitUntil(lambda: win.comparing.dialog is not None, timeout=60000)
    dialog = win.comparing.dialog
    qtbot.addWidget(dialog)
    names = dialog.tree.topLevelItem(0)
    both = {names.child(i).text(0) for i in range(names.childCount())}
    assert any(text.startswith("Amazon") for text in both)  # Amazone (tidied) = Amazon
    assert any(text.startswith("Donald Trump") for text in both)
    dialog.export_pdf(tmp_path / "cmp.pdf")
    assert "Exported" in dialog.status.text()
    out = subprocess.run(["pdfinfo", str(tmp_path / "cmp.pdf")], capture_output=True,
                         text=True, check=True).stdout
    assert "Pages:           1" in out


def test_compare_cli_writes_the_one_page_pdf(tmp_path) -> None:
    run = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "d"),
                          "compare", "000", "003", "--pdf", str(tmp_path / "c.pdf")],
                         cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "c.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Two articles compared" in text and "John Matze" in text
