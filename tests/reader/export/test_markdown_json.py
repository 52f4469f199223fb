"""Markdown and JSON exports, and the JSON round trip into another library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore
from reader.corpus import ensure_bundled
from reader.export.markdown import annotations_markdown, bilingual_markdown
from reader.export.notes_json import AnnotationImportError, export_json, import_json
from reader.storage import Library
from tests.reader.export.conftest import ARTICLE, Annotated, english_for, flat


def test_annotations_markdown_lists_every_annotation(annotated: Annotated) -> None:
    md = annotations_markdown(annotated.session)
    every = annotated.drawable + [annotated.changed]
    assert md.count("\n## §") == len(every)
    for a in every:
        assert "> " + flat(a.quote) in md
        for line in a.note.strip().splitlines():
            assert line in md.replace("&gt;", ">")
    assert "Tags: #cours #lexique" in md
    assert "🟨 yellow" in md and "· English ·" in md
    assert md.count("has changed since this highlight was made") == 1
    french_only = annotations_markdown(annotated.session, english=False)
    assert "· English ·" not in french_only and french_only.count("\n## §") == 7


def test_markdown_never_passes_html_through(annotated: Annotated) -> None:
    session = annotated.session
    made = session.highlight_french(annotated.french[0].start, annotated.french[0].end,
                                    "red", "<script>alert(1)</script> **ok**")
    try:
        md = annotations_markdown(session)
        assert "<script>" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    finally:
        session.delete_annotation(made.id or -1)


def test_bilingual_markdown_pairs_french_and_english_by_paragraph(
        annotated: Annotated) -> None:
    md = bilingual_markdown(annotated.session)
    session = annotated.session
    body = [p for p in session.article.paragraphs if p.kind == "body"]
    last = body[-1]
    assert f"**§{last.index + 1}** " in md
    first_sentence = next(s for s in session.sentences if s.paragraph == last.index)
    french_at = md.index(f"**§{last.index + 1}** ")
    english_at = md.index(english_for(first_sentence.id))
    assert french_at < english_at
    assert "English sentence" not in bilingual_markdown(session, english=False)


def test_json_round_trip_into_a_fresh_library_twice(annotated: Annotated,
                                                    tmp_path: Path) -> None:
    path = export_json(annotated.session, tmp_path / "notes.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["article"]["id"] == ARTICLE and len(doc["annotations"]) == 10
    other = Library(tmp_path / "other.db")
    ensure_bundled(other)
    mine = AnnotationStore(other).add(annotated.french[0].__class__(
        ARTICLE, "fr", 0, 5, "green", "La vi", "the target's own note"))
    first = import_json(other, path)
    second = import_json(other, path)
    print(first.summary(), "|", second.summary())
    assert (first.added, first.already_there) == (10, 0)
    assert (second.added, second.already_there) == (0, 10)
    stored = AnnotationStore(other).for_article(ARTICLE)
    assert len(stored) == 11
    assert next(a for a in stored if a.uid == mine.uid).note == "the target's own note"
    key = ("uid", "side", "start", "end", "colour", "quote", "note", "tags",
           "sentence_start", "sentence_end", "sentence_text")
    source = {tuple(getattr(a, k) for k in key) for a in annotated.session.annotations}
    assert {tuple(getattr(a, k) for k in key) for a in stored if a.uid != mine.uid} == source


def test_import_needs_the_article_and_a_real_file(annotated: Annotated,
                                                  tmp_path: Path) -> None:
    path = export_json(annotated.session, tmp_path / "notes.json")
    empty = Library(tmp_path / "empty.db")
    with pytest.raises(AnnotationImportError, match="is not in this library"):
        import_json(empty, path)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(AnnotationImportError, match="not valid JSON"):
        import_json(empty, bad)
    with pytest.raises(AnnotationImportError, match="No file"):
        import_json(empty, tmp_path / "missing.json")
    other = tmp_path / "other.json"
    other.write_text('{"some": "thing"}', encoding="utf-8")
    with pytest.raises(AnnotationImportError, match="not an annotations file"):
        import_json(empty, other)


def test_import_skips_entries_that_do_not_fit_the_article(annotated: Annotated,
                                                          tmp_path: Path) -> None:
    path = export_json(annotated.session, tmp_path / "notes.json")
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["annotations"][0]["quote"] = "words that are not there"
    doc["annotations"][1]["colour"] = "tartan"
    path.write_text(json.dumps(doc), encoding="utf-8")
    target = Library(tmp_path / "t.db")
    ensure_bundled(target)
    report = import_json(target, path)
    assert report.added == 8 and len(report.problems) == 2
    assert "not in this article" in report.problems[0] and "colour" in report.problems[1]
