"""Dates and figures: the classes of number an article gives, and those it does not.

Behaviour on constructed sentences (what counts as a figure), not an accuracy claim; the
seed articles are checked against a hand-made list in test_compare.py.
"""

from __future__ import annotations

import pytest

from reader.article import parse_article
from reader.figures import date_key, figures_of
from reader.session import ArticleSession
from reader.storage import Library


def figures(text: str) -> list[tuple[str, float, str, str]]:
    session = ArticleSession(Library(None), parse_article(text, article_id="t"))
    return [(f.text, f.value, f.unit, f.kind) for f in figures_of(session)]


@pytest.mark.parametrize("text, expected", [
    ("Le chômage atteint 12 pour cent cette année.", [("12 pour cent", 12.0, "%", "percent")]),
    ("Environ 7,5 % des votants.", [("Environ 7,5 %", 7.5, "%", "percent")]),
    ("Une amende de 5 millions de dollars.",
     [("5 millions de dollars", 5e6, "$", "money")]),
    ("Le billet coûte 300 € désormais.", [("300 €", 300.0, "€", "money")]),
    ("Elle a versé 1,2 milliard d’euros.", [("1,2 milliard d’euros", 1.2e9, "€", "money")]),
    ("Il y a eu au moins cinq morts.", [("au moins cinq morts", 5.0, "morts", "count")]),
    ("Près de 1 800 salariés.", [("Près de 1 800 salariés", 1800.0, "salariés", "count")]),
    ("Trois grandes entreprises ont agi.",
     [("Trois grandes entreprises", 3.0, "grandes entreprises", "count")]),
    ("Les deux géants ont suivi.", []),  # refers back, gives no figure
    ("Votez : 1) Nancy 2) John.", []),  # list numbering
    ("Des forums comme 8kun ont servi.", []),  # a number glued to a name
    ("Une seule semaine, le numéro un.", []),  # un/une are articles
])
def test_figure_classes(text: str, expected: list[tuple[str, float, str, str]]) -> None:
    assert figures(text) == expected


def test_a_date_header_is_no_figure() -> None:
    assert figures("date 2021-01 Le site a fermé pour dix jours.") == [
        ("dix jours", 10.0, "jours", "count")]


@pytest.mark.parametrize("text, key", [
    ("dimanche 10 janvier", "10/01"), ("10 janvier 2021", "10/01"), ("1er mars", "01/03"),
    ("novembre 2020", "11/2020"), ("novembre", "month 11"), ("2018", "2018"),
    ("samedi soir", "weekday samedi"), ("mi-août", "month 08"),
])
def test_date_keys(text: str, key: str) -> None:
    assert date_key(text) == key
