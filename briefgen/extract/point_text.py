"""A key point's own words: its sentence without the side clauses that add words, not facts.

A key point's span stays the whole sentence (the evidence); its text may leave out a
wire dateline ("MUNICH Major powers ..."), a leading connective or adverbial ("However,",
"In a statement,", "But"), "also", an attribution frame whose speaker is not named ("He
said (that) ...", "..., officials said.", "according to diplomats"), a participial opener
("Building on last year's talks, the two ministers ..."), an aside inside the subject
("Kerry, speaking to reporters after the meeting, said ..."), an apposition or a
non-restrictive relative clause between commas (", a former teacher,", ", which the
council welcomed"), a parenthesis, and a trailing participle (", noting the long ties
between the two countries"), when the clause names nothing the rest of the sentence does
not (no name, place, body, date or number): what is left is still a sentence of the
text's own words, in order, with every name and figure, its negation, main verb and
objects. Three cuts go whatever they name: a trailing participle or ", amid ..."
without a figure (it gives the setting, not a fact of the parties: ", noting the ties
between the United States and Ghana", ", amid the war in the region"), the earlier
offices of a long title list before a person's name (the People table holds roles:
"Politburo Member, Director of ..., and Foreign Minister Wang Yi" keeps "Foreign
Minister Wang Yi"), and a long ", including <amount> ..." tail that
breaks down an amount the sentence already gives. A whole title before a name an earlier
point gives goes too ("Vice President Harris" -> "Harris"). A sentence with a quotation
keeps all its words.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from briefgen.extract.fact_cues import ACT_VERBS
from briefgen.extract.lexicon import HONORIFICS
from briefgen.extract.parse import caps_dateline
from briefgen.extract.role_words import is_title_word

# A side clause is dropped only when it is at least this many words long (a short one
# costs little), and only when the sentence keeps at least KEEP_WORDS words.
MIN_DROP_WORDS = 4
KEEP_WORDS = 6
_QUOTES = ('"', "\u201c", "\u201d")
_RELATIVE_OPENERS = frozenset({"which", "who", "whom", "whose"})
_PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
# A trailing participle that reports a claim (", adding that ...") or an act (", agreeing
# to ...") states a fact: kept.
_SPEECH = frozenset({"add", "say", "tell", "warn", "insist", "argue", "claim", "state"})
# Verbs of an attribution frame ("officials said", "he told reporters"): reporting, not
# an act of the parties.
_REPORTING = frozenset({"say", "tell", "add", "state", "report", "note", "explain"})
# Dependencies of a leading adverbial that may open a sentence before a comma.
_OPENER_DEPS = frozenset({"advmod", "prep", "npadvmod", "cc"})
# Connectives that open a sentence without a comma ("But the talks ...").
_CONNECTIVES = frozenset({"and", "but", "yet", "so", "also", "still"})


class SideClauses(NamedTuple):
    """What a sentence's key point may leave out: its dateline (always), and each side
    clause with the names it gives that the rest of the sentence does not (lower case; the
    clause goes when the points before it already say them all)."""

    dateline: frozenset[int]
    clauses: tuple[tuple[frozenset[int], frozenset[str]], ...]
    words: int

    @property
    def names(self) -> frozenset[str]:
        """Every name some clause depends on."""
        return frozenset().union(*(names for _, names in self.clauses))


_NONE = SideClauses(frozenset(), (), 0)


def side_clauses(span: SpacySpan) -> SideClauses:
    """The side clauses of ``span`` a key point may leave out (see the module's note)."""
    text = span.text
    if len(span) == 0 or any(q in text for q in _QUOTES):
        return _NONE
    tokens = list(span)
    root = span.root
    if root.pos_ not in {"VERB", "AUX"}:
        return _NONE
    last = _last_word(span)
    if last is None:
        return _NONE
    dateline = _dateline(span)
    first = span.start + len(dateline)
    clauses: list[set[int]] = []
    # a trailing participle or ", amid ..." goes unless it gives a figure: what it names is
    # the setting
    loose: list[set[int]] = []
    for child in root.children:
        clauses += [
            _opener(span, root, child, first),
            _leading_adverbial(span, root, child, first),
        ]
        loose.append(_trailing_participle(root, child, last))
        loose.append(_trailing_amid(root, child, last))
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None:
        clauses += [_aside(child, root) for child in subject.children]
    clauses += [_relative(t, last) for t in tokens if t.dep_ == "relcl"]
    clauses += [_apposition(t, root) for t in tokens if t.dep_ == "appos"]
    clauses += [_according_to(t, last) for t in tokens if t.lower_ == "according"]
    clauses += _parentheses(tokens)
    clauses += [{t.i} for t in tokens if t.lower_ == "also" and t.dep_ == "advmod"]
    found = [(frozenset(c), _new_names(tokens, c)) for c in clauses if c]
    found += [(frozenset(c), _new_figures(tokens, c)) for c in loose if c]
    # the earlier offices of a long title before a name (the People table holds roles) and
    # the breakdown of a figure the sentence gives: they go whatever they name
    found += [(frozenset(c), frozenset()) for c in _titles_before_names(span)]
    # a title before a name an earlier point gives ("Vice President Harris" -> "Harris")
    found += _repeated_titles(span)
    found += [
        (frozenset(c), frozenset())
        for c in (_figure_breakdown(span, t, last) for t in tokens if t.lower_ == "including")
        if c
    ]
    # an unnamed speaker's frame: its nationality ("Danish officials") names no one
    frame = _attribution(span, root, subject, first, last)
    if frame:
        names = _new_names(tokens, {i for i in frame if span.doc[i].ent_type_ != "NORP"})
        found.append((frozenset(frame), names))
    words = sum(1 for t in tokens if not t.is_punct)
    return SideClauses(frozenset(dateline), tuple(found), words)


def dropped_tokens(
    span: SpacySpan, known: frozenset[str] = frozenset(), side: SideClauses | None = None
) -> set[int]:
    """Indexes (in the doc) of the tokens a key point leaves out of ``span``; a side clause
    naming only what the rest of the sentence or the ``known`` words (lower case: those of
    the key points before it) name is left out. ``side``: side_clauses(span), if known."""
    side = side_clauses(span) if side is None else side
    drop: set[int] = set(side.dateline)
    for clause, names in side.clauses:
        if names <= known:
            drop |= clause
    if not drop:
        return drop
    doc = span.doc
    kept = side.words - sum(1 for i in drop if not doc[i].is_punct)
    if kept < KEEP_WORDS:
        return set()
    return drop


def point_text(
    span: SpacySpan,
    text: str,
    known: frozenset[str] = frozenset(),
    side: SideClauses | None = None,
) -> str:
    """The key point text of the sentence ``text`` (parsed as ``span``): the sentence
    without its dropped tokens (dropped_tokens, ``known`` the lower-case words the points
    before it say), spaced as in the text, opening with a capital."""
    drop = dropped_tokens(span, known, side)
    if not drop:
        return text
    out: list[str] = []
    gap = False
    for token in span:
        if token.i in drop:
            gap = True
            continue
        if out and token.is_punct and token.text in {",", ".", ";", ":"}:
            out[-1] = out[-1].rstrip()
        elif out and gap and not out[-1].endswith(" "):
            out[-1] += " "  # the words either side of a cut stay apart
        out.append(token.text_with_ws)
        gap = False
    result = "".join(out).strip()
    # a cut ending in a space before the final mark, or a doubled comma, is tidied
    result = result.replace(" ,", ",").replace(",,", ",")
    if result and result[0].islower():
        result = result[0].upper() + result[1:]
    return result


def _new_names(tokens: list[Token], clause: set[int]) -> frozenset[str]:
    """The names (lower case) the clause gives that the rest of the sentence (``tokens``)
    does not: a name, a place, a body, a date or a number (while one is not known, the
    clause stays)."""
    names = {
        t.lower_
        for t in tokens
        if t.i in clause
        and not t.is_punct
        and (bool(t.ent_type_) or t.pos_ in {"PROPN", "NUM"} or t.like_num)
    }
    if names:
        names -= {t.lower_ for t in tokens if t.i not in clause}
    return frozenset(names)


def _new_figures(tokens: list[Token], clause: set[int]) -> frozenset[str]:
    """The figures (numbers, amounts, dates) the clause gives that the rest of the sentence
    does not."""
    names = {
        t.lower_
        for t in tokens
        if t.i in clause and not t.is_punct and (t.pos_ == "NUM" or t.like_num)
    }
    if names:
        names -= {t.lower_ for t in tokens if t.i not in clause}
    return frozenset(names)


def _last_word(span: SpacySpan) -> Token | None:
    """The sentence's last word before its closing marks."""
    for token in reversed(span):
        if not token.is_punct and token.text.strip():
            return token
    return None


def _words(tokens: range, within: SpacySpan | Doc) -> int:
    """The words (punctuation left out) among the token indexes ``tokens``."""
    doc = within if isinstance(within, Doc) else within.doc
    return sum(1 for i in tokens if not doc[i].is_punct)


def _opener(span: SpacySpan, root: Token, child: Token, first: int) -> set[int]:
    """A participial clause opening the sentence and closed by a comma before the
    subject ("Building on ..., the leaders")."""
    if child.i > root.i or child.dep_ != "advcl" or child.tag_ not in _PARTICIPLE_TAGS:
        return set()
    if child.left_edge.i != first:
        return set()
    after = child.right_edge.i + 1
    if after >= span.end or span.doc[after].text != ",":
        return set()
    if _words(range(first, after), span) < MIN_DROP_WORDS:
        return set()
    return set(range(first, after + 1))


def _trailing_participle(root: Token, child: Token, last: Token) -> set[int]:
    """A participle after a comma that runs to the sentence's end (", noting ..."), unless
    it reports a claim (", adding that ...") or an act of the parties (", agreeing to ...":
    fact_cues.ACT_VERBS)."""
    if child.i < root.i or child.dep_ not in {"advcl", "xcomp"} or child.tag_ != "VBG":
        return set()
    if child.lemma_.lower() in _SPEECH or child.lemma_.lower() in ACT_VERBS:
        return set()
    if child.left_edge.i != child.i or child.right_edge.i != last.i:
        return set()
    comma = child.i - 1
    doc = child.doc
    if comma < 0 or doc[comma].text != ",":
        return set()
    if _words(range(child.i, last.i + 1), doc) < MIN_DROP_WORDS:
        return set()
    return set(range(comma, last.i + 1))


def _trailing_amid(root: Token, child: Token, last: Token) -> set[int]:
    """A trailing ", amid ..." on the main verb that runs to the sentence's end (", amid
    Russia's war on Ukraine"): the setting of the act."""
    if child.dep_ != "prep" or child.lower_ not in {"amid", "amidst"} or child.i < root.i:
        return set()
    doc = child.doc
    if child.right_edge.i != last.i or doc[child.i - 1].text != ",":
        return set()
    if _words(range(child.i, last.i + 1), doc) < MIN_DROP_WORDS:
        return set()
    return set(range(child.i - 1, last.i + 1))


def _aside(child: Token, root: Token) -> set[int]:
    """A participle between commas right after the subject ("Kerry, speaking to reporters
    after the meeting, said"): both commas go with it."""
    if child.dep_ != "acl" or child.tag_ != "VBG":
        return set()
    doc = child.doc
    before, after = child.left_edge.i - 1, child.right_edge.i + 1
    if before < 0 or after >= len(doc) or doc[before].text != "," or doc[after].text != ",":
        return set()
    if after >= root.i:
        return set()
    if _words(range(child.left_edge.i, after), doc) < MIN_DROP_WORDS:
        return set()
    return set(range(before, after + 1))


def _relative(clause: Token, last: Token) -> set[int]:
    """A non-restrictive relative clause (", which ...") ending the sentence or closed by
    a comma."""
    doc = clause.doc
    first = clause.left_edge
    if first.lower_ not in _RELATIVE_OPENERS or first.i == 0 or doc[first.i - 1].text != ",":
        return set()
    end = clause.right_edge.i
    if _words(range(first.i, end + 1), doc) < MIN_DROP_WORDS:
        return set()
    if end != last.i:
        if end + 1 >= len(doc) or doc[end + 1].text != ",":
            return set()
        return set(range(first.i - 1, end + 2))
    return set(range(first.i - 1, end + 1))


def _dateline(span: SpacySpan) -> set[int]:
    """A wire dateline run into the sentence ("MUNICH Major powers ...", "NEW YORK The";
    parse.caps_dateline)."""
    return {t.i for t in caps_dateline(span)}


def _leading_adverbial(span: SpacySpan, root: Token, child: Token, first: int) -> set[int]:
    """A connective or adverbial opening the sentence ("However,", "In a statement,",
    "Meanwhile,", "But"): with its comma when one closes it."""
    if child.i > root.i or child.dep_ not in _OPENER_DEPS or child.left_edge.i != first:
        return set()
    after = child.right_edge.i + 1
    doc = child.doc
    if after < span.end and doc[after].text == ",":
        if _words(range(first, after), span) > 4:
            return set()
        return set(range(first, after + 1))
    if child.i == first == child.right_edge.i and child.lower_ in _CONNECTIVES:
        return {child.i}
    return set()


def _unnamed(subject: Token | None) -> bool:
    """True for a speaker the text does not name ("he", "officials", "the ministry",
    "Russian officials": a nationality names no one)."""
    if subject is None:
        return False
    return not any(
        (t.pos_ == "PROPN" or t.ent_type_) and t.ent_type_ != "NORP" for t in subject.subtree
    )


# Subjects of a reported clause that point back at its speaker ("the ministry said it was
# ready", "officials said they would"): without the frame they point at nothing. ("He said
# he would" may go: point_subjects names a point's opening "he".)
_BACK_POINTING = frozenset({"it", "they", "we", "i"})


def _attribution(
    span: SpacySpan, root: Token, subject: Token | None, first: int, last: Token
) -> set[int]:
    """The frame of a reported clause whose speaker is not named: "He said (that) ..."
    before the clause, or ", officials said" after it; the clause stays."""
    if root.lemma_.lower() not in _REPORTING or not _unnamed(subject):
        return set()
    clause = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if clause is None or any(c.dep_ in {"neg", "dobj"} for c in root.children):
        return set()
    subjects = (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"})
    if any(c.lower_ in _BACK_POINTING for c in subjects):
        return set()  # "the ministry said it was ready": "it" is the speaker left out
    doc = root.doc
    if clause.i > root.i and subject is not None and subject.left_edge.i == first:
        start = clause.left_edge.i
        while start < clause.i and doc[start].dep_ == "mark":
            start += 1
        if _words(range(start, last.i + 1), span) < KEEP_WORDS:
            return set()
        # "said X, and that Y": the frame governs a second reported clause, which would
        # dangle without it
        if any(t.dep_ == "mark" and t.head.dep_ == "conj" for t in doc[start : last.i + 1]):
            return set()
        return set(range(first, start))
    if clause.i < root.i and clause.left_edge.i <= first:
        comma = clause.right_edge.i + 1
        if comma >= len(doc) or doc[comma].text != "," or not comma < root.i <= last.i:
            return set()
        return set(range(comma, last.i + 1))
    return set()


# Words that may join the offices of one title ("Director of the Office of ..., and").
_TITLE_JOINERS = frozenset({"of", "the", "for", "and", ","})


def _titles_before_names(span: SpacySpan) -> list[set[int]]:
    """The earlier offices of a title list before a person's name ("Party Politburo Member,
    Director of the Office of ..., and Foreign Minister Wang Yi"): each part of the run of
    capitalised words before the name up to its last comma or "and", when the last part
    ends in a title word; the last office stays with the name."""
    out: list[set[int]] = []
    doc = span.doc
    for ent in span.ents:
        if ent.label_ != "PERSON" or ent.start == span.start:
            continue
        start = ent.start
        while start > span.start:
            token = doc[start - 1]
            if token.ent_type_ in {"PERSON", "GPE"} and token.ent_iob_ != "":
                break
            if not (token.text[:1].isupper() or token.lower_ in _TITLE_JOINERS):
                break
            start -= 1
        # a run that opens with "of" hangs on a noun before it ("officials of ...")
        if doc[start].lower_ in {"of", "for"}:
            continue
        while start < ent.start and doc[start].lower_ in _TITLE_JOINERS:
            start += 1
        seps = [i for i in range(start, ent.start) if doc[i].lower_ in {",", "and"}]
        if not seps or not is_title_word(doc[ent.start - 1]):
            continue
        end = seps[-1]
        dropped = range(start, end + 1)
        if _words(dropped, doc) < MIN_DROP_WORDS or not any(
            is_title_word(doc[i]) for i in dropped
        ):
            continue
        out.append(set(dropped))
    return out


_FIGURES = frozenset({"MONEY", "PERCENT", "QUANTITY"})


def _figure_breakdown(span: SpacySpan, token: Token, last: Token) -> set[int]:
    """A long ", including <figure> ..." tail ending the sentence that breaks down a figure
    of the same kind the sentence gives before it ("would provide $100 million ...,
    including at least $86 million over three years for ..."): the head keeps the fact."""
    doc = token.doc
    if token.dep_ != "prep" or token.right_edge.i != last.i or doc[token.i - 1].text != ",":
        return set()
    figure = next((c for c in token.children if c.dep_ == "pobj"), None)
    if figure is None or figure.ent_type_ not in _FIGURES:
        return set()
    if not any(t.ent_type_ == figure.ent_type_ for t in doc[span.start : token.i - 1]):
        return set()
    if _words(range(token.i, last.i + 1), doc) < 2 * MIN_DROP_WORDS:
        return set()
    return set(range(token.i - 1, last.i + 1))


_ARTICLES = frozenset({"the", "a", "an", "'s", "\u2019s"})


def _repeated_titles(span: SpacySpan) -> list[tuple[frozenset[int], frozenset[str]]]:
    """The title words right before a person's name ("Vice President Harris", "Mr.
    Sullivan"), each with the name's last word: left out once an earlier point names the
    person (the People table holds the role). Only a whole title: not one after an
    article, a possessive, "of" or a capitalised word ("the Deputy Minister Lund", "Ghana's
    President", "Secretary of State Kerry", "Transport Minister Dorsk")."""
    out: list[tuple[frozenset[int], frozenset[str]]] = []
    doc = span.doc
    for ent in span.ents:
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        while start > span.start and (
            is_title_word(doc[start - 1]) or doc[start - 1].lower_ in HONORIFICS
        ):
            start -= 1
        if start == ent.start:
            continue
        # the run must be the whole title: not after an article, a possessive, "of" or a
        # capitalised word ("Ghana's President", "Secretary of State", "Transport Minister")
        before = doc[start - 1] if start > span.start else None
        if before is not None and (
            before.lower_ in _ARTICLES or before.lower_ in _TITLE_JOINERS
            or before.text[:1].isupper()
        ):
            continue
        # the name's last word as a point's words are compared ("Akufo-Addo" one word)
        last = ent.text.split()[-1].lower()
        out.append((frozenset(range(start, ent.start)), frozenset({last})))
    return out


def _according_to(token: Token, last: Token) -> set[int]:
    """ "according to X" at the end of the sentence or between commas."""
    doc = token.doc
    if token.dep_ != "prep" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return set()
    begin, end = token.i, token.right_edge.i
    if begin > 0 and doc[begin - 1].text == ",":
        begin -= 1
    elif end + 1 < len(doc) and doc[end + 1].text == ",":
        end += 1
    elif end != last.i:
        return set()
    return set(range(begin, end + 1))


def _apposition(token: Token, root: Token) -> set[int]:
    """An apposition between commas (", a former teacher,"), not a list's item."""
    doc = token.doc
    before, after = token.left_edge.i - 1, token.right_edge.i + 1
    if before < 0 or after >= len(doc) or doc[before].text != "," or doc[after].text != ",":
        return set()
    if token.head.i != before - 1 and token.head.right_edge.i != before - 1:
        return set()
    if any(c.dep_ == "cc" for c in token.children) or doc[after + 1].dep_ == "cc":
        return set()
    if _words(range(token.left_edge.i, after), doc) < 2:
        return set()
    return set(range(before, after + 1))


def _parentheses(tokens: list[Token]) -> list[set[int]]:
    """Each parenthesis of the sentence (its ``tokens``), with its brackets."""
    out: list[set[int]] = []
    opened: int | None = None
    for token in tokens:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            out.append(set(range(opened, token.i + 1)))
            opened = None
    return out


def known_words(text: str) -> frozenset[str]:
    """The lower-case words of a key point text, as dropped_tokens compares them."""
    return frozenset(w.lower() for w in text.replace(",", " ").replace(".", " ").split())


_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")


def word_count(text: str) -> int:
    """The words of a text as a reader counts them: a hyphenated compound is two words,
    an abbreviation ("U.S.") one."""
    return len(_WORD.findall(text.replace(".", "")))
