"""The AAEC v2 reader (argmine.corpora.aaec) on the real corpus; skipped when the data is absent."""
from collections import Counter

import pytest

from argmine.corpora.aaec import aaec_root, read_aaec
from argmine.evaluate import score

SIZES = {"train": 286, "dev": 36, "test": 80, "train_full": 322}


@pytest.fixture(scope="module")
def aaec(data_dir):
    if not (data_dir / "aaec-v2").is_dir():
        pytest.skip("AAEC is not in the data directory")
    return {split: read_aaec(data_dir, split) for split in SIZES}


def test_split_sizes(aaec):
    assert {k: len(v) for k, v in aaec.items()} == SIZES


def test_splits_are_disjoint_and_train_plus_dev_is_train_full(aaec):
    ids = {k: [d.id for d in v] for k, v in aaec.items()}
    for k, v in ids.items():
        assert len(v) == len(set(v)), k
        assert v == sorted(v), k
    assert not set(ids["train"]) & set(ids["dev"])
    assert set(ids["train"]) | set(ids["dev"]) == set(ids["train_full"])
    assert not set(ids["train_full"]) & set(ids["test"])


def test_unknown_split(data_dir):
    with pytest.raises(ValueError, match="split"):
        read_aaec(data_dir, "validation")


def test_offsets_are_valid_and_match_the_brat_text(aaec, data_dir):
    root = aaec_root(data_dir) / "brat-project-final"
    for doc in aaec["train_full"] + aaec["test"]:
        doc.validate()
        ann = {}
        for line in (root / f"{doc.id}.ann").read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                key, mid, span_text = line.split("\t", 2)
                ann[key] = span_text.rstrip("\t")  # a few .ann lines end with a stray tab
        assert len(ann) == len(doc.units), doc.id
        for u in doc.units:
            assert doc.text[u.start:u.end] == ann[u.id], (doc.id, u.id)
            assert doc.text[u.start:u.end].strip() == doc.text[u.start:u.end]


def test_labels_and_counts(aaec):
    labels = Counter(u.label for d in aaec["train_full"] + aaec["test"] for u in d.units)
    # Stab & Gurevych (2017), table 3: 751 major claims, 1,506 claims, 3,832 premises
    assert labels == {"MajorClaim": 751, "Claim": 1506, "Premise": 3832}


def test_each_claim_with_a_stance_has_one_relation_to_a_major_claim(aaec):
    n_claims = 0
    for doc in aaec["train_full"] + aaec["test"]:
        labels = {u.id: u.label for u in doc.units}
        majors = [u.id for u in doc.units if u.label == "MajorClaim"]
        for u in doc.units:
            if u.label != "Claim" or "stance" not in u.extra:
                continue
            n_claims += 1
            to_major = [r for r in doc.relations if r.source == u.id and labels[r.target] == "MajorClaim"]
            assert len(to_major) == 1, (doc.id, u.id)
            assert to_major[0].target == majors[0]
            assert to_major[0].label == ("supports" if u.extra["stance"] == "For" else "attacks")
        # premises link to claims or premises, never to a major claim
        for r in doc.relations:
            if labels[r.source] == "Premise":
                assert labels[r.target] in ("Claim", "Premise"), (doc.id, r)
    assert n_claims > 1000


@pytest.mark.parametrize("level", ["essay", "paragraph"])
def test_gold_scored_against_itself_is_perfect(aaec, level):
    gold = aaec["dev"] + aaec["test"]
    s = score(gold, gold, level=level)
    for part in ("components", "relations"):
        assert s[part]["f1_100"] == pytest.approx(1.0), (part, s[part])
        assert s[part]["f1_50"] == pytest.approx(1.0), (part, s[part])
        for lab, v in s[part]["per_label"].items():
            if v["n_gold"]:
                assert v["f1_100"] == pytest.approx(1.0), (part, lab)
    if level == "essay":
        assert s["n_docs"] == len(gold)
