"""Roles: the title, apposition or shared title that gives one name mention its role and
organisation, and the group a person is said to lead."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.entities import is_field_word
from briefgen.extract.lexicon import HONORIFICS, ORG_WORDS, TITLE_WORDS, canonical_name
from briefgen.extract.name_fragments import is_country_stem
from briefgen.extract.role_appositions import apposition_after, apposition_before
from briefgen.extract.role_phrases import APOSTROPHES, JOINERS, RoleInfo, org_in, phrase_text
from briefgen.extract.role_words import is_role_word

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

# How sure a person's role is, by the evidence that gave it (the Person's ``confidence``).
SURE_TITLE = 0.9  # a title right before the name: "Deputy Foreign Minister Anika Solberg"
SURE_APPOSITION = 0.85  # an apposition: "Jane Doe, the mayor of X," / "the mayor, Jane Doe"
SURE_LED = 0.8  # "the delegation was led by Jane Doe"
SURE_SHARED = 0.7  # a role written once for several names: "Sens. Durbin and Feinstein"
SURE_NO_ROLE = 0.5  # no role found: the text may give one in a way not recognised


def role_of(name: SpacySpan) -> RoleInfo:
    """The role and organisation written next to one name mention, if any: a title before
    the name, an apposition before it ("the mayor of X, Jane Doe,") and one after it
    ("Jane Doe, the mayor of X,"), joined when the text gives several."""
    info = _title_before(name)
    if info.role:
        info.sure = SURE_TITLE
    for extra in (apposition_before(name), apposition_after(name)):
        if extra.role:
            info.role = extra.role if info.role is None else f"{info.role}, {extra.role}"
            info.sure = max(info.sure, SURE_APPOSITION)
        info.organization = info.organization or extra.organization
    if info.role is None:
        shared = _shared_with_conjuncts(name)
        info.role, info.organization = shared.role, info.organization or shared.organization
        info.sure = SURE_SHARED if shared.role else 0.0
    if info.role and info.organization is None:
        info.organization = _body_after(name) or _country_of_demonym(name, info.role)
    return info


def _country_of_demonym(name: SpacySpan, role: str) -> str | None:
    """The country a role opening with its adjective belongs to ("Estrian Foreign
    Minister"), when the text names that country ("Estria") somewhere."""
    first = role.split()[0]
    if not first[:1].isupper() or first.lower() in TITLE_WORDS:
        return None
    demonym = {first.lower()}
    for ent in name.doc.ents:
        if ent.label_ in {"GPE", "ORG"} and len(ent) <= 3 and is_country_stem(ent.text, demonym):
            return canonical_name(ent.text) or None
    return None


def _body_after(name: SpacySpan) -> str | None:
    """The country or body named right after a titled name: "President Park of the
    Republic of Korea", "Minister Lee of the Central Bank"."""
    doc = name.doc
    i = name.end
    if i + 1 >= name.sent.end or doc[i].lower_ != "of":
        return None
    i += 1
    if doc[i].lower_ == "the":
        i += 1
    if i >= len(doc) or doc[i].ent_type_ not in {"GPE", "ORG"} or doc[i].ent_iob_ == "I" and (
        doc[i - 1].ent_type_ != doc[i].ent_type_
    ):
        return None
    end = i
    while end < name.sent.end and doc[end].ent_type_ == doc[i].ent_type_:
        end += 1
        if end < len(doc) and doc[end].ent_iob_ == "B":
            break
    text = phrase_text(list(doc[i:end]))
    return canonical_name(text) or None


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
                return apposition_after(last)
    return RoleInfo()


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
    if token.text in APOSTROPHES:
        return i > sent_start
    if doc[i + 1].text == "-" and _glued(token, doc[i + 1]):
        return True  # "editor-in-chief", "vice-premier"
    if token.dep_ == "pobj" and token.head.lower_ in JOINERS and is_role_word(token.head.head):
        return True  # "chief of staff"
    if token.lower_ in JOINERS:
        before = doc[i - 1]
        return i > sent_start and (before.text[:1].isupper() or is_role_word(before))
    if token.lower_ == "the" and i > sent_start and doc[i - 1].lower_ in {"of", "for"}:
        return is_role_word(doc[i - 2]) if i - 1 > sent_start else False  # "Director of the CIA"
    head = token.head
    if head.i < i and head.lower_ not in JOINERS and not head.text[:1].isupper():
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
    "Wal-Mart lawyer Theodore Boutrous", "the president's lawyer Rudy Giuliani",
    "Germany's Defence Minister Karl Weber" (the country is the organisation)."""
    doc = name.doc
    i = name.start - 1
    sent_start = name.sent.start
    while i >= sent_start:
        token = doc[i]
        if (
            token.ent_type_ == "PERSON"
            and not is_role_word(token)
            and token.lower_ not in HONORIFICS
            and doc[i + 1].text not in APOSTROPHES
        ):
            break  # another person's name: "Prime Minister X and President Y"
        if not _in_title(token, name):
            break
        i -= 1
    tokens = [t for t in doc[i + 1 : name.start] if t.lower_ not in HONORIFICS]
    while tokens and (
        tokens[0].lower_ in JOINERS or tokens[0].text in APOSTROPHES or tokens[0].is_punct
    ):
        tokens.pop(0)
    while len(tokens) > 2 and _heads_a_title(tokens):
        tokens = tokens[2:]  # "Readout of President X's Meeting": the title is "President"
    tokens = _after_another_holders_body(tokens)
    if not any(is_role_word(t) for t in tokens) or tokens[-1].lower_ in JOINERS:
        return RoleInfo()  # "a spokeswoman for Mr. Fishman": Fishman is no spokeswoman
    owned = _country_owned(tokens)
    if owned is not None:
        return owned
    org = org_in(tokens)
    phrase = phrase_text(tokens)
    if org is not None:
        org_tokens, org_name = org
        if is_role_word(org_tokens[-1]) and len(org_tokens) > 1:
            # A title tagged with the organisation: "National Security Advisor" is one
            # title, no body; "European Commission President" a body, then its title.
            if _names_a_field(org_tokens):
                return RoleInfo(phrase)
            while len(org_tokens) > 1 and is_role_word(org_tokens[-1]):
                org_tokens = org_tokens[:-1]
            org_name = canonical_name(phrase_text(org_tokens)) or org_name
        rest = [t for t in tokens if t.i > org_tokens[-1].i and t.text not in APOSTROPHES]
        if len(rest) == 1 and rest[0].text[:1].isupper() and _one_field_word(org_tokens):
            # "Estmark's Interior Minister": the field is no body; the country owning it is
            return RoleInfo(phrase, _owner_before(tokens, org_tokens[0]))
        if len(rest) == 1 and rest[0].text[:1].isupper() and len(org_tokens) == 1:
            return RoleInfo(phrase, org_name)  # "Emirates President"
        if rest and _names_a_field(org_tokens) and is_role_word(rest[0]):
            return RoleInfo(phrase)  # "National Security Advisor": one title, no body
        before = [t for t in tokens if t.i < org_tokens[0].i]
        if (
            not rest
            and (_names_a_field(org_tokens) or _one_field_word(org_tokens))
            and len(before) >= 2
            and before[-1].lower_ in {"of", "for"}
            and is_role_word(before[-2])
        ):
            # "Director of National Security", "Minister of Trade": the field, no body
            return RoleInfo(phrase)
        if rest and any(is_role_word(t) for t in rest):
            return RoleInfo(phrase_text(rest), org_name)
        return RoleInfo(phrase, org_name)
    return RoleInfo(phrase)


def _country_owned(tokens: list[Token]) -> RoleInfo | None:
    """ "Germany's Defence Minister": a title after a country's possessive is the title of
    that country's office; the country is the organisation, whatever the model tags in the
    title ("Defence" as an organisation). Not when the title names a body of its own
    ("Germany's Foreign Ministry spokesperson"): that body is the organisation."""
    end = 0
    while end < len(tokens) and tokens[end].ent_type_ == "GPE":
        end += 1
    if end == 0 or end + 1 >= len(tokens) or tokens[end].text not in APOSTROPHES:
        return None
    country = canonical_name(phrase_text(tokens[:end]))
    title = tokens[end + 1 :]
    if not country or not any(is_role_word(t) for t in title):
        return None
    if any(t.lower_ in ORG_WORDS for t in title):
        return None
    return RoleInfo(phrase_text(title), country)


def _after_another_holders_body(tokens: list[Token]) -> list[Token]:
    """The title words after "<place or body> and" ("President A of Valdora and President
    B": B's title is "President", not "Valdora and President"): the words before "and"
    name the body of the person named before."""
    for k in range(len(tokens) - 2, 0, -1):
        if (
            tokens[k].lower_ == "and"
            and tokens[k - 1].ent_type_ in {"GPE", "ORG", "NORP", "LOC"}
            and is_role_word(tokens[k + 1])
        ):
            return tokens[k + 1 :]
    return tokens


def _heads_a_title(tokens: list[Token]) -> bool:
    """True for a word that is no role, then "of", then a title ("Readout of President")."""
    return (
        not is_role_word(tokens[0])
        and tokens[0].ent_type_ != "ORG"
        and tokens[1].lower_ == "of"
        and is_role_word(tokens[2])
    )


def _owner_before(tokens: list[Token], field: Token) -> str | None:
    """The country or body named with a possessive before a title's field ("Estmark" of
    "Estmark's Interior Minister"), else None."""
    owners = [
        t
        for t in tokens
        if t.i < field.i
        and t.ent_type_ in {"GPE", "ORG", "NORP"}
        and t.i + 1 < len(t.doc)
        and t.doc[t.i + 1].text in APOSTROPHES
    ]
    return canonical_name(owners[-1].text) or None if owners else None


def _one_field_word(tokens: list[Token]) -> bool:
    """True for a one-word "organisation" that is an office's field ("Trade" of "Minister
    of Trade"), not a body's name."""
    return len(tokens) == 1 and is_field_word(tokens[0]) and tokens[0].lower_ not in ORG_WORDS


def _names_a_field(tokens: list[Token]) -> bool:
    """True for an "organisation" of several words none of which names a body ("National
    Security" of "National Security Advisor"): a field of the title, not an employer."""
    return len(tokens) > 1 and not any(t.lower_ in ORG_WORDS for t in tokens)


def led_group(name: SpacySpan) -> str | None:
    """ "The Norvalian delegation was led by <name>" gives "head of the Norvalian delegation"."""
    words = _group_words(name)
    if not words:
        return None
    owned = any(t.text in APOSTROPHES for t in words)  # "head of Norland's delegation"
    return ("head of " if owned else "head of the ") + phrase_text(words)


def group_owner(name: SpacySpan) -> str | None:
    """The country or body whose group ``name`` is said to lead ("The Estria delegation was
    led by <name>", "Norland's delegation, led by <name>"): the leader's organisation,
    before any the words of the leader's title name ("Deputy Minister for the Environment
    and Water Resources" is no organisation of hers)."""
    words = _group_words(name)
    owner = [t for t in words if t.ent_type_ in {"GPE", "ORG"}]
    if not owner or any(t.i != owner[0].i + k for k, t in enumerate(owner)):
        return None
    return canonical_name(phrase_text(owner)) or None


def _group_words(name: SpacySpan) -> list[Token]:
    """The words naming the group ``name`` leads, without its article; [] for none."""
    root = name.root
    if root.dep_ == "appos":
        root = root.head  # "led by Deputy Minister for European Affairs, Anika Solberg"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "by" or prep.head.lemma_ not in _LEAD_VERBS:
        return []
    verb = prep.head
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _GROUP_NOUNS:
        subject: Token | None = verb.head  # "Norland's delegation, led by <name>,"
    else:
        subject = next((c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}), None)
    if subject is None or subject.lemma_.lower() not in _GROUP_NOUNS:
        return []
    words = [
        t for t in subject.subtree if t.i < verb.i and t.dep_ != "det" and not t.is_punct
    ]
    if not words or len(words) > 6:
        return []
    return words
