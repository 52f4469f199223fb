"""How the library list is ordered: by date, title, length or when an article was last opened.

Pure functions over the library's rows (dicts with ``title``, ``date``, ``word_count`` and
``id``), so the order can be tested without a window. Every order ends with the title and
then the id, so two articles never swap places between refreshes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SORT_ORDERS: dict[str, str] = {
    "date": "Newest first",
    "title": "Title",
    "words": "Longest first",
    "recent": "Recently opened",
}
DEFAULT_ORDER = "date"


def _title_key(row: dict[str, Any]) -> tuple[str, str]:
    return (str(row["title"]).casefold(), str(row["id"]))


def sort_rows(rows: Sequence[dict[str, Any]], order: str,
              recent: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The rows in the chosen order; ``recent`` lists article ids, most recent first."""
    by_title = sorted(rows, key=_title_key)
    if order == "title":
        return by_title
    if order == "words":
        return sorted(by_title, key=lambda r: -int(r["word_count"] or 0))
    if order == "recent":
        rank = {article_id: i for i, article_id in enumerate(recent)}
        return sorted(by_title, key=lambda r: rank.get(str(r["id"]), len(rank)))
    # By date, newest first; undated articles go last. Dates are ISO text (YYYY, YYYY-MM or
    # YYYY-MM-DD), so comparing them as text orders them in time. The sort is stable, also
    # reversed, so articles of one date stay in title order.
    dated = sorted((r for r in by_title if r["date"]), key=lambda r: str(r["date"]),
                   reverse=True)
    return dated + [r for r in by_title if not r["date"]]


def remember_opened(recent: Sequence[str], article_id: str, keep: int = 200) -> list[str]:
    """``recent`` with ``article_id`` moved to the front."""
    return [article_id, *[a for a in recent if a != article_id]][:keep]
