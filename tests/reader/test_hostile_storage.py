"""Hostile cases for the library database (issue 8, items 5, 8, 9): a full disk, a damaged or
newer database, a folder or a file where the database should be, a read-only library.

Each case checks the message the user reads and that nothing committed before is lost.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.article import parse_article
from reader.storage import MIGRATIONS, Library, StorageError

REPO = Path(__file__).resolve().parents[2]


def _article(n: int, words: int = 50):  # noqa: ANN202
    body = " ".join(f"mot{n}x{i}" for i in range(words))
    return parse_article(f"Titre numéro {n}.\n\n{body}.")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path | None]:
    """A 1 MB tmpfs when the tests run as root and may mount; None otherwise."""
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = False
    if os.geteuid() == 0:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs",
                                  str(folder)], capture_output=True).returncode == 0
    try:
        yield folder if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> None:
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(fd, b"\0" * size):
                    pass
            except OSError:
                continue
    finally:
        os.close(fd)


def test_full_disk_names_the_cause_and_loses_nothing_committed(
        small_disk: Path | None, tmp_path: Path) -> None:
    db_path = (small_disk or tmp_path) / "reader.db"
    library = Library(db_path)
    saved = [_article(n) for n in range(5)]
    for article in saved:
        library.add_article(article)
    if small_disk is not None:
        print("fault: a 1 MB tmpfs filled to the last byte")
        _fill(small_disk)
    else:
        print("fault: SQLite max_page_count at the current size")
        pages = library.db.execute("PRAGMA page_count").fetchone()[0]
        library.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError) as caught:
        for n in range(5, 400):
            library.add_article(_article(n, words=2000))
    message = str(caught.value)
    print("message:", message)
    assert "disk is full" in message
    assert "rollback" not in message.lower()
    library.close()
    if small_disk is not None:
        (small_disk / "filler").unlink()
    reopened = Library(db_path)
    ids = {row["id"] for row in reopened.articles()}
    assert {a.id for a in saved} <= ids
    assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert reopened.article(saved[0].id).source == saved[0].source
    reopened.close()


def test_transaction_does_not_hide_an_error_sqlite_already_rolled_back(tmp_path: Path) -> None:
    library = Library(tmp_path / "r.db")
    pages = library.db.execute("PRAGMA page_count").fetchone()[0]
    library.db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StorageError, match="disk is full") as caught:
        with library.transaction() as db:
            db["settings"].insert_all({"key": f"k{i}", "value": "x" * 4000} for i in range(50))
    assert "no transaction is active" not in str(caught.value)
    assert not library.db.conn.in_transaction


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    db_path = tmp_path / "reader.db"
    Library(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("alter table articles rename to articles_v9")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(StorageError, match="newer version of the reader") as caught:
        Library(db_path)
    print("message:", caught.value)
    assert db_path.read_bytes() == before
    assert not Path(f"{db_path}-wal").exists()


def test_migration_keeps_a_backup_of_the_old_version(tmp_path: Path) -> None:
    db_path = tmp_path / "reader.db"
    conn = sqlite3.connect(db_path)
    conn.isolation_level = None
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db["articles"].insert({"id": "a1", "title": "T", "source": "Bonjour."})
    conn.close()
    library = Library(db_path)
    assert library.schema_version == len(MIGRATIONS)
    backup = tmp_path / "reader.db.bak-v1"
    assert backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("select id from articles").fetchall() == [("a1",)]
    old.close()


@pytest.mark.parametrize("kind", ["random bytes", "a folder", "data dir is a file"])
def test_every_cli_command_gives_one_line_on_an_unusable_database(
        tmp_path: Path, kind: str) -> None:
    data = tmp_path / "data"
    if kind == "random bytes":
        data.mkdir()
        (data / "reader.db").write_bytes(os.urandom(8192))
    elif kind == "a folder":
        (data / "reader.db").mkdir(parents=True)
    else:
        data.write_text("not a folder")
    article = tmp_path / "a.txt"
    article.write_text("Bonjour. Ceci est un article.", encoding="utf-8")
    for command in (["list"], ["show", "x"], ["search", "mot"], ["import", str(article)],
                    ["translate", "--all"]):
        result = subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data), *command],
            capture_output=True, text=True, cwd=REPO, timeout=120)
        print(kind, command[0], "→", result.stderr.strip())
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ")


def test_read_only_library_reads_and_says_why_it_cannot_write(tmp_path: Path) -> None:
    db_path = tmp_path / "reader.db"
    library = Library(db_path)
    article = _article(1)
    library.add_article(article)
    library.close()
    ro = Library(db_path, read_only=True)
    assert [r["id"] for r in ro.articles()] == [article.id]
    assert ro.search("mot1x3")
    with pytest.raises(StorageError, match="read-only"):
        ro.add_article(_article(2))
    with pytest.raises(StorageError, match="read-only"):
        ro.set_setting("a", "b")
    ro.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a read-only mount (root)")
def test_read_only_mount_opens_read_only_from_the_cli(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    Library(data / "reader.db").close()
    subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "list"],
                   check=True, capture_output=True, cwd=REPO)
    mount = tmp_path / "ro"
    mount.mkdir()
    if subprocess.run(["mount", "--bind", "-o", "ro", str(data), str(mount)],
                      capture_output=True).returncode:
        pytest.skip("bind mount not permitted here")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)],
                          capture_output=True).returncode:
            pytest.skip("read-only remount not permitted here")
        listed = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(mount),
                                 "list"], capture_output=True, text=True, cwd=REPO)
        assert listed.returncode == 0, listed.stderr
        assert "Parler" in listed.stdout or listed.stdout.strip()
        article = tmp_path / "a.txt"
        article.write_text("Bonjour. Ceci est un article.", encoding="utf-8")
        imported = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(mount),
                                   "import", str(article)], capture_output=True, text=True,
                                  cwd=REPO)
        print("import on a read-only mount →", imported.stderr.strip())
        assert imported.returncode == 1
        assert "read-only" in imported.stderr
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
