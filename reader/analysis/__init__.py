"""Reading aids for one article: entities, quotes and sources, and tidy-up suggestions.

:func:`analyze` is the one entry point (the UI calls it on a worker thread). It reuses the
spaCy docs of a :class:`reader.nlp.ParsedArticle` and never re-parses, so a 2,000-word
article takes a few tens of milliseconds once spaCy is loaded. Nothing here imports Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.analysis.english import english_entity_spans
from reader.analysis.entities import find_mentions
from reader.analysis.grouping import group_mentions
from reader.analysis.lexicon import Lexicon, load_lexicon
from reader.analysis.model import (
    TIDY_UP_CLASSES,
    TIDY_UP_RANK,
    Analysis,
    Entity,
    EntityGroup,
    Quote,
    Source,
    TidyUp,
)
from reader.analysis.quotes import find_quote_spans, find_tweets
from reader.analysis.sources import find_sources
from reader.analysis.speakers import Attribution
from reader.analysis.tidy_names import literal_names, literal_names_from_frames, name_variants
from reader.analysis.tidy_text import boilerplate, calques
from reader.analysis.tidy_typography import typography
from reader.analysis.variants import find_variants
from reader.nlp import ParsedArticle

__all__ = [
    "TIDY_UP_CLASSES", "Analysis", "Entity", "EntityGroup", "Quote", "Source", "TidyUp",
    "analyze", "english_entity_spans", "find_tidy_ups",
]



def _without_overlaps(found: list[TidyUp]) -> list[TidyUp]:
    """Drop suggestions overlapping a higher-priority one (calques may overlap others)."""
    kept: list[TidyUp] = []
    for t in sorted(found, key=lambda t: (TIDY_UP_RANK[t.cls], t.start, -t.end)):
        clash = any(k.start < t.end and t.start < k.end for k in kept
                    if (k.replacement is not None and t.replacement is not None)
                    or k.cls == t.cls)  # one flag per place and class
        same = any(k.key == t.key for k in kept)
        if not clash and not same:
            kept.append(t)
    return sorted(kept, key=lambda t: (t.start, t.end, t.cls))


def find_tidy_ups(parsed: ParsedArticle, variants_names: set[str], lexicon: Lexicon,
                  glossary_extra: Iterable[tuple[str, str]] = (),
                  people: frozenset[str] = frozenset()) -> list[TidyUp]:
    """Every tidy-up suggestion for the article, overlaps resolved."""
    article = parsed.article
    source = article.source
    tweets = find_tweets(article)
    variants = find_variants(source, variants_names, lexicon, people)
    found = boilerplate(article, tweets)
    found += literal_names(source, lexicon, glossary_extra)
    found += literal_names_from_frames(parsed, lexicon, glossary_extra)
    found += name_variants(source, variants)
    found += calques(source, lexicon)
    found += typography(source)
    return _without_overlaps(found)


def analyze(parsed: ParsedArticle, glossary_extra: Iterable[tuple[str, str]] = (),
            lexicon: Lexicon | None = None) -> Analysis:
    """Entities, quotes, sources and tidy-ups of a parsed article.

    ``glossary_extra`` holds the user's ``(name, literal rendering)`` glossary entries, used by
    the literal-name detector in addition to ``resources/glossary.json``.
    """
    lexicon = lexicon or load_lexicon()
    article = parsed.article
    source = article.source
    mentions = find_mentions(parsed, lexicon)
    names = {source[m.start:m.end] for m in mentions if m.label in ("PER", "ORG", "LOC", "MISC")}
    people = frozenset(source[m.start:m.end] for m in mentions
                       if m.label in ("PER", "ORG", "LOC"))
    variants = find_variants(source, names, lexicon, people)
    entities, groups = group_mentions(source, mentions, variants, lexicon)
    tweets = find_tweets(article)
    spans = find_quote_spans(article, tweets)
    quotes = Attribution(parsed, entities, groups, lexicon).attribute(spans)
    sources = find_sources(source, entities, lexicon)
    tidy_ups = find_tidy_ups(parsed, names, lexicon, glossary_extra, people)
    return Analysis(article.id, entities, groups, quotes, sources, tidy_ups)
