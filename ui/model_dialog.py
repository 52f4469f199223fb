"""The "Translation model" dialog: every installed package, the one in use, broken ones with
their reason; choose one, remove one, download the French→English package or install a
.argosmodel file.

Choosing stores the choice (:mod:`reader.translation.choice`) and asks the controller to look
again, which falls back to the next good package when the chosen one does not load. Removing
runs on the task runner.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)


class ModelDialog(QDialog):
    """Shows the translation controller's packages and offers its actions."""

    def __init__(self, controller: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle("Translation model")
        self.resize(620, 380)
        self.state = QLabel(self)
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.packages = QListWidget(self)
        self.packages.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.use = QPushButton("Use this model", self)
        self.remove = QPushButton("Remove…", self)
        self.use.clicked.connect(self.use_selected)
        self.remove.clicked.connect(self.remove_selected)
        self.download = QPushButton("Download French→English model", self)
        self.install = QPushButton("Install from file…", self)
        self.download.clicked.connect(self._download)
        self.install.clicked.connect(self._install)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (self.use, self.remove, self.download, self.install):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.packages, 1)
        layout.addLayout(row)
        layout.addWidget(close)
        # Replaced in tests; asks before a package folder is deleted.
        self.confirm = lambda text: QMessageBox.question(self, "Remove model", text) == (
            QMessageBox.StandardButton.Yes)
        controller.model_changed.connect(lambda _m: self.refresh())
        self.refresh()

    def _download(self) -> None:
        self.controller.download()
        self.accept()

    def _install(self) -> None:
        self.controller.choose_model_file()
        self.refresh()

    def refresh(self) -> None:
        """List the packages again and describe the one in use."""
        from reader.translation.models import scan_models

        models, broken = scan_models(self.controller.models_dir)
        current = self.controller.model
        self.packages.clear()
        for model in models:
            used = current is not None and model.path == current.path
            text = (f"{'✓ ' if used else ''}{model.pair_name} · {model.id} · "
                    f"{model.size_bytes / 1_048_576:.1f} MB · {model.origin}")
            item = QListWidgetItem(text, self.packages)
            item.setData(Qt.ItemDataRole.UserRole, model)
            if used:
                self.packages.setCurrentItem(item)
        for package in broken:
            item = QListWidgetItem(f"✗ {package.path.name}: cannot be used, {package.reason}",
                                   self.packages)
            item.setData(Qt.ItemDataRole.UserRole, package)
            item.setForeground(Qt.GlobalColor.darkRed)
        if current is None:
            self.state.setText(
                "No translation model is in use.\n\nThe English column stays empty until "
                "one is. Download the French→English package (about 66 MB) or install a "
                ".argosmodel file you already have.")
        else:
            self.state.setText(
                f"In use: {current.pair_name}\nPackage: {current.id}\n"
                f"Size: {current.size_bytes / 1_048_576:.1f} MB\nOrigin: {current.origin}\n"
                f"Folder: {current.path}")
        self._update_buttons()

    def selected(self) -> Any:
        """The ModelInfo or BrokenPackage of the selected row, or None."""
        item = self.packages.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _update_buttons(self) -> None:
        from reader.translation.models import ModelInfo

        chosen = self.selected()
        current = self.controller.model
        self.remove.setEnabled(chosen is not None)
        self.use.setEnabled(isinstance(chosen, ModelInfo) and (
            current is None or chosen.path != current.path))

    def use_selected(self) -> None:
        """Translate with the selected package from now on."""
        from reader.translation.choice import choose_model
        from reader.translation.models import ModelInfo

        chosen = self.selected()
        if not isinstance(chosen, ModelInfo):
            return
        choose_model(chosen)
        self.controller.refresh_model()

    def remove_selected(self) -> None:
        """Delete the selected package's folder (after asking); the next good one is used."""
        from reader.translation.models import uninstall

        chosen = self.selected()
        if chosen is None or not self.confirm(
                f"Remove {chosen.path.name} from {chosen.path.parent}?"):
            return
        window = self.controller.window

        def failed(exc: BaseException) -> None:
            window.messages.show_message(f"Could not remove {chosen.path.name}: {exc}",
                                         "error")
            self.refresh()

        def removed(_: Any) -> None:
            window.messages.show_message(f"Removed {chosen.path.name}.", "info")
            self.refresh()
            self.controller.refresh_model()

        if self.controller.model is not None and self.controller.model.path == chosen.path:
            self.controller.cancel()  # stop translating with it first
        self.remove.setEnabled(False)
        self.controller.runner.submit("remove model", lambda task: uninstall(chosen),
                                      done=removed, failed=failed)
