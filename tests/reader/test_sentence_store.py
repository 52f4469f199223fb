"""Stored sentence splits: reused when the text and splitter match, redone otherwise."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.nlp import parse_article
from reader.sentence_store import store_sentences, stored_sentences
from reader.storage import Library


def test_round_trip_and_staleness(tmp_path: Path, nlp, seed_articles) -> None:
    library = Library(tmp_path / "r.db")
    article = seed_articles[1]
    assert stored_sentences(library, article) is None
    parsed = parse_article(article, nlp)
    store_sentences(library, article, parsed.sentences)
    assert stored_sentences(library, article) == parsed.sentences
    changed = replace(article, source=article.source + " Encore.")
    assert stored_sentences(library, changed) is None
