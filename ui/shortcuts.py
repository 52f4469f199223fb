"""Keyboard shortcuts that work whatever has focus, and the list of them the README shows.

A focused text box (the library search, a panel's line edit) normally claims every key it
knows how to edit with: Ctrl+Z undoes typing, Ctrl+E moves to the end of the line on X11.
That silently disabled the window's own commands whenever the search box had focus. The
:class:`ShortcutGuard` gives the window's actions priority over a text box's editing keys,
in that window only (dialogs keep their normal keys).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def bound_shortcuts(window: QWidget) -> dict[str, QAction]:
    """Every shortcut an action of the window (or of a widget inside it) is bound to,
    as portable text (``Ctrl+Shift+D``), mapped to its action."""
    found: dict[str, QAction] = {}
    actions = [*window.actions(), *window.findChildren(QAction)]
    for action in actions:
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text:
                found.setdefault(text, action)
    return found


def _sequence_of(event: QKeyEvent) -> str:
    combination = event.keyCombination()
    return QKeySequence(combination).toString(QKeySequence.SequenceFormat.PortableText)


class ShortcutGuard(QObject):
    """Lets the window's shortcuts win over a focused text box's editing keys."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(obj, QWidget):
            return False
        if obj.window() is not self.window or not isinstance(event, QKeyEvent):
            return False
        action = bound_shortcuts(self.window).get(_sequence_of(event))
        if action is None or not action.isEnabled():
            return False
        if action.shortcutContext() not in (Qt.ShortcutContext.WindowShortcut,
                                            Qt.ShortcutContext.ApplicationShortcut):
            return False  # bound to one widget: that widget decides
        # Not accepting the override makes Qt try its shortcut map, so the action fires.
        event.ignore()
        return True
