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
from briefgen.extract.parse import Parsed
from briefgen.model import Span

PERSON, ORG, PLACE = "PERSON", "ORG", "PLACE"
_LABELS = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE, "FAC": PLACE}
_REPAIRABLE = {"ORG", "PRODUCT", "WORK_OF_ART", "GPE", "NORP", "FAC", "LOC", "EVENT", "LAW"}
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ic", "ean")
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
        label = _LABELS.get(ent.label_)
        if label is None and ent.label_ in _REPAIRABLE:
            label = "OTHER"
        if label is not None:
            raw.append((label, ent, offset))
    for offset, token in parsed.tokens():
        if token.ent_type_ == "" and _is_title(token):
            chain = _name_after(token)
            if chain is not None and (offset, chain.start) not in covered:
                raw.append(("PERSON", chain, offset))
                covered.add((offset, chain.start))
    for offset, token in parsed.tokens():
        if token.ent_type_ == "" and token.pos_ == "PROPN" and _speaker_chain(token):
            chain = _compound_chain(token)
            if not any(o == offset and s.start <= token.i < s.end for _, s, o in raw):
                raw.append(("PERSON", chain, offset))
    raw.sort(key=lambda item: (item[2], item[1].start_char))

    mentions: list[Mention] = []
    dateline_end = parsed.dateline.end if parsed.dateline else 0
    place_start, place_end = parsed.dateline_place()
    for label, span, offset in raw:
        in_dateline = offset + span.end_char <= dateline_end
        if in_dateline:
            if not place_start <= offset + span.start_char < offset + span.end_char <= place_end:
                continue  # "Oct 2 (Lakeside Herald)": the date and agency, not a person
            label = PLACE  # "OSLO" or "HANOI, Vietnam": the model often calls it an org
        kind = _repair(label, span, demonyms)
        if kind is None:
            continue
        mention = _trimmed(kind, span, offset, parsed.source.id)
        if mention is not None:
            if mention.text.isupper() and in_dateline:
                mention.text = mention.text.title()  # "OSLO" is Oslo
            mentions.append(mention)
    _repair_by_names(mentions)
    return [m for m in mentions if m.kind in {PERSON, ORG, PLACE}]


def _repair(label: str, span: SpacySpan, demonyms: set[str]) -> str | None:
    """The kind a mention really is, or None to drop it."""
    words = [t.lower_ for t in span]
    if label == PERSON:
        if any(w in ORG_WORDS for w in words[1:]) and not _title_before(span):
            return ORG
        if len(span) == 1 and _is_country_stem(span.text, demonyms):
            return PLACE
        if len(span) == 1 and _of_a_role(span):
            return ORG
        if len(span) == 1 and _coordinated_with_place(span):
            return PLACE
        if not any(t.text[:1].isupper() for t in span):
            return None
        return PERSON
    if label == ORG and _place_of(span):
        return PLACE
    if label == "OTHER" or label in {ORG, PLACE}:
        if all(w in TITLE_WORDS or not w.isalpha() for w in words):
            return None
        if _title_before(span) and _looks_like_name(span):
            return PERSON
        lead = 0
        while lead < len(span) and (span[lead].lower_ in TITLE_WORDS | HONORIFICS):
            lead += 1
        if 0 < lead < len(span) and span[0].text[:1].isupper() and _looks_like_name(span[lead:]):
            return PERSON
        return None if label == "OTHER" else label
    return label


_PLACE_NOUNS = words(
    """
    port city town village region province capital county state island district harbour
    harbor suburb outskirts centre center streets coast
    """
)


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
    return token.lower_ in TITLE_WORDS and (
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
    return 1 <= len(tokens) <= 3 and all(
        t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in tokens
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
    """True for the last word of an untagged proper name that is the subject of a speech verb."""
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


def _is_country_stem(text: str, demonyms: set[str]) -> bool:
    """True when a demonym is this word plus an ending ("Estrava" -> "Estravan")."""
    low = text.lower()
    return any(low + ending in demonyms for ending in _DEMONYM_ENDINGS) or any(
        low[:-1] + ending in demonyms for ending in _DEMONYM_ENDINGS if low.endswith("a")
    )


def _coordinated_with_place(span: SpacySpan) -> bool:
    """True when a one-word "person" is coordinated with a place ("Norvalia and Estrava")."""
    token = span.root
    partners = [token.head] if token.dep_ == "conj" else []
    partners += [c for c in token.children if c.dep_ == "conj"]
    return any(p.ent_type_ in {"GPE", "LOC"} for p in partners)


def _trimmed(kind: str, span: SpacySpan, offset: int, source_id: str) -> Mention | None:
    """The mention without a leading "the", titles (for people) or a trailing possessive."""
    tokens = list(span)
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
        tokens.pop(0)
    if kind == PERSON:
        while tokens and (tokens[0].lower_ in TITLE_WORDS or tokens[0].lower_ in HONORIFICS):
            tokens.pop(0)
    while tokens and (tokens[-1].text in _APOSTROPHES or tokens[-1].is_punct):
        tokens.pop()
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


def _repair_by_names(mentions: list[Mention]) -> None:
    """Mentions equal to a known person's surname or full name become people; a one-word
    name labelled both ways takes its most frequent kind."""
    full_names = {m.text.lower() for m in mentions if m.kind == PERSON and " " in m.text}
    surnames = {n.split()[-1] for n in full_names}
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
