"""Lesson packs: one ``.readerpack`` file that carries a prepared lesson to a student's machine.

A pack is a zip holding two JSON files (the format is described in ``docs/classroom.md``):

- ``manifest.json``: ``format``, ``schema_version``, ``author``, ``title``, ``created_at``,
  the article ids, counts, and the sha256 of ``lesson.json``;
- ``lesson.json``: the articles (source text and metadata), the tidy-up decisions (accepted
  and rejected), the teacher's highlights and notes (with their author and uid), glossary
  entries, worksheet questions, the cached English of the articles' working sentences (so
  the pack shows the English on a machine with no translation model) and the English the
  teacher edited by hand.

:func:`export_pack` builds the pack from the library and writes it through a temporary file
renamed into place. :func:`read_pack` checks a pack completely (the safe-zip checks of the
model installer, then every field) before :mod:`reader.lesson_import` writes anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.annotations import Annotation, AnnotationStore
from reader.storage import Library, StorageError

FORMAT = "bilingual-reader-lesson-pack"
SCHEMA_VERSION = 1
MANIFEST = "manifest.json"
LESSON = "lesson.json"
SUFFIX = ".readerpack"
MAX_PACK_BYTES = 100_000_000  # unpacked; a lesson of a few articles is well under 5 MB
MAX_ENTRIES = 16
QUESTIONS_SETTING = "worksheet.questions."  # + article id: the questions stored for it


class PackError(Exception):
    """A lesson pack cannot be written or read; the message is meant for the user."""


@dataclass(frozen=True)
class PackArticle:
    """One article of a pack: its immutable source and the metadata the library keeps."""

    id: str
    title: str
    source: str
    date: str = ""
    origin: str = ""
    encoding: str = "utf-8"


@dataclass(frozen=True)
class PackDecision:
    """An accepted or rejected tidy-up suggestion (the library's ``tidy_up_decisions`` row)."""

    article_id: str
    start: int
    end: int
    cls: str
    original: str
    replacement: str | None
    decision: str

    @property
    def key(self) -> str:
        """The suggestion's key, as :attr:`reader.analysis.model.TidyUp.key`."""
        return f"{self.cls}:{self.start}:{self.end}"


@dataclass(frozen=True)
class PackTranslation:
    """One cached machine translation (a ``translations`` row)."""

    key: str
    model: str
    options: str
    source: str
    target: str
    created_at: float


@dataclass(frozen=True)
class PackEnglishEdit:
    """English the teacher wrote by hand for one sentence (a ``translation_edits`` row)."""

    article_id: str
    source: str  # the French it was written for (the working sentence)
    target: str
    sentence_start: int | None
    sentence_end: int | None
    edited_at: float


@dataclass
class LessonPack:
    """Everything a pack holds, checked."""

    author: str
    title: str
    created_at: str
    articles: list[PackArticle] = field(default_factory=list)
    decisions: list[PackDecision] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    glossary: list[tuple[str, str]] = field(default_factory=list)
    questions: list[dict[str, Any]] = field(default_factory=list)
    translations: list[PackTranslation] = field(default_factory=list)
    english_edits: list[PackEnglishEdit] = field(default_factory=list)


# --- worksheet questions kept in the library ------------------------------------------------

def stored_questions(library: Library, article_id: str) -> list[dict[str, Any]]:
    """The worksheet questions kept for an article (empty when none or unreadable)."""
    value = library.get_setting(QUESTIONS_SETTING + article_id)
    try:
        questions = json.loads(value) if value else []
    except ValueError:
        return []
    return [q for q in questions if isinstance(q, dict)] if isinstance(questions, list) else []


def save_questions(library: Library, article_id: str, questions: Sequence[dict[str, Any]]) -> None:
    """Keep an article's worksheet questions (each checked as in a pack)."""
    from reader.lesson_schema import check_questions

    checked = check_questions(list(questions), {article_id}, "the questions")
    library.set_setting(QUESTIONS_SETTING + article_id, json.dumps(checked, ensure_ascii=False))


# --- export -----------------------------------------------------------------------------------

def _article(library: Library, article_id: str) -> PackArticle:
    row = library.db.execute(
        "select id, title, date, origin, encoding, source from articles where id = ?",
        [article_id]).fetchone()
    if row is None:
        raise PackError(f"There is no article '{article_id}' in the library.")
    return PackArticle(str(row[0]), str(row[1] or ""), str(row[5]), str(row[2] or ""),
                       str(row[3] or ""), str(row[4] or "utf-8"))


def _decisions(library: Library, article_id: str) -> list[PackDecision]:
    rows = library.db.execute(
        'select start, "end", class, original, replacement, decision from tidy_up_decisions '
        'where article_id = ? order by start, "end", class', [article_id]).fetchall()
    return [PackDecision(article_id, int(s), int(e), str(c), str(o or ""),
                         None if r is None else str(r), str(d)) for s, e, c, o, r, d in rows]


def _translations(library: Library, texts: Iterable[str]) -> list[PackTranslation]:
    unique = sorted(set(texts))
    found: list[PackTranslation] = []
    for i in range(0, len(unique), 500):
        chunk = unique[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = library.db.execute(
            "select key, model, options, source, target, created_at from translations "
            f"where source in ({marks}) order by created_at, key", chunk).fetchall()
        found += [PackTranslation(str(k), str(m), str(o), str(s), str(t), float(c or 0.0))
                  for k, m, o, s, t, c in rows]
    return found


def _english_edits(library: Library, article_id: str) -> list[PackEnglishEdit]:
    rows = library.db.execute(
        "select source, target, sentence_start, sentence_end, edited_at from "
        "translation_edits where article_id = ? order by sentence_start, source",
        [article_id]).fetchall()
    return [PackEnglishEdit(article_id, str(s), str(t), a, b, float(e or 0.0))
            for s, t, a, b, e in rows]


def _sentence_texts(library: Library, article_id: str) -> list[str]:
    """The working sentences under the teacher's decisions, and the untidied ones."""
    from reader.session import open_session

    session = open_session(library, article_id, analyse=False)
    texts = [text for _sid, text in session.working_sentences()]
    texts += [s.text.strip() for s in session.sentences]
    return [t for t in texts if t]


def build_pack(library: Library, article_ids: Sequence[str], author: str = "",
               title: str = "", questions: Sequence[dict[str, Any]] = ()) -> LessonPack:
    """Collect a lesson from the library (parses articles never split before: slow)."""
    from reader.lesson_schema import check_questions

    ids = list(dict.fromkeys(article_ids))
    if not ids:
        raise PackError("Name at least one article to put in the lesson pack.")
    author = author.strip()
    articles = [_article(library, i) for i in ids]
    pack = LessonPack(author, title.strip() or articles[0].title,
                      time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), articles)
    notes = AnnotationStore(library)
    texts: list[str] = []
    for article in articles:
        pack.decisions += _decisions(library, article.id)
        pack.annotations += [replace(a, author=a.author or author, id=None)
                             for a in notes.for_article(article.id)]
        pack.questions += [{"article": article.id, **q} if "article" not in q else q
                           for q in stored_questions(library, article.id)]
        texts += _sentence_texts(library, article.id)
        pack.english_edits += _english_edits(library, article.id)
    from reader.analysis.review import glossary_entries

    pack.glossary = glossary_entries(library)
    pack.questions += check_questions(list(questions), set(ids), "the questions")
    pack.translations = _translations(library, texts)
    return pack


def pack_json(pack: LessonPack) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(manifest, lesson)`` as JSON-ready dicts (the manifest's sha is filled on write)."""
    lesson = {
        "articles": [vars(a) for a in pack.articles],
        "decisions": [{"article": d.article_id, "start": d.start, "end": d.end,
                       "class": d.cls, "original": d.original, "replacement": d.replacement,
                       "decision": d.decision} for d in pack.decisions],
        "annotations": [{"uid": a.uid, "article": a.article_id, "side": a.side,
                         "start": a.start, "end": a.end, "colour": a.colour, "quote": a.quote,
                         "note": a.note, "tags": list(a.tags),
                         "sentence_start": a.sentence_start, "sentence_end": a.sentence_end,
                         "sentence_text": a.sentence_text, "author": a.author,
                         "created_at": a.created_at, "updated_at": a.updated_at}
                        for a in pack.annotations],
        "glossary": [{"name": n, "literal": lit} for n, lit in pack.glossary],
        "questions": pack.questions,
        "translations": [vars(t) for t in pack.translations],
        "english_edits": [{"article": e.article_id, "source": e.source, "target": e.target,
                           "sentence_start": e.sentence_start,
                           "sentence_end": e.sentence_end, "edited_at": e.edited_at}
                          for e in pack.english_edits],
    }
    manifest = {
        "format": FORMAT, "schema_version": SCHEMA_VERSION, "author": pack.author,
        "title": pack.title, "created_at": pack.created_at,
        "articles": [a.id for a in pack.articles],
        "counts": {name: len(value) for name, value in lesson.items()},
    }
    return manifest, lesson


def write_pack(pack: LessonPack, out: Path) -> Path:
    """Write ``pack`` to ``out`` (``.readerpack`` added if missing) through a temporary file
    in the same folder renamed into place, so a failed write leaves no half file."""
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    manifest, lesson = pack_json(pack)
    lesson_bytes = json.dumps(lesson, ensure_ascii=False, indent=1).encode("utf-8")
    manifest["lesson_sha256"] = hashlib.sha256(lesson_bytes).hexdigest()
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise PackError(f"Cannot write to {out.parent}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(LESSON, lesson_bytes)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PackError(f"Could not write {out}: {exc.strerror or exc}.") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def export_pack(library: Library, article_ids: Sequence[str], out: Path, author: str = "",
                title: str = "", questions: Sequence[dict[str, Any]] = ()) -> Path:
    """Build and write a lesson pack; returns the path written."""
    try:
        pack = build_pack(library, article_ids, author, title, questions)
    except StorageError as exc:
        raise PackError(str(exc)) from exc
    return write_pack(pack, out)


# --- reading ----------------------------------------------------------------------------------

def read_pack(path: Path, max_bytes: int = MAX_PACK_BYTES) -> LessonPack:
    """Open and check a pack completely; raise :class:`PackError` saying what is wrong."""
    from reader.lesson_schema import parse_lesson, parse_manifest
    from reader.translation.archive import ModelFileError, check_members

    where = f"The lesson pack '{path.name}'"
    if not path.is_file():
        raise PackError(f"{where} does not exist.")
    if not zipfile.is_zipfile(path):
        raise PackError(f"{where} is damaged or not a lesson pack: it is not a complete zip "
                        "archive (a truncated download looks like this).")
    try:
        with zipfile.ZipFile(path) as zf:
            names, _total = check_members(zf, where, max_bytes, what="a lesson pack",
                                          folder="the lesson pack", max_entries=MAX_ENTRIES)
            if MANIFEST not in names:
                raise PackError(f"{where} is not a lesson pack: it has no {MANIFEST}.")
            manifest = _load_json(zf, MANIFEST, where)
            parse_manifest(manifest, where)
            if LESSON not in names:
                raise PackError(f"{where} is incomplete: it has no {LESSON}.")
            raw = _read_bounded(zf, LESSON, where)
    except ModelFileError as exc:
        raise PackError(str(exc)) from exc
    except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression
        raise PackError(f"{where} is damaged or incomplete ({exc}).") from exc
    if hashlib.sha256(raw).hexdigest() != manifest.get("lesson_sha256"):
        raise PackError(f"{where} is damaged: {LESSON} does not match its manifest.")
    lesson = _decode(raw, LESSON, where)
    return parse_lesson(manifest, lesson, where)


def _read_bounded(zf: zipfile.ZipFile, name: str, where: str) -> bytes:
    """A member's bytes, never more than its declared size (the CRC check catches a lie)."""
    info = zf.getinfo(name)
    with zf.open(info) as member:
        data = member.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise PackError(f"{where} is unsafe: '{name}' unpacks to more than it declares.")
    return data


def _decode(raw: bytes, name: str, where: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise PackError(f"{where} is damaged: {name} is not valid JSON ({exc}).") from exc


def _load_json(zf: zipfile.ZipFile, name: str, where: str) -> Any:
    return _decode(_read_bounded(zf, name, where), name, where)
