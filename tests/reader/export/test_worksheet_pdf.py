"""Worksheet and answer-key PDFs: what the students get, and what only the key has."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.corpus import ensure_bundled
from reader.export.worksheet import export_worksheet
from reader.session import open_session
from reader.storage import Library
from reader.worksheet import Question, generate_questions

REPO = Path(__file__).resolve().parents[3]


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture
def session(tmp_path: Path, nlp):
    lib = Library(tmp_path / "reader.db")
    ensure_bundled(lib)
    s = open_session(lib, "000_757345bfb182a35d")
    for original in ("je parlerai", "Amazone"):
        s.decide("accept", next(t.key for t in s.analysis.tidy_ups if t.original == original))
    yield s
    lib.close()


def test_the_worksheet_hides_the_answers_and_the_key_has_them(session, tmp_path) -> None:
    questions = generate_questions(session)
    questions.append(Question("free", "Qui a écrit cet article, à votre avis ?", ["Personne"]))
    sheet, key = export_worksheet(session, questions, tmp_path / "s.pdf", tmp_path / "k.pdf")
    student, teacher = _text(sheet), _text(key)
    # the students get the French as published: the artifacts are theirs to find
    assert "je parlerai" in student and "Amazone" in student
    assert "§1" in student and "Worksheet" in student and "Name:" in student
    assert "Find 2 traces" in student and "Qui a écrit cet article" in student
    assert "→" not in student and "Personne" not in student
    assert "“je parlerai” → “Parler” (literal-name)" in teacher
    assert "Answer key" in teacher and "Personne" in teacher
    assert "Donald Trump = Trump (People)" in teacher


def test_worksheet_cli_writes_both_files(tmp_path) -> None:
    out = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "d"),
                          "worksheet", "003", "--out", str(tmp_path / "s.pdf"),
                          "--key", str(tmp_path / "k.pdf")], cwd=REPO, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "John Matze" in _text(tmp_path / "k.pdf")
    bad = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "d"),
                          "worksheet", "nope", "--out", str(tmp_path / "x.pdf")], cwd=REPO,
                         capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and bad.stderr.startswith("error:")
    assert not (tmp_path / "x.pdf").exists()
