"""Drawing composed pages with ReportLab: backgrounds, text in reading order, strike and
underline marks, running header and page numbers, and a native ``/Highlight`` annotation
for every user highlight, whose QuadPoints are the boxes of the very words drawn for it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas

from reader.export.fonts import FontSet
from reader.export.pages import Frame, Page

EMPTY_LOOK = "readerHighlightLook"  # the highlights' own appearance: nothing (see below)
DESCENT = 0.26  # below the baseline, as a share of the font size (DejaVu: 0.236)
ASCENT = 0.94  # above it (DejaVu: 0.928)


class _Highlight(pdfdoc.HighlightAnnotation):  # type: ignore[misc]
    """A highlight that may also carry its annotation's uid (/NM) and print flag."""

    permitted = pdfdoc.HighlightAnnotation.permitted + ("NM",)


@dataclass(frozen=True)
class HighlightNote:
    """What a PDF highlight says: its colour, note, author and stable id."""

    colour: str
    note: str
    author: str
    uid: str


@dataclass(frozen=True)
class Running:
    """The running header and footer text."""

    title: str
    footer: str = ""


def _rgb(colour: str) -> list[float]:
    c = HexColor(colour)
    return [round(c.red, 4), round(c.green, 4), round(c.blue, 4)]


def _backgrounds(c: Canvas, page: Page, height: float) -> None:
    for pl in page.lines:
        for p in pl.line:
            style = p.piece.style
            if style.background and not style.rise:
                c.setFillColor(HexColor(style.background))
                c.rect(pl.x + p.x, height - pl.baseline - DESCENT * style.size, p.width,
                       (ASCENT + DESCENT) * style.size, stroke=0, fill=1)


def _text(c: Canvas, page: Page, height: float) -> None:
    for pl in page.reading_order():
        text = c.beginText()
        for p in pl.line:
            style = p.piece.style
            text.setTextOrigin(pl.x + p.x, height - pl.baseline)
            text.setFont(style.font, style.size)
            text.setFillColor(HexColor(style.colour))
            text.setRise(style.rise)
            text.textOut(p.piece.text)
        text.setRise(0)
        c.drawText(text)


def _marks(c: Canvas, page: Page, height: float) -> None:
    for pl in page.lines:
        for p in pl.line:
            style = p.piece.style
            x0, x1 = pl.x + p.x, pl.x + p.x + p.width
            if style.strike:
                c.setStrokeColor(HexColor(style.strike))
                c.setLineWidth(0.7)
                c.setDash()
                y = height - pl.baseline + 0.3 * style.size
                c.line(x0, y, x1, y)
            if style.underline:
                c.setStrokeColor(HexColor(style.underline))
                c.setLineWidth(0.6)
                c.setDash(1.6, 1.2) if style.dashed else c.setDash()
                y = height - pl.baseline - 0.14 * style.size
                c.line(x0, y, x1, y)
    c.setDash()
    for x0, y0, x1, y1, colour in page.rules:
        c.setStrokeColor(HexColor(colour))
        c.setLineWidth(0.5)
        c.line(x0, height - y0, x1, height - y1)


def _highlights(c: Canvas, page: Page, height: float,
                notes: dict[int, HighlightNote]) -> None:
    quads: dict[int, list[tuple[float, float, float, float]]] = {}
    for pl in page.lines:
        per_line: dict[int, list[float]] = {}
        for p in pl.line:
            for ann in p.piece.highlights:
                if ann in notes:
                    box = per_line.setdefault(ann, [pl.x + p.x, pl.x + p.x + p.width, 0.0])
                    box[0] = min(box[0], pl.x + p.x)
                    box[1] = max(box[1], pl.x + p.x + p.width)
                    box[2] = max(box[2], p.piece.style.size)
        for ann, (x0, x1, size) in per_line.items():
            quads.setdefault(ann, []).append(
                (x0, x1, height - pl.baseline - DESCENT * size,
                 height - pl.baseline + ASCENT * size))
    for ann, boxes in quads.items():
        note = notes[ann]
        points: list[float] = []
        for x0, x1, bottom, top in boxes:
            points += [x0, top, x1, top, x0, bottom, x1, bottom]
        rect = (min(b[0] for b in boxes), min(b[2] for b in boxes),
                max(b[1] for b in boxes), max(b[3] for b in boxes))
        look = pdfdoc.PDFDictionary({"N": pdfdoc.PDFObjectReference(
            pdfdoc.xObjectName(EMPTY_LOOK))})
        c._addAnnotation(_Highlight([round(v, 2) for v in rect], note.note,
                                    [round(v, 2) for v in points], _rgb(note.colour),
                                    AP=look,
                                    T=pdfdoc.PDFString(note.author or "Reader"),
                                    NM=pdfdoc.PDFString(note.uid), F=4),
                         None, 1)


def _running(c: Canvas, page: Page, frame: Frame, fonts: FontSet, total: int,
             running: Running) -> None:
    c.setFillColor(HexColor("#7a746b"))
    c.setFont(fonts.regular, 7.5)
    footer = f"page {page.number} of {total}"
    c.drawCentredString(frame.width / 2, frame.bottom / 2, footer)
    if running.footer:
        c.drawString(frame.left, frame.bottom / 2, running.footer)
    if page.number > 1:
        title = running.title if len(running.title) < 90 else running.title[:88] + "…"
        c.drawString(frame.left, frame.height - frame.top / 2, title)


def _figures(canvas: Canvas, page: Page, height: float, font: str) -> None:
    from reportlab.graphics import renderPDF, shapes

    # ReportLab's renderer starts every drawing in its default font (Helvetica, which it
    # never embeds): start it in the document's embedded font instead.
    default = shapes.STATE_DEFAULTS["fontName"]
    shapes.STATE_DEFAULTS["fontName"] = font
    try:
        for drawing, x, top in page.figures:
            renderPDF.draw(drawing, canvas, x, height - top - float(drawing.height))
    finally:
        shapes.STATE_DEFAULTS["fontName"] = default


def draw_pdf(pages: list[Page], frame: Frame, fonts: FontSet, running: Running,
             notes: dict[int, HighlightNote], subject: str = "",
             step: Callable[[int, int], None] | None = None) -> bytes:
    """The PDF bytes of the composed pages; ``step(page, pages)`` is called before each
    page is drawn (progress, and the place a cancel is noticed)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(frame.width, frame.height),
                    initialFontName=fonts.regular, initialFontSize=9, pageCompression=1,
                    lang="fr")
    canvas.setTitle(running.title)
    canvas.setSubject(subject)
    canvas.setCreator("Bilingual reader")
    # The page already shows each highlight's colour behind its words (so it prints and
    # looks the same everywhere); an empty appearance keeps viewers from tinting it twice,
    # while they still list the annotation with its note.
    canvas.beginForm(EMPTY_LOOK, 0, 0, 1, 1)
    canvas.endForm()
    for page in pages:
        if step is not None:
            step(page.number, len(pages))
        _backgrounds(canvas, page, frame.height)
        _text(canvas, page, frame.height)
        _marks(canvas, page, frame.height)
        _running(canvas, page, frame, fonts, len(pages), running)
        _highlights(canvas, page, frame.height, notes)
        _figures(canvas, page, frame.height, fonts.regular)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
