"""Render the window offscreen into docs/*.png, as a reader would see it.

Uses a throw-away data folder and the real zh→en Argos test package (see
``tests/argos_package.py``): its English is nonsense, but it is real model output.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshot_window import REPO, reader_window, wait  # noqa: E402


def main() -> None:
    app = QApplication([])
    from ui.annotating import Annotating

    win, runner = reader_window(app)
    win.notes = Annotating(win, win.aids.tabs)
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
    class_screenshots(app, win, docs)
    print("wrote", ", ".join(p.name for p in sorted(docs.glob("*.png"))))


def class_screenshots(app: QApplication, win, docs: Path) -> None:
    """Notes, voices, presentation mode, the comparison, a worksheet and its key."""
    import subprocess

    from reader.compare import compare_sessions
    from reader.export.worksheet import export_worksheet
    from reader.session import open_session
    from reader.worksheet import generate_questions
    from ui.compare_dialog import CompareDialog
    from ui.presentation import PresentationView

    session = win.session
    source = session.article.source
    for words, colour, note in (("John Matze", "yellow", "Le fondateur : seule voix de Parler."),
                                ("Anti-Defamation League", "blue", "Qui est-ce ? À vérifier."),
                                ("Nous sommes toasts", "red", "Calque de « we're toast ».")):
        start = source.find(words)
        if start >= 0:
            session.highlight_french(start, start + len(words), colour, note, ["cours"])
    app.processEvents()
    win.aids.tabs.setCurrentWidget(win.notes.panel)
    win.grab().save(str(docs / "notes.png"))
    win.aids.tabs.setCurrentWidget(win.aids.voices)
    win.grab().save(str(docs / "voices.png"))
    view = PresentationView()
    view.resize(1920, 1080)
    view.show_session(session)
    view.show()
    for _ in range(40):  # a paragraph with an artifact and a quote shows every reveal
        if view._tidy_ups_here() and view._quotes_here():
            break
        view.step(1)
    view.reveal_tidy_up()
    view.reveal_english()
    view.spotlight_quote()
    view.spotlight_quote()
    app.processEvents()
    view.grab().save(str(docs / "presentation.png"))
    view.close()
    left = open_session(win.library, "000_757345bfb182a35d")
    for t in left.analysis.tidy_ups:
        if t.original in ("Amazone", "je parlerai"):
            left.decide("accept", t.key)
    right = open_session(win.library, "003_71c21fd2b98fa41d")
    dialog = CompareDialog(left, right, compare_sessions(left, right))
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(docs / "compare.png"))
    dialog.close()
    tmp = Path(tempfile.mkdtemp())
    export_worksheet(left, generate_questions(left), tmp / "sheet.pdf", tmp / "key.pdf")
    for name, pdf in (("worksheet", "sheet"), ("answer-key", "key")):
        info = subprocess.run(["pdfinfo", str(tmp / f"{pdf}.pdf")], capture_output=True,
                              text=True, check=True).stdout
        last = next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:"))  # the page with the questions
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", last, "-l", last, "-singlefile",
                        str(tmp / f"{pdf}.pdf"), str(docs / name)], check=True)


if __name__ == "__main__":
    main()
