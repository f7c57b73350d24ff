"""argmine.genre: the essay-versus-news style classifier that decides the essay layout, and the miner's use of it."""
from __future__ import annotations

import dataclasses
import json

import pytest

from argmine.errors import ArgumentTypeError, SavedFileFormatError
from argmine.genre import (FEATURE_NAMES, StyleModel, content_text, essay_probability, load_style_model,
                           style_features)

# Written for these tests (CC0): a school essay's moves, and the same length of news prose on another topic.
ESSAY = [
    "Some people think that students should learn to compete, while others believe cooperation matters more. "
    "In my opinion, cooperation is the more important skill for young people.",
    "Firstly, most work today is done in teams. For example, a student who can share ideas will find it easier "
    "to solve problems with colleagues later in life.",
    "Secondly, cooperation makes learning more enjoyable. When students help each other, weaker students improve "
    "and stronger students understand the subject better.",
    "On the other hand, competition can motivate some students to work harder. However, too much competition "
    "causes stress and makes students see their classmates as enemies.",
    "In conclusion, I believe that schools should teach cooperation first, because it prepares students for both "
    "work and life.",
]
NEWS = [
    "On Tuesday the Harbour Board voted 5-2 to raise mooring fees by 40% from March 2027, and Mr. Tane Parata, "
    "its chairman, said the increase was \u201cthe only way to keep the wharves standing.\u201d",
    "The board's own 2025 survey found that 312 of the 480 berths are let to owners who live outside Whanganui. "
    "Ms. Aroha Reid, who fishes from Castlecliff, told the meeting that locals would be priced out.",
    "Councillor Dean Hughes, who opposed the rise, wrote in the Chronicle that the board had \u201cnever asked "
    "the Department of Conservation\u201d for the grant it received in 2019.",
    "The board should freeze the fees for local fishers until the Minister for Oceans answers Mr. Hughes. "
    "According to the department, a decision is due in June.",
    "Until then, the board must publish what the NZ$2.1 million upgrade (approved in 2024) will actually cost.",
]


def test_style_features_have_one_rate_per_name_and_zeros_for_an_empty_text():
    f = style_features(" ".join(ESSAY))
    assert len(f) == len(FEATURE_NAMES) and all(isinstance(x, float) for x in f)
    assert style_features("") == [0.0] * len(FEATURE_NAMES)
    news = dict(zip(FEATURE_NAMES, style_features(" ".join(NEWS))))
    essay = dict(zip(FEATURE_NAMES, f))
    assert news["names"] > essay["names"] and news["quotes"] > 0 == essay["quotes"]
    assert essay["signposts"] > news["signposts"] and news["reporting"] > essay["reporting"] == 0
    with pytest.raises(ArgumentTypeError) as e:
        style_features(None)
    assert "text must be a str; got NoneType" in str(e.value)


def test_the_shipped_classifier_tells_an_essay_from_news_prose():
    assert essay_probability("\n\n".join(ESSAY)) > 0.8
    assert essay_probability("\n\n".join(NEWS)) < 0.2
    meta = load_style_model().meta
    assert meta["trained_by"] == "benchmarks/train_genre.py" and "AAEC" in meta["essays"]


def test_a_style_model_survives_its_json_and_refuses_other_files(tmp_path):
    m = load_style_model()
    again = StyleModel.from_json(m.to_json())
    assert again.essay_probability(NEWS[0]) == pytest.approx(m.essay_probability(NEWS[0]))
    p = tmp_path / "style.json"
    p.write_text(m.to_json())
    assert load_style_model(p) is load_style_model(p)  # cached per path
    d = json.loads(m.to_json())
    for bad in ({**d, "format": "other"}, {**d, "features": ["names"]}):
        with pytest.raises(SavedFileFormatError):
            StyleModel.from_json(json.dumps(bad))
    with pytest.raises(SavedFileFormatError):
        StyleModel.from_json("not json")
    with pytest.raises(SavedFileFormatError, match="must each hold"):
        StyleModel([1.0], 0.0, [0.0], [1.0])


def test_content_text_joins_the_spans_with_blank_lines():
    assert content_text("ab cd ef", [(0, 2), (6, 8)]) == "ab\n\nef"
    assert content_text("ab", []) == ""


@pytest.mark.parametrize("paragraphs, layout, rated", [(ESSAY, "essay", True), (NEWS, "other", True),
                                                        (ESSAY[:2], "other", False)])
def test_the_miner_decodes_a_short_op_ed_in_news_prose_as_news(tiny_miner, paragraphs, layout, rated):
    old = tiny_miner.decode_options
    tiny_miner.decode_options = dataclasses.replace(old, essay_max_paragraphs=7, essay_style_min=0.5)
    try:
        doc = tiny_miner.mine("\n\n".join(paragraphs))
    finally:
        tiny_miner.decode_options = old
    assert doc.meta["layout"] == layout
    assert ("essay_style" in doc.meta) == rated
    if rated:
        assert (doc.meta["essay_style"] >= 0.5) == (layout == "essay")
