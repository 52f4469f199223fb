"""Names spelled two ways: ``Amazone`` next to ``Amazon``, ``Buzzfeed`` next to ``BuzzFeed``.

A capitalised word is a *variant* of a *reference* name when the two are near-identical
(rapidfuzz ratio and edit distance) and the reference is better attested: a well-known name
from the gazetteer, or much more frequent in the article. Plain French inflections and
derivations (``Américain``/``Américains``, ``Macron``/``Macronie``) are not variants unless
the reference is a known organisation or person and differs by one trailing letter.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from reader.analysis.common_words import is_common_word
from reader.analysis.lexicon import Lexicon

WORD = re.compile(r"(?<![\w@#’'-])[A-ZÀ-ÖØ-Þ][\w]*\w(?![\w-])")
MIN_LENGTH = 4
# "Gambien" beside "Gambie" is an adjective, not a misspelling.
DEMONYM_END = re.compile(r"(?:ien|iens|ienne|éen|éenne|ais|aise|ois|oise|ain|aine)$")
MIN_RATIO = 85.0


@dataclass(frozen=True)
class Variant:
    """``text`` is a variant spelling of ``reference``; ``why`` explains the evidence."""

    text: str
    reference: str
    why: str


def _reference_evidence(ref: str, var: str, counts: Counter[str], lexicon: Lexicon) -> str:
    """Why ``ref`` beats ``var`` as the right spelling, or "" if it does not."""
    ref_known = ref in lexicon.known
    var_known = var in lexicon.known
    if var_known:
        return ""
    if ref_known and lexicon.known[ref] in ("ORG", "PER", "LOC"):
        return "known"
    if counts[ref] >= 2 * counts[var] and counts[ref] >= 2:
        return "frequent"
    return ""


def _is_variant(var: str, ref: str, counts: Counter[str], lexicon: Lexicon) -> str:
    if var == ref or len(var) < MIN_LENGTH or len(ref) < MIN_LENGTH:
        return ""
    if var[0].casefold() != ref[0].casefold():
        return ""
    a, b = var.casefold(), ref.casefold()
    if a == b:
        # Same letters, different capitals: only a known spelling settles it.
        if ref in lexicon.known and var not in lexicon.known:
            return "known"
        return ""
    if fuzz.ratio(a, b) < MIN_RATIO or Levenshtein.distance(a, b) > 2:
        return ""
    evidence = _reference_evidence(ref, var, counts, lexicon)
    if not evidence:
        return ""
    if a.startswith(b) or b.startswith(a):
        # Inflection or derivation (Américain/Américains) unless a known name gained a letter.
        if evidence != "known" or abs(len(a) - len(b)) > 1:
            return ""
    return evidence


ACCENTS = str.maketrans("àâäéèêëîïôöûùüçÿ", "aaaeeeeiioouuucy")
PAIRS = (("ph", "f"), ("y", "i"), ("ï", "i"), ("k", "c"), ("qu", "k"), ("ou", "u"))


def misspelling_shape(var: str, ref: str) -> str:
    """How ``var`` differs from ``ref`` if it is one typing or OCR slip away, else "".

    Shapes: a letter doubled or undoubled, a letter dropped inside, the last letter changed,
    two neighbouring letters swapped, accents dropped or added, ``ph``/``f`` or
    ``y``/``i``, the last letter dropped, a letter other than ``e`` or ``s`` added at the end
    (``Martin`` and ``Martine`` are two names: given names are checked by the callers).
    """
    a, b = var.casefold(), ref.casefold()
    if a == b or a[0] != b[0]:
        return ""
    if a.translate(ACCENTS) == b.translate(ACCENTS):
        return "accents differ"
    for x, y in PAIRS:
        if a.replace(x, y) == b.replace(x, y) and (x in a or x in b):
            return f"“{x}” and “{y}” swapped"
    if _swapped(a, b):
        return "two letters swapped"
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1 and diff[0] == len(a) - 1:
            return "the last letter changed"  # inside, it is often another name: Balla, Billa
        return ""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1:
        return ""
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            if i == len(long_) - 1:
                if long_ is b:
                    return "the last letter dropped"
                # a final e or s more is an inflection or another name (Martine, Louis)
                return "a letter added at the end" if long_[i] not in "es" else ""
            if 0 < i and long_[i] in (long_[i - 1], long_[i + 1 : i + 2]):
                return "a letter doubled" if long_ is a else "a doubled letter written once"
            if i > 0:
                return "a letter added" if long_ is a else "a letter dropped"
    return ""


def _swapped(a: str, b: str) -> bool:
    """Same word but for two neighbouring letters in the other order."""
    if len(a) != len(b) or a == b or len(a) < MIN_LENGTH:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
        and a[diff[1]] == b[diff[0]]


def _plain_slip(var: str, ref: str, lexicon: Lexicon, source: str) -> bool:
    """A single spelling one slip away from a name written at least twice, that is not itself
    a known name or a given name (``Martine`` beside ``Martin``), nor an ordinary French word
    where a word can stand (after a determiner or opening a sentence: ``la Mairie``)."""
    if len(var) < MIN_LENGTH or len(ref) < MIN_LENGTH or not misspelling_shape(var, ref):
        return False
    if var in lexicon.first_names or lexicon.label_of(var) is not None:
        return False
    if DEMONYM_END.search(var) and not DEMONYM_END.search(ref):
        return False
    m = re.search(rf"(?<![\w@#’'-]){re.escape(var)}(?![\w-])", source)
    if m is not None and _other_longer_name(source, m.end(), ref):
        return False
    if not is_common_word(var):
        return True
    before = source[max(0, m.start() - 12) : m.start()] if m else ""
    return bool(before.strip()) and not re.search(
        r"(?:^|[\s’'])(?:le|la|les|l[’']|un|une|des|du|au|aux|ce|cette|ces|sa|son|ses|leur|"
        r"notre|votre)\s*$|[.!?:;«\n]\s*$", before, re.IGNORECASE)


def _other_longer_name(source: str, end: int, ref: str) -> bool:
    """The spelling opens a longer name whose next word never follows ``ref``
    (``Iraq Body Count`` beside ``Irak``), so it is another name, not a slip."""
    nxt = re.match(r"[ \u00a0]+([A-ZÀ-Þ][\w’'-]+)", source[end:])
    if nxt is None:
        return False
    return re.search(rf"(?<![\w-]){re.escape(ref)}[ \u00a0]+{re.escape(nxt.group(1))}(?![\w-])",
                     source) is None


ALTERNATIVE = r"(?:orthographiée?s?|écrite?s?|appelée?s?|nommée?s?|alias|dite?s?|ou)"


def _given_as_alternatives(source: str) -> set[str]:
    """``Niafrang (également orthographié Niafourang)``: words the article gives as another
    spelling (up to two words after ``orthographié``, ``alias``, ``ou``…)."""
    found: set[str] = set()
    for m in re.finditer(rf"\b{ALTERNATIVE}\s+((?:\w+\s+){{0,2}}\w+)", source):
        found.update(m.group(1).split())
    return found


def find_variants(source: str, names: set[str], lexicon: Lexicon,
                  people: frozenset[str] = frozenset()) -> list[Variant]:
    """Variant spellings among the capitalised words of ``source``.

    ``names`` are entity mention texts; their words (and the gazetteer's one-word names) are
    the candidate references. ``people`` are person and organisation names: one of them
    seen several times makes a single longer spelling a misspelling (``Vérane`` beside
    ``Véran``), which would otherwise pass for an inflection.
    """
    counts: Counter[str] = Counter(m.group() for m in WORD.finditer(source))
    words = {re.sub(r"^(?:[dlDL]|qu|Qu)[’']", "", w) for n in names for w in n.split()}
    references = {w for w in words if w in counts}
    # a capitalised word written three times is a name even where the model missed it
    references |= {w for w, c in counts.items() if c >= 3 and len(w) >= MIN_LENGTH
                   and not is_common_word(w)}
    references |= {k for k in lexicon.known if " " not in k and k in counts}
    variants: list[Variant] = []
    person_words = {re.sub(r"^(?:[dlDL]|qu|Qu)[’']", "", w) for n in people for w in n.split()}
    alternatives = _given_as_alternatives(source)
    for var in sorted(counts):
        if var in alternatives:
            continue
        best: tuple[float, str, str] | None = None
        for ref in references:
            evidence = _is_variant(var, ref, counts, lexicon)
            if not evidence and ref in person_words and counts[var] == 1 \
                    and len(ref) >= MIN_LENGTH \
                    and counts[ref] >= 3 and var.casefold().startswith(ref.casefold()) \
                    and len(var) == len(ref) + 1 and not DEMONYM_END.search(var) \
                    and not var.endswith("s"):
                evidence = "frequent"
            if not evidence and ref in person_words and counts[var] == 1 \
                    and counts[ref] >= 3 and _swapped(var, ref):
                evidence = "frequent"  # "Jonhson" beside "Johnson": two letters swapped
            if not evidence and counts[var] == 1 and counts[ref] >= 2 \
                    and _plain_slip(var, ref, lexicon, source):
                evidence = "frequent"  # "Anite" beside "Anita" ×2, "Maccron" beside "Macron"
            if evidence:
                score = fuzz.ratio(var, ref)
                if best is None or score > best[0]:
                    best = (score, ref, evidence)
        if best is not None:
            _, ref, evidence = best
            distance = Levenshtein.distance(var.casefold(), ref.casefold())
            edits = f"{distance} letter{'s' if distance > 1 else ''} apart"
            shape = misspelling_shape(var, ref)
            if shape:
                edits += f": {shape}"
            if evidence == "known":
                why = f"“{ref}” is how this well-known name is spelled ({edits})"
            else:
                why = (f"it appears {counts[var]} time{'s' if counts[var] > 1 else ''}, "
                       f"{edits} from “{ref}”, which the article writes {counts[ref]} times")
            variants.append(Variant(var, ref, why))
    return variants
