"""Removing an article: its own rows go in one transaction, shared cache entries stay, undo
puts everything back, a removed bundled article stays removed; and ``python -m reader
remove``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.article import parse_article
from reader.corpus import ensure_bundled
from reader.nlp import Sentence
from reader.removal import remove, removed_bundled, sent_texts, undo_remove
from reader.sentence_store import store_sentences
from reader.storage import Library, StorageError
from reader.translation.cache import TranslationCache

REPO = Path(__file__).resolve().parents[2]
A_TEXT = "Titre A\n\nLe chat dort. Amazone vend des livres."
B_TEXT = "Titre B\n\nLe chat dort. Un autre texte."


def _sentences(article, *texts: str) -> list[Sentence]:
    out = []
    for i, text in enumerate(texts):
        start = article.source.index(text)
        out.append(Sentence(i, 0, start, start + len(text), text))
    return out


def _dump(library: Library) -> dict[str, list]:
    tables = ("articles", "translations", "tidy_up_decisions", "translation_edits",
              "sentence_splits", "annotations")
    return {t: sorted(map(tuple, library.db.execute(f"select * from {t}").fetchall()))
            for t in tables}


@pytest.fixture
def two_articles(tmp_path: Path):
    library = Library(tmp_path / "r.db")
    a = parse_article(A_TEXT, article_id="a")
    b = parse_article(B_TEXT, article_id="b")
    library.add_article(a)
    library.add_article(b)
    store_sentences(library, a, _sentences(a, "Le chat dort.", "Amazone vend des livres."))
    store_sentences(library, b, _sentences(b, "Le chat dort.", "Un autre texte."))
    start = A_TEXT.index("Amazone")
    with library.transaction() as db:
        db.table("tidy_up_decisions").insert(
            {"article_id": "a", "start": start, "end": start + 7, "class": "name-variant",
             "original": "Amazone", "replacement": "Amazon", "decision": "accepted",
             "decided_at": time.time()})
        db.table("annotations").insert({"id": 1, "article_id": "a", "start": 0, "end": 5,
                                        "kind": "note", "colour": "", "note": "à voir",
                                        "created_at": time.time()})
    cache = TranslationCache(library, "m@1", "{}")
    cache.store([("Le chat dort.", "The cat sleeps."),
                 ("Amazon vend des livres.", "Amazon sells books."),
                 ("Un autre texte.", "Another text.")])
    cache.save_edit("a", "Le chat dort.", "The cat is asleep.")
    yield library
    library.close()


def test_removal_deletes_the_articles_own_rows_and_keeps_shared_ones(two_articles) -> None:
    library = two_articles
    assert sent_texts(library, "a") == ["Le chat dort.", "Amazon vend des livres."]
    before = _dump(library)
    removed = remove(library, "a")
    assert not library.has_article("a")
    assert [r["id"] for r in library.search("Amazone")] == []
    sources = {r[0] for r in library.db.execute("select source from translations")}
    # the tidied sentence was only A's; the shared one and B's stay
    assert sources == {"Le chat dort.", "Un autre texte."}
    for table in ("tidy_up_decisions", "translation_edits", "annotations"):
        assert library.db.execute(f"select count(*) from {table}").fetchone()[0] == 0
    assert library.db.execute("select article_id from sentence_splits").fetchall() == [("b",)]
    assert removed.count == 1 + 1 + 1 + 1 + 1 + 1  # article, split, decision, note, edit, cache
    undo_remove(library, removed)
    assert _dump(library) == before
    assert [r["id"] for r in library.search("Amazone")] == ["a"]


def test_removal_is_one_transaction(two_articles) -> None:
    library = two_articles
    before = _dump(library)
    library.db.execute("create trigger no_delete before delete on articles "
                       "begin select raise(abort, 'disk full'); end")
    with pytest.raises(StorageError, match="Could not remove"):
        remove(library, "a")
    assert _dump(library) == before


def test_unknown_article_raises_key_error(two_articles) -> None:
    with pytest.raises(KeyError):
        remove(two_articles, "zzz")


def test_removed_bundled_article_is_not_added_back(tmp_path: Path) -> None:
    library = Library(tmp_path / "r.db")
    ensure_bundled(library)
    removed = remove(library, "000_757345bfb182a35d")
    assert ensure_bundled(library) == 0
    assert removed_bundled(library) == {"000_757345bfb182a35d"}
    undo_remove(library, removed)
    assert library.has_article("000_757345bfb182a35d")
    assert removed_bundled(library) == set()


def _cli(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


def test_cli_remove_asks_then_removes(tmp_path: Path) -> None:
    refused = _cli("remove", "003", data=tmp_path)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert "003_71c21fd2b98fa41d" in _cli("list", data=tmp_path).stdout
    done = _cli("remove", "003", "--yes", data=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("removed 003_71c21fd2b98fa41d\t")
    listed = _cli("list", data=tmp_path).stdout
    assert "003_71c21fd2b98fa41d" not in listed and "000_757345bfb182a35d" in listed
    missing = _cli("remove", "nope", "--yes", data=tmp_path)
    assert missing.returncode == 2 and "no article" in missing.stderr
