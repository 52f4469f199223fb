"""Breaking styled text into lines of a given width, for the PDF exporter.

The exporter lays out text itself (rather than with a flowing-paragraph engine) because it
must know where every word lands: a user highlight becomes a native PDF ``/Highlight`` whose
QuadPoints cover exactly its words, and the two columns are aligned paragraph by paragraph.

Text arrives as :class:`Piece` objects (a stretch of one style); :func:`break_lines` cuts
them into lines of :class:`Placed` pieces at ordinary spaces only, so a no-break space keeps
« guillemets » and ``:`` with their word, as French typography wants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

BREAKABLE = re.compile(r"[ \t\n]+|[^ \t\n]+")


@dataclass(frozen=True)
class Style:
    """How a stretch of text is drawn.

    ``background``: fill behind the text (entity tint or highlight colour); ``strike`` and
    ``underline``: colour of a line through or under the text; ``rise``: raised text (note
    markers). Colours are ``#rrggbb``.
    """

    font: str
    size: float
    colour: str = "#1f1d1a"
    background: str = ""
    strike: str = ""
    underline: str = ""
    dashed: bool = False
    rise: float = 0.0


@dataclass(frozen=True)
class Piece:
    """Text in one style; ``highlights`` are the user annotations (ids) drawn on it."""

    text: str
    style: Style
    highlights: tuple[int, ...] = ()


@dataclass(frozen=True)
class Placed:
    """A piece set on a line: ``x`` from the start of the column, ``width`` in points."""

    piece: Piece
    x: float
    width: float


Line = list[Placed]
Measure = Callable[[str, str, float], float]


class WidthCache:
    """String widths, measured once per (text, font, size)."""

    def __init__(self, measure: Measure) -> None:
        self.measure = measure
        self._known: dict[tuple[str, str, float], float] = {}

    def __call__(self, text: str, style: Style) -> float:
        key = (text, style.font, style.size)
        width = self._known.get(key)
        if width is None:
            width = self.measure(text, style.font, style.size)
            self._known[key] = width
        return width


def _words(pieces: Sequence[Piece]) -> list[tuple[list[Piece], list[Piece]]]:
    """Words (runs of non-space pieces, possibly in several styles) with the space after."""
    words: list[tuple[list[Piece], list[Piece]]] = []
    body: list[Piece] = []
    gap: list[Piece] = []
    for piece in pieces:
        for m in BREAKABLE.finditer(piece.text):
            text = m.group()
            if text[0] in " \t\n":
                gap.append(Piece(" ", piece.style, piece.highlights))
            else:
                part = Piece(text, piece.style, piece.highlights)
                if gap:
                    words.append((body, gap))
                    body, gap = [], []
                body.append(part)
    if body or gap:
        words.append((body, gap))
    return words


def _split_long(body: list[Piece], width: WidthCache, room: float) -> list[list[Piece]]:
    """A word wider than a whole line, cut by characters (long URLs, handles)."""
    chunks: list[list[Piece]] = [[]]
    used = 0.0
    for piece in body:
        start = 0
        for i, ch in enumerate(piece.text):
            w = width(ch, piece.style)
            if used + w > room and (chunks[-1] or i > start):
                if i > start:
                    chunks[-1].append(replace(piece, text=piece.text[start:i]))
                chunks.append([])
                start, used = i, 0.0
            used += w
        if start < len(piece.text):
            chunks[-1].append(replace(piece, text=piece.text[start:]))
    return [c for c in chunks if c]


def break_lines(pieces: Sequence[Piece], room: float, width: WidthCache) -> list[Line]:
    """Greedy line breaking of ``pieces`` into lines at most ``room`` points wide.

    Spaces at the end of a line are dropped; adjacent pieces of the same style and
    highlights are merged so each line is drawn with few font changes.
    """
    lines: list[Line] = [[]]
    x = 0.0
    for body, gap in _words(pieces):
        w = sum(width(p.text, p.style) for p in body)
        if body and x + w > room and lines[-1]:
            lines.append([])
            x = 0.0
        parts = [body] if w <= room else _split_long(body, width, room)
        for n, part in enumerate(parts):
            if n:
                lines.append([])
                x = 0.0
            for p in part:
                pw = width(p.text, p.style)
                lines[-1].append(Placed(p, x, pw))
                x += pw
        for p in gap:
            pw = width(p.text, p.style)
            if x + pw <= room and lines[-1]:
                lines[-1].append(Placed(p, x, pw))
                x += pw
    for line in lines:
        while line and not line[-1].piece.text.strip():
            line.pop()
    return [_merged(line) for line in lines if line]


def _merged(line: Line) -> Line:
    out: Line = []
    for placed in line:
        last = out[-1] if out else None
        if (last is not None and last.piece.style == placed.piece.style
                and last.piece.highlights == placed.piece.highlights
                and abs(last.x + last.width - placed.x) < 0.01):
            joined = Piece(last.piece.text + placed.piece.text, last.piece.style,
                           last.piece.highlights)
            out[-1] = Placed(joined, last.x, last.width + placed.width)
        else:
            out.append(placed)
    return out
