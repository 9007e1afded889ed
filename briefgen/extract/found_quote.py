"""A quotation as extraction finds it, and the scale of how sure its speaker is."""

from __future__ import annotations

from dataclasses import dataclass, field

# How sure a speaker is, by the evidence that gave it (the Quote's ``confidence``).
SURE_NAMED = 0.95  # a name is the subject of the speech verb: "..., Solberg said"
SURE_APPOSED = 0.9  # a description with the name beside it: "the envoy, Jane Doe, said"
SURE_LABEL = 0.9  # a transcript label, a dash credit, "Jane Doe said:" before the quote
SURE_PRONOUN_NEAR = 0.85  # "he said", the subject of this or the last sentence before
SURE_DESCRIBED = 0.8  # "the ministry said", "said a company spokesperson", "the EU said"
SURE_ROLE_NOUN = 0.75  # "the minister said" after "Minister Jane Doe"
SURE_ISSUER = 0.7  # "the statement said": whoever issued it
SURE_ORG_PRONOUN = 0.6  # "it said": the organisation named last
SURE_PRONOUN_FAR = 0.55  # "he said", a name further back, or not a subject
SURE_PLACE = 0.55  # a place as the speaker: "Washington had concluded" (who, in Washington?)
SURE_THING = 0.5  # a thing as the speaker: "the indictment says", "his comments"
SURE_GUESS = 0.4  # the person named last, the paragraph's person, the article's author
SURE_NONE = 0.2  # no speaker found: check who said it


@dataclass
class FoundQuote:
    """A quotation: its pieces (inner text offsets), text, speaker and the speaker's mention."""

    pieces: list[tuple[int, int]]
    text: str
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    role: str | None = None
    cue: tuple[int, int] | None = None
    inherited: bool = False
    quoted: list[tuple[int, int]] = field(default_factory=list)
    confidence: float | None = None
    heard: bool = False  # a speech verb stood next to it, even if not the speaker's

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

