"""Context cues for an entity's label, voted with spaCy's guesses across a group's mentions.

The small model often calls a company a person (``Astron``) or a village a person
(``Banasso``). The words around a mention say more:

* person: a title or civility before it (``M.``, ``Mme``, ``le député``, ``la chercheuse``), a
  known given name as its first word, an age or a person noun in apposition
  (``Martha, 48 ans``, ``Ramata Kapo, présidente de …``);
* organisation: a company suffix (``Ltd``, ``Sarl``, ``Minerals``), an organisation head as
  first word (``Parti``, ``Union``, ``Forces``, ``Comité``), an organisation frame before it
  (``la société``, ``l’association``, ``le cabinet``), an acronym;
* place: a place frame (``le village de``, ``la commune de``, ``la rue``), or ``en``/``au`` +
  a one-word name (a weaker cue; not ``à``, which also introduces people and firms).

Cue votes weigh more than the model's label; the gazetteer still wins over both.
"""

from __future__ import annotations

import re

from reader.analysis.lexicon import Lexicon

STRONG = 3
WEAK = 1
NOT_PEOPLE = {"foule", "groupe", "équipe", "association", "syndicat", "gouvernement",
              "ministère", "commission", "agence", "entreprise", "société", "ong", "compte",
              "collectif", "mairie", "municipalité", "direction", "famille", "population",
              "police", "justice", "préfecture", "presse", "rédaction", "majorité",
              "opposition", "assemblée", "parquet", "tribunal", "cour", "ambassade", "armée",
              "gendarmerie", "habitants", "villageois", "riverains", "autorité", "autorités",
              "hebdomadaire", "quotidien", "journal", "magazine", "site", "média", "étude",
              "texte", "document", "communiqué", "rapport", "enquête", "source", "sources",
              "jeune", "jeunes", "proche", "proches", "membre", "membres", "parents"}


_CACHE: dict[int, tuple[Lexicon, dict[str, re.Pattern[str]]]] = {}


def _patterns(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    cached = _CACHE.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    _CACHE[id(lexicon)] = (lexicon, _compile(lexicon))
    return _CACHE[id(lexicon)][1]


def _compile(lexicon: Lexicon) -> dict[str, re.Pattern[str]]:
    def alternatives(key: str) -> str:
        words = sorted(lexicon.cues.get(key, ()), key=len, reverse=True)
        return "|".join(re.escape(w).replace("’", "[’']") for w in words)

    people = sorted((w for w in lexicon.words("person_nouns") | lexicon.words(
        "feminine_person_nouns") if w not in NOT_PEOPLE), key=len, reverse=True)
    person_nouns = "|".join(re.escape(w) for w in people)
    titles = "|".join(re.escape(w.rstrip(".")) for w in lexicon.cues.get("title_words", ()))
    det = r"(?:le|la|l’|l'|un|une|son|sa|leur|notre|cet|cette|ce)"
    adjective = r"(?!(?:de|du|des|la|le|les|à|au|aux|en|et|ou|d)\b)[a-zà-ÿ-]+"
    heads = "|".join(re.escape(w) for w in lexicon.cues.get("org_heads", ()))
    return {
        # "M.", "le député", and "le Premier ministre népalais, ", "la chancelière allemande",
        # "le ministre de la Santé, ": a title, its adjectives and complement, then the name
        "title_before": re.compile(rf"(?:\b(?:{titles})\.?|\b{det}\s*(?:premier\s+|première\s+)?"
                                   rf"(?:{person_nouns})(?:\s+{adjective}){{0,2}}"
                                   r"(?:\s+(?:de|du|des|d’|d')\s*(?:la\s+|l’|l')?[\w-]+\s*,)?"
                                   r"\s*,?)\s*$", re.IGNORECASE),
        "person_after": re.compile(rf"^,\s*(?:\d{{1,3}}\s+ans\b|(?:{det}\s*|une?\s+)?"
                                   rf"(?:{person_nouns})\b)", re.IGNORECASE),
        "org_after": re.compile(rf"^\s*[-–—,(]\s*(?:la|le|l’|l'|une|un)?\s*(?:{heads})\b",
                                re.IGNORECASE),
        "org_before": re.compile(rf"(?:^|\W)(?:{alternatives('org_frames')})\s*$",
                                 re.IGNORECASE),
        "loc_before": re.compile(rf"(?:^|\W)(?:(?:le|la|les|l’|l'|du|au|aux|des)\s+)?"
                                 rf"(?:{alternatives('loc_frames')})\s*"
                                 # "les villages de Banasso et (de) Tiembleni": the whole list
                                 rf"(?P<listed>(?:[A-ZÀ-Þ][\w’'-]+\s*(?:,|et|ou)\s*"
                                 rf"(?:de\s+|d’)?)*)$",
                                 re.IGNORECASE),
        "says_after": re.compile(r"^,?\s*(?:a|avait)\s+(?:déclaré|affirmé|dit|expliqué|"
                                 r"ajouté|estimé|confié|raconté|souligné|précisé|indiqué)\b"),
        "says_before": re.compile(r"(?:déclare|affirme|explique|ajoute|raconte|confie|"
                                  r"souligne|précise|estime|a déclaré|a affirmé|a expliqué|"
                                  r"a ajouté|a raconté|a confié|se souvient|poursuit)\s+$"),
        "weak_loc_before": re.compile(r"(?:^|\s)(?:en|au|aux)\s+$"),
    }


def label_votes(source: str, start: int, end: int, lexicon: Lexicon) -> list[tuple[str, int]]:
    """``(label, weight)`` votes from the words in and around one mention."""
    text = source[start:end]
    words = text.split()
    if not words:
        return []
    p = _patterns(lexicon)
    before = source[max(0, start - 90) : start]
    after = source[end : end + 40]
    votes: list[tuple[str, int]] = []
    acronym = bool(re.fullmatch(r"[A-Z]{2,6}", text))
    if not acronym and (p["title_before"].search(before) or p["person_after"].match(after)):
        votes.append(("PER", STRONG))
    if lexicon.first_names.get(words[0]) is not None and len(words) <= 4 \
            and words[0] not in lexicon.cues.get("org_heads", ()):
        votes.append(("PER", STRONG if len(words) > 1 else WEAK + 1))
    if words[-1] in lexicon.cues.get("company_suffixes", ()) and len(words) > 1:
        votes.append(("ORG", STRONG + 1))
    if words[0] in lexicon.cues.get("org_heads", ()) and len(words) > 1:
        votes.append(("ORG", STRONG))
    if p["org_before"].search(before):
        votes.append(("ORG", STRONG))
    if acronym:
        votes.append(("ORG", WEAK))
    if p["says_after"].match(after) or p["says_before"].search(before):
        votes.append(("PER", WEAK + 1))  # "X a déclaré", "», a affirmé X"
    if p["org_after"].match(after):
        votes.append(("ORG", STRONG))
    place = p["loc_before"].search(before)
    if place and (not place.group("listed") or len(words) == 1):
        # a list of places is of one-word names; "la province de Karnali, Gopal Chandra
        # Bhattarai" is a person in apposition
        votes.append(("LOC", STRONG))
    elif len(words) == 1 and p["weak_loc_before"].search(before):
        votes.append(("LOC", WEAK))
    return votes
