"""Topics: the issues discussed, as short noun phrases ranked by weight in the text."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import words
from briefgen.extract.not_discussed import AGENDA_WORDS, says_off_agenda
from briefgen.extract.parse import Parsed
from briefgen.model import Topic

# Head nouns too general to name an issue on their own.
GENERIC_HEADS = words(
    """
    thing things way ways time times people person year years day days week weeks month
    months side sides part parts lot number kind sort case point fact statement
    statements official officials reporter reporters source sources question questions
    problem percent member members country countries group groups comment comments
    interview afternoon morning evening night hour hours minute minutes word words talks
    meeting end start beginning place today others one ones anything something
    everything nothing figure figures analyst analysts spokesperson spokesman
    spokeswoman note step table government governments minister ministers season first
    talk agenda delegation delegations issue issues matter matters area areas team teams
    range importance significance prospect prospects report reports term need needs
    """
)
# Head nouns that describe the talks themselves or say nothing ("marathon discussion",
# "continued discussions", "fresh concerns", "constructive approach"): never a topic,
# whatever qualifies them.
TALK_HEADS = words(
    """
    discussion discussions talk talks meeting meetings session sessions round rounds
    negotiation negotiations dialogue conversation conversations exchange exchanges
    approach approaches concern concerns atmosphere tone spirit progress effort efforts
    engagement contact contacts consultation consultations visit process outcome
    result results readout remark remarks view views position positions door
    statement statements judge judges lawyer lawyers company companies firm firms
    ministry employee employees worker workers passenger passengers speaker president
    senator leader leaders representative
    sideline sidelines margin margins spokesman spokeswoman spokesperson spokesmen aide
    aides adviser advisers advisor advisors counterpart counterparts envoy envoys
    ambassador ambassadors diplomat diplomats official officials source sources
    """
)
_BAD_ENTS = {
    "PERSON",
    "GPE",
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "ORG",
    "FAC",
    "LOC",
}
MAX_TOPICS = 8


@dataclass
class _Candidate:
    text: str
    head: str
    words: int
    count: int = 0
    first: int = 10**9
    agenda: bool = False
    off_agenda: bool = False
    lemmas: set[str] = field(default_factory=set)


# Adjectives that say nothing about the issue ("other talks", "several issues").
_VAGUE_ADJECTIVES = frozenset({
    "other", "many", "several", "such", "same", "first", "last", "next", "own", "more",
    "most", "few", "similar",
})


_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov"})


def _phrase(chunk: SpacySpan) -> tuple[str, str, set[str]] | None:
    """The topic words of a noun chunk (no articles, possessives, numbers, or names)."""
    tokens = [
        t
        for t in chunk
        if _in_hyphenated_word(t)
        or t.dep_ not in {"det", "poss", "predet", "nummod", "case"}
        and t.pos_ not in {"PRON", "DET", "NUM", "PUNCT"}
        and t.ent_type_ not in _BAD_ENTS
    ]
    while tokens and (
        tokens[0].pos_ not in {"ADJ", "NOUN", "PROPN", "VERB"}
        and not (tokens[0].pos_ == "NUM" and _in_hyphenated_word(tokens[0]))
    ):
        tokens.pop(0)
    if not tokens or tokens[-1].i != chunk.root.i or chunk.root.pos_ != "NOUN":
        return None
    tokens = [t for t in tokens if not (t.pos_ == "ADJ" and t.lower_ in _VAGUE_ADJECTIVES)]
    if any(t.lower_.rstrip(".") in _HONORIFICS for t in tokens):
        return None  # "Mr. Obama's demand" less its name: not an issue
    if not tokens or len(_joined(tokens).split()) > 4:
        return None
    head = chunk.root.lemma_.lower()
    tokens = _owner(chunk) + tokens + _complement(chunk.root)
    if len(tokens) == 1 and (head in GENERIC_HEADS or chunk.root.lower_ in GENERIC_HEADS):
        return None
    if head in {"percent", "%"} or not chunk.root.is_alpha:
        return None
    text = _joined(tokens).replace(" ’s", "’s")
    return text.replace(" 's", "'s"), head, {t.lemma_.lower() for t in tokens if t.is_alpha}


def _inner_hyphen(token: Token) -> bool:
    """A hyphen inside a word ("cross-Strait", "long-term", "two-state")."""
    return (
        token.text in {"-", "\u2010", "\u2011"}
        and not token.whitespace_
        and token.i > 0
        and not token.doc[token.i - 1].whitespace_
        and token.i + 1 < len(token.doc)
    )


def _in_hyphenated_word(token: Token) -> bool:
    """A hyphen inside a word, or a number joined to one ("two" of "two-state"): kept
    with the word it is part of."""
    if _inner_hyphen(token):
        return True
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return token.pos_ == "NUM" and (
        after is not None and not token.whitespace_ and _inner_hyphen(after)
        or before is not None and _inner_hyphen(before)
    )


def _joined(tokens: list[Token]) -> str:
    """The topic's words, spaced as the text spaces them where they follow each other
    ("cross-Strait issues"), with one space where words were left out between them."""
    parts: list[str] = []
    for token, after in zip(tokens, [*tokens[1:], None], strict=True):
        parts.append(_topic_word(token))
        if after is not None:
            parts.append(token.whitespace_ if after.i == token.i + 1 else " ")
    return "".join(parts)


def _topic_word(token: Token) -> str:
    keep = token.pos_ == "PROPN" or token.ent_type_ or token.text.isupper()
    return token.text if keep else token.lower_


# Prepositions whose phrase says what an issue is about: "deployment of troops to
# Russia", "support to Ukraine", "sanctions against X".
_ABOUT = words("of to for against on with from into in across between over about toward towards")
_COMPLEMENT_WORDS = 6


def _complement(head: Token) -> list[Token]:
    """The short prepositional phrase that completes an issue noun ("deployment" + "of
    troops to Russia"), or nothing when there is none or it runs into a clause."""
    phrase: list[Token] = []
    end = head.i + 1
    for prep in (c for c in head.rights if c.dep_ == "prep"):
        words_of = list(prep.subtree)
        if prep.i != end or prep.lower_ not in _ABOUT or len(words_of) < 2:
            break
        if any(t.pos_ in {"VERB", "AUX", "PRON", "PUNCT", "CCONJ", "NUM"} for t in words_of):
            break
        if len(phrase) + len(words_of) > _COMPLEMENT_WORDS:
            break
        phrase += words_of
        end = words_of[-1].i + 1
    return phrase


def _owner(chunk: SpacySpan) -> list[Token]:
    """A country or body owning the issue ("the DPRK's" of "the DPRK's deployment")."""
    owners = [t for t in chunk.root.children if t.dep_ == "poss" and t.i >= chunk.start]
    if not owners or owners[0].ent_type_ not in {"GPE", "ORG", "NORP"}:
        return []
    owner = owners[0]
    return [t for t in owner.subtree if t.dep_ not in {"det", "predet"}]


# Nouns that introduce the agenda by themselves ("the agenda covered", "topics included");
# the other agenda words count as verbs only: "details of the discussion" names no issue.
_AGENDA_NOUNS = words("agenda topic topics")


def _names_the_agenda(token: Token) -> bool:
    """The token says what was discussed: an agenda verb (discussed, covered, raised,
    focused on; not "include", which lists anything) or the word agenda or topic."""
    lemma = token.lemma_.lower()
    if lemma in _AGENDA_NOUNS:
        return True
    return token.pos_ in {"VERB", "AUX"} and lemma in AGENDA_WORDS and lemma != "include"


def _scare_quoted(chunk: SpacySpan) -> bool:
    """The noun chunk's words stand in quotation marks of their own."""
    doc = chunk.doc
    before = doc[chunk.start - 1] if chunk.start > 0 else None
    after = doc[chunk.end] if chunk.end < len(doc) else None
    if after is not None and after.is_punct and not after.is_quote and after.i + 1 < len(doc):
        after = doc[after.i + 1]
    quoted = any(t.is_quote for t in chunk) or (before is not None and before.is_quote)
    return quoted and after is not None and after.is_quote


def extract_topics(parsed_sources: list[Parsed], limit: int = MAX_TOPICS) -> list[Topic]:
    """The issues discussed in the sources, best first, with scores between 0 and 1."""
    candidates: dict[str, _Candidate] = {}
    head_counts: dict[str, int] = defaultdict(int)
    order = 0
    for parsed in parsed_sources:
        for piece in parsed.pieces:
            sents = list(piece.doc.sents)
            starts = [sent.start for sent in sents]
            off_flags = [says_off_agenda(sent) for sent in sents]
            agenda_flags = [
                not off and any(_names_the_agenda(t) for t in sent)
                for sent, off in zip(sents, off_flags, strict=True)
            ]
            for chunk in piece.doc.noun_chunks:
                if _scare_quoted(chunk):
                    continue  # "a 'sensible pause'": someone's words, not an issue
                found = _phrase(chunk)
                if found is None:
                    continue
                index = max(0, bisect_right(starts, chunk.start) - 1)
                text, head, lemmas = found
                key = " ".join(sorted(lemmas))
                cand = candidates.setdefault(key, _Candidate(text, head, len(text.split())))
                cand.count += 1
                cand.first = min(cand.first, order + index)
                cand.agenda = cand.agenda or agenda_flags[index]
                cand.off_agenda = cand.off_agenda or off_flags[index]
                cand.lemmas = lemmas
                head_counts[head] += 1
            order += len(sents)
    scored: list[tuple[float, _Candidate]] = []
    # When the text says what was discussed, covered, raised or focused on, the topics are
    # taken from there; otherwise from the weightiest issues named.
    says_agenda = any(c.agenda and c.head not in TALK_HEADS for c in candidates.values())
    for cand in candidates.values():
        if cand.head in GENERIC_HEADS and cand.words == 1:
            continue
        if cand.head in TALK_HEADS or (says_agenda and not cand.agenda):
            continue
        if cand.words == 1 and not cand.agenda:
            continue  # a lone noun ("money", "review") names an issue only on the agenda
        if cand.off_agenda and not cand.agenda:
            continue  # "the boundary dispute was not discussed": not a topic of the talks
        score = cand.count + 0.5 * head_counts[cand.head]
        score *= 1.0 if cand.words > 1 else 0.5
        score += 1.5 if cand.agenda else 0.0
        score += 1.0 / (1.0 + 0.2 * cand.first)
        if cand.head in GENERIC_HEADS:
            score -= 1.0
        scored.append((score, cand))
    scored.sort(key=lambda item: (-item[0], item[1].first))
    chosen: list[tuple[float, _Candidate]] = []
    for score, cand in scored:
        if len(chosen) >= limit:
            break
        if any(cand.lemmas <= other.lemmas or other.lemmas <= cand.lemmas for _, other in chosen):
            continue
        chosen.append((score, cand))
    top = chosen[0][0] if chosen else 1.0
    return [Topic(text=c.text, score=round(s / top, 3)) for s, c in chosen]
