"""Review: accept, reject, accept a class, undo, persistence and the working text."""

from __future__ import annotations

from reader.analysis import TidyUp
from reader.analysis.review import Review, add_glossary_entry, glossary_entries
from reader.article import parse_article
from reader.storage import Library

SOURCE = "date 2021-01 Amazone a coupé le site de microblogging je parlerai ."


def _at(text: str, replacement: str | None, cls: str) -> TidyUp:
    start = SOURCE.index(text)
    return TidyUp(start, start + len(text), text, replacement, cls, cls)


def _tidy_ups() -> list[TidyUp]:
    return [
        _at("date 2021-01 ", "", "boilerplate"),
        _at("Amazone", "Amazon", "name-variant"),
        _at("je parlerai", "Parler", "literal-name"),
        _at("je parlerai .", "je parlerai.", "typography"),
        _at("a coupé l", None, "calque"),
    ]


def _library(tmp_path) -> Library:  # type: ignore[no-untyped-def]
    library = Library(tmp_path / "reader.db")
    library.add_article(parse_article(SOURCE, article_id="a1"))
    return library


def test_accept_reject_undo_and_persistence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    library = _library(tmp_path)
    review = Review(library, "a1", _tidy_ups())
    keys = [t.key for t in _tidy_ups()]
    review.accept(keys[1])
    review.reject(keys[0])
    assert review.decision(keys[1]) == "accepted"
    assert review.decision(keys[0]) == "rejected"
    assert review.offset_map().working.startswith("date 2021-01 Amazon a")
    assert review.undo()
    assert review.decision(keys[0]) is None
    reopened = Review(Library(tmp_path / "reader.db"), "a1", _tidy_ups())
    assert reopened.decision(keys[1]) == "accepted"
    assert reopened.decision(keys[0]) is None


def test_accept_class_is_one_undo_step(tmp_path) -> None:  # type: ignore[no-untyped-def]
    review = Review(_library(tmp_path), "a1", _tidy_ups())
    review.accept_class("boilerplate")
    review.accept_class("name-variant")
    assert review.offset_map(SOURCE).working.startswith("Amazon a coupé")
    review.undo()
    assert review.decision(_at("Amazone", "", "name-variant").key) is None
    assert review.decision(_at("date 2021-01 ", "", "boilerplate").key) == "accepted"
    assert not Review(_library(tmp_path), "a1", []).can_undo()


def test_overlapping_accepted_edits_resolve_deterministically(tmp_path) -> None:  # type: ignore[no-untyped-def]
    review = Review(_library(tmp_path), "a1", _tidy_ups())
    for t in _tidy_ups():
        review.accept(t.key)
    offsets = review.offset_map(SOURCE)
    # The longer typography edit starting at the same place wins; calques never edit.
    assert offsets.working == "Amazon a coupé le site de microblogging je parlerai."
    assert offsets.to_source(offsets.working.index("a coupé")) == SOURCE.index("a coupé")


def test_glossary_entries_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    library = _library(tmp_path)
    add_glossary_entry(library, "Nous Écrivons", "écrivons")
    assert glossary_entries(library) == [("Nous Écrivons", "écrivons")]


def test_stored_decisions_give_the_working_text_without_analysis(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.analysis.review import stored_offset_map

    library = _library(tmp_path)
    review = Review(library, "a1", _tidy_ups())
    keys = [t.key for t in _tidy_ups()]
    review.accept(keys[1])
    review.accept(keys[2])
    review.reject(keys[0])
    stored = stored_offset_map(Library(tmp_path / "reader.db"), "a1", SOURCE)
    assert stored.working == review.offset_map().working
    assert stored.working == "date 2021-01 Amazon a coupé le site de microblogging Parler ."
    # a decision whose original no longer matches the text is ignored, not misapplied
    changed = SOURCE.replace("Amazone", "Amazon!")
    assert "Amazon!" in stored_offset_map(library, "a1", changed).working
