"""Two articles on one event, compared side by side, with a one-page PDF to hand out.

Entry point: View ▸ Compare with… picks the second article; the open one is on the left.
Both sessions are loaded and analysed in the background; the dialog then lists, section by
section, what both articles share and what only one of them gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

SECTIONS = (("entities", "Who and what is named"), ("speakers", "Who is quoted"),
            ("sources", "On whose word (sources)"), ("dates", "Dates"), ("figures", "Figures"))


def _label(section: str, item: dict[str, Any]) -> str:
    if section == "entities":
        return f"{item['name']} ({item['label']}, ×{item['count']})"
    if section == "speakers":
        return f"{item['name']} ({item['kind']}, {item['quotes']} quotes, {item['words']} words)"
    if section == "sources":
        return f"{item['name']} ({item['kind']}, ×{item['citations']})"
    if section == "dates":
        return ", ".join(item["texts"])
    return str(item["text"])


class CompareDialog(QDialog):
    """Shows a :class:`reader.compare.Comparison` in three columns: both, left only, right
    only."""

    def __init__(self, left: Any, right: Any, comparison: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left, self.right, self.comparison = left, right, comparison
        data = comparison.to_json()
        self.setWindowTitle("Two articles compared")
        self.resize(980, 640)
        heading = QLabel(f"Left: {comparison.left_title}\nRight: {comparison.right_title}",
                         self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["In both", "Only in the left article",
                                   "Only in the right article"])
        self.tree.setWordWrap(True)
        for key, title in SECTIONS:
            part = data[key]
            top = QTreeWidgetItem([f"{title}: {len(part['both'])} shared",
                                   str(len(part["only_left"])), str(len(part["only_right"]))])
            self.tree.addTopLevelItem(top)
            rows = max(len(part["both"]), len(part["only_left"]), len(part["only_right"]))
            for i in range(rows):
                cells = [
                    _label(key, part["both"][i]["left"]) if i < len(part["both"]) else "",
                    _label(key, part["only_left"][i]) if i < len(part["only_left"]) else "",
                    _label(key, part["only_right"][i]) if i < len(part["only_right"]) else "",
                ]
                top.addChild(QTreeWidgetItem(cells))
            top.setExpanded(True)
        for column in range(3):
            self.tree.setColumnWidth(column, 310)
        self.export_button = QPushButton("Export one-page PDF…", self)
        self.export_button.clicked.connect(self.choose_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.status = QLabel(self)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export the comparison",
                                              str(Path.home() / "comparison.pdf"),
                                              "PDF (*.pdf)")
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Write the one-page comparison PDF (small: done at once)."""
        from reader.export.compare_pdf import export_comparison
        from reader.export.files import ExportError

        try:
            written = export_comparison(self.left, self.right, self.comparison, path)
        except ExportError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(f"Exported to {written}.")
