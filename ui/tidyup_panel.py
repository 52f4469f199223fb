"""The tidy-up review panel: every suggested repair, grouped by class, to accept or reject.

Nothing is changed silently: each suggestion shows the original, the proposed text and a
one-line reason. Accept or reject one, accept all of a class, undo the last decision. The
panel works on a :class:`reader.analysis.review.Review`, which stores every decision.

Many typography repairs change only whitespace (a no-break space before « or :), which looks
the same on both sides of the arrow. Such changes are shown with visible marks for the
invisible characters (:data:`INVISIBLE_MARKS`), with a legend under the reason.

The commands (accept, reject, accept class, undo) are actions with window-wide shortcuts, so
they work while the panel is hidden; each says what it did, or why it did nothing, through
the ``message`` signal.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
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
INVISIBLE_MARKS = {
    " ": ("⎵", "space"),
    "\u00a0": ("·", "no-break space"),
    "\u202f": ("⍽", "narrow no-break space"),
    "\u2009": ("ᵗ", "thin space"),
    "\t": ("⇥", "tab"),
}
_SPECIAL_SPACES = re.compile("[\u00a0\u202f\u2009\t]")


def whitespace_matters(original: str, replacement: str | None) -> bool:
    """True if a change cannot be seen without showing its whitespace: it involves a space
    other than the plain one, or the two sides differ only in whitespace."""
    if replacement is None:
        return bool(_SPECIAL_SPACES.search(original))
    if _SPECIAL_SPACES.search(original) or _SPECIAL_SPACES.search(replacement):
        return True
    return re.sub(r"\s", "", original) == re.sub(r"\s", "", replacement)


def show_invisible(text: str, plain_spaces: bool = True) -> str:
    """``text`` with its invisible characters drawn (ordinary spaces too if asked)."""
    return "".join(INVISIBLE_MARKS[ch][0] if ch in INVISIBLE_MARKS
                   and (plain_spaces or ch != " ") else ch for ch in text)


def invisible_legend(*texts: str) -> str:
    """"· no-break space, ⎵ space" for the invisible characters that occur in ``texts``."""
    present = [f"{mark} {name}" for ch, (mark, name) in INVISIBLE_MARKS.items()
               if any(ch in t for t in texts)]
    return ", ".join(present)


def describe_change(t: TidyUp) -> str:
    """One line: the original and what it becomes, with whitespace shown when it matters."""
    shown = show_invisible if whitespace_matters(t.original, t.replacement) else str
    if t.replacement is None:
        return f"“{shown(t.original.strip())}” (flagged, not changed)"
    if not t.replacement:
        return f"“{shown(t.original.strip())}” → remove"
    return f"“{shown(t.original)}” → “{shown(t.replacement)}”"


def reason_text(t: TidyUp) -> str:
    """The reason of a tidy-up, with a legend of the marks its change is shown with."""
    reason = show_invisible(t.reason, plain_spaces=False)
    if whitespace_matters(t.original, t.replacement):
        legend = invisible_legend(t.original, t.replacement or "")
        if legend:
            reason += f"\nShown: {legend}."
    return reason


class TidyUpPanel(QWidget):
    """Review of tidy-up suggestions.

    Signals:
        decisions_changed(): a suggestion was accepted, rejected or a decision undone.
        tidy_up_chosen(int, int): source range of the suggestion to show.
        inline_toggled(bool): show tidy-ups inline (original struck out) or not.
        message(str): what a command did, or why it did nothing (for the status bar).
    """

    decisions_changed = Signal()
    tidy_up_chosen = Signal(int, int)
    inline_toggled = Signal(bool)
    message = Signal(str)

    def __init__(self, inline: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: Any = None
        self.tidy_ups: list[TidyUp] = []
        self.heading = title = QLabel("Tidy-ups", self)
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
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.accept_action = self._command("&Accept tidy-up", "Ctrl+Return",
                                           lambda: self._decide("accept"))
        self.reject_action = self._command("Re&ject tidy-up", "Ctrl+Backspace",
                                           lambda: self._decide("reject"))
        self.accept_class_action = self._command("Accept all of &class", "",
                                                 self._accept_class)
        self.undo_action = self._command("&Undo tidy-up decision", "Ctrl+Z", self._undo)
        self.commands = [self.accept_action, self.reject_action, self.accept_class_action,
                         self.undo_action]
        self.accept_button = QPushButton("Accept", self)
        self.reject_button = QPushButton("Reject", self)
        self.accept_class_button = QPushButton("Accept all of class", self)
        self.undo_button = QPushButton("Undo", self)
        for button, action in zip((self.accept_button, self.reject_button,
                                   self.accept_class_button, self.undo_button),
                                  self.commands, strict=True):
            button.clicked.connect(action.trigger)
            if action.shortcut().toString():
                button.setToolTip(action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText))
        buttons = QGridLayout()  # two rows, so the panel can be narrow on a small screen
        for i, b in enumerate((self.accept_button, self.reject_button,
                               self.accept_class_button, self.undo_button)):
            buttons.addWidget(b, i // 2, i % 2)
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

    def _command(self, text: str, shortcut: str, slot: Any) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def set_review(self, review: Any, tidy_ups: list[TidyUp]) -> None:
        """Show the suggestions of one article and their stored decisions."""
        same_article = (review is not None and self.review is not None
                        and getattr(review, "article_id", None) == self.review.article_id)
        self.review = review
        self.tidy_ups = sorted(tidy_ups, key=lambda t: (t.start, t.end))
        if not same_article:  # keys are offsets: they mean nothing in another article
            self.tree.clearSelection()
        self.refresh()
        self._show_reason(self.current_key())

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
                child = QTreeWidgetItem([f"{STATE_MARKS[state]} {describe_change(t)}"])
                child.setToolTip(0, reason_text(t))
                child.setData(0, Qt.ItemDataRole.UserRole, ("tidy", t.key))
                top.addChild(child)
                if t.key == current:
                    self.tree.setCurrentItem(child)
            top.setExpanded(True)
        self._update_buttons()

    def decision(self, tidy_up: TidyUp) -> str | None:
        return None if self.review is None else self.review.decision(tidy_up.key)

    def _selected(self) -> QTreeWidgetItem | None:
        # The selection, not the tree's current item: a tree keeps a current item (the
        # keyboard focus row) with nothing selected, and nothing selected means no target.
        items = self.tree.selectedItems()
        return items[0] if items else None

    def current_key(self) -> str | None:
        item = self._selected()
        if item is None:
            return None
        kind, value = item.data(0, Qt.ItemDataRole.UserRole)
        return value if kind == "tidy" else None

    def current_class(self) -> str | None:
        item = self._selected()
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
        if t is not None:
            self.reason.setText(reason_text(t))
        elif self.review is not None and not self.tidy_ups:
            self.reason.setText("No tidy-ups in this article.")
        else:
            self.reason.setText("")

    def _selection_changed(self) -> None:
        self._show_reason(self.current_key())
        self._update_buttons()

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
        t = next((t for t in self.tidy_ups if t.key == key), None)
        if t is None or self.review is None:
            self.message.emit(self._nothing_selected())
            return
        self._saved(lambda: getattr(self.review, action)(t.key),
                    f"{'Accepted' if action == 'accept' else 'Rejected'}: "
                    f"{describe_change(t)}. Ctrl+Z undoes it.")

    def _nothing_selected(self) -> str:
        if self.review is None:
            return "The tidy-ups are not known yet (the article is being analysed)."
        if not self.tidy_ups:
            return "This article has no tidy-ups."
        return "Select a tidy-up first (F8 goes to the next one)."

    def _accept_class(self) -> None:
        cls = self.current_class()
        if cls is None or self.review is None:
            self.message.emit(self._nothing_selected())
            return
        self._saved(lambda: self.review.accept_class(cls),
                    f"Accepted every tidy-up of the class “{CLASS_NAMES.get(cls, cls)}”.")

    def _undo(self) -> None:
        if self.review is None or not self.review.can_undo():
            self.message.emit("No tidy-up decision to undo.")
            return
        self._saved(self.review.undo, "Undid the last tidy-up decision.")

    def _saved(self, change: Any, done: str) -> None:
        """Make a decision; a library that cannot save (read-only, full disk) says so here
        and nothing changes."""
        from reader.storage import StorageError

        try:
            change()
        except StorageError as exc:
            self.reason.setText(f"Not changed: {exc}")
            return
        self._after_change()
        self.message.emit(done)

    def _after_change(self) -> None:
        self.refresh()
        self.decisions_changed.emit()
