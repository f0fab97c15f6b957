"""Language-specific lexicons, one module per language, and the language guess.

Every word list and pattern the parser needs for a language lives in that
language's module (``en.py``); the rest of the package is language-neutral and
reads the lexicon through ``get_lexicon``. A language without a lexicon is not
parsed at all (never with another language's patterns).
"""

from types import ModuleType

from . import en, fr
from .detect import detect_language

# Every lexicon is a module that satisfies base.Lexicon (tests/sources/parsing/test_lexicons.py checks it).
LEXICONS: dict[str, ModuleType] = {"en": en, "fr": fr}

__all__ = ["LEXICONS", "SUPPORTED_LANGUAGES", "detect_language", "get_lexicon"]

SUPPORTED_LANGUAGES = tuple(LEXICONS)


def get_lexicon(language: str) -> ModuleType | None:
    """The lexicon for a language (ISO 639-1), or None when the parser cannot read it."""
    return LEXICONS.get(language)
