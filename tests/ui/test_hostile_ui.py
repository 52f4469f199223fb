"""Hostile input in the window (issue 8): imports never block the UI thread, saved web pages
show their byline and source, and their markup is never rendered."""

from __future__ import annotations

import os
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_importing_a_fifo_neither_freezes_nor_hangs(window, qtbot, tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with qtbot.waitSignal(window.import_finished, timeout=10000) as done:
        window.import_file(fifo)
        assert time.monotonic() - started < 0.05  # the read is on the runner
    assert done.args == [None]
    assert "not a regular file" in window.messages.text()
    assert window.sidebar.list.count() == 2


def test_a_saved_page_shows_byline_and_source(window, qtbot) -> None:
    page = REPO / "tests" / "pages" / "bondyblog.fr.paris-8.html"
    with qtbot.waitSignal(window.sentences_ready, timeout=30000):
        window.import_file(page)
    print(window.byline.text())
    assert window.byline.isVisible()
    assert window.byline.text().startswith("By Kab Niang · Bondy Blog · 2020-02-17 · ")
    assert "bondyblog.fr/societe/" in window.byline.text()
    assert window.title.text().startswith("A Paris-8, un peu de tension")
    plain = window.view.document().toPlainText()
    assert "Une grève reconductible à partir du 5 mars" in plain
    assert "Candidatures ouvertes pour le Prix" not in plain
    assert "<p>" not in plain and "href=" not in plain


def test_a_decision_that_cannot_be_saved_says_why_and_changes_nothing(aided_window, qtbot,
                                                                      library) -> None:
    from PySide6.QtCore import Qt

    win = aided_window
    panel = win.aids.tidy_ups
    item = next(panel.tree.topLevelItem(i).child(j)
                for i in range(panel.tree.topLevelItemCount())
                for j in range(panel.tree.topLevelItem(i).childCount())
                if "Amazone" in panel.tree.topLevelItem(i).child(j).text(0))
    panel.tree.setCurrentItem(item)
    key = panel.current_key()
    library.read_only, library.read_only_reason = True, "it is on a read-only disk"
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    print(panel.reason.text())
    assert "read-only" in panel.reason.text()
    assert win.aids.review.decision(key) is None
    stored = library.db.execute("select count(*) from tidy_up_decisions").fetchone()[0]
    assert stored == 0
