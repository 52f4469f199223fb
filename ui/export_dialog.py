"""The PDF export options: which layers, which paper, and an "English hidden" class variant.

The choices are remembered between exports (preferences ``export_layers``, ``export_paper``,
``export_english_hidden``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from reader.render import LAYERS

LAYER_NAMES = {
    "entities": "Entity colours, with a legend",
    "highlights": "My highlights",
    "notes": "My notes (numbered, as endnotes)",
    "tidyups": "Tidy-ups (original struck, then the correction)",
    "quotes": "Quotes underlined",
}
PAPERS = {"a4": "A4", "letter": "Letter"}


class ExportDialog(QDialog):
    """Asks how to export the annotated PDF."""

    def __init__(self, prefs: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prefs = prefs
        self.setWindowTitle("Export annotated PDF")
        chosen = set(prefs.get("export_layers"))
        self.layers: dict[str, QCheckBox] = {}
        layer_box = QVBoxLayout()
        for layer in LAYERS:
            if layer not in LAYER_NAMES:
                continue
            box = QCheckBox(LAYER_NAMES[layer], self)
            box.setChecked(layer in chosen)
            self.layers[layer] = box
            layer_box.addWidget(box)
        self.paper = QComboBox(self)
        for key, name in PAPERS.items():
            self.paper.addItem(name, key)
        self.paper.setCurrentIndex(max(0, self.paper.findData(prefs.get("export_paper"))))
        self.english_hidden = QCheckBox("French only (English hidden, for class)", self)
        self.english_hidden.setChecked(bool(prefs.get("export_english_hidden")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Layers", layer_box)
        form.addRow("Paper", self.paper)
        form.addRow("", self.english_hidden)
        form.addRow(buttons)

    def chosen(self) -> tuple[frozenset[str], str, bool]:
        """(layers, paper, English hidden), remembered for next time."""
        layers = frozenset(k for k, box in self.layers.items() if box.isChecked())
        paper = str(self.paper.currentData())
        hidden = self.english_hidden.isChecked()
        self.prefs.set("export_layers", sorted(layers))
        self.prefs.set("export_paper", paper)
        self.prefs.set("export_english_hidden", hidden)
        return layers, paper, hidden
