"""The SQLite library: migrations, full-text search, crash safety and unusable folders."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from reader.corpus import ensure_bundled
from reader.storage import MIGRATIONS, Library, StorageError
from tests.killing import write_until_killed

REPO = Path(__file__).resolve().parents[2]


def test_migrations_run_once_and_record_the_version(tmp_path: Path) -> None:
    db_path = tmp_path / "r.db"
    library = Library(db_path)
    assert library.schema_version == len(MIGRATIONS)
    assert {"articles", "translations", "tidy_up_decisions", "annotations"} <= set(
        library.db.table_names())
    library.close()
    again = Library(db_path)  # reopening must not re-run (create would fail if it did)
    assert again.schema_version == len(MIGRATIONS)
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bundled_articles_are_added_once(tmp_path: Path) -> None:
    library = Library(tmp_path / "r.db")
    assert ensure_bundled(library) == 2
    assert ensure_bundled(library) == 0
    rows = library.articles()
    assert [r["id"] for r in rows] == ["000_757345bfb182a35d", "003_71c21fd2b98fa41d"]
    article = library.article("003_71c21fd2b98fa41d")
    assert article.bundled and article.date == "2021-01"


def test_full_text_search_ignores_accents_and_matches_prefixes(tmp_path: Path) -> None:
    library = Library(tmp_path / "r.db")
    ensure_bundled(library)
    assert [r["id"] for r in library.search("Amazone")] == ["000_757345bfb182a35d"]
    assert [r["id"] for r in library.search("Paczkow")] == ["003_71c21fd2b98fa41d"]
    assert {r["id"] for r in library.search("extreme droite")} == {"003_71c21fd2b98fa41d"}
    assert library.search("zzzunknown") == []
    assert len(library.search('"; drop table articles; --')) == 0
    assert len(library.articles()) == 2


def test_failed_transaction_leaves_nothing_behind(tmp_path: Path) -> None:
    library = Library(tmp_path / "r.db")
    with pytest.raises(RuntimeError):
        with library.transaction() as db:
            db["settings"].insert({"key": "a", "value": "1"})
            raise RuntimeError("crash in the middle of a save")
    assert library.get_setting("a") is None
    library.set_setting("a", "2")
    assert library.get_setting("a") == "2"


def test_read_only_folder_gives_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):  # root ignores permissions: use a path under a file
            blocker = tmp_path / "file"
            blocker.write_text("x")
            target = blocker / "sub" / "r.db"
        else:
            target = folder / "r.db"
        with pytest.raises(StorageError, match="Cannot open the library"):
            Library(target)
    finally:
        folder.chmod(0o700)


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reader.storage import Library
    library = Library(Path(sys.argv[1]))
    i = 0
    while True:
        with library.transaction() as db:
            for j in range(50):
                db["settings"].insert({"key": f"k{i}-{j}", "value": "x" * 200})
        print(i, flush=True)
        i += 1
""")


@pytest.mark.slow
def test_sigkill_mid_write_keeps_every_committed_row(tmp_path: Path) -> None:
    db_path = tmp_path / "r.db"
    Library(db_path).close()
    committed = write_until_killed(WRITER, db_path, until=40)
    assert committed >= 40, "the writer did not get going"
    library = Library(db_path)
    assert library.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = library.db.execute("select count(*) from settings").fetchone()[0]
    # Every batch reported as committed is there, and batches are never half-written.
    assert rows >= (committed + 1) * 50
    assert rows % 50 == 0
    for i in range(committed + 1):
        assert library.get_setting(f"k{i}-49") == "x" * 200
