"""Cutting over-long stretches of text so parsing and translating stay linear in length.

A pasted page without full stops (a transcript, a list flattened into one line) can be one
"sentence" of 30,000 words. spaCy's parser and the translation model both cost far more than
linearly on one huge unit (166 s and 1.5 GB for 1 MB), and the model stops long before the
end of it. So a stretch over the limit is cut at the best places available, in this order:

1. sentence ends (``.``, ``!``, ``?``, ``…`` followed by a space);
2. clause marks (``;``, ``:``, ``,``, dashes);
3. any space;
4. anywhere (a run with no space at all).

Every piece is at most ``limit`` characters and the pieces cover the text exactly, so offsets
into the source stay valid. Text under the limit is returned whole.
"""

from __future__ import annotations

import re

# A sentence of a real news article is under ~100 words; this is about 170.
MAX_SENTENCE_CHARS = 1000
# Paragraphs longer than this are parsed in pieces (each a whole number of sentences).
MAX_PARSE_CHARS = 5000

CUTS = (
    re.compile(r"[.!?…][»”\"’)]*\s+"),
    re.compile(r"[;:,]\s+|\s[–—-]\s"),
    re.compile(r"\s+"),
)


def _best_cut(text: str, start: int, limit: int) -> int:
    """The end of the first piece of ``text[start:]``: as late as possible within ``limit``,
    at the best kind of break found in its second half (else anywhere before it)."""
    end = start + limit
    for pattern in CUTS:
        best = -1
        for m in pattern.finditer(text, start + limit // 2, end):
            best = m.end()
        if best > start:
            return best
    for pattern in CUTS:  # nothing in the second half: accept an earlier break
        best = -1
        for m in pattern.finditer(text, start + 1, end):
            best = m.end()
        if best > start:
            return best
    return end


def split_long(text: str, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """(start, end) pieces of ``text``, each at most ``limit`` characters, covering it all."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = _best_cut(text, start, limit)
        pieces.append((start, end))
        start = end
    if start < len(text) or not pieces:
        pieces.append((start, len(text)))
    return pieces
