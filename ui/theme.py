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
    pal.setColor(QPalette.ColorRole.Mid, c("caption"))
    app.setPalette(pal)
    # A widget with a style sheet keeps the palette it was polished with; polishing it again
    # makes it follow a switch while the app runs (the article title, panel headings).
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)


# Every pair of colours the app draws text with: (text colour, background, where). The
# contrast test checks each against WCAG AA (4.5:1 for text) in both themes, so a new colour
# that is hard to read fails the suite rather than a reader's eyes.
TEXT_PAIRS: tuple[tuple[str, str, str], ...] = (
    ("text", "window", "labels and panel text"),
    ("text", "base", "article text, lists, search box"),
    ("heading", "window", "article title"),
    ("heading", "base", "headings in the article"),
    ("caption", "window", "column headings (Français / English)"),
    ("caption", "base", "photo captions"),
    ("muted", "base", "dateline, placeholders, untranslated sentences"),
    ("muted", "window", "hints"),
    ("tidy_original", "base", "struck-out original of a tidy-up"),
    ("tidy_replacement", "base", "proposed correction"),
    ("calque", "base", "flagged word-for-word idiom"),
    ("text", "hover", "sentence under the mouse"),
    ("text", "focus", "current sentence"),
    ("text", "user_highlight", "reader's highlight"),
    ("highlight_text", "highlight", "selected text and list rows"),
    ("text", "button", "buttons"),
    ("message_text", "message_info", "message bar: notice"),
    ("message_text", "message_warning", "message bar: warning"),
    ("message_text", "message_error", "message bar: error"),
)
AA_TEXT = 4.5


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a ``#rrggbb`` colour."""
    value = colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours, from 1 to 21."""
    hi, lo = sorted((relative_luminance(foreground), relative_luminance(background)),
                    reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_pairs(theme: Theme) -> list[tuple[str, str, str, float]]:
    """(text colour, background, where, ratio) for every pair of the theme, entity
    backgrounds included."""
    c = theme.colours
    pairs = [(c[fg], c[bg], where, contrast_ratio(c[fg], c[bg]))
             for fg, bg, where in TEXT_PAIRS]
    for label, background in c["entities"].items():
        pairs.append((c["text"], background, f"{label} highlight",
                      contrast_ratio(c["text"], background)))
    return pairs
