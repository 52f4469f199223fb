"""Speech cues in French news copy: the verb that reports speech, and what may sit between
it and its subject.

:func:`cue_pattern` finds ``a déclaré``, ``a ainsi répété``, ``précise-t-elle``,
``annonçant`` and the listed forms (``selon``, ``d’après``); :func:`adjunct_end` skips a
prepositional adjunct between an inverted cue and its subject (``a dénoncé dans un
communiqué l’ONG …``). The speaker rules (:mod:`reader.analysis.speakers`) build on both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.lexicon import Lexicon
from reader.analysis.speaker_names import SPACE


@dataclass(frozen=True)
class Cue:
    """A speech cue found in the text; ``pronoun`` for an inverted clitic (``ont-ils``)."""

    start: int
    end: int
    text: str
    pronoun: str


def cue_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """One regex for every speech cue, with optional auxiliary and inverted pronoun."""
    stems = "|".join(sorted((re.escape(s) for s in lexicon.cues["speech_verbs_er"]),
                            key=len, reverse=True))
    forms = "|".join(sorted((re.escape(f).replace("’", "[’']").replace(r"\ ", r"\s+")
                             for f in lexicon.cues["speech_forms"]), key=len, reverse=True))
    clitic = r"(?:-t)?-(?P<pron{n}>il|elle|ils|elles|on)"
    adverb = (r"(?:\w+ment|aussi|également|déjà|encore|même|ainsi|toutefois|notamment|"
              r"pourtant|néanmoins|cependant|plutôt|alors|enfin|surtout|ensuite|bien|"
              r"d[’']ailleurs|par\s+ailleurs|en\s+outre|en\s+particulier|de\s+nouveau)")
    aux = (r"(?:(?:a|ont|avait|avaient|aura|auront|aurait|est|sont|s’est|s'est)(?:"
           + clitic.format(n=1) + rf")?\s+(?:{adverb}\s+){{0,2}})?")
    # -cer and -ger verbs before a and o: "annonçant", "dénonçait", "exigeant", "jugeait"
    soft_c = "|".join(sorted((re.escape(s[:-1]) + "ç" for s in lexicon.cues["speech_verbs_er"]
                              if s.endswith("c")), key=len, reverse=True)) or "(?!)"
    soft_g = "|".join(sorted((re.escape(s) + "e" for s in lexicon.cues["speech_verbs_er"]
                              if s.endswith("g")), key=len, reverse=True)) or "(?!)"
    verb = (rf"(?:(?:{stems})(?:é|ée|és|ées|e|es|ent|ait|aient|era|eront|ant)"
            rf"|(?:{soft_c}|{soft_g})(?:ait|aient|ant)|{forms})")
    return re.compile(rf"(?<![\w-]){aux}{verb}(?:{clitic.format(n=2)})?(?![\w])",
                      re.IGNORECASE)


ADJUNCT_PREPOSITION = re.compile(
    rf"(?:dans|sur|devant|lors|auprès|à|au|aux|en|pendant|depuis|dès|face)"
    rf"(?:[{SPACE}]+(?:de|du|des|à)|[{SPACE}]+d[’']|(?=[{SPACE}]))[{SPACE}]*", re.IGNORECASE)
ADJUNCT_WORD = re.compile(r"[\w’'.-]+")
DETERMINER = re.compile(r"(?:le|la|les|un|une|des|du|son|sa|ses|leur|leurs|ce|cet|cette|"
                        r"ces)$|[ld][’']$", re.IGNORECASE)
LINKING = {"de", "du", "des", "d’", "d'"}


def adjunct_end(text: str, i: int) -> int:
    """Where a prepositional adjunct between an inverted cue and its subject ends
    (``a dénoncé dans un communiqué l’ONG …``, ``a affirmé lors d’une conférence de presse
    la chancelière``), or ``i`` when none starts there. The adjunct is the preposition, an
    optional determiner, one word, then lower-case words and ``de`` complements; a determiner
    or a capitalised word not after ``de`` starts the subject."""
    m = ADJUNCT_PREPOSITION.match(text, i)
    if m is None:
        return i
    j = m.end()
    det = re.match(rf"(?:(?:le|la|les|un|une|des|son|sa|ses|leur|leurs|ce|cet|cette|ces)"
                   rf"[{SPACE}]+|[lL][’'])", text[j:])
    if det:
        j += det.end()
    first = ADJUNCT_WORD.match(text, j)
    if first is None or first.group().casefold().endswith("ant"):
        return i  # "en affirmant": a participle, not an adjunct
    j = first.end()
    previous = first.group()
    while True:
        gap = re.match(rf"[{SPACE}]*", text[j:])
        k = j + (gap.end() if gap else 0)
        word = ADJUNCT_WORD.match(text, k)
        elided = re.match(r"d[’']", text[k:])
        if elided:
            j, previous = k + 2, "d’"
            continue
        if word is None:
            break
        w = word.group()
        after_de = previous.casefold() in LINKING
        if w.casefold() in LINKING or (after_de and not DETERMINER.match(w)) \
                or (w.islower() and not DETERMINER.match(w) and len(w) > 2):
            j, previous = word.end(), w
            continue
        break
    rest = re.match(rf"[{SPACE}]*", text[j:])
    end = j + (rest.end() if rest else 0)
    following = text[end:]
    return end if re.match(r"[\w]", following) else i
