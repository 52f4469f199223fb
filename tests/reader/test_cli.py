"""The headless command-line tool: ``python -m reader list|show|import|search``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=120)


def test_list_prints_one_article_per_line(tmp_path: Path) -> None:
    out = run("list", data=tmp_path)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2
    ident, date, title, words = lines[1].split("\t")
    assert ident == "003_71c21fd2b98fa41d" and date == "2021-01"
    assert title == "La violence d’extrême droite a poussé Parler à quitter Internet"
    assert words.endswith(" words") and int(words.split()[0]) > 1000


def test_show_by_id_prefix(tmp_path: Path) -> None:
    out = run("show", "000", data=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "## Le rôle dans les manifestations de Washington" in out.stdout
    assert "id: 000_757345bfb182a35d" in out.stdout


def test_show_unknown_id_fails_clearly(tmp_path: Path) -> None:
    out = run("show", "nope", data=tmp_path)
    assert out.returncode == 2
    assert "no article 'nope'" in out.stderr


def test_import_then_search(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Un titre\n\nLe chat de Schrödinger dort.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    out = run("import", str(good), str(empty), data=tmp_path / "d")
    assert out.returncode == 1
    assert "imported" in out.stdout and "is empty" in out.stderr
    found = run("search", "schrodinger", data=tmp_path / "d")
    assert "Un titre" in found.stdout
    assert len(run("list", data=tmp_path / "d").stdout.strip().splitlines()) == 3
