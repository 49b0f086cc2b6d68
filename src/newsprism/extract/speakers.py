"""Who said it: reporting cues and speakers over one parsed document.

``SpeakerContext`` wraps a parse with its entity mentions and a coreference
``Resolver``; it finds the reporting cue that governs a quoted span (in the
parse, or next to the quotation marks) and the speaker that cue names: the
subject, a passive agent, a participle's or conjunct's inherited subject, a
``Name: “…”`` label, a pronoun or role noun resolved to an earlier person, or
the written words of a name the NER missed. ``extract.quotes`` uses it for
direct, partial and reported speech alike.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from newsprism.extract.coref import MentionLike, shared_resolver
from newsprism.extract.cues import (
    NAMING_VERBS,
    NON_SPEAKERS,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    SPEECH_VERBS,
    UNNAMED_PEOPLE,
)
from newsprism.extract.quote_marks import Quoted, quoted_spans
from newsprism.nlp.parsed import Parsed

Span = tuple[int, int]

QUOTE_OPENERS = frozenset("\u201c\"\u00ab\u201e\u2018'")
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NOMINAL_DEPS = frozenset({"acl", "amod", "pobj", "dobj", "compound", "appos", "attr", "nsubj"})
_BETWEEN_OK = frozenset(
    {"PUNCT", "PRON", "PROPN", "DET", "ADJ", "NOUN", "ADV", "ADP", "NUM", "SPACE"}
)


@dataclass(frozen=True)
class Who:
    """A speaker as found in one document (see ``SpeakerContext.speaker``)."""

    span: Span | None
    ref: Span | None
    # The written name of a speaker with no entity mention here ("Anneliese
    # Kroll" that the NER missed); matched against linked entity names later.
    name: str | None = None


NOBODY = Who(None, None)


def token_end(tok: Any) -> int:
    return int(tok.idx) + len(tok)


def _lexicon(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs whose infinitive complement did not happen: "declined to say".
_REFUSALS = frozenset({"decline", "refuse", "fail", "avoid", "stop"})
# "pleaded guilty", "pleaded not guilty", "pleaded no contest": a plea in court
# names a verdict, not words of the pleader's.
_PLEAS = frozenset({"guilty", "innocent", "contest"})

# Heads of a described source that can speak: people by role, relation or group,
# institutions, and the documents they issue. A subject outside these ("The deal
# demanded …", "This dynamic …, suggesting …") is a thing, not a source, and its
# clause is the reporter's own statement, not an attribution.
PERSON_GROUPS: frozenset[str] = _lexicon(
    """analyst critic expert observer figure protester protestor campaigner activist
    economist scientist researcher negotiator delegate mediator people member supporter
    opponent staff authority authorities police prosecutors investigator detective
    deputy trooper firefighter paramedic coroner medic organizer organiser participant
    reporter journalist correspondent commentator historian scholar professor
    architect boss citizen majority minority public electorate crowd audience family
    community population youth child kid baby patient guest star celebrity colleague
    partner ally rival peer head veteran refugee soldier troop crew cop pilot employee
    appointee trustee retiree mom dad fan
    """
)
INSTITUTIONS: frozenset[str] = _lexicon(
    """office department agency ministry bureau service court council committee commission
    government administration campaign company firm party union team board panel embassy
    military army navy force forces coalition alliance bloc delegation side camp network
    newspaper outlet channel station paper magazine website publication media press
    cabinet parliament congress senate legislature regime kremlin state city county
    district school university hospital church group organization organisation
    institute foundation center centre association federation spokesperson fund bank
    country nation corporation club league body watchdog institution laboratory lab
    """
)
DOCUMENTS: frozenset[str] = _lexicon(
    """statement report release document letter memo filing complaint lawsuit indictment
    affidavit ruling study survey poll analysis review audit assessment data figures
    statistics record records account message email post tweet video transcript article
    story book note notice announcement summary readout communique declaration guidance
    advisory forecast research findings testimony interview speech remarks ad clip spot
    slide brief program programme commercial advertisement page headline caption sign
    banner flyer leaflet mailer pamphlet chart poster
    """
)
# What shows someone speaking rather than speaking itself.
_RECORDINGS = _lexicon("footage film documentary clip spot ad video recording montage")
SOURCE_HEADS: frozenset[str] = (
    frozenset(ROLE_NOUNS) | frozenset(UNNAMED_PEOPLE) | PERSON_GROUPS | INSTITUTIONS | DOCUMENTS
)
# Endings of nouns for people ("bartender", "organizer", "activist", "resident"):
# enough to keep a described person a source when the lists above miss the word.
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ers", "ors", "ists", "ians", "ants")


def negated(tok: Any, quoted_tok: set[int] | frozenset[int] = frozenset()) -> bool:
    """Whether a reporting verb is denied: "did not mention", "declined to say".

    Only a negation before the verb and outside quotation marks counts: in
    ‘“Probably not,” Ms. Moore said’ the parse hangs the quoted "not" on "said".
    """
    if any(
        (c.dep_ == "neg" or c.lower_ in ("never", "not", "n't"))
        and c.i < tok.i
        and c.i not in quoted_tok
        for c in tok.children
    ):
        return True
    head = tok.head
    return bool(tok.dep_ == "xcomp" and head.lemma_.lower() in _REFUSALS and head is not tok)


def is_cue(tok: Any, quoted_tok: set[int]) -> bool:
    if tok.i in quoted_tok or tok.pos_ != "VERB":
        return False
    lemma = tok.lemma_.lower()
    if lemma not in SPEECH_VERBS:
        return False
    if negated(tok, quoted_tok):
        return False  # "Putin did not mention …" is not Putin's quote
    if lemma == "plead" and any(
        c.lower_ in _PLEAS or any(g.lower_ in _PLEAS for g in c.children) for c in tok.children
    ):
        return False  # "a man later pleaded guilty to assault": a plea, not a quote
    if (
        lemma == "ask"
        and tok.tag_ == "VBN"
        and not any(c.dep_ == "nsubjpass" for c in tok.children)
    ):
        return False  # "Asked whether …, Reyes said": the question is someone else's
    # "a plan called the 'X'", "a backdrop reading 'X'": a participle that
    # modifies a noun, or is parsed as one, names a thing rather than a speech.
    return not (lemma in NAMING_VERBS and tok.dep_ in _NOMINAL_DEPS)


class SpeakerContext:
    """Per-document state shared by the rules below."""

    def __init__(self, doc_id: str, sdoc: Any, mentions: Sequence[MentionLike]):
        parsed = Parsed.of(sdoc)
        self.doc_id = doc_id
        self.sdoc = sdoc = parsed.sdoc
        self.text: str = parsed.text
        self.cols = parsed.columns
        self.quoted: list[Quoted] = quoted_spans(parsed)
        self.quoted_tok: set[int] = set()
        for q in self.quoted:
            span = sdoc.char_span(q.open, q.close + 1, alignment_mode="expand")
            if span is not None:
                self.quoted_tok.update(range(span.start, span.end))
        self.mentions = sorted(
            (m for m in mentions if m.label in SPEAKER_LABELS), key=lambda m: (m.start, m.end)
        )
        self._starts = [m.start for m in self.mentions]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._labels: dict[Span, str] = {}
        for m in self.mentions:
            self._labels.setdefault((m.start, m.end), m.label)
        # One resolver per document, shared with the claims extractor.
        self.resolver = shared_resolver(parsed, mentions)

    def mention_at(self, start: int, end: int) -> Span | None:
        """The first mention (by position) that overlaps ``[start, end)``."""
        # A mention starting before ``start - longest`` ends before ``start``: a
        # scan of every mention per call was quadratic in document length.
        for i in range(bisect_left(self._starts, start - self._longest), len(self.mentions)):
            m = self.mentions[i]
            if m.start >= end:
                break
            if start < m.end:
                return (m.start, m.end)
        return None

    # ------------------------------------------------------------------ cues

    def cue_for(self, tokens: Any) -> Any | None:
        """The reporting verb that governs or introduces a quoted token span."""
        start, end = tokens.start, tokens.end
        best: tuple[int, int, Any] | None = None
        # The walk up the heads reads the token columns; a ``Token`` is built only for
        # a head that passes ``is_cue``'s opening tests (a reporting verb outside quotes).
        cols, quoted = self.cols, self.quoted_tok
        heads, pos, lemma = cols.head, cols.pos, cols.lemma
        for i in range(start, end):
            h, steps = heads[i], 1
            while not start <= h < end and steps <= 3:
                if pos[h] == "VERB" and lemma[h] in SPEECH_VERBS and h not in quoted:
                    head = self.sdoc[h]
                    if is_cue(head, quoted) and self._same_paragraph(head, tokens):
                        dist = min(abs(h - start), abs(h - end))
                        if best is None or (steps, dist) < best[:2]:
                            best = (steps, dist, head)
                        break
                if heads[h] == h:
                    break
                h, steps = heads[h], steps + 1
        if best is not None:
            return best[2]
        return self._adjacent_cue(tokens)

    def _same_paragraph(self, tok: Any, tokens: Any) -> bool:
        # A parse can run across paragraphs; a cue never reaches into another one.
        lo, hi = sorted((tok.idx, token_end(tokens[-1]) if tok.i >= tokens.end else tokens[0].idx))
        return "\n" not in self.text[lo:hi]

    def _adjacent_cue(self, tokens: Any) -> Any | None:
        sdoc = self.sdoc
        # After the closing mark: ‘,” he said’ / ‘,” said Trump’ / ‘” Trump added’.
        i, seen = tokens.end, 0
        while i < len(sdoc) and seen < 6:
            tok = sdoc[i]
            if tok.i in self.quoted_tok and i > tokens.end + 1:
                break
            if is_cue(tok, self.quoted_tok):
                return tok
            if tok.pos_ not in _BETWEEN_OK or "\n" in tok.text:
                break
            seen += 0 if tok.pos_ == "PUNCT" else 1
            i += 1
        # Before the opening mark: ‘Trump said: “’ / ‘he told reporters, “’.
        i, seen = tokens.start - 1, 0
        while i >= 0 and sdoc[i].pos_ == "PUNCT" and seen < 3:
            i, seen = i - 1, seen + 1
        if i > 0 and sdoc[i].is_space and sdoc[i].text.count("\n") <= 2 and sdoc[i - 1].text == ":":
            i -= 1  # ‘He said:⏎⏎“…”’: a paragraph that ends in a colon introduces the quote
        if i >= 0 and sdoc[i].lower_ == "that":
            i -= 1
        seen = 0
        while i >= 0 and seen < 5:
            tok = sdoc[i]
            if "\n" in tok.text_with_ws or tok.i in self.quoted_tok:
                break
            if is_cue(tok, self.quoted_tok) or tok.lower_ == "according":
                return tok
            if tok.pos_ not in _BETWEEN_OK:
                break
            i, seen = i - 1, seen + 1
        return None

    # ------------------------------------------------------------------ speakers

    def can_speak(self, subj: Any | None) -> bool:
        """Whether a subject could be a source: not a thing ("The deal demanded …").

        Names, pronouns and proper nouns always can; a common noun can when it
        is a described person, a group, an institution or a document.
        """
        if subj is None or subj.pos_ != "NOUN":
            return True
        if self.mention_at(subj.idx, token_end(subj)) is not None:
            return True
        lemma, low = subj.lemma_.lower(), subj.lower_
        if lemma in SOURCE_HEADS or low in SOURCE_HEADS or low.endswith(_PERSON_ENDINGS):
            return True
        if subj.tag_ in ("NNP", "NNPS") or (subj.text[:1].isupper() and not subj.is_sent_start):
            return True  # a name the tagger read as a common noun ("Wines believes")
        # "an architect who said …": only people take "who".
        return any(
            c.dep_ in ("appos", "conj")
            or (c.dep_ == "relcl" and any(g.lower_ == "who" for g in c.children))
            for c in subj.children
        )

    def colon_speaker(self, tokens: Any) -> Span | None:
        """``Jane Doe: “…”`` — a name right before a colon that opens the quote."""
        i = tokens.start - 1
        while i >= 0 and self.sdoc[i].text in QUOTE_OPENERS:
            i -= 1
        if i < 1 or self.sdoc[i].text != ":":
            return None
        name = self.sdoc[i - 1]
        return self.mention_at(name.idx, token_end(name)) if name.pos_ == "PROPN" else None

    def name_before_cue(self, tokens: Any, cue: Any) -> Any | None:
        """‘“…,” Flynn, a top surrogate, said’ parsed without a subject for "said".

        The name between the closing mark and the cue, before any apposition:
        the last word before the first comma, when it is a proper noun or a
        personal pronoun outside quotation marks.
        """
        i = tokens.end
        while i < cue.i and (self.sdoc[i].is_punct or self.sdoc[i].is_space):
            i += 1
        j = i
        while j < cue.i and self.sdoc[j].text != ",":
            j += 1
        if j == i:
            return None
        last = self.sdoc[j - 1]
        if last.i in self.quoted_tok or "\n" in self.text[token_end(tokens[-1]) : cue.idx]:
            return None
        if last.pos_ == "PROPN" or last.lower_ in PRONOUN_GENDER or last.lower_ == "they":
            return last
        return None

    def subject_of(self, cue: Any, depth: int = 0) -> Any | None:
        if cue.lower_ == "according":  # "according to X: “…”"
            to = [c for c in cue.children if c.lower_ == "to"]
            objs = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
            return objs[0] if objs else None
        # Two subjects mean the parser glued a dateline ("CITY, March 3 —") or a
        # headline onto the sentence; the one nearest the verb is the real one.
        subjects = sorted(
            (c for c in cue.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - cue.i)
        )
        for child in subjects[:1]:
            if "\n" in self.text[min(child.idx, cue.idx) : max(child.idx, cue.idx)]:
                return None  # the parser joined a headline to the next sentence
            if child.lower_ in ("who", "that") and cue.dep_ == "relcl":
                return cue.head
            return child
        for child in cue.children:
            if child.dep_ == "agent":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                return objs[0] if objs else None
        if any(c.dep_ == "nsubjpass" for c in cue.children):
            return None  # "Trump was told …": the subject is the addressee
        # "Trump praised the talks, calling them …" / "… and added": the
        # participle or conjunct shares the subject of the verb it hangs on.
        if cue.dep_ in ("advcl", "conj", "xcomp") and depth < 3 and cue.head.i != cue.i:
            inherited = self.subject_of(cue.head, depth + 1)
            before = self.sdoc[cue.i - 1] if cue.i > 0 else None
            if (
                inherited is not None
                and inherited.pos_ == "NOUN"
                and inherited.lemma_.lower() in DOCUMENTS | _RECORDINGS
                and cue.tag_ == "VBG"
                and before is not None
                and before.pos_ == "PROPN"
            ):
                # "The ad uses footage of Hillary Clinton asking, “…”": the
                # recording shows the named person speaking; it says nothing.
                return before
            return inherited
        # "The bloc's chief, Jane Roe, repeated that …" is sometimes parsed with the
        # verb as a participle hanging on the name: the name is still its subject.
        if cue.dep_ == "acl" and cue.head.pos_ == "PROPN" and cue.tag_ in ("VBD", "VBN"):
            return cue.head
        return None

    def speaker(self, subj: Any | None) -> Who:
        """Who a subject token names: its span here, its named mention, its name."""
        if subj is None or subj.i in self.quoted_tok:
            return NOBODY
        if subj.pos_ in ("PROPN", "NOUN") and any(
            c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for c in subj.children
        ):
            # "Reyes and Marchenko said …": a joint statement has no single speaker.
            lo = max(subj.left_edge.idx, self.text.rfind("\n", 0, subj.idx) + 1)
            return Who((lo, token_end(subj.right_edge)), None)
        named = self.mention_at(subj.idx, token_end(subj))
        if named is not None:
            if named == (subj.idx, token_end(subj)) and subj.pos_ == "PROPN":
                # A bare surname two people share: the one just named, if only one is.
                recent = self.resolver.resolve_shared(subj)
                if recent is not None:
                    return Who(named, recent)
            return Who(named, self._person(subj, named))
        low = subj.lower_
        if low in NON_SPEAKERS:
            return NOBODY
        if subj.pos_ == "PRON":
            span = (subj.idx, token_end(subj))
            if low in PRONOUN_GENDER:
                return Who(span, self.resolver.resolve_pronoun(subj))
            return Who(span, None)
        for child in subj.children:
            if child.dep_ == "appos":
                named = self.mention_at(child.idx, token_end(child))
                if named is not None:
                    return Who(named, self._person(child, named))
                if child.pos_ == "PROPN":
                    return self._name(child)
        if subj.lemma_.lower() in ROLE_NOUNS:
            return Who(self._phrase(subj), self.resolver.resolve_role(subj))
        if subj.pos_ == "PROPN":
            return self._name(subj)
        if subj.text[:1].isupper():
            return Who(self._phrase(subj), self.resolver.resolve_name(subj))
        return Who(self._phrase(subj), None)

    def _phrase(self, head: Any) -> Span:
        mods = [c for c in head.children if c.dep_ in ("det", "amod", "compound", "poss", "nummod")]
        start = min([head.idx] + [m.left_edge.idx for m in mods])
        # A headline glued onto the subject by the parser is not part of it.
        start = max(start, self.text.rfind("\n", 0, head.idx) + 1)
        return (start, token_end(head))

    def _person(self, tok: Any, named: Span) -> Span:
        # A surname the NER typed ORG ("Reyes said") stands for the person the
        # document names in full elsewhere; its own mention would link to an ORG.
        label = self._labels.get(named, "")
        if label == "PERSON":
            return named
        ref = self.resolver.person_ref(tok)
        if ref is None:
            return named
        # "Ana Pike" typed ORG is not "Lily Pike": a given name of its own wins.
        own, other = self.text[named[0] : named[1]].split(), self.text[ref[0] : ref[1]].split()
        if len(own) > 1 and own[0] != other[0]:
            return named
        return ref

    def _name(self, head: Any) -> Who:
        """A proper-name subject the NER missed: resolve it, else keep its words."""
        span = self._phrase(head)
        ref = self.resolver.resolve_name(head) or self.resolver.resolve_shared(head)
        if ref is not None:
            return Who(span, ref)
        words = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        lo = min([head.idx] + [w.idx for w in words if w.i < head.i])
        return Who(span, None, self.text[lo : token_end(head)])
