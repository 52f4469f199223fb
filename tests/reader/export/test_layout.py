"""Line breaking and page filling: widths respected, French spacing kept, rows aligned."""

from __future__ import annotations

from reader.export.lines import Piece, Style, WidthCache, break_lines
from reader.export.pages import Composer, Frame

STYLE = Style("mono", 10)
width = WidthCache(lambda text, font, size: 6.0 * len(text))  # a monospaced measure


def text_of(line: list) -> str:  # type: ignore[type-arg]
    return "".join(p.piece.text for p in line)


def test_lines_fit_and_break_only_at_ordinary_spaces() -> None:
    words = "Il a dit\u00a0: «\u00a0non\u00a0» puis il est parti très loin d’ici"
    lines = break_lines([Piece(words, STYLE)], 60.0, width)
    assert all(line[-1].x + line[-1].width <= 60.0 for line in lines if len(text_of(line)) > 1)
    texts = [text_of(line) for line in lines]
    assert " ".join(texts) == words
    assert any("«\u00a0non\u00a0»" in t for t in texts)  # never split inside « non »
    assert not any(t.endswith(" ") or t.startswith(" ") for t in texts)


def test_highlight_pieces_keep_their_ids_and_positions() -> None:
    marked = Style("mono", 10, background="#ffe066")
    lines = break_lines([Piece("avant ", STYLE), Piece("les mots surlignés", marked, (7,)),
                         Piece(" après", STYLE)], 1000.0, width)
    (line,) = lines
    hit = [p for p in line if 7 in p.piece.highlights]
    assert [p.piece.text for p in hit] == ["les mots surlignés"]
    assert hit[0].x == 6.0 * len("avant ") and hit[0].width == 6.0 * len("les mots surlignés")


def test_a_word_longer_than_the_line_is_cut() -> None:
    lines = break_lines([Piece("https://example.org/" + "a" * 40, STYLE)], 60.0, width)
    assert all(len(text_of(line)) <= 10 for line in lines)
    assert "".join(text_of(line) for line in lines) == "https://example.org/" + "a" * 40


def test_a_long_row_breaks_across_pages_keeping_columns_aligned() -> None:
    frame = Frame(300, 200, left=10, right=10, top=20, bottom=20)  # 160 pt of text: 16 lines
    composer = Composer(frame)
    composer.y = 120  # 60 pt left: 6 lines
    french = [break_lines([Piece(f"fr{n}", STYLE)], 100, width)[0]
                for n in range(20)]
    english = [break_lines([Piece(f"en{n}", STYLE)], 100, width)[0] for n in range(12)]
    gutter = (10.0, break_lines([Piece("§4", STYLE)], 30, width)[0],
              break_lines([Piece("§4…", STYLE)], 30, width)[0])
    composer.row([(30.0, french), (160.0, english)], 10.0, gutter)
    assert len(composer.pages) == 2
    first, second = composer.pages
    fr1 = [pl for pl in first.lines if pl.x == 30.0]
    en1 = [pl for pl in first.lines if pl.x == 160.0]
    assert len(fr1) == len(en1) == 6
    assert [pl.baseline for pl in fr1] == [pl.baseline for pl in en1]  # same heights
    fr2 = [pl for pl in second.lines if pl.x == 30.0]
    assert text_of(fr2[0].line) == "fr6" and fr2[0].baseline < 30  # carried on at the top
    assert [text_of(pl.line) for pl in second.lines if pl.x == 10.0] == ["§4…"]
    assert [pl.column for pl in second.reading_order()][:3] == [0, 0, 0]
    assert second.reading_order()[-1].column == 1
