"""Per-sentence voice, opinion cues, targeted tone and word slots: what source profiles need.

Every token is the outlet's own voice or someone else's. ``others`` lists the
stretches that are someone else's — ``quoted`` (inside quotation marks; the
speaker from quote extraction when it found one) and ``reported`` (the clause
a reporting verb governs: "X said *the deal must be signed*", with X's span);
every other token is the author's. The headline (the document's title line)
is own voice, and counted though it has no end mark.

Each sentence (split again at line breaks, like claims) gets a *voice*:

* ``attributed`` — someone else's words or claim: a reporting verb with a subject
  ("X said …", "“…,” she added"), "according to X", or a sentence that is mostly
  inside quotation marks. Its frame is still the author's: "X *slammed* …",
  "a *bizarre* rant" carry word-choice markers, and ``opinion`` is set.
* ``opinion`` — at least one subjectivity cue in the author's own words
  (``sources.subjectivity``): a rhetorical ``question``, the ``first_person``,
  a prescriptive ``modal`` (must / should / ought), an ``evaluative`` adjective
  or adverb (attributive or predicative: "a desperate attempt", "the plan is
  reckless"), a ``loaded`` framing or bias word, an exaggeration
  (``intensity``), and weaker cues (``intensifier``, ``hedge``,
  ``assertive``, ``subjective``).
* ``factual`` — a finished statement in the author's voice with no cue.
* ``other`` — headings and fragments (no end mark, no verb): not counted.

Attribution wins over opinion markers: "X said the deal must be signed" reports
X's "must", not the author's. ``tone`` is VADER's compound over the author's
own words (kept for charts); ``targets`` is the tone toward each entity
mention from the own-voice words tied to it in the parse (``sources.targeted``),
with those phrases. ``words`` lists own-voice content words with their head
and relation, which loaded terms compare across outlets.

Linear: the ``Parsed`` view reads the document's text and sentences once;
each sentence is one pass over its tokens (and each mention's neighbours).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any

from newsprism.extract.claims import FIRST_PERSON, PRESCRIPTIVE
from newsprism.extract.entities import EntityMention
from newsprism.extract.quote_marks import quoted_spans
from newsprism.extract.sentence_types import (
    Marker,
    OtherVoice,
    QuoteVoice,
    Role,
    SentenceFeatures,
    TargetTone,
    Voice,
    WordSlot,
)
from newsprism.extract.views import (
    STATE_OF_MIND,
    first_person,
    holds_view,
    made_clear,
    prescribed,
    proposal_content,
    self_cast,
    speech_reports,
    view_owner,
)
from newsprism.extract.voice_doc import GRADING, DocVoice, quoted_mask, runs, visible
from newsprism.nlp.columns import TokenColumns, within
from newsprism.nlp.parsed import Parsed
from newsprism.sources.lexicon import compound
from newsprism.sources.subjectivity import (
    SPECULATIVE,
    WORD_CHOICE,
    capitals_cue,
    is_opinion,
    word_cue,
)
from newsprism.sources.targeted import target_tone

Span = tuple[int, int]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_END_MARKS = ".!?…"
_CLOSERS = "\"'”’)]»"
# "called for talks", "called on X": a demand, reported as an action.
_CALL_PREPS = frozenset({"for", "on", "off", "in"})
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_TARGET = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
_TARGET_PREPS = frozenset(
    {"to", "against", "with", "on", "at", "toward", "towards", "for", "from", "over", "about"}
)
# A stance word in a short frame before a colon ("X stood firm: …", "X made it clear: …").
_STANCE = frozenset({"firm", "fast", "adamant", "clear", "insistent", "unequivocal", "defiant"})
_COLON_FRAME = 8
_PARTY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_CLIMB = frozenset({"compound", "flat", "appos", "conj", "poss", "nmod"})


def _continues_quote(sent: str) -> bool:
    """A sentence that closes a quotation it never opened: the end of a multi-sentence quote."""
    body = sent.rstrip()
    if not body.endswith(("”", '"')):
        return False
    inner = body[:-1]
    return "“" not in inner and inner.count('"') % 2 == 0


def _attribution(ctx: DocVoice, a: int, b: int, has_quote: bool) -> Marker | None:
    t = ctx.t
    for i in within(ctx.according, a, b):
        if i + 1 < t.n and ctx.sdoc[i + 1].lower_ == "to":
            return Marker("according_to", (t.start[i], t.end[i + 1]))
    # Only a reporting verb's lemma can fire (``_speaking``): Token objects for those alone.
    for i in within(ctx.speaking, a, b):
        tok = ctx.sdoc[i]
        deps = {c.dep_ for c in tok.children}
        # "X called … and insisted that …": the second verb shares the first one's subject.
        if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
            deps |= {c.dep_ for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        if not deps & {"nsubj", "nsubjpass"}:
            continue
        if prescribed(tok):
            continue
        if (
            tok.lemma_.lower() == "call"
            and "dobj" not in deps
            and any(c.dep_ in ("prep", "prt") and c.lower_ in _CALL_PREPS for c in tok.children)
        ):
            continue
        if deps & {"ccomp", "xcomp"} or has_quote or tok.dep_ in ("ROOT", "parataxis"):
            return Marker("reporting_verb", (tok.idx, tok.idx + len(tok.text)))
    return None


def _stance_colon(tokens: Sequence[Any]) -> OtherVoice | None:
    """ "Putin stood firm: Russia would not …", "Vask made it clear: …": the stance stated.

    A short frame before a colon that names a party and a word of standing firm
    or making clear hands what follows the colon to that party.
    """
    for i, tok in enumerate(tokens[: _COLON_FRAME + 1]):
        if tok.text != ":":
            continue
        frame, rest = tokens[:i], tokens[i + 1 :]
        party = next(
            (
                t
                for t in frame
                if (t.ent_type_ in _PARTY_TYPES or (t.pos_ == "PRON" and t.dep_ == "nsubj"))
                and not first_person(t)
            ),
            None,
        )
        if not rest or party is None or not any(t.lower_ in _STANCE for t in frame):
            return None
        end = rest[-1].idx + len(rest[-1].text)
        return OtherVoice((rest[0].idx, end), "reported", (party.idx, party.idx + len(party.text)))
    return None


def _marker(tok: Any) -> Marker | None:
    """The opinion cue one own-voice token carries, if any."""
    low = tok.lower_
    where = (tok.idx, tok.idx + len(tok.text))
    if low in FIRST_PERSON and tok.pos_ == "PRON":
        return Marker("first_person", where)
    if low in PRESCRIPTIVE and tok.tag_ == "MD":
        return Marker("modal", where)
    if low in SPECULATIVE and tok.tag_ == "MD":
        # "could not be reached for comment": a past inability, reported, not a guess.
        if not (low == "could" and any(c.dep_ == "neg" for c in tok.head.children)) and not (
            proposal_content(tok.head)
        ):
            return Marker("speculation", where)
        return None
    if low in STATE_OF_MIND and tok.pos_ == "ADJ" and view_owner(tok) is not None:
        return None  # "officials were wary": their feeling, reported
    if low in GRADING and tok.dep_ == "acomp":
        return Marker("evaluative", where)
    kind = word_cue(tok)
    return Marker(kind, where) if kind is not None else None


def _opinion_markers(
    ctx: DocVoice, a: int, b: int, span: Span, stance: OtherVoice | None = None
) -> list[Marker]:
    text, quoted, start = ctx.text, ctx.quoted, ctx.t.start
    out: list[Marker] = []
    stripped = text[span[0] : span[1]].rstrip(_CLOSERS)
    end = span[0] + len(stripped)
    if stripped.endswith("?") and not quoted[end - 1]:
        out.append(Marker("question", span))
    # Only words a list names can carry a cue (``voice_doc``); of those, the author's own:
    # not quoted, not in a stance stated, not in a clause a reporting verb governs.
    for i in within(ctx.marking, a, b):
        x = start[i]
        if quoted[x] or (stance is not None and stance.span[0] <= x < stance.span[1]):
            continue
        if ctx.theirs(i):
            continue
        found = _marker(ctx.sdoc[i])
        if found is not None:
            out.append(found)
    return out


def _role(t: TokenColumns, i: int) -> Role | None:
    """Subject or target: the relation of the mention's root, climbing through names."""
    dep, head = t.dep, t.head
    for _ in range(4):
        if dep[i] not in _CLIMB:
            break
        i = head[i]
    if dep[i] in _SUBJ:
        return "subject"
    if dep[i] in _TARGET:
        return "target"
    if dep[i] == "pobj":
        prep = head[i]
        if dep[prep] == "agent":
            return "subject"
        if t.lower[prep] in _TARGET_PREPS and t.pos[head[prep]] in ("VERB", "AUX", "NOUN"):
            return "target"
    return None


def _capitals_markers(
    tokens: Sequence[Any], quoted: bytearray, found: Sequence[Marker]
) -> list[Marker]:
    """Listed judging words of a headline set in capitals, whatever the tagger made of them."""
    seen = {m.span for m in found}
    out = []
    for tok in tokens:
        where = (tok.idx, tok.idx + len(tok.text))
        if not tok.is_upper or quoted[tok.idx] or where in seen:
            continue
        kind = capitals_cue(tok.lower_)
        if kind is not None:
            out.append(Marker(kind, where))
    return out


def _token_span(tok: Any) -> Span:
    sub = list(tok.subtree) if tok.pos_ in ("PRON", "PROPN") else [tok]
    return (sub[0].idx, sub[-1].idx + len(sub[-1].text))


def _subject_span(verb: Any) -> Span | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            sub = list(c.subtree)
            return (sub[0].idx, sub[-1].idx + len(sub[-1].text))
    return None


def _speaker(head: Any, tok: Any) -> Span | None:
    """Who says or holds what ``tok`` heads, on an edge ``reports_edge`` holds for."""
    # The same splits as ``reported``: what a verb reports, what a party thinks.
    if speech_reports(head, tok) or made_clear(head, tok) or self_cast(head, tok):
        return _subject_span(head)
    if holds_view(head, tok) and (owner := view_owner(head)) is not None:
        return None if owner.i == head.i else _token_span(owner)
    return None  # "the fear … is that …": an unnamed holder


def _others(
    ctx: DocVoice, a: int, b: int, speaker_at: Sequence[Span | None]
) -> tuple[OtherVoice, ...]:
    """Quoted stretches (with the speaker quote extraction found) and reported clauses."""
    t, quoted, sdoc = ctx.t, ctx.quoted, ctx.sdoc
    out: list[OtherVoice] = []
    for i, j in runs(quoted, t.start[a], t.end[b - 1]):
        speaker = next((sp for sp in speaker_at[i:j] if sp is not None), None)
        out.append(OtherVoice((i, j), "quoted", speaker))
    for c in within(ctx.edges, a, b):
        if quoted[t.start[c]] or not ctx.edge(c):
            continue
        tok = sdoc[c]
        speaker = _speaker(sdoc[t.head[c]], tok)
        sub = list(tok.subtree)
        out.append(OtherVoice((sub[0].idx, sub[-1].idx + len(sub[-1].text)), "reported", speaker))
    return tuple(sorted(out, key=lambda o: (o.span, o.kind)))


def _pair(t: TokenColumns, i: int, own: Callable[[int], bool]) -> Span | None:
    """An adjective with the noun it precedes, or a noun with the adjective before it."""
    pos, dep, head = t.pos, t.dep, t.head
    other = -1
    if pos[i] == "ADJ" and dep[i] == "amod" and head[i] == i + 1:
        # Not a title before a name ("the brave President Reyes"): the name is no slot.
        if dep[i + 1] != "compound" and pos[i + 1] == "NOUN":
            other = i + 1
    elif pos[i] == "NOUN" and i > 0:
        p = i - 1
        if dep[p] == "amod" and head[p] == i and pos[p] == "ADJ":
            other = p
    if other < 0 or t.ent[other] or not t.alpha[other] or not own(t.start[other]):
        return None
    first, last = min(i, other), max(i, other)
    return (t.start[first], t.end[last])


def _mentions(
    ctx: DocVoice, mentions: Sequence[EntityMention], span: Span, own_at: Callable[[int], bool]
) -> tuple[tuple[tuple[Span, Role], ...], tuple[TargetTone, ...]]:
    """Actor roles of the mentions inside ``span``, and the tone toward each in own voice."""
    actors: list[tuple[Span, Role]] = []
    targets: list[TargetTone] = []
    t = ctx.t

    def own(tok: Any) -> bool:
        return own_at(tok.idx)

    first = bisect_left(mentions, span[0], key=lambda m: m.start)
    for m in mentions[first:]:
        if m.start >= span[1]:
            break
        if m.end > span[1]:
            continue
        # ``char_span(…, alignment_mode="expand")`` and its ``root``, read off the columns.
        bounds = t.span(m.start, m.end)
        if bounds is None or bounds[0] >= bounds[1]:
            continue
        root = t.root(*bounds)
        role = _role(t, root)
        if role is not None:
            actors.append(((m.start, m.end), role))
        if not own_at(t.start[root]):
            continue  # a mention inside a quotation: the speaker's, not the author's
        tone, phrases = target_tone(ctx.sdoc[bounds[0] : bounds[1]], own)
        if tone:
            targets.append(TargetTone((m.start, m.end), tone, phrases))
    return tuple(actors), tuple(targets)


def _features(
    ctx: DocVoice,
    span: Span,
    mentions: Sequence[EntityMention],
    speaker_at: Sequence[Span | None] = (),
    headline: bool = False,
) -> SentenceFeatures:
    sdoc, text, t, quoted = ctx.sdoc, ctx.text, ctx.t, ctx.quoted
    sent = text[span[0] : span[1]]
    a, b = t.span(*span) or (0, 0)
    finished = sent.rstrip(_CLOSERS)[-1:] in _END_MARKS or sent[-1:] in _CLOSERS
    k = bisect_left(ctx.verbal, a)
    verbal = k < len(ctx.verbal) and ctx.verbal[k] < b
    if a >= b or not (headline or (finished and verbal)):
        return SentenceFeatures(span, "other")
    quoted_runs = runs(quoted, span[0], span[1])
    in_quote = sum(visible(text[i:j]) for i, j in quoted_runs)
    shown = visible(sent) or 1
    # The author's own words: quoted characters blanked.
    parts: list[str] = []
    at = span[0]
    for i, j in quoted_runs:
        parts += (text[at:i], " " * (j - i))
        at = j
    parts.append(text[at : span[1]])
    tone = round(compound("".join(parts)), 4)
    start, end = t.start, t.end
    tone_words = tuple((start[i], end[i]) for i in within(ctx.valent, a, b) if not quoted[start[i]])
    others = _others(ctx, a, b, speaker_at)
    stance = None
    if ":" in text[start[a] : end[b - 1]]:
        stance = _stance_colon(list(sdoc[a:b]))
    if stance is not None:
        others = tuple(sorted((*others, stance), key=lambda o: (o.span, o.kind)))

    spans = [o.span for o in others]

    # A plain loop: asked of every content word, a generator's setup would dominate.
    def own_at(x: int) -> bool:
        for lo, hi in spans:  # noqa: SIM110
            if lo <= x < hi:
                return False
        return True

    actors, targets = _mentions(ctx, mentions, span, own_at)
    lemma, head, dep = t.lemma, t.head, t.dep
    words = tuple(
        WordSlot((start[i], end[i]), lemma[i], lemma[head[i]], dep[i], _pair(t, i, own_at))
        for i in within(ctx.content, a, b)
        if own_at(start[i])
    )
    attribution = _attribution(ctx, a, b, in_quote > 0)
    if attribution is None and (in_quote * 2 >= shown or _continues_quote(sent)):
        attribution = Marker("quotation", span)
    markers = _opinion_markers(ctx, a, b, span, stance)
    if headline:
        markers += _capitals_markers(list(sdoc[a:b]), quoted, markers)
    if attribution is not None:
        # The frame around reported words is the author's: "X slammed …", "a bizarre rant".
        framing = tuple(m for m in markers if m.kind in WORD_CHOICE)
        return SentenceFeatures(
            span,
            "attributed",
            (attribution, *framing),
            tone,
            tone_words,
            actors,
            bool(framing),
            headline,
            others,
            targets,
            words,
        )
    opinion = is_opinion([m.kind for m in markers])
    voice: Voice = "opinion" if opinion else "factual"
    return SentenceFeatures(
        span,
        voice,
        tuple(markers),
        tone,
        tone_words,
        actors,
        opinion,
        headline,
        others,
        targets,
        words,
    )


def sentence_features(
    sdoc: Any,
    mentions: Sequence[EntityMention] = (),
    quotes: Sequence[QuoteVoice] = (),
    title: str | None = None,
) -> tuple[SentenceFeatures, ...]:
    """Voice, markers, tone and actor roles of every sentence of one parsed document.

    ``sdoc`` is a ``Parsed`` view (its text and sentences read once) or a spaCy
    ``Doc``. ``quotes`` name the speakers of quoted stretches; ``title`` marks
    the headline line, which is own voice and counted though it has no end mark.
    """
    parsed = Parsed.of(sdoc)
    text = parsed.text
    ctx = DocVoice(parsed, quoted_mask(text, quoted_spans(parsed)))
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    # Per character, the speaker of the quote over it: one pass over the quotes.
    speaker_at: list[Span | None] = [None] * (len(text) + 1)
    for q in quotes:
        if q.speaker_span is not None:
            lo, hi = max(0, q.span[0]), min(len(text), q.span[1])
            if hi > lo:
                speaker_at[lo:hi] = [q.speaker_span] * (hi - lo)
    head = (title or "").strip()
    first = next((p for p in parsed.pieces if head and text[p[0] : p[1]] == head), None)
    return tuple(_features(ctx, span, ordered, speaker_at, span == first) for span in parsed.pieces)
