"""Spans and the offset map: property tests that spans stay inside the text both ways."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.spans import Edit, OffsetMap, Span


@st.composite
def text_and_edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text(alphabet="abc «»’ .é", min_size=0, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        edits.append(Edit(a, b, draw(st.text(alphabet="xyz’", max_size=5))))
    # drop insertions that share a start with another edit (ambiguous order)
    seen: set[int] = set()
    unique = []
    for e in edits:
        if e.start not in seen:
            unique.append(e)
            seen.add(e.start)
    return text, unique


@settings(max_examples=400)
@given(text_and_edits(), st.data())
def test_spans_stay_inside_both_texts(case: tuple[str, list[Edit]], data: st.DataObject) -> None:
    text, edits = case
    omap = OffsetMap(text, edits)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    span = Span(a, b, "test")
    forward = omap.span_to_working(span)
    assert 0 <= forward.start <= forward.end <= len(omap.working)
    back = omap.span_to_source(forward)
    assert 0 <= back.start <= back.end <= len(text)
    # Mapping there and back never shrinks the span: nothing is lost.
    assert back.start <= span.start and span.end <= back.end or span.start == span.end


@settings(max_examples=400)
@given(text_and_edits(), st.data())
def test_spans_clear_of_edits_round_trip_exactly(case: tuple[str, list[Edit]],
                                                  data: st.DataObject) -> None:
    text, edits = case
    omap = OffsetMap(text, edits)
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    if any(e.start <= b and a <= e.end for e in edits):
        return  # touches an edit: widened, checked by the test above
    span = Span(a, b, "test")
    forward = omap.span_to_working(span)
    assert omap.working[forward.start:forward.end] == text[a:b]
    assert omap.span_to_source(forward) == span


@settings(max_examples=400)
@given(text_and_edits())
def test_working_text_applies_every_edit(case: tuple[str, list[Edit]]) -> None:
    text, edits = case
    omap = OffsetMap(text, edits)
    expected = text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        expected = expected[: e.start] + e.replacement + expected[e.end:]
    assert omap.working == expected
    for e in edits:
        if any(o is not e and o.start <= e.end and e.start <= o.end for o in edits):
            continue  # adjacent edits share a boundary; the span widens over both
        w = omap.span_to_working(Span(e.start, e.end, "edit"))
        assert omap.working[w.start:w.end] == e.replacement


def test_working_slice_of_sentence_next_to_an_edit() -> None:
    text = "Amazone gère. Il parle."
    omap = OffsetMap(text, [Edit(0, 7, "Amazon")])
    assert omap.working == "Amazon gère. Il parle."
    assert omap.working_slice(0, 13) == "Amazon gère."
    assert omap.working_slice(14, 23) == "Il parle."


def test_overlapping_edits_are_refused() -> None:
    with pytest.raises(ValueError, match="overlapping"):
        OffsetMap("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


def test_invalid_span_is_refused() -> None:
    with pytest.raises(ValueError):
        Span(5, 2, "bad")
