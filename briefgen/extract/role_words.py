"""Words that name what a person does: titles, offices and jobs, and how to recognise them."""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.lexicon import HONORIFICS, TITLE_WORDS, words

# Jobs and functions the text gives a person, beyond the capitalised titles of TITLE_WORDS.
ROLE_NOUNS = words(
    """
    lawyer attorney counsel solicitor barrister teacher worker employee scholar fellow aide
    executive superintendent sheriff councilman councilwoman councillor councilor partner
    official specialist administrator meteorologist commissioner inspector correspondent
    journalist researcher scientist professor lecturer student chief co-founder cofounder
    editor-in-chief vice-premier vice-president president-elect strategist consultant
    pollster activist organizer organiser campaigner surgeon physician nurse pilot
    engineer architect banker investor trader broker lobbyist historian author writer
    novelist actor actress singer artist director producer host anchor columnist
    commentator economist diplomat envoy ambassador premier chancellor marshal trooper
    detective constable deputy clerk treasurer comptroller auditor registrar
    superintendent principal dean provost rector chaplain pastor priest reverend rev.
    rev lt col gen adm sgt cpl maj capt cmdr brig lt. col. gen. adm. sgt. maj. cmdr.
    brig. rep sen gov sens. reps. sens reps govs sheriff mayor-elect governor-elect senator-elect
    spokesperson spokesman spokeswoman representative counterpart owner
    """
)

# Offices whose "for" or "of" names their field, not a body ("Minister for the Environment
# and Water Resources", "Secretary for Trade"), where a founder's or director's names a body
# ("Co-founder of Google").
PORTFOLIO_HOLDERS = words("minister secretary commissioner")

# Words that end a role noun without making it one ("member" is a role only with an "of").
_NOT_ROLES = words(
    """
    member number order matter paper letter center centre percent event statement amount
    winter summer border other another water weather power tower quarter chapter computer
    character corner dinner cancer career shelter theater theatre river silver poster
    remainder answer fever error mirror color colour honor honour labor labour favor favour
    rumor rumour flavor vapor factor sector vector motor floor door minor major
    recent moment comment government agreement parliament department payment document
    statement element argument settlement investment treatment management development
    environment equipment movement percent content extent intent patent
    """
)
_ROLE_ENDINGS = ("ist", "ian", "er", "or", "man", "woman", "person", "ant", "ent")


def is_title_word(token: Token) -> bool:
    """A title or office word ("minister", "Secretary", "Sen."), honorifics left out, or
    a capitalised slip of one letter right after a title word ("Prime Minster")."""
    low = token.lower_
    if low in TITLE_WORDS:
        return low not in HONORIFICS
    return _misspelt_title(token)


def _misspelt_title(token: Token) -> bool:
    if token.i == 0 or len(token) < 5 or not token.text[:1].isupper():
        return False
    before = token.doc[token.i - 1].lower_
    if before not in TITLE_WORDS or before in HONORIFICS:
        return False
    return any(len(word) >= 5 and _one_edit_apart(token.lower_, word) for word in TITLE_WORDS)


def _one_edit_apart(a: str, b: str) -> bool:
    """True when one letter added, dropped or changed turns ``a`` into ``b``."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def is_role_word(token: Token) -> bool:
    """A word naming what somebody is or does: a title, an office or a job noun
    ("Secretary", "lawyer", "teacher", "physicist"), in any case, singular or plural."""
    if is_title_word(token):
        return True
    low = token.lower_
    lemma = token.lemma_.lower()
    if low in ROLE_NOUNS or lemma in ROLE_NOUNS and token.pos_ not in {"VERB", "AUX"}:
        return True  # "host", "hosts", but not "hosted"
    if token.pos_ != "NOUN":
        return False  # "Butler", "Walker": surnames end like jobs
    return low.endswith(_ROLE_ENDINGS) and low not in _NOT_ROLES and lemma not in _NOT_ROLES
