"""Entry point of the desktop app: ``bilingual-reader`` or ``python -m ui``.

The window is shown before any heavy import: spaCy and the translation model load on the
task runner's threads afterwards, with a busy indicator. A data directory that cannot be
written falls back to an in-memory library with a clear message, so reading still works.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.corpus import ensure_bundled
from reader.paths import RESOURCES, data_dir, database_path, models_dir
from reader.storage import Library, StorageError
from ui.annotating import Annotating
from ui.comparing import Comparing
from ui.exporting import Exporting
from ui.main_window import MainWindow
from ui.options import Preferences
from ui.presenting import Presenting
from ui.reading_aids import ReadingAids
from ui.tasks import TaskRunner
from ui.theme import apply_theme, theme_named
from ui.translation_controller import TranslationController

APP_ID = "bilingual-reader"  # desktop file name, WM_CLASS and Wayland app id
APP_NAME = "Bilingual Reader"
ICONS = RESOURCES / "icons"


def qt_argv(qt_args: Sequence[str]) -> list[str]:
    """Arguments for QApplication. Its first one names the X11 WM_CLASS instance, which was
    ``__main__.py`` under ``python -m ui``: desktops then could not match the window to its
    menu entry and showed no icon."""
    return [APP_ID, *qt_args]


def app_icon() -> QIcon:
    """The window and taskbar icon (SVG, with a PNG for platforms without the SVG plugin)."""
    icon = QIcon(str(ICONS / f"{APP_ID}.svg"))
    icon.addFile(str(ICONS / f"{APP_ID}.png"))
    return icon


def set_identity(app: QApplication) -> None:
    """Name, organisation, desktop file name and icon, as a desktop menu expects them."""
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())


def open_library(override: str | None) -> tuple[Library, str]:
    """The library on disk, or an in-memory one plus a warning when the disk is unusable."""
    try:
        library = Library(database_path(override))
    except StorageError as exc:
        return Library(None), (
            f"{exc} The app is running with a temporary library: "
            "your decisions and notes will not be saved."
        )
    if library.read_only:
        return library, (
            f"The library is read-only ({library.read_only_reason}): your articles are "
            "shown as they are, and nothing you change will be saved.")
    return library, ""


def preferences_for(override: str | None) -> Preferences:
    """Preferences stored next to the database."""
    return Preferences(data_dir(override) / "preferences.ini")


def build_window(library: Library, runner: object, prefs: Preferences,
                 warning: str = "", data_override: str | None = None) -> MainWindow:
    """Create the main window and start background loading."""
    window = MainWindow(library, runner, prefs)
    window.translation = TranslationController(window, runner, library,
                                               models_dir=models_dir(data_override))
    window.add_translation_menu()
    window.aids = ReadingAids(window, runner, library, window.translation, prefs)
    window.notes = Annotating(window, window.aids.tabs)
    window.exports = Exporting(window, runner, prefs)
    window.presenting = Presenting(window)
    window.comparing = Comparing(window)
    if warning:
        window.messages.show_message(warning, "warning", sticky=True)
    return window


def start_background_loading(window: MainWindow) -> None:
    """Load spaCy off the UI thread, then open the first article."""
    from reader import nlp

    def loaded(_: object) -> None:
        if window.parsed is None:  # an open article already shows its counts
            window.status_text.setText("Ready")

    def failed(exc: BaseException) -> None:
        window.status_text.setText("French language model missing")
        window.messages.show_message(str(exc), "error")

    window.runner.submit("load spaCy", lambda task: nlp.load_pipeline(),
                         done=loaded, failed=failed)
    window.open_first_article()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the app."""
    started = time.perf_counter()
    parser = argparse.ArgumentParser(prog="bilingual-reader")
    parser.add_argument("--data-dir", help="where the library and settings are stored")
    parser.add_argument("--screenshot", help="save a screenshot of the window here and quit")
    parser.add_argument("--timing", action="store_true", help="print start-up timings")
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    app = QApplication(qt_argv(qt_args))
    set_identity(app)
    library, warning = open_library(args.data_dir)
    try:
        ensure_bundled(library)
    except StorageError as exc:
        warning = warning or str(exc)
    prefs = preferences_for(args.data_dir)
    apply_theme(app, theme_named(prefs.get("theme")))
    runner = TaskRunner()
    window = build_window(library, runner, prefs, warning, args.data_dir)
    window.show()
    if args.timing:
        print(f"window_shown_s={time.perf_counter() - started:.3f}", flush=True)
    QTimer.singleShot(0, lambda: start_background_loading(window))
    if args.screenshot:
        def shoot() -> None:
            if runner.active:
                QTimer.singleShot(200, shoot)
                return
            window.grab().save(args.screenshot)
            window.close()
        QTimer.singleShot(1500, shoot)
    code = app.exec()
    library.close()
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
