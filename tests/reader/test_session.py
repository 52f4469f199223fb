"""The article session: one owner of an article's state, events in data-flow order, undo."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from reader.annotations import AnnotationStore, colour_name
from reader.session import ANNOTATIONS, DECISIONS, ENGLISH, WORKING_TEXT, open_session
from reader.session_english import SentenceEnglish
from reader.storage import Library
from tests.killing import write_until_killed

TRUMP = "000_757345bfb182a35d"


@pytest.fixture
def session(library, nlp):
    return open_session(library, TRUMP)


def test_accepting_a_tidy_up_changes_only_its_sentence_and_reports_it(session) -> None:
    events = []
    session.subscribe(events.append)
    fix = next(t for t in session.analysis.tidy_ups if t.original == "Amazone")
    before = dict(session.working_sentences())
    session.decide("accept", fix.key)
    after = dict(session.working_sentences())
    changed = {sid for sid in before if before[sid] != after[sid]}
    assert len(changed) == 1
    (sid,) = changed
    assert "surtout Amazon, qui" in after[sid]
    assert [e.kind for e in events] == [DECISIONS, WORKING_TEXT]
    assert events[1].sentence_ids == frozenset(changed)
    assert session.undo() == "tidy-up decision"
    assert dict(session.working_sentences()) == before
    assert session.redo() == "tidy-up decision"
    assert dict(session.working_sentences()) == after


def test_the_source_never_changes(session) -> None:
    source = session.article.source
    for t in session.analysis.tidy_ups:
        if t.replacement is not None:
            session.decide("accept", t.key)
    assert session.article.source == source
    assert session.offset_map.working != source


def test_machine_english_never_replaces_a_hand_edit(session) -> None:
    session.set_english([SentenceEnglish(0, "machine")])
    session.edit_english(0, "mine")
    session.set_english([SentenceEnglish(0, "machine again")])
    assert session.english_of(0) == SentenceEnglish(0, "mine", edited=True)


def test_a_tidy_up_under_a_hand_edit_keeps_it_flagged_until_the_reader_decides(
        session, library) -> None:
    fix = next(t for t in session.analysis.tidy_ups if t.original == "Amazone")
    sid = next(s.id for s in session.sentences if s.start <= fix.start < s.end)
    session.edit_english(sid, "mine")
    session.decide("accept", fix.key)
    assert session.english_of(sid) == SentenceEnglish(sid, "mine", edited=True, stale=True)
    # a fresh session (reopening the article) still has it, still flagged
    again = open_session(library, TRUMP)
    assert again.english_of(sid).stale and again.english_of(sid).text == "mine"
    again.resolve_stale_edit(sid, keep=True)
    assert again.english_of(sid) == SentenceEnglish(sid, "mine", edited=True)
    # undo in the first session: the French is back and the old edit applies
    session.undo()
    assert session.english_of(sid) == SentenceEnglish(sid, "mine", edited=True)


def test_highlights_notes_tags_and_undo_redo(session, library) -> None:
    events = []
    session.subscribe(lambda e: events.append(e.kind))
    source = session.article.source
    start = source.index("Donald Trump")
    made = session.highlight_french(start - 1, start + len("Donald Trump") + 1, "yellow",
                                    "Qui ?", ["  personnes", "#personnes", ""])
    assert made.quote == "Donald Trump"  # trimmed of the spaces around it
    assert made.tags == ("personnes",)
    edited = session.update_annotation(made.id, note="Le président", colour="red")
    assert (edited.note, edited.colour) == ("Le président", "red")
    session.delete_annotation(made.id)
    assert session.annotations == []
    assert session.undo() == "highlight"
    assert session.annotations[0].note == "Le président"
    assert session.undo() == "note"
    assert session.annotations[0].note == "Qui ?"
    assert session.redo() == "note"
    assert session.annotations[0].note == "Le président"
    assert AnnotationStore(library).for_article(TRUMP) == session.annotations
    assert events.count(ANNOTATIONS) == 6


def test_english_highlight_anchoring(session) -> None:
    session.set_english([SentenceEnglish(2, "The role in the demonstrations.")])
    note = session.highlight_english(2, 4, 8, "blue", "rôle")
    assert note.quote == "role" and note.sentence_text == "The role in the demonstrations."
    assert session.english_anchor(note) == (2, False)
    events = []
    session.subscribe(lambda e: events.append(e.kind))
    session.set_english([SentenceEnglish(2, "Its part in the protests.")])
    assert events == [ENGLISH]
    assert session.english_anchor(note) == (2, True)
    assert session.annotations == [note]  # kept, never dropped


def test_bad_highlights_are_refused(session) -> None:
    with pytest.raises(ValueError):
        session.highlight_french(5, 5, "yellow")
    with pytest.raises(ValueError):
        session.highlight_french(0, 4, "mauve")
    with pytest.raises(ValueError):
        session.highlight_english(0, 0, 3, "yellow")  # no English yet
    assert colour_name("3") == "blue" and colour_name("Red") == "red"
    with pytest.raises(ValueError):
        colour_name("6")


def test_library_wide_note_search_and_counts(session, library, nlp) -> None:
    source = session.article.source
    start = source.index("Parler")
    session.highlight_french(start, start + 6, "green", "Réseau social préféré")
    other = open_session(library, "003_71c21fd2b98fa41d", analyse=False)
    other.highlight_french(0, 10, "yellow", "reseau")
    store = AnnotationStore(library)
    assert {a.article_id for a in store.search("réseau")} == {TRUMP, other.article.id}
    assert [a.article_id for a in store.search("reseau", TRUMP)] == [TRUMP]
    assert store.counts() == {TRUMP: 1, other.article.id: 1}


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from reader.storage import Library
    from reader.annotations import Annotation, AnnotationStore
    store = AnnotationStore(Library(Path(sys.argv[1])))
    i = 0
    while True:
        store.add(Annotation("a1", "fr", i + 1, i + 5, "yellow", "quote " * 20,
                             note="n" * 300, tags=("t",)))
        print(i, flush=True)
        i += 1
""")


@pytest.mark.slow
def test_sigkill_mid_stream_keeps_every_committed_annotation(tmp_path: Path) -> None:
    db_path = tmp_path / "r.db"
    Library(db_path).close()
    committed = write_until_killed(WRITER, db_path, until=60)
    assert committed >= 60, "the writer did not get going"
    library = Library(db_path)
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    found = AnnotationStore(library).for_article("a1")
    starts = {a.start for a in found}
    assert set(range(1, committed + 2)) <= starts  # every reported annotation is there
    assert all(a.note == "n" * 300 and a.tags == ("t",) for a in found)  # none half-written
