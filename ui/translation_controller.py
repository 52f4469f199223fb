"""Fills the English column: model state, streaming translation, per-sentence actions.

Runs every model call through the task runner. The visible paragraphs are translated first
and each sentence appears as soon as its batch is done; switching article cancels the job.
Cached sentences are shown at once on the UI thread (a few milliseconds of SQLite), so an
article translated before opens with zero model calls. The text sent for each sentence is
its *working text*: the source with accepted tidy-ups applied.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QProgressBar, QPushButton

from reader.nlp import ParsedArticle
from reader.storage import Library

MODEL_FILTER = "Argos translation packages (*.argosmodel);;All files (*)"


class TranslationController(QObject):
    """Connects the translation core to the window.

    Signals:
        model_changed(object): the ModelInfo now in use, or None.
        translation_finished(str): every sentence of this article id has its English.
        sentence_translated(int): one sentence's English is on screen.
        english_changed(): a group of English sentences was drawn (once per group).
    """

    model_changed = Signal(object)
    translation_finished = Signal(str)
    sentence_translated = Signal(int)
    english_changed = Signal()

    def __init__(self, window: Any, runner: Any, library: Library,
                 models_dir: Path | None = None, pair: tuple[str, str] = ("fr", "en")) -> None:
        super().__init__(window)
        self.window = window
        self.runner = runner
        self.library = library
        self.models_dir = models_dir
        self.pair = pair
        self.model: Any = None
        self.checking = False
        self._pending: dict[int, Any] = {}
        self._task: Any = None
        self._download: Any = None
        self._generation = 0
        self.progress = QProgressBar(window)
        self.progress.setMaximumWidth(140)
        self.progress.setFormat("%v/%m")
        self.progress.hide()
        self.download_button = QPushButton("Download model", window)
        self.install_button = QPushButton("Install from file…", window)
        self.cancel_button = QPushButton("Cancel", window)
        self.download_button.clicked.connect(self.download)
        self.install_button.clicked.connect(self.choose_model_file)
        self.cancel_button.clicked.connect(self.cancel_download)
        layout = window.english_actions_layout
        for w in (self.progress, self.download_button, self.install_button, self.cancel_button):
            layout.addWidget(w)
        self.cancel_button.hide()
        window.article_opened.connect(lambda _id: self.cancel())
        window.session_changed.connect(self._session_event)
        window.view.setContextMenuPolicy(window.view.contextMenuPolicy().CustomContextMenu)
        window.view.customContextMenuRequested.connect(self._context_menu)
        self.refresh_model()

    # --- model ---------------------------------------------------------------------------

    def refresh_model(self) -> None:
        """Look for an installed model for the pair (off the UI thread: reading a package
        imports argostranslate and SentencePiece), then update the English column."""
        pair, models_dir = self.pair, self.models_dir
        self.checking = True
        self.window.set_english_notice("looking for a translation model…")

        def job(task: Any) -> Any:
            from reader.translation.choice import usable_model

            return usable_model(pair, models_dir)  # skips broken packages, saying why

        self.runner.submit("find model", job, done=self._model_picked,
                           failed=self._model_failed)

    def _model_picked(self, pick: Any) -> None:
        self._model_found(pick.model)
        skipped = "; ".join(pick.skipped)
        if skipped and pick.model is None:
            self._model_failed(RuntimeError(skipped))
        elif skipped:
            self.window.messages.show_message(
                f"Translating with {pick.model.id}. Passed over: {skipped}. Remove broken "
                "packages under Translation ▸ Translation model…", "warning")

    def _model_found(self, model: Any) -> None:
        self.checking = False
        self.model = model
        self._show_model_state()
        self.model_changed.emit(model)
        self.translate_open_article()  # cached English shows even without a model
        if model is not None:
            from reader.translation.service import warm_up

            self.runner.submit("load translation model", lambda task: warm_up(model),
                               failed=self._model_failed)

    def _show_model_state(self) -> None:
        has_model = self.model is not None
        self.download_button.setVisible(not has_model)
        self.install_button.setVisible(not has_model)
        if has_model:
            self.window.set_english_notice(f"{self.model.pair_name} · {self.model.id}")
            self.window.view.english_placeholder = "…"
            self.window.view.set_english_notice("")
        else:
            self.window.set_english_notice("")  # the column itself says it, in full
            self.window.view.english_placeholder = ""
            self.window.view.set_english_notice(
                "No translation model is installed, so there is no English yet. Use "
                "“Download model” to fetch the French→English package (about 66 MB), or "
                "“Install from file…” for a .argosmodel file you already have.")

    def _model_failed(self, exc: BaseException) -> None:
        self.checking = False
        self.window.messages.show_message(
            f"The translation model could not be loaded: {exc}. Install it again from the "
            "Translation model dialog.", "error")
        self.window.set_english_notice("model damaged")
        self.window.view.set_english_notice(
            f"The translation model could not be loaded ({exc}). Install it again with "
            "“Download model” or “Install from file…”.")
        self.download_button.show()
        self.install_button.show()

    def choose_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Install a translation model",
                                              str(Path.home()), MODEL_FILTER)
        if path:
            self.install_file(Path(path))

    def install_file(self, path: Path) -> None:
        """Validate and install a .argosmodel file in the background."""
        from reader.translation.models import install_from_file

        pair, models_dir = self.pair, self.models_dir
        self.window.set_english_notice(f"Installing {path.name}…")
        self.runner.submit(
            "install model",
            lambda task: install_from_file(path, models_dir=models_dir, expected_pair=pair),
            done=lambda info: self._installed(info), failed=self._install_failed)

    def _installed(self, info: Any) -> None:
        self.window.messages.show_message(f"Installed {info.pair_name} ({info.id}).", "info")
        self.refresh_model()  # then translates the open article

    def _install_failed(self, exc: BaseException) -> None:
        self.window.messages.show_message(str(exc), "error")
        self._show_model_state()

    def download(self, index_url: str | None = None) -> None:
        """Download the pair's package through the Argos index, with progress and cancel."""
        from reader.translation.models import download_model

        pair, models_dir = self.pair, self.models_dir
        self.cancel_button.show()
        self.download_button.setEnabled(False)
        self.window.set_english_notice("Downloading the translation model…")

        def job(task: Any) -> Any:
            return download_model(index_url or None, *pair, models_dir=models_dir,
                                  progress=lambda done, total: task.report((done, total)),
                                  is_cancelled=lambda: task.cancelled)

        def progress(value: tuple[int, int]) -> None:
            done, total = value
            if total:
                self.window.set_english_notice(
                    f"Downloading the translation model… {done / 1e6:.1f} of "
                    f"{total / 1e6:.1f} MB")

        self._download = self.runner.submit("download model", job, done=self._downloaded,
                                            failed=self._download_failed, progress=progress)

    def cancel_download(self) -> None:
        if self._download is not None:
            self._download.cancel()

    def _downloaded(self, info: Any) -> None:
        self._download = None
        self.cancel_button.hide()
        self.download_button.setEnabled(True)
        self._installed(info)

    def _download_failed(self, exc: BaseException) -> None:
        self._download = None
        self.cancel_button.hide()
        self.download_button.setEnabled(True)
        from reader.translation.models import DownloadCancelled

        if isinstance(exc, DownloadCancelled):
            self.window.messages.show_message("Download cancelled; nothing was installed.",
                                              "info")
        else:
            self.window.messages.show_message(str(exc), "error")
        self._show_model_state()

    # --- translating ---------------------------------------------------------------------

    @property
    def english(self) -> dict[int, Any]:
        """What the English column shows, by sentence id (from the open session)."""
        session = self.window.session
        return {} if session is None else session.english.shown

    def working_sentences(self, parsed: ParsedArticle | None = None) -> list[tuple[int, str]]:
        """(sentence id, text for the translator) of the open article, from its session."""
        session = self.window.session
        return [] if session is None else session.working_sentences()

    def _worker_library(self) -> Library:
        # SQLite connections are not shared between threads: a worker opens its own.
        return self.library if self.library.path is None else Library(self.library.path)

    def cancel(self) -> None:
        """Stop the running translation (its finished batches are already saved)."""
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._pending = {}
        self.progress.hide()

    def _session_event(self, event: Any) -> None:
        from reader.session import SENTENCES, WORKING_TEXT

        if event.kind in (SENTENCES, WORKING_TEXT):
            self.translate_open_article()

    def translate_open_article(self) -> None:
        """Show what is known at once (hand edits, cache), then stream the rest."""
        session = self.window.session
        if session is None or not session.sentences:
            return
        self.cancel()
        generation = self._generation
        article_id = session.article.id
        total = len(session.sentences)
        session.load_cached_english(self.model)
        for sid in sorted(session.english.shown):  # on screen now, from the cache
            self.sentence_translated.emit(sid)
        missing = session.missing_english()
        if not missing or self.model is None:
            self.progress.hide()
            if not missing:
                self.translation_finished.emit(article_id)
            return
        from reader.translation.service import ArticleTranslator

        visible = set(self.window.view.visible_paragraphs())
        priority = [s.id for s in session.sentences if s.paragraph in visible]
        model = self.model
        self.progress.setRange(0, total)
        self.progress.setValue(total - len(missing))
        self.progress.show()

        def job(task: Any) -> int:
            library = self._worker_library()
            try:
                translator = ArticleTranslator(library, model)
                return translator.translate(
                    article_id, missing, priority,
                    on_sentence=lambda t: task.report(t),
                    is_cancelled=lambda: task.cancelled)
            finally:
                if library is not self.library:
                    library.close()

        def report(translation: Any) -> None:
            if generation == self._generation:
                self._show(translation)
                self.progress.setValue(self.progress.value() + 1)

        def done(_count: int) -> None:
            if generation == self._generation:
                self._task = None
                self.progress.hide()
                self._flush()
                if len(self.english) == total:
                    self.translation_finished.emit(article_id)

        self._task = self.runner.submit("translate", job, done=done, failed=self._failed,
                                        progress=report)

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.window.messages.show_message(f"Translation stopped: {exc}", "error")

    def _show(self, translation: Any) -> None:
        """Queue a sentence for the English column; queued ones are drawn together."""
        if not self._pending:
            QTimer.singleShot(0, self._flush)
        self._pending[translation.sentence_id] = translation

    def _flush(self) -> None:
        # A finished batch delivers many sentences in one go: drawing each paragraph once
        # keeps the UI thread free (one cell rewrite per sentence cost ~2 ms each).
        pending, self._pending = self._pending, {}
        session = self.window.session
        if not pending or session is None:
            return
        session.set_english(pending.values())
        for sid in pending:
            self.sentence_translated.emit(sid)
        self.english_changed.emit()

    # --- per-sentence actions ------------------------------------------------------------

    def retranslate(self, sentence_id: int) -> None:
        """Translate one sentence again, saying what happened (a hand edit stays)."""
        session = self.window.session
        say = self.window.messages.show_message
        if session is None or not 0 <= sentence_id < len(session.sentences):
            say("Pick a sentence first (click it, or Alt+Down), then Ctrl+R.", "info")
            return
        if self.model is None:
            say("No translation model is installed, so nothing can be retranslated.", "info")
            return
        shown = session.english_of(sentence_id)
        if shown is not None and shown.edited:
            say(f"Sentence {sentence_id + 1} keeps your own English: the translator never "
                "replaces a hand edit. Right-click it to drop the edit.", "info")
            return
        text = session.working_text(sentence_id) or ""
        from reader.translation.service import ArticleTranslator

        article_id, model = session.article.id, self.model

        def job(task: Any) -> Any:
            library = self._worker_library()
            try:
                return ArticleTranslator(library, model).retranslate(article_id, sentence_id,
                                                                     text)
            finally:
                if library is not self.library:
                    library.close()

        def done(translation: Any) -> None:
            if session is self.window.session:  # the window says what happened
                self._show(translation)
                self._flush()

        self.runner.submit("retranslate", job, failed=self._failed, done=done)

    def edit(self, sentence_id: int, english: str) -> None:
        """Keep the reader's own English for a sentence; the engine never overwrites it."""
        session = self.window.session
        if session is None or not 0 <= sentence_id < len(session.sentences):
            return
        from reader.storage import StorageError

        try:
            session.edit_english(sentence_id, english)
        except StorageError as exc:
            self.window.messages.show_message(str(exc), "error")

    def keep_edit(self, sentence_id: int) -> None:
        """The French changed under the reader's English: keep the English for it."""
        from reader.storage import StorageError

        session = self.window.session
        if session is None:
            return
        try:
            session.resolve_stale_edit(sentence_id, keep=True)
        except StorageError as exc:
            self.window.messages.show_message(str(exc), "error")

    def drop_edit(self, sentence_id: int) -> None:
        """Forget the reader's English for a sentence (they asked) and show the machine's."""
        from reader.storage import StorageError

        session = self.window.session
        if session is None:
            return
        shown = session.english_of(sentence_id)
        try:
            if shown is not None and shown.stale:
                session.resolve_stale_edit(sentence_id, keep=False)
            else:
                session.english.discard_edit(session.sentences[sentence_id],
                                             session.working_text(sentence_id) or "")
        except StorageError as exc:
            self.window.messages.show_message(str(exc), "error")
            return
        self.translate_open_article()

    def _context_menu(self, pos: Any) -> None:
        view = self.window.view
        sentence_id = view.sentence_at_position(view.cursorForPosition(pos).position())
        session = self.window.session
        menu = QMenu(view)
        shown = session.english_of(sentence_id) if session and sentence_id >= 0 else None
        if shown is not None and shown.stale:
            menu.addAction("French changed since your edit: keep my English",
                           lambda: self.keep_edit(sentence_id))
            menu.addAction("French changed since your edit: retranslate",
                           lambda: self.drop_edit(sentence_id))
        elif shown is not None and shown.edited:
            menu.addAction("Drop my English (show the machine's)",
                           lambda: self.drop_edit(sentence_id))
        if sentence_id >= 0 and self.model is not None:
            menu.addAction("Retranslate sentence", lambda: self.retranslate(sentence_id))
        if sentence_id >= 0 and session is not None and session.sentences:
            menu.addAction("Edit English…", lambda: self._ask_edit(sentence_id))
        for extra in getattr(self.window, "context_actions", []):
            extra(menu, pos)
        if not menu.isEmpty():
            menu.exec(view.viewport().mapToGlobal(pos))

    def _ask_edit(self, sentence_id: int) -> None:
        from ui.edit_english_dialog import ask_english

        session = self.window.session
        if session is None:
            return
        current = session.english_of(sentence_id)
        text = ask_english(self.window, session.sentences[sentence_id].text,
                           current.text if current else "")
        if text:
            self.edit(sentence_id, text)
