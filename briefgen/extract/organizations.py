"""Organisations and places: deduplicated under canonical names, every mention kept as evidence."""

from __future__ import annotations

from briefgen.extract.entities import ORG, PLACE, Mention, is_field_word
from briefgen.extract.lexicon import ORG_WORDS, canonical_name, words
from briefgen.extract.role_words import is_role_word
from briefgen.model import Organization, Person, Place, Span
from briefgen.text.normalise import entity_key as _key


def _group(
    mentions: list[Mention], kind: str, exclude: set[str]
) -> list[tuple[str, list[Mention]]]:
    groups: dict[str, tuple[str, list[Mention]]] = {}
    for mention in mentions:
        if mention.kind != kind or kind == ORG and _field_of_a_title(mention):
            continue
        name = canonical_name(mention.text)
        key = _key(name)
        if not key or key in exclude:
            continue
        if key not in groups:
            groups[key] = (name, [])
        groups[key][1].append(mention)
    return list(groups.values())


def _field_of_a_title(mention: Mention) -> bool:
    """True for an "organisation" that is the field of a title ("National Security" of
    "National Security Advisor", "State for Democracy" of "Secretary of State for
    Democracy") or the whole title ("National Security Advisor"): no word of it names a
    body."""
    tokens = mention.tokens
    doc = tokens.doc
    if not all(is_field_word(t) for t in tokens) or any(t.lower_ in ORG_WORDS for t in tokens):
        return False
    if len(tokens) > 1 and tokens.end < len(doc) and is_role_word(doc[tokens.end]):
        return True  # "National Security" of "National Security Advisor"
    if len(tokens) > 1 and is_role_word(tokens[-1]):
        return True  # "National Security Advisor" itself, the whole title tagged as one
    # "State for Democracy, Human Rights" of "Secretary of State for Democracy, ...".
    before = doc[tokens.start - 1] if tokens.start > 0 else None
    return (
        before is not None
        and before.lower_ in {"of", "for"}
        and tokens.start > 1
        and is_role_word(doc[tokens.start - 2])
    )


# Words a headline capitalises before a name without being part of it: "Key Security
# Council members".
_LEADING_ADJECTIVES = words(
    "key top major senior leading main several many other some various powerful influential"
)
# Small words an acronym leaves out: "ICC" for "International Criminal Court".
_ACRONYM_SKIPS = words("of the and for on in")


def _without_leading_adjective(name: str) -> str:
    """ "Key Security Council" -> "Security Council"; a name of one word stays."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in _LEADING_ADJECTIVES else name


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _ACRONYM_SKIPS).upper()


def _short_form_of(short: str, names: list[str]) -> str | None:
    """The one longer name ``short`` stands for: its acronym ("UN", "U.N." for "United
    Nations") or its last words ("Assembly" for "United Nations General Assembly")."""
    letters = short.replace(".", "")
    found: list[str] = []
    for name in names:
        if name == short or " " not in name:
            continue
        acronym = letters.isupper() and 2 <= len(letters) <= 6 and _initials(name) == letters
        if acronym or name.endswith(" " + short) and short[:1].isupper():
            found.append(name)
    return found[0] if len(found) == 1 else None


def build_organizations(mentions: list[Mention], people: list[Person]) -> list[Organization]:
    """One Organization per canonical name ("the Foreign Ministry's" -> "Foreign Ministry"),
    an acronym or a name's last words joined to the full name the text gives ("UN" to
    "United Nations", "Assembly" to "United Nations General Assembly")."""
    exclude = {_key(p.name) for p in people} | {_key(p.name.split()[-1]) for p in people}
    groups: dict[str, list[Mention]] = {}
    for name, group in _group(mentions, ORG, exclude):
        groups.setdefault(_without_leading_adjective(name), []).extend(group)
    names = list(groups)
    longer = {short: full for short in names if (full := _short_form_of(short, names))}
    for short in names:
        full = longer.get(short)
        while full in longer:  # "EU" -> "European Union" -> "Council of the European Union"
            full = longer[full]
        if full is not None:
            groups[full].extend(groups.pop(short))
    return [
        Organization(name=name, spans=sorted((m.evidence() for m in group), key=_order))
        for name, group in groups.items()
    ]


def _order(span: Span) -> tuple[str, int]:
    return span.source, span.start


def build_places(mentions: list[Mention], people: list[Person]) -> list[Place]:
    """One Place per canonical name, in order of first mention."""
    exclude = {_key(p.name) for p in people}
    return [
        Place(name=name, spans=[m.evidence() for m in group])
        for name, group in _group(mentions, PLACE, exclude)
    ]
