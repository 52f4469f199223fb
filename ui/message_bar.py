"""A dismissable message strip for errors and notices, shown above the reading view.

Messages are plain text (never rich text), so a file name or article text that contains
markup is shown as typed. Colours come from the theme and follow a theme switch. A message
belongs to what the reader was doing when it appeared: opening another article clears it,
unless it was shown as ``sticky`` (a problem with the whole app, such as a read-only
library). A message may carry one action button, e.g. "Undo" after removing an article.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ui.theme import Theme, theme_named


class MessageBar(QFrame):
    """Shows one message at a time with a level: info, warning or error."""

    LEVELS = ("info", "warning", "error")

    def __init__(self, parent: QWidget | None = None, theme: Theme | None = None) -> None:
        super().__init__(parent)
        self.theme = theme or theme_named("light")
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton(self)
        self.action_button.hide()
        self.action_button.clicked.connect(self._run_action)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button)
        layout.addWidget(close)
        self.level = ""
        self.sticky = False
        self._action: Callable[[], object] | None = None
        self.held: list[tuple[str, str, bool]] | None = None
        self.hide()

    def hold(self, holding: bool) -> None:
        """While held (presentation mode) messages wait; on release the last one shows, and
        errors are never lost (they are all shown together)."""
        if holding:
            self.held = self.held or []
            return
        waiting, self.held = self.held or [], None
        errors = [text for text, level, _sticky in waiting if level == "error"]
        if errors:
            self.show_message("\n".join(errors), "error")
        elif waiting:
            text, level, sticky = waiting[-1]
            self.show_message(text, level, sticky)

    def show_message(self, text: str, level: str = "info", sticky: bool = False,
                     action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show ``text``; ``action`` is (button label, what it does) or None."""
        if self.held is not None:
            self.held.append((text, level, sticky))
            return
        self.level = level if level in self.LEVELS else "info"
        self.sticky = sticky
        self.label.setText(text)
        self._action = None if action is None else action[1]
        self.action_button.setVisible(action is not None)
        if action is not None:
            self.action_button.setText(action[0])
        self._restyle()
        self.show()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._restyle()

    def _restyle(self) -> None:
        c = self.theme.colours
        background = c.get(f"message_{self.level or 'info'}", c["base"])
        self.setStyleSheet(
            f"MessageBar {{ background: {background}; border-radius: 4px; }} "
            f"QLabel {{ color: {c.get('message_text', c['text'])}; }}"
        )

    def dismiss(self) -> None:
        self._action = None
        self.hide()

    def clear_stale(self) -> None:
        """The reader moved on (another article): drop a message about what was before."""
        if not self.sticky:
            self.dismiss()

    def _run_action(self) -> None:
        action = self._action
        self.dismiss()
        if action is not None:
            action()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
