"""UI-thread stalls while the reader opens articles, analyses and streams translation.

A 5 ms QTimer heartbeat runs on the UI thread; the longest gap between beats is the longest
time the UI was blocked. Baseline in the same run: the same heartbeat with the window idle.
Uses the real zh→en test package (see ``tests/argos_package.py``).
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui_latency.py``.
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

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class Heartbeat:
    """Records the longest gap between timer ticks on the UI thread."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.beat)
        self.last = time.perf_counter()
        self.worst = 0.0

    def beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()


def spin(app: QApplication, seconds: float, until=lambda: False) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end and not until():
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    app = QApplication([])
    from reader.corpus import ensure_bundled
    from reader.nlp import load_pipeline
    from reader.paths import models_dir
    from reader.translation.models import install_from_file
    from reader.translation.service import warm_up
    from tests.argos_package import ensure_test_package
    from ui.app import open_library, preferences_for
    from ui.main_window import MainWindow
    from ui.reading_aids import ReadingAids
    from ui.tasks import TaskRunner
    from ui.translation_controller import TranslationController

    data = Path(tempfile.mkdtemp())
    model = install_from_file(ensure_test_package(), models_dir=models_dir(data),
                              expected_pair=None)
    load_pipeline()
    warm_up(model)
    library, _ = open_library(str(data))
    ensure_bundled(library)
    prefs = preferences_for(str(data))
    runner = TaskRunner()
    win = MainWindow(library, runner, prefs)
    win.translation = TranslationController(win, runner, library, models_dir=models_dir(data),
                                            pair=("zh", "en"))
    win.aids = ReadingAids(win, runner, library, win.translation, prefs)
    win.resize(1400, 900)
    win.show()
    beat = Heartbeat()
    beat.start()
    spin(app, 1.0)
    idle = beat.worst
    results = {}
    for article_id in ("003_71c21fd2b98fa41d", "000_757345bfb182a35d", "003_71c21fd2b98fa41d"):
        beat.start()
        first = time.perf_counter()
        seen: list[float] = []
        win.translation.sentence_translated.connect(
            lambda _i, seen=seen: seen or seen.append(time.perf_counter()))
        win.sidebar.select(article_id)
        spin(app, 120, lambda: win.aids.analysis is not None and win.parsed is not None
             and len(win.translation.english) == len(win.parsed.sentences)
             and win.translation._task is None)
        spin(app, 0.3)  # late repaints and queued callbacks still count
        worst = beat.worst
        beat.timer.stop()
        runner.wait()  # not measured: only lets the next article start from a quiet pool
        again = any(k.startswith(article_id[:3]) for k in results)
        label = f"{article_id[:3]} {'reopen' if again else 'first open'}"
        results[label] = (worst, (seen[0] - first) if seen else float("nan"))
        print(f"{label}: longest UI stall {worst * 1000:.0f} ms, first English "
              f"sentence after {results[label][1]:.2f} s")
    worst = max(w for w, _ in results.values())
    print(f"idle heartbeat gap: {idle * 1000:.0f} ms")
    print(f"ui_max_stall_ms={worst * 1000:.0f} ratio_vs_idle={worst / idle:.1f}")


if __name__ == "__main__":
    main()
