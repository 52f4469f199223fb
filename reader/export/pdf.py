"""The annotated bilingual PDF of one article session.

Everything on the page comes from :func:`reader.render.build_render`, the model the reading
view paints: French and English in two columns aligned by paragraph, numbered ``§1…`` so a
teacher can cite them, with the layers the reader chose (entities with a legend, highlights,
numbered note markers whose text is listed as endnotes, tidy-ups struck then corrected).
Appendices list the quotes, the sources cited and the tidy-ups. Every user highlight is also
a native PDF ``/Highlight`` annotation (see :mod:`reader.export.draw`).

The app's export dialog and ``python -m reader export`` both call :func:`export_pdf`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from reader.annotations import COLOURS
from reader.export.appendix import Flow, appendices, endnotes, legend
from reader.export.draw import HighlightNote, Running, draw_pdf
from reader.export.files import ExportCancelled, check_target, write_atomically
from reader.export.fonts import register_fonts
from reader.export.lines import Piece, WidthCache, break_lines
from reader.export.pages import Composer, Frame
from reader.export.styles import TextStyles
from reader.export.voices_figure import voices_section
from reader.render import LAYERS, EnglishRender, ParagraphRender, RenderOptions, build_render
from reader.session import ArticleSession

PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
PDF_LAYERS = tuple(layer for layer in LAYERS if layer != "current")
GUTTER = 24.0
COLUMN_GAP = 16.0
BODY = 9.2
NO_ENGLISH = "(no English yet)"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class PdfOptions:
    """What to put in the PDF: layers (see :data:`reader.render.LAYERS`), paper size
    (``a4`` or ``letter``) and the French-only variant for class."""

    layers: frozenset[str] = frozenset(LAYERS)
    paper: str = "a4"
    english_hidden: bool = False

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r}: use {' or '.join(PAPERS)}")
        unknown = self.layers - set(LAYERS)
        if unknown:
            raise ValueError(f"unknown layer(s) {', '.join(sorted(unknown))}: "
                             f"use {', '.join(PDF_LAYERS)}")

    def render_options(self) -> RenderOptions:
        """The render model options for paper: no current-sentence mark, fixes inline."""
        return RenderOptions(layers=self.layers - {"current"}, fixes_inline=True,
                             show_english=not self.english_hidden)


def frame_for(paper: str) -> Frame:
    """The page and its margins."""
    width, height = PAPERS[paper]
    return Frame(width, height, left=46.0, right=42.0, top=58.0, bottom=50.0)


def export_pdf(session: ArticleSession, path: str | os.PathLike[str],
               options: PdfOptions | None = None, progress: Progress | None = None,
               is_cancelled: Cancelled | None = None) -> Path:
    """Write the annotated PDF of ``session`` to ``path`` and return it.

    ``progress(done, total)`` is called as pages are laid out and drawn; when
    ``is_cancelled()`` turns true the export stops with :class:`ExportCancelled` and no file
    is left behind. Any failure to write raises :class:`reader.export.files.ExportError`.
    """
    target = check_target(path)
    data = pdf_bytes(session, options or PdfOptions(), progress, is_cancelled)
    return write_atomically(target, data)


class _Steps:
    def __init__(self, total: int, progress: Progress | None,
                 is_cancelled: Cancelled | None) -> None:
        self.total = max(1, total)
        self.progress = progress
        self.is_cancelled = is_cancelled

    def __call__(self, done: int) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise ExportCancelled()
        if self.progress is not None:
            self.progress(min(done, self.total), self.total)


def pdf_bytes(session: ArticleSession, options: PdfOptions, progress: Progress | None = None,
              is_cancelled: Cancelled | None = None) -> bytes:
    """The PDF of a session as bytes (see :func:`export_pdf`)."""
    annotations = list(session.annotations)  # as the render model sees them
    model = build_render(session, options.render_options())
    fonts = register_fonts()
    frame = frame_for(options.paper)
    width = WidthCache(string_width)
    body = len(model.paragraphs)
    steps = _Steps(2 * body + 2, progress, is_cancelled)
    steps(0)
    flow = Flow(Composer(frame), fonts, width, session, model, options.english_hidden)
    flow.title_block(session)
    legend(flow, model)
    flow.composer.rule()
    flow.composer.space(8)
    columns = columns_for(frame, options.english_hidden)
    flow.composer.on_new_page = lambda c: _column_titles(flow, columns)
    _column_titles(flow, columns)
    for n, paragraph in enumerate(model.paragraphs, start=1):
        lay_out_paragraph(flow, paragraph, columns)
        steps(n)
    flow.composer.on_new_page = None
    endnotes(flow)
    if "quotes" in options.layers:
        voices_section(flow, session)
    appendices(flow)
    pages = flow.composer.pages
    notes = {a.id: HighlightNote(COLOURS[a.colour], a.note, a.author, a.uid)
             for a in annotations
             if a.id is not None and (a.side == "fr" or not options.english_hidden)}
    if "highlights" not in model.options.layers:
        notes = {}
    source = session.article.origin or session.article.id
    data = draw_pdf(pages, frame, fonts, Running(model.title, footer=source), notes,
                    subject=f"{model.title} — annotated bilingual reading",
                    step=lambda k, total: steps(body + 1 + (body * k) // total))
    steps(steps.total)
    return data


def string_width(text: str, font: str, size: float) -> float:
    return float(stringWidth(text, font, size))


def columns_for(frame: Frame, english_hidden: bool) -> list[tuple[float, float]]:
    """``(x, width)`` of the French column, and of the English one unless hidden."""
    x = frame.left + GUTTER
    room = frame.inner - GUTTER
    if english_hidden:
        return [(x, room)]
    each = (room - COLUMN_GAP) / 2
    return [(x, each), (x + each + COLUMN_GAP, each)]


def _column_titles(flow: Flow, columns: list[tuple[float, float]]) -> None:
    style = TextStyles(flow.fonts, 7.5, bold=True, colour="#7a746b")
    names = ("FRANÇAIS", "ENGLISH")
    lines = [(x, [break_lines([Piece(names[i], style.base())], room, flow.width)[0]])
             for i, (x, room) in enumerate(columns)]
    flow.composer.row(lines, 11.0)
    flow.composer.space(3)


def _kind_styles(flow: Flow, kind: str) -> tuple[TextStyles, float]:
    """Style and leading of a paragraph kind; the French-only handout is set larger, as its
    single column is twice as wide."""
    scale = 1.12 if flow.english_hidden else 1.0
    if kind == "heading":
        return TextStyles(flow.fonts, 10.4 * scale, bold=True, colour="#3a3631"), 13.6 * scale
    if kind == "headline":
        return TextStyles(flow.fonts, 9.8 * scale, bold=True, colour="#3a3631"), 13.0 * scale
    if kind == "caption":
        return TextStyles(flow.fonts, 8.2 * scale, italic=True, colour="#6b645b"), 10.8 * scale
    return TextStyles(flow.fonts, BODY * scale), 12.4 * scale


def _english_pieces(styles: TextStyles, english: tuple[EnglishRender, ...]) -> list[Piece]:
    pieces: list[Piece] = []
    for sentence in english:
        if pieces:
            pieces.append(Piece(" ", styles.base()))
        if sentence.missing:
            pieces.append(Piece("[…]", styles.muted()))
        else:
            pieces.extend(styles.pieces(sentence.runs))
    if english and all(s.missing for s in english):
        return [Piece(NO_ENGLISH, styles.muted())]
    return pieces


def lay_out_paragraph(flow: Flow, paragraph: ParagraphRender,
               columns: list[tuple[float, float]]) -> None:
    styles, leading = _kind_styles(flow, paragraph.kind)
    x_fr, w_fr = columns[0]
    texts = [(x_fr, break_lines(styles.pieces(paragraph.french), w_fr, flow.width))]
    if len(columns) > 1:
        x_en, w_en = columns[1]
        texts.append((x_en, break_lines(_english_pieces(styles, paragraph.english), w_en,
                                        flow.width)))
    if paragraph.kind in ("heading", "headline"):
        flow.composer.space(4)
        flow.composer.ensure(leading * (max(len(t) for _x, t in texts) + 3))
    number = TextStyles(flow.fonts, 7.2, colour="#8a8378").base()
    label = f"§{paragraph.index + 1}"
    gutter = (flow.composer.frame.left,
              break_lines([Piece(label, number)], GUTTER, flow.width)[0],
              break_lines([Piece(label + "…", number)], GUTTER + 8, flow.width)[0])
    flow.composer.row(texts, leading, gutter)
    flow.composer.space(leading * 0.45)
