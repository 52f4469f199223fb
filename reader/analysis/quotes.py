"""Quoted passages: guillemets, curly and straight quotes, and embedded tweets.

Quotation marks are paired per paragraph with a nesting depth, so ``«Qui … voir« expédié »en
premier? … »`` is one quote with a nested one inside (nested quotes are not listed on their
own). French convention: a paragraph that opens a « and does not close it continues into the
next paragraph when that one opens with «; the quote then spans both. An unclosed quote
otherwise ends with its paragraph. Embedded tweets are recognised from their residue
(``… pic.twitter.com/… – Name (@handle) date``) and attributed to their author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.article import Article

TWEET_RESIDUE = re.compile(
    r"(?P<link>\s*(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)\s*)?"
    r"[—–-]\s*(?P<name>[^()\n—–]{2,60}?)\s*\((?P<handle>@\w{1,30})\)\s*"
    r"(?P<date>(?:\d{1,2}(?:er)?\s+\w+|\w+\s+\d{1,2},?)\s+\d{4})\s*$"
)
# A paragraph that ends with an attribution incise: ", a précisé Berhalter.",
# ", souligne Mme Bennett-Begaye.", ", ajoute-t-il."
ENDS_WITH_INCISE = re.compile(
    r",\s+(?:[a-zà-ÿ’'-]+\s+){1,3}(?:(?:M\.|Mme|Dr)\s+)?[A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)*"
    r"\.\s*$|,\s+[a-zà-ÿ’'-]+-t?-?(?:il|elle|ils|elles|on)\.\s*$")
OPENING = {"«": "»", "“": "”"}
# After a nested quote closes: the sentence ends and another quote opens at once.
SHARED_CLOSE = re.compile(r"[ \u00a0\u202f]*[.!?…]+[ \u00a0\u202f]+[«“]")


@dataclass(frozen=True)
class QuoteSpan:
    """A quote's extent before attribution; ``open_end`` when it never closed."""

    start: int
    end: int
    kind: str
    open_end: bool = False
    speaker: str = ""
    speaker_span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Tweet:
    """An embedded tweet: its text, the residue after it, and the author."""

    start: int
    end: int
    residue_start: int
    residue_end: int
    author: str
    author_span: tuple[int, int]
    handle: str


def find_tweets(article: Article) -> list[Tweet]:
    """Paragraphs ending in tweet residue (link, ``– Name (@handle) date``)."""
    tweets = []
    for para in article.paragraphs:
        text = para.text(article.source)
        m = TWEET_RESIDUE.search(text)
        if not m or (m.group("link") is None and len(text) - m.start() > 120):
            continue
        body_end = m.start()
        while body_end > 0 and text[body_end - 1].isspace():
            body_end -= 1
        residue_start = para.start + body_end
        tweets.append(Tweet(
            para.start, para.start + body_end, residue_start, para.start + m.end(),
            m.group("name").strip(), (para.start + m.start("name"), para.start + m.end("name")),
            m.group("handle"),
        ))
    return tweets


def _pair_marks(text: str, base: int) -> tuple[list[tuple[int, int, int]], int | None]:
    """Top-level ``(start, end, depth)`` quotes in one paragraph, and an unclosed opening."""
    found: list[tuple[int, int, int]] = []
    stack: list[tuple[str, int]] = []
    straight_open: int | None = None
    for i, ch in enumerate(text):
        if ch in OPENING:
            stack.append((ch, i))
        elif ch in ("»", "”"):
            if stack and OPENING[stack[-1][0]] == ch:
                _, start = stack.pop()
                found.append((base + start, base + i + 1, len(stack)))
                if len(stack) == 1 and SHARED_CLOSE.match(text, i + 1):
                    # «un représentant des «gilets jaunes». «Les samedis…: one » closed
                    # both, since a new quote opens at once
                    _, start = stack.pop()
                    found.append((base + start, base + i + 1, 0))
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                found.append((base + straight_open, base + i + 1, len(stack)))
                straight_open = None
    unclosed = base + stack[0][1] if stack else None
    return [q for q in found if q[2] == 0], unclosed


def find_quote_spans(article: Article, tweets: list[Tweet]) -> list[QuoteSpan]:
    """Every top-level quote and tweet, in text order."""
    source = article.source
    spans: list[QuoteSpan] = []
    carry: int | None = None
    for para in article.paragraphs:
        text = para.text(source)
        if any(t.start == para.start for t in tweets):
            tweet = next(t for t in tweets if t.start == para.start)
            spans.append(QuoteSpan(tweet.start, tweet.end, "tweet", speaker=tweet.author,
                                   speaker_span=tweet.author_span))
            carry = None
            continue
        if carry is not None:
            # Continuation: the previous paragraph's quote goes on if this one opens with «.
            if text.startswith(("«", "“")):
                closes = _first_close_at_depth0(text)
                if closes is None:
                    continue  # the quote runs on through this paragraph too
                if closes is not None:
                    spans.append(QuoteSpan(carry, para.start + closes, "direct"))
                    text_from = closes
                    carry = None
                    found, unclosed = _pair_marks(text[text_from:], para.start + text_from)
                    spans.extend(QuoteSpan(s, e, "direct") for s, e, _ in found)
                    carry = unclosed
                    continue
            prev = _para_before(article, para.start)
            spans.append(QuoteSpan(carry, prev, "direct", open_end=True))
            carry = None
        found, unclosed = _pair_marks(text, para.start)
        spans.extend(QuoteSpan(s, e, "direct") for s, e, _ in found)
        carry = unclosed
        if carry is not None and ENDS_WITH_INCISE.search(text):
            # "«Nous sommes ravis …, a précisé Berhalter." with no closing mark: the quote
            # ends with its paragraph, however the next one opens
            spans.append(QuoteSpan(carry, para.end, "direct", open_end=True))
            carry = None
    if carry is not None:
        spans.append(QuoteSpan(carry, article.paragraphs[-1].end, "direct", open_end=True))
    return sorted(spans, key=lambda q: q.start)


def _first_close_at_depth0(text: str) -> int | None:
    """In a continuing paragraph (opening « repeated), where the carried quote closes."""
    depth = 0
    for i, ch in enumerate(text):
        if i == 0:
            continue
        if ch in OPENING:
            depth += 1
        elif ch in ("»", "”"):
            if depth == 0:
                return i + 1
            depth -= 1
    return None


def _para_before(article: Article, offset: int) -> int:
    prev = [p for p in article.paragraphs if p.end <= offset]
    return prev[-1].end if prev else offset
