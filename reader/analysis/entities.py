"""Entity mentions: spaCy's PER/ORG/LOC/MISC cleaned by rules, plus dates, handles, hashtags.

The small French model makes typical mistakes: it glues elisions (``qu’Amazon``) and trailing
words (``Amazon samedi``) to names, tags sentence-initial verbs (``Inciter``) and shouted
words (``NOUS``) as entities, and misses repeated names. The rules here trim spans, drop what
is not a name, split ``Name de Outlet``, add names seen after a frame (``l’application X``)
and propagate every kept name to its other occurrences. Labels are settled per group later
(:mod:`reader.analysis.grouping`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.common_words import is_common_word
from reader.analysis.dates import rule_entities
from reader.analysis.head_nouns import EVENT_AFTER, settle_by_head_noun
from reader.analysis.label_cues import NOT_PEOPLE
from reader.analysis.lexicon import Lexicon
from reader.nlp import ParsedArticle

NAME_LABELS = ("PER", "ORG", "LOC", "MISC")
NON_NAME_POS = {"VERB", "AUX", "ADV", "ADJ", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "INTJ"}
TOKEN = re.compile(r"[\w’'@.-]*\w|[^\w\s]")
CAPITAL = re.compile(r"[A-ZÀ-ÖØ-Þ]")
CAPITALISED_WORD = re.compile(r"(?<![\w@#’'-])[A-ZÀ-ÖØ-Þ][\w-]*\w")
EVENT_HEADS = {"Guerre", "Code", "Loi", "Traité", "Accord", "Accords", "Pacte", "Révolution",
               "Coupe", "Conférence", "Sommet", "Plan", "Programme", "Printemps", "Charte"}
REGION_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:du|de l’|de l')[ \u00a0]*(?:Nord|Sud|Est|Ouest)(?:-(?:Est|Ouest))?"
    r"|(?:centrale|australe|occidentale|orientale|septentrionale|méridionale|subsaharienne"
    r"|du Nord|latine))\b")
ELISION = re.compile(r"^(?:\w{1,7}[’'])+(?=[A-ZÀ-ÖØ-Þ0-9])")
PREFIX = re.compile(r"^(?:pro|anti|ex|post|pré|néo)-(?=[A-ZÀ-ÖØ-Þ])")
ACRONYM_BEFORE = re.compile(r"(?<![\w’'])([A-Z]{2,6}) $")
NAME_BEFORE = re.compile(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][’']?[a-zà-ÿ]+) $")
DEMONYM = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:ains?|aines?|iens?|iennes?|éens?|éennes?|ais|aises?|ois|"
    r"oises?|ans?)$"
)
ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")  # II to XXXIX; not "X", "LCI" or "CIC"
OPENERS = "«“\"‘'([—–-"


@dataclass(frozen=True)
class Mention:
    """A raw name mention before grouping; ``votes`` are label hints from spaCy or context."""

    start: int
    end: int
    label: str
    origin: str  # "spacy", "rule", "frame", "framed", "propagated"


class ArticleText:
    """The source text with the facts the entity rules need (sentence starts, evidence)."""

    def __init__(self, parsed: ParsedArticle) -> None:
        self.parsed = parsed
        self.source = parsed.article.source
        self.sentence_starts = {s.start for s in parsed.sentences}
        self.mid_capitals: dict[str, int] = {}
        for s in parsed.sentences:
            for m in CAPITALISED_WORD.finditer(self.source, s.start, s.end):
                if not self.is_initial(m.start()):
                    self.mid_capitals[m.group()] = self.mid_capitals.get(m.group(), 0) + 1

    def is_initial(self, pos: int) -> bool:
        """True when ``pos`` opens a sentence, a quotation or a list item."""
        i = pos
        while i > 0 and (self.source[i - 1] in " \u00a0\u202f" + OPENERS):
            if self.source[i - 1] in "«“\"":
                return True
            i -= 1
        if i in self.sentence_starts or i == 0 or self.source[i - 1] == "\n":
            return True
        before = self.source[max(0, i - 3) : i]
        return bool(re.search(r"(?:[.!?…:]|\d\))$", before))


_KNOWN: dict[int, tuple[Lexicon, re.Pattern[str], frozenset[str], re.Pattern[str]]] = {}


def _known_pattern(lexicon: Lexicon, common: frozenset[str]
                   ) -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """One regex for every gazetteer name worth searching (longest first), compiled once;
    the one-word names that are also ordinary words (``Hexagone``, ``Atlantique``) get a
    second regex that finds them only after an elided article (``l’Hexagone``)."""
    cached = _KNOWN.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1], cached[2], cached[3]
    names, singles, elided = [], set(), []
    for name in lexicon.known_longest_first:
        single = " " not in name and not name.isupper() and not re.search(r"[a-z][A-Z]", name)
        if single and (is_common_word(name) or name.casefold() in common):
            elided.append(re.escape(name))
            continue
        names.append(re.escape(name))
        if single:
            singles.add(name)
    pattern = re.compile(rf"(?<![\w@#])(?:{'|'.join(names)})(?![\w])")
    after_article = re.compile(rf"(?<=\b[lLdD][’'])(?:{'|'.join(elided)})(?![\w])")
    _KNOWN[id(lexicon)] = (lexicon, pattern, frozenset(singles), after_article)
    return pattern, frozenset(singles), after_article


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]


def _is_capitalised(word: str) -> bool:
    return bool(CAPITAL.match(word)) or (word[:1].isdigit() and any(c.isalpha() for c in word))


ELIDED_NAME = re.compile(r"^(?:d|l|D|L)[’'][A-ZÀ-ÖØ-Þ]")  # "d’Ivoire" inside "Côte d’Ivoire"
SENTENCE_PRONOUN = re.compile(r"^(?:J|C|N|S|Qu)[’'][a-zà-ÿ]")  # "J’ai", "C’est"
# Lower-case words that end a name even after an organisation head ("Parti socialiste a").
NAME_STOP = {"a", "ont", "est", "sont", "avait", "était", "sera", "va", "vont", "fait", "dit",
             "qui", "que", "qu’", "qu'", "dont", "lors", "selon", "mais", "ou", "où", "depuis",
             "contre", "avec", "sans", "mardi", "lundi", "mercredi", "jeudi", "vendredi",
             "samedi", "dimanche", "hier", "aujourd’hui", "demain", "cette", "ce", "ces", "son",
             "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "on", "se", "ne"}


def _is_name_word(word: str) -> bool:
    return _is_capitalised(word) and not SENTENCE_PRONOUN.match(word) or bool(
        ELIDED_NAME.match(word))


def trim_name(text: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """Relative ``(start, end)`` of the name inside a raw entity span, or None to drop it.

    Leading lower-case words and titles go (``président Joe Biden``, ``M. Soyer``,
    ``canton de Vaud``); ``Côte d’Ivoire`` and ``Europe 1`` stay whole; after an organisation
    head (``Parti``, ``Banque``, ``Organisation``…) lower-case words belong to the name
    (``Parti socialiste``, ``Banque centrale européenne``) until a verb or stop word;
    otherwise the name ends at its first lower-case word.
    """
    start = 0
    m = ELISION.match(text)
    if m:
        start = m.end()
    m = PREFIX.match(text[start:])
    if m:
        start += m.end()
    rest = text[start:]
    heads = set(lexicon.cues.get("org_heads", ()))
    for name in lexicon.known_longest_first:
        if rest.startswith(name) and (len(rest) == len(name) or not rest[len(name)].isalnum()) \
                and name not in heads:  # "Assemblée" alone, but "Assemblée Nationale du Mali"
            return start, start + len(name)
    particles = lexicon.words("name_particles")
    titles = set(lexicon.cues.get("title_words", ()))
    tokens = _tokens(rest)
    i = 0
    while i < len(tokens) and (not _is_name_word(tokens[i][2]) or tokens[i][2] in titles
                               or tokens[i][2] == "."):
        i += 1
    if i == len(tokens):
        return None
    org_head = tokens[i][2] in heads
    kept: list[tuple[int, int, str]] = [tokens[i]]
    for ts, te, word in tokens[i + 1 :]:
        folded = word.casefold()
        if _is_name_word(word) or (word == "-" and kept and ts == kept[-1][1]):
            kept.append((ts, te, word))  # "Saint-Denis", but not "Somisy - la Société"
        elif word == "." and len(kept[-1][2]) == 1 and kept[-1][2].isupper() \
                and ts == kept[-1][1]:
            kept.append((ts, te, word))  # the initial in "George W. Bush"
        elif word.isdigit() and len(word) == 1 and _is_capitalised(kept[-1][2]):
            kept.append((ts, te, word))  # Europe 1, France 2
        elif folded in particles or (org_head and word.isalpha() and word.islower()
                                     and folded not in NAME_STOP) or (org_head and word == "’"):
            kept.append((ts, te, word))
        elif org_head and (folded in ("et", "pour", "dans", "des", "aux") or
                           re.fullmatch(r"[dl][’'][a-zà-ÿ]+", word)):
            kept.append((ts, te, word))
        else:
            break
    while kept and (kept[-1][2].casefold() in particles | {"et", "pour", "dans", "aux"}
                    or kept[-1][2] in ("-", ".")):
        kept.pop()
    if not kept:
        return None
    first = ELIDED_NAME.match(kept[0][2])  # "al-Qaida d'Afghanistan": the name is Afghanistan
    return start + kept[0][0] + (first.end() - 1 if first else 0), start + kept[-1][1]


def _is_shouting(source: str, start: int, end: int) -> bool:
    text = source[start:end]
    if not (text.isupper() and len(text) >= 2):
        return False
    window = source[max(0, start - 20) : start] + " " + source[end : end + 20]
    return bool(re.search(r"\b[A-ZÀ-Þ]{2,}\b", window))


class MentionFinder:
    """Collects and cleans the name, date, handle and hashtag mentions of one article."""

    def __init__(self, parsed: ParsedArticle, lexicon: Lexicon) -> None:
        self.text = ArticleText(parsed)
        self.source = self.text.source
        self.lexicon = lexicon
        self.common = lexicon.words("common_capitalised")
        self.mentions: list[Mention] = []
        self.not_names = self._acronyms_of_common_words()
        heads = {w.casefold() for w in lexicon.cues.get("org_heads", ())}
        self.title_nouns = (lexicon.words("person_nouns") | lexicon.words(
            "feminine_person_nouns")) - NOT_PEOPLE - heads

    def _covered(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    def _add(self, start: int, end: int, label: str, origin: str) -> None:
        if start < end and not self._covered(start, end):
            self.mentions.append(Mention(start, end, label, origin))

    def _evidenced(self, name: str) -> bool:
        return self.lexicon.label_of(name) is not None or self.text.mid_capitals.get(name, 0) >= 2

    def _acronyms_of_common_words(self) -> set[str]:
        """``mutilations sexuelles féminines (MSF)``: an acronym of lower-case words is a
        term, not a name."""
        found = set()
        for m in re.finditer(r"((?:[a-zà-ÿ’'-]+\s+){1,6})\(([A-Z]{2,6})\)", self.source):
            words = [w for w in m.group(1).split()
                     if w.casefold() not in self.lexicon.words("name_particles")]
            letters = "".join(w[0] for w in words).upper()
            if letters.endswith(m.group(2)) and self.lexicon.label_of(m.group(2)) is None:
                found.add(m.group(2))
        return found

    def _keep(self, start: int, end: int, pos: str) -> bool:
        name = self.source[start:end]
        if len(name) < 2 or name in self.common or name.casefold() in self.common:
            return False
        if name in self.not_names or (len(name) > 1 and ROMAN.fullmatch(name)):
            return False  # a Roman numeral ("l'acte VI") is a number
        if " " not in name and name.casefold() in self.title_nouns \
                and self.lexicon.label_of(name) is None:
            return False  # "le Directeur", "la Présidente": a title, not a name
        before = self.source[max(0, start - 8) : start].casefold()
        if " " not in name and self.text.mid_capitals.get(name, 0) < 2 \
                and self.lexicon.label_of(name) is None and is_common_word(name) \
                and re.search(r"(?:^|\s)(?:le|la|les|l’|l'|sa|son|ses|une|un|cette|du|des)"
                              r"\s?$", before):
            return False  # "sa Profonde sensibilité", "la Question épineuse"
        if _is_shouting(self.source, start, end) and self.lexicon.label_of(name) is None:
            return False
        if DEMONYM.match(name) and self.lexicon.label_of(name) is None and (
                not re.search(r"ans?$", name) or is_common_word(name)):  # not "Afghanistan"
            before = self.source[max(0, start - 12) : start].casefold()
            plural = name.endswith("s") and not name.endswith(("ais", "ois"))
            if plural or re.search(r"(?:les|des|aux|ces|deux|trois|d’|d'|en|un|une) ?$",
                                   before):
                return False
        if " " not in name and not self._evidenced(name):
            if pos in NON_NAME_POS:
                return False
            if self.text.is_initial(start) and is_common_word(name):
                return False
        return True

    def _refine(self, start: int, end: int) -> tuple[int, int]:
        """Drop a sentence-initial common word (``Accroche Pence``); absorb an acronym before."""
        name = self.source[start:end]
        first, _, rest = name.partition(" ")
        if (rest and self.text.is_initial(start) and is_common_word(first)
                and first not in self.lexicon.first_names  # "Amadou Dembélé" keeps Amadou
                and not self._evidenced(first) and self.lexicon.label_of(name) is None):
            start += len(first) + 1
        m = ACRONYM_BEFORE.search(self.source[max(0, start - 8) : start])
        if m and not self.text.is_initial(start - len(m.group(0))):
            start -= len(m.group(0))
        m = NAME_BEFORE.search(self.source[max(0, start - 25) : start])
        if m and not self.text.is_initial(start - len(m.group(0))):
            word = m.group(1)
            titles = set(self.lexicon.cues.get("title_words", ()))
            if word not in titles and word.casefold() not in self.common and not \
                    is_common_word(word) and not is_common_word(re.sub(r"^\w[’']", "", word)):
                start -= len(m.group(0))  # "M’jid El Guerrab": the model split the name
        return start, end

    def _skip_title(self, start: int, end: int) -> int:
        """``Présidente de l’Association …``: a capitalised title before a name is not part of
        it."""
        m = re.match(r"([A-ZÀ-Þ][\w-]+)[\s\u00a0]+(?:(?:de|du|des)\s+|d[’']|l[’'])*",
                     self.source[start:end])
        if m and m.group(1).casefold() in self.title_nouns and m.end() < end - start:
            return start + m.end()
        return start

    def _common_misc(self, start: int, end: int, label: str) -> bool:
        """A lone ordinary word the model called MISC after an article or a number
        (``la République``, ``3 Milliards``) or opening a paragraph (a heading)."""
        name = self.source[start:end]
        if label != "MISC" or " " in name or not is_common_word(name) \
                or self.lexicon.label_of(name) is not None:
            return False
        before = self.source[max(0, start - 8) : start]
        return bool(re.search(r"(?:\b(?:le|la|les|l’|l'|du|des|un|une)|\d)\s?$", before)
                    or start == 0 or self.source[start - 1] == "\n")

    def _split_outlet(self, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
        """``John Paczkowski de Buzzfeed`` -> the person and the known organisation."""
        name = self.source[start:end]
        m = re.search(r"\s(?:de|du|d’|d')\s?(?=[A-ZÀ-ÖØ-Þ])", name)
        if m:
            right = name[m.end() :]
            if self.lexicon.label_of(right) is not None and self.lexicon.label_of(name) is None:
                return [(start, start + m.start(), "PER"),
                        (start + m.end(), end, self.lexicon.label_of(right) or label)]
        return [(start, end, label)]

    def collect(self) -> list[Mention]:
        """All mentions, sorted by position."""
        self._rule_mentions()
        self._acronym_mentions()
        self._spacy_mentions()
        self._frame_mentions()
        self._known_mentions()
        self._settle_frames()
        self._propagate()
        self._settle_frames()
        return sorted(self.mentions, key=lambda m: (m.start, m.end))

    def _framed(self, m: Mention) -> Mention | None:
        """The mention as its head noun settles it (:mod:`head_nouns`); None drops it."""
        settled = settle_by_head_noun(self.source, m.start, m.end, m.label, self.lexicon)
        if settled is None:
            return None
        start, end, label, framed = settled
        return Mention(start, end, label, "framed") if framed else m

    def _settle_frames(self) -> None:
        """Apply what the words just before a name say about its span: see :meth:`_framed`."""
        settled: list[Mention] = []
        for m in self.mentions:
            new = self._framed(m) if m.label in NAME_LABELS else m
            if new is None:
                continue
            if new != m and any(o is not m and o.start < new.end and new.start < o.end
                                for o in self.mentions):
                new = m  # growing would swallow another mention
            settled.append(new)
        self.mentions = settled

    def _rule_mentions(self) -> None:
        """Dates, handles and hashtags first: they win over spaCy's guesses."""
        for para in self.text.parsed.article.paragraphs:
            for s, e, label in rule_entities(para.text(self.source)):
                self._add(para.start + s, para.start + e, label, "rule")

    def _acronym_mentions(self) -> None:
        """``Organisation mondiale du commerce (OMC)``: a name defined by its acronym."""
        particles = self.lexicon.words("name_particles")
        for m in re.finditer(r"\(([A-Z]{2,6})\)", self.source):
            acronym = m.group(1)
            if acronym in self.not_names:
                continue
            words = list(re.finditer(r"[\w’'-]+", self.source[max(0, m.start() - 80):m.start()]))
            base = max(0, m.start() - 80)
            for size in range(len(acronym), len(acronym) + 4):
                chosen = words[-size:] if size <= len(words) else []
                content = [w.group() for w in chosen if w.group().casefold() not in particles]
                content = [re.sub(r"^\w{1,2}[’']", "", w) for w in content]
                letters = "".join(part[0] for w in content for part in w.split("-") if part)
                if chosen and letters.upper() == acronym and chosen[0].group()[:1].isupper() \
                        and self.source[base + chosen[-1].end() : m.start()].strip() == "":
                    start = base + chosen[0].start()
                    elided = re.match(r"^\w{1,2}[’']", chosen[0].group())
                    start += elided.end() if elided else 0
                    label = self.lexicon.label_of(acronym) or "ORG"
                    self._add(start, base + chosen[-1].end(), label, "acronym")
                    self._add(m.start(1), m.end(1), label, "acronym")
                    break

    def _spacy_mentions(self) -> None:
        article = self.text.parsed.article
        for para, doc in zip(article.paragraphs, self.text.parsed.docs, strict=True):
            for ent in doc.ents:
                if ent.label_ not in NAME_LABELS:
                    continue
                raw_start = para.start + ent.start_char
                span = trim_name(self.source[raw_start : para.start + ent.end_char],
                                 self.lexicon)
                if span is None:
                    continue
                start, end = raw_start + span[0], raw_start + span[1]
                tok = doc.char_span(start - para.start, end - para.start,
                                    alignment_mode="expand")
                pos = tok[0].pos_ if tok is not None and len(tok) == 1 else "PROPN"
                start, end = self._refine(start, end)
                start = self._skip_title(start, end)
                if ent.label_ == "ORG":
                    end = self._extend_organisation(start, end)
                elif ent.label_ == "LOC":
                    end = self._extend_region(end)
                elif ent.label_ == "MISC":
                    end = self._extend_event(start, end)
                for s, e, label in self._split_outlet(start, end, ent.label_):
                    framed = self._framed(Mention(s, e, label, "spacy"))
                    if framed is None:
                        continue
                    if framed.origin == "framed":  # "ministère des Mines": kept as framed
                        self._add(framed.start, framed.end, framed.label, framed.origin)
                        continue
                    if label == "PER" and self._common_noun_not_person(s, e):
                        continue
                    if self._keep(s, e, pos) and not self._common_misc(s, e, label):
                        self._add(s, e, label, "spacy")

    def _common_noun_not_person(self, start: int, end: int) -> bool:
        """``la Mine``, ``la Mairie``, a heading's ``Bilan``: one ordinary noun the model
        called a person, after a determiner or opening a sentence, is not a person's name."""
        name = self.source[start:end]
        if " " in name or "-" in name or name in self.lexicon.first_names \
                or self.lexicon.label_of(name) is not None or not is_common_word(name):
            return False
        before = self.source[max(0, start - 6) : start].casefold()
        return bool(re.search(r"(?:^|\s)(?:le|la|les|l’|l'|du|des|au|aux|une?)\s?$", before)
                    or self.text.is_initial(start))

    def _extend_event(self, start: int, end: int) -> int:
        """``Seconde Guerre`` + `` mondiale``, ``Code`` + `` du travail``: a war, a code, a
        treaty or a law goes on through the adjective or complement that names it."""
        words = self.source[start:end].split()
        if not words or words[-1] not in EVENT_HEADS:
            return end
        m = EVENT_AFTER.match(self.source, end)
        return m.end() if m else end

    def _extend_region(self, end: int) -> int:
        """``Afrique`` + `` de l’Ouest``, ``Amérique`` + `` du Sud``, ``Asie`` + `` centrale``:
        a compass point or a regional adjective belongs to the place's name."""
        m = REGION_AFTER.match(self.source, end)
        return m.end() if m else end

    def _extend_organisation(self, start: int, end: int) -> int:
        """``Association des jeunes Guinéens`` + `` de France``, ``Comité de Lutte`` + `` de
        Niafrang``: an organisation named by its head noun goes on through a ``de`` + a
        capitalised name the model left out."""
        first = self.source[start:end].split()[0] if self.source[start:end].split() else ""
        if first not in set(self.lexicon.cues.get("org_heads", ())):
            return end
        m = re.match(r"[ \u00a0]+(?:de|du|des|d’|d')[ \u00a0]*(?:la[ \u00a0]+|l’|l')?"
                     r"[A-ZÀ-ÖØ-Þ][\w-]+(?:[ \u00a0]+[A-ZÀ-ÖØ-Þ][\w-]+)*", self.source[end:])
        if m is None or self.text.is_initial(end + len(m.group()) - 1):
            return end
        return end + m.end()

    def _frame_mentions(self) -> None:
        """Names in a noun slot: ``l’application Parler``, ``la plateforme Gab``."""
        frames = sorted(self.lexicon.cues.get("name_frames", ()), key=len, reverse=True)
        alternatives = "|".join(re.escape(f).replace("’", "[’']") for f in frames)
        pattern = re.compile(
            rf"\b(?:{alternatives})\s+(?P<name>[A-ZÀ-ÖØ-Þ0-9][\w.-]*\w(?:\s+[A-ZÀ-ÖØ-Þ][\w-]*)*)",
            re.IGNORECASE,
        )
        for m in pattern.finditer(self.source):
            name = m.group("name")
            if not _is_capitalised(name) or name in self.common:
                continue
            self._add(m.start("name"), m.end("name"), "ORG", "frame")

    def _known_mentions(self) -> None:
        """Gazetteer names spaCy missed: multi-word names, acronyms and CamelCase names."""
        pattern, singles, after_article = _known_pattern(self.lexicon, self.common)
        for m in pattern.finditer(self.source):
            name = m.group()
            if name in singles and self.text.is_initial(m.start()):
                continue
            self._add(m.start(), m.end(), self.lexicon.known[name], "known")
        for m in after_article.finditer(self.source):
            self._add(m.start(), m.end(), self.lexicon.known[m.group()], "known")

    def _propagate(self) -> None:
        """Every kept name marks its other capitalised occurrences too."""
        names = {self.source[m.start : m.end]: m.label for m in self.mentions
                 if m.label in NAME_LABELS}
        for name in sorted(names, key=len, reverse=True):
            if len(name) < 2:
                continue
            pattern = re.compile(rf"(?<![\w@#]){re.escape(name)}(?![\w])")
            for m in pattern.finditer(self.source):
                inside = [x for x in self.mentions if m.start() <= x.start and x.end <= m.end()
                          and x.label in NAME_LABELS and (x.start, x.end) != m.span()]
                if inside and not any(x.start < m.start() < x.end or x.start < m.end() < x.end
                                      for x in self.mentions):
                    # "Valls" alone where the article also says "Manuel Valls" in full
                    self.mentions = [x for x in self.mentions if x not in inside]
                self._add(m.start(), m.end(), names[name], "propagated")


def find_mentions(parsed: ParsedArticle, lexicon: Lexicon) -> list[Mention]:
    """Cleaned entity mentions of an article (labels not yet reconciled)."""
    return MentionFinder(parsed, lexicon).collect()
