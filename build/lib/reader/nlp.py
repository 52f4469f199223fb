"""Sentences from spaCy's ``fr_core_news_sm``, loaded lazily and once per process.

Loading the model takes seconds, so the UI asks for :func:`load_pipeline` on a background
thread before it needs sentences. Paragraphs are parsed with ``nlp.pipe`` and the resulting
docs are kept with the sentences so the analysis layer (entities, quotes) reuses one parse.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.article import Article

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "fr_core_news_sm"
# Bump when the sentence rules below change, so stored splits are redone.
SPLITTER_VERSION = "fr_core_news_sm+rules-1"
_lock = threading.Lock()
_pipeline: Language | None = None


class ModelMissingError(RuntimeError):
    """The spaCy French model is not installed or cannot be loaded."""


def load_pipeline() -> Language:
    """The shared spaCy pipeline, loaded on first call (thread-safe)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            try:
                import spacy
                from spacy.language import Language

                if "reader_sentences" not in Language.factories:
                    Language.component("reader_sentences", func=_mark_sentence_starts)
                nlp = spacy.load(MODEL_NAME)
                nlp.add_pipe("reader_sentences", before="parser")
                _pipeline = nlp
            except (OSError, ImportError) as exc:
                raise ModelMissingError(
                    f"The French language model '{MODEL_NAME}' could not be loaded ({exc}). "
                    "Run the set-up command from the README again."
                ) from exc
        return _pipeline


def pipeline_loaded() -> bool:
    """True once :func:`load_pipeline` has finished."""
    return _pipeline is not None


@dataclass(frozen=True)
class Sentence:
    """One sentence of the source text. ``id`` is its index in the article."""

    id: int
    paragraph: int
    start: int
    end: int
    text: str


@dataclass
class ParsedArticle:
    """An article with its sentences and the spaCy doc of each paragraph."""

    article: Article
    sentences: list[Sentence]
    docs: list[Any]  # spacy Doc per paragraph, same order as article.paragraphs

    def sentences_in(self, paragraph: int) -> list[Sentence]:
        """The sentences of one paragraph, in order."""
        return [s for s in self.sentences if s.paragraph == paragraph]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a source offset."""
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


# spaCy's parser splits French news text badly (after "d’", inside "Amazon Web Services"), so
# a rule component placed before the parser fixes every boundary: a sentence ends after
# . ! ? or … (and any closing quote) when the next word starts with a capital, a digit or an
# opening quote, except after common abbreviations and initials. The parser respects it.
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?…])(?:[ \u00a0\u202f]*[»”\"’)])*[\s\u00a0\u202f]+(?=[«“\"(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])"
)
ABBREVIATION_END = re.compile(
    r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|St|Ste|av|apr|J\.-C|etc|cf|p|n°|vol|art|No)|"
    r"(?<![\w.])[A-Z])\.[»”\"’)]*\s+$"
)


def sentence_starts(text: str) -> list[int]:
    """Character offsets in ``text`` where a new sentence begins (0 is implied)."""
    starts = []
    for m in SENTENCE_BREAK.finditer(text):
        if ABBREVIATION_END.search(text[: m.end()]):
            continue
        starts.append(m.end())
    return starts


def _mark_sentence_starts(doc: Doc) -> Doc:
    starts = set(sentence_starts(doc.text))
    pending = sorted(starts)
    j = 0
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        is_start = False
        while j < len(pending) and pending[j] <= token.idx:
            is_start = True
            j += 1
        token.is_sent_start = is_start
    return doc


def _sentence_ranges(doc: Doc, base: int) -> list[tuple[int, int]]:
    return [(base + s.start_char, base + s.end_char) for s in doc.sents]


def parse_article(article: Article, nlp: Language | None = None) -> ParsedArticle:
    """Split an article into sentences with spaCy, paragraph by paragraph."""
    nlp = nlp or load_pipeline()
    texts = [p.text(article.source) for p in article.paragraphs]
    docs = list(nlp.pipe(texts, batch_size=32))
    sentences: list[Sentence] = []
    for para, doc in zip(article.paragraphs, docs, strict=True):
        for start, end in _sentence_ranges(doc, para.start):
            text = article.source[start:end]
            stripped = text.rstrip()
            end -= len(text) - len(stripped)
            sentences.append(Sentence(len(sentences), para.index, start, end, stripped))
    return ParsedArticle(article, sentences, docs)
