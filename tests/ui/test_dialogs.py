"""The Edit English and glossary dialogs, driven through the window's own entry points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit

from ui.edit_english_dialog import EditEnglishDialog
from ui.glossary_dialog import GlossaryDialog


def test_edit_english_dialog_shows_the_french_above_a_wrapping_editor(qtbot) -> None:
    french = "Le site de microblogging je parlerai a été retiré des magasins d’applications."
    dialog = EditEnglishDialog(french, "The microblogging site I will speak was removed.")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.french.text() == french and dialog.french.wordWrap()
    assert dialog.french.geometry().bottom() < dialog.editor.geometry().top()
    assert dialog.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert dialog.width() >= 500 and dialog.editor.height() >= 80
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.editor.setPlainText("   ")
    assert not ok.isEnabled()  # empty English cannot replace a translation
    dialog.editor.setPlainText("The platform Parler was removed.")
    assert ok.isEnabled()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_markup_in_the_french_is_shown_as_text(qtbot) -> None:
    dialog = EditEnglishDialog("<b>gras</b> & <i>x</i>", "")
    qtbot.addWidget(dialog)
    assert dialog.french.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.slow
def test_edit_english_from_the_window_uses_the_dialog(translating_window, qtbot,
                                                      monkeypatch) -> None:
    win = translating_window
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        with qtbot.waitSignal(win.sentences_ready, timeout=30000):
            win.sidebar.select("000_757345bfb182a35d")
    shown: list[EditEnglishDialog] = []

    def fake_exec(dialog: EditEnglishDialog) -> int:
        shown.append(dialog)
        dialog.editor.setPlainText("My own English.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EditEnglishDialog, "exec", fake_exec)
    win.translation._ask_edit(1)
    assert shown and shown[0].french.text() == win.view.sentences[1].text
    assert win.translation.english[1].text == "My own English."
    assert win.translation.english[1].edited


def test_glossary_warns_when_the_name_is_the_selection(qtbot) -> None:
    dialog = GlossaryDialog("Amazone")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.name, "Amazone")
    assert dialog.warning.isVisible() and "selected text itself" in dialog.warning.text()
    assert not ok.isEnabled()
    dialog.name.setText("Amazon")
    assert not dialog.warning.isVisible() and ok.isEnabled()
    dialog.name.setText("parler")
    other = GlossaryDialog("parler")
    qtbot.addWidget(other)
    other.name.setText("Parler")  # the verb standing for the platform: allowed
    assert not other.problem()


def test_glossary_from_the_window_refuses_an_identical_name(aided_window, monkeypatch,
                                                            library) -> None:
    from reader.analysis.review import glossary_entries

    def fake_exec(dialog: GlossaryDialog) -> int:
        dialog.name.setText(dialog.literal)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(GlossaryDialog, "exec", fake_exec)
    before = glossary_entries(library)
    aided_window.aids._ask_glossary("Amazone")
    assert glossary_entries(library) == before
