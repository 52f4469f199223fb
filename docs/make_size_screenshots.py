"""Render the window offscreen at common screen sizes into docs/size-WIDTHxHEIGHT.png.

Checks how the panels give way to the reading columns (see ui/panel_layout.py) at 800×600,
1024×768, 1366×768 and 1920×1080. Uses a throw-away data folder and the zh→en Argos test
package, like docs/make_screenshots.py, so the English is real model output but nonsense.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_size_screenshots.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402

SIZES = ((800, 600), (1024, 768), (1366, 768), (1920, 1080))


def wait(app: QApplication, condition, timeout: float = 300.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")


def main() -> None:
    app = QApplication([])
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
    win.show()
    wait(app, lambda: not win.translation.checking)
    win.sidebar.select("000_757345bfb182a35d")
    wait(app, lambda: win.aids.analysis is not None and win.parsed is not None
         and len(win.translation.english) == len(win.parsed.sentences))
    runner.wait()
    for width, height in SIZES:
        win.resize(width, height)
        for _ in range(30):
            app.processEvents()
        path = REPO / "docs" / f"size-{width}x{height}.png"
        win.grab().save(str(path))
        print(f"{path.name}: panels {win.splitter.sizes()}")
    win.close()
    runner.wait()


if __name__ == "__main__":
    main()
