"""Reading aids in the window: entity highlights, the quote panel and tidy-up review.

After an article's sentences are known, the analysis runs on the task runner. Its results
colour the French text (and the names carried over into the English), fill the three side
panels, and give the translation controller the working text: accepted tidy-ups change only
the sentences they touch, so only those go back to the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QTabWidget

from reader.analysis import Analysis, analyze
from reader.analysis.review import Review, add_glossary_entry, glossary_entries
from reader.storage import Library, StorageError
from ui.entity_panel import EntityPanel
from ui.quote_panel import QuotePanel
from ui.reading_view import InlineFix, Mark
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
        self.analysis: Analysis | None = None
        self.review: Review | None = None
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
        self.entities.hidden_labels_changed.connect(self._hidden_changed)
        self.entities.mention_chosen.connect(window.view.reveal_source)
        self.quotes.range_chosen.connect(window.view.reveal_source)
        self.tidy_ups.tidy_up_chosen.connect(window.view.reveal_source)
        self.tidy_ups.decisions_changed.connect(self._decisions_changed)
        self.tidy_ups.inline_toggled.connect(self._inline_toggled)
        window.article_opened.connect(lambda _id: self.clear())
        window.english_visibility_changed.connect(self.quotes.set_show_english)
        window.theme_changed.connect(self.entities.set_theme)
        self.quotes.show_english = window.view.english_visible
        window.sentences_ready.connect(lambda _id: self.analyse())
        window.context_actions.append(self._context_menu)
        # For class: step through the artifacts one by one ("what looks wrong here?").
        window.go_menu.addSeparator()
        window._action(window.go_menu, "Next tidy-up", QKeySequence("F8"),
                       lambda: self.step_tidy_up(1))
        window._action(window.go_menu, "Previous tidy-up", QKeySequence("Shift+F8"),
                       lambda: self.step_tidy_up(-1))
        review_menu = window.menuBar().addMenu("&Review")
        review_menu.addActions(self.tidy_ups.commands)  # shortcuts work with the panel hidden
        self.tidy_ups.message.connect(window.feedback)
        if translation is not None:
            translation.mark_english = self.mark_english
            translation.english_changed.connect(self._refresh_quotes)

    def clear(self) -> None:
        self._generation += 1
        self.analysis = None
        self.review = None
        if self.translation is not None:
            self.translation.offset_map = None
        self.entities.set_analysing()  # the analysis follows the sentences
        self.quotes.set_analysing()
        self.tidy_ups.set_review(None, [])

    def analyse(self) -> None:
        """Run the analysis of the open article in the background."""
        parsed = self.window.parsed
        if parsed is None:
            return
        generation = self._generation
        try:
            glossary = glossary_entries(self.library)
        except StorageError:
            glossary = []

        def job(task: Any) -> Analysis:
            from reader import nlp

            full = parsed if parsed.docs else nlp.parse_article(parsed.article)
            return analyze(full, glossary)

        self.window.set_analysing(True)
        self.runner.submit("analysis", job, done=lambda a: self._analysed(generation, a),
                           failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.window.set_analysing(False)
        self.window.messages.show_message(f"The reading aids could not be computed: {exc}",
                                          "error")

    def _analysed(self, generation: int, analysis: Analysis) -> None:
        if generation != self._generation or self.window.article is None:
            return
        self.window.set_analysing(False)
        self.analysis = analysis
        self.review = Review(self.library, analysis.article_id, analysis.tidy_ups)
        self.entities.set_groups(analysis.groups)
        self.tidy_ups.set_review(self.review, analysis.tidy_ups)
        retranslate = False
        if self.translation is not None:
            source = self.window.article.source
            previous = self.translation.offset_map
            self.translation.offset_map = self.review.offset_map(source)
            edits = self.review.edits()
            retranslate = bool(edits) and (previous is None or previous.edits != tuple(edits))
            # English names get their marks in the same rebuild as the French ones.
            self.window.view.english.update(
                {sid: self.translation.english_sentence(t)
                 for sid, t in self.translation.english.items()})
        self._apply_to_view()
        if retranslate:
            self.translation.translate_open_article()  # stored decisions change the text
        self._refresh_quotes()
        self.analysis_ready.emit(analysis.article_id)

    def _apply_to_view(self) -> None:
        assert self.analysis is not None and self.review is not None
        group_names = {g.id: g.name for g in self.analysis.groups}
        marks = [Mark(e.start, e.end, e.label, group_names.get(e.group, e.text))
                 for e in self.analysis.entities]
        fixes = [InlineFix(t.key, t.start, t.end, t.replacement, t.cls, t.reason,
                           self.review.decision(t.key) or "pending")
                 for t in self.analysis.tidy_ups]
        self.window.view.set_annotations(marks, fixes, self.tidy_ups.inline.isChecked())

    def _refresh_quotes(self) -> None:
        if self.analysis is not None:
            self.quotes.set_content(self.analysis.quotes, self.analysis.sources,
                                    self.english_of_quote)

    def english_of_quote(self, quote: Any) -> str:
        """The English of the sentences a quote lies in (the aligned counterpart)."""
        if self.translation is None:
            return ""
        parts = [self.translation.english[i].text for i in quote.sentence_ids
                 if i in self.translation.english]
        return " ".join(parts)

    def mark_english(self, sentence_id: int, english: str) -> list[tuple[int, int, str]]:
        """Entity spans in an English sentence, found through the aligned French one."""
        parsed = self.window.parsed
        if self.analysis is None or parsed is None or sentence_id >= len(parsed.sentences):
            return []
        from reader.analysis import english_entity_spans

        sentence = parsed.sentences[sentence_id]
        mentions = self.analysis.entities_in(sentence.start, sentence.end)
        spans = english_entity_spans(mentions, sentence.text, english)
        return [(start, end, label) for start, end, label, _group in spans]

    def _hidden_changed(self, hidden: set[str]) -> None:
        self.prefs.set("hidden_entity_types", sorted(hidden))
        self.window.view.set_hidden_labels(hidden)

    def _inline_toggled(self, inline: bool) -> None:
        self.prefs.set("show_tidyups_inline", inline)
        if self.analysis is not None:
            self._apply_to_view()

    def _decisions_changed(self) -> None:
        if self.analysis is None or self.review is None:
            return
        self._apply_to_view()
        if self.translation is not None and self.window.article is not None:
            self.translation.offset_map = self.review.offset_map(self.window.article.source)
            self.translation.translate_open_article()

    def step_tidy_up(self, step: int) -> None:
        """Select the next (or previous) suggestion in text order and show it in the text."""
        if self.analysis is None or not self.analysis.tidy_ups:
            self.window.feedback("This article has no tidy-ups." if self.analysis is not None
                                 else "The article is still being analysed.")
            return
        ordered = sorted(self.analysis.tidy_ups, key=lambda t: (t.start, t.end))
        keys = [t.key for t in ordered]
        current = self.tidy_ups.current_key()
        index = keys.index(current) + step if current in keys else (0 if step > 0 else -1)
        chosen = ordered[index % len(ordered)]
        self.tabs.setCurrentWidget(self.tidy_ups)
        self.tidy_ups.select(chosen.key)
        self.window.view.reveal_source(chosen.start, chosen.end)
        self.window.feedback(f"Tidy-up {ordered.index(chosen) + 1} of {len(ordered)}: "
                             f"{self.tidy_ups.reason.text().splitlines()[0]}")

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
        from ui.glossary_dialog import ask_glossary_name

        name = ask_glossary_name(self.window, literal)
        if name:
            self.add_glossary_entry(name, literal)
