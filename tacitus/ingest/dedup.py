"""MinHash signatures of article texts, for finding near-duplicate articles (datasketch).

Signatures are taken at ingest (cheap next to parsing) and stored with each document, so the
story clusters can be recomputed over a whole store without reading every text again.
"""

from __future__ import annotations

import re

from datasketch import MinHash

__all__ = ["NUM_PERM", "SCHEME", "SEED", "SHINGLE_WORDS", "minhash_signature", "shingles"]

NUM_PERM = 128
# Word trigrams: a wire copy shares nearly all of them; a light rewrite keeps most phrases
# ("the foreign ministry said on Tuesday") while two reports of one event in their own words
# share few. Single words would make any two articles on one topic look alike.
SHINGLE_WORDS = 3
# The hashing scheme and seed are part of the stored signatures: change them, and every
# stored signature must be recomputed (a store migration).
SEED = 1
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str) -> set[bytes]:
    """The set of lowercased word trigrams of the text (the words themselves when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {w.encode("utf-8") for w in words}
    return {
        " ".join(words[k : k + SHINGLE_WORDS]).encode("utf-8")
        for k in range(len(words) - SHINGLE_WORDS + 1)
    }


def minhash_signature(text: str) -> tuple[int, ...]:
    """The MinHash signature (NUM_PERM unsigned 32-bit values) of the text's shingles."""
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return tuple(int(v) for v in minhash.hashvalues)
