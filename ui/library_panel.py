"""The library sidebar: bundled and imported articles, a full-text search box and the order.

Escape in the search box clears it and hands the keyboard back to the text; a search that
finds nothing says so, with the words searched for.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.storage import Library
from ui.library_sort import DEFAULT_ORDER, SORT_ORDERS, sort_rows


class LibraryPanel(QWidget):
    """Lists the library's articles and filters them with FTS5 search.

    Signals:
        article_chosen(str): the id of the article the user picked.
        search_left(): Escape in the search box: the keyboard should go back to the text.
        order_changed(str): the user chose another order (a key of ``SORT_ORDERS``).
    """

    article_chosen = Signal(str)
    search_left = Signal()
    order_changed = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None,
                 order: str = DEFAULT_ORDER) -> None:
        super().__init__(parent)
        self.library = library
        self.recent: list[str] = []
        self.chosen: str | None = None  # the article picked last, kept across searches
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search articles (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.order = QComboBox(self)
        for key, name in SORT_ORDERS.items():
            self.order.addItem(name, key)
        self.order.setCurrentIndex(max(0, self.order.findData(order)))
        self.order.setToolTip("Order of the articles")
        order_row = QHBoxLayout()
        order_label = QLabel("Sort:", self)
        order_label.setBuddy(self.order)
        order_row.addWidget(order_label)
        order_row.addWidget(self.order, 1)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel("No article matches.", self)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(order_row)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.list.currentItemChanged.connect(self._picked)
        self.order.currentIndexChanged.connect(self._order_chosen)
        self._rows: list[dict[str, Any]] = []
        self._silent = False
        self.refresh()

    def refresh(self) -> None:
        """Reload the list from the library, keeping the current article selected."""
        current = self.chosen or self.current_id()
        query = self.search.text().strip()
        rows = self.library.search(query) if query else self.library.articles()
        self._rows = sort_rows(rows, self.current_order(), self.recent)
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
        if current not in self.ids():
            self.list.setCurrentRow(-1)  # no stand-in: the open article is just not listed
        self._silent = False
        if query:
            self.empty.setText(f"No article matches “{query}”. Esc clears the search.")
        else:
            self.empty.setText("The library is empty: File ▸ Import article… (Ctrl+O).")
        self.empty.setVisible(not self._rows)

    def current_order(self) -> str:
        """The chosen order, a key of ``SORT_ORDERS``."""
        return str(self.order.currentData() or DEFAULT_ORDER)

    def set_recent(self, recent: list[str]) -> None:
        """Article ids, most recently opened first (for the "Recently opened" order)."""
        self.recent = list(recent)  # applied at the next refresh, not under the reader's hand

    def _order_chosen(self) -> None:
        self.refresh()
        self.order_changed.emit(self.current_order())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if (obj is self.search and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            self.search.clear()
            self.refresh()
            self.search_left.emit()
            return True
        return super().eventFilter(obj, event)

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
                self.chosen = article_id
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
            self.chosen = str(item.data(Qt.ItemDataRole.UserRole))
            self.article_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
