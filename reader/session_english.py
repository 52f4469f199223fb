"""The English column of one article session: machine output, hand edits, and their ranks.

What the reader typed outranks machine output everywhere:

- a hand edit is shown instead of machine English, and machine output that arrives later for
  the same sentence is held back, never shown over it;
- when a tidy-up changes the French under a hand edit, the edit is *kept* and marked
  ``stale`` ("the French changed since your edit"); the reader then keeps it for the new French
  or lets the machine translate. Undoing the tidy-up brings the French back and the edit
  applies again as before.

Edits are stored in ``translation_edits`` keyed by the sha256 of the text sent to the
translator, with the sentence's source range so a stale edit can still be found.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.nlp import Sentence
from reader.storage import Library, StorageError
from reader.translation.cache import text_sha

if TYPE_CHECKING:  # pragma: no cover
    from reader.translation.models import ModelInfo

SQL_VARIABLES = 500


@dataclass(frozen=True)
class SentenceEnglish:
    """The English shown for one French sentence.

    ``edited``: the reader's own English. ``stale``: an edit made for French that a tidy-up
    has since changed (kept until the reader decides).
    """

    sentence_id: int
    text: str
    edited: bool = False
    stale: bool = False


class EnglishState:
    """Shown English per sentence id, with the rules in the module docstring."""

    def __init__(self, library: Library, article_id: str) -> None:
        self.library = library
        self.article_id = article_id
        self.shown: dict[int, SentenceEnglish] = {}
        self.held_back: dict[int, str] = {}  # machine English not shown over a hand edit

    # --- reading the database ---------------------------------------------------------------

    def _edits(self) -> list[tuple[str, str, int | None, int | None]]:
        try:
            rows = self.library.db.execute(
                "select source_sha, target, sentence_start, sentence_end from "
                "translation_edits where article_id = ?", [self.article_id]).fetchall()
        except sqlite3.Error:
            return []
        return [(str(a), str(b), c, d) for a, b, c, d in rows]

    def _machine(self, texts: list[str], model: ModelInfo | None) -> dict[str, str]:
        if model is not None:
            from reader.translation.cache import TranslationCache
            from reader.translation.engine import DEFAULT_DECODING

            cache = TranslationCache(self.library, model.id, DEFAULT_DECODING.cache_tag())
            return cache.lookup(texts)
        # No model installed (a student machine, an export): any model's cached English.
        found: dict[str, str] = {}
        unique = sorted(set(texts))
        for i in range(0, len(unique), SQL_VARIABLES):
            chunk = unique[i : i + SQL_VARIABLES]
            marks = ",".join("?" * len(chunk))
            rows = self.library.db.execute(
                f"select source, target from translations where source in ({marks}) "
                "order by created_at", chunk).fetchall()
            found.update({str(s): str(t) for s, t in rows})
        return found

    def load(self, sentences: list[Sentence], working: list[tuple[int, str]],
             model: ModelInfo | None) -> set[int]:
        """Everything known without calling the model; returns the sentence ids shown."""
        by_sha: dict[str, str] = {}
        by_range: dict[tuple[int, int], str] = {}
        for sha, target, start, end in self._edits():
            by_sha[sha] = target
            if start is not None and end is not None:
                by_range[(start, end)] = target
        machine = self._machine([t for _, t in working], model)
        self.shown = {}
        for sentence, (sid, text) in zip(sentences, working, strict=True):
            sha = text_sha(text)
            if sha in by_sha:
                self.shown[sid] = SentenceEnglish(sid, by_sha[sha], edited=True)
            elif (sentence.start, sentence.end) in by_range:
                self.shown[sid] = SentenceEnglish(sid, by_range[(sentence.start, sentence.end)],
                                                  edited=True, stale=True)
                if text in machine:
                    self.held_back[sid] = machine[text]
            elif text in machine:
                self.shown[sid] = SentenceEnglish(sid, machine[text])
            elif not text.strip():
                self.shown[sid] = SentenceEnglish(sid, "")
        return set(self.shown)

    # --- changes ----------------------------------------------------------------------------

    def receive(self, translations: Iterable[object]) -> set[int]:
        """Take English from the translator; a hand edit is never replaced by machine output.
        Accepts :class:`SentenceEnglish` or the service's ``SentenceTranslation``."""
        changed: set[int] = set()
        for t in translations:
            sid = int(getattr(t, "sentence_id"))  # noqa: B009
            text = str(getattr(t, "text"))  # noqa: B009
            edited = bool(getattr(t, "edited", False))
            current = self.shown.get(sid)
            if current is not None and current.edited and not edited:
                self.held_back[sid] = text
                continue
            new = SentenceEnglish(sid, text, edited, bool(getattr(t, "stale", False)))
            if current != new:
                self.shown[sid] = new
                changed.add(sid)
        return changed

    def french_changed(self, working: list[tuple[int, str]], changed: set[int]) -> None:
        """Sentences whose working text changed: machine English goes (it was for the old
        French); a hand edit stays, marked stale, unless an edit exists for the new text."""
        edits = {sha: target for sha, target, _s, _e in self._edits()}
        texts = dict(working)
        for sid in changed:
            current = self.shown.get(sid)
            sha = text_sha(texts.get(sid, ""))
            if sha in edits:
                self.shown[sid] = SentenceEnglish(sid, edits[sha], edited=True)
            elif current is not None and current.edited:
                self.shown[sid] = SentenceEnglish(sid, current.text, edited=True, stale=True)
            else:
                self.shown.pop(sid, None)
            self.held_back.pop(sid, None)

    def save_edit(self, sentence: Sentence, text: str, english: str) -> None:
        """Store the reader's English for a sentence's current French."""
        row = {"article_id": self.article_id, "source_sha": text_sha(text), "source": text,
               "target": english, "edited_at": time.time(),
               "sentence_start": sentence.start, "sentence_end": sentence.end}
        try:
            with self.library.transaction() as db:
                db.table("translation_edits").upsert(row, pk=("article_id", "source_sha"))
        except sqlite3.Error as exc:
            raise StorageError(f"Could not save the edit: {exc}") from exc
        self.shown[sentence.id] = SentenceEnglish(sentence.id, english, edited=True)

    def resolve_stale(self, sentence: Sentence, text: str, keep: bool) -> None:
        """Keep a stale edit for the new French, or drop it for the machine English."""
        current = self.shown.get(sentence.id)
        if current is None or not current.stale:
            return
        if keep:
            self.save_edit(sentence, text, current.text)
            return
        try:
            with self.library.transaction() as db:
                db.execute("delete from translation_edits where article_id = ? and "
                           "sentence_start = ? and sentence_end = ? and source_sha != ?",
                           [self.article_id, sentence.start, sentence.end, text_sha(text)])
        except sqlite3.Error as exc:
            raise StorageError(f"Could not drop the edit: {exc}") from exc
        machine = self.held_back.pop(sentence.id, None)
        if machine is None:
            self.shown.pop(sentence.id, None)
        else:
            self.shown[sentence.id] = SentenceEnglish(sentence.id, machine)

    def discard_edit(self, sentence: Sentence, text: str) -> None:
        """Forget the reader's English for a sentence's current French."""
        try:
            with self.library.transaction() as db:
                db.execute("delete from translation_edits where article_id = ? and "
                           "source_sha = ?", [self.article_id, text_sha(text)])
        except sqlite3.Error as exc:
            raise StorageError(f"Could not drop the edit: {exc}") from exc
        self.shown.pop(sentence.id, None)
