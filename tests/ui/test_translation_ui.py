"""The English column on the real engine (zh→en Argos package): streaming, cancel, cache,
hand edits, and the no-model and bad-model states."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from reader.translation.service import ArticleTranslator
from tests.ui.conftest import make_controller

pytestmark = pytest.mark.slow


def _open(qtbot, win, article_id: str) -> None:
    with qtbot.waitSignal(win.sentences_ready, timeout=30000):
        win.sidebar.select(article_id)


def test_english_fills_sentence_by_sentence(translating_window, qtbot) -> None:
    win = translating_window
    arrivals: list[int] = []
    progress: list[int] = []
    win.translation.sentence_translated.connect(arrivals.append)
    win.translation.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        _open(qtbot, win, "000_757345bfb182a35d")
    n = len(win.view.sentences)
    assert sorted(arrivals) == list(range(n))
    # visible paragraphs first: the opening sentence is among the first batch
    assert 0 in arrivals[: max(1, n // 2)]
    assert len(set(progress)) >= 2  # the bar moved more than once
    for sid in range(n):
        english = win.view.english_text(sid)
        assert english and english != "…"
        assert english == win.translation.english[sid].text


def test_reopening_makes_no_model_calls(translating_window, qtbot, monkeypatch) -> None:
    win = translating_window
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        _open(qtbot, win, "000_757345bfb182a35d")
    first = {sid: t.text for sid, t in win.translation.english.items()}
    calls: list[int] = []
    original = ArticleTranslator.translate

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ArticleTranslator, "translate", counting)
    _open(qtbot, win, "003_71c21fd2b98fa41d")
    task = win.translation._task
    win.translation.cancel()
    qtbot.waitUntil(lambda: task.finished.is_set(), timeout=60000)
    calls.clear()
    with qtbot.waitSignal(win.translation.translation_finished, timeout=5000):
        _open(qtbot, win, "000_757345bfb182a35d")
    assert {sid: t.text for sid, t in win.translation.english.items()} == first
    assert calls == []  # everything came from the cache, on the UI thread


def test_switching_article_cancels_the_running_job(translating_window, qtbot) -> None:
    win = translating_window
    _open(qtbot, win, "003_71c21fd2b98fa41d")
    qtbot.waitUntil(lambda: len(win.translation.english) >= 1, timeout=120000)
    task = win.translation._task
    assert task is not None
    _open(qtbot, win, "000_757345bfb182a35d")
    assert task.cancelled
    qtbot.waitUntil(lambda: task.finished.is_set(), timeout=120000)
    # Nothing from the old article leaks into the new one
    assert all(sid < len(win.view.sentences) for sid in win.translation.english)


def test_hand_edit_is_kept_and_marked(translating_window, qtbot, library) -> None:
    win = translating_window
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        _open(qtbot, win, "000_757345bfb182a35d")
    win.translation.edit(2, "The role in the Washington demonstrations")
    assert win.view.english_text(2) == "The role in the Washington demonstrations ✎"
    win.translation.retranslate(2)  # says why nothing changes, and calls no model
    assert "keeps your own English" in win.messages.text()
    assert win.translation.english[2].edited  # the engine never overwrites an edit
    assert win.translation.english[2].text == "The role in the Washington demonstrations"
    # a machine result arriving for that sentence is held back, not shown over the edit
    from reader.session_english import SentenceEnglish

    win.session.set_english([SentenceEnglish(2, "machine output")])
    assert win.translation.english[2].text == "The role in the Washington demonstrations"


def test_hand_edit_survives_a_tidy_up_under_it(translating_window, qtbot, library, prefs,
                                               runner) -> None:
    """Issue: accepting a tidy-up in an edited sentence replaced the edit with machine
    output. The edit stays, is marked stale, and undo restores it exactly."""
    from ui.reading_aids import ReadingAids

    win = translating_window
    win.aids = ReadingAids(win, runner, library, win.translation, prefs)
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        _open(qtbot, win, "000_757345bfb182a35d")
    qtbot.waitUntil(lambda: win.aids.analysis is not None, timeout=30000)
    fix = next(t for t in win.aids.analysis.tidy_ups if t.original == "Amazone")
    sid = win.view.sentence_for_offset(fix.start)
    win.translation.edit(sid, "My own English.")
    win.aids.tidy_ups.select(fix.key)
    win.aids.tidy_ups.accept_button.click()
    qtbot.wait(200)
    shown = win.translation.english[sid]
    assert shown.text == "My own English." and shown.edited and shown.stale
    assert win.view.english_text(sid).startswith("My own English.")
    # reopening keeps it, still stale
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        _open(qtbot, win, "003_71c21fd2b98fa41d")
    _open(qtbot, win, "000_757345bfb182a35d")
    qtbot.waitUntil(lambda: sid in win.translation.english, timeout=30000)
    assert win.translation.english[sid].stale
    qtbot.waitUntil(lambda: win.aids.analysis is not None, timeout=30000)
    # take the tidy-up back: the French is as it was and the edit applies as before
    win.session.decide("reject", fix.key)
    qtbot.waitUntil(lambda: not win.translation.english[sid].stale, timeout=30000)
    assert win.translation.english[sid].text == "My own English."
    win.session.undo()  # accepted again: still the reader's English, flagged again
    qtbot.waitUntil(lambda: win.translation.english[sid].stale, timeout=30000)
    assert win.translation.english[sid].text == "My own English."


def test_hover_highlights_real_counterpart(translating_window, qtbot) -> None:
    from tests.ui.test_main_window import _hover

    win = translating_window
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        _open(qtbot, win, "000_757345bfb182a35d")
    view = win.view
    with qtbot.waitSignal(view.sentence_hovered) as hovered:
        _hover(view, view.english_range(3)[0] + 1)
    assert hovered.args == [3]
    s = view.sentences[3]
    covered = {(x.cursor.selectionStart(), x.cursor.selectionEnd())
               for x in view.extraSelections()}
    assert view.french_range(s.start, s.end) in covered


def test_no_model_says_so_and_offers_both_actions(qtbot, library, prefs, runner, tmp_path):
    from ui.main_window import MainWindow

    win = MainWindow(library, runner, prefs)
    win.translation = make_controller(qtbot, win, runner, library, tmp_path / "m")
    qtbot.addWidget(win)
    win.show()
    assert win.translation.model is None
    assert "No translation model is installed" in win.view.english_notice
    assert win.translation.download_button.isVisibleTo(win)
    assert win.translation.install_button.isVisibleTo(win)


def test_bad_model_file_changes_nothing(qtbot, library, prefs, runner, tmp_path) -> None:
    from ui.main_window import MainWindow

    models = tmp_path / "m"
    win = MainWindow(library, runner, prefs)
    win.translation = make_controller(qtbot, win, runner, library, models)
    qtbot.addWidget(win)
    win.show()
    bad = tmp_path / "broken.argosmodel"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("pkg/readme.txt", "not a model")
    win.translation.install_file(bad)
    qtbot.waitUntil(lambda: win.messages.level == "error", timeout=10000)
    assert "metadata.json" in win.messages.text()
    assert win.translation.model is None
    assert not any(models.glob("*/metadata.json")) if models.exists() else True


def test_corrupt_installed_model_gives_a_message(qtbot, library, prefs, runner,
                                                 installed_zh_model) -> None:
    from ui.main_window import MainWindow
    from ui.translation_controller import TranslationController

    info, models = installed_zh_model
    (Path(info.path) / "model" / "model.bin").write_bytes(b"garbage")
    from reader.translation.engine import forget_engine

    forget_engine(Path(info.path))
    win = MainWindow(library, runner, prefs)
    qtbot.addWidget(win)
    win.show()
    win.translation = TranslationController(win, runner, library, models_dir=models,
                                            pair=("zh", "en"))
    qtbot.waitUntil(lambda: win.messages.level == "error", timeout=30000)
    assert "could not be loaded" in win.messages.text()
    assert "could not be loaded" in win.view.english_notice


def test_quitting_mid_translation_keeps_finished_sentences(translating_window, qtbot,
                                                           library, installed_zh_model):
    win = translating_window
    _open(qtbot, win, "003_71c21fd2b98fa41d")
    qtbot.waitUntil(lambda: len(win.translation.english) >= 1, timeout=120000)
    win.close()  # cancels the job and waits for the batch in flight
    shown = {sid: t.text for sid, t in win.translation.english.items()}
    assert 0 < len(shown) < len(win.view.sentences) or len(shown) == len(win.view.sentences)
    info, _models = installed_zh_model
    items = win.translation.working_sentences(win.parsed)
    cached = ArticleTranslator(library, info).cached("003_71c21fd2b98fa41d", items)
    assert {sid: t.text for sid, t in cached.items() if sid in shown} == shown


def test_accepted_tidy_up_retranslates_only_its_sentence(translating_window, qtbot, library,
                                                         prefs, runner, monkeypatch):
    from ui.reading_aids import ReadingAids

    win = translating_window
    win.aids = ReadingAids(win, runner, library, win.translation, prefs)
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        _open(qtbot, win, "000_757345bfb182a35d")
    qtbot.waitUntil(lambda: win.aids.analysis is not None, timeout=30000)
    before = {sid: t.text for sid, t in win.translation.english.items()}
    counts: list[int] = []
    original = ArticleTranslator.translate

    def counting(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        counts.append(result)
        return result

    monkeypatch.setattr(ArticleTranslator, "translate", counting)
    fix = next(t for t in win.aids.analysis.tidy_ups if t.original == "Amazone")
    win.aids.tidy_ups.select(fix.key)
    with qtbot.waitSignal(win.translation.translation_finished, timeout=120000):
        win.aids.tidy_ups.accept_button.click()
    assert counts == [1]  # one sentence went back to the model
    sid = win.view.sentence_for_offset(fix.start)
    assert "surtout Amazon, qui" in dict(win.translation.working_sentences(win.parsed))[sid]
    after = {s: t.text for s, t in win.translation.english.items()}
    assert {s for s in before if before[s] != after[s]} <= {sid}


def test_model_dialog_shows_state_size_and_origin(translating_window, qtbot) -> None:
    from ui.model_dialog import ModelDialog

    dialog = ModelDialog(translating_window.translation, translating_window)
    qtbot.addWidget(dialog)
    text = dialog.state.text()
    assert "translate-zh_en@1.9" in text and "MB" in text and "Origin:" in text


def test_download_shows_progress_installs_and_translates(qtbot, library, prefs, runner,
                                                         argos_file, tmp_path) -> None:
    from tests.loopback_index import LoopbackIndex
    from ui.main_window import MainWindow

    win = MainWindow(library, runner, prefs)
    win.translation = make_controller(qtbot, win, runner, library, tmp_path / "m", ("zh", "en"))
    qtbot.addWidget(win)
    win.show()
    notices: list[str] = []
    win.english_status.setText = lambda text, orig=win.english_status.setText: (
        notices.append(text), orig(text))[1]
    with LoopbackIndex(argos_file) as index:
        with qtbot.waitSignal(win.translation.model_changed, timeout=120000):
            win.translation.download(f"{index.url}/index.json")
    assert win.translation.model is not None
    assert any("MB" in n and "of" in n for n in notices)  # progress was shown
    assert "Installed" in win.messages.text()
    assert not win.translation.download_button.isVisibleTo(win)


def test_download_cancel_installs_nothing(qtbot, library, prefs, runner, argos_file,
                                          tmp_path) -> None:
    from tests.loopback_index import LoopbackIndex
    from ui.main_window import MainWindow

    models = tmp_path / "m"
    win = MainWindow(library, runner, prefs)
    win.translation = make_controller(qtbot, win, runner, library, models, ("zh", "en"))
    qtbot.addWidget(win)
    win.show()
    with LoopbackIndex(argos_file) as index:
        win.translation.download(f"{index.url}/index.json")
        assert win.translation.cancel_button.isVisibleTo(win)
        win.translation.cancel_button.click()
        qtbot.waitUntil(lambda: win.translation._download is None, timeout=60000)
    assert win.translation.model is None
    assert "nothing was installed" in win.messages.text()
    assert not list(models.glob("**/metadata.json")) if models.exists() else True


def test_download_failure_is_a_clear_message(qtbot, library, prefs, runner, tmp_path) -> None:
    from ui.main_window import MainWindow

    win = MainWindow(library, runner, prefs)
    win.translation = make_controller(qtbot, win, runner, library, tmp_path / "m")
    qtbot.addWidget(win)
    win.show()
    win.translation.download("http://127.0.0.1:9/index.json")  # nothing listens on port 9
    qtbot.waitUntil(lambda: win.messages.level == "error", timeout=60000)
    assert win.messages.text()
    assert win.translation.model is None
    assert win.translation.download_button.isEnabled()
