"""The tidy-up review panel: every suggested repair, grouped by class, to accept or reject.

Nothing is changed silently: each suggestion shows the original, the proposed text and a
one-line reason. Accept or reject one, accept all of a class, undo the last decision. The
panel works on a :class:`reader.analysis.review.Review`, which stores every decision.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import TIDY_UP_CLASS_NAMES, TIDY_UP_CLASSES, TidyUp

CLASS_NAMES = TIDY_UP_CLASS_NAMES
STATE_MARKS = {"accepted": "✓", "rejected": "✗", None: "•"}


class TidyUpPanel(QWidget):
    """Review of tidy-up suggestions.

    Signals:
        decisions_changed(): a suggestion was accepted, rejected or a decision undone.
        tidy_up_chosen(int, int): source range of the suggestion to show.
        inline_toggled(bool): show tidy-ups inline (original struck out) or not.
    """

    decisions_changed = Signal()
    tidy_up_chosen = Signal(int, int)
    inline_toggled = Signal(bool)

    def __init__(self, inline: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Any = None
        self.tidy_ups: list[TidyUp] = []
        title = QLabel("Tidy-ups", self)
        title.setStyleSheet("font-weight: 600;")
        self.inline = QCheckBox("Show inline", self)
        self.inline.setChecked(inline)
        self.inline.toggled.connect(self.inline_toggled)
        head = QHBoxLayout()
        head.addWidget(title, 1)
        head.addWidget(self.inline)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(self._clicked)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.accept_button = QPushButton("Accept", self)
        self.reject_button = QPushButton("Reject", self)
        self.accept_class_button = QPushButton("Accept all of class", self)
        self.undo_button = QPushButton("Undo", self)
        self.accept_button.setShortcut("Ctrl+Return")
        self.reject_button.setShortcut("Ctrl+Backspace")
        # Ctrl+Z is the window's one undo (decisions and notes share one history).
        self.undo_button.setToolTip("Undo the last decision (Ctrl+Z)")
        self.accept_button.clicked.connect(lambda: self._decide("accept"))
        self.reject_button.clicked.connect(lambda: self._decide("reject"))
        self.accept_class_button.clicked.connect(self._accept_class)
        self.undo_button.clicked.connect(self._undo)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.reject_button, self.accept_class_button,
                  self.undo_button):
            buttons.addWidget(b)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(head)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_review(self, review: Any, tidy_ups: list[TidyUp]) -> None:
        """Show the suggestions of one article and their stored decisions."""
        self.review = review
        self.tidy_ups = sorted(tidy_ups, key=lambda t: (t.start, t.end))
        self.refresh()

    def refresh(self) -> None:
        current = self.current_key()
        self.tree.clear()
        by_class: dict[str, list[TidyUp]] = {}
        for t in self.tidy_ups:
            by_class.setdefault(t.cls, []).append(t)
        for cls in (*TIDY_UP_CLASSES, *sorted(set(by_class) - set(TIDY_UP_CLASSES))):
            items = by_class.get(cls)
            if not items:
                continue
            accepted = sum(1 for t in items if self.decision(t) == "accepted")
            top = QTreeWidgetItem([f"{CLASS_NAMES.get(cls, cls)} — {accepted}/{len(items)}"])
            top.setData(0, Qt.ItemDataRole.UserRole, ("class", cls))
            self.tree.addTopLevelItem(top)
            for t in items:
                state = self.decision(t)
                if t.replacement is None:
                    change = f"“{t.original.strip()}” (flagged, not changed)"
                elif not t.replacement:
                    change = f"“{t.original.strip()}” → remove"
                else:
                    change = f"“{t.original}” → “{t.replacement}”"
                child = QTreeWidgetItem([f"{STATE_MARKS[state]} {change}"])
                child.setToolTip(0, t.reason)
                child.setData(0, Qt.ItemDataRole.UserRole, ("tidy", t.key))
                top.addChild(child)
                if t.key == current:
                    self.tree.setCurrentItem(child)
            top.setExpanded(True)
        self._update_buttons()

    def decision(self, tidy_up: TidyUp) -> str | None:
        return None if self.review is None else self.review.decision(tidy_up.key)

    def current_key(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        return value if kind == "tidy" else None

    def current_class(self) -> str | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind == "class":
            return str(value)
        return next((t.cls for t in self.tidy_ups if t.key == value), None)

    def select(self, key: str) -> bool:
        """Make one suggestion current."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount() if top is not None else 0):
                child = top.child(j) if top is not None else None
                if child is not None and child.data(0, Qt.ItemDataRole.UserRole)[1] == key:
                    self.tree.setCurrentItem(child)
                    self._show_reason(key)
                    return True
        return False

    def _show_reason(self, key: str | None) -> None:
        t = next((t for t in self.tidy_ups if t.key == key), None)
        self.reason.setText("" if t is None else t.reason)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        if kind != "tidy":
            return
        self._show_reason(value)
        t = next((t for t in self.tidy_ups if t.key == value), None)
        if t is not None:
            self.tidy_up_chosen.emit(t.start, t.end)

    def _update_buttons(self) -> None:
        key = self.current_key()
        has_review = self.review is not None
        self.accept_button.setEnabled(has_review and key is not None)
        self.reject_button.setEnabled(has_review and key is not None)
        self.accept_class_button.setEnabled(has_review and self.current_class() is not None)
        self.undo_button.setEnabled(has_review and self.review.can_undo())

    def _decide(self, action: str) -> None:
        key = self.current_key()
        if key is None or self.review is None:
            return
        self._saved(lambda: getattr(self.review, action)(key))

    def _accept_class(self) -> None:
        cls = self.current_class()
        if cls is None or self.review is None:
            return
        self._saved(lambda: self.review.accept_class(cls))

    def _undo(self) -> None:
        if self.review is None:
            return
        self._saved(self.review.undo)

    def _saved(self, change: Any) -> None:
        """Make a decision; a library that cannot save (read-only, full disk) says so here
        and nothing changes."""
        from reader.storage import StorageError

        try:
            change()
        except StorageError as exc:
            self.reason.setText(f"Not changed: {exc}")
            return
        self._after_change()

    def _after_change(self) -> None:
        self.refresh()
        self.decisions_changed.emit()
