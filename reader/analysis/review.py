"""Reviewing tidy-ups: accept or reject each suggestion, a whole class, undo; stored in the DB.

Decisions live in the ``tidy_up_decisions`` table (one row per article, span and class), so a
:class:`Review` built later for the same article reloads them. Accepted suggestions that carry
a replacement become :class:`reader.spans.Edit` objects; :meth:`Review.offset_map` gives the
working text (source plus accepted edits) that the translator sees. Overlapping accepted edits
are resolved deterministically: earlier start first, then the longer span, then class order.
The user's glossary entries (table ``glossary``) feed the literal-name detector.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from reader.analysis.model import TIDY_UP_RANK, TidyUp
from reader.spans import Edit, OffsetMap
from reader.storage import Library

ACCEPTED = "accepted"
REJECTED = "rejected"


class Review:
    """The reader's decisions on one article's tidy-up suggestions."""

    def __init__(self, library: Library, article_id: str, tidy_ups: Iterable[TidyUp]) -> None:
        self.library = library
        self.article_id = article_id
        self.tidy_ups = list(tidy_ups)
        self._by_key = {t.key: t for t in self.tidy_ups}
        self._decisions: dict[str, str] = {}
        self._undo: list[list[tuple[str, str | None]]] = []
        self._redo: list[list[tuple[str, str | None]]] = []
        rows = library.db.execute(
            'select start, "end", class, decision from tidy_up_decisions where article_id = ?',
            [article_id],
        ).fetchall()
        for start, end, cls, decision in rows:
            key = f"{cls}:{start}:{end}"
            if key in self._by_key:
                self._decisions[key] = decision

    # --- queries ---------------------------------------------------------------------------

    def decision(self, key: str) -> str | None:
        """``"accepted"``, ``"rejected"`` or None (undecided)."""
        return self._decisions.get(key)

    def accepted(self) -> list[TidyUp]:
        """Accepted suggestions in text order."""
        return [t for t in self.tidy_ups if self._decisions.get(t.key) == ACCEPTED]

    def can_undo(self) -> bool:
        """True when there is a decision to take back."""
        return bool(self._undo)

    @property
    def undo_depth(self) -> int:
        """How many decisions can be taken back."""
        return len(self._undo)

    def edits(self) -> list[Edit]:
        """Non-overlapping edits for the accepted suggestions that have a replacement."""
        return edits_for(self.accepted())

    def offset_map(self, source: str | None = None) -> OffsetMap:
        """The source with every accepted edit applied, and the offsets between the two.

        ``source`` defaults to the article's text as stored in the library.
        """
        if source is None:
            source = self.library.article(self.article_id).source
        return OffsetMap(source, self.edits())

    # --- decisions -------------------------------------------------------------------------

    def _set(self, changes: list[tuple[str, str | None]]) -> None:
        with self.library.transaction() as db:
            for key, decision in changes:
                t = self._by_key[key]
                if decision is None:
                    db.execute(
                        'delete from tidy_up_decisions where article_id = ? and start = ? '
                        'and "end" = ? and class = ?', [self.article_id, t.start, t.end, t.cls])
                    self._decisions.pop(key, None)
                else:
                    db.table("tidy_up_decisions").upsert(
                        {"article_id": self.article_id, "start": t.start, "end": t.end,
                         "class": t.cls, "original": t.original,
                         "replacement": t.replacement, "decision": decision,
                         "decided_at": time.time()},
                        pk=("article_id", "start", "end", "class"),
                    )
                    self._decisions[key] = decision

    def _decide(self, keys: list[str], decision: str) -> None:
        for key in keys:
            if key not in self._by_key:
                raise KeyError(key)
        before = [(k, self._decisions.get(k)) for k in keys if self._decisions.get(k) != decision]
        if not before:
            return
        self._set([(k, decision) for k, _ in before])
        self._undo.append(before)
        self._redo.clear()

    def accept(self, key: str) -> None:
        """Accept one suggestion."""
        self._decide([key], ACCEPTED)

    def reject(self, key: str) -> None:
        """Reject one suggestion."""
        self._decide([key], REJECTED)

    def accept_class(self, cls: str) -> None:
        """Accept every suggestion of a class (one undo step)."""
        self._decide([t.key for t in self.tidy_ups if t.cls == cls], ACCEPTED)

    def undo(self) -> bool:
        """Take back the last decision (or class decision); False when there is none."""
        if not self._undo:
            return False
        step = self._undo.pop()
        self._redo.append([(k, self._decisions.get(k)) for k, _ in step])
        self._set(step)
        return True

    def redo(self) -> bool:
        """Make again the decision :meth:`undo` took back; False when there is none."""
        if not self._redo:
            return False
        step = self._redo.pop()
        self._undo.append([(k, self._decisions.get(k)) for k, _ in step])
        self._set(step)
        return True


def edits_for(accepted: Iterable[TidyUp]) -> list[Edit]:
    """Non-overlapping edits for accepted suggestions: earlier start, then the longer span,
    then class order win."""
    chosen: list[TidyUp] = []
    candidates = [t for t in accepted if t.replacement is not None]
    for t in sorted(candidates, key=lambda t: (t.start, -(t.end - t.start),
                                               TIDY_UP_RANK.get(t.cls, 99))):
        if all(t.start >= c.end or c.start >= t.end for c in chosen):
            chosen.append(t)
    return [Edit(t.start, t.end, t.replacement or "") for t in chosen]


def stored_offset_map(library: Library, article_id: str, source: str) -> OffsetMap:
    """The working text from the decisions stored for an article, without re-analysing it.

    Lets the translator (and ``python -m reader translate``) send the tidied text at once.
    A stored decision whose original no longer matches the source is ignored.
    """
    rows = library.db.execute(
        'select start, "end", class, original, replacement from tidy_up_decisions '
        "where article_id = ? and decision = ?", [article_id, ACCEPTED],
    ).fetchall()
    accepted = [TidyUp(start, end, original, replacement, cls, "")
                for start, end, cls, original, replacement in rows
                if 0 <= start <= end <= len(source) and source[start:end] == original]
    return OffsetMap(source, edits_for(accepted))


def add_glossary_entry(library: Library, name: str, literal: str) -> None:
    """Teach the literal-name detector that ``literal`` may stand for the name ``name``."""
    name, literal = name.strip(), literal.strip()
    if not name or not literal:
        raise ValueError("both the name and its literal rendering are needed")
    with library.transaction() as db:
        db.table("glossary").upsert({"name": name, "literal": literal, "added_at": time.time()},
                              pk=("name", "literal"))


def glossary_entries(library: Library) -> list[tuple[str, str]]:
    """The user's ``(name, literal)`` glossary entries, for ``analyze(glossary_extra=…)``."""
    rows = library.db.execute("select name, literal from glossary order by name, literal")
    return [(str(n), str(lit)) for n, lit in rows.fetchall()]
