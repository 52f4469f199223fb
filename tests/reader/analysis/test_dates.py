"""Years against counted things: a four-digit number before a plural noun is a quantity."""

from __future__ import annotations

from reader.analysis.dates import rule_entities


def _dates(text: str) -> list[str]:
    return [text[s:e] for s, e, label in rule_entities(text) if label == "DATE"]


def test_a_number_counting_things_is_not_a_year() -> None:
    text = ("La veille, près de 290 000 personnes avaient manifesté à 2034 endroits. La page "
            "compte près de 2000 membres et 1500 abonnés.")
    assert _dates(text) == []


def test_years_before_words_that_are_not_plural_nouns_stay_years() -> None:
    text = ("En 2019 des manifestations ont eu lieu. Depuis 2015 dans la région, et en 2018 "
            "puis en 2020, le mouvement a grandi. Le rapport annuel 2014 reste la référence.")
    assert _dates(text) == ["2019", "2015", "2018", "2020", "2014"]
