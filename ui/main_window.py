"""The main window: library sidebar, reading view, side panels, menus and shortcuts.

The window holds no global state; everything it needs (library, task runner, preferences) is
passed in. Opening an article shows its paragraphs at once from the database; sentences
(spaCy) arrive from a background task, and results for an article that is no longer open are
dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.article import Article
from reader.importing import ArticleImportError, read_article_file
from reader.nlp import ModelMissingError, ParsedArticle
from reader.session import (
    ANALYSIS,
    ANNOTATIONS,
    DECISIONS,
    ENGLISH,
    SENTENCES,
    ArticleSession,
    SessionEvent,
)
from reader.storage import Library, StorageError
from ui.library_panel import LibraryPanel
from ui.message_bar import MessageBar
from ui.options import Preferences
from ui.reading_view import ReadingView
from ui.theme import apply_theme, theme_named

IMPORT_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"


class MainWindow(QMainWindow):
    """The reader's window.

    Signals:
        article_opened(str): an article's paragraphs are on screen.
        session_changed(object): a SessionEvent of the open article's session.
        sentences_ready(str): the open article's sentences are known.
        english_visibility_changed(bool): the English column was shown or hidden.
        theme_changed(object): the new Theme, after a switch between light and dark.
        import_finished(object): the id of an imported article, or None if it was refused.
    """

    article_opened = Signal(str)
    session_changed = Signal(object)
    sentences_ready = Signal(str)
    english_visibility_changed = Signal(bool)
    theme_changed = Signal(object)
    import_finished = Signal(object)

    def __init__(self, library: Library, runner: Any, prefs: Preferences,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.runner = runner
        self.prefs = prefs
        self.session: ArticleSession | None = None
        self.translation: Any = None
        self.aids: Any = None  # ui.reading_aids.ReadingAids, set by the app
        self.notes: Any = None  # ui.annotating.Annotating, set by the app
        self.exports: Any = None  # ui.exporting.Exporting, set by the app
        self.presenting: Any = None  # ui.presenting.Presenting, set by the app
        self.context_actions: list[Any] = []
        self._generation = 0
        self._rebuild_pending = False
        self.setWindowTitle("Bilingual Reader")
        self.resize(1280, 820)
        self.theme = theme_named(prefs.get("theme"))

        self.messages = MessageBar(self)
        self.sidebar = LibraryPanel(library, self)
        self.view = ReadingView(self.theme, self)
        self.view.set_zoom(prefs.get("zoom"))
        self.view.english_visible = prefs.get("show_english")
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600; padding: 2px 4px;")
        self.byline = QLabel(self)  # author · site · date, and where the article came from
        self.byline.setTextFormat(Qt.TextFormat.PlainText)
        self.byline.setWordWrap(True)
        self.byline.setStyleSheet("color: palette(mid); padding: 0 4px;")
        self.english_status = QLabel(self)
        self.english_status.setTextFormat(Qt.TextFormat.PlainText)
        self.english_status.setWordWrap(True)
        self.english_actions = QWidget(self)
        self.english_actions_layout = QHBoxLayout(self.english_actions)
        self.english_actions_layout.setContentsMargins(0, 0, 0, 0)
        header = QWidget(self)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(4, 0, 4, 0)
        header_layout.addWidget(self._column_label("Français"), 1)
        english_head = QHBoxLayout()
        english_head.addWidget(self._column_label("English"))
        english_head.addWidget(self.english_status, 1)
        english_head.addWidget(self.english_actions)
        self.english_header = QWidget(self)
        self.english_header.setLayout(english_head)
        header_layout.addWidget(self.english_header, 1)

        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(6, 6, 6, 0)
        centre_layout.addWidget(self.messages)
        centre_layout.addWidget(self.title)
        centre_layout.addWidget(self.byline)
        centre_layout.addWidget(header)
        centre_layout.addWidget(self.view, 1)

        self.side_panels = QSplitter(Qt.Orientation.Vertical, self)
        self.side_panels.hide()
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.side_panels)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 900, 0])
        self.setCentralWidget(self.splitter)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.status_text = QLabel("Loading the French language model…", self)
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.busy)

        self.sidebar.article_chosen.connect(self.open_article)
        self.runner.busy_changed.connect(self._busy_changed)
        self._build_actions()
        self.set_english_notice("")
        self._restore_geometry()

    @staticmethod
    def _column_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: 600; color: palette(mid); padding: 2px 4px;")
        return label

    # --- actions -------------------------------------------------------------------------

    def _action(self, menu: Any, text: str, shortcut: Any, slot: Any,
                checkable: bool = False, checked: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
        action.setCheckable(checkable)
        if checkable:
            action.setChecked(checked)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.import_action = self._action(file_menu, "&Import article…",
                                          QKeySequence.StandardKey.Open, self.choose_import)
        self.file_menu = file_menu
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", QKeySequence.StandardKey.Quit, self.close)

        self.edit_menu = bar.addMenu("&Edit")

        go = bar.addMenu("&Go")
        self._action(go, "&Search articles", QKeySequence.StandardKey.Find, self.focus_search)
        self._action(go, "&Next article", QKeySequence("Ctrl+PgDown"),
                     lambda: self.sidebar.step(1))
        self._action(go, "&Previous article", QKeySequence("Ctrl+PgUp"),
                     lambda: self.sidebar.step(-1))
        self._action(go, "Next sentence", QKeySequence("Alt+Down"), self.view.next_sentence)
        self._action(go, "Previous sentence", QKeySequence("Alt+Up"), self.view.previous_sentence)
        self.go_menu = go

        view = bar.addMenu("&View")
        self._action(view, "Zoom &in", [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")],
                     lambda: self.zoom(1))
        self._action(view, "Zoom &out", QKeySequence("Ctrl+-"), lambda: self.zoom(-1))
        self._action(view, "&Reset zoom", QKeySequence("Ctrl+0"), lambda: self.zoom(None))
        view.addSeparator()
        self.dark_action = self._action(view, "&Dark theme", QKeySequence("Ctrl+Shift+D"),
                                        self.set_dark, True, self.theme.name == "dark")
        self.english_action = self._action(view, "Show &English", QKeySequence("Ctrl+E"),
                                           self.set_english_visible, True,
                                           self.view.english_visible)
        self.view_menu = view

    def add_translation_menu(self) -> None:
        """The Translation menu (needs ``self.translation``, set by the app)."""
        from ui.model_dialog import ModelDialog

        menu = self.menuBar().addMenu("&Translation")
        self._action(menu, "Translation &model…", QKeySequence("Ctrl+Shift+M"),
                     lambda: ModelDialog(self.translation, self).exec())
        self._action(menu, "&Retranslate sentence", QKeySequence("Ctrl+R"),
                     lambda: self.translation.retranslate(self.view.current))

    # --- articles ------------------------------------------------------------------------

    def open_first_article(self) -> None:
        """Open the last article read, else the first in the library."""
        last = self.prefs.get("last_article")
        ids = self.sidebar.ids()
        target = last if last in ids else (ids[0] if ids else None)
        if target:
            self.sidebar.select(target, emit=False)
            self.open_article(target)

    @property
    def article(self) -> Article | None:
        """The open article."""
        return None if self.session is None else self.session.article

    @property
    def parsed(self) -> ParsedArticle | None:
        """The open article's sentences (and parse), once known."""
        return None if self.session is None else self.session.parsed

    def open_article(self, article_id: str) -> None:
        """Show an article now; its sentences follow from a background task."""
        try:
            article = self.library.article(article_id)
        except (KeyError, StorageError):
            self.messages.show_message(f"The article {article_id} is not in the library.",
                                       "error")
            return
        self._generation += 1
        generation = self._generation
        session = ArticleSession(self.library, article)
        self.session = session
        session.subscribe(lambda event: self._session_event(session, event))
        self.title.setText(article.title)
        source = article.url or ("" if article.bundled else article.origin)
        self.byline.setText(" · ".join(p for p in (article.byline, source) if p))
        self.byline.setVisible(bool(self.byline.text()))
        self.setWindowTitle(f"{article.title} — Bilingual Reader")
        self.view.show_session(session)
        self.prefs.set("last_article", article_id)
        self.article_opened.emit(article_id)
        if session.load_stored_sentences():  # opened before: no spaCy parse needed
            return
        self.runner.submit(
            "sentences", lambda task: session.parse(),
            done=lambda parsed: self._sentences_done(generation, session, parsed),
            failed=self._sentences_failed,
        )

    def _sentences_done(self, generation: int, session: ArticleSession,
                        parsed: ParsedArticle) -> None:
        if generation != self._generation:
            from reader.sentence_store import store_sentences

            store_sentences(self.library, parsed.article, parsed.sentences)
            return  # the user moved on to another article; the split is kept for later
        session.set_parsed(parsed, store=True)

    def _session_event(self, session: ArticleSession, event: SessionEvent) -> None:
        """Every change of the open article's state passes here, then to the panels."""
        if session is not self.session:
            return
        if event.kind in (DECISIONS, ANNOTATIONS):  # the reader's own action: show it now
            self._rebuild_pending = False
            self.view.rebuild()
        elif event.kind in (SENTENCES, ANALYSIS):
            self.rebuild_soon()
        elif event.kind == ENGLISH and not self._rebuild_pending:
            self.view.refresh_english(event.sentence_ids)
        if event.kind == SENTENCES:
            self.status_text.setText(
                f"{len(session.sentences)} sentences · {session.article.word_count} words")
        self.session_changed.emit(event)
        if event.kind == SENTENCES:
            self.sentences_ready.emit(session.article.id)

    def rebuild_soon(self) -> None:
        """Redraw the article once, after the current burst of changes."""
        if not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self._rebuild_now)

    def _rebuild_now(self) -> None:
        if self._rebuild_pending:
            self._rebuild_pending = False
            self.view.rebuild()

    def _sentences_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ModelMissingError):
            self.messages.show_message(str(exc), "error")
        else:
            self.messages.show_message(f"Could not split the article into sentences: {exc}",
                                       "error")

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Import articles", str(Path.home()),
                                                IMPORT_FILTER)
        for path in paths:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        """Import one file; bad input gives a message and changes nothing.

        The file is read and checked on the task runner, so a slow disk or a pipe never
        freezes the window; ``import_finished`` reports the new id (None on failure).
        """
        self.runner.submit("import", lambda task: read_article_file(path),
                           done=self._imported, failed=self._import_failed)

    def _imported(self, article: Article) -> None:
        try:
            self.library.add_article(article)
        except StorageError as exc:
            self._import_failed(exc)
            return
        note = " ".join(article.notes)
        self.messages.show_message(
            f"Imported “{article.title}” ({article.word_count} words). {note}".strip(), "info"
        )
        self.sidebar.refresh()
        self.sidebar.select(article.id, emit=False)
        self.open_article(article.id)
        self.import_finished.emit(article.id)

    def _import_failed(self, exc: BaseException) -> None:
        known = isinstance(exc, ArticleImportError | StorageError)
        self.messages.show_message(str(exc) if known else f"Could not import: {exc}", "error")
        self.import_finished.emit(None)

    # --- view ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()

    def zoom(self, delta: int | None) -> None:
        steps = 0 if delta is None else self.view.zoom + delta
        self.view.set_zoom(steps)
        self.prefs.set("zoom", self.view.zoom)

    def set_dark(self, dark: bool) -> None:
        self.theme = theme_named("dark" if dark else "light")
        self.prefs.set("theme", self.theme.name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme)
        self.view.set_theme(self.theme)
        self.theme_changed.emit(self.theme)

    def set_english_visible(self, visible: bool) -> None:
        self.prefs.set("show_english", visible)
        self.english_header.setVisible(visible)
        self.view.set_english_visible(visible)
        self.english_visibility_changed.emit(visible)

    def set_english_notice(self, text: str) -> None:
        """The English column's status line (model state, progress)."""
        self.english_status.setText(text)

    def add_side_panel(self, widget: QWidget) -> None:
        """Dock a panel (entities, quotes, tidy-ups) on the right."""
        self.side_panels.addWidget(widget)
        self.side_panels.show()
        sizes = self.splitter.sizes()
        if sizes[2] == 0:
            self.splitter.setSizes([240, max(600, sizes[1] - 320), 320])

    def _busy_changed(self, running: int) -> None:
        self.busy.setVisible(running > 0)

    def _restore_geometry(self) -> None:
        geometry = self.prefs.get("geometry")
        if geometry:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.prefs.set("geometry", bytes(self.saveGeometry().data()))
        self.runner.cancel_all()
        self.runner.wait(10000)
        self.prefs.sync()
        super().closeEvent(event)
