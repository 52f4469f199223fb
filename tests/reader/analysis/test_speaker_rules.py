"""Speaker rules, one case per rule: the text, then each quote (by words it holds) with the
speaker wanted. Cases marked *news* are excerpts of the published articles in
``tests/gold/news``, cut to the sentences the rule needs, with the speaker their gold gives;
the others are the everyday constructions of agency copy the rule is written for."""

from __future__ import annotations

import pytest

from reader.analysis.lexicon import load_lexicon
from reader.analysis.speech_cues import cue_pattern

CASES = {
    "a_plural_pronoun_never_means_one_named_person (news)": (
        'Le directeur du projet, Roux Terblanche, évoquait pour sa part un «changement '
        'dans la gestion des ressources humaines».\n\nIls dénoncent l’absence de '
        'rotation. «Avec la nouvelle compagnie, le système de rotation du personnel a '
        'changé.» Désormais, les travailleurs ne peuvent rentrer chez eux «rendre '
        'visite à leurs familles qu’après avoir demandé et obtenu un congé», explique '
        'Hamadé Ouédraogo.\n',
        [('nouvelle compagnie', 'Hamadé Ouédraogo'),
         ('changement dans la gestion', 'Roux Terblanche')]),
    "a_headline_quote_takes_the_speaker_of_the_body_quote_it_repeats (news)": (
        "« J'ai entendu mes sœurs hurler » : en France, la lente reconstruction des "
        'femmes\n\nVient ensuite le tour d’Anita Traoré.\n\n«J’étais la dernière, se '
        'souvient Anita. J’ai entendu mes sœurs hurler, puis je les ai vues sortir de '
        'cette pièce sombre.»\n',
        [('mes sœurs hurler »', 'Anita Traoré')]),
    "selon_x_opening_a_sentence_gives_x_every_quote_in_it (news)": (
        'Selon un témoin interrogé par le journal, le député a «asséné un coup de '
        'casque très violent» à Boris Faure, qui est tombé «par terre, en sang».\n',
        [('par terre', 'un témoin interrogé par le journal'),
         ('coup de casque', 'un témoin interrogé par le journal')]),
    "an_inverted_cue_later_in_the_sentence_and_a_document_it_issued (news)": (
        'Le premier secrétaire de la fédération, Boris Faure, est en «soins intensifs» '
        'après l’agression commise mercredi par un député, a indiqué sa famille dans un '
        'communiqué.\n\n«Les médecins ne se prononcent pas à ce stade sur les suites '
        'pour son état de santé» et «il est aujourd’hui en soins intensifs et reste '
        'sous surveillance», selon ce texte transmis par le PS.\n',
        [('soins intensifs»', 'sa famille'),
         ('Les médecins', 'sa famille'),
         ('reste sous surveillance', 'sa famille')]),
    "a_quote_joined_to_an_attributed_one_shares_its_speaker (news)": (
        'Anita Traoré est sage-femme. «Les complications liées à l’excision sont '
        'quotidiennes», souligne-t-elle, évoquant des «douleurs pendant les rapports '
        'sexuels» ou même «en faisant pipi».\n',
        [('faisant pipi', 'Anita Traoré')]),
    "a_surname_two_people_share_goes_to_the_latest_full_name (news)": (
        'Faux, rétorque le maire, Salif Diarra, qui assure pour sa part avoir tout '
        'fait.\n\nNous avons rencontré le directeur des ressources humaines de la Mine, '
        'Balla Mourou Diarra. « Peut-être la mairie ne s’est pas exécutée conformément '
        'au cahier des charges », se défend Diarra, contre toute évidence.\n',
        [('Peut-être la mairie', 'Balla Mourou Diarra')]),
    "an_adjunct_between_the_cue_and_its_inverted_subject_is_skipped": (
        '«C’est une violation du droit international», a dénoncé dans un communiqué '
        'l’ONG Human Rights Watch. «Nous devons agir», a affirmé lors d’une conférence '
        'de presse la chancelière Angela Merkel.\n',
        [('violation', 'Human Rights Watch'), ('Nous devons agir', 'Angela Merkel')]),
    "impersonal_on_is_nobody_unless_a_place_follows": (
        '«On a eu très peur», a expliqué Marie Durand, une habitante.\n\n«Rien ne sera '
        'décidé avant lundi», explique-t-on à Matignon. «Tout est possible», '
        'glisse-t-on.\n',
        [('Rien ne sera', 'Matignon'), ('Tout est possible', '')]),
    "selon_lui_attributes_a_short_quote": (
        'Le secrétaire d’Etat Antony Blinken a salué «une étape importante». Selon lui, '
        '«le dialogue doit continuer».\n',
        [('le dialogue', 'Antony Blinken')]),
    "ce_dernier_and_celui_qui_point_back_to_a_person_of_their_gender": (
        '«Les chiffres sont inquiétants», estime Jean Martin, chercheur au CNRS. «Nous '
        'avons besoin de plus de moyens», poursuit celui qui dirige aussi le '
        'laboratoire. Sophie Durand a parlé ensuite. Ce dernier a ajouté : «Rien n’est '
        'perdu.»\n',
        [('plus de moyens', 'Jean Martin'), ('Rien n’est perdu', 'Jean Martin')]),
    "pour_an_organisation_attributes_but_pour_a_country_does_not": (
        'Pour la CGT, « rien n’a changé ». Pour la France, « c’est une victoire ».\n',
        [('rien n’a changé', 'CGT'), ('une victoire', '')]),
    "a_participle_after_a_quote_does_not_name_its_speaker": (
        'Le Kremlin avait assuré jeudi que le conflit ne se trouvait pas dans une "impasse", '
        "contestant des propos du commandant en chef de l'armée, Valery Zaloujny.\n",
        [('impasse', '')]),
    "a_short_quote_inside_the_que_clause_of_a_cue": (
        "Le président Volodymyr Zelensky a démenti toute pression. Il a admis que le "
        'conflit entre Israël et le Hamas avait "détourné l\'attention" de la guerre.\n',
        [("détourné", "Volodymyr Zelensky")]),
    "a_heading_quote_repeats_a_later_quote_rather_than_continuing_the_last_speaker": (
        '"Il n\'y aura probablement pas de percée", avait déclaré Valery Zaloujny.\n\n'
        '"Nous allons relever ce défi"\n\nLe président Volodymyr Zelensky a répondu. "Je '
        'suis absolument certain que nous allons relever ce défi", a-t-il ajouté.\n',
        [('"Nous allons relever', "Volodymyr Zelensky")]),
    "a_cue_after_a_second_quote_of_the_sentence_covers_the_first": (
        "La dirigeante compte aborder le \"soutien militaire\" des Européens, ainsi que "
        "\"le douzième paquet de sanctions\" de l'UE, a déclaré Ursula von der Leyen.\n",
        [("soutien militaire", "Ursula von der Leyen")]),
    "an_unclosed_quote_ending_with_its_incise_ends_with_its_paragraph": (
        "«Cela fait partie de ce mouvement plus large, souligne Mme Bennett-Begaye.\n\n"
        "« Je suis convaincu que la reprise sera un succès, souligne Jérôme Jamart.\n\n"
        "«Nous sommes ravis d’accueillir Vincent dans notre staff, a précisé Berhalter.\n",
        [("Cela fait partie", "Bennett-Begaye"), ("Je suis convaincu", "Jérôme Jamart"),
         ("Nous sommes ravis", "Berhalter")]),
    "an_institution_speaks": (
        "L'état-major des armées annonce \"souscrire à la déclaration\".\n",
        [("souscrire", "état-major des armées")]),
    "an_inverted_cue_written_without_its_comma (news)": (
        "« On passera d'un texte perdant-perdant à un texte gagnant-gagnant » complète "
        "Jean-Marc Gabouty. Lui-même chef d'entreprise, il dirige une société.\n",
        [("perdant-perdant", "Jean-Marc Gabouty")]),
    "a_role_description_means_the_person_being_quoted (news)": (
        "« Il n'y a aucune raison de manifester », a déclaré Manuel Valls, invité de RTL ce "
        "jeudi matin.\n\nLe chef du gouvernement s'est dit prêt jeudi à lever les "
        "blocages : « Mais bien sûr, l'accès aux ports doit être possible. »\n",
        [("Mais bien sûr", "Manuel Valls")]),
    "a_role_with_a_qualifier_means_the_person_named_beside_it (news)": (
        "Le président français Emmanuel Macron a parlé. Donald Tusk, président du Conseil "
        "européen, a signé. Pour le président du Conseil européen, il est « beaucoup trop "
        "tôt pour parler d'un succès ».\n\n« Il y a un besoin d'entreprises très "
        "réactives » selon Jean-Marc Gabouty.\n",
        [("beaucoup trop tôt", "Donald Tusk"), ("entreprises très", "Jean-Marc Gabouty")]),
    "an_inverted_noun_phrase_is_the_speaker_and_a_group_is_never_one_person (news)": (
        "L'un des agents fait signe à Alassane et Mamadou d'approcher. Ils refusent. "
        "« Pourquoi courez-vous ? », demandent les policiers. « La peur », répondent les "
        "garçons. « Rébellion ! », crient les agents. « Mais maintenant, ils s'en prennent "
        "aux petits »,  déplore un presque trentenaire.\n",
        [("Pourquoi", "les policiers"), ("La peur", "les garçons"),
         ("Rébellion", "les agents"), ("aux petits", "un presque trentenaire")]),
    "an_inverted_noun_phrase_in_agency_copy": (
        "Le cortège a atteint la préfecture vers midi. « On ne lâchera rien », scandaient "
        "les manifestants. « Nous voulons être reçus », ajoutent des délégués.\n",
        [("lâchera rien", "les manifestants"), ("être reçus", "des délégués")]),
    "a_long_object_after_a_verb_is_not_an_inverted_subject": (
        "Martha, qui travaille dans une association de Rennes, «Azca», souligne en "
        "revanche l’importance de comprendre le poids de la tradition.\n",
        [("Azca", "")]),
    "an_opening_participial_clause_speaks_for_the_main_subject (news)": (
        "Le Premier ministre, Manuel Valls, a répondu. « Les ordres sont donnés », a-t-il dit.\n\n"
        "Tout en rappelant que le droit de manifester était « un droit constitutionnel, et "
        "heureusement », et disant « ne pas confondre ceux qui manifestent avec les "
        "casseurs », le chef du gouvernement a par ailleurs appelé les syndicats à agir.\n",
        [("droit constitutionnel", "Manuel Valls"), ("ne pas confondre", "Manuel Valls")]),
    "a_participle_after_an_attribution_shares_its_speaker (news)": (
        "« Nous prenons acte de la suspension », a indiqué le cabinet de Michel Sapin, "
        "soulignant que « la transparence sur les trusts était un engagement fort du "
        "gouvernement ».\n",
        [("prenons acte", "le cabinet de Michel Sapin"),
         ("la transparence", "le cabinet de Michel Sapin")]),
    "someone_speaking_for_a_person_is_not_that_person": (
        "« Il n'a rien à se reprocher », affirme l'avocat de Jean Dupuis. « Nous sommes "
        "sereins », a ajouté l'entourage de la ministre Claire Martin.\n",
        [("rien à se reprocher", "l'avocat de Jean Dupuis"),
         ("sereins", "l'entourage de la ministre Claire Martin")]),
    "a_relative_clause_speaks_for_its_antecedent (news)": (
        "Gérard Larcher ne s'en cache pas : « Soyons clair : la première version nous "
        "allait très bien. » « J'aurais pu la proposer "
        "quand j'étais ministre du Travail ! » lance le sénateur des Yvelines, qui évoque "
        "les axes : « Sortie des 35 heures », négociation collective « en priorité au "
        "niveau de l'entreprise ».\n",
        [("Sortie des 35", "Gérard Larcher"), ("en priorité", "Gérard Larcher")]),
    "a_relative_clause_after_a_name": (
        "La maire de Lille, Martine Aubry, qui dénonce « une mesure injuste », a saisi le "
        "préfet.\n",
        [("mesure injuste", "Martine Aubry")]),
    "a_ruling_speaks_for_the_court_that_issued_it (news)": (
        "Dans son arrêt, le Tribunal pénal fédéral fait état de la vente d'une villa.\n\n"
        "«L'utilisation, par les dirigeants d'une société, de fonds appartenant à "
        "celle-ci peut a priori tomber sur le coup de la gestion déloyale», conclut "
        "l'arrêt.\n",
        [("gestion déloyale", "Tribunal pénal fédéral")]),

    "a_role_with_a_qualifier_goes_to_the_person_described_with_it (news)": (
        "« C'est encore en chantier », explique Jean-Marc Gabouty, sénateur UDI de la "
        "Haute-Vienne, co-rapporteur du texte. Le sénateur LR Jean-Baptiste Lemoyne, autre "
        "co-rapporteur, compte bien amplifier la portée du projet de loi. « On muscle le "
        "texte » explique-t-il. « On va voir quel cadre on laisse » ajoute néanmoins son "
        "collègue UDI.\n\nSur le barème, « a priori, on serait pour revenir sur le texte "
        "d'origine », affirme le sénateur UDI. « On veut sortir de ce carcan » explique le "
        "sénateur LR.\n",
        [("quel cadre", "Jean-Marc Gabouty"), ("a priori", "Jean-Marc Gabouty"),
         ("carcan", "Jean-Baptiste Lemoyne"), ("On muscle", "Jean-Baptiste Lemoyne")]),
    "mais_pour_x_with_an_adverb_names_the_speaker (news)": (
        "« Cet échelon a du sens » dit Jean-Baptiste Lemoyne. Mais pour Jean-Marc Gabouty, "
        "cependant, « il faut préserver le niveau de la branche pour les TPE ».\n",
        [("préserver le niveau", "Jean-Marc Gabouty")]),
    "a_heading_that_repeats_half_a_body_quote_takes_its_speaker (news)": (
        "« Plus on descend, moins on est dans la posture. L'échelon de l'entreprise a du "
        "sens »\n\nPour Jean-Baptiste Lemoyne, l'accord d'entreprise serait logique. "
        "« Il faut être pragmatique. Plus on descend, moins on est dans la posture et plus "
        "on est dans le concret » dit le sénateur.\n\n« On n'est pas un pays de première "
        "arrivée », a dit Sebastian Kurz.\n\nC'est aussi ce que M. Macron a fait valoir."
        "\n\n« La France n'est pas un pays de première "
        "arrivée. Certains voulaient nous pousser à cela. Je l'ai refusé ».\n",
        [("Plus on descend, moins on est dans la posture. L'", "Jean-Baptiste Lemoyne"),
         ("La France n'est pas", "")]),

    "two_people_speak_together_and_their_plural_title_points_back_to_them (news)": (
        "Dans tous les cas, elle « doit intervenir dans un local retiré du commissariat », "
        "rappellent Mes\u00a0Slim Ben Achour et Félix de\u00a0Belloy, les avocats des "
        "adolescents.\n\nLa mère de Théo « constate régulièrement des traces de coups », "
        "écrivent les avocats.\n",
        [("local retiré", "Slim Ben Achour et Félix de Belloy"),
         ("traces de coups", "Slim Ben Achour et Félix de Belloy")]),

    "a_pronoun_after_a_sentence_about_an_organisation_is_that_organisation (news)": (
        "Le Tribunal pénal fédéral (TPF) pourrait faire avancer l'enquête sur la campagne "
        "de Nicolas Sarkozy.\n\nDans son arrêt, le Tribunal pénal fédéral fait état de la "
        "vente d'une villa. Il affirme que «ce contrat aurait été passé dans le but de "
        "détourner des fonds». Un peu plus loin, le TPF fait état «de plusieurs flux "
        "financiers».\n",
        [("ce contrat", "Tribunal pénal fédéral"),
         ("flux financiers", "Tribunal pénal fédéral")]),
    "a_pronoun_after_a_sentence_about_an_organisation_of_the_other_gender": (
        "Nicolas Sarkozy a été entendu mardi.\n\nLa Cour des comptes publie un rapport "
        "sévère. Il affirme que «rien n'a été caché».\n",
        [("rien n'a été caché", "Nicolas Sarkozy")]),

    "an_aside_between_commas_after_the_cue_is_skipped (news)": (
        "« Toute solution doit être une solution européenne », a réagi, vendredi matin, "
        "l'Organisation internationale pour les migrations (OIM). « Nous ne céderons pas », "
        "a affirmé, lors d'un point presse, le ministre de l'Intérieur, Gérald Darmanin.\n",
        [("solution européenne", "Organisation internationale pour les migrations"),
         ("céderons", "Gérald Darmanin")]),

    "a_role_no_one_was_named_as_stays_words_and_a_title_must_agree_in_gender": (
        "Interrogé par l'AFP, le maire de Marseille, Benoît Payan, a dénoncé « un mépris "
        "total ».\n\nSelon le parquet, « aucune piste n'est écartée ». Le procureur a "
        "toutefois précisé que « l'enquête ne fait que commencer ».\n\n« C'est une "
        "décision historique », s'est félicitée la ministre de la Culture, Rachida Dati. "
        "« Je ne suis pas candidat », a assuré Edouard Philippe. L'ancien Premier ministre "
        "a ajouté : « Ma priorité, c'est Le Havre. »\n",
        [("commencer", "Le procureur"), ("Ma priorité", "Edouard Philippe")]),
    "a_generic_role_still_fits_a_person_titled_more_precisely (news)": (
        "Faux, rétorque le maire, Salif Diarra, qui assure que la société ne verse aucun "
        "centime. L’élu indique toutefois que « la mine nous aide beaucoup ».\n",
        [("nous aide", "Salif Diarra")]),
    "they_after_two_people_joined_by_et_is_the_pair": (
        "Angela Merkel et Emmanuel Macron ont appelé à l'unité. « L'Europe doit rester "
        "forte », ont-ils déclaré.\n",
        [("rester forte", "Angela Merkel et Emmanuel Macron")]),

    "selon_elle_after_a_sentence_about_an_organisation": (
        "Le footballeur Kylian Mbappé s'est dit fier. « On a montré du caractère », a-t-il "
        "confié.\n\nL'ONG Amnesty International dénonce des violations graves. Selon elle, "
        "« des centaines de personnes ont été arrêtées ». « Paris a montré l'exemple », "
        "s'est-elle réjouie.\n",
        [("des centaines", "Amnesty International"), ("montré l'exemple", "Amnesty")]),

    "a_passive_speech_verb_gives_the_quote_to_its_agent": (
        "Le groupe a annoncé des bénéfices record. Des propos jugés « indécents » par "
        "Greenpeace. Une réforme qualifiée de « brutale » par la CGT.\n",
        [("indécents", "Greenpeace"), ("brutale", "CGT")]),
    "a_title_before_a_name_gives_its_gender": (
        "La ministre du Travail, Astrid Panosyan-Bouvet, a défendu le texte. « Ce projet "
        "protège les salariés », a-t-elle assuré.\n\nLe Premier ministre a promis « des "
        "mesures rapides » aux syndicats.\n",
        [("protège les salariés", "Astrid Panosyan-Bouvet"),
         ("mesures rapides", "Le Premier ministre")]),

    "a_verb_coordinated_with_an_attribution_shares_it": (
        "Le ministre de l'Intérieur, Gérard Collomb, a dénoncé des « violences "
        "inacceptables » et exprimé son « soutien total » aux policiers. Le parquet a "
        "ouvert une enquête.\n",
        [("soutien total", "Gérard Collomb")]),
    "a_quote_with_no_cue_in_the_sentence_of_an_attributed_one": (
        "La maire, Anne Hidalgo, a dénoncé une « extrême violence » venue « attaquer la "
        "République ».\n",
        [("attaquer la République", "Anne Hidalgo")]),
    "selon_x_opening_the_sentence_with_a_short_quote_later": (
        "Selon la préfecture de police, il a eu « quatre doigts arrachés ». Mais, selon un "
        "témoin interrogé par l'AFP, il s'agit d'une « grenade de désencerclement ».\n",
        [("quatre doigts", "la préfecture de police"),
         ("grenade", "un témoin interrogé par l'AFP")]),
    "a_cue_the_tagger_reads_as_a_noun_still_has_its_subject": (
        "M. Castaner a condamné les heurts qui ont émaillé cette journée. Il a en particulier "
        "dénoncé des attaques de mairies, ainsi que « des journalistes et des journaux "
        "malmenés ».\n",
        [("des journalistes et", "Castaner")]),

    "a_pull_quote_credited_on_the_next_line_with_a_dash": (
        "La page a été créée par Stéphane Thibault, un camionneur de Repentigny.\n\n"
        "« L'important, c'est de montrer au monde "
        "que nous sommes arrivés. »\n\n- Stéphane Thibault, créateur de la page\n\n"
        "Le mouvement trouve des adeptes dans plusieurs pays.\n",
        [("L'important", "Stéphane Thibault")]),
    "dit_il_is_an_inverted_pronoun": (
        "Stéphane Thibault appelle à la mobilisation. Il prévoit une réussite. « D'après moi, "
        "il va y avoir au moins 300 000 personnes », dit-il.\n",
        [("D'après moi", "Stéphane Thibault")]),

    "adverbs_between_auxiliary_and_cue_and_a_clitic_before_it": (
        "« On peut manifester », mais bloquer un pays n'est « pas acceptable », a ainsi "
        "répété vendredi le premier ministre Édouard Philippe. « C'est d'ores et déjà un "
        "succès », en conclut Jérôme Sainte-Marie, président de PollingVox.\n",
        [("pas acceptable", "Édouard Philippe"), ("On peut manifester", "Édouard Philippe"),
         ("ores et déjà", "Jérôme Sainte-Marie")]),
    "a_cer_verb_before_a_keeps_its_cedilla": (
        "Le premier ministre, Édouard Philippe, a promis une « mobilisation considérable » des "
        "forces de l'ordre samedi prochain, annonçant de « nombreuses interpellations ».\n",
        [("nombreuses interpellations", "Édouard Philippe")]),

}


def _speaker_of(analysis, words: str) -> str:  # type: ignore[no-untyped-def]
    quote = next(q for q in analysis.quotes if words in q.text)
    return str(quote.speaker)


@pytest.mark.parametrize("case", list(CASES))
def test_speaker_rule(analyse, case: str) -> None:  # type: ignore[no-untyped-def]
    text, wanted = CASES[case]
    analysis = analyse("Titre\n\n" + text)
    for words, speaker in wanted:
        found = _speaker_of(analysis, words)
        assert speaker in found if speaker else found == "", (words, found)


def test_guillemets_around_a_name_or_a_title_are_not_a_quote(analyse) -> None:
    text = (
        "Titre\n\n"
        "« Complètement paniquée, Fadima nous a contactés », se remémore Anita Traoré, "
        "présidente et fondatrice de l’association « chance et protection pour toutes ».\n\n"
        "«C’est un cri du cœur que je lance», a déclaré le ministre Salif Kaboré. Cf. "
        "«Exploitation minière : L’or brillera bientôt à Niankorodougou», Le Faso.net.\n")
    a = analyse(text)
    for words in ("chance et protection", "Exploitation minière"):
        quote = next(q for q in a.quotes if words in q.text)
        assert (quote.kind, quote.speaker) == ("term", "")
    assert _speaker_of(a, "Complètement paniquée") == "Anita Traoré"
    assert _speaker_of(a, "cri du cœur") == "Salif Kaboré"


def test_common_news_speech_verbs_are_cues() -> None:
    cues = cue_pattern(load_lexicon())
    for words in ("a réclamé", "exige", "a condamné", "conteste", "a démenti", "nie",
                  "s’est réjoui", "a mis en garde", "espère", "a qualifié", "reprend-il",
                  "a réagi", "s’insurge", "a suggéré", "a asséné", "tacle",
                  "remercie", "a confessé", "ironise", "jubile", "fait remarquer", "croit",
                  "questionne", "considère", "balaie"):
        m = cues.search(f"«Non», {words} le syndicat.")
        assert m is not None and m.group().endswith(words.split()[-1]), words
    for words in ("s’offusque", "s’esclaffe", "s'écrie"):  # the clitic is read apart
        m = cues.search(f"«Non», {words} le syndicat.")
        assert m is not None and m.group() == words[2:], words
    assert cues.search("«Non», a garé le syndicat.") is None


def test_a_participial_adjunct_is_not_a_speaker(analyse) -> None:
    text = ("Titre\n\nContacté par l’AFP, M’jid El Guerrab a reconnu un geste violent, tout "
            "en affirmant avoir réagi à des «insultes racistes».\n")
    assert _speaker_of(analyse(text), "insultes racistes") != "Contacté par l’AFP"
