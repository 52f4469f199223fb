"""Inject one artifact of each tidy-up class into a clean news article (a test harness).

The real-news articles in ``tests/gold/news`` are correctly typeset journalism; the injected
faults are the kinds the reader meets in OCR'd or machine-translated copies. Each article gets
one fault per class (a name-variant only when some name is written at least three times),
chosen by the article's index so that the set covers several forms of
each class, at a place chosen from the article's own text (its most frequent name, a middle
paragraph, a sentence end). ``inject`` returns the damaged text and where each fault is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Injected:
    """One injected fault: its class and its span in the damaged text."""

    cls: str
    start: int
    end: int


LITERAL = [("sur", "Gazouiller"), ("le réseau social", "Gazouiller"),
           ("l’application", "Bavarder"), ("la plateforme", "Gronder"),
           ("via", "Gazouiller"), ("le site", "Signaler")]
CALQUES = ["Au bout de la journée, personne n’a changé d’avis.",
           "Pour beaucoup, cette décision ne fait aucun sens.",
           "La rencontre avec les familles a pris place mardi.",
           "Les associations ont décidé de supporter cette proposition.",
           "Il faudra mettre l’emphase sur la prévention, dit-on.",
           "Les élus devront prendre pour acquis le soutien des habitants.",
           "C’est définitivement un tournant pour la région.",
           "Le gouvernement entend initier un dialogue avec les syndicats.",
           "Il faut penser en dehors de la boîte, répète-t-on.",
           "Tous ne sont pas encore sur la même page."]
BOILERPLATE = ["date 2021-03 ", " | Jean Dupont / AFP",
               "\n\nNous restons mobilisés pic.twitter.com/Xy12AbC – Comité local (@comite_local) "
               "3 mars 2021"]


def _misspell(word: str, kind: int) -> str:
    if kind == 0 and len(word) > 4:  # swap two inner letters (Jonhson)
        i = len(word) // 2
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:  # one letter too many (Vérane)
        return word + "e" if not word.endswith("e") else word + "s"
    return word[:-2] + word[-1]  # one letter missing


def _typography(text: str, index: int) -> str:
    """A space before a full stop, a broken apostrophe or a doubled guillemet."""
    typo = index % 3
    stops = list(re.finditer(r"(?<=\w)\.(?= [A-ZÀ-Þ])", text))
    if typo == 1:
        m = list(re.finditer(r"\b([ld])([’'])(?=[aeiouéè])", text))[-1]
        return text[: m.start()] + m.group(1) + " " + m.group(2) + text[m.end() :]
    if typo == 2 and "«" in text:
        m = list(re.finditer(r"«", text))[-1]
        return text[: m.start()] + "««" + text[m.end() :]
    m = stops[-1]
    return text[: m.start()] + " ." + text[m.end() :]


def inject(text: str, names: list[str], index: int) -> tuple[str, list[Injected]]:
    """The article with one fault of each class, and the faults' spans (in the new text)."""
    text = _typography(text, index)
    paras = text.split("\n\n")
    middle = max(1, len(paras) // 2)
    if not re.search(r"[.!?»…]$", paras[middle].rstrip()):
        paras[middle] = paras[middle].rstrip() + "."
    # calque: a sentence appended to a middle paragraph
    paras[middle] = paras[middle].rstrip() + " " + CALQUES[index % len(CALQUES)]
    # literal-name: a sentence appended to the paragraph after it
    target = min(len(paras) - 1, middle + 1)
    frame, word = LITERAL[index % len(LITERAL)]
    paras[target] = paras[target].rstrip() + f" Le message a aussi circulé {frame} {word}."
    # boilerplate: a date header glued to a paragraph, a photo credit or tweet residue
    kind = index % 3
    if kind == 0:
        paras[middle - 1] = BOILERPLATE[0] + paras[middle - 1]
    elif kind == 1:
        paras[middle - 1] = paras[middle - 1].rstrip() + BOILERPLATE[1]
    else:
        paras[middle - 1] = paras[middle - 1].rstrip() + BOILERPLATE[2]
    damaged = "\n\n".join(paras)
    # name-variant: the last occurrence of the article's most frequent one-word name
    counts = Counter(w for n in names for w in n.split()
                     if len(w) >= 5 and w[0].isupper() and not w.isupper())
    word_re = {w: re.compile(rf"(?<![\w’'-]){re.escape(w)}(?![\w’'-])") for w in counts}
    ranked = sorted((w for w in counts if len(word_re[w].findall(damaged)) >= 3),
                    key=lambda w: (-len(word_re[w].findall(damaged)), w))
    if not ranked:  # no name written three times: no spelling to contradict
        faults = _locate(damaged, index, frame, word, "", -1)
        return damaged, [f for f in faults if f.cls != "name-variant"]
    name = ranked[0]
    last = list(word_re[name].finditer(damaged))[-1]
    wrong = _misspell(name, index % 3)
    damaged = damaged[: last.start()] + wrong + damaged[last.end() :]
    return damaged, _locate(damaged, index, frame, word, wrong, last.start())


def _locate(damaged: str, index: int, frame: str, word: str, wrong: str,
            variant_at: int) -> list[Injected]:
    found = [Injected("name-variant", variant_at, variant_at + len(wrong))]
    calque = CALQUES[index % len(CALQUES)]
    at = damaged.find(calque)
    found.append(Injected("calque", at, at + len(calque)))
    at = damaged.find(f"{frame} {word}.")
    found.append(Injected("literal-name", at + len(frame) + 1, at + len(frame) + 1 + len(word)))
    kind = index % 3
    marker = ["date 2021-03", "| Jean Dupont / AFP", "pic.twitter.com/Xy12AbC"][kind]
    at = damaged.find(marker)
    found.append(Injected("boilerplate", at, at + len(marker)))
    typo = index % 3
    patterns = [r"(?<=\w) \.(?= [A-ZÀ-Þ])", r"\b[ld] [’']", "««"]
    m = list(re.finditer(patterns[typo], damaged))
    if not m and typo == 2:
        m = list(re.finditer(patterns[0], damaged))
    found.append(Injected("typography", m[-1].start(), m[-1].end()))
    return found
