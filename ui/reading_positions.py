"""Where things are in the reading document: positions ↔ source offsets and sentences.

The reading view writes each paragraph into one cell of a two-column table and records the
runs of every cell (:mod:`ui.reading_layout`). This mixin answers the questions the view and
its controllers ask of those runs: which sentence is under the mouse, which source offset a
position shows, what a selection covers, where a source range or an English sentence is.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor, QTextDocument, QTextTable

from reader.article import Article
from reader.nlp import Sentence
from reader.session import ArticleSession
from ui.reading_layout import CellRuns, RowLayout


class ReadingPositions:
    """Position look-ups over the table cells of the reading view (mixed into it)."""

    _table: QTextTable | None
    rows: list[RowLayout]
    session: ArticleSession | None
    english_visible: bool
    header_runs: CellRuns | None

    @property
    def article(self) -> Article | None:
        """The article shown."""
        return None if self.session is None else self.session.article

    @property
    def sentences(self) -> list[Sentence]:
        """The shown article's sentences (empty until known)."""
        return [] if self.session is None else self.session.sentences

    if TYPE_CHECKING:  # provided by QTextBrowser, which the view also derives from
        def document(self) -> QTextDocument: ...
        def textCursor(self) -> QTextCursor: ...  # noqa: N802

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
            if not prev or prev[-1].source_start is None:
                return -1
            offset = prev[-1].source_start + (prev[-1].rel_end - prev[-1].rel_start) - 1
        else:
            offset += rel - run.rel_start
        return self.sentence_for_offset(offset)

    def sentence_for_offset(self, offset: int) -> int:
        """Sentence id containing a source offset, or -1."""
        sentences = self.sentences
        i = bisect.bisect_right([s.start for s in sentences], offset) - 1
        if i >= 0 and sentences[i].start <= offset <= sentences[i].end:
            return sentences[i].id
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

    def _source_near(self, pos: int, end: bool) -> int | None:
        """Source offset at a French position; on inserted text (a correction, a marker) the
        nearest source text before (for an end) or after (for a start)."""
        cell = self._table.cellAt(pos) if self._table is not None else None
        if cell is None or not cell.isValid() or cell.column() != 0:
            return None
        if cell.row() >= len(self.rows):
            return None
        runs = self.rows[cell.row()].french.runs
        rel = pos - cell.firstCursorPosition().position()
        for run in runs:  # inside a correction: the source words it replaces
            if run.replaces is not None and run.rel_start <= rel <= run.rel_end \
                    and (rel != run.rel_start or not end) and (rel != run.rel_end or end):
                return run.replaces[1] if end else run.replaces[0]
        ordered = runs if not end else list(reversed(runs))
        for run in ordered:
            if run.source_start is None:
                continue
            if run.rel_start <= rel <= run.rel_end:
                return run.source_start + (rel - run.rel_start)
            if (not end and run.rel_start >= rel) or (end and run.rel_end <= rel):
                return run.source_start if not end else run.source_start + (
                    run.rel_end - run.rel_start)
        return None

    def selection_anchor(self) -> tuple[str, int, int, int] | str:
        """What the selection covers: ``("fr", -1, start, end)`` in source offsets,
        ``("en", sentence_id, start, end)`` in that sentence's English, or a message saying
        why it cannot be highlighted."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self._table is None or self.session is None:
            return "Select some text first."
        if cursor.hasComplexSelection():  # a selection across table cells
            return "Select text in one column: French or English."
        lo, hi = cursor.selectionStart(), cursor.selectionEnd()
        first, last = self._table.cellAt(lo), self._table.cellAt(max(lo, hi - 1))
        if not first.isValid() or not last.isValid():
            return "Select text inside the article."
        if first.column() != last.column():
            return "Select text in one column: French or English."
        if first.column() == 0:
            start, end = self._source_near(lo, end=False), self._source_near(hi, end=True)
            if start is None or end is None or end <= start:
                return "That selection holds no text of the article."
            return "fr", -1, start, end
        sid = self.sentence_at_position(lo)
        if sid < 0 or sid != self.sentence_at_position(max(lo, hi - 1)):
            return "Select English within one sentence."
        shown = self.session.english_of(sid)
        rng = self.english_range(sid)
        if shown is None or rng is None:
            return "This sentence has no English yet."
        start = max(0, lo - rng[0])
        end = min(len(shown.text), hi - rng[0])
        if end <= start:
            return "That selection holds no English text."
        return "en", sid, start, end

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
