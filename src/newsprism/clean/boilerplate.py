"""Web boilerplate in plain text: share prompts, teasers, bios, menus, credits.

Text copied from a web page keeps the page furniture around the article. Most
of it sits after the article (share buttons, "Next Post" and its teaser,
"You May Like", author bio, editor credits, site menu), some of it inside
(advertisement labels, "Also read: …" links). The rules work on whole
paragraphs only, so the article's own sentences are never rewritten.

Two kinds of evidence are used:

* a *pattern*: a short line that says what it is ("Spread the love",
  "Comments are closed.", "Quick Links");
* its *place*: at the end of the text, a short line that does not finish a
  sentence (a name, a job title, a date) is not article prose, and a longer
  paragraph just under a section marker ("Next Post", "About the author") is
  that section's teaser or bio.

A paragraph that is long prose ending a sentence stops the trimming from the
end: whatever the rules miss stays in the text rather than losing the article's
real last paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.clean.dates import is_date_line
from newsprism.clean.text import Paragraph

_SOCIAL = (
    "facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|print|"
    "messenger|threads|bluesky|tumblr|copy link|sms"
)


def _line(*alternatives: str) -> re.Pattern[str]:
    # Whole-line, case-insensitive; a trailing ":" and whitespace are tolerated.
    return re.compile(r"^(?:" + "|".join(alternatives) + r")\s*:?\s*$", re.I)


def _starts(*alternatives: str, tail: str = r".{0,200}$") -> re.Pattern[str]:
    # The line opens with one of the alternatives and stays short.
    return re.compile(r"^(?:" + "|".join(alternatives) + r")\b" + tail, re.I)


_SOCIAL_ITEM = r"(?:tweet|pin it|" + _SOCIAL + r")"

# Short lines that are boilerplate wherever they appear.
_ANYWHERE: list[tuple[str, re.Pattern[str]]] = [
    ("share", _line(r"spread the (love|word)",
                    r"share( this( article| story| post| page)?)?:?([\s,|·•/]+"
                    + _SOCIAL_ITEM + r")*",
                    r"sharing is caring", r"click to (share|email|print).*",
                    r"(share|post|send) (on|to|via) (" + _SOCIAL + r")",
                    _SOCIAL_ITEM + r"([\s,|·•/]+" + _SOCIAL_ITEM + r")*")),
    ("boilerplate", _line(r"advertisements?", r"sponsored( content)?", r"ad",
                          r"story continues below.*", r"continue reading below.*",
                          r"scroll (down )?to continue.*")),
    ("boilerplate", _line(r"\d+\s*-?\s*min(ute)?s?\.? read", r"minute read",
                          r"(estimated )?read(ing)? time\b.*")),
    ("boilerplate", _line(r"(updated|published|posted|last updated)( on| at)?:? [\d:.]+"
                          r"( ?[ap]\.?m\.?)?( [a-z]{2,4})?")),
    ("related", re.compile(r"^(also read|read also|read more|see also|related|must read|"
                           r"don'?t miss|recommended|watch)\s*[:|–—-]\s*\S.{0,160}$", re.I)),
    ("newsletter", re.compile(r"^(subscribe|sign up|join)\b.{0,120}\b(newsletter|inbox|"
                              r"updates|mailing list|alerts)\b.{0,80}$", re.I)),
    ("newsletter", re.compile(r"^(?=.{0,250}$)(.*\bnewsletter\b.*\b(sign up|subscribe)\b|"
                              r".*\b(sign up|subscribe)\b.*\bnewsletter\b|"
                              r".*\b(sign up|subscribe)( now| today| here| for free)?\s*"
                              r"([-—–]\s*it['’]s free)?[.!]?$)", re.I)),
]  # fmt: skip

# Short lines that open a section of page furniture: what follows belongs to it.
_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("related", _line(r"you (may|might) (also )?(like|enjoy|be interested in)",
                      r"related( (posts?|articles?|stories|news|content|reading|coverage))?",
                      r"read more", r"also read", r"more (stories|news|articles)",
                      r"more from [\w .&'-]{1,40}", r"recommended( for you| stories| reading)?",
                      r"trending( now| stories)?", r"most (read|popular|viewed|shared)",
                      r"popular (posts|stories|articles)", r"latest (news|posts|stories)",
                      r"(next|previous|prev) (post|article|story)", r"next", r"previous",
                      r"older posts?", r"newer posts?", r"editor'?s picks", r"top stories",
                      r"in case you missed it", r"what to read next", r"keep reading")),
    ("author_bio", _starts(r"about (the )?(writer|author|contributor)s?", tail=r".{0,400}$")),
    ("comments", _line(r"comments are closed\.?", r"leave a (comment|reply)",
                       r"\d+ (comments?|responses?|replies)", r"no comments( yet)?\.?",
                       r"(post|add|write) a comment", r"comments?", r"cancel reply",
                       r"join the (conversation|discussion)", r"responses", r"discussion")),
    ("comments", _starts(r"your email address will not be published",
                         r"required fields are marked", r"you must be logged in to post")),
    ("credits", _starts(r"chief editor", r"editor[- ]in[- ]chief", r"managing editor",
                        r"executive editor", r"publisher", r"editor", r"printer and publisher",
                        tail=r"[\s:,-]*[^.]{0,40}$")),
    ("credits", _starts(r"\(?(reporting|additional reporting|editing|writing|compiled|edited) by",
                        r"this (article|story|post) (was|is) (originally )?(first )?"
                        r"(published|posted|republished)", r"originally published",
                        r"republished (from|with permission)",
                        r"(first )?appeared (first )?(in|on)")),
    ("menu", _line(r"quick links", r"useful links", r"main menu", r"menu", r"navigation",
                   r"skip to (main )?content", r"home", r"search", r"categories",
                   r"popular categories", r"sections", r"follow us( on [\w ]+)?", r"contact( us)?",
                   r"about( us)?", r"privacy( policy)?", r"terms( of (use|service))?",
                   r"terms and conditions", r"advertise( with us)?", r"sitemap", r"careers",
                   r"back to top", r"top of page")),
    ("menu", _starts(r"(tags?|topics|filed under|posted in|categories|category)\s*:",
                     tail=r".{0,200}$")),
    ("newsletter", _starts(r"subscribe", r"sign up", r"get (our|the latest|the best)",
                           r"join our", r"enter your email", r"never miss", tail=r".{0,250}$")),
    ("cookies", re.compile(r"^(?=.{0,500}$)(?=.*\bcookies?\b)(?=.*\b(we use|uses|accept|"
                           r"consent|agree|privacy)\b).*", re.I)),
    ("boilerplate", re.compile(r"^(©|\(c\)\s*\d{4}|copyright\b).{0,200}$|"
                               r"^.{0,150}all rights reserved\.?.{0,50}$", re.I)),
    ("disclaimer", _starts(r"disclaimer", r"the views (and opinions )?expressed (in this|here)",
                           r"views expressed (in this|here)", tail=r".{0,500}$")),
]  # fmt: skip

# "Jane Roe is a senior correspondent …": a bio sentence without a heading.
_BIO_SENTENCE = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:is|was) (?:a|an|the)\b.{0,250}\b(?:writer|"
    r"journalist|correspondent|reporter|editor|columnist|analyst|author|contributor|"
    r"commentator|freelancer|blogger)\b.{0,150}$"
)
_ELLIPSIS = ("…", "...", "[…]", "[...]", "(…)")
_TERMINAL = tuple(".!?\"”’'»…)。！？」』")
# This many unexplained short lines in a row, with no marker above them, are a
# list that belongs to the article (tour dates, product names), not furniture.
_ORPHAN_LIST = 3
_SHORT = 80
_TEASER_MAX = 800


@dataclass(frozen=True)
class Cut:
    """A paragraph taken out of the text and why."""

    index: int
    reason: str


_NAV_SEPARATORS = re.compile(r"\s+[|·•]\s+")


def is_table_row(text: str) -> bool:
    """A table row as extracted HTML renders it: "| North | 1,200 | 800 |" (or "|---|---|")."""
    return len(text) >= 3 and text[0] == "|" and text[-1] == "|" and text.count("|") >= 3


def is_nav_row(text: str, columns: bool = False) -> bool:
    """A row of short menu items: "Home | World | Sport" or laid out in columns.

    A table row is no menu: its cells are the article's figures.
    """
    if is_table_row(text):
        return False
    items = _NAV_SEPARATORS.split(text) if not columns else text.split(" ")
    if len(items) < 3 or len(text) > 160:
        return False
    limit = 1 if columns else 4
    return all(0 < len(item.split()) <= limit and not item.endswith(".") for item in items)


def anywhere_reason(text: str, columns: bool = False) -> str | None:
    """Reason for a short line that is boilerplate wherever it stands, else None."""
    if len(text) > 300:
        return None
    for reason, pattern in _ANYWHERE:
        if pattern.match(text):
            return reason
    return "menu" if is_nav_row(text, columns) else None


def marker_reason(text: str) -> str | None:
    """Reason for a line that is, or opens, a block of page furniture, else None."""
    for reason, pattern in _MARKERS:
        if pattern.match(text):
            return reason
    return anywhere_reason(text)


def _unfinished(text: str) -> bool:
    # A short line that ends no sentence: a name, a job title, a heading.
    return len(text) <= _SHORT and not text.endswith(_TERMINAL) and not is_table_row(text)


def _section_marker(text: str) -> str | None:
    # Only a line that opens a section: an inline "Also read: …" link does not
    # make the paragraph under it a teaser.
    for reason, pattern in _MARKERS:
        if pattern.match(text):
            return reason
    return None


def _under_marker(paragraphs: list[Paragraph], i: int) -> str | None:
    # A teaser or bio sits a few short lines (its title, its date) under the
    # marker that opens its section; a long finished paragraph in between
    # means we are back in the article. A teaser also looks like one: cut off
    # ("[…]"), or dated; a bio needs no such sign.
    text = paragraphs[i].text
    dated = False
    for j in range(i - 1, max(i - 7, -1), -1):
        above = paragraphs[j].text
        reason = _section_marker(above)
        if reason == "author_bio":
            return reason
        if reason == "related":
            return reason if dated or text.endswith(_ELLIPSIS) else None
        if len(above) > 150 and not above.endswith(_ELLIPSIS):
            return None
        dated = dated or is_date_line(above)
    return None


def _tail_start(paragraphs: list[Paragraph]) -> int:
    """Index of the first paragraph of the trailing page furniture."""
    cut = len(paragraphs)
    for i in range(len(paragraphs) - 1, -1, -1):
        text = paragraphs[i].text
        teaser = len(text) <= _TEASER_MAX and _under_marker(paragraphs, i) is not None
        if (
            marker_reason(text)
            or _unfinished(text)
            or is_date_line(text)
            or teaser
            or _BIO_SENTENCE.match(text)
        ):
            cut = i
            continue
        break
    return _skip_lists(paragraphs, cut)


def _skip_lists(paragraphs: list[Paragraph], start: int) -> int:
    # Short unfinished lines are furniture when a marker ("About the author",
    # "Chief Editor") opened their section, or when one or two stand alone (a
    # name, a photo credit). A longer run outside any section is a list from
    # the article itself: keep it, and start the tail after it.
    run: list[int] = []
    section_open = False
    for i in range(start, len(paragraphs)):
        text = paragraphs[i].text
        explained = (
            marker_reason(text) or is_date_line(text) or _BIO_SENTENCE.match(text)
        ) is not None
        if explained:
            section_open = True
            run = []
        elif not section_open:
            run.append(i)
            if len(run) >= _ORPHAN_LIST:
                start = i + 1
    return start


def _label_tail(paragraphs: list[Paragraph], start: int) -> list[Cut]:
    # Each marker names the section it opens; lines without a marker of their
    # own belong to the section above them.
    cuts: list[Cut] = []
    section = "boilerplate"
    for i in range(start, len(paragraphs)):
        text = paragraphs[i].text
        own = marker_reason(text)
        if own is None and _BIO_SENTENCE.match(text):
            own = "author_bio"
        if own is not None:
            section = own
        cuts.append(Cut(i, own or section))
    return cuts


def find_boilerplate(paragraphs: list[Paragraph], body_start: int = 0) -> list[Cut]:
    """Paragraphs to remove from ``paragraphs[body_start:]``, in text order."""
    tail = max(_tail_start(paragraphs), body_start)
    cuts = [
        Cut(i, reason)
        for i in range(body_start, tail)
        if (reason := anywhere_reason(paragraphs[i].text)) is not None
    ]
    cuts.extend(_label_tail(paragraphs, tail))
    return cuts
