"""Over-long "sentences" (issue 8, item 10): cut by sentence, clause, then length, so parsing
and translating stay linear; the pieces always cover the text exactly."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.article import parse_article
from reader.long_text import MAX_SENTENCE_CHARS, split_long


@given(st.text(alphabet=st.sampled_from("ab ,.;:—\n"), max_size=3000),
       st.integers(min_value=2, max_value=400))
@settings(max_examples=200, deadline=None)
def test_pieces_cover_the_text_within_the_limit(text: str, limit: int) -> None:
    pieces = split_long(text, limit)
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(0 < e - s <= limit for s, e in pieces) or text == ""
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))


def test_cuts_prefer_sentence_ends_then_clauses() -> None:
    clause = "le gouvernement a annoncé une réforme des retraites"
    text = "; ".join([clause] * 40)
    pieces = [text[s:e] for s, e in split_long(text, 300)]
    assert all(p.endswith("; ") for p in pieces[:-1])
    text = ". ".join([clause] * 40) + "."
    pieces = [text[s:e] for s, e in split_long(text, 300)]
    assert all(p.endswith(". ") for p in pieces[:-1])
    blob = "x" * 1000
    assert split_long(blob, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_a_paragraph_without_full_stops_becomes_bounded_sentences(nlp, seed_articles) -> None:
    words = re.sub(r"[.!?…\n]", " ", " ".join(a.source for a in seed_articles)).split()
    text = " ".join((words * 10)[:8000])  # one 8,000-word line, no sentence end
    from reader.nlp import parse_article as parse_sentences

    article = parse_article(text)
    body = article.paragraphs[0].text(article.source)  # after the "date …" header
    parsed = parse_sentences(article, nlp)
    lengths = [len(s.text) for s in parsed.sentences]
    print(f"{len(words)} words → {len(lengths)} sentences, longest {max(lengths)} chars")
    assert max(lengths) <= MAX_SENTENCE_CHARS
    assert len(parsed.sentences) >= len(body) // MAX_SENTENCE_CHARS
    rebuilt = " ".join(s.text for s in parsed.sentences)
    assert rebuilt.split() == body.split()
    assert parsed.docs[0].text == body
