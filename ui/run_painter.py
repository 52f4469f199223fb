"""Paints the runs of a :class:`reader.render.RenderModel` into the reading document.

What each run shows (entity, tidy-up, highlight, note marker…) is decided in the core; this
module only turns those layers into Qt character formats, so the window and the PDF draw the
same thing. Every stretch is recorded as layout runs (see :mod:`ui.reading_layout`) so positions
on screen map back to the source text or to an English sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat

from reader.annotations import COLOURS
from reader.render import EnglishRender, TextRun
from ui.reading_layout import CellRuns, Run
from ui.theme import Theme

BASE_POINT_SIZE = 12
DARK_TEXT = "#1f1d1a"  # text on a user highlight stays dark in both themes


def _replaced_range(run: TextRun) -> tuple[int, int] | None:
    """The source range a correction stands for (from its tidy-up key ``cls:start:end``)."""
    if run.role != "replacement" or run.tidy_key.count(":") < 2:
        return None
    _cls, start, end = run.tidy_key.rsplit(":", 2)
    return (int(start), int(end)) if start.isdigit() and end.isdigit() else None


class RunPainter:
    """Draws runs with the current theme and zoom."""

    def __init__(self, theme: Theme, zoom: int, fixes_inline: bool = True) -> None:
        self.theme = theme
        self.zoom = zoom
        self.fixes_inline = fixes_inline

    def base_format(self, kind: str) -> QTextCharFormat:
        """The character format of a paragraph kind (body, heading, caption…)."""
        fmt = QTextCharFormat()
        fmt.setForeground(self.theme.colour("text"))
        if kind in ("heading", "headline"):
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setForeground(self.theme.colour("heading"))
            fmt.setFontPointSize(BASE_POINT_SIZE + self.zoom + (3 if kind == "headline" else 1))
        elif kind == "dateline":
            fmt.setForeground(self.theme.colour("muted"))
            fmt.setFontPointSize(BASE_POINT_SIZE + self.zoom - 2)
        elif kind == "caption":
            fmt.setFontItalic(True)
            fmt.setForeground(self.theme.colour("caption"))
            fmt.setFontPointSize(BASE_POINT_SIZE + self.zoom - 1)
        return fmt

    def format_for(self, run: TextRun, base: QTextCharFormat) -> QTextCharFormat:
        """The character format of one run."""
        fmt = QTextCharFormat(base)
        tips: list[str] = []
        if run.entity:
            fmt.setBackground(self.theme.entity(run.entity))
            tips.append(f"{run.entity_name or run.text} ({run.entity})")
        if run.quote:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(self.theme.colour("muted"))
        if run.highlight:
            fmt.setBackground(QColor(COLOURS[run.highlight]))
            fmt.setForeground(QColor(DARK_TEXT))
        if run.tidy == "flagged":  # a calque: explained, not changed
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(self.theme.colour("calque"))
        elif run.tidy == "original":
            if self.fixes_inline:
                fmt.setFontStrikeOut(True)
                fmt.setForeground(self.theme.colour("tidy_original"))
            else:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(self.theme.colour("tidy_original"))
        if run.role == "replacement":
            if self.fixes_inline:
                fmt.setForeground(self.theme.colour("tidy_replacement"))
                fmt.setFontUnderline(True)
            fmt.setProperty(QTextFormat.Property.UserProperty, run.tidy_key)
        elif run.role in ("note", "edited", "placeholder"):
            fmt.setForeground(self.theme.colour("muted"))
            if run.role == "note":
                fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
                fmt.setForeground(self.theme.colour("tidy_original" if run.english_changed
                                                    else "highlight"))
                tips.append("The English changed since this was highlighted; the highlight "
                            "is kept here." if run.english_changed else f"Note {run.note_number}")
            elif run.role == "edited":
                tips.append("Edited by hand; the translator will not overwrite it.")
        if run.tidy_reason:
            tips.append(run.tidy_reason)
        if tips:
            fmt.setToolTip("\n".join(tips))
        return fmt

    def write_french(self, cursor: QTextCursor, runs: Sequence[TextRun],
                     kind: str) -> CellRuns:
        """Insert a paragraph's French runs; returns where each landed."""
        origin = cursor.position()
        base = self.base_format(kind)
        cells = CellRuns()
        for run in runs:
            start = cursor.position() - origin
            cursor.insertText(run.text, self.format_for(run, base))
            cells.add(Run(start, cursor.position() - origin, source_start=run.source_start,
                          replaces=_replaced_range(run)))
        return cells

    def write_english(self, cursor: QTextCursor, english: EnglishRender, placeholder: str,
                      base: QTextCharFormat, stale_tip: str) -> None:
        """Insert one sentence's English (or the placeholder while it is missing)."""
        if english.missing:
            muted = QTextCharFormat(base)
            muted.setForeground(self.theme.colour("muted"))
            cursor.insertText(placeholder, muted)
            return
        for run in english.runs:
            fmt = self.format_for(run, base)
            if run.role == "edited" and english.stale:
                fmt.setForeground(self.theme.colour("tidy_original"))
                fmt.setToolTip(stale_tip)
            cursor.insertText(run.text, fmt)
