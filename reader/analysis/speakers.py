"""Who is quoted: the cue (``a déclaré``, ``selon``, ``précise-t-elle``) and the speaker.

Each quote is tried against the places French news puts an attribution, in this order:

1. an incise inside the quote: ``«À Conakry, précise-t-elle. Et pas …»``;
2. right after the quote: ``», a déclaré Marie Lefèvre``, ``», nous a confié Anita``,
   ``», se souvient-elle``, ``», selon ce texte`` (the speaker follows the cue);
3. before the quote in its sentence: ``selon X``/``d’après X``, ``Pour X, … «…»``, or a
   speech verb whose subject is found in the dependency parse (``Paul Girard a affirmé que``,
   ``X, porte-parole de Y, nous explique que``) with the surface words as a fallback;
4. a colon: ``Salif Berthé ne retient pas son amertume : «…»`` (the sentence's subject);
5. a pull quote: a paragraph holding only the quote, followed by a paragraph that is a name.

The words found are turned into a speaker by :class:`SpeakerNames` (full names, titles
resolved to the person, pronouns to the nearest compatible named person, clause fragments
refused). Quotes joined by ``et`` share the next quote's speaker; a quote with no cue
continues the previous quote's speaker when it follows closely; a short one nobody says is a
``term`` (scare quotes). When nothing fits, the speaker stays empty ("unattributed").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from reader.analysis.lexicon import Lexicon
from reader.analysis.model import Entity, EntityGroup, Quote
from reader.analysis.quotes import QuoteSpan
from reader.analysis.speaker_names import PRONOUNS, SPACE, Speaker, SpeakerNames
from reader.analysis.speech_cues import ADJUNCT_PREPOSITION, Cue, adjunct_end, cue_pattern
from reader.nlp import ParsedArticle

TERM_MAX_WORDS = 4
CONTINUATION_GAP = 400
CLITIC_BEFORE = r"(?:(?:nous|vous|lui|leur|me|se|en|y)\s+|[msl][’'])"
SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
PASSIVE = re.compile(r"(?<=[ée]|s)\s+par\b")


# "le Tribunal", "L’ONG Amnesty", "la société Veolia": an organisation opening a sentence.
ORGANISATION_SUBJECT = re.compile(
    rf"(?P<det>[Ll]e|[Ll]a|[Ll][’'])[{SPACE}]*(?:(?P<noun>ONG|association|organisation|agence|"
    rf"entreprise|société|fédération|commission|union|autorité|administration|armée|"
    rf"ambassade|assemblée|syndicat|ministère|parti|groupe|institut|office|conseil|"
    rf"tribunal|cour|banque|compagnie|firme|plateforme|chaîne|radio|revue|journal)"
    rf"[{SPACE}]+)?")
FEMININE_BODIES = {"ong", "association", "organisation", "agence", "entreprise", "société",
                   "fédération", "commission", "union", "autorité", "administration", "armée",
                   "ambassade", "assemblée", "cour", "banque", "compagnie", "firme",
                   "plateforme", "chaîne", "radio", "revue"}


def _shares_words(heading: str, body: str) -> bool:
    """A heading repeats a body quote: all its words, or at least half of them (six or
    more) in a row (``«Plus on descend, moins on est dans la posture. L'échelon …»``)."""
    if f" {heading} " in f" {body} ":
        return True
    words = heading.split()
    run = max(6, (len(words) + 1) // 2)
    return any(f" {' '.join(words[i : i + run])} " in f" {body} "
               for i in range(len(words) - run + 1))


class Attribution:
    """Attributes the quotes of one article to speakers."""

    def __init__(self, parsed: ParsedArticle, entities: list[Entity],
                 groups: list[EntityGroup], lexicon: Lexicon) -> None:
        self.parsed = parsed
        self.source = parsed.article.source
        self.entities = entities
        self.lexicon = lexicon
        self.names = SpeakerNames(self.source, entities, groups, lexicon)
        self.cues = cue_pattern(lexicon)
        self.adverbials = sorted(lexicon.words("adverbials_after_cue"), key=len, reverse=True)
        self.time_words = lexicon.words("time_words")
        self.quoted: list[QuoteSpan] = []
        self.earlier: list[Speaker] = []

    # --- text helpers ------------------------------------------------------------------------

    def _inside_quote(self, start: int, end: int) -> bool:
        return any(q.start < end and start < q.end for q in self.quoted)

    def _sentence_bounds(self, pos: int) -> tuple[int, int]:
        for s in self.parsed.sentences:
            if s.start <= pos < s.end + 1:
                return s.start, s.end
        return pos, pos

    def _cue_at(self, pos: int, limit: int) -> Cue | None:
        m = re.compile(rf"[{SPACE}]*{CLITIC_BEFORE}?").match(self.source, pos)
        start = m.end() if m else pos
        c = self.cues.match(self.source, start, limit)
        if c is None:
            return None
        pronoun = c.group("pron1") or c.group("pron2") or ""
        return Cue(c.start(), c.end(), c.group(), pronoun)

    def _phrase_after(self, pos: int, limit: int) -> tuple[int, int] | None:
        """The words after an inverted cue, up to a comma, stop or opening quote."""
        text = self.source[pos:limit]
        skip = re.match(rf"[{SPACE}]*", text)
        i = skip.end() if skip else 0
        aside = re.match(rf",[{SPACE}]*([^,«».;:!?]{{1,40}}),[{SPACE}]*", text[i:])
        if aside and self._is_aside(aside.group(1)):  # "a réagi, vendredi matin, l’OIM"
            i += aside.end()
        changed = True
        while changed:
            changed = False
            for adv in self.adverbials:
                if text[i:].casefold().startswith(adv + " ") or text[i:].casefold() == adv:
                    i += len(adv)
                    i += len(text[i:]) - len(text[i:].lstrip(SPACE))
                    changed = True
            for word in self.time_words:
                if re.match(rf"{re.escape(word)}\b", text[i:], re.IGNORECASE):
                    i += len(word)
                    i += len(text[i:]) - len(text[i:].lstrip(SPACE))
                    changed = True
            adjunct = adjunct_end(text, i)
            if adjunct > i:
                i = adjunct
                changed = True
        title = re.match(r"(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mes)\.?[\s\u00a0]+(?=[A-ZÀ-Þ])",
                         text[i:])
        if title:
            i += title.end()
        m = re.match(r"[^,.;:!?«»()\[\]\n]+", text[i:])
        if not m or not m.group().strip():
            return None
        words = m.group()
        clause = re.search(r"\s+(?:en\s+\w+ant|qui|dont|lors|dans|sur|devant|à\s+l’issue)\b",
                           words)
        if clause:
            words = words[: clause.start()]
        end = pos + i + len(words.rstrip())
        return pos + i, end

    def _is_aside(self, words: str) -> bool:
        """Words set between commas after a cue that only say when or where
        (``vendredi matin``, ``lors d’un point presse``, ``à Bruxelles``)."""
        first = words.split()[0].casefold() if words.split() else ""
        return len(words.split()) <= 6 and (
            first in self.time_words or ADJUNCT_PREPOSITION.match(words) is not None
            or any(words.casefold().startswith(a) for a in self.adverbials))

    def _pronoun_speaker(self, cue: Cue, before: int) -> Speaker | None:
        """An inverted pronoun's speaker; impersonal ``on`` is only someone when a place
        follows (``explique-t-on à Matignon``, ``dans l’entourage du ministre``)."""
        if cue.pronoun.casefold() != "on":
            return self._resolve_pronoun(cue.pronoun, cue.start, before)
        m = re.match(rf"[{SPACE}]*(?:à|au|chez|dans l’entourage d[eu]|dans l'entourage d[eu]|"
                     rf"du côté d[eu])[{SPACE}]+([^,.;:!?«»()\n]{{2,60}})", self.source[cue.end :])
        if m is None:
            return None
        return self.names.from_span(cue.end + m.start(1), cue.end + m.end(1), before,
                                    self.earlier)

    def _resolve_pronoun(self, pronoun: str, at: int, before: int) -> Speaker | None:
        """``il``/``elle``: an organisation the previous sentence is about comes first
        (``Dans son arrêt, le Tribunal … fait état de … Il affirme que «…»``), else the
        nearest fitting person."""
        organisation = self._previous_subject_organisation(pronoun, at) \
            or self._organisation_speaking(pronoun, at)
        return organisation or self.names.resolve_pronoun(pronoun, before, self.earlier)

    def _organisation_speaking(self, pronoun: str, at: int) -> Speaker | None:
        """The organisation quoted just before in the same paragraph (``Selon elle, «…».
        «…», s’est-elle réjouie`` after ``L’ONG Amnesty International dénonce``)."""
        if pronoun.casefold() not in ("il", "elle") or not self.earlier:
            return None
        name, span = self.earlier[-1]
        org = [e for e in self.entities if e.label == "ORG" and e.start == span[0]]
        if not org or "\n" in self.source[span[1] : at] or at - span[1] > 400:
            return None
        mentions = [e for e in self.entities if e.group == org[0].group and e.start < at]
        for e in mentions:
            subject = next((m for m in ORGANISATION_SUBJECT.finditer(
                self.source, max(0, e.start - 25), e.start) if m.end() == e.start), None)
            if subject is None:
                continue
            det = subject.group("det").casefold()
            noun = (subject.group("noun") or "").casefold()
            feminine = det == "la" or (det in ("l’", "l'") and noun in FEMININE_BODIES)
            return (name, span) if feminine == (pronoun.casefold() == "elle") else None
        return None

    def _previous_subject_organisation(self, pronoun: str, at: int) -> Speaker | None:
        """The organisation the previous sentence (same paragraph, no person named) opens
        with as its subject, when its gender fits the pronoun: ``le Tribunal … fait état``,
        ``L’ONG Amnesty International dénonce`` (``elle``)."""
        if pronoun.casefold() not in ("il", "elle"):
            return None
        sentence_start, _ = self._sentence_bounds(at)
        prev = [s for s in self.parsed.sentences if s.end <= sentence_start]
        if not prev or "\n" in self.source[prev[-1].end : sentence_start]:
            return None  # only within a paragraph
        start, end = prev[-1].start, prev[-1].end
        if self.names.people_in(start, end):
            return None
        opening = re.match(rf"[^,«»]{{0,60}},[{SPACE}]*", self.source[start:end])
        for at_subject in [start] + ([start + opening.end()] if opening else []):
            subject = ORGANISATION_SUBJECT.match(self.source, at_subject, end)
            if subject is None:
                continue
            det, noun = subject.group("det").casefold(), (subject.group("noun") or "").casefold()
            feminine = det == "la" or (det in ("l’", "l'") and noun in FEMININE_BODIES)
            if feminine != (pronoun.casefold() == "elle"):
                continue
            org = [e for e in self.entities if e.label == "ORG" and e.start == subject.end()]
            if not org:
                continue
            follows = self.source[org[0].end : org[0].end + 30]
            if re.match(rf"(?:[{SPACE}]*\([^)]*\))?[{SPACE}]+[a-zà-ÿ]", follows):
                # the name then a verb: "le Tribunal pénal fédéral fait état"
                return self.names.name_of(org[0]), (org[0].start, org[0].end)
        return None

    def _speaker_after_cue(self, cue: Cue, limit: int, before: int) -> Speaker | None:
        if cue.pronoun:
            return self._pronoun_speaker(cue, before)
        phrase = self._phrase_after(cue.end, limit)
        if phrase is None:
            return None
        appos = re.match(rf",[{SPACE}]*(?:(?:M|Mme|Me|Mes|Dr|Pr)\.?[{SPACE}]+)?",
                         self.source[phrase[1] : phrase[1] + 10])
        if appos:  # "a déclaré la présidente de la chambre, Helena Kowalczyk"
            named = [e for e in self.names.people
                     if e.start == phrase[1] + appos.end()]
            if named and not self.names.people_in(*phrase):
                return self.names.name_of(named[0]), (named[0].start, named[0].end)
        return self.names.from_span(*phrase, before, self.earlier, subject=True)

    # --- the places an attribution can be -------------------------------------------------

    def _incise(self, q: QuoteSpan) -> tuple[Cue, Speaker | None] | None:
        """``«À Conakry, précise-t-elle. Et pas …»``: a cue between commas inside the quote."""
        for m in self.cues.finditer(self.source, q.start + 2, q.end - 2):
            lead = self.source[max(q.start, m.start() - 12) : m.start()]
            if not re.search(rf",[{SPACE}]*{CLITIC_BEFORE}?$", lead):
                continue
            pronoun = m.group("pron1") or m.group("pron2") or ""
            cue = Cue(m.start(), m.end(), m.group(), pronoun)
            rest = self.source[m.end() : q.end]
            if pronoun and re.match(rf"[{SPACE}]*[.,;]", rest):
                return cue, self._pronoun_speaker(cue, q.start)
            stop = re.search(r"[.,;]", rest)
            if not pronoun and stop and stop.start() < 60:
                speaker = self._speaker_after_cue(cue, m.end() + stop.start(), q.start)
                if speaker:
                    return cue, speaker
        return None

    def _after(self, q: QuoteSpan) -> tuple[Cue, Speaker | None] | None:
        """``», a déclaré X``, ``», se souvient-elle``, ``», selon X``."""
        m = re.compile(rf"[{SPACE}]*(?:[,)]|[–—])?[{SPACE}]*").match(self.source, q.end)
        pos = m.end() if m else q.end
        if m and "," not in m.group() and not re.match(r"[–—]", m.group().strip()):
            # Without a comma only a clitic inversion reads as an attribution (» dit-il),
            # or a subject then its verb (» un utilisateur a écrit).
            cue = self._cue_at(pos, min(len(self.source), pos + 60))
            if cue is not None and cue.pronoun:
                return cue, self._pronoun_speaker(cue, q.start)
            if cue is not None and not cue.text.casefold().endswith("ant") \
                    and not cue.text.casefold().startswith("comme"):
                # "» complète Jean-Marc Gabouty", "» dit le sénateur de l’Yonne": an
                # inverted cue some outlets write without the comma
                _, sentence_end = self._sentence_bounds(pos)
                speaker = self._speaker_after_cue(cue, max(sentence_end, pos + 1), q.start)
                if speaker is not None:
                    return cue, speaker
            return self._subject_then_cue(q, pos)
        _, sentence_end = self._sentence_bounds(pos)
        limit = max(sentence_end, min(len(self.source), pos + 200))
        cue = self._cue_at(pos, limit)
        if cue is None:
            return None
        if cue.text.casefold().endswith("ant") and not cue.pronoun:
            return cue, None  # "«…», contestant des propos de X": X is not the speaker
        return cue, self._speaker_after_cue(cue, limit, q.start)

    def _passive_agent(self, q: QuoteSpan) -> tuple[Cue, Speaker | None] | None:
        """``Des propos jugés «indécents» par Greenpeace``, ``qualifiée de «…» par le
        ministre``: a speech verb's past participle before the quote, its agent after."""
        agent = re.match(rf"[{SPACE}]*par[{SPACE}]+", self.source[q.end :])
        if agent is None:
            return None
        sentence_start, sentence_end = self._sentence_bounds(q.start)
        start = max(sentence_start, q.start - 40)
        m = re.search(rf"([\w-]+)[{SPACE}]+(?:(?:de|d’|d'|comme)[{SPACE}]*)?$",
                      self.source[start : q.start])
        if m is None or not re.search(r"(?:é|ée|és|ées)$", m.group(1)):
            return None
        word_start, word_end = start + m.start(1), start + m.end(1)
        c = self.cues.match(self.source, word_start, word_end)
        if c is None or c.end() != word_end:
            return None
        phrase = self._phrase_after(q.end + agent.end(), max(sentence_end, q.end + agent.end()))
        speaker = self.names.from_span(*phrase, q.start, self.earlier) if phrase else None
        return (Cue(word_start, word_end, c.group(), ""), speaker) if speaker else None

    def _is_a_title(self, q: QuoteSpan) -> bool:
        """Guillemets around a name or a title, not words someone said: ``l’association
        «…»``, ``la campagne «…»``, ``un rapport … intitulé «…»``, ``Cf. «…»``."""
        start = max([q.start - 200, self.source.rfind("\n", 0, q.start) + 1]
                    + [p.end for p in self.quoted if p.end <= q.start])
        text = self.source[start : q.start]
        nouns = "|".join(re.escape(n) for n in sorted(self.lexicon.words("naming_nouns"),
                                                      key=len, reverse=True))
        named = re.compile(rf"(?:intitulée?s?|baptisée?s?|nommée?s?|appelée?s?|dénommée?s?|"
                           rf"surnommée?s?|\b[Cc]f\.)[{SPACE}]*$|"
                           rf"(?<![\w-])(?:{nouns})[{SPACE}]*$|"
                           rf"(?<![\w-])(?:{nouns})\b[^«»“”.!?]{{0,80}}\bsur[{SPACE}]*$|"
                           rf"\ble nom (?:de|du|d’|d')[^«»“”]*$", re.IGNORECASE)
        return bool(named.search(text))

    def _later(self, q: QuoteSpan) -> tuple[Cue, Speaker | None] | None:
        """``X est en «soins intensifs» après …, a indiqué sa famille``: an inverted cue after
        a comma further on in the quote's sentence, with no other quote in between."""
        _, sentence_end = self._sentence_bounds(q.start)
        for comma in re.finditer(",", self.source[q.end : sentence_end]):
            pos = q.end + comma.end()
            if self._inside_quote(pos - 1, pos):
                continue  # a comma inside a later quote of the same sentence
            cue = self._cue_at(pos, sentence_end)
            if cue is None or cue.text.casefold().startswith(("selon", "d’après", "d'après",
                                                               "comme")):
                continue
            if cue.text.casefold().endswith("ant"):
                return None  # ", contestant des propos de X": a participle, not an inversion
            if cue.pronoun:
                return cue, self._pronoun_speaker(cue, q.start)
            speaker = self._speaker_after_cue(cue, sentence_end, q.start)
            return (cue, speaker) if speaker else None
        return None

    def _subject_then_cue(self, q: QuoteSpan, pos: int) -> tuple[Cue, Speaker | None] | None:
        """``«…» un utilisateur a écrit``: a short noun phrase, then the cue."""
        _, sentence_end = self._sentence_bounds(pos)
        c = self.cues.search(self.source, pos, max(sentence_end, pos))
        if c is None or len(self.source[pos : c.start()].split()) > 6 or \
                re.search(r"[«».!?;:]", self.source[pos : c.start()]):
            return None
        cue = Cue(c.start(), c.end(), c.group(), c.group("pron1") or c.group("pron2") or "")
        speaker = self.names.from_span(pos, c.start(), q.start, self.earlier)
        return (cue, speaker) if speaker else None

    def _before(self, q: QuoteSpan) -> tuple[Cue | None, Speaker | None] | None:
        """A cue before the quote in its sentence, or ``selon X``/``Pour X,``."""
        sentence_start, _ = self._sentence_bounds(q.start)
        start = max([sentence_start] + [p.end for p in self.quoted
                                        if sentence_start <= p.end <= q.start])
        text = self.source[start : q.start]
        opening = self._sentence_opening_source(sentence_start, q)
        after = self.source.find(",", opening[0].end) + 1 if opening and opening[0] else 0
        if opening is not None and not self.cues.search(self.source, max(start, after),
                                                        q.start):
            return opening  # "Selon la préfecture, il a eu «quatre doigts arrachés»"
        m = re.match(rf"[{SPACE}]*(?:(?:Mais|Et|Or|Alors que)[{SPACE}]+)?[Pp]our[{SPACE}]+"
                     rf"([^,«»]{{2,60}}),", text)
        if m and (self.names.people_in(start + m.start(1), start + m.end(1))
                  or m.group(1).strip().casefold() in PRONOUNS
                  or self._organisation_in(start + m.start(1), start + m.end(1))
                  or self.names.is_role(m.group(1))):  # "Pour le président du Conseil,"
            speaker = self.names.from_span(start + m.start(1), start + m.end(1), q.start,
                                           self.earlier)
            if speaker:
                return Cue(start + m.start(), start + m.start() + 4, "pour", ""), speaker
        cues = [c for c in self.cues.finditer(self.source, start, q.start)
                if not self._inside_quote(c.start(), c.end())
                and not PASSIVE.match(self.source, c.end())]  # "un témoin interrogé par"
        if len(re.findall(r"\w+", self.source[q.start : q.end])) <= TERM_MAX_WORDS:
            # A short quote takes only a cue that governs it: "dénonce des «…»".
            cues = [c for c in cues if (c.group().casefold().startswith(
                        ("selon", "d’après", "d'après"))
                        and re.fullmatch(rf"[^,«»]{{1,60}},[{SPACE}]*",
                                         self.source[c.end() : q.start]))
                    or ("," not in self.source[c.end() : q.start]
                        and len(self.source[c.end() : q.start].split()) <= 6)
                    or self._reported(c.end(), q.start)]
        if not cues:
            return None
        c = cues[-1]
        pronoun = c.group("pron1") or c.group("pron2") or ""
        cue = Cue(c.start(), c.end(), c.group(), pronoun)
        if pronoun:
            return cue, self._pronoun_speaker(cue, q.start)
        if cue.text.casefold().startswith(("selon", "d’après", "d'après")):
            phrase = self._phrase_after(cue.end, q.start)
            if phrase and self.source[phrase[0] : phrase[1]].casefold() in ("il", "elle"):
                return cue, self._resolve_pronoun(self.source[phrase[0] : phrase[1]],
                                                  cue.start, q.start)  # "Selon elle,"
            speaker = self.names.from_span(*phrase, q.start, self.earlier) if phrase else None
            return cue, speaker
        if cue.text.casefold().startswith("comme") or re.search(
                r"\bcomme[\s]+(?:le|la|les|l’|l')?\s*$",
                self.source[max(0, cue.start - 12) : cue.start], re.IGNORECASE):
            return cue, self._speaker_after_cue(cue, q.start, q.start)
        return cue, self._subject(cue, start, q.start)

    def _organisation_in(self, start: int, end: int) -> bool:
        """``Pour la CGT,``: the words are an organisation's name (with a determiner)."""
        orgs = [e for e in self.entities if e.label == "ORG" and start <= e.start
                and e.end <= end]
        words = re.sub(r"^(?:le|la|les|l’|l')\s*", "", self.source[start:end].strip(),
                       flags=re.IGNORECASE)
        return any(e.text == words for e in orgs)

    def _sentence_opening_source(self, start: int, q: QuoteSpan
                                 ) -> tuple[Cue | None, Speaker | None] | None:
        """``Selon un témoin, le député a «…» à X, qui est tombé «…»``: a sentence that
        opens with ``selon X,`` or ``d’après X,`` gives X every quote in it."""
        m = re.match(rf"[{SPACE}]*(?:(?:Mais|Et|Or|Pourtant|Toutefois)[{SPACE}]*,?[{SPACE}]*)?"
                     rf"(?:[Ss]elon|D’après|D'après|d’après|d'après)[{SPACE}]+([^,«»]{{2,80}}),",
                     self.source[start : q.start])
        if m is None:
            return None
        if m.group(1).strip().casefold() in ("il", "elle"):  # "Selon elle,"
            speaker = self._resolve_pronoun(m.group(1).strip(), start + m.start(1), q.start)
        else:
            speaker = self.names.from_span(start + m.start(1), start + m.end(1), q.start,
                                           self.earlier)
        if speaker is None:
            return None
        cue_end = start + m.start(1)
        return Cue(start + m.start(), cue_end, self.source[start + m.start() : cue_end].strip(),
                   ""), speaker

    def _reported(self, cue_end: int, quote_start: int) -> bool:
        """``Il a admis que le conflit … avait «détourné l’attention»``: the quote is inside
        the ``que`` clause the cue introduces (no other clause break before it)."""
        between = self.source[cue_end:quote_start]
        return bool(re.match(rf"[{SPACE}]*(?:\w+ment[{SPACE}]+)?(?:que|qu[’'])", between)) \
            and not re.search(r"[.;:!?«»“”]", between) and len(between.split()) <= 20

    def _colon(self, q: QuoteSpan) -> tuple[Cue | None, Speaker | None] | None:
        """``Salif Berthé ne retient pas son amertume : «…»``: the sentence's subject (also
        when the quote opens the next paragraph)."""
        start, _ = self._sentence_bounds(q.start)
        text = self.source[start : q.start]
        end = q.start
        if not text.strip():
            prev = [s for s in self.parsed.sentences if s.end <= q.start]
            if prev and self.source[prev[-1].start : prev[-1].end].rstrip().endswith(":") \
                    and not self.source[prev[-1].end : q.start].strip(" \n\u00a0"):
                start, end = prev[-1].start, prev[-1].end
                text = self.source[start:end]
                for c in self.cues.finditer(self.source, start, end):
                    cue = Cue(c.start(), c.end(), c.group(), c.group("pron2") or "")
                    speaker = self._speaker_after_cue(cue, end, q.start) or self._subject(
                        cue, start)
                    if speaker:
                        return cue, speaker
        if not re.search(rf":[{SPACE}]*$", text):
            return None
        people = [e for e in self.names.people_in(start, end)
                  if not self._inside_quote(e.start, e.end)]
        if people:
            e = people[0]
            return None, (self.names.name_of(e), (e.start, e.end))
        root = self._root_subject(start, end)
        if root:
            return None, self.names.from_span(*root, q.start, self.earlier)
        return None

    def _pull_quote(self, q: QuoteSpan) -> Speaker | None:
        """A paragraph that is only the quote, then a paragraph that is only a name."""
        paras = self.parsed.article.paragraphs
        for i, p in enumerate(paras[:-1]):
            if p.start == q.start and p.end <= q.end + 2:
                nxt = paras[i + 1]
                dash = re.match(rf"[-–—][{SPACE}]*", self.source[nxt.start : nxt.end])
                at = nxt.start + (dash.end() if dash else 0)
                people = self.names.people_in(at, nxt.end)
                credit = people and people[0].start == at and (
                    people[0].end >= nxt.end - 1 or (dash is not None and self.source[
                        people[0].end : people[0].end + 1] == ","))  # "- X, créateur de …"
                if credit:
                    return self.names.name_of(people[0]), (people[0].start, people[0].end)
        return None

    def _previous_sentence(self, q: QuoteSpan) -> Speaker | None:
        """``Rhama se rappelle cet après-midi. «Je suis rentrée…»``: a quote opening a sentence
        right after one in the same paragraph whose speech verb has a person as subject."""
        prev = [s for s in self.parsed.sentences if s.end <= q.start]
        if not prev or self.source[prev[-1].end : q.start].strip(" \u00a0") != "":
            return None
        sentence = prev[-1]
        if self._inside_quote(sentence.start, sentence.end):
            return None  # a quote's own attribution: the continuation rule handles it
        cues = [c for c in self.cues.finditer(self.source, sentence.start, sentence.end)
                if not self._inside_quote(c.start(), c.end())]
        if not cues:
            return None
        c = cues[-1]
        cue = Cue(c.start(), c.end(), c.group(), c.group("pron1") or c.group("pron2") or "")
        speaker = self._subject(cue, sentence.start)
        if speaker and self.names.people_in(*speaker[1]):
            return speaker
        return None

    # --- the dependency parse --------------------------------------------------------------

    def _doc_at(self, pos: int) -> tuple[Any, int] | None:
        for para, doc in zip(self.parsed.article.paragraphs, self.parsed.docs, strict=True):
            if para.start <= pos < para.end:
                return doc, para.start
        return None

    def _token_span(self, tok: Any, base: int, limit: int) -> tuple[int, int]:
        """A subject token's words: an entity holding it, else its noun phrase (determiner,
        adjectives, ``de`` complements), never a relative clause or the cue itself."""
        pos = base + tok.idx
        for e in self.entities:
            if e.start <= pos < e.end:
                return e.start, e.end
        doc = tok.doc
        linking = ("de", "du", "des", "d’", "d'")
        i = tok.i
        while i > 0 and (doc[i - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
                         or doc[i - 1].lower_ in linking):
            i -= 1
        while i < tok.i and doc[i].lower_ in linking:
            i += 1
        j = tok.i
        while j + 1 < len(doc) and base + doc[j + 1].idx < limit:
            nxt = doc[j + 1]
            if nxt.lower_ in ("qui", "que", "qu’", "qu'", "dont", "où") or nxt.is_punct:
                break
            name_after_de = doc[j].lower_ in linking and nxt.text[:1].isupper()
            complement = nxt.lower_ in ("au", "aux") and j + 2 < len(doc) \
                and doc[j + 2].pos_ == "NOUN" and doc[j + 2].text[:1].islower()
            if nxt.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "DET") or nxt.lower_ in linking \
                    or complement \
                    or nxt.dep_ in ("amod", "acl") or name_after_de:  # "de Parler" (a name
                # the tagger may read as the verb parler)
                j += 1
            else:
                break
        while j > tok.i and (doc[j].lower_ in (*linking, "au", "aux") or doc[j].pos_ == "DET"):
            j -= 1
        return base + doc[i].idx, base + doc[j].idx + len(doc[j].text)

    def _subject_token(self, verb: Any) -> Any | None:
        for _ in range(3):
            subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            if subjects and subjects[0].lower_ in ("qui", "lequel", "laquelle") \
                    and verb.dep_.startswith("acl"):
                return verb.head  # "un présentateur archi connu qui lance"
            if subjects:
                return subjects[0]
            if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp") and verb.head is not verb:
                verb = verb.head
            else:
                break
        return None

    def _subject(self, cue: Cue, sentence_start: int, limit: int = -1) -> Speaker | None:
        """The subject of the cue's verb (parse first, then the surface); an inverted
        subject counts when it stands between the cue and ``limit`` (the quote)."""
        limit = cue.start if limit < 0 else limit
        antecedent = self._relative_antecedent(cue, sentence_start)
        if antecedent is not None:
            return antecedent
        found = self._doc_at(cue.start)
        if found is not None:
            doc, base = found
            span = doc.char_span(cue.start - base, cue.end - base, alignment_mode="expand")
            if span is not None and len(span):
                # the cue is a speech verb even where the tagger read a noun ("dénoncé")
                verbs = [t for t in span if t.pos_ in ("VERB", "AUX")] or [span[-1]]
                subject = self._subject_token(verbs[-1]) if verbs else None
                named_before = [p for p in self.names.people_in(sentence_start, cue.start)
                                if not self._inside_quote(p.start, p.end)]
                if subject is not None and cue.end <= base + subject.idx < limit \
                        and subject.lower_ not in PRONOUNS and not named_before \
                        and subject.ent_type_ != "LOC":
                    s, e = self._token_span(subject, base, limit)  # "souligne la famille"
                    speaker = self.names.from_span(s, e, cue.start, self.earlier)
                    if speaker:
                        return speaker
                if subject is not None and base + subject.idx < cue.start:
                    if subject.lower_ in PRONOUNS:
                        return self._resolve_pronoun(subject.lower_, cue.start, cue.start)
                    whole = (base + subject.left_edge.idx,
                             base + subject.right_edge.idx + len(subject.right_edge.text))
                    people = [p for p in self.names.people_in(max(whole[0], sentence_start),
                                                              min(whole[1], cue.start))
                              if not self._inside_quote(p.start, p.end)]
                    if people:
                        return self.names.name_of(people[0]), (people[0].start, people[0].end)
                    s, e = self._token_span(subject, base, cue.start)
                    if s >= sentence_start and not self._inside_quote(s, e):
                        speaker = self.names.from_span(s, e, cue.start, self.earlier)
                        if speaker:
                            return speaker
        return self._surface_subject(sentence_start, cue)

    def _relative_antecedent(self, cue: Cue, sentence_start: int) -> Speaker | None:
        """``» lance le sénateur des Yvelines, qui évoque les axes : «…»``: a cue whose
        subject is ``qui`` speaks for the words before the comma (themselves the subject
        of an inverted cue, or a name)."""
        text = self.source[sentence_start : cue.start]
        rel = re.search(rf",[{SPACE}]*qui\b[^,«»]{{0,30}}$", text)
        if rel is None:
            return None
        comma = sentence_start + rel.start()
        bounds = [sentence_start] + [sentence_start + m.end() for m in
                                     re.finditer(r"[,«»:;–—()]", text[: rel.start()])]
        start = max(bounds)
        inverted = self._cue_at(start, comma)
        if inverted is not None and not inverted.pronoun:
            return self._speaker_after_cue(inverted, comma, cue.start)
        if inverted is not None:
            return self._pronoun_speaker(inverted, cue.start)
        return self.names.from_span(start, comma, cue.start, self.earlier)

    def _root_subject(self, start: int, end: int) -> tuple[int, int] | None:
        found = self._doc_at(start)
        if found is None:
            return None
        doc, base = found
        for tok in doc:
            if start <= base + tok.idx < end and tok.dep_ == "ROOT":
                subject = self._subject_token(tok)
                if subject is not None:
                    if subject.lower_ in PRONOUNS:
                        return base + subject.idx, base + subject.idx + len(subject.text)
                    return self._token_span(subject, base, end)
        return None

    def _surface_subject(self, start: int, cue: Cue) -> Speaker | None:
        """The comma-separated segment before the cue, else the last person named before it."""
        text = self.source[start : cue.start]
        text = re.sub(rf"[{SPACE}]*{CLITIC_BEFORE}?$", "", text)
        segments = [(start + m.start(), start + m.end())
                    for m in re.finditer(r"[^,–—:;()]+", text) if m.group().strip()]
        if segments:
            s, e = segments[-1]
            words = self.source[s:e].split()
            if words and words[0].casefold() in self.names.person_nouns and len(segments) > 1:
                s, e = segments[-2]  # "John Matze, PDG de Parler, a déclaré"
            speaker = self.names.from_span(s, e, cue.start, self.earlier)
            if speaker:
                return speaker
            if len(segments) > 1:  # "Nexora, qui emploie …, a affirmé": the clause's start
                speaker = self.names.from_span(*segments[0], cue.start, self.earlier)
                if speaker:
                    return speaker
        people = [p for p in self.names.people_in(start, cue.start)
                  if not self._inside_quote(p.start, p.end)]
        if people:
            return self.names.name_of(people[-1]), (people[-1].start, people[-1].end)
        return None

    # --- all quotes ---------------------------------------------------------------------

    def attribute(self, spans: list[QuoteSpan]) -> list[Quote]:
        """Quotes with speakers and cues, in text order."""
        self.quoted = spans
        self.names.quoted = [(q.start, q.end) for q in spans]
        self.earlier = []
        quotes: list[Quote] = []
        for q in spans:
            text = self.source[q.start : q.end]
            sentence_ids = tuple(s.id for s in self.parsed.sentences
                                 if s.start < q.end and q.start < s.end)
            if q.kind == "tweet":
                quotes.append(Quote(q.start, q.end, text, q.speaker, q.speaker_span, "tweet",
                                    None, "tweet", sentence_ids))
                continue
            if self._is_a_title(q):  # l’association «Excision, parlons-en !»
                quotes.append(Quote(q.start, q.end, text, "", None, "", None, "term",
                                    sentence_ids))
                continue
            cue, speaker = None, None
            for rule in (self._incise, self._passive_agent, self._after, self._before,
                         self._colon, self._later):
                found = rule(q)
                if found is None:
                    continue
                cue = cue or found[0]
                if found[1] is not None:
                    speaker = found[1]
                    cue = found[0] or cue
                    break
            if speaker is None and cue is None:
                speaker = self._pull_quote(q) or self._previous_sentence(q) \
                    or self._fragment_of(q, quotes)
            if cue is not None and (speaker is None or cue.text.casefold().endswith("ant")):
                speaker = self._same_sentence_speaker(q, cue, quotes) or speaker
            words = len(re.findall(r"\w+", text))
            kind = "direct"
            if cue is None and speaker is None:
                prev = next((p for p in reversed(quotes) if p.kind == "direct"), None)
                if words <= TERM_MAX_WORDS and not re.search(r"[.!?…]\s*[»”\"]?$", text):
                    kind = "term"
                elif prev is not None and prev.speaker and prev.speaker_span \
                        and q.start - prev.end < CONTINUATION_GAP \
                        and self._continues_from(prev, q) \
                        and not self._others_named(prev, q.start):
                    speaker = (prev.speaker, prev.speaker_span)
            if speaker:
                speaker = self._issuer(speaker, quotes)
            name, span = speaker if speaker else ("", None)
            name = " ".join(name.split())  # "Félix de\u00a0Belloy": one name, one spelling
            if speaker:
                self.earlier.append(speaker)
            quotes.append(Quote(q.start, q.end, text, name, span,
                                cue.text if cue else "", (cue.start, cue.end) if cue else None,
                                kind, sentence_ids))
        return self._repeated(self._continue_backwards(self._share_with_next(quotes)))

    def _same_sentence_speaker(self, q: QuoteSpan, cue: Cue,
                               quotes: list[Quote]) -> Speaker | None:
        """A quote whose cue names nobody in its own words: ``», souligne-t-elle, évoquant
        des «…»`` and ``», a rappelé X, fustigeant «…»`` (the previous quote's speaker, in
        the same sentence), ``Tout en rappelant que … «…», le ministre a …`` (the subject
        of the clause a sentence-opening participle belongs to)."""
        sentence_start, sentence_end = self._sentence_bounds(q.start)
        participle = cue.text.casefold().endswith("ant")
        if participle and re.match(rf"[{SPACE}]*(?:Tout[{SPACE}]+)?(?:[Ee]n[{SPACE}]+)?"
                                   r"\w+ant\b", self.source[sentence_start:]):
            found = self._main_subject_after(q.end, sentence_end)
            if found:
                speaker = self.names.from_span(*found, q.start, self.earlier)
                if speaker:
                    return speaker
        last = quotes[-1] if quotes else None
        if last is None or not last.speaker or not last.speaker_span \
                or last.cue_span is None or last.cue_span[1] > q.start \
                or not set(last.sentence_ids) & {s.id for s in self.parsed.sentences
                                                 if s.start <= q.start < s.end}:
            return None
        coordinated = last.cue_span[1] <= last.start and re.fullmatch(
            rf"[{SPACE},]*(?:et|puis|mais|avant de|ou)[{SPACE}]+(?:a[{SPACE}]+)?",
            self.source[last.end : cue.start])  # "a dénoncé des «A» et exprimé son «B»"
        if participle or last.cue_span == (cue.start, cue.end) or coordinated:
            return last.speaker, last.speaker_span
        return None

    def _fragment_of(self, q: QuoteSpan, quotes: list[Quote]) -> Speaker | None:
        """``X a dénoncé une «extrême violence» venue «attaquer la République»``: a quote
        with no cue of its own, in the sentence of a quote its speaker's verb governs, with
        no one else named between them."""
        last = quotes[-1] if quotes else None
        if last is None or not last.speaker or not last.speaker_span or last.cue_span is None \
                or last.cue_span[1] > last.start or last.kind != "direct":
            return None
        sentence = {s.id for s in self.parsed.sentences if s.start <= q.start < s.end}
        between = self.source[last.end : q.start]
        named = [e for e in self.entities if last.end <= e.start and e.end <= q.start
                 and e.label in ("PER", "ORG")]
        if not sentence & set(last.sentence_ids) or named or len(between.split()) > 6 \
                or re.search(r"[.;:!?]", between):
            return None
        return last.speaker, last.speaker_span

    def _main_subject_after(self, pos: int, end: int) -> tuple[int, int] | None:
        """The subject that follows an opening participial clause: the first noun phrase
        after a comma (outside quotes) that a verb follows (``…», le chef du gouvernement
        a appelé``)."""
        found = self._doc_at(pos)
        if found is None:
            return None
        doc, base = found
        for comma in re.finditer(",", self.source[pos:end]):
            at = pos + comma.end()
            if self._inside_quote(at - 1, at):
                continue
            tokens = [t for t in doc if base + t.idx >= at and base + t.idx < end]
            phrase: list[Any] = []
            for t in tokens:
                if t.pos_ in ("AUX", "VERB") and phrase:
                    break
                if t.is_punct or t.pos_ in ("AUX", "VERB", "SCONJ", "CCONJ", "PRON"):
                    phrase = []
                    break
                phrase.append(t)
            if phrase and (phrase[0].pos_ == "DET" or phrase[0].text[:1].isupper()):
                return base + phrase[0].idx, base + phrase[-1].idx + len(phrase[-1].text)
        return None

    def _alone(self, q: Quote) -> bool:
        """The quote is a whole paragraph (a heading or a pull quote)."""
        para_start = self.source.rfind("\n", 0, q.start) + 1
        para_end = self.source.find("\n", q.end)
        return not self.source[para_start : q.start].strip() and \
            not self.source[q.end : para_end if para_end >= 0 else None].strip()

    def _repeated(self, quotes: list[Quote]) -> list[Quote]:
        """A headline or pull quote repeats words quoted in the body: it takes the speaker
        of the body quote that holds the same words (``«J'ai entendu mes sœurs hurler»``)."""
        def words(text: str) -> str:
            return " ".join(re.findall(r"\w+", text.casefold()))

        said = [(words(q.text), q) for q in quotes if q.speaker and q.speaker_span]
        out = list(quotes)
        for i, q in enumerate(out):
            mine = words(q.text)
            para_start = self.source.rfind("\n", 0, q.start) + 1
            continued = bool(q.speaker) and not q.cue and self._alone(q)  # a heading
            if (q.speaker and not continued) or len(mine.split()) < 3 \
                    or self.source[para_start : q.start].strip():
                continue  # only a quote that opens its paragraph (a headline, a pull quote)
            source = next((p for text, p in said if p is not q
                           and (p.cue or not self._alone(p))  # not another heading
                           and _shares_words(mine, text)), None)
            if source is not None:
                out[i] = replace(q, speaker=source.speaker, speaker_span=source.speaker_span,
                                 kind="direct")
        return out

    def _issuer(self, speaker: Speaker, quotes: list[Quote]) -> Speaker:
        """``selon ce texte`` after ``a indiqué sa famille dans un communiqué``, ``conclut
        l’arrêt`` after ``Dans son arrêt, le Tribunal … fait état``: a document pointed back
        to speaks for whoever issued it."""
        nouns = self.lexicon.words("document_nouns")
        m = re.fullmatch(r"(?:ce|cet|cette|le|la|l’|l')\s*([\w-]+)(?:\s.*)?", speaker[0],
                         re.IGNORECASE | re.DOTALL)
        if m is None or m.group(1).casefold() not in nouns:
            return speaker
        noun = m.group(1).casefold()
        issued = re.compile(r"\b(?:dans|par)\s+(?:un|une|le|la|son|sa|leur)\s+([\w-]+)",
                            re.IGNORECASE)
        for prev in reversed(quotes):
            if not prev.speaker or not prev.speaker_span or not prev.cue_span:
                continue
            _, end = self._sentence_bounds(prev.cue_span[0])
            if any(d.group(1).casefold() in nouns
                   for d in issued.finditer(self.source, prev.cue_span[1], end)):
                return prev.speaker, prev.speaker_span
        return self._opened_with(noun, speaker) or speaker

    def _opened_with(self, noun: str, speaker: Speaker) -> Speaker | None:
        """``Dans son arrêt, le Tribunal pénal fédéral fait état …``: the subject of the
        latest sentence that opens with the same document, when it is a name."""
        stem = noun[:5]
        opening = re.compile(rf"(?:Dans|Par)\s+(?:un|une|le|la|l’|l'|son|sa|leur)\s*"
                             rf"{re.escape(stem)}[\w-]*\b")
        for s in reversed([s for s in self.parsed.sentences if s.end <= speaker[1][0]]):
            if speaker[1][0] - s.start > 3000:
                break
            m = opening.match(self.source, s.start)
            comma = self.source.find(",", m.end(), s.end) if m else -1
            if m is None or comma < 0:
                continue
            subject = re.match(rf",[{SPACE}]*(?:(?:le|la|les|l’|l')[{SPACE}]*)?",
                               self.source[comma:])
            at = comma + (subject.end() if subject else 1)
            named = [e for e in self.entities if e.label in ("ORG", "PER") and e.start == at]
            if named:
                return self.names.name_of(named[0]), (named[0].start, named[0].end)
        return None

    def _continue_backwards(self, quotes: list[Quote]) -> list[Quote]:
        """``«A». Désormais … «B», explique X``: a full quote nobody is named for takes the
        speaker of the next quote when it follows closely and no one else is named between."""
        out = list(quotes)
        for i in range(len(out) - 2, -1, -1):
            a, b = out[i], out[i + 1]
            if a.speaker or a.kind != "direct" or not b.speaker or not b.speaker_span \
                    or b.start - a.end > CONTINUATION_GAP:
                continue
            between = [p for p in self.names.people_in(a.end, b.start)
                       if p.start != b.speaker_span[0]]
            if not between and "\n\n" not in self.source[a.end : b.start]:
                out[i] = replace(a, speaker=b.speaker, speaker_span=b.speaker_span)
        return out

    def _continues_from(self, prev: Quote, q: QuoteSpan) -> bool:
        """A quote goes on from ``prev`` in the same paragraph, or by opening the next one;
        a quote in the middle of a later paragraph belongs to that paragraph's own story."""
        between = self.source[prev.end : q.start]
        if "\n\n" not in between:
            return True
        para_start = self.source.rfind("\n\n", 0, q.start) + 2
        return not self.source[para_start : q.start].strip(SPACE)

    def _others_named(self, prev: Quote, pos: int) -> bool:
        """Someone other than ``prev``'s speaker is named between it and ``pos``."""
        span = prev.speaker_span or (-1, -1)
        groups = {p.group for p in self.names.people_in(*span)}
        return any(p.group not in groups and p.start != span[0]
                   for p in self.names.people_in(prev.end, pos))

    def _share_with_next(self, quotes: list[Quote]) -> list[Quote]:
        """``«A» et «B», selon X``: a quote joined to the next one shares its attribution;
        ``X évoque des «A» ou même «B»``: one joined to an attributed quote shares that."""
        out = list(quotes)
        for i in range(len(out) - 2, -1, -1):
            a, b = out[i], out[i + 1]
            joined = re.fullmatch(rf"[{SPACE}]*(?:et|ou|,)[{SPACE}]*", self.source[a.end:b.start])
            if joined and not a.speaker and b.speaker and not a.cue:
                out[i] = replace(a, speaker=b.speaker, speaker_span=b.speaker_span,
                                 kind="direct")
        for i in range(1, len(out)):  # "évoquant des «A» ou même «B»": B goes with A
            a, b = out[i - 1], out[i]
            joined = re.fullmatch(rf"[{SPACE}]*(?:,[{SPACE}]*)?(?:et|ou|voire)"
                                  rf"(?:[{SPACE}]+(?:même|encore|aussi|de|des|d’|d'|du))?"
                                  rf"[{SPACE}]*", self.source[a.end : b.start])
            if joined and a.speaker and not b.speaker and not b.cue:
                out[i] = replace(b, speaker=a.speaker, speaker_span=a.speaker_span,
                                 kind="direct")
        return out
