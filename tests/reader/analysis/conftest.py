"""Helpers for analysis tests: parse a French text into an analysed article."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.analysis import Analysis, analyze
from reader.article import parse_article
from reader.nlp import ParsedArticle
from reader.nlp import parse_article as parse_sentences


@pytest.fixture
def parse(nlp) -> Callable[[str], ParsedArticle]:  # type: ignore[no-untyped-def]
    """Parse a text with the real spaCy pipeline."""

    def run(text: str) -> ParsedArticle:
        return parse_sentences(parse_article(text), nlp)

    return run


@pytest.fixture
def analyse(parse) -> Callable[..., Analysis]:  # type: ignore[no-untyped-def]
    """Parse and analyse a text."""

    def run(text: str, **kwargs: object) -> Analysis:
        return analyze(parse(text), **kwargs)  # type: ignore[arg-type]

    return run
