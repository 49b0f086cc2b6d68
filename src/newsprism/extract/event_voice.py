"""Whose word an event stands on, and whether it is this story's: the checks that keep
attributed and earlier events off the timeline.

* **Attributed content.** An event in a clause someone reports ("Trump's envoy
  revealed that Putin had agreed …", "Castillo said officers took …") is that
  person's claim: it is not emitted unless the speaker is the actor ("she said she
  would meet …"), a minister states their government's stance, or the source is an
  unnamed one of record ("police said", "officials said", "diplomats said").
* **Unnamed attackers.** "Delaney was shot", "the shooting at the tavern": a shooting
  has a gunman, a stabbing an attacker, though no report names them; "thousands have
  been killed" names none.
* **Earlier incidents.** "a tavern that saw a shooting three years ago", "In 2021, a
  man was shot": an unnamed actor's event told with an earlier time is not the story's.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.extract.event_args import DocContext, children, prep_objects, subject
from newsprism.extract.event_check_words import DISASTER_NOUNS

Span = tuple[int, int]


def _kids(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


# Verbs that put a clause in someone's mouth or mind: what follows is their claim.
REPORT_VERBS: frozenset[str] = frozenset(
    {
        "say",
        "tell",
        "reveal",
        "claim",
        "allege",
        "assert",
        "insist",
        "report",
        "disclose",
        "suggest",
        "announce",
        "add",
        "state",
        "write",
        "tweet",
        "post",
        "argue",
        "believe",
        "think",
        "boast",
        "brag",
        "hint",
        "indicate",
        "signal",
        "explain",
        "note",
        "stress",
        "declare",
    }
)
# Who may report what happened in the outlet's stead: the authorities and witnesses
# unnamed ("police said", "officials said"), never a named party to the story.
NEUTRAL_REPORTERS: frozenset[str] = frozenset(
    {
        "police",
        "official",
        "authority",
        "officer",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "witness",
        "diplomat",
        "investigator",
        "prosecutor",
        "coroner",
        "agency",
        "ministry",
        "report",
        "statement",
        "record",
        "document",
        "source",
        "resident",
    }
)
_NO_SPEAKER = frozenset({"this", "that", "which", "what", "there"})
_CONTENT_PATH = frozenset(
    {"conj", "xcomp", "nsubj", "nsubjpass", "dobj", "pobj", "prep", "pcomp", "aux", "advcl"}
)


def attributing_speaker(tok: Any, sent_start: int) -> Any | None:
    """The subject of the reporting verb whose reported clause holds ``tok``.

    "Trump's envoy revealed that Putin had agreed …" → "envoy"; "… was shot, police
    said" → "police". None when ``tok`` is in the outlet's own clause.
    """
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i or head.i < sent_start:
            return None
        reported = cur.dep_ in ("ccomp", "parataxis") or (
            cur.dep_ == "conj" and cur.i < head.i  # "X happened, police said" parsed as conj
        )
        if reported and head.lemma_.lower() in REPORT_VERBS and head.pos_ in ("VERB", "AUX"):
            if any(t.tag_ in ("WRB", "WP") for t in _kids(cur, "advmod", "nsubj", "dobj")):
                return None  # "This explains why leaders have demanded …": an account
            subj = _kids(head, "nsubj")
            if not subj or subj[0].lower_ in _NO_SPEAKER:
                return None  # "This shows that …": no one to attribute it to
            return subj[0]
        if cur.dep_ == "conj" and head.lemma_.lower() in REPORT_VERBS:
            return None  # "said … and stressed that …": the speaker's own second verb
        if cur.dep_ not in _CONTENT_PATH and cur.dep_ not in ("ccomp", "parataxis"):
            return None  # a relative clause or an apposition starts another frame
        cur = head
    return None


# Named sources of record: news agencies and outlets, police, courts, coroners
# ("reports AP", "The Hollywood Reporter says", "Oregon State Police say"). A
# ministry, an army or a government is a party and stays a claimant.
_RECORD_NAMES = frozenset(
    {
        "police",
        "sheriff",
        "coroner",
        "prosecutor",
        "court",
        "reporter",
        "news",
        "press",
        "times",
        "post",
        "journal",
        "herald",
        "tribune",
        "gazette",
        "ap",
        "reuters",
        "afp",
        "dpa",
        "upi",
        "xinhua",
        "tass",
        "bbc",
        "cnn",
        "agency",
    }
)


def neutral_reporter(speaker: Any) -> bool:
    """ "police", "officials", "a spokeswoman", "authorities", a news agency or a police
    force by name: a source of record."""
    if speaker.ent_type_ in ("ORG", "") and any(
        t.lower_ in _RECORD_NAMES for t in (speaker, *_kids(speaker, "compound"))
    ):
        return not any(c.dep_ == "poss" for c in speaker.children)
    if speaker.ent_type_ or speaker.pos_ == "PROPN":
        return False
    if any(c.dep_ == "poss" for c in speaker.children):
        return False  # "Trump's envoy" speaks for a party
    # Unnamed plural sources ("diplomats said", "aides said") report in the outlet's stead.
    return speaker.lemma_.lower() in NEUTRAL_REPORTERS or speaker.tag_ == "NNS"


# Violent acts whose unnamed doer a report implies: a shooting has a gunman.
_GUN_WORDS = frozenset(
    {"shoot", "shot", "shooting", "gunfire", "gun", "handgun", "rifle", "gunman"}
)
_BLADE_ACTS = frozenset({"stab", "stabbing", "knife", "machete", "murder", "bombing", "bomb"})
_ATTACK_ACTS = frozenset(
    {"shoot", "shooting", "kill", "killing", "stab", "stabbing", "murder", "wound", "bombing"}
)


def unnamed_attacker(tok: Any) -> str | None:
    """ "Delaney was shot", "the shooting at the tavern": the unnamed doer of a violent
    act ("gunman" when a gun was used, else "attacker"); None for other triggers."""
    if tok.lemma_.lower() not in _ATTACK_ACTS and tok.lower_ not in _ATTACK_ACTS:
        return None
    words = {t.lemma_.lower() for t in tok.sent} if tok.pos_ == "VERB" else {tok.lemma_.lower()}
    if words & DISASTER_NOUNS:
        return None  # "killed in the earthquake": no attacker
    if words & _GUN_WORDS or tok.lower_ in _GUN_WORDS:
        return "gunman"
    # "thousands have been killed" (a war, a famine?) names no attacker; a stabbing does.
    return "attacker" if words & _BLADE_ACTS else None


_EARLIER = re.compile(
    r"\b(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|a few) years? ago"
    r"|last year|(?:[Ii]n|[Ss]ince) (?P<y>(?:19|20)\d\d))\b"
)


def earlier_incident(tok: Any, text: str, year: int | None) -> bool:
    """ "a tavern that saw a shooting three years ago", "In 2021, a man was shot": the
    trigger's own clause tells of an earlier incident, not the story's own."""
    sent = tok.sent
    clause = tok
    for _ in range(4):  # a noun's clause is its nearest verb ("wounded in a shooting")
        if clause.pos_ in ("VERB", "AUX") or clause.head is clause:
            break
        clause = clause.head
    start = int(sent.start_char)
    for m in _EARLIER.finditer(text, start, int(sent.end_char)):
        if m.group("y") is not None and year is not None and int(m.group("y")) == year:
            continue
        span = tok.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not len(span):
            continue
        cur = span.root
        for _ in range(6):  # up to the trigger's clause, never across another clause
            if cur.i == clause.i:
                return True
            if cur.dep_ in ("relcl", "appos", "acl", "advcl", "ccomp", "conj") or cur.head is cur:
                break
            cur = cur.head
    return False


def implied_role(tok: Any, kind: str) -> str | None:
    """ "Delaney was shot", "the shooting at the tavern": the unnamed doer of a violent
    act that no word names (``unnamed_attacker``)."""
    if kind != "ASSAULT":
        return None
    if tok.pos_ == "NOUN":
        return unnamed_attacker(tok) if not children(tok, "poss") else None
    if children(tok, "nsubjpass") and not prep_objects(tok, frozenset({"by"})):
        return unnamed_attacker(tok)
    return None


def own_act(tok: Any, speaker: Any, actor: Span | None, doc: DocContext, si: int) -> bool:
    """The speaker reports their own act: the actor is the speaker, or the reported
    clause's subject is a pronoun ("The navy said it arrested 23 pirates")."""
    subj = subject(tok) if tok.pos_ == "VERB" else None
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ not in ("you", "this", "that"):
        return True
    return actor is not None and doc.ref(speaker, si) == actor
