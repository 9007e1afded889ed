"""Role phrases: the role and organisation found around a name, and the organisation
named inside a phrase."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from briefgen.extract.lexicon import TITLE_WORDS, canonical_name

APOSTROPHES = ("'s", "\u2019s", "'", "\u2019")
JOINERS = {"of", "for", "and", "&", "on", "at", "to"}


@dataclass
class RoleInfo:
    """A role and organisation found around one mention."""

    role: str | None = None
    organization: str | None = None
    sure: float = 0.0


def org_in(tokens: list[Token]) -> tuple[list[Token], str] | None:
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
    name = canonical_name(phrase_text(run))
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


def phrase_text(tokens: list[Token]) -> str:
    """The source text covered by ``tokens`` (which are contiguous)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())
