"""argmine.diagnostics: each gold relation traced to the first mining step that failed it, on hand-made documents
whose outcomes are known, and against the scorer's own true positives."""
from __future__ import annotations

import pytest

from argmine.data import ArgumentUnit, Document, Relation
from argmine.diagnostics import OUTCOMES, relation_outcomes
from argmine.errors import ArgumentValueError
from argmine.metrics import score_documents

TEXT = ("Cities should ban cars. Traffic kills people. The air is dirty. Shops will suffer. "
        "Walkers spend more. Buses are full.")


def _span(s: str):
    start = TEXT.index(s)
    return start, start + len(s)


def _unit(uid: str, s: str, label: str) -> ArgumentUnit:
    return ArgumentUnit(uid, *_span(s), label)


GOLD = Document(TEXT, [_unit("M", "Cities should ban cars", "MajorClaim"), _unit("C", "Traffic kills people", "Claim"),
                       _unit("P1", "The air is dirty", "Premise"), _unit("C2", "Shops will suffer", "Claim"),
                       _unit("P2", "Walkers spend more", "Premise"), _unit("P3", "Buses are full", "Premise")],
                [Relation("C", "M", "supports"), Relation("P1", "C", "supports"), Relation("C2", "M", "attacks"),
                 Relation("P2", "C2", "attacks"), Relation("P3", "C2", "supports")])


def test_each_step_of_the_pipeline_is_named_once():
    pred = Document(TEXT, [_unit("a", "Cities should ban cars", "MajorClaim"), _unit("b", "Traffic kills people", "Claim"),
                           _unit("c", "The air is dirty", "Premise"), _unit("d", "Shops will suffer", "Premise"),
                           _unit("e", "Walkers spend more", "Premise")],
                    [Relation("b", "a", "supports"),  # right
                     Relation("c", "b", "attacks"),  # the other label
                     Relation("d", "a", "attacks"),  # the claim mined as a premise
                     Relation("e", "d", "attacks")])  # its target mined as a premise; P3 is not found at all
    out = relation_outcomes([GOLD], [pred])
    assert dict(out["Claim->MajorClaim"]) == {"correct": 1, "source label": 1}
    assert dict(out["Premise->Claim"]) == {"relation label": 1, "target label": 1, "source not found": 1}
    assert sum(out["all"].values()) == len(GOLD.relations) and set(out["all"]) <= set(OUTCOMES)


def test_a_claim_may_point_at_any_matched_major_claim_and_unlinked_ends_are_not_linked():
    gold = Document(TEXT, GOLD.units + [_unit("M2", "Buses are full", "MajorClaim")], [Relation("C", "M", "supports"),
                                                                                      Relation("P1", "C", "supports")])
    gold.units.remove(next(u for u in gold.units if u.id == "P3"))
    pred = Document(TEXT, [_unit("a", "Buses are full", "MajorClaim"), _unit("b", "Traffic kills people", "Claim"),
                           _unit("c", "The air is dirty", "Premise")], [Relation("b", "a", "supports")])
    out = relation_outcomes([gold], [pred])
    assert dict(out["Claim->MajorClaim"]) == {"correct": 1}  # the restated major claim counts, as for the scorer
    assert dict(out["Premise->Claim"]) == {"not linked": 1}


def test_correct_is_the_scorers_true_positives_on_random_predictions():
    import random

    rng = random.Random(7)
    spans = [(u.start, u.end) for u in GOLD.units]
    for _ in range(50):
        units = [ArgumentUnit(f"u{i}", s, e, rng.choice(["MajorClaim", "Claim", "Premise"]))
                 for i, (s, e) in enumerate(spans) if rng.random() < 0.8]
        rels = [Relation(a.id, b.id, rng.choice(["supports", "attacks"])) for a in units for b in units
                if a is not b and rng.random() < 0.2]
        pred = Document(TEXT, units, rels)
        for threshold, crit in ((0.5, "50"), (1.0, "100")):
            tp = score_documents([GOLD], [pred])["relations"][f"tp_{crit}"]
            assert relation_outcomes([GOLD], [pred], threshold)["all"]["correct"] == tp


def test_documents_must_pair_up():
    with pytest.raises(ArgumentValueError, match="E107"):
        relation_outcomes([GOLD], [])
    with pytest.raises(ArgumentValueError, match="same text"):
        relation_outcomes([GOLD], [Document(TEXT + " More.")])


def test_the_dev_split_breakdown_adds_up(data_dir, tiny_miner):
    from argmine.corpora import get_reader
    from argmine.evaluate import predict

    gold = get_reader("microtexts")(data_dir, "dev")[:5]
    pred = predict(tiny_miner, gold)
    out = relation_outcomes(gold, pred)
    assert sum(out["all"].values()) == sum(len(g.relations) for g in gold)
    assert out["all"]["correct"] == score_documents(gold, pred)["relations"]["tp_50"]
