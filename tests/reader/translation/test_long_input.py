"""A sentence longer than the model takes is cut into parts and translated whole."""

from __future__ import annotations

from reader.translation.engine import MAX_INPUT_TOKENS, load_engine, split_tokens


def test_split_tokens_cuts_after_punctuation() -> None:
    tokens = (["▁un", "▁deux", "▁trois,"] * 200)
    parts = split_tokens(tokens, 100)
    assert sum(parts, []) == tokens
    assert all(len(p) <= 100 for p in parts)
    assert all(p[-1].endswith(",") for p in parts[:-1])


def test_a_very_long_input_is_translated_in_full(zh_model) -> None:
    engine = load_engine(zh_model)
    clauses = [f"{n}号我们去北京，" for n in range(1, 151)]  # no repeats: no loop guard
    short = engine.translate(["".join(clauses[:3])])[0]
    long_text = "".join(clauses)
    assert len(engine.encode([long_text])[0]) > 2 * MAX_INPUT_TOKENS
    english = engine.translate([long_text])[0]
    print(f"short: {len(short)} chars, long: {len(english)} chars")
    assert len(english) > 10 * len(short)
    assert "150" in english  # the end of the input is translated too
