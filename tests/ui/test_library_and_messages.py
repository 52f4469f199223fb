"""Library order, messages that do not go stale, re-imports, and the busy state."""

from __future__ import annotations

from pathlib import Path

from ui.library_sort import remember_opened, sort_rows

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _row(article_id: str, title: str, date: str, words: int) -> dict:
    return {"id": article_id, "title": title, "date": date, "word_count": words}


ROWS = [
    _row("c", "Zèbres", "2021-01", 300),
    _row("a", "abeilles", "2022-05-02", 100),
    _row("b", "Baleines", "", 900),
    _row("d", "Aigles", "2021-01", 50),
]


def test_orders_by_date_then_title_and_by_choice() -> None:
    ids = lambda rows: [r["id"] for r in rows]  # noqa: E731
    assert ids(sort_rows(ROWS, "date")) == ["a", "d", "c", "b"]  # undated last
    assert ids(sort_rows(ROWS, "title")) == ["a", "d", "b", "c"]  # case-insensitive
    assert ids(sort_rows(ROWS, "words")) == ["b", "c", "a", "d"]
    recent = remember_opened(remember_opened([], "c"), "b")
    assert recent == ["b", "c"]
    assert ids(sort_rows(ROWS, "recent", recent)) == ["b", "c", "a", "d"]


def test_new_import_lands_in_date_order_and_order_is_remembered(window, qtbot, prefs,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "vieux.txt"
    path.write_text("date 1999-03 Un article ancien sur les abeilles\n\nLes abeilles "
                    "butinent. Elles reviennent le soir.", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=20000) as imported:
        window.import_file(path)
    article_id = imported.args[0]
    qtbot.waitUntil(lambda: window.parsed is not None
                    and window.parsed.article.id == article_id, timeout=20000)
    sidebar = window.sidebar
    rows = sidebar._rows
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)
    assert sidebar.ids()[-1] == article_id  # 1999 comes after the 2021 seeds
    assert sidebar.current_id() == article_id
    sidebar.order.setCurrentIndex(sidebar.order.findData("title"))
    titles = [r["title"].casefold() for r in sidebar._rows]
    assert titles == sorted(titles)
    assert prefs.get("library_order") == "title"
    sidebar.order.setCurrentIndex(sidebar.order.findData("recent"))
    assert sidebar.ids()[0] == article_id  # the one opened last


def test_messages_clear_when_another_article_opens(window, qtbot) -> None:
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        window.import_file(GOLD / "clean_article.txt")
    assert window.messages.text().startswith("Imported")
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        window.sidebar.step(-1)
    assert window.messages.text() == ""
    # a warning about the whole app stays
    window.messages.show_message("Temporary library.", "warning", sticky=True)
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        window.sidebar.step(1)
    assert window.messages.text() == "Temporary library."


def test_reimporting_says_already_in_the_library(window, qtbot, library) -> None:
    with qtbot.waitSignal(window.import_finished, timeout=20000) as first:
        window.import_file(GOLD / "clean_article.txt")
    count = len(library.articles())
    with qtbot.waitSignal(window.import_finished, timeout=20000) as again:
        window.import_file(GOLD / "clean_article.txt")
    assert again.args == first.args and first.args[0] is not None
    assert len(library.articles()) == count
    assert "already in the library" in window.messages.text()
    assert "Imported" not in window.messages.text()


def test_busy_until_the_analysis_has_finished(aided_window, qtbot) -> None:
    win = aided_window
    entities, quotes = win.aids.entities, win.aids.quotes
    seen: list[tuple[str, str, str]] = []

    def opened(_article_id: str) -> None:
        seen.append((entities.empty.text(), quotes.summary.text(), win.status_text.text()))

    win.sentences_ready.connect(opened)
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.sidebar.step(1)
    print(seen)
    assert seen, "sentences_ready was not seen before the analysis finished"
    empty_text, summary, status = seen[0]
    assert "No entities found" not in empty_text
    assert "Nobody is quoted" not in summary
    assert status.endswith("analysing…")
    assert win.status_text.text() == f"{len(win.view.sentences)} sentences · " \
        f"{win.article.word_count} words"
    assert entities.list.count() > 0


def test_status_shows_counts_not_ready_after_a_restart(qtbot, library, prefs, nlp, runner,
                                                       tmp_path: Path) -> None:
    from ui.app import build_window, start_background_loading

    first = build_window(library, runner, prefs, data_override=str(tmp_path / "d"))
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.aids.analysis_ready, timeout=30000):
        first.open_first_article()  # stores the sentence split
    first.close()
    again = build_window(library, runner, prefs, data_override=str(tmp_path / "d"))
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.aids.analysis_ready, timeout=30000):
        start_background_loading(again)
    qtbot.waitUntil(lambda: runner.active == 0, timeout=30000)
    assert again.status_text.text() == (f"{len(again.view.sentences)} sentences · "
                                        f"{again.article.word_count} words")


def test_remove_asks_removes_and_undoes(window, qtbot, library, monkeypatch) -> None:
    from PySide6.QtCore import Qt

    first = window.article.id
    answers = [False]
    monkeypatch.setattr(window.removal, "confirm", lambda title: answers.pop(0))
    window.remove_action.trigger()
    assert library.has_article(first)
    assert window.statusBar().currentMessage() == "Nothing was removed."
    answers.append(True)
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        window.remove_action.trigger()
    assert not library.has_article(first)
    assert first not in window.sidebar.ids()
    assert window.article.id != first  # the next article is open
    assert window.messages.text().startswith("Removed “")
    assert window.messages.action_button.isVisible()
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        qtbot.mouseClick(window.messages.action_button, Qt.MouseButton.LeftButton)
    assert library.has_article(first) and window.article.id == first
    # Delete in the library list removes the selected article too (after asking)
    answers.append(True)
    window.sidebar.list.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.sidebar.list.hasFocus)
    with qtbot.waitSignal(window.sentences_ready, timeout=20000):
        qtbot.keyClick(window.sidebar.list, Qt.Key.Key_Delete)
    assert not library.has_article(first)
