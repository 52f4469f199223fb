"""Removing an article from the window: ask first, remove, offer Undo in the message bar.

The rows are deleted by :mod:`reader.removal` in one transaction; what was deleted is kept
here until the reader undoes it or removes another article.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from reader.removal import remove, undo_remove
from reader.storage import RemovedArticle, StorageError


class ArticleRemoval(QObject):
    """The window's Remove article… command and its undo."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.last: RemovedArticle | None = None

    def confirm(self, title: str) -> bool:
        """Ask the reader; a separate method so tests can answer for them."""
        answer = QMessageBox.question(
            self.window, "Remove article",
            f"Remove “{title}” from the library?\n\nIts tidy-up decisions, edited English, "
            "notes and cached translations go with it. You can undo this right after.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def remove(self, article_id: str | None = None) -> bool:
        """Remove an article (the open one by default) after asking."""
        window = self.window
        article_id = article_id or window.sidebar.current_id() or (
            window.article.id if window.article is not None else None)
        if article_id is None:
            window.feedback("No article is selected.")
            return False
        ids = window.sidebar.ids()
        try:
            title = window.library.article(article_id).title
        except KeyError:
            window.feedback("That article is no longer in the library.")
            return False
        if not self.confirm(title):
            window.feedback("Nothing was removed.")
            return False
        try:
            self.last = remove(window.library, article_id)
        except StorageError as exc:
            window.messages.show_message(str(exc), "error")
            return False
        window.sidebar.refresh()
        remaining = window.sidebar.ids()
        if window.article is not None and window.article.id == article_id:
            index = ids.index(article_id) if article_id in ids else 0
            following = [i for i in ids[index + 1:] + ids[:index][::-1] if i in remaining]
            if following:
                window.sidebar.select(following[0], emit=False)
                window.open_article(following[0])
            else:
                window.show_no_article()
        window.messages.show_message(f"Removed “{title}” from the library.", "info",
                                     action=("Undo", self.undo))
        window.feedback(f"Removed “{title}”.")
        return True

    def undo(self) -> None:
        """Put the last removed article back and open it."""
        removed, self.last = self.last, None
        if removed is None:
            self.window.feedback("Nothing to undo.")
            return
        try:
            undo_remove(self.window.library, removed)
        except StorageError as exc:
            self.window.messages.show_message(str(exc), "error")
            return
        self.window.sidebar.refresh()
        self.window.sidebar.select(removed.article_id, emit=False)
        self.window.open_article(removed.article_id)
        self.window.feedback(f"“{removed.title}” is back in the library.")
