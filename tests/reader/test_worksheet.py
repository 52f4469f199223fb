"""Worksheet questions from the analysis and the teacher's decisions, checked on the seeds."""

from __future__ import annotations

import pytest

from reader.session import open_session
from reader.worksheet import Question, generate_questions


def test_questions_follow_the_teachers_decisions(library, nlp) -> None:
    session = open_session(library, "000_757345bfb182a35d")
    kinds = [q.kind for q in generate_questions(session)]
    assert "artifacts" not in kinds  # nothing accepted yet: nothing to find
    for original in ("je parlerai", "Amazone"):
        fix = next(t for t in session.analysis.tidy_ups if t.original == original)
        session.decide("accept", fix.key)
    questions = {q.kind: q for q in generate_questions(session)}
    artifacts = questions["artifacts"]
    assert "Find 2 traces" in artifacts.prompt
    assert artifacts.answer == ["§1: “je parlerai” → “Parler” (literal-name)",
                                "§1: “Amazone” → “Amazon” (name-variant)"]
    same = questions["same-entity"]
    assert "Donald Trump = Trump (People)" in same.answer
    assert "Amazone = Amazon (Organisations)" in same.answer


def test_speakers_table_and_calques_on_the_parler_article(library, nlp) -> None:
    session = open_session(library, "003_71c21fd2b98fa41d")
    questions = generate_questions(session)
    speakers = next(q for q in questions if q.kind == "speakers")
    assert speakers.table == ("Who speaks", "What they say")
    assert speakers.answer[0].startswith("John Matze (3 quotes)")
    calques = [q for q in questions if q.kind == "calque"]
    assert any("Nous sommes toasts" in q.prompt for q in calques)
    assert all(q.answer and q.answer[0] for q in calques)
    # questions travel as plain data (lesson packs) and come back equal
    for q in questions:
        assert Question.from_json(q.to_json()) == q


def test_bad_question_data_is_refused() -> None:
    for bad in ({}, {"kind": "speakers"}, {"kind": "nope", "prompt": "x"},
                {"kind": "free", "prompt": " "}, {"kind": "free", "prompt": "x", "lines": 99}):
        with pytest.raises(ValueError):
            Question.from_json(bad)
