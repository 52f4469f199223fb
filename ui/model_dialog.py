"""The "Translation model" dialog: which model is installed, its size and origin, and the
two ways to get one (download through the Argos index, or install a .argosmodel file)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout


class ModelDialog(QDialog):
    """Shows the translation controller's model state and offers its actions."""

    def __init__(self, controller: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Translation model")
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.download = QPushButton("Download French→English model", self)
        self.install = QPushButton("Install from file…", self)
        self.download.clicked.connect(self._download)
        self.install.clicked.connect(self._install)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.download)
        layout.addWidget(self.install)
        layout.addWidget(close)
        controller.model_changed.connect(lambda _m: self.refresh())
        self.refresh()

    def _download(self) -> None:
        self.controller.download()
        self.accept()

    def _install(self) -> None:
        self.controller.choose_model_file()
        self.refresh()

    def refresh(self) -> None:
        model = self.controller.model
        if model is None:
            self.state.setText(
                "No translation model is installed.\n\nThe English column stays empty "
                "until one is. Download the French→English package (about 66 MB) or "
                "install a .argosmodel file you already have.")
        else:
            self.state.setText(
                f"Installed: {model.pair_name}\nPackage: {model.id}\n"
                f"Size: {model.size_bytes / 1_048_576:.1f} MB\nOrigin: {model.origin}\n"
                f"Folder: {model.path}")
