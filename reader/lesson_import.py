"""Importing a lesson pack into a student's library: everything or nothing, never over theirs.

:func:`import_pack` first checks the whole pack (:func:`reader.lesson_pack.read_pack`) and
compares it with the library; only then does it write, in one transaction, so a refused or
failing pack changes nothing. The rules:

- an article already in the library is kept; one whose text differs from the pack's under the
  same id refuses the pack (the pack's offsets would point at other words);
- the teacher's highlights and notes come in as their own layer with their ``author``; a uid
  already present (a second import, or a note the student has since edited) is left alone;
- a tidy-up decision the student already made on the same suggestion is kept, and the report
  says so; the pack's decision only fills suggestions the student has not decided;
- the teacher's hand-edited English fills sentences the student has not edited;
- glossary entries, questions and cached translations are added when absent.

So importing the same pack twice adds nothing the second time.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.annotations import AnnotationStore
from reader.article import parse_article
from reader.lesson_pack import (
    QUESTIONS_SETTING,
    LessonPack,
    PackError,
    read_pack,
    stored_questions,
)
from reader.storage import Library, StorageError
from reader.translation.cache import text_sha


@dataclass
class ImportReport:
    """What an import added, and what of the student's it kept."""

    author: str
    title: str
    articles_added: list[str] = field(default_factory=list)
    articles_present: list[str] = field(default_factory=list)
    decisions_added: int = 0
    decisions_kept: list[str] = field(default_factory=list)  # the student's, described
    annotations_added: int = 0
    annotations_present: int = 0
    glossary_added: int = 0
    questions_added: int = 0
    translations_added: int = 0
    english_edits_added: int = 0

    def lines(self) -> list[str]:
        """A short account for the command line or a dialog."""
        out = [f"Lesson “{self.title}” by {self.author}: "
               f"{_n(len(self.articles_added), 'article')} added "
               f"({len(self.articles_present)} already here), "
               f"{_n(self.annotations_added, 'note')} added "
               f"({self.annotations_present} already here), "
               f"{_n(self.decisions_added, 'tidy-up decision')}, "
               f"{_n(self.glossary_added, 'glossary entry', 'glossary entries')}, "
               f"{_n(self.questions_added, 'question')}, "
               f"{_n(self.translations_added, 'cached translation')} and "
               f"{_n(self.english_edits_added, 'English edit')} added."]
        out += [f"kept your decision: {d}" for d in self.decisions_kept]
        return out


def _n(count: int, one: str, many: str = "") -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def _check_against_library(library: Library, pack: LessonPack, where: str) -> None:
    for article in pack.articles:
        row = library.db.execute("select source from articles where id = ?",
                                 [article.id]).fetchone()
        if row is not None and str(row[0]) != article.source:
            raise PackError(f"{where} holds a different text under the id {article.id} than "
                            "the article of that id in your library; nothing was imported.")


def _decisions(library: Library, pack: LessonPack, report: ImportReport) -> None:
    table = library.db.table("tidy_up_decisions")
    for d in pack.decisions:
        row = library.db.execute(
            'select decision from tidy_up_decisions where article_id = ? and start = ? and '
            '"end" = ? and class = ?', [d.article_id, d.start, d.end, d.cls]).fetchone()
        if row is None:
            table.insert({"article_id": d.article_id, "start": d.start, "end": d.end,
                          "class": d.cls, "original": d.original,
                          "replacement": d.replacement, "decision": d.decision,
                          "decided_at": time.time()})
            report.decisions_added += 1
        elif str(row[0]) != d.decision:
            fix = d.original if d.replacement is None else f"{d.original} → {d.replacement}"
            report.decisions_kept.append(
                f"{d.cls} “{fix}” in {d.article_id}: you {row[0]} it, the pack {d.decision} it")


def _questions(library: Library, pack: LessonPack, report: ImportReport) -> None:
    by_article: dict[str, list[dict[str, Any]]] = {}
    for q in pack.questions:
        article_id = str(q.get("article") or pack.articles[0].id)
        by_article.setdefault(article_id, []).append({**q, "article": article_id})
    for article_id, questions in by_article.items():
        have = stored_questions(library, article_id)
        seen = {json.dumps(q, sort_keys=True, ensure_ascii=False) for q in have}
        new = [q for q in questions
               if json.dumps(q, sort_keys=True, ensure_ascii=False) not in seen]
        if new:
            library.set_setting(QUESTIONS_SETTING + article_id,
                                json.dumps(have + new, ensure_ascii=False))
            report.questions_added += len(new)


def _write(library: Library, pack: LessonPack, report: ImportReport) -> None:
    db = library.db
    for article in pack.articles:
        if library.has_article(article.id):
            report.articles_present.append(article.id)
            continue
        library.add_article(parse_article(article.source, article_id=article.id,
                                          origin=article.origin, encoding=article.encoding))
        report.articles_added.append(article.id)
    _decisions(library, pack, report)
    notes = AnnotationStore(library)
    present = notes.by_uid(a.uid for a in pack.annotations)
    for annotation in pack.annotations:
        if annotation.uid in present:
            report.annotations_present += 1
        else:
            notes.add(annotation)
            report.annotations_added += 1
    for name, literal in pack.glossary:
        cursor = db.execute("insert or ignore into glossary (name, literal, added_at) "
                            "values (?, ?, ?)", [name, literal, time.time()])
        report.glossary_added += cursor.rowcount
    _questions(library, pack, report)
    for t in pack.translations:
        cursor = db.execute(
            "insert or ignore into translations (key, model, options, source, target, "
            "created_at) values (?, ?, ?, ?, ?, ?)",
            [t.key, t.model, t.options, t.source, t.target, t.created_at])
        report.translations_added += cursor.rowcount
    for e in pack.english_edits:
        cursor = db.execute(
            "insert or ignore into translation_edits (article_id, source_sha, source, target, "
            "edited_at, sentence_start, sentence_end) values (?, ?, ?, ?, ?, ?, ?)",
            [e.article_id, text_sha(e.source), e.source, e.target, e.edited_at,
             e.sentence_start, e.sentence_end])
        report.english_edits_added += cursor.rowcount


def import_pack(library: Library, path: Path) -> ImportReport:
    """Check the pack at ``path`` completely, then add it to the library in one transaction;
    raise :class:`PackError` (nothing changed) when it is refused."""
    pack = read_pack(path)
    where = f"The lesson pack '{path.name}'"
    _check_against_library(library, pack, where)
    report = ImportReport(pack.author, pack.title)
    try:
        with library.transaction():
            _write(library, pack, report)
    except (sqlite3.Error, StorageError) as exc:
        raise PackError(f"{where} could not be saved ({exc}); nothing was imported.") from exc
    return report
