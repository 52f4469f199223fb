"""How one stretch of text is drawn into the reading document: entity marks, tidy-ups shown
inline (original struck out, then the correction), flagged calques, and English sentences
with the names carried over. Every stretch is recorded as runs (see :mod:`ui.reading_layout`)
so positions map back to the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextFormat

from ui.reading_layout import CellRuns, Run
from ui.theme import Theme

BASE_POINT_SIZE = 12


@dataclass(frozen=True)
class Mark:
    """A highlighted range of the French source (an entity, a quote, a user highlight)."""

    start: int
    end: int
    label: str
    tooltip: str = ""


@dataclass(frozen=True)
class InlineFix:
    """A tidy-up shown in the French column. ``state``: pending, accepted or rejected."""

    key: str
    start: int
    end: int
    replacement: str | None
    cls: str
    reason: str
    state: str = "pending"


@dataclass(frozen=True)
class EnglishSentence:
    """The English text of one sentence, with entity marks relative to that text."""

    text: str
    edited: bool = False
    marks: tuple[tuple[int, int, str], ...] = ()


class RunPainter:
    """Draws text with the current theme, zoom, hidden entity types and tidy-up mode."""

    def __init__(self, theme: Theme, zoom: int, hidden_labels: set[str],
                 fixes_inline: bool) -> None:
        self.theme = theme
        self.zoom = zoom
        self.hidden_labels = hidden_labels
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

    def write_source(self, cursor: QTextCursor, source: str, first: int, last: int, kind: str,
                     all_marks: Sequence[Mark], all_fixes: Sequence[InlineFix]) -> CellRuns:
        """Insert ``source[first:last]`` with its marks and tidy-ups; returns its runs."""
        origin = cursor.position()
        marks = [m for m in all_marks if m.end > first and m.start < last
                 and m.label not in self.hidden_labels]
        fixes = [f for f in all_fixes if f.end > first and f.start < last]
        cuts = {first, last}
        for item in (*marks, *fixes):
            cuts.update((max(first, item.start), min(last, item.end)))
        points = sorted(cuts)
        base = self.base_format(kind)
        runs = CellRuns()
        for lo, hi in zip(points, points[1:], strict=False):
            fmt = QTextCharFormat(base)
            tips = []
            for m in marks:
                if m.start <= lo and hi <= m.end:
                    fmt.setBackground(self._mark_colour(m.label))
                    if m.tooltip:
                        tips.append(m.tooltip)
            ending: InlineFix | None = None
            for f in fixes:
                if f.start <= lo and hi <= f.end and f.state != "rejected":
                    self._style_fix(fmt, f)
                    tips.append(f"{f.cls}: {f.reason}")
                    if hi == f.end:
                        ending = f
            hide = ending is None and any(
                f.start <= lo and hi <= f.end and f.state == "accepted" and not self.fixes_inline
                and f.replacement is not None for f in fixes)
            if tips:
                fmt.setToolTip("\n".join(tips))
            if not hide and not (ending and ending.state == "accepted" and not self.fixes_inline
                                 and ending.replacement is not None):
                start = cursor.position() - origin
                cursor.insertText(source[lo:hi], fmt)
                runs.add(Run(start, cursor.position() - origin, source_start=lo))
            if ending is not None and ending.replacement is not None:
                self._insert_replacement(cursor, origin, runs, ending, base)
        return runs

    def _mark_colour(self, label: str) -> QColor:
        if label in self.theme.colours["entities"]:
            return self.theme.entity(label)
        return self.theme.colour("user_highlight")

    def _style_fix(self, fmt: QTextCharFormat, fix: InlineFix) -> None:
        if fix.replacement is None:  # flagged only (a calque): wavy underline
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(self.theme.colour("calque"))
        elif self.fixes_inline:
            fmt.setFontStrikeOut(True)
            fmt.setForeground(self.theme.colour("tidy_original"))
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.theme.colour("tidy_original"))

    def _insert_replacement(self, cursor: QTextCursor, origin: int, runs: CellRuns,
                            fix: InlineFix, base: QTextCharFormat) -> None:
        if not self.fixes_inline and fix.state != "accepted":
            return
        fmt = QTextCharFormat(base)
        if self.fixes_inline:
            fmt.setForeground(self.theme.colour("tidy_replacement"))
            fmt.setFontUnderline(True)
        fmt.setToolTip(f"{fix.cls}: {fix.reason}")
        fmt.setProperty(QTextFormat.Property.UserProperty, fix.key)
        start = cursor.position() - origin
        gap = "\u2009" if self.fixes_inline and fix.state != "accepted" else ""
        cursor.insertText(gap + (fix.replacement or ""), fmt)
        runs.add(Run(start, cursor.position() - origin, source_start=None))

    def insert_english(self, cursor: QTextCursor, english: EnglishSentence,
                       base: QTextCharFormat) -> None:
        """Insert one English sentence with its entity marks and the hand-edit sign."""
        text = english.text
        pos = 0
        for start, end, label in sorted(english.marks):
            if start < pos or end > len(text) or label in self.hidden_labels:
                continue
            cursor.insertText(text[pos:start], base)
            fmt = QTextCharFormat(base)
            fmt.setBackground(self._mark_colour(label))
            cursor.insertText(text[start:end], fmt)
            pos = end
        tail = QTextCharFormat(base)
        cursor.insertText(text[pos:], tail)
        if english.edited:
            note = QTextCharFormat(base)
            note.setForeground(self.theme.colour("muted"))
            note.setToolTip("Edited by hand; the translator will not overwrite it.")
            cursor.insertText(" ✎", note)
