"""Encoder windows (argmine.model.features): long paragraphs are covered, nothing is silently dropped."""
import pytest

from argmine.model.features import MAX_PIECES_PER_WORD, make_windows, prepare, word_pieces

VOCAB = ["argument", "because", "cities", "should", "build", "kerbs", "photosynthesis", "x", "42", ",", ".",
         "unbelievably", "Zwischenstaatlich", "naïve", "\U0001F6B2"]


def words_of(n):
    return [VOCAB[i % len(VOCAB)] + ("" if i % 7 else str(i)) for i in range(n)]


def check_window_shape(tok, w, max_length):
    assert len(w.input_ids) == len(w.token_type_ids) == len(w.word_index)
    assert len(w.input_ids) <= max_length
    assert w.input_ids[0] == tok.cls_token_id and w.input_ids[-1] == tok.sep_token_id
    assert w.word_index[0] == -1 and w.word_index[-1] == -1
    idx = [i for i in w.word_index if i >= 0]
    assert idx == sorted(idx)
    # words of a window are contiguous
    assert sorted(set(idx)) == list(range(idx[0], idx[-1] + 1)) if idx else True


def test_long_paragraph_is_covered_by_overlapping_windows(tokenizer):
    words = words_of(3000)
    wins = make_windows(tokenizer, words, "body", max_length=128)
    assert len(wins) > 1
    seen = set()
    for w in wins:
        check_window_shape(tokenizer, w, 128)
        seen.update(i for i in w.word_index if i >= 0)
    assert seen == set(range(3000))
    for a, b in zip(wins, wins[1:]):
        wa = {i for i in a.word_index if i >= 0}
        wb = {i for i in b.word_index if i >= 0}
        assert wa & wb, "consecutive windows must overlap"
        assert min(wb) > min(wa), "windows must move forward"


def test_every_word_keeps_all_its_pieces(tokenizer):
    words = words_of(500)
    pieces = word_pieces(tokenizer, words)
    for w in make_windows(tokenizer, words, "introduction", max_length=64):
        for k in {i for i in w.word_index if i >= 0}:
            assert w.word_index.count(k) == len(pieces[k])


def test_short_paragraph_is_one_window(tokenizer):
    wins = make_windows(tokenizer, ["Kerbs", "save", "lives", "."], "conclusion", max_length=512)
    assert len(wins) == 1
    assert sorted({i for i in wins[0].word_index if i >= 0}) == [0, 1, 2, 3]
    # marker segment has token type 0, words have type 1
    first_word = wins[0].word_index.index(0)
    assert set(wins[0].token_type_ids[:first_word]) == {0}
    assert set(wins[0].token_type_ids[first_word:]) == {1}


def test_a_200000_character_word_does_not_blow_up(tokenizer):
    huge = "x" * 200_000
    wins = make_windows(tokenizer, ["before", huge, "after"], "body", max_length=128)
    seen = set()
    for w in wins:
        check_window_shape(tokenizer, w, 128)
        seen.update(i for i in w.word_index if i >= 0)
    assert seen == {0, 1, 2}
    assert sum(w.word_index.count(1) for w in wins) <= MAX_PIECES_PER_WORD * len(wins)


def test_a_huge_word_made_of_many_pieces_is_capped(tokenizer):
    huge = "ab" * 40  # under the tokenizer's own per-word limit, so many wordpieces
    assert len(word_pieces(tokenizer, [huge])[0]) <= MAX_PIECES_PER_WORD


def test_word_pieces_are_cached_per_word_and_never_shared(tokenizer):
    from argmine.model.features import _piece_ids

    words = ["Kerbs", "save", "lives", "Kerbs", "naïve", "\ud800x", "save"]
    direct = [ids or [tokenizer.unk_token_id] for ids in _piece_ids(tokenizer, [w.replace("\ud800", "\ufffd") for w in words])]
    first = word_pieces(tokenizer, words)
    assert first == direct
    first[0].append(-1)  # a caller changing its lists must not change the cache
    assert word_pieces(tokenizer, words) == direct


def test_words_that_tokenize_to_nothing_get_unk(tokenizer):
    pieces = word_pieces(tokenizer, ["\x00", "ok"])
    assert pieces[0] == [tokenizer.unk_token_id]


def test_prepare_keeps_absolute_offsets_and_skips_blank(tokenizer):
    text = "Why kerbs matter\n\n  Painted lines do not stop cars.  \n\nSo build kerbs."
    paras = prepare(text, tokenizer, max_length=128, use_noise_filter=False)
    assert [p.role for p in paras] == ["title", "introduction", "conclusion"]
    for p in paras:
        assert text[p.start:p.end] == text[p.start:p.end].strip()
        for a, b in p.words:
            assert p.start <= a < b <= p.end
    assert [text[a:b] for a, b in paras[1].words] == ["Painted", "lines", "do", "not", "stop", "cars", "."]
    assert prepare("   \n\n ", tokenizer) == []


@pytest.mark.parametrize("hostile", ["a\ud800b c", "\ud800", "ok \udfff ok"])
def test_lone_surrogates_are_accepted(tokenizer, hostile):
    # the text may hold lone surrogates (e.g. from JSON "\ud800"); the tokenizer must never see them raw
    words = hostile.split()
    wins = make_windows(tokenizer, words, "body", max_length=64)
    assert {i for w in wins for i in w.word_index if i >= 0} == set(range(len(words)))


def test_noise_lines_inside_a_paragraph_are_cut_out(tokenizer):
    """A headline and byline joined to the first sentence by hard-wrap joining never reach the encoder."""
    from argmine.model.features import _runs_outside, prepare

    assert _runs_outside([(0, 1), (2, 3), (4, 5), (6, 7)], [(2, 5)]) == [[(0, 1)], [(6, 7)]]
    assert _runs_outside([(0, 1)], []) == [[(0, 1)]] and _runs_outside([], []) == []
    assert _runs_outside([(0, 1), (2, 3)], [(0, 3)]) == []
    text = ("Bike lanes save lives and cities should build many more of them\n"
            "By Jane Doe, transport correspondent\n"
            "Every year thousands of cyclists are injured on roads without lanes, and most of those injuries are avoidable.")
    paras = prepare(text, tokenizer)
    byline = (text.index("By Jane"), text.index("By Jane") + len("By Jane Doe, transport correspondent"))
    assert paras and all(not (p.start < byline[1] and p.end > byline[0]) for p in paras)
    assert any(text[p.start:p.end].startswith("Every year") for p in paras)


def test_list_markers_are_no_part_of_a_paragraph_s_words(tokenizer):
    items = ["- Fares bring in little money.", "2) Free travel raised ridership.", "(b) Crowding means more buses.",
             "\u2022 Buses are cleaner than cars."]
    text = "Buses should be free for the young.\n\n" + "\n".join(items)
    paras = prepare(text, tokenizer, max_length=128, use_noise_filter=False)
    firsts = [text[p.words[0][0]:p.words[0][1]] for p in paras]
    assert firsts == ["Buses", "Fares", "Free", "Crowding", "Buses"]


@pytest.mark.parametrize("line,expected", [("- Fares", "Fares"), ("1. Fares", "Fares"), ("a) Fares", "Fares"),
                                           ("A. Lincoln said so", "A. Lincoln said so"), ("-5 degrees", "-5 degrees"),
                                           ("2026. A year", "2026. A year"), ("- ", "- ")])
def test_list_marker_end(line, expected):
    from argmine.text import list_marker_end

    assert line[list_marker_end(line, 0, len(line)):] == expected
