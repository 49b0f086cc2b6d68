"""Near-duplicate and syndicated copies: they count once as a source.

Wire copies are republished with a new headline, a trimmed sentence or an added
credit line, so exact hashing misses them. We shingle each text into word
5-grams, use MinHash LSH (datasketch) only to find *candidate* pairs in
sub-quadratic time, then decide on the exact shingle sets: a copy is a document
whose shingles are mostly contained in another's (containment, not Jaccard, so a
trimmed copy of a long report still matches). MinHash seeds are fixed and every
decision is made on exact sets, so results do not depend on hashing luck.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from newsprism.models import Document

SHINGLE = 5
# Two independent reports of one event share phrases, not most of their 5-grams;
# syndicated copies measured on hand-made pairs share 85–100%.
CONTAINMENT = 0.8
_LSH_THRESHOLD = 0.5
_PERM = 128
_BATCH = 2048
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Lower-cased word ``size``-grams of ``text`` (one shingle for very short texts)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    if size == SHINGLE:  # the same strings as the join below, without a slice per gram
        return {
            f"{a} {b} {c} {d} {e}"
            for a, b, c, d, e in zip(
                words, words[1:], words[2:], words[3:], words[4:], strict=False
            )
        }
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


# datasketch's default hash (``sha1_hash32``: the first 4 bytes of SHA-1, little-endian),
# computed here in one comprehension and handed over as numbers (``hashfunc=int``):
# the same values without a Python call per shingle.
_FIRST_U32 = struct.Struct("<I").unpack_from
_SHA1 = hashlib.sha1


@lru_cache(maxsize=1)
def _permutations() -> object:
    return MinHash(num_perm=_PERM, seed=1).permutations


def _minhash(grams: set[str]) -> MinHash:
    mh = MinHash(
        num_perm=_PERM, seed=1, hashfunc=int, permutations=_permutations(), scheme="affine32"
    )
    hashes = [_FIRST_U32(_SHA1(gram.encode("utf-8")).digest())[0] for gram in grams]
    # ``update_batch`` gives the same signature as one ``update`` per shingle (a
    # minimum over all of them, in any order) with numpy doing the permutations.
    # Batches bound its (shingles x permutations) array to a few MB on long texts.
    for i in range(0, len(hashes), _BATCH):
        mh.update_batch(hashes[i : i + _BATCH])
    return mh


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set that the larger one contains."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def priority(doc: Document) -> tuple[str, int, str, str]:
    """Sort key of the original among copies: smallest first, whatever the input order.

    The earliest published; unknown dates sort last, then the longer text
    (copies trim), then the input name and id for a stable tie-break.
    """
    return (doc.published or "9999-99-99", -len(doc.text), doc.input, doc.id)


def copy_id(text: str, name: str) -> str:
    """The id of a byte-identical copy of ``text`` read from input ``name``.

    Ids are hashes of the text, so an exact copy from another input would
    share its original's id; hashing the input name in keeps both documents
    (and both outlets) in the brief while staying stable across runs.
    """
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(b"\0" + name.encode("utf-8"))
    return "d-" + digest.hexdigest()[:12]


def find_duplicates(documents: Sequence[Document]) -> dict[str, str]:
    """Map each copy's id to the id of the document it copies (originals are absent)."""
    ordered = sorted(documents, key=priority)
    grams = {d.id: shingles(d.text) for d in ordered}
    rank = {d.id: i for i, d in enumerate(ordered)}
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_PERM)
    copies: dict[str, str] = {}
    # Byte-identical texts are copies whatever their shingles (a text of
    # symbols only has none); the first by priority stands for all of them.
    first_of_text: dict[str, str] = {}
    for doc in ordered:
        same = first_of_text.setdefault(doc.text, doc.id)
        if same != doc.id:
            copies[doc.id] = copies.get(same, same)
            continue
        mh = _minhash(grams[doc.id])
        # Only originals are in the index, so a copy always points at an original.
        for cand in sorted(lsh.query(mh), key=rank.__getitem__):
            if containment(grams[doc.id], grams[cand]) >= CONTAINMENT:
                copies[doc.id] = cand
                break
        else:
            lsh.insert(doc.id, mh)
    return copies


def keep_copies(documents: list[Document]) -> list[Document]:
    """Byte-identical texts from different inputs: one original, the others copies.

    They would share an id (a hash of the text), so each copy gets its own
    (``copy_id``) and ``duplicate_of`` its original: the copy keeps its outlet
    in the brief (listed, counted once as a source). The original is the
    first by ``priority``, so it does not depend on the order of the inputs.
    """
    by_id: dict[str, list[Document]] = {}
    for doc in documents:
        by_id.setdefault(doc.id, []).append(doc)
    if all(len(group) == 1 for group in by_id.values()):
        return documents
    renamed: dict[int, Document] = {}
    for group in by_id.values():
        original, *copies = sorted(group, key=priority)
        for doc in copies:
            new_id = copy_id(doc.text, doc.input)
            renamed[id(doc)] = doc.model_copy(update={"id": new_id, "duplicate_of": original.id})
    return [renamed.get(id(doc), doc) for doc in documents]


def mark_duplicates(documents: list[Document]) -> list[Document]:
    """Return the documents with ``duplicate_of`` set on near-copies."""
    copies = find_duplicates(documents)
    return [d.model_copy(update={"duplicate_of": copies.get(d.id)}) for d in documents]


# ------------------------------------------------------------- incremental use
# A corpus store cannot hold every text in memory, so it keeps each original's
# LSH band keys in a table and asks it for candidates; the decision is the same
# as above (exact shingle containment against the highest-priority candidate).


def lsh_shape() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for our threshold and permutations."""
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_PERM)
    return int(lsh.b), int(lsh.r)


_BANDS, _ROWS = lsh_shape()


def band_keys(grams: set[str]) -> list[int]:
    """One signed 64-bit key per LSH band of the MinHash of ``grams`` (band i → item i)."""
    values = _minhash(grams).hashvalues
    keys = []
    for band in range(_BANDS):
        chunk = values[band * _ROWS : (band + 1) * _ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=b"np-lsh").digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def pick_original(
    doc: Document, grams: set[str], candidates: Sequence[tuple[Document, set[str]]]
) -> str | None:
    """The id of the highest-priority candidate that ``doc`` copies, or None."""
    for cand, cand_grams in sorted(candidates, key=lambda c: priority(c[0])):
        if cand.id != doc.id and containment(grams, cand_grams) >= CONTAINMENT:
            return cand.id
    return None
