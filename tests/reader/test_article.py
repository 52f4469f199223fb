"""Article parsing on the seeds and on synthetic texts: header, paragraph kinds, title, id."""

from __future__ import annotations

from reader.article import article_id_for, parse_article
from reader.corpus import read_bundled


def test_seeds_are_bundled_with_stable_ids() -> None:
    ids = [a.id for a in read_bundled()]
    assert ids == ["000_757345bfb182a35d", "003_71c21fd2b98fa41d"]
    assert [a.id for a in read_bundled()] == ids


def test_date_header_glued_to_first_line_is_parsed(seed_articles) -> None:
    for article in seed_articles:
        assert article.date == "2021-01"
        start, end = article.date_header
        assert article.source[start:end].strip() == "date 2021-01"
        assert article.paragraphs[0].start == end  # the header is not part of the text
        assert not article.paragraphs[0].text(article.source).startswith("date")


def test_paragraph_kinds_on_the_seeds(seed_articles) -> None:
    italian, verge = seed_articles
    kinds = [p.kind for p in italian.paragraphs]
    assert kinds == ["body", "heading", "body", "heading", "body"]
    assert italian.paragraphs[3].text(italian.source) == "Fournisseurs: « Inciter à la violence »"
    caption = verge.paragraphs[0]
    assert caption.kind == "caption"
    assert verge.source[caption.credit[0]:caption.credit[1]] == "Hollie Adams / Getty Images"
    assert verge.paragraphs[1].kind == "headline"
    headings = [p.text(verge.source) for p in verge.paragraphs if p.kind == "heading"]
    assert headings == ["Parler a un problème avec la violence d’extrême droite"]


def test_titles_are_readable(seed_articles) -> None:
    italian, verge = seed_articles
    assert verge.title == "La violence d’extrême droite a poussé Parler à quitter Internet"
    assert italian.title.startswith("Après Twitter, Facebook et Twitch")
    assert italian.title.endswith("…") and len(italian.title) < 100


def test_word_counts(seed_articles) -> None:
    italian, verge = seed_articles
    assert 380 <= italian.word_count <= 440
    assert 1250 <= verge.word_count <= 1450


def test_paragraph_offsets_cover_the_source_text() -> None:
    text = "Titre court\n\nPremier paragraphe. Deuxième phrase.\r\n  Suite  \n"
    article = parse_article(text)
    assert [p.text(article.source) for p in article.paragraphs] == [
        "Titre court", "Premier paragraphe. Deuxième phrase.", "Suite"]
    assert article.title == "Titre court"
    assert "\r" not in article.source


def test_id_is_derived_from_content() -> None:
    assert parse_article("Un texte.").id == article_id_for("Un texte.")
    assert parse_article("Un texte.").id != parse_article("Un autre texte.").id


def test_caption_needs_a_credit_shape() -> None:
    article = parse_article("Le choix | ou pas de choix, voilà la question qui reste posée ici.")
    assert article.paragraphs[0].kind != "caption"
    article = parse_article("Le président à Paris. | Photo AFP")
    assert article.paragraphs[0].kind == "caption"
