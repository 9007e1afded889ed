"""Word lists and small text helpers shared by the extraction steps."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan

from briefgen.text.normalise import text_key


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word list."""
    return frozenset(text.split())


# Verbs that introduce what somebody said, by lemma.
SPEECH_VERBS = words(
    """
    say tell add note state ask explain write insist warn argue claim declare announce
    reply respond continue comment remark recall acknowledge admit agree stress
    emphasize emphasise observe suggest predict promise vow pledge assert contend
    maintain point describe call tweet post report confirm deny testify concede complain
    joke quip caution urge conclude counter add mention reiterate charge allege question
    wonder scoff shout cry whisper laugh boast brag lament muse recount sum summarize
    sing chant read tweet label brand characterize characterise dub hail praise denounce
    condemn slam blast criticize criticise accuse rate yell scream exclaim murmur mutter plead
    beg demand interject retort snap gush sigh groan answer inform assure remind advise
    proclaim affirm estimate recommend propose threaten offer announce lecture preach
    """
)

# Words that make a capitalised phrase a title or role, not a name.
TITLE_WORDS = words(
    """
    minister secretary ambassador president vice deputy chancellor premier governor
    senator representative rep. sen. gov. congressman congresswoman mayor chairman
    chairwoman chair chief director spokesman spokeswoman spokesperson envoy general
    gen. admiral colonel col. captain capt. lieutenant lt. sergeant commander professor
    prof. dr. doctor judge justice attorney prosecutor king queen prince princess pope
    bishop archbishop cardinal rabbi imam sheikh ceo cfo coo founder head leader manager
    officer official adviser advisor counsellor counselor consul commissioner
    undersecretary under-secretary assistant state foreign prime lord lady sir dame
    speaker whip candidate nominee economist analyst editor correspondent reporter coach
    president-elect ambassador-at-large chargé envoy delegate negotiator mr. mrs. ms.
    miss mr mrs ms
    """
)

# Honorifics dropped from names ("Mr. Obama" -> "Obama").
HONORIFICS = words(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady
    """
)

# Words that mark a capitalised phrase as an organisation.
ORG_WORDS = words(
    """
    ministry department office agency council committee commission party union bank
    university college institute school court parliament congress senate government
    administration army navy police service association federation corporation company
    inc inc. ltd ltd. plc group foundation organization organisation authority bureau
    board fund trust network times post news press wire agency campaign coalition
    alliance league club centre center hospital embassy consulate house
    """
)

# Nouns that, as a subject, stand for an institution ("the ministry noted").
INSTITUTION_NOUNS = words(
    """
    ministry department government office agency embassy statement spokesperson
    spokesman spokeswoman company firm party campaign council committee commission court
    police army white house administration bureau
    """
)

# Common nouns that can stand for a speaker ("officials said", "the report says").
SPEAKER_NOUNS = INSTITUTION_NOUNS | words(
    """
    official officials source sources aide aides adviser advisers analyst analysts
    expert experts lawyer lawyers doctor doctors officer officers spokesperson spokesman
    spokeswoman diplomat diplomats minister president chairman chief director leader
    secretary ambassador envoy senator governor mayor candidate nominee report article
    letter poll study survey memo document note website post tweet release paper
    newspaper editorial organizer organizers witness witnesses resident residents
    protester protesters critic critics supporter supporters observer observers
    prosecutor prosecutors investigator investigators researcher researchers scientist
    scientists economist economists group groups union
    """
)

PRONOUNS_PERSON = frozenset(["he", "she", "him", "her", "his", "hers", "they", "them", "i", "we"])

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


def squeeze(text: str) -> str:
    """Collapse runs of whitespace into single spaces and trim."""
    return _SPACE.sub(" ", text).strip()


def strip_possessive(text: str) -> str:
    """Drop a trailing possessive ("Ministry's" -> "Ministry")."""
    return _POSSESSIVE.sub("", text)


def canonical_name(text: str) -> str:
    """A display name: single spaces, no leading "the", no trailing possessive or punctuation."""
    name = squeeze(text).strip(" ,.;:-\u2013\u2014\"'\u201c\u201d")
    name = strip_possessive(name)
    if name[:4].lower() == "the ":
        name = name[4:]
    return name.strip(" ,;:")


def content_lemmas(span: SpacySpan) -> set[str]:
    """Lower-case lemmas of a span's content words (nouns, verbs, adjectives, names, numbers)."""
    return {
        t.lemma_.lower()
        for t in span
        if not t.is_stop and not t.is_punct and t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
    }


def name_key(name: str) -> str:
    """``text_key`` of a person's name with honorifics and the punctuation of each word
    dropped: "Mr. Obama" and "Obama" are one person (places and organisations keep "Dr")."""
    words = [w.strip(".,'") for w in text_key(name).split()]
    words = [w for w in words if w and w + "." not in HONORIFICS and w not in HONORIFICS]
    return " ".join(words)
