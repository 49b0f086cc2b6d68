"""Checks that keep an event trigger honest: its type against its arguments, its
modality against the clauses above it, unnamed actors, and the polarity of a stance.

A trigger word alone does not make an event (``extract.events`` finds the
triggers, these rules decide what they mean):

* **Type against arguments.** "attacked her rival in a debate" is a verbal attack
  (ACCUSE) unless the sentence speaks of weapons, forces or casualties; "offered
  condolences", "thoughts and prayers", "symbolic recognition" are not AID (only
  money, goods, forces or services are); "welcomed Vasquez with a red carpet" is a
  ceremony, not SUPPORT (welcoming a decision or an effort is); "struck a deal" is
  no ASSAULT; a general strike is PROTEST, an air strike ASSAULT; firing tear gas
  at a crowd is COERCE; an earthquake that struck a town is a DISASTER.
* **Modality from the clauses above.** An event under "feared", "hoped", "had to",
  "needs to", "should", "must" or a question has not happened and is dropped
  (unknown beats wrong); "failed to agree" did not happen (refused).
* **Unnamed actors.** Crime, disaster and protest events may have an actor named
  only by a role noun ("a gunman", "police", "protesters"); other events need a
  named actor.
* **Polarity.** A stance on a clause whose verb undoes its object ("renounce NATO
  membership", "scrap the toll", "lift the sanctions", "block the map") is a stance
  against that object: demanding it opposes the object, refusing it supports it.
"""

from __future__ import annotations

from typing import Any

from newsprism.extract.event_check_words import (
    CEREMONY_WORDS,
    COGNITION_VERBS,
    CROWD_CONTROL,
    DISASTER_NAMES,
    DISASTER_NOUNS,
    DISASTER_VERBS,
    FLIP,
    FORCES,
    IRREALIS_AUX,
    IRREALIS_GOVERNORS,
    MATERIAL_AID,
    NEGATING_GOVERNORS,
    NON_MATERIAL,
    PERSON_ROLES,
    RELIEF,
    ROLE_NOUNS,
    STRIKE_LABOUR,
    STRIKE_MILITARY,
    STRIKE_NON_VIOLENT,
    UNDOING_VERBS,
    VIOLENCE_WORDS,
)


def sentence_words(sent: Any) -> frozenset[str]:
    """Lowercase lemmas of a sentence, computed once per sentence by the caller."""
    return frozenset(t.lemma_.lower() for t in sent)


def _kids(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def _objects(tok: Any) -> list[Any]:
    objs = _kids(tok, "dobj", "nsubjpass")
    if tok.dep_ == "acl":
        objs.append(tok.head)
    for x in _kids(tok, "xcomp"):  # "offered to send firefighters"
        objs += _kids(x, "dobj")
    return objs


def _phrase_lemmas(toks: list[Any]) -> set[str]:
    out: set[str] = set()
    for o in toks:
        out |= {t.lemma_.lower() for t in o.subtree}
    return out


def _named_party(tok: Any) -> bool:
    return tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN"


def check_type(tok: Any, kind: str, words: frozenset[str]) -> str | None:
    """The event type ``tok`` really reports given its arguments, or None for no event."""
    lemma = tok.lemma_.lower()
    objs = _objects(tok) if tok.pos_ == "VERB" else []
    obj_words = _phrase_lemmas(objs)
    if kind == "ASSAULT":
        return _assault(tok, lemma, objs, obj_words, words)
    if tok.pos_ == "VERB" and not _stance_checks(tok, lemma, kind, objs):
        return None
    if kind == "AID" or lemma in ("send", "provide", "deliver", "pledge"):
        if tok.pos_ != "VERB":
            return kind
        if lemma == "send" and obj_words & FORCES and not obj_words & RELIEF:
            return "MOBILIZE"  # "sent troops to the border" moves forces, it gives nothing
        if obj_words & NON_MATERIAL or not obj_words & MATERIAL_AID:
            return None
        return "AID"
    if lemma == "welcome" and tok.pos_ == "VERB":
        if any(_named_party(o) or o.lemma_.lower() in ("visitor", "guest") for o in objs):
            return None  # a visitor is welcomed: a ceremony, not support
        if _phrase_lemmas(_kids(tok, "prep")) & CEREMONY_WORDS:
            return None
        return kind
    if lemma == "host" and tok.pos_ == "VERB":
        # "hosted the summit" (the summit is the event), "hosted the Oscars": only
        # hosting a leader or a delegation is a meeting.
        return kind if any(o.ent_type_ in ("PERSON", "GPE", "NORP") for o in objs) else None
    if kind == "DEMAND" and _life_wish(tok, lemma):
        return None  # "who loved basketball and wanted to become an electrician"
    if kind == "RETREAT" and tok.pos_ == "VERB" and objs:
        if obj_words & WITHDRAWN_SUPPORT and not obj_words & FORCES:
            return "SANCTION"  # "withdraws its financial support": aid cut, no troops moved
        if not obj_words & _MOVABLE:
            return None  # "withdrew her candidacy", "withdrew the complaint"
    if kind == "DEMAND" and any(
        c.lemma_.lower() in COGNITION_VERBS for c in _kids(tok, "xcomp", "ccomp")
    ):
        return None  # "wants the world to believe he is a peacemaker": no demand
    if lemma == "seek" and _kids(tok, "xcomp"):
        return None  # "sought to preserve flexibility" is an aim, not a demand
    if lemma == "negotiate" and tok.pos_ == "VERB" and objs and not any(map(_named_party, objs)):
        return None  # "negotiate withdrawal": terms, not a meeting with someone
    if lemma == "vote" and tok.pos_ == "VERB":
        preps = {c.lower_ for c in _kids(tok, "prep")}
        return "SUPPORT" if "for" in preps else "REJECT" if "against" in preps else None
    return kind


# "declined to comment", "refused to say": no stance, no event.
_NO_COMMENT = frozenset(
    {
        "comment",
        "say",
        "elaborate",
        "confirm",
        "specify",
        "disclose",
        "reveal",
        "point",
        "name",
        "answer",
        "speculate",
        "respond",
        "identify",
        "detail",
    }
)
_PERSONAL = frozenset({"me", "us", "you", "him", "her", "them"})
# A past or a 3rd-person present form reports a fact; a bare form after "demanded
# that" is the mandative subjunctive ("demanded that Ukraine renounce …").
_FINITE_AUX = frozenset({"was", "were", "is", "are", "had", "has", "did", "does"})
# What can be dismissed as a stance: claims and calls, not people ("dismissed his lawyers").
_DISMISSABLE = frozenset(
    {
        "claim",
        "report",
        "call",
        "demand",
        "criticism",
        "idea",
        "suggestion",
        "proposal",
        "plan",
        "concern",
        "allegation",
        "accusation",
        "offer",
        "request",
        "warning",
        "appeal",
    }
)


def _stance_checks(tok: Any, lemma: str, kind: str, objs: list[Any]) -> bool:
    """False when a stance verb reports no stance in this use."""
    if lemma in ("refuse", "decline") and any(
        x.lemma_.lower() in _NO_COMMENT for x in _kids(tok, "xcomp")
    ):
        return False  # "declined to comment on the acquisition"
    if lemma == "seek" and any(c.lower_ == "out" for c in _kids(tok, "prt")):
        return False  # "seeking out these individuals"
    if lemma == "want":
        for x in _kids(tok, "xcomp", "ccomp"):
            subj = _kids(x, "nsubj")
            if subj and subj[0].lower_ in _PERSONAL:
                return False  # "He wants me to go out to some air base": a personal wish
            if x.lemma_.lower() == "make" and any(
                c.lower_ in ("sure", "certain") for c in x.children
            ):
                return False  # "wanted to make sure that everyone understood"
    if lemma == "dismiss" and not any(o.lemma_.lower() in _DISMISSABLE for o in objs):
        return False
    if kind == "DEMAND" and lemma in ("insist", "demand"):
        for x in _kids(tok, "ccomp"):
            auxes = {a.lower_ for a in _kids(x, "aux", "auxpass")}
            modal = bool(auxes & {"must", "should", "would", "be", "shall"})
            finite = x.tag_ in ("VBD", "VBZ") or bool(auxes & _FINITE_AUX)
            if finite and not modal:
                return False  # "insisted that her only interest was …": a claim, no demand
    return True


# What a withdrawal of support takes back: aid, not forces (SANCTION, like "halted aid").
WITHDRAWN_SUPPORT: frozenset[str] = frozenset(
    {"support", "aid", "assistance", "funding", "fund", "backing", "help", "financing", "loan"}
)
# What can be withdrawn as a retreat: forces, envoys, people, from a place.
_MOVABLE = FORCES | frozenset(
    {"ambassador", "envoy", "diplomat", "embassy", "staff", "personnel", "unit", "fleet", "ship"}
)
_WISH_VERBS = frozenset({"want", "wish", "dream", "long", "aspire", "hope", "love", "like"})
# What a person wants for their own life, not from anyone: no demand.
_LIFE_GOALS = frozenset(
    {"become", "grow", "play", "study", "travel", "live", "work", "retire", "marry"}
)


def _life_wish(tok: Any, lemma: str) -> bool:
    """A desire verb in a relative clause about a person ("who wanted to become a nurse")
    or a wish about one's own life ("wants to become an electrician") is no demand."""
    if lemma not in _WISH_VERBS or tok.pos_ != "VERB":
        return False
    cur = tok
    while cur.dep_ == "conj" and cur.head is not cur:
        cur = cur.head  # "who loved basketball and wanted to …"
    if cur.dep_ in ("relcl", "acl"):
        return True
    return any(x.lemma_.lower() in _LIFE_GOALS for x in _kids(tok, "xcomp"))


def _assault(
    tok: Any, lemma: str, objs: list[Any], obj_words: set[str], words: frozenset[str]
) -> str | None:
    if lemma == "strike":
        if tok.pos_ == "NOUN":
            mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
            if mods & STRIKE_MILITARY:
                return "ASSAULT"
            if mods & STRIKE_LABOUR or "union" in words or "worker" in words:
                return "PROTEST"
            return "ASSAULT" if words & VIOLENCE_WORDS else None
        if obj_words & STRIKE_NON_VIOLENT:
            return None
    if disaster_subject(tok) is not None:
        return "DISASTER"  # "an earthquake struck the town"
    if lemma == "fire" and (obj_words | _phrase_lemmas(_kids(tok, "prep"))) & CROWD_CONTROL:
        return "COERCE"
    if lemma in ("attack", "hit", "strike") or (tok.pos_ == "NOUN" and lemma == "attack"):
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")}
        if mods & {"verbal", "personal", "political", "scathing", "blistering", "rhetorical"}:
            return "ACCUSE"
        if not words & VIOLENCE_WORDS:
            # "attacked her rival in a debate", "attacked the plan": words, not force.
            return "ACCUSE" if tok.pos_ == "VERB" and objs else None
    return "ASSAULT"


def disaster_noun(tok: Any) -> bool:
    return bool(tok.pos_ == "NOUN" and tok.lemma_.lower() in DISASTER_NOUNS)


def disaster_subject(tok: Any) -> Any | None:
    """The disaster noun that is the subject of verb ``tok`` ("an earthquake struck …")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in DISASTER_VERBS:
        return None
    for s in _kids(tok, "nsubj"):
        if disaster_noun(s):
            return s
    return None


def role_of(tok: Any, kind: str | None = None) -> str | None:
    """The role an unnamed actor noun names ("a gunman" → gunman, "officers" → police)."""
    if tok.ent_type_:
        return None
    role = ROLE_NOUNS.get(tok.lemma_.lower())
    if role is None and kind == "ASSAULT":
        role = PERSON_ROLES.get(tok.lemma_.lower())
    if role is None and disaster_noun(tok):
        role = DISASTER_NAMES.get(tok.lemma_.lower(), tok.lemma_.lower())
    return role


_READY = frozenset({"ready", "willing", "prepared", "eager", "keen", "open", "happy", "unable"})
_CHAIN = frozenset({"ccomp", "xcomp", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "pcomp"})
_STOP = frozenset({"conj", "advcl", "parataxis", "appos", "acl", "relcl", "cc"})
_OBLIGATION = frozenset({"have", "need", "ought"})


def irrealis(tok: Any, sent_start: int) -> str | None:
    """How the clauses above ``tok`` take it out of what happened.

    "refused" for "failed to agree"; "drop" under fears, hopes, obligations,
    attempts and could/might/should/must; None when nothing above changes the
    trigger's own modality. The walk stops at clause boundaries (conj, advcl …).
    """
    cur = tok
    for _ in range(6):
        head = cur.head
        conditional = any(m.lower_ in ("if", "unless") for m in _kids(cur, "mark"))
        if cur.dep_ == "advcl" and conditional and cur.i != tok.i:
            return "drop"  # "… if talks failed": the talks are a supposition
        if head.i == cur.i or head.i < sent_start or cur.dep_ in _STOP:
            return None
        lemma = head.lemma_.lower()
        if cur.dep_ == "xcomp" and lemma in _READY:
            return "drop"  # "ready to meet", "willing to sign"
        verb = head.pos_ in ("VERB", "AUX")
        if cur.dep_ == "xcomp" and lemma in NEGATING_GOVERNORS:
            return "refused" if lemma == "fail" else None
        if cur.dep_ == "xcomp" and lemma in _OBLIGATION:
            return "drop"  # "Ukraine still had to approve", "needs to sign"
        if verb and cur.dep_ in _CHAIN:
            if lemma in IRREALIS_GOVERNORS:
                return "drop"
            if cur.dep_ != "prep" and any(a.lower_ in IRREALIS_AUX for a in _kids(head, "aux")):
                return "drop"  # "a meeting … could result in …"
        cur = head
    return None


def own_irrealis_aux(tok: Any) -> bool:
    """ "should meet", "must approve", "might attack": the trigger itself is not a fact."""
    return any(a.lower_ in ("should", "must", "ought", "might", "may") for a in _kids(tok, "aux"))


def flip_stance(stance: str | None, topic_head: Any | None) -> str | None:
    """Stance toward the object of an undoing verb: demanding "renounce X" opposes X."""
    if stance is None or topic_head is None:
        return stance
    if topic_head.lemma_.lower() not in UNDOING_VERBS:
        return stance
    if any(c.dep_ == "neg" for c in topic_head.children):
        return stance  # "demanded that it not renounce X" keeps supporting X
    return FLIP.get(stance, stance)
