"""The "Add glossary entry" dialog: which proper name a mistranslated word stands for.

A glossary entry maps a literal rendering (``je parlerai``) to the name it stands for
(``Parler``). A name identical to the selected text teaches the detector nothing, so the
dialog says so and keeps OK disabled until the name differs. A name differing only in case
is allowed: ``parler`` the verb standing for ``Parler`` the platform is the point.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class GlossaryDialog(QDialog):
    """Asks for the name a selected text stands for."""

    def __init__(self, literal: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.literal = literal
        self.setWindowTitle("Add glossary entry")
        question = QLabel(f"Which proper name does “{literal}” stand for?", self)
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("e.g. the platform or person the words really name")
        self.warning = QLabel(self)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)
        self.warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.name)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()
        self.resize(480, self.sizeHint().height())

    def problem(self) -> str:
        """Why the name cannot be saved, or ''."""
        name = self.name.text().strip()
        if not name:
            return ""
        if name == self.literal.strip():
            return (f"“{name}” is the selected text itself, so the entry would change "
                    "nothing. Type the name these words stand for.")
        return ""

    def _check(self) -> None:
        problem = self.problem()
        self.warning.setText(problem)
        self.warning.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and not problem)


def ask_glossary_name(parent: QWidget | None, literal: str) -> str | None:
    """The name ``literal`` stands for, or None if the reader cancelled."""
    dialog = GlossaryDialog(literal, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and not dialog.problem():
        return dialog.name.text().strip() or None
    return None
