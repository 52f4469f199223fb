"""Highlights, notes, tags and undo driven through the real window with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.annotations import COLOURS, AnnotationStore
from reader.session_english import SentenceEnglish


@pytest.fixture
def noting_window(qtbot, library, prefs, nlp, runner):
    """The window with reading aids and the notes panel, first seed analysed."""
    from ui.annotating import Annotating
    from ui.main_window import MainWindow
    from ui.reading_aids import ReadingAids

    win = MainWindow(library, runner, prefs)
    win.aids = ReadingAids(win, runner, library, None, prefs)
    win.notes = Annotating(win, win.aids.tabs)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.open_first_article()
    qtbot.waitUntil(lambda: not win._rebuild_pending)
    return win


def _select_french(win, words: str) -> tuple[int, int]:
    """Select the first occurrence of ``words`` in the French column; its source range."""
    source = win.article.source
    start = source.index(words)
    rng = win.view.french_range(start, start + len(words))
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(rng[0])
    cursor.setPosition(rng[1], QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    win.view.setFocus()
    return start, start + len(words)


def _select_english(win, sid: int, lo: int, hi: int) -> None:
    rng = win.view.english_range(sid)
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(rng[0] + lo)
    cursor.setPosition(rng[0] + hi, QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    win.view.setFocus()


def _background_at(win, offset: int) -> str:
    rng = win.view.french_range(offset, offset + 1)
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(rng[0] + 1)
    return cursor.charFormat().background().color().name()


def test_key_2_highlights_the_french_selection_in_green(noting_window, qtbot, library):
    win = noting_window
    start, end = _select_french(win, "Donald Trump")
    qtbot.keyClick(win.view, Qt.Key.Key_2)
    stored = AnnotationStore(library).for_article(win.article.id)
    assert [(a.side, a.start, a.end, a.colour, a.quote) for a in stored] == [
        ("fr", start, end, "green", "Donald Trump")]
    assert _background_at(win, start) == COLOURS["green"]
    assert win.notes.panel.list.count() == 1
    assert "1 note" in win.sidebar.list.currentItem().text()  # the library shows the count


def test_a_note_with_tags_then_undo_and_redo(noting_window, qtbot, library, monkeypatch):
    from ui.note_dialog import NoteDialog

    win = noting_window

    def fill(dialog):
        dialog.colour.setCurrentIndex(2)  # blue
        dialog.note.setPlainText("Qui parle ici ?\nÀ vérifier.")
        dialog.tags.setText("sources, #à-vérifier, sources")
        return NoteDialog.DialogCode.Accepted

    monkeypatch.setattr(NoteDialog, "exec", fill)
    start, end = _select_french(win, "Silicon Valley")
    qtbot.keyClick(win.view, Qt.Key.Key_N)
    (note,) = win.session.annotations
    assert (note.colour, note.note, note.tags) == ("blue", "Qui parle ici ?\nÀ vérifier.",
                                                   ("sources", "à-vérifier"))
    assert "[1]" in win.view.document().toPlainText()  # the note marker is drawn
    # the panel filters by tag and searches notes without accents
    panel = win.notes.panel
    panel.tag.setCurrentIndex(panel.tag.findData("sources"))
    assert panel.list.count() == 1
    panel.search.setText("verifier")
    panel.refresh()
    assert panel.list.count() == 1
    panel.search.setText("absent")
    panel.refresh()
    assert panel.list.count() == 0 and "No note matches" in panel.empty.text()
    panel.search.clear()
    panel.tag.setCurrentIndex(0)
    panel.refresh()
    # delete from the panel, undo brings it back (same id), redo deletes again
    panel.list.setCurrentRow(0)
    panel.delete_button.click()
    assert AnnotationStore(library).for_article(win.article.id) == []
    qtbot.keySequence(win, "Ctrl+Z")
    assert [a.id for a in AnnotationStore(library).for_article(win.article.id)] == [note.id]
    assert "Undone" in win.messages.text()
    qtbot.keySequence(win, "Ctrl+Shift+Z")
    assert AnnotationStore(library).for_article(win.article.id) == []
    qtbot.keySequence(win, "Ctrl+Z")
    (back,) = AnnotationStore(library).for_article(win.article.id)
    assert back.note == note.note and back.tags == note.tags


def test_edit_from_the_panel_and_undo_the_edit(noting_window, qtbot, monkeypatch):
    from ui.note_dialog import NoteDialog

    win = noting_window
    _select_french(win, "Parler")
    qtbot.keyClick(win.view, Qt.Key.Key_1)
    monkeypatch.setattr(NoteDialog, "exec", lambda d: (d.note.setPlainText("édité"),
                                                       NoteDialog.DialogCode.Accepted)[1])
    panel = win.notes.panel
    panel.list.setCurrentRow(0)
    panel.edit_button.click()
    assert win.session.annotations[0].note == "édité"
    win.notes.undo()
    assert win.session.annotations[0].note == ""


def test_a_french_highlight_survives_a_tidy_up_decision(noting_window, qtbot):
    win = noting_window
    fix = next(t for t in win.aids.analysis.tidy_ups if t.original == "Amazone")
    source = win.article.source
    sentence = next(s for s in win.session.sentences if s.start <= fix.start < s.end)
    start, end = sentence.start, fix.end
    rng = win.view.french_range(start, end)
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(rng[0])
    cursor.setPosition(rng[1], QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_3)
    (note,) = win.session.annotations
    assert source[note.start:note.end] == source[start:end].strip()
    win.aids.tidy_ups.select(fix.key)
    win.aids.tidy_ups.accept_button.click()
    assert win.session.annotations == [note]  # offsets in the source: nothing moved
    assert _background_at(win, note.start) == COLOURS["blue"]


def test_english_highlight_is_kept_and_flagged_when_the_english_changes(noting_window, qtbot):
    win = noting_window
    session = win.session
    session.set_english([SentenceEnglish(3, "Amazon removed the Parler app on Sunday.")])
    _select_english(win, 3, 0, 6)
    qtbot.keyClick(win.view, Qt.Key.Key_4)
    (note,) = session.annotations
    assert (note.side, note.quote, note.colour) == ("en", "Amazon", "red")
    assert session.english_anchor(note) == (3, False)
    # retranslated: the highlight stays, is flagged, and is not moved onto other words
    session.set_english([SentenceEnglish(3, "Parler was removed by Amazon on Sunday.")])
    assert session.english_anchor(note) == (3, True)
    assert session.annotations == [note]
    assert "the English changed" in win.notes.panel.list.item(0).text()
    win.view.rebuild()
    model = win.view.model
    runs = [r for p in model.paragraphs for e in p.english for r in e.runs
            if e.sentence_id == 3]
    assert not any(r.highlight for r in runs)
    assert any(r.english_changed for r in runs)


def test_a_selection_across_both_columns_is_refused_with_a_reason(noting_window, qtbot):
    win = noting_window
    win.session.set_english([SentenceEnglish(1, "Some English.")])
    french = win.view.french_range(win.session.sentences[1].start,
                                   win.session.sentences[1].end)
    english = win.view.english_range(1)
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(french[0])
    cursor.setPosition(english[1], QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_1)
    assert win.session.annotations == []
    assert "one column" in win.messages.text()


def test_library_wide_note_search_opens_the_other_article(noting_window, qtbot):
    win = noting_window
    first = win.article.id
    _select_french(win, "Parler")
    qtbot.keyClick(win.view, Qt.Key.Key_1)
    win.session.update_annotation(win.session.annotations[0].id, note="plateforme")
    other = next(i for i in win.sidebar.ids() if i != first)
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.open_article(other)
    panel = win.notes.panel
    panel.everywhere.setChecked(True)
    panel.search.setText("plateforme")
    panel.refresh()
    assert panel.list.count() == 1
    assert panel.list.item(0).text().startswith("[")  # names the other article
    panel._clicked(panel.list.item(0))
    assert win.article.id == first


def test_highlighting_a_correction_highlights_the_words_it_replaces(noting_window, qtbot):
    """Seen on a real display: double-clicking an accepted correction and pressing 2 said
    "no text of the article". The correction stands for the source words it replaces."""
    win = noting_window
    fix = next(t for t in win.aids.analysis.tidy_ups if t.original == "je parlerai")
    win.session.decide("accept", fix.key)
    rows = win.view.rows[win.article.paragraph_at(fix.start).index].french.runs
    run = next(r for r in rows if r.replaces == (fix.start, fix.end))
    origin = win.view._table.cellAt(win.article.paragraph_at(fix.start).index, 0) \
        .firstCursorPosition().position()
    cursor = QTextCursor(win.view.document())
    cursor.setPosition(origin + run.rel_start)
    cursor.setPosition(origin + run.rel_end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Parler"
    win.view.setTextCursor(cursor)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_2)
    (note,) = win.session.annotations
    assert (note.start, note.end, note.quote) == (fix.start, fix.end, "je parlerai")
