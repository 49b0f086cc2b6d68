"""Word lists for source profiles: evaluative words, loaded framing terms, and the
VADER sentiment lexicon adapted to news.

VADER (``vadersentiment`` on PyPI) was built on social-media text. In news it
errs in two ways, and both are fixed here rather than in the scoring code:

* Topic words are not the reporter's tone. "killed", "war", "attack",
  "prisoner", "conflict" carry strong negative valence in VADER, but a wire
  story about a war uses them in every sentence without judging anyone.
* Event words are not praise. "support", "agree", "welcome", "reject",
  "demand" name what an actor *did* ("X agreed to a swap", "Y rejected the
  plan"); VADER reads them as the writer liking or disliking something.

Those words are neutral here. A short list of framing words that VADER lacks
("appeasement", "capitulation", "mirage") is added with a negative valence,
since a writer who chooses them is judging.
"""

from __future__ import annotations

import string
from functools import lru_cache
from typing import Any

from newsprism.extract.claims import EVALUATIVE as CLAIM_EVALUATIVE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The subject matter of conflict, crime and disaster reporting: neutral in news.
NEWS_NEUTRAL: frozenset[str] = _words(
    """
    war wars attack attacks attacked attacking kill kills killed killing killings dead death
    deaths die died dying prisoner prisoners conflict conflicts dispute disputes disputed
    fight fighting fights fought crisis crises military army troops weapon weapons bomb
    bombs bombing shot shooting injured wounded victim victims casualties arrest
    arrested arrests charged charges sentenced prison jail crime criminal police violence
    violent threat threats threaten threatened threatening warn warned warning warns
    sanction sanctions emergency disaster damage damaged destroyed destruction storm
    fire fires protest protests protesters strike strikes tension tensions
    agree agreed agrees agreement agreements support supported supports supporting
    supporter supporters reject rejected rejects rejection demand demanded demands
    accuse accused accuses accusing welcome welcomed welcomes praise praised praises
    deny denied denies refuse refused refuses oppose opposed opposes opposition
    allies ally alliance peace ceasefire truce security guarantee guarantees
    pressure cut cuts cutting lost loss losses won win wins winning
    accept accepted accepts promise promised promises ready stop stops stopped drop
    dropped play played give giving gave progress impose imposed hope hopes hoped want
    wants wanted help helps helped free freed matter matters ease eased easing interest
    interests lead leads led share shared solution resolve resolved commitment committed
    argue argued argues join joined joins leave leaves left postpone postponed freeze
    froze frozen hostilities integrity parties engage engaged engagement consent
    assurance assurances
    """
)

# Framing words that judge what they name; VADER has none of them.
FRAMING: dict[str, float] = {
    "appeasement": -2.2,
    "appease": -1.8,
    "capitulation": -2.4,
    "capitulate": -2.2,
    "mirage": -1.8,
    "farce": -2.2,
    "charade": -2.0,
    "sham": -2.2,
    "stunt": -1.4,
    "sellout": -2.2,
    "betrayal": -2.5,
    "regime": -1.2,
    "puppet": -1.8,
    "junta": -1.6,
    "thugs": -2.4,
    "henchmen": -2.0,
    "propaganda": -1.8,
    "warmonger": -2.4,
    "warmongering": -2.4,
    "aggressor": -1.8,
    "tyrant": -2.6,
    "dictator": -2.2,
    "autocrat": -2.0,
    "autocrats": -2.0,
    "despot": -2.4,
    "strongman": -1.4,
    "aggressors": -1.8,
    "bluff": -1.0,
    "illusion": -1.4,
    "illusions": -1.4,
    "whitewash": -2.0,
    "grandstanding": -1.8,
    "posturing": -1.4,
    "capitulated": -2.2,
    "land-grab": -2.0,
    "blackmail": -2.4,
    "extortion": -2.4,
    "hoax": -2.2,
    "witch-hunt": -2.2,
}

# Judging adjectives and adverbs a reporter does not use in their own voice.
# The claims stage's list, plus more of the same kind.
EVALUATIVE: frozenset[str] = CLAIM_EVALUATIVE | _words(
    """
    wrong wrongly rightly foolishly recklessly shamefully cynically naively
    dangerous dangerously irresponsible irresponsibly dishonest cowardly courageous
    heroic disgrace shameful scandalous scandal dismal woeful woefully inexcusable
    unacceptable unforgivable indefensible baffling bizarre astonishing astonishingly
    remarkable remarkably extraordinary regrettable sensible wise unwise wisely
    admirable admirably deplorably grotesque obscene cruel callous craven
    meaningless pointless futile toothless feeble timid
    """
)

# Valence at or beyond which a VADER adjective or adverb judges rather than describes.
STRONG_VALENCE = 2.0


@lru_cache(maxsize=1)
def analyzer() -> Any:
    """One VADER analyzer per process, with the news adaptation applied."""
    # vadersentiment ships no type information.
    from vaderSentiment.vaderSentiment import (  # type: ignore[import-untyped]
        SentimentIntensityAnalyzer,
    )

    sia = SentimentIntensityAnalyzer()
    for word in NEWS_NEUTRAL:
        sia.lexicon.pop(word, None)
    sia.lexicon.update(FRAMING)
    return sia


def valence(word: str) -> float:
    """The adapted lexicon valence of one lowercase word (0.0 when absent)."""
    return float(analyzer().lexicon.get(word, 0.0))


def compound(text: str) -> float:
    """VADER's compound score in [-1, 1] over ``text`` with the adapted lexicon."""
    if not text.strip() or _no_lexicon_word(text):
        return 0.0
    return _compound(text)


@lru_cache(maxsize=4096)
def _compound(text: str) -> float:
    """``polarity_scores(text)["compound"]``, step for step, without its slow parts.

    Wire copies and recurring lines repeat sentences word for word (the cache).
    Without emoji, VADER's character-by-character emoji pass returns the text
    unchanged, and ``sentiment_valence`` scores a word its lexicon lacks 0: both
    are skipped. ``sentiment_valence`` reads three words before a lexicon word
    and two after, but lower-cases the whole sentence on each of its checks: it
    gets that window (``_Window``). Every other step is VADER's own.
    """
    sia = analyzer()
    if not _emoji_chars().isdisjoint(text):
        return float(sia.polarity_scores(text)["compound"])
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    text = text.strip()
    senti = SentiText(text)
    words = senti.words_and_emoticons
    lexicon = sia.lexicon
    last = len(words) - 1
    sentiments: list[float] = []
    for i, item in enumerate(words):
        low = item.lower()
        if (
            low in BOOSTER_DICT
            or low not in lexicon
            or (i < last and low == "kind" and words[i + 1].lower() == "of")
        ):
            sentiments.append(0)
            continue
        lo = max(0, i - 3)
        window = _Window(words[lo : i + 3], senti.is_cap_diff)
        sentiments = sia.sentiment_valence(0, window, item, i - lo, sentiments)
    sentiments = sia._but_check(words, sentiments)
    return float(sia.score_valence(sentiments, text)["compound"])


class _Window:
    """The words around one lexicon word, as ``sentiment_valence`` reads a ``SentiText``.

    It indexes at most 3 words back (only where the word has them: ``i > 2``) and
    2 ahead, and compares ``i`` with the length only to ask whether those exist,
    so a word at ``i - lo`` in ``words[lo : i + 3]`` (``lo = max(0, i - 3)``) reads
    the same words as at ``i`` in the sentence.
    """

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str], is_cap_diff: bool) -> None:
        self.words_and_emoticons = words
        self.is_cap_diff = is_cap_diff


@lru_cache(maxsize=1)
def _emoji_chars() -> frozenset[str]:
    # VADER swaps emoji for their descriptions one character at a time.
    return frozenset(e for e in analyzer().emojis if len(e) == 1)


def _no_lexicon_word(text: str) -> bool:
    """Whether VADER finds no lexicon word in ``text``: its compound is then exactly 0.

    VADER scores only the words (split on whitespace, stripped of punctuation
    unless that leaves two characters or fewer, lower-cased) that its lexicon
    holds; every other word counts 0, and a sum of 0 normalises to 0. Half of
    the sentences of news have none, and this test costs a fraction of scoring.
    """
    if not _emoji_chars().isdisjoint(text):
        return False
    lexicon = analyzer().lexicon
    punct = string.punctuation
    for word in text.split():
        bare = word.strip(punct)
        if (word if len(bare) <= 2 else bare).lower() in lexicon:
            return False
    return True
