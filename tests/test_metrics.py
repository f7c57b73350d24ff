"""Hand-made cases for argmine.metrics, each checked against the definitions (CONTRACT.md, "Scores")."""
import pytest

from argmine.data import ArgumentUnit, Document, Relation
from argmine.metrics import score_documents

# Twenty one-token words; span(i, j) is the character span of words i..j-1.
WORDS = [f"w{i:02d}" for i in range(20)]
TEXT = " ".join(WORDS)


def span(i, j):
    return 4 * i, 4 * j - 1


def doc(units, rels=(), text=TEXT, id=None):
    """units: (id, first word, end word, label); rels: (source, target, label)."""
    us = [ArgumentUnit(uid, *span(i, j), label) for uid, i, j, label in units]
    return Document(text=text, units=us, relations=[Relation(s, t, lab) for s, t, lab in rels], id=id)


def comps(gold, pred):
    return score_documents([gold], [pred])["components"]


def rels(gold, pred):
    return score_documents([gold], [pred])["relations"]


GOLD = doc(
    [("M", 0, 3, "MajorClaim"), ("C", 4, 8, "Claim"), ("P", 9, 14, "Premise")],
    [("C", "M", "supports"), ("P", "C", "supports")],
)


def test_perfect_prediction_scores_one_everywhere():
    s = score_documents([GOLD], [GOLD])
    assert s["n_docs"] == 1
    for part in ("components", "relations", "segmentation"):
        assert s[part]["f1_100"] == s[part]["f1_50"] == 1.0
    assert s["components"]["per_label"]["Claim"] == {
        "f1_100": 1.0, "precision_100": 1.0, "recall_100": 1.0, "tp_100": 1,
        "f1_50": 1.0, "precision_50": 1.0, "recall_50": 1.0, "tp_50": 1, "n_gold": 1, "n_pred": 1,
    }
    assert s["relations"]["per_label"]["supports"]["f1_100"] == 1.0
    # nothing gold, nothing predicted: undefined ratios score 0.0 (as seqeval), counts show why
    assert s["relations"]["per_label"]["attacks"] == pytest.approx(
        {"f1_100": 0.0, "precision_100": 0.0, "recall_100": 0.0, "tp_100": 0,
         "f1_50": 0.0, "precision_50": 0.0, "recall_50": 0.0, "tp_50": 0, "n_gold": 0, "n_pred": 0})


def test_one_missed_unit_lowers_recall_exactly():
    pred = doc([("M", 0, 3, "MajorClaim"), ("C", 4, 8, "Claim")])
    c = comps(GOLD, pred)
    assert c["precision_100"] == 1.0
    assert c["recall_100"] == pytest.approx(2 / 3)
    assert c["f1_100"] == pytest.approx(0.8)
    assert c["per_label"]["Premise"]["recall_100"] == 0.0
    assert c["per_label"]["Premise"]["n_gold"] == 1 and c["per_label"]["Premise"]["n_pred"] == 0


def test_label_swap_is_one_false_positive_and_one_false_negative():
    gold = doc([("A", 0, 5, "Claim")])
    pred = doc([("A", 0, 5, "Premise")])
    s = score_documents([gold], [pred])
    c = s["components"]
    assert (c["tp_100"], c["n_pred"], c["n_gold"]) == (0, 1, 1)
    assert c["f1_100"] == c["f1_50"] == 0.0
    assert c["per_label"]["Claim"]["recall_100"] == 0.0
    assert c["per_label"]["Premise"]["precision_100"] == 0.0
    # segmentation ignores labels: the span itself is right
    assert s["segmentation"]["f1_100"] == 1.0


@pytest.mark.parametrize("gold_words, pred_words, at_100, at_50", [
    ((0, 10), (0, 10), 1, 1),   # identical
    ((0, 10), (4, 10), 0, 1),   # 6 of the longer one's 10 tokens: 60%
    ((0, 6), (0, 10), 0, 1),    # prediction is the longer one: 6 / 10 again
    ((0, 10), (0, 5), 0, 1),    # exactly half counts
    ((0, 10), (0, 4), 0, 0),    # 40%
    ((0, 4), (0, 10), 0, 0),    # covers all of gold, but only 4 of its own 10 tokens
    ((0, 10), (10, 15), 0, 0),  # disjoint
])
def test_overlap_criteria(gold_words, pred_words, at_100, at_50):
    c = comps(doc([("G", *gold_words, "Claim")]), doc([("P", *pred_words, "Claim")]))
    assert (c["tp_100"], c["tp_50"]) == (at_100, at_50)


def test_tokens_not_characters_decide_identity():
    text = "First, the claim. Then more."
    gold = Document(text=text, units=[ArgumentUnit("G", 7, 16, "Claim")])  # "the claim"
    same_tokens = Document(text=text, units=[ArgumentUnit("P", 6, 16, "Claim")])  # " the claim"
    with_period = Document(text=text, units=[ArgumentUnit("P", 7, 17, "Claim")])  # "the claim."
    partial_token = Document(text=text, units=[ArgumentUnit("P", 8, 15, "Claim")])  # "he clai"
    assert comps(gold, same_tokens)["tp_100"] == 1
    assert comps(gold, with_period)["tp_100"] == 0 and comps(gold, with_period)["tp_50"] == 1
    assert comps(gold, partial_token)["tp_100"] == 1  # a unit covers every token it overlaps


def test_matching_is_one_to_one():
    gold = doc([("G", 0, 10, "Claim")])
    pred = doc([("P1", 0, 5, "Claim"), ("P2", 5, 10, "Claim")])  # each holds half of gold's tokens
    c = comps(gold, pred)
    assert (c["tp_50"], c["n_pred"], c["n_gold"]) == (1, 2, 1)
    assert c["precision_50"] == 0.5 and c["recall_50"] == 1.0


def test_matching_is_maximal_not_first_come():
    # P1 could take G1 or G2; P2 only G1. A first-come matching would give one TP, the best gives two.
    gold = doc([("G1", 0, 4, "Claim"), ("G2", 4, 6, "Claim")])
    pred = doc([("P1", 2, 6, "Claim"), ("P2", 0, 2, "Claim")])
    assert comps(gold, pred)["tp_50"] == 2


def test_relation_counts_only_when_both_ends_and_label_match():
    right = doc([("m", 0, 3, "MajorClaim"), ("c", 4, 8, "Claim"), ("p", 9, 14, "Premise")],
                [("c", "m", "supports"), ("p", "c", "supports")])
    assert rels(GOLD, right)["f1_100"] == 1.0  # unit ids may differ; spans and labels decide

    wrong_label = doc([("m", 0, 3, "MajorClaim"), ("c", 4, 8, "Claim"), ("p", 9, 14, "Premise")],
                      [("p", "c", "attacks")])
    r = rels(GOLD, wrong_label)
    assert (r["tp_100"], r["n_pred"], r["n_gold"]) == (0, 1, 2)
    assert r["per_label"]["attacks"]["n_pred"] == 1 and r["per_label"]["supports"]["n_gold"] == 2

    wrong_target = doc([("c", 4, 8, "Claim"), ("p", 9, 14, "Premise"), ("x", 15, 19, "Claim")],
                       [("p", "x", "supports")])
    assert rels(GOLD, wrong_target)["tp_100"] == 0

    reversed_ends = doc([("c", 4, 8, "Claim"), ("p", 9, 14, "Premise")], [("c", "p", "supports")])
    assert rels(GOLD, reversed_ends)["tp_100"] == 0

    # the target only matches at 50%, so the relation counts at 50 and not at 100
    fuzzy_target = doc([("c", 4, 7, "Claim"), ("p", 9, 14, "Premise")], [("p", "c", "supports")])
    r = rels(GOLD, fuzzy_target)
    assert (r["tp_100"], r["tp_50"]) == (0, 1)


def test_relation_ends_must_match_labelled_units():
    # right spans, wrong unit label on the source: the unit does not match, so neither does the relation
    pred = doc([("c", 4, 8, "Claim"), ("p", 9, 14, "Claim")], [("p", "c", "supports")])
    assert rels(GOLD, pred)["tp_100"] == 0


def test_stance_toward_major_claim_matches_whichever_major_claim():
    gold = doc([("M1", 0, 3, "MajorClaim"), ("C", 4, 8, "Claim"), ("M2", 15, 19, "MajorClaim")],
               [("C", "M1", "supports")])
    to_restatement = doc([("M1", 0, 3, "MajorClaim"), ("C", 4, 8, "Claim"), ("M2", 15, 19, "MajorClaim")],
                         [("C", "M2", "supports")])
    assert rels(gold, to_restatement)["f1_100"] == 1.0
    wrong_stance = doc([("M1", 0, 3, "MajorClaim"), ("C", 4, 8, "Claim")], [("C", "M1", "attacks")])
    assert rels(gold, wrong_stance)["tp_100"] == 0
    target_not_major = doc([("M1", 0, 3, "Claim"), ("C", 4, 8, "Claim")], [("C", "M1", "supports")])
    assert rels(gold, target_not_major)["tp_100"] == 0
    # one gold stance relation is credited once, however many MajorClaims the prediction points at
    both = doc([("M1", 0, 3, "MajorClaim"), ("C", 4, 8, "Claim"), ("M2", 15, 19, "MajorClaim")],
               [("C", "M1", "supports"), ("C", "M2", "supports")])
    r = rels(gold, both)
    assert (r["tp_100"], r["n_pred"], r["n_gold"]) == (1, 2, 1)


def test_dangling_predicted_relation_is_a_false_positive():
    pred = doc([("c", 4, 8, "Claim")], [("nowhere", "c", "supports")])
    r = rels(GOLD, pred)
    assert (r["tp_100"], r["n_pred"]) == (0, 1)


def test_micro_average_differs_from_macro():
    g1 = doc([("A", 0, 3, "Claim")])
    p1 = g1                                                  # F1 = 1
    g2 = doc([("A", 0, 3, "Claim"), ("B", 4, 8, "Claim"), ("C", 9, 12, "Claim")])
    p2 = doc([])                                             # F1 = 0
    micro = score_documents([g1, g2], [p1, p2])["components"]
    macro = sum(score_documents([g], [p])["components"]["f1_100"] for g, p in [(g1, p1), (g2, p2)]) / 2
    assert macro == 0.5
    # micro: TP 1, 1 predicted, 4 gold -> P = 1, R = 1/4, F1 = 2 * 1 * .25 / 1.25 = 0.4
    assert micro["precision_100"] == 1.0 and micro["recall_100"] == 0.25
    assert micro["f1_100"] == pytest.approx(0.4)
    assert score_documents([g1, g2], [p1, p2])["n_docs"] == 2


def test_pairing_errors():
    with pytest.raises(ValueError, match="pred must have one document per gold document; got 1 for 2"):
        score_documents([GOLD, GOLD], [GOLD])
    other = Document(text=TEXT + " extra")
    with pytest.raises(ValueError, match="same text"):
        score_documents([GOLD], [other])


def test_empty_input():
    s = score_documents([], [])
    assert s["n_docs"] == 0 and s["components"]["f1_100"] == 0.0


def test_stance_to_a_spurious_major_claim_does_not_count():
    """A claim's stance counts toward any MajorClaim only when that MajorClaim itself matches a gold one."""
    from argmine.data import ArgumentUnit as U, Document as D, Relation as R
    from argmine.metrics import score_documents

    text = "We must act now. Cars are dangerous. Kerbs protect riders. So build kerbs."
    mc1, claim, prem, mc2 = (0, 15), (17, 35), (37, 57), (59, 73)
    gold = D(text, [U("T1", *mc1, "MajorClaim"), U("T2", *claim, "Claim"), U("T3", *prem, "Premise"), U("T4", *mc2, "MajorClaim")],
             [R("T2", "T1", "supports"), R("T3", "T2", "supports")])
    # stance aimed at the restated major claim (T4): correct
    ok = D(text, gold.units, [R("T2", "T4", "supports"), R("T3", "T2", "supports")])
    assert score_documents([gold], [ok])["relations"]["f1_100"] == 1.0
    # stance aimed at a premise mislabelled MajorClaim: wrong
    bad_units = [U("T1", *mc1, "MajorClaim"), U("T2", *claim, "Claim"), U("T3", *prem, "MajorClaim"), U("T4", *mc2, "MajorClaim")]
    bad = D(text, bad_units, [R("T2", "T3", "supports")])
    assert score_documents([gold], [bad])["relations"]["tp_100"] == 0


def _ev_doc(spans_types):
    text = "one two three four five six seven eight nine ten eleven twelve"
    units = []
    for k, (s, e, ev) in enumerate(spans_types):
        extra = {"evidence_type": ev} if ev else {}
        units.append(ArgumentUnit(f"U{k}", s, e, "Premise", extra=extra))
    return Document(text, units)


def test_evidence_accuracy_over_units_matched_at_half_overlap():
    # words: one(0-3) two(4-7) three(8-13) four(14-18) five(19-23) six(24-27) seven(28-33) eight(34-39)
    gold = _ev_doc([(0, 13, "assumption"), (14, 27, "statistics"), (28, 39, "anecdote")])
    pred = _ev_doc([(0, 7, "assumption"),     # 2 of 3 words: matched at 50%, right type
                    (14, 27, "assumption"),   # exact, wrong type
                    (34, 39, "anecdote")])    # 1 of 2 words: still >= 50%, right type
    ev = score_documents([gold], [pred])["evidence"]
    assert ev["n_matched"] == 3 and ev["n_correct"] == 2
    assert ev["accuracy"] == pytest.approx(2 / 3)
    assert ev["majority_baseline"] == pytest.approx(1 / 3)
    assert ev["per_type"]["statistics"] == {"n_gold": 1, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert ev["per_type"]["assumption"] == {"n_gold": 1, "precision": 0.5, "recall": 1.0, "f1": pytest.approx(2 / 3)}
    assert ev["macro_f1"] == pytest.approx((2 / 3 + 0 + 1) / 3)
    assert ev["confusion_matrix"] == {"labels": ["anecdote", "assumption", "statistics"],
                                      "counts": [[1, 0, 0], [0, 1, 0], [0, 1, 0]]}  # gold statistics -> assumption


def test_evidence_unmatched_units_are_not_counted_and_missing_type_is_wrong():
    gold = _ev_doc([(0, 13, "assumption"), (14, 27, "statistics")])
    pred = _ev_doc([(0, 13, None), (40, 51, "statistics")])  # first matched but untyped; second matches nothing
    ev = score_documents([gold], [pred])["evidence"]
    assert ev["n_matched"] == 1 and ev["accuracy"] == 0.0
    assert ev["confusion_matrix"] == {"labels": ["assumption", "(none)"], "counts": [[0, 1], [0, 0]]}


def test_no_evidence_block_without_gold_types():
    gold = _ev_doc([(0, 13, None)])
    assert "evidence" not in score_documents([gold], [gold])
