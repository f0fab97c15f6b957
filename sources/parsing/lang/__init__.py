"""Language-specific lexicons, one module per language, and the language guess.

Every word list and pattern the parser needs for a language lives in that
language's module (``en.py``); the rest of the package is language-neutral and
reads the lexicon through ``get_lexicon``. A language without a lexicon is not
parsed at all (never with another language's patterns).
"""

from types import ModuleType

from . import en
from .detect import detect_language

_LEXICONS: dict[str, ModuleType] = {"en": en}

__all__ = ["SUPPORTED_LANGUAGES", "detect_language", "get_lexicon"]

SUPPORTED_LANGUAGES = tuple(_LEXICONS)


def get_lexicon(language: str) -> ModuleType | None:
    """The lexicon for a language (ISO 639-1), or None when the parser cannot read it."""
    return _LEXICONS.get(language)
