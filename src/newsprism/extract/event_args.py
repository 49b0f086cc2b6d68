"""Who and where for one event trigger: actor, target, place and date from the parse.

``DocContext`` holds what every trigger in a document needs (mentions by offset,
the coref ``Resolver``, dates per sentence, the latest proposal's owner); the
functions below read one trigger's parties, place and date from the dependency
parse. The rules are described in ``extract.events``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from newsprism.extract.coref import shared_resolver
from newsprism.extract.cues import PRONOUN_GENDER
from newsprism.extract.dates import dateline_anchor, find_dates, parse_anchor
from newsprism.extract.entities import EntityMention
from newsprism.extract.event_words import GROUP_NOUNS, NOUN_TYPES, PROPOSAL_NOUNS, SYMMETRIC
from newsprism.extract.quote_marks import quoted_spans
from newsprism.extract.slot_context import clause_tense
from newsprism.nlp.parsed import Parsed

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
_PLACE_PREPS = frozenset(
    {"in", "at", "near", "inside", "outside", "behind", "along", "through", "across"}
)
_OWNER_SENTENCES = 3


def end_of(tok: Any) -> int:
    return int(tok.idx) + len(tok)


class DocContext:
    """Per-document lookups: mentions by offset, the coref resolver, dates per sentence."""

    def __init__(
        self, doc_id: str, sdoc: Any, mentions: Sequence[EntityMention], published: str | None
    ) -> None:
        parsed = Parsed.of(sdoc)
        self.doc_id = doc_id
        self.sdoc = parsed.sdoc
        self.mentions = sorted(
            (m for m in mentions if m.label in _ACTOR_LABELS), key=lambda m: (m.start, m.end)
        )
        self.starts = [m.start for m in self.mentions]
        self.labels = {(m.start, m.end): m.label for m in self.mentions}
        # ``Doc.text`` and ``Doc.sents`` are rebuilt on each access: the view read them once.
        self.text: str = parsed.text
        # Found once per document on the shared view (quotes and coref read the same list).
        self.quoted = sorted((q.open, q.close + 1) for q in quoted_spans(parsed))
        self.quote_starts = [s for s, _ in self.quoted]
        # Built once per document and shared with the quote and claim extractors.
        self.resolver = shared_resolver(parsed, mentions)
        self.sents = parsed.sents
        self.cols = parsed.columns
        self._proposal_nouns = self.cols.with_lemma(PROPOSAL_NOUNS)
        self.sent_starts = [int(s.start) for s in self.sents]
        self.anchor = parse_anchor(published) or dateline_anchor(self.text)
        self._dates: dict[int, list[tuple[int, int, str]]] = {}
        self.surnames = _surnames(self.text, self.mentions)
        # The latest "<owner>'s proposal": (owner span, sentence start token).
        self.owner: tuple[Span, int] | None = None
        # The two parties of the latest meeting or agreement: "the two leaders", "both sides".
        self.pair: tuple[Span, Span, int] | None = None

    def sent_of(self, tok: Any) -> Any:
        """The sentence of ``tok``; ``tok.sent`` rebuilds it on every call, which is slow."""
        i = bisect_right(self.sent_starts, tok.i) - 1
        return self.sents[i]

    def in_quote(self, offset: int) -> bool:
        i = bisect_right(self.quote_starts, offset) - 1
        return i >= 0 and offset < self.quoted[i][1]

    def sent_start(self, tok: Any) -> int:
        return int(self.sent_of(tok).start)

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

            found = find_dates(self.text[off : sent.end_char], self.anchor, tense)
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
        if tok.text in self.surnames and tok.text[:1].isupper():
            # "Trump pushed for …" where the tagger missed the name: the person named
            # in full elsewhere in the document, when one person has that surname.
            return self.surnames[tok.text]
        if low in ("who", "that", "which") and tok.head.dep_ == "relcl":
            return self.ref(tok.head.head, sent_i, owner)  # "Trump, who abandoned …"
        if low in PRONOUN_GENDER:
            if self.in_quote(int(tok.idx)):
                return None  # "he threatened us" in a witness's words: whose "he"?
            return self.resolver.resolve_pronoun(tok)
        if tok.pos_ == "PROPN":
            return self.resolver.resolve_name(tok)
        lemma = tok.lemma_.lower()
        if lemma in GROUP_NOUNS:
            # "Kestovian officials", "his country", "the ministers of Brenn and Isola".
            of = [
                o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
            ]
            for child in [*tok.children, *of]:
                if child.dep_ in ("amod", "compound", "poss", "pobj"):
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
        pos, sdoc, nouns = self.cols.pos, self.sdoc, self._proposal_nouns
        for i in nouns[bisect_left(nouns, sent.start) : bisect_left(nouns, sent.end)]:
            if pos[i] == "NOUN":
                for child in sdoc[i].children:
                    if child.dep_ == "poss":
                        who = self.ref(child, sent_i)
                        if who is not None:
                            self.owner = (who, sent_i)


def _surnames(text: str, mentions: Sequence[EntityMention]) -> dict[str, Span]:
    """Surname → the first full-name mention of the one PERSON in the text who has it."""
    found: dict[str, dict[str, Span]] = {}
    for m in mentions:
        words = text[m.start : m.end].split()
        if m.label == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            found.setdefault(words[-1], {}).setdefault(" ".join(words), (m.start, m.end))
    return {last: next(iter(full.values())) for last, full in found.items() if len(full) == 1}


def children(tok: Any, *deps: str) -> list[Any]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Any, preps: frozenset[str]) -> list[Any]:
    out = []
    for p in children(tok, "prep", "agent"):
        if p.lower_ in preps:
            out.extend(children(p, "pobj", "pcomp"))
    return out


def subject(tok: Any) -> Any | None:
    """The subject of verb ``tok``, inherited along xcomp/conj/acl chains."""
    for _ in range(4):
        subj = children(tok, "nsubj", "csubj")
        if subj:
            return subj[0]
        if tok.dep_ in ("xcomp", "conj") and tok.head is not tok:
            tok = tok.head
            continue
        return None
    return None


def _left_names(tok: Any, doc: DocContext) -> list[Any]:
    """Names right before a verb the parser left without a subject ("A and B convened")."""
    out: list[Any] = []
    i = tok.i - 1
    sdoc = tok.doc
    first = doc.sent_start(tok)
    while i >= first and len(out) < 2:
        t = sdoc[i]
        m = doc.mention_at(t)
        if m is None or m.label not in ("PERSON", "ORG", "GPE", "NORP"):
            break
        out.append(t)
        j = i
        while j > first and doc.mention_at(sdoc[j - 1]) is m:
            j -= 1
        if j - 1 < first or sdoc[j - 1].lower_ != "and":
            break
        i = j - 2
    return list(reversed(out))


_LOOSE = frozenset({"appos", "relcl", "advcl", "parataxis", "acl", "punct", "cc", "conj"})


def phrase(tok: Any, top: bool = True) -> list[Any]:
    """``tok`` and its dependents, without clauses and appositions hung onto it.

    Conjuncts stay at the top level ("cede Donetsk and Luhansk") but not deeper,
    so a phrase does not run on into the next clause of a long sentence.
    """
    out = [tok]
    for c in tok.children:
        if c.dep_ in _LOOSE and not (top and c.dep_ in ("conj", "cc")):
            continue
        out.extend(phrase(c, False))
    return out


def small_subtree(tok: Any, limit: int) -> list[Any]:
    sub = phrase(tok)
    return sub if len(sub) <= limit else [tok]


def find_parties(
    tok: Any, kind: str, doc: DocContext, si: int
) -> tuple[Span | None, Span | None, list[Any]]:
    """Actor, target and the tokens that name them, for trigger ``tok``."""
    used: list[Any] = []
    actor: Span | None = None
    target: Span | None = None
    if tok.pos_ == "VERB":
        agents = prep_objects(tok, frozenset({"by"}))
        passive = bool(children(tok, "nsubjpass")) or tok.dep_ == "acl"
        subj = agents[0] if passive and agents else (None if passive else subject(tok))
        left = _left_names(tok, doc) if subj is None and not passive else []
        if left:
            actor = doc.ref(left[0], si)
            target = doc.ref(left[-1], si) if len(left) > 1 else None
            used.extend(left)
        pair = _pair_of(subj, doc, si) if subj is not None and kind in SYMMETRIC else None
        if pair is not None:
            actor, target = pair
            used.extend(small_subtree(subj, 8))
        elif subj is not None:
            # "Putin's proposal … It required Ukraine to cede …": only demands carry it on.
            actor = doc.ref(subj, si, owner=kind == "DEMAND")
            used.extend(small_subtree(subj, 8) if actor is not None else [subj])
            conj = children(subj, "conj")
            if not conj and subj.lemma_.lower() in GROUP_NOUNS:
                conj = [
                    c for o in prep_objects(subj, frozenset({"of"})) for c in children(o, "conj")
                ]
            if conj and actor is not None:
                target = doc.ref(conj[0], si)
                used.append(conj[0])
        if target is None:
            objs = children(tok, "dobj", "dative")
            if passive:
                objs = children(tok, "nsubjpass") + ([tok.head] if tok.dep_ == "acl" else [])
            objs += prep_objects(tok, _TARGET_PREPS)
            if kind == "DEMAND":
                for c in children(tok, "ccomp"):
                    objs += children(c, "nsubj")
            for o in objs:
                target = doc.ref(o, si)
                if target is not None:
                    used.append(o)
                    break
            for o in children(tok, "dobj") if target is None else []:
                # "welcomed Trump's efforts", "rejected Putin's proposal": the owner of
                # what is welcomed or rejected is whom the stance is toward.
                for p in children(o, "poss"):
                    target = doc.ref(p, si)
                    if target is not None:
                        used.append(o)
                        break
    else:
        poss = [c for c in children(tok, "poss") if c.lower_ not in ("their", "its")]
        names = [
            c
            for c in tok.children
            if c.dep_ in ("compound", "amod") and kind == "CONSULT" and _named(doc, c)
        ]
        between = prep_objects(
            tok, frozenset({"between", "by"} | ({"of"} if kind == "CONSULT" else set()))
        )
        cands = poss + names + between
        for c in between:
            cands += children(c, "conj")
        if not cands and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HOLD_VERBS:
            subj = subject(tok.head)
            if subj is not None:
                cands += [subj, *children(subj, "conj")]
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
            for o in prep_objects(tok, frozenset({"with", "against", "on", "to"})):
                target = doc.ref(o, si)
                if target is not None:
                    used.append(o)
                    break
    if target == actor or (target is not None and doc.labels.get(target) == "FAC"):
        target = None  # "met at the palace" says where, not with whom
    return actor, target, used


_PAIR_NOUNS = frozenset(
    {"leader", "side", "president", "minister", "country", "delegation", "government", "party"}
)
_PAIR_SENTENCES = 3


def _pair_of(subj: Any, doc: DocContext, si: int) -> tuple[Span, Span] | None:
    """ "The two leaders met …", "Both sides agreed …": the two parties of the latest
    meeting or agreement of the last few sentences, when the subject says "two"/"both"."""
    if subj.lemma_.lower() not in _PAIR_NOUNS or doc.pair is None:
        return None
    if not any(c.lower_ in ("two", "both") for c in subj.children):
        return None
    actor, target, at = doc.pair
    return (actor, target) if si - at <= _PAIR_SENTENCES else None


def _named(doc: DocContext, tok: Any) -> bool:
    # "the Alaska summit" says where, "the Trump-Putin summit" says who.
    m = doc.mention_at(tok)
    return m is not None and m.label in ("PERSON", "ORG", "NORP")


def find_location(
    tok: Any, doc: DocContext, kind: str | None = None
) -> tuple[Span | None, list[Any]]:
    frontier = prep_objects(tok, _PLACE_PREPS)
    if kind == "DISASTER":
        frontier += children(tok, "dobj")  # "struck the mountain town of Vesk"
    if tok.dep_ == "xcomp":
        frontier += prep_objects(tok.head, _PLACE_PREPS)  # "marched … to protest"
    if kind in ("ASSAULT", "COERCE", "PROTEST") and tok.pos_ == "VERB":
        subj = subject(tok)  # "nurses at three hospitals in Tolva walked out"
        frontier += [o for p in prep_objects(subj, _PLACE_PREPS) for o in p.subtree] if subj else []
    for obj in children(tok, "dobj"):
        frontier += prep_objects(obj, _PLACE_PREPS)  # "met Alvarez in Lisbon" hangs off the object
    if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX"):
        frontier += prep_objects(tok.head, _PLACE_PREPS)
    best: tuple[int, Span, Any] | None = None
    for obj in frontier:
        if obj.i != tok.i and obj.pos_ == "NOUN" and obj.lemma_.lower() in NOUN_TYPES:
            continue  # "detained a man in the shooting at the tavern": the shooting's place
        for t in obj.subtree:
            m = doc.mention_at(t)
            if m is None or m.label not in _PLACE_LABELS or (m.label == "FAC" and best is not None):
                continue
            rank = 1 if m.label == "FAC" else 0
            if best is None or (rank, t.i) < (best[0], best[2].i):
                best = (rank, (m.start, m.end), t)
    return (best[1], [best[2]]) if best else (None, [])


# A photo caption's date is when the picture was taken, not when the event was.
_CAPTION = re.compile(
    r"\((?:Photo|Image|Credit)|\bPhoto(?:graph)?(?: by|:)|Getty Images|AFP via|AP Photo"
    r"|\b[Pp]ictured\b|\b[Ff]ile photo\b"
)

_CAPTION_CHARS = 400


def find_date(tok: Any, doc: DocContext, meeting: bool) -> tuple[str | None, Span | None]:
    """The day-precise date in the trigger's own clause; never one from a photo caption."""
    sent = doc.sent_of(tok)
    # A caption is its own paragraph, often split into sentences ("Pictured: …",
    # "… (Photo: …)"): look at the whole line around the sentence.
    text = doc.text
    line_start = text.rfind("\n", 0, int(sent.start_char)) + 1
    line_end = text.find("\n", int(sent.end_char))
    line_end = len(text) if line_end < 0 else line_end
    if line_end - line_start > _CAPTION_CHARS:  # a paragraph of prose: the sentence only
        line_start, line_end = int(sent.start_char), int(sent.end_char)
    if _CAPTION.search(text, line_start, line_end):
        return None, None
    scope = [tok]
    if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX") and meeting:
        scope += [c for c in tok.head.children if c.dep_ in ("prep", "npadvmod")]
    if tok.dep_ == "xcomp":
        # "voted on Wednesday to pass the bill": the date sits on the governing verb.
        scope += [c for c in tok.head.children if c.dep_ in ("prep", "npadvmod")]
    for head in scope:
        lo, hi = int(head.left_edge.idx), end_of(head.right_edge)
        for s, e, value in doc.dates(sent):
            if lo <= s and e <= hi:
                return value, (s, e)
    return None, None
