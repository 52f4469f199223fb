"""Keyboard focus, shortcuts that work whatever has focus, and feedback for every command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier


def _activate(qtbot, win) -> None:
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)


def test_text_has_focus_after_an_article_opens(app_window, qtbot) -> None:
    _activate(qtbot, app_window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is app_window.view)
    app_window.sidebar.search.setFocus()
    with qtbot.waitSignal(app_window.sentences_ready, timeout=20000):
        app_window.step_article(1)
    assert QApplication.focusWidget() is app_window.view


def test_window_shortcuts_win_over_the_search_box(app_window, qtbot) -> None:
    win = app_window
    _activate(qtbot, win)
    search = win.sidebar.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "Trump")
    assert win.english_action.isChecked()
    qtbot.keyClick(search, Qt.Key.Key_E, CTRL)  # Ctrl+E would move to the end of the line
    assert not win.english_action.isChecked(), "Ctrl+E was swallowed by the search box"
    qtbot.keyClick(search, Qt.Key.Key_E, CTRL)
    assert win.english_action.isChecked()
    # Ctrl+Z undoes the last tidy-up decision, not the typing in the search box.
    panel = win.aids.tidy_ups
    first = panel.tidy_ups[0]
    panel.select(first.key)
    panel.accept_action.trigger()
    assert panel.review.decision(first.key) == "accepted"
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_Z, CTRL)
    assert panel.review.decision(first.key) is None, "Ctrl+Z was swallowed by the search box"
    assert search.text() == "Trump"


def test_escape_in_search_clears_it_and_returns_to_the_text(app_window, qtbot) -> None:
    win = app_window
    _activate(qtbot, win)
    qtbot.keyClick(win, Qt.Key.Key_F, CTRL)
    qtbot.waitUntil(win.sidebar.search.hasFocus)
    qtbot.keyClicks(win.sidebar.search, "qwertyuiop")  # nothing matches: nothing selected
    qtbot.waitUntil(lambda: win.sidebar.list.count() == 0)
    qtbot.keyClick(win.sidebar.search, Qt.Key.Key_Escape)
    assert win.sidebar.search.text() == ""
    assert win.sidebar.list.count() == 2
    assert win.sidebar.current_id() == win.article.id  # the open article stays selected
    qtbot.waitUntil(win.view.hasFocus)


def test_a_search_without_hits_says_so(app_window, qtbot) -> None:
    sidebar = app_window.sidebar
    qtbot.keyClicks(sidebar.search, "qwertyuiop")
    qtbot.waitUntil(lambda: sidebar.empty.isVisible())
    assert sidebar.list.count() == 0
    assert "No article matches “qwertyuiop”" in sidebar.empty.text()


# Commands that open a dialog or end the app: the dialog (or the exit) is their feedback.
DIALOG_COMMANDS = {"&Import article…", "&Quit", "Translation &model…", "&Remove article…",
                   "Export annotated &PDF…", "Export notes as &Markdown…",
                   "Export notes as &JSON…", "Export bilingual text as Markdown…",
                   "Import notes from JSON…", "&Worksheet and answer key…", "&Compare with…",
                   "Highlight with a note…", "&Presentation mode"}


def test_every_command_gives_visible_feedback(app_window, qtbot) -> None:
    win = app_window
    seen: dict[str, str] = {}
    commands = [action for menu in win.menuBar().actions() if menu.menu() is not None
                for action in menu.menu().actions()]
    for action in commands:
        if action.text() in DIALOG_COMMANDS or action.isSeparator() or action.menu():
            continue
        win.statusBar().clearMessage()
        action.trigger()
        message = win.statusBar().currentMessage()
        print(f"{action.text()!r}: {message!r}")
        assert message, f"{action.text()} gave no feedback"
        seen[action.text()] = message
        if action.isCheckable():
            action.trigger()  # put it back
    # the commands the issue names, with their specific answers
    assert "No translation model" in seen["&Retranslate sentence"]
    assert {"Zoom &in", "Next tidy-up", "&Accept tidy-up", "&Undo tidy-up decision"} <= set(seen)


def test_zoom_stops_at_readable_sizes(window, qtbot) -> None:
    for _ in range(30):
        window.zoom(-1)
    font = window.view.document().defaultFont()
    assert font.pointSize() >= 10
    assert "smallest readable size" in window.statusBar().currentMessage()
    for _ in range(30):
        window.zoom(1)
    assert window.view.document().defaultFont().pointSize() <= 24


def test_stored_zoom_outside_the_limits_is_clamped(prefs) -> None:
    prefs.set("zoom", -6)
    assert prefs.get("zoom") == -2


@pytest.mark.slow
def test_ctrl_r_says_what_happened_and_why_not(translating_window, qtbot) -> None:
    win = translating_window
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        with qtbot.waitSignal(win.sentences_ready, timeout=30000):
            win.sidebar.select("000_757345bfb182a35d")
    _activate(qtbot, win)
    win.view.set_current(-1, scroll=False)
    qtbot.keyClick(win, Qt.Key.Key_R, CTRL)
    assert "Click a sentence" in win.statusBar().currentMessage()
    win.view.set_current(1, scroll=False)
    with qtbot.waitSignal(win.translation.sentence_translated, timeout=60000):
        qtbot.keyClick(win, Qt.Key.Key_R, CTRL)
        assert win.statusBar().currentMessage() == "Retranslating sentence 2…"
    qtbot.waitUntil(lambda: "retranslated" in win.statusBar().currentMessage())
    assert win.statusBar().currentMessage().startswith("Sentence 2 retranslated")
    # a hand-edited sentence keeps its English, and the reader is told so
    win.translation.edit(1, "My own English.")
    qtbot.keyClick(win, Qt.Key.Key_R, CTRL)
    assert "keeps your own English" in win.statusBar().currentMessage()
    assert win.translation.english[1].text == "My own English."
