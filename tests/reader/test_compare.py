"""Comparing the two seed articles (Parler, January 2021) against a hand-made comparison.

Gold, from reading articles/000_*.txt (A) and articles/003_*.txt (B):

- named in both: Parler, Donald Trump, Amazon (A writes it ``Amazone`` once), Apple, Google,
  Twitter, Facebook, Washington, the Capitole, the App Store, John Matze, and Google's Play
  Store (A: ``le Play Store``, B: ``le Google Play Store``);
- named only in A: Twitch, the États-Unis, the Silicon Valley, the Congrès;
- A quotes nobody (John Matze is reported, not quoted); B quotes 15 voices;
- A relies on ``plusieurs plaintes en ligne``; B on outlets (BuzzFeed News, Washington Post…);
- A's only figure is ``trois grandes entreprises``; B gives ``au moins cinq morts``,
  ``environ 40%``, ``environ 10 millions de personnes``, ``près de 270000 fois``;
- the date both give is 10 January (A: ``dimanche 10 janvier``; B only in the residue of an
  embedded tweet, ``10 janvier 2021``, which the boilerplate tidy-up removes).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.compare import compare_sessions, merge_spellings, pair_up
from reader.corpus import ensure_bundled
from reader.names import NamedEntity, name_match
from reader.session import ArticleSession, open_session
from reader.storage import Library

SHORT = "000_757345bfb182a35d"
LONG = "003_71c21fd2b98fa41d"
GOLD_BOTH = {("Parler", "Parler"), ("Donald Trump", "Donald Trump"), ("Amazon", "Amazon"),
             ("Apple", "Apple"), ("Google", "Google"), ("Twitter", "Twitter"),
             ("Facebook", "Facebook"), ("Washington", "Washington"),
             ("Capitole", "Capitole"), ("App Store", "App Store"),
             ("John Matze", "John Matze"), ("Play Store", "Google Play Store")}
GOLD_ONLY_A = {"Twitch", "États-Unis", "Silicon Valley", "Congrès"}
GOLD_FIGURES_B = {("au moins cinq morts", 5.0, "count"), ("environ 40%", 40.0, "percent"),
                  ("environ 10 millions de personnes", 10e6, "count"),
                  ("près de 270000 fois", 270000.0, "count")}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    library = Library(tmp_path_factory.mktemp("compare") / "reader.db")
    ensure_bundled(library)
    return library


@pytest.fixture(scope="module")
def pair(library: Library) -> tuple[ArticleSession, ArticleSession]:
    return open_session(library, SHORT), open_session(library, LONG)


def prf(found: set[object], gold: set[object]) -> str:
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.2f} R={r:.2f} F1={f:.2f}"


def test_entities_both_and_only_one_against_the_gold(
        pair: tuple[ArticleSession, ArticleSession]) -> None:
    comparison = compare_sessions(*pair)
    both = {(p.left.name, p.right.name) for p in comparison.entities.both}
    only_a = {e.name for e in comparison.entities.only_left}
    print("entities in both:", prf(both, GOLD_BOTH), "| only in A:", prf(only_a, GOLD_ONLY_A))
    assert both == GOLD_BOTH
    assert only_a == GOLD_ONLY_A
    amazon = next(p for p in comparison.entities.both if p.right.name == "Amazon")
    assert "Amazone" in amazon.left.spellings  # A's misspelling is matched, not left over
    only_b = {e.name for e in comparison.entities.only_right}
    assert {"Amazon Web Services", "Anti-Defamation League", "Amy Peikoff"} <= only_b
    assert not only_b & {name for _, name in GOLD_BOTH}


def test_speakers_sources_dates_and_figures(
        pair: tuple[ArticleSession, ArticleSession]) -> None:
    comparison = compare_sessions(*pair)
    assert comparison.speakers.both == [] and comparison.speakers.only_left == []
    assert len(comparison.speakers.only_right) == 15
    assert [r.name for r in comparison.sources.only_left] == ["plusieurs plaintes en ligne"]
    assert {"Washington Post", "BuzzFeed News", "TechCrunch"} <= {
        r.name for r in comparison.sources.only_right}
    figures_b = {(f.text, f.value, f.kind) for f in comparison.figures.only_right}
    figures_a = {(f.text, f.value, f.kind) for f in comparison.figures.only_left}
    print("figures of B:", prf(figures_b, GOLD_FIGURES_B))
    assert figures_b == GOLD_FIGURES_B
    assert figures_a == {("trois grandes entreprises", 3.0, "count")}
    assert comparison.figures.both == []
    (date,) = comparison.dates.both
    assert (date.left.texts, date.right.texts, date.left.key) == (
        ("dimanche 10 janvier",), ("10 janvier 2021",), "10/01")
    assert [d.texts for d in comparison.dates.only_left] == [("6 janvier",)]


def test_tidy_ups_change_the_comparison(tmp_path: Path) -> None:
    library = Library(tmp_path / "reader.db")
    ensure_bundled(library)
    sessions = [open_session(library, SHORT), open_session(library, LONG)]
    for session in sessions:
        assert session.analysis is not None
        for t in session.analysis.tidy_ups:
            if t.replacement is not None:
                session.decide("accept", t.key)
    comparison = compare_sessions(*sessions)
    # B's tweet residue is gone, and with it the only shared date.
    assert comparison.dates.both == []
    assert ("dimanche 10 janvier",) in [d.texts for d in comparison.dates.only_left]
    assert "BuzzFeed" in {e.name for e in comparison.entities.only_right}
    assert "Buzzfeed" not in {e.name for e in comparison.entities.only_right}
    both = {(p.left.name, p.right.name) for p in comparison.entities.both}
    assert both == GOLD_BOTH


@pytest.mark.parametrize("a, b, label, same", [
    ("Amazone", "Amazon", "ORG", True),  # a misspelling no grouping caught
    ("Buzzfeed", "BuzzFeed", "ORG", True),
    ("Trump", "Donald Trump", "PER", True),
    ("Benhadou", "Karim Benhaddou", "PER", False),  # surname misspelt and alone: unsure
    ("Karim Benhadou", "Karim Benhaddou", "PER", True),
    ("Play Store", "Google Play Store", "MISC", True),
    ("Amazon", "Amazon Web Services", "ORG", False),  # a subsidiary is another entity
    ("Twitter", "Twitch", "ORG", False),
    ("CNN", "NBC", "ORG", False),
    ("Donald Trump", "Melania Trump", "PER", False),
])
def test_name_matching(a: str, b: str, label: str, same: bool) -> None:
    left, right = NamedEntity(a, label, 1, (a,)), NamedEntity(b, label, 1, (b,))
    assert (name_match(left, right) is not None) == same
    assert (name_match(right, left) is not None) == same


def test_a_misspelling_kept_apart_by_the_analysis_still_matches() -> None:
    left = [NamedEntity("Amazon", "ORG", 1, ("Amazon",)),
            NamedEntity("Amazone", "ORG", 1, ("Amazone",)),
            NamedEntity("Amazon Web Services", "ORG", 1, ("Amazon Web Services",))]
    right = [NamedEntity("Amazon", "ORG", 9, ("Amazon",))]
    section = pair_up(merge_spellings(left), merge_spellings(right), name_match)
    (pair,) = section.both
    assert pair.left.spellings == ("Amazon", "Amazone") and pair.left.count == 2
    assert [e.name for e in section.only_left] == ["Amazon Web Services"]


def test_places_and_organisations_do_not_mix() -> None:
    place = NamedEntity("Washington", "LOC", 2, ("Washington",))
    paper = NamedEntity("Washington Post", "ORG", 1, ("Washington Post",))
    assert name_match(place, paper) is None


def test_cli_compare(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.__main__ import main

    assert main(["compare", "000", "003", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["left"]["article"] == SHORT and data["right"]["article"] == LONG
    assert {"entities", "speakers", "sources", "dates", "figures"} <= set(data)
    pairs = {(p["left"]["name"], p["right"]["name"]) for p in data["entities"]["both"]}
    assert pairs == GOLD_BOTH
    assert main(["compare", "000", "003"]) == 0
    text = capsys.readouterr().out
    assert "Play Store (MISC ×1) = Google Play Store (MISC ×1) [shorter form]" in text
    assert "only A: Congrès" in text
    assert main(["compare", "000", "nothing-like-it"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ")
