"""Who is quoted: the cue (``a déclaré``, ``selon``, ``dit que``) and the speaker of each quote.

The small spaCy model parses sentences with quotations in them poorly, so attribution works on
the surface text around each quote, outside all quotation marks:

* the nearest speech cue in the quote's sentences (verbs from ``analysis_cues.json``);
* after the quote, ``», a écrit Matze`` puts the speaker after the cue (inverted), while
  ``» un utilisateur a écrit`` puts it between the quote and the cue;
* before the quote, the subject is the last comma-separated segment before the cue (a named
  person first, then a noun phrase such as ``un utilisateur de Parler``, then an organisation),
  with ``Name, PDG de X, a déclaré`` and ``comme le souligne l’ADL`` handled;
* a pronoun (``ont-ils écrit``) resolves to the nearest earlier named speaker;
* a quote with no cue continues the previous quote's speaker when it follows closely, and a short
  one with nobody quoted is a ``term`` (scare quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.entities import is_common_word
from reader.analysis.lexicon import Lexicon
from reader.analysis.model import Entity, EntityGroup, Quote
from reader.analysis.quotes import QuoteSpan
from reader.nlp import ParsedArticle

DETERMINERS = (r"(?:un|une|le|la|les|l’|l'|des|ce|cette|ces|plusieurs|certains|certaines|"
               r"son|sa|ses|leur|leurs)")
LEADING_JUNK = re.compile(r"^(?:et|mais|puis|alors|ainsi|or|donc|enfin)\s+", re.IGNORECASE)
AUXILIARY = {"a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "aura", "va"}
TERM_MAX_WORDS = 4
CONTINUATION_GAP = 400


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
    aux = (r"(?:(?:a|ont|avait|avaient|aura|auront|aurait)(?:" + clitic.format(n=1) +
           r")?\s+(?:(?:\w+ment|aussi|également|déjà|encore)\s+)?)?")
    verb = rf"(?:(?:{stems})(?:é|ée|és|ées|e|es|ent|ait|aient|era|eront|ant)|{forms})"
    return re.compile(rf"(?<![\w-]){aux}{verb}(?:{clitic.format(n=2)})?(?![\w])",
                      re.IGNORECASE)


class Attribution:
    """Attributes quotes of one article to speakers."""

    def __init__(self, parsed: ParsedArticle, entities: list[Entity],
                 groups: list[EntityGroup], lexicon: Lexicon) -> None:
        self.parsed = parsed
        self.source = parsed.article.source
        self.entities = entities
        self.groups = {g.id: g for g in groups}
        self.lexicon = lexicon
        self.cues = cue_pattern(lexicon)
        self.stop = lexicon.words("np_stop_words")
        self.time_words = lexicon.words("time_words")
        self.person_nouns = lexicon.words("person_nouns")
        self.pronouns = lexicon.words("pronouns")
        self.quoted: list[QuoteSpan] = []

    # --- helpers ----------------------------------------------------------------------------

    def _inside_quote(self, start: int, end: int) -> bool:
        return any(q.start < end and start < q.end for q in self.quoted)

    def _region(self, q: QuoteSpan) -> tuple[int, int]:
        sents = [s for s in self.parsed.sentences if s.start < q.end and q.start < s.end]
        if not sents:
            return q.start, q.end
        return sents[0].start, sents[-1].end

    def _entity_name(self, e: Entity) -> str:
        group = self.groups.get(e.group)
        if group is not None and e.label in ("PER", "ORG") and group.name.endswith(e.text):
            return group.name
        if group is not None and e.label in ("PER", "ORG") and len(e.text) <= 6 \
                and e.text.isupper():
            return group.name
        return group.name if group is not None and e.label == "PER" else e.text

    def _entities_in(self, start: int, end: int, labels: tuple[str, ...]) -> list[Entity]:
        return [e for e in self.entities if start <= e.start and e.end <= end
                and e.label in labels and not self._inside_quote(e.start, e.end)]

    def _noun_phrase(self, start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase starting at ``start`` (after spaces, dates and adverbs)."""
        words = list(re.finditer(r"@?[\w’'-]+|[^\w\s]", self.source[start:end]))
        first = None
        last = None
        for m in words:
            word = m.group()
            folded = word.casefold()
            if first is None and (folded in self.time_words
                                  or self._is_date(start + m.start())):
                continue
            if not re.match(r"@?\w", word) or (folded in self.stop and first is not None):
                break
            if first is not None and folded in AUXILIARY:
                break
            if first is None:
                first = start + m.start()
            last = start + m.end()
        if first is None or last is None:
            return None
        return first, last

    def _is_date(self, pos: int) -> bool:
        return any(e.start <= pos < e.end and e.label == "DATE" for e in self.entities)

    def _speaker_from_span(self, start: int, end: int) -> tuple[str, tuple[int, int]] | None:
        text = self.source[start:end].strip(" ,")
        if not text:
            return None
        people = self._entities_in(start, end, ("PER",))
        if people:
            e = people[-1]
            return self._entity_name(e), (e.start, e.end)
        bare = re.sub(rf"^{DETERMINERS}\s*", "", text, flags=re.IGNORECASE)
        named = [e for e in self._entities_in(start, end, ("ORG", "MISC", "HANDLE"))
                 if e.text == bare]
        if named:
            return self._entity_name(named[0]), (named[0].start, named[0].end)
        lead = len(self.source[start:end]) - len(self.source[start:end].lstrip(" ,"))
        return text, (start + lead, start + lead + len(text))

    # --- attribution -----------------------------------------------------------------------

    def _inverted(self, cue: Cue, limit: int) -> tuple[str, tuple[int, int]] | None:
        np = self._noun_phrase(cue.end, limit)
        return self._speaker_from_span(*np) if np else None

    def _subject_before(self, region_start: int, cue: Cue) -> tuple[str, tuple[int, int]] | None:
        stop_at = max([region_start] + [q.end for q in self.quoted if q.end <= cue.start])
        text = self.source[stop_at : cue.start]
        # Segments between commas, absolute positions.
        segments = [(stop_at + m.start(), stop_at + m.end())
                    for m in re.finditer(r"[^,–—:;()]+", text) if m.group().strip()]
        if not segments:
            return None
        start, end = segments[-1]
        seg = self.source[start:end]
        junk = LEADING_JUNK.match(seg.lstrip())
        if junk:
            start += len(seg) - len(seg.lstrip()) + junk.end()
            seg = self.source[start:end]
        words = seg.split()
        if words and words[-1].casefold() in self.pronouns:
            p_end = start + len(seg.rstrip())
            return words[-1], (p_end - len(words[-1]), p_end)
        if words and not re.match(DETERMINERS + r"\b", words[0], re.IGNORECASE) \
                and words[0].casefold() in self.person_nouns and len(segments) > 1:
            start = segments[-2][0]  # "John Matze, PDG de Parler, a déclaré"
        people = self._entities_in(start, end, ("PER",))
        if people:
            e = people[-1]
            return self._entity_name(e), (e.start, e.end)
        lead = re.match(rf"\s*({DETERMINERS})\s*", self.source[start:end], re.IGNORECASE)
        if lead:
            np = self._noun_phrase(start + lead.end(), end)
            if np:
                np_start = start + lead.start(1)
                return self.source[np_start : np[1]], (np_start, np[1])
        named = self._entities_in(start, end, ("ORG", "MISC", "HANDLE"))
        if named:
            return self._entity_name(named[0]), (named[0].start, named[0].end)
        return None

    def _find_cue(self, q: QuoteSpan, region: tuple[int, int]) -> Cue | None:
        best: tuple[int, Cue] | None = None
        for m in self.cues.finditer(self.source, region[0], region[1]):
            if self._inside_quote(m.start(), m.end()):
                continue
            distance = m.start() - q.end if m.start() >= q.end else q.start - m.end()
            pronoun = m.group("pron1") or m.group("pron2") or ""
            cue = Cue(m.start(), m.end(), m.group(), pronoun)
            if best is None or distance < best[0]:
                best = (distance, cue)
        return best[1] if best else None

    def _resolve(self, pronoun: str, before: int,
                 earlier: list[Quote]) -> tuple[str, tuple[int, int]] | None:
        """The nearest earlier named speaker or person for a pronoun."""
        candidates: list[tuple[int, str, tuple[int, int]]] = []
        for quote in earlier:
            if quote.speaker and quote.speaker_span and quote.speaker.casefold() \
                    not in self.pronouns:
                candidates.append((quote.speaker_span[0], quote.speaker, quote.speaker_span))
        window = [s for s in self.parsed.sentences if s.end <= before][-5:]
        for s in window:
            for e in self._entities_in(s.start, s.end, ("PER",)):
                candidates.append((e.start, self._entity_name(e), (e.start, e.end)))
            m = re.match(rf"\s*(?:[A-ZÀ-Þ][\w’']*\s+)?({DETERMINERS}\s+(?:autres?\s+)?"
                         rf"([\w-]+)(?:\s+(?:de|d’|du)\s*[A-ZÀ-Þ][\w-]*)?)",
                         s.text, re.IGNORECASE)
            if m and m.group(2).casefold() in self.person_nouns:
                pos = s.start + m.start(1)
                candidates.append((pos, m.group(1), (pos, s.start + m.end(1))))
            named = re.match(r"\s*([A-ZÀ-Þ][a-zà-ÿ-]+),\s", s.text)  # "Jeanne, retraitée, …"
            if named and not is_common_word(named.group(1)):
                pos = s.start + named.start(1)
                candidates.append((pos, named.group(1), (pos, s.start + named.end(1))))
        candidates = [c for c in candidates if c[0] < before]
        if not candidates:
            return None
        _, name, span = max(candidates)
        return name, span

    def attribute(self, spans: list[QuoteSpan]) -> list[Quote]:
        """Quotes with speakers and cues, in text order."""
        self.quoted = spans
        quotes: list[Quote] = []
        for q in spans:
            text = self.source[q.start : q.end]
            sentence_ids = tuple(s.id for s in self.parsed.sentences
                                 if s.start < q.end and q.start < s.end)
            if q.kind == "tweet":
                quotes.append(Quote(q.start, q.end, text, q.speaker, q.speaker_span, "tweet",
                                    None, "tweet", sentence_ids))
                continue
            region = self._region(q)
            cue = self._find_cue(q, region)
            speaker: tuple[str, tuple[int, int]] | None = None
            if cue is not None:
                if cue.pronoun:
                    speaker = self._resolve(cue.pronoun, q.start, quotes)
                elif cue.start >= q.end:
                    between = self.source[q.end : cue.start]
                    if re.search(r"\w", between):
                        speaker = self._speaker_from_span(q.end, cue.start)
                    else:
                        speaker = self._inverted(cue, region[1])
                elif re.search(r"\bcomme\s+(?:le|la|les|l’|l')?\s*$",
                               self.source[max(0, cue.start - 12) : cue.start],
                               re.IGNORECASE) or cue.text.casefold().startswith(
                                   ("selon", "d’après", "d'après", "comme")):
                    speaker = self._inverted(cue, q.start)
                else:
                    speaker = self._subject_before(region[0], cue)
                if speaker and speaker[0].casefold() in self.pronouns:
                    speaker = self._resolve(speaker[0], q.start, quotes) or speaker
            words = len(re.findall(r"\w+", text))
            kind = "direct"
            if cue is None:
                prev = next((p for p in reversed(quotes) if p.kind == "direct"), None)
                if words <= TERM_MAX_WORDS and not re.search(r"[.!?…]\s*[»”\"]?$", text):
                    kind = "term"
                elif prev is not None and prev.speaker and q.start - prev.end < CONTINUATION_GAP:
                    speaker = (prev.speaker, prev.speaker_span) if prev.speaker_span else None
            name, span = speaker if speaker else ("", None)
            quotes.append(Quote(q.start, q.end, text, name, span,
                                cue.text if cue else "", (cue.start, cue.end) if cue else None,
                                kind, sentence_ids))
        return quotes
