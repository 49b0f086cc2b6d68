"""What a value in a claim measures, read from the dependency parse.

For each slot of a claim: the word the value describes (its *head*, whose class
blocks fact alignment), a short human *label* of the thing measured ("Valdorian
soldiers held in Kestovian camps", "territory held by Kestovian forces"), the
named *participants* of the event it belongs to, and for dates the *tense* of
their clause.

The head is strict on purpose, because a wrong head makes a wrong fact:

* a duration is the length of an event only when the parse ties it to one:
  "lasted four hours" (the subject of *last*), "met for four hours" (*for* on
  the event verb), "a four-hour meeting", "four hours of talks". "The first in
  seven years", "since 2019", "within two weeks" or "after years of" give no
  head: elapsed time and deadlines are not lengths.
* a date belongs to the event noun or verb its phrase hangs from ("the meeting
  on March 3", "met on Tuesday", "ended their meeting on Tuesday" → meeting);
  "since Monday" and "by Friday" give no head (a start or a deadline).

Labels are built from the tokens of the parse, never generated; ``None`` when
no label reads well, and the aligner then keeps a lone value out of the brief.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Words that name the same kind of event; the class name reads well in ``about``.
EVENT_CLASSES: dict[str, str] = {
    w: cls
    for cls, words in {
        "talks": "meet meeting talk talks negotiation negotiate summit discussion discuss "
        "session conversation convene encounter conference consultation call",
        "attack": "attack strike bombing blast explosion shooting raid assault",
        "vote": "vote election ballot referendum poll",
        "earthquake": "earthquake quake tremor",
        "fire": "fire blaze wildfire",
        "crash": "crash collision",
    }.items()
    for w in words.split()
}
DURATION_VERBS = frozenset({"last", "take", "run", "span", "continue", "stretch", "go", "extend"})
# Verbs whose object is the event itself: "imposed sanctions in 2024" dates the sanctions.
_MAKING_VERBS = frozenset(
    {
        "impose",
        "sign",
        "announce",
        "launch",
        "introduce",
        "adopt",
        "hold",
        "approve",
        "pass",
        "open",
        "reach",
        "lift",
    }
)
# Prepositions that make a date a start, a deadline or a bound rather than the day of an event.
_BOUND_PREPS = frozenset({"since", "until", "till", "by", "before", "after", "from", "through"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "on", "across", "around"})
_PARTY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_GENERIC_NOUNS = frozenset(
    {
        "people",
        "person",
        "persons",
        "other",
        "others",
        "individual",
        "individuals",
        "thing",
        "things",
        "one",
        "ones",
    }
)
_GROUPS = frozenset(
    {
        "bloc",
        "group",
        "alliance",
        "coalition",
        "union",
        "team",
        "crew",
        "crowd",
        "delegation",
        "convoy",
        "fleet",
        "league",
        "federation",
        "club",
        "panel",
    }
)
_APPROX_WORDS = frozenset(
    {
        "more",
        "less",
        "fewer",
        "least",
        "most",
        "nearly",
        "about",
        "roughly",
        "some",
        "estimated",
        "over",
        "under",
        "almost",
    }
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
_PAST_AUX = frozenset({"had", "has", "have", "did", "was", "were", "'ve", "'d"})
_FUTURE_HEADS = frozenset(
    {
        "plan",
        "expect",
        "set",
        "due",
        "ready",
        "schedule",
        "prepare",
        "intend",
        "hope",
        "aim",
        "agree",
        "promise",
        "be",
        "go",
    }
)
_CONDITION_MARKS = frozenset({"if", "unless", "once", "until", "when", "before"})
_IRREGULAR_PARTICIPLES = {
    "hold": "held",
    "take": "taken",
    "give": "given",
    "send": "sent",
    "bring": "brought",
    "keep": "kept",
    "lose": "lost",
    "find": "found",
    "make": "made",
    "leave": "left",
    "seize": "seized",
    "win": "won",
    "build": "built",
    "buy": "bought",
    "sell": "sold",
    "put": "put",
    "set": "set",
    "shoot": "shot",
    "meet": "met",
    "pay": "paid",
}
MAX_LABEL_WORDS = 9


@dataclass(frozen=True)
class SlotContext:
    """The parse-derived context of one slot; spans are document character offsets."""

    head: str | None = None
    label: str | None = None
    participants: tuple[tuple[int, int], ...] = ()
    tense: str | None = None


def participle(verb: Any) -> str:
    """Past participle of a verb token ("hold" → held, "control" → controlled)."""
    if verb.tag_ == "VBN":
        return str(verb.lower_)
    lemma = str(verb.lemma_.lower())
    if lemma in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return lemma[:-1] + "ied"
    if lemma.endswith("ol") or lemma.endswith("el"):
        return lemma + "led"
    return lemma + "ed"


def _words(tokens: list[Any]) -> str:
    """Tokens in text order, joined with the document's own spacing, determiners off the front."""
    toks = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    while toks and toks[0].dep_ in ("det", "predet", "punct", "cc"):
        toks = toks[1:]
    while toks and toks[-1].dep_ in ("punct", "cc"):
        toks = toks[:-1]
    if not toks:
        return ""  # only determiners and punctuation: nothing to name
    out = []
    for t, nxt in zip(toks, [*toks[1:], None], strict=True):
        gap = t.whitespace_ if nxt is not None and nxt.i == t.i + 1 else " "
        out.append(t.text + gap)
    return "".join(out).strip()


def _subtree(tok: Any, skip: set[int]) -> list[Any]:
    return [t for t in tok.subtree if t.i not in skip]


_NUMBER_WORDS = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
     "billion", "score", "old"}
)


def _noun_label(noun: Any, skip: set[int]) -> str | None:
    """ "Valdorian soldiers held in Kestovian camps", "residents of the region"."""
    # Adjectives stay even inside the slot ("600 Valdorian soldiers"); numbers do not.
    left = [
        c
        for c in noun.lefts
        if c.dep_ in ("amod", "compound") and c.pos_ != "NUM" and c.lower_ not in _APPROX_WORDS
        # "23-year-old woman", "a dozen shots": an age or a number word is no kind of thing.
        and c.lower_ not in _NUMBER_WORDS and not any(t.like_num for t in c.subtree)
    ]
    if any(c.dep_ == "conj" for c in noun.rights):
        return None  # "a woman and a man": the first conjunct names only part of the count
    # A modifier keeps its own words: "full-scale invasion", never "scale invasion".
    left = [t for c in left for t in c.subtree
            if t is c or (t.i < noun.i and t.i not in skip and t.pos_ != "NUM")]
    right: list[Any] = []
    for c in noun.rights:
        if c.dep_ == "acl" or (c.dep_ == "prep" and c.lower_ in ("of", "for", "on")):
            right += _subtree(c, skip)
    poss = [c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
    label = _words([*left, noun, *right])
    if poss and poss[0].i not in skip:
        if poss[0].pos_ == "PROPN":
            # As written: "Russia's full-scale invasion of Ukraine", not "… of the Russia".
            label = _words([*poss[0].subtree, *left, noun, *right])
        else:
            label += " of the " + _words([t for t in poss[0].subtree if t.dep_ != "case"])
    if not poss and noun.dep_ == "pobj" and noun.head.lower_ == "of" and (
        noun.head.head.lower_ in _GROUPS
    ):
        label += " in the " + noun.head.head.lower_  # "a bloc of eleven states"
    if noun.lower_ in _GENERIC_NOUNS and label == noun.text:
        verb = noun.head
        if noun.dep_ == "nsubj" and verb.pos_ == "VERB":
            label = f"{noun.text} who {verb.lower_}"
        else:
            return None
    return label if len(label.split()) <= MAX_LABEL_WORDS else None


def _clause_verb(tok: Any) -> Any | None:
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "aux", "auxpass"):
            return tok
        if tok.head is tok:
            return None
        tok = tok.head
    return None


def clause_tense(tok: Any) -> str | None:
    """ "future" / "past" / None for the clause that ``tok`` belongs to."""
    verb = _clause_verb(tok)
    if verb is None:
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if auxes & _FUTURE_AUX:
        return "future"
    if "to" in auxes and verb.head.lemma_.lower() in _FUTURE_HEADS:
        return "future"  # "is to release", "plans to meet", "ready to meet"
    if verb.tag_ == "VBD" or auxes & _PAST_AUX:
        return "past"
    if verb.tag_ == "VBN":
        return "past"
    if verb.lemma_.lower() in ("be", "have"):
        return None  # "the danger of Tuesday's summit is …" says nothing of when
    if verb.tag_ in ("VBP", "VBZ", "VB") and (marks & _CONDITION_MARKS or verb.tag_ != "VB"):
        return "future"  # "if talks on Monday make progress", "the council meets on Monday"
    return None


def _event_of(tok: Any) -> Any:
    """An event noun the verb ``tok`` governs ("ended their meeting") or ``tok`` itself."""
    if tok.lemma_.lower() in EVENT_CLASSES:
        return tok
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubj", "nsubjpass", "conj") and c.lemma_.lower() in EVENT_CLASSES:
            return c
    return tok


def _date_head(root: Any, skip: set[int]) -> tuple[Any | None, str | None]:
    if root.dep_ == "poss":  # "Tuesday's summit"
        return root.head, (
            None if root.head.lemma_.lower() in EVENT_CLASSES else _noun_label(root.head, skip)
        )
    gov = root.head
    if root.dep_ == "pobj":
        if root.head.lower_ in _BOUND_PREPS:
            return None, None
        gov = root.head.head
    if gov is root:
        return None, None
    for _ in range(6):  # "talks between the ministers in Halloran on Monday" → talks
        if gov.pos_ == "VERB" or gov.lemma_.lower() in EVENT_CLASSES or gov.head is gov:
            break
        # Climb over names ("in Halloran") and the parties of an event ("between the
        # ministers"); stop at any other noun ("the collapse of the accord in 2019").
        party = gov.dep_ == "pobj" and gov.head.lower_ in ("between", "with", "among")
        if gov.pos_ == "NOUN" and not party and gov.dep_ not in ("compound", "appos"):
            break
        gov = gov.head.head if gov.dep_ == "pobj" else gov.head
    if gov.pos_ == "VERB":
        event = _event_of(gov)
        if event is not gov:
            return event, None
        obj = next((c for c in gov.children if c.dep_ == "dobj"), None)
        if gov.lemma_.lower() in _MAKING_VERBS and obj is not None:
            return gov, _noun_label(obj, skip)
        if gov.dep_ == "acl" and gov.tag_ == "VBN" and gov.head.pos_ == "NOUN":
            # The participle's phrase without the prepositional phrase that holds the date.
            rest = [
                t
                for c in gov.rights
                if not (skip & {x.i for x in c.subtree})
                for t in _subtree(c, skip)
            ]
            return gov, _words([gov.head, gov, *rest]) or None
        return gov, None
    if gov.pos_ in ("NOUN", "PROPN"):
        return gov, (None if gov.lemma_.lower() in EVENT_CLASSES else _noun_label(gov, skip))
    return None, None


def _duration_head(root: Any) -> Any | None:
    for c in root.children:
        if c.dep_ == "prep" and c.lower_ == "of":  # "four hours of talks"
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
            if obj is not None:
                return obj
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod", "nummod") and head.pos_ == "NOUN":
        return head  # "a four-hour meeting"
    verb = head.head if root.dep_ == "pobj" and head.lower_ == "for" else head
    direct = root.dep_ in ("dobj", "npadvmod", "obj", "attr", "advmod")
    if (direct or (root.dep_ == "pobj" and head.lower_ == "for")) and verb.pos_ == "VERB":
        if verb.lemma_.lower() in DURATION_VERBS:
            if verb.dep_ in ("acl", "relcl"):
                return verb.head  # "the meeting, lasting three hours"
            return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if root.dep_ == "pobj":
            return _event_of(verb)  # "met for four hours"
    return None


def _participants(head: Any, mentions: list[tuple[int, int, str]]) -> tuple[tuple[int, int], ...]:
    """Named parties of the event ``head``: its subject, object and with/between phrases."""
    roots = [head]
    if head.pos_ == "NOUN" and head.dep_ == "dobj":
        roots += [c for c in head.head.children if c.dep_ == "nsubj"]
    if head.pos_ == "VERB":
        roots = [
            c
            for c in head.children
            if c.dep_ in ("nsubj", "nsubjpass", "dobj")
            or (c.dep_ == "prep" and c.lower_ in ("with", "between"))
        ]
    ids = {t.i for r in roots for t in r.subtree}
    for r in roots:
        for t in r.subtree:
            # "in Halloran" says where, not who; a relative clause says something else.
            place = t.dep_ == "prep" and t.lower_ in _PLACE_PREPS
            if t is not r and (place or t.dep_ in ("relcl", "acl", "advcl")):
                ids -= {x.i for x in t.subtree}
    doc = head.doc
    chars = {(doc[i].idx, doc[i].idx + len(doc[i].text)) for i in ids}
    return tuple(
        sorted(
            {
                (s, e)
                for s, e, label in mentions
                if label in _PARTY_LABELS and any(a < e and s < b for a, b in chars)
            }
        )
    )


def slot_context(kind: str, tokens: list[Any], mentions: list[tuple[int, int, str]]) -> SlotContext:
    """Head, label, participants and tense for the slot made of ``tokens``."""
    if not tokens:
        return SlotContext()
    skip = {t.i for t in tokens}
    # The span's root: the first token whose head lies outside the span.
    root = next((t for t in tokens if t.head.i not in skip or t.head is t), tokens[-1])
    head: Any | None = None
    label: str | None = None
    tense: str | None = None
    if kind == "duration":
        head = _duration_head(root)
        if head is not None and head.pos_ == "NOUN":
            label = None if head.lemma_.lower() in EVENT_CLASSES else _noun_label(head, skip)
    elif kind in ("date", "time"):
        head, label = _date_head(root, skip)
        tense = None if root.dep_ == "poss" else clause_tense(root)
    elif kind == "count":
        head = root if root.pos_ in ("NOUN", "PROPN") else root.head
        label = _noun_label(head, skip) if head.pos_ in ("NOUN", "PROPN") else None
    elif kind in ("percent", "quantity"):
        label = _share_label(root, skip)
        head = next(
            (
                g
                for c in root.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
    elif kind == "money":
        head = root.head if root.head.pos_ == "NOUN" and root.head.i not in skip else None
        label = _noun_label(head, skip) if head is not None else None
    if head is None or _summoned(head):
        return SlotContext(tense=tense)
    return SlotContext(
        str(head.lemma_.lower()),
        label,
        _participants(head, mentions) if head.lemma_.lower() in EVENT_CLASSES else (),
        tense,
    )


def _summoned(head: Any) -> bool:
    """ "Officers were called to the bar at 1:15 a.m.": the verb "call" summons or names
    ("called it a farce"); only "called with"/"spoke by phone" is a conversation."""
    return bool(head.pos_ in ("VERB", "AUX") and head.lemma_.lower() == "call" and not any(
        c.dep_ == "prep" and c.lower_ == "with" for c in head.children))


def _share_label(root: Any, skip: set[int]) -> str | None:
    """ "about 40 percent of the territory" held by … → "territory held by Kestovian forces"."""
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        return None
    label = _noun_label(obj, skip)
    verb = root.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if root.dep_ == "dobj" and verb.pos_ == "VERB" and subj is not None and subj.pos_ == "NOUN":
        label = f"{label} {participle(verb)} by {_words(list(subj.subtree))}"
    return label if label and len(label.split()) <= MAX_LABEL_WORDS + 3 else None
