"""The note dialog: colour, a multi-line note and free tags for one highlight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reader.annotations import COLOURS


def colour_icon(name: str, size: int = 14) -> QIcon:
    """A small square of a highlight colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(COLOURS[name]))
    return QIcon(pixmap)


class NoteDialog(QDialog):
    """Edits what the reader adds to a highlight."""

    def __init__(self, quote: str, colour: str, note: str = "", tags: tuple[str, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.resize(480, 300)
        shown = quote if len(quote) <= 300 else quote[:297] + "…"
        self.quote = QLabel(f"“{shown}”", self)
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setWordWrap(True)
        self.colour = QComboBox(self)
        for i, name in enumerate(COLOURS, start=1):
            self.colour.addItem(colour_icon(name), f"{i} · {name}", name)
        self.colour.setCurrentIndex(list(COLOURS).index(colour))
        self.note = QPlainTextEdit(note, self)
        self.note.setPlaceholderText("Your note (several lines are fine)")
        self.tags = QLineEdit(", ".join(tags), self)
        self.tags.setPlaceholderText("tags, separated by commas")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.quote)
        form.addRow("Colour", self.colour)
        form.addRow("Note", self.note)
        form.addRow("Tags", self.tags)
        form.addRow(buttons)
        self.note.setFocus()

    def values(self) -> tuple[str, str, list[str]]:
        """(colour, note, tags) as entered."""
        return (str(self.colour.currentData()), self.note.toPlainText().strip(),
                self.tags.text().split(","))
