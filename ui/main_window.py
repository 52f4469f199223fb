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
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
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
from ui.library_sort import remember_opened
from ui.message_bar import MessageBar
from ui.options import OPTIONS, Preferences
from ui.panel_layout import LIBRARY, SIDE, PanelLayout
from ui.reading_view import ReadingView
from ui.removal import ArticleRemoval
from ui.shortcuts import ShortcutGuard
from ui.theme import apply_theme, theme_named

FEEDBACK_MS = 8000  # how long a command's status-bar feedback stays
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
        self.comparing: Any = None  # ui.comparing.Comparing, set by the app
        self.context_actions: list[Any] = []
        self._generation = 0
        self._rebuild_pending = False
        self._retranslating: tuple[int, str | None] | None = None
        self.analysing = False
        self.setWindowTitle("Bilingual Reader")
        self.resize(1280, 820)
        self.theme = theme_named(prefs.get("theme"))

        self.messages = MessageBar(self, self.theme)
        self.sidebar = LibraryPanel(library, self, prefs.get("library_order"))
        self.sidebar.set_recent(prefs.get("recent_articles"))
        self.sidebar.refresh()
        self.view = ReadingView(self.theme, self)
        self.view.set_zoom(prefs.get("zoom"))  # clamped to readable sizes by Preferences
        self.view.english_visible = prefs.get("show_english")
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setObjectName("articleTitle")
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
        self.column_labels = [self._column_label("Français"), self._column_label("English")]
        header_layout.addWidget(self.column_labels[0], 1)
        english_head = QHBoxLayout()
        english_head.addWidget(self.column_labels[1])
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
        self.panels = PanelLayout(self.splitter, prefs)
        self.setCentralWidget(self.splitter)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.status_text = QLabel("Loading the French language model…", self)
        self.statusBar().addWidget(self.status_text, 1)
        self.statusBar().addPermanentWidget(self.busy)

        self.sidebar.article_chosen.connect(self.open_article)
        self.sidebar.search_left.connect(self.view.setFocus)
        self.sidebar.list.itemClicked.connect(lambda _item: self.view.setFocus())
        self.sidebar.list.itemActivated.connect(lambda _item: self.view.setFocus())
        self.sidebar.order_changed.connect(lambda order: self.prefs.set("library_order", order))
        self.shortcut_guard = ShortcutGuard(self)
        self.runner.busy_changed.connect(self._busy_changed)
        self._build_actions()
        self._style_headings()
        self.set_english_notice("")
        self._restore_geometry()

    @staticmethod
    def _column_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("columnHeading")
        return label

    def _style_headings(self) -> None:
        """Title and column headings in the theme's colours (checked for contrast)."""
        c = self.theme.colours
        self.title.setStyleSheet(f"font-size: 15pt; font-weight: 600; padding: 2px 4px; "
                                 f"color: {c['heading']};")
        for label in self.column_labels:
            label.setStyleSheet(f"font-weight: 600; color: {c['caption']}; padding: 2px 4px;")

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
        self.removal = ArticleRemoval(self)
        self.remove_action = self._action(file_menu, "&Remove article…", None,
                                          lambda: self.removal.remove())
        # Delete removes the selected article while the library list has the keyboard.
        delete = QAction("Remove the selected article", self.sidebar.list)
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self.removal.remove())
        self.sidebar.list.addAction(delete)
        self.sidebar.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        file_menu.addSeparator()
        # Spelled out: the standard Quit key is empty on some platforms (offscreen, Windows).
        self._action(file_menu, "&Quit", QKeySequence("Ctrl+Q"), self.close)

        self.edit_menu = bar.addMenu("&Edit")

        go = bar.addMenu("&Go")
        self._action(go, "&Search articles", QKeySequence.StandardKey.Find, self.focus_search)
        self._action(go, "&Next article", QKeySequence("Ctrl+PgDown"),
                     lambda: self.step_article(1))
        self._action(go, "&Previous article", QKeySequence("Ctrl+PgUp"),
                     lambda: self.step_article(-1))
        self._action(go, "Next sentence", QKeySequence("Alt+Down"),
                     lambda: self.step_sentence(1))
        self._action(go, "Previous sentence", QKeySequence("Alt+Up"),
                     lambda: self.step_sentence(-1))
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
        view.addSeparator()
        self.library_action = self._action(
            view, "&Library panel", QKeySequence("Ctrl+Shift+L"),
            lambda shown: self.show_panel(LIBRARY, shown), True, self.panels.shown[LIBRARY])
        self.side_action = self._action(
            view, "Reading &aids panel", QKeySequence("Ctrl+Shift+A"),
            lambda shown: self.show_panel(SIDE, shown), True, self.panels.shown[SIDE])
        self.panels.shown_changed.connect(self._panel_shown_changed)
        self.view_menu = view

    def add_translation_menu(self) -> None:
        """The Translation menu (needs ``self.translation``, set by the app)."""
        from ui.model_dialog import ModelDialog

        menu = self.menuBar().addMenu("&Translation")
        self._action(menu, "Translation &model…", QKeySequence("Ctrl+Shift+M"),
                     lambda: ModelDialog(self.translation, self).exec())
        self._action(menu, "&Retranslate sentence", QKeySequence("Ctrl+R"),
                     self.retranslate_current)
        self.translation.sentence_translated.connect(self._retranslated)

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
        self.messages.clear_stale()
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
        recent = remember_opened(self.prefs.get("recent_articles"), article_id)
        self.prefs.set("recent_articles", recent)
        self.sidebar.set_recent(recent)
        if not self.sidebar.list.hasFocus():  # arrows in the list keep browsing it
            self.view.setFocus()
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
            self._show_counts()
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

    def show_no_article(self) -> None:
        """The library is empty (the last article was removed)."""
        self._generation += 1
        self.session = None
        self.title.setText("")
        self.setWindowTitle("Bilingual Reader")
        self.view.show_session(None)
        self.status_text.setText("The library is empty.")

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
            known = self.library.has_article(article.id)
            if not known:
                self.library.add_article(article)
        except StorageError as exc:
            self._import_failed(exc)
            return
        self.sidebar.refresh()
        self.sidebar.select(article.id, emit=False)
        self.open_article(article.id)  # clears the previous article's message first
        if known:
            self.messages.show_message(f"“{article.title}” is already in the library; "
                                       "nothing was added.", "info")
        else:
            note = " ".join(article.notes)
            self.messages.show_message(
                f"Imported “{article.title}” ({article.word_count} words). {note}".strip(),
                "info")
        self.import_finished.emit(article.id)

    def _import_failed(self, exc: BaseException) -> None:
        known = isinstance(exc, ArticleImportError | StorageError)
        self.messages.show_message(str(exc) if known else f"Could not import: {exc}", "error")
        self.import_finished.emit(None)

    # --- view ----------------------------------------------------------------------------

    def feedback(self, text: str) -> None:
        """Say in the status bar what a command did (or why it did nothing)."""
        self.statusBar().showMessage(text, FEEDBACK_MS)

    def focus_search(self) -> None:
        self.sidebar.search.setFocus()
        self.sidebar.search.selectAll()
        self.feedback("Type to search the library; Esc clears the search and returns to "
                      "the text.")

    def step_article(self, delta: int) -> None:
        """Open the next (+1) or previous (-1) article of the library list."""
        count = self.sidebar.list.count()
        row = self.sidebar.list.currentRow()
        if count == 0:
            self.feedback("The list has no articles.")
        elif (delta > 0 and row >= count - 1) or (delta < 0 and row == 0):
            self.feedback("This is the " + ("last" if delta > 0 else "first")
                          + " article in the list.")
        else:
            self.sidebar.step(delta)
            self.feedback(f"Article {self.sidebar.list.currentRow() + 1} of {count}.")

    def step_sentence(self, delta: int) -> None:
        """Make the next (+1) or previous (-1) sentence current in both columns."""
        total = len(self.view.sentences)
        if total == 0:
            self.feedback("The sentences are not known yet; try again in a moment.")
            return
        before = self.view.current
        if delta > 0:
            self.view.next_sentence()
        else:
            self.view.previous_sentence()
        if self.view.current == before:
            self.feedback("This is the " + ("last" if delta > 0 else "first") + " sentence.")
        else:
            self.feedback(f"Sentence {self.view.current + 1} of {total}.")

    def retranslate_current(self) -> None:
        """Translate the current sentence again, saying what happened or why not."""
        translation, sentence = self.translation, self.view.current
        if translation is None or translation.model is None:
            self.feedback("No translation model is installed (Translation ▸ Translation "
                          "model…).")
        elif not 0 <= sentence < len(self.view.sentences):
            self.feedback("Click a sentence (or press Alt+Down) first, then Ctrl+R.")
        elif getattr(translation.english.get(sentence), "edited", False):
            self.feedback(f"Sentence {sentence + 1} keeps your own English (✎): the "
                          "translator does not replace it. Right-click ▸ Edit English… "
                          "to change it.")
        else:
            previous = translation.english.get(sentence)
            self._retranslating = (sentence, None if previous is None else previous.text)
            self.feedback(f"Retranslating sentence {sentence + 1}…")
            translation.retranslate(sentence)

    def _retranslated(self, sentence: int) -> None:
        pending = self._retranslating
        if pending is None or pending[0] != sentence:
            return
        self._retranslating = None
        now = self.translation.english.get(sentence)
        same = now is not None and now.text == pending[1]
        self.feedback(f"Sentence {sentence + 1} retranslated"
                      + (": the model gives the same English." if same else "."))

    def zoom(self, delta: int | None) -> None:
        low, high = OPTIONS["zoom"].limits or (0, 0)
        steps = 0 if delta is None else max(low, min(high, self.view.zoom + delta))
        self.view.set_zoom(steps)
        self.prefs.set("zoom", self.view.zoom)
        size = self.view.document().defaultFont().pointSize()
        limit = {low: " (the smallest readable size)", high: " (the largest size)"}
        self.feedback(f"Text size {size} pt{limit.get(self.view.zoom, '') if delta else ''}.")

    def set_dark(self, dark: bool) -> None:
        self.theme = theme_named("dark" if dark else "light")
        self.prefs.set("theme", self.theme.name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.theme)
        self.view.set_theme(self.theme)
        self._style_headings()
        self.messages.set_theme(self.theme)
        self.theme_changed.emit(self.theme)
        self.feedback("Dark theme." if dark else "Light theme.")

    def set_english_visible(self, visible: bool) -> None:
        self.prefs.set("show_english", visible)
        self.english_header.setVisible(visible)
        self.view.set_english_visible(visible)
        self.english_visibility_changed.emit(visible)
        self.feedback("English column shown." if visible
                      else "English column hidden (Ctrl+E shows it again).")

    def set_english_notice(self, text: str) -> None:
        """The English column's status line (model state, progress)."""
        self.english_status.setText(text)

    def add_side_panel(self, widget: QWidget) -> None:
        """Dock a panel (entities, quotes, tidy-ups) on the right."""
        self.side_panels.addWidget(widget)
        self.side_panels.show()
        self.panels.fit()

    def show_panel(self, panel: int, shown: bool) -> None:
        """Show or hide the library or the reading-aid panels (View menu)."""
        self.panels.set_shown(panel, shown)
        name = "Library panel" if panel == LIBRARY else "Reading-aid panels"
        if shown and not self.panels.visible(panel):
            self.feedback(f"{name} shown when the window is wide enough for it and the "
                          "text.")
        else:
            self.feedback(f"{name} {'shown' if shown else 'hidden'}.")

    def _panel_shown_changed(self, panel: int, shown: bool) -> None:
        action = self.library_action if panel == LIBRARY else self.side_action
        if action.isChecked() != shown:
            action.blockSignals(True)
            action.setChecked(shown)
            action.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.panels.fit()  # the reading columns come first when the window narrows

    def set_analysing(self, running: bool) -> None:
        """The reading aids are (or are no longer) being computed for the open article."""
        self.analysing = running
        self._show_counts()

    def _show_counts(self) -> None:
        if self.parsed is None:
            return
        self.status_text.setText(
            f"{len(self.parsed.sentences)} sentences · {self.parsed.article.word_count} words"
            + (" · analysing…" if self.analysing else ""))

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
