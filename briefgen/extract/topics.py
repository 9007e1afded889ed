"""Topics: the issues discussed, as short noun phrases ranked by weight in the text."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.agenda_items import AGENDA_VERBS, AgendaItem, agenda_items
from briefgen.extract.lexicon import TITLE_WORDS, words
from briefgen.extract.not_discussed import AGENDA_WORDS, says_off_agenda
from briefgen.extract.parse import Parsed
from briefgen.extract.role_words import ROLE_NOUNS, is_title_word
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
    forum forums summit summits conference conferences
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
    mentions: set[tuple[int, int]] = field(default_factory=set)  # (piece, head token)
    first: int = 10**9
    agenda: bool = False
    item: bool = False  # an item of the agenda ("discussed X, Y and Z")
    name: bool = False  # a place or body named as an item ("discussed Ukraine")
    off_agenda: bool = False
    lemmas: set[str] = field(default_factory=set)


# Adjectives that say nothing about the issue ("other talks", "several issues").
_VAGUE_ADJECTIVES = frozenset({
    "other", "many", "several", "such", "same", "first", "last", "next", "own", "more",
    "most", "few", "similar", "much",
})


# Nouns that stand for issues without naming them, and the adjectives that leave them
# unnamed ("global and regional issues", "key areas"; "cross-strait issues" names them).
_FRAME_HEADS = words("issue matter area topic question subject")
_BROAD = words(
    """
    global regional bilateral multilateral international important key various broad wide
    common mutual major pressing other many several such same related relevant
    """
)

# Nouns that stand in a relation to something else (a role in it, a level of it, an
# obstacle to it, a community of some): with adjectives alone ("an important role", "the
# main obstacle", "at ministerial level", "the international community") they name no
# issue; with their complement or an owner ("the role of women", "Ghana's role") they may.
_HOLLOW_HEADS = words(
    """
    role roles level levels obstacle obstacles community communities part parts step
    steps aspect aspects factor factors element elements basis stage stages phase phases
    degree extent scale hurdle hurdles barrier barriers milestone milestones juncture
    """
)

# Who reports the talks: "the Yonhap news agency", "a state broadcaster", "the daily".
_REPORTERS = words("newspaper newspapers broadcaster broadcasters tabloid")
_NEWS_BODIES = words("agency agencies service channel channels outlet outlets network")

_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov"})
# The parties at the table, however qualified ("Norland's delegation"): who took part,
# not what was discussed.
_PARTY_NOUNS = words("delegation delegations team teams camp camps")
# Who a person is: a job or a part at the table ("Estria's chief negotiator").
_WHO_HEADS = ROLE_NOUNS | words("negotiator mediator facilitator")


def _phrase(
    chunk: SpacySpan, shared: tuple[Token, ...] = (), root: Token | None = None,
    item: bool = False,
) -> tuple[str, str, set[str]] | None:
    """The topic words of a noun chunk (no articles, possessives, numbers, or names), with
    what completes its head (``root``; None: the chunk's root) and the phrases it shares
    with the rest of its list (``item``: the chunk is an agenda item, or in a sentence
    naming the agenda)."""
    root = chunk.root if root is None else root
    tokens = [
        t
        for t in chunk
        if _in_hyphenated_word(t)
        or t.dep_ not in {"det", "poss", "predet", "nummod", "case"}
        and t.pos_ not in {"PRON", "DET", "NUM", "PUNCT"}
        and (t.ent_type_ not in _BAD_ENTS or _season_word(t))
    ]
    while tokens and (
        tokens[0].pos_ not in {"ADJ", "NOUN", "PROPN", "VERB"}
        and not (tokens[0].pos_ == "NUM" and _in_hyphenated_word(tokens[0]))
    ):
        tokens.pop(0)
    if not tokens or tokens[-1].i != root.i or root.pos_ != "NOUN":
        return None
    tokens = [t for t in tokens if not (t.pos_ == "ADJ" and t.lower_ in _VAGUE_ADJECTIVES)]
    if any(t.lower_.rstrip(".") in _HONORIFICS for t in tokens):
        return None  # "Mr. Obama's demand" less its name: not an issue
    if not tokens or len(_joined(tokens).split()) > 4:
        return None
    if root.lemma_.lower() in _REPORTERS or (
        root.lemma_.lower() in _NEWS_BODIES and any(t.lower_ == "news" for t in tokens)
    ):
        return None  # "the Yonhap news agency reported": who reported, not an issue
    if any(t.pos_ == "PROPN" and t.lower_ in TITLE_WORDS for t in tokens):
        return None  # "President Akufo-Addo's leadership" less the name: not an issue
    head = root.lemma_.lower()
    if is_title_word(root) or head in _WHO_HEADS:
        return None  # "Estria's chief negotiator", "the prime minister": who, not what
    tokens = _owner(chunk, root) + tokens + _complement(root, shared, item)
    if len(tokens) == 1 and (head in GENERIC_HEADS or root.lower_ in GENERIC_HEADS):
        return None
    if head in {"percent", "%"} or not root.is_alpha:
        return None
    if head in _FRAME_HEADS and all(
        t.i == root.i or t.lower_ in _BROAD or t.pos_ in {"CCONJ", "PUNCT"} for t in tokens
    ):
        return None  # "global and regional issues": the issues are not named
    if head in _HOLLOW_HEADS and all(
        t.i == root.i or t.pos_ in {"ADJ", "ADV", "CCONJ", "PUNCT"} for t in tokens
    ):
        return None  # "an important role", "the main obstacle": of what is not said
    text = _joined(tokens).replace(" ’s", "’s")
    return text.replace(" 's", "'s"), head, _content_lemmas(tokens)


# Words that carry no content of their own: "support" and "support for the farmers" name
# the same issue as "farmers support" does, whatever the little words between.
_FUNCTION_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "PRON", "AUX"})


def _content_lemmas(tokens: list[Token]) -> set[str]:
    """The lemmas of a topic's content words, by which near-duplicates are found."""
    return {t.lemma_.lower() for t in tokens if t.is_alpha and t.pos_ not in _FUNCTION_POS}


def _season_word(token: Token) -> bool:
    """A word the model tags as a date that describes the issue ("winter roads", "annual
    budget"), not a date of its own ("Monday", "2019")."""
    return (
        token.ent_type_ in {"DATE", "TIME"}
        and token.pos_ in {"NOUN", "ADJ"}
        and token.dep_ in {"compound", "amod"}
    )


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


def _word_start(token: Token) -> int:
    """Where the hyphenated word a token ends begins ("co" of "co-hosting")."""
    i = token.i
    while i > 1 and _inner_hyphen(token.doc[i - 1]):
        i -= 2
    return i


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
_ABOUT = words(
    "of to for against on with from into in at across along around near between over about"
    " toward towards"
)
_COMPLEMENT_WORDS = 6


def _complement(head: Token, shared: tuple[Token, ...] = (), item: bool = False) -> list[Token]:
    """The short prepositional phrases that complete an issue noun ("deployment" + "of
    troops to Russia", "support" + "for the displaced farmers"), then ``shared``, the
    phrases it shares with the earlier items of its list; nothing when there is none or it
    runs into a clause. For an agenda ``item``, a phrase too long to keep whole keeps its
    preposition and its object's own words ("full transparency about activities"): the item
    is named whatever follows, where another noun phrase is an issue only when it is
    complete."""
    phrase: list[Token] = []
    end = head.i + 1
    hung = _hung_on_the_verb(head)
    own = [c for c in head.rights if c.dep_ == "prep"]
    for prep in [hung] if hung is not None else own:
        if prep.i != end:
            break
        words_of = _prep_words(prep, _COMPLEMENT_WORDS - _word_count(phrase), item)
        if not words_of:
            break
        phrase += words_of
        end = words_of[-1].i + 1
        if len(words_of) < len(list(prep.subtree)):
            break  # cut short: what followed it is left out, and so is any later phrase
    for prep in shared:
        words_of = _prep_words(prep, _COMPLEMENT_WORDS - _word_count(phrase), item)
        if words_of and prep.i == end:
            phrase += words_of
            end = words_of[-1].i + 1
    return phrase


# Abstract nouns that name an issue by what happens somewhere ("insecurity in the Sahel",
# "violence along the river", "fighting in the north"): by their endings, and the few
# common ones without such an ending.
_ABSTRACT_ENDINGS = ("ity", "ion", "ment", "ance", "ence", "ness", "ism", "cy", "ing")
_ABSTRACT_NOUNS = words(
    """
    violence crisis crises war wars conflict conflicts peace trade security drought famine
    unrest hunger poverty aid tension tensions terror threat threats strife chaos
    """
)
# Where something happens: the prepositions of such a place.
_WHERE = words("in across along around near within throughout inside on over between")


def _abstract(token: Token) -> bool:
    """A common noun that names a state or an event, not a thing or a person."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (
        lemma in _ABSTRACT_NOUNS or token.lower_ in _ABSTRACT_NOUNS
        or len(lemma) > 5 and lemma.endswith(_ABSTRACT_ENDINGS)
    )


def _hung_on_the_verb(head: Token) -> Token | None:
    """The place phrase right after an abstract issue noun that the parse hangs on the verb
    naming the agenda instead of on the noun ("discussed insecurity in the neighboring
    Sahel", "raised violence along the Ossa river"); None when there is none. A bare name
    ("discussed trade in Geneva") may be where the talks were, so the place must come with
    a word of its own (an article, an adjective) or be a common noun ("the region")."""
    doc = head.doc
    verb = head.head
    if (
        head.dep_ not in {"dobj", "nsubjpass"}
        or not _abstract(head)
        or head.i + 1 >= len(doc)
        or verb.lemma_.lower() not in AGENDA_VERBS
        or any(c.dep_ == "prep" and c.i == head.i + 1 for c in head.children)
    ):
        return None
    prep = doc[head.i + 1]
    if prep.dep_ != "prep" or prep.head.i != verb.i or prep.lower_ not in _WHERE:
        return None
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects or objects[0].ent_type_ in {"DATE", "TIME"}:
        return None
    place = objects[0]
    if place.pos_ == "NOUN" and place.lemma_.lower() not in TALK_HEADS:
        return prep
    if place.pos_ == "PROPN" and any(
        c.dep_ in {"det", "amod", "compound"} for c in place.children
    ):
        return prep
    return None


def _prep_words(prep: Token, room: int, cut: bool) -> list[Token]:
    """The words of a preposition's phrase ("of troops to Russia"), or (when ``cut``) of
    it and its object without what follows the object, in at most ``room`` words; none
    when neither fits or the phrase is no complement of an issue."""
    if prep.lower_ not in _ABOUT:
        return []
    if prep.lower_ == "with" and any(
        t.dep_ == "pobj" and (t.ent_type_ in {"PERSON", "NORP"} or t.lemma_.lower() in TALK_HEADS)
        for t in prep.children
    ):
        return []  # "investigations with the visiting officials": with whom, not what
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    whole = list(prep.subtree)
    short = (
        [prep, *(t for t in objects[0].subtree if t.i <= objects[0].i)]
        if objects and cut
        else []
    )
    for words_of in (whole, short):
        if len(words_of) >= 2 and _word_count(words_of) <= room and _plain(words_of):
            return words_of
    return []


def _plain(tokens: list[Token]) -> bool:
    """No clause, list or figure inside: a participle before its noun ("the displaced
    farmers"), a possessive pronoun ("our ties") and a count in words ("two journalists")
    are kept."""
    for t in tokens:
        if t.ent_type_ in {"DATE", "TIME"}:
            return False  # "the nuclear test on Wednesday": when, not what
        if t.pos_ == "VERB" and t.dep_ != "amod" or t.pos_ == "PRON" and t.dep_ != "poss":
            return False
        if t.pos_ == "NUM" and not (t.dep_ == "nummod" and t.is_alpha):
            return False  # "of two journalists" is plain; "of 2024", "of 1.5" are not
        if t.pos_ in {"AUX", "CCONJ"} or t.pos_ == "PUNCT" and not _inner_hyphen(t):
            return False
    return all(t.i == prev.i + 1 for prev, t in zip(tokens, tokens[1:], strict=False))


def _word_count(tokens: list[Token]) -> int:
    """Words as the text writes them: a hyphenated word ("people-to-people") is one."""
    return len(_joined(tokens).split()) if tokens else 0


def _owner(chunk: SpacySpan, root: Token) -> list[Token]:
    """A country or body owning the issue ("the DPRK's" of "the DPRK's deployment")."""
    owners = [t for t in root.children if t.dep_ == "poss" and t.i >= chunk.start]
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


def _discusses(token: Token) -> bool:
    """The token is the subject of an agenda verb ("the mayors discussed", "the council
    met and reviewed", "the ministers will meet to discuss")."""
    if token.dep_ != "nsubj":
        return False
    verb = token.head
    verbs = [verb, *verb.conjuncts, *(c for c in verb.children if c.dep_ in {"xcomp", "advcl"})]
    return any(v.lemma_.lower() in AGENDA_VERBS for v in verbs)


def _scare_quoted(chunk: SpacySpan) -> bool:
    """The noun chunk's words stand in quotation marks of their own."""
    doc = chunk.doc
    before = doc[chunk.start - 1] if chunk.start > 0 else None
    after = doc[chunk.end] if chunk.end < len(doc) else None
    if after is not None and after.is_punct and not after.is_quote and after.i + 1 < len(doc):
        after = doc[after.i + 1]
    quoted = any(t.is_quote for t in chunk) or (before is not None and before.is_quote)
    return quoted and after is not None and after.is_quote


# Names that are issues when the text lists them as discussed ("Ukraine", "the Middle
# East", "NATO", "the Paris Agreement"); people are not.
_ISSUE_NAMES = frozenset({"GPE", "LOC", "ORG", "NORP", "EVENT", "LAW", "FAC"})


def _item_phrase(
    item: AgendaItem, chunks: dict[int, SpacySpan]
) -> tuple[str, str, set[str], bool] | None:
    """An agenda item's topic words, head, content lemmas and whether it is a name."""
    head = item.head
    if head.pos_ == "PROPN":
        name = _entity_ending_at(head)
        if name is None or name.label_ not in _ISSUE_NAMES:
            return None
        words_of = [t for t in name if t.dep_ not in {"det", "predet"}]
        text = _joined(words_of) if words_of else name.text
        return text, text.lower(), _content_lemmas(list(name)), True
    doc = head.doc
    if head.i + 1 < len(doc) and _inner_hyphen(doc[head.i + 1]):
        return None  # "co" of "co-hosting": a piece of a word, not its head
    chunk = chunks.get(head.i)
    if chunk is None or _word_start(chunk[0]) < chunk.start:
        left = [t for t in head.lefts if t.dep_ not in {"cc", "conj", "punct", "appos"}]
        start = min((t.left_edge.i for t in left), default=head.i)
        chunk = doc[_word_start(doc[start]) : head.i + 1]
    found = _phrase(chunk, item.shared, head, item=True)
    return None if found is None else (*found, False)


def _entity_ending_at(token: Token) -> SpacySpan | None:
    """The named entity whose last word the token is, or None."""
    doc = token.doc
    if not token.ent_type_ or token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I":
        return None
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return SpacySpan(doc, start, token.i + 1, label=token.ent_type_)


def _item_words(item: AgendaItem) -> set[int]:
    """The words an agenda item stands for: its head's phrase, less the other items of its
    list ("flood warnings" of "water sharing, flood warnings and ...") and what is listed
    after the object of its preposition ("the crisis in Burma and the region's response"),
    which may be items of their own. A noun phrase among them is part of the item, not
    another topic ("visa processing for students" of "the resumption of visa processing for
    students and families")."""
    head = item.head
    objects = [
        c for prep in head.children if prep.dep_ == "prep" for c in prep.children
        if c.dep_ == "pobj"
    ]
    others = {
        t.i
        for word in (head, *objects)
        for c in word.children
        if c.dep_ in {"conj", "cc", "appos"} or c.dep_ == "punct" and c.i > word.i
        for t in c.subtree
    }
    hung = _hung_on_the_verb(head)
    place: set[int] = set()
    if hung is not None:  # the place's own words, not what follows it ("including ...")
        objects = [c for c in hung.children if c.dep_ == "pobj"]
        place = {hung.i} | {t.i for t in objects[0].subtree if t.i <= objects[0].i}
    return ({t.i for t in head.subtree} | place) - others


def _candidate(
    candidates: dict[str, _Candidate], text: str, head: str, lemmas: set[str]
) -> _Candidate:
    key = " ".join(sorted(lemmas)) or text.lower()
    cand = candidates.setdefault(key, _Candidate(text, head, len(text.split())))
    cand.lemmas = lemmas
    return cand


def _fold_bare_heads(candidates: dict[str, _Candidate]) -> None:
    """A lone noun ("support") that the text also gives with its complement ("support for
    the displaced farmers") is that issue: its mentions count there, and it goes."""
    for key, bare in list(candidates.items()):
        if bare.words != 1 or bare.name:
            continue
        fuller = [
            c
            for c in candidates.values()
            if c is not bare and c.head == bare.head and c.words > 1
            and c.text.lower().startswith(bare.text.lower() + " ")
        ]
        if not fuller:
            continue
        into = min(fuller, key=lambda c: (not c.item, c.first))
        into.mentions |= bare.mentions
        into.first = min(into.first, bare.first)
        into.agenda = into.agenda or bare.agenda
        into.item = into.item or bare.item
        del candidates[key]


def _core(cand: _Candidate) -> set[str]:
    """The content lemmas that name the issue: a general head that frames another issue
    ("the importance of full transparency", "the need for new wells") adds nothing to it."""
    if cand.words > 1 and cand.head in GENERIC_HEADS and len(cand.lemmas) > 1:
        return cand.lemmas - {cand.head}
    return cand.lemmas


# Issues the text must name as discussed before the topics are taken from those alone.
AGENDA_ENOUGH = 2


def extract_topics(parsed_sources: list[Parsed], limit: int = MAX_TOPICS) -> list[Topic]:
    """The issues discussed in the sources, best first, with scores between 0 and 1.

    The agenda's items ("they discussed X, Y and Z", "raised concerns about X") come first,
    each conjunct its own topic; then the other issues named in agenda sentences, or, when
    the text names no agenda, the weightiest issues named anywhere."""
    candidates: dict[str, _Candidate] = {}
    head_mentions: dict[str, set[tuple[int, int]]] = defaultdict(set)
    order = 0
    for parsed in parsed_sources:
        for piece in parsed.pieces:
            piece_no = order
            sents = list(piece.doc.sents)
            starts = [sent.start for sent in sents]
            off_flags = [says_off_agenda(sent) for sent in sents]
            agenda_flags = [
                not off and any(_names_the_agenda(t) for t in sent)
                for sent, off in zip(sents, off_flags, strict=True)
            ]
            chunks = {chunk.root.i: chunk for chunk in piece.doc.noun_chunks}
            covered: set[int] = set()  # the words of the piece's agenda items
            for index, (sent, off) in enumerate(zip(sents, off_flags, strict=True)):
                if off:
                    continue
                for item in agenda_items(sent):
                    phrase = _item_phrase(item, chunks)
                    if phrase is None:
                        continue
                    text, head, lemmas, is_name = phrase
                    cand = _candidate(candidates, text, head, lemmas)
                    cand.mentions.add((piece_no, item.head.i))
                    cand.first = min(cand.first, order + index)
                    cand.agenda = cand.item = True
                    cand.name = cand.name or is_name
                    head_mentions[head].add((piece_no, item.head.i))
                    covered |= _item_words(item)
            for chunk in chunks.values():
                if chunk.root.i in covered:
                    continue  # "displaced farmers" of "support for the displaced farmers"
                if _scare_quoted(chunk):
                    continue  # "a 'sensible pause'": someone's words, not an issue
                if _discusses(chunk.root):
                    continue  # "the council discussed ...": who discussed, not what
                index = max(0, bisect_right(starts, chunk.start) - 1)
                # In a sentence naming the agenda, a noun is named with its complement,
                # cut short if need be ("return to democracy", not "return").
                found = _phrase(chunk, item=agenda_flags[index])
                if found is None:
                    continue
                text, head, lemmas = found
                cand = _candidate(candidates, text, head, lemmas)
                cand.mentions.add((piece_no, chunk.root.i))
                cand.first = min(cand.first, order + index)
                cand.agenda = cand.agenda or agenda_flags[index]
                cand.off_agenda = cand.off_agenda or off_flags[index]
                head_mentions[head].add((piece_no, chunk.root.i))
            order += len(sents)
    _fold_bare_heads(candidates)
    scored: list[tuple[float, _Candidate]] = []
    # When the text says what was discussed, covered, raised or focused on, the topics are
    # taken from there; otherwise, or when it names fewer than AGENDA_ENOUGH issues so (a
    # wire story's "talks on the border"), the weightiest issues named follow its items.
    says_agenda = (
        sum(c.agenda and c.head not in TALK_HEADS for c in candidates.values()) >= AGENDA_ENOUGH
    )
    for cand in candidates.values():
        if cand.head in GENERIC_HEADS and cand.words == 1:
            continue
        if cand.head in TALK_HEADS or cand.head in _PARTY_NOUNS:
            continue
        if says_agenda and not cand.agenda:
            continue
        if cand.words == 1 and not cand.agenda:
            continue  # a lone noun ("money", "review") names an issue only on the agenda
        if cand.off_agenda and not cand.agenda:
            continue  # "the boundary dispute was not discussed": not a topic of the talks
        score = len(cand.mentions) + 0.5 * len(head_mentions[cand.head])
        score *= 1.0 if cand.words > 1 or cand.name else 0.5
        score += 1.5 if cand.agenda else 0.0
        score += 1.0 / (1.0 + 0.2 * cand.first)
        if cand.head in GENERIC_HEADS:
            score -= 1.0
        scored.append((score, cand))
    # The agenda's items first, then the rest, each by weight.
    scored.sort(key=lambda item: (not item[1].item, -item[0], item[1].first))
    chosen: list[tuple[float, _Candidate]] = []
    for score, cand in scored:
        if len(chosen) >= limit:
            break
        if any(
            _core(cand) <= _core(other)
            or _core(other) <= _core(cand)
            or cand.text.lower() == other.text.lower()
            for _, other in chosen
        ):
            continue
        chosen.append((score, cand))
    top = max((s for s, _ in chosen), default=1.0)
    return [Topic(text=c.text, score=round(s / top, 3)) for s, c in chosen]
