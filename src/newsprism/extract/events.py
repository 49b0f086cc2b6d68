"""Who did what to whom in one document: PLOVER-style events from the parse.

A trigger is a verb or an event noun from ``event_words`` ("met", "demanded",
"the summit", "Kestovia's demand"). Around it the dependency parse gives:

* **actor** — the subject (the "by" agent of a passive), a possessor ("his
  summit"), or the first of two coordinated subjects ("A and B met": B becomes
  the target). Pronouns and role nouns ("the premier") go through the coref
  ``Resolver``; "Kestovian officials" names the NORP mention; "It"/"the deal"
  after "Putin's proposal" names the proposal's owner. Anything else stays
  ``None``: no actor beats a wrong actor.
* **target** — the direct object, "with"/"to"/"against" objects, the subject
  of a demanded clause ("demanded that Valdoria cede …").
* **location** — the first named place in an "in"/"at" phrase of the trigger.
* **date** — a day-precise date (``extract.dates``) inside the trigger's clause,
  resolved against the published date or the dateline.
* **mode** — ``refused`` (negated, or under "refused to"), ``conditional``
  ("if"/"unless" clause, would/could), ``planned`` (will, plans to, invited,
  a future date), else ``happened``.
* **evidence** — one contiguous span from the leftmost to the rightmost of
  those words, inside one sentence, so ``text[start:end]`` reads as a clause.

Stance events (demand, reject, support, offer, "would not … without X")
also carry a **topic**: the span of what is demanded or rejected and the key
noun phrases in it, from which ``crossdoc.positions`` finds the issues.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.extract.coref import Resolver
from newsprism.extract.cues import PRONOUN_GENDER, SPEECH_VERBS
from newsprism.extract.dates import dateline_anchor, find_dates, parse_anchor
from newsprism.extract.entities import EntityMention
from newsprism.extract.event_words import (
    CONDITION_MARKS,
    CONDITIONAL_AUX,
    FUTURE_AUX,
    GROUP_NOUNS,
    NEEDS_PREP,
    NOUN_TYPES,
    OFFER_VERBS,
    PLAN_VERBS,
    PROPOSAL_NOUNS,
    REFUSAL_VERBS,
    STANCE_NOUNS,
    STANCE_OF_TYPE,
    TERRITORY_NOUNS,
    TERRITORY_VERBS,
    VERB_TYPES,
    WEAK_ISSUE_WORDS,
)
from newsprism.extract.quote_marks import find_quoted
from newsprism.extract.slot_context import clause_tense

Span = tuple[int, int]

_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_PLACE_LABELS = ("GPE", "LOC", "FAC")
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj"})
_TARGET_PREPS = frozenset({"with", "to", "against", "on"})
# Verbs whose object noun is an event the subject takes part in ("held talks").
_HOLD_VERBS = frozenset(
    {
        "hold",
        "attend",
        "end",
        "have",
        "reach",
        "sign",
        "conclude",
        "host",
        "begin",
        "open",
        "finish",
        "join",
        "launch",
        "strike",
        "seal",
    }
)
_PLACE_PREPS = frozenset({"in", "at", "near", "inside"})
_PLAN_MODS = frozenset(
    {
        "planned",
        "upcoming",
        "next",
        "proposed",
        "possible",
        "future",
        "expected",
        "scheduled",
        "second",
        "trilateral",
    }
)
_ABANDON = frozenset({"drop", "abandon", "shelve", "withdraw", "soften", "scrap"})
_MAX_TOPIC_TOKENS = 40
_OWNER_SENTENCES = 3


@dataclass(frozen=True)
class ExtractedEvent:
    """One event as one document reports it, before linking (spans are document offsets)."""

    id: str
    document: str
    type: str
    lemma: str
    trigger: Span
    mode: str  # planned | happened | refused | conditional
    evidence: Span
    actor_ref: Span | None = None
    target_ref: Span | None = None
    location_ref: Span | None = None
    date: str | None = None
    subtype: str | None = None
    stance: str | None = None
    topic: Span | None = None
    # Key noun phrases of the topic ("security guarantee", "territory"), best first.
    topic_keys: tuple[str, ...] = ()
    # Named mentions inside the topic ("Dravik" in "cede Dravik").
    topic_refs: tuple[Span, ...] = ()


def event_id(doc_id: str, trigger: Span, kind: str) -> str:
    digest = hashlib.sha256(f"{doc_id}:{trigger[0]}:{trigger[1]}:{kind}".encode()).hexdigest()
    return "xe-" + digest[:12]


def _end(tok: Any) -> int:
    return int(tok.idx) + len(tok)


class _Doc:
    """Per-document lookups: mentions by offset, the coref resolver, dates per sentence."""

    def __init__(
        self, doc_id: str, sdoc: Any, mentions: Sequence[EntityMention], published: str | None
    ) -> None:
        self.doc_id = doc_id
        self.sdoc = sdoc
        self.mentions = sorted(
            (m for m in mentions if m.label in _ACTOR_LABELS), key=lambda m: (m.start, m.end)
        )
        self.starts = [m.start for m in self.mentions]
        self.labels = {(m.start, m.end): m.label for m in self.mentions}
        self.quoted = [(q.open, q.close + 1) for q in find_quoted(sdoc.text)]
        self.resolver = Resolver(sdoc, list(mentions), self.quoted)
        self.anchor = parse_anchor(published) or dateline_anchor(sdoc.text)
        self._dates: dict[int, list[tuple[int, int, str]]] = {}
        # The latest "<owner>'s proposal": (owner span, sentence start token).
        self.owner: tuple[Span, int] | None = None

    def mention_at(self, tok: Any) -> EntityMention | None:
        i = bisect_right(self.starts, tok.idx) - 1
        if i >= 0 and self.mentions[i].start <= tok.idx < self.mentions[i].end:
            return self.mentions[i]
        return None

    def dates(self, sent: Any) -> list[tuple[int, int, str]]:
        if sent.start not in self._dates:
            off = sent.start_char
            sdoc = self.sdoc

            def tense(start: int, end: int) -> str | None:
                span = sdoc.char_span(off + start, off + end, alignment_mode="expand")
                return clause_tense(span.root) if span is not None and len(span) else None

            found = find_dates(sent.text, self.anchor, tense)
            self._dates[sent.start] = [
                (off + d.start, off + d.end, d.value)
                for d in found
                if d.kind == "date" and d.unit == "day" and d.value
            ]
        return self._dates[sent.start]

    # ------------------------------------------------------------------ who

    def ref(self, tok: Any, sent_i: int, owner: bool = False) -> Span | None:
        """The named mention that the noun phrase headed by ``tok`` stands for, or None."""
        m = self.mention_at(tok)
        if m is not None:
            return (m.start, m.end)
        for c in tok.children:
            # "her Kestovian counterpart, Yuri Bondar": the apposition names the noun.
            am = self.mention_at(c) if c.dep_ == "appos" else None
            if am is not None and am.label in ("PERSON", "ORG", "GPE", "NORP"):
                return (am.start, am.end)
        low = tok.lower_
        if low in PRONOUN_GENDER:
            return self.resolver.resolve_pronoun(tok)
        if tok.pos_ == "PROPN":
            return self.resolver.resolve_name(tok)
        lemma = tok.lemma_.lower()
        if lemma in GROUP_NOUNS:
            for child in tok.children:
                if child.dep_ in ("amod", "compound", "poss"):
                    cm = self.mention_at(child)
                    if cm is not None:
                        return (cm.start, cm.end)
                    if child.lower_ in PRONOUN_GENDER:
                        return self.resolver.resolve_pronoun(child)
            role = self.resolver.resolve_role(tok)
            if role is not None:
                return role
        if (
            owner
            and (
                low in ("it", "this")
                or (
                    lemma in PROPOSAL_NOUNS
                    and any(c.lower_ in ("the", "this", "that") for c in tok.children)
                )
            )
            and self.owner is not None
            and sent_i - self.owner[1] <= _OWNER_SENTENCES
        ):
            return self.owner[0]
        return None

    def learn_owner(self, sent: Any, sent_i: int) -> None:
        for tok in sent:
            if tok.lemma_.lower() in PROPOSAL_NOUNS and tok.pos_ == "NOUN":
                for child in tok.children:
                    if child.dep_ == "poss":
                        who = self.ref(child, sent_i)
                        if who is not None:
                            self.owner = (who, sent_i)


def _children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok: Any, preps: frozenset[str]) -> list[Any]:
    out = []
    for p in _children(tok, "prep", "agent"):
        if p.lower_ in preps:
            out.extend(_children(p, "pobj", "pcomp"))
    return out


def _is_trigger(tok: Any) -> str | None:
    """The event type ``tok`` triggers, or None."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in VERB_TYPES:
        need = NEEDS_PREP.get(lemma)
        if need is None:
            if lemma == "warn":
                return "THREATEN" if _warns_of(tok) else None
            return VERB_TYPES[lemma]
        kids = list(tok.children)
        if "for" in need and any(c.dep_ == "dobj" for c in kids):
            return None  # "called the meeting a reference point for …" is not "call for"
        if "dobj" in need and any(c.dep_ == "dobj" for c in kids):
            return VERB_TYPES[lemma]
        if any(c.dep_ in ("prep", "prt") and c.lower_ in need for c in kids):
            return VERB_TYPES[lemma]
        if "that" in need and any(c.dep_ == "ccomp" for c in kids):
            return VERB_TYPES[lemma]
        objects = [c.lemma_.lower() for c in kids if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ == "acl":
            objects.append(tok.head.lemma_.lower())
        if any(o in need for o in objects):
            return VERB_TYPES[lemma]
        return None
    if tok.pos_ == "NOUN" and lemma in NOUN_TYPES:
        return NOUN_TYPES[lemma]
    return None


def _warns_of(tok: Any) -> bool:
    # "warned that X would halt …" threatens; "warned of risks" only reports.
    for c in _children(tok, "ccomp"):
        if any(a.lower_ in ("would", "could", "will", "might") for a in _children(c, "aux")):
            return True
    return False


def _subject(tok: Any) -> Any | None:
    """The subject of verb ``tok``, inherited along xcomp/conj/acl chains."""
    for _ in range(4):
        subj = _children(tok, "nsubj", "csubj")
        if subj:
            return subj[0]
        if tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _left_names(tok: Any, doc: _Doc) -> list[Any]:
    """Names right before a verb the parser left without a subject ("A and B convened")."""
    out: list[Any] = []
    i = tok.i - 1
    sdoc = tok.doc
    while i >= tok.sent.start and len(out) < 2:
        t = sdoc[i]
        m = doc.mention_at(t)
        if m is None or m.label not in ("PERSON", "ORG", "GPE", "NORP"):
            break
        out.append(t)
        j = i
        while j > tok.sent.start and doc.mention_at(sdoc[j - 1]) is m:
            j -= 1
        if j - 1 < tok.sent.start or sdoc[j - 1].lower_ != "and":
            break
        i = j - 2
    return list(reversed(out))


def _governor(tok: Any) -> Any:
    """The verb that ``tok`` hangs under as xcomp ("refused to meet" → refused)."""
    return tok.head if tok.dep_ == "xcomp" and tok.head is not tok else tok


def _mode(tok: Any, doc: _Doc, date: str | None) -> str:
    gov = _governor(tok)
    lemma = tok.lemma_.lower()
    if gov is not tok and gov.lemma_.lower() in REFUSAL_VERBS:
        return "refused"
    if _children(tok, "neg") or (gov is not tok and _children(gov, "neg")):
        return "refused"
    if tok.pos_ == "NOUN" and (
        any(c.lower_ == "no" for c in _children(tok, "det"))
        or (tok.dep_ == "pobj" and tok.head.lower_ == "without")
    ):
        return "refused"  # "ended without an agreement", "no deal"
    for head in (tok, gov, tok.head, *_children(tok, "ccomp")):
        for adv in _children(head, "advcl"):
            if any(m.lower_ in CONDITION_MARKS for m in _children(adv, "mark")):
                return "conditional"
    auxes = {a.lower_ for a in _children(tok, "aux")} | {a.lower_ for a in _children(gov, "aux")}
    if auxes & FUTURE_AUX or lemma == "invite":
        return "planned"
    if gov is not tok and gov.lemma_.lower() in PLAN_VERBS and gov.lemma_.lower() != "agree":
        return "planned"
    if auxes & CONDITIONAL_AUX:
        return "conditional"
    if tok.pos_ == "NOUN" and any(c.lower_ in _PLAN_MODS for c in _children(tok, "amod")):
        return "planned"
    if date and doc.anchor is not None and date > doc.anchor.isoformat():
        return "planned"
    if tok.pos_ == "NOUN" and clause_tense(tok) == "future":
        return "planned"
    return "happened"


def _bounds(tokens: Sequence[Any]) -> Span:
    return (min(int(t.idx) for t in tokens), max(_end(t) for t in tokens))


_LOOSE = frozenset({"appos", "relcl", "advcl", "parataxis", "acl", "punct", "cc", "conj"})


def _phrase(tok: Any, top: bool = True) -> list[Any]:
    """``tok`` and its dependents, without clauses and appositions hung onto it.

    Conjuncts stay at the top level ("cede Donetsk and Luhansk") but not deeper,
    so a phrase does not run on into the next clause of a long sentence.
    """
    out = [tok]
    for c in tok.children:
        if c.dep_ in _LOOSE and not (top and c.dep_ in ("conj", "cc")):
            continue
        out.extend(_phrase(c, False))
    return out


def _small_subtree(tok: Any, limit: int) -> list[Any]:
    sub = _phrase(tok)
    return sub if len(sub) <= limit else [tok]


def _core(tok: Any, depth: int = 0) -> list[Any]:
    """A clause without its adjuncts: the verb, particles, objects, complements."""
    out = [tok]
    if depth > 3:
        return out
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd", "acomp"):
            out.extend(_small_subtree(c, _MAX_TOPIC_TOKENS))
        elif c.dep_ in ("prt", "aux", "auxpass", "neg", "mark"):
            out.append(c)
        elif c.dep_ in ("xcomp", "ccomp"):
            out.extend(_core(c, depth + 1))
        elif c.dep_ == "prep" and c.lower_ in (
            "of",
            "for",
            "to",
            "from",
            "over",
            "on",
            "before",
            "after",
            "without",
        ):
            out.extend(_small_subtree(c, _MAX_TOPIC_TOKENS))
    return out


def _topic_head(tok: Any) -> list[Any]:
    """What a stance trigger is about: the demanded clause, object or "for" phrase."""
    for dep in ("ccomp", "xcomp"):
        for c in _children(tok, dep):
            return _core(c)
    objs = _children(tok, "dobj", "nsubjpass") if tok.pos_ == "VERB" else []
    if tok.dep_ == "acl" and tok.pos_ == "VERB":
        objs = [tok.head]
    objs += _prep_objects(tok, frozenset({"for", "on", "of", "to"}))
    for o in objs:
        if o.lemma_.lower() in PROPOSAL_NOUNS and o.dep_ in ("appos", "npadvmod"):
            return _core(o.head)
        return _small_subtree(o, _MAX_TOPIC_TOKENS)
    if tok.pos_ == "NOUN":
        for c in _children(tok, "acl", "ccomp"):
            if any(m.lower_ == "that" for m in _children(c, "mark")) or tok.i < c.i:
                return _core(c)
    if tok.pos_ == "NOUN" and tok.head.lemma_ == "be":
        for c in _children(tok.head, "ccomp", "attr", "acomp", "appos", "parataxis"):
            if c is not tok:
                return _core(c)
    return []


def _depth(tok: Any, root_ids: set[int]) -> int:
    d = 0
    while tok.i not in root_ids and tok.head is not tok and d < 20:
        tok, d = tok.head, d + 1
    return d


def _topic_keys(tokens: Sequence[Any], doc: _Doc) -> tuple[tuple[str, ...], tuple[Span, ...]]:
    """Key noun phrases of a topic, the one nearest its head first; names inside it."""
    ids = {t.i for t in tokens}
    roots = {t.i for t in tokens if t.head.i not in ids or t.head is t}
    found: list[tuple[int, int, str]] = []
    refs: list[Span] = []
    for t in sorted(tokens, key=lambda t: t.i):
        m = doc.mention_at(t)
        if m is not None and (m.start, m.end) not in refs:
            refs.append((m.start, m.end))
        lemma = t.lemma_.lower()
        if t.pos_ != "NOUN" or lemma in WEAK_ISSUE_WORDS or t.dep_ == "compound":
            continue
        mods = [c for c in t.children if c.dep_ == "compound" and c.i < t.i]
        words = [(c.text if c.pos_ == "PROPN" else c.lemma_.lower()) for c in mods] + [lemma]
        key = " ".join(w for w in words if w.isalpha() or "-" in w)
        if key:
            found.append((_depth(t, roots), t.i, key))
    keys: list[str] = []
    for _, _, key in sorted(found):
        if key not in keys:
            keys.append(key)
    # "cede Dravik", "any handover of land": the issue is the land, whatever its name.
    heads = [t for t in tokens if t.i in roots]
    territorial = any(t.lemma_.lower() in TERRITORY_VERBS and t.pos_ == "VERB" for t in heads)
    if (territorial and refs) or (keys and any(w in TERRITORY_NOUNS for w in keys[0].split())):
        keys.insert(0, "territory")
    return tuple(keys), tuple(refs)


def _parties(tok: Any, kind: str, doc: _Doc, si: int) -> tuple[Span | None, Span | None, list[Any]]:
    """Actor, target and the tokens that name them, for trigger ``tok``."""
    used: list[Any] = []
    actor: Span | None = None
    target: Span | None = None
    if tok.pos_ == "VERB":
        agents = _prep_objects(tok, frozenset({"by"}))
        passive = bool(_children(tok, "nsubjpass")) or tok.dep_ == "acl"
        subj = agents[0] if passive and agents else (None if passive else _subject(tok))
        left = _left_names(tok, doc) if subj is None and not passive else []
        if left:
            actor = doc.ref(left[0], si)
            target = doc.ref(left[-1], si) if len(left) > 1 else None
            used.extend(left)
        if subj is not None:
            # "Putin's proposal … It required Ukraine to cede …": only demands carry it on.
            actor = doc.ref(subj, si, owner=kind == "DEMAND")
            used.extend(_small_subtree(subj, 8) if actor is not None else [subj])
            conj = _children(subj, "conj")
            if conj and actor is not None:
                target = doc.ref(conj[0], si)
                used.append(conj[0])
        if target is None:
            objs = _children(tok, "dobj", "dative")
            if passive:
                objs = _children(tok, "nsubjpass") + ([tok.head] if tok.dep_ == "acl" else [])
            objs += _prep_objects(tok, _TARGET_PREPS)
            if kind == "DEMAND":
                for c in _children(tok, "ccomp"):
                    objs += _children(c, "nsubj")
            for o in objs:
                target = doc.ref(o, si)
                if target is not None:
                    used.append(o)
                    break
    else:
        poss = [c for c in _children(tok, "poss") if c.lower_ not in ("their", "its")]
        names = [
            c
            for c in tok.children
            if c.dep_ in ("compound", "amod") and kind == "CONSULT" and _named(doc, c)
        ]
        between = _prep_objects(
            tok, frozenset({"between", "by"} | ({"of"} if kind == "CONSULT" else set()))
        )
        cands = poss + names + between
        for c in between:
            cands += _children(c, "conj")
        if not cands and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HOLD_VERBS:
            subj = _subject(tok.head)
            if subj is not None:
                cands += [subj, *_children(subj, "conj")]
        refs = []
        for c in cands:
            r = doc.ref(c, si)
            if r is not None and r not in refs:
                refs.append(r)
                used.append(c)
        actor = refs[0] if refs else None
        if len(refs) > 1:
            target = refs[1]
        if target is None:
            for o in _prep_objects(tok, frozenset({"with", "against", "on", "to"})):
                target = doc.ref(o, si)
                if target is not None:
                    used.append(o)
                    break
    if target == actor or (target is not None and doc.labels.get(target) == "FAC"):
        target = None  # "met at the palace" says where, not with whom
    return actor, target, used


def _named(doc: _Doc, tok: Any) -> bool:
    # "the Alaska summit" says where, "the Trump-Putin summit" says who.
    m = doc.mention_at(tok)
    return m is not None and m.label in ("PERSON", "ORG", "NORP")


def _location(tok: Any, doc: _Doc) -> tuple[Span | None, list[Any]]:
    frontier = _prep_objects(tok, _PLACE_PREPS)
    if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX"):
        frontier += _prep_objects(tok.head, _PLACE_PREPS)
    best: tuple[int, Span, Any] | None = None
    for obj in frontier:
        for t in obj.subtree:
            m = doc.mention_at(t)
            if m is None or m.label not in _PLACE_LABELS or (m.label == "FAC" and best is not None):
                continue
            rank = 1 if m.label == "FAC" else 0
            if best is None or (rank, t.i) < (best[0], best[2].i):
                best = (rank, (m.start, m.end), t)
    return (best[1], [best[2]]) if best else (None, [])


def _date(tok: Any, doc: _Doc) -> tuple[str | None, Span | None]:
    sent = tok.sent
    scope = [tok]
    if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX") and _is_trigger(tok) == "CONSULT":
        scope += [c for c in tok.head.children if c.dep_ in ("prep", "npadvmod")]
    for head in scope:
        lo, hi = int(head.left_edge.idx), _end(head.right_edge)
        for s, e, value in doc.dates(sent):
            if lo <= s and e <= hi:
                return value, (s, e)
    return None, None


def _stance(tok: Any, kind: str) -> str | None:
    lemma = tok.lemma_.lower()
    if lemma in OFFER_VERBS:
        return "offer"
    stance = STANCE_OF_TYPE.get(kind)
    if stance == "demand" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ABANDON:
        return "oppose"  # "dropped his demand for a ceasefire"
    return stance


def _evidence(sent: Any, tokens: Sequence[Any], extra: Sequence[Span]) -> Span:
    spans = [_bounds(tokens), *list(extra)]
    start = max(min(s for s, _ in spans), int(sent.start_char))
    end = min(max(e for _, e in spans), int(sent.end_char))
    text = sent.doc.text
    while end > start and (text[end - 1] in " ,;:—–-" or text[end - 1].isspace()):
        end -= 1
    return start, end


def _condition(tok: Any) -> Any | None:
    """The object of "without"/"unless" under a negated verb: "would not sign without X"."""
    if tok.pos_ not in ("VERB", "AUX") or not _children(tok, "neg"):
        return None
    objs = _prep_objects(tok, frozenset({"without"}))
    return objs[0] if objs else None


def _stated_conditions(tok: Any) -> list[Any]:
    """ "X's stance was clear: … no settlement without a ceasefire" → [ceasefire]."""
    if tok.lemma_.lower() not in STANCE_NOUNS or not _children(tok, "poss"):
        return []
    verb = tok.head
    if verb.lemma_ != "be":
        return []
    content = verb.head if verb.dep_ in ("ccomp", "parataxis") else verb
    skip = {t.i for t in verb.subtree} if content is not verb else {tok.i}
    return [
        o
        for t in content.subtree
        if t.i not in skip and t.dep_ == "prep" and t.lower_ == "without"
        for o in _children(t, "pobj")
    ]


def extract_events(
    doc_id: str, sdoc: Any, mentions: Sequence[EntityMention], published: str | None = None
) -> list[ExtractedEvent]:
    """Events in one parsed document, in text order (rules in the module docstring)."""
    doc = _Doc(doc_id, sdoc, mentions, published)
    out: list[ExtractedEvent] = []
    for si, sent in enumerate(sdoc.sents):
        for tok in sent:
            kind = _is_trigger(tok)
            cond = _condition(tok)
            if kind is not None and tok.pos_ == "NOUN" and _covered_by_verb(tok, kind):
                kind = None
            if kind is not None or cond is not None:
                ev = _event(tok, kind or "DEMAND", doc, si, sent, cond)
                if ev is not None:
                    out.append(ev)
            for stated in _stated_conditions(tok):
                ev = _event(tok, "DEMAND", doc, si, sent, stated)
                if ev is not None:
                    out.append(ev)
        doc.learn_owner(sent, si)
    return out


def _covered_by_verb(tok: Any, kind: str) -> bool:
    # "held a meeting", "imposed sanctions", "sanctions imposed by": the verb carries it.
    head = tok.head
    if head is not tok and head.pos_ == "VERB" and _is_trigger(head) == kind:
        return True
    return any(c.pos_ == "VERB" and _is_trigger(c) == kind for c in _children(tok, "acl"))


def _event(
    tok: Any, kind: str, doc: _Doc, si: int, sent: Any, cond: Any | None
) -> ExtractedEvent | None:
    actor, target, used = _parties(tok, kind, doc, si)
    location, loc_tokens = _location(tok, doc)
    date, date_span = _date(tok, doc)
    mode = _mode(tok, doc, date)
    stance = _stance(tok, kind) if cond is None else "condition"
    topic_tokens = _topic_head(tok) if cond is None else _small_subtree(cond, _MAX_TOPIC_TOKENS)
    if cond is not None:
        mode = "conditional"
    core = [tok, *used, *loc_tokens, *_children(tok, "neg", "aux", "prt")]
    if tok.dep_ == "xcomp" or (stance == "oppose" and tok.pos_ == "NOUN"):
        core.append(tok.head)  # "refused to meet", "dropped his demand"
    core += [t for t in topic_tokens if t.sent == sent]
    extra = [date_span] if date_span else []
    evidence = _evidence(sent, core, extra)
    keys: tuple[str, ...] = ()
    refs: tuple[Span, ...] = ()
    topic: Span | None = None
    if stance is not None and topic_tokens:
        keys, refs = _topic_keys(topic_tokens, doc)
        topic = _bounds(topic_tokens)
    lemma = tok.lemma_.lower()
    subtype = "invitation" if lemma in ("invite", "invitation") else None
    if lemma in REFUSAL_VERBS and tok.pos_ == "VERB":
        stance = "oppose"
    if tok.lemma_.lower() in SPEECH_VERBS and kind not in (
        "DEMAND",
        "REJECT",
        "ACCUSE",
        "THREATEN",
        "SUPPORT",
        "AGREE",
    ):
        return None
    trig = (int(tok.idx), _end(tok))
    if "\n" in sent.doc.text[evidence[0] : evidence[1]]:
        return None  # a headline run into the byline is not one clause
    return ExtractedEvent(
        id=event_id(doc.doc_id, trig, kind if cond is None else f"condition{cond.i}"),
        document=doc.doc_id,
        type=kind,
        lemma=lemma,
        trigger=trig,
        mode=mode,
        evidence=evidence,
        actor_ref=actor,
        target_ref=target,
        location_ref=location,
        date=date,
        subtype=subtype,
        stance=stance,
        topic=topic,
        topic_keys=keys,
        topic_refs=refs,
    )
