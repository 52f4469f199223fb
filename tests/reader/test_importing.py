"""Importing user files: encodings, HTML and Markdown, and every kind of bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.importing import MAX_BYTES, ArticleImportError, read_article_file

FRENCH = "L’été à Noël : « Où êtes-vous ? » demanda Zoé.\n\nDeuxième paragraphe, très français."


def test_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(FRENCH, encoding="utf-8")
    article = read_article_file(path)
    assert article.encoding == "utf-8" and article.notes == ()
    assert article.source == FRENCH


def test_utf8_with_bom_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FRENCH.encode("utf-8"))
    article = read_article_file(path)
    assert article.encoding == "utf-8-sig"
    assert article.source == FRENCH
    assert "byte-order mark" in article.notes[0]


def test_cp1252_is_detected_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    article = read_article_file(path)
    assert article.encoding == "cp1252"
    assert article.source == FRENCH  # ’ « » é decoded right
    assert "Windows-1252" in article.notes[0]


def test_latin1_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    text = "Été à Noël, Zoé a dit: « oui ».\x81"  # \x81 is undefined in cp1252
    path.write_bytes(text.encode("latin-1"))
    article = read_article_file(path)
    assert article.encoding == "latin-1"
    assert article.source.startswith("Été à Noël")


def test_html_main_text_is_extracted_and_markup_dropped(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>T</title><script>alert('x')</script></head><body>"
        "<nav>Menu Accueil</nav><article><h1>Le titre</h1><p>Premier &amp; <b>gras</b>.</p>"
        "<p>Second paragraphe avec &lt;script&gt; écrit.</p></article>"
        "<footer>Pied de page</footer></body></html>", encoding="utf-8")
    article = read_article_file(path)
    texts = [p.text(article.source) for p in article.paragraphs]
    assert texts == ["Le titre", "Premier & gras.", "Second paragraphe avec <script> écrit."]
    assert "alert" not in article.source and "Menu" not in article.source
    assert article.title == "Le titre"


def test_markdown_syntax_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Un titre\n\nDu **gras** et un [lien](http://x).\n", encoding="utf-8")
    article = read_article_file(path)
    assert [p.text(article.source) for p in article.paragraphs] == [
        "Un titre", "Du gras et un lien."]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b""), "is empty"),
        (lambda p: p.write_bytes(b"  \n\t \n"), "is empty"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR" * 20), "not a text file"),
        (lambda p: p.write_bytes(b"a" * (MAX_BYTES + 1)), "MB"),
        (lambda p: p.write_text("mot " * 50_001), "50,000 words"),
        (lambda p: None, "Cannot read"),
        (lambda p: p.mkdir(), "is a folder"),
    ],
    ids=["empty", "blank", "binary", "too-big", "too-many-words", "missing", "folder"],
)
def test_bad_input_gives_a_clear_message(tmp_path: Path, make, message: str) -> None:
    path = tmp_path / "bad.txt"
    make(path)
    with pytest.raises(ArticleImportError, match=message):
        read_article_file(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("texte")
    path.chmod(0)
    with pytest.raises(ArticleImportError, match="Cannot read"):
        read_article_file(path)


def test_permission_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("texte")

    def refuse(path: Path) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("reader.importing._open_file", refuse)
    with pytest.raises(ArticleImportError, match="Cannot read “locked.txt”: Permission denied"):
        read_article_file(path)
