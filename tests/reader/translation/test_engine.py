"""The engine: batch planning, the runaway guard, and the real CTranslate2 model."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.translation.engine import (
    BatchPlan,
    DecodingOptions,
    OutputGuard,
    engine_loaded,
    forget_engine,
    load_engine,
    loop_start,
    plan_batches,
    sub_batch_tokens,
    thread_counts,
)
from reader.translation.models import ModelInfo


def test_loop_start_finds_runaway_repetition() -> None:
    assert loop_start("a b c d".split()) is None
    assert loop_start("x de la de la de la".split()) == 3
    assert loop_start("the the the".split()) is None  # one token needs four copies
    assert loop_start("so the the the the".split()) == 2
    assert loop_start("a b c a b c a b c".split()) == 3


def test_guard_stops_each_sentence_at_its_own_cap() -> None:
    options = DecodingOptions(length_ratio=1.0, length_extra=2)
    guard = OutputGuard(options, [["a"] * 3, ["b"] * 10])
    assert guard.caps == [5, 12]

    class Step:
        def __init__(self, batch_id: int, token: str) -> None:
            self.batch_id, self.token = batch_id, token

    stops = [guard(Step(0, t)) for t in "p q r s t".split()]
    assert stops == [False, False, False, False, True]
    assert guard.finish(0, list("pqrstuvw")) == list("pqrst")
    assert guard.finish(1, "x y z y z y z".split()) == "x y z".split()


@given(st.lists(st.integers(1, 300), max_size=60), st.integers(0, 60),
       st.integers(64, 4096), st.integers(32, 2048))
def test_every_sentence_is_planned_once_visible_first(
    lengths: list[int], visible: int, batch_tokens: int, first_tokens: int
) -> None:
    visible = min(visible, len(lengths))
    plan = BatchPlan(batch_tokens, first_tokens)
    batches = list(plan_batches(range(len(lengths)), lengths, visible, plan))
    flat = [p for b in batches for p in b]
    assert sorted(flat) == list(range(len(lengths)))
    assert all(batches)
    # No visible sentence is translated after one that is not visible.
    last_visible = max((i for i, p in enumerate(flat) if p < visible), default=-1)
    first_other = min((i for i, p in enumerate(flat) if p >= visible), default=len(flat))
    if sum(lengths) > batch_tokens:
        assert last_visible < first_other
        assert not visible or flat[0] == 0
    else:
        assert len(batches) <= 1
    total = sum(lengths)
    assert len(batches) <= 2 + -(-total // batch_tokens)


@given(st.lists(st.integers(1, 500), min_size=1, max_size=80), st.integers(1, 4))
def test_sub_batches_never_outnumber_workers(lengths: list[int], workers: int) -> None:
    size = sub_batch_tokens(lengths, workers)
    chunks, used = 1, 0
    for n in sorted(lengths):  # how CTranslate2 fills sub-batches
        if used and used + n > size:
            chunks, used = chunks + 1, 0
        used += n
    assert chunks <= workers


def test_thread_counts() -> None:
    assert thread_counts(1) == (1, 1)
    assert thread_counts(2) == (2, 1)
    assert thread_counts(8) == (2, 4)


@pytest.mark.slow
def test_real_model_translates_and_is_loaded_once(zh_model: ModelInfo) -> None:
    forget_engine(zh_model.path)
    assert not engine_loaded(zh_model)
    engine = load_engine(zh_model)
    assert load_engine(zh_model) is engine and engine_loaded(zh_model)
    english = engine.translate(["天气很好。", "他说这是一个很好的机会。"])
    assert "weather" in english[0].lower()
    assert "opportunity" in english[1].lower() or "chance" in english[1].lower()
    assert engine.calls == 1
    forget_engine(zh_model.path)
    assert load_engine(zh_model) is not engine


@pytest.mark.slow
def test_output_length_is_bounded(zh_model: ModelInfo) -> None:
    options = DecodingOptions(length_ratio=0.5, length_extra=1)
    engine = load_engine(zh_model, options)
    texts = ["天气很好。", "这本书非常有意思，我推荐给大家阅读。", "Accroche Pence " * 10]
    tokens = engine.encode(texts)
    for src, out in zip(tokens, engine.translate_tokens(tokens), strict=True):
        assert 0 < len(out) <= options.max_length(len(src))
