"""Turning the words that name a speaker into a name: people, titles, pronouns, noun phrases.

A raw speaker is a stretch of text next to a speech cue (``Ramata Kapo, présidente de …``,
``le ministre``, ``elle``, ``un chercheur``). :class:`SpeakerNames` makes it one of:

* the full name of a person the article names (its entity group's fullest form);
* for a definite title or description (``le ministre``, ``la jeune femme``), the person the
  article gave that title (``L’actuel ministre des Mines, Boubou Cissé``), else the nearest
  earlier named speaker of the same gender;
* for a pronoun, the nearest earlier named person of a compatible gender;
* an organisation's name, or an indefinite noun phrase (``une journaliste d’Europe 1``);
* nothing, when the words are a clause fragment rather than a name or a noun phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis.common_words import is_common_word
from reader.analysis.lexicon import Lexicon
from reader.analysis.model import Entity, EntityGroup

Speaker = tuple[str, tuple[int, int]]

DEFINITE = r"(?:le|la|les|l’|l'|ce|cette|ces|son|sa|ses|leur|leurs|notre|nos)"
INDEFINITE = r"(?:un|une|des|plusieurs|certains|certaines|deux|trois|quelques)"
ADJECTIVES = (r"(?:jeune|actuel|actuelle|ancien|ancienne|nouveau|nouvelle|premier|première|"
              r"même|autre|influent|influente|célèbre|seul|seule)")
TITLE_WORD = r"[a-zà-ÿ][a-zà-ÿ-]+"
GAP = r"(?:\s+|(?<=[’']))"  # after a determiner: spaces, or nothing after an elision
DEF = rf"{DEFINITE}{GAP}"
INDEF = rf"{INDEFINITE}\s+"
FEMININE_END = re.compile(r"(?:trice|euse|ienne|ière|esse|ante|ente|ée|ine|onne)$")
# Words a speaker never ends with: a clause goes on (verbs, conjunctions, relatives).
CLAUSE_WORDS = {"qui", "que", "qu’", "qu'", "dont", "où", "et", "mais", "ou", "car", "comme",
                "si", "quand", "lorsque", "cela", "ça", "ceci", "se", "s’", "s'", "ne", "n’",
                "pas", "est", "sont", "était", "a", "ont", "avait", "être", "avoir", "après",
                "avant", "pendant", "depuis", "en", "y", "il", "elle", "ils", "elles", "on",
                "nous", "vous", "je", "tu", "lui", "leur", "c’est", "c'est", "--", "–", "—"}
SPACE = " \u00a0\u202f"  # the spaces French typography puts beside «», :, ;
PRONOUNS = {"il": "m", "elle": "f", "ils": "m", "elles": "f", "on": "", "lui": "m",
            "eux": "m"}
# Roles a news article uses for the person it names and quotes ("le chef de l’Etat").
ROLE_HEADS = {"chef", "ministre", "président", "présidente", "premier", "première",
              "secrétaire", "patron", "patronne", "dirigeant", "dirigeante", "maire",
              "candidat", "candidate", "député", "députée", "sénateur", "sénatrice",
              "élu", "élue", "porte-parole", "directeur", "directrice", "procureur",
              "procureure", "chancelier", "chancelière", "gouverneur", "ambassadeur",
              "ambassadrice", "commissaire", "juge"}
# Roles that fit any more specific title ("l’élu" for a mayor, "le chef" for a minister).
GENERIC_ROLES = {"élu", "élue", "dirigeant", "dirigeante", "chef", "patron", "patronne"}
# A person pointed back to: "ce dernier", "cette dernière", "celui qui …", "celle-ci".
ANAPHOR = re.compile(r"(?:ce dernier|cette dernière|celui-ci|celle-ci|celui-là|celle-là|"
                     r"celui|celle)$|(?:celui|celle)\s+(?:qui|dont)\b")
# Nouns for a group or an institution: "la foule" is not the last person quoted.
COLLECTIVE = {"foule", "groupe", "équipe", "association", "syndicat", "gouvernement",
              "ministère", "commission", "agence", "entreprise", "société", "ong", "compte",
              "collectif", "mairie", "municipalité", "direction", "famille", "population",
              "police", "justice", "préfecture", "presse", "rédaction", "majorité",
              "opposition", "assemblée", "état-major", "armée", "parquet", "tribunal", "cour",
              "ambassade", "gendarmerie", "conseil", "comité", "parti", "club", "fédération",
              "ligue", "institut", "banque", "présidence", "sénat", "parlement",
              "organisation", "fondation", "université", "hôpital",
              "administration", "exécutif", "diplomatie", "office", "autorités", "secours"}


# A plural noun phrase: a group, never one named person.
PLURAL = re.compile(r"(?:les|des|ces|leurs|nos|vos|plusieurs|certains|certaines|deux|trois|"
                    r"quatre|quelques|nombre de|beaucoup de)\s", re.IGNORECASE)

# Those who speak for a person without being them: "le cabinet de Michel Sapin",
# "l’avocat de X", "les proches de X".
PROXY = re.compile(r"(?:le|la|les|l’|l'|son|sa|ses|leur|leurs|un|une|des)\s*"
                   r"(?:cabinet|entourage|avocats?|avocates?|proches?|famille|services|"
                   r"conseillers?|conseillères?|collaborateurs?|collaboratrices?|camp|"
                   r"équipes?|défense|parti|porte-parole)\s+(?:de|du|des|d’|d')\s*",
                   re.IGNORECASE)

# Nouns for people doing something: -iste, -ant, -eur, -ier, -ien, -aire (and feminines).
AGENT_NOUN = re.compile(r"(?:istes?|ants?|antes?|eurs?|euses?|ices?|iers?|ières?|iens?|iennes?|"
                        r"aires?|ains?|aines?)$")


@dataclass(frozen=True)
class Title:
    """A title or description the article gives a person (``ministre`` → Boubou Cissé)."""

    start: int
    head: str
    name: str
    span: tuple[int, int]


def _head(words: str) -> str:
    """The noun a title is about: first word after determiners and common adjectives."""
    text = re.sub(rf"^(?:{DEF}|{INDEF})", "", words.strip(), flags=re.IGNORECASE)
    text = re.sub(rf"^(?:{ADJECTIVES}\s+)+", "", text, flags=re.IGNORECASE)
    m = re.match(r"[\w-]+", text)
    return m.group().casefold() if m else ""


def _description_gender(text: str) -> str:
    """The gender a description shows by its determiner or adjective (``l’ancien Premier
    ministre`` is a man, ``la ministre`` a woman), or ``""``."""
    t = text.casefold().strip()
    if re.search(r"\b(?:ancienne|actuelle|nouvelle|première|seule)\b", t) \
            or re.match(r"(?:la|cette|une)\s", t):
        return "f"
    if re.search(r"\b(?:ancien|actuel|nouveau|nouvel|premier|seul)\b", t) \
            or re.match(r"(?:le|ce|cet|un)\s", t):
        return "m"
    return ""


def _same_head(a: str, b: str) -> bool:
    """``président``/``présidente``, ``directeur``/``directrice`` count as the same title."""
    if a == b:
        return True
    stems = [re.sub(r"(?:rice|eur|e|es|s)$", "", w) for w in (a, b)]
    return len(stems[0]) >= 4 and stems[0] == stems[1]


class SpeakerNames:
    """Names, titles and genders of the people of one article."""

    def __init__(self, source: str, entities: list[Entity], groups: list[EntityGroup],
                 lexicon: Lexicon) -> None:
        self.source = source
        self.entities = entities
        self.groups = {g.id: g for g in groups}
        self.lexicon = lexicon
        self.person_nouns = lexicon.words("person_nouns")
        self.feminine_nouns = lexicon.words("feminine_person_nouns")
        self.people = [e for e in entities if e.label == "PER"]
        self.gender = {gid: self._group_gender(gid) for gid in {e.group for e in self.people}}
        self.titles = self._find_titles()
        self.described = self._find_described()
        self.quoted: list[tuple[int, int]] = []  # set by the attribution: quotes' extents

    # --- people ---------------------------------------------------------------------------

    def name_of(self, e: Entity) -> str:
        """The fullest name of an entity's group (``Traoré`` → ``Anita Traoré``)."""
        group = self.groups.get(e.group)
        if group is None:
            return e.text
        if e.label == "PER" and " " not in group.name.strip():
            return self._fuller_earlier(e, group.name)
        if e.label == "PER" or (e.label == "ORG" and group.name.endswith(e.text)):
            return group.name
        if e.label == "ORG" and e.text.isupper() and len(e.text) <= 6:
            return group.name
        return e.text

    def _fuller_earlier(self, e: Entity, name: str) -> str:
        """A surname alone that the grouping left apart because two people share it
        (``Salif Diarra``, ``Balla Mourou Diarra``): the latest full name ending with it."""
        for other in sorted(self.people, key=lambda o: -o.start):
            if other.start >= e.start:
                continue
            full = self.groups[other.group].name if other.group in self.groups else other.text
            if " " in full and full.split()[-1] == name:
                return full
        return name

    def _group_gender(self, gid: int) -> str:
        votes: list[str] = []
        for e in (e for e in self.people if e.group == gid):
            first = e.text.split()[0]
            if self.lexicon.first_names.get(first):
                votes.append(self.lexicon.first_names[first])
            before = self.source[max(0, e.start - 40) : e.start]
            titled = re.search(rf"(?:^|\s)(la|le|l’|l')\s*(?:{ADJECTIVES}\s+)?({TITLE_WORD})"
                               rf"(?:\s+[^,.;:«»()]{{0,40}}?)?,?\s*$",
                               self.source[max(0, e.start - 90) : e.start], re.IGNORECASE)
            if titled and titled.group(2).casefold() in self.person_nouns | self.feminine_nouns \
                    and titled.group(2).casefold() not in COLLECTIVE:  # not "l’armée …, X"
                votes.append(self._noun_gender(titled.group(2), titled.group(1)))
            if re.search(r"\b(?:Mme|Madame|Mlle)\.?\s*$", before):
                votes.append("f")
            elif re.search(r"\b(?:M|Monsieur)\.?\s*$", before):
                votes.append("m")
            after = self.source[e.end : e.end + 40]
            m = re.match(rf",\s*(?:{DEF}|{INDEF})?({TITLE_WORD})", after)
            if m and m.group(1).casefold() in self.person_nouns | self.feminine_nouns:
                votes.append(self._noun_gender(m.group(1), after[: m.start(1)]))
        votes = [v for v in votes if v]
        if not votes:
            return ""
        return max(set(votes), key=votes.count)

    def _noun_gender(self, noun: str, determiner: str) -> str:
        det = determiner.strip(" ,").casefold()
        if det in ("la", "une", "cette", "sa"):
            return "f"
        if det in ("le", "un", "ce", "son"):
            return "m"
        noun = noun.casefold()
        if noun in self.feminine_nouns and noun not in ("journaliste", "ministre", "responsable",
                                                        "porte-parole", "secrétaire", "maire",
                                                        "sociologue", "reporter", "analyste",
                                                        "spécialiste", "victime"):
            return "f"
        return "f" if FEMININE_END.search(noun) else ""

    def _find_titles(self) -> list[Title]:
        """``le ministre des Mines, Boubou Cissé``; ``Ramata Kapo, présidente de …``;
        ``le député Oumar Mariko``."""
        found: list[Title] = []
        for e in self.people:
            name = self.name_of(e)
            before = self.source[max(0, e.start - 90) : e.start]
            m = re.search(rf"(?:^|[\s(])({DEF}(?:{ADJECTIVES}\s+)?{TITLE_WORD})"
                          rf"(?:\s+[^,.;:«»()]{{0,60}}?)?,?\s*(?:M\.\s*|Mme\s*)?$", before,
                          re.IGNORECASE)
            if m and _head(m.group(1)) in self.person_nouns:
                found.append(Title(e.start, _head(m.group(1)), name, (e.start, e.end)))
            after = self.source[e.end : e.end + 60]
            m = re.match(rf",\s*(?:{DEF}|{INDEF})?((?:{ADJECTIVES}\s+)?"
                         rf"{TITLE_WORD})", after)
            if m and _head(m.group(1)) in self.person_nouns | self.feminine_nouns:
                found.append(Title(e.start, _head(m.group(1)), name, (e.start, e.end)))
        return sorted(found, key=lambda t: t.start)

    def _find_described(self) -> list[tuple[int, str, tuple[int, int], str]]:
        """People a sentence opens with but does not name: ``Un habitant du quartier, …``."""
        found = []
        pattern = re.compile(rf"(?:^|(?<=[.!?»]\s)|(?<=\n))((?:Un|Une|Le|La|L’|L')\s*"
                             rf"(?:autre\s+)?({TITLE_WORD})(?:\s+(?:de|du|des|d’|d')\s*"
                             rf"(?:la\s+|l’|l')?[\w’-]+)?)(?=\s*[,\s])")
        for m in pattern.finditer(self.source):
            if m.group(2).casefold() in self.person_nouns:
                gender = self._noun_gender(m.group(2), m.group(1).split()[0])
                found.append((m.start(1), m.group(1), (m.start(1), m.end(1)), gender))
        return found

    # --- speakers ------------------------------------------------------------------------

    def people_in(self, start: int, end: int) -> list[Entity]:
        """Person mentions inside ``[start, end)``."""
        return [e for e in self.people if start <= e.start and e.end <= end]

    def from_span(self, start: int, end: int, before: int,
                  earlier: list[Speaker], subject: bool = False) -> Speaker | None:
        """A speaker from raw words, or None when they are not a name or noun phrase.
        ``subject``: the words are the inverted subject of a speech verb (``», crient les
        agents``), so any noun phrase with a determiner is someone speaking."""
        text = self.source[start:end]
        lead = len(text) - len(text.lstrip(" ,.:;"))
        text = text.strip(" ,.:;")
        junk = re.match(r"(?:et|ou|mais|puis|alors|ainsi|or|donc|enfin)\s+", text, re.IGNORECASE)
        if junk:
            lead += junk.end()
            text = text[junk.end():]
        start += lead
        end = start + len(text)
        if not text:
            return None
        people = self.people_in(start, end)
        proxy = PROXY.match(text)
        if people and proxy and people[0].start >= start + proxy.end() \
                and self._is_noun_phrase(text):
            return text, (start, end)  # "le cabinet de Michel Sapin" speaks for him
        if len(people) == 2 and re.fullmatch(rf"[{SPACE}]*et[{SPACE}]+",
                                             self.source[people[0].end : people[1].start]):
            # "Mes Slim Ben Achour et Félix de Belloy": two people speaking together
            return (f"{self.name_of(people[0])} et {self.name_of(people[1])}",
                    (people[0].start, people[1].end))
        if people:
            e = people[0]
            return self.name_of(e), (e.start, e.end)
        folded = text.casefold()
        if folded in PRONOUNS:
            return self.resolve_pronoun(folded, before, earlier)
        anaphor = ANAPHOR.match(folded)
        if anaphor:  # "ce dernier", "celle qui dirige le laboratoire"
            feminine = anaphor.group().startswith(("celle", "cette"))
            return self.resolve_pronoun("elle" if feminine else "il", before, earlier)
        peer = re.fullmatch(r"(?:son|sa|leur)\s+(?:collègue|homologue|confrère|consœur)"
                            r"\s+(\S.*)", text, re.IGNORECASE)
        if peer:  # "son collègue UDI": the one person named with that qualifier
            qualified = self._person_with(peer.group(1), before)
            if qualified:
                return qualified
        named = [e for e in self.entities if start <= e.start and e.end <= end
                 and e.label in ("ORG", "MISC", "HANDLE", "LOC")]
        bare = re.sub(rf"^{DEF}", "", text, flags=re.IGNORECASE)
        if named and (named[0].text == bare or (named[0].start - start <= 4
                                                and named[0].label != "LOC")):
            return self.name_of(named[0]), (named[0].start, named[0].end)
        if named and named[-1].end == end and named[-1].label in ("ORG", "HANDLE") \
                and self._is_noun_phrase(text) and not self.is_role(text):
            return text, (start, end)  # "le syndicat CGT", "l’ONG Human Rights Watch"
        if not self._is_noun_phrase(text):
            return None
        determined = re.match(rf"(?:{DEF}|{INDEF})", text, re.IGNORECASE)
        if not self._can_speak(text) and not (subject and determined
                                              and len(text.split()) <= 4):
            return None
        handles = [e for e in self.entities if start <= e.start and e.end <= end
                   and e.label == "HANDLE"]
        if re.match(DEF, text, re.IGNORECASE) and not handles:
            resolved = self.resolve_description(text, before, earlier)
            if resolved:
                return resolved
        return text, (start, end)

    def _can_speak(self, text: str) -> bool:
        """A noun phrase names someone who can speak: a person, group, outlet or document
        (``un témoin``, ``la famille``, ``ce texte``), or holds a capitalised name."""
        head = _head(text)
        speakers = self.person_nouns | self.feminine_nouns | COLLECTIVE
        if head in speakers or head in self.lexicon.words("document_nouns"):
            return True
        if AGENT_NOUN.search(head):  # "les grévistes", "un gréviste", "des riverains"
            return True
        words = text.split()
        if len(words) == 1 and re.fullmatch(r"[A-ZÀ-Þ][\w-]+", text) \
                and not is_common_word(text) and not text.endswith("ment") \
                and text.casefold() not in self.lexicon.words("time_words"):
            return True  # a surname the model missed: "a précisé Berhalter"
        return any(w[:1].isupper() for w in words[1:])

    def _is_noun_phrase(self, text: str) -> bool:
        words = re.findall(r"[\w’'-]+|--|[–—]", text)
        if not words or len(words) > 9:
            return False
        if words[-1].casefold() in CLAUSE_WORDS or words[0].casefold() in CLAUSE_WORDS:
            return False
        if any(w.casefold() in ("qui", "que", "dont", "est", "sont", "était", "a", "ont")
               for w in words):
            return False
        if re.match(r"[\w-]+(?:é|ée|és|ées|i|ie|is|u|ue|us)\s+(?:par|à|au|en)\b", text,
                    re.IGNORECASE):
            return False  # "Contacté par l’AFP", "Interrogée à ce sujet": an adjunct
        det = re.match(rf"(?:{DEF}|{INDEF})", text, re.IGNORECASE)
        return bool(det) or text[:1].isupper()

    def resolve_description(self, text: str, before: int,
                            earlier: list[Speaker]) -> Speaker | None:
        """``le ministre`` → the person last given that title; ``la jeune femme`` → nearest
        earlier named speaker of that gender."""
        head = _head(text)
        if not head:
            return None
        if PLURAL.match(text.strip()):  # "les policiers": a group, never one named person
            return self._named_together(head, before, earlier)
        bare = re.fullmatch(rf"{DEF}(?:{ADJECTIVES}\s+)?[\w-]+(?:\s+[a-zà-ÿ-]+)?",
                            text.strip(), re.IGNORECASE)
        if bare and head in self.lexicon.words("outlet_nouns") | self.lexicon.words(
                "institution_nouns"):
            # "l’hebdomadaire" → the outlet last named; "l’autorité" → the organisation
            outlet = head in self.lexicon.words("outlet_nouns")
            orgs = [e for e in self.entities if e.label == "ORG" and e.end <= before
                    and before - e.start < 800 and not any(s <= e.start < t
                                                           for s, t in self.quoted)
                    and (not outlet or e.text.casefold() in self.lexicon.outlets)]
            if orgs:
                return self.name_of(orgs[-1]), (orgs[-1].start, orgs[-1].end)
        qualified = self._qualified_person(text, head, before)
        if qualified is not None:  # "le sénateur UDI": the senator named beside "UDI"
            return qualified
        wanted = _description_gender(text)
        titled = [t for t in self.titles if t.start < before and _same_head(t.head, head)
                  and (not wanted or self._gender_at(t.span) in (wanted, ""))]
        if titled:
            t = titled[-1]
            return t.name, t.span
        if head not in self.person_nouns and head not in self.feminine_nouns:
            return None
        bare = re.fullmatch(rf"{DEF}(?:{ADJECTIVES}\s+)?[\w-]+(?:\s+{ADJECTIVES})?",
                            text.strip(), re.IGNORECASE)
        if not bare or head in COLLECTIVE or head in self.lexicon.words("document_nouns"):
            if re.match(r"(?:le|la|l’|l')\s*", text, re.IGNORECASE) and head in ROLE_HEADS:
                # "le chef du gouvernement", "le Premier ministre" after "Manuel Valls, …":
                # a role the article uses for the person it has been quoting
                return self._last_named_speaker(before, earlier)
            return None  # "la directrice de la chaîne" is specific: keep the words
        det = re.match(DEF, text, re.IGNORECASE)
        gender = self._noun_gender(head, det.group() if det else "")
        if head in ("femme", "jeune", "mère", "fille", "dame") or text.casefold().startswith(
                "la jeune femme"):
            gender = "f"
        found = self.resolve_pronoun("elle" if gender == "f" else "il", before, earlier,
                                     strict=True)
        if found and head in ROLE_HEADS - GENERIC_ROLES \
                and self._titled_otherwise(found[1], head):
            return None  # "le procureur" after "le maire, Benoît Payan": someone else
        return found

    def resolve_pronoun(self, pronoun: str, before: int, earlier: list[Speaker],
                        strict: bool = False) -> Speaker | None:
        """The nearest earlier person (named speakers first) whose gender fits."""
        want = PRONOUNS.get(pronoun.casefold(), "")
        if pronoun.casefold() == "on":
            return None  # impersonal: "on" is nobody in particular
        if pronoun.casefold() in ("ils", "elles", "eux"):
            return self._plural_antecedent(before, earlier)
        candidates: list[tuple[int, str, tuple[int, int], str]] = []
        for name, span in earlier:
            people = self.people_in(*span)
            gender = self.gender.get(people[0].group, "") if people else ""
            head = _head(name)
            individual = head in self.person_nouns | self.feminine_nouns \
                and head not in COLLECTIVE and head not in self.lexicon.words("document_nouns") \
                and head not in self.lexicon.words("institution_nouns") \
                and head not in self.lexicon.words("outlet_nouns")
            if PLURAL.match(name) or " et " in name:
                continue  # "les policiers", "X et Y": never "il" or "elle"
            if people or (individual and not strict):
                candidates.append((span[0], name, span, gender))
        window_start = max(0, before - 600)
        if not strict:
            candidates.extend(d for d in self.described if window_start <= d[0] < before)
        for e in self.people:
            inside = any(s <= e.start < t for s, t in self.quoted)
            if window_start <= e.start < before and not inside:
                candidates.append((e.start, self.name_of(e), (e.start, e.end),
                                   self.gender.get(e.group, "")))
        candidates = [c for c in candidates if c[0] < before]
        fitting = [c for c in candidates if not want or c[3] in (want, "")]
        if not fitting:
            return None
        _, name, span, _ = max(fitting)
        return name, span

    def _titled_otherwise(self, span: tuple[int, int], head: str) -> bool:
        """The person at ``span`` was given a title, and not this one."""
        people = self.people_in(*span)
        if not people:
            return False
        heads = {t.head for t in self.titles
                 if any(p.group == people[0].group for p in self.people_in(*t.span))}
        return bool(heads) and not any(_same_head(h, head) for h in heads)

    def _gender_at(self, span: tuple[int, int]) -> str:
        people = self.people_in(*span)
        return self.gender.get(people[0].group, "") if people else ""

    def _qualified_person(self, text: str, head: str, before: int) -> Speaker | None:
        """A role with a qualifier (``le sénateur UDI``, ``le président du Conseil européen``,
        ``l’élu de Haute-Vienne``): the one earlier-named person whose mention has that
        qualifier close by."""
        if head not in ROLE_HEADS:
            return None
        rest = text[text.casefold().find(head) + len(head):] if head in text.casefold() else ""
        qualifier = re.sub(r"^(?:\s*(?:de|du|des|d’|d'|la|le|l’|l'))*\s*", "", rest).strip()
        return self._person_with(qualifier, before)

    def _person_with(self, qualifier: str, before: int) -> Speaker | None:
        """The one person named before ``before`` with ``qualifier`` in their description
        (else near a mention)."""
        if len(qualifier) < 2 or not qualifier[:1].isupper():
            return None
        said = re.compile(rf"(?<![\w-]){re.escape(qualifier)}(?![\w-])")
        for described in (self._described_with, self._mentioned_near):
            found: dict[int, Entity] = {}
            for e in self.people:
                if e.start < before and said.search(described(e)):
                    found.setdefault(e.group, e)
            if len(found) == 1:
                e = next(iter(found.values()))
                return self.name_of(e), (e.start, e.end)
            if found:
                return None
        return None

    def _described_with(self, e: Entity) -> str:
        """The words the article puts with a mention: the title before it in its clause and
        the apposition after it (``Le sénateur LR Jean-Baptiste Lemoyne``, ``Jean-Marc
        Gabouty, sénateur UDI de la Haute-Vienne, co-rapporteur``)."""
        clause = max(self.source.rfind(c, 0, e.start) for c in ".;:«»\n,") + 1
        after = re.match(r",[^.;:«»\n]{0,100}", self.source[e.end : e.end + 110])
        return self.source[clause : e.start] + (after.group() if after else "")

    def _mentioned_near(self, e: Entity) -> str:
        return self.source[max(0, e.start - 120) : e.end + 120]

    def is_role(self, text: str) -> bool:
        """A definite description of a person by role: ``le président du Conseil européen``,
        ``le sénateur UDI``, ``l’élu de Haute-Vienne``."""
        return bool(re.match(r"\s*(?:le|la|l’|l')\s*", text, re.IGNORECASE)) \
            and _head(text) in ROLE_HEADS

    def _last_named_speaker(self, before: int, earlier: list[Speaker]) -> Speaker | None:
        """The latest earlier speaker who is a named person, when near."""
        for name, span in reversed(earlier):
            if self.people_in(*span) and 0 < before - span[0] < 1500:
                return name, span
        return None

    def _pair_before(self, before: int) -> Speaker | None:
        """Two people joined by ``et`` in the text just before (about two sentences)."""
        near = [e for e in self.people if before - 300 <= e.start and e.end <= before
                and not any(s <= e.start < t for s, t in self.quoted)]
        for a, b in reversed(list(zip(near, near[1:], strict=False))):
            if re.fullmatch(rf"[{SPACE}]*et[{SPACE}]+", self.source[a.end : b.start]):
                return f"{self.name_of(a)} et {self.name_of(b)}", (a.start, b.end)
        return None

    def _named_together(self, head: str, before: int,
                        earlier: list[Speaker]) -> Speaker | None:
        """``les avocats`` after ``Slim Ben Achour et Félix de Belloy, les avocats des
        adolescents``: the people quoted together whom the article gave that plural title."""
        for name, span in reversed(earlier):
            if " et " not in name or not 0 < before - span[0] < 6000:
                continue
            m = re.match(rf",[{SPACE}]*(?:les|des|leurs|ses)[{SPACE}]+([\w-]+)",
                         self.source[span[1] : span[1] + 40])
            if m and _same_head(m.group(1).casefold(), head):
                return name, span
        return None

    def _plural_antecedent(self, before: int, earlier: list[Speaker]) -> Speaker | None:
        """``ils``/``elles``: the latest plural speaker (``les grévistes``, ``des riverains``)
        within reach, or a person described but not named; never one named person."""
        for name, span in reversed(earlier):
            if span[0] < before and before - span[0] < 1200 and PLURAL.match(name):
                return name, span
        together = self._pair_before(before)
        if together is not None:  # "Angela Merkel et Emmanuel Macron ont appelé … ont-ils"
            return together
        # A singular "they" of machine translation: "Un autre utilisateur … ont-ils écrit".
        described = [d for d in self.described if before - 600 <= d[0] < before]
        return (described[-1][1], described[-1][2]) if described else None
