"""The annotated bilingual PDF: text, native highlights, fonts, layers, variants, paper."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.annotations import COLOURS
from reader.export.pdf import PdfOptions, export_pdf
from reader.render import LAYERS
from tests.reader.export.conftest import Annotated, english_for, flat, pdftotext

WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                      r'yMax="([\d.]+)">(.*?)</word>')


@pytest.fixture(scope="module")
def full_pdf(annotated: Annotated, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_pdf(annotated.session, tmp_path_factory.mktemp("pdf") / "full.pdf")


def highlights(path: Path) -> list[tuple[int, dict]]:  # type: ignore[type-arg]
    """``(page index, annotation dict)`` of every /Highlight."""
    found = []
    for n, page in enumerate(PdfReader(path).pages):
        for ref in page.get("/Annots") or []:
            annot = ref.get_object()
            if annot["/Subtype"] == "/Highlight":
                found.append((n, annot))
    return found


def words_on_pages(path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Every word pdftotext extracts, with its box (top-down coordinates), per page."""
    pages = pdftotext(path, "-bbox").split("<page ")[1:]
    return [[(float(a), float(b), float(c), float(d), html.unescape(w))
             for a, b, c, d, w in WORD_BOX.findall(page)] for page in pages]


def found_across_pages(sentence: str, text: str) -> bool:
    """The sentence is in the text whole, or in two parts (a page break between them)."""
    if sentence in text:
        return True
    words = sentence.split()
    return any(" ".join(words[:k]) in text and " ".join(words[k:]) in text
               for k in range(1, len(words)))


def test_text_has_the_french_the_english_and_every_note(annotated: Annotated,
                                                        full_pdf: Path) -> None:
    text = flat(pdftotext(full_pdf))
    unmarked = re.sub(r"\[\d+\]", "", text)  # note markers the app inserts
    session = annotated.session
    source = session.article.source
    fixed = {(t.start, t.end) for t in session.analysis.tidy_ups} if session.analysis else set()
    checked = 0
    for s in session.sentences:
        if any(s.start <= a < s.end or s.start < b <= s.end for a, b in fixed):
            continue  # a tidy-up shows original and correction side by side
        if s.id != 12:
            assert english_for(s.id) in text
        assert found_across_pages(flat(source[s.start:s.end]), unmarked), s.text
        checked += 1
    print(f"sentences checked verbatim: {checked} of {len(session.sentences)}")
    assert checked >= len(session.sentences) // 2
    for a in annotated.drawable:
        if a.note:
            assert flat(a.note) in text
    assert "A retranslated sentence twelve." in text
    assert "«" in text and "»" in text and "l’" in text


def test_one_native_highlight_per_user_highlight(annotated: Annotated,
                                                 full_pdf: Path) -> None:
    found = highlights(full_pdf)
    by_uid = {str(a["/NM"]): a for _n, a in found}
    assert len(found) == len(annotated.drawable) == 9
    assert set(by_uid) == {a.uid for a in annotated.drawable}
    assert annotated.changed.uid not in by_uid  # its English changed: no quads on other words
    for a in annotated.drawable:
        pdf = by_uid[a.uid]
        assert str(pdf.get("/Contents", "")) == a.note
        assert pdf["/F"] == 4 and "/N" in pdf["/AP"]  # printable; the page shows the tint
        want = [int(COLOURS[a.colour][i:i + 2], 16) / 255 for i in (1, 3, 5)]
        assert [float(v) for v in pdf["/C"]] == pytest.approx(want, abs=0.002)


def test_text_under_each_highlight_is_the_highlighted_text(annotated: Annotated,
                                                           full_pdf: Path) -> None:
    pages = words_on_pages(full_pdf)
    height = float(PdfReader(full_pdf).pages[0].mediabox.height)
    quotes = {a.uid: a.quote for a in annotated.drawable}
    for page_no, annot in highlights(full_pdf):
        quad = [float(v) for v in annot["/QuadPoints"]]
        under = []
        for i in range(0, len(quad), 8):
            x0, top, x1, _t, _x, bottom = quad[i:i + 6]
            for wx0, wy0, wx1, wy1, word in pages[page_no]:
                cx, cy = (wx0 + wx1) / 2, height - (wy0 + wy1) / 2
                if x0 <= cx <= x1 and bottom <= cy <= top:
                    under.append(word)
        got = re.sub(r"\[\d+\]$", "", " ".join(under))  # a note marker right after
        print(f"{annot['/NM']}: {got!r}")
        assert got == flat(quotes[str(annot["/NM"])])


def test_fonts_are_embedded(full_pdf: Path) -> None:
    out = subprocess.run(["pdffonts", str(full_pdf)], capture_output=True, text=True,
                         check=True).stdout.splitlines()[2:]
    assert out, "no fonts listed"
    for row in out:
        assert row.split()[-5] == "yes", row  # the "emb" column
    assert any("DejaVuSans" in row for row in out)


def test_english_hidden_variant_has_no_english(annotated: Annotated, tmp_path: Path) -> None:
    path = export_pdf(annotated.session, tmp_path / "class.pdf",
                      PdfOptions(english_hidden=True))
    text = flat(pdftotext(path))
    assert "English sentence" not in text and "ENGLISH" not in text
    assert "EN note on sentence two" not in text
    assert flat(annotated.session.article.paragraphs[-1].text(
        annotated.session.article.source))[:60] in text
    assert {str(a["/NM"]) for _n, a in highlights(path)} == {a.uid for a in annotated.french}


def test_layers_off_remove_legend_markers_and_highlights(annotated: Annotated,
                                                         tmp_path: Path) -> None:
    full = flat(pdftotext(export_pdf(annotated.session, tmp_path / "all.pdf")))
    bare = export_pdf(annotated.session, tmp_path / "bare.pdf", PdfOptions(layers=frozenset()))
    text = flat(pdftotext(bare))
    for gone in ("Entities", "Highlights", "Notes", "[1]", "Appendix A · Quotes",
                 "Appendix C · Tidy-ups"):
        assert gone in full
        assert gone not in text
    assert highlights(bare) == []
    only_entities = flat(pdftotext(export_pdf(annotated.session, tmp_path / "e.pdf",
                                              PdfOptions(layers=frozenset({"entities"})))))
    assert "Entities" in only_entities and "[1]" not in only_entities


def test_paper_sizes(annotated: Annotated, tmp_path: Path) -> None:
    a4 = PdfReader(export_pdf(annotated.session, tmp_path / "a4.pdf", PdfOptions(paper="a4")))
    letter = PdfReader(export_pdf(annotated.session, tmp_path / "l.pdf",
                                  PdfOptions(paper="letter")))
    assert [round(float(v)) for v in a4.pages[0].mediabox] == [0, 0, 595, 842]
    assert [round(float(v)) for v in letter.pages[-1].mediabox] == [0, 0, 612, 792]
    assert len(a4.pages) >= 3


def test_page_numbers_header_and_changed_english(annotated: Annotated, full_pdf: Path) -> None:
    reader = PdfReader(full_pdf)
    pages = len(reader.pages)
    text = pdftotext(full_pdf)
    for n in range(1, pages + 1):
        assert f"page {n} of {pages}" in text
    article = annotated.session.article
    assert article.date is not None and article.date in text
    assert "Highlights on English that has changed" in text


def test_options_reject_unknown_values() -> None:
    with pytest.raises(ValueError, match="paper"):
        PdfOptions(paper="a5")
    with pytest.raises(ValueError, match="layer"):
        PdfOptions(layers=frozenset({"entities", "glitter"}))
    assert PdfOptions().layers == frozenset(LAYERS)


def test_reading_order_is_column_by_column(annotated: Annotated, full_pdf: Path) -> None:
    """In the content stream each page's French column comes whole before its English."""
    body_pages = 0
    for page in PdfReader(full_pdf).pages:
        text = page.extract_text()
        if "ENGLISH" not in text:
            continue
        body_pages += 1
        english_at = text.index("ENGLISH")
        french = [m.start() for m in re.finditer(r"§\d+", text[:english_at])]
        assert french, "no numbered French paragraph before the English column"
        assert not re.search(r"§\d+", text[english_at:].split("Notes\n")[0])
        first_english = text.find("English sentence")
        assert first_english == -1 or first_english > english_at
    assert body_pages >= 3
