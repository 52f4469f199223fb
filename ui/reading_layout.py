"""Where each piece of an article sits in the reading document, and the map back to the text.

The reading view writes every paragraph into one cell of a two-column table. A cell is made
of *runs*; each run remembers what it shows (a range of the French source, or a part of one
English sentence), so a mouse position maps back to a sentence and a sentence maps forward to
document positions for highlighting. Positions in runs are relative to the start of their
cell, so rewriting one cell (a new English sentence) never invalidates the others.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of a cell: ``[rel_start, rel_end)`` inside the cell.

    French runs carry ``source_start`` (offset of their first character in the source) or
    None for inserted text (a tidy-up replacement). English runs carry ``sentence_id``.
    """

    rel_start: int
    rel_end: int
    source_start: int | None = None
    sentence_id: int | None = None
    replaces: tuple[int, int] | None = None  # a correction: the source range it replaces


@dataclass
class CellRuns:
    """The runs of one cell, in order."""

    runs: list[Run] = field(default_factory=list)

    def add(self, run: Run) -> None:
        self.runs.append(run)

    def run_at(self, rel: int) -> Run | None:
        """The run covering the relative position (the previous run at its end)."""
        starts = [r.rel_start for r in self.runs]
        i = bisect.bisect_right(starts, rel) - 1
        if i < 0:
            return None
        run = self.runs[i]
        if rel <= run.rel_end:
            return run
        return None

    def source_offset(self, rel: int) -> int | None:
        """The source offset shown at a relative position of a French cell."""
        run = self.run_at(rel)
        if run is None or run.source_start is None:
            return None
        return run.source_start + (rel - run.rel_start)

    def rel_for_source(self, offset: int, end: bool = False) -> int | None:
        """Relative position of a source offset in a French cell (None if not shown)."""
        for run in self.runs:
            if run.source_start is None:
                continue
            length = run.rel_end - run.rel_start
            lo, hi = run.source_start, run.source_start + length
            if lo <= offset < hi or (end and offset == hi):
                return run.rel_start + (offset - lo)
        return None

    def sentence_range(self, sentence_id: int) -> tuple[int, int] | None:
        """Relative range of an English sentence in this cell."""
        hits = [r for r in self.runs if r.sentence_id == sentence_id]
        if not hits:
            return None
        return hits[0].rel_start, hits[-1].rel_end


@dataclass
class RowLayout:
    """Runs of the French and English cells of one paragraph row."""

    paragraph: int
    french: CellRuns = field(default_factory=CellRuns)
    english: CellRuns = field(default_factory=CellRuns)
