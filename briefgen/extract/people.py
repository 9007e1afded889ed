"""People: every named person once, with the role and organisation the text gives them."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.entities import PERSON, Mention
from briefgen.extract.lexicon import HONORIFICS, TITLE_WORDS, canonical_name, name_key
from briefgen.model import Person

_APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
_JOINERS = {"of", "for", "and", "&", "on", "at", "to"}
_STOP_AFTER = {",", ".", ";", ":", ")", "(", '"', "\u201c", "\u201d", "--", "\u2014", "\u2013"}
_GROUP_NOUNS = {
    "delegation",
    "team",
    "talks",
    "mission",
    "group",
    "committee",
    "panel",
    "side",
    "negotiators",
    "session",
    "meeting",
    "visit",
    "party",
    "campaign",
}
_LEAD_VERBS = {"lead", "head", "chair"}


@dataclass
class RoleInfo:
    """A role and organisation found around one mention."""

    role: str | None = None
    organization: str | None = None


def build_people(mentions: list[Mention]) -> list[Person]:
    """One Person per named individual, surname-only mentions merged into the full name."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    roles: dict[int, list[RoleInfo]] = {}
    extra_roles: dict[int, list[str]] = {}
    for mention in (m for m in mentions if m.kind == PERSON):
        key = name_key(mention.text)
        if not key:
            continue
        person = by_key.get(key) or _match_partial(key, people)
        if person is None:
            person = Person(name=_display_name(mention.text))
            people.append(person)
            by_key[key] = person
        elif " " in key and " " not in name_key(person.name):
            person.name = _display_name(mention.text)
            by_key[key] = person
        person.spans.append(mention.evidence())
        roles.setdefault(id(person), []).append(role_of(mention.tokens))
        led = led_group(mention.tokens)
        if led:
            extra_roles.setdefault(id(person), []).append(led)
    for person in people:
        found = [r for r in roles.get(id(person), []) if r.role or r.organization]
        person.role = next((r.role for r in found if r.role), None)
        person.organization = next((r.organization for r in found if r.organization), None)
        for led in extra_roles.get(id(person), []):
            person.role = led if person.role is None else f"{person.role}, {led}"
            break
    return people


def _display_name(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in HONORIFICS:
        words.pop(0)
    return " ".join(words) or text


def _match_partial(key: str, people: list[Person]) -> Person | None:
    """The known person a partial name ("Solberg", "Anika") refers to, latest first."""
    words = key.split()
    for person in reversed(people):
        known = name_key(person.name).split()
        if not known:
            continue
        if len(words) == 1 and words[0] in (known[-1], known[0]):
            return person
        if len(known) == 1 and known[0] == words[-1]:
            return person
        if len(words) > 1 and words[0] == known[0] and words[-1] == known[-1]:
            return person
    return None


def role_of(name: SpacySpan) -> RoleInfo:
    """The role and organisation written next to one name mention, if any."""
    info = _title_before(name)
    after = _apposition_after(name)
    if after.role:
        info.role = after.role if info.role is None else f"{info.role}, {after.role}"
    info.organization = info.organization or after.organization
    if info.role is None:
        before = _apposition_before(name)
        info.role, info.organization = before.role, info.organization or before.organization
    return info


def _is_title_word(token: Token) -> bool:
    return token.lower_ in TITLE_WORDS and token.lower_ not in HONORIFICS


_ROLE_ENDINGS = ("ist", "ian", "er", "or", "man", "woman", "person", "ant", "ent")
_NOT_ROLES = frozenset(
    {
        "member",
        "number",
        "order",
        "matter",
        "paper",
        "letter",
        "center",
        "percent",
        "event",
        "statement",
        "amount",
        "winter",
        "summer",
        "border",
    }
)


def _is_role_noun(token: Token) -> bool:
    """A noun naming what somebody does ("physicist", "teacher", "negotiator")."""
    low = token.lower_
    return token.pos_ == "NOUN" and low.endswith(_ROLE_ENDINGS) and low not in _NOT_ROLES


def _title_before(name: SpacySpan) -> RoleInfo:
    """ "Deputy Foreign Minister Anika Solberg", "Foreign Ministry spokesperson Mao Ning"."""
    doc = name.doc
    i = name.start - 1
    sent_start = name.sent.start
    while i >= sent_start:
        token = doc[i]
        capital = token.text[:1].isupper()
        if token.ent_type_ == "PERSON":
            break  # another person's name: "Prime Minister X and President Y"
        if token.lower_ in HONORIFICS:
            i -= 1
            continue
        if (
            token.text == "-"
            and i > sent_start
            and doc[i - 1].text[:1].isupper()
            and doc[i + 1].text[:1].isupper()
        ):
            i -= 1  # "Secretary-General"
            continue
        if (
            not capital
            and token.pos_ in {"NOUN", "ADJ"}
            and token.dep_ in {"compound", "amod"}
            and i + 1 < name.start
            and token.head.i < name.start
            and token.head.i > i
        ):
            i -= 1  # "foreign policy chief"
            continue
        if (
            capital
            and token.pos_ in {"PROPN", "NOUN", "ADJ"}
            or _is_title_word(token)
            or token.lower_ in _JOINERS
            and i > sent_start
            and doc[i - 1].text[:1].isupper()
            or token.text in _APOSTROPHES
            and i > sent_start
        ):
            i -= 1
        else:
            break
    tokens = [t for t in doc[i + 1 : name.start] if t.lower_ not in HONORIFICS]
    while tokens and (tokens[0].lower_ in _JOINERS or tokens[0].text in _APOSTROPHES):
        tokens.pop(0)
    if not any(_is_title_word(t) for t in tokens):
        return RoleInfo()
    org = _org_in(tokens)
    phrase = _text(tokens)
    if org is not None:
        org_tokens, org_name = org
        rest = [t for t in tokens if t.i > org_tokens[-1].i and t.text not in _APOSTROPHES]
        if rest and any(_is_title_word(t) for t in rest):
            return RoleInfo(_text(rest), org_name)
        return RoleInfo(phrase, org_name)
    return RoleInfo(phrase)


def _apposition_after(name: SpacySpan) -> RoleInfo:
    """ "Marta Lindqvist, a spokesperson for the Foreign Ministry," and "who teaches at ..."."""
    doc = name.doc
    i = name.end
    sent_end = name.sent.end
    if i >= sent_end or doc[i].text != ",":
        return RoleInfo()
    i += 1
    while i < sent_end and (doc[i].like_num or doc[i].text == ","):
        i += 1
    start = i
    while i < sent_end and doc[i].text not in _STOP_AFTER and i - start < 16:
        if i > start and doc[i].lower_ in {"who", "which", "that", "whose"}:
            break
        i += 1
    tokens = list(doc[start:i])
    if not tokens:
        return RoleInfo()
    if tokens[0].lower_ in {"who", "whose"}:
        org = _org_in(tokens)
        return RoleInfo(None, org[1] if org else None)
    if tokens[0].pos_ in {"VERB", "AUX"} or tokens[0].lower_ in {"which", "that"}:
        return RoleInfo()
    while tokens and tokens[0].lower_ in {"a", "an", "the"}:
        tokens.pop(0)
    if (
        not tokens
        or not any(_is_title_word(t) or _is_role_noun(t) for t in tokens)
        or any(t.pos_ in {"VERB", "AUX"} and t.tag_ != "VBN" for t in tokens)
    ):
        return RoleInfo()
    possessive = [k for k, t in enumerate(tokens) if t.text in _APOSTROPHES]
    if possessive and 0 < possessive[0] <= 4:
        k = possessive[0]
        role = _text(tokens[k + 1 :])
        if role:
            return RoleInfo(role, canonical_name(_text(tokens[:k])) or None)
    org = _org_in(tokens)
    if org is not None:
        org_tokens, org_name = org
        if org_tokens[-1].i >= tokens[-1].i - 1:
            head = [t for t in tokens if t.i < org_tokens[0].i]
            while head and (head[-1].lower_ in _JOINERS or head[-1].lower_ == "the"):
                head.pop()
            if head:
                return RoleInfo(_text(head), org_name)
        return RoleInfo(_text(tokens), org_name)
    return _role_of_named(tokens)


def _role_of_named(tokens: list[Token]) -> RoleInfo:
    """ "founder of Harbour Watch": a role, a preposition, then a capitalised name."""
    for k, token in enumerate(tokens[1:], start=1):
        if token.lower_ in {"of", "for", "at"}:
            rest = tokens[k + 1 :]
            while rest and rest[0].lower_ == "the":
                rest = rest[1:]
            if rest and all(t.text[:1].isupper() or t.lower_ in _JOINERS for t in rest):
                return RoleInfo(_text(tokens[:k]), canonical_name(_text(rest)))
            break
    return RoleInfo(_text(tokens))


def _apposition_before(name: SpacySpan) -> RoleInfo:
    """ "Estrava's foreign minister, Leona Castel, ..."."""
    doc = name.doc
    i = name.start - 1
    sent_start = name.sent.start
    if i <= sent_start or doc[i].text != ",":
        return RoleInfo()
    end = i
    i -= 1
    while (
        i >= sent_start
        and end - i <= 8
        and doc[i].text not in _STOP_AFTER
        and doc[i].pos_ not in {"VERB", "AUX"}
    ):
        i -= 1
    tokens = list(doc[i + 1 : end])
    while tokens and tokens[0].lower_ in {"a", "an", "the"}:
        tokens.pop(0)
    if (
        not tokens
        or not _is_title_word(tokens[-1])
        and not any(_is_title_word(t) for t in tokens[-2:])
    ):
        return RoleInfo()
    possessive = [k for k, t in enumerate(tokens) if t.text in _APOSTROPHES]
    if possessive:
        k = possessive[-1]
        owner = canonical_name(_text(tokens[:k]))
        role = _text(tokens[k + 1 :])
        return RoleInfo(role or None, owner or None)
    org = _org_in(tokens)
    return RoleInfo(_text(tokens), org[1] if org else None)


def led_group(name: SpacySpan) -> str | None:
    """ "The Norvalian delegation was led by <name>" gives "head of the Norvalian delegation"."""
    root = name.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "by" or prep.head.lemma_ not in _LEAD_VERBS:
        return None
    verb = prep.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    if subject is None or subject.lemma_.lower() not in _GROUP_NOUNS:
        return None
    words = [t for t in subject.subtree if t.dep_ != "det" and not t.is_punct]
    if not words or len(words) > 6:
        return None
    return "head of the " + _text(words)


def _org_in(tokens: list[Token]) -> tuple[list[Token], str] | None:
    """The first organisation entity inside ``tokens`` and its canonical name."""
    run: list[Token] = []
    for token in tokens:
        if token.ent_type_ == "ORG" and not (token.ent_iob_ == "B" and _title_only(token)):
            if run and token.ent_iob_ == "B":
                break
            run.append(token)
        elif run:
            break
    if not run:
        return None
    name = canonical_name(_text(run))
    return (run, name) if name else None


def _title_only(token: Token) -> bool:
    """True when the organisation entity starting at ``token`` is only title words ("State")."""
    doc = token.doc
    end = token.i
    while (
        end < len(doc)
        and doc[end].ent_type_ == "ORG"
        and (end == token.i or doc[end].ent_iob_ == "I")
    ):
        end += 1
    return all(t.lower_ in TITLE_WORDS for t in doc[token.i : end] if t.is_alpha)


def _text(tokens: list[Token]) -> str:
    """The source text covered by ``tokens`` (which are contiguous)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())
