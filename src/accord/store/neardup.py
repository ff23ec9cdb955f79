"""Near-duplicate (syndicated copy) detection with MinHash + LSH persisted in SQLite.

Each original article gets a 128-permutation MinHash over 5-word shingles of its lower-cased words.
Its signature is cut into ``b`` bands of ``r`` rows (layout chosen like datasketch's MinHashLSH
does, for ``LSH_THRESHOLD``); each band becomes a row ``(band, bucket)`` in the indexed table
``lsh_bands``. A new article looks up articles sharing at least one bucket, estimates Jaccard from
the stored signatures and is linked to the best candidate at or above the threshold. Lookups are
index seeks, so this scales to 100k+ articles and survives restarts.

Only originals are indexed: a copy points at the original (``near_dup_of`` is never a copy), so
chains of copies cannot form. Texts with fewer than ``MIN_SHINGLES`` shingles are not compared
(MinHash on a sentence or two is noise); they are deduplicated by exact hash only. A candidate above
the threshold must also carry the same figures (Jaccard of the sets of numbers >= 0.8): templated
reports such as quarterly results differ mostly in their numbers and are distinct stories.
"""
from __future__ import annotations

import hashlib
import re
import zlib
import sqlite3
from functools import lru_cache

import numpy as np

NUM_PERM = 128
SHINGLE = 5
MIN_SHINGLES = 20
#: Two copies of one story carry the same figures; reports that differ in their numbers (quarterly
#: results, casualty updates) are distinct stories even when the wording is templated.
MIN_NUMBER_JACCARD = 0.8
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Threshold the band layout is tuned for. Fixed (not the user's threshold) so band keys stored by
#: earlier runs stay valid when ``near_dup_threshold`` changes; thresholds below it lose recall.
LSH_THRESHOLD = 0.6
_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=8)
def lsh_params(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """(bands, rows) minimising false positive + false negative mass at ``threshold``."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def shingles(text: str, k: int = SHINGLE) -> list[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return [" ".join(words).encode("utf-8")] if words else []
    return [" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)]


@lru_cache(maxsize=1)
def _permutations():
    """The (a, b) permutation parameters, computed once (datasketch recomputes them per MinHash)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1).permutations


def signature(text: str) -> np.ndarray | None:
    """MinHash hash values (uint64 array), or None when the text is too short to compare.

    Shingles are hashed with CRC-32 (fast, stable across processes; the seed-1 permutations make
    the 128 hash functions)."""
    from datasketch import MinHash

    sh = set(shingles(text))
    if len(sh) < MIN_SHINGLES:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32, permutations=_permutations())
    mh.update_batch(list(sh))
    return mh.hashvalues.astype(np.uint64)


def band_keys(sig: np.ndarray) -> list[tuple[int, bytes]]:
    bands, rows = lsh_params(LSH_THRESHOLD)
    out = []
    for b in range(bands):
        chunk = sig[b * rows : (b + 1) * rows].tobytes()
        out.append((b, hashlib.blake2b(chunk, digest_size=8).digest()))
    return out


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / float(len(a))


def numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def same_numbers(a: str, b: str) -> bool:
    na, nb = numbers(a), numbers(b)
    if not na and not nb:
        return True
    return len(na & nb) / len(na | nb) >= MIN_NUMBER_JACCARD


def find_original(conn: sqlite3.Connection, sig: np.ndarray, threshold: float, text: str) -> tuple[int, float] | None:
    """The indexed article most similar to ``sig`` with estimated Jaccard >= threshold and the same
    figures as ``text``."""
    keys = band_keys(sig)
    candidates: set[int] = set()
    for band, bucket in keys:
        for row in conn.execute("SELECT article_id FROM lsh_bands WHERE band = ? AND bucket = ?", (band, bucket)):
            candidates.add(row[0])
    best: tuple[int, float] | None = None
    for aid in sorted(candidates):
        row = conn.execute("SELECT signature FROM article_minhash WHERE article_id = ?", (aid,)).fetchone()
        if row is None:
            continue
        sim = jaccard(sig, np.frombuffer(row[0], dtype=np.uint64))
        if sim < threshold or (best is not None and sim <= best[1]):
            continue
        other = conn.execute("SELECT text FROM articles WHERE id = ?", (aid,)).fetchone()
        if other is not None and same_numbers(text, other[0]):
            best = (aid, sim)
    return best


def index(conn: sqlite3.Connection, article_id: int, sig: np.ndarray) -> None:
    conn.execute("INSERT OR REPLACE INTO article_minhash(article_id, signature) VALUES (?, ?)", (article_id, sig.tobytes()))
    conn.executemany(
        "INSERT INTO lsh_bands(band, bucket, article_id) VALUES (?, ?, ?)",
        [(band, bucket, article_id) for band, bucket in band_keys(sig)],
    )
