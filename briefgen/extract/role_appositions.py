"""Roles in appositions: "Jane Doe, the mayor of X," after a name and "the mayor of X,
Jane Doe" before it, split into the role and the organisation it belongs to."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import HONORIFICS, ORG_WORDS, canonical_name
from briefgen.extract.role_phrases import APOSTROPHES, JOINERS, RoleInfo, org_in, phrase_text
from briefgen.extract.role_words import PORTFOLIO_HOLDERS, is_role_word

_STOP_AFTER = {",", ".", ";", ":", ")", "(", '"', "\u201c", "\u201d", "--", "\u2014", "\u2013"}
_LEADING_WORDS = {"a", "an", "the", "another", "both", "also", "two", "three", "all"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def apposition_after(name: SpacySpan) -> RoleInfo:
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
        org = org_in(tokens)
        return _office_held(tokens) or RoleInfo(None, org[1] if org else None)
    if tokens[0].pos_ in {"VERB", "AUX", "CCONJ"} or tokens[0].lower_ in {"which", "that"}:
        return RoleInfo()  # ", and the other side by ...": a new clause, not a role
    while tokens and tokens[0].lower_ in _LEADING_WORDS:
        tokens.pop(0)
    if (
        not tokens
        or not any(is_role_word(t) for t in tokens)
        or any(t.tag_ in _FINITE_TAGS or t.dep_ == "ROOT" for t in tokens)
    ):
        return RoleInfo()
    return _split_owner(tokens)


# "who chairs the river commission": the verb of holding an office, and the office's name.
_HOLDING_VERBS = {
    "chair": "chair",
    "head": "head",
    "lead": "leader",
    "direct": "director",
    "run": "head",
    "command": "commander",
    "manage": "manager",
}


# What one holds an office of: a body ("the river commission", "the agency") or a firm.
_OFFICE_NOUNS = ORG_WORDS | {"delegation", "team", "firm", "business", "unit", "division"}


def _office_held(tokens: list[Token]) -> RoleInfo | None:
    """ "who chairs the river commission" (in the present: "who headed" was an office once)
    as the role "chair of the river commission", organisation the body if it is one."""
    if len(tokens) < 3 or tokens[1].tag_ != "VBZ" or tokens[1].lemma_ not in _HOLDING_VERBS:
        return None
    body = [t for t in tokens[2:] if t.head == tokens[1] and t.dep_ == "dobj"]
    if not body or not (body[0].lower_ in _OFFICE_NOUNS or body[0].ent_type_ == "ORG"):
        return None  # "who runs a marathon" holds no office
    office = list(body[0].doc[body[0].left_edge.i : body[0].right_edge.i + 1])
    office = [t for t in office if t.i < tokens[-1].i + 1]
    org = org_in(office)
    role = f"{_HOLDING_VERBS[tokens[1].lemma_]} of {phrase_text(office)}"
    return RoleInfo(role, org[1] if org else None)


def _split_owner(tokens: list[Token]) -> RoleInfo:
    """Role and organisation of a role phrase: "Poland's deputy minister of agriculture",
    "a spokesperson for the Norvalian Foreign Ministry", "Mr. Jackson's lawyer"."""
    possessive = [k for k, t in enumerate(tokens) if t.text in APOSTROPHES]
    if (
        possessive
        and 0 < possessive[0] <= 4
        and not any(is_role_word(t) for t in tokens[: possessive[0]])
    ):
        k = possessive[0]
        owner = tokens[:k]
        role = phrase_text(tokens[k + 1 :])
        if owner[0].lower_ in HONORIFICS or not owner[0].text[:1].isupper():
            return RoleInfo(phrase_text(tokens))  # "Mr. Hunter's lawyer", "the governor's aide"
        if role:
            return RoleInfo(role, canonical_name(phrase_text(owner)) or None)
    org = org_in(tokens)
    if org is not None and _formal_title(tokens):
        return RoleInfo(phrase_text(tokens))  # "Deputy Assistant Secretary of State for ..."
    if org is not None:
        org_tokens, org_name = org
        if org_tokens[-1].i >= tokens[-1].i - 1:
            head = [t for t in tokens if t.i < org_tokens[0].i]
            while head and (
                head[-1].lower_ in JOINERS
                or head[-1].lower_ == "the"
                or head[-1].text in APOSTROPHES
            ):
                head.pop()
            if head and any(is_role_word(t) for t in head):
                return RoleInfo(phrase_text(head), org_name)
        return RoleInfo(phrase_text(tokens), org_name)
    return _role_of_named(tokens)


def _formal_title(tokens: list[Token]) -> bool:
    """True for a title written in capitals throughout, joiners aside, that starts with a
    title word: one office, not a job at an organisation."""
    words = [t for t in tokens if t.is_alpha and t.lower_ not in JOINERS]
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
            if rest and all(t.text[:1].isupper() or t.lower_ in JOINERS for t in rest):
                if _portfolio(tokens[k - 1], rest):
                    break  # "Minister for the Environment": the office, no organisation
                return RoleInfo(phrase_text(tokens[:k]), canonical_name(phrase_text(rest)))
            break
    return RoleInfo(phrase_text(tokens))




def _portfolio(holder: Token, field: list[Token]) -> bool:
    """True when ``field`` is the portfolio of the office ``holder``: no place, body or
    organisation word in it."""
    return (
        holder.lower_ in PORTFOLIO_HOLDERS
        and not any(t.ent_type_ in {"GPE", "ORG", "NORP", "LOC"} for t in field)
        and not any(t.lower_ in ORG_WORDS for t in field)
    )


_APPOSITION_REACH = 14


def apposition_before(name: SpacySpan) -> RoleInfo:
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

