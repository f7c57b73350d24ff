"""Paragraphs, words and paragraph roles (argmine.text): offsets into the unaltered text."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from argmine.text import looks_like_title, paragraph_roles, paragraph_spans, word_spans


def paras(text):
    return [text[s:e] for s, e in paragraph_spans(text)]


def check_spans(text, spans):
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        last = e


# -- paragraph_spans --------------------------------------------------------------------------------------------

def test_newline_separates_sentence_lines():
    text = "Cities need bike lanes.\nPaint is not protection.\n\nKerbs save lives."
    assert paras(text) == ["Cities need bike lanes.", "Paint is not protection.", "Kerbs save lives."]


def test_crlf():
    text = "First paragraph here.\r\nSecond paragraph here.\r\n\r\nThird one.\r\n"
    spans = paragraph_spans(text)
    assert paras(text) == ["First paragraph here.", "Second paragraph here.", "Third one."]
    assert all("\r" not in text[s:e] and "\n" not in text[s:e] for s, e in spans)
    check_spans(text, spans)


def test_lone_cr_and_unicode_line_separators():
    for sep in ("\r", "\u2028", "\u2029", "\x85", "\x0c"):
        text = f"One sentence here.{sep}Another sentence here."
        assert paras(text) == ["One sentence here.", "Another sentence here."], repr(sep)


def test_blank_lines_and_whitespace_only_lines_are_dropped():
    text = "\n\n  A first point.\n \t \n\n\u00a0\nA second point.  \n\n\n"
    assert paras(text) == ["A first point.", "A second point."]


def test_offsets_strip_whitespace():
    text = "   Hello world, this is it.   \n\t Next one.\t"
    spans = paragraph_spans(text)
    assert spans[0] == (3, 27)
    assert paras(text) == ["Hello world, this is it.", "Next one."]
    check_spans(text, spans)


def test_hard_wrapped_lines_are_joined():
    text = ("Cities should build protected bike lanes because painted lines\n"
            "do not stop cars and drivers drift into the cycle lane at\n"
            "night.\n"
            "\n"
            "A new paragraph starts here.")
    spans = paragraph_spans(text)
    assert len(spans) == 2
    s, e = spans[0]
    assert text[s:e].startswith("Cities") and text[s:e].endswith("night.")
    assert "\n" in text[s:e]  # the original text is kept; the span just runs over the wrap
    assert paras(text)[1] == "A new paragraph starts here."


def test_short_line_is_not_joined_with_the_next():
    text = "Why cities need bike lanes\nPainted lines do not stop cars."
    assert paras(text) == ["Why cities need bike lanes", "Painted lines do not stop cars."]


def test_empty_and_blank_text():
    assert paragraph_spans("") == []
    assert paragraph_spans(" \n\r\n\t\u2028 ") == []


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,!?\n\r\t") + ["\u2028", "\u00a0", "\U0001F6B2", "\u05d0", "\x00"]), max_size=300))
def test_paragraphs_are_stripped_sorted_and_cover_every_visible_character(text):
    original = str(text)
    spans = paragraph_spans(text)
    assert text == original
    check_spans(text, spans)
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert i in covered, (i, ch)


# -- word_spans -------------------------------------------------------------------------------------------------

def test_word_spans_offsets():
    text = "Don't stop-now, e.g. at 3.5% - ok?"
    spans = word_spans(text)
    words = [text[a:b] for a, b in spans]
    assert words == ["Don't", "stop-now", ",", "e.g", ".", "at", "3.5", "%", "-", "ok", "?"]


def test_word_spans_with_start_are_absolute():
    text = "Intro line.\nSecond line, here."
    s = text.index("Second")
    spans = word_spans(text, s, len(text))
    assert spans[0] == (s, s + len("Second"))
    assert [text[a:b] for a, b in spans] == ["Second", "line", ",", "here", "."]
    inner = word_spans(text, 0, 5)
    assert inner == [(0, 5)]


def test_word_spans_unicode():
    text = "Café \U0001F6B2 naïve — שלום"
    words = [text[a:b] for a, b in word_spans(text)]
    assert words == ["Café", "\U0001F6B2", "naïve", "—", "שלום"]


@settings(deadline=None)
@given(st.text(max_size=200))
def test_word_spans_never_hold_whitespace_and_are_disjoint(text):
    last = 0
    for a, b in word_spans(text):
        assert last <= a < b <= len(text)
        assert not re.search(r"\s", text[a:b])
        last = b
    assert "".join(text[a:b] for a, b in word_spans(text)) == "".join(text.split())


# -- paragraph roles --------------------------------------------------------------------------------------------

ESSAY = ("Why cities need protected bike lanes\n\n"
         "Painted lines do not stop cars. Cities should build kerbs.\n\n"
         "Kerbs cut injuries by half in three cities.\n\n"
         "Those are the reasons. In short, build the lanes.")


def test_title_introduction_body_conclusion():
    ps = paragraph_spans(ESSAY)
    assert paragraph_roles(ESSAY, ps) == ["title", "introduction", "body", "conclusion"]


def test_no_title_when_the_first_paragraph_is_a_sentence():
    text = "Painted lines do not stop cars.\n\nKerbs do.\n\nBuild them."
    assert paragraph_roles(text, paragraph_spans(text)) == ["introduction", "body", "conclusion"]


def test_question_headline_is_a_title():
    text = "Should cities ban cars?\n\nYes, they should. Here is why.\n\nCars kill."
    assert paragraph_roles(text, paragraph_spans(text))[0] == "title"


def test_a_lone_headline_is_not_a_title():
    text = "Why cities need protected bike lanes"
    assert paragraph_roles(text, paragraph_spans(text)) == ["text"]


def test_a_one_paragraph_text_is_no_essay_introduction():
    text = "Cities should ban cars from their centres. Traffic kills thousands every year."
    assert paragraph_roles(text, paragraph_spans(text)) == ["text"]
    # furniture around it does not make it an introduction either
    assert paragraph_roles(text + "\n\nLeave a Reply", paragraph_spans(text + "\n\nLeave a Reply"), {1}) == ["text", "skip"]


def test_two_paragraphs_are_introduction_and_conclusion():
    text = "Painted lines do not stop cars.\n\nBuild kerbs instead."
    assert paragraph_roles(text, paragraph_spans(text)) == ["introduction", "conclusion"]


def test_long_line_is_not_a_title():
    head = " ".join(["word"] * 31)
    assert not looks_like_title(head, (0, len(head)))
    assert looks_like_title("Kerbs, not paint", (0, 16))
    assert not looks_like_title("Kerbs work. Paint fails", (0, 23))


def test_skip_paragraphs_do_not_count():
    text = "Subscribe to our newsletter\n\n" + ESSAY
    ps = paragraph_spans(text)
    roles = paragraph_roles(text, ps, skip={0})
    assert roles == ["skip", "title", "introduction", "body", "conclusion"]
    roles = paragraph_roles(text, ps, skip={0, 4})
    assert roles == ["skip", "title", "introduction", "conclusion", "skip"]


def test_roles_of_nothing():
    assert paragraph_roles("", []) == []


def test_leading_headline_is_a_first_line_that_looks_like_one():
    from argmine.text import leading_headline

    assert leading_headline("Paint Is Not Protection: Why Our City Needs Bike Lanes\n\nOur city should build them.") == \
        "Paint Is Not Protection: Why Our City Needs Bike Lanes"
    assert leading_headline("Our city should build bike lanes. They save lives.\n\nSo build them.") is None  # a sentence
    assert leading_headline("Ban cars from city centres") is None  # nothing follows: the text itself
