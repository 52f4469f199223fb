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
  A capitalised literal needs no more than the slot (``sur Discorde``, ``le PDG de
  Coquille``, ``le fondateur d’Amazone``); the name itself there (``sur Signal``) is left alone.
  People: a given name with the surname rendered as a word (``Donald Atout``, ``Bill Portes``)
  is flagged wherever it appears, the bare surname after a title (``le président Atout``).
  Without any list, from the parse: a name slot (a frame, or ``sur``/``via``) holding a
  capitalised ordinary French verb mid-sentence (``sur Gazouiller``) or a lower-case
  infinitive (``sur gazouiller``), and a company or platform frame (``l’entreprise``, ``le
  groupe``, ``la messagerie``, ``le PDG de``; ``tidy_cues.json``) holding a capitalised
  ordinary French noun that is not a known name and not the first word of a longer name
  (``l’entreprise Pomme``, but not ``le groupe Casino``, a known name, nor ``le président de
  Radio France``). French never capitalises a common word there, so a name was translated
  into a word. The glossary gives the name when it knows the word; otherwise the flag only
  explains.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from reader.analysis.common_words import is_common_word
from reader.analysis.lexicon import GlossaryName, Lexicon
from reader.analysis.model import TidyUp
from reader.analysis.variants import Variant
from reader.nlp import ParsedArticle

if TYPE_CHECKING:
    from spacy.tokens import Token

PRONOUN = r"(?:je|j’|j'|tu|il|elle|on|nous|vous|ils|elles)"
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


def _alternation(frames: Iterable[str]) -> str:
    """One regex alternative per frame, longest first; ``de`` also matches ``d’``."""
    out = []
    for f in sorted(set(frames), key=len, reverse=True):
        pat = re.escape(f).replace("’", "[’']").replace(r"\ ", r"\s+")
        if f.endswith(" de"):
            pat = pat[: -len("de")] + r"(?:de\s+|d[’']\s*)"
        else:
            pat += r"\s+" if not f.endswith(("’", "'")) else r"\s*"
        out.append(pat)
    return "|".join(out)


def _slot_frames(lexicon: Lexicon) -> list[str]:
    return list(lexicon.cues.get("name_frames", ())) + list(
        lexicon.cues.get("literal_name_frames", ()))


def _frame_before(lexicon: Lexicon) -> re.Pattern[str]:
    """A name slot ending right before a word: a frame, ``sur`` or ``via``."""
    cached = _FRAME_CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    frames = _alternation(_slot_frames(lexicon))
    pattern = re.compile(rf"(?:\b(?:{frames})|\b(?:sur|via)\s+)$", re.IGNORECASE)
    _FRAME_CACHE[id(lexicon)] = (lexicon, pattern)
    return pattern


_FRAME_CACHE: dict[int, tuple[Lexicon, re.Pattern[str]]] = {}
_PRONOUN_CACHE: dict[int, tuple[Lexicon, re.Pattern[str]]] = {}


def _slot_with_pronoun(lexicon: Lexicon) -> re.Pattern[str]:
    """A slot, perhaps followed by a subject pronoun, ending the text (``le site je ``)."""
    cached = _PRONOUN_CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    frames = _alternation(_slot_frames(lexicon))
    pattern = re.compile(rf"(?P<frame>(?i:\b(?:{frames})|\b(?:sur|via)\s+))"
                         rf"(?:(?P<pron>(?i:{PRONOUN}))\s*)?$")
    _PRONOUN_CACHE[id(lexicon)] = (lexicon, pattern)
    return pattern


_LITERAL_CACHE: dict[tuple[int, tuple[tuple[str, str], ...]],
                     tuple[Lexicon, re.Pattern[str], dict[str, str]]] = {}


def _literal_pattern(lexicon: Lexicon, entries: list[GlossaryName],
                     extra: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for every organisation literal after a slot, and literal -> name."""
    key = (id(lexicon), extra)
    cached = _LITERAL_CACHE.get(key)
    if cached is not None and cached[0] is lexicon:
        return cached[1], cached[2]
    names = {lit.casefold(): e.name for e in entries if e.label != "PER" for lit in e.literals}
    literals = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                        for w in sorted(names, key=len, reverse=True))
    # the literal first (rare), then the slot in the 80 characters before it
    pattern = re.compile(rf"(?<![\w’'-])(?P<lit>(?i:{literals}))(?![\w-])")
    _LITERAL_CACHE[key] = (lexicon, pattern, names)
    return pattern, names


def literal_names(source: str, lexicon: Lexicon,
                  extra: Iterable[tuple[str, str]] = ()) -> list[TidyUp]:
    """Names rendered as common words in a noun slot that expects a name."""
    extra = tuple(extra)
    entries = glossary_names(lexicon, extra)
    pattern, names = _literal_pattern(lexicon, entries, extra)
    found: list[TidyUp] = []
    people = _alternation(lexicon.cues.get("literal_person_frames", ()))
    for entry in entries:
        if entry.label == "PER" and any(lit.split()[-1] in source for lit in entry.literals):
            found += _person_literals(source, entry, people)
    slot = _slot_with_pronoun(lexicon)
    pos = 0
    while (m := pattern.search(source, pos)) is not None:
        pos = m.start() + 1  # candidates may overlap (réseau social vérité / vérité sociale)
        lit = m.group("lit")
        name = names[re.sub(r"\s+", " ", lit).casefold()]
        if lit == name:
            continue  # the name itself: sur Signal, le site Parler
        window = max(0, m.start() - 80)
        before = slot.search(source[window : m.start()])
        if before is None:
            continue
        capitalised = lit[:1].isupper()
        bare_frame = before.group("frame").strip().casefold() in ("sur", "via")
        if not before.group("pron") and not capitalised and not bare_frame \
                and not re.match(AFTER_BARE, source[m.end() :]):
            continue
        if bare_frame and not capitalised and not before.group("pron") \
                and not re.search(r"(?:er|ir|re)$", lit):
            continue  # only an infinitive is ungrammatical after sur/via
        pos = m.end()
        start = window + before.start("pron") if before.group("pron") else m.start("lit")
        original = source[start : m.end()]
        frame_text = before.group("frame").strip()
        found.append(TidyUp(start, m.end(), original, name, "literal-name",
                            f"“{original}” stands where the name {name} is expected "
                            f"(after “{frame_text}”): an earlier "
                            f"translation turned the name into ordinary words."))
    return found


def _person_literals(source: str, entry: GlossaryName, titles: str) -> list[TidyUp]:
    """``Donald Atout`` anywhere; ``le président Atout`` after a title."""
    found = []
    for literal in entry.literals:
        words = literal.split()
        full = re.compile(rf"(?<![\w-]){re.escape(literal)}(?![\w-])")
        hits = [(m.start(), m.end()) for m in full.finditer(source)]
        if len(words) > 1 and titles:
            surname = re.compile(rf"(?i:\b(?:{titles}))(?P<s>{re.escape(words[-1])})(?![\w-])")
            hits += [(m.start("s"), m.end("s")) for m in surname.finditer(source)
                     if not any(s <= m.start("s") < e for s, e in hits)]
        for start, end in hits:
            original = source[start:end]
            found.append(TidyUp(start, end, original, entry.name if " " in original
                                else entry.name.split()[-1], "literal-name",
                                f"“{original}” looks like the name {entry.name} with the "
                                "surname translated as an ordinary word."))
    return found


def literal_names_from_frames(parsed: ParsedArticle, lexicon: Lexicon,
                              extra: Iterable[tuple[str, str]] = ()) -> list[TidyUp]:
    """Ordinary words in a name slot (``sur Gazouiller``, ``l’entreprise Pomme``), from the
    parse."""
    source = parsed.article.source
    slot = _frame_before(lexicon)
    by_literal = {lit.casefold(): g.name for g in glossary_names(lexicon, extra)
                  for lit in g.literals}
    skip = {w.casefold() for w in lexicon.cues.get("common_word_brands", ())}
    skip |= lexicon.words("common_capitalised") | lexicon.words("org_heads")
    found: list[TidyUp] = []
    starts = {s.start for s in parsed.sentences}
    for para, doc in zip(parsed.article.paragraphs, parsed.docs, strict=True):
        for tok in doc:
            start = para.start + tok.idx
            word = tok.text
            if start in starts or len(word) < 3 or word.isupper() or not word.isalpha():
                continue
            before = source[max(0, start - 60) : start]
            in_slot = slot.search(before)
            if not in_slot:
                continue
            frame = in_slot.group().strip()
            kind = _slot_word(tok, word, frame, lexicon, skip, source)
            if not kind:
                continue
            name = by_literal.get(word.casefold())
            found.append(TidyUp(start, start + len(word), word, name, "literal-name",
                                f"“{word}” is {kind} where a name is expected (after "
                                f"“{frame}”): an earlier translation turned a name into a word"
                                + (f"; the glossary gives {name}." if name else ".")))
    return found


def _slot_word(tok: Token, word: str, frame: str, lexicon: Lexicon,
               skip: frozenset[str] | set[str], source: str) -> str:
    """What kind of ordinary word ``tok`` is in the name slot after ``frame``, or ""."""
    if word.casefold() in skip or lexicon.label_of(word) is not None \
            or word in lexicon.first_names or not is_common_word(word):
        return ""
    verb_like = tok.pos_ in ("VERB", "AUX") or re.search(r"(?:er|ir|re)$", word)
    if word[:1].islower():
        infinitive = "Inf" in tok.morph.get("VerbForm", []) and re.search(r"(?:er|ir|re)$", word)
        return "an infinitive" if infinitive and tok.pos_ == "VERB" else ""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
        return ""  # the first word of a longer name: le président de Radio France
    if nxt is not None and nxt.pos_ == "ADJ" and nxt.text.islower() and not verb_like:
        return ""  # a name of several words: la société Territoires graphiques
    if verb_like and len(word) >= 4:
        return "an ordinary French verb, capitalised"
    bare = frame.casefold() in ("sur", "via")
    if not bare and tok.pos_ in ("NOUN", "PROPN", "ADJ") and not nxt_is_name_part(tok) \
            and not _also_lower_case(source, word):
        return "an ordinary French noun, capitalised"
    return ""


def _also_lower_case(text: str, word: str) -> bool:
    """The word is also a topic of the text in lower case (``le réseau Excision`` in an
    article about excision): a name chosen for its cause, not a translated one."""
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None


def nxt_is_name_part(tok: Token) -> bool:
    """``Pomme`` in ``l’entreprise Pomme de Terre``: followed by ``de`` + a capital."""
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in ("de", "du", "des", "d’", "d'") \
            and doc[tok.i + 2].text[:1].isupper():
        return True
    return False
