"""The checks a lesson pack's JSON must pass before anything of it is imported.

:func:`parse_manifest` checks the manifest (format, schema version: a pack from a newer reader
is refused with a request to update), :func:`parse_lesson` every record of ``lesson.json``:
types, lengths, offsets inside their article, decisions whose ``original`` is the article's
text at that place, unique ids. Every failure raises :class:`reader.lesson_pack.PackError`
naming the pack and the record, so the user learns what is wrong and nothing is written.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from reader.analysis.model import TIDY_UP_CLASSES
from reader.analysis.review import ACCEPTED, REJECTED
from reader.annotations import Annotation
from reader.article import parse_article
from reader.lesson_pack import (
    FORMAT,
    SCHEMA_VERSION,
    LessonPack,
    PackArticle,
    PackDecision,
    PackEnglishEdit,
    PackError,
    PackTranslation,
)

ARTICLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
UID = re.compile(r"[A-Za-z0-9_.:-]{1,80}")
SHA = re.compile(r"[0-9a-f]{64}")
MAX_ARTICLE_CHARS = 2_000_000
MAX_TEXT = 20_000
MAX_QUESTIONS = 1_000
DEFAULT_AUTHOR = "teacher"


def _get(record: Any, name: str, kind: type | tuple[type, ...], where: str,
         optional: bool = False) -> Any:
    if not isinstance(record, dict):
        raise PackError(f"{where} is not a JSON object.")
    value = record.get(name)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, kind):
        raise PackError(f"{where} has no valid '{name}'.")
    if isinstance(value, float) and not math.isfinite(value):
        raise PackError(f"{where} has no valid '{name}'.")
    return value


def _text(record: Any, name: str, where: str, limit: int = MAX_TEXT,
          optional: bool = False) -> str:
    value = _get(record, name, str, where, optional)
    if value is None:
        return ""
    if len(value) > limit:
        raise PackError(f"{where} has a '{name}' longer than {limit} characters.")
    return str(value)


def _list(lesson: dict[str, Any], name: str, where: str) -> list[Any]:
    value = lesson.get(name, [])
    if not isinstance(value, list):
        raise PackError(f"{where} is damaged: '{name}' is not a list.")
    return value


def parse_manifest(manifest: Any, where: str) -> None:
    """Check the manifest's format and schema version."""
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackError(f"{where} is not a lesson pack: its manifest does not say "
                        f"format \"{FORMAT}\".")
    version = manifest.get("schema_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise PackError(f"{where} has no valid schema version in its manifest.")
    if version > SCHEMA_VERSION:
        raise PackError(f"{where} was made by a newer version of the reader (pack schema "
                        f"{version}; this reader reads schema {SCHEMA_VERSION}). Update the "
                        "reader to open it.")
    if version != SCHEMA_VERSION:
        raise PackError(f"{where} has schema version {version}, which this reader does not "
                        f"know (it reads schema {SCHEMA_VERSION}).")
    _text(manifest, "author", f"{where}: the manifest", 200, optional=True)
    _text(manifest, "title", f"{where}: the manifest", 500, optional=True)
    ids = _get(manifest, "articles", list, f"{where}: the manifest")
    if not ids or not all(isinstance(i, str) for i in ids):
        raise PackError(f"{where}: the manifest lists no articles.")
    _text(manifest, "lesson_sha256", f"{where}: the manifest", 64)


def _articles(lesson: dict[str, Any], listed: list[str], where: str) -> list[PackArticle]:
    found: list[PackArticle] = []
    for n, record in enumerate(_list(lesson, "articles", where), start=1):
        at = f"{where}: article {n}"
        article_id = _text(record, "id", at, 64)
        if not ARTICLE_ID.fullmatch(article_id):
            raise PackError(f"{at} has an invalid id {article_id!r}.")
        source = _text(record, "source", at, MAX_ARTICLE_CHARS)
        if not source.strip():
            raise PackError(f"{at} ({article_id}) has no text.")
        if parse_article(source, article_id=article_id).source != source:
            raise PackError(f"{at} ({article_id}) is not a stored article's text (it has "
                            "carriage returns or a byte-order mark).")
        found.append(PackArticle(article_id, _text(record, "title", at, 1000), source,
                                 _text(record, "date", at, 40, optional=True),
                                 _text(record, "origin", at, 4000, optional=True),
                                 _text(record, "encoding", at, 40, optional=True) or "utf-8"))
    ids = [a.id for a in found]
    if len(set(ids)) != len(ids):
        raise PackError(f"{where} holds the same article twice.")
    if sorted(ids) != sorted(listed):
        raise PackError(f"{where} is damaged: its articles are not the ones its manifest lists.")
    return found


def _span(record: Any, at: str, source: str) -> tuple[int, int]:
    start = _get(record, "start", int, at)
    end = _get(record, "end", int, at)
    if not 0 <= start <= end <= len(source):
        raise PackError(f"{at} lies outside its article's text.")
    return int(start), int(end)


def _decisions(lesson: dict[str, Any], sources: dict[str, str], where: str
               ) -> list[PackDecision]:
    found: dict[tuple[str, str], PackDecision] = {}
    for n, record in enumerate(_list(lesson, "decisions", where), start=1):
        at = f"{where}: tidy-up decision {n}"
        article_id = _text(record, "article", at, 64)
        if article_id not in sources:
            raise PackError(f"{at} is for an article the pack does not hold.")
        start, end = _span(record, at, sources[article_id])
        cls = _text(record, "class", at, 40)
        if cls not in TIDY_UP_CLASSES:
            raise PackError(f"{at} has an unknown tidy-up class {cls!r}.")
        original = _text(record, "original", at, MAX_TEXT, optional=True)
        if sources[article_id][start:end] != original:
            raise PackError(f"{at} does not match its article's text.")
        replacement = _get(record, "replacement", str, at, optional=True)
        decision = _text(record, "decision", at, 20)
        if decision not in (ACCEPTED, REJECTED):
            raise PackError(f"{at} is neither accepted nor rejected.")
        d = PackDecision(article_id, start, end, cls, original, replacement, decision)
        if (article_id, d.key) in found:
            raise PackError(f"{at} repeats a decision.")
        found[(article_id, d.key)] = d
    return list(found.values())


def _annotations(lesson: dict[str, Any], sources: dict[str, str], author: str,
                 where: str) -> list[Annotation]:
    found: list[Annotation] = []
    uids: set[str] = set()
    for n, record in enumerate(_list(lesson, "annotations", where), start=1):
        at = f"{where}: note {n}"
        article_id = _text(record, "article", at, 64)
        if article_id not in sources:
            raise PackError(f"{at} is for an article the pack does not hold.")
        uid = _text(record, "uid", at, 80)
        if not UID.fullmatch(uid) or uid in uids:
            raise PackError(f"{at} has a missing, invalid or repeated uid.")
        uids.add(uid)
        tags = _get(record, "tags", list, at, optional=True) or []
        if not all(isinstance(t, str) and len(t) <= 100 for t in tags):
            raise PackError(f"{at} has invalid tags.")
        side = _text(record, "side", at, 4)
        start, end = _span(record, at, sources[article_id]) if side == "fr" else (
            _get(record, "start", int, at), _get(record, "end", int, at))
        s_start = _get(record, "sentence_start", int, at, optional=True)
        s_end = _get(record, "sentence_end", int, at, optional=True)
        if s_start is not None and not 0 <= s_start <= (s_end or 0) <= len(sources[article_id]):
            raise PackError(f"{at} is anchored outside its article's text.")
        try:
            found.append(Annotation(
                article_id, side, start, end, _text(record, "colour", at, 20),
                _text(record, "quote", at, optional=True), _text(record, "note", at,
                                                                  optional=True),
                tuple(tags), s_start, s_end, _text(record, "sentence_text", at, optional=True),
                _text(record, "author", at, 200, optional=True) or author, uid,
                None, float(_get(record, "created_at", (int, float), at, optional=True) or 0),
                float(_get(record, "updated_at", (int, float), at, optional=True) or 0)))
        except ValueError as exc:
            raise PackError(f"{at} is invalid: {exc}.") from exc
    return found


def check_questions(questions: list[Any], article_ids: set[str], where: str
                    ) -> list[dict[str, Any]]:
    """Worksheet questions: JSON objects with a non-empty ``text`` and, when they name one,
    an ``article`` among ``article_ids``; any other fields are kept as given."""
    if len(questions) > MAX_QUESTIONS:
        raise PackError(f"{where} has more than {MAX_QUESTIONS} questions.")
    checked: list[dict[str, Any]] = []
    for n, question in enumerate(questions, start=1):
        at = f"{where}: question {n}"
        if not _text(question, "text", at).strip():
            raise PackError(f"{at} has no text.")
        article = _get(question, "article", str, at, optional=True)
        if article is not None and article not in article_ids:
            raise PackError(f"{at} is for an article the lesson does not hold.")
        try:
            size = len(json.dumps(question, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError) as exc:
            raise PackError(f"{at} is not plain JSON ({exc}).") from exc
        if size > MAX_TEXT:
            raise PackError(f"{at} is longer than {MAX_TEXT} characters.")
        checked.append(dict(question))
    return checked


def _translations(lesson: dict[str, Any], where: str) -> list[PackTranslation]:
    found: list[PackTranslation] = []
    for n, record in enumerate(_list(lesson, "translations", where), start=1):
        at = f"{where}: translation {n}"
        key = _text(record, "key", at, 64)
        if not SHA.fullmatch(key):
            raise PackError(f"{at} has an invalid key.")
        found.append(PackTranslation(
            key, _text(record, "model", at, 200), _text(record, "options", at, 2000),
            _text(record, "source", at), _text(record, "target", at, 4 * MAX_TEXT),
            float(_get(record, "created_at", (int, float), at, optional=True) or 0.0)))
    return found


def _english_edits(lesson: dict[str, Any], sources: dict[str, str], where: str
                   ) -> list[PackEnglishEdit]:
    found: dict[tuple[str, str], PackEnglishEdit] = {}
    for n, record in enumerate(_list(lesson, "english_edits", where), start=1):
        at = f"{where}: English edit {n}"
        article_id = _text(record, "article", at, 64)
        if article_id not in sources:
            raise PackError(f"{at} is for an article the pack does not hold.")
        start = _get(record, "sentence_start", int, at, optional=True)
        end = _get(record, "sentence_end", int, at, optional=True)
        if (start is None) != (end is None) or (
                start is not None and not 0 <= start <= end <= len(sources[article_id])):
            raise PackError(f"{at} is anchored outside its article's text.")
        edit = PackEnglishEdit(
            article_id, _text(record, "source", at), _text(record, "target", at, 4 * MAX_TEXT),
            start, end, float(_get(record, "edited_at", (int, float), at, optional=True) or 0))
        if (article_id, edit.source) in found:
            raise PackError(f"{at} repeats an edit.")
        found[(article_id, edit.source)] = edit
    return list(found.values())


def parse_lesson(manifest: dict[str, Any], lesson: Any, where: str) -> LessonPack:
    """Every record of ``lesson.json``, checked (see the module docstring)."""
    if not isinstance(lesson, dict):
        raise PackError(f"{where} is damaged: lesson.json is not a JSON object.")
    author = str(manifest.get("author") or "").strip() or DEFAULT_AUTHOR
    articles = _articles(lesson, list(manifest["articles"]), where)
    sources = {a.id: a.source for a in articles}
    glossary: list[tuple[str, str]] = []
    for n, record in enumerate(_list(lesson, "glossary", where), start=1):
        at = f"{where}: glossary entry {n}"
        name, literal = _text(record, "name", at, 200).strip(), _text(record, "literal", at,
                                                                        200).strip()
        if not name or not literal:
            raise PackError(f"{at} needs both a name and its literal rendering.")
        glossary.append((name, literal))
    return LessonPack(
        author, str(manifest.get("title") or ""), str(manifest.get("created_at") or ""),
        articles, _decisions(lesson, sources, where),
        _annotations(lesson, sources, author, where), glossary,
        check_questions(_list(lesson, "questions", where), set(sources), where),
        _translations(lesson, where), _english_edits(lesson, sources, where))
