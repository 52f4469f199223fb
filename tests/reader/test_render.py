"""The render model: one decision of what every run shows, for the window and the PDF."""

from __future__ import annotations

import pytest

from reader.render import GAP, LAYERS, RenderOptions, build_render, plain_text
from reader.session import open_session
from reader.session_english import SentenceEnglish

TRUMP = "000_757345bfb182a35d"


@pytest.fixture
def session(library, nlp):
    return open_session(library, TRUMP)


def _french(model):
    return [r for p in model.paragraphs for r in p.french]


def test_without_layers_the_french_is_the_source_exactly(session) -> None:
    model = build_render(session, RenderOptions(layers=frozenset()))
    article = session.article
    for para, rendered in zip(article.paragraphs, model.paragraphs, strict=True):
        assert plain_text(rendered.french) == para.text(article.source)
    assert plain_text(model.header) == article.source[:article.date_header[1]]


def test_source_offsets_of_runs_point_at_their_text(session) -> None:
    source = session.article.source
    for run in _french(build_render(session)):
        if run.source_start is not None:
            assert source[run.source_start:run.source_start + len(run.text)] == run.text


def test_an_accepted_fix_shows_original_gap_and_correction(session) -> None:
    fix = next(t for t in session.analysis.tidy_ups if t.original == "Amazone")
    session.decide("accept", fix.key)
    runs = _french(build_render(session))
    i = next(i for i, r in enumerate(runs) if r.tidy_key == fix.key and r.tidy == "original")
    assert [r.text for r in runs[i:i + 3]] == ["Amazone", GAP, "Amazon"]
    assert runs[i + 2].role == "replacement" and runs[i + 2].tidy_state == "accepted"
    # not inline: only the correction, the original is not shown
    plain = plain_text(_french(build_render(session, RenderOptions(fixes_inline=False))))
    assert "surtout Amazon, qui" in plain and "Amazone" not in plain


def test_layers_can_be_switched_off_one_by_one(library, nlp) -> None:
    session = open_session(library, "003_71c21fd2b98fa41d")  # the one with direct quotes
    source = session.article.source
    session.highlight_french(source.index("Parler"), source.index("Parler") + 6, "red", "note")
    full = _french(build_render(session))
    assert any(r.entity for r in full) and any(r.highlight for r in full)
    assert any(r.role == "note" for r in full) and any(r.quote for r in full)
    for layer, test in (("entities", lambda r: r.entity), ("highlights", lambda r: r.highlight),
                        ("notes", lambda r: r.role == "note"), ("quotes", lambda r: r.quote),
                        ("tidyups", lambda r: r.tidy)):
        without = _french(build_render(session, RenderOptions(
            layers=frozenset(LAYERS) - {layer})))
        assert not any(test(r) for r in without), layer


def test_hidden_entity_types_are_not_drawn(session) -> None:
    runs = _french(build_render(session, RenderOptions(hidden_labels=frozenset({"PER"}))))
    assert not any(r.entity == "PER" for r in runs) and any(r.entity == "ORG" for r in runs)


def test_english_runs_carry_entities_notes_and_the_edit_sign(session) -> None:
    session.set_english([SentenceEnglish(0, "After Twitter, Donald Trump lost Parler.")])
    session.highlight_english(0, 0, 5, "green", "a note")
    session.edit_english(0, "After Twitter, Donald Trump lost Parler.")
    model = build_render(session)
    english = next(e for p in model.paragraphs for e in p.english if e.sentence_id == 0)
    assert english.edited
    labels = {r.entity for r in english.runs if r.entity}
    assert "PER" in labels
    assert [r.text for r in english.runs if r.role == "note"] == ["[1]"]
    assert english.runs[-1].role == "edited"
    assert model.notes[0].annotation.note == "a note"


def test_current_sentence_and_english_hidden(session) -> None:
    session.set_current_sentence(1)
    model = build_render(session, RenderOptions(show_english=False))
    assert all(p.english == () for p in model.paragraphs)
    current = {r.sentence_id for r in _french(model) if r.current}
    assert current == {1}
