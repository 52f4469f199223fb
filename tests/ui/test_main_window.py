"""The main window driven through its real widgets: library, reading view, shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from reader.session_english import SentenceEnglish


def test_opens_first_seed_side_by_side(window) -> None:
    view = window.view
    assert window.article.id == "000_757345bfb182a35d"
    assert window.title.text().startswith("Après Twitter")
    assert len(view.rows) == 5
    assert len(view.sentences) == 12
    assert view.document().toPlainText().count("Le rôle dans les manifestations") == 1
    # the date header glued to the first line is part of the source: shown, small, on top
    assert view.document().toPlainText().lstrip().startswith("date 2021-01")
    assert view.french_range(1, 13) == (1, 13)
    # One table, two columns: the English column is there and waits for a translation.
    assert view._table.columns() == 2
    assert view.english_range(0) is not None


def test_sidebar_lists_and_search_filters(window, qtbot) -> None:
    sidebar = window.sidebar
    assert sidebar.list.count() == 2
    qtbot.keyClicks(sidebar.search, "Paczkowski")
    qtbot.waitUntil(lambda: sidebar.list.count() == 1)
    assert "extrême droite" in sidebar.list.item(0).text()
    sidebar.search.clear()
    qtbot.waitUntil(lambda: sidebar.list.count() == 2)
    qtbot.keyClicks(sidebar.search, "qwertyuiop")
    qtbot.waitUntil(lambda: sidebar.empty.isVisible())


def test_next_and_previous_article_shortcuts(window, qtbot) -> None:
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.article.id == "003_71c21fd2b98fa41d"
    assert window.view.rows[0].paragraph == 0
    assert len(window.view.sentences) == 48
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.article.id == "000_757345bfb182a35d"


def test_search_shortcut_focuses_the_box(window, qtbot) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.sidebar.search.hasFocus())


def test_zoom_theme_and_english_toggle_are_remembered(window, qtbot, prefs) -> None:
    size = window.view.document().defaultFont().pointSize()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.document().defaultFont().pointSize() == size + 1
    assert prefs.get("zoom") == 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.document().defaultFont().pointSize() == size
    window.dark_action.trigger()
    assert prefs.get("theme") == "dark"
    assert window.view.theme.name == "dark"
    window.english_action.trigger()
    assert window.view._table.columns() == 1
    assert prefs.get("show_english") is False
    window.english_action.trigger()
    assert window.view._table.columns() == 2


def test_markup_in_an_article_is_shown_as_text(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "piege.txt"
    path.write_text("<b>Gras?</b> <script>alert(1)</script>\n\nUn <i>texte</i> & du <a "
                    "href='x'>lien</a>.", encoding="utf-8")
    imported: list[object] = []
    window.import_finished.connect(imported.append)
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        window.import_file(path)
    assert imported and imported[0] is not None
    plain = window.view.document().toPlainText()
    assert "<script>alert(1)</script>" in plain
    assert "<a href='x'>lien</a>" in plain
    assert window.title.text() == "<b>Gras?</b> <script>alert(1)</script>"
    assert window.title.textFormat() == Qt.TextFormat.PlainText
    assert window.sidebar.list.count() == 3


def test_bad_files_give_a_message_and_add_nothing(window, qtbot, tmp_path: Path) -> None:
    empty = tmp_path / "vide.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (2 * 1024 * 1024 + 10))
    for path, message in ((empty, "is empty"), (binary, "not a text file"), (big, "MB"),
                          (tmp_path / "missing.txt", "Cannot read")):
        with qtbot.waitSignal(window.import_finished, timeout=10000) as blocker:
            window.import_file(path)
        assert blocker.args == [None]
        assert message in window.messages.text()
        assert window.messages.level == "error"
    assert window.sidebar.list.count() == 2
    assert window.article.id == "000_757345bfb182a35d"


def test_import_reports_the_detected_encoding(window, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ancien.txt"
    path.write_bytes("Un été à Noël.\n\nLe père Noël est là.".encode("cp1252"))
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        window.import_file(path)
    assert "Windows-1252" in window.messages.text()
    assert "Un été à Noël." in window.view.document().toPlainText()


def _point_of(view, pos: int) -> QPoint:
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return view.cursorRect(cursor).center()


def _hover(view, pos: int) -> None:
    """Deliver a real mouse-move event to the viewport (QTest moves no pointer offscreen)."""
    point = QPointF(_point_of(view, pos))
    event = QMouseEvent(QEvent.Type.MouseMove, point, view.viewport().mapToGlobal(point),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def test_hovering_a_sentence_highlights_its_counterpart(window, qtbot) -> None:
    view = window.view
    window.session.set_english([SentenceEnglish(1, "It is the result of a concerted action.")])
    french = view.french_range(view.sentences[1].start, view.sentences[1].end)
    with qtbot.waitSignal(view.sentence_hovered) as hovered:
        _hover(view, french[0] + 5)
    assert hovered.args == [1]
    selections = view.extraSelections()
    covered = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections}
    assert french in covered
    assert view.english_range(1) in covered
    assert view.english_text(1) == "It is the result of a concerted action."
    # and the other way round, from the English column
    s2 = view.sentences[2]
    with qtbot.waitSignal(view.sentence_hovered) as hovered:
        _hover(view, view.french_range(s2.start, s2.end)[0] + 2)
    assert hovered.args == [2]
    with qtbot.waitSignal(view.sentence_hovered) as hovered:
        _hover(view, view.english_range(1)[0] + 3)
    assert hovered.args == [1]


def test_keyboard_moves_through_sentences(window, qtbot) -> None:
    view = window.view
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current == 0
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current == 2
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current == 1


def test_reopening_uses_stored_sentences_without_spacy(window, qtbot, monkeypatch) -> None:
    import reader.nlp

    def no_parse(*args, **kwargs):
        raise AssertionError("spaCy must not run when reopening an article")

    monkeypatch.setattr(reader.nlp, "parse_article", no_parse)
    with qtbot.waitSignal(window.sentences_ready, timeout=1000):
        window.open_article("000_757345bfb182a35d")  # split once by the fixture
    assert len(window.view.sentences) == 12
    assert window.parsed.sentences[1].text.startswith("C’est le résultat")
