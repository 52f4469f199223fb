"""Quotes: pairing, continuation across paragraphs, tweets, speakers and cues."""

from __future__ import annotations


def test_speaker_after_and_before_the_quote(analyse) -> None:
    a = analyse("«Nous ne reculerons pas», a déclaré Marie Lefèvre, maire de Brest.\n\n"
                "Le porte-parole du syndicat, Paul Girard, a affirmé que «la grève continue».\n")
    speakers = [(q.speaker, q.cue) for q in a.quotes]
    assert speakers[0] == ("Marie Lefèvre", "a déclaré")
    assert speakers[1][0] == "Paul Girard"


def test_noun_phrase_speaker_and_pronoun_resolution(analyse) -> None:
    a = analyse("Un habitant du quartier, inquiet, a pris la parole lors de la réunion.\n\n"
                "«On ne dort plus depuis des mois», a-t-il expliqué.\n\n"
                "Selon un rapport de la préfecture, une équipe de techniciens a écrit que "
                "«le bruit dépasse les normes».\n")
    assert a.quotes[0].speaker == "Un habitant du quartier"
    assert a.quotes[1].speaker.startswith("une équipe de techniciens")


def test_quote_continues_into_next_paragraph_opening_with_guillemet(analyse) -> None:
    text = ("Le ministre a répondu : «Nous avons entendu les inquiétudes des familles.\n\n"
            "«Nous agirons avant l’été», a-t-il ajouté.\n")
    a = analyse(text)
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert q.text.startswith("«Nous avons") and q.text.endswith("l’été»")


def test_nested_quote_is_part_of_the_outer_one(analyse) -> None:
    a = analyse("«Il faut parler de « sobriété » sans honte», a écrit Léa Roux.\n")
    assert len(a.quotes) == 1
    assert a.quotes[0].speaker == "Léa Roux"


def test_scare_quotes_are_terms_without_speaker(analyse) -> None:
    a = analyse("Le réseau se présente comme un espace de «liberté totale» pour ses membres.\n")
    assert [(q.kind, q.speaker) for q in a.quotes] == [("term", "")]


def test_embedded_tweet_is_attributed_to_its_author(analyse) -> None:
    a = analyse("La mairie a fermé le parc.\n\n"
                "Le parc est fermé jusqu’à nouvel ordre pic.twitter.com/AbC123 – Jean Dupont "
                "(@jdupont) 3 mars 2022\n")
    tweet = next(q for q in a.quotes if q.kind == "tweet")
    assert tweet.speaker == "Jean Dupont"
    assert tweet.text == "Le parc est fermé jusqu’à nouvel ordre"


def test_sources_name_outlets_and_documents(analyse) -> None:
    a = analyse("Selon Le Monde, la réforme est retardée. L’information, rapportée par "
                "l’AFP samedi, a été confirmée d’après un document interne. Comme l’ont "
                "souligné Anne Petit et Marc Durand de Reuters, rien n’est signé.\n")
    names = [s.name for s in a.sources]
    assert "Le Monde" in names and "AFP" in names and "Reuters" in names
    assert any("document" in n for n in names)


def test_title_resolves_to_the_person_the_article_named(analyse) -> None:
    a = analyse("Le ministre de la Santé, Olivier Véran, a visité l’hôpital lundi.\n\n"
                "«Nous tiendrons», a déclaré le ministre.\n")
    assert a.quotes[0].speaker == "Olivier Véran"


def test_incise_inside_the_quote_and_pronoun_of_the_right_gender(analyse) -> None:
    a = analyse("Paul Morel, un voisin, s’inquiète. Martha, 48 ans, a grandi au village.\n\n"
                "«À l’époque, se souvient-elle, personne n’en parlait.»\n")
    assert a.quotes[0].speaker == "Martha"


def test_inverted_speaker_after_adverbials_and_colon(analyse) -> None:
    a = analyse("«Assez de mortes», abonde de son côté Anita Traoré.\n\n"
                "Salif Berthé, un éleveur, ne retient pas son amertume : «Nos bêtes tombent "
                "dans les tranchées.»\n")
    assert [q.speaker for q in a.quotes] == ["Anita Traoré", "Salif Berthé"]


def test_clause_fragments_are_never_speakers(analyse) -> None:
    a = analyse("Le texte parle de «non-dits» qui en disent plus long, comme cela se dit. "
                "Il souligne en revanche l’importance de la «tradition».\n")
    speakers = [q.speaker for q in a.quotes]
    assert not any(w in s for s in speakers for w in ("cela", "qui", "importance", "revanche"))
    assert speakers[0] == ""


def test_pour_x_and_selon_x_attribute(analyse) -> None:
    a = analyse("Pour Marie Lefèvre, cette primaire était une «mascarade» écrite d’avance.\n\n"
                "«La ligne est claire», selon Paul Girard, porte-parole du syndicat.\n")
    assert [q.speaker for q in a.quotes] == ["Marie Lefèvre", "Paul Girard"]


def test_one_closing_mark_for_a_quote_and_the_one_nested_in_it(analyse) -> None:
    # "«… des «gilets jaunes». «Les samedis…»": the writer closed both with one », so the
    # next quote opens at once; nothing after it may be swallowed into the first quote.
    text = ("Titre\n\nIl a estimé ne pas être «un représentant des «gilets jaunes». «Les "
            "samedis se feront», a-t-il ajouté. «Il est libre», a commenté son avocat, "
            "Me Kheops Lara.\n")
    quotes = analyse(text).quotes
    assert [q.text for q in quotes] == ["«un représentant des «gilets jaunes»",
                                        "«Les samedis se feront»", "«Il est libre»"]
    assert quotes[2].speaker == "Kheops Lara"


def test_a_nested_quote_ending_a_sentence_inside_a_quote_keeps_it_open(analyse) -> None:
    text = "Titre\n\n«Je lui ai dit «non». Et il est parti», raconte Marie Dupont.\n"
    quotes = analyse(text).quotes
    assert [q.text for q in quotes] == ["«Je lui ai dit «non». Et il est parti»"]


def test_arrested_is_not_a_speech_verb(analyse) -> None:
    text = ("Titre\n\nÉric Drouet avait déjà été interpellé lors de l'«acte VI» des "
            "manifestations.\n")
    quote = analyse(text).quotes[0]
    assert (quote.speaker, quote.cue) == ("", "")
