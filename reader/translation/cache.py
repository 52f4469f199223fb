"""The translation cache and hand edits, in the library's SQLite database.

``translations`` (migration 2) holds machine output. Its key is sha256 of the model id
(``translate-fr_en@1.9``), the decoding options and the source sentence text, so a new model
version or decoding setting never serves stale output, and after a tidy-up only the sentences
whose text changed are translated again. The table is not per article: the same sentence in two
articles is translated once.

``translation_edits`` (migration 4) holds English edited by hand, keyed by article id and the
sha256 of the sentence text sent to the translator. Sentence ids and source ranges shift when an
article is re-split; the text does not. An edit stops applying when its French changes, because
the English was written for the old French. Edits are never overwritten by the engine.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Sequence

from reader.storage import Library, StorageError

SQL_VARIABLES = 500  # rows per "in (...)" query, under SQLite's limit


def text_sha(text: str) -> str:
    """sha256 of a sentence text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(model_id: str, options: str, source: str) -> str:
    """The ``translations`` key of one sentence."""
    payload = json.dumps([model_id, options, source], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), SQL_VARIABLES):
        yield items[i : i + SQL_VARIABLES]


class TranslationCache:
    """Machine translations for one model and decoding setting, plus the article's edits."""

    def __init__(self, library: Library, model_id: str, options: str) -> None:
        self.library = library
        self.model_id = model_id
        self.options = options
        self._write_lock = threading.Lock()

    def key(self, source: str) -> str:
        """The cache key of a sentence text."""
        return cache_key(self.model_id, self.options, source)

    def lookup(self, sources: Iterable[str]) -> dict[str, str]:
        """Cached English by source text, for the texts that have an entry."""
        by_key = {self.key(s): s for s in set(sources)}
        found: dict[str, str] = {}
        for keys in _chunks(list(by_key)):
            marks = ",".join("?" * len(keys))
            rows = self.library.db.execute(
                f"select key, target from translations where key in ({marks})", list(keys)
            ).fetchall()
            for key, target in rows:
                found[by_key[key]] = target
        return found

    def store(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Commit (source, English) pairs at once, replacing older entries."""
        now = time.time()
        rows = [{"key": self.key(s), "model": self.model_id, "options": self.options,
                 "source": s, "target": t, "created_at": now} for s, t in pairs]
        if not rows or self.library.read_only:
            return  # a read-only library still shows the English, it just is not kept
        try:
            with self._write_lock, self.library.transaction():
                self.library.db.table("translations").upsert_all(rows, pk="key")
        except sqlite3.Error as exc:
            raise StorageError(f"Could not save translations: {exc}") from exc

    def edits(self, article_id: str, sources: Iterable[str]) -> dict[str, str]:
        """Hand-edited English by source text for one article."""
        by_sha = {text_sha(s): s for s in set(sources)}
        found: dict[str, str] = {}
        for shas in _chunks(list(by_sha)):
            marks = ",".join("?" * len(shas))
            rows = self.library.db.execute(
                "select source_sha, target from translation_edits "
                f"where article_id = ? and source_sha in ({marks})", [article_id, *shas]
            ).fetchall()
            for sha, target in rows:
                found[by_sha[sha]] = target
        return found

    def save_edit(self, article_id: str, source: str, english: str) -> None:
        """Keep a hand edit of one sentence's English."""
        row = {"article_id": article_id, "source_sha": text_sha(source), "source": source,
               "target": english, "edited_at": time.time()}
        try:
            with self._write_lock, self.library.transaction():
                edits = self.library.db.table("translation_edits")
                edits.upsert(row, pk=("article_id", "source_sha"))
        except sqlite3.Error as exc:
            raise StorageError(f"Could not save the edit: {exc}") from exc

    def discard_edit(self, article_id: str, source: str) -> bool:
        """Forget a hand edit; True if there was one."""
        with self._write_lock, self.library.transaction():
            cursor = self.library.db.execute(
                "delete from translation_edits where article_id = ? and source_sha = ?",
                [article_id, text_sha(source)],
            )
        return bool(cursor.rowcount)
