"""View ▸ Compare with…: the open article beside another one on the same event.

The second article is picked from the library; both are loaded and analysed on the task
runner (with their own database connection), then :class:`ui.compare_dialog.CompareDialog`
shows the comparison.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog

from ui.compare_dialog import CompareDialog


class Comparing(QObject):
    """The Compare with… command."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: CompareDialog | None = None
        self.action = window._action(window.view_menu, "&Compare with…",
                                     QKeySequence("Ctrl+Shift+K"), self.choose)

    def choose(self) -> None:
        """Ask for the second article, then compare."""
        session = self.window.session
        if session is None:
            self.window.messages.show_message("Open an article first.", "info")
            return
        others = [row for row in self.window.library.articles() if row["id"] != session.article.id]
        if not others:
            self.window.messages.show_message("The library has no other article to compare "
                                              "with.", "info")
            return
        titles = [f"{row['title']} ({row['id'][:10]})" for row in others]
        title, ok = QInputDialog.getItem(self.window, "Compare with…",
                                         f"Compare “{session.article.title}” with:", titles, 0,
                                         False)
        if ok and title in titles:
            self.compare(session.article.id, others[titles.index(title)]["id"])

    def compare(self, left_id: str, right_id: str) -> Any:
        """Load and analyse both articles in the background, then show the comparison."""
        library = self.window.library

        def job(task: Any) -> Any:
            from reader.compare import compare_sessions
            from reader.session import open_session
            from reader.storage import Library

            worker = library if library.path is None else Library(library.path)
            left, right = open_session(worker, left_id), open_session(worker, right_id)
            return left, right, compare_sessions(left, right)

        self.window.feedback("Comparing the two articles…")
        return self.window.runner.submit("compare", job, done=self._show,
                                         failed=self._failed)

    def _show(self, result: Any) -> None:
        left, right, comparison = result
        self.dialog = CompareDialog(left, right, comparison, self.window)
        self.dialog.show()
        self.window.feedback("Comparison ready.")

    def _failed(self, exc: BaseException) -> None:
        self.window.messages.show_message(f"The comparison failed: {exc}", "error")
