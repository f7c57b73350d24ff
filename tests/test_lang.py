"""argmine.lang: which texts count as English, and the NonEnglishWarning that mining gives for the others."""
import warnings
from pathlib import Path

import pytest

from argmine.lang import MIN_WORDS, NonEnglishWarning, detect, english_score, warn_if_not_english
from hostile_texts import ARABIC, CHINESE, FRENCH, GERMAN, HINDI, RUSSIAN, SENTENCES, article

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "argumentative.txt"

OPED = FIXTURE.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [OPED, OPED.upper(), article(400), SENTENCES[0] * 3, "Kerbs save lives."],
                         ids=["oped", "oped_upper", "article", "repeated", "short"])
def test_english_and_short_texts_count_as_english(text):
    assert detect(text)["english"] is True


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "!!! 123 456"], ids=["empty", "blank", "breaks", "no_words"])
def test_a_text_without_words_is_not_claimed_english(text, tiny_miner):
    """Issue 12: an empty text reported english: True. Nothing in it is English, and nothing was judged."""
    assert detect(text) == {"english": False, "score": 0.0, "judged": False}
    with warnings.catch_warnings():
        warnings.simplefilter("error", NonEnglishWarning)  # too short to judge: no warning
        doc = tiny_miner.mine(text)
    assert doc.meta["language"] == {"english": False, "score": 0.0, "judged": False}
    assert warn_if_not_english(doc.meta["language"]) is False


def test_judged_says_whether_the_text_was_long_enough_to_tell():
    assert {k: v for k, v in detect("Kerbs save lives.").items() if k != "score"} == {"english": True, "judged": False}
    assert detect(OPED)["judged"] is True and detect(GERMAN)["judged"] is True


def test_english_op_ed_scores_high():
    assert detect(OPED)["score"] > 0.9 and english_score(OPED)["function_words"] > 0.25


@pytest.mark.parametrize("text", [GERMAN, FRENCH, CHINESE, ARABIC, RUSSIAN, HINDI],
                         ids=["german", "french", "chinese", "arabic", "russian", "hindi"])
def test_other_languages_are_not_english(text):
    d = detect(text)
    assert d["english"] is False and d["score"] < 0.3


def test_short_non_english_is_not_judged():
    assert english_score("Die Stadt sollte Radwege bauen.")["words"] < MIN_WORDS
    assert detect("Die Stadt sollte Radwege bauen.")["english"] is True
    assert detect("城市应该建设受保护的自行车道")["english"] is True  # 14 characters: too few to judge


def test_detect_rejects_non_str():
    with pytest.raises(TypeError, match="bytes"):
        detect(b"the city")


def test_mine_records_the_language_and_warns_once_per_non_english_text(tiny_miner):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = list(tiny_miner.mine_batch([OPED, GERMAN, "Kurz.", CHINESE, "", FRENCH], ids=list("abcdef")))
    ours = [w for w in caught if issubclass(w.category, NonEnglishWarning)]
    assert len(ours) == 3
    assert ["'b'" in str(ours[0].message), "'d'" in str(ours[1].message), "'f'" in str(ours[2].message)] == [True] * 3
    assert all("English" in str(w.message) for w in ours)
    assert [d.meta["language"]["english"] for d in docs] == [True, False, True, False, False, False]  # "": no words (issue 12)
    assert docs[0].meta["language"]["score"] > 0.9
    assert issubclass(NonEnglishWarning, UserWarning)


def test_no_warning_for_english(tiny_miner):
    with warnings.catch_warnings():
        warnings.simplefilter("error", NonEnglishWarning)
        tiny_miner.mine(OPED)
        tiny_miner.mine("Kurz und gut.")


def test_the_warning_points_at_the_caller(tiny_miner):
    import inspect

    with pytest.warns(NonEnglishWarning) as rec:
        list(tiny_miner.mine_batch([GERMAN]))
        first = inspect.currentframe().f_lineno - 1
        tiny_miner.mine(GERMAN)
        for _ in tiny_miner.mine_batch([GERMAN], batch_size=1):  # resumed here, by the for loop
            third = inspect.currentframe().f_lineno - 1
    assert [w.filename for w in rec] == [__file__] * 3
    assert [w.lineno for w in rec] == [first, first + 2, third]


def test_user_stacklevel_skips_argmine_frames():
    from argmine.callsite import user_stacklevel

    with pytest.warns(UserWarning) as rec:
        warnings.warn("here", UserWarning, stacklevel=user_stacklevel())  # called from outside argmine: this line
    assert rec[0].filename == __file__ and user_stacklevel() == 1


def test_warn_if_not_english():
    assert warn_if_not_english({"english": True, "score": 1.0}) is False
    with pytest.warns(NonEnglishWarning, match="a text does not look like English"):
        assert warn_if_not_english({"english": False, "score": 0.0}) is True
