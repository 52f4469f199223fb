"""Light and dark themes: the Qt palette and the highlight colours the reading view uses.

Colours are data in ``resources/themes.json`` so they can be tuned without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from reader.analysis.model import LABEL_NAMES, LABELS
from reader.themes import resolve_theme

ENTITY_LABELS = LABELS
ENTITY_NAMES = LABEL_NAMES


@dataclass(frozen=True)
class Theme:
    """A named set of colours."""

    name: str
    colours: dict[str, Any]

    def colour(self, key: str) -> QColor:
        return QColor(self.colours[key])

    def entity(self, label: str) -> QColor:
        return QColor(self.colours["entities"].get(label, self.colours["entities"]["MISC"]))


def theme_named(name: str) -> Theme:
    """The theme called ``name`` (falls back to light)."""
    return Theme(*resolve_theme(name))


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Set the application palette from the theme."""
    pal = QPalette()
    c = theme.colour
    pal.setColor(QPalette.ColorRole.Window, c("window"))
    pal.setColor(QPalette.ColorRole.WindowText, c("text"))
    pal.setColor(QPalette.ColorRole.Base, c("base"))
    pal.setColor(QPalette.ColorRole.AlternateBase, c("window"))
    pal.setColor(QPalette.ColorRole.Text, c("text"))
    pal.setColor(QPalette.ColorRole.Button, c("button"))
    pal.setColor(QPalette.ColorRole.ButtonText, c("text"))
    pal.setColor(QPalette.ColorRole.Highlight, c("highlight"))
    pal.setColor(QPalette.ColorRole.HighlightedText, c("highlight_text"))
    pal.setColor(QPalette.ColorRole.PlaceholderText, c("muted"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, c("base"))
    pal.setColor(QPalette.ColorRole.ToolTipText, c("text"))
    app.setPalette(pal)
