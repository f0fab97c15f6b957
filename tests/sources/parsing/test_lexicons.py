"""The language layer: every lexicon fills the whole interface, and no module outside lang/ spells a word."""

import ast
import re
from pathlib import Path

import pytest

from sources.parsing import acled
from sources.parsing.lang import LEXICONS, SUPPORTED_LANGUAGES, en
from sources.parsing.lang.base import Lexicon

PARSING = Path(__file__).resolve().parents[3] / "sources" / "parsing"
INTERFACE = sorted(Lexicon.__annotations__)
# The parser's own vocabulary (claim kinds, qualifiers, precisions, actor categories and kinds, ACLED's
# names, regex group names): identifiers that happen to be English words, not words read in a text.
INTERNAL_WORDS = {
    "killed",
    "wounded",
    "captured",
    "missing",
    "displaced",
    "destroyed",
    "other",
    "exact",
    "at_least",
    "approximately",
    "up_to",
    "vague",
    "day",
    "week",
    "month",
    "year",
    "weekend",
    "named",
    "state",
    "rebel",
    "jihadist",
    "external",
    "unidentified",
    "civilians",
    "protesters",
    "rioters",
    "new",
    "verb",
    "according",
    "inverted",
    "participle",
    "relay",
    "side_a",
    "side_b",
    "associated",
    "last",
    "this",
    "next",
    "in",
    "part",
    "ago",
    "iso",
    "md",
    "dm",
    "range",
    "night",
    "weekday",
    "relday",
    "relweek",
    "relmonth",
    "cue",
    "after",
    "rel",
    "unit",
    "head",
    "name",
    "kind",
    "loss",
    "skip",
    "coordinated",
    "cues",
    "np",
    "place",
    "actor",
    "date",
    "claim",
    "state_forces",
    "rebel_group",
    "political_militia",
    "identity_militia",
    "external_forces",
    "Military",
    "Police",
    "Forces",
    "of",
    "Civilians",
    "Protesters",
    "Rioters",
    "Unidentified",
    "Armed",
    "Group",
    "id",
    "mn",
} | {word for value in vars(acled).values() for word in re.findall(r"[^\W\d_]+", str(value))}
# Regex syntax that reads like letters: escapes (\s, \b), classes ([A-Za-z]), group names ((?P<name>...)).
REGEX_SYNTAX = re.compile(r"\\[A-Za-z]|\[[^\]]*\]|\(\?P?<\w+>|\{\w+\}")
WORD = re.compile(r"[^\W\d_]{3,}")


def lexicon_words() -> set[str]:
    words: set[str] = set()

    def collect(value) -> None:
        if isinstance(value, str):
            words.update(WORD.findall(value.lower()))
        elif isinstance(value, dict):
            for key, item in value.items():
                collect(key)
                collect(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                collect(item)

    for lexicon in LEXICONS.values():
        for name in INTERFACE:
            value = getattr(lexicon, name)
            if name not in ("COUNTRY_DISPLAY_NAMES",) and not callable(value):
                collect(value)
    return words - {word.lower() for word in INTERNAL_WORDS}


def string_literals(path: Path):
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_lexicon_defines_the_whole_interface_with_the_same_types(language):
    lexicon = LEXICONS[language]
    missing = [name for name in INTERFACE if not hasattr(lexicon, name)]
    assert not missing, f"{language} lacks {missing}"
    for name in INTERFACE:
        reference, value = getattr(en, name), getattr(lexicon, name)
        if reference is None or value is None:
            continue  # a function, or None where the generic reader serves
        assert type(value) is type(reference), f"{language}.{name} is a {type(value).__name__}"


def test_english_names_nothing_outside_the_interface():
    public = {name for name in vars(en) if name.isupper()}
    assert public <= set(INTERFACE), sorted(public - set(INTERFACE))


def test_a_language_missing_a_name_fails_the_interface_check():
    partial = type("Partial", (), {name: getattr(en, name) for name in INTERFACE[1:]})
    assert [name for name in INTERFACE if not hasattr(partial, name)] == INTERFACE[:1]


def test_no_module_outside_lang_spells_a_word_of_a_language():
    words = lexicon_words()
    offences = []
    # gazetteer.py holds GeoNames' own English admin-unit words ("Kidal Region"): they name gazetteer
    # entries, whatever the report's language.
    for path in sorted(set(PARSING.glob("*.py")) - {PARSING / "gazetteer.py"}):
        for line, literal in string_literals(path):
            if literal.isidentifier() and not literal.islower():
                continue  # a name of the code ("PARSER_VERSION")
            if "_" in literal and " " not in literal:
                continue  # an identifier ("parse_article", "at_least")
            found = sorted({word for word in WORD.findall(REGEX_SYNTAX.sub(" ", literal).lower()) if word in words})
            if found:
                offences.append(f"{path.name}:{line}: {found}")
    assert not offences, "\n".join(offences)
