"""A second injection harness, with artifacts chosen apart from ``injection.py``'s.

``injection.py`` injects from the short lists the detectors were first written against; this
one draws on other lists (written before the detectors were widened: 20 calques, 11 literal
names in new slots, four shapes of page furniture, four misspelling shapes, three typography
shapes), so its recall says more about artifacts nobody wrote a rule for. The calques and the
literal names here were added to ``resources/`` after this list was first measured (recall
0.35 then, see ``docs/analysis.md``), so they no longer measure unseen idioms.
"""

from __future__ import annotations

import re
from collections import Counter

from tests.reader.analysis.injection import Injected

CALQUES = [
    "Pour les riverains, ce projet coûte un bras et une jambe.",
    "Les élus ont voulu tuer deux oiseaux avec une pierre.",
    "Une telle rencontre n'arrive qu'une fois dans une lune bleue.",
    "Le maire a décidé de mordre la balle et de signer.",
    "Plusieurs conseillers restent assis sur la clôture.",
    "Ce n'est que la pointe de l'iceberg, selon les syndicats.",
    "Le ministre devra adresser ce problème rapidement.",
    "Ils ont décidé de tirer la prise sur le projet.",
    "Le sujet reste l'éléphant dans la pièce.",
    "Cette entreprise est une véritable histoire à succès.",
    "Le directeur se sentait sous la météo ce jour-là.",
    "Les familles ont appliqué pour une aide d'urgence.",
    "Ces mesures sont en ligne avec les recommandations.",
    "Nous sommes excités de lancer ce programme, ont dit les organisateurs.",
    "Il faudra couper les coins ronds pour tenir les délais.",
    "Les négociations ont frappé un mur la semaine dernière.",
    "Les responsables ont promis de retourner l'appel des familles.",
    "Cette mesure permettra de sauver du temps aux agents.",
    "Les deux camps ne sont pas sur la même page.",
    "Il faut faire sens de ces chiffres.",
]
LITERAL = [("sur", "Fils"), ("via la messagerie", "Télégramme"), ("sur", "Livre des visages"),
           ("par le géant", "Amazone"), ("par la plateforme", "Discorde"),
           ("sur", "Vérité Sociale"), ("par le groupe pétrolier", "Coquille"),
           ("sur", "Ciel bleu"), ("par la marque", "Pomme"), ("sur", "Gazouillis"),
           ("par l'application", "Équipes")]
FURNITURE = ["Lire aussi : Les dix chiffres à retenir de l'année", "© AFP",
             "Partager sur Facebook",
             "Publié le 12/03/2021 à 10h15 Mis à jour le 12/03/2021 à 11h02"]


def _misspell(word: str, kind: int) -> str:
    i = len(word) // 2
    if kind == 0 and re.search("[éèê]", word):
        return re.sub("[éèê]", "e", word, count=1)  # an accent dropped
    if kind == 1:
        return word[:i] + word[i] + word[i:]  # a letter doubled
    if kind == 2:
        return word[:i] + word[i + 1 :]  # a letter dropped
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two letters swapped


def _typography(text: str, kind: int) -> tuple[str, str]:
    """A space before a comma, a full stop glued to the next sentence, a doubled word."""
    if kind == 0:
        m = list(re.finditer(r"(?<=\w),(?= \w)", text))[-1]
        return text[: m.start()] + " ," + text[m.end() :], r"\w ,"
    if kind == 1:
        m = list(re.finditer(r"(?<=[a-zé])\. (?=[A-Z])", text))[-1]
        return text[: m.start()] + "." + text[m.end() :], r"(?<=[a-zé])\.(?=[A-Z])"
    m = list(re.finditer(r"\b(le|la|les|des) (?=\w)", text))[len(text) // 7 % 5]
    return text[: m.end()] + m.group(1) + " " + text[m.end() :], r"\b(le|la|les|des) \1\b"


def inject_wide(text: str, people: list[str], index: int) -> tuple[str, list[Injected]]:
    """The article with one fault of each class, and the faults' spans (in the new text)."""
    text, typo = _typography(text, index % 3)
    paras = text.split("\n\n")
    middle = max(1, len(paras) // 2)
    calque = CALQUES[index % len(CALQUES)]
    paras[middle] = paras[middle].rstrip() + " " + calque
    frame, word = LITERAL[index % len(LITERAL)]
    target = min(len(paras) - 1, middle + 1)
    paras[target] = (paras[target].rstrip()
                     + f" L'annonce a été relayée {frame} {word} dans la soirée.")
    furniture = FURNITURE[index % len(FURNITURE)]
    paras.insert(middle, furniture)
    text = "\n\n".join(paras)
    faults = []
    counts = Counter(w for n in people for w in n.split() if len(w) >= 5 and w[0].isupper())
    word_re = {w: re.compile(rf"(?<!\w){re.escape(w)}(?!\w)") for w in counts}
    ranked = [w for w, _ in counts.most_common() if len(word_re[w].findall(text)) >= 3]
    if ranked:
        name = ranked[0]
        at = list(word_re[name].finditer(text))[-2]
        wrong = _misspell(name, index % 4)
        text = text[: at.start()] + wrong + text[at.end() :]
        faults.append(Injected("name-variant", at.start(), at.start() + len(wrong)))
    for cls, needle, skip in (("calque", calque, 0), ("literal-name", f"{frame} {word}",
                                                       len(frame) + 1),
                              ("boilerplate", furniture, 0)):
        at = text.find(needle)
        faults.append(Injected(cls, at + skip, at + len(needle)))
    m = list(re.finditer(typo, text))[-1]
    faults.append(Injected("typography", m.start(), m.end()))
    return text, faults
