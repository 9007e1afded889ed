"""The syntax of attribution: the subject of a speech verb, names set beside a description,
how much a name's place in its sentence says, and where sentences end."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import TITLE_WORDS, words
from briefgen.extract.quote_marks import CLOSE_MARKS, SENTENCE_END, is_cue


def description(noun: Token) -> str:
    """ "spokesperson for the British Foreign Office": a describing subject with what it
    governs on either side, no article, no clause, at most a dozen words."""
    doc = noun.doc
    left = min((t.i for t in noun.subtree if t.i <= noun.i and t.dep_ != "det"), default=noun.i)
    right = noun.i
    for child in noun.children:
        if child.i > noun.i and child.dep_ == "prep":
            right = max(right, child.right_edge.i)
    right = min(right, noun.i + 12)
    tokens = [t for t in doc[left : right + 1] if not t.is_punct or t.text in {"-", "&"}]
    return " ".join(t.text for t in tokens)


_HUMAN_ENDINGS = ("man", "woman", "person", "ist", "ian", "mother", "father", "lady")


DOCUMENT_NOUNS = frozenset({"statement", "letter", "report", "release", "communique", "memo"})


def is_human_noun(noun: Token) -> bool:
    """True for a noun that names a person by description ("the New York businessman")."""
    lemma = noun.lemma_.lower()
    if lemma in {"statement", "report", "campaign", "ministry", "department", "government"}:
        return False
    return lemma in TITLE_WORDS or lemma.endswith(_HUMAN_ENDINGS)


def is_lead_in(sent: SpacySpan) -> bool:
    """A sentence ending in a colon introduces the quote after it ("Brunner also stated:")."""
    return sent.text.rstrip().endswith(":")


def speech_subject(verb: Token) -> Token | None:
    """The subject of a speech verb (following conjunctions: "... and added")."""
    if verb.lower_ == "according":
        for child in verb.children:
            if child.dep_ == "prep":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:  # "The meeting was described by Jane Doe as ...": Doe speaks
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    token: Token | None = verb
    for _ in range(5):
        if token is None:
            break
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if token is not verb and verb.tag_ == "VBG" and is_infinitive(token):
            subjects = []  # "called for Trump to use ..., adding": not Trump's words
        same_paragraph = [c for c in subjects if not newline_between(c, token)]
        if (
            subjects
            and token is not verb
            and verb.tag_ == "VBG"
            and token.dep_ == "ccomp"
            and is_cue(token.head)
        ):
            subjects = []  # "Trump told Newsmax that Romney "had ...," adding": Trump adds
            same_paragraph = []
        if same_paragraph or subjects:
            return (same_paragraph or subjects)[-1]
        climb = {"conj", "xcomp", "advcl", "pcomp", "acl", "prep", "ccomp", "parataxis"}
        if token.dep_ not in climb:
            break
        came_by = token.dep_
        token = token.head
        if came_by == "acl" and token.dep_ in {"dobj", "pobj"}:
            token = token.head  # "issued a statement warning that ...": the issuer
            if token.dep_ == "prep":
                token = token.head
    return None


def is_infinitive(verb: Token) -> bool:
    """True for a "to" infinitive ("for Mr. Trump to use")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def subject_rank(root: Token) -> int:
    """3 for the subject of a sentence's main clause, 2 for a name set beside it, 1 for any
    other subject, 0 for a name in another function ("the Obama administration")."""
    token = root
    beside = False
    while token.dep_ in {"appos", "compound", "conj"} and token.head is not token:
        beside = beside or token.dep_ == "appos"
        token = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"}:
        return 0
    verb = token.head
    while verb.dep_ in {"conj", "xcomp"} and verb.head is not verb:
        verb = verb.head
    if verb.dep_ != "ROOT":
        return 1
    return 2 if beside else 3


def apposed_name(noun: Token) -> Token | None:
    """The name set beside a describing subject: "the chief negotiator for the government,
    Major General Jane Doe, told AFP" and "A spokesman for Mr. Hunter, Michael Harrison,
    said" give the last word of the name."""
    if noun.pos_ != "NOUN":
        return None
    doc = noun.doc
    for token in noun.subtree:
        if (
            token.i > noun.i
            and token.dep_ == "appos"
            and token.pos_ == "PROPN"
            and doc[token.left_edge.i - 1].text == ","
        ):
            return token
    end = noun.right_edge.i + 1
    if end < len(doc) and doc[end].text == ",":
        k = end + 1
        while k < len(doc) and doc[k].pos_ == "PROPN":
            k += 1
        if k > end + 1 and k < len(doc) and doc[k].text == ",":
            return doc[k - 1]
    return None


def newline_between(a: Token, b: Token) -> bool:
    """True when a line break separates two tokens (the parser crossed a paragraph)."""
    first, last = (a, b) if a.i < b.i else (b, a)
    return "\n" in first.doc[first.i : last.i + 1].text


def adjacent_name(verb: Token) -> Token | None:
    """A name right before a speech verb the parser left without a subject, an
    apposition skipped ("..." Flynn, a top surrogate, said) or right after it."""
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= max(0, verb.i - 12) and doc[i].text != "(":
            i -= 1
        i -= 1
    if i >= 0 and doc[i].text == ",":
        j = i - 1
        while j >= max(0, verb.i - 25) and doc[j].text != "," and doc[j].text not in CLOSE_MARKS:
            j -= 1
        if j >= 0 and doc[j].text == ",":
            i = j - 1
    if i >= 0 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        return doc[i]
    after = verb.i + 1
    if after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].text[:1].isupper():
        end = after
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
            end += 1
        return doc[end]
    return None


_ABBREVIATIONS = words(
    "mr mrs ms dr st jr sr gen sen sens rep reps gov lt col sgt capt maj adm prof rev "
    "no vs inc corp co ltd u.s u.n u.k d.c"
)


def sentence_ends(text: str) -> bool:
    """True when a sentence ends inside ``text``: a full stop after an abbreviation or an
    initial ("Mr.", "Gen.", "W.") does not end one."""
    for match in SENTENCE_END.finditer(text):
        if text[match.start()] != ".":
            return True
        word = text[: match.start()].split()[-1:] or [""]
        stem = word[0].lower().strip("(\"'\u201c")
        if stem in _ABBREVIATIONS or len(stem) == 1 and stem.isalpha():
            continue
        return True
    return False
