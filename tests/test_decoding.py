"""Pure decoding rules (argmine.decoding): BIO Viterbi, tags to spans, span labels, link forest."""
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmine.decoding import TAGS, allowed_transition, decode_links, span_label_probs, tags_to_spans, viterbi_bio

T = {t: i for i, t in enumerate(TAGS)}
LOW = -20.0


def one_hot_logprobs(tag_names, hi=-0.01, lo=LOW):
    lp = np.full((len(tag_names), len(TAGS)), lo)
    for i, t in enumerate(tag_names):
        lp[i, T[t]] = hi
    return lp


def is_valid_bio(path):
    names = [TAGS[i] for i in path]
    if names and names[0].startswith("I-"):
        return False
    return all(allowed_transition(a, b) for a, b in zip(names, names[1:]))


def path_score(lp, path):
    return sum(lp[i, t] for i, t in enumerate(path))


# -- viterbi_bio ------------------------------------------------------------------------------------------------

def test_viterbi_empty():
    assert viterbi_bio(np.zeros((0, len(TAGS)))) == []


def test_viterbi_keeps_a_clear_valid_argmax_path():
    names = ["O", "B-Premise", "I-Premise", "I-Premise", "O", "B-Claim", "I-Claim", "B-MajorClaim", "I-MajorClaim"]
    assert [TAGS[i] for i in viterbi_bio(one_hot_logprobs(names))] == names


def test_viterbi_never_puts_i_after_o():
    # the per-word argmax is O, I-Claim: invalid; the decoder must pick a valid path instead
    lp = np.log(np.array([
        [0.70, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05],
        [0.05, 0.05, 0.05, 0.20, 0.55, 0.05, 0.05],
    ]))
    path = viterbi_bio(lp)
    assert is_valid_bio(path)
    assert TAGS[path[1]] != "I-Claim" or TAGS[path[0]] in ("B-Claim", "I-Claim")


def test_viterbi_never_starts_with_i():
    lp = one_hot_logprobs(["I-Premise", "I-Premise"], hi=-0.01, lo=-3.0)
    path = viterbi_bio(lp)
    assert not TAGS[path[0]].startswith("I-")
    assert is_valid_bio(path)


def test_viterbi_no_i_after_another_type():
    lp = one_hot_logprobs(["B-Claim", "I-Claim", "I-Premise"], hi=-0.01, lo=-3.0)
    path = viterbi_bio(lp)
    assert is_valid_bio(path)


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=3), st.integers(min_value=0, max_value=2**32 - 1))
def test_viterbi_is_the_best_valid_path(n, seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=3.0, size=(n, len(TAGS)))
    lp = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    path = viterbi_bio(lp)
    assert len(path) == n and is_valid_bio(path)
    best = max((p for p in itertools.product(range(len(TAGS)), repeat=n) if is_valid_bio(p)), key=lambda p: path_score(lp, p))
    assert path_score(lp, path) == pytest.approx(path_score(lp, best))


def test_viterbi_long_random_paths_are_valid():
    rng = np.random.default_rng(0)
    for _ in range(20):
        lp = rng.normal(scale=4.0, size=(int(rng.integers(1, 200)), len(TAGS)))
        assert is_valid_bio(viterbi_bio(lp))


# -- tags_to_spans ----------------------------------------------------------------------------------------------

def ids(*names):
    return [T[n] for n in names]


def test_tags_to_spans_basic():
    assert tags_to_spans(ids("O", "B-Claim", "I-Claim", "O", "B-Premise")) == [(1, 3, "Claim"), (4, 5, "Premise")]


def test_tags_to_spans_empty_and_all_o():
    assert tags_to_spans([]) == []
    assert tags_to_spans(ids("O", "O")) == []


def test_stray_i_opens_a_span():
    assert tags_to_spans(ids("I-Claim", "I-Claim", "O")) == [(0, 2, "Claim")]
    assert tags_to_spans(ids("O", "I-Premise", "O", "I-MajorClaim")) == [(1, 2, "Premise"), (3, 4, "MajorClaim")]


def test_type_switch_splits_spans():
    assert tags_to_spans(ids("B-Claim", "I-Claim", "I-Premise", "I-Premise")) == [(0, 2, "Claim"), (2, 4, "Premise")]


def test_b_after_b_starts_a_new_span():
    assert tags_to_spans(ids("B-Claim", "B-Claim", "I-Claim")) == [(0, 1, "Claim"), (1, 3, "Claim")]


@settings(deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=len(TAGS) - 1), max_size=40))
def test_spans_are_sorted_disjoint_and_cover_exactly_the_non_o_words(tag_ids):
    spans = tags_to_spans(tag_ids)
    covered = []
    last = 0
    for s, e, lab in spans:
        assert last <= s < e <= len(tag_ids)
        assert lab in ("MajorClaim", "Claim", "Premise")
        covered.extend(range(s, e))
        last = e
    assert covered == [i for i, t in enumerate(tag_ids) if TAGS[t] != "O"]


# -- span_label_probs -------------------------------------------------------------------------------------------

LABELS = ("MajorClaim", "Claim", "Premise")


def test_span_label_probs_hand_made():
    #            O    B-MC  I-MC  B-C   I-C   B-P   I-P
    p = np.array([
        [0.9, 0.0, 0.0, 0.0, 0.0, 0.1, 0.0],   # outside the span
        [0.0, 0.0, 0.0, 0.5, 0.0, 0.5, 0.0],
        [0.2, 0.0, 0.0, 0.0, 0.2, 0.0, 0.6],
    ])
    out = span_label_probs(p, 1, 3, LABELS)
    # mean over words 1..2: MC 0, Claim (0.5 + 0.2)/2 = 0.35, Premise (0.5 + 0.6)/2 = 0.55; renormalised by 0.9
    assert out == pytest.approx([0.0, 0.35 / 0.9, 0.55 / 0.9])
    assert out.sum() == pytest.approx(1.0)


def test_span_label_probs_all_o_does_not_divide_by_zero():
    p = np.zeros((2, len(TAGS)))
    p[:, 0] = 1.0
    out = span_label_probs(p, 0, 2, LABELS)
    assert np.all(np.isfinite(out))


# -- decode_links -----------------------------------------------------------------------------------------------

def link_probs(rows):
    """rows: [n][n+1] unnormalised weights; returns row-normalised probabilities."""
    p = np.asarray(rows, dtype=float)
    return p / p.sum(1, keepdims=True)


def has_cycle(targets):
    for start in range(len(targets)):
        seen, node = set(), start
        while node is not None:
            if node in seen:
                return True
            seen.add(node)
            node = targets[node]
    return False


def test_links_simple_best_target():
    p = link_probs([[0, 0.8, 0.1, 0.1], [0.1, 0, 0.1, 0.8], [0.1, 0.1, 0, 0.8]])
    assert decode_links(p, [0], [0, 1, 2]) == [1, None, None]


def test_links_break_a_two_cycle():
    # argmax: 0 -> 1 and 1 -> 0; 0 is the more confident and keeps its link
    p = link_probs([[0, 0.9, 0.05, 0.05], [0.8, 0, 0.15, 0.05], [0.3, 0.3, 0, 0.4]])
    t = decode_links(p, [0, 1], [0, 1, 2])
    assert t[0] == 1
    assert t[1] == 2  # next best that closes no cycle, still above "no target"
    assert not has_cycle(t)


def test_links_two_cycle_falls_back_to_no_target():
    p = link_probs([[0, 0.9, 0.1], [0.8, 0, 0.2]])
    t = decode_links(p, [0, 1], [0, 1])
    assert t == [1, None]


def test_links_break_a_three_cycle():
    # argmax: 0 -> 1 -> 2 -> 0
    p = link_probs([
        [0, 0.9, 0.02, 0.03, 0.05],
        [0.02, 0, 0.85, 0.03, 0.1],
        [0.8, 0.02, 0, 0.1, 0.08],
        [0.3, 0.3, 0.3, 0, 0.1],
    ])
    t = decode_links(p, [0, 1, 2], [0, 1, 2, 3])
    assert t[0] == 1 and t[1] == 2
    assert t[2] == 3  # 2 -> 0 and 2 -> 1 would close a cycle; 3 beats "no target"
    assert t[3] is None  # not a source
    assert not has_cycle(t)


def test_no_target_wins_when_more_probable():
    p = link_probs([[0, 0.3, 0.1, 0.6], [0.2, 0, 0.2, 0.6], [0.5, 0.4, 0, 0.1]])
    assert decode_links(p, [0, 1], [0, 1, 2]) == [None, None, None]


def test_only_candidates_are_targets():
    # 1 (e.g. a MajorClaim) is the argmax but not a candidate
    p = link_probs([[0, 0.7, 0.2, 0.1], [0.3, 0, 0.3, 0.4], [0.3, 0.3, 0, 0.4]])
    assert decode_links(p, [0], [0, 2]) == [2, None, None]
    # nothing left above "no target" once the argmax is excluded
    p = link_probs([[0, 0.7, 0.05, 0.25], [0.3, 0, 0.3, 0.4], [0.3, 0.3, 0, 0.4]])
    assert decode_links(p, [0], [0, 2]) == [None, None, None]


def test_never_links_to_itself():
    p = link_probs([[0.9, 0.05, 0.05], [0.05, 0.9, 0.05]])
    t = decode_links(p, [0, 1], [0, 1])
    assert t[0] != 0 and t[1] != 1
    assert not has_cycle(t)


def test_no_sources_or_no_candidates():
    p = link_probs([[0, 0.9, 0.1], [0.9, 0, 0.1]])
    assert decode_links(p, [], [0, 1]) == [None, None]
    assert decode_links(p, [0, 1], []) == [None, None]


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=0, max_value=2**32 - 1))
def test_random_links_form_a_forest_over_candidates(n, seed):
    rng = np.random.default_rng(seed)
    raw = rng.random((n, n + 1)) ** 3
    raw[np.arange(n), np.arange(n)] = 0.0
    p = raw / raw.sum(1, keepdims=True)
    sources = [i for i in range(n) if rng.random() < 0.7]
    cands = [i for i in range(n) if rng.random() < 0.8]
    t = decode_links(p, sources, cands)
    assert len(t) == n
    for i, j in enumerate(t):
        if j is None:
            continue
        assert i in sources and j in cands and j != i
        assert p[i, j] >= p[i, n]
    assert not has_cycle(t)


def test_genre_labels_keep_one_major_claim_per_allowed_paragraph():
    import numpy as np

    from argmine.decoding import structural_labels

    mc = [0.8, 0.15, 0.05]
    mc_weak = [0.6, 0.3, 0.1]
    claim = [0.1, 0.8, 0.1]
    out = structural_labels([np.array([mc, mc_weak]), np.array([mc, claim]), np.array([mc])],
                       ["introduction", "body", "conclusion"])
    assert out[0] == ["MajorClaim", "Claim"]          # the weaker second major claim becomes its next best label
    assert out[1] == ["Claim", "Claim"]               # no major claim in a body paragraph
    assert out[2] == ["MajorClaim"]


def test_genre_labels_promote_one_major_claim_when_none():
    import numpy as np

    from argmine.decoding import structural_labels

    out = structural_labels([np.array([[0.3, 0.6, 0.1]]), np.array([[0.45, 0.5, 0.05]])], ["introduction", "conclusion"])
    assert out == [["Claim"], ["MajorClaim"]]


def test_claim_prior_points_to_nearest_claim():
    from argmine.decoding import claim_prior

    p = claim_prior(["Premise", "Claim", "Premise", "Premise", "Claim"])
    assert p.shape == (5, 6)
    assert [int(row.argmax()) for row in p] == [1, 4, 1, 4, 1]
    assert claim_prior(["Premise", "Premise"])[:, 2].tolist() == [1.0, 1.0]  # no claim: "no target"


def test_viterbi_uses_learned_transitions():
    import numpy as np

    from argmine.decoding import TAGS, viterbi_bio

    k = len(TAGS)
    em = np.zeros((2, k))
    em[:, TAGS.index("B-Claim")] = 1.0
    em[:, TAGS.index("I-Claim")] = 0.9
    assert [TAGS[t] for t in viterbi_bio(em)] == ["B-Claim", "B-Claim"]
    trans = np.zeros((k, k))
    trans[TAGS.index("B-Claim"), TAGS.index("I-Claim")] = 1.0
    path = viterbi_bio(em, transitions=(trans, np.zeros(k), np.zeros(k)))
    assert [TAGS[t] for t in path] == ["B-Claim", "I-Claim"]


def test_genre_labels_extra_claims_in_body_need_confidence():
    import numpy as np

    from argmine.decoding import structural_labels

    strong, weak, weaker, prem = [0.0, 0.9, 0.1], [0.0, 0.6, 0.4], [0.0, 0.55, 0.45], [0.0, 0.2, 0.8]
    body = np.array([weak, strong, weaker, prem])
    assert structural_labels([body], ["body"])[0] == ["Claim", "Claim", "Claim", "Premise"]  # off by default
    assert structural_labels([body], ["body"], extra_claim_min=0.58)[0] == ["Claim", "Claim", "Premise", "Premise"]
    assert structural_labels([body], ["body"], extra_claim_min=0.95)[0] == ["Premise", "Claim", "Premise", "Premise"]
    # the best claim always stays, and only body paragraphs are touched
    assert structural_labels([np.array([weak])], ["body"], extra_claim_min=0.95)[0] == ["Claim"]
    mc = [0.9, 0.05, 0.05]
    assert structural_labels([np.array([mc, weak, weaker])], ["conclusion"], extra_claim_min=0.95)[0] == ["MajorClaim", "Claim", "Claim"]


def test_min_major_claims_adds_the_most_probable_in_paragraphs_without_one():
    from argmine.decoding import structural_labels

    lp = [np.array([[0.6, 0.1, 0.3], [0.5, 0.2, 0.3]]), np.array([[0.1, 0.2, 0.7]]), np.array([[0.3, 0.1, 0.6]])]
    roles = ["paragraph"] * 3
    one = structural_labels(lp, roles, mc_roles=None)
    assert one == [["MajorClaim", "Premise"], ["Premise"], ["Premise"]]  # at most one per paragraph
    two = structural_labels(lp, roles, mc_roles=None, min_major_claims=2)
    assert two == [["MajorClaim", "Premise"], ["Premise"], ["MajorClaim"]]  # 0.3 beats 0.1; paragraph 0 has one
    many = structural_labels(lp, roles, mc_roles=None, min_major_claims=5)
    assert sum(lab == "MajorClaim" for para in many for lab in para) == 3  # one per paragraph at most
    essay = structural_labels(lp, ["introduction", "body", "body"], min_major_claims=2)
    assert essay == [["MajorClaim", "Premise"], ["Premise"], ["Premise"]]  # only allowed paragraphs


def test_bias_starts_adds_to_b_columns_only_and_splits_more():
    from argmine.decoding import TAGS, bias_starts, tags_to_spans, viterbi_bio

    k = len(TAGS)
    em = np.full((6, k), -5.0)
    em[:, TAGS.index("I-Premise")] = 0.0  # one long premise ...
    em[0, TAGS.index("B-Premise")] = 0.5
    em[3, TAGS.index("B-Premise")] = -0.5  # ... unless a unit start at word 3 gets a little help
    assert bias_starts(em, 0.0) is em
    biased = bias_starts(em, 1.0)
    b_cols = [j for j, t in enumerate(TAGS) if t.startswith("B-")]
    assert np.allclose(biased[:, b_cols], em[:, b_cols] + 1.0)
    assert np.allclose(np.delete(biased, b_cols, axis=1), np.delete(em, b_cols, axis=1))
    assert tags_to_spans(viterbi_bio(em)) == [(0, 6, "Premise")]
    assert tags_to_spans(viterbi_bio(biased)) == [(0, 3, "Premise"), (3, 6, "Premise")]
