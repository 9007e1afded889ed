"""Named mentions of people, organisations and places, the statistical model's slips repaired."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import (
    HONORIFICS,
    ORG_WORDS,
    SPEECH_VERBS,
    TITLE_WORDS,
    words,
)
from briefgen.extract.name_fragments import (
    is_country_stem,
    is_place_fragment,
    is_surname_particle,
    surname_with_particle,
    with_particle,
)
from briefgen.extract.parse import Parsed
from briefgen.extract.role_words import PORTFOLIO_HOLDERS, is_role_word, is_title_word
from briefgen.model import Span

PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"
_LABELS = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
_REPAIRABLE = {"ORG", "PRODUCT", "WORK_OF_ART", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW"}
_APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")


@dataclass
class Mention:
    """One mention: its kind, global offsets (name only: no "the", no "'s") and its tokens."""

    kind: str
    start: int
    end: int
    text: str
    tokens: SpacySpan
    source_id: str

    def evidence(self) -> Span:
        """The Span pointing at this mention."""
        return Span(self.source_id, self.start, self.end)


def find_mentions(parsed: Parsed) -> list[Mention]:
    """People, organisations and places mentioned in a source, in text order."""
    raw: list[tuple[str, SpacySpan, int]] = []
    covered: set[tuple[int, int]] = set()
    demonyms: set[str] = set()
    for _offset, token in parsed.tokens():
        if token.text[:1].isupper() and (
            token.ent_type_ in {"NORP", "GPE", "FAC", "LOC"}
            or token.dep_ in {"amod", "compound"}
            and token.head.pos_ == "NOUN"
        ):
            demonyms.add(token.lower_)
    for offset, ent in parsed.entities():
        if ent.label_ == "DATE":
            name = _surname_taken_for_a_date(ent)
            if name is not None:
                raw.append(("PERSON", name, offset))  # "Australian Timothy Weeks"
            continue
        label = _LABELS.get(ent.label_)
        if label == ORG and _place_then_name(ent):
            raw.append(("PERSON", ent[1:], offset))  # "envoy to Norland Kurt Vollmer"
            continue
        if label is None and ent.label_ in _REPAIRABLE:
            label = "OTHER"
        if label is not None:
            raw.append((label, ent, offset))
    titles = [(offset, token) for offset, token in parsed.tokens() if _is_title(token)]
    for offset, token in titles:
        if token.ent_type_ == "":
            chain = _name_after(token)
            if chain is not None and (offset, chain.start) not in covered:
                raw.append(("PERSON", chain, offset))
                covered.add((offset, chain.start))
    for offset, token in titles:
        if token.i + 2 < len(token.doc) and token.doc[token.i + 1].lower_ in {"of", "for"}:
            name = _name_after_field(token)
            if name is not None:
                # "Director of National Security Min-ho Lee": the model often takes the
                # name into an organisation with the title's field, or leaves it out.
                raw = [
                    r
                    for r in raw
                    if r[2] != offset or r[1].end <= name.start or r[1].start >= name.end
                ]
                raw.append(("PERSON", name, offset))
    # (piece offset, token index) inside a mention so far: a set lookup, not a pass per token.
    taken = {(o, i) for _, s, o in raw for i in range(s.start, s.end)}
    for offset, token in parsed.tokens():
        if token.ent_type_ == "" and token.pos_ == "PROPN" and _speaker_chain(token):
            chain = _compound_chain(token)
            if (offset, token.i) not in taken:
                raw.append(("PERSON", chain, offset))
                taken.update((offset, i) for i in range(chain.start, chain.end))
    raw.sort(key=lambda item: (item[2], item[1].start_char))

    mentions: list[Mention] = []
    dateline_places: set[str] = set()
    dateline_start, dateline_end = parsed.dateline_bounds()
    place_start, place_end = parsed.dateline_place()
    credit_start, credit_end = parsed.credit
    for label, span, offset in raw:
        if credit_start <= offset + span.start_char < credit_end:
            continue  # the reporters and editors of a wire credit line wrote the story
        if dateline_start <= offset + span.start_char < dateline_end < offset + span.end_char:
            # run on from the dateline into the sentence ("OSLO - Envoys"): its place alone
            inside = [t for t in span if offset + t.idx + len(t.text) <= place_end]
            if not inside:
                continue
            span = span.doc[inside[0].i : inside[-1].i + 1]
        start, end = offset + span.start_char, offset + span.end_char
        at_place = place_start <= start < end <= place_end
        if dateline_start <= start and end <= dateline_end and not at_place:
            continue  # "Oct 2 (Lakeside Herald)": the date and agency, not a person
        if at_place:
            label = PLACE  # "OSLO" or "HANOI, Vietnam": the model often calls it an org
        kind = _repair(label, span, demonyms)
        if not kind:
            continue
        span = with_particle(span) if kind == PLACE else span
        mention = _trimmed(kind, span, offset, parsed.source.id)
        if mention is not None:
            if mention.text.isupper() and at_place:
                mention.text = mention.text.title()  # "OSLO" is Oslo
            if at_place and mention.kind == PLACE:
                dateline_places.add(mention.text.lower())
            mentions.append(mention)
    mentions = _join_hyphenated(mentions, parsed.text)
    mentions = _add_bare_surnames(parsed, mentions)
    _repair_by_names(mentions)
    for mention in mentions:
        if mention.kind == ORG and mention.text.lower() in dateline_places:
            mention.kind = PLACE  # "after the meeting in Linz" in a story datelined LINZ
    _countries_owning_state_bodies(mentions)
    return [m for m in mentions if m.kind in {PERSON, ORG, PLACE}]


def _join_hyphenated(mentions: list[Mention], text: str) -> list[Mention]:
    """ "Ammar Campa-Najjar": two person mentions joined by a hyphen with no space are one."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == PERSON
            and mention.kind == PERSON
            and text[last.end : mention.start] in {"-", "\u2010"}
            and last.tokens.doc is mention.tokens.doc
        ):
            doc = last.tokens.doc
            last.tokens = doc[last.tokens.start : mention.tokens.end]
            last.end = mention.end
            last.text = text[last.start : last.end]
            continue
        out.append(mention)
    return out


# Words that join a title to its field ("Minister for the Environment and Water Resources").
_FIELD_JOINERS = words("and for of the")


def _field_of_a_title(span: SpacySpan, holders: frozenset[str] | None = None) -> bool:
    """True for a "person" or "organisation" that ends a title set off before a name
    ("Deputy Minister for the Environment and Water Resources, Hanna Berg"): a joiner
    before it, a title word a few words back (one of ``holders``, if given), and a comma and
    another name right after it."""
    doc = span.doc
    if span.start == 0 or span.end + 1 >= len(doc):
        return False
    if doc[span.start - 1].lower_ not in _FIELD_JOINERS or doc[span.end].text != ",":
        return False
    after = doc[span.end + 1]
    if after.ent_type_ != "PERSON" or after.ent_iob_ != "B":
        return False
    first = max(span.sent.start, span.start - 8)
    if holders is not None:
        return any(t.lower_ in holders for t in doc[first : span.start])
    return any(is_role_word(t) for t in doc[first : span.start])


def _repair(label: str, span: SpacySpan, demonyms: set[str]) -> str | None:
    """The kind a mention really is, or None to drop it."""
    words = [t.lower_ for t in span]
    if label == PERSON:
        if any(w in ORG_WORDS or w in _COMPANY_WORDS for w in words[1:]) and not _title_before(
            span
        ):
            return ORG
        if len(span) == 1 and is_country_stem(span.text, demonyms):
            return PLACE
        if len(span) == 1 and _of_a_role(span):
            return ORG
        if len(span) == 1 and _place_of(span):
            return PLACE  # "the town of Mora"
        if is_place_fragment(span):
            return PLACE
        if _field_of_a_title(span):
            return None  # "Minister for the Environment and Water Resources, Hanna Berg"
        if not any(t.text[:1].isupper() for t in span):
            return None
        named_after = _named_after_a_person(span)
        if named_after is not None:
            return named_after
        if _coordinated_with_orgs(span) or _named_thing(span):
            return ORG  # "Lockheed Martin, ... and Moon Express", "the website Full Fact"
        if _not_a_person_here(span):
            return None
        return PERSON
    if label == ORG and _place_of(span):
        return PLACE
    if label == ORG and _field_of_a_title(span, PORTFOLIO_HOLDERS):
        return None  # "Deputy Minister for Neighbourhood Policy and Regional Cooperation, X"
    if label == "OTHER" or label in {ORG, PLACE}:
        if all(w in TITLE_WORDS or not w.isalpha() for w in words):
            return None
        if _title_before(span) and _looks_like_name(span):
            return PERSON
        if label == ORG and _role_noun_before(span) and _looks_like_name(span) and len(span) > 1:
            return PERSON  # "executive chair Marcus Clary"
        if label == ORG and _name_in_apposition_to_a_title(span):
            return PERSON  # "Corvan's president, Adrian Holt,"
        lead = 0
        while lead < len(span) and (span[lead].lower_ in TITLE_WORDS | HONORIFICS):
            lead += 1
        if (
            0 < lead < len(span)
            and span[0].text[:1].isupper()
            and _looks_like_name(span[lead:])
            and not (label == ORG and _adjective_title(span, lead))
        ):
            return PERSON
        return None if label == "OTHER" else label
    return label


_PLACE_NOUNS = words(
    """
    port city town village region province capital county state island district harbour
    harbor suburb outskirts centre center streets coast
    """
)


# Last words of company and institution names the model takes for people's names.
_COMPANY_WORDS = words(
    """
    assembly electric motors dynamics mills foods airlines airways express systems
    technologies technology industries holdings partners capital ventures labs
    laboratories robotics aerospace machines energy pharmaceuticals therapeutics
    solutions networks communications media entertainment studios records brands
    """
)

# What kind of place a name is, written in lower case after it ("Kelby city", "Mora town").
_KIND_OF_PLACE = frozenset({"city", "town", "village", "county", "province", "state", "region"})

# Jobs a company does as well as a person ("the ferry operator, Kelby Sound Lines,"): a
# name the model tags an organisation in apposition to one stays an organisation.
_TRADE_NOUNS = words(
    """
    operator carrier airline maker manufacturer producer supplier provider lender insurer
    retailer broadcaster publisher distributor exporter importer contractor shipper
    """
)

# Things named after people: "Trump Tower", "Ho Chi Minh City", "the Hoa Lo prison".
_FACILITY_NOUNS = words(
    """
    tower towers building airport station avenue boulevard bridge stadium arena prison jail
    city hospital university college institute library museum memorial monument dam canal
    highway center centre award prize trophy crossing checkpoint corridor pipeline valley
    reservoir weir lake river port harbour harbor mine refinery plant barrage
    """
)
_SHIP_PREFIXES = words("uss hms hmas hmcs ins rfs mv ss rv")


def _named_after_a_person(span: SpacySpan) -> str | None:
    """PLACE for a building, city or award named after someone ("Trump Tower", "Ho Chi
    Minh City", "the Hoa Lo prison"), "" (drop) for a ship ("USS Carl Vinson"), else None."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if span[0].lower_ in _SHIP_PREFIXES or before is not None and before.lower_ in _SHIP_PREFIXES:
        return ""
    after = doc[span.end] if span.end < len(doc) else None
    if len(span) > 1 and span[-1].lower_ in _FACILITY_NOUNS and span[-1].text[:1].isupper():
        return PLACE
    if after is not None and after.lower_ in _FACILITY_NOUNS and after.dep_ != "appos":
        head = span.root.head
        if span.root.dep_ == "compound" and head.i == after.i or after.text[:1].isupper():
            return PLACE
    return None


# Nouns for things with names, not people: "the website Full Fact", "its Twitter account".
_THING_NOUNS = words(
    """
    website site company firm group newspaper paper magazine network channel outlet agency
    organization organisation app platform brand airline carrier bank fund startup
    charity band team club party service program programme database account handle page
    feed channel podcast blog rover spacecraft rocket vehicle vessel satellite jet
    """
)


def _named_thing(span: SpacySpan) -> bool:
    """True when a common noun says what the name is ("the fact-checking website Full
    Fact", "its press office Twitter account"): a thing, not a person."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _THING_NOUNS and before.text.islower():
        return True
    after = doc[span.end] if span.end < len(doc) else None
    return (
        len(span) == 1
        and after is not None
        and after.lower_ in _THING_NOUNS
        and after.text.islower()
        and span.root.dep_ == "compound"
    )


def _coordinated_with_orgs(span: SpacySpan) -> bool:
    """True when a "person" stands in a list whose other members are organisations and
    none is a person ("Bank of America, General Electric and Microsoft")."""
    token = span.root
    if token.dep_ != "conj" and not any(c.dep_ == "conj" for c in token.children):
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    members = [token]
    for member in members:
        members.extend(c for c in member.children if c.dep_ == "conj")
    prep = token.head
    if (
        token.dep_ == "pobj"
        and prep.lower_ in {"of", "for"}
        and span.start > 0
        and span.doc[span.start - 1].text == ","
        and any(_is_title(t) for t in prep.head.subtree if t.i < prep.i)
    ):
        return False  # "Secretary of State for Democracy, Human Rights and Labor, Tomasa X"
    others = [m for m in members if not span.start <= m.i < span.end]
    kinds = [m.ent_type_ for m in others]
    # Two organisations at least: "the Ministry of Foreign Affairs and Regional
    # Cooperation, Sara Lindqvist" chains a title's words to the name, not a list of orgs.
    return kinds.count("ORG") >= 2 and kinds.count("ORG") > kinds.count("PERSON")


# Title words that are also adjectives of organisation names: "General Electric", "the
# General Assembly", "Chief Executive Group"; the model's ORG label stands for them.
_ADJECTIVE_TITLES = words("general chief")


def _adjective_title(span: SpacySpan, lead: int) -> bool:
    """True for an organisation entity whose only title word is one that also names
    bodies ("General Assembly") and which no honorific or first name follows."""
    return lead == 1 and span[0].lower_ in _ADJECTIVE_TITLES and len(span) - lead == 1


_MONTHS_AND_DAYS = words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)


def _surname_taken_for_a_date(ent: SpacySpan) -> SpacySpan | None:
    """ "Timothy Weeks" where the model took "Weeks" for a date: one capitalised word, not a
    month or weekday, right after an untagged first name compounded onto it."""
    if len(ent) != 1 or ent.start == 0:
        return None
    word = ent[0]
    before = ent.doc[ent.start - 1]
    if (
        word.is_alpha
        and word.text[:1].isupper()
        and word.lower_ not in _MONTHS_AND_DAYS
        and word.i > word.sent.start + 1
        and before.pos_ == "PROPN"
        and before.ent_type_ == ""
        and before.dep_ == "compound"
        and before.head.i == word.i
        and before.text[:1].isupper()
        and before.lower_ not in TITLE_WORDS
        and before.lower_ not in ORG_WORDS
    ):
        return ent.doc[before.i : ent.end]
    return None


def _role_noun_before(span: SpacySpan) -> bool:
    """True when a title noun stands right before the span ("executive chair X"); not a
    job a company also does ("flagship carrier Emirates Airline")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return (
        before.pos_ == "NOUN"
        and is_title_word(before)
        and not any(t.lower_ in _COMPANY_WORDS or t.lower_ in ORG_WORDS for t in span)
    )


def _name_in_apposition_to_a_title(span: SpacySpan) -> bool:
    """True for a two- or three-word "organisation" set off by a comma after a title
    noun it stands in apposition to ("Corvan's president, Adrian Holt", "the Minister of
    State for Defence of the Republic of Corvan, Helena Strand"): the holder's name."""
    root = span.root
    if root.dep_ != "appos" or not 2 <= len(span) <= 3 or span.start == 0:
        return False
    if span.doc[span.start - 1].text != ",":
        return False
    return (
        is_role_word(root.head)
        and root.head.lower_ not in _TRADE_NOUNS
        and _looks_like_name(span)
        and not any(t.text.isupper() and len(t.text) > 1 for t in span)
    )


def _place_then_name(span: SpacySpan) -> bool:
    """True for an "organisation" that is a place and a name run together after a role
    ("special envoy to Norland Kurt Vollmer"): a role and "to/for/in" before it, one
    place word, then two or three capitalised words of a name."""
    if span.start < 2 or not 3 <= len(span) <= 4:
        return False
    doc = span.doc
    prep, role = doc[span.start - 1], doc[span.start - 2]
    return (
        prep.lower_ in {"to", "for", "in"}
        and is_role_word(role)
        and span[0].pos_ == "PROPN"
        and _looks_like_name(span[1:])
    )


def _not_a_person_here(span: SpacySpan) -> bool:
    """True for a one-word "person" the context says is a thing: after "the" ("the
    Moon"), a model name after a number ("737 Max"), a title alone ("Col")."""
    doc = span.doc
    if all(is_role_word(t) or t.is_punct for t in span):
        return True
    if len(span) != 1 or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ == "the" and not is_role_word(span[0]) and span.root.dep_ != "compound":
        return True  # "the Moon", but "the Warhol exhibit" is about Warhol
    root = span.root
    return (
        before.like_num
        and before.dep_ in {"compound", "nummod", "nmod"}
        and root.dep_ in {"compound", "nmod"}
        and root.head.pos_ == "NOUN"
    )


# What a country has and a person does not: "Saskar's parliament", "Saskar's delegation",
# "Saskar's prime minister" (a person named in full elsewhere keeps their name: "Biden's
# government" after "Joe Biden").
_STATE_BODIES = words(
    """
    delegation government parliament ministry embassy army navy military cabinet court
    president minister ambassador envoy negotiator negotiators military senate congress
    """
)


def _owns_a_state_body(span: SpacySpan) -> bool:
    """True for a one-word "person" that owns a state's body or office ("Saskar's
    foreign ministry", "Saskar's prime minister"): a country the model took for a name."""
    root = span.root
    return root.dep_ == "poss" and root.head.lemma_.lower() in _STATE_BODIES


def _country_of_a_named_holder(span: SpacySpan) -> bool:
    """True for the one word after "of" that follows a titled person's name ("Foreign
    Minister Ilya Petrov of Saskar"): the country or body the holder serves."""
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ != "of" or prep.i == 0:
        return False
    before = span.doc[prep.i - 1]
    return before.pos_ == "PROPN" and prep.head.i == before.i and any(
        _is_title(t) for t in before.doc[max(0, before.i - 4) : before.i]
    )


def _countries_owning_state_bodies(mentions: list[Mention]) -> None:
    """One-word "people" who own a state's body or office somewhere in the text ("Saskar's
    delegation") or follow a titled holder's name ("Minister X of Saskar"), however the
    model labelled that mention, and are nobody's surname nor titled anywhere in it, become
    places at every mention."""
    named = [m for m in mentions if m.kind == PERSON and (" " in m.text or _titled(m))]
    surnames = {m.text.split()[-1].lower() for m in named}
    single = {
        m.text.lower() for m in mentions if m.kind == PERSON and " " not in m.text
    } - surnames
    if not single:
        return
    docs = {id(m.tokens.doc): m.tokens.doc for m in mentions}
    countries = {
        token.lower_
        for doc in docs.values()
        for token in doc
        if token.pos_ == "PROPN"
        and token.lower_ in single
        and (_owns_a_state_body(doc[token.i : token.i + 1])
             or _country_of_a_named_holder(doc[token.i : token.i + 1]))
    }
    for mention in mentions:
        if mention.kind == PERSON and " " not in mention.text and mention.text.lower() in countries:
            mention.kind = PLACE


def _place_of(span: SpacySpan) -> bool:
    """True for "the port of Varna": a name after "of" that a place noun governs."""
    root = span.root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lower_ in _PLACE_NOUNS
        and not any(t.lower_ in ORG_WORDS for t in span)
    )


def _of_a_role(span: SpacySpan) -> bool:
    """True for "founder of SpaceX": a one-word name after "of/for/at" and a role noun."""
    root = span.root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in {"of", "for", "at"}
        and (prep.head.lower_ in TITLE_WORDS or prep.head.lower_.endswith(("er", "or", "ist")))
    )


def _is_title(token: Token) -> bool:
    low = token.lower_
    if low.endswith("s") and low[:-1] in TITLE_WORDS and token.text[:1].isupper():
        return True  # "Ministers Ana Lopes and Boris Klein"
    return low in TITLE_WORDS and (
        token.text[:1].isupper()
        or token.lower_
        in {"spokesperson", "spokesman", "spokeswoman", "envoy", "minister", "secretary"}
    )


def _title_before(span: SpacySpan) -> bool:
    """True when the word before the span is a title ("Professor Varga")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return _is_title(before) or before.lower_ in HONORIFICS


def _looks_like_name(span: SpacySpan) -> bool:
    tokens = [t for t in span if not t.is_punct and t.text not in _APOSTROPHES]
    return 1 <= len(tokens) <= 4 and all(
        (t.text[:1].isupper() or 0 < k < len(tokens) - 1 and is_surname_particle(t.text))
        and t.lower_ not in ORG_WORDS
        for k, t in enumerate(tokens)
    )


def _name_after(title: Token) -> SpacySpan | None:
    """A run of capitalised proper nouns right after a title word, outside any entity."""
    doc = title.doc
    i = title.i + 1
    end = i
    while (
        end < len(doc)
        and end - i < 3
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and doc[end].lower_ not in TITLE_WORDS
        and doc[end].lower_ not in ORG_WORDS
    ):
        if doc[end].ent_type_:
            return None
        end += 1
    return doc[i:end] if end > i else None


def _speaker_chain(token: Token) -> bool:
    """True for the last word of an untagged proper name that is the subject of a speech
    verb, or in apposition to it ("The head of the task force, Jan Ostrow, told ...")."""
    if (
        token.dep_ == "appos"
        and token.head.dep_ == "nsubj"
        and token.head.head.lemma_ in SPEECH_VERBS
        and token.i > 0
        and token.doc[token.i - 1].pos_ == "PROPN"
        and token.doc[token.i - 1].dep_ in {"compound", "flat"}
        and token.text[:1].isupper()
        and token.lower_ not in ORG_WORDS
        and token.lower_ not in TITLE_WORDS
    ):
        return True
    return (
        token.dep_ == "nsubj"
        and token.head.lemma_ in SPEECH_VERBS
        and token.text[:1].isupper()
        and token.lower_ not in ORG_WORDS
        and token.lower_ not in TITLE_WORDS
        and token.i > token.sent.start
        and token.doc[token.i - 1].lower_ not in {"of", "for", "at", "from", "with", "the"}
    )


def _compound_chain(token: Token) -> SpacySpan:
    """The token with the proper nouns compounded onto it ("Jane" + "Doe")."""
    start = token.i
    while (
        start > 0
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].dep_ in {"compound", "flat"}
        and not token.doc[start - 1].ent_type_
    ):
        start -= 1
    return token.doc[start : token.i + 1]


def _trimmed(kind: str, span: SpacySpan, offset: int, source_id: str) -> Mention | None:
    """The mention without a leading "the", titles (for people) or a trailing possessive."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
        tokens.pop(0)
    if kind == PERSON:
        while len(tokens) > 1 and (
            tokens[0].lower_ in HONORIFICS or is_role_word(tokens[0]) or tokens[0].is_punct
        ):
            tokens.pop(0)  # "Superintendent Jennifer McCormick", "Lt. Col. Vindman"
        while tokens and tokens[0].text in _APOSTROPHES:
            tokens.pop(0)  # "’s Haqqani": a possessive the model took into the name
        cut = next((k for k, t in enumerate(tokens) if k and t.text in _APOSTROPHES), None)
        if cut is not None:
            tokens = tokens[:cut]  # "Holcomb’s 2016": the name ends at its possessive
    while tokens and (tokens[-1].text in _APOSTROPHES or tokens[-1].is_punct):
        tokens.pop()
    while kind == PLACE and len(tokens) > 1 and tokens[-1].lower_ in _KIND_OF_PLACE:
        tokens.pop()  # "the Kelby city council": the place is Kelby
    if not tokens:
        return None
    doc = span.doc
    start_char, end_char = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    for suffix in _APOSTROPHES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            end_char -= len(suffix)
            break
    text = " ".join(text.split())
    if not text or not any(c.isalpha() for c in text):
        return None
    return Mention(
        kind,
        offset + start_char,
        offset + end_char,
        text,
        doc[tokens[0].i : tokens[-1].i + 1],
        source_id,
    )


def _titled(mention: Mention) -> bool:
    """True when a title or honorific stands right before a person mention ("President
    Trump"): strong evidence that the name is a person wherever else it occurs."""
    tokens = mention.tokens
    if tokens.start == 0:
        return False
    before = tokens.doc[tokens.start - 1]
    return before.text[:1].isupper() and (
        before.lower_ in HONORIFICS or before.lower_ in TITLE_WORDS
    )


def _repair_by_names(mentions: list[Mention]) -> None:
    """Mentions equal to a known person's surname or full name become people; a one-word
    name labelled both ways takes its most frequent kind."""
    full_names = {m.text.lower() for m in mentions if m.kind == PERSON and " " in m.text}
    full_names |= {m.text.lower() for m in mentions if m.kind == PERSON and _titled(m)}
    surnames = {n.split()[-1] for n in full_names} | {
        tail for n in full_names if (tail := surname_with_particle(n))
    }
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        votes.setdefault(mention.text.lower(), Counter())[mention.kind] += 1
    for mention in mentions:
        low = mention.text.lower()
        if mention.kind != PERSON and (
            low in full_names
            or (low in surnames and votes[low][PLACE] <= votes[low][PERSON] + votes[low][ORG])
        ):
            mention.kind = PERSON
        elif " " not in low and low not in surnames:
            kind, count = votes[low].most_common(1)[0]
            if count > votes[low][mention.kind]:
                mention.kind = kind


# Dependencies of a lone proper noun that stands for a whole name, not a modifier of
# another word ("Rowe held talks", "talks with Rowe"; not "the Rowe plan").
_NAME_ROLES = words("nsubj nsubjpass dobj pobj poss conj appos attr dative")


def _add_bare_surnames(parsed: Parsed, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with the lone surnames of people named in full that the model left
    unlabelled ("Tim Rowe said ... Rowe held talks ..."), in text order."""
    surnames = {
        m.text.split()[-1]
        for m in mentions
        if m.kind == PERSON and " " in m.text and m.text.split()[-1][:1].isupper()
    }
    if not surnames:
        return mentions
    taken = {(m.start, m.end) for m in mentions}
    inside = [(m.start, m.end) for m in mentions]
    added: list[Mention] = []
    for offset, token in parsed.tokens():
        if (
            token.ent_type_ == ""
            and token.text in surnames
            and token.pos_ == "PROPN"
            and token.dep_ in _NAME_ROLES
        ):
            start = offset + token.idx
            end = start + len(token.text)
            if (start, end) in taken or any(a <= start < b for a, b in inside):
                continue
            mention = _trimmed(PERSON, token.doc[token.i : token.i + 1], offset, parsed.source.id)
            if mention is not None:
                added.append(mention)
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.start)


# Words of an office's field, not of a name: "Director of National Security", "Deputy
# Director of Public Prosecution", "Minister for Foreign Affairs".
_FIELD_WORDS = words(
    """
    national public foreign home interior defense defence finance trade commerce energy
    health labor labour education agriculture transport intelligence state justice
    treasury economy environment culture science industry development human rights
    democracy diplomacy policy hemisphere western eastern northern southern
    """
)
_FIELD_ENDINGS = (
    "tion", "tions", "sion", "ity", "ment", "ance", "ence", "ics", "airs", "ure", "ations"
)


def is_field_word(token: Token) -> bool:
    """True for a word of an office's field ("National", "Security", "Affairs"), not of a name."""
    low = token.lower_
    return (
        low in ORG_WORDS
        or low in TITLE_WORDS
        or low in _FIELD_WORDS
        or low.endswith(_FIELD_ENDINGS)
        or not token.text[:1].isupper()
    )


def _name_after_field(title: Token) -> SpacySpan | None:
    """The person's name closing "<title> of <field> <First Last>" ("Director of National
    Security Min-ho Lee", "Deputy Director of Public Prosecution Eva-Marie Persson"), or
    None when the phrase after the title has no such name."""
    doc = title.doc
    if title.i + 2 >= len(doc) or doc[title.i + 1].lower_ not in {"of", "for"}:
        return None
    prep = doc[title.i + 1]
    objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
    if not objects or objects[0].ent_type_ in {"GPE", "NORP", "LOC"}:
        return None
    if is_field_word(objects[0]) and all(is_field_word(t) for t in doc[prep.i + 1 : objects[0].i]):
        # "Minister of Trade Lucas Ferren": the model often makes the name the head and
        # "Trade" the whole object of "of"; the name is then the run of words after it.
        run = _name_run_after(objects[0])
        if run is not None:
            return run
    last = objects[0]
    first_field = prep.i + 1
    phrase = doc[first_field : last.i + 1]
    if any(not (t.pos_ == "PROPN" or t.text == "-" or t.is_alpha) for t in phrase):
        return None
    start = last.i
    count = 0
    i = last.i
    while i > first_field and count < 3:
        token = doc[i]
        if is_field_word(token) and not (i > 0 and doc[i - 1].text == "-"):
            break
        count += 1
        start = i
        i -= 1
        if doc[start].text != "-" and i > first_field and doc[i].text == "-":
            start = i - 1  # "Min-ho": one word with its hyphen
            i -= 2
    if start == first_field or count < 2 or is_field_word(doc[start]):
        return None
    if not all(is_field_word(t) for t in doc[first_field:start]):
        return None
    return doc[start : last.i + 1]


def _name_run_after(field: Token) -> SpacySpan | None:
    """The two or three capitalised proper nouns, none a field word or an acronym, that
    follow the field starting at ``field`` and end a noun phrase: "Lucas Ferren" after
    "Minister of Trade", "Jan Hollis" after "Minister of Trade and Industry"."""
    doc = field.doc
    start = field.i + 1
    while start < len(doc) and start - field.i <= 4 and is_field_word(doc[start]):
        start += 1  # "Minister of Trade and Industry"
    end = start
    while (
        end < len(doc)
        and end - start < 4
        and doc[end].pos_ == "PROPN"
        and doc[end].text[:1].isupper()
        and not doc[end].text.isupper()
        and doc[end].ent_type_ not in {"GPE", "NORP", "LOC", "DATE"}
        and not is_field_word(doc[end])
    ):
        end += 1
    if not 2 <= end - start <= 3:
        return None
    if end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        return None  # the run goes on into words that are no name
    return doc[start:end]
