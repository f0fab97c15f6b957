"""Language-specific lexicons, one module per language, and a cheap language guess.

Every word list and pattern the parser needs for a language lives in that
language's module (``en.py``); the rest of the package is language-neutral and
reads the lexicon through ``get_lexicon``. French can follow as ``fr.py`` with
the same names.
"""

import re
from collections import Counter
from types import ModuleType

from . import en

_LEXICONS: dict[str, ModuleType] = {"en": en}

# A handful of very frequent function words per language is enough to tell
# the languages we are likely to receive apart on a whole article.
_MARKERS = {
    "en": {"the", "and", "of", "to", "in", "said", "was", "were", "that", "with", "on", "by", "have"},
    "fr": {"le", "la", "les", "des", "et", "du", "une", "dans", "est", "sont", "pour", "qui", "avec", "selon"},
    "es": {"el", "los", "las", "del", "y", "una", "que", "por", "con", "para", "según", "fueron"},
    "pt": {"os", "das", "dos", "uma", "não", "com", "para", "foram", "segundo", "pelo", "pela"},
    "de": {"der", "die", "das", "und", "nicht", "mit", "wurden", "ist", "von", "sich", "auf"},
    "it": {"il", "della", "che", "sono", "gli", "nella", "secondo", "stati", "con", "per"},
}
_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = [("ar", re.compile(r"[\u0600-\u06ff]")), ("ru", re.compile(r"[\u0400-\u04ff]"))]


def detect_language(text: str) -> str:
    """ISO 639-1 guess from function-word counts on the first few thousand characters."""
    sample = text[:4000]
    for code, script in _SCRIPTS:
        if len(script.findall(sample)) > len(sample) / 4:
            return code
    counts = Counter(_WORD.findall(sample.lower()))
    if not counts:
        return "en"
    scores = {code: sum(counts[word] for word in markers if word in counts) for code, markers in _MARKERS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else "en"


def get_lexicon(language: str) -> ModuleType:
    """The lexicon for a language; languages we have none for fall back to English patterns."""
    return _LEXICONS.get(language, en)
