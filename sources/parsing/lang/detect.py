"""The language of an article's text (ISO 639-1), by py3langid's naive Bayes model.

Only a bounded sample of the text is read (an article's first ~500 characters, some 80 words, say which
language it is in as surely as the whole: the corpus and 600 generated reports read the same as with 1,000,
and at 1,000 the model's byte-by-byte walk was a tenth of the parser's time), and the model chooses among the
languages conflict reporting comes in, not all of its ~140: that is both faster and steadier on short texts
(unrestricted, a headline like "Gunmen kill 23 villagers in attack near Djibo" reads as Nigerian Pidgin).

Cost, measured on this project's 2-core machine: the model loads on the first call in each process
(about 0.3 s, about 80 MB resident: the byte automaton and the full feature table; 95 MB more peak
resident in bench/parse_throughput.py); each call then takes about 0.14 ms on an article alone, 0.2-0.3 ms
inside a parsing run (parser alone 227-240 articles/s against 250-256 with the hand-written guess it
replaced), and 0.013 ms on a one-line text. Web processes that never detect never load it.
"""

from functools import cache

# What the model may answer: the languages of the places conflicts are reported from. A text in
# another language still gets the nearest of these, and a reviewer can correct it.
CANDIDATE_LANGUAGES = (
    "en",
    "fr",
    "es",
    "pt",
    "ar",
    "de",
    "it",
    "ru",
    "uk",
    "tr",
    "fa",
    "sw",
    "ha",
    "so",
    "am",
    "ps",
    "ur",
    "he",
    "my",
    "zh",
)
# The answer when the text gives the model nothing to go on (no letters, or none it has features for):
# such a text holds nothing the parser could read either.
FALLBACK_LANGUAGE = "en"
SAMPLE_CHARS = 500


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(CANDIDATE_LANGUAGES)
    return identifier


def _sample(text: str) -> str:
    """The first SAMPLE_CHARS characters, cut at a space so no word is read half."""
    if len(text) <= SAMPLE_CHARS:
        return text
    head = text[:SAMPLE_CHARS]
    cut = head.rfind(" ", SAMPLE_CHARS // 2)
    return head[:cut] if cut > 0 else head


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, one of CANDIDATE_LANGUAGES (FALLBACK_LANGUAGE when it has no words)."""
    from py3langid.langid import RAW_FLOOR

    sample = _sample(text or "")
    if not any(char.isalpha() for char in sample):
        return FALLBACK_LANGUAGE
    code, score = _identifier().classify(sample)
    if score <= RAW_FLOOR:  # no feature of the model in the text: its answer would be an arbitrary first class
        return FALLBACK_LANGUAGE
    return code
