"""Key points: the sentences that carry an article's main facts, ranked and non-redundant."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from briefgen.extract.fact_cues import fact_cue
from briefgen.extract.lexicon import content_lemmas
from briefgen.extract.point_text import (
    SideClauses,
    known_words,
    point_text,
    side_clauses,
    word_count,
)
from briefgen.extract.sentences import Sentence
from briefgen.model import KeyPoint

# Two sentences sharing this share of content words say the same thing.
REDUNDANT_OVERLAP = 0.65
# A key point should add facts: a sentence's score loses this share of its overlap with the
# points already chosen (a sentence sharing half its words with one loses 15%).
NOVELTY_WEIGHT = 0.3
# How fast the lead bias fades with a sentence's place in the story, and its weight against
# centrality. News puts its main facts first: position weighs more than centrality and fades
# fast. The place counts paragraphs (the unit a reporter orders by importance), each later
# sentence of a paragraph a tenth of a paragraph further on.
POSITION_DECAY = 2.0
POSITION_WEIGHT = 0.7
WITHIN_PARAGRAPH_STEP = 0.1
# Weight of a sentence's word overlap with the lede and the headline (staying on the story).
LEDE_WEIGHT = 0.1
# Sentences under SHORT_WORDS words are often fragments (captions, credits).
SHORT_WORDS = 8
SHORT_FACTOR = 0.5
LONG_WORDS = 60
LONG_FACTOR = 0.8
CENTRAL_EXP = 0.5
# Weight of a sentence's fact cue (an agenda, a concern, a commitment, a figure, a reported
# claim: fact_cues.fact_cue), so that a later sentence stating one outranks background.
CUE_WEIGHT = 0.1
# The included key points take at most this share of the text's words, and at most
# MAX_INCLUDED points; a sentence adding fewer than MIN_NEW_WORDS content words the chosen
# points do not have adds no fact. ALTERNATIVES further points are offered, not included.
WORD_BUDGET = 0.495
MAX_INCLUDED = 10
MIN_INCLUDED = 3
MIN_NEW_WORDS = 3
ALTERNATIVES = 2
# Only the best CONSIDERED sentences are weighed (the choice is quadratic in their number).
CONSIDERED = 40
LEAD_POINTS = 3
# Past the first LEAD_POINTS points (ranked for the lead), a sentence's fact cue counts
# this much more, so that a later paragraph's commitment or concern is reached; a point
# scoring under MIN_RELATIVE_SCORE of the first adds too little to be included.
FILL_CUE_BONUS = 0.5
MIN_RELATIVE_SCORE = 0.2

_QUOTE_OPENERS = ('"', "\u201c", "'", "\u2018")
# A picture credit ("Image: Jane Doe.", "Photo: Reuters") and the caption just before it.
_CREDIT = re.compile(r"^(?:image|photo|picture|photograph|credit)s?\s*:", re.IGNORECASE)
_INLINE_CREDIT = re.compile(r"\s(?:Image|Photo|Picture|Photograph|Credit)s?:\s")
# A sentence that ends a quotation and names its speaker ('... goodbye," Microsoft says.').
_QUOTE_ATTRIBUTION = re.compile(
    r"[,.!?][\"\u201d]\s+(?:[\w.'\u2019-]+\s+){0,4}"
    r"(?:said|says|told|added|adds|wrote|writes|explained|stated|continued)\b"
)
QUOTE_FACTOR = 0.6
CAPTION_FACTOR = 0.3
# Sentences that open in lower case or with a bracket are fragments cut from something else.
FRAGMENT_FACTOR = 0.5


@dataclass
class Ranked:
    """A sentence with its score and content words."""

    sentence: Sentence
    score: float
    lemmas: frozenset[str]
    cue: float = 0.0
    # the sentence's side clauses ("side") and its point texts so far, by the known names
    # they use; shared by the copies select makes
    _cache: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    def text(self, known: frozenset[str] = frozenset()) -> str:
        """The key point text of the sentence: its own words without the side clauses that
        name nothing new (point_text; ``known`` the words of the points before it)."""
        side = self._cache.get("side")
        if not isinstance(side, SideClauses):
            side = self._cache["side"] = side_clauses(self.sentence.span)
        key = known & side.names
        text = self._cache.get(key)
        if not isinstance(text, str):
            text = self._cache[key] = point_text(
                self.sentence.span, self.sentence.text, key, side
            )
        return text


def key_point_count(n_sentences: int) -> int:
    """How many key points suit an article of ``n_sentences`` sentences (3 to 10)."""
    return max(3, min(10, round(n_sentences / 5)))


def rank_sentences(sents: list[Sentence]) -> list[Ranked]:
    """Score every candidate sentence: position in the story, centrality, and form. A line
    that introduces what follows ("The following is attributed to the spokesperson:") is
    no candidate: what it introduces is."""
    captions = _captions(sents)
    candidates = [
        s
        for s in sents
        if not s.is_headline_like
        and len(s.span) >= 4
        and not _CREDIT.match(s.text)
        and s.index not in captions
        and not _INLINE_CREDIT.search(s.text)
        and not s.text.rstrip().endswith(":")
    ]
    if not candidates:
        candidates = [s for s in sents if len(s.span) > 0]
    lemma_sets = [frozenset(content_lemmas(s.span)) for s in candidates]
    freq: Counter[str] = Counter()
    for lemmas in lemma_sets:
        freq.update(lemmas)
    centrality = [
        sum(math.log1p(freq[w] - 1) for w in lemmas) / (len(lemmas) + 1) ** CENTRAL_EXP
        for lemmas in lemma_sets
    ]
    top = max(centrality, default=0.0) or 1.0
    lede = frozenset(content_lemmas(sents[0].span)) if sents else frozenset()
    if candidates:
        lede = lede | lemma_sets[0]
    on_story = [len(lemmas & lede) / math.sqrt(len(lemmas) + 1) for lemmas in lemma_sets]
    top_story = max(on_story[1:], default=0.0) or 1.0
    ranked: list[Ranked] = []
    for sent, lemmas, central, story, place in zip(
        candidates, lemma_sets, centrality, on_story, story_places(candidates), strict=True
    ):
        position = 1.0 / (1.0 + POSITION_DECAY * place)
        score = POSITION_WEIGHT * position + (1 - POSITION_WEIGHT) * (central / top)
        score += LEDE_WEIGHT * min(1.0, story / top_story)
        cue = fact_cue(sent.span)
        stated = lemma_sets[0] if sent is not candidates[0] else frozenset()
        score += CUE_WEIGHT * fact_cue(sent.span, claims=False, stated=stated)
        score /= 1.0 + LEDE_WEIGHT + CUE_WEIGHT
        form = _form_factor(sent, after_lede=len(candidates) > 1 and sent is candidates[1])
        ranked.append(Ranked(sent, round(score * form, 4), lemmas, round(cue * form, 4)))
    ranked.sort(key=lambda r: (-r.score, r.sentence.index))
    return ranked


def story_places(candidates: list[Sentence]) -> list[float]:
    """Each candidate's place in the story: its paragraph's rank among the candidates'
    paragraphs, plus WITHIN_PARAGRAPH_STEP for every candidate before it in that paragraph."""
    places: list[float] = []
    rank, previous, within = -1, None, 0
    for sent in candidates:
        if sent.paragraph != previous:
            rank, previous, within = rank + 1, sent.paragraph, 0
        else:
            within += 1
        places.append(rank + WITHIN_PARAGRAPH_STEP * within)
    return places


def _captions(sents: list[Sentence]) -> set[int]:
    """Indexes of picture captions: sentences followed by a credit line."""
    return {
        sents[i].index
        for i in range(len(sents) - 1)
        if _CREDIT.match(sents[i + 1].text) and not _CREDIT.match(sents[i].text)
    }


def _form_factor(sent: Sentence, *, after_lede: bool = False) -> float:
    """Down-weight sentences that rarely make good key points: quotes, questions, fragments,
    and sentences opening with a connective ("But", "Also"), which lean on the sentence
    before them, unless that sentence is the lede (``after_lede``), itself the top point.
    A pronoun opener ("She then ...") is not marked down: in news it continues the story's
    subject, whom the lede names."""
    factor = 1.0
    words = sum(1 for t in sent.span if not t.is_punct)
    if words < SHORT_WORDS:
        factor *= SHORT_FACTOR
    elif words > LONG_WORDS:
        factor *= LONG_FACTOR
    if sent.text[0].islower() or sent.text.startswith(("[", "(", "...", "\u2026")):
        factor *= FRAGMENT_FACTOR
    if sent.text.startswith(_QUOTE_OPENERS) or _QUOTE_ATTRIBUTION.search(sent.text):
        factor *= QUOTE_FACTOR
    if sent.text.rstrip("\"'\u201d\u2019").endswith("?"):
        factor *= 0.5
    if sent.span[0].pos_ in {"CCONJ", "ADV"} and not after_lede:
        factor *= 0.8
    return factor


def select(
    ranked: list[Ranked], count: int, *, cue_bonus: float = 0.0, given: list[Ranked] | None = None
) -> list[Ranked]:
    """The best ``count`` sentences, chosen one at a time: a sentence's score (plus
    ``cue_bonus`` times its fact cue) is discounted by its overlap with those already chosen
    (NOVELTY_WEIGHT), ``given`` ones included, and one that repeats a chosen one is skipped.
    Each returned item carries its discounted score, so the list stays best-first."""
    chosen: list[Ranked] = []
    given = given or []
    taken = {id(g.sentence) for g in given}
    # each remaining sentence's largest overlap with a chosen one, updated per choice
    pool: dict[int, tuple[Ranked, float]] = {}
    for item in ranked:
        if id(item.sentence) in taken:
            continue
        shared = max((overlap(item.lemmas, g.lemmas) for g in given), default=0.0)
        if shared < REDUNDANT_OVERLAP:
            pool[id(item)] = (item, shared)
    while pool and len(chosen) < count:
        best: Ranked | None = None
        best_score = -1.0
        for item, shared in pool.values():
            score = (item.score + cue_bonus * item.cue) * (1.0 - NOVELTY_WEIGHT * shared)
            if score > best_score:
                best, best_score = item, score
        if best is None:
            break
        # the score it was chosen by, back on the 0-1 scale
        chosen.append(
            Ranked(
                best.sentence,
                round(best_score / (1.0 + cue_bonus), 4),
                best.lemmas,
                best.cue,
                best._cache,
            )
        )
        del pool[id(best)]
        for key, (item, shared) in list(pool.items()):
            shared = max(shared, overlap(item.lemmas, best.lemmas))
            if shared >= REDUNDANT_OVERLAP:
                del pool[key]
            else:
                pool[key] = (item, shared)
    return chosen


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set's words found in the other set."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def key_points_of(ranked: list[Ranked], count: int) -> list[KeyPoint]:
    """The best ``count`` of already ranked sentences as key points (best first), each
    with its sentence span and score."""
    return [
        KeyPoint(text=r.text(), spans=[r.sentence.evidence()], score=r.score)
        for r in select(ranked, count)
    ]


def key_points_within(ranked: list[Ranked], text_words: int) -> list[KeyPoint]:
    """As many key points as the text needs (best first), each in its own words
    (point_text: side clauses naming nothing new left out). The first LEAD_POINTS are
    ranked for the lead (select); the rest follow in rank, a fact cue counting more
    (fill_in_rank). Included while the included ones stay within WORD_BUDGET of the text's
    ``text_words``, counted on the points' own words (at least MIN_INCLUDED, at most
    MAX_INCLUDED); up to ALTERNATIVES more follow, left out of the memo for the user to
    tick."""
    budget = WORD_BUDGET * text_words
    used = 0
    said: set[str] = set()
    points: list[KeyPoint] = []
    chosen: list[Ranked] = []
    lead = select(ranked, LEAD_POINTS)
    floor = MIN_RELATIVE_SCORE * lead[0].score if lead else 0.0
    for item in lead:
        text = item.text(frozenset(said))
        size = word_count(text)
        include = len(chosen) < MIN_INCLUDED or (used + size <= budget and item.score >= floor)
        if include:
            used += size
            said |= known_words(text)
            chosen.append(item)
        points.append(KeyPoint(text, [item.sentence.evidence()], item.score, include))
    rest = select(ranked, CONSIDERED, cue_bonus=FILL_CUE_BONUS, given=lead)
    filled, spare = fill_in_rank(rest, chosen, budget - used, MAX_INCLUDED - len(chosen), floor)
    for item, text in filled:
        points.append(KeyPoint(text, [item.sentence.evidence()], item.score, True))
    spare_points = [p for p in points if not p.include] + [
        KeyPoint(item.text(), [item.sentence.evidence()], item.score, False) for item in spare
    ]
    # the included points first, then a few alternatives; best first, scores never rising
    points = [p for p in points if p.include] + spare_points[:ALTERNATIVES]
    for before, after in itertools.pairwise(points):
        after.score = min(after.score, before.score)
    return points


def fill_in_rank(
    pool: list[Ranked], chosen: list[Ranked], words_left: float, count: int, floor: float = 0.0
) -> tuple[list[tuple[Ranked, str]], list[Ranked]]:
    """Up to ``count`` further points from ``pool`` (best first) within ``words_left``
    words of their own texts: each included while it fits, adds MIN_NEW_WORDS content
    words the chosen points lack and scores at least ``floor``; its text leaves out a side
    clause naming only what the chosen points say. Returns the chosen ones with their
    texts, and the others in order."""
    known: set[str] = set()
    said: set[str] = set()
    for item in chosen:
        known |= item.lemmas
        said |= known_words(item.text())
    filled: list[tuple[Ranked, str]] = []
    spare: list[Ranked] = []
    for item in pool:
        text = item.text(frozenset(said))
        size = word_count(text)
        fits = size <= words_left and len(filled) < count and item.score >= floor
        if fits and len(item.lemmas - known) >= MIN_NEW_WORDS:
            filled.append((item, text))
            words_left -= size
            known |= item.lemmas
            said |= known_words(text)
        else:
            spare.append(item)
    return filled, spare


def cap_included(points: list[KeyPoint], limit: int = MAX_INCLUDED) -> list[KeyPoint]:
    """``points`` with only the first ``limit`` included ones left included (several sources'
    points merged: the memo still prints at most ``limit``)."""
    seen = 0
    for point in points:
        if point.include:
            seen += 1
            point.include = seen <= limit
    return points


def text_word_count(sents: list[Sentence]) -> int:
    """The words of the text's sentences (point_text.word_count), headlines left out."""
    return sum(word_count(s.text) for s in sents if not s.is_headline_like)


def extract_key_points(sents: list[Sentence], count: int | None = None) -> list[KeyPoint]:
    """Ranked, non-redundant key points (best first), each with its sentence span and score:
    ``count`` of them, or as many as the text needs (key_points_within)."""
    ranked = rank_sentences(sents)
    if count is not None:
        return key_points_of(ranked, count)
    return key_points_within(ranked, text_word_count(sents))
