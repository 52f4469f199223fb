"""A dismissable message strip for errors and notices, shown above the reading view.

Messages are plain text (never rich text), so a file name or article text that contains
markup is shown as typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


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
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.level = ""
        self.hide()

    def show_message(self, text: str, level: str = "info") -> None:
        self.level = level
        self.label.setText(text)
        self.setStyleSheet(
            f"MessageBar {{ background: {self.COLOURS.get(level, '#eeeeee')}; "
            "border-radius: 4px; } QLabel { color: #1f1d1a; }"
        )
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
