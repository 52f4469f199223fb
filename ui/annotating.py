"""Highlighting and notes in the window: keys 1–5, the context menu, the notes panel, undo.

Select text in either column and press 1–5 for a colour (as Calibre and Zotero do), or N for
a highlight with a note; the context menu offers the same. Every action goes to the article
session, which saves it at once in one transaction and adds it to the one undo history
(Ctrl+Z / Ctrl+Shift+Z), shared with tidy-up decisions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTabWidget

from reader.annotations import COLOUR_NAMES, Annotation
from reader.session import ANNOTATIONS, DECISIONS, ENGLISH
from reader.storage import StorageError
from ui.note_dialog import NoteDialog, colour_icon
from ui.notes_panel import NotesPanel


class Annotating(QObject):
    """Connects the reader's highlights and notes to the view, the panel and the session."""

    def __init__(self, window: Any, tabs: QTabWidget) -> None:
        super().__init__(window)
        self.window = window
        self.panel = NotesPanel(window)
        tabs.addTab(self.panel, "Notes")
        self.tabs = tabs
        view = window.view
        menu = window.menuBar().addMenu("&Notes")
        self.menu = menu
        for number, name in enumerate(COLOUR_NAMES, start=1):
            action = QAction(colour_icon(name), f"Highlight {name}", view)
            action.setShortcut(QKeySequence(str(number)))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, c=name: self.highlight(c))
            view.addAction(action)
            menu.addAction(action)
        self.note_action = QAction("Highlight with a note…", view)
        self.note_action.setShortcut(QKeySequence("N"))
        self.note_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.note_action.triggered.connect(self.highlight_with_note)
        view.addAction(self.note_action)
        menu.addAction(self.note_action)
        menu.addSeparator()
        window._action(menu, "Show notes", QKeySequence("Ctrl+Shift+N"), self.show_panel)
        # One undo history for decisions and notes: the tidy-up panel's own Undo gives its
        # Ctrl+Z to this one (which also takes back tidy-up decisions).
        aids = getattr(window, "aids", None)
        if aids is not None:
            aids.tidy_ups.undo_action.setShortcut(QKeySequence())
        edit = window.edit_menu
        self.undo_action = window._action(edit, "&Undo", QKeySequence.StandardKey.Undo,
                                          self.undo)
        self.redo_action = window._action(
            edit, "&Redo", [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")], self.redo)
        window.context_actions.insert(0, self._context_menu)
        window.article_opened.connect(lambda _id: self.panel.set_session(window.session))
        window.session_changed.connect(self._session_event)
        self.panel.annotation_chosen.connect(self.reveal)
        self.panel.other_article_chosen.connect(self._open_other)
        self.panel.edit_requested.connect(self.edit)
        self.panel.delete_requested.connect(self.delete)
        self._update_undo()

    # --- making ------------------------------------------------------------------------------

    def highlight(self, colour: str, note: str = "", tags: list[str] | None = None
                  ) -> Annotation | None:
        """Highlight the selection in the given colour; says why not when it cannot."""
        session = self.window.session
        say = self._say
        if session is None:
            say("Open an article first.", "info")
            return None
        anchor = self.window.view.selection_anchor()
        if isinstance(anchor, str):
            say(anchor, "info")
            return None
        side, sentence_id, start, end = anchor
        try:
            if side == "fr":
                made = session.highlight_french(start, end, colour, note, tags or [])
            else:
                made = session.highlight_english(sentence_id, start, end, colour, note,
                                                 tags or [])
        except (ValueError, StorageError) as exc:
            say(str(exc), "error")
            return None
        say(f"Highlighted in {colour}" + (" with a note." if note else
                                           ". Ctrl+Z takes it back."), "info")
        return made

    def highlight_with_note(self) -> Annotation | None:
        """Ask for a note (and tags), then highlight the selection with it."""
        anchor = self.window.view.selection_anchor()
        if isinstance(anchor, str):
            self._say(anchor, "info")
            return None
        quote = self.window.view.textCursor().selectedText().replace("\u2029", " ")
        dialog = NoteDialog(quote, COLOUR_NAMES[0], parent=self.window)
        if dialog.exec() != NoteDialog.DialogCode.Accepted:
            return None
        colour, note, tags = dialog.values()
        return self.highlight(colour, note, tags)

    # --- changing ----------------------------------------------------------------------------

    def edit(self, annotation_id: int) -> None:
        """Edit the colour, note and tags of an annotation."""
        session = self.window.session
        annotation = session.annotation(annotation_id) if session is not None else None
        if annotation is None:
            return
        dialog = NoteDialog(annotation.quote, annotation.colour, annotation.note,
                            annotation.tags, self.window)
        if dialog.exec() != NoteDialog.DialogCode.Accepted:
            return
        colour, note, tags = dialog.values()
        try:
            session.update_annotation(annotation_id, colour=colour, note=note, tags=tags)
        except StorageError as exc:
            self.window.messages.show_message(str(exc), "error")

    def delete(self, annotation_id: int) -> None:
        """Delete an annotation (Ctrl+Z brings it back)."""
        session = self.window.session
        if session is None:
            return
        try:
            session.delete_annotation(annotation_id)
        except (KeyError, StorageError) as exc:
            self._say(str(exc), "error")
            return
        self._say("Note deleted. Ctrl+Z brings it back.", "info")

    def undo(self) -> None:
        """Take back the last decision or note change, and say what it was."""
        session = self.window.session
        what = session.undo() if session is not None else ""
        self._say(f"Undone: {what}." if what else "Nothing to undo.", "info")

    def redo(self) -> None:
        """Do again what was undone, and say what it was."""
        session = self.window.session
        what = session.redo() if session is not None else ""
        self._say(f"Redone: {what}." if what else "Nothing to redo.", "info")

    # --- showing -----------------------------------------------------------------------------

    def show_panel(self) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.panel.search.setFocus()
        self._say(f"Notes: {self.panel.list.count()} shown.", "info")

    def _say(self, text: str, level: str) -> None:
        """Errors in the message bar; everything else where every command answers (the
        status bar) and in the message bar, where it is easy to see."""
        if level != "error" and hasattr(self.window, "feedback"):
            self.window.feedback(text)
        self.window.messages.show_message(text, level)

    def reveal(self, annotation: Annotation) -> None:
        """Scroll to an annotation in the text."""
        session = self.window.session
        if session is None:
            return
        if annotation.side == "en":
            anchor = session.english_anchor(annotation)
            if anchor is not None and self.window.view.reveal_english(anchor[0]):
                return
        self.window.view.reveal_source(*session.french_anchor(annotation))

    def _open_other(self, article_id: str, annotation_id: int) -> None:
        self.window.sidebar.select(article_id, emit=False)
        self.window.open_article(article_id)
        session = self.window.session
        if session is not None and session.article.id == article_id:
            found = session.annotation(annotation_id)
            if found is not None:
                self.reveal(found)

    def _session_event(self, event: Any) -> None:
        if event.kind == ANNOTATIONS:
            self.panel.refresh()
            self.window.sidebar.refresh()
        elif event.kind == ENGLISH and any(
                a.side == "en" for a in getattr(self.window.session, "annotations", [])):
            self.panel.refresh()  # "the English changed" marks
        if event.kind in (ANNOTATIONS, DECISIONS):
            self._update_undo()

    def _update_undo(self) -> None:
        session = self.window.session
        self.undo_action.setEnabled(True)  # always says what happened, even "nothing"
        self.redo_action.setEnabled(True)
        if session is not None:
            self.undo_action.setText("&Undo" if session.can_undo() else "&Undo (nothing)")

    def _context_menu(self, menu: QMenu, _pos: Any) -> None:
        if not self.window.view.textCursor().hasSelection():
            return
        sub = menu.addMenu("Highlight")
        for number, name in enumerate(COLOUR_NAMES, start=1):
            sub.addAction(colour_icon(name), f"{name}\t{number}",
                          lambda c=name: self.highlight(c))
        menu.addAction("Highlight with a note…\tN", self.highlight_with_note)
        menu.addSeparator()
