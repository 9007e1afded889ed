"""People: every named person once, with the role and organisation the text gives them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.entities import ORG, PERSON, Mention
from briefgen.extract.lexicon import HONORIFICS, TITLE_WORDS, canonical_name, name_key
from briefgen.extract.role_words import is_role_word
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
    sure: float = 0.0


# How sure a person's role is, by the evidence that gave it (the Person's ``confidence``).
SURE_TITLE = 0.9  # a title right before the name: "Deputy Foreign Minister Anika Solberg"
SURE_APPOSITION = 0.85  # an apposition: "Jane Doe, the mayor of X," / "the mayor, Jane Doe"
SURE_LED = 0.8  # "the delegation was led by Jane Doe"
SURE_SHARED = 0.7  # a role written once for several names: "Sens. Durbin and Feinstein"
SURE_NO_ROLE = 0.5  # no role found: the text may give one in a way not recognised


def build_people(mentions: list[Mention]) -> list[Person]:
    """One Person per named individual, surname-only mentions merged into the full name."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    roles: dict[int, list[RoleInfo]] = {}
    extra_roles: dict[int, list[str]] = {}
    orgs = [m for m in mentions if m.kind == ORG]
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
        info = role_of(mention.tokens)
        if info.role and _COUNTERPART.match(info.role):
            info.role = _counterpart_of(info.role, mention, mentions, people)
        led = led_group(mention.tokens)
        if led:
            extra_roles.setdefault(id(person), []).append(led)
            if info.organization is None or info.organization in (info.role or ""):
                issuer = _issuing_org(mention, orgs, info.role or "")
                info.organization = issuer or info.organization
        roles.setdefault(id(person), []).append(info)
    for person in people:
        found = [r for r in roles.get(id(person), []) if r.role or r.organization]
        best = next((r for r in found if r.role), None)
        person.role = best.role if best else None
        person.confidence = best.sure if best else SURE_NO_ROLE
        person.organization = next((r.organization for r in found if r.organization), None)
        for led in extra_roles.get(id(person), []):
            person.role = led if person.role is None else f"{person.role}, {led}"
            person.confidence = max(person.confidence or 0.0, SURE_LED)
            break
    return people


_COUNTERPART = re.compile(r"^(?:his|her|their)\s+(?:(\S+)\s+)?counterparts?$", re.IGNORECASE)


def _counterpart_of(
    role: str, mention: Mention, mentions: list[Mention], people: list[Person]
) -> str:
    """ "his Chinese counterpart" becomes "Chinese counterpart of Defense Secretary Mark
    Esper": the person the possessive stands for is the one named before in the sentence."""
    match = _COUNTERPART.match(role)
    assert match is not None
    sent = mention.tokens.sent
    owner_mention = next(
        (
            m
            for m in reversed(mentions)
            if m.kind == PERSON
            and m.start < mention.start
            and m.tokens.doc is mention.tokens.doc
            and m.tokens.start >= sent.start
        ),
        None,
    )
    if owner_mention is None:
        return role.split(None, 1)[1]
    owner_key = name_key(owner_mention.text)
    owner = next(
        (p for p in people if name_key(p.name) == owner_key or _match_partial(owner_key, [p])),
        None,
    )
    title = f"{match.group(1)} counterpart" if match.group(1) else "counterpart"
    if owner is None:
        return f"{title} of {owner_mention.text}"
    owner_role = role_of(owner_mention.tokens).role
    return f"{title} of {owner_role + ' ' if owner_role else ''}{owner.name}"


def _issuing_org(mention: Mention, orgs: list[Mention], role: str) -> str | None:
    """The organisation named last before a delegation's leader, within two sentences:
    "The Foreign Ministry said in a statement ... The delegation was led by ..."."""
    sent = mention.tokens.sent
    doc = sent.doc
    first = sent.start
    for _ in range(2):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    earlier = [
        m for m in orgs
        if m.tokens.doc is doc
        and first <= m.tokens.start
        and m.start < mention.start
        and m.text not in role  # "Minister for European Affairs": part of her title
    ]
    return canonical_name(earlier[-1].text) if earlier else None


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
    """The role and organisation written next to one name mention, if any: a title before
    the name, an apposition before it ("the mayor of X, Jane Doe,") and one after it
    ("Jane Doe, the mayor of X,"), joined when the text gives several."""
    info = _title_before(name)
    if info.role:
        info.sure = SURE_TITLE
    for extra in (_apposition_before(name), _apposition_after(name)):
        if extra.role:
            info.role = extra.role if info.role is None else f"{info.role}, {extra.role}"
            info.sure = max(info.sure, SURE_APPOSITION)
        info.organization = info.organization or extra.organization
    if info.role is None:
        shared = _shared_with_conjuncts(name)
        info.role, info.organization = shared.role, info.organization or shared.organization
        info.sure = SURE_SHARED if shared.role else 0.0
    return info


_PLURAL_LEADS = {"both", "two", "three", "all"}


def _name_span(token: Token) -> SpacySpan:
    """The proper-noun chain a name's last word heads ("Dick" + "Durbin")."""
    start = token.i
    doc = token.doc
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in {
        "compound", "flat"
    }:
        start -= 1
    return doc[start : token.i + 1]


def _shared_with_conjuncts(name: SpacySpan) -> RoleInfo:
    """A role written once for several names: a plural title before the first ("Sens. Dick
    Durbin and Dianne Feinstein") or a plural apposition after the last ("Bill Baroni and
    David Wildstein, two senior officials at ...")."""
    root = name.root
    if root.dep_ == "conj" and root.head.pos_ == "PROPN":
        first = _title_before(_name_span(root.head))
        words = (first.role or "").split()
        if words and words[-1].rstrip(".").lower().endswith("s") and len(words) <= 3:
            return first
    later = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
    if later:
        last = _name_span(later[-1])
        doc = name.doc
        if last.end < len(doc) and doc[last.end].text == ",":
            after = last.end + 1
            if after < len(doc) and (
                doc[after].lower_ in _PLURAL_LEADS or doc[after].tag_ == "NNS"
            ):
                return _apposition_after(last)
    return RoleInfo()


_LEADING_WORDS = {"a", "an", "the", "another", "both", "also", "two", "three", "all"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_TITLE_MODIFIERS = {"former", "acting", "then", "interim", "outgoing", "incoming"}


def _glued(left: Token, right: Token) -> bool:
    """True when no space separates two neighbouring tokens ("Secretary-General", "Lt.")."""
    return left.i + 1 == right.i and not left.whitespace_


def _in_title(token: Token, name: SpacySpan) -> bool:
    """True when ``token``, just left of the title grown so far, still belongs to it."""
    doc = token.doc
    i = token.i
    sent_start = name.sent.start
    if token.lower_ in HONORIFICS or is_role_word(token) or token.lower_ in _TITLE_MODIFIERS:
        return True
    if token.text in {"-", "\u2010"}:
        return i > sent_start and _glued(doc[i - 1], token) and _glued(token, doc[i + 1])
    if token.text == ".":
        before = doc[i - 1]
        return (
            i > sent_start
            and _glued(before, token)
            and before.text[:1].isupper()
            and len(before) <= 4
        )  # "Lt. Col."
    if token.text in _APOSTROPHES:
        return i > sent_start
    if doc[i + 1].text == "-" and _glued(token, doc[i + 1]):
        return True  # "editor-in-chief", "vice-premier"
    if token.dep_ == "pobj" and token.head.lower_ in _JOINERS and is_role_word(token.head.head):
        return True  # "chief of staff"
    if token.lower_ in _JOINERS:
        before = doc[i - 1]
        return i > sent_start and (before.text[:1].isupper() or is_role_word(before))
    head = token.head
    if head.i < i and head.lower_ not in _JOINERS and not head.text[:1].isupper():
        return False  # the end of what came before: "between Trump and ..."
    if token.text[:1].isupper() and token.pos_ in {"PROPN", "NOUN", "ADJ"}:
        return True
    return (
        token.pos_ in {"NOUN", "ADJ", "PROPN"}
        and token.dep_ in {"compound", "amod", "poss", "npadvmod", "nmod"}
        and i < token.head.i < name.end
    )  # "high school math teacher", "the president's lawyer"


def _title_before(name: SpacySpan) -> RoleInfo:
    """ "Deputy Foreign Minister Anika Solberg", "Foreign Ministry spokesperson Mao Ning",
    "Wal-Mart lawyer Theodore Boutrous", "the president's lawyer Rudy Giuliani"."""
    doc = name.doc
    i = name.start - 1
    sent_start = name.sent.start
    while i >= sent_start:
        token = doc[i]
        if (
            token.ent_type_ == "PERSON"
            and not is_role_word(token)
            and token.lower_ not in HONORIFICS
            and doc[i + 1].text not in _APOSTROPHES
        ):
            break  # another person's name: "Prime Minister X and President Y"
        if not _in_title(token, name):
            break
        i -= 1
    tokens = [t for t in doc[i + 1 : name.start] if t.lower_ not in HONORIFICS]
    while tokens and (
        tokens[0].lower_ in _JOINERS or tokens[0].text in _APOSTROPHES or tokens[0].is_punct
    ):
        tokens.pop(0)
    if not any(is_role_word(t) for t in tokens) or tokens[-1].lower_ in _JOINERS:
        return RoleInfo()  # "a spokeswoman for Mr. Fishman": Fishman is no spokeswoman
    org = _org_in(tokens)
    phrase = _text(tokens)
    if org is not None:
        org_tokens, org_name = org
        rest = [t for t in tokens if t.i > org_tokens[-1].i and t.text not in _APOSTROPHES]
        if len(rest) == 1 and rest[0].text[:1].isupper() and len(org_tokens) == 1:
            return RoleInfo(phrase, org_name)  # "Defense Secretary", "Emirates President"
        if rest and any(is_role_word(t) for t in rest):
            return RoleInfo(_text(rest), org_name)
        return RoleInfo(phrase, org_name)
    return RoleInfo(phrase)


def _apposition_after(name: SpacySpan) -> RoleInfo:
    """ "Marta Lindqvist, a spokesperson for the Foreign Ministry," and "who teaches at ..."."""
    doc = name.doc
    i = name.end
    sent_end = name.sent.end
    if i + 1 < sent_end and doc[i].lower_ == "of" and doc[i + 1].ent_type_ in {"GPE", "LOC"}:
        i += 1  # "Representative Ed Royce of California, the retiring chairman of ..."
        while i < sent_end and doc[i].ent_type_ in {"GPE", "LOC"}:
            i += 1
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
    while tokens and tokens[0].lower_ in _LEADING_WORDS:
        tokens.pop(0)
    if (
        not tokens
        or not any(is_role_word(t) for t in tokens)
        or any(t.tag_ in _FINITE_TAGS or t.dep_ == "ROOT" for t in tokens)
    ):
        return RoleInfo()
    return _split_owner(tokens)


def _split_owner(tokens: list[Token]) -> RoleInfo:
    """Role and organisation of a role phrase: "Poland's deputy minister of agriculture",
    "a spokesperson for the Norvalian Foreign Ministry", "Mr. Jackson's lawyer"."""
    possessive = [k for k, t in enumerate(tokens) if t.text in _APOSTROPHES]
    if (
        possessive
        and 0 < possessive[0] <= 4
        and not any(is_role_word(t) for t in tokens[: possessive[0]])
    ):
        k = possessive[0]
        owner = tokens[:k]
        role = _text(tokens[k + 1 :])
        if owner[0].lower_ in HONORIFICS or not owner[0].text[:1].isupper():
            return RoleInfo(_text(tokens))  # "Mr. Hunter's lawyer", "the governor's aide"
        if role:
            return RoleInfo(role, canonical_name(_text(owner)) or None)
    org = _org_in(tokens)
    if org is not None and _formal_title(tokens):
        return RoleInfo(_text(tokens))  # "Deputy Assistant Secretary of State for ... Affairs"
    if org is not None:
        org_tokens, org_name = org
        if org_tokens[-1].i >= tokens[-1].i - 1:
            head = [t for t in tokens if t.i < org_tokens[0].i]
            while head and (
                head[-1].lower_ in _JOINERS
                or head[-1].lower_ == "the"
                or head[-1].text in _APOSTROPHES
            ):
                head.pop()
            if head and any(is_role_word(t) for t in head):
                return RoleInfo(_text(head), org_name)
        return RoleInfo(_text(tokens), org_name)
    return _role_of_named(tokens)


def _formal_title(tokens: list[Token]) -> bool:
    """True for a title written in capitals throughout, joiners aside, that starts with a
    title word: one office, not a job at an organisation."""
    words = [t for t in tokens if t.is_alpha and t.lower_ not in _JOINERS]
    return (
        len(words) >= 3
        and is_role_word(tokens[0])
        and all(t.text[:1].isupper() for t in words)
    )


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


_APPOSITION_REACH = 14


def _apposition_before(name: SpacySpan) -> RoleInfo:
    """ "Estrava's foreign minister, Leona Castel, ...", "the mayor of Hoboken, Dawn Zimmer",
    "led by Deputy Assistant Secretary of State for East Asian Affairs, Jane Doe"."""
    doc = name.doc
    comma = name.start - 1
    sent_start = name.sent.start
    while comma > sent_start and (
        is_role_word(doc[comma]) or doc[comma].lower_ in HONORIFICS
    ):
        comma -= 1  # "The chairman of the committee, Representative Trey Gowdy,"
    if comma <= sent_start or doc[comma].text != ",":
        return RoleInfo()
    floor = max(sent_start, comma - _APPOSITION_REACH)
    node = doc[comma - 1]
    role: Token | None = None
    for _ in range(8):
        if is_role_word(node):
            role = node
            break
        head = node.head
        if head is node or not floor <= head.i < comma:
            break
        node = head
    if role is None or not _names_each_other(role, name):
        return RoleInfo()
    left = max(floor, role.left_edge.i)
    tokens = list(doc[left:comma])
    while tokens and (tokens[0].lower_ in _LEADING_WORDS or tokens[0].is_punct):
        tokens.pop(0)
    if not tokens or any(t.tag_ in _FINITE_TAGS for t in tokens):
        return RoleInfo()
    return _split_owner(tokens)


def _names_each_other(role: Token, name: SpacySpan) -> bool:
    """True when a role phrase and the name after its comma are one apposition: the parse
    ties them, or the name is closed off by punctuation or "who" ("the mayor of Hoboken,
    Dawn Zimmer, said"), not the subject of a new clause ("After meeting the president,
    Jane Doe said")."""
    root = name.root
    if root.head.i == role.i or role.head.i == root.i:
        return True
    if root.dep_ == "appos" and role.left_edge.i <= root.head.i < name.start:
        return True
    doc = name.doc
    after = doc[name.end] if name.end < len(doc) else None
    return after is None or after.is_punct or after.lower_ in {"who", "whose"}


def led_group(name: SpacySpan) -> str | None:
    """ "The Norvalian delegation was led by <name>" gives "head of the Norvalian delegation"."""
    root = name.root
    if root.dep_ == "appos":
        root = root.head  # "led by Deputy Minister for European Affairs, Anika Solberg"
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
