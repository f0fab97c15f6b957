"""Sentences, tokens and accent/case folding with a map back to the original offsets.

Everything downstream works on character offsets into the ORIGINAL text, so
quotes and highlights can be cut out of it exactly.
"""

import re
from dataclasses import dataclass, field
from typing import NamedTuple
from types import ModuleType

from unidecode import unidecode

# Numbers with thousands separators; plain numbers not glued to letters; words
# (letters and digits, inner hyphens and apostrophes, but a possessive 's is its
# own token); any other single character.
_TOKEN = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![^\W_])"
    r"|\d+(?:\.\d+)?(?![^\W_])"
    r"|[^\W_]+(?:[-'’](?![sS]\b)[^\W_]+)*"
    r"|['’][sS]\b"
    r"|\S"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u00c0-\u024f])")
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


def tokenize(text: str, offset: int = 0) -> list[Token]:
    # tuple.__new__ skips NamedTuple's keyword handling: this runs on every word of every article.
    return [
        _new_token(Token, (word, offset + start, offset + start + len(word), word.lower(), number, word[:1].isupper()))
        for number, (word, start) in enumerate((match.group(), match.start()) for match in _TOKEN.finditer(text))
    ]


def split_sentences(text: str, lexicon: ModuleType) -> list[Sentence]:
    """Sentences with exact offsets. Lines are never joined: titles and datelines stand alone."""
    sentences: list[Sentence] = []
    position = 0
    for line_number, line in enumerate(text.split("\n")):
        boilerplate = _is_boilerplate(line, lexicon)
        heading = _is_heading(line)
        for start, end in _line_sentences(line, lexicon):
            body = line[start:end]
            sentence = Sentence(len(sentences), position + start, position + end, body, line_number, heading, boilerplate)
            sentence.tokens = tokenize(body, sentence.start)
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
    word = re.search(r"([^\W\d_][\w.]*)$", line[:dot])
    if not word:
        return False
    text = word.group(1).lower()
    # A single capital letter is an initial ("J. Smith"), unless it ends a sentence ("Plan B.").
    return text in lexicon.ABBREVIATIONS or (len(text) == 1 and word.group(1).isupper())


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
    # Photo credits and wire slugs: "PHOTO: REUTERS", "AC/Sf/fss/as/APA".
    return bool(re.fullmatch(r"[A-Za-z]{1,6}(?:/[A-Za-z]{1,6}){2,}", low)) or low.endswith("photo: reuters")


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


_FOLD_WORD_NO_POSSESSIVE = re.compile(r"(?![sS](?![^\W_]))[^\W_]+|(?<![%s])[sS](?![^\W_])" % _APOSTROPHES)


def fold_spans(text: str) -> tuple[str, list[int], list[int]]:
    """fold_with_offsets() for pure-ASCII text, faster: (folded, folded start of each word, original
    start of each word). Inside a word a folded character is the original one, lowercased."""
    if not text.isascii():
        raise ValueError("fold_spans() reads ASCII text only; use fold_with_offsets()")
    spans = [match.span() for match in _FOLD_WORD_NO_POSSESSIVE.finditer(text)]
    lowered = text.lower()
    words = [lowered[start:end] for start, end in spans]
    folded_starts, position = [], 0
    for word in words:
        folded_starts.append(position)
        position += len(word) + 1
    return " ".join(words), folded_starts, [start for start, _ in spans]


def _fold_word(word: str, start: int) -> tuple[str, list[int]]:
    chars, positions = [], []
    for k, char in enumerate(word):
        for piece in (char.lower() if char.isascii() else unidecode(char).lower()):
            if piece.isascii() and piece.isalnum():
                chars.append(piece)
                positions.append(start + k)
            elif chars and chars[-1] != " ":
                chars.append(" ")
                positions.append(start + k)
    while chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), positions


def fold(text: str) -> str:
    return fold_with_offsets(text)[0]


def inside_quotes(text: str, offset: int) -> bool:
    """Whether an offset of a sentence lies between an opening and a closing quotation mark."""
    opened = False
    for position, char in enumerate(text[:offset]):
        if char in "“«„":
            opened = True
        elif char in "”»":
            opened = False
        elif char == '"':
            opened = not opened
    return opened
