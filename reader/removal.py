"""Removing an article from the library, and undoing that, for the window and the CLI.

The storage layer deletes the rows in one transaction (:func:`reader.storage.remove_article`);
this module works out which cached translations were the article's own (the texts its
sentences were sent to the translator as, with its accepted tidy-ups applied) and keeps a
removed bundled article from being added back at the next start.
"""

from __future__ import annotations

import json

from reader.analysis.review import stored_offset_map
from reader.sentence_store import stored_sentences
from reader.storage import Library, RemovedArticle, remove_article, restore_article

REMOVED_BUNDLED = "removed_bundled_articles"  # settings key: JSON list of ids


def sent_texts(library: Library, article_id: str) -> list[str]:
    """The sentence texts this article sends to the translator (empty if never split)."""
    article = library.article(article_id)
    sentences = stored_sentences(library, article)
    if sentences is None:
        return []
    working = stored_offset_map(library, article_id, article.source)
    return [working.working_slice(s.start, s.end).strip() for s in sentences]


def removed_bundled(library: Library) -> set[str]:
    """Ids of bundled articles the reader removed (not to be added back)."""
    value = library.get_setting(REMOVED_BUNDLED)
    try:
        return set(json.loads(value)) if value else set()
    except ValueError:
        return set()


def _set_removed_bundled(library: Library, ids: set[str]) -> None:
    library.set_setting(REMOVED_BUNDLED, json.dumps(sorted(ids)))


def remove(library: Library, article_id: str) -> RemovedArticle:
    """Remove an article and its own rows; KeyError if it is not in the library."""
    bundled = bool(library.article(article_id).bundled)
    texts = sent_texts(library, article_id)
    removed = remove_article(library, article_id, texts)
    if bundled:
        _set_removed_bundled(library, removed_bundled(library) | {article_id})
    return removed


def undo_remove(library: Library, removed: RemovedArticle) -> None:
    """Put a removed article back with everything that was removed with it."""
    restore_article(library, removed)
    hidden = removed_bundled(library)
    if removed.article_id in hidden:
        _set_removed_bundled(library, hidden - {removed.article_id})
