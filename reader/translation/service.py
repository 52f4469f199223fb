"""Translating an article: cache first, then the model, streamed in the reader's priority order.

The caller passes ``(sentence_id, text)`` pairs, where ``text`` is the working text of the
sentence (the source with accepted tidy-ups), and optionally the ids of the visible sentences.
:meth:`ArticleTranslator.translate` reports every cached sentence first, then translates the
visible sentences, then the rest, reporting each sentence as soon as its batch finishes and
committing the batch to the cache before the next one starts. Quitting in the middle loses
nothing already translated; ``is_cancelled`` is checked between batches.

Hand edits win over machine output everywhere: they are reported with ``edited=True`` and the
engine never writes over them (see :mod:`reader.translation.cache` for how they are keyed).

Runs on a background thread; the Library connection is shared, so writes are short
transactions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, wait
from dataclasses import dataclass

from reader.storage import Library
from reader.translation.cache import TranslationCache
from reader.translation.engine import (
    DEFAULT_DECODING,
    DEFAULT_PLAN,
    BatchPlan,
    DecodingOptions,
    Engine,
    load_engine,
    plan_batches,
)
from reader.translation.models import ModelInfo


@dataclass
class SentenceTranslation:
    """The English of one French sentence; ``sentence_id`` is the French sentence's id."""

    sentence_id: int
    text: str
    edited: bool


def settle(futures: Iterable[Future[list[list[str]]]]) -> None:
    """Cancel batches not started yet and wait for the ones already running."""
    running = [f for f in futures if not f.cancel()]
    wait(running)


def warm_up(model: ModelInfo, decoding: DecodingOptions = DEFAULT_DECODING) -> None:
    """Load the package's CTranslate2 model and tokenizer (call from a background thread)."""
    load_engine(model, decoding)


class ArticleTranslator:
    """Translations of articles with one model, through the library's cache."""

    def __init__(
        self, library: Library, model: ModelInfo,
        decoding: DecodingOptions = DEFAULT_DECODING, plan: BatchPlan = DEFAULT_PLAN,
    ) -> None:
        self.library = library
        self.model = model
        self.decoding = decoding
        self.plan = plan
        self.cache = TranslationCache(library, model.id, decoding.cache_tag())
        self.model_calls = 0

    @property
    def engine(self) -> Engine:
        """The loaded engine (loads on first use; shared between translators)."""
        return load_engine(self.model, self.decoding)

    def cached(
        self, article_id: str, sentences: list[tuple[int, str]]
    ) -> dict[int, SentenceTranslation]:
        """Everything known without the model: hand edits, then cache entries."""
        texts = [text for _, text in sentences]
        edits = self.cache.edits(article_id, texts)
        machine = self.cache.lookup(t for t in texts if t not in edits)
        found: dict[int, SentenceTranslation] = {}
        for sid, text in sentences:
            if text in edits:
                found[sid] = SentenceTranslation(sid, edits[text], True)
            elif text in machine:
                found[sid] = SentenceTranslation(sid, machine[text], False)
            elif not text.strip():
                found[sid] = SentenceTranslation(sid, "", False)
        return found

    def translate(
        self,
        article_id: str,
        sentences: list[tuple[int, str]],
        priority: list[int] | None,
        on_sentence: Callable[[SentenceTranslation], None],
        is_cancelled: Callable[[], bool] = lambda: False,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> int:
        """Report every sentence's English; returns how many texts the model translated."""
        total = len(sentences)
        known = self.cached(article_id, sentences)
        by_id = dict(sentences)
        done = 0
        for sid, _ in sentences:
            if sid in known:
                on_sentence(known[sid])
                done += 1
        if on_progress:
            on_progress(done, total)
        # Sentences still to translate, grouped by text: a repeated sentence is translated once.
        waiting: dict[str, list[int]] = {}
        rank = {sid: i for i, sid in enumerate(priority or [])}
        ordered = sorted((sid for sid, _ in sentences if sid not in known),
                         key=lambda sid: (0, rank[sid]) if sid in rank else (1, sid))
        for sid in ordered:
            waiting.setdefault(by_id[sid], []).append(sid)
        if not waiting or is_cancelled():
            return 0
        texts = list(waiting)
        visible = sum(1 for t in texts if any(s in rank for s in waiting[t]))
        engine = self.engine
        tokens = engine.encode(texts)
        translated = 0
        batches = plan_batches(range(len(texts)), [len(t) for t in tokens], visible, self.plan)
        in_flight: deque[tuple[list[int], Future[list[list[str]]]]] = deque()
        try:
            while True:
                # One batch waits queued behind the running one (see Engine.submit).
                while len(in_flight) < 2 and not is_cancelled():
                    batch = next(batches, None)
                    if batch is None:
                        break
                    self.model_calls += 1
                    in_flight.append((batch, engine.submit([tokens[i] for i in batch])))
                if not in_flight or is_cancelled():
                    break
                batch, pending = in_flight[0]  # stays listed until done, for settle()
                english = [engine.decode(out) for out in pending.result()]
                in_flight.popleft()
                self.cache.store((texts[i], e) for i, e in zip(batch, english, strict=True))
                translated += len(batch)
                for i, text in zip(batch, english, strict=True):
                    for sid in waiting[texts[i]]:
                        on_sentence(SentenceTranslation(sid, text, False))
                        done += 1
                if on_progress:
                    on_progress(done, total)
        finally:
            # Stopping for any reason (cancel, Ctrl-C, a full disk): queued batches are
            # dropped and the running one is waited for, so no model call outlives us.
            settle(future for _, future in in_flight)
        return translated

    def retranslate(self, article_id: str, sentence_id: int, text: str) -> SentenceTranslation:
        """Translate one sentence again, replacing its cache entry.

        A hand edit of the sentence stays and is still what is returned (marked edited); use
        :meth:`discard_edit` first to get the machine English back.
        """
        engine = self.engine
        self.model_calls += 1
        english = engine.decode(engine.translate_tokens(engine.encode([text]))[0])
        self.cache.store([(text, english)])
        edits = self.cache.edits(article_id, [text])
        if text in edits:
            return SentenceTranslation(sentence_id, edits[text], True)
        return SentenceTranslation(sentence_id, english, False)

    def edit(
        self, article_id: str, sentence_id: int, source_text: str, english: str
    ) -> SentenceTranslation:
        """Keep the reader's own English for a sentence; it is marked edited from now on."""
        self.cache.save_edit(article_id, source_text, english)
        return SentenceTranslation(sentence_id, english, True)

    def discard_edit(
        self, article_id: str, sentence_id: int, source_text: str
    ) -> SentenceTranslation | None:
        """Drop a hand edit; returns the cached machine English if there is one."""
        self.cache.discard_edit(article_id, source_text)
        return self.cached(article_id, [(sentence_id, source_text)]).get(sentence_id)
