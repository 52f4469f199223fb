"""Exports from the window: the options dialog, background export, cancel, worksheets."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog


@pytest.fixture
def app_window(qtbot, library, prefs, nlp, runner):
    from ui.app import build_window

    win = build_window(library, runner, prefs)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.open_first_article()
    return win


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_export_from_the_dialog_remembers_the_choices(app_window, qtbot, tmp_path, prefs,
                                                      monkeypatch) -> None:
    from ui.export_dialog import ExportDialog

    win = app_window
    target = tmp_path / "out" / "article.pdf"
    target.parent.mkdir()

    def choose(dialog):
        dialog.layers["entities"].setChecked(False)
        dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
        dialog.english_hidden.setChecked(True)
        return ExportDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    source = win.article.source
    start = source.index("Silicon Valley")
    win.session.highlight_french(start, start + 14, "yellow", "Où ?")
    qtbot.keySequence(win, "Ctrl+Shift+E")
    qtbot.waitUntil(lambda: "Exported" in win.messages.text(), timeout=60000)
    assert target.is_file() and not list(target.parent.glob("*.tmp*"))
    assert win.messages.action.text() == "Open the PDF"
    text = _text(target)
    assert "Silicon Valley" in text and "Où ?" in text
    assert prefs.get("export_paper") == "letter" and prefs.get("export_english_hidden")
    assert "entities" not in prefs.get("export_layers")
    again = ExportDialog(prefs)
    assert not again.layers["entities"].isChecked() and again.english_hidden.isChecked()


def test_a_cancelled_export_leaves_no_file(app_window, qtbot, tmp_path) -> None:
    win = app_window
    target = tmp_path / "cancelled.pdf"
    task = win.exports.export_pdf(target, frozenset({"entities"}), "a4", False)
    task.cancel()
    qtbot.waitUntil(lambda: win.exports.task is None, timeout=60000)
    assert "cancelled" in win.messages.text() and not target.exists()
    assert list(tmp_path.glob("*.pdf*")) == []


def test_an_unwritable_target_gives_a_clear_message(app_window, qtbot, tmp_path) -> None:
    win = app_window
    win.exports.export_pdf(tmp_path / "missing" / "x.pdf", frozenset(), "a4", False)
    qtbot.waitUntil(lambda: win.exports.task is None, timeout=60000)
    assert win.messages.level == "error" and "failed" in win.messages.text()


def test_worksheet_from_the_dialog_with_a_question_dropped(app_window, qtbot, tmp_path,
                                                           monkeypatch) -> None:
    from ui.worksheet_dialog import WorksheetDialog

    win = app_window
    for original in ("je parlerai", "Amazone"):
        win.session.decide("accept", next(t.key for t in win.session.analysis.tidy_ups
                                          if t.original == original))
    kept: list[str] = []

    def edit(dialog):
        dialog.list.setCurrentRow(0)
        dialog.drop_question()
        dialog.add_question()
        dialog.prompt.setPlainText("Que signifie « plateforme » ici ?")
        kept.extend(q.prompt for q in dialog.questions())
        return WorksheetDialog.DialogCode.Accepted

    monkeypatch.setattr(WorksheetDialog, "exec", edit)
    sheet = tmp_path / "parler-worksheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))
    qtbot.keySequence(win, "Ctrl+Shift+W")
    qtbot.waitUntil(lambda: win.exports.task is None and sheet.exists(), timeout=60000)
    key = tmp_path / "parler-answer-key.pdf"
    assert key.is_file()
    text = " ".join(_text(sheet).split())
    assert "Que signifie « plateforme » ici ?" in text
    assert kept[0].split()[0] in text and "Which sources" not in text  # the first was dropped
