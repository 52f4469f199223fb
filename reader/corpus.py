"""The bundled articles shipped in ``articles/`` and their first import into the library."""

from __future__ import annotations

from pathlib import Path

from reader.article import Article, parse_article
from reader.paths import BUNDLED_ARTICLES
from reader.storage import Library


def read_bundled(folder: Path = BUNDLED_ARTICLES) -> list[Article]:
    """Parse every ``*.txt`` in the bundled folder; the file stem is the stable article id."""
    articles = []
    for path in sorted(folder.glob("*.txt")):
        articles.append(
            parse_article(
                path.read_text(encoding="utf-8"),
                article_id=path.stem,
                origin=f"articles/{path.name}",
                bundled=True,
            )
        )
    return articles


def ensure_bundled(library: Library, folder: Path = BUNDLED_ARTICLES) -> int:
    """Add bundled articles the library does not hold yet (unless the reader removed them);
    returns how many were added."""
    from reader.removal import removed_bundled  # a reader's removal is not undone here

    skipped = removed_bundled(library)
    added = 0
    if library.read_only:
        return 0  # shown as it is; nothing can be added
    for article in read_bundled(folder):
        if article.id not in skipped and not library.has_article(article.id):
            library.add_article(article)
            added += 1
    return added
