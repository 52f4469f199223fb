"""The reader's one SQLite database: library, full-text search, and versioned migrations.

The database lives in the platform's user-data directory (see :mod:`reader.paths`). It is
written through sqlite-utils in WAL mode; every write runs in a transaction so a crash in the
middle of a save leaves what was committed before intact. Feature modules (translation cache,
tidy-up decisions, annotations) add their tables as numbered migrations in :data:`MIGRATIONS`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from reader.article import Article, parse_article

DB_FILENAME = "reader.db"


class StorageError(RuntimeError):
    """The database cannot be opened or written; the message is meant for the user."""


def describe_error(exc: BaseException) -> str:
    """The cause of a SQLite or OS error in the reader's words (the disk is full…)."""
    text = str(exc)
    code = getattr(exc, "sqlite_errorcode", None)
    errno_ = getattr(exc, "errno", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in text or errno_ == 28:
        return "the disk is full. Free some space and try again"
    if "readonly" in text or "read-only" in text or errno_ == 30:
        return "the database is read-only"
    if "file is not a database" in text or code == sqlite3.SQLITE_NOTADB:
        return "the file is not a reader database (it is damaged or something else)"
    if "unable to open database file" in text or code == sqlite3.SQLITE_CANTOPEN:
        return ("the file cannot be opened (the folder may not exist, or may be a file or "
                "unreadable)")
    if "locked" in text or code == sqlite3.SQLITE_BUSY:
        return "another program is using it; close it and try again"
    if "disk I/O error" in text or code == sqlite3.SQLITE_IOERR or errno_ == 5:
        return "the disk reported an input/output error"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return f"part of the path is a file, not a folder ({exc.filename})"
    if isinstance(exc, OSError) and exc.strerror:
        name = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror.lower()}{name}"
    return text or type(exc).__name__


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, IOERR);
    # a second ROLLBACK would replace the real cause with "no transaction is active".
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass


def _detect_read_only(path: Path) -> tuple[bool, str]:
    """Whether the database must be opened read-only, and why (for messages)."""
    if not path.is_file():
        return False, ""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return True, "it is on a read-only disk"
    except (OSError, AttributeError):
        pass
    if not os.access(path, os.W_OK):
        return True, "the file is not writable"
    if not os.access(path.parent, os.W_OK):
        return True, "its folder is not writable"
    return False, ""


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; a WAL database on a read-only disk is opened immutable."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False, timeout=10)
    try:
        conn.execute("select count(*) from sqlite_master").fetchone()
        return conn
    except sqlite3.Error:
        conn.close()
    # Without a writable -shm file SQLite cannot read a WAL database unless told it is
    # immutable, which is true of a read-only mount.
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def _create_library(db: sqlite_utils.Database) -> None:
    db.table("articles").create(
        {
            "id": str,
            "title": str,
            "date": str,
            "origin": str,
            "encoding": str,
            "word_count": int,
            "source": str,
            "bundled": int,
            "imported_at": float,
        },
        pk="id",
    )
    db.table("articles").enable_fts(
        ["title", "source"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    db.table("settings").create({"key": str, "value": str}, pk="key")


def _create_translation_cache(db: sqlite_utils.Database) -> None:
    db.table("translations").create(
        {
            "key": str,  # sha256 of model id, decoding options and source sentence
            "model": str,
            "options": str,
            "source": str,
            "target": str,
            "created_at": float,
        },
        pk="key",
    )
    db.table("sentence_edits").create(
        {"article_id": str, "sentence_start": int, "sentence_end": int, "source": str,
         "target": str, "edited_at": float},
        pk=("article_id", "sentence_start", "sentence_end"),
    )


def _create_decisions_and_annotations(db: sqlite_utils.Database) -> None:
    db.table("tidy_up_decisions").create(
        {"article_id": str, "start": int, "end": int, "class": str, "original": str,
         "replacement": str, "decision": str, "decided_at": float},
        pk=("article_id", "start", "end", "class"),
    )
    db.table("annotations").create(
        {"id": int, "article_id": str, "start": int, "end": int, "kind": str,
         "colour": str, "note": str, "created_at": float},
        pk="id",
    )
    db.table("annotations").create_index(["article_id"])
    db.table("glossary").create(
        {"name": str, "literal": str, "added_at": float}, pk=("name", "literal")
    )


def _create_translation_edits(db: sqlite_utils.Database) -> None:
    # Hand edits of the English, keyed by the text sent to the translator rather than by the
    # source range: ids and ranges shift when an article is re-split, the text does not. An
    # edit stops applying when its French changes (a tidy-up), as the English was for the old
    # French. ``source_sha`` is sha256 of that text.
    db.table("translation_edits").create(
        {"article_id": str, "source_sha": str, "source": str, "target": str,
         "edited_at": float},
        pk=("article_id", "source_sha"),
    )


def _create_sentence_splits(db: sqlite_utils.Database) -> None:
    # Sentence boundaries of an article, so reopening needs no spaCy parse. Keyed by the
    # source's hash and the splitter version: a changed text or new rules re-split.
    db.table("sentence_splits").create(
        {"article_id": str, "source_sha": str, "splitter": str, "ranges": str},
        pk="article_id",
    )


def _extend_annotations_and_edits(db: sqlite_utils.Database) -> None:
    # Highlights and notes (reader.annotations): the side they were made on, the anchor of an
    # English highlight (its French sentence's source range and the English it was made on),
    # tags, an author for shared lesson layers, and a uid so imports never duplicate.
    notes = db.table("annotations")
    for name, kind in (("uid", str), ("side", str), ("quote", str), ("tags", str),
                       ("sentence_start", int), ("sentence_end", int),
                       ("sentence_text", str), ("author", str), ("updated_at", float)):
        notes.add_column(name, kind)
    db.execute("update annotations set side = 'fr' where side is null")
    notes.create_index(["uid"], unique=True)
    notes.enable_fts(["note", "quote", "tags"], create_triggers=True,
                     tokenize="unicode61 remove_diacritics 2")
    # A hand edit remembers which sentence it was made on, so when a tidy-up changes that
    # sentence's French the edit is kept and flagged instead of silently no longer applying.
    edits = db.table("translation_edits")
    edits.add_column("sentence_start", int)
    edits.add_column("sentence_end", int)


def _add_web_page_details(db: sqlite_utils.Database) -> None:
    # The byline and source of an article imported from a saved web page.
    for column in ("author", "site", "url"):
        db.table("articles").add_column(column, str, not_null_default="")


# Each migration runs once, in order, inside one transaction; PRAGMA user_version records
# how many have run. Append new ones; never edit or reorder a released migration.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _create_library,
    _create_translation_cache,
    _create_decisions_and_annotations,
    _create_translation_edits,
    _create_sentence_splits,
    _extend_annotations_and_edits,
    _add_web_page_details,
]


class Library:
    """The article library and every stored decision, in one SQLite file.

    ``path=None`` opens an in-memory database (used when the data directory cannot be used at
    all, so the app still runs and says that nothing will be saved). A database the process
    cannot write (a read-only file, folder or mount) opens read-only: reading works, and every
    write raises :class:`StorageError` saying why. ``read_only=None`` decides from the file
    system; True forces it.

    A database written by a newer version of the reader (a higher ``user_version``) is refused
    without writing a byte to it. Before migrating an older one, a copy is kept next to it as
    ``reader.db.bak-vN`` (N = its old schema version).
    """

    def __init__(self, path: Path | None, read_only: bool | None = None) -> None:
        self.path = path
        self.read_only = False
        self.read_only_reason = ""
        try:
            if path is None:
                conn = sqlite3.connect(":memory:", check_same_thread=False)
            else:
                if read_only is None:
                    read_only, self.read_only_reason = _detect_read_only(path)
                elif read_only:
                    self.read_only_reason = "it was opened read-only"
                if read_only:
                    conn = _connect_read_only(path)
                    self.read_only = True
                else:
                    if path.parent.exists() and not path.parent.is_dir():
                        raise StorageError(
                            f"Cannot open the library: the data folder {path.parent} is a "
                            "file, not a folder. Choose another --data-dir.")
                    path.parent.mkdir(parents=True, exist_ok=True)
                    if path.exists() and not path.is_file():
                        raise StorageError(
                            f"Cannot open the library at {path}: it is a folder, not a "
                            "database file. Move it away or choose another --data-dir.")
                    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
            conn.isolation_level = None  # we manage transactions explicitly
            self.db = sqlite_utils.Database(conn)
            # Read the schema version before anything writes: a newer database is not touched.
            version = self.schema_version
            if version > len(MIGRATIONS):
                conn.close()
                raise StorageError(
                    f"The library at {path} was written by a newer version of the reader "
                    f"(schema {version}; this version knows up to {len(MIGRATIONS)}). It was "
                    "left unchanged. Update the reader, or choose another --data-dir.")
            if self.read_only:
                if version < len(MIGRATIONS):
                    conn.close()
                    raise StorageError(
                        f"The library at {path} is read-only ({self.read_only_reason}) and "
                        "needs an update this version cannot write. Open it once where it "
                        "is writable.")
                return
            if path is not None:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                if 0 < version < len(MIGRATIONS):
                    self._backup(path, version)
            self._migrate()
        except StorageError:
            raise
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(
                f"Cannot open the library at {path}: {describe_error(exc)}."
            ) from exc

    @property
    def schema_version(self) -> int:
        """How many migrations have been applied."""
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _backup(self, path: Path, version: int) -> None:
        """Copy the database aside before a migration (kept if a copy for N exists)."""
        target = path.with_name(f"{path.name}.bak-v{version}")
        if target.exists():
            return
        partial = target.with_name(target.name + ".partial")
        copy = sqlite3.connect(str(partial))
        try:
            self.db.conn.backup(copy)
        finally:
            copy.close()
        partial.replace(target)

    def _migrate(self) -> None:
        version = self.schema_version
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction():
                migration(self.db)
                self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """Run a block of writes atomically: all of it is committed or none of it.

        When SQLite has already rolled back by itself (a full disk, an I/O error), the error
        that caused it is what the caller sees, never "cannot rollback".
        """
        if self.read_only:
            raise StorageError(
                f"Nothing can be saved: the library at {self.path} is read-only "
                f"({self.read_only_reason}).")
        conn = self.db.conn
        if conn.in_transaction:
            yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StorageError(f"Could not save to the library: {describe_error(exc)}.") from exc
        try:
            yield self.db
        except sqlite3.Error as exc:
            _rollback(conn)
            raise StorageError(f"Could not save to the library: {describe_error(exc)}.") from exc
        except BaseException:
            _rollback(conn)
            raise
        else:
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as exc:
                _rollback(conn)
                raise StorageError(
                    f"Could not save to the library: {describe_error(exc)}.") from exc

    def close(self) -> None:
        """Close the connection."""
        self.db.conn.close()

    # --- articles -------------------------------------------------------------------------

    def add_article(self, article: Article) -> None:
        """Insert or replace an article."""
        row = {
            "id": article.id,
            "title": article.title,
            "date": article.date or "",
            "origin": article.origin,
            "encoding": article.encoding,
            "word_count": article.word_count,
            "source": article.source,
            "bundled": int(article.bundled),
            "imported_at": time.time(),
            "author": article.author,
            "site": article.site,
            "url": article.url,
        }
        with self.transaction():
            self.db.table("articles").upsert(row, pk="id")

    def has_article(self, article_id: str) -> bool:
        """True if the library holds this article id."""
        return bool(self.db.execute("select 1 from articles where id = ?", [article_id]).fetchone())

    def articles(self) -> list[dict[str, Any]]:
        """Library rows (without source text), bundled first, then by title."""
        return list(
            self.db.query(
                "select id, title, date, origin, encoding, word_count, bundled from articles "
                "order by bundled desc, id"
            )
        )

    def article(self, article_id: str) -> Article:
        """Load one article, parsed from its stored source text."""
        rows = list(self.db.query("select * from articles where id = ?", [article_id]))
        if not rows:
            raise KeyError(article_id)
        row = rows[0]
        return parse_article(
            row["source"], article_id=row["id"], origin=row["origin"],
            encoding=row["encoding"], bundled=bool(row["bundled"]),
            date=row["date"] or None, author=row.get("author") or "",
            site=row.get("site") or "", url=row.get("url") or "",
        )

    def search(self, query: str) -> list[dict[str, Any]]:
        """Full-text search over titles and text; each word is matched as a prefix."""
        words = [w for w in "".join(c if c.isalnum() else " " for c in query).split() if w]
        if not words:
            return self.articles()
        fts = " ".join(f'"{w}"*' for w in words)
        return list(
            self.db.query(
                "select a.id, a.title, a.date, a.origin, a.encoding, a.word_count, a.bundled "
                "from articles a join articles_fts f on a.rowid = f.rowid "
                "where articles_fts match ? order by rank",
                [fts],
            )
        )

    # --- settings -------------------------------------------------------------------------

    def get_setting(self, key: str) -> str | None:
        """A stored core setting (see :mod:`reader.settings`), or None."""
        row = self.db.execute("select value from settings where key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        """Store a core setting."""
        with self.transaction():
            self.db.table("settings").upsert({"key": key, "value": value}, pk="key")


# --- removing an article (and undoing it) ---------------------------------------------------


@dataclass
class RemovedArticle:
    """Every row a removal deleted, by table, so the removal can be undone exactly."""

    article_id: str
    title: str
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """How many rows were deleted, the article's own row included."""
        return sum(len(rows) for rows in self.rows.values())


def _article_tables(db: sqlite_utils.Database) -> list[str]:
    # Every table with an article_id column holds one article's rows (decisions, edits,
    # splits, annotations…), including tables added by later migrations.
    return [t.name for t in db.tables
            if "article_id" in t.columns_dict and not t.name.startswith("articles")]


def remove_article(library: Library, article_id: str,
                   sent_texts: Iterable[str] = ()) -> RemovedArticle:
    """Delete an article and its own rows in one transaction; returns them for undo.

    Cached translations are shared between articles (keyed by sentence text), so an entry
    goes only if nobody else uses it: its text is one of ``sent_texts`` (what the translator
    was sent for this article) or occurs in this article's source, and occurs in no other
    article's source. Raises KeyError if the article is not in the library.
    """
    db = library.db
    texts = sorted(set(sent_texts))
    try:
        with library.transaction():
            found = list(db.query("select * from articles where id = ?", [article_id]))
            if not found:
                raise KeyError(article_id)
            article = found[0]
            removed = RemovedArticle(article_id, str(article["title"]), {"articles": found})
            for table in _article_tables(db):
                rows = list(db.query(f"select * from [{table}] where article_id = ?",
                                     [article_id]))
                if rows:
                    removed.rows[table] = rows
                    db.execute(f"delete from [{table}] where article_id = ?", [article_id])
            if db["translations"].exists():
                cache = list(db.query(
                    "select * from translations t where length(t.source) > 0 and (t.source "
                    "in (select value from json_each(:texts)) or instr(:source, t.source) > 0) "
                    "and not exists (select 1 from articles a where a.id != :id "
                    "and instr(a.source, t.source) > 0)",
                    {"texts": json.dumps(texts), "source": article["source"],
                     "id": article_id}))
                if cache:
                    removed.rows["translations"] = cache
                    db.conn.executemany("delete from translations where key = ?",
                                        [(row["key"],) for row in cache])
            db.execute("delete from articles where id = ?", [article_id])
    except (sqlite3.Error, StorageError) as exc:
        cause = str(exc).removeprefix("Could not save to the library: ")
        raise StorageError(f"Could not remove the article: {cause}") from exc
    return removed


def restore_article(library: Library, removed: RemovedArticle) -> None:
    """Put back everything :func:`remove_article` deleted, in one transaction."""
    try:
        with library.transaction():
            for table in ("articles", *[t for t in removed.rows if t != "articles"]):
                rows = removed.rows.get(table, [])
                if rows:
                    library.db.table(table).insert_all(rows, replace=True)
    except (sqlite3.Error, StorageError) as exc:
        cause = str(exc).removeprefix("Could not save to the library: ")
        raise StorageError(f"Could not restore the article: {cause}") from exc
