"""The tidy-up panel: invisible characters made visible, no stale reason, buttons only with a
selection."""

from __future__ import annotations

from pathlib import Path

from reader.analysis.model import TidyUp
from ui.tidyup_panel import describe_change, reason_text, whitespace_matters

GOLD = Path(__file__).resolve().parents[1] / "gold"


def _typo(original: str, replacement: str) -> TidyUp:
    return TidyUp(0, len(original), original, replacement, "typography", "Spacing differs.")


def test_whitespace_only_changes_show_their_invisible_characters() -> None:
    change = describe_change(_typo("“ «", "“\u00a0«"))
    assert change == "““⎵«” → ““·«”"
    assert describe_change(_typo("a  b", "a b")) == "“a⎵⎵b” → “a⎵b”"
    assert "⍽" in describe_change(_typo("\u202f:", ":"))
    assert "Shown: ⎵ space, · no-break space." in reason_text(_typo("“ «", "“\u00a0«"))
    # an ordinary change of words keeps its spaces plain
    name = TidyUp(0, 11, "je parlerai", "Parler", "literal-name", "A name.")
    assert not whitespace_matters(name.original, name.replacement)
    assert describe_change(name) == "“je parlerai” → “Parler”"


def _change_rows(panel) -> list[str]:
    rows = []
    for i in range(panel.tree.topLevelItemCount()):
        top = panel.tree.topLevelItem(i)
        rows += [top.child(j).text(0) for j in range(top.childCount())]
    return rows


def test_no_suggestion_in_the_panel_looks_identical_on_both_sides(aided_window,
                                                                    qtbot) -> None:
    win = aided_window
    rows = _change_rows(win.aids.tidy_ups)
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.sidebar.step(1)  # the second seed has the typography faults
    rows += _change_rows(win.aids.tidy_ups)
    changes = [r for r in rows if " → " in r]
    assert sum("·" in r or "⎵" in r or "⍽" in r for r in changes) >= 3
    for row in changes:
        before, after = row.split(" ", 1)[1].split(" → ")
        print(row)
        assert before != after, row


def test_reason_and_buttons_follow_the_selection(aided_window, qtbot) -> None:
    win = aided_window
    panel = win.aids.tidy_ups
    assert panel.tidy_ups
    assert panel.reason.text() == ""
    assert not panel.accept_button.isEnabled() and not panel.reject_button.isEnabled()
    first = panel.tidy_ups[0]
    panel.select(first.key)
    assert panel.reason.text().startswith(first.reason.split("\u00a0")[0][:20])
    assert panel.accept_button.isEnabled() and panel.reject_button.isEnabled()
    panel.tree.clearSelection()
    assert not panel.accept_button.isEnabled() and not panel.reject_button.isEnabled()
    assert panel.reason.text() == ""
    panel.select(first.key)
    # another article: the reason of the previous one must not stay
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.sidebar.step(1)
    assert first.reason not in panel.reason.text()
    assert not panel.accept_button.isEnabled()
    # an article without tidy-ups says so
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.import_file(GOLD / "clean_article.txt")
    assert not panel.tidy_ups
    assert panel.reason.text() == "No tidy-ups in this article."
    assert not panel.accept_button.isEnabled() and not panel.reject_button.isEnabled()
    win.statusBar().clearMessage()
    panel.accept_action.trigger()  # the shortcut still answers
    assert win.statusBar().currentMessage() == "This article has no tidy-ups."
