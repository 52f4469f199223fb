"""Pages of the PDF: lines set at positions, filled top to bottom, two columns at a time.

:class:`Composer` places full-width blocks (header, notes, appendices) and paragraph rows:
French on the left, English on the right, both starting at the same height. A row longer
than the room left on a page is split at the same line count in both columns and carried on
at the top of the next page, so paragraph alignment survives page breaks. Coordinates here
run from the top of the page down; the drawing step turns them into PDF coordinates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reader.export.lines import Line

FULL = -1  # a line across the page (not in a column)
BASELINE = 0.76  # where the baseline sits within a line's slot, as a share of the leading


@dataclass(frozen=True)
class PlacedLine:
    """One line on a page: ``x`` of its start, ``baseline`` from the page top, ``column``
    0 (French, with the paragraph numbers), 1 (English) or :data:`FULL`."""

    line: Line
    x: float
    baseline: float
    column: int = FULL


@dataclass
class Page:
    """Everything set on one page, in the order it was placed."""

    number: int
    lines: list[PlacedLine] = field(default_factory=list)
    rules: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    figures: list[tuple[Any, float, float]] = field(default_factory=list)  # drawing, x, top

    def reading_order(self) -> list[PlacedLine]:
        """Lines in reading order: within each stretch of paragraph rows, the whole French
        column first, then the English one; full-width lines where they stand."""
        out: list[PlacedLine] = []
        stretch: list[PlacedLine] = []
        for placed in self.lines + [PlacedLine([], 0, 0, FULL)]:
            if placed.column == FULL:
                out.extend(sorted(stretch, key=lambda p: p.column))
                stretch = []
                if placed.line:
                    out.append(placed)
            else:
                stretch.append(placed)
        return out


@dataclass(frozen=True)
class Frame:
    """The printable area of a page."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def inner(self) -> float:
        """Width between the side margins."""
        return self.width - self.left - self.right


class Composer:
    """Fills pages from the top; ``on_new_page`` may add lines at the top of every page
    after the first (column titles, for instance)."""

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.pages: list[Page] = [Page(1)]
        self.y = frame.top
        self.on_new_page: Callable[[Composer], None] | None = None

    @property
    def page(self) -> Page:
        """The page being filled."""
        return self.pages[-1]

    @property
    def room(self) -> float:
        """Height left on the current page."""
        return self.frame.height - self.frame.bottom - self.y

    def new_page(self) -> None:
        """Start a new page."""
        self.pages.append(Page(len(self.pages) + 1))
        self.y = self.frame.top
        if self.on_new_page is not None:
            self.on_new_page(self)

    def ensure(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one."""
        if height > self.room and self.y > self.frame.top:
            self.new_page()

    def space(self, height: float) -> None:
        """Vertical space (dropped at the top of a page)."""
        if self.y > self.frame.top:
            self.y = min(self.y + height, self.frame.height - self.frame.bottom)

    def rule(self, colour: str = "#c9c4bb") -> None:
        """A thin line across the page at the cursor."""
        f = self.frame
        self.page.rules.append((f.left, self.y, f.width - f.right, self.y, colour))

    def figure(self, drawing: Any, x: float) -> None:
        """A figure (a ReportLab drawing) at the cursor, moved to a new page if it does not
        fit."""
        self.ensure(float(drawing.height))
        self.page.figures.append((drawing, x, self.y))
        self.y += float(drawing.height)

    def block(self, lines: list[Line], x: float, leading: float) -> None:
        """Full-width lines, breaking across pages between lines."""
        for line in lines:
            if leading > self.room:
                self.new_page()
            self.page.lines.append(PlacedLine(line, x, self.y + leading * BASELINE))
            self.y += leading

    def row(self, columns: list[tuple[float, list[Line]]], leading: float,
            gutter: tuple[float, Line, Line] | None = None) -> None:
        """Columns of lines side by side, all starting at the same height.

        ``columns``: ``(x, lines)`` per column. ``gutter``: ``(x, first, continued)``, the
        paragraph number set beside the first line on each page the row touches.
        """
        done = 0
        total = max((len(lines) for _x, lines in columns), default=0)
        first = True
        while done < total:
            fits = int(self.room // leading)
            left = total - done
            if fits < min(left, 2) and self.y > self.frame.top:
                self.new_page()
                continue
            take = max(1, min(fits, left))
            if 0 < left - take < 2 and take > 2:
                take -= 1  # no lone line at the top of the next page
            top = self.y
            if gutter is not None:
                gx, head, more = gutter
                self.page.lines.append(PlacedLine(head if first else more, gx,
                                                  top + leading * BASELINE, 0))
            for column, (x, lines) in enumerate(columns):
                for n, line in enumerate(lines[done:done + take]):
                    self.page.lines.append(PlacedLine(line, x, top + (n + BASELINE) * leading,
                                                      column))
            done += take
            self.y = top + take * leading
            first = False
            if done < total:
                self.new_page()
