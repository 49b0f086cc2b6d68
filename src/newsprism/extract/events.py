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
* **mode** — ``refused`` (negated, "refused to", "failed to"), ``conditional``
  ("if"/"unless" clause, would/could), ``planned`` (will, plans to, invited,
  "announced he would meet", offered or pledged, a future date), else
  ``happened``. An event under a fear, hope, obligation, attempt or question
  is not emitted at all (``event_checks.irrealis``).
* **type** — checked against the arguments (``event_checks.check_type``): a
  verbal attack is ACCUSE, condolences are no AID, a welcome ceremony no SUPPORT.
* **unnamed actor** — for crime, disaster and protest events, a role noun
  ("a gunman", "police", "an earthquake") in ``actor_role``; "Delaney was shot"
  infers a gunman (``implied_actor``), and an unnamed actor's earlier incident
  ("In 2021, a man was shot") is dropped (``event_voice``).
* **voice** — an event in a clause a named party reports ("the envoy revealed that
  Putin had agreed …") is their claim and is not emitted; "police said", a news
  agency, the speaker's own act and stated stances stay (``event_voice``).
* **evidence** — one contiguous span from the leftmost to the rightmost of
  those words, inside one sentence, so ``text[start:end]`` reads as a clause.

Stance events (demand, reject, support, offer, "would not … without X")
also carry a **topic** (``event_topics``): the span of what is demanded or
rejected and the key noun phrases in it, from which ``crossdoc.positions``
finds the issues; the stance's polarity follows the clause ("demanded that
Ukraine renounce NATO membership" opposes the membership). Stated stances
("opposes the bill") are ``position_only``: positions, never timeline events.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.extract.cues import SPEECH_VERBS
from newsprism.extract.entities import EntityMention
from newsprism.extract.event_args import (
    DocContext,
    children,
    end_of,
    find_date,
    find_location,
    find_parties,
    prep_objects,
    small_subtree,
    subject,
)
from newsprism.extract.event_check_words import (
    DISASTER_VERBS,
    FLIP,
    PERSON_ROLES,
    ROLE_TYPES,
    UNDOING_VERBS,
)
from newsprism.extract.event_checks import (
    check_type,
    disaster_subject,
    flip_stance,
    irrealis,
    own_irrealis_aux,
    role_of,
)
from newsprism.extract.event_mode import event_mode
from newsprism.extract.event_topics import (
    MAX_TOPIC_TOKENS,
    condition_of,
    ends_its_object,
    own_stance,
    sets_a_condition,
    stance_of,
    stated_conditions,
    topic_head,
    topic_keys_of,
    topic_verb,
)
from newsprism.extract.event_voice import (
    attributing_speaker,
    earlier_incident,
    implied_role,
    neutral_reporter,
    own_act,
    unnamed_attacker,
)
from newsprism.extract.event_words import (
    NEEDS_PREP,
    NOUN_TYPES,
    OFFER_MODE_VERBS,
    POSITION_ONLY_VERBS,
    REFUSAL_VERBS,
    STANCE_NOUNS,
    UNDOING_STANCE_VERBS,
    VERB_TYPES,
)

Span = tuple[int, int]


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
    # The role noun of an unnamed actor of a crime, disaster or protest event
    # ("gunman", "police"); ``actor_ref`` is then None.
    actor_role: str | None = None
    # A stance stated rather than an event that took place ("opposes the bill"):
    # it gives a position and stays off the timeline.
    position_only: bool = False
    # The role was inferred, not named ("Delaney was shot": some gunman): such a
    # report joins a named role's event but never merges incidents on its own.
    implied_actor: bool = False


# Lemmas of every word that can trigger an event or state a condition (see the
# test in ``extract_events``); a negated verb ("would not sign without X") may too.
_TRIGGER_LEMMAS = frozenset(VERB_TYPES) | DISASTER_VERBS | frozenset(NOUN_TYPES) | STANCE_NOUNS


def event_id(doc_id: str, trigger: Span, kind: str) -> str:
    digest = hashlib.sha256(f"{doc_id}:{trigger[0]}:{trigger[1]}:{kind}".encode()).hexdigest()
    return "xe-" + digest[:12]


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
        if any(c.dep_ in ("prep", "prt", "advmod") and c.lower_ in need for c in kids):
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
    # "warned that pensions could run out" warns of a risk: a threat needs an actor
    # that would act (a name or a pronoun standing for one).
    for c in children(tok, "ccomp"):
        if not any(a.lower_ in ("would", "could", "will", "might") for a in children(c, "aux")):
            continue
        for s in children(c, "nsubj"):
            if s.pos_ in ("PROPN", "PRON") or s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                return True
    return False


def _bounds(tokens: Sequence[Any]) -> Span:
    return (min(int(t.idx) for t in tokens), max(end_of(t) for t in tokens))


def _evidence(text: str, sent: Any, tokens: Sequence[Any], extra: Sequence[Span]) -> Span:
    spans = [_bounds(tokens), *list(extra)]
    start = max(min(s for s, _ in spans), int(sent.start_char))
    end = min(max(e for _, e in spans), int(sent.end_char))
    while end > start and (text[end - 1] in " ,;:—–-" or text[end - 1].isspace()):
        end -= 1
    return start, end


def extract_events(
    doc_id: str, sdoc: Any, mentions: Sequence[EntityMention], published: str | None = None
) -> list[ExtractedEvent]:
    """Events in one parsed document, in text order (rules in the module docstring)."""
    doc = DocContext(doc_id, sdoc, mentions, published)
    out: list[ExtractedEvent] = []
    cols, sdoc = doc.cols, doc.sdoc
    lemmas, poss = cols.lemma, cols.pos
    negated, possessed = cols.heads_of("neg"), cols.heads_of("poss")
    # Tokens that may pass the test below, in text order: one pass over the lemmas.
    maybe = sorted({*cols.with_lemma(_TRIGGER_LEMMAS), *negated})
    for si, sent in enumerate(doc.sents):
        if doc.text[int(sent.start_char) : int(sent.end_char)].rstrip().endswith("?"):
            continue  # "Does Hurd want to grow the company?" asks, it does not report
        words: frozenset[str] | None = None
        start, end = int(sent.start), int(sent.end)
        for i in maybe[bisect_left(maybe, start) : bisect_left(maybe, end)]:
            # Only a trigger word, a negated verb ("would not sign without X") or a
            # stance noun with a possessor can yield an event: the same tests as
            # ``_is_trigger``, ``disaster_subject``, ``condition_of`` and
            # ``stated_conditions`` open with, read from the per-document lists.
            lem, pos = lemmas[i], poss[i]
            if not (
                (pos == "VERB" and (lem in VERB_TYPES or lem in DISASTER_VERBS))
                or (pos == "NOUN" and lem in NOUN_TYPES)
                or (pos in ("VERB", "AUX") and i in negated)
                or (lem in STANCE_NOUNS and i in possessed)
            ):
                continue
            tok = sdoc[i]
            kind = _is_trigger(tok)
            if kind is None and disaster_subject(tok) is not None:
                kind = "DISASTER"
            if kind is not None:
                if words is None:
                    words = frozenset(lemmas[start:end])  # ``sentence_words(sent)``
                kind = check_type(tok, kind, words)
            cond = condition_of(tok)
            if kind is not None and _covered_by_verb(tok, kind):
                kind = None
            if kind is not None or cond is not None:
                ev = _event(tok, kind or "DEMAND", doc, si, sent, cond)
                if ev is not None:
                    out.append(ev)
                    if ev.type in ("CONSULT", "AGREE") and ev.actor_ref and ev.target_ref:
                        doc.pair = (ev.actor_ref, ev.target_ref, si)
            for stated in stated_conditions(tok):
                ev = _event(tok, "DEMAND", doc, si, sent, stated)
                if ev is not None:
                    out.append(ev)
        doc.learn_owner(sent, si)
    return _one_per_span(out, doc)


# Governors whose xcomp is what they agree to or promise, not a second event:
# "Russia would agree to withdraw" is one AGREE (its content: to withdraw).
_CONTENT_GOVERNORS = frozenset({"AGREE", "DEMAND", "SUPPORT", "THREATEN"})


def _one_per_span(found: list[ExtractedEvent], doc: DocContext) -> list[ExtractedEvent]:
    """One event per clause: the content of an agreement or demand is not a second
    event, and of two stance events of one actor on overlapping evidence, the one
    that names no issue is the same stance told less fully."""
    by_trigger = {ev.trigger[0]: ev for ev in found}
    drop: set[str] = set()
    for ev in found:
        tok = doc.sdoc.char_span(*ev.trigger, alignment_mode="expand")
        head = tok.root.head if tok is not None and len(tok) else None
        outer = by_trigger.get(int(head.idx)) if head is not None and head.i != tok.root.i else None
        if (
            outer is not None
            and tok is not None
            and tok.root.dep_ == "xcomp"
            and outer.type in _CONTENT_GOVERNORS
            and outer.actor_ref == ev.actor_ref
        ):
            drop.add(ev.id)
    same: dict[tuple[str, Span | None], list[ExtractedEvent]] = {}
    for ev in found:
        if ev.stance:
            same.setdefault((ev.type, ev.actor_ref), []).append(ev)
    for group in same.values():
        for a, b in ((a, b) for a in group for b in group if a is not b):
            overlap = a.evidence[0] < b.evidence[1] and b.evidence[0] < a.evidence[1]
            if overlap and not a.topic_keys and b.topic_keys:
                drop.add(a.id)
    return [ev for ev in found if ev.id not in drop]


_PLACES = frozenset({"GPE", "LOC", "FAC"})

# Stances that a negation empties: not demanding X is no stance on X.
STANCE_ORDER_NEGATABLE = frozenset({"demand", "support", "offer"})


def _role_actor(tok: Any, kind: str) -> str | None:
    """ "A gunman opened fire", "police detained", "an earthquake struck": a role noun."""
    if kind not in ROLE_TYPES:
        return None
    if tok.pos_ == "NOUN":
        return role_of(tok) if kind == "DISASTER" else None
    quake = disaster_subject(tok)
    if quake is not None:
        return role_of(quake)
    if children(tok, "nsubjpass"):
        agents = prep_objects(tok, frozenset({"by"}))
        return role_of(agents[0], kind) if agents else None
    subj = subject(tok)
    if subj is not None and subj.lemma_.lower() in _QUANTITY_NOUNS:
        # "Thousands of farmers marched": the role is the "of" object.
        of = prep_objects(subj, frozenset({"of"}))
        subj = of[0] if of else subj
    role = role_of(subj, kind) if subj is not None else None
    if role in PERSON_ROLES.values() and unnamed_attacker(tok) == "gunman":
        return "gunman"  # "a man pulled a handgun and fired": the gunman of the story
    return role


# Verbs that move their object away: a stance on "withdraw X" is none on X itself.
_MOVED_AWAY = frozenset({"withdraw", "pull", "remove", "move", "relocate", "redeploy", "evacuate"})
_QUANTITY_NOUNS = frozenset({"thousand", "hundred", "dozen", "million", "group", "crowd", "number"})


def _covered_by_verb(tok: Any, kind: str) -> bool:
    # "held a meeting", "imposed sanctions", "sanctions imposed by": the verb carries it.
    head = tok.head
    if tok.pos_ == "NOUN" and head is not tok and head.pos_ == "VERB" and _is_trigger(head) == kind:
        return True
    quake = disaster_subject(head) if kind == "DISASTER" and tok.dep_ == "nsubj" else None
    if quake is not None and quake.i == tok.i:
        return True  # "an earthquake struck": the verb carries it
    if tok.dep_ in ("xcomp", "advcl") and head.pos_ == "VERB" and _is_trigger(head) == kind:
        return True  # "marched … to protest": one protest
    if tok.pos_ != "NOUN":
        return False
    verb = head.head if tok.dep_ == "pobj" and head.dep_ == "prep" else None
    if verb is not None and verb.pos_ == "VERB" and _is_trigger(verb) == kind:
        return True  # "was killed in the shooting": one act
    return any(c.pos_ == "VERB" and _is_trigger(c) == kind for c in children(tok, "acl"))


def _event(
    tok: Any, kind: str, doc: DocContext, si: int, sent: Any, cond: Any | None
) -> ExtractedEvent | None:
    lemma = tok.lemma_.lower()
    position_only = lemma in POSITION_ONLY_VERBS and tok.pos_ == "VERB"
    if position_only and not own_stance(tok):
        return None  # "demanded that Serbinia renounce", "denied that it favoured"
    context = irrealis(tok, int(sent.start)) if cond is None else None
    if context == "drop" and position_only and tok.dep_ == "xcomp":
        context = None  # "promised to scrap the toll" states a stance
    if context == "drop" or own_irrealis_aux(tok):
        return None  # feared, hoped, had to, should, might: not something that happened
    actor, target, used = find_parties(tok, kind, doc, si)
    speaker = attributing_speaker(tok, int(sent.start))
    # A stated stance ("Reis said his government opposes …") is a position with its
    # attributed evidence, never a timeline event; any other event someone else
    # reports is their claim ("Trump's envoy revealed that Putin had agreed …").
    claimed = speaker is not None and not neutral_reporter(speaker) and not position_only
    if claimed and not own_act(tok, speaker, actor, doc, si):
        return None
    hit: Span | None = None
    if kind == "DISASTER" and target is not None and doc.labels.get(target) in _PLACES:
        hit, target = target, None  # "the quake hit Aceh province": where, not whom
    role = _role_actor(tok, kind) if actor is None else None
    implied = False
    if role is None and actor is None:
        role = implied_role(tok, kind)  # "Delaney was shot": an unnamed gunman
        implied = role is not None
    if role is not None and earlier_incident(
        tok, doc.text, doc.anchor.year if doc.anchor is not None else None
    ):
        return None  # an unnamed gunman of three years ago is not this story's gunman
    location, loc_tokens = find_location(tok, doc, kind)
    location = location or hit
    date, date_span = find_date(tok, doc, kind in ("CONSULT", "AGREE") or kind in ROLE_TYPES)
    mode = event_mode(tok, doc, date)
    if context == "refused":
        mode = "refused"  # "failed to agree"
    stance = stance_of(tok, kind) if cond is None else "condition"
    topic_tokens = topic_head(tok) if cond is None else small_subtree(cond, MAX_TOPIC_TOKENS)
    if cond is not None:
        mode = "conditional"
    elif lemma in OFFER_MODE_VERBS and tok.pos_ == "VERB" and mode == "happened":
        mode = "planned"  # offered, pledged: the aid itself has not happened yet
    if lemma in UNDOING_STANCE_VERBS and tok.pos_ == "VERB":
        # "promised to scrap the toll" opposes the toll; "would never renounce" supports it.
        stance = "support" if mode == "refused" else "oppose"
        mode = "happened"
    elif mode == "refused" and lemma not in REFUSAL_VERBS and stance in STANCE_ORDER_NEGATABLE:
        stance = None  # "did not call for a referendum" is no stance on a referendum
    core = [tok, *used, *loc_tokens, *children(tok, "neg", "aux", "prt")]
    if tok.dep_ == "xcomp" or (stance == "oppose" and tok.pos_ == "NOUN"):
        core.append(tok.head)  # "refused to meet", "dropped his demand"
    # Token indexes, not ``t.sent``: spaCy rebuilds the sentence on every access.
    core += [t for t in topic_tokens if sent.start <= t.i < sent.end]
    if role is not None:
        core += [t for t in (subject(tok), *prep_objects(tok, frozenset({"by"}))) if t is not None]
    extra = [s for s in (date_span, location) if s is not None]
    evidence = _evidence(doc.text, sent, core, extra)
    keys: tuple[str, ...] = ()
    refs: tuple[Span, ...] = ()
    topic: Span | None = None
    if lemma in REFUSAL_VERBS and tok.pos_ == "VERB":
        stance = "oppose"
    if stance is not None and topic_tokens:
        keys, refs = topic_keys_of(topic_tokens, doc)
        verb = topic_verb(tok)
        if keys[:1] != ("territory",) and verb is not None and verb.lemma_.lower() in _MOVED_AWAY:
            # "agreed to withdraw their border guards": a stance on moving them, not
            # on the guards; no issue phrase says that, so no position.
            stance, keys = None, ()
        elif keys[:1] != ("territory",) and verb is not None:
            # "demanded that Ukraine renounce NATO membership" opposes the membership;
            # land to be ceded keeps its issue, "territory", and the stance as said.
            stance = flip_stance(stance, verb)
            if verb.lemma_.lower() in UNDOING_VERBS and sent.start <= verb.i < sent.end:
                # The evidence shows the verb that turned the stance ("… to be lifted").
                evidence = _evidence(doc.text, sent, [*core, verb], extra)
        if stance == "demand" and sets_a_condition(topic_tokens):
            stance = "condition"  # "… as a condition for a ceasefire", "any truce must …"
        if stance is not None and keys and ends_its_object(topic_tokens, keys[0]):
            stance = FLIP.get(stance, stance)  # "called for an end to gun violence"
        topic = _bounds(topic_tokens)
    subtype = "invitation" if lemma in ("invite", "invitation") else None
    if tok.lemma_.lower() in SPEECH_VERBS and kind not in (
        "DEMAND",
        "REJECT",
        "ACCUSE",
        "THREATEN",
        "SUPPORT",
        "AGREE",
        "AID",
    ):
        return None
    if kind == "THREATEN" and tok.pos_ == "NOUN" and target is None and not topic_tokens:
        return None  # "Trump's threats": of what, against whom?
    trig = (int(tok.idx), end_of(tok))
    if "\n" in doc.text[evidence[0] : evidence[1]]:
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
        actor_role=role,
        position_only=position_only or cond is not None,
        implied_actor=implied,
    )
