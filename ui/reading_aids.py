"""Reading aids in the window: entity highlights, the quote panel and tidy-up review.

After an article's sentences are known, the analysis runs on the task runner and its result
goes to the article session, which owns it. This adapter fills the three side panels from the
session; the session decides what the text shows (through its render model) and which
sentences go back to the translator after a tidy-up decision.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QTabWidget

from reader.analysis import Analysis
from reader.analysis.review import Review, add_glossary_entry
from reader.session import SessionDecisions
from reader.storage import Library, StorageError
from ui.entity_panel import EntityPanel
from ui.quote_panel import QuotePanel
from ui.tidyup_panel import TidyUpPanel


class ReadingAids(QObject):
    """Connects the analysis core to the reading view and the side panels.

    Signals:
        analysis_ready(str): the article id whose analysis is on screen.
    """

    analysis_ready = Signal(str)

    def __init__(self, window: Any, runner: Any, library: Library, translation: Any,
                 prefs: Any) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.library = library
        self.translation = translation
        self.prefs = prefs
        self._generation = 0
        hidden = prefs.get("hidden_entity_types")
        self.entities = EntityPanel(window.theme, hidden, window)
        self.quotes = QuotePanel(window)
        self.tidy_ups = TidyUpPanel(prefs.get("show_tidyups_inline"), window)
        self.tabs = QTabWidget(window)
        self.tabs.addTab(self.entities, "Entities")
        self.tabs.addTab(self.quotes, "Quotes")
        self.tabs.addTab(self.tidy_ups, "Tidy-ups")
        window.add_side_panel(self.tabs)
        window.view.hidden_labels = set(hidden)
        window.view.fixes_inline = self.tidy_ups.inline.isChecked()
        self.entities.hidden_labels_changed.connect(self._hidden_changed)
        self.entities.mention_chosen.connect(window.view.reveal_source)
        self.quotes.range_chosen.connect(window.view.reveal_source)
        self.tidy_ups.tidy_up_chosen.connect(window.view.reveal_source)
        self.tidy_ups.inline_toggled.connect(self._inline_toggled)
        window.article_opened.connect(lambda _id: self.clear())
        window.session_changed.connect(self._session_event)
        window.english_visibility_changed.connect(self.quotes.set_show_english)
        window.theme_changed.connect(self.entities.set_theme)
        self.quotes.show_english = window.view.english_visible
        window.context_actions.append(self._context_menu)
        # For class: step through the artifacts one by one ("what looks wrong here?").
        window.go_menu.addSeparator()
        window._action(window.go_menu, "Next tidy-up", QKeySequence("F8"),
                       lambda: self.step_tidy_up(1))
        window._action(window.go_menu, "Previous tidy-up", QKeySequence("Shift+F8"),
                       lambda: self.step_tidy_up(-1))

    @property
    def analysis(self) -> Analysis | None:
        """The open article's analysis, once ready."""
        session = self.window.session
        return None if session is None else session.analysis

    @property
    def review(self) -> Review | None:
        """The open article's tidy-up decisions, once the analysis is ready."""
        session = self.window.session
        return None if session is None else session.review

    def clear(self) -> None:
        self._generation += 1
        self.entities.set_groups([])
        self.quotes.set_content([], [], lambda q: "")
        self.tidy_ups.set_review(None, [])

    def _session_event(self, event: Any) -> None:
        from reader.session import ANALYSIS, DECISIONS, ENGLISH, SENTENCES

        if event.kind == SENTENCES:
            self.analyse()
        elif event.kind == ANALYSIS:
            self._show_analysis()
        elif event.kind == DECISIONS:
            self.tidy_ups.refresh()
        elif event.kind == ENGLISH:
            self._refresh_quotes()

    def analyse(self) -> None:
        """Run the analysis of the open article in the background."""
        session = self.window.session
        if session is None or not session.sentences:
            return
        generation = self._generation
        glossary = session.glossary()

        def done(analysis: Analysis) -> None:
            if generation == self._generation and session is self.window.session:
                session.set_analysis(analysis)

        self.runner.submit("analysis", lambda task: session.compute_analysis(glossary),
                           done=done, failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.window.messages.show_message(f"The reading aids could not be computed: {exc}",
                                          "error")

    def _show_analysis(self) -> None:
        session = self.window.session
        if session is None or session.analysis is None:
            return
        analysis = session.analysis
        self.entities.set_groups(analysis.groups)
        self.tidy_ups.set_review(SessionDecisions(session), analysis.tidy_ups)
        self._refresh_quotes()
        self.analysis_ready.emit(analysis.article_id)

    def _refresh_quotes(self) -> None:
        session = self.window.session
        if session is not None and session.analysis is not None:
            self.quotes.set_content(session.analysis.quotes, session.analysis.sources,
                                    session.quote_english)

    def _hidden_changed(self, hidden: set[str]) -> None:
        self.prefs.set("hidden_entity_types", sorted(hidden))
        self.window.view.set_hidden_labels(hidden)

    def _inline_toggled(self, inline: bool) -> None:
        self.prefs.set("show_tidyups_inline", inline)
        self.window.view.set_fixes_inline(inline)

    def step_tidy_up(self, step: int) -> None:
        """Select the next (or previous) suggestion in text order and show it in the text."""
        if self.analysis is None or not self.analysis.tidy_ups:
            return
        ordered = sorted(self.analysis.tidy_ups, key=lambda t: (t.start, t.end))
        keys = [t.key for t in ordered]
        current = self.tidy_ups.current_key()
        index = keys.index(current) + step if current in keys else (0 if step > 0 else -1)
        chosen = ordered[index % len(ordered)]
        self.tabs.setCurrentWidget(self.tidy_ups)
        self.tidy_ups.select(chosen.key)
        self.window.view.reveal_source(chosen.start, chosen.end)

    def add_glossary_entry(self, name: str, literal: str) -> None:
        """Teach the literal-name detector a new rendering, then analyse again."""
        try:
            add_glossary_entry(self.library, name, literal)
        except StorageError as exc:
            self.window.messages.show_message(str(exc), "error")
            return
        self.window.messages.show_message(
            f"Glossary: “{literal}” will be flagged as the name “{name}”.", "info")
        self.analyse()

    def _context_menu(self, menu: QMenu, _pos: Any) -> None:
        selected = self.window.view.textCursor().selectedText().strip()
        if selected and len(selected) < 80:
            menu.addAction(f"Add “{selected}” to the glossary…",
                           lambda: self._ask_glossary(selected))

    def _ask_glossary(self, literal: str) -> None:
        from PySide6.QtWidgets import QInputDialog

        name, ok = QInputDialog.getText(
            self.window, "Add glossary entry",
            f"Which proper name does “{literal}” stand for?")
        if ok and name.strip():
            self.add_glossary_entry(name.strip(), literal)
