"""The background-task helper: results, errors and progress come back on the UI thread."""

from __future__ import annotations

import threading

import pytest

from ui.tasks import SyncRunner


def test_result_arrives_on_the_ui_thread(qtbot, runner) -> None:
    main = threading.get_ident()
    seen: dict[str, object] = {}

    def job(task):
        seen["worker"] = threading.get_ident()
        task.report(1)
        task.report(2)
        return 42

    progress: list[int] = []

    def done(value):
        seen["done_thread"] = threading.get_ident()
        seen["value"] = value

    runner.submit("job", job, done=done, progress=progress.append)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen["value"] == 42
    assert seen["worker"] != main and seen["done_thread"] == main
    qtbot.waitUntil(lambda: progress == [1, 2])
    assert runner.active == 0


def test_errors_are_delivered_not_lost(qtbot, runner) -> None:
    errors: list[BaseException] = []

    def boom(task):
        raise ValueError("bad model")

    runner.submit("boom", boom, failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)


def test_cancel_reaches_the_job(qtbot, runner) -> None:
    started = threading.Event()
    results: list[str] = []

    def slow(task):
        started.set()
        while not task.cancelled:
            threading.Event().wait(0.01)
        return "stopped"

    task = runner.submit("slow", slow, done=results.append)
    assert started.wait(5)
    runner.cancel_all()
    qtbot.waitUntil(lambda: results == ["stopped"], timeout=5000)
    assert task.cancelled


def test_sync_runner_runs_at_once() -> None:
    runner = SyncRunner()
    out: list[int] = []
    runner.submit("x", lambda task: 5, done=out.append)
    assert out == [5]
    with pytest.raises(RuntimeError):
        runner.submit("y", lambda task: (_ for _ in ()).throw(RuntimeError("no handler")))
