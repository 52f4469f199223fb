"""Start-up benchmark: time from process start until the main window is shown.

Baseline in the same run: a bare ``QApplication`` + empty ``QMainWindow`` shown, so the
ratio says how much the reader adds on top of Qt itself on this (noisy) machine.
Run: ``.venv/bin/python bench/startup.py``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BARE = (
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([]); w = QMainWindow(); w.show(); app.processEvents()\n"
    "import os; os._exit(0)\n"
)
READER = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication([])\n"
    "from reader.corpus import ensure_bundled\n"
    "from ui.app import build_window, open_library, preferences_for\n"
    "from ui.tasks import TaskRunner\n"
    "lib, warn = open_library(sys.argv[1]); ensure_bundled(lib)\n"
    "w = build_window(lib, TaskRunner(), preferences_for(sys.argv[1]), warn)\n"
    "w.show(); w.open_first_article(); app.processEvents()\n"
    "import os; os._exit(0)  # the article's paragraphs are on screen\n"
)


def timed(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=REPO, env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    bare, reader = [], []
    with tempfile.TemporaryDirectory() as data:
        for _ in range(5):
            bare.append(timed(BARE))
            reader.append(timed(READER, data))
    b, r = statistics.median(bare), statistics.median(reader)
    print(f"bare Qt window: {b:.3f} s; reader window with article: {r:.3f} s (median of 5)")
    print(f"window_shown_s={r:.3f} ratio_vs_bare_qt={r / b:.2f}")


if __name__ == "__main__":
    main()
