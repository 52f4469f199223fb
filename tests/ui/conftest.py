"""Fixtures for driving the real window with qtbot on the offscreen platform."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus import ensure_bundled
from reader.storage import Library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    lib = Library(tmp_path / "reader.db")
    ensure_bundled(lib)
    yield lib
    lib.close()


@pytest.fixture
def prefs(tmp_path: Path):
    from ui.options import Preferences

    return Preferences(tmp_path / "prefs.ini")


@pytest.fixture
def runner(qtbot):
    """A real thread-pool runner, drained before the test's widgets go away."""
    from ui.tasks import TaskRunner

    task_runner = TaskRunner()
    yield task_runner
    task_runner.cancel_all()
    task_runner.wait(30000)
    qtbot.waitUntil(lambda: task_runner.active == 0, timeout=30000)


@pytest.fixture
def window(qtbot, library, prefs, nlp, runner):
    """The main window with a real background runner and the first seed open."""
    from ui.main_window import MainWindow

    win = MainWindow(library, runner, prefs)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.sentences_ready, timeout=20000):
        win.open_first_article()
    return win


@pytest.fixture
def aided_window(qtbot, library, prefs, nlp, runner):
    """The window with reading aids (no translation model) and the first seed analysed."""
    from ui.main_window import MainWindow
    from ui.reading_aids import ReadingAids

    win = MainWindow(library, runner, prefs)
    win.aids = ReadingAids(win, runner, library, None, prefs)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.open_first_article()
    return win


@pytest.fixture
def installed_zh_model(tmp_path: Path, argos_file: Path):
    """The zh→en package installed into this test's models folder."""
    from reader.translation.models import install_from_file

    models = tmp_path / "models"
    info = install_from_file(argos_file, models_dir=models, expected_pair=None)
    return info, models


@pytest.fixture
def translating_window(qtbot, library, prefs, nlp, runner, installed_zh_model):
    """The window with a real translation controller on the zh→en model, nothing open."""
    from ui.main_window import MainWindow

    _info, models = installed_zh_model
    win = MainWindow(library, runner, prefs)
    win.translation = make_controller(qtbot, win, runner, library, models, ("zh", "en"))
    win.add_translation_menu()
    qtbot.addWidget(win)
    win.show()
    return win


def make_controller(qtbot, win, runner, library, models, pair=("fr", "en")):
    """A translation controller whose background model look-up has finished."""
    from ui.translation_controller import TranslationController

    controller = TranslationController(win, runner, library, models_dir=models, pair=pair)
    qtbot.waitUntil(lambda: not controller.checking, timeout=30000)
    return controller


@pytest.fixture
def app_window(qtbot, library, prefs, nlp, runner, tmp_path: Path):
    """The window exactly as the app builds it (translation menu, reading aids), with no
    translation model installed, and the first seed analysed."""
    from ui.app import build_window

    win = build_window(library, runner, prefs, data_override=str(tmp_path / "data"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: not win.translation.checking, timeout=30000)
    with qtbot.waitSignal(win.aids.analysis_ready, timeout=30000):
        win.open_first_article()
    return win
