import pytest

from sources.parsing.text import fold_with_offsets, fold_words

TEXTS = [
    "Wagner's fighters and the FAMa clashed near Tinzaouatène — officials said.",
    "“Jama'a Nusrat al-Islam wal-Muslimin” (JNIM) said it killed 50 İstanbul-born men.",
    "Straße, Œuvre, Ærø and 東京 are folded; so are emoji 🙂 between words's ends.",
    "plain ascii text with a possessive's and an apostrophe’s curl",
    "",
    "—",
]


@pytest.mark.parametrize("text", TEXTS)
def test_fold_words_folds_and_maps_offsets_like_fold_with_offsets(text):
    folded, offsets = fold_with_offsets(text)
    words = fold_words(text)

    assert words.text == folded
    assert [words.original(position) for position, char in enumerate(folded) if char != " "] == [
        offset for offset, char in zip(offsets, folded, strict=False) if char != " "
    ]


def test_folding_accented_text_at_once_gives_the_same_words_and_offsets_as_letter_by_letter():
    from sources.parsing.text import _fold_words_letter_by_letter, fold_words

    for text in (
        "L’armée malienne a repoussé une attaque à Ségou, près de Ménaka.",
        "Œuvre, Straße et Ḥamza : «Niño» à Tin-Akoff, 1 200 élèves.",
    ):
        whole, by_letter = fold_words(text), _fold_words_letter_by_letter(text)
        assert whole.text == by_letter.text
        letters = [k for k, char in enumerate(whole.text) if char != " "]
        assert [whole.original(k) for k in letters] == [by_letter.original(k) for k in letters]
