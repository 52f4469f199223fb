"""Voices on the seed articles against counts checked by hand (reading articles/*.txt).

Every quotation of 003 was read and attributed by hand; words are counted as the article's
WORD pattern counts them (``d’Internet`` one word, ``1)`` list numbers counted). Quotation
marks around a mere expression (``«liberté d’expression»`` twice in 003, ``« Inciter à la
violence »`` in 000's heading) are not voices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.corpus import ensure_bundled
from reader.session import ArticleSession, open_session
from reader.storage import Library
from reader.voices import voices_of

SHORT = "000_757345bfb182a35d"
LONG = "003_71c21fd2b98fa41d"

# (speaker, kind) → (quotes, words), from reading 003.
GOLD_VOICES_003 = {
    ("John Matze", "person"): (3, 55),  # "a déclaré qu ‘«…", "a écrit Matze" + continuation
    ("Chris Hayes", "person"): (1, 48),  # embedded tweet
    ("Brian Fung", "person"): (1, 17),  # embedded tweet
    ("John Paczkowski", "person"): (1, 15),  # embedded tweet
    ("Amy Peikoff", "person"): (1, 3),  # «Nous sommes toasts»
    ("Anti-Defamation League", "organisation"): (2, 24),  # "comme le fait l’ADL", "souligne"
    ("AWS Trust and Safety", "organisation"): (1, 19),  # "a écrit une équipe AWS T&S"
    ("Google", "organisation"): (1, 8),  # "décrivant … comme une «menace…»"
    ("un utilisateur", "anonymous"): (2, 39),  # "un utilisateur a écrit" + continuation
    ("Un autre utilisateur", "anonymous"): (1, 33),  # "ont-ils écrit"
    ("l’utilisateur de Parler @ronglaister", "anonymous"): (1, 25),  # known by a handle only
    ("un utilisateur de Parler", "anonymous"): (1, 4),  # «ressemble à une guerre»
    ("la foule", "anonymous"): (1, 2),  # « Accroche Pence. »
    ("un article de Parler", "document"): (2, 45),  # a post, quoted twice
    ("un e-mail d’Amazon Web Services", "document"): (1, 7),
}
# What 003 relies on that is not a quote: (name, kind) → citations.
GOLD_RELIANCES_003 = {
    ("BuzzFeed News", "outlet"): 2,  # "rapportée … par BuzzFeed News", "selon BuzzFeed News"
    ("Buzzfeed", "outlet"): 2,  # "obtenu par Buzzfeed", "John Paczkowski de Buzzfeed"
    # an advocacy organisation, not a news outlet: "comme le fait l’ADL", "comme le souligne"
    ("Anti-Defamation League", "organisation"): 2,
    ("Washington Post", "outlet"): 1, ("Verge", "outlet"): 1, ("CNN", "outlet"): 1,
    ("NPR", "outlet"): 1, ("NBC", "outlet"): 1, ("TechCrunch", "outlet"): 1,
}


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ArticleSession]:
    library = Library(tmp_path_factory.mktemp("voices") / "reader.db")
    ensure_bundled(library)
    return {i: open_session(library, i) for i in (SHORT, LONG)}


def prf(found: set[object], gold: set[object]) -> tuple[float, float, float]:
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def test_voices_of_003_match_the_hand_count(sessions: dict[str, ArticleSession]) -> None:
    voices = voices_of(sessions[LONG])
    found = {(v.name, v.kind): (v.quotes, v.words) for v in voices.voices}
    p, r, f = prf(set(found), set(GOLD_VOICES_003))
    print(f"003 speakers+kind: P={p:.2f} R={r:.2f} F1={f:.2f} ({len(found)} found, "
          f"{len(GOLD_VOICES_003)} gold)")
    exact = sum(found.get(k) == v for k, v in GOLD_VOICES_003.items())
    print(f"003 quote and word counts exact for {exact}/{len(GOLD_VOICES_003)} speakers")
    assert found == GOLD_VOICES_003
    assert voices.terms == 2
    totals = voices.totals()
    assert {k: (t["speakers"], t["quotes"]) for k, t in totals.items()} == {
        "person": (5, 7), "organisation": (3, 4), "anonymous": (5, 6), "document": (2, 3)}
    assert voices.voices[0].name == "John Matze"  # most words first
    matze = voices.voices[0]
    assert set(matze.written) == {"John Matze"} and len(matze.quote_starts) == 3


def test_reliances_of_003_match_the_hand_count(sessions: dict[str, ArticleSession]) -> None:
    voices = voices_of(sessions[LONG])
    found = {(r.name, r.kind): r.citations for r in voices.reliances}
    p, r, f = prf(set(found), set(GOLD_RELIANCES_003))
    print(f"003 relies on: P={p:.2f} R={r:.2f} F1={f:.2f}")
    assert found == GOLD_RELIANCES_003


def test_short_seed_quotes_nobody_and_relies_on_complaints(
        sessions: dict[str, ArticleSession]) -> None:
    voices = voices_of(sessions[SHORT])
    # 000 reports John Matze's words only indirectly ("a assuré aux utilisateurs que"):
    # no quotation, so no voice; the heading's « Inciter à la violence » is a term.
    assert voices.voices == [] and voices.terms == 1
    assert [(r.name, r.kind, r.citations) for r in voices.reliances] == [
        ("plusieurs plaintes en ligne", "document", 1)]
    assert voices.to_json()["totals"]["person"] == {"speakers": 0, "quotes": 0, "words": 0}


def test_names_follow_accepted_tidy_ups(tmp_path: Path) -> None:
    library = Library(tmp_path / "reader.db")
    ensure_bundled(library)
    session = open_session(library, LONG)
    assert session.analysis is not None
    for t in session.analysis.tidy_ups:
        if t.cls == "name-variant":
            session.decide("accept", t.key)
    names = {r.name for r in voices_of(session).reliances}
    assert "BuzzFeed" in names and "Buzzfeed" not in names


def test_voices_json_and_cli(sessions: dict[str, ArticleSession],
                             capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from reader.__main__ import main

    data = voices_of(sessions[LONG]).to_json()
    assert data["voices"][0] == {"name": "John Matze", "kind": "person", "quotes": 3,
                                 "words": 55, "written": ["John Matze"]}
    assert main(["voices", "003", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["document"]["quotes"] == 3
    assert main(["voices", "003"]) == 0
    assert "Named people   John Matze: 3 quote(s), 55 words" in capsys.readouterr().out


CLASSES = """Le ministère de la Santé a confirmé la fermeture de trois hôpitaux, selon des sources \
proches du dossier.

« Nous n’avons pas le choix », a déclaré un responsable de la région. « Les comptes sont \
vides », a ajouté Marie Dupuis, directrice de l’Agence régionale.

« C’est une honte », a dénoncé le syndicat Sud Santé.
"""


def test_each_class_of_voice(tmp_path: Path) -> None:
    """Behaviour on a constructed text (not an accuracy claim): an unnamed official and
    "des sources" are anonymous, a named person is a person, a union is an organisation
    named in full even when the entity tagger saw only part of its name."""
    from reader.article import parse_article

    library = Library(tmp_path / "reader.db")
    article = parse_article(CLASSES, article_id="classes")
    library.add_article(article)
    voices = voices_of(open_session(library, "classes"))
    found = {(v.name, v.kind) for v in voices.voices}
    assert found == {("un responsable de la région", "anonymous"),
                     ("Marie Dupuis", "person"), ("Sud Santé", "organisation")}
    assert ("des sources", "anonymous") in {(r.name, r.kind) for r in voices.reliances}


def test_a_described_speaker_keeps_its_complement_and_drops_what_follows() -> None:
    from reader.voices import core_phrase

    cases = {
        "une note de la préfecture publiée lundi": "une note de la préfecture",
        "un porte-parole du ministère de l’Intérieur cité par l’AFP":
            "un porte-parole du ministère de l’Intérieur",
        "un courriel d’Air France consulté par Reuters": "un courriel d’Air France",
        "un habitant du quartier": "un habitant du quartier",
        "l’utilisateur de Twitter @jdupont": "l’utilisateur de Twitter @jdupont",
        "Un autre témoin": "Un autre témoin",
    }
    for phrase, core in cases.items():
        assert core_phrase(phrase) == core, phrase
