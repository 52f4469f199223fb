"""Is a capitalised word also an ordinary French word? Asked of the model's lemma tables.

Names that are also words (``Berne``, ``Parler``, ``Orange``) need more evidence before they
count as names; the entity, speaker and tidy-up rules all ask the same question here.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _lemma_tables() -> tuple[object, frozenset[str]]:
    from reader.nlp import load_pipeline

    lemmatizer = load_pipeline().get_pipe("lemmatizer")
    tables = lemmatizer.lookups  # type: ignore[attr-defined]
    index = tables.get_table("lemma_index")
    base = frozenset(w for words in index.values() for w in words)
    return tables.get_table("lemma_lookup"), base


def is_common_word(word: str) -> bool:
    """True when the lower-cased word is an ordinary French word (a verb form, a noun…)."""
    try:
        lookup, base = _lemma_tables()
    except Exception:  # pragma: no cover - the model always has these tables
        return False
    w = word.casefold()
    return w in base or w in lookup  # type: ignore[operator]
