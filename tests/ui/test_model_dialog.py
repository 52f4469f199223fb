"""The Translation model dialog: every package listed, choose one, remove one, fall back."""

from __future__ import annotations

import os

from tests.package_variants import plant


def test_dialog_lists_chooses_removes_and_falls_back(qtbot, library, prefs, runner,
                                                     installed_zh_model) -> None:
    from ui.main_window import MainWindow
    from ui.model_dialog import ModelDialog
    from ui.translation_controller import TranslationController

    info, models = installed_zh_model
    plant(info.path, models, "translate-zh_en-1_8", {"package_version": "1.8"})
    plant(info.path, models, "translate-zh_en-2_0",
          {"source_languages": "x", "package_version": "2.0"})
    plant(info.path, models, "translate-zh_en-2_1", {"package_version": "2.1"},
          model_bin=os.urandom(4096))
    win = MainWindow(library, runner, prefs)
    qtbot.addWidget(win)
    win.show()
    controller = TranslationController(win, runner, library, models_dir=models,
                                       pair=("zh", "en"))
    win.translation = controller
    qtbot.waitUntil(lambda: not controller.checking and controller.model is not None,
                    timeout=60000)
    # The newest (2.1) does not load and 2.0 cannot be read: 1.9 is used, and both are named.
    assert controller.model.version == "1.9"
    print("window says:", win.messages.text())
    assert win.messages.level == "warning"
    assert "2_0" in win.messages.text() and "2.1" in win.messages.text()

    dialog = ModelDialog(controller, win)
    qtbot.addWidget(dialog)
    rows = [dialog.packages.item(i).text() for i in range(dialog.packages.count())]
    print("\n".join(rows))
    assert len(rows) == 4
    assert any(r.startswith("✓ ") and "@1.9" in r for r in rows)
    assert any("translate-zh_en-2_0: cannot be used" in r for r in rows)

    def select(fragment: str) -> None:
        for i in range(dialog.packages.count()):
            if fragment in dialog.packages.item(i).text():
                dialog.packages.setCurrentRow(i)
                return
        raise AssertionError(fragment)

    select("@1.8")
    assert dialog.use.isEnabled()
    with qtbot.waitSignal(controller.model_changed, timeout=60000):
        dialog.use.click()
    assert controller.model.version == "1.8"

    dialog.confirm = lambda text: True
    select("translate-zh_en-2_0")
    with qtbot.waitSignal(controller.model_changed, timeout=60000):
        dialog.remove.click()
    assert not (models / "translate-zh_en-2_0").exists()

    select("@1.8")  # the model in use: removing it falls back to the next good one
    with qtbot.waitSignal(controller.model_changed, timeout=60000):
        dialog.remove.click()
    assert controller.model.version == "1.9"
    assert not (models / "translate-zh_en-1_8").exists()
    qtbot.waitUntil(lambda: dialog.packages.count() == 2, timeout=10000)
