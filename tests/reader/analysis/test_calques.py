"""Calque frames on both sides: the word-for-word English idiom is flagged, correct French
using the same words is not (``resources/calques.json``).

Each case is a pair written for the entry's sense, not copied from an article: the first
sentence must yield exactly one calque overlapping the marked words, the second none. The
pairs cover inflections, determiners and subjects the frame allows and the correct senses
French gives the same words (``supporter une équipe``, ``réaliser un projet``, ``le retard
dû à la pluie``, ``sous l’impression de ce spectacle``…).
"""

from __future__ import annotations

import pytest

from reader.analysis.lexicon import load_lexicon
from reader.analysis.tidy_text import calques

PAIRS = [
    # (calque, marked words, correct French with the same words)
    ("Les chances sont qu’il démissionne avant l’été.", "chances sont qu",
     "Les chances sont minces, reconnaît-il."),
    ("Les techniciens ont fixé le problème en une heure.", "fixé le problème",
     "Les ministres ont fixé les règles du jeu."),
    ("Nous ferons notre meilleur pour les aider.", "ferons notre meilleur",
     "Il a fait son meilleur temps de la saison."),
    ("Il faut payer attention aux détails.", "payer attention",
     "Il faut payer la facture avant lundi."),
    ("Elle lui a demandé des questions sur son passé.", "demandé des questions",
     "Elle lui a posé des questions et demandé des comptes."),
    ("Une note circule à l’effet que le site fermera.", "à l’effet que",
     "Le médicament a fait son effet, et vite."),
    ("Ils étaient sous l’impression que tout était réglé.", "sous l’impression que",
     "Encore sous l’impression de ce spectacle, il se tut."),
    ("Dû à la grève, les trains sont supprimés.", "Dû à",
     "Le retard est dû à la grève, et le retard dû au froid s’ajoute."),
    ("Deux agents en devoir ont été blessés.", "en devoir",
     "Il se mit en devoir de tout ranger, sans en faire un devoir."),
    ("Elles ont fait du temps supplémentaire tout l’été.", "temps supplémentaire",
     "Le juge a accordé un temps supplémentaire aux avocats."),
    ("La hausse dramatique des loyers inquiète.", "hausse dramatique",
     "La situation dramatique des réfugiés inquiète."),
    ("Le club s’est mérité la coupe régionale.", "mérité la",
     "La confiance, ça se mérite."),
    ("Ils ont réglé l’affaire hors cour.", "hors cour",
     "Ils ont quitté la cour de l’école."),
    ("Les données sont publiées sur une base mensuelle.", "base mensuelle",
     "Sur la base de ces données, le ministère a tranché."),
    ("Il faut prendre action rapidement.", "prendre action",
     "Il faut prendre des actions en justice."),
    ("Le projet ne rencontre pas les exigences du ministère.", "rencontre pas",
     "Le ministre rencontre les syndicats demain."),
    ("Il a pris le blâme pour l’échec.", "pris le blâme",
     "Il a reçu un blâme du conseil."),
    ("Le parti a fait une décision difficile.", "fait une décision",
     "Le parti a pris une décision difficile."),
    ("Le comité a décidé de canceller la réunion.", "canceller",
     "Le comité a décidé d’annuler la réunion pour cause de cancer."),
    ("Les enquêteurs n’ont trouvé aucune évidence de fraude.", "aucune évidence",
     "C’est une évidence pour tout le monde."),
    ("Il assume que les électeurs le suivront.", "assume que",
     "Il assume ses choix et sa défaite."),
    ("Il faut sécuriser le financement du projet.", "sécuriser le financement",
     "Il faut sécuriser le site avant l’arrivée du public."),
    ("Je me sens confortable avec cette décision.", "confortable avec",
     "Son avance est confortable avec 12 points d’écart."),
    ("Le groupe a su délivrer des résultats.", "délivrer des résultats",
     "La préfecture doit délivrer les titres de séjour."),
    ("Il a été arrêté après être sorti de la librairie du Congrès.", "librairie du Congrès",
     "Il a ouvert une librairie du côté de Nantes."),
    ("Les infirmières sur appel manquent.", "infirmières sur appel",
     "Les infirmières ont fait appel de la décision."),
    ("Elle est à l’emploi de la ville depuis dix ans.", "à l’emploi de",
     "Les aides à l’emploi des jeunes sont maintenues."),
    ("Ils espèrent faire de l’argent avec ce projet.", "faire de l’argent",
     "Ils espèrent se faire de l’argent facilement."),
    ("Il a réalisé que personne ne viendrait.", "réalisé que",
     "Il a réalisé un film sur la région."),
    ("Les fans ont décidé de supporter la candidature du maire.", "supporter la candidature",
     "Les fans ont décidé de supporter l’équipe jusqu’au bout."),
    ("La réunion a pris place lundi à la mairie.", "pris place",
     "Le ministre a pris place dans la tribune."),
    ("Elle attend pour le verdict depuis des mois.", "attend pour le verdict",
     "Elle attend pour voir ce que décidera la cour."),
    ("Le dossier est sous considération.", "sous considération",
     "Il a pris ce dossier en considération."),
    ("Il a jeté son chapeau dans l’arène hier.", "chapeau dans l’arène",
     "Il a salué la foule dans l’arène hier."),
]


@pytest.mark.parametrize(("calque", "marked", "correct"), PAIRS)
def test_calque_is_flagged_and_correct_french_is_not(calque: str, marked: str,
                                                     correct: str) -> None:
    lex = load_lexicon()
    found = calques(calque, lex)
    at = calque.index(marked)
    assert any(t.start < at + len(marked) and at < t.end for t in found), (calque, found)
    assert all(t.reason and t.replacement is None for t in found)
    assert calques(correct, lex) == [], correct


def test_the_list_is_large_and_every_entry_is_explained() -> None:
    lex = load_lexicon()
    assert len(lex.calques) >= 150
    for c in lex.calques:
        assert c.english and c.meaning and c.reason, c.pattern.pattern


# Written after the patterns, in other inflections, subjects and determiners than the pairs
# above and the wide harness: do the entries generalise as frames?
VARIATIONS = [
    "Le gouvernement fixera ces problèmes rapidement.",
    "Nous avons tous fait notre meilleur.",
    "Elles ont payé peu d’attention aux avertissements.",
    "Il m’a demandé plusieurs questions.",
    "Une entente à l’effet qu’il reste en poste a été signée.",
    "La demande demeure sous considération.",
    "J’étais sous l’impression qu’il viendrait.",
    "Due à la pluie, la course a été annulée.",
    "Un agent en devoir a été blessé.",
    "Ils sont retournés à la planche à dessin.",
    "Elle a jeté son chapeau dans l’arène.",
    "La police n’a aucune évidence contre lui.",
    "Ses propos sont consistants avec ses actes.",
    "On a vu une baisse dramatique du chômage.",
    "L’équipe s’est méritée le titre.",
    "Cette affaire sera réglée hors cour.",
    "Les tests sont faits sur une base quotidienne.",
    "Le ministre a pris le blâme.",
    "Ils marchent sur des coquilles d’œufs.",
    "Je suis tellement excitée de commencer.",
    "Il faut prendre action maintenant.",
    "Les candidats doivent rencontrer les critères.",
    "Elle assume qu’il a menti.",
    "Le club a sécurisé un financement important.",
    "Ce n’est pas de la science de fusée.",
]
# Idioms written after the second round as ones no entry covered: 0 of 10 were found then.
# They and 30 other common idioms were added in a third round, so this is now a regression
# check, not a held-out figure.
THIRD_ROUND = [
    "Ils ont frappé le sol en courant.",
    "Le projet est mort dans l’eau.",
    "Il faudra mordre la balle.",
    "Le ministre a renversé les haricots.",
    "Elle a gardé son menton haut.",
    "Ils ont coupé des coins pour aller vite.",
    "Ce fut une bénédiction déguisée.",
    "Le gouvernement traîne ses pieds.",
    "Il a obtenu le bout court du bâton.",
    "Le ministre a sauté le pistolet.",
]


def test_entries_generalise_as_frames(capsys) -> None:  # type: ignore[no-untyped-def]
    lex = load_lexicon()
    found = [bool(calques(s, lex)) for s in VARIATIONS]
    third = [bool(calques(s, lex)) for s in THIRD_ROUND]
    with capsys.disabled():
        print(f"\ncalque frames, other forms of listed idioms: {sum(found)}/{len(found)}; "
              f"third-round idioms: {sum(third)}/{len(third)}")
        for s, hit in zip(VARIATIONS, found, strict=True):
            if not hit:
                print("  missed:", s)
    assert sum(found) / len(found) >= 0.8 and all(third)
