"""Standoff spans over an immutable source text, and the offset map to an edited working text.

The source text of an article never changes. Everything the app knows about it (sentences,
entities, quotes, tidy-up suggestions, user highlights) is a :class:`Span` over that text. When
tidy-ups are accepted, an :class:`OffsetMap` turns the source into the *working text* that the
translator sees, and carries offsets between the two in both directions so nothing is lost.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of a text, with a kind and optional label/payload."""

    start: int
    end: int
    kind: str
    label: str = ""
    payload: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        """The covered text of ``source``."""
        return source[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character (or are the same empty point)."""
        if self.start == self.end or other.start == other.end:
            return self.start == other.start or (
                other.start < self.start < other.end or self.start < other.start < self.end
            )
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """True when ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` with ``replacement`` (an accepted tidy-up)."""

    start: int
    end: int
    replacement: str


class OffsetMap:
    """Maps offsets between a source text and the working text made by applying edits.

    Edits must not overlap; they are applied together. Positions inside an edited region map
    to the region's start (``side="start"``) or end (``side="end"``) on the other side, so a
    span that covers an edit grows or shrinks with it and never points outside the text.
    """

    def __init__(self, source: str, edits: Iterable[Edit] = ()) -> None:
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        for a, b in zip(ordered, ordered[1:], strict=False):
            if b.start < a.end:
                raise ValueError(f"overlapping edits at {a.start}-{a.end} and {b.start}-{b.end}")
        for e in ordered:
            if not 0 <= e.start <= e.end <= len(source):
                raise ValueError(f"edit [{e.start}, {e.end}) outside the text")
        self.source = source
        self.edits: tuple[Edit, ...] = tuple(ordered)
        pieces: list[str] = []
        self._src_starts: list[int] = []
        self._src_ends: list[int] = []
        self._work_starts: list[int] = []
        self._work_ends: list[int] = []
        cursor = 0
        work_len = 0
        for e in ordered:
            pieces.append(source[cursor : e.start])
            work_len += e.start - cursor
            self._src_starts.append(e.start)
            self._src_ends.append(e.end)
            self._work_starts.append(work_len)
            pieces.append(e.replacement)
            work_len += len(e.replacement)
            self._work_ends.append(work_len)
            cursor = e.end
        pieces.append(source[cursor:])
        self.working = "".join(pieces)

    def _map(
        self, pos: int, starts: list[int], ends: list[int], o_starts: list[int],
        o_ends: list[int], limit: int, side: str,
    ) -> int:
        if not 0 <= pos <= limit:
            raise ValueError(f"offset {pos} outside [0, {limit}]")
        if side == "start":
            # The first edit starting at or after pos decides; at its edge we stay before it.
            i = bisect.bisect_left(starts, pos)
            if i < len(starts) and starts[i] == pos:
                return o_starts[i]
            i -= 1
            if i < 0:
                return pos
            if pos < ends[i]:
                return o_starts[i]  # inside an edited region: snap to its start
            return o_ends[i] + (pos - ends[i])
        # side == "end": the last edit starting at or before pos decides.
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        if starts[i] < pos < ends[i] or starts[i] == ends[i] == pos:
            return o_ends[i]  # inside an edited region, or after an insertion at pos
        if pos == starts[i]:
            return o_starts[i]
        return o_ends[i] + (pos - ends[i])

    def to_working(self, pos: int, side: str = "start") -> int:
        """Map a source offset to the working text."""
        return self._map(pos, self._src_starts, self._src_ends, self._work_starts,
                         self._work_ends, len(self.source), side)

    def to_source(self, pos: int, side: str = "start") -> int:
        """Map a working-text offset back to the source."""
        return self._map(pos, self._work_starts, self._work_ends, self._src_starts,
                         self._src_ends, len(self.working), side)

    def span_to_working(self, span: Span) -> Span:
        """The span's image in the working text (widened over any edit it touches)."""
        start = self.to_working(span.start, "start")
        end = max(start, self.to_working(span.end, "end"))
        return Span(start, end, span.kind, span.label, span.payload)

    def span_to_source(self, span: Span) -> Span:
        """The span's image in the source text (widened over any edit it touches)."""
        start = self.to_source(span.start, "start")
        end = max(start, self.to_source(span.end, "end"))
        return Span(start, end, span.kind, span.label, span.payload)

    def working_slice(self, start: int, end: int) -> str:
        """Working text of the source range ``[start, end)``."""
        return self.working[self.to_working(start, "start") : self.to_working(end, "end")]
