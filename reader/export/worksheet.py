"""Worksheet and answer-key PDFs for class, laid out by the same exporter as the annotated PDF.

The worksheet is the French text as the students get it (no marks: finding the artifacts is
the exercise) with numbered paragraphs, then the questions with room to write, a table for
"who is quoted?", and the voices chart when there are quotes. The answer key repeats the
questions with the answers drawn from the analysis and the teacher's decisions, after the
text with the tidy-ups shown as in the app.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from reader.export.appendix import Flow
from reader.export.draw import Running, draw_pdf
from reader.export.files import check_target, write_atomically
from reader.export.fonts import register_fonts
from reader.export.lines import Piece, WidthCache
from reader.export.pages import Composer
from reader.export.pdf import (
    PdfOptions,
    columns_for,
    frame_for,
    lay_out_paragraph,
    string_width,
)
from reader.export.voices_figure import voices_section
from reader.render import build_render
from reader.session import ArticleSession
from reader.worksheet import Question

BODY = 10.0
RULE_GAP = 20.0


def _question(flow: Flow, number: int, question: Question, key: bool) -> None:
    body = flow.styles(BODY).base()
    bold = flow.styles(BODY, bold=True).base()
    muted = flow.styles(BODY - 1, italic=True, colour="#5b554d").base()
    flow.composer.space(8)
    flow.composer.ensure(14 * 3)
    flow.text([Piece(f"{number}. ", bold), Piece(question.prompt, body)], 14, hanging=16)
    if key:
        answers = question.answer or ["(the teacher's answer)"]
        for answer in answers:
            flow.text([Piece("– ", muted), Piece(answer, replace(body, colour="#1b5e20"))],
                      13, indent=16, hanging=10)
        return
    if question.table is not None:
        left, right = question.table
        flow.composer.space(4)
        flow.text([Piece(left, bold), Piece("  /  ", muted), Piece(right, bold)], 13,
                  indent=16)
    for _ in range(question.lines):
        flow.composer.space(RULE_GAP)
        flow.composer.rule("#9e978c")


def worksheet_bytes(session: ArticleSession, questions: list[Question], key: bool,
                    paper: str = "a4") -> bytes:
    """The worksheet (or, with ``key``, the answer key) as PDF bytes."""
    layers = frozenset({"tidyups"}) if key else frozenset()
    options = PdfOptions(layers=layers, paper=paper, english_hidden=True)
    model = build_render(session, options.render_options())
    fonts = register_fonts()
    frame = frame_for(paper)
    flow = Flow(Composer(frame), fonts, WidthCache(string_width), session, model, True)
    flow.title_block(session)
    what = "Answer key" if key else "Worksheet"
    flow.text([Piece(what, flow.styles(12, bold=True, colour="#1d4f91").base())], 16)
    if not key:
        flow.text([Piece("Name: ______________________    Date: ____________",
                         flow.styles(BODY).base())], 16)
    flow.composer.rule()
    flow.composer.space(8)
    columns = columns_for(frame, True)
    for paragraph in model.paragraphs:
        lay_out_paragraph(flow, paragraph, columns)
    flow.heading("Questions" if not key else "Answers")
    for number, question in enumerate(questions, start=1):
        _question(flow, number, question, key)
    if key:
        voices_section(flow, session)  # the voices chart, to discuss "who is quoted?"
    running = Running(f"{model.title} — {what.lower()}",
                      footer=session.article.origin or session.article.id)
    return draw_pdf(flow.composer.pages, frame, fonts, running, {},
                    subject=f"{what} for a media-literacy class")


def export_worksheet(session: ArticleSession, questions: list[Question],
                     sheet: str | os.PathLike[str], key: str | os.PathLike[str] | None = None,
                     paper: str = "a4") -> list[Path]:
    """Write the worksheet, and the answer key when ``key`` is given; returns the files."""
    targets = [(check_target(sheet), False)]
    if key is not None:
        targets.append((check_target(key), True))
    return [write_atomically(path, worksheet_bytes(session, questions, is_key, paper))
            for path, is_key in targets]
