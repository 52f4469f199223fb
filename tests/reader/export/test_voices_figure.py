"""The voices chart as a figure in the annotated PDF and the answer key."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reader.export.pdf import PdfOptions, export_pdf
from reader.export.voices_figure import voices_drawing
from reader.export.worksheet import export_worksheet
from reader.render import LAYERS
from reader.session import open_session
from reader.voices import voices_of
from reader.worksheet import generate_questions


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_chart_is_in_the_pdf_with_the_quotes_layer_only(library, nlp, tmp_path) -> None:
    session = open_session(library, "003_71c21fd2b98fa41d")
    drawing = voices_drawing(voices_of(session), 500, "Helvetica")
    assert drawing is not None
    chart = drawing.contents[0]
    assert "John Matze (3)" in chart.categoryAxis.categoryNames
    with_quotes = export_pdf(session, tmp_path / "a.pdf", PdfOptions())
    text = _text(with_quotes)
    assert "Voices: who speaks" in text and "John Matze (3)" in text and "words quoted" in text
    without = export_pdf(session, tmp_path / "b.pdf",
                         PdfOptions(layers=frozenset(LAYERS) - {"quotes"}))
    assert "Voices: who speaks" not in _text(without)
    _sheet, key = export_worksheet(session, generate_questions(session), tmp_path / "s.pdf",
                                   tmp_path / "k.pdf")
    assert "Voices: who speaks" in _text(key)
    assert "Voices: who speaks" not in _text(_sheet)


def test_no_chart_when_nobody_is_quoted(library, nlp) -> None:
    session = open_session(library, "000_757345bfb182a35d")
    assert voices_drawing(voices_of(session), 500, "Helvetica") is None
