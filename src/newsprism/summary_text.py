"""The summary's tests of a sentence's text, and its word vectors.

Word bags (``words``: lowercase words and numbers, stopwords and single characters
out), page furniture (captions, credits, teasers), sentences that point back
(``dangling``) or speculate, and the cosine of a sentence to a fixed centroid.
Split from ``summarize`` to keep that module readable.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
STOP = frozenset(
    """
        a an the of in on at to for from by with and or but that which who whom this
        these those it its is are was were be been being has have had will would can
        could may might as into than then there their they he she his her we our you
        your i not no so if about after before over also said says say more most such
        only just up out all any some
        """.split()  # noqa: SIM905
)
# ``WORD`` tokens of one character: single letters and digits (dropped with the stopwords).
SHORT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Page furniture that can pass for a sentence: captions, credits, teasers, prompts.
FURNITURE = re.compile(
    r"\b(?:photo|photograph|picture|image|caption|file photo|video)\s*(?::|by|credit)"
    r"|\((?:AP|Reuters|AFP|Getty|EPA)\b[^)]*\)|\bGetty Images\b|\bAP Photo\b"
    r"|^(?:read more|related|watch|listen|subscribe|sign up|click|follow us|advertisement)\b"
    r"|\b(?:click here|sign up for|subscribe to our|all rights reserved)\b",
    re.IGNORECASE,
)


def words(text: str) -> frozenset[str]:
    """The words of a sentence for TF-IDF: lowercase, no stopword, no single character."""
    return frozenset(WORD.findall(text.lower())).difference(STOP, SHORT)


class Bags(dict[str, frozenset[str]]):
    """``words`` of each text, computed once per summary (a claim is read by several steps)."""

    def __missing__(self, text: str) -> frozenset[str]:
        bag = self[text] = words(text)
        return bag


# A line that leans on the one before it ("This explains why …", "This land-for-peace
# proposal …", "But …"): out of its article it dangles. Used only when nothing else
# states the fact.
DANGLING = re.compile(
    r"^\W*(?:(?:this|these|that|those|such)\b(?!\s+(?:year|week|month|morning|afternoon|"
    r"evening|weekend|summer|spring|fall|autumn|winter)\b)"
    r"|(?:but|however|yet|still|and|so|also|meanwhile|moreover|instead|nonetheless|"
    r"nevertheless|thus|hence|therefore)\b)",
    re.IGNORECASE,
)
# Belief, condition and speculation: an aside, not a key point, when one source says it.
SPECULATIVE = re.compile(
    r"\b(?:if|would|could|might|believes?|thinks?|should|perhaps|deserv\w*)\b", re.IGNORECASE
)


# Each match of ``FURNITURE`` holds one of these (lowercased), or opens on one of the
# second: a sentence with none of them is no furniture, without running the regex.
FURNITURE_WORDS = tuple(
    "photo|picture|image|caption|video|(|getty|click|sign up|subscribe|all rights".split("|")  # noqa: SIM905
)
FURNITURE_OPENINGS = tuple(
    "read more|related|watch|listen|subscribe|sign up|click|follow us|advertisement".split("|")  # noqa: SIM905
)
# Characters the regex's IGNORECASE matches to an ASCII letter that ``str.lower`` does
# not map onto it (İ ı ſ K): with one of them, only the regex can tell.
CASE_ODD = frozenset("\u0130\u0131\u017f\u212a")


def furniture(text: str) -> bool:
    """Whether a sentence matches ``FURNITURE`` (a caption, credit, teaser or prompt)."""
    low = text.lower()
    if (
        CASE_ODD.isdisjoint(text)
        and not low.startswith(FURNITURE_OPENINGS)
        and not any(w in low for w in FURNITURE_WORDS)
    ):
        return False
    return FURNITURE.search(text) is not None


def dangling(text: str) -> bool:
    """Whether a sentence opens by pointing back ("This explains why …", "However, …")."""
    return DANGLING.match(text) is not None


def norm(vec: Mapping[str, float]) -> float:
    """The length of a vector, summed as ``crossdoc.graph.cosine`` sums it."""
    return math.sqrt(sum(w * w for w in vec.values()))


def cosine_to(vec: Mapping[str, float], centroid: Mapping[str, float], size: float) -> float:
    """``cosine(vec, centroid)`` to the bit, the centroid's norm given: every sentence is
    scored against one centroid, whose norm (``size``) was summed again per sentence."""
    if len(vec) > len(centroid):
        dot = sum(w * vec.get(t, 0.0) for t, w in centroid.items())
    else:
        dot = sum(w * centroid.get(t, 0.0) for t, w in vec.items())
    own = norm(vec)
    return dot / (own * size) if own and size else 0.0
