"""The library sidebar: bundled and imported articles, with a full-text search box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from reader.storage import Library


class LibraryPanel(QWidget):
    """Lists the library's articles and filters them with FTS5 search.

    Signals:
        article_chosen(str): the id of the article the user picked.
    """

    article_chosen = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search articles (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel("No article matches.", self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.list.currentItemChanged.connect(self._picked)
        self._rows: list[dict[str, Any]] = []
        self._silent = False
        self.refresh()

    def refresh(self) -> None:
        """Reload the list from the library, keeping the current article selected."""
        current = self.current_id()
        query = self.search.text().strip()
        self._rows = self.library.search(query) if query else self.library.articles()
        notes = self._note_counts()
        self._silent = True
        self.list.clear()
        for row in self._rows:
            date = f"{row['date']} · " if row["date"] else ""
            count = notes.get(row["id"], 0)
            noted = f" · {count} note{'s' if count != 1 else ''}" if count else ""
            item = QListWidgetItem(f"{row['title']}\n{date}{row['word_count']} words{noted}")
            item.setData(Qt.ItemDataRole.UserRole, row["id"])
            item.setToolTip(row["origin"] or row["id"])
            self.list.addItem(item)
            if row["id"] == current:
                self.list.setCurrentItem(item)
        self._silent = False
        self.empty.setVisible(not self._rows)

    def _note_counts(self) -> dict[str, int]:
        import sqlite3

        from reader.annotations import AnnotationStore

        try:
            return AnnotationStore(self.library).counts()
        except sqlite3.Error:  # a count is never worth failing the list for
            return {}

    def ids(self) -> list[str]:
        """Article ids in list order."""
        return [r["id"] for r in self._rows]

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def select(self, article_id: str, emit: bool = True) -> bool:
        """Select an article by id; returns False if it is not listed."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == article_id:
                self._silent = not emit
                self.list.setCurrentItem(item)
                self._silent = False
                return True
        return False

    def step(self, delta: int) -> None:
        """Move to the next (+1) or previous (-1) article."""
        count = self.list.count()
        if count:
            row = self.list.currentRow()
            self.list.setCurrentRow(max(0, min(count - 1, row + delta if row >= 0 else 0)))

    def _picked(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None and not self._silent:
            self.article_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
