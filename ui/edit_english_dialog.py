"""The Edit English dialog: the French sentence above a wrapping editor for the reader's English."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class EditEnglishDialog(QDialog):
    """Shows the French (read-only) and lets the reader write the English."""

    def __init__(self, french: str, english: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit English")
        self.resize(560, 320)
        self.french = QLabel(french, self)
        self.french.setTextFormat(Qt.TextFormat.PlainText)
        self.french.setWordWrap(True)
        self.french.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = QPlainTextEdit(english, self)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("French:", self))
        layout.addWidget(self.french)
        layout.addWidget(QLabel("Your English (the translator will never overwrite it):", self))
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.editor.setFocus()

    def english(self) -> str:
        """The text typed, trimmed."""
        return self.editor.toPlainText().strip()


def ask_english(parent: QWidget, french: str, english: str) -> str:
    """Ask for the reader's English; empty when cancelled."""
    dialog = EditEnglishDialog(french, english, parent)
    return dialog.english() if dialog.exec() == QDialog.DialogCode.Accepted else ""
