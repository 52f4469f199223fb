"""Time the annotated bilingual PDF export of a ~2,000-word article with 50 annotations.

The article is the seed articles' paragraphs repeated until it has 2,000 words, analysed
(entities, quotes, tidy-ups), with one English sentence per French sentence inserted
directly (no model needed) and 50 highlights: 35 in the French column, 15 in the English
one, every other one with a note. The baseline, measured in the same run, is a plain
text-only PDF of the same French and English written by the same library (ReportLab) with
the same embedded fonts and its own simple line splitting. Target: export under 3 s.

Run: ``.venv/bin/python bench/export.py``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.annotations import COLOUR_NAMES  # noqa: E402
from reader.article import parse_article  # noqa: E402
from reader.corpus import read_bundled  # noqa: E402
from reader.export.fonts import register_fonts  # noqa: E402
from reader.export.pdf import PdfOptions, export_pdf  # noqa: E402
from reader.session import ArticleSession, open_session  # noqa: E402
from reader.session_english import SentenceEnglish  # noqa: E402
from reader.storage import Library  # noqa: E402

TARGET_WORDS = 2000
RUNS = 5
FRENCH, ENGLISH = 35, 15


def build_article() -> str:
    """Seed paragraphs repeated until the text has at least 2,000 words."""
    paragraphs = [p.text(a.source) for a in read_bundled() for p in a.paragraphs]
    out: list[str] = []
    words = 0
    while words < TARGET_WORDS:
        for p in paragraphs:
            out.append(p)
            words += len(p.split())
            if words >= TARGET_WORDS:
                break
    return "\n\n".join(out)


def annotate(session: ArticleSession) -> None:
    """English for every sentence, and 50 highlights spread over both columns."""
    session.set_english([SentenceEnglish(s.id, f"This is the English of sentence {s.id}, "
                                                "long enough to wrap over a few lines of the "
                                                "right-hand column of the page.")
                         for s in session.sentences])
    sentences = [s for s in session.sentences if s.end - s.start > 40]
    for n in range(FRENCH):
        s = sentences[(n * len(sentences)) // FRENCH]
        note = f"Note {n} on « {s.text[:12]} »" if n % 2 == 0 else ""
        session.highlight_french(s.start + 5, s.start + 35, COLOUR_NAMES[n % 5], note)
    for n in range(ENGLISH):
        s = sentences[(n * len(sentences)) // ENGLISH + 1]
        note = f"English note {n}" if n % 2 else ""
        session.highlight_english(s.id, 8, 30, COLOUR_NAMES[(n + 2) % 5], note)


def plain_pdf(session: ArticleSession, path: Path) -> None:
    """The baseline: the same text, no layers, ReportLab's own line splitting."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen.canvas import Canvas

    fonts = register_fonts()
    canvas = Canvas(str(path), pagesize=A4, initialFontName=fonts.regular)
    width, height = A4
    y = height - 58
    english = {s.id: (session.english_of(s.id) or SentenceEnglish(s.id, "")).text
               for s in session.sentences}
    for para in session.article.paragraphs:
        fr = para.text(session.article.source)
        en = " ".join(english[s.id] for s in session.sentences if s.paragraph == para.index)
        fr_lines = simpleSplit(fr, fonts.regular, 9.2, 240)
        en_lines = simpleSplit(en, fonts.regular, 9.2, 240)
        for n in range(max(len(fr_lines), len(en_lines))):
            if y < 50:
                canvas.showPage()
                y = height - 58
            canvas.setFont(fonts.regular, 9.2)
            if n < len(fr_lines):
                canvas.drawString(70, y, fr_lines[n])
            if n < len(en_lines):
                canvas.drawString(326, y, en_lines[n])
            y -= 12.4
        y -= 6
    canvas.save()


def median_time(action: object, runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        library = Library(folder / "library.db")
        article = parse_article(build_article())
        library.add_article(article)
        session = open_session(library, article.id)
        annotate(session)
        out = folder / "annotated.pdf"
        plain = folder / "plain.pdf"
        export_pdf(session, out)  # warm up: fonts registered, caches filled
        plain_pdf(session, plain)
        export_s = median_time(lambda: export_pdf(session, out, PdfOptions()))
        plain_s = median_time(lambda: plain_pdf(session, plain))
        from pypdf import PdfReader

        pages = len(PdfReader(out).pages)
        highlights = sum(1 for p in PdfReader(out).pages for a in p.get("/Annots") or []
                         if a.get_object()["/Subtype"] == "/Highlight")
        print(f"article: {article.word_count} words, {len(session.sentences)} sentences, "
              f"{len(session.annotations)} annotations")
        print(f"annotated PDF: {pages} pages, {highlights} /Highlight annotations, "
              f"{out.stat().st_size // 1024} KiB; plain PDF {plain.stat().st_size // 1024} KiB")
        print("target (export < 3 s):", "met" if export_s < 3.0 else "MISSED")
        print(f"export_s={export_s:.3f} plain_s={plain_s:.3f} ratio={export_s / plain_s:.2f}")
    return 0 if export_s < 3.0 else 1


if __name__ == "__main__":
    sys.exit(main())
