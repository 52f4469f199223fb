"""The reading view: French on the left, English on the right, one row per paragraph.

Both columns live in one ``QTextDocument`` table, so paragraph rows stay aligned and the two
columns scroll together by construction. Text is always inserted as plain text through
``QTextCursor``; nothing from an article is ever parsed as markup. Hovering a sentence
highlights it and its counterpart (via extra selections, without touching the document);
a new English sentence rewrites only its own cell.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.article import Article
from reader.nlp import Sentence
from ui.reading_layout import CellRuns, RowLayout, Run
from ui.run_painter import BASE_POINT_SIZE, EnglishSentence, InlineFix, Mark, RunPainter
from ui.theme import Theme

__all__ = ["EnglishSentence", "InlineFix", "Mark", "ReadingView"]


class ReadingView(QTextBrowser):
    """Aligned bilingual reading view.

    Signals:
        sentence_hovered(int): the sentence under the mouse changed (-1 for none).
        sentence_activated(int): a sentence was clicked.
        source_clicked(int): source offset of a click in the French column.
    """

    sentence_hovered = Signal(int)
    sentence_activated = Signal(int)
    source_clicked = Signal(int)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.viewport().installEventFilter(self)
        self.setUndoRedoEnabled(False)
        self.theme = theme
        self.article: Article | None = None
        self.sentences: list[Sentence] = []
        self._sentence_starts: list[int] = []
        self.english: dict[int, EnglishSentence] = {}
        self.english_visible = True
        self.english_placeholder = "…"
        self.english_notice = ""
        self.marks: list[Mark] = []
        self.hidden_labels: set[str] = set()
        self.fixes: list[InlineFix] = []
        self.fixes_inline = True
        self.zoom = 0
        self.rows: list[RowLayout] = []
        self._table = None
        self.hovered = -1
        self.current = -1
        self._focus_range: tuple[int, int] | None = None
        self.header_runs: CellRuns | None = None

    # --- content -------------------------------------------------------------------------

    def show_article(self, article: Article | None) -> None:
        """Show an article's paragraphs; sentences and English come later."""
        self.article = article
        self.sentences = []
        self._sentence_starts = []
        self.english = {}
        self.marks = []
        self.fixes = []
        self.hovered = self.current = -1
        self._focus_range = None
        self.rebuild()

    def set_sentences(self, sentences: Sequence[Sentence]) -> None:
        self.sentences = list(sentences)
        self._sentence_starts = [s.start for s in self.sentences]
        self.rebuild()

    def set_hidden_labels(self, labels: set[str]) -> None:
        self.hidden_labels = set(labels)
        self.rebuild()

    def set_annotations(self, marks: Sequence[Mark], fixes: Sequence[InlineFix],
                        inline: bool) -> None:
        """Entity marks and tidy-ups together, with one rebuild."""
        self.marks = sorted(marks, key=lambda m: (m.start, m.end))
        self.fixes = sorted(fixes, key=lambda f: (f.start, f.end))
        self.fixes_inline = inline
        self.rebuild()

    def set_english_visible(self, visible: bool) -> None:
        self.english_visible = visible
        self.rebuild()

    def set_english_notice(self, text: str) -> None:
        """A plain message shown at the top of the English column (e.g. no model)."""
        self.english_notice = text
        self.rebuild()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.rebuild()

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(-6, min(12, steps))
        self.rebuild()

    def set_english(self, sentence_id: int, english: EnglishSentence) -> None:
        """Show one English sentence; only its paragraph's cell is rewritten."""
        self.english[sentence_id] = english
        if not self.english_visible or self._table is None:
            return
        if not 0 <= sentence_id < len(self.sentences):
            return
        self._write_english_cell(self.sentences[sentence_id].paragraph)
        self._refresh_selections()

    def set_english_many(self, english: dict[int, EnglishSentence]) -> None:
        """Show many English sentences, rewriting each touched paragraph cell once."""
        self.english.update(english)
        if not self.english_visible or self._table is None:
            return
        paragraphs = {self.sentences[sid].paragraph for sid in english
                      if 0 <= sid < len(self.sentences)}
        if len(paragraphs) > 8:
            self.rebuild()  # laying the table out once beats one relayout per cell
            return
        block = QTextCursor(self.document())
        block.beginEditBlock()
        for paragraph in sorted(paragraphs):
            self._write_english_cell(paragraph)
        block.endEditBlock()
        self._refresh_selections()

    def rebuild(self) -> None:
        """Rebuild the whole document (article, theme, marks or layout changed)."""
        doc = QTextDocument(self)
        font = QFont(self.font())
        font.setPointSize(BASE_POINT_SIZE + self.zoom)
        doc.setDefaultFont(font)
        doc.setUndoRedoEnabled(False)
        self.rows = []
        self._table = None
        if self.article is None:
            self.setDocument(doc)
            return
        # Fill the document before the view sees it: laying out a visible table after every
        # insert cost ~3 ms per insert and stalled the UI for seconds on long articles.
        cursor = QTextCursor(doc)
        columns = 2 if self.english_visible else 1
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(8)
        fmt.setCellSpacing(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, 100 / columns)] * columns
        )
        paragraphs = self.article.paragraphs
        self.header_runs = None
        if self.article.date_header is not None:
            # The "date YYYY-MM" header is part of the source (and often a tidy-up target),
            # so it is shown, small, above the columns.
            self.header_runs = self._write_source(cursor, 0, self.article.date_header[1],
                                                  "dateline")
            cursor.insertBlock()
        self._table = cursor.insertTable(max(1, len(paragraphs)), columns, fmt)
        cursor.beginEditBlock()
        for para in paragraphs:
            row = RowLayout(para.index)
            self.rows.append(row)
            self._write_french_cell(row)
            if self.english_visible:
                self._write_english_cell(para.index)
        cursor.endEditBlock()
        self.setDocument(doc)  # Qt deletes the previous document: its parent is this view
        self._refresh_selections()

    def _write_french_cell(self, row: RowLayout) -> None:
        assert self.article is not None and self._table is not None
        para = self.article.paragraphs[row.paragraph]
        cursor = self._table.cellAt(para.index, 0).firstCursorPosition()
        row.french = self._write_source(cursor, para.start, para.end, para.kind)

    def _painter(self) -> RunPainter:
        return RunPainter(self.theme, self.zoom, self.hidden_labels, self.fixes_inline)

    def _write_source(self, cursor: QTextCursor, first: int, last: int, kind: str) -> CellRuns:
        """Insert ``source[first:last]`` with its marks and tidy-ups; returns its runs."""
        assert self.article is not None
        return self._painter().write_source(cursor, self.article.source, first, last, kind,
                                            self.marks, self.fixes)

    def _write_english_cell(self, paragraph: int) -> None:
        assert self._table is not None and self.article is not None
        cell = self._table.cellAt(paragraph, 1)
        cursor = cell.firstCursorPosition()
        cursor.beginEditBlock()  # one relayout for the whole cell, not one per insert
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        origin = cursor.position()
        kind = self.article.paragraphs[paragraph].kind
        painter = self._painter()
        base = painter.base_format(kind)
        muted = QTextCharFormat(base)
        muted.setForeground(self.theme.colour("muted"))
        runs = CellRuns()
        first = True
        if paragraph == 0 and self.english_notice:
            notice = QTextCharFormat(muted)
            notice.setFontItalic(True)
            cursor.insertText(self.english_notice, notice)
            cursor.insertBlock()
        for sentence in self._sentences_of(paragraph):
            if not first:
                cursor.insertText(" ", base)
            first = False
            english = self.english.get(sentence.id)
            start = cursor.position() - origin
            if english is None:
                cursor.insertText(self.english_placeholder, muted)
            else:
                painter.insert_english(cursor, english, base)
            runs.add(Run(start, cursor.position() - origin, sentence_id=sentence.id))
        cursor.endEditBlock()
        if len(self.rows) > paragraph:
            self.rows[paragraph].english = runs

    def _sentences_of(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]

    # --- positions -----------------------------------------------------------------------

    def _cell_origin(self, row: int, column: int) -> int:
        assert self._table is not None
        return self._table.cellAt(row, column).firstCursorPosition().position()

    def sentence_at_position(self, pos: int) -> int:
        """Sentence id shown at a document position, or -1."""
        if self._table is None or not self.rows:
            return -1
        cell = self._table.cellAt(pos)
        if not cell.isValid():
            return -1
        row, column = cell.row(), cell.column()
        if row >= len(self.rows):
            return -1
        rel = pos - cell.firstCursorPosition().position()
        if column == 1:
            run = self.rows[row].english.run_at(rel)
            return -1 if run is None or run.sentence_id is None else run.sentence_id
        run = self.rows[row].french.run_at(rel)
        if run is None:
            return -1
        offset = run.source_start if run.source_start is not None else None
        if offset is None:  # an inserted correction: use the text just before it
            prev = [r for r in self.rows[row].french.runs if r.rel_end <= run.rel_start
                    and r.source_start is not None]
            if not prev:
                return -1
            offset = prev[-1].source_start + (prev[-1].rel_end - prev[-1].rel_start) - 1
        else:
            offset += rel - run.rel_start
        return self.sentence_for_offset(offset)

    def sentence_for_offset(self, offset: int) -> int:
        """Sentence id containing a source offset, or -1."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and self.sentences[i].start <= offset <= self.sentences[i].end:
            return self.sentences[i].id
        return -1

    def source_offset_at(self, pos: int) -> int | None:
        """Source offset shown at a document position in the French column."""
        if self._table is None:
            return None
        cell = self._table.cellAt(pos)
        if not cell.isValid() or cell.column() != 0 or cell.row() >= len(self.rows):
            return None
        rel = pos - cell.firstCursorPosition().position()
        return self.rows[cell.row()].french.source_offset(rel)

    def french_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Document range showing the source range (both ends in one paragraph)."""
        if self.article is None or self._table is None:
            return None
        header = self.article.date_header
        if header is not None and self.header_runs is not None and start < header[1]:
            lo = self.header_runs.rel_for_source(start)
            hi = self.header_runs.rel_for_source(min(end, header[1]), end=True)
            return None if lo is None or hi is None else (lo, hi)  # the header starts at 0
        para = self.article.paragraph_at(start)
        if para is None or para.index >= len(self.rows):
            return None
        runs = self.rows[para.index].french
        lo = runs.rel_for_source(start)
        hi = runs.rel_for_source(min(end, para.end), end=True)
        if lo is None or hi is None:
            return None
        origin = self._cell_origin(para.index, 0)
        return origin + lo, origin + hi

    def english_range(self, sentence_id: int) -> tuple[int, int] | None:
        """Document range of one English sentence."""
        if not self.english_visible or self._table is None:
            return None
        if not 0 <= sentence_id < len(self.sentences):
            return None
        row = self.sentences[sentence_id].paragraph
        rng = self.rows[row].english.sentence_range(sentence_id)
        if rng is None:
            return None
        origin = self._cell_origin(row, 1)
        return origin + rng[0], origin + rng[1]

    def english_text(self, sentence_id: int) -> str:
        """Text shown for a sentence in the English column."""
        rng = self.english_range(sentence_id)
        if rng is None:
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(rng[0])
        cursor.setPosition(rng[1], QTextCursor.MoveMode.KeepAnchor)
        return cursor.selectedText()

    # --- highlighting --------------------------------------------------------------------

    def _selection(self, rng: tuple[int, int] | None,
                   colour: QColor) -> QTextEdit.ExtraSelection | None:
        if rng is None:
            return None
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(rng[0])
        cursor.setPosition(rng[1], QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        sel.format = fmt
        return sel

    def _sentence_selections(self, sentence_id: int, colour: QColor) -> list:
        if not 0 <= sentence_id < len(self.sentences):
            return []
        s = self.sentences[sentence_id]
        found = [self._selection(self.french_range(s.start, s.end), colour),
                 self._selection(self.english_range(sentence_id), colour)]
        return [x for x in found if x is not None]

    def _refresh_selections(self) -> None:
        selections = []
        selections += self._sentence_selections(self.current, self.theme.colour("focus"))
        if self.hovered != self.current:
            selections += self._sentence_selections(self.hovered, self.theme.colour("hover"))
        if self._focus_range is not None:
            sel = self._selection(self.french_range(*self._focus_range), self.theme.colour("focus"))
            if sel is not None:
                selections.append(sel)
        self.setExtraSelections(selections)

    def set_hovered(self, sentence_id: int) -> None:
        if sentence_id != self.hovered:
            self.hovered = sentence_id
            self._refresh_selections()
            self.sentence_hovered.emit(sentence_id)

    def set_current(self, sentence_id: int, scroll: bool = True) -> None:
        """Make a sentence the current one (focus colour) and scroll it into view."""
        self.current = sentence_id
        self._focus_range = None
        self._refresh_selections()
        if scroll and 0 <= sentence_id < len(self.sentences):
            s = self.sentences[sentence_id]
            self._scroll_to(self.french_range(s.start, s.end))

    def next_sentence(self) -> None:
        if self.sentences:
            self.set_current(min(len(self.sentences) - 1, self.current + 1))

    def previous_sentence(self) -> None:
        if self.sentences:
            self.set_current(max(0, self.current - 1))

    def reveal_source(self, start: int, end: int) -> bool:
        """Scroll to a source range and mark it (an entity mention, a quote, a tidy-up)."""
        rng = self.french_range(start, end)
        if rng is None:
            return False
        self._focus_range = (start, end)
        self._refresh_selections()
        self._scroll_to(rng)
        return True

    def _scroll_to(self, rng: tuple[int, int] | None) -> None:
        if rng is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(rng[1])
        self.setTextCursor(cursor)
        cursor.setPosition(rng[0])
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def visible_paragraphs(self) -> list[int]:
        """Paragraph rows at least partly visible in the viewport, top to bottom."""
        if self._table is None:
            return []
        top = self.cursorForPosition(self.viewport().rect().topLeft()).position()
        bottom = self.cursorForPosition(self.viewport().rect().bottomRight()).position()
        rows = set()
        for pos in (top, bottom):
            cell = self._table.cellAt(pos)
            if cell.isValid():
                rows.add(cell.row())
        if not rows:
            return [0] if self.rows else []
        return list(range(min(rows), max(rows) + 1))

    # --- events --------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.viewport():
            if event.type() == QEvent.Type.MouseMove:
                pos = self.cursorForPosition(event.position().toPoint()).position()
                self.set_hovered(self.sentence_at_position(pos))
            elif event.type() == QEvent.Type.Leave:
                self.set_hovered(-1)
            elif event.type() == QEvent.Type.ToolTip:
                cursor = self.cursorForPosition(event.pos())
                tip = cursor.charFormat().toolTip()
                if tip:
                    QToolTip.showText(event.globalPos(), tip, self)
                else:
                    QToolTip.hideText()
                return True
        return super().eventFilter(obj, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            pos = self.cursorForPosition(event.position().toPoint()).position()
            sid = self.sentence_at_position(pos)
            offset = self.source_offset_at(pos)
            if offset is not None:
                self.source_clicked.emit(offset)
            if sid >= 0:
                self.current = sid
                self._focus_range = None
                self._refresh_selections()
                self.sentence_activated.emit(sid)
