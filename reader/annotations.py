"""The reader's own highlights, notes and tags, stored in the library database.

An :class:`Annotation` is standoff like everything else:

- on the French side (``side="fr"``) ``start``/``end`` are offsets into the article's
  immutable source text, so a highlight survives any tidy-up decision;
- on the English side (``side="en"``) the annotation is anchored to a French sentence by its
  source range (``sentence_start``/``sentence_end``, stable when the article is re-split) plus
  offsets into the English text it was made on (``sentence_text``). When that English changes
  (retranslated, hand-edited) the annotation is kept and reported as *English changed*; it is
  never dropped or moved onto other words.

Every write is one transaction. :class:`AnnotationStore` also searches notes across the whole
library (FTS5) and counts annotations per article.
"""

from __future__ import annotations

import json
import sqlite3
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from reader.storage import Library, StorageError

# The five highlight colours, in key order (1–5), with the light-paper colour each is drawn
# in. Declared once: the window, the PDF and the Markdown export all read this table.
COLOURS: dict[str, str] = {
    "yellow": "#ffe066",
    "green": "#a8e6a1",
    "blue": "#a9d1ff",
    "red": "#ffa8a8",
    "purple": "#dcc2ff",
}
COLOUR_NAMES = tuple(COLOURS)
SIDES = ("fr", "en")


def colour_name(value: str) -> str:
    """A colour name from a name or its key number (``"2"`` → ``"green"``)."""
    value = value.strip().lower()
    if value.isdigit() and 1 <= int(value) <= len(COLOUR_NAMES):
        return COLOUR_NAMES[int(value) - 1]
    if value in COLOURS:
        return value
    raise ValueError(f"unknown colour {value!r}: use one of {', '.join(COLOUR_NAMES)} or 1–5")


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags trimmed, without ``#``, empty ones and repeats, in the order given."""
    seen: list[str] = []
    for tag in tags:
        tag = tag.strip().lstrip("#").strip()
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


@dataclass(frozen=True)
class Annotation:
    """One highlight, with an optional note and tags (see the module docstring)."""

    article_id: str
    side: str
    start: int
    end: int
    colour: str
    quote: str
    note: str = ""
    tags: tuple[str, ...] = ()
    sentence_start: int | None = None
    sentence_end: int | None = None
    sentence_text: str = ""
    author: str = ""
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)
    id: int | None = None
    created_at: float = 0.0
    updated_at: float = 0.0

    def __post_init__(self) -> None:
        if self.side not in SIDES:
            raise ValueError(f"side must be one of {SIDES}, not {self.side!r}")
        if self.colour not in COLOURS:
            raise ValueError(f"unknown colour {self.colour!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative range [{self.start}, {self.end})")
        if self.side == "en" and (self.sentence_start is None or self.sentence_end is None):
            raise ValueError("an English annotation needs its sentence's source range")

    @property
    def has_note(self) -> bool:
        """True when the reader wrote a note (not just a highlight)."""
        return bool(self.note.strip())


_COLUMNS = ("id", "uid", "article_id", "side", "start", "end", "colour", "quote", "note",
            "tags", "sentence_start", "sentence_end", "sentence_text", "author", "created_at",
            "updated_at")


def _row(annotation: Annotation) -> dict[str, Any]:
    row = {name: getattr(annotation, name) for name in _COLUMNS if name != "tags"}
    row["tags"] = json.dumps(list(annotation.tags), ensure_ascii=False)
    row["kind"] = "highlight"
    if row["id"] is None:
        del row["id"]
    return row


def _annotation(row: dict[str, Any]) -> Annotation:
    values: dict[str, Any] = {name: row.get(name) for name in _COLUMNS}
    values["tags"] = tuple(json.loads(row.get("tags") or "[]"))
    values["note"] = row.get("note") or ""
    values["quote"] = row.get("quote") or ""
    values["sentence_text"] = row.get("sentence_text") or ""
    values["author"] = row.get("author") or ""
    values["uid"] = row.get("uid") or f"legacy-{row['id']}"
    values["created_at"] = float(row.get("created_at") or 0.0)
    values["updated_at"] = float(row.get("updated_at") or values["created_at"])
    return Annotation(**values)


class AnnotationStore:
    """Reads and writes annotations; each call is its own transaction."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def _write(self, what: str, rows: list[dict[str, Any]]) -> list[int]:
        ids: list[int] = []
        try:
            with self.library.transaction() as db:
                table = db.table("annotations")
                for row in rows:
                    if "id" in row:
                        table.insert(row, pk="id", replace=True)
                        ids.append(int(row["id"]))
                    else:
                        table.insert(row, pk="id")
                        ids.append(int(table.last_pk or 0))
        except sqlite3.Error as exc:
            raise StorageError(f"Could not save the {what}: {exc}") from exc
        return ids

    def add(self, annotation: Annotation) -> Annotation:
        """Store a new annotation; returns it with its id and timestamps."""
        now = time.time()
        stamped = replace(annotation, created_at=annotation.created_at or now,
                          updated_at=annotation.updated_at or now)
        (new_id,) = self._write("highlight", [_row(stamped)])
        return replace(stamped, id=new_id)

    def restore(self, annotation: Annotation) -> Annotation:
        """Put back an annotation exactly as it was (undo of a delete)."""
        self._write("highlight", [_row(annotation)])
        return annotation

    def update(self, annotation: Annotation, **changes: Any) -> Annotation:
        """Change colour, note or tags of a stored annotation."""
        if annotation.id is None:
            raise ValueError("the annotation is not stored yet")
        if "tags" in changes:
            changes["tags"] = clean_tags(changes["tags"])
        updated = replace(annotation, **changes, updated_at=time.time())
        self._write("note", [_row(updated)])
        return updated

    def delete(self, annotation_id: int) -> None:
        """Remove one annotation."""
        try:
            with self.library.transaction() as db:
                db.execute("delete from annotations where id = ?", [annotation_id])
        except sqlite3.Error as exc:
            raise StorageError(f"Could not delete the note: {exc}") from exc

    def get(self, annotation_id: int) -> Annotation | None:
        """One annotation by id."""
        rows = list(self.library.db.query("select * from annotations where id = ?",
                                          [annotation_id]))
        return _annotation(rows[0]) if rows else None

    def for_article(self, article_id: str) -> list[Annotation]:
        """An article's annotations in reading order (French first, then English)."""
        rows = self.library.db.query(
            "select * from annotations where article_id = ? and kind = 'highlight' "
            "order by side desc, coalesce(sentence_start, start), start, id", [article_id])
        return [_annotation(r) for r in rows]

    def by_uid(self, uids: Iterable[str]) -> dict[str, Annotation]:
        """Stored annotations with these uids (to import without duplicates)."""
        found: dict[str, Annotation] = {}
        for uid in set(uids):
            for row in self.library.db.query("select * from annotations where uid = ?", [uid]):
                found[uid] = _annotation(row)
        return found

    def counts(self) -> dict[str, int]:
        """Number of annotations per article id."""
        rows = self.library.db.execute(
            "select article_id, count(*) from annotations where kind = 'highlight' "
            "group by article_id").fetchall()
        return {str(a): int(n) for a, n in rows}

    def search(self, query: str, article_id: str | None = None) -> list[Annotation]:
        """Annotations whose note, highlighted text or tags match every word (as prefixes),
        accents ignored; the whole library unless ``article_id`` is given."""
        words = [w for w in "".join(c if c.isalnum() else " " for c in query).split() if w]
        if not words:
            return [] if article_id is None else self.for_article(article_id)
        fts = " ".join(f'"{w}"*' for w in words)
        sql = ("select a.* from annotations a join annotations_fts f on a.rowid = f.rowid "
               "where annotations_fts match ? and a.kind = 'highlight'")
        params: list[Any] = [fts]
        if article_id is not None:
            sql += " and a.article_id = ?"
            params.append(article_id)
        return [_annotation(r) for r in self.library.db.query(sql + " order by rank", params)]
