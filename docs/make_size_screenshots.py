"""Render the window offscreen at common screen sizes into docs/size-WIDTHxHEIGHT.png.

Checks how the panels give way to the reading columns (see ui/panel_layout.py) at 800×600,
1024×768, 1366×768 and 1920×1080. Uses a throw-away data folder and the zh→en Argos test
package, like docs/make_screenshots.py, so the English is real model output but nonsense.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_size_screenshots.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_window import REPO, reader_window, wait  # noqa: E402

SIZES = ((800, 600), (1024, 768), (1366, 768), (1920, 1080))


def main() -> None:
    app = QApplication([])
    win, runner = reader_window(app)
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
