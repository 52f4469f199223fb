"""Render the window offscreen into docs/*.png, as a reader would see it.

Uses a throw-away data folder and the real zh→en Argos test package (see
``tests/argos_package.py``): its English is nonsense, but it is real model output.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py``.
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


def wait(app: QApplication, condition, timeout: float = 180.0) -> None:
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
    from ui.app import open_library, preferences_for
    from ui.main_window import MainWindow
    from ui.reading_aids import ReadingAids
    from ui.tasks import TaskRunner
    from ui.theme import apply_theme, theme_named
    from ui.translation_controller import TranslationController

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
    win.resize(1500, 900)
    win.show()
    docs = REPO / "docs"

    def open_and_settle(article_id: str) -> None:
        win.sidebar.select(article_id)
        wait(app, lambda: win.aids.analysis is not None and win.parsed is not None
             and len(win.translation.english) == len(win.parsed.sentences))
        runner.wait()
        for _ in range(20):
            app.processEvents()

    open_and_settle("000_757345bfb182a35d")
    panel = win.aids.tidy_ups
    for t in win.aids.analysis.tidy_ups:
        if t.original in ("Amazone", "je parlerai"):
            panel.select(t.key)
            panel.accept_button.click()
    wait(app, lambda: win.translation._task is None)
    runner.wait()
    app.processEvents()
    win.aids.tabs.setCurrentWidget(win.aids.entities)
    win.grab().save(str(docs / "screenshot.png"))
    win.aids.tabs.setCurrentWidget(win.aids.tidy_ups)
    win.grab().save(str(docs / "tidyups.png"))

    open_and_settle("003_71c21fd2b98fa41d")
    win.aids.tabs.setCurrentWidget(win.aids.entities)
    win.aids.entities.group_item("Parler") and win.aids.entities._clicked(
        win.aids.entities.group_item("Parler"))
    win.grab().save(str(docs / "entities.png"))
    win.aids.tabs.setCurrentWidget(win.aids.quotes)
    win.aids.quotes._clicked(win.aids.quotes.quote_list.item(1))
    win.grab().save(str(docs / "quotes.png"))
    win.english_action.trigger()  # the class view: English hidden
    win.grab().save(str(docs / "class-view.png"))
    win.english_action.trigger()
    runner.wait()
    print("wrote", ", ".join(p.name for p in sorted(docs.glob("*.png"))))


if __name__ == "__main__":
    main()
