"""A dismissable message strip for errors and notices, shown above the reading view.

Messages are plain text (never rich text), so a file name or article text that contains
markup is shown as typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class MessageBar(QFrame):
    """Shows one message at a time with a level: info, warning or error."""

    COLOURS = {"info": "#dcebfa", "warning": "#fff0c2", "error": "#f9d6d5"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.action = QPushButton(self)
        self.action.hide()
        self.action.clicked.connect(self._act)
        self._callback: Callable[[], object] | None = None
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(close)
        self.level = ""
        self.held: list[tuple[str, str]] | None = None
        self.hide()

    def hold(self, holding: bool) -> None:
        """While held (presentation mode), messages wait; on release the last one shows,
        and errors are never lost (they are all shown together)."""
        if holding:
            self.held = self.held or []
            return
        waiting, self.held = self.held or [], None
        if waiting:
            errors = [text for text, level in waiting if level == "error"]
            if errors:
                self.show_message("\n".join(errors), "error")
            else:
                self.show_message(*waiting[-1])

    def show_message(self, text: str, level: str = "info",
                     action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show a message; ``action`` adds a button (label, callback) such as "Open the PDF"."""
        if self.held is not None:
            self.held.append((text, level))
            return
        self.level = level
        self.label.setText(text)
        self._callback = action[1] if action else None
        self.action.setText(action[0] if action else "")
        self.action.setVisible(action is not None)
        self.setStyleSheet(
            f"MessageBar {{ background: {self.COLOURS.get(level, '#eeeeee')}; "
            "border-radius: 4px; } QLabel { color: #1f1d1a; }"
        )
        self.show()

    def _act(self) -> None:
        if self._callback is not None:
            self._callback()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
