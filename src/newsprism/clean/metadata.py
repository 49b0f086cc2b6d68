"""Outlet and author fields from the container, the URL, the text and the HTML.

Each field is taken from the most trustworthy place that states it: what the
container says (``RawDocument``) first, then the URL, then the article's own
words, then the page's HTML metadata. Nothing is inferred from style or
guessed: when no place states a field it stays None.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from newsprism.clean.names import is_person_name, split_names

# "…, reports 24brussels." / "…, reported The Daily Example." at a sentence end.
_ATTRIBUTION = re.compile(
    r",\s+(?:reports|reported)\s+(?P<outlet>(?:The\s+)?[A-Z0-9][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}"
    r"|[a-z0-9][\w-]*\.(?:com|net|org|news|eu|co\.uk|info))\.(?:\s|$)"
)
_ATTRIBUTION_PARAGRAPHS = 3


def outlet_from_url(url: str | None) -> str | None:
    """``https://www.reuters.com/world/…`` → ``reuters.com`` (lowercase host minus www.)."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def outlet_from_text(paragraphs: list[str]) -> str | None:
    """The outlet an article names as its source near its top ("…, reports X."), else None."""
    for text in paragraphs[:_ATTRIBUTION_PARAGRAPHS]:
        match = _ATTRIBUTION.search(text)
        if match:
            return match["outlet"]
    return None


def authors_from_field(value: str | None) -> list[str]:
    """People in an HTML author field ("Jane Roe; John Doe", "By Jane Roe"), never labels."""
    if not value:
        return []
    value = re.sub(r"(?i)^\s*by\s+", "", value)
    names = split_names(value)
    return [n for n in names if is_person_name(n)]


def clean_title(value: str | None) -> str | None:
    """A title with whitespace collapsed, or None when it is empty."""
    if value is None:
        return None
    title = " ".join(value.split())
    return title or None
