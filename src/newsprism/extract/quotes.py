"""Quotes and reported speech in one parsed document, with their speakers.

``extract_quotes(doc_id, sdoc, mentions)`` finds three kinds of attribution:

* ``direct``: a quoted utterance in any quotation style (straight or curly double
  quotes, single quotes used as quote marks, guillemets; a quote running over
  several paragraphs where each paragraph reopens it is one quote);
* ``partial``: a quoted fragment inside a sentence (called the talks "productive");
* ``indirect``: the clause complement of a reporting verb (``X said that …``,
  ``X warned …``) or the clause beside ``according to X``, without the cue.

A quoted span is a quote only when a reporting cue governs it or stands next to
it, or when it is a full sentence on its own (a long cue-less quote keeps
``speaker_span`` None). Short quoted spans with no cue are scare quotes, slogans
or names of things ("a backdrop reading …") and are dropped: unknown beats wrong.

Spans: a direct/partial quote's span is the text *inside* the marks, so
``text[span]`` is exactly the quoted words. ``speaker_span`` points at the speaker
words in this document (the pronoun for "he said"); ``speaker_ref`` is the span
of the named mention the speaker resolves to (see ``coref``), which
``crossdoc.quotes.attach_speakers`` maps to an entity id after linking.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from newsprism.extract.coref import MentionLike
from newsprism.extract.cues import (
    SPEECH_VERBS,
    THOUGHT_VERBS,
)
from newsprism.extract.quote_marks import Quoted
from newsprism.extract.speakers import SpeakerContext, is_cue, negated, token_end
from newsprism.models import Quote

Span = tuple[int, int]
Kind = Literal["direct", "partial", "indirect"]

# A cue-less quoted span must look like an utterance of its own to be kept.
MIN_UNATTRIBUTED_WORDS = 6
_EXPLETIVE = frozenset({"that", "this", "it", "there"})


@dataclass(frozen=True)
class ExtractedQuote:
    """A ``models.Quote`` before linking, plus the named mention of its speaker."""

    id: str
    document: str
    span: Span
    text: str
    kind: Kind
    cue: str | None
    speaker_span: Span | None
    speaker_ref: Span | None
    # Where the cue sits; quotes sharing it are fragments of one attribution
    # (“A,” she said, “B.”). Not part of the brief contract.
    cue_span: Span | None = None
    speaker_name: str | None = None
    # Headed by a verb of thinking or feeling ("they fear that …"): PolNeAR
    # counts it as an attribution, and the reporter's voice stops there, but
    # nobody said it: the brief does not list it as a quote.
    cognition: bool = False

    def to_quote(self, speaker: str | None) -> Quote:
        return Quote(
            id=self.id,
            document=self.document,
            span=self.span,
            text=self.text,
            kind=self.kind,
            speaker=speaker,
            speaker_span=self.speaker_span,
            cue=self.cue,
        )


def quote_id(doc_id: str, span: Span) -> str:
    digest = hashlib.sha256(f"{doc_id}:{span[0]}:{span[1]}".encode()).hexdigest()
    return "q-" + digest[:12]


def _kind_of(text: str, q: Quoted, tokens: Any) -> Kind:
    # Whether the quote has three words: counting stops at the third.
    words = 0
    for t in tokens:
        if not t.is_punct and not t.is_space:
            words += 1
            if words == 3:
                break
    # The last character before the quote, past whitespace (``text[: q.open].rstrip()``
    # without copying the text before every quote).
    j = q.open
    while j > 0 and text[j - 1].isspace():
        j -= 1
    last = text[j - 1] if j else ""
    # A quote opening a sentence, or right after "said," / "said:", is an utterance
    # of its own; one woven into a sentence ("called it a “…”") is partial.
    clause_start = not last or last in '.:,;!?\n\u201d"\u2019)' or tokens[0].is_sent_start
    starts_upper = text[q.start : q.start + 1].isupper()
    if words >= 3 and clause_start and (starts_upper or last in (",", ":")):
        return "direct"
    if words >= 3 and starts_upper and q.end > q.start and text[q.end - 1] in ".!?":
        return "direct"
    return "partial"


# A full stop that ends an abbreviation or an initial, not a sentence:
# "said Ronald R. Fieldstone, a lawyer." has one sentence, not two.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|Inc|Co|"
    r"Corp|Ltd|Mt|Ft|No|vs|etc|[A-Z]\.[A-Z]))\.$"
)
_SENTENCE_END = re.compile(r"[.!?]+(?=\s+\S)")
# The most text between two quotes of one attribution: "“A,” said X, a lawyer who
# has worked on such cases for years. “B.”" runs long with its apposition.
MAX_BETWEEN = 300


def _one_sentence(between: str) -> bool:
    """Whether ``between`` holds no sentence end other than its last character."""
    for m in _SENTENCE_END.finditer(between):
        if not _ABBREVIATION.search(between[: m.start() + 1]):
            return False
    return True


def _continues(text: str, prev_close: int, open_: int) -> bool:
    """Whether a quote opening at ``open_`` carries on the quote closed at ``prev_close``.

    True when it opens a sentence in the same paragraph with at most one
    attribution sentence in between, or opens the very next paragraph (a quote
    paragraph following a quote paragraph, the usual run of a long statement).
    """
    between = text[prev_close + 1 : open_]
    if between.strip() == "":
        return between.count("\n") <= 2  # next paragraph, blank line or not
    if "\n" in between or len(between) > MAX_BETWEEN:
        return False
    stripped = between.rstrip()
    return stripped.endswith((".", ":", "!", "?", ",")) and _one_sentence(stripped)


_DASH_NAME = re.compile(r"[\s.,]*[\u2015\u2014\u2013-]{1,2}\s*")


def _dash_speaker(d: SpeakerContext, q: Quoted) -> tuple[Span | None, Span | None, str | None]:
    """‘“…” ― Jane Roe’: a name after a dash right behind the closing mark."""
    m = _DASH_NAME.match(d.text, q.close + 1)
    if m is None or m.end() == q.close + 1 or "\n" in m.group():
        return None, None, None
    at = m.end()
    named = d.mention_at(at, at + 1)
    if named is not None and named[0] == at:
        return named, named, None
    line_end = d.text.find("\n", at)
    words = re.match(
        r"(?:[A-Z][\w'’.-]*\s?){1,4}", d.text[at : len(d.text) if line_end < 0 else line_end]
    )
    if words is None:
        return None, None, None
    name = words.group().strip().rstrip(".")
    return (at, at + len(name)), None, name


def _quoted_quotes(d: SpeakerContext) -> list[ExtractedQuote]:
    out: list[ExtractedQuote] = []
    prev: ExtractedQuote | None = None
    prev_close = -1
    for q in d.quoted:
        tokens = d.sdoc.char_span(q.start, q.end, alignment_mode="expand")
        if tokens is None or len(tokens) == 0:
            continue
        kind = _kind_of(d.text, q, tokens)
        cue = d.cue_for(tokens)
        span = (q.start, q.end)
        # Attribution: (cue word, speaker span, speaker ref, cue span, speaker name).
        said: tuple[str | None, Span | None, Span | None, Span | None, str | None]
        if cue is not None:
            who = d.speaker(d.subject_of(cue))
            if who.span is None and cue.i >= tokens.end:
                who = d.speaker(d.name_before_cue(tokens, cue))
            said = (cue.text, who.span, who.ref, (cue.idx, token_end(cue)), who.name)
        else:
            words = [t for t in tokens if not t.is_punct and not t.is_space]
            dash_span, dash_ref, dash_name = _dash_speaker(d, q)
            if kind == "direct" and prev is not None and _continues(d.text, prev_close, q.open):
                # “A,” she said. “B.” — B carries on the attributed quote A.
                said = (None, prev.speaker_span, prev.speaker_ref, prev.cue_span, prev.speaker_name)
            elif dash_span is not None and len(words) >= 3:
                said = (None, dash_span, dash_ref, None, dash_name)
            elif kind != "direct" or len(words) < MIN_UNATTRIBUTED_WORDS:
                continue  # scare quote, slogan, title of a thing
            else:
                named = d.colon_speaker(tokens)
                said = (None, named, named, None, None)
        item = ExtractedQuote(
            quote_id(d.doc_id, span), d.doc_id, span, d.text[q.start : q.end], kind, *said
        )
        out.append(item)
        if item.speaker_span is not None or item.cue_span is not None:
            prev, prev_close = item, q.close
        else:
            prev = None
    return out


def _trimmed(d: SpeakerContext, left: Any, right: Any) -> Span | None:
    """Char span from token ``left`` to token ``right`` without edge punctuation."""
    i, j = left.i, right.i
    while i <= j and (d.sdoc[i].is_punct or d.sdoc[i].is_space):
        i += 1
    while j >= i and (d.sdoc[j].is_punct or d.sdoc[j].is_space):
        j -= 1
    if j - i < 1:
        return None
    return (d.sdoc[i].idx, token_end(d.sdoc[j]))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _ByStart:
    """Quotes sorted by span start, with their order of arrival, for overlap lookups.

    Scanning every quote for each candidate made quote finding quadratic in
    document length; a quote that overlaps ``span`` starts after
    ``span[0] - longest`` and before ``span[1]``.
    """

    def __init__(self, quotes: Iterable[ExtractedQuote] = ()) -> None:
        self._items: list[tuple[int, int, ExtractedQuote]] = []
        self._longest = 0
        for q in quotes:
            self.add(q)

    def add(self, q: ExtractedQuote) -> None:
        insort(self._items, (q.span[0], len(self._items), q))
        self._longest = max(self._longest, q.span[1] - q.span[0])

    def overlapping(self, span: Span) -> Iterator[tuple[int, ExtractedQuote]]:
        """(arrival order, quote) for every quote overlapping ``span``, by start."""
        items = self._items
        for i in range(bisect_left(items, (span[0] - self._longest,)), len(items)):
            start, order, q = items[i]
            if start >= span[1]:
                break
            if q.span[1] > span[0]:
                yield order, q


def _covered(span: Span, quotes: _ByStart) -> bool:
    size = span[1] - span[0]
    for _, q in quotes.overlapping(span):
        overlap = min(span[1], q.span[1]) - max(span[0], q.span[0])
        if overlap > 0 and overlap * 2 >= size:
            return True
    return False


_ATTRIBUTING = SPEECH_VERBS | THOUGHT_VERBS


def _indirect_quotes(d: SpeakerContext, direct: list[ExtractedQuote]) -> list[ExtractedQuote]:
    out: list[ExtractedQuote] = []
    direct_index, out_index = _ByStart(direct), _ByStart()
    opens = [q.open for q in d.quoted]
    longest = max((q.close - q.open for q in d.quoted), default=0)
    cols, sdoc, quoted_tok = d.cols, d.sdoc, d.quoted_tok
    lowers, lemmas, poss = cols.lower, cols.lemma, cols.pos
    maybe = set(cols.with_lemma(_ATTRIBUTING))
    # A token whose lowercase form is "according" is in the lowercased text (lowering
    # maps those letters alone): most documents need no scan for it.
    if "according" in d.text.lower():
        maybe.update(i for i, low in enumerate(lowers) if low == "according")
    for i in sorted(maybe):
        # Only "according (to)", a reporting verb (``is_cue`` opens with this test)
        # or a verb of thought can attribute: the rest is skipped from the lists.
        if i in quoted_tok or not (
            lowers[i] == "according"
            or (poss[i] == "VERB" and (lemmas[i] in SPEECH_VERBS or lemmas[i] in THOUGHT_VERBS))
        ):
            continue
        tok = sdoc[i]
        span: Span | None = None
        cue_text = tok.text
        subj: Any | None = None
        cognition = False
        if tok.lower_ == "according":
            to = [c for c in tok.children if c.lower_ == "to"]
            objs = [c for c in to[0].children if c.dep_ == "pobj"] if to else []
            if not objs:
                continue
            subj, cue_text = objs[0], "according to"
            sent = tok.sent
            phrase = (tok.i, objs[0].right_edge.i)
            left = (sent.start, phrase[0] - 1)
            right = (phrase[1] + 1, sent.end - 1)
            side = left if left[1] - left[0] >= right[1] - right[0] else right
            if left[1] >= left[0] and _starts_conjunct(d.sdoc, right):
                # "The talks lasted nine hours, according to X, and brought …": the
                # source vouches for the clause it interrupts, not the one after.
                side = left
            if side[1] < side[0]:
                continue
            span = _trimmed(d, d.sdoc[side[0]], d.sdoc[side[1]])
        elif is_cue(tok, d.quoted_tok) or (
            tok.pos_ == "VERB"
            and tok.lemma_.lower() in THOUGHT_VERBS
            and not negated(tok, d.quoted_tok)
        ):
            comps = [c for c in tok.children if c.dep_ == "ccomp" and not _across_break(d, c, tok)]
            if not comps:
                continue
            subj = d.subject_of(tok)
            if subj is None or subj.lower_ in _EXPLETIVE:
                continue  # "That said, …" / "It is said that …" name no source
            if not d.can_speak(subj):
                continue  # "The deal demanded that …": a thing states nothing
            cognition = not is_cue(tok, d.quoted_tok)
            comp = comps[0]
            first = comp.left_edge
            if first.lower_ == "that" and first.dep_ == "mark" and first.i < comp.right_edge.i:
                first = d.sdoc[first.i + 1]  # the complementizer is the reporter's word
            span = _trimmed(d, first, comp.right_edge)
        if span is not None:
            span = _balanced(d, span, opens, longest)
        if span is None or _covered(span, direct_index) or _covered(span, out_index):
            continue
        cue_span = (tok.idx, token_end(tok))
        if any(
            q.kind == "direct"
            and q.cue_span is not None
            and _overlaps(q.span, span)
            and (
                q.cue_span == cue_span or (cue_text == "according to" and _inside(q.cue_span, span))
            )
            for _, q in direct_index.overlapping(span)
        ):
            # The quoted words already carry this attribution; in "“…,” X
            # declared, according to Y", Y is the reporter's source, X the speaker.
            continue
        who = d.speaker(subj)
        if who.span and _inside(who.span, span):
            continue  # a speaker inside its own content is a misparse
        out.append(
            ExtractedQuote(
                quote_id(d.doc_id, span),
                d.doc_id,
                span,
                d.text[span[0] : span[1]],
                "indirect",
                cue_text,
                who.span,
                who.ref,
                cue_span,
                who.name,
                cognition,
            )
        )
        out_index.add(out[-1])
    return out


def _across_break(d: SpeakerContext, comp: Any, cue: Any) -> bool:
    """Whether a clause before its cue ends at a colon or semicolon that precedes the cue.

    "Trump has made it clear: if …, he believes he would …" is parsed with the
    frame before the colon as a complement of "believes"; what the colon opens
    is the content, never the frame before it.
    """
    if comp.i > cue.i:
        return False
    between = d.text[token_end(comp.right_edge) : cue.idx]
    return ":" in between or ";" in between


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _starts_conjunct(sdoc: Any, side: tuple[int, int]) -> bool:
    i = side[0]
    while i <= side[1] and sdoc[i].is_punct:
        i += 1
    return i <= side[1] and sdoc[i].dep_ == "cc"


def _balanced(d: SpeakerContext, span: Span, opens: list[int], longest: int) -> Span:
    """Widen a clause so that it never cuts a quotation in half.

    The parse often ends a complement at the last word inside the marks
    (``had spoken "without illusions``); the clause then takes in the rest of
    the quotation and its marks, so the text reads as written.
    """
    start, end = span
    # Only quotations from ``start - longest`` on can reach ``start`` (``opens`` is
    # ``d.quoted``'s opening marks, in order); a scan of all of them per clause was
    # quadratic in document length.
    for i in range(bisect_left(opens, start - longest), len(opens)):
        q = d.quoted[i]
        if q.open >= end:
            break
        if q.open < start <= q.close < end:
            start = q.open
        if start <= q.open < end <= q.close:
            end = q.close + 1
    return (start, end)


def _inherit(q: ExtractedQuote, indirect: _ByStart) -> ExtractedQuote:
    """A speakerless quote inside an attributed clause takes that clause's speaker.

    ‘Trump added that “many points” had been agreed’: the passive "agreed" governs
    the quote, but the attribution belongs to "added".
    """
    # The first clause in ``indirect``'s own order that qualifies, as a scan would find.
    for _, outer in sorted(indirect.overlapping(q.span), key=lambda found: found[0]):
        if not outer.speaker_span or not _inside(q.span, outer.span):
            continue
        # "He said the two sides had agreed “on many points”": the cue governing
        # the quote sits inside reported speech, so the reporter's source speaks.
        nested_cue = q.cue_span is not None and _inside(q.cue_span, outer.span)
        if q.speaker_span is None or nested_cue:
            return replace(
                q,
                cue=outer.cue,
                cue_span=outer.cue_span,
                speaker_span=outer.speaker_span,
                speaker_ref=outer.speaker_ref,
                speaker_name=outer.speaker_name,
            )
    return q


def extract_quotes(doc_id: str, sdoc: Any, mentions: Sequence[MentionLike]) -> list[ExtractedQuote]:
    """Every direct, partial and indirect quote in ``sdoc`` (``Parsed`` or ``Doc``), by span.

    Pure: depends only on its arguments. ``mentions`` are the document's entity
    mentions (``extract.entities.EntityMention`` or anything with start/end/label).
    """
    d = SpeakerContext(doc_id, sdoc, mentions)
    direct = _quoted_quotes(d)
    indirect = _indirect_quotes(d, direct)
    by_start = _ByStart(indirect)
    quotes = [_inherit(q, by_start) for q in direct] + indirect
    seen: set[Span] = set()
    unique = []
    for q in sorted(quotes, key=lambda q: (q.span, q.kind)):
        if q.span not in seen:
            seen.add(q.span)
            unique.append(q)
    return unique
