"""Starts and ends presentation mode from the main window (F5 / Esc).

The presentation view follows the window's open article; while it is up, the window's
messages are held so nothing appears over the projected text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from ui.presentation import PresentationView


class Presenting(QObject):
    """The View ▸ Presentation mode command."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.view: PresentationView | None = None
        self.states: dict[str, Any] = {}
        self.action = window._action(window.view_menu, "&Presentation mode",
                                     QKeySequence("F5"), lambda: self.start())
        window.session_changed.connect(self._changed)
        window.article_opened.connect(lambda _id: self._changed(None))

    @property
    def active(self) -> bool:
        return self.view is not None

    def start(self, full_screen: bool = True) -> PresentationView | None:
        """Show the open article full screen, where the teacher left it."""
        if self.window.session is None:
            self.window.messages.show_message("Open an article to present.", "info")
            return None
        if self.view is None:
            self.view = PresentationView()
            self.view.states = self.states  # reveal states outlive one presentation
            self.view.left.connect(self.stop)
            self.view.article_step.connect(self._step)
        self.window.messages.hold(True)
        self.view.show_session(self.window.session)
        if full_screen:
            # Frameless and sized to the screen as well as full screen: without a window
            # manager (a bare X server, some kiosks) the full-screen request alone is ignored.
            self.view.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            self.view.setGeometry(self.window.screen().geometry())
            self.view.show()
            self.view.setWindowState(Qt.WindowState.WindowFullScreen)
        else:
            self.view.show()
        self.view.activateWindow()
        self.view.setFocus()
        self.view.redraw()  # the final size decides the type size
        return self.view

    def stop(self) -> None:
        """Leave presentation mode; messages that waited are shown now."""
        if self.view is not None:
            self.view.close()
            self.view.deleteLater()
            self.view = None
        self.window.messages.hold(False)
        self.window.activateWindow()

    def _step(self, step: int) -> None:
        self.window.sidebar.step(step)

    def _changed(self, _event: Any) -> None:
        if self.view is not None and self.window.session is not None:
            self.view.show_session(self.window.session)
