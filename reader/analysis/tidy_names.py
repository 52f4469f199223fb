"""Tidy-up detectors for damaged names: ``name-variant`` and ``literal-name``.

* ``name-variant``: every occurrence of a variant spelling found by
  :mod:`reader.analysis.variants` (``Amazone`` next to ``Amazon``), replaced by the reference.
* ``literal-name``: a name that machine translation rendered as common words. The glossary
  (``resources/glossary.json`` plus the user's entries) lists each name's literal renderings;
  one is flagged only in a noun slot that expects a name (``le site de microblogging je
  parlerai``, ``l’application télégramme,``): after a frame such as ``le site``,
  ``l’application`` or ``la plateforme``, either behind a subject pronoun (ungrammatical after a
  noun) or bare and followed by punctuation or a relative word. A real use of the verb
  (``ils parlent de faire exploser…``) has no frame and is left alone.
  Without any list, a name slot (a frame, or ``sur``/``via``) holding a capitalised ordinary
  French verb mid-sentence (``sur Gazouiller``, ``le réseau social Gazouiller``) is flagged
  too: French never capitalises a verb there, so a name was translated into a word. The
  glossary gives the name when it knows the word; otherwise the flag only explains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis.entities import is_common_word
from reader.analysis.lexicon import GlossaryName, Lexicon
from reader.analysis.model import TidyUp
from reader.analysis.variants import Variant
from reader.nlp import ParsedArticle

PRONOUN = r"(?:je|j’|j'|tu|il|elle|on|nous|vous|ils|elles)"
AFTER_NAME = (r"(?=\s*(?:[,.;:!?)»”]|$|\b(?:qui|que|où|dont|dans|sur|et|pour|avec|en|à|au|"
              r"aux|de|du|des|depuis|contre|a|ont|est|sont|avait|va|veut|doit|peut)\b))")
AFTER_BARE = r"(?=\s*(?:[,.;:!?)»”]|\bqui\b|\bque\b|\boù\b|\bdont\b|\bdans\b|\bsur\b|\bet\b|$))"


def name_variants(source: str, variants: list[Variant]) -> list[TidyUp]:
    """Each occurrence of a variant spelling."""
    found = []
    for v in variants:
        pattern = re.compile(rf"(?<![\w@#’'-]){re.escape(v.text)}(?![\w-])")
        for m in pattern.finditer(source):
            found.append(TidyUp(m.start(), m.end(), v.text, v.reference, "name-variant",
                                f"“{v.text}” looks like a misspelling of “{v.reference}”: "
                                f"{v.why}."))
    return found


def glossary_names(lexicon: Lexicon, extra: Iterable[tuple[str, str]]) -> list[GlossaryName]:
    """The bundled glossary merged with user entries ``(name, literal)``."""
    names = {g.name: list(g.literals) for g in lexicon.glossary}
    labels = {g.name: g.label for g in lexicon.glossary}
    for name, literal in extra:
        names.setdefault(name, [])
        if literal not in names[name]:
            names[name].append(literal)
    return [GlossaryName(n, labels.get(n, "ORG"), tuple(lits)) for n, lits in names.items()]


def _folded(words: str) -> str:
    return " ".join(words.casefold().replace("'", "’").split())


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w).replace("’", "[’']").replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


def literal_names(source: str, lexicon: Lexicon,
                  extra: Iterable[tuple[str, str]] = ()) -> list[TidyUp]:
    """Names rendered as common words in a noun slot that expects a name.

    After a platform frame (``le site``, ``l’application``) a rendering counts in any case;
    after a company frame (``le groupe``, ``le géant``) or ``sur``/``via``/``par`` only
    capitalised (``sur Gazouillis``, ``le groupe pétrolier Coquille``), since ``le groupe
    cible`` or ``sur fils`` are ordinary French."""
    frame = _alternation(lexicon.cues.get("name_frames", ()))
    capital_slot = _alternation(list(lexicon.cues.get("company_frames", ()))
                                + ["sur", "via", "par", "avec"])
    name_of: dict[str, str] = {}
    for entry in glossary_names(lexicon, extra):
        for w in entry.literals:
            if w.casefold() != entry.name.casefold():
                name_of.setdefault(_folded(w), entry.name)
    if not name_of:
        return []
    literals = _alternation(name_of)
    pattern = re.compile(  # one pass for every name: the glossary may be long
        rf"(?i:\b(?:{frame}))\s+(?:(?P<pron>(?i:{PRONOUN}))\s*)?"
        rf"(?P<lit>(?i:{literals}))(?![\w-])"
        rf"|(?i:\b(?:{capital_slot}))(?:\s+|(?<=[’']))(?P<cap>(?=[A-ZÀ-Þ])(?i:{literals}))"
        rf"(?![\w-])",
    )
    people = {_folded(w): g.name for g in glossary_names(lexicon, extra) if g.label == "PER"
              for w in g.literals if " " in w}
    found: list[TidyUp] = []
    if people:  # "Bill Portes": a person's name translated word for word, anywhere
        person = re.compile(rf"(?<![\w-])(?=[A-ZÀ-Þ])(?i:{_alternation(people)})(?![\w-])")
        for m in person.finditer(source):
            if m.group()[:1].isupper() and m.group().split()[-1][:1].isupper():
                who = people[_folded(m.group())]
                found.append(TidyUp(m.start(), m.end(), m.group(), who, "literal-name",
                                    f"“{m.group()}” looks like the name {who} translated "
                                    f"word for word by an earlier translation."))
    for m in pattern.finditer(source):
        if m.group("cap"):
            if not re.match(AFTER_NAME, source[m.end() :]):
                continue
            start = m.start("cap")
        elif not m.group("pron") and not re.match(AFTER_BARE, source[m.end() :]):
            continue
        else:
            start = m.start("pron") if m.group("pron") else m.start("lit")
        name = name_of.get(_folded(m.group("cap") or m.group("lit")))
        if name is None:
            continue
        original = source[start : m.end()]
        found.append(TidyUp(start, m.end(), original, name, "literal-name",
                            f"“{original}” stands where the name {name} is expected "
                            f"(after “{source[m.start():start].strip()}”): an earlier "
                            f"translation turned the name into ordinary words."))
    return found


def literal_names_from_frames(parsed: ParsedArticle, lexicon: Lexicon,
                              extra: Iterable[tuple[str, str]] = ()) -> list[TidyUp]:
    """Capitalised ordinary verbs in a name slot (``sur Gazouiller``), found from the parse."""
    source = parsed.article.source
    frames = sorted(lexicon.cues.get("name_frames", ()), key=len, reverse=True)
    slot = re.compile(r"(?:\b(?:" + "|".join(re.escape(f).replace("’", "[’']") for f in frames)
                      + r")|\bsur|\bvia)\s+$", re.IGNORECASE)
    by_literal = {lit.casefold(): g.name for g in glossary_names(lexicon, extra)
                  for lit in g.literals}
    found: list[TidyUp] = []
    starts = {s.start for s in parsed.sentences}
    for para, doc in zip(parsed.article.paragraphs, parsed.docs, strict=True):
        for tok in doc:
            start = para.start + tok.idx
            word = tok.text
            if not word[:1].isupper() or start in starts or len(word) < 4 \
                    or lexicon.label_of(word) is not None:
                continue
            verb_like = tok.pos_ in ("VERB", "AUX") or re.search(r"(?:er|ir|re)$", word)
            if not verb_like or not is_common_word(word) or word.isupper():
                continue
            before = source[max(0, start - 40) : start]
            in_slot = slot.search(before)
            if not in_slot:
                continue
            name = by_literal.get(word.casefold())
            frame = in_slot.group().strip()
            found.append(TidyUp(start, start + len(word), word, name, "literal-name",
                                f"“{word}” is an ordinary French verb, capitalised where a name "
                                f"is expected (after “{frame}”): an earlier translation turned "
                                "a name into a word"
                                + (f"; the glossary gives {name}." if name else ".")))
    return found
