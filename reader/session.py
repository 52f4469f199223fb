"""One open article's state, owned in one place and changed in one direction.

An :class:`ArticleSession` holds, for one article:

article → sentences → analysis → tidy-up decisions → working text → translations → annotations

Each stage is derived from the ones before it and nowhere else: the window, the command line,
the exporters and lesson tools all read the working text, the English and the annotations from
a session, so none of them re-derives them. Slow steps (parsing, analysing) are plain functions
the caller may run on a worker thread; their results come back through the ``set_…`` methods,
which are cheap. Every change is reported to subscribers as a :class:`SessionEvent`.

Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from reader.analysis.model import Analysis, Quote
from reader.analysis.review import Review, glossary_entries, stored_offset_map
from reader.annotations import Annotation, AnnotationStore, clean_tags
from reader.article import Article
from reader.nlp import ParsedArticle, Sentence
from reader.sentence_store import store_sentences, stored_sentences
from reader.session_english import EnglishState, SentenceEnglish
from reader.spans import OffsetMap
from reader.storage import Library, StorageError

if TYPE_CHECKING:  # pragma: no cover
    from reader.translation.models import ModelInfo

# What changed, in the order data flows.
SENTENCES = "sentences"
ANALYSIS = "analysis"
DECISIONS = "decisions"
WORKING_TEXT = "working-text"
ENGLISH = "english"
ANNOTATIONS = "annotations"
CURRENT = "current"


@dataclass(frozen=True)
class SessionEvent:
    """A change of one stage; ``sentence_ids`` narrows it where that is known."""

    kind: str
    sentence_ids: frozenset[int] = frozenset()


Listener = Callable[[SessionEvent], None]


@dataclass(frozen=True)
class _Step:
    """One undoable action: a tidy-up decision, or an annotation before/after."""

    kind: str  # "decision" or "annotation"
    before: Annotation | None = None
    after: Annotation | None = None


class ArticleSession:
    """The single owner of one open article's state (see the module docstring)."""

    def __init__(self, library: Library, article: Article) -> None:
        self.library = library
        self.article = article
        self.parsed: ParsedArticle | None = None
        self.analysis: Analysis | None = None
        self.review: Review | None = None
        self.offset_map = OffsetMap(article.source)
        self.english = EnglishState(library, article.id)
        self.notes = AnnotationStore(library)
        self.annotations: list[Annotation] = self._load_annotations()
        self.current_sentence = -1
        self._listeners: list[Listener] = []
        self._undo: list[_Step] = []
        self._redo: list[_Step] = []
        self._working: dict[int, str] = {}
        try:
            self.offset_map = stored_offset_map(library, article.id, article.source)
        except StorageError:
            pass

    # --- events ----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` on every change; returns a function that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _emit(self, kind: str, sentence_ids: Iterable[int] = ()) -> None:
        event = SessionEvent(kind, frozenset(sentence_ids))
        for listener in list(self._listeners):
            listener(event)

    # --- sentences -------------------------------------------------------------------------

    @property
    def sentences(self) -> list[Sentence]:
        """The article's sentences (empty until known)."""
        return self.parsed.sentences if self.parsed is not None else []

    def load_stored_sentences(self) -> bool:
        """Take the stored split if there is a current one (no spaCy needed); True if so."""
        try:
            stored = stored_sentences(self.library, self.article)
        except StorageError:
            stored = None
        if stored is None:
            return False
        self.set_parsed(ParsedArticle(self.article, stored, []))
        return True

    def parse(self) -> ParsedArticle:
        """Split the article with spaCy (slow: call from a worker). Does not change state."""
        from reader import nlp

        return nlp.parse_article(self.article)

    def set_parsed(self, parsed: ParsedArticle, store: bool = False) -> None:
        """Adopt a parse; ``store`` remembers the split so reopening needs no parse."""
        if store:
            store_sentences(self.library, parsed.article, parsed.sentences)
        self.parsed = parsed
        self._working = self._working_texts()
        self._emit(SENTENCES)

    # --- analysis and decisions ------------------------------------------------------------

    def glossary(self) -> list[tuple[str, str]]:
        """The user's glossary entries (empty if the database cannot be read)."""
        try:
            return glossary_entries(self.library)
        except StorageError:
            return []

    def compute_analysis(self, glossary: list[tuple[str, str]] | None = None) -> Analysis:
        """Run the analysis (slow: call from a worker). Does not change state."""
        from reader import nlp
        from reader.analysis import analyze

        parsed = self.parsed
        if parsed is None or not parsed.docs:
            parsed = nlp.parse_article(self.article)
        return analyze(parsed, self.glossary() if glossary is None else glossary)

    def set_analysis(self, analysis: Analysis) -> None:
        """Adopt an analysis; stored tidy-up decisions are reloaded with it."""
        self.analysis = analysis
        self.review = Review(self.library, self.article.id, analysis.tidy_ups)
        self._emit(ANALYSIS)
        self._working_text_changed()

    def decide(self, action: str, key: str = "", cls: str = "") -> None:
        """``accept``/``reject`` one suggestion by key, or ``accept_class`` by class."""
        if self.review is None:
            raise RuntimeError("the analysis is not ready")
        depth = self.review.undo_depth
        if action == "accept":
            self.review.accept(key)
        elif action == "reject":
            self.review.reject(key)
        elif action == "accept_class":
            self.review.accept_class(cls)
        else:
            raise ValueError(action)
        if self.review.undo_depth > depth:
            self._push(_Step("decision"))
        self._emit(DECISIONS)
        self._working_text_changed()

    def _working_text_changed(self) -> None:
        if self.review is None:
            return
        new_map = self.review.offset_map(self.article.source)
        if new_map.edits == self.offset_map.edits:
            return
        self.offset_map = new_map
        before = self._working
        self._working = self._working_texts()
        changed = {sid for sid, text in self._working.items() if before.get(sid) != text}
        self.english.french_changed(self.working_sentences(), changed)
        self._emit(WORKING_TEXT, changed)

    def _working_texts(self) -> dict[int, str]:
        omap = self.offset_map
        return {s.id: omap.working_slice(s.start, s.end).strip() for s in self.sentences}

    def working_sentences(self) -> list[tuple[int, str]]:
        """``(sentence id, text for the translator)``: the source with accepted tidy-ups."""
        return [(s.id, self._working.get(s.id, s.text)) for s in self.sentences]

    def working_text(self, sentence_id: int) -> str | None:
        """The text the translator sees for one sentence."""
        return self._working.get(sentence_id)

    # --- translations ----------------------------------------------------------------------

    def load_cached_english(self, model: ModelInfo | None) -> int:
        """Show what is known without the model: hand edits, then the cache (of ``model``,
        or of any model when none is installed). Returns how many sentences are known."""
        known = self.english.load(self.sentences, self.working_sentences(), model)
        self._emit(ENGLISH, known)
        return len(known)

    def set_english(self, translations: Iterable[SentenceEnglish]) -> None:
        """Machine or hand-edited English arrived for some sentences."""
        shown = self.english.receive(translations)
        if shown:
            self._emit(ENGLISH, shown)

    def edit_english(self, sentence_id: int, english: str) -> None:
        """Keep the reader's own English for a sentence; the engine never overwrites it."""
        sentence = self.sentences[sentence_id]
        self.english.save_edit(sentence, self.working_text(sentence_id) or "", english)
        self._emit(ENGLISH, {sentence_id})

    def resolve_stale_edit(self, sentence_id: int, keep: bool) -> None:
        """The French under a hand edit changed: keep the edit for the new French, or drop
        it and show the machine English."""
        sentence = self.sentences[sentence_id]
        self.english.resolve_stale(sentence, self.working_text(sentence_id) or "", keep)
        self._emit(ENGLISH, {sentence_id})

    def english_of(self, sentence_id: int) -> SentenceEnglish | None:
        """What the English column shows for a sentence."""
        return self.english.shown.get(sentence_id)

    def missing_english(self) -> list[tuple[int, str]]:
        """Working sentences that have no English yet and no hand edit (for the model)."""
        return [(sid, text) for sid, text in self.working_sentences()
                if sid not in self.english.shown and text.strip()]

    def english_marks(self, sentence_id: int) -> list[tuple[int, int, str]]:
        """Entity spans in a sentence's English, found through the aligned French."""
        shown = self.english_of(sentence_id)
        if self.analysis is None or shown is None or sentence_id >= len(self.sentences):
            return []
        from reader.analysis import english_entity_spans

        sentence = self.sentences[sentence_id]
        mentions = self.analysis.entities_in(sentence.start, sentence.end)
        spans = english_entity_spans(mentions, sentence.text, shown.text)
        return [(start, end, label) for start, end, label, _group in spans]

    def quote_english(self, quote: Quote) -> str:
        """The English of the sentences a quote lies in."""
        parts = [self.english.shown[i].text for i in quote.sentence_ids
                 if i in self.english.shown]
        return " ".join(parts)

    # --- annotations -----------------------------------------------------------------------

    def _load_annotations(self) -> list[Annotation]:
        try:
            return self.notes.for_article(self.article.id)
        except StorageError:
            return []

    def annotation(self, annotation_id: int) -> Annotation | None:
        """One of this article's annotations by id."""
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def highlight_french(self, start: int, end: int, colour: str, note: str = "",
                         tags: Iterable[str] = ()) -> Annotation:
        """Highlight ``source[start:end]`` (trimmed of surrounding spaces)."""
        source = self.article.source
        while start < end and source[start].isspace():
            start += 1
        while end > start and source[end - 1].isspace():
            end -= 1
        if not 0 <= start < end <= len(source):
            raise ValueError("select some French text to highlight")
        return self._create(Annotation(self.article.id, "fr", start, end, colour,
                                       source[start:end], note, clean_tags(tags)))

    def highlight_english(self, sentence_id: int, start: int, end: int, colour: str,
                          note: str = "", tags: Iterable[str] = ()) -> Annotation:
        """Highlight part of one sentence's English, anchored to that sentence."""
        shown = self.english_of(sentence_id)
        if shown is None or not 0 <= start < end <= len(shown.text):
            raise ValueError("select some English text to highlight")
        sentence = self.sentences[sentence_id]
        return self._create(Annotation(
            self.article.id, "en", start, end, colour, shown.text[start:end], note,
            clean_tags(tags), sentence.start, sentence.end, shown.text))

    def _create(self, annotation: Annotation) -> Annotation:
        stored = self.notes.add(annotation)
        self._push(_Step("annotation", None, stored))
        self.reload_annotations()
        return stored

    def update_annotation(self, annotation_id: int, **changes: object) -> Annotation:
        """Change an annotation's colour, note or tags."""
        before = self.annotation(annotation_id)
        if before is None:
            raise KeyError(annotation_id)
        after = self.notes.update(before, **changes)
        self._push(_Step("annotation", before, after))
        self.reload_annotations()
        return after

    def delete_annotation(self, annotation_id: int) -> None:
        """Remove an annotation (undo puts it back)."""
        before = self.annotation(annotation_id)
        if before is None:
            raise KeyError(annotation_id)
        self.notes.delete(annotation_id)
        self._push(_Step("annotation", before, None))
        self.reload_annotations()

    def reload_annotations(self) -> None:
        """Read the article's annotations again (after an import) and report it."""
        self.annotations = self._load_annotations()
        self._emit(ANNOTATIONS)

    def english_anchor(self, annotation: Annotation) -> tuple[int, bool] | None:
        """``(sentence id, english changed?)`` of an English annotation, or None when its
        sentence is not in the current split."""
        for s in self.sentences:
            if s.start == annotation.sentence_start and s.end == annotation.sentence_end:
                shown = self.english_of(s.id)
                return s.id, shown is None or shown.text != annotation.sentence_text
        start = annotation.sentence_start or 0
        for s in self.sentences:  # re-split: the sentence that holds the old start
            if s.start <= start < s.end:
                return s.id, True
        return None

    def french_anchor(self, annotation: Annotation) -> tuple[int, int]:
        """Source range to show for any annotation (an English one shows its sentence)."""
        if annotation.side == "fr":
            return annotation.start, annotation.end
        return annotation.sentence_start or 0, annotation.sentence_end or 0

    # --- undo ------------------------------------------------------------------------------

    def _push(self, step: _Step) -> None:
        self._undo.append(step)
        self._redo.clear()

    def can_undo(self) -> bool:
        """True when there is an action to take back."""
        return bool(self._undo)

    def can_redo(self) -> bool:
        """True when an undone action can be done again."""
        return bool(self._redo)

    def undo(self) -> str:
        """Take back the last decision or annotation change; says what was undone."""
        if not self._undo:
            return ""
        step = self._undo.pop()
        self._redo.append(step)
        return self._apply(step, undo=True)

    def redo(self) -> str:
        """Do again what :meth:`undo` took back; says what was redone."""
        if not self._redo:
            return ""
        step = self._redo.pop()
        self._undo.append(step)
        return self._apply(step, undo=False)

    def _apply(self, step: _Step, undo: bool) -> str:
        if step.kind == "decision":
            assert self.review is not None
            done = self.review.undo() if undo else self.review.redo()
            self._emit(DECISIONS)
            self._working_text_changed()
            return "tidy-up decision" if done else ""
        target = step.before if undo else step.after
        gone = step.after if undo else step.before
        if target is None and gone is not None and gone.id is not None:
            self.notes.delete(gone.id)
            what = "highlight"
        else:
            assert target is not None
            self.notes.restore(replace(target))
            what = "note" if gone is not None else "highlight"
        self.reload_annotations()
        return what

    # --- reading position ------------------------------------------------------------------

    def set_current_sentence(self, sentence_id: int) -> None:
        """The sentence the reader is on (shown in both columns)."""
        if sentence_id != self.current_sentence:
            self.current_sentence = sentence_id
            self._emit(CURRENT, {sentence_id})


def open_session(library: Library, article_id: str, analyse: bool = True,
                 model: ModelInfo | None = None) -> ArticleSession:
    """A fully loaded session for headless use (CLI, exports): sentences, analysis, and the
    English known without calling the model."""
    session = ArticleSession(library, library.article(article_id))
    if analyse or not session.load_stored_sentences():
        session.set_parsed(session.parse(), store=True)
    if analyse:
        session.set_analysis(session.compute_analysis())
    session.load_cached_english(model)
    return session


class SessionDecisions:
    """The tidy-up review as the review panel sees it, routed through the session so every
    decision updates the working text and joins the one undo history."""

    def __init__(self, session: ArticleSession) -> None:
        self.session = session

    @property
    def article_id(self) -> str:
        """The article these decisions are about."""
        return self.session.article.id

    def decision(self, key: str) -> str | None:
        """``"accepted"``, ``"rejected"`` or None."""
        review = self.session.review
        return None if review is None else review.decision(key)

    def accept(self, key: str) -> None:
        """Accept one suggestion."""
        self.session.decide("accept", key)

    def reject(self, key: str) -> None:
        """Reject one suggestion."""
        self.session.decide("reject", key)

    def accept_class(self, cls: str) -> None:
        """Accept every suggestion of a class."""
        self.session.decide("accept_class", cls=cls)

    def undo(self) -> bool:
        """Take back the last action of the session (decision or note)."""
        return bool(self.session.undo())

    def can_undo(self) -> bool:
        """True when something can be undone."""
        return self.session.can_undo()
