"""Panels give way to the reading columns on small windows, and remember the reader's
widths and choices."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui.panel_layout import LIBRARY, MIN_READING, READING, SIDE, fit_panels


def test_fit_panels_shrinks_then_drops_the_side_panel_then_the_library() -> None:
    wanted = {LIBRARY: 240, SIDE: 340}
    assert fit_panels(1920, wanted) == wanted
    shrunk = fit_panels(1024, wanted)
    assert set(shrunk) == {LIBRARY, SIDE}
    assert 1024 - MIN_READING - 2 <= sum(shrunk.values()) <= 1024 - MIN_READING
    assert fit_panels(800, wanted) == {LIBRARY: 240}
    assert fit_panels(700, wanted) == {}  # 140 px is under the library's minimum
    assert fit_panels(600, wanted) == {}


def _sizes(win, width: int, height: int) -> list[int]:
    win.resize(width, height)
    QApplication.processEvents()
    return win.splitter.sizes()


def test_at_800_by_600_the_reading_columns_get_the_room(aided_window, qtbot) -> None:
    win = aided_window
    sizes = _sizes(win, 800, 600)
    print("800x600", sizes)
    assert sizes[SIDE] == 0
    assert sizes[READING] >= MIN_READING
    line = win.title.fontMetrics().lineSpacing()
    assert win.title.height() <= 3 * line + 12, "the title takes more than three lines"
    assert win.side_action.isChecked()  # folded for room, not hidden by the reader
    for width, height in ((1024, 768), (1366, 768), (1920, 1080)):
        sizes = _sizes(win, width, height)
        print(f"{width}x{height}", sizes)
        assert sizes[READING] >= MIN_READING
        assert sizes[SIDE] > 0 and sizes[LIBRARY] > 0  # room for everything again


def test_panel_widths_and_choices_are_remembered(qtbot, library, prefs, runner, nlp) -> None:
    from ui.main_window import MainWindow
    from ui.reading_aids import ReadingAids

    win = MainWindow(library, runner, prefs)
    win.aids = ReadingAids(win, runner, library, None, prefs)
    qtbot.addWidget(win)
    win.show()
    _sizes(win, 1600, 900)
    total = sum(win.splitter.sizes())
    win.splitter.setSizes([320, total - 320 - 400, 400])
    win.splitter.splitterMoved.emit(320, 1)  # as a drag of the handle reports it
    win.splitter.splitterMoved.emit(total - 400, 2)
    win.side_action.trigger()  # the reader hides the aids
    assert win.splitter.sizes()[SIDE] == 0
    again = MainWindow(library, runner, prefs)
    again.aids = ReadingAids(again, runner, library, None, prefs)
    qtbot.addWidget(again)
    again.show()
    sizes = _sizes(again, 1600, 900)
    assert sizes[LIBRARY] == 320 and sizes[SIDE] == 0
    assert not again.side_action.isChecked()
    again.side_action.trigger()
    assert again.splitter.sizes()[SIDE] == 400
