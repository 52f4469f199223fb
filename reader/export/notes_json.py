"""Annotations as JSON, and importing them into another library.

The file names the article by its id (derived from the article's text, so the same article
has the same id in every library) and lists each annotation with its ``uid``. Importing adds
only annotations whose uid the target library does not hold yet, so importing the same file
twice adds nothing the second time, and the target's own annotations are never changed.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.annotations import Annotation, AnnotationStore, clean_tags
from reader.export.files import write_atomically
from reader.session import ArticleSession
from reader.storage import Library, StorageError

FORMAT = "bilingual-reader-annotations"
VERSION = 1
FIELDS = ("uid", "side", "start", "end", "colour", "quote", "note", "tags", "sentence_start",
          "sentence_end", "sentence_text", "author", "created_at", "updated_at")


class AnnotationImportError(Exception):
    """The file cannot be imported; the message says why."""


@dataclass
class ImportReport:
    """What an import did."""

    article_id: str
    title: str
    added: int = 0
    already_there: int = 0
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the reader."""
        text = (f"{self.added} annotation(s) added to “{self.title}”, "
                f"{self.already_there} already there")
        if self.problems:
            text += f", {len(self.problems)} skipped"
        return text


def annotations_json(session: ArticleSession) -> str:
    """The session's annotations as a JSON document."""
    article = session.article
    doc = {
        "format": FORMAT, "version": VERSION, "exported_at": time.time(),
        "article": {"id": article.id, "title": article.title, "date": article.date,
                    "origin": article.origin},
        "annotations": [{name: list(a.tags) if name == "tags" else getattr(a, name)
                         for name in FIELDS} for a in session.annotations],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def export_json(session: ArticleSession, path: str | os.PathLike[str]) -> Path:
    """Write :func:`annotations_json` to ``path`` (safely; see ``files``)."""
    return write_atomically(path, annotations_json(session).encode("utf-8"))


def _read(path: str | os.PathLike[str]) -> dict[str, Any]:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise AnnotationImportError(f"No file {path}.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise AnnotationImportError(f"Could not read {path}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise AnnotationImportError(f"{path} is not valid JSON (line {exc.lineno}).") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise AnnotationImportError(f"{path} is not an annotations file of this reader.")
    if int(doc.get("version", 0)) > VERSION:
        raise AnnotationImportError(f"{path} comes from a newer version of the reader.")
    return doc


def _annotation(article_id: str, entry: dict[str, Any]) -> Annotation:
    values: dict[str, Any] = {name: entry.get(name) for name in FIELDS}
    values["tags"] = clean_tags(str(t) for t in values["tags"] or [])
    for name in ("note", "quote", "sentence_text", "author"):
        values[name] = str(values[name] or "")
    for name in ("created_at", "updated_at"):
        values[name] = float(values[name] or 0.0)
    if not values["uid"]:
        raise ValueError("no uid")
    return Annotation(article_id=article_id, **values)


def import_json(library: Library, path: str | os.PathLike[str]) -> ImportReport:
    """Add the annotations of a JSON export to ``library`` (see the module docstring)."""
    doc = _read(path)
    article_info = doc.get("article") or {}
    article_id = str(article_info.get("id", ""))
    title = str(article_info.get("title", "")) or article_id
    if not library.has_article(article_id):
        raise AnnotationImportError(
            f"The article “{title}” ({article_id}) is not in this library: import the "
            "article first, then its annotations.")
    article = library.article(article_id)
    report = ImportReport(article_id, article.title)
    store = AnnotationStore(library)
    entries = doc.get("annotations") or []
    known = store.by_uid(str(e.get("uid", "")) for e in entries if isinstance(e, dict))
    for n, entry in enumerate(entries, start=1):
        try:
            annotation = _annotation(article_id, entry)
        except (ValueError, TypeError, AttributeError) as exc:
            report.problems.append(f"annotation {n}: {exc}")
            continue
        if annotation.uid in known:
            report.already_there += 1
            continue
        if annotation.side == "fr" and \
                article.source[annotation.start:annotation.end] != annotation.quote:
            report.problems.append(f"annotation {n}: its words are not in this article")
            continue
        try:
            store.add(annotation)
        except StorageError as exc:
            raise AnnotationImportError(str(exc)) from exc
        known[annotation.uid] = annotation
        report.added += 1
    return report
