"""The Edit English dialog: the French sentence above a wrapping editor for the reader's own
English, sized for a sentence rather than a one-line box.

The French is shown as plain text (never markup). OK stays disabled while the English is
empty, so a slip cannot replace a translation with nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class EditEnglishDialog(QDialog):
    """Shows ``french`` and lets the reader write the English for it."""

    def __init__(self, french: str, english: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit English")
        self.french = QLabel(french, self)
        self.french.setTextFormat(Qt.TextFormat.PlainText)
        self.french.setWordWrap(True)
        self.french.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.french.setFrameShape(QFrame.Shape.StyledPanel)
        self.french.setMargin(8)
        self.editor = QPlainTextEdit(self)
        self.editor.setPlainText(english)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTabChangesFocus(True)
        english_label = QLabel("Your &English for this sentence:", self)
        english_label.setBuddy(self.editor)
        note = QLabel("The translator will not overwrite your English. Ctrl+Return saves.",
                      self)
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save = QShortcut(QKeySequence("Ctrl+Return"), self)
        save.activated.connect(self._save_if_possible)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("French:", self))
        layout.addWidget(self.french)
        layout.addWidget(english_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumSize(460, 300)
        self.resize(640, 380)
        self.editor.setFocus()
        self.editor.selectAll()

    def english(self) -> str:
        return self.editor.toPlainText().strip()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.english()))

    def _save_if_possible(self) -> None:
        if self.english():
            self.accept()


def ask_english(parent: QWidget | None, french: str, english: str) -> str | None:
    """The reader's English for a sentence, or None if they cancelled."""
    dialog = EditEnglishDialog(french, english, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.english():
        return dialog.english()
    return None
