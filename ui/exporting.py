"""Exports from the window: the annotated PDF, notes as Markdown or JSON, the bilingual text.

Each export calls the same core function as ``python -m reader export``, on the background
runner, with progress and Cancel in the status bar. The file is written under a temporary name
and renamed, so a failure or a cancel never leaves a partial file; when it is done the message
bar offers to open it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton

from ui.export_dialog import ExportDialog


def _slug(title: str) -> str:
    words = re.sub(r"[^\w]+", "-", title.lower()).strip("-")
    return (words[:60].rstrip("-") or "article")


class Exporting(QObject):
    """The File ▸ Export… commands."""

    def __init__(self, window: Any, runner: Any, prefs: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.prefs = prefs
        self.task: Any = None
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel export", window)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        window.statusBar().addPermanentWidget(self.progress)
        window.statusBar().addPermanentWidget(self.cancel_button)
        menu = window.file_menu
        first = menu.actions()[1] if len(menu.actions()) > 1 else None
        self.pdf_action = window._action(menu, "Export annotated &PDF…",
                                         QKeySequence("Ctrl+Shift+E"), self.choose_pdf)
        self.notes_md_action = window._action(menu, "Export notes as &Markdown…", None,
                                              lambda: self.choose_text("notes-md"))
        self.notes_json_action = window._action(menu, "Export notes as &JSON…", None,
                                                lambda: self.choose_text("notes-json"))
        self.text_md_action = window._action(menu, "Export bilingual text as Markdown…", None,
                                             lambda: self.choose_text("text-md"))
        self.import_action = window._action(menu, "Import notes from JSON…", None,
                                            self.choose_import)
        self.worksheet_action = window._action(menu, "&Worksheet and answer key…",
                                               QKeySequence("Ctrl+Shift+W"),
                                               self.choose_worksheet)
        if first is not None:  # keep Quit last
            for action in (self.pdf_action, self.notes_md_action, self.notes_json_action,
                           self.text_md_action, self.import_action, self.worksheet_action):
                menu.removeAction(action)
                menu.insertAction(first, action)
            menu.insertSeparator(first)

    # --- choosing ----------------------------------------------------------------------------

    def _target(self, suffix: str, caption: str, filters: str) -> Path | None:
        session = self.window.session
        if session is None:
            self.window.messages.show_message("Open an article first.", "info")
            return None
        folder = self.prefs.get("export_folder") or str(Path.home())
        suggested = str(Path(folder) / f"{_slug(session.article.title)}{suffix}")
        path, _ = QFileDialog.getSaveFileName(self.window, caption, suggested, filters)
        if not path:
            return None
        self.prefs.set("export_folder", str(Path(path).parent))
        return Path(path)

    def choose_pdf(self) -> None:
        """Ask for the options, then the file name, then export."""
        if self.window.session is None:
            self.window.messages.show_message("Open an article first.", "info")
            return
        dialog = ExportDialog(self.prefs, self.window)
        if dialog.exec() != ExportDialog.DialogCode.Accepted:
            return
        layers, paper, hidden = dialog.chosen()
        target = self._target(".pdf", "Export annotated PDF", "PDF (*.pdf)")
        if target is not None:
            self.export_pdf(target, layers, paper, hidden)

    def choose_text(self, kind: str) -> None:
        suffix, caption, filters = {
            "notes-md": ("-notes.md", "Export notes as Markdown", "Markdown (*.md)"),
            "notes-json": ("-notes.json", "Export notes as JSON", "JSON (*.json)"),
            "text-md": ("-bilingual.md", "Export bilingual text", "Markdown (*.md)"),
        }[kind]
        target = self._target(suffix, caption, filters)
        if target is not None:
            self.export_text(kind, target)

    def choose_worksheet(self) -> None:
        """Questions from the analysis, edited by the teacher, then worksheet and key."""
        from reader.worksheet import generate_questions
        from ui.worksheet_dialog import WorksheetDialog

        session = self.window.session
        if session is None or session.analysis is None:
            self.window.messages.show_message(
                "Open an article and wait for its reading aids, then make a worksheet.", "info")
            return
        dialog = WorksheetDialog(generate_questions(session), self.window)
        if dialog.exec() != WorksheetDialog.DialogCode.Accepted:
            return
        target = self._target("-worksheet.pdf", "Save the worksheet", "PDF (*.pdf)")
        if target is not None:
            self.export_worksheet(target, dialog.questions())

    def export_worksheet(self, sheet: Path, questions: list[Any]) -> Any:
        """Write the worksheet and, beside it, the answer key, in the background."""
        from reader.export.worksheet import export_worksheet

        session = self.window.session
        key = sheet.with_name(sheet.stem.removesuffix("-worksheet") + "-answer-key.pdf")
        paper = self.prefs.get("export_paper")
        self.progress.setRange(0, 0)
        self.progress.show()
        self.task = self.runner.submit(
            "export worksheet",
            lambda task: export_worksheet(session, questions, sheet, key, paper)[0],
            done=self._exported, failed=self._failed)
        return self.task

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Import notes", str(Path.home()),
                                              "JSON (*.json)")
        if path:
            self.import_notes(Path(path))

    # --- doing -------------------------------------------------------------------------------

    def export_pdf(self, target: Path, layers: frozenset[str], paper: str,
                   english_hidden: bool) -> Any:
        """Export the open article's annotated PDF in the background."""
        from reader.export.pdf import PdfOptions, export_pdf

        session = self.window.session
        options = PdfOptions(layers=layers, paper=paper, english_hidden=english_hidden)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()

        def job(task: Any) -> Path:
            return export_pdf(session, target, options,
                              progress=lambda done, total: task.report((done, total)),
                              is_cancelled=lambda: task.cancelled)

        def progress(value: tuple[int, int]) -> None:
            done, total = value
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        self.task = self.runner.submit("export PDF", job, done=self._exported,
                                       failed=self._failed, progress=progress)
        return self.task

    def export_text(self, kind: str, target: Path) -> None:
        """Markdown or JSON: small and fast, written at once (still atomically)."""
        from reader.export import ExportError
        from reader.export.markdown import export_annotations_markdown, export_bilingual_markdown
        from reader.export.notes_json import export_json

        session = self.window.session
        writer = {"notes-md": export_annotations_markdown, "notes-json": export_json,
                  "text-md": export_bilingual_markdown}[kind]
        try:
            written = writer(session, target)
        except ExportError as exc:
            self.window.messages.show_message(str(exc), "error")
            return
        self._exported(written)

    def import_notes(self, path: Path) -> None:
        """Bring notes exported as JSON into this library (never twice, never over yours)."""
        from reader.export.notes_json import AnnotationImportError, import_json
        from reader.storage import StorageError

        try:
            report = import_json(self.window.library, path)
        except (AnnotationImportError, StorageError) as exc:
            self.window.messages.show_message(str(exc), "error")
            return
        self.window.messages.show_message(report.summary(), "info")
        session = self.window.session
        if session is not None:
            session.reload_annotations()
        self.window.sidebar.refresh()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finish(self) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.hide()

    def _exported(self, path: Path) -> None:
        self._finish()
        url = QUrl.fromLocalFile(str(path))
        self.window.messages.show_message(
            f"Exported to {path}.", "info",
            action=(f"Open the {Path(path).suffix.lstrip('.').upper() or 'file'}",
                    lambda: QDesktopServices.openUrl(url)))

    def _failed(self, exc: BaseException) -> None:
        from reader.export import ExportCancelled

        self._finish()
        if isinstance(exc, ExportCancelled):
            self.window.messages.show_message("Export cancelled; no file was written.", "info")
        else:
            self.window.messages.show_message(f"The export failed: {exc}", "error")
