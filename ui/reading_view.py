"""The reading view: French on the left, English on the right, one row per paragraph.

Both columns live in one ``QTextDocument`` table, so paragraph rows stay aligned and the two
columns scroll together by construction. Text is always inserted as plain text through
``QTextCursor``; nothing from an article is ever parsed as markup. Hovering a sentence
highlights it and its counterpart (via extra selections, without touching the document);
a new English sentence rewrites only its own cell.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.nlp import Sentence
from reader.render import (
    LAYERS,
    EnglishRender,
    RenderModel,
    RenderOptions,
    build_render,
    english_render,
)
from reader.session import ArticleSession
from ui.reading_layout import CellRuns, RowLayout, Run
from ui.reading_positions import ReadingPositions
from ui.run_painter import BASE_POINT_SIZE, RunPainter
from ui.theme import Theme

MIN_ZOOM, MAX_ZOOM = -4, 12
STALE_TIP = ("Your edit was written for the French before a tidy-up changed it. "
             "Right-click: keep it for the new French, or retranslate.")


class ReadingView(ReadingPositions, QTextBrowser):
    """Aligned bilingual reading view of one :class:`ArticleSession`.

    What each stretch of text shows comes from the session's render model; this view paints
    it and maps screen positions back to the source and to sentences.

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
        self.session: ArticleSession | None = None
        self.english_visible = True
        self.english_placeholder = "…"
        self.english_notice = ""
        self.hidden_labels: set[str] = set()
        self.layers: set[str] = set(LAYERS) - {"quotes", "current"}
        self.fixes_inline = True
        self.zoom = 0
        self.rows: list[RowLayout] = []
        self._table: QTextTable | None = None
        self.hovered = -1
        self.current = -1
        self._focus_range: tuple[int, int] | None = None
        self.header_runs: CellRuns | None = None
        self.model: RenderModel | None = None

    # --- content -------------------------------------------------------------------------



    def show_session(self, session: ArticleSession | None) -> None:
        """Show an article session; sentences, analysis and English may come later."""
        self.session = session
        self.hovered = self.current = -1
        self._focus_range = None
        self.rebuild()

    def options(self) -> RenderOptions:
        """The layers this view draws (the current sentence is an overlay, not a layer)."""
        return RenderOptions(frozenset(self.layers), frozenset(self.hidden_labels),
                             self.fixes_inline, self.english_visible)

    def set_hidden_labels(self, labels: set[str]) -> None:
        self.hidden_labels = set(labels)
        self.rebuild()

    def set_fixes_inline(self, inline: bool) -> None:
        self.fixes_inline = inline
        self.rebuild()

    def set_english_visible(self, visible: bool) -> None:
        self.english_visible = visible
        self.rebuild()

    def set_english_notice(self, text: str) -> None:
        """A plain message shown at the top of the English column (e.g. no model)."""
        if text != self.english_notice:
            self.english_notice = text
            self.rebuild()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.rebuild()

    def set_zoom(self, steps: int) -> None:
        """Zoom in steps of one point, clamped to sizes that stay readable."""
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self.rebuild()

    def refresh_english(self, sentence_ids: set[int] | frozenset[int]) -> None:
        """Redraw the English of some sentences, rewriting each touched paragraph once."""
        if not self.english_visible or self._table is None:
            return
        paragraphs = {self.sentences[sid].paragraph for sid in sentence_ids
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

    def rebuild(self, keep_place: bool = True) -> None:
        """Rebuild the whole document from the render model; the reader's place is kept."""
        anchor = self._reading_anchor() if keep_place else None
        doc = QTextDocument(self)
        font = QFont(self.font())
        font.setPointSize(BASE_POINT_SIZE + self.zoom)
        doc.setDefaultFont(font)
        doc.setUndoRedoEnabled(False)
        self.rows = []
        self._table = None
        if self.session is None:
            self.setDocument(doc)
            return
        model = self.model = build_render(self.session, self.options())
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
        painter = self._painter()
        self.header_runs = None
        if model.header:
            # The "date YYYY-MM" header is part of the source (and often a tidy-up target):
            # shown small, indented like the body text, above the columns.
            block = cursor.blockFormat()
            block.setLeftMargin(fmt.cellPadding())
            cursor.setBlockFormat(block)
            self.header_runs = painter.write_french(cursor, model.header, "dateline")
            cursor.insertBlock()
            plain = cursor.blockFormat()
            plain.setLeftMargin(0)
            cursor.setBlockFormat(plain)
        self._table = cursor.insertTable(max(1, len(model.paragraphs)), columns, fmt)
        cursor.beginEditBlock()
        for para in model.paragraphs:
            row = RowLayout(para.index)
            self.rows.append(row)
            cell = self._table.cellAt(para.index, 0).firstCursorPosition()
            row.french = painter.write_french(cell, para.french, para.kind)
            if self.english_visible:
                self._write_english_cell(para.index, para.english)
        cursor.endEditBlock()
        self.setDocument(doc)  # Qt deletes the previous document: its parent is this view
        self._refresh_selections()
        if anchor is not None:
            self._restore_anchor(anchor)

    def _painter(self) -> RunPainter:
        return RunPainter(self.theme, self.zoom, self.fixes_inline)

    def _write_english_cell(self, paragraph: int,
                            english: tuple[EnglishRender, ...] | None = None) -> None:
        assert self._table is not None and self.session is not None
        if english is None:
            options = self.options()
            english = tuple(english_render(self.session, s.id, options, self._english_notes())
                            for s in self._sentences_of(paragraph))
        cell = self._table.cellAt(paragraph, 1)
        cursor = cell.firstCursorPosition()
        cursor.beginEditBlock()  # one relayout for the whole cell, not one per insert
        cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        origin = cursor.position()
        kind = self.session.article.paragraphs[paragraph].kind
        painter = self._painter()
        base = painter.base_format(kind)
        runs = CellRuns()
        if paragraph == 0 and self.english_notice:
            notice = QTextCharFormat(base)
            notice.setForeground(self.theme.colour("muted"))
            notice.setFontItalic(True)
            cursor.insertText(self.english_notice, notice)
            cursor.insertBlock()
        for i, sentence in enumerate(english):
            if i:
                cursor.insertText(" ", base)
            start = cursor.position() - origin
            painter.write_english(cursor, sentence, self.english_placeholder, base, STALE_TIP)
            runs.add(Run(start, cursor.position() - origin, sentence_id=sentence.sentence_id))
        cursor.endEditBlock()
        if len(self.rows) > paragraph:
            self.rows[paragraph].english = runs

    def _english_notes(self) -> dict[int, list]:
        from reader.render import number_notes

        if self.session is None or "notes" not in self.layers:
            return {}
        found: dict[int, list] = {}
        for ref in number_notes(self.session):
            if ref.annotation.side == "en" and ref.sentence_id is not None:
                found.setdefault(ref.sentence_id, []).append(ref)
        return found

    def _sentences_of(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]

    # --- the reader's place --------------------------------------------------------------

    def _reading_anchor(self) -> tuple[int, int] | None:
        """Source offset at the top of the viewport and its distance from the top."""
        if self._table is None or self.verticalScrollBar().value() == 0:
            return None
        top = self.cursorForPosition(self.viewport().rect().topLeft() + QPoint(12, 4))
        offset = self.source_offset_at(top.position())
        if offset is None:
            return None
        return offset, self.cursorRect(top).top()

    def _restore_anchor(self, anchor: tuple[int, int]) -> None:
        offset, y = anchor
        rng = self.french_range(offset, offset + 1)
        if rng is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(rng[0])
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - y)


    def reveal_english(self, sentence_id: int) -> bool:
        """Scroll to a sentence's English and mark it."""
        rng = self.english_range(sentence_id)
        if rng is None:
            return False
        self.set_current(sentence_id, scroll=False)
        self._scroll_to(rng)
        return True

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

    def _overlay(self, key: str) -> QColor:
        """A sentence overlay colour, translucent so highlights and entities show through."""
        colour = self.theme.colour(key)
        colour.setAlpha(130)
        return colour

    def _refresh_selections(self) -> None:
        selections = []
        selections += self._sentence_selections(self.current, self._overlay("focus"))
        if self.hovered != self.current:
            selections += self._sentence_selections(self.hovered, self._overlay("hover"))
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
        """Bring a document range to the middle of the viewport (as editors do for "find
        next"), unless it is already comfortably visible."""
        if rng is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(rng[0])
        first = self.cursorRect(cursor)
        cursor.setPosition(rng[1])
        last = self.cursorRect(cursor)
        height = self.viewport().height()
        margin = height // 6
        if first.top() >= margin and last.bottom() <= height - margin:
            return
        middle = (first.top() + last.bottom()) // 2
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + middle - height // 2)

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
            if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseMove:
                pos = self.cursorForPosition(event.position().toPoint()).position()
                self.set_hovered(self.sentence_at_position(pos))
            elif event.type() == QEvent.Type.Leave:
                self.set_hovered(-1)
            elif isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip:
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
