"""The pure parts of benchmarks/furniture_cv.py (leave-one-set-out over the marked page folders) and of
benchmarks/train_boilerplate.py's reading of marked pages as training pages."""
from pathlib import Path

import pytest
from conftest import load_benchmark

REPO = Path(__file__).resolve().parent.parent
_load = load_benchmark  # benchmarks/<name>.py by path (tests/conftest.py)


@pytest.fixture(scope="module")
def cv():
    return _load("furniture_cv")


def _row(noise, correct, flagged):
    return {"noise_lines": noise, "correct": correct, "flagged": flagged, "body_flagged": flagged - correct,
            "precision": correct / flagged if flagged else None, "recall": correct / noise if noise else None}


def test_summarise_gives_macro_and_pooled_figures(cv):
    s = cv.summarise([_row(10, 9, 9), _row(30, 30, 31)])
    assert s["macro_recall"] == pytest.approx((0.9 + 1.0) / 2)
    assert s["micro_recall"] == pytest.approx(39 / 40)
    assert s["macro_precision"] == pytest.approx((1.0 + 30 / 31) / 2)
    assert s["micro_precision"] == pytest.approx(39 / 40)
    assert s["min_recall"] == pytest.approx(0.9)
    assert (s["body_flagged"], s["folders_with_body_flagged"]) == (1, 1)


def test_summarise_counts_a_folder_with_nothing_flagged_as_precise(cv):
    s = cv.summarise([_row(4, 0, 0)])
    assert s["macro_precision"] == 1.0 and s["macro_recall"] == 0.0 and s["micro_precision"] == 1.0
    with pytest.raises(ValueError):
        cv.summarise([])


def test_clean_threshold_is_the_lowest_without_a_body_line_flagged(cv):
    per = {0.5: [_row(5, 5, 6), _row(5, 5, 5)], 0.8: [_row(5, 5, 5), _row(5, 4, 4)], 0.9: [_row(5, 3, 3)] * 2}
    assert cv.clean_threshold(per) == 0.8
    assert cv.clean_threshold({0.5: [_row(5, 5, 6)], 0.7: [_row(5, 5, 7)]}) == 0.7  # none clean: the highest
    with pytest.raises(ValueError):
        cv.clean_threshold({})


def test_alone_counts_compares_flags_with_gold_lines(cv):
    c = cv.alone_counts([[True, False, True], [False]], [[True, True, False], [True]])
    assert (c["noise_lines"], c["correct"], c["flagged"], c["body_flagged"]) == (3, 1, 2, 1)
    assert c["precision"] == pytest.approx(0.5) and c["recall"] == pytest.approx(1 / 3)
    assert cv.alone_counts([[False]], [[False]])["precision"] is None
    with pytest.raises(ValueError):
        cv.alone_counts([[True]], [[True, False]])


def test_counts_keeps_the_figures_of_noise_scores(cv):
    sc = dict(_row(4, 3, 3), pages=1, lines=9, missed=[], f1=0.8)
    assert cv.counts(sc) == _row(4, 3, 3)


def test_page_lines_reads_a_marked_page_as_a_training_page():
    tb = _load("train_boilerplate")
    from argmine.corpora.news_pages import parse_news_page

    text, gold = parse_news_page("#title: Fund the ferries\n#dateline: KIRKWALL\n\nCrews should be paid all year, "
                                 "because islanders are stranded.\n  \n#credit: Photo: Ewa Lind\n")
    assert tb.page_lines(text, gold) == [("Fund the ferries", "title"), ("KIRKWALL", "timestamp"),
                                         ("Crews should be paid all year, because islanders are stranded.", None),
                                         ("Photo: Ewa Lind", "credit")]


def test_the_marked_training_folders_never_include_a_blind_set():
    tb = _load("train_boilerplate")
    assert len(tb.MARKED_FOLDERS) == 15 and "news_pages_heldout15" not in tb.MARKED_FOLDERS
    assert all((REPO / "data" / "examples" / f).is_dir() for f in tb.MARKED_FOLDERS)
