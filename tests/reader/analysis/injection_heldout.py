"""A third injection harness: artifacts from lists the detectors were not written on.

``injection.py`` draws its faults from short fixed lists that the tidy-up rules were written
against. This harness draws them from *different* lists, so that its recall says something
about artifacts nobody tuned for:

* calques: 30 sentences, each with an English idiom rendered word for word, taken from the
  references in ``resources/calques_sources.md`` (Académie française *Dire, ne pas dire*,
  OQLF *Banque de dépannage linguistique*, common English idioms). This list was written and
  committed before the calque patterns were extended;
* literal names: 14 sentences, a platform, company or person name rendered as a common word,
  in varied frames (``l’entreprise``, ``le PDG de``, ``la messagerie``, ``sur``, a given name…);
* name variants: a misspelling of the article's most frequent name, its shape (doubled or
  dropped letter, swapped pair, accent dropped or added, ``ph``/``f``, ``y``/``i``, wrong final
  letter) chosen with a fixed seed;
* typography: a space before a comma, ``l ’``, doubled or stray-quoted guillemets, a missing
  space between sentences, a doubled word, hyphenation residue;
* boilerplate: ``Lire aussi : …``, share buttons, ``Publié le … Mis à jour le …``, photo
  credits (``© AFP``).

``inject`` returns the damaged text and where each fault is, like ``injection.inject``.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass

SEED = 20261122


@dataclass(frozen=True)
class Injected:
    """One injected fault: its class, its span in the damaged text and its shape."""

    cls: str
    start: int
    end: int
    shape: str


# Written before the calque patterns were extended (see the commit history).
CALQUES = [
    "Les chances sont que le texte soit adopté avant l’été.",
    "Le ministère a promis de fixer le problème d’ici la rentrée.",
    "Chacun a promis de faire son meilleur pour apaiser la situation.",
    "Les habitants doivent payer attention aux consignes de sécurité.",
    "Une journaliste a demandé une question sur le calendrier.",
    "Une rumeur circulait à l’effet que le maire allait démissionner.",
    "Le dossier est toujours sous considération au ministère.",
    "Plusieurs élus étaient sous l’impression que l’accord était signé.",
    "Dû au mauvais temps, la cérémonie a été reportée.",
    "Les policiers en devoir ont été appelés en renfort.",
    "Les infirmières refusent de faire du temps supplémentaire sans compensation.",
    "La ministre a tracé une ligne dans le sable sur ce dossier.",
    "Pour l’opposition, il faut arrêter de battre autour du buisson.",
    "Avec cette réforme, le gouvernement espère tuer deux oiseaux avec une pierre.",
    "Les négociateurs sont retournés à la planche à dessin.",
    "Le candidat a jeté son chapeau dans l’arène vendredi.",
    "Ce n’est pas de la science de fusée, a ironisé un conseiller.",
    "L’enquête n’a pas trouvé de pistolet fumant.",
    "Les syndicats accusent la direction d’avoir un agenda caché.",
    "La décision est consistante avec la jurisprudence.",
    "La région a connu une hausse dramatique des prix de l’immobilier.",
    "Le club s’est mérité le premier prix du concours.",
    "Le dossier a été réglé hors cour l’an dernier.",
    "Les résultats seront publiés sur une base hebdomadaire.",
    "La direction a refusé de prendre le blâme pour ces retards.",
    "Plus souvent qu’autrement, les familles renoncent à porter plainte.",
    "Il faudra marcher sur des coquilles d’œufs avec ce partenaire.",
    "Le parti est maintenant dans le siège du conducteur.",
    "Les élus espèrent se focuser sur l’emploi.",
    "L’ascenseur de la mairie est hors d’ordre depuis lundi.",
]

# (sentence, the literal rendering inside it)
LITERAL = [
    ("Le message a été relayé sur Discorde, selon les enquêteurs.", "Discorde"),
    ("Interrogée, l’entreprise Pomme n’a pas répondu.", "Pomme"),
    ("Les militants se sont organisés via la messagerie Télégramme.", "Télégramme"),
    ("Le PDG de Coquille a annoncé des bénéfices records.", "Coquille"),
    ("Une vidéo publiée sur le réseau social Vérité Sociale a fait réagir.", "Vérité Sociale"),
    ("Les échanges ont eu lieu sur la plateforme Mou, réservée aux salariés.", "Mou"),
    ("Le fondateur d’Amazone a lui aussi réagi.", "Amazone"),
    ("Le groupe Cible a annoncé la fermeture de plusieurs magasins.", "Cible"),
    ("Des messages ont circulé sur l’application Fils, lancée l’an dernier.", "Fils"),
    ("Le président Donald Atout a réagi dans la soirée.", "Atout"),
    ("Le fondateur de Microsoft, Bill Portes, a salué l’initiative.", "Portes"),
    ("La vidéo a d’abord été diffusée sur Gazouillis avant d’être supprimée.", "Gazouillis"),
    ("Le patron de Méta a défendu ses choix devant le Congrès.", "Méta"),
    ("L’appel a été lancé sur le site Bavardage, prisé de l’extrême droite.", "Bavardage"),
]

MISSPELL_SHAPES = ("double", "drop", "swap", "accent-drop", "accent-add", "ph-f", "y-i", "final")
TYPO_SHAPES = ("space-comma", "split-apostrophe", "doubled-guillemet", "stray-quote",
               "glued-sentence", "doubled-word", "hyphenation")
BOILERPLATE = [
    ("read-also", "Lire aussi : Les leçons d’une crise sans fin", "para"),
    ("share", "Partager sur Facebook Partager sur Twitter Envoyer par e-mail", "para"),
    ("dates", "Publié le 12/03/2021 à 10h12 Mis à jour le 12/03/2021 à 18h40", "para"),
    ("credit", "© AFP", "glued"),
    ("credit-photo", "Photo : Jean Martin / Reuters", "para"),
    ("read-also-glued", "À lire aussi : Ce que change la réforme", "glued"),
]

ACCENTS = {"é": "e", "è": "e", "ê": "e", "ë": "e", "à": "a", "â": "a", "î": "i", "ï": "i",
           "ô": "o", "û": "u", "ù": "u", "ç": "c"}
FINAL = {"e": "a", "a": "e", "n": "m", "m": "n", "s": "z", "z": "s", "t": "d", "d": "t",
         "r": "l", "l": "r", "o": "a", "i": "y", "y": "i", "u": "o", "x": "s", "k": "c",
         "c": "k", "h": "s", "g": "c", "f": "v", "b": "p", "p": "b"}


def misspell(word: str, shape: str) -> str | None:
    """The word misspelt in this shape, or None when the shape does not apply."""
    inner = range(1, len(word) - 1)
    if shape == "double":
        for i in inner:
            if word[i].isalpha() and word[i] not in "aeiouyéèê" and word[i] != word[i + 1] \
                    and word[i] != word[i - 1]:
                return word[: i + 1] + word[i] + word[i + 1 :]
    elif shape == "drop":
        for i in range(len(word) - 2, 0, -1):
            if word[i] != word[i - 1]:
                return word[:i] + word[i + 1 :]
    elif shape == "swap":
        i = len(word) // 2
        if word[i] != word[i + 1] and i + 1 < len(word) - 0:
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    elif shape == "accent-drop":
        for i, ch in enumerate(word):
            if ch in ACCENTS:
                return word[:i] + ACCENTS[ch] + word[i + 1 :]
    elif shape == "accent-add":
        for i in inner:
            if word[i] == "e":
                return word[:i] + "é" + word[i + 1 :]
    elif shape == "ph-f":
        if "ph" in word:
            return word.replace("ph", "f", 1)
        if "f" in word[1:]:
            i = word.index("f", 1)
            return word[:i] + "ph" + word[i + 1 :]
    elif shape == "y-i":
        for i in inner:
            if word[i] in "yi":
                return word[:i] + ("i" if word[i] == "y" else "y") + word[i + 1 :]
    elif shape == "final":
        last = word[-1]
        if last.lower() in FINAL:
            return word[:-1] + FINAL[last.lower()]
    return None


def _typography(text: str, shape: str, avoid: list[Injected]
                ) -> tuple[str, int, int, int] | None:
    """One typography fault two thirds into the body, outside the other faults: damaged
    text, fault span, length change."""
    body = text.find("\n") + 1

    def pick(pattern: str) -> re.Match[str] | None:
        ms = [m for m in re.finditer(pattern, text) if m.start() > body
              and not any(f.start - 2 <= m.end() and m.start() <= f.end + 2 for f in avoid)]
        return ms[len(ms) * 2 // 3] if ms else None

    if shape == "space-comma" and (m := pick(r"(?<=[a-zà-ÿ]),(?= \w)")):
        return text[: m.start()] + " ," + text[m.end() :], m.start() - 1, m.start() + 2, 1
    if shape == "split-apostrophe" and (m := pick(r"\b([ldn])’(?=[aeiouéèh])")):
        return (text[: m.start()] + m.group(1) + " ’" + text[m.end() :], m.start(),
                m.start() + 3, 1)
    if shape in ("doubled-guillemet", "stray-quote") and (m := pick("«")):
        mark = "««" if shape == "doubled-guillemet" else "‘«"
        return text[: m.start()] + mark + text[m.end() :], m.start(), m.start() + 2, 1
    if shape == "glued-sentence" and (m := pick(r"(?<=[a-zà-ÿ]{3})\. (?=[A-ZÀ-Þ][a-zà-ÿ])")):
        return text[: m.start()] + "." + text[m.end() :], m.start() - 1, m.start() + 2, -1
    if shape == "doubled-word" and (m := pick(r"(?<= )(le|la|les|de|des|du|et|un|une) "
                                              r"(?=[a-zà-ÿ])")):
        return (text[: m.end()] + m.group(1) + " " + text[m.end() :], m.start(),
                m.end() + len(m.group(1)), len(m.group()))
    if shape == "hyphenation" and (m := pick(r"(?<= )[a-zà-ÿ]{9,}(?=[ ,.])")):
        cut = m.start() + len(m.group()) // 2
        return text[:cut] + "- " + text[cut:], m.start(), m.end() + 2, 2
    return None


def _shifted(fault: Injected, at: int, shift: int) -> Injected:
    """The fault's span after ``shift`` characters were inserted (or removed) at ``at``."""
    start = fault.start + shift if fault.start >= at else fault.start
    end = fault.end + shift if fault.end > at else fault.end
    return Injected(fault.cls, start, end, fault.shape)


def inject(text: str, names: list[str], index: int) -> tuple[str, list[Injected]]:
    """The article with one fault of each class and where each fault is (in the new text)."""
    rng = random.Random(SEED + index)
    paras = text.split("\n\n")
    middle = max(1, len(paras) // 2)
    if not re.search(r"[.!?»…]$", paras[middle].rstrip()):
        paras[middle] = paras[middle].rstrip() + "."
    calque = CALQUES[(index * 7 + rng.randrange(3)) % len(CALQUES)]
    paras[middle] = paras[middle].rstrip() + " " + calque
    target = min(len(paras) - 1, middle + 1)
    sentence, literal = LITERAL[(index * 5 + rng.randrange(2)) % len(LITERAL)]
    if not re.search(r"[.!?»…]$", paras[target].rstrip()):
        paras[target] = paras[target].rstrip() + "."
    paras[target] = paras[target].rstrip() + " " + sentence
    shape, snippet, where = BOILERPLATE[index % len(BOILERPLATE)]
    if where == "para":
        paras.insert(middle, snippet)
    else:
        paras[middle - 1] = paras[middle - 1].rstrip() + " " + snippet
    damaged = "\n\n".join(paras)
    faults = []
    at = damaged.find(calque)
    faults.append(Injected("calque", at, at + len(calque), calque))
    at = damaged.find(sentence) + sentence.index(literal)
    faults.append(Injected("literal-name", at, at + len(literal), literal))
    at = damaged.find(snippet)
    faults.append(Injected("boilerplate", at, at + len(snippet), shape))
    # name-variant: one occurrence of the article's most frequent one-word name
    counts = Counter(w for n in names for w in n.split()
                     if len(w) >= 5 and w[0].isupper() and not w.isupper())
    word_re = {w: re.compile(rf"(?<![\w’'-]){re.escape(w)}(?![\w’'-])") for w in counts}
    ranked = sorted((w for w in counts if len(word_re[w].findall(damaged)) >= 3),
                    key=lambda w: (-len(word_re[w].findall(damaged)), w))
    if ranked:
        name = ranked[0]
        order = list(MISSPELL_SHAPES)
        rng.shuffle(order)
        for shape in order:
            wrong = misspell(name, shape)
            if wrong and wrong != name and wrong not in damaged:
                occurrences = list(word_re[name].finditer(damaged))
                hit = occurrences[len(occurrences) // 2]
                damaged = damaged[: hit.start()] + wrong + damaged[hit.end() :]
                shift = len(wrong) - len(name)
                faults = [_shifted(f, hit.start(), shift) for f in faults]
                faults.append(Injected("name-variant", hit.start(), hit.start() + len(wrong),
                                       f"{shape}: {name} → {wrong}"))
                break
    shapes = list(TYPO_SHAPES)
    rng.shuffle(shapes)
    first = TYPO_SHAPES[index % len(TYPO_SHAPES)]
    for shape in [first] + [s for s in shapes if s != first]:
        done = _typography(damaged, shape, faults)
        if done:
            damaged, start, end, shift = done
            faults = [_shifted(f, start, shift) for f in faults]
            faults.append(Injected("typography", start, end, shape))
            break
    return damaged, faults
