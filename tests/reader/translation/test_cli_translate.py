"""``python -m reader translate``: headless, quiet when piped, cached on the second run."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.translation.models import ModelInfo

TEXT = "Le temps est beau. Il a dit que c'est une bonne occasion.\n\nCe livre est très drôle.\n"


def test_without_a_model_it_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "a.txt"
    file.write_text(TEXT, encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "data"), "translate", str(file)]) == 2
    assert "no French→English translation model" in capsys.readouterr().err


def test_needs_one_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "translate"]) == 2
    assert "--all" in capsys.readouterr().err


@pytest.mark.slow
def test_translates_a_file_then_reuses_the_cache(
    zh_model: ModelInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "a.txt"
    file.write_text(TEXT, encoding="utf-8")
    args = ["--data-dir", str(tmp_path / "data"), "translate", str(file),
            "--model", str(zh_model.path), "--any-pair"]
    assert main(args) == 0
    first = capsys.readouterr().err.strip().splitlines()
    assert len(first) == 1 and "3 sentences, 3 by the model" in first[0]
    assert main(args) == 0
    assert "3 sentences, 0 by the model" in capsys.readouterr().err


@pytest.mark.slow
def test_all_articles_with_a_bar_on_a_terminal(
    zh_model: ModelInfo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.corpus import read_bundled
    from reader.storage import Library

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    data = tmp_path / "data"
    small = min(read_bundled(), key=lambda a: len(a.source))  # keeps the run short
    library = Library(data / "reader.db")
    library.add_article(small)
    library.close()
    monkeypatch.setattr("reader.cli_library.ensure_bundled", lambda library: 0)
    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    assert main(["--data-dir", str(data), "translate", "--all", "--model",
                 str(zh_model.path), "--any-pair"]) == 0
    out = err.getvalue()
    assert "\r" in out and "] 0/" in out and f"{small.id}: " in out
