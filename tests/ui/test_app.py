"""Start-up: the window appears before spaCy loads, and bad data folders do not stop it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui.app import build_window, open_library, preferences_for, start_background_loading

REPO = Path(__file__).resolve().parents[2]


def test_unusable_data_dir_falls_back_to_memory_with_a_warning(qtbot, tmp_path: Path,
                                                               runner) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    library, warning = open_library(str(blocker / "data"))
    assert library.path is None
    assert "Cannot open the library" in warning
    assert "will not be saved" in warning
    prefs = preferences_for(str(tmp_path / "prefs"))
    window = build_window(library, runner, prefs, warning)
    qtbot.addWidget(window)
    window.show()
    assert window.messages.level == "warning"
    assert "temporary library" in window.messages.text()


def test_read_only_library_shows_the_existing_articles(qtbot, tmp_path: Path, runner,
                                                        monkeypatch) -> None:
    from reader.article import parse_article
    from reader.storage import Library

    data = tmp_path / "data"
    library = Library(data / "reader.db")
    mine = parse_article("Mon article à moi.\n\nIl parle de la grève des cheminots.")
    library.add_article(mine)
    library.close()
    # As on a read-only mount (root ignores file permissions, so the check is forced).
    monkeypatch.setattr("reader.storage._detect_read_only",
                        lambda path: (True, "it is on a read-only disk"))
    library, warning = open_library(str(data))
    assert library.path == data / "reader.db" and library.read_only
    print(warning)
    assert "read-only" in warning and "nothing you change will be saved" in warning
    window = build_window(library, runner, preferences_for(str(tmp_path / "p")), warning)
    qtbot.addWidget(window)
    window.show()
    assert mine.id in window.sidebar.ids()
    article = tmp_path / "new.txt"
    article.write_text("Un nouvel article. Il ne sera pas gardé.", encoding="utf-8")
    with qtbot.waitSignal(window.import_finished, timeout=10000) as done:
        window.import_file(article)
    assert done.args == [None]
    assert "read-only" in window.messages.text()
    runner.cancel_all()


def test_window_is_shown_before_spacy_is_loaded(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.app import build_window, open_library, preferences_for\n"
        "from ui.tasks import TaskRunner\n"
        f"lib, w = open_library({str(tmp_path)!r})\n"
        f"win = build_window(lib, TaskRunner(), preferences_for({str(tmp_path)!r}))\n"
        "win.show()\n"
        "print('spacy' in sys.modules, 'ctranslate2' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                                      "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_background_loading_opens_the_first_article(qtbot, tmp_path: Path, runner) -> None:
    library, _ = open_library(str(tmp_path))
    from reader.corpus import ensure_bundled

    ensure_bundled(library)
    window = build_window(library, runner, preferences_for(str(tmp_path)))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sentences_ready, timeout=30000):
        start_background_loading(window)
    qtbot.waitUntil(lambda: window.status_text.text() != "Loading the French language model…",
                    timeout=30000)
    assert window.article is not None
