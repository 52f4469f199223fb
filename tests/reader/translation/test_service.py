"""Streaming an article through the real engine, the cache, and per-sentence actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.nlp import ParsedArticle, parse_article
from reader.storage import Library
from reader.translation.engine import DecodingOptions
from reader.translation.models import ModelInfo
from reader.translation.service import ArticleTranslator, SentenceTranslation, warm_up

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def parsed(seed_articles, nlp) -> ParsedArticle:  # noqa: ANN001
    """The longer seed article, split by our spaCy pipeline."""
    article = max(seed_articles, key=lambda a: len(a.source))
    return parse_article(article, nlp)


def pairs(parsed: ParsedArticle) -> list[tuple[int, str]]:
    return [(s.id, s.text) for s in parsed.sentences]


def test_article_streams_visible_first_then_reopens_from_cache(
    zh_model: ModelInfo, parsed: ParsedArticle, tmp_path: Path
) -> None:
    warm_up(zh_model)
    library = Library(tmp_path / "reader.db")
    translator = ArticleTranslator(library, zh_model)
    article_id = parsed.article.id
    visible = [s.id for s in parsed.sentences if s.paragraph in (5, 6)]
    assert visible
    reported: list[SentenceTranslation] = []
    progress: list[tuple[int, int]] = []
    count = translator.translate(article_id, pairs(parsed), visible, reported.append,
                                 on_progress=lambda d, t: progress.append((d, t)))
    total = len(parsed.sentences)
    assert count == len({s.text for s in parsed.sentences})
    assert sorted(r.sentence_id for r in reported) == list(range(total))
    assert [r.sentence_id for r in reported[: len(visible)]] == visible
    assert all(r.text and not r.edited for r in reported)
    assert progress[0] == (0, total) and progress[-1] == (total, total)
    assert translator.model_calls >= 2
    library.close()

    # A restart: a new connection and translator; nothing is translated again.
    library = Library(tmp_path / "reader.db")
    again = ArticleTranslator(library, zh_model)
    cached = again.cached(article_id, pairs(parsed))
    assert {i: c.text for i, c in cached.items()} == {r.sentence_id: r.text for r in reported}
    second: list[SentenceTranslation] = []
    assert again.translate(article_id, pairs(parsed), None, second.append) == 0
    assert again.model_calls == 0 and len(second) == total


def test_cancel_keeps_finished_batches(
    zh_model: ModelInfo, parsed: ParsedArticle, tmp_path: Path
) -> None:
    library = Library(tmp_path / "reader.db")
    translator = ArticleTranslator(library, zh_model)
    reported: list[SentenceTranslation] = []
    count = translator.translate(parsed.article.id, pairs(parsed), [0], reported.append,
                                 is_cancelled=lambda: bool(reported))
    assert 0 < count < len(parsed.sentences)
    # What was reported was committed at once, and is all the cache holds.
    fresh = ArticleTranslator(Library(tmp_path / "reader.db"), zh_model)
    cached = fresh.cached(parsed.article.id, pairs(parsed))
    assert {i: c.text for i, c in cached.items()} == {r.sentence_id: r.text for r in reported}
    assert translator.translate(parsed.article.id, pairs(parsed), None, lambda s: None,
                                is_cancelled=lambda: True) == 0


def test_cache_key_covers_text_model_and_options(zh_model: ModelInfo, tmp_path: Path) -> None:
    library = Library(tmp_path / "reader.db")
    translator = ArticleTranslator(library, zh_model)
    sentences = [(0, "天气很好。"), (1, "天气很好。"), (2, "他说这是一个很好的机会。"), (3, " ")]
    got: dict[int, str] = {}
    assert translator.translate("a", sentences, None,
                                lambda s: got.__setitem__(s.sentence_id, s.text)) == 2
    assert got[0] == got[1] and got[3] == ""
    # Another article with a sentence changed (a tidy-up): only that one is translated.
    changed = [(0, "天气很好。"), (1, "天气不好。")]
    assert translator.translate("b", changed, None, lambda s: None) == 1
    # Other decoding options do not reuse those entries.
    other = ArticleTranslator(library, zh_model, DecodingOptions(length_extra=11))
    assert other.cached("a", sentences).keys() == {3}


def test_edits_win_and_retranslate_overwrites_the_cache(
    zh_model: ModelInfo, tmp_path: Path
) -> None:
    library = Library(tmp_path / "reader.db")
    translator = ArticleTranslator(library, zh_model)
    sentences = [(0, "天气很好。"), (1, "他说这是一个很好的机会。")]
    translator.translate("a", sentences, None, lambda s: None)
    machine = translator.cached("a", sentences)[0].text

    edited = translator.edit("a", 0, "天气很好。", "Lovely weather.")
    assert edited == SentenceTranslation(0, "Lovely weather.", True)
    # The edit is keyed by article and text, so it follows the sentence to a new id.
    moved = [(5, "天气很好。"), (1, "他说这是一个很好的机会。")]
    assert translator.cached("a", moved)[5] == SentenceTranslation(5, "Lovely weather.", True)
    assert translator.cached("other article", moved)[5].edited is False
    reported: list[SentenceTranslation] = []
    assert translator.translate("a", moved, None, reported.append) == 0
    assert SentenceTranslation(5, "Lovely weather.", True) in reported
    kept = translator.retranslate("a", 5, "天气很好。")
    assert kept == SentenceTranslation(5, "Lovely weather.", True)

    # Retranslate bypasses the cache and replaces a bad entry.
    translator.cache.store([("他说这是一个很好的机会。", "garbage")])
    assert translator.cached("a", sentences)[1].text == "garbage"
    calls = translator.model_calls
    fresh = translator.retranslate("a", 1, "他说这是一个很好的机会。")
    assert translator.model_calls == calls + 1 and fresh.text != "garbage"
    assert translator.cached("a", sentences)[1] == fresh

    back = translator.discard_edit("a", 0, "天气很好。")
    assert back == SentenceTranslation(0, machine, False)
