"""The window the screenshot scripts render: a throw-away library with the bundled articles
and the real zh→en Argos test package (its English is nonsense, but real model output)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402


def wait(app: QApplication, condition: Any, timeout: float = 300.0) -> None:
    """Process events until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")


def reader_window(app: QApplication) -> tuple[Any, Any]:
    """The main window with translation and reading aids wired, and its task runner."""
    from reader.corpus import ensure_bundled
    from reader.paths import models_dir
    from reader.translation.models import install_from_file
    from tests.argos_package import ensure_test_package
    from ui.app import open_library, preferences_for, set_identity
    from ui.main_window import MainWindow
    from ui.reading_aids import ReadingAids
    from ui.tasks import TaskRunner
    from ui.theme import apply_theme, theme_named
    from ui.translation_controller import TranslationController

    set_identity(app)
    data = Path(tempfile.mkdtemp())
    install_from_file(ensure_test_package(), models_dir=models_dir(data), expected_pair=None)
    library, _ = open_library(str(data))
    ensure_bundled(library)
    prefs = preferences_for(str(data))
    apply_theme(app, theme_named("light"))
    runner = TaskRunner()
    win = MainWindow(library, runner, prefs)
    win.translation = TranslationController(win, runner, library, models_dir=models_dir(data),
                                            pair=("zh", "en"))
    win.add_translation_menu()
    win.aids = ReadingAids(win, runner, library, win.translation, prefs)
    return win, runner
