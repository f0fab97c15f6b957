"""Language codes (ISO 639-1) and their English names, from Babel's CLDR data.

Which languages the parser reads comes from the parser itself (``SUPPORTED_LANGUAGES``); this module only
names codes and says which ones exist, for pages, the API and the reason an article was not read.
"""

from functools import cache

from babel import Locale

from sources.parsing.lang import SUPPORTED_LANGUAGES


@cache
def _names() -> dict[str, str]:
    """Every ISO 639-1 code CLDR names, with its English name (Babel also lists regional variants and
    3-letter codes)."""
    return {
        code: name
        for code, name in Locale("en").languages.items()
        if len(code) == 2 and code.isascii() and code.isalpha() and code.islower()
    }


def is_language_code(code: str) -> bool:
    return code in _names()


def language_name(code: str) -> str:
    """ "Spanish" for "es"; an unknown code is shown as it is."""
    return _names().get(code, code)


def is_supported(code: str) -> bool:
    return code in SUPPORTED_LANGUAGES


def unsupported_reason(code: str) -> str:
    return f"No parser for {language_name(code)} yet."


def language_choices() -> list[tuple[str, str]]:
    """(code, "Spanish (es)") for every language, by name; the ones the parser reads say so."""
    return sorted(
        ((code, f"{name} ({code})" + (" — parsed" if is_supported(code) else "")) for code, name in _names().items()),
        key=lambda choice: choice[1].casefold(),
    )
