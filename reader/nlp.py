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
from reader.long_text import MAX_PARSE_CHARS, split_long

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "fr_core_news_sm"
# Bump when the sentence rules below change, so stored splits are redone.
SPLITTER_VERSION = "fr_core_news_sm+rules-2"
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
        # Only the few characters before the break matter (an abbreviation is short); looking
        # at the whole prefix made long paragraphs quadratic.
        if ABBREVIATION_END.search(text, max(0, m.start() - 16), m.end()):
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


def _parse_paragraphs(texts: list[str], nlp: Language) -> list[Doc]:
    """One doc per paragraph; a paragraph over MAX_PARSE_CHARS is parsed in pieces (cut at
    sentence ends first) and the pieces joined, so parsing stays linear in length."""
    from spacy.tokens import Doc

    pieces: list[str] = []
    owners: list[int] = []
    for index, text in enumerate(texts):
        for start, end in split_long(text, MAX_PARSE_CHARS):
            pieces.append(text[start:end])
            owners.append(index)
    parsed = list(nlp.pipe(pieces, batch_size=32))
    docs: list[Doc] = []
    for index in range(len(texts)):
        mine = [doc for doc, owner in zip(parsed, owners, strict=True) if owner == index]
        docs.append(mine[0] if len(mine) == 1 else Doc.from_docs(mine, ensure_whitespace=False))
    return docs


def parse_article(article: Article, nlp: Language | None = None) -> ParsedArticle:
    """Split an article into sentences with spaCy, paragraph by paragraph.

    A "sentence" longer than MAX_SENTENCE_CHARS (text without full stops) is cut further, by
    clause and then by length (:mod:`reader.long_text`), so no unit sent to the translator is
    longer than the model can take.
    """
    nlp = nlp or load_pipeline()
    texts = [p.text(article.source) for p in article.paragraphs]
    docs = _parse_paragraphs(texts, nlp)
    sentences: list[Sentence] = []
    for para, doc in zip(article.paragraphs, docs, strict=True):
        for start, end in _sentence_ranges(doc, para.start):
            for cut_start, cut_end in split_long(article.source[start:end]):
                _add_sentence(sentences, article.source, para.index, start + cut_start,
                              start + cut_end)
    return ParsedArticle(article, sentences, docs)


def _add_sentence(sentences: list[Sentence], source: str, paragraph: int, start: int,
                  end: int) -> None:
    text = source[start:end]
    stripped = text.rstrip()
    end -= len(text) - len(stripped)
    if end > start:
        sentences.append(Sentence(len(sentences), paragraph, start, end, stripped))
