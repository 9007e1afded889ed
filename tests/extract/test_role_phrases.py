"""Role phrases: the text of a run of tokens and the organisation named inside it."""

from __future__ import annotations

from briefgen.extract.role_phrases import org_in, phrase_text


def test_the_text_of_tokens_is_their_source_text_with_blanks_joined(nlp):
    doc = nlp("The chief of\nstaff spoke.")
    assert phrase_text(list(doc[1:5])) == "chief of staff"
    assert phrase_text([]) == ""


def test_the_organisation_inside_a_role_phrase(nlp):
    doc = nlp("She is a spokesperson for the United Nations in Geneva.")
    found = org_in(list(doc[3:]))
    assert found is not None
    tokens, name = found
    assert name == "United Nations"
    assert [t.text for t in tokens][-2:] == ["United", "Nations"]


def test_a_phrase_naming_no_organisation_has_none(nlp):
    doc = nlp("She is a teacher at the village school.")
    assert org_in(list(doc)) is None
