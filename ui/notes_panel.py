"""The notes panel: every highlight and note of the article, or of the whole library.

Each row shows the colour, the highlighted words, the note and the tags, and warns when the
English under an English highlight has changed. Filter by colour or tag, search the text of
notes (accent-insensitive, by prefix), or tick "All articles" to search the library. Clicking
a row jumps to it; Edit and Delete act on the selected row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.annotations import COLOURS, Annotation
from ui.note_dialog import colour_icon


class NotesPanel(QWidget):
    """Lists annotations.

    Signals:
        annotation_chosen(object): an Annotation of the open article to show.
        other_article_chosen(str, int): (article id, annotation id) of a library-wide hit.
        edit_requested(int): the id of the annotation to edit.
        delete_requested(int): the id of the annotation to delete.
    """

    annotation_chosen = Signal(object)
    other_article_chosen = Signal(str, int)
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Any = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search notes")
        self.search.setClearButtonEnabled(True)
        self.everywhere = QCheckBox("All articles", self)
        self.colour = QComboBox(self)
        self.colour.addItem("All colours", "")
        for name in COLOURS:
            self.colour.addItem(colour_icon(name), name, name)
        self.tag = QComboBox(self)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete", self)
        filters = QHBoxLayout()
        filters.addWidget(self.colour)
        filters.addWidget(self.tag, 1)
        head = QHBoxLayout()
        head.addWidget(self.search, 1)
        head.addWidget(self.everywhere)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.everywhere.toggled.connect(self.refresh)
        self.colour.currentIndexChanged.connect(self.refresh)
        self.tag.currentIndexChanged.connect(self.refresh)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.refresh()

    def set_session(self, session: Any) -> None:
        """Show the annotations of this session (None: no article open)."""
        self.session = session
        self.refresh()

    def _tags_of(self, annotations: list[Annotation]) -> list[str]:
        return sorted({t for a in annotations for t in a.tags}, key=str.lower)

    def _matching(self) -> list[Annotation]:
        session = self.session
        query = self.search.text().strip()
        if self.everywhere.isChecked() and session is not None:
            found = session.notes.search(query) if query else []
        elif session is None:
            return []
        elif query:
            found = session.notes.search(query, session.article.id)
        else:
            found = list(session.annotations)
        colour, tag = self.colour.currentData(), self.tag.currentData()
        return [a for a in found if (not colour or a.colour == colour)
                and (not tag or tag in a.tags)]

    def refresh(self) -> None:
        """Reload the list (after any change)."""
        current = self.current_id()
        session = self.session
        all_tags = self._tags_of(session.annotations) if session is not None else []
        chosen_tag = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All tags", "")
        for tag in all_tags:
            self.tag.addItem(f"#{tag}", tag)
        if chosen_tag in all_tags:
            self.tag.setCurrentIndex(all_tags.index(chosen_tag) + 1)
        self.tag.blockSignals(False)
        self.list.clear()
        titles: dict[str, str] = {}
        for a in self._matching():
            item = QListWidgetItem(colour_icon(a.colour), self._label(a, titles))
            item.setData(Qt.ItemDataRole.UserRole, (a.article_id, a.id))
            item.setToolTip(a.note or a.quote)
            self.list.addItem(item)
            if a.id == current:
                self.list.setCurrentItem(item)
        self.empty.setText(self._empty_text())
        self.empty.setVisible(self.list.count() == 0)
        self._update_buttons()

    def _label(self, a: Annotation, titles: dict[str, str]) -> str:
        quote = a.quote if len(a.quote) <= 120 else a.quote[:117] + "…"
        lines = [f"“{quote}”" + ("  (English)" if a.side == "en" else "")]
        if a.note:
            lines.append(a.note)
        if a.tags:
            lines.append(" ".join(f"#{t}" for t in a.tags))
        session = self.session
        if session is not None and a.article_id != session.article.id:
            if a.article_id not in titles:
                try:
                    titles[a.article_id] = session.library.article(a.article_id).title
                except KeyError:
                    titles[a.article_id] = a.article_id
            lines.insert(0, f"[{titles[a.article_id]}]")
        elif session is not None and a.side == "en":
            anchor = session.english_anchor(a)
            if anchor is None or anchor[1]:
                lines.append("⚠ the English changed since this was highlighted")
        return "\n".join(lines)

    def _empty_text(self) -> str:
        if self.session is None:
            return "No article is open."
        if self.search.text().strip() or self.colour.currentData() or self.tag.currentData():
            return "No note matches."
        return ("No highlights yet. Select text in either column and press 1–5 for a colour, "
                "or right-click for a note.")

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return int(item.data(Qt.ItemDataRole.UserRole)[1])

    def _current_is_local(self) -> bool:
        item = self.list.currentItem()
        return (item is not None and self.session is not None
                and item.data(Qt.ItemDataRole.UserRole)[0] == self.session.article.id)

    def _update_buttons(self) -> None:
        local = self._current_is_local()
        self.edit_button.setEnabled(local)
        self.delete_button.setEnabled(local)

    def _request(self, signal: Any) -> None:
        if self._current_is_local():
            signal.emit(self.current_id())

    def _clicked(self, item: QListWidgetItem) -> None:
        article_id, annotation_id = item.data(Qt.ItemDataRole.UserRole)
        if self.session is not None and article_id == self.session.article.id:
            annotation = self.session.annotation(annotation_id)
            if annotation is not None:
                self.annotation_chosen.emit(annotation)
        else:
            self.other_article_chosen.emit(article_id, annotation_id)
