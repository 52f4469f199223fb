"""Hostile and careless input files (issue 8): the whole list in one place.

Each case is a file a user could pick; each test checks the message the user reads, and that
nothing was imported when the file is refused. Storage faults are in
``test_hostile_storage.py``, model packages and servers in
``translation/test_hostile_packages.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.importing import MAX_BYTES, ArticleImportError, read_article_file

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "tests" / "pages"
FRENCH = "L’été à Noël : « Où êtes-vous ? » demanda Zoé.\n\nDeuxième paragraphe, très français."


def refused(path: Path, *words: str) -> str:
    with pytest.raises(ArticleImportError) as caught:
        read_article_file(path)
    message = str(caught.value)
    print(f"{path.name} → {message}")
    for word in words:
        assert word in message
    return message


# --- item 3: files that are not files ------------------------------------------------------


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(refused(fifo)), daemon=True)
    worker.start()
    worker.join(5)
    assert not worker.is_alive(), "reading a FIFO hung"
    assert "not a regular file" in result[0]


def test_dev_zero_is_refused_without_reading_it() -> None:
    refused(Path("/dev/zero"), "not a regular file")


def test_a_file_growing_past_its_size_is_read_up_to_the_limit(tmp_path: Path,
                                                                 monkeypatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"mot " * (MAX_BYTES // 2))
    reads: list[int] = []
    real_read = os.read

    def counting(fd: int, n: int) -> bytes:
        block = real_read(fd, n)
        reads.append(len(block))
        return block

    monkeypatch.setattr("reader.importing.os.read", counting)
    refused(path, "over 2 MB")
    assert sum(reads) == MAX_BYTES + 1


# --- items 4, 11, 16: encodings and NUL bytes ----------------------------------------------


def test_bom_then_invalid_bytes_is_read_and_explained(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_bytes(b"\xef\xbb\xbfBonjour.\xff\nD\xc3\xa9j\xc3\xa0 vu.\n")
    article = read_article_file(path)
    print(article.notes)
    assert article.source.startswith("Bonjour.ÿ")
    assert "Déjà vu." in article.source
    assert "line(s) 1" in article.notes[0] and "Windows-1252" in article.notes[0]


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_decoded_not_called_binary(tmp_path: Path, codec: str) -> None:
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(FRENCH.encode(codec))
    article = read_article_file(path)
    assert article.source == FRENCH
    assert "UTF-16" in article.notes[0]
    print(codec, "→", article.notes[0])


def test_a_nul_byte_after_the_first_8_kb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(("Une phrase française. " * 600).encode() + b"\x00" + b"fin.")
    assert path.stat().st_size > 8192
    refused(path, "NUL character", "line 1")


def test_mixed_utf8_and_latin1_is_decoded_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Première ligne en UTF-8, déjà.\n".encode()
                     + "Deuxième ligne en Latin-1, très ancienne.\n".encode("latin-1")
                     + "Troisième, à nouveau UTF-8.".encode())
    article = read_article_file(path)
    assert article.source == ("Première ligne en UTF-8, déjà.\n"
                              "Deuxième ligne en Latin-1, très ancienne.\n"
                              "Troisième, à nouveau UTF-8.")
    assert "mixes encodings" in article.notes[0] and "line(s) 2" in article.notes[0]


def test_charset_normalizer_names_a_mac_roman_file(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    text = ("Le ministre a déclaré mercredi que la réforme des retraites serait présentée "
            "à l'Assemblée nationale après l'été, malgré les grèves.\n") * 5
    path.write_bytes(text.encode("mac_roman"))
    article = read_article_file(path)
    print(article.encoding, article.notes)
    assert article.source.startswith("Le ministre a déclaré")
    assert "Mac Roman" in article.notes[0]


# --- item 13: misleading messages of the CLI ----------------------------------------------


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120)


def test_show_with_an_empty_or_ambiguous_id(tmp_path: Path) -> None:
    data = tmp_path / "data"
    from reader.article import parse_article
    from reader.storage import Library

    library = Library(data / "reader.db")
    for n in range(40):  # ids are hex: with 40 articles some share a first character
        library.add_article(parse_article(f"Article numéro {n}. Du texte."))
    ids = [r["id"] for r in library.articles()]
    library.close()
    shared = next(i[0] for i in ids if sum(j.startswith(i[0]) for j in ids) > 1)
    empty = run("show", "", data=data)
    print(empty.stderr.strip())
    assert empty.returncode == 2 and "empty name" in empty.stderr and "folder" not in empty.stderr
    ambiguous = run("show", shared, data=data)
    print(ambiguous.stderr.strip())
    assert "is the start of" in ambiguous.stderr and "No such file" not in ambiguous.stderr


def test_score_with_bad_gold_json_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "gold.json").write_text("{not json", encoding="utf-8")
    for where in (folder, folder / "gold.json"):
        result = run("score", "--gold", str(where), data=tmp_path / "data")
        print(result.stderr.strip())
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "gold.json is not valid JSON" in result.stderr


# --- saved web pages ----------------------------------------------------------------------


EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_real_saved_pages_keep_the_article_and_drop_the_furniture(page: str) -> None:
    expected = EXPECTED[page]
    article = read_article_file(PAGES / page)
    source = " ".join(article.source.split())
    print(f"{page}: “{article.title}” · {article.byline} · {article.word_count} words")
    assert article.title.replace("'", "’") == expected["title"].replace("'", "’")
    assert article.date == expected["date"]
    assert article.url == expected["url"]
    for kept in expected["with"]:
        assert kept in source, kept
    for furniture in expected["without"] + ["Newsletter", "S'abonner", "Partager"]:
        assert furniture not in source, furniture
    assert "<" not in article.source or "<script" not in article.source


def test_a_web_pages_byline_and_site_are_kept(tmp_path: Path) -> None:
    article = read_article_file(PAGES / "bondyblog.fr.paris-8.html")
    assert article.author == "Kab Niang" and article.site == "Bondy Blog"
    assert article.byline == "By Kab Niang · Bondy Blog · 2020-02-17"
    from reader.storage import Library

    library = Library(tmp_path / "reader.db")
    library.add_article(article)
    again = library.article(article.id)
    assert (again.author, again.site, again.date, again.url) == (
        article.author, article.site, article.date, article.url)


def test_a_summary_box_beside_the_body_is_not_lost() -> None:
    # L'Opinion puts "the facts" in a box before the body; trafilatura alone drops it.
    article = read_article_file(PAGES / "lopinion.fr.glyphosate.html")
    assert "La firme Bayer, propriétaire de Monsanto" in article.source
    assert article.source.index("La firme Bayer") < article.source.index("A chaque civilisation")


def test_a_latin1_web_page_says_which_encoding(tmp_path: Path) -> None:
    html = ("<html><head><meta charset='iso-8859-1'><title>Été</title></head><body>"
            "<nav><a href='/'>Accueil</a> <a href='/m'>Menu</a></nav><article><h1>Été</h1>"
            + "<p>Le député a déclaré à l'Assemblée que l'été serait décisif.</p>" * 3
            + "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("latin-1"))
    article = read_article_file(path)
    assert "déclaré à l'Assemblée" in article.source and "Menu" not in article.source
    assert "Windows-1252" in article.notes[0] or "Latin-1" in article.notes[0]


def test_a_huge_page_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body>" + b"<p>mot</p>" * (MAX_BYTES // 10) + b"</body></html>")
    started = time.monotonic()
    refused(path, "over 2 MB")
    assert time.monotonic() - started < 2
