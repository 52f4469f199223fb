"""The worksheet dialog: the generated questions, to edit, drop, reorder or add before export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.worksheet import Question


class WorksheetDialog(QDialog):
    """Edits a list of :class:`Question` in place; :meth:`questions` returns the result."""

    def __init__(self, questions: list[Question], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Worksheet questions")
        self.resize(760, 520)
        self._questions = [Question(q.kind, q.prompt, list(q.answer), q.lines, q.table)
                           for q in questions]
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.prompt = QPlainTextEdit(self)
        self.prompt.setPlaceholderText("The question the students read")
        self.answer = QPlainTextEdit(self)
        self.answer.setPlaceholderText("The answer for the key (one item a line)")
        self.lines = QSpinBox(self)
        self.lines.setRange(0, 40)
        self.lines.setSuffix(" lines to write on")
        add = QPushButton("Add a question", self)
        self.remove = QPushButton("Drop", self)
        up = QPushButton("Up", self)
        down = QPushButton("Down", self)
        add.clicked.connect(self.add_question)
        self.remove.clicked.connect(self.drop_question)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        self.list.currentRowChanged.connect(self._show)
        self.prompt.textChanged.connect(self._store)
        self.answer.textChanged.connect(self._store)
        self.lines.valueChanged.connect(self._store)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export worksheet and key…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (add, self.remove, up, down):
            row.addWidget(b)
        editor = QVBoxLayout()
        editor.addWidget(QLabel("Question", self))
        editor.addWidget(self.prompt, 2)
        editor.addWidget(QLabel("Answer (answer key only)", self))
        editor.addWidget(self.answer, 2)
        editor.addWidget(self.lines)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(editor, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._loading = False
        self._refill(0)

    def questions(self) -> list[Question]:
        """The questions as edited (empty prompts dropped)."""
        return [q for q in self._questions if q.prompt.strip()]

    def _refill(self, row: int) -> None:
        self.list.clear()
        for i, q in enumerate(self._questions, start=1):
            item = QListWidgetItem(f"{i}. {q.prompt[:90]}")
            item.setData(Qt.ItemDataRole.UserRole, i - 1)
            self.list.addItem(item)
        if self._questions:
            self.list.setCurrentRow(max(0, min(row, len(self._questions) - 1)))
        else:
            self._show(-1)
        self.remove.setEnabled(bool(self._questions))

    def _show(self, row: int) -> None:
        self._loading = True
        q = self._questions[row] if 0 <= row < len(self._questions) else None
        self.prompt.setPlainText(q.prompt if q else "")
        self.answer.setPlainText("\n".join(q.answer) if q else "")
        self.lines.setValue(q.lines if q else 3)
        for w in (self.prompt, self.answer, self.lines):
            w.setEnabled(q is not None)
        self._loading = False

    def _store(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self._questions):
            return
        q = self._questions[row]
        q.prompt = self.prompt.toPlainText().strip()
        q.answer = [a for a in self.answer.toPlainText().splitlines() if a.strip()]
        q.lines = self.lines.value()
        item = self.list.item(row)
        if item is not None:
            item.setText(f"{row + 1}. {q.prompt[:90]}")

    def add_question(self) -> None:
        """A new free question at the end, ready to type."""
        self._questions.append(Question("free", "New question", [], 3))
        self._refill(len(self._questions) - 1)
        self.prompt.setFocus()
        self.prompt.selectAll()

    def drop_question(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._questions):
            del self._questions[row]
            self._refill(row)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        new = row + step
        if 0 <= row < len(self._questions) and 0 <= new < len(self._questions):
            qs = self._questions
            qs[row], qs[new] = qs[new], qs[row]
            self._refill(new)
