"""Issues of a story: the noun phrases actors take stances on, found in the coverage.

A stance event (``extract.events``) carries key noun phrases of its topic, the
one nearest the head of the demanded or rejected clause first ("security
guarantee", "ceasefire", "ceding territory"). An issue is what a reader can put
in a column of the positions map, so a phrase only becomes one when it names a
thing a story can be about:

* a phrase of two or more words whose modifiers are content words ("tax plan",
  "water rights bill", "root cause", "Atlantic Pact membership");
* one word from ``ISSUE_NOUNS`` (the policy, conflict and public-order nouns
  that news stances are about: ceasefire, sanction, treaty, bill, tax …) or a
  deverbal noun of an action ("withdrawal", "annexation") outside
  ``GENERIC_NOUNS``.

Pronoun-like and generic nouns ("word", "wife", "nation", "problem", "self",
"pocket", "exit", "condolence") never name an issue: the stance is dropped
rather than shown under a meaningless column. Only the **first** key of a
topic is used: deeper phrases are adjuncts ("… as a prerequisite for peace"),
and falling back to them puts a stance under an issue it is not about.

Phrases are clustered by head noun ("binding guarantee", "security guarantee"
→ one issue), named by the phrase seen in the most documents (ties: the longer
phrase, then alphabetical), so the label is the coverage's own words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from newsprism.extract.events import ExtractedEvent

# Single nouns that name an issue on their own.
ISSUE_NOUNS: frozenset[str] = frozenset(
    {
        "ceasefire",
        "truce",
        "armistice",
        "peace",
        "sanction",
        "embargo",
        "tariff",
        "tax",
        "toll",
        "levy",
        "treaty",
        "accord",
        "pact",
        "alliance",
        "membership",
        "accession",
        "bill",
        "law",
        "amendment",
        "budget",
        "referendum",
        "election",
        "recount",
        "impeachment",
        "strike",
        "boycott",
        "blockade",
        "aid",
        "reconstruction",
        "guarantee",
        "security",
        "sovereignty",
        "independence",
        "autonomy",
        "annexation",
        "occupation",
        "withdrawal",
        "disarmament",
        "deployment",
        "mobilization",
        "conscription",
        "pipeline",
        "casino",
        "map",
        "wage",
        "pension",
        "subsidy",
        "immigration",
        "asylum",
        "abortion",
        "extradition",
        "amnesty",
        "inquiry",
        "investigation",
        "lawsuit",
        "ban",
        "curfew",
        "lockdown",
        "vaccine",
        "ceding territory",
        "territory",
        "negotiation",
        "talk",
        "dialogue",
        "exchange",
        "release",
        "resignation",
        "reform",
        "privatization",
        "nationalization",
        "merger",
        "moratorium",
        "quota",
        "visa",
        "nuclear",
    }
)

# Nouns too general, personal or pronoun-like to name an issue, whatever their form.
GENERIC_NOUNS: frozenset[str] = frozenset(
    {
        "word",
        "wife",
        "husband",
        "nation",
        "problem",
        "self",
        "pocket",
        "exit",
        "condolence",
        "sympathy",
        "prayer",
        "thought",
        "recognition",
        "pledge",
        "statement",
        "comment",
        "attention",
        "information",
        "situation",
        "position",
        "relation",
        "question",
        "mention",
        "consideration",
        "intention",
        "direction",
        "action",
        "motion",
        "option",
        "solution",
        "moment",
        "development",
        "government",
        "movement",
        "treatment",
        "appearance",
        "importance",
        "presence",
        "absence",
        "difference",
        "confidence",
        "experience",
        "evidence",
        "instance",
        "assurance",
        "concern",
        "consent",
        "party",
        "people",
        "style",
        "way",
        "thing",
        "part",
        "side",
        "everything",
        "anything",
        "nothing",
        "something",
        "one",
        "other",
        "lot",
        "kind",
        "sort",
        "type",
        "case",
        "fact",
        "idea",
        "effort",
        "goal",
        "matter",
        "issue",
        "point",
        "step",
        "chance",
        # Claims are not issues: denying an accusation is no stance on anything.
        "accusation",
        "allegation",
        "suggestion",
        "distinction",
        "connection",
        "claim",
        "charge",
        "report",
        "obligation",
        "administration",
        # People are actors, not issues.
        "individual",
        "customer",
        "client",
        "user",
        "citizen",
        "member",
        "voter",
        "family",
        "leader",
        "official",
        "spokesman",
        "spokeswoman",
        "minister",
        "president",
        "team",
        "staff",
    }
)
_DEVERBAL = ("tion", "sion", "ment", "ance", "ence", "ure", "al")
# Modifiers that do not make a generic head specific ("style security protection"
# is what is left of "NATO-style …"; "other matter" stays a matter).
_EMPTY_MODIFIERS: frozenset[str] = frozenset(
    {"style", "type", "kind", "sort", "other", "such", "same", "own", "whole", "various"}
)


def meaningful(key: str) -> bool:
    """Whether the key phrase ``key`` can name an issue (rules in the module docstring)."""
    if key in ISSUE_NOUNS:
        return True
    words = key.split()
    head = words[-1].lower()
    if head in GENERIC_NOUNS:
        return False
    mods = [w for w in words[:-1] if w.lower() not in _EMPTY_MODIFIERS and len(w) > 2]
    if mods:
        return True
    if len(words) > 1:
        return False
    return head in ISSUE_NOUNS or (head.endswith(_DEVERBAL) and len(head) > 6)


def head(key: str) -> str:
    return key.split()[-1]


def discover_issues(found: Sequence[ExtractedEvent]) -> dict[str, str]:
    """Key phrase → issue label, from the stance topics of all documents."""
    docs: dict[str, set[str]] = defaultdict(set)
    for ev in found:
        if ev.stance is not None:
            for key in ev.topic_keys:
                docs[key].add(ev.document)
    clusters: dict[str, list[str]] = defaultdict(list)
    for key in sorted(docs):
        clusters[head(key)].append(key)
    labels: dict[str, str] = {}
    for _, keys in sorted(clusters.items()):
        best = min(keys, key=lambda k: (-len(docs[k]), -len(k.split()), k))
        for k in keys:
            labels[k] = best
    return labels


def issue_of_events(found: Sequence[ExtractedEvent]) -> dict[str, str]:
    """Extracted event id → issue label, for every stance event whose topic names one."""
    labels = discover_issues(found)
    out: dict[str, str] = {}
    for ev in found:
        if ev.stance is None or not ev.topic_keys:
            continue
        first = ev.topic_keys[0]
        if meaningful(first):
            label = labels[first]
            out[ev.id] = label if meaningful(label) else first
    return out
