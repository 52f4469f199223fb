"""Reading aids driven through the real panels: entities, quotes, tidy-up review."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.analysis.review import Review


def _tidy_item(panel, original: str):
    tree = panel.tree
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for j in range(top.childCount()):
            child = top.child(j)
            if f"“{original}”" in child.text(0):
                return child
    raise AssertionError(f"no tidy-up for {original!r}")


def test_entities_are_coloured_and_listed(aided_window) -> None:
    win = aided_window
    view, panel = win.view, win.aids.entities
    marks = [r for p in view.model.paragraphs for r in p.french if r.entity]
    labels = {r.entity for r in marks}
    assert {"PER", "ORG", "LOC", "DATE"} <= labels
    trump = panel.group_item("Donald Trump")
    assert trump is not None and "×" in trump.text()
    # the French text of a mark is what the analysis found
    source = win.article.source
    assert any(source[r.source_start:r.source_start + len(r.text)] == "Donald Trump"
               and r.text == "Donald Trump" and r.entity == "PER" for r in marks)


def test_type_toggle_hides_highlights_and_is_remembered(aided_window, qtbot, prefs) -> None:
    win = aided_window
    box = win.aids.entities.toggles["PER"]
    box.click()
    assert "PER" in win.view.hidden_labels
    assert prefs.get("hidden_entity_types") == ["PER"]
    trump = win.aids.entities.group_item("Donald Trump")
    assert trump.isHidden()
    box.click()
    assert "PER" not in win.view.hidden_labels


def test_clicking_a_group_cycles_through_its_mentions(aided_window, qtbot) -> None:
    win = aided_window
    panel = win.aids.entities
    item = panel.group_item("Donald Trump")
    group = next(g for g in panel.groups if g.name == "Donald Trump")
    starts = sorted(m.start for m in group.mentions)
    seen = []
    for _ in range(len(starts) + 1):
        with qtbot.waitSignal(panel.mention_chosen) as sig:
            rect = panel.list.visualItemRect(item)
            qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
        seen.append(sig.args[0])
    assert seen == [*starts, starts[0]]  # cycles back to the first mention
    assert win.view._focus_range[0] == starts[0]


def test_accepting_a_tidy_up_changes_the_text_and_is_stored(aided_window, qtbot, library):
    win = aided_window
    panel = win.aids.tidy_ups
    item = _tidy_item(panel, "Amazone")
    panel.tree.setCurrentItem(item)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    key = panel.current_key()
    assert win.aids.review.decision(key) == "accepted"
    fix = next(r for p in win.view.model.paragraphs for r in p.french
               if r.tidy_key == key and r.role == "replacement")
    assert fix.tidy_state == "accepted" and fix.text == "Amazon"
    plain = win.view.document().toPlainText()
    assert "Amazone Amazon" in plain  # struck original, a space, then the correction
    # the decision is in the database: a fresh Review sees it
    again = Review(library, win.article.id, win.aids.analysis.tidy_ups)
    assert again.decision(key) == "accepted"
    # inline off: the reader sees the working text only
    panel.inline.click()
    assert "Amazone" not in win.view.document().toPlainText()
    assert "surtout Amazon, qui" in win.view.document().toPlainText()
    # undo brings the original back
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert win.aids.review.decision(key) is None
    assert "surtout Amazone, qui" in win.view.document().toPlainText()


def test_reject_and_accept_class(aided_window, qtbot) -> None:
    win = aided_window
    panel = win.aids.tidy_ups
    item = _tidy_item(panel, "je parlerai")
    panel.tree.setCurrentItem(item)
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert panel.tree.currentItem().text(0).startswith("✗")
    typography = [t for t in win.aids.analysis.tidy_ups if t.cls == "typography"]
    if typography:
        top = next(panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())
                   if panel.tree.topLevelItem(i).text(0).startswith("Typography"))
        panel.tree.setCurrentItem(top)
        qtbot.mouseClick(panel.accept_class_button, Qt.MouseButton.LeftButton)
        assert all(win.aids.review.decision(t.key) == "accepted" for t in typography)


def test_quote_panel_lists_speakers_and_jumps(qtbot, aided_window) -> None:
    win = aided_window
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.sidebar.step(1)
    panel = win.aids.quotes
    assert panel.quote_list.count() >= 8
    texts = [panel.quote_list.item(i).text() for i in range(panel.quote_list.count())]
    assert any(t.startswith("John Matze") or "Matze" in t.split("—")[0] for t in texts)
    assert "Quoted:" in panel.summary.text()
    assert panel.source_list.count() >= 3
    item = panel.quote_list.item(0)
    with qtbot.waitSignal(panel.range_chosen) as sig:
        qtbot.mouseClick(panel.quote_list.viewport(), Qt.MouseButton.LeftButton,
                         pos=panel.quote_list.visualItemRect(item).center())
    start, end = sig.args
    assert win.view._focus_range == (start, end)


def test_glossary_entry_from_the_reader_is_used(aided_window, qtbot, tmp_path) -> None:
    win = aided_window
    path = tmp_path / "signal.txt"
    path.write_text("Les militants ont rejoint l’application sonnette, qui sert à s’organiser. "
                    "Ils parlent beaucoup.\n", encoding="utf-8")
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.import_file(path)
    assert not any(t.cls == "literal-name" for t in win.aids.analysis.tidy_ups)
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.aids.add_glossary_entry("Doorbell", "sonnette")
    found = [t for t in win.aids.analysis.tidy_ups if t.cls == "literal-name"]
    assert [(t.original, t.replacement) for t in found] == [("sonnette", "Doorbell")]


def test_window_runs_with_the_synchronous_runner(qtbot, library, prefs, nlp) -> None:
    from ui.main_window import MainWindow
    from ui.reading_aids import ReadingAids
    from ui.tasks import SyncRunner

    runner = SyncRunner()
    win = MainWindow(library, runner, prefs)
    win.aids = ReadingAids(win, runner, library, None, prefs)
    qtbot.addWidget(win)
    win.open_first_article()  # everything happens at once, on this thread
    assert len(win.view.sentences) == 12
    assert win.aids.analysis is not None and win.aids.entities.list.count() > 5


def test_f8_steps_through_the_artifacts_in_text_order(aided_window, qtbot) -> None:
    win = aided_window
    ordered = sorted(win.aids.analysis.tidy_ups, key=lambda t: (t.start, t.end))
    seen = []
    for _ in range(len(ordered) + 1):
        qtbot.keyClick(win, Qt.Key.Key_F8)
        seen.append(win.aids.tidy_ups.current_key())
        assert win.view._focus_range is not None
    assert seen == [t.key for t in ordered] + [ordered[0].key]  # wraps round
    assert win.aids.tabs.currentWidget() is win.aids.tidy_ups
    qtbot.keyClick(win, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert win.aids.tidy_ups.current_key() == ordered[-1].key


def test_hiding_english_hides_it_in_the_quote_panel_too(aided_window, qtbot) -> None:
    win = aided_window
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.sidebar.step(1)
    panel = win.aids.quotes
    assert "EN:" in panel.quote_list.item(0).text()
    win.english_action.trigger()
    assert all("EN:" not in panel.quote_list.item(i).text()
               for i in range(panel.quote_list.count()))
    win.english_action.trigger()
    assert "EN:" in panel.quote_list.item(0).text()


def test_dark_theme_recolours_the_legend(aided_window) -> None:
    win = aided_window
    before = win.aids.entities.toggles["PER"].icon().pixmap(12, 12).toImage().pixelColor(5, 5)
    win.dark_action.trigger()
    after = win.aids.entities.toggles["PER"].icon().pixmap(12, 12).toImage().pixelColor(5, 5)
    assert before != after
    assert after == win.theme.entity("PER")


def _scroll_to_middle(win, qtbot) -> int:
    win.resize(1000, 500)
    qtbot.waitUntil(lambda: win.view.verticalScrollBar().maximum() > 200, timeout=5000)
    bar = win.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    return bar.value()


def test_a_decision_or_undo_keeps_the_readers_place(aided_window, qtbot) -> None:
    """Issue: accepting or undoing a tidy-up jumped the view back to the top."""
    win = aided_window
    win.open_article("003_71c21fd2b98fa41d")
    qtbot.waitUntil(lambda: win.aids.analysis is not None
                    and win.aids.analysis.article_id == "003_71c21fd2b98fa41d", timeout=30000)
    qtbot.waitUntil(lambda: not win._rebuild_pending)
    before = _scroll_to_middle(win, qtbot)
    offset, _y = win.view._reading_anchor()  # the source offset at the top of the view
    fix = win.aids.analysis.tidy_ups[-1]
    win.session.decide("accept", fix.key)
    assert abs(win.view.verticalScrollBar().value() - before) < 40
    win.session.undo()
    after, _y = win.view._reading_anchor()
    assert abs(after - offset) < 80  # the same words are at the top


def test_a_chosen_tidy_up_is_centred_not_left_at_the_edge(aided_window, qtbot) -> None:
    win = aided_window
    win.open_article("003_71c21fd2b98fa41d")
    qtbot.waitUntil(lambda: win.aids.analysis is not None
                    and win.aids.analysis.article_id == "003_71c21fd2b98fa41d", timeout=30000)
    qtbot.waitUntil(lambda: not win._rebuild_pending)
    win.resize(1000, 500)
    qtbot.waitUntil(lambda: win.view.verticalScrollBar().maximum() > 200, timeout=5000)
    for _ in range(len(win.aids.analysis.tidy_ups)):
        qtbot.keyClick(win.view, Qt.Key.Key_F8)
        key = win.aids.tidy_ups.current_key()
        fix = next(t for t in win.aids.analysis.tidy_ups if t.key == key)
        rng = win.view.french_range(fix.start, fix.end)
        cursor = win.view.textCursor()
        cursor.setPosition(rng[0])
        rect = win.view.cursorRect(cursor)
        height = win.view.viewport().height()
        bar = win.view.verticalScrollBar()
        if 0 < bar.value() < bar.maximum():  # not clamped at either end of the article
            assert height // 6 - rect.height() <= rect.top() <= height - height // 6, key


def test_the_date_header_lines_up_with_the_body_and_has_no_stray_mark(aided_window) -> None:
    win = aided_window
    header = win.view.model.header
    assert header and "".join(r.text for r in header).strip() == "date 2021-01"
    fix = next(t for t in win.aids.analysis.tidy_ups if t.cls == "boilerplate"
               and t.start == 0)
    win.session.decide("accept", fix.key)
    runs = win.view.model.header
    assert [r.role for r in runs] == ["text"] * len(runs)  # no inserted gap or underscore
    block = win.view.document().firstBlock()
    assert block.blockFormat().leftMargin() == win.view._table.format().cellPadding()
