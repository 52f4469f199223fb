"""Tidy-up detectors on unseen synthetic French text: each class, with negative cases."""

from __future__ import annotations

import pytest

from reader.analysis.lexicon import load_lexicon
from reader.analysis.tidy_names import literal_names
from reader.analysis.tidy_typography import typography


def _classes(analysis, cls: str) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(t.original, t.replacement) for t in analysis.tidy_ups if t.cls == cls]


def test_literal_name_in_a_noun_slot() -> None:
    lex = load_lexicon()
    text = ("Les militants ont rejoint la plateforme ils parlent, puis l’application "
            "télégramme, où tout se décide.")
    found = [(t.original, t.replacement) for t in literal_names(text, lex)]
    assert ("ils parlent", "Parler") in found
    assert ("télégramme", "Telegram") in found


def test_real_verb_is_left_alone() -> None:
    lex = load_lexicon()
    text = ("Pendant ce temps, sur Parler, ils parlent de faire exploser les centres. "
            "Le service parle de réformes. Il faut parler au site Parler.")
    assert literal_names(text, lex) == []


def test_user_glossary_entry_is_used() -> None:
    lex = load_lexicon()
    text = "Ils ont quitté le réseau social nous écrivons, qui a fermé."
    assert literal_names(text, lex) == []
    found = literal_names(text, lex, [("Nous Écrivons", "écrivons")])
    assert [(t.original, t.replacement) for t in found] == [("nous écrivons", "Nous Écrivons")]


def test_name_variant_by_frequency_and_known_spelling(analyse) -> None:
    a = analyse("Microsoft a publié ses résultats. Microsoft dépasse les attentes. Selon "
                "Microsfot, la croissance continue, et Microsoft investit encore.\n")
    assert ("Microsfot", "Microsoft") in _classes(a, "name-variant")


def test_inflections_and_distinct_names_are_not_variants(analyse) -> None:
    a = analyse("Les Américains votent. Un Américain a parlé à Martin, puis à Martine et à "
                "Martin encore. Macron et la Macronie débattent avec Macron.\n")
    assert _classes(a, "name-variant") == []


def test_consistent_house_style_is_not_an_error() -> None:
    no_spaces = "Il a dit «oui» puis «non». Elle: «peut-être»? Oui! Non!"
    assert typography(no_spaces) == []
    french = "Il a dit « oui » puis « non ». Elle : « peut-être » ? Oui ! Non !"
    assert typography(french) == []


def test_minority_spacing_is_flagged() -> None:
    text = "Il a dit «oui», puis «non» et «jamais». Ensuite voir« expédié »en premier."
    found = typography(text)
    assert len(found) == 2
    assert all(t.cls == "typography" for t in found)


def test_always_wrong_typography() -> None:
    text = "Il a dit qu ‘«il viendra». C’est un lieu d’extrémisme . Une *vraie* potence  ici."
    originals = {t.original: t.replacement for t in typography(text)}
    assert originals[" ‘«"] == "’«"
    assert originals["extrémisme ."] == "extrémisme."
    assert originals["*vraie*"] == "vraie"
    assert originals["  "] == " "


def test_boilerplate_date_header_glued_mid_text_and_credit(analyse) -> None:
    a = analyse("Le conseil a voté. date 2023-05 La séance a repris.\n\n"
                "Le maire devant la mairie. | Jean Durand / AFP\n\n"
                "Un texte normal suit ici, sans défaut particulier.\n")
    originals = [o for o, _ in _classes(a, "boilerplate")]
    assert any(o.startswith("date 2023-05") for o in originals)
    assert any("Jean Durand / AFP" in o for o in originals)


def test_calques_are_flagged_not_rewritten(analyse) -> None:
    a = analyse("Après la panne, le directeur a lâché : «Nous sommes toasts.» Il a décidé de "
                "démarrer Twitter de ses serveurs. Cela ne fait pas de sens.\n")
    found = _classes(a, "calque")
    assert ("Nous sommes toasts", None) in found
    assert ("démarrer Twitter", None) in found
    assert any("sens" in o for o, _ in found)


def test_calques_leave_correct_french_alone(analyse) -> None:
    a = analyse("Il a démarré la voiture de sa sœur. La vie a des hauts et des bas. Elle "
                "accroche le tableau au mur, puis elle porte un toast aux mariés.\n")
    assert _classes(a, "calque") == []


def test_single_misspelling_beside_a_frequent_name(analyse) -> None:
    a = analyse("Olivier Véran a parlé. Véran a insisté. Selon Véran, tout va bien. "
                "M. Vérane a conclu. Boris Johnson et Johnson encore, puis Jonhson.\n")
    found = {t.original: t for t in a.tidy_ups if t.cls == "name-variant"}
    assert found["Vérane"].replacement == "Véran"
    assert "1 letter apart" in found["Vérane"].reason and "3 times" in found["Vérane"].reason
    assert found["Jonhson"].replacement == "Johnson"


def test_spellings_the_article_gives_as_alternatives_are_not_variants(analyse) -> None:
    a = analyse("Niafrang (également orthographié Niafourang) est un village. Niafrang vit de "
                "la pêche. À Niafrang, on s’inquiète.\n")
    assert _classes(a, "name-variant") == []


def test_literal_name_found_from_the_frame_without_a_list(analyse) -> None:
    a = analyse("Le ministre a publié son message sur Siffler mardi soir.\n")
    assert [(o, r) for o, r in _classes(a, "literal-name")] == [("Siffler", None)]
    a = analyse("Le ministre a publié son message sur Gazouiller mardi soir.\n")
    assert [(o, r) for o, r in _classes(a, "literal-name")] == [("Gazouiller", "Twitter")]
    a = analyse("Il vit à Bruxelles et le dit sur Parler depuis 2020.\n")
    assert _classes(a, "literal-name") == []


def test_calque_frames(analyse) -> None:
    a = analyse("Au bout de la journée, rien n’a changé. Cela ne fait aucun sens. "
                "La réunion a pris place lundi. Il a pris place dans le fauteuil.\n")
    originals = [o for o, _ in _classes(a, "calque")]
    assert len(originals) == 3 and not any("fauteuil" in o for o in originals)


def test_mixed_apostrophes_are_house_style_not_errors() -> None:
    text = ("L’État et l’école, d’abord. Puis l'hôpital et l’usine, l’eau et l’air. "
            "C’est l’été qu’il faut agir.")
    assert typography(text) == []


def test_literal_names_in_company_frames_and_people(analyse) -> None:
    a = analyse("Interrogée, l’entreprise Pomme n’a pas répondu. Le PDG de Coquille a parlé. "
                "Le fondateur d’Amazone a réagi. Des messages ont circulé sur Discorde. "
                "Le président Donald Atout a réagi. Une vidéo publiée sur le réseau social "
                "Vérité Sociale a fait réagir.\n")
    found = dict(_classes(a, "literal-name"))
    assert found["Pomme"] == "Apple" and found["Coquille"] == "Shell"
    assert found["Amazone"] == "Amazon" and found["Discorde"] == "Discord"
    assert found["Donald Atout"] == "Donald Trump"
    assert found["Vérité Sociale"] == "Truth Social"


def test_unknown_noun_in_a_company_frame_only_explains(analyse) -> None:
    a = analyse("Le texte a été envoyé par la messagerie Hibou, puis relayé sur gazouiller.\n")
    found = dict(_classes(a, "literal-name"))
    assert found == {"Hibou": None, "gazouiller": "Twitter"}


def test_real_names_in_company_frames_are_left_alone(analyse) -> None:
    a = analyse("Le groupe Casino a vendu des magasins au groupe Carrefour. La messagerie "
                "Signal progresse, le site Parler aussi. Le président de Radio France a parlé "
                "avec le groupe parlementaire et la société civile. L’Amazone est un fleuve. "
                "Il a publié sur Terre comme au ciel. La société Générale de Belgique aussi.\n")
    assert _classes(a, "literal-name") == []


@pytest.mark.parametrize(("wrong", "shape"), [
    ("Kamarra", "doubled"), ("Kamra", "dropped"), ("Kmaara", "swapped"), ("Kamarà", "accents"),
    ("Kamaro", "last letter changed"), ("Kamar", "last letter dropped")])
def test_misspelling_shapes_beside_a_name_written_twice(analyse, wrong, shape) -> None:  # type: ignore[no-untyped-def]
    a = analyse(f"Ousmane Kamara a parlé lundi. Selon Kamara, rien n’est réglé. Pour {wrong}, "
                "la suite dépend du ministère.\n")
    found = {t.original: t for t in a.tidy_ups if t.cls == "name-variant"}
    assert wrong in found and found[wrong].replacement == "Kamara", found
    assert "written 2 times" in found[wrong].reason or "writes 2 times" in found[wrong].reason
    if shape:
        assert shape in found[wrong].reason


def test_ph_for_f_and_y_for_i(analyse) -> None:
    a = analyse("Roch Kafando a parlé. Selon Kafando, rien n’est réglé. Pour Kaphando, non. "
                "Sylvie Ouédraogo et Ouédraogo encore, puis Ouédraogo et Ouedraogo.\n")
    found = {t.original: t.replacement for t in a.tidy_ups if t.cls == "name-variant"}
    assert found == {"Kaphando": "Kafando", "Ouedraogo": "Ouédraogo"}


def test_distinct_names_one_letter_apart_are_not_variants(analyse) -> None:
    a = analyse("Jean Martin est venu. Martin a parlé, puis Martine a répondu. Moussa Diarra et "
                "Fatou Diallo, puis Diarra encore et Diallo. Louise Bernard et Louis Bernard, "
                "Louis encore. Les Maliens et le Mali, le Mali encore.\n")
    assert _classes(a, "name-variant") == []


def test_copying_and_ocr_slips_are_found() -> None:
    text = ("Il est parti.Le lendemain, le le conseil a voté. Le gouver- nement a tranché, "
            "l’ école ouvre, l ’usine ferme. Il a dit ‘«oui». Fin,, donc.")
    found = {t.original: t.replacement for t in typography(text)}
    assert found["."] == ". "
    assert found["le le"] == "le"
    assert found["gouver- nement"] == "gouvernement"
    assert found[" ’"] == "’" and found[" "] == ""
    assert found["‘"] == "" and found[",,"] == ","


def test_correct_french_that_looks_like_a_slip_is_left_alone() -> None:
    text = ("Nous nous sommes vus, si si. Les pré- et postnatals, les micro- ou "
            "macro-entreprises. Le discours de de Gaulle. Voir www.Lemonde.fr ou "
            "jean.Dupont@exemple.fr. Il a dit : « oui », puis « non »… Et alors...")
    assert typography(text) == []


def test_page_furniture_is_boilerplate(analyse) -> None:
    a = analyse("Le conseil a voté mardi.\n\nLire aussi : Les leçons d’une crise\n\n"
                "Partager sur Facebook Partager sur Twitter\n\n"
                "Publié le 12/03/2021 à 10h12 Mis à jour le 12/03/2021 à 18h40\n\n"
                "Le maire devant la mairie. © AFP\n\nLes habitants attendent la suite. "
                "À lire aussi : Ce que change la réforme\n")
    originals = [o.strip() for o, _ in _classes(a, "boilerplate")]
    assert "Lire aussi : Les leçons d’une crise" in originals
    assert "Partager sur Facebook Partager sur Twitter" in originals
    assert any(o.startswith("Publié le 12/03/2021") for o in originals)
    assert "© AFP" in originals
    assert "À lire aussi : Ce que change la réforme" in originals


def test_sentences_using_furniture_words_are_not_boilerplate(analyse) -> None:
    a = analyse("Publié le 3 mars 2021, le rapport indique que tout va bien. Il faut lire "
                "aussi les journaux locaux. Le texte a été publié le 3 mars à 10h00 et mis à "
                "jour ensuite. Elle a voulu partager sur Facebook ses photos.\n")
    assert _classes(a, "boilerplate") == []


def test_literal_behind_a_pronoun_after_sur(analyse) -> None:
    a = analyse("Les militants se retrouvent désormais sur je parlerai, selon la police.\n")
    assert ("je parlerai", "Parler") in _classes(a, "literal-name")


def test_page_furniture_lines_are_boilerplate_but_sentences_about_them_are_not(
        analyse) -> None:  # type: ignore[no-untyped-def]
    furniture = ["Lire aussi : Les dix chiffres à retenir de l'année", "© AFP",
                 "Partager sur Facebook", "Facebook Twitter LinkedIn",
                 "Publié le 12/03/2021 à 10h15 Mis à jour le 12/03/2021 à 11h02",
                 "Temps de lecture : 3 min", "Article réservé aux abonnés"]
    body = "Le conseil a voté mardi. Les habitants ont été consultés.\n\n"
    a = analyse("Titre\n\n" + body + "\n\n".join(furniture) + "\n\n" + body)
    assert sorted(o for o, _ in _classes(a, "boilerplate")) == sorted(furniture)
    a = analyse("Titre\n\nIl a décidé de lire aussi les rapports. Elle a publié le texte le "
                "12 mars. Les abonnés ont partagé sur Facebook leur colère.\n")
    assert _classes(a, "boilerplate") == []


def test_glued_full_stops_and_doubled_words_but_not_addresses_or_nous_nous(analyse) -> None:
    a = analyse("Titre\n\nLe conflit a trop duré.Pour lui, il faut agir dans la la "
                "semaine.\n")
    assert sorted(o for o, _ in _classes(a, "typography")) == [".", "la la"]
    a = analyse("Titre\n\nLa pétition sur Change.org et le site Le.Monde.fr circulent. Nous "
                "nous sommes vus. Vous vous trompez, dit M.Dupont.\n")
    assert _classes(a, "typography") == []


def test_capitalised_literal_names_in_company_slots_and_after_sur(analyse) -> None:
    a = analyse("Titre\n\nL'annonce a été relayée par le groupe pétrolier Coquille dans la "
                "soirée. Le message a circulé sur Livre des visages et via la messagerie "
                "Télégramme, puis sur Fils.\n")
    assert sorted(r for _, r in _classes(a, "literal-name")) == [
        "Facebook", "Shell", "Telegram", "Threads"]
    a = analyse("Titre\n\nLe groupe cible est large. Il écrit via Signal et sur fils de fer. "
                "La société Orange et le groupe Carrefour ont répondu.\n")
    assert _classes(a, "literal-name") == []


def test_glued_furniture_stray_quote_marks_hyphen_residue_and_translated_people(
        analyse) -> None:  # type: ignore[no-untyped-def]
    a = analyse("Titre\n\nLe conseil a voté mardi. © AFP\n\nPartager sur Facebook Partager "
                "sur Twitter Envoyer par e-mail\n\nLes campements touris- tiques et la région "
                "parisienne. ‘« Certes il existe des cas », dit-elle. Le fondateur d’Amazone et "
                "Bill Portes ont répondu.\n")
    assert len(_classes(a, "boilerplate")) == 2
    typo = dict(_classes(a, "typography"))
    assert typo.get("touris- tiques") == "touristiques" and typo.get("‘") == ""
    assert sorted(r for _, r in _classes(a, "literal-name")) == ["Amazon", "Bill Gates"]
    a = analyse("Titre\n\nUn porte- parole et des demi- finales. Il sait la vérité. ©\n")
    assert _classes(a, "typography") == [] and _classes(a, "boilerplate") == []


def test_a_read_also_link_in_a_run_on_paragraph_takes_only_its_title(analyse) -> None:
    # Web text flattened into one paragraph: the link's title runs straight into the
    # article's next sentence, which must not be suggested for removal with it.
    text = ("Titre\n\nUne centaine de personnes occupent le carrefour. Lire également: Des "
            "«gilets jaunes» résolus à continuer Il est barman à Thonon, a posé un congé "
            "exceptionnel. Samedi, il a marché avec les autres.\n")
    links = [t for t in analyse(text).tidy_ups if t.cls == "boilerplate"]
    assert [t.original for t in links] == [" Lire également: Des «gilets jaunes» résolus à "
                                           "continuer"]
