"""Name normalisation shared by the gazetteer, the actor dictionary and the parser."""

import re
from functools import lru_cache

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Transliterations of one sound that reporters spell differently
# ("Tinzaouatène", "Tinzawaten", "Tinzahuaten"). Applied in order, after folding.
_SOUND_RULES = [
    (re.compile(r"([aeiou])h([aeiou])"), r"\1\2"),
    (re.compile(r"ou|oo"), "u"),
    (re.compile(r"u(?=[aeio])"), "w"),
    (re.compile(r"(?<=[aeio])u"), "w"),
    (re.compile(r"kh|gh"), "k"),
    (re.compile(r"sh|ch"), "s"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"dh|th"), "t"),
    (re.compile(r"[qc]"), "k"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(\w)\1+"), r"\1"),
]
_VOWELS_AFTER_FIRST = re.compile(r"(?<=.)[aeiou]")
# Both functions are pure and an article asks for the same few hundred words again and again (every capitalised
# run, every place and actor candidate): memoised, bounded, they cost a dictionary lookup on a repeat.
_MEMO_SIZE = 1 << 16


@lru_cache(maxsize=_MEMO_SIZE)
def normalize_name(text: str) -> str:
    """Fold case, accents and punctuation: "Tinzaouatène" -> "tinzaouatene"."""
    folded = unidecode(text or "").lower().replace("'", "").replace("\u2019", "")
    return _NON_ALNUM.sub(" ", folded).strip()


def sound_key(text: str) -> str:
    """A consonant skeleton under which transliteration variants of a name collide.

    "Tinzaouatène", "Tinzawaten" and "Tinzahuaten" all give "tnzwtn". Keys are
    deliberately coarse: callers rank the candidates that share one.
    """
    return sound_key_of_normalized(normalize_name(text))


@lru_cache(maxsize=_MEMO_SIZE)
def sound_key_of_normalized(normalized: str) -> str:
    """sound_key() of a string that normalize_name() already folded."""
    words = []
    for word in normalized.split():
        for pattern, replacement in _SOUND_RULES:
            word = pattern.sub(replacement, word)
        words.append(_VOWELS_AFTER_FIRST.sub("", word))
    return " ".join(words)


def sound_keys_of_words(words: list[str]) -> list[str]:
    """sound_key_of_normalized() of many single folded words at once (same result, one regex pass per rule).

    For building large indexes: the rules never cross a line break, so they run once over all words joined.
    """
    joined = "\n".join(words)
    for pattern, replacement in _SOUND_RULES:
        joined = pattern.sub(replacement, joined)
    return _VOWELS_AFTER_FIRST.sub("", joined).split("\n")
