"""Which named places and people may be one party, for aligning values.

The NER often cuts one place several ways ("the Copper Anchor Tavern", "the Copper
Anchor Tavern on Dock Street", "Dock Street"), so two sets of names are compatible
when they share an entity or a distinctive word of a name. Where victims were taken
(a hospital) is not where something happened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from newsprism.models import Entity

CARE = re.compile(r"\b(?:hospital|clinic|medical cent(?:er|re)|infirmary)\b", re.IGNORECASE)

# Words that many place names share: "Dock Street" and "Main Street" are not one place.
_GENERIC_NAME_WORDS = frozenset(
    """
    the of on at and in street st avenue ave road rd boulevard lane drive city county state
    north south east west new hospital school high park bar tavern center centre church
    university river lake mount fort saint san port district
    """.split()  # noqa: SIM905
)


def name_words(entities: Sequence[Entity]) -> dict[str, frozenset[str]]:
    """Entity id → the distinctive words of its name ("Copper Anchor Tavern on Dock
    Street" → copper, anchor, dock)."""
    return {e.id: frozenset(w for w in re.findall(r"[a-z0-9]+", e.name.lower())
                            if w not in _GENERIC_NAME_WORDS and len(w) > 2)
            for e in entities}


def compatible(a: Iterable[str], b: Iterable[str], words: Mapping[str, frozenset[str]]) -> bool:
    """Two sets of named people or places that may be one party: they share an entity, or a
    distinctive name word ("the Copper Anchor Tavern" / "the Copper Anchor Tavern on Dock
    Street" / "Dock Street": the NER cut one place three ways)."""
    a, b = set(a), set(b)
    if not a or not b or a & b:
        return True
    wa = set().union(*(words.get(e, frozenset()) for e in a))
    wb = set().union(*(words.get(e, frozenset()) for e in b))
    return bool(wa & wb)
