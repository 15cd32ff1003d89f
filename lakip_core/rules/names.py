"""Names compared the tolerant way: the same indicator or sasaran written a little differently.

Reports restate names with other spelling ("tunjangan structural" / "struktural"), spacing
("suami/istri" / "suami/ istri"), numbering ("1. …"), a kegiatan code ("… (3355)") or a word
more ("tunjangan PPh" / "tunjangan PPh PNS"). These rules decide when two names are one thing.
"""

from __future__ import annotations

import difflib
import functools
import re

_CODE = re.compile(r"\(\s*\d{4}\s*\)")
_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-–•*·])\s+")
_NON_WORD = re.compile(r"[^0-9a-z%]+")

SIMILAR = 0.9  # character similarity above which two names are one (a letter or two apart)
MIN_WORDS = 3  # a shorter name contained in a longer one must have at least this many words


@functools.lru_cache(maxsize=65536)
def _normalize(text: str) -> str:
    name = text.lower()
    name = _ENUMERATOR.sub("", name)
    name = _CODE.sub(" ", name)
    name = re.sub(r"(?<=\w)-(?=\w)", "", name)
    return " ".join(_NON_WORD.sub(" ", name).split())


def normalize_name(text: object) -> str:
    """Lower case, without enumerators (``1.``, ``a)``, ``-``), kegiatan codes ``(3355)``, punctuation
    or hyphens inside words (``Penyelenggara-an`` = ``Penyelenggaraan``), spaces collapsed."""
    return _normalize(str(text or ""))


def similarity(a: str, b: str) -> float:
    """0..1: the better of the character ratio and the sorted-word ratio of the normalised names.

    Identical normalised names score 1; word order does not matter ("Laporan keuangan tahunan"
    ≈ "Tahunan laporan keuangan").
    """
    left, right = normalize_name(a), normalize_name(b)
    if left == right:
        return 1.0
    chars = difflib.SequenceMatcher(None, left, right).ratio()
    words = difflib.SequenceMatcher(None, " ".join(sorted(left.split())), " ".join(sorted(right.split()))).ratio()
    return max(chars, words)


def alike(a: str, b: str, threshold: float = SIMILAR) -> bool:
    """``similarity(a, b) >= threshold``, computed only as far as needed: difflib's quick upper
    bounds rule most pairs out before the full ratio (checking thousands of pairs stays fast)."""
    left, right = normalize_name(a), normalize_name(b)
    if left == right:
        return True
    # Both ratios are at most 2·min(len)/(len + len): decide that before building a matcher.
    if 2 * min(len(left), len(right)) < threshold * (len(left) + len(right)):
        return False
    for x, y in ((left, right), (" ".join(sorted(left.split())), " ".join(sorted(right.split())))):
        matcher = difflib.SequenceMatcher(None, x, y, autojunk=False)
        bounds = matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold
        if bounds and matcher.ratio() >= threshold:
            return True
    return False


def contains(shorter: str, longer: str, prefix: bool) -> bool:
    """Whether the normalised ``shorter`` name is part of ``longer``: its words all appear in
    ``longer`` (``prefix``: as its first words, e.g. "Penyusunan Anggaran" / "Penyusunan Anggaran
    Tahun 2024"), with at least :data:`MIN_WORDS` words so that "Listrik" is never part of anything."""
    short, long = normalize_name(shorter).split(), normalize_name(longer).split()
    if len(short) < MIN_WORDS or len(short) >= len(long):
        return False
    if prefix:
        return long[: len(short)] == short
    return set(short) <= set(long)


def same_name(a: str, b: str, loose: bool = False) -> bool:
    """One thing: equal normalised names, or :data:`SIMILAR` alike; with ``loose``, also when one
    name's words are all in the other (see :func:`contains`); else only as its first words."""
    return alike(a, b) or contains(a, b, prefix=not loose) or contains(b, a, prefix=not loose)
