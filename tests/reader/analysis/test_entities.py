"""Entities: rule-layer dates/handles, cleaning, grouping, English carry-over."""

from __future__ import annotations

from reader.analysis import Entity, english_entity_spans
from reader.analysis.dates import rule_entities


def _texts(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in rule_entities(text)]


def test_french_dates_handles_and_hashtags() -> None:
    text = ("Le 6 janvier, puis dimanche 10 janvier et en novembre 2020, mercredi, fin janvier "
            "et en 2018, @b_fung a posté #StopTheSteal (écrire à contact@exemple.fr).")
    found = _texts(text)
    for date in ["6 janvier", "dimanche 10 janvier", "novembre 2020", "mercredi",
                 "fin janvier", "2018"]:
        assert (date, "DATE") in found
    assert ("@b_fung", "HANDLE") in found
    assert ("#StopTheSteal", "HASHTAG") in found
    assert not any("exemple" in t for t, _ in found)


def test_capitalised_month_is_not_the_planet() -> None:
    assert ("Mars", "DATE") not in _texts("La sonde a atteint Mars hier.")


def test_person_mentions_are_grouped(analyse) -> None:
    a = analyse("Le président Donald Trump a parlé mardi. Trump a ensuite quitté la salle, "
                "et les proches de Trump se taisent.\n")
    groups = {g.name: g for g in a.groups}
    assert groups["Donald Trump"].label == "PER"
    assert groups["Donald Trump"].count == 3


def test_acronym_by_initials_and_by_parenthesis(analyse) -> None:
    a = analyse("Le service Amazon Web Services a coupé l’accès. Selon AWS, la décision est "
                "définitive. L’Organisation mondiale du commerce (OMC) a réagi, et l’OMC "
                "publiera un avis.\n")
    by_text = {e.text: e.group for e in a.entities}
    assert by_text["AWS"] == by_text["Amazon Web Services"]
    assert by_text["OMC"] == by_text["Organisation mondiale du commerce"]


def test_elisions_and_trailing_words_are_trimmed(analyse) -> None:
    a = analyse("Il est clair qu’Amazon Web Services domine le marché, et la décision "
                "d’Amazon samedi a surpris les analystes de Microsoft.\n")
    texts = {e.text for e in a.entities}
    assert "Amazon Web Services" in texts
    assert "Amazon" in texts
    names = {e.text for e in a.entities if e.label != "DATE"}
    assert not any(t.startswith(("qu’", "d’")) or t.endswith("samedi") for t in names)


def test_english_spans_exact_then_fuzzy_and_dates() -> None:
    fr = "Le 6 janvier, John Matze a parlé à Amazone."
    mentions = [Entity(3, 12, "6 janvier", "DATE", 1), Entity(14, 24, "John Matze", "PER", 2),
                Entity(35, 42, "Amazone", "ORG", 3)]
    en = "On January 6, John Matze spoke to Amazon."
    spans = english_entity_spans(mentions, fr, en)
    got = {en[s:e]: (label, group) for s, e, label, group in spans}
    assert got["January 6"] == ("DATE", 1)
    assert got["John Matze"] == ("PER", 2)
    assert got["Amazon"] == ("ORG", 3)


def test_english_spans_skip_absent_names() -> None:
    mentions = [Entity(0, 6, "Parler", "ORG", 0)]
    assert english_entity_spans(mentions, "Parler ferme.", "The site closes.") == []


def test_trim_name_keeps_whole_names_and_drops_titles() -> None:
    from reader.analysis.entities import trim_name
    from reader.analysis.lexicon import load_lexicon

    lex = load_lexicon()

    def trimmed(text: str) -> str | None:
        span = trim_name(text, lex)
        return text[span[0]:span[1]] if span else None

    assert trimmed("Parti socialiste") == "Parti socialiste"
    assert trimmed("Banque centrale européenne") == "Banque centrale européenne"
    assert trimmed("Organisation mondiale de la santé") == "Organisation mondiale de la santé"
    assert trimmed("Côte d’Ivoire") == "Côte d’Ivoire"
    assert trimmed("président Joe Biden") == "Joe Biden"
    assert trimmed("canton de Vaud") == "Vaud"
    assert trimmed("M. Soyer") == "Soyer"
    assert trimmed("M. Patrice Lanini") == "Patrice Lanini"
    assert trimmed("Europe 1") == "Europe 1"
    assert trimmed("Amazon samedi") == "Amazon"
    assert trimmed("Parti socialiste a") == "Parti socialiste"


def test_years_including_before_1900_but_not_quantities() -> None:
    found = _texts("En 1888, la ville comptait 2000 habitants ; le rapport annuel 2014 "
                   "cite les années 1960 et l’été 2020, pour 1500 euros.")
    assert ("1888", "DATE") in found and ("2014", "DATE") in found
    assert ("années 1960", "DATE") in found and ("été 2020", "DATE") in found
    assert not any(t in ("2000", "1500") for t, _ in found)


def test_context_cues_settle_labels(analyse) -> None:
    a = analyse("La société Astron Ltd a racheté le projet. Selon Astron, les travaux "
                "commenceront bientôt. Astron prévoit dix emplois. Les villages de Banasso "
                "et de Tiembleni attendent. M. Diarra, le maire, a déclaré son soutien.\n")
    labels = {e.text: e.label for e in a.entities}
    assert labels["Astron Ltd"] == "ORG" and labels["Astron"] == "ORG"
    assert labels["Banasso"] == "LOC"
    assert labels["Diarra"] == "PER"


def test_acronym_of_lower_case_words_is_not_a_name(analyse) -> None:
    a = analyse("Les mutilations sexuelles féminines (MSF) touchent des millions de femmes. "
                "Les MSF sont interdites en France.\n")
    assert "MSF" not in {e.text for e in a.entities}
    assert ("France", "LOC") in {(e.text, e.label) for e in a.entities}


def test_a_first_name_that_is_also_a_word_stays_at_a_sentence_start(analyse) -> None:
    a = analyse("Titre\n\nLa mine recrute ailleurs. Amadou Dembélé, ancien conseiller de la "
                "Mairie de Fourou, nous explique la situation.\n")
    assert ("Amadou Dembélé", "PER") in {(e.text, e.label) for e in a.entities}


def test_an_organisation_goes_on_through_de_and_a_name(analyse) -> None:
    a = analyse("Titre\n\nLe Comité de Lutte de Niafrang refuse le projet de la société.\n")
    assert ("Comité de Lutte de Niafrang", "ORG") in {(e.text, e.label) for e in a.entities}


def test_an_ordinary_noun_after_a_determiner_is_not_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    from reader.analysis import analyze
    from reader.analysis.evaluation import news_pairs
    from reader.nlp import parse_article as parse_sentences

    article = next(a for a, _ in news_pairs() if a.id.startswith("n08"))  # "de la Mine, …"
    people = {e.text for e in analyze(parse_sentences(article, nlp)).entities
              if e.label == "PER"}
    assert "Balla Mourou Diarra" in people and "Mine" not in people


def test_a_compass_point_belongs_to_the_region(analyse) -> None:
    a = analyse("Titre\n\nLes pays d'Afrique de l'Ouest et l'Amérique du Sud. L'Asie centrale "
                "aussi.\n")
    places = {e.text for e in a.entities if e.label == "LOC"}
    assert {"Afrique de l'Ouest", "Amérique du Sud", "Asie centrale"} <= places


def test_a_war_or_a_code_goes_on_through_the_words_that_name_it(analyse) -> None:
    a = analyse("Titre\n\nPendant la Seconde Guerre mondiale, le Code du travail a changé.\n")
    misc = {e.text for e in a.entities if e.label == "MISC"}
    assert {"Seconde Guerre mondiale", "Code du travail"} <= misc


def test_a_title_with_adjectives_names_a_person_and_a_place_list_holds_one_word_names(
        analyse) -> None:  # type: ignore[no-untyped-def]
    a = analyse("Titre\n\nLes secours sont déployés, selon le porte-parole de la police de la "
                "province de Karnali, Gopal Chandra Bhattarai. Le Premier ministre népalais, "
                "Pushpa Kamal Dahal, est arrivé samedi. Habitants de Fourou, Billa, Syama, "
                "Tiembleni, tous étaient là.\n")
    labels = {e.text: e.label for e in a.entities}
    assert labels["Gopal Chandra Bhattarai"] == "PER"
    assert labels["Pushpa Kamal Dahal"] == "PER"
    assert labels["Billa"] == labels["Syama"] == "LOC"


def test_a_country_ending_in_an_is_not_a_demonym(analyse) -> None:
    a = analyse("Titre\n\nLes soldats sont restés en Afghanistan et en Iran pendant des années, "
                "puis les Afghans sont rentrés.\n")
    places = [e.text for e in a.entities if e.label == "LOC"]
    assert "Afghanistan" in places and "Iran" in places
    assert "Afghans" not in {e.text for e in a.entities}


def test_the_full_name_replaces_a_bare_surname_where_the_article_writes_it(analyse) -> None:
    a = analyse("Titre\n\nLe Premier ministre a parlé jeudi, a déclaré Manuel Valls à la radio. "
                "Manuel Valls a par ailleurs tenu à se montrer ferme. Valls est reparti.\n")
    people = [e.text for e in a.entities if e.label == "PER"]
    assert people.count("Manuel Valls") == 2 and people.count("Valls") == 1


def test_head_nouns_shape_the_span_and_label(analyse) -> None:
    a = analyse("Titre\n\nLe rendez-vous était rue Broca, près de la mer Égée, disent-ils. "
                "La convention de Dublin et la loi Travail divisent le ministère des Mines, "
                "qui a reçu le prix Nobel de la paix.\n")
    labels = {e.text: e.label for e in a.entities}
    assert labels.get("rue Broca") == "LOC" and labels.get("mer Égée") == "LOC"
    assert labels.get("convention de Dublin") == "MISC"
    assert labels.get("loi Travail") == "MISC"
    assert labels.get("prix Nobel de la paix") == "MISC"
    assert labels.get("ministère des Mines") == "ORG"
    assert "Dublin" not in labels and "Mines" not in labels


def test_a_portfolio_in_a_title_is_not_a_name_and_numbers_are_not_places(analyse) -> None:
    a = analyse("Titre\n\nLa ministre de l’Education, Najat Vallaud-Belkacem, a répondu. Le "
                "secrétaire à la Défense Donald Rumsfeld aussi. Les Vingt-Huit ont signé. "
                "Le ministre du Tchad est venu.\n")
    labels = {e.text: e.label for e in a.entities}
    assert labels.get("Najat Vallaud-Belkacem") == "PER"
    assert labels.get("Donald Rumsfeld") == "PER"
    assert "Tchad" in labels  # a country after "ministre du" is not a portfolio
    assert not {"Education", "l’Education", "Défense", "Vingt-Huit"} & set(labels)


def test_initials_and_names_after_an_elided_article(analyse) -> None:
    a = analyse("Titre\n\nLa guerre voulue par George W. Bush a coûté cher à l’Hexagone, et "
                "l'Assemblée a débattu du rapport d'al-Qaida d'Afghanistan.\n")
    labels = {e.text: e.label for e in a.entities}
    assert labels.get("George W. Bush") == "PER"
    assert labels.get("Hexagone") == "LOC" and labels.get("Assemblée") == "ORG"
    assert "Afghanistan" in labels and "d'Afghanistan" not in labels


def test_editorial_notes_and_roman_numerals_are_not_names(analyse) -> None:
    a = analyse("Titre\n\nMême eux (les policiers, NDLR) étaient là lors de l'acte VI des "
                "manifestations à Paris.\n")
    names = {e.text for e in a.entities}
    assert "Paris" in names and not {"NDLR", "VI"} & names


def test_the_streets_of_a_town_make_it_a_place(analyse) -> None:
    a = analyse("Titre\n\nIl est barman à Thonon. Samedi, il a marché avec les autres dans les "
                "rues de Thonon.\n")
    assert {e.text: e.label for e in a.entities}.get("Thonon") == "LOC"
