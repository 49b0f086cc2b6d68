"""Form groups for entity linking: mentions that share one name key, and a union-find.

``crossdoc.link`` builds the groups and decides types and names;
``crossdoc.person_link`` decides which groups are one person. Both work on the
structures here, so neither imports the other's rules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from newsprism.crossdoc.names import alias_of, demonym_of, name_key
from newsprism.crossdoc.persons import PersonName, parse_name
from newsprism.extract.cues import HONORIFIC_GENDER
from newsprism.extract.entities import NAME_PARTICLES, PERSON_TITLES, EntityMention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PLACE_LABELS = ("GPE", "LOC")
# Labels that a place context does not overrule: they name places already.
PLACE_LIKE = ("GPE", "LOC", "FAC")
# Tie-break between equally voted labels: the more specific reading first.
LABEL_ORDER = ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW")
# Company-form words dropped from the end of an ORG name ("Ford Motor Co." and
# "Ford Motor Company" are one company; "Apple Inc." is Apple).
CORPORATE_SUFFIXES = _words(
    "inc incorporated corp corporation co company ltd limited llc plc nv ag sa gmbh"
)
_DOTS = re.compile(r"[.,]")
# Last words no personal name ends with: newspapers, institutions, streets.
NOT_NAME_ENDINGS = _words("""
    post times journal herald tribune gazette telegraph ministry committee agency commission
    council party union university institute corporation company foundation bureau
    department administration airlines airways street avenue road boulevard square bridge
    airport station stadium
    """)

MentionKey = tuple[str, int, int]


def surface(text: str) -> str:
    return " ".join(text.split())


def votes_of(mentions: Iterable[EntityMention]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for m in mentions:
        if m.context_place and not m.context_person and m.label not in PLACE_LIKE:
            votes["GPE"] += 1
        elif m.context_person and not m.context_place:
            votes["PERSON"] += 1
        else:
            votes[m.label] += 1
    return votes


def _rank(label: str) -> int:
    return LABEL_ORDER.index(label) if label in LABEL_ORDER else len(LABEL_ORDER)


def top_label(votes: Counter[str]) -> str:
    return min(votes, key=lambda lab: (-votes[lab], _rank(lab), lab))


def _is_title(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low in PERSON_TITLES or low in HONORIFIC_GENDER or low + "." in HONORIFIC_GENDER


def key_text(m: EntityMention) -> str:
    """The words of a mention that name it: titles and company forms dropped.

    "Mr. Trump" tagged ORG keys as "Trump"; "Ford Motor Co." as "Ford Motor".
    """
    return _key_text(m.text, m.label == "ORG")


@lru_cache(maxsize=1 << 16)
def _key_text(text: str, org: bool) -> str:
    words = text.split()
    while len(words) > 1 and words[0][:1].isupper() and _is_title(words[0]):
        words.pop(0)
    if org:
        while len(words) > 1 and _DOTS.sub("", words[-1]).lower() in CORPORATE_SUFFIXES:
            words.pop()
        if words and words[-1].endswith(","):
            words[-1] = words[-1].rstrip(",")
    return " ".join(words)


@dataclass
class Group:
    """Mentions whose texts share one name key."""

    key: str
    words: tuple[str, ...]
    alias: str | None
    mentions: list[EntityMention] = field(default_factory=list)
    # docs and majority are asked for many times per group once it is built; they are
    # kept with the number of mentions they were computed from (mentions are only
    # ever appended, while the groups are built).
    _docs: tuple[int, frozenset[str]] = field(default=(-1, frozenset()), repr=False, compare=False)
    _majority: tuple[int, str] = field(default=(-1, ""), repr=False, compare=False)
    _full: tuple[int, bool] = field(default=(-1, False), repr=False, compare=False)

    @property
    def docs(self) -> frozenset[str]:
        n = len(self.mentions)
        if self._docs[0] != n:
            self._docs = (n, frozenset(m.document for m in self.mentions))
        return self._docs[1]

    def votes(self) -> Counter[str]:
        return votes_of(self.mentions)

    def majority(self) -> str:
        n = len(self.mentions)
        if self._majority[0] != n:
            self._majority = (n, top_label(self.votes()))
        return self._majority[1]

    @cached_property
    def person(self) -> PersonName:
        return parse_name(key_text(self.mentions[0]))

    def first_word(self) -> str:
        return key_text(self.mentions[0]).split()[0]

    def is_full_name(self) -> bool:
        n = len(self.mentions)
        if self._full[0] != n:
            self._full = (n, self._is_full_name())
        return self._full[1]

    def _is_full_name(self) -> bool:
        if self.alias or len(self.words) < 2 or self.first_word().lower() in NAME_PARTICLES:
            return False
        # "Washington Post", "Unity Street" tagged PERSON are not people.
        if key_text(self.mentions[0]).split()[-1].lower() in NOT_NAME_ENDINGS:
            return False
        return self.majority() == "PERSON"

    def is_short_form(self) -> bool:
        if self.alias or not self.words:
            return False
        if len(self.words) > 1 and self.first_word().lower() not in NAME_PARTICLES:
            return False
        votes = self.votes()
        personal = votes["PERSON"] + votes["ORG"]
        return personal > 0 and personal > sum(votes.values()) - personal


class UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key wins so that the root does not depend on call order.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def build_groups(mentions: Iterable[EntityMention]) -> dict[str, Group]:
    """Mentions grouped by name key; table aliases and demonyms key as their country."""
    groups: dict[str, Group] = {}
    for m in mentions:
        key, words, alias = _group_key(m.text, m.label)
        if not key:
            continue
        groups.setdefault(key, Group(key, words, alias)).mentions.append(m)
    for g in groups.values():
        g.mentions.sort(key=lambda m: (m.document, m.start, m.end))
    return groups


@lru_cache(maxsize=1 << 16)
def _group_key(text: str, label: str) -> tuple[str, tuple[str, ...], str | None]:
    """(group key, name key, alias) of a mention's text and label: a pure function of
    the two, and a story repeats its names."""
    alias = alias_of(text)
    if alias is None and label in ("NORP", "GPE"):
        alias = demonym_of(text)
    words = name_key(_key_text(text, label == "ORG"))
    return ("=" + alias if alias else " ".join(words)), words, alias


def pairs_in_blocks(blocks: dict[tuple[str, ...], list[Group]]) -> Iterable[tuple[Group, Group]]:
    for block in sorted(blocks):
        members = sorted(blocks[block], key=lambda g: g.key)
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                yield a, b
