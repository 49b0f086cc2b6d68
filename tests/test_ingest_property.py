"""Property: whatever the inputs hold, ``brief()`` returns and accounts for every input.

Hypothesis writes small JSONL, JSON, HTML and text files, valid and hostile:
lone surrogates (escaped in JSON, raw in bytes), NUL bytes, binary junk,
empty files, malformed JSON, huge integers, non-UTF-8 file names. The brief
must come back (and render to JSON, HTML and Markdown) without raising, and
each input must appear in ``documents`` or ``skipped``; a JSON Lines file
either as a whole or line by line. Examples are few and small, and
derandomised, so CI stays fast and stable.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.api import brief
from newsprism.ingest.hygiene import display_name
from newsprism.models import Brief
from newsprism.render import render

# Ordinary letters and punctuation, plus the characters that break renderers.
_HOSTILE = st.sampled_from(["\ud800", "\udfff", "\x00", "\ufffd", "e\u0301", "\u202e", "<", "&"])
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["The", "ferry", "Halloran", "said", "on", "Monday", ".", ",", " ", "\n"]),
        st.text(max_size=6),
        _HOSTILE,
    ),
    max_size=40,
).map("".join)
_SCALAR = st.one_of(
    _TEXT,
    st.integers(),
    st.just(int("7" * 40)),
    st.none(),
    st.booleans(),
    st.lists(_TEXT, max_size=3),
)
_RECORD = st.fixed_dictionaries(
    {},
    optional={"text": _SCALAR, "title": _SCALAR, "authors": _SCALAR, "id": _SCALAR,
              "html": _SCALAR, "outlet": _SCALAR},
)  # fmt: skip
_JUNK = st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" "))
_JSONL_LINE = st.one_of(
    _RECORD.map(lambda r: json.dumps(r).encode()),
    _JUNK,
    st.just(b'{"id": ' + b"9" * 4400 + b', "text": "A long id."}'),
    st.just(b""),
)


def _raw(text: str) -> bytes:
    # Lone surrogates written raw: bytes that are not valid UTF-8.
    return text.encode("utf-8", "surrogatepass")


_FILE = st.one_of(
    st.tuples(st.just("jsonl"), st.lists(_JSONL_LINE, max_size=6).map(b"\n".join)),
    st.tuples(st.just("json"), st.one_of(st.lists(_RECORD, max_size=3).map(
        lambda rs: json.dumps(rs).encode()), _JUNK)),
    st.tuples(st.just("html"), _TEXT.map(lambda t: _raw(f"<html><body><p>{t}</p></body></html>"))),
    st.tuples(st.just("txt"), st.one_of(_TEXT.map(_raw), _JUNK)),
    st.tuples(st.just(""), _JUNK),
)  # fmt: skip


def _accounted(name: str, result: Brief) -> bool:
    shown = display_name(name)
    seen = [d.input for d in result.documents] + [s.input for s in result.skipped]
    return any(i == shown or i.startswith(shown + "#") for i in seen)


def _jsonl_lines_accounted(name: str, data: bytes, result: Brief) -> bool:
    shown = display_name(name)
    seen = {d.input for d in result.documents} | {s.input for s in result.skipped}
    if shown in seen:  # refused as a whole (binary, empty, not JSON Lines)
        return True
    wanted = {f"{shown}#{n}" for n, line in enumerate(data.split(b"\n"), 1) if line.strip()}
    return wanted <= seen


@settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(files=st.lists(_FILE, min_size=1, max_size=4), odd_name=st.booleans())
def test_ingest_property_brief_never_raises_and_accounts_for_every_input(
    files: list[tuple[str, bytes]], odd_name: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        names: list[tuple[str, str, bytes]] = []
        for n, (ext, data) in enumerate(files):
            stem = b"in\xff" if odd_name and n == 0 else b"in"
            raw_path = os.path.join(os.fsencode(tmp), stem + f"{n}.{ext}".rstrip(".").encode())
            with open(raw_path, "wb") as stream:
                stream.write(data)
            names.append((os.fsdecode(raw_path), ext, data))
        result = brief([name for name, _, _ in names])
        for fmt in ("json", "html", "md"):
            render(result, fmt).encode("utf-8")  # every string in it can be written
        for name, ext, data in names:
            assert _accounted(name, result), name
            if ext == "jsonl":
                assert _jsonl_lines_accounted(name, data, result), name
        assert all(Path(tmp).iterdir())
