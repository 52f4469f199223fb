"""Stored sentence boundaries, so an article opened before shows its sentences at once.

Splitting with spaCy takes a few hundred milliseconds per article; reopening must show both
columns in under 0.2 s. The boundaries are stored with the source's hash and the splitter's
version, so a changed text or changed rules are split again rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from reader.article import Article
from reader.nlp import SPLITTER_VERSION, Sentence
from reader.storage import Library, StorageError


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_sentences(library: Library, article: Article) -> list[Sentence] | None:
    """The article's stored sentences, or None if absent or stale."""
    row = library.db.execute(
        "select source_sha, splitter, ranges from sentence_splits where article_id = ?",
        [article.id],
    ).fetchone()
    if row is None or row[0] != _sha(article.source) or row[1] != SPLITTER_VERSION:
        return None
    sentences = []
    for i, (paragraph, start, end) in enumerate(json.loads(row[2])):
        if not 0 <= start < end <= len(article.source):
            return None
        sentences.append(Sentence(i, paragraph, start, end, article.source[start:end]))
    return sentences


def store_sentences(library: Library, article: Article, sentences: list[Sentence]) -> None:
    """Remember the article's sentence boundaries (best effort: a read-only DB is fine)."""
    ranges = json.dumps([[s.paragraph, s.start, s.end] for s in sentences])
    try:
        with library.transaction() as db:
            db.table("sentence_splits").upsert(
                {"article_id": article.id, "source_sha": _sha(article.source),
                 "splitter": SPLITTER_VERSION, "ranges": ranges},
                pk="article_id",
            )
    except (StorageError, sqlite3.Error):
        pass
