"""Sentences, tokens and accent/case folding with a map back to the original offsets.

Everything downstream works on character offsets into the ORIGINAL text, so
quotes and highlights can be cut out of it exactly.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from types import ModuleType
from typing import NamedTuple

from unidecode import unidecode

# Numbers with thousands separators; plain numbers not glued to letters; words
# (letters and digits, inner hyphens and apostrophes, but a possessive 's is its
# own token); any other single character.
_WORD_AND_REST = (
    r"|\d+(?:\.\d+)?(?![^\W_])"
    r"|[^\W_]+(?:[-'’](?![sS]\b)[^\W_]+)*"
    r"|['’][sS]\b"
    r"|\S"
)


def token_pattern(thousands_separators: str = ",", elisions: tuple[str, ...] = ()) -> re.Pattern:
    """The tokenizer of a language: its thousands separators ("1,200"; "1 200" and "1.200" in French)
    and the elided words it splits off their word ("l'armée" -> "l'", "armée")."""
    separator = "[" + re.escape(thousands_separators) + "]"
    decimals = r"(?:\.\d+)?" if "." not in thousands_separators else r"(?:,\d+)?"
    elided = ""
    if elisions:
        words = "|".join(sorted((re.escape(word.rstrip("'")) for word in elisions), key=len, reverse=True))
        # "N'Djamena", "M'Bour": a capital M' or N' before a capital letter is part of a name, not an elision.
        elided = rf"(?<![^\W_])(?![MN]['’][A-Z\u00c0-\u00de])(?i:{words})['’](?=[^\W\d_])|"
    return re.compile(elided + rf"\d{{1,3}}(?:{separator}\d{{3}})+{decimals}(?![^\W_])" + _WORD_AND_REST)


_TOKEN = token_pattern()
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?\s?[A-Z0-9\u00c0-\u024f])")
_APOSTROPHES = "'’ʼ`´"


class Token(NamedTuple):
    text: str
    start: int
    end: int
    low: str
    index: int  # position in the sentence
    is_cap: bool  # starts with a capital letter


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    line: int
    is_heading: bool  # a title or sub-title line: no closing punctuation
    is_boilerplate: bool  # page furniture: "Load Next Story", "YOU MAY ALSO READ: ..."
    tokens: list[Token] = field(default_factory=list)
    words: set[str] = field(
        default_factory=set
    )  # the tokens' lowercase forms: passes skip sentences that lack their words

    def token_at(self, offset: int) -> int | None:
        """Index of the token covering or following a character offset."""
        for token in self.tokens:
            if token.end > offset:
                return token.index
        return None

    def span_text(self, first: int, last: int) -> str:
        """The original text from token first to token last (inclusive)."""
        return self.text[self.tokens[first].start - self.start : self.tokens[last].end - self.start]


_new_token = tuple.__new__


def tokenize(text: str, offset: int = 0, lexicon: ModuleType | None = None) -> list[Token]:
    # Built with tuple.__new__ from findall + one running position: this runs on every word of every
    # article, and NamedTuple's keyword handling and per-match objects cost more than the regex.
    pattern = _TOKEN if lexicon is None else lexicon_token_pattern(lexicon)
    elisions = lexicon.ELISIONS if lexicon is not None else None
    tokens = []
    position = 0
    find = text.find
    for number, word in enumerate(pattern.findall(text)):
        start = find(word, position)
        position = start + len(word)
        low = word.lower()
        if elisions and ("'" in word or "’" in word):
            # An elided word reads as its full form ("d'" is "de"), so "plus d'une" matches "plus de".
            low = elisions.get(low.replace("’", "'"), low).replace("’", "'")
        tokens.append(_new_token(Token, (word, offset + start, offset + position, low, number, word[:1].isupper())))
    return tokens


_LEXICON_PATTERNS: dict[str, re.Pattern] = {}


def lexicon_token_pattern(lexicon: ModuleType) -> re.Pattern:
    pattern = _LEXICON_PATTERNS.get(lexicon.__name__)
    if pattern is None:
        pattern = _LEXICON_PATTERNS[lexicon.__name__] = token_pattern(
            lexicon.THOUSANDS_SEPARATORS, tuple(lexicon.ELISIONS)
        )
    return pattern


def phrase_words(lexicon: ModuleType, phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the words the tokenizer makes of running text ("d'après" -> ("de", "après"))."""
    return tuple(token.low for token in tokenize(phrase, 0, lexicon))


def split_sentences(text: str, lexicon: ModuleType) -> list[Sentence]:
    """Sentences with exact offsets. Lines are never joined: titles and datelines stand alone."""
    sentences: list[Sentence] = []
    position = 0
    for line_number, line in enumerate(text.split("\n")):
        boilerplate = _is_boilerplate(line, lexicon)
        heading = _is_heading(line)
        for start, end in _line_sentences(line, lexicon):
            body = line[start:end]
            sentence = Sentence(
                len(sentences), position + start, position + end, body, line_number, heading, boilerplate
            )
            sentence.tokens = tokenize(body, sentence.start, lexicon)
            sentence.words = {token.low for token in sentence.tokens}
            sentences.append(sentence)
        position += len(line) + 1
    return sentences


def _line_sentences(line: str, lexicon: ModuleType) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(line):
        if _ends_in_abbreviation(line, match.start(), lexicon):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(line)))
    result = []
    for begin, end in spans:
        while begin < end and line[begin].isspace():
            begin += 1
        while end > begin and line[end - 1].isspace():
            end -= 1
        if begin < end:
            result.append((begin, end))
    return result


def _ends_in_abbreviation(line: str, dot: int, lexicon: ModuleType) -> bool:
    if line[dot] != ".":
        return False
    # The word before the dot, read backwards: matching a regex against line[:dot] costs a copy per dot.
    start = dot
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "._"):
        start -= 1
    while start < dot and not line[start].isalpha():
        start += 1  # the word starts with a letter: "(e.g." -> "e.g", "3.Mr" -> "Mr"
    word = line[start:dot]
    if not word:
        return False
    # A single capital letter is an initial ("J. Smith"), unless it ends a sentence ("Plan B.").
    return word.lower() in lexicon.ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    words = stripped.split()
    return len(words) <= 25 and stripped[-1] not in ".!?…\"”’':;)" and not stripped.endswith("—")


def _is_boilerplate(line: str, lexicon: ModuleType) -> bool:
    low = line.strip().lower()
    if not low:
        return False
    if any(low.startswith(prefix) for prefix in lexicon.BOILERPLATE_LINE_PREFIXES):
        return True
    if _is_byline(line, lexicon):
        return True
    # Photo credits and wire slugs: "PHOTO: REUTERS", "AC/Sf/fss/as/APA".
    return bool(re.fullmatch(r"[A-Za-z]{1,6}(?:/[A-Za-z]{1,6}){2,}", low)) or low.endswith(
        tuple(lexicon.BOILERPLATE_LINE_SUFFIXES)
    )


# A byline is short: "By John Smith, in Bamako", "Par Moussa Diarra, correspondant à Bamako".
_BYLINE_MAX_WORDS = 10


def _is_byline(line: str, lexicon: ModuleType) -> bool:
    words = line.split()
    return (
        1 < len(words) <= _BYLINE_MAX_WORDS
        and words[0].lower() in lexicon.BYLINE_WORDS
        and words[1][:1].isupper()
        and not line.rstrip().endswith((".", "!", "?"))
    )


_FOLD_WORD = re.compile(r"[^\W_]+")


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """Fold to lowercase ASCII words separated by single spaces (like normalize_name), and keep,
    for each folded character, the offset of the original character it came from.

    A possessive 's is dropped ("Wagner's fighters" -> "wagner fighters") so that aliases
    match through possessives; other apostrophes split words ("Jama'a" -> "jama a"), the same
    way for the dictionary's aliases and for the text, which is all matching needs.
    """
    pieces: list[str] = []
    offsets: list[int] = []
    for match in _FOLD_WORD.finditer(text):
        word, start = match.group(), match.start()
        if word in ("s", "S") and start > 0 and text[start - 1] in _APOSTROPHES:
            continue  # possessive
        if word.isascii():
            folded, positions = word.lower(), range(start, match.end())
        else:
            folded, positions = _fold_word(word, start)
        if not folded:
            continue
        if pieces:
            pieces.append(" ")
            offsets.append(start)
        pieces.append(folded)
        offsets.extend(positions)
    return "".join(pieces), offsets


@dataclass(slots=True)
class FoldedText:
    """fold_with_offsets() kept word by word, which is much faster to build for a whole article:
    inside an ASCII word a folded character is the original one lowercased, so only the words
    that are not ASCII carry a character-by-character map."""

    text: str
    starts: list[int]  # folded start of each word
    original_starts: list[int]  # original start of each word
    maps: dict[int, list[int]]  # word number -> original offset of each of its folded characters

    def original(self, position: int) -> int:
        """The original offset of the character at a folded position."""
        word = bisect_right(self.starts, position) - 1
        inside = position - self.starts[word]
        table = self.maps.get(word)
        return table[inside] if table is not None else self.original_starts[word] + inside


def fold_words(text: str) -> FoldedText:
    """The same folding as fold_with_offsets(), as a FoldedText."""
    if not text.isascii() and not _only_ascii_words(text):
        # Accented Latin letters that fold to one letter ("é" -> "e") keep every offset where it is, so the
        # whole text is folded at once; other letters ("œ", Arabic) are folded word by word.
        translated = text.translate(_ONE_LETTER_FOLDS)
        if not _only_ascii_words(translated):
            return _fold_words_letter_by_letter(text)
        text = translated
    matches = list(_FOLD_WORD.finditer(text))
    words = [match.group() for match in matches]
    if "s" in words or "S" in words:  # possessives ("Wagner's") are dropped
        matches = [match for match in matches if not _is_possessive(text, match)]
        words = [match.group() for match in matches]
    joined = " ".join(words)
    if joined.isascii():  # most articles: no word to fold letter by letter
        starts = list(accumulate((len(word) + 1 for word in words[:-1]), initial=0)) if words else []
        return FoldedText(joined.lower(), starts, [match.start() for match in matches], {})
    return _fold_words_letter_by_letter(text)


def _is_possessive(text: str, match: re.Match) -> bool:
    start = match.start()
    return match.end() - start == 1 and text[start] in "sS" and start > 0 and text[start - 1] in _APOSTROPHES


def _only_ascii_words(text: str) -> bool:
    """Whether the only non-ASCII characters are punctuation (curly quotes, dashes): no letter to fold."""
    return _NON_ASCII_LETTER.search(text) is None


_NON_ASCII_LETTER = re.compile(r"(?![\x00-\x7f])[^\W_]")
# Latin letters with diacritics that unidecode folds to a single ASCII letter ("é" -> "e", "Ç" -> "C").
_ONE_LETTER_FOLDS = {
    code: folded for code in range(0xC0, 0x250) if len(folded := unidecode(chr(code))) == 1 and folded.isalnum()
}


def _fold_words_letter_by_letter(text: str) -> FoldedText:
    # findall and one running position instead of match objects: this runs on every word of an article
    # that is not all ASCII (every French one).
    words, starts, original_starts, maps = [], [], [], {}
    position = 0
    found = 0
    find = text.find
    for word in _FOLD_WORD.findall(text):
        start = find(word, found)
        found = start + len(word)
        if word.isascii():
            if (word == "s" or word == "S") and start > 0 and text[start - 1] in _APOSTROPHES:
                continue  # possessive
            word = word.lower()  # word by word: lowering some letters changes a string's length
        else:
            word, offsets = _folded_word(word)
            if not word:
                continue
            maps[len(words)] = [start + k for k in offsets]
        words.append(word)
        starts.append(position)
        original_starts.append(start)
        position += len(word) + 1
    return FoldedText(" ".join(words), starts, original_starts, maps)


def _fold_word(word: str, start: int) -> tuple[str, list[int]]:
    folded, positions = _folded_word(word)
    return folded, [start + k for k in positions]


@lru_cache(maxsize=65536)
def _folded_word(word: str) -> tuple[str, tuple[int, ...]]:
    """A word folded letter by letter, with the position in the word each folded letter came from. Cached:
    the words of a language repeat from article to article, and unidecode per letter is the costly part."""
    chars, positions = [], []
    for k, char in enumerate(word):
        for piece in char.lower() if char.isascii() else unidecode(char).lower():
            if piece.isascii() and piece.isalnum():
                chars.append(piece)
                positions.append(k)
            elif chars and chars[-1] != " ":
                chars.append(" ")
                positions.append(k)
    while chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), tuple(positions)


def fold(text: str) -> str:
    return fold_with_offsets(text)[0]


def inside_quotes(text: str, offset: int) -> bool:
    """Whether an offset of a sentence lies between an opening and a closing quotation mark."""
    opened = False
    for char in text[:offset]:
        if char in "“«„":
            opened = True
        elif char in "”»":
            opened = False
        elif char == '"':
            opened = not opened
    return opened
