"""The entity panel: a colour legend with one toggle per type, and the grouped mentions.

Clicking a group jumps to its next mention in the text, cycling through all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.analysis.model import EntityGroup
from ui.theme import ENTITY_LABELS, ENTITY_NAMES, Theme


def swatch(colour: QColor, size: int = 12) -> QIcon:
    """A small square icon of one colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return QIcon(pixmap)


class EntityPanel(QWidget):
    """Legend, per-type toggles and the list of entity groups.

    Signals:
        hidden_labels_changed(object): the set of entity labels whose highlight is off.
        mention_chosen(int, int): source range of the mention to show.
    """

    hidden_labels_changed = Signal(object)
    mention_chosen = Signal(int, int)

    def __init__(self, theme: Theme, hidden: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.groups: list[EntityGroup] = []
        self._cursor: dict[int, int] = {}
        title = QLabel("Entities", self)
        title.setStyleSheet("font-weight: 600;")
        legend = QGridLayout()
        self.toggles: dict[str, QCheckBox] = {}
        for i, label in enumerate(ENTITY_LABELS):
            box = QCheckBox(ENTITY_NAMES[label], self)
            box.setChecked(label not in hidden)
            box.setIcon(swatch(theme.entity(label)))
            box.toggled.connect(self._toggled)
            legend.addWidget(box, i // 2, i % 2)
            self.toggles[label] = box
        self.list = QListWidget(self)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.empty = QLabel("Entities appear once the article is analysed.", self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addLayout(legend)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)

    def hidden_labels(self) -> set[str]:
        return {label for label, box in self.toggles.items() if not box.isChecked()}

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for label, box in self.toggles.items():
            box.setIcon(swatch(theme.entity(label)))
        self.set_groups(self.groups)

    def set_analysing(self) -> None:
        """The analysis is running: no list yet, and no claim that there is nothing."""
        self.groups = []
        self.list.clear()
        self.empty.setText("Finding names… (the article is being analysed)")
        self.empty.show()

    def set_groups(self, groups: Sequence[EntityGroup]) -> None:
        """Show groups, most mentioned first."""
        self.groups = sorted(groups, key=lambda g: (-g.count, g.name.lower()))
        self._cursor = {}
        self.list.clear()
        hidden = self.hidden_labels()
        for group in self.groups:
            item = QListWidgetItem(swatch(self.theme.entity(group.label)),
                                   f"{group.name}  ×{group.count}")
            item.setData(Qt.ItemDataRole.UserRole, group.id)
            variants = sorted({m.text for m in group.mentions})
            item.setToolTip(f"{ENTITY_NAMES.get(group.label, group.label)}: "
                            + " / ".join(variants))
            item.setHidden(group.label in hidden)
            self.list.addItem(item)
        self.empty.setVisible(not self.groups)
        if not self.groups:
            self.empty.setText("No entities found.")

    def group_item(self, name: str) -> QListWidgetItem | None:
        """The list item of the group with this display name."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.text().rsplit("  ×", 1)[0] == name:
                return item
        return None

    def _toggled(self) -> None:
        hidden = self.hidden_labels()
        for i, group in enumerate(self.groups):
            self.list.item(i).setHidden(group.label in hidden)
        self.hidden_labels_changed.emit(hidden)

    def _clicked(self, item: QListWidgetItem) -> None:
        group_id = int(item.data(Qt.ItemDataRole.UserRole))
        group = next((g for g in self.groups if g.id == group_id), None)
        if group is None or not group.mentions:
            return
        mentions = sorted(group.mentions, key=lambda m: m.start)
        index = self._cursor.get(group_id, -1) + 1
        if index >= len(mentions):
            index = 0
        self._cursor[group_id] = index
        mention = mentions[index]
        self.mention_chosen.emit(mention.start, mention.end)
