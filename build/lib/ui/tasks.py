"""One background-task helper for all long work, with results delivered on the UI thread.

Every slow job (loading spaCy or the translation model, parsing, analysis, translation) goes
through :meth:`TaskRunner.submit`. The job runs on a ``QThreadPool`` worker and receives a
:class:`Task` handle for reporting progress and checking cancellation. Its result, error and
progress reach the UI thread through Qt signals as plain Python data; a job never touches a
widget. Tests may swap in :class:`SyncRunner`, which runs jobs at once on the calling thread.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Task:
    """Handle given to a job: cancellation flag and progress reporting."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._cancelled = threading.Event()
        self._report: Callable[[Any], None] = lambda value: None
        self.finished = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancelled.is_set()

    def report(self, value: Any) -> None:
        """Send a progress value to the UI thread (delivered in order)."""
        self._report(value)


class _Relay(QObject):
    """Carries a job's outcome from the worker thread to the UI thread.

    Signals:
        progress(object): a value the job reported.
        done(object): the job's return value.
        failed(object): the exception the job raised.
    """

    progress = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Task], Any], task: Task, relay: _Relay) -> None:
        super().__init__()
        self.fn, self.task, self.relay = fn, task, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn(self.task)
        except BaseException as exc:  # noqa: BLE001 - reported to the UI, never swallowed
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.task.finished.set()
            self.relay.failed.emit(exc)
        else:
            self.task.finished.set()
            self.relay.done.emit(result)


Callback = Callable[[Any], None] | None


class TaskRunner(QObject):
    """Runs jobs on a thread pool; callbacks run on the UI thread.

    Signals:
        busy_changed(int): number of jobs still running, after each start and end.
    """

    busy_changed = Signal(int)

    def __init__(self, max_threads: int = 2, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running: dict[Task, _Relay] = {}

    def submit(
        self, name: str, fn: Callable[[Task], Any], done: Callback = None,
        failed: Callback = None, progress: Callback = None,
    ) -> Task:
        """Run ``fn(task)`` in the background and call ``done``/``failed`` on the UI thread."""
        task = Task(name)
        relay = _Relay(self)
        task._report = relay.progress.emit
        if progress:
            relay.progress.connect(progress)

        def finish(callback: Callback, value: Any) -> None:
            self._running.pop(task, None)
            relay.deleteLater()
            self.busy_changed.emit(len(self._running))
            if callback:
                callback(value)

        relay.done.connect(lambda value: finish(done, value))
        relay.failed.connect(lambda exc: finish(failed or _raise_later, exc))
        self._running[task] = relay
        self.busy_changed.emit(len(self._running))
        self.pool.start(_Job(fn, task, relay))
        return task

    @property
    def active(self) -> int:
        """Jobs submitted and not yet finished."""
        return len(self._running)

    def cancel_all(self) -> None:
        """Ask every running job to stop."""
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pool is idle (used at quit so finished work is saved)."""
        return bool(self.pool.waitForDone(msecs))


def _raise_later(exc: BaseException) -> None:
    raise exc


class SyncRunner(QObject):
    """Drop-in for :class:`TaskRunner` in tests: runs each job at once, on this thread.

    Signals:
        busy_changed(int): always 0 after a job, for interface parity.
    """

    busy_changed = Signal(int)

    def submit(
        self, name: str, fn: Callable[[Task], Any], done: Callback = None,
        failed: Callback = None, progress: Callback = None,
    ) -> Task:
        task = Task(name)
        task._report = progress or (lambda value: None)
        try:
            result = fn(task)
        except Exception as exc:  # noqa: BLE001
            task.finished.set()
            if failed is None:
                raise
            failed(exc)
        else:
            task.finished.set()
            if done:
                done(result)
        self.busy_changed.emit(0)
        return task

    active = 0

    def cancel_all(self) -> None:
        """Nothing runs in the background."""

    def wait(self, msecs: int = 0) -> bool:
        """Nothing to wait for."""
        return True
