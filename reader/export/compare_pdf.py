"""The comparison of two articles on one event as a one-page PDF (two columns, one per article).

Each section of :class:`reader.compare.Comparison` (entities, speakers, sources, dates,
figures) lists what both articles share, then what only one gives, side by side. Written by
the same page composer and fonts as the annotated PDF.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.compare import Comparison, Section
from reader.export.appendix import Flow
from reader.export.draw import Running, draw_pdf
from reader.export.files import check_target, write_atomically
from reader.export.fonts import register_fonts
from reader.export.lines import Piece, WidthCache, break_lines
from reader.export.pages import Composer
from reader.export.pdf import columns_for, frame_for, string_width
from reader.render import RenderModel
from reader.session import ArticleSession

SIZE = 7.6
LEADING = 9.6


def _describe(section_name: str) -> Callable[[Any], str]:
    return {
        "entities": lambda e: f"{e.name} ({e.label}, ×{e.count})",
        "speakers": lambda v: f"{v.name} ({v.kind}, {v.quotes} quotes, {v.words} words)",
        "sources": lambda r: f"{r.name} ({r.kind}, ×{r.citations})",
        "dates": lambda d: f"{', '.join(d.texts)}",
        "figures": lambda f: f"{f.text}" + (f" ({f.qualifier})" if f.qualifier else ""),
    }[section_name]


def _column(flow: Flow, items: list[str], width: float) -> list[Any]:
    """The items as one flowing paragraph, so the comparison fits on one page."""
    style = flow.styles(SIZE).base()
    dot = flow.styles(SIZE, colour="#9e978c").base()
    pieces: list[Piece] = []
    for item in items or ["—"]:
        if pieces:
            pieces.append(Piece("  ·  ", dot))
        pieces.append(Piece(item.replace(" ", "\u00a0") if len(item) < 40 else item, style))
    return break_lines(pieces, width, flow.width)


def _section(flow: Flow, title: str, section: Section[Any], describe: Callable[[Any], str],
             columns: list[tuple[float, float]]) -> None:
    flow.heading(title)
    (x_left, w_left), (x_right, w_right) = columns
    muted = flow.styles(SIZE, italic=True, colour="#5b554d").base()
    if section.both:
        flow.text([Piece(f"In both ({len(section.both)}): ", muted)], LEADING)
        both = [f"{describe(p.left)} = {describe(p.right)}" + (
            f"  [{p.how}]" if p.how and p.how != "same name" else "") for p in section.both]
        flow.composer.row([(x_left, _column(flow, both, w_left + w_right + 16))], LEADING)
    flow.text([Piece("Only in one:", muted)], LEADING)
    flow.composer.row([(x_left, _column(flow, [describe(x) for x in section.only_left],
                                        w_left)),
                       (x_right, _column(flow, [describe(x) for x in section.only_right],
                                         w_right))], LEADING)


def comparison_bytes(left: ArticleSession, right: ArticleSession, comparison: Comparison,
                     paper: str = "a4") -> bytes:
    """The comparison as PDF bytes."""
    fonts = register_fonts()
    frame = frame_for(paper)
    model = RenderModel(f"{comparison.left_title} / {comparison.right_title}", (), [])
    flow = Flow(Composer(frame), fonts, WidthCache(string_width), left, model, False)
    flow.text([Piece("Two articles compared", flow.styles(15, bold=True).base())], 19)
    columns = columns_for(frame, False)
    head = flow.styles(9, bold=True, colour="#1d4f91").base()
    flow.composer.row([(x, break_lines([Piece(f"{side}: {title}", head)], w, flow.width))
                       for (x, w), side, title in zip(
                           columns, ("Left", "Right"),
                           (comparison.left_title, comparison.right_title), strict=True)],
                      11.5)
    for name, title in (("entities", "Who and what is named"), ("speakers", "Who is quoted"),
                        ("sources", "On whose word (sources)"), ("dates", "Dates"),
                        ("figures", "Figures")):
        _section(flow, title, getattr(comparison, name), _describe(name), columns)
    running = Running("Two articles compared", footer=f"{left.article.id} · {right.article.id}")
    return draw_pdf(flow.composer.pages, frame, fonts, running, {},
                    subject="Comparison of two articles on one event")


def export_comparison(left: ArticleSession, right: ArticleSession, comparison: Comparison,
                      path: str | os.PathLike[str], paper: str = "a4") -> Path:
    """Write the comparison PDF (atomically) and return its path."""
    target = check_target(path)
    return write_atomically(target, comparison_bytes(left, right, comparison, paper))
