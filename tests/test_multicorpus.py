"""Multi-corpus training pieces: auxiliary examples, per-epoch sampling, batching, evidence types, their scoring."""
from __future__ import annotations

import random

import pytest

import argmine
from argmine.data import ArgumentUnit, Document
from argmine.model.network import EVIDENCE_TYPES, SEG_TAGS
from argmine.training.examples import Example, document_examples, segment_examples
from argmine.config import AuxCorpus
from argmine.training.loop import _batches, aux_sample, aux_specs, compute_loss, load_config

TEXT = "Taxes on sugar work. In Mexico, sales fell by a tenth. Critics disagree with that."


def _webis_doc():
    a, b = TEXT.index("In Mexico"), TEXT.index("Critics")
    return Document(TEXT, [ArgumentUnit("U1", 0, 19, "Premise", extra={"evidence_type": "assumption"}),
                           ArgumentUnit("U2", a, a + 33, "Premise", extra={"evidence_type": "statistics"})], id="w")


def test_segment_examples_are_label_agnostic_with_evidence(tokenizer):
    (ex,) = segment_examples(_webis_doc(), tokenizer, "webis", noise_filter=False)
    words = [TEXT[s:e] for s, e in ex.para.words]
    assert ex.source == "webis"
    assert words[:5] == ["Taxes", "on", "sugar", "work", "."]
    assert ex.spans == [(0, 4), (5, 14)]
    assert [SEG_TAGS[t] for t in ex.tags] == ["B"] + ["I"] * 3 + ["O", "B"] + ["I"] * 8 + ["O"] * 5
    assert [EVIDENCE_TYPES[e] for e in ex.evidence] == ["assumption", "statistics"]
    assert ex.labels == [] and ex.link == []  # nothing trains the main scheme's heads


def test_segment_examples_unknown_evidence_is_minus_one(tokenizer):
    doc = Document(TEXT, [ArgumentUnit("U1", 0, 19, "Claim")])
    (ex,) = segment_examples(doc, tokenizer, "ukp", noise_filter=False)
    assert ex.evidence == [-1] and ex.spans == [(0, 4)]


def test_main_examples_unchanged_by_source_field(tokenizer):
    doc = Document(TEXT, [ArgumentUnit("U1", 0, 19, "Claim", extra={"stance": "For"})])
    (ex,) = document_examples(doc, tokenizer, noise_filter=False)
    assert ex.source == "main" and ex.stance == [0] and ex.evidence == []


def _fake(source, n_pieces):
    class P:
        windows = [type("W", (), {"input_ids": [0] * n_pieces})()]
        words = []
    return Example(P(), [], source=source)


def test_aux_sample_keeps_each_corpus_within_its_budget():
    exs = [_fake("main", 100) for _ in range(10)] + [_fake("webis", 50) for _ in range(40)] + [_fake("ukp", 10) for _ in range(5)]
    picked = aux_sample(exs, 1000, {"webis": 0.5, "ukp": 0.02}, random.Random(1))
    web = [i for i in picked if exs[i].source == "webis"]
    ukp = [i for i in picked if exs[i].source == "ukp"]
    assert len(web) == 10  # 500 wordpieces of 50 each
    assert len(ukp) == 2   # 20 wordpieces of 10 each
    assert all(exs[i].source != "main" for i in picked) and len(set(picked)) == len(picked)
    assert picked == aux_sample(exs, 1000, {"webis": 0.5, "ukp": 0.02}, random.Random(1))  # seeded
    assert aux_sample(exs, 1000, {}, random.Random(1)) == []


def test_batches_hold_one_source_and_cover_the_pool_once():
    exs = [_fake("main", 10 + i) for i in range(13)] + [_fake("webis", 5 + i) for i in range(7)]
    pool = list(range(13)) + [13, 15, 17]
    batches = _batches(exs, 4, random.Random(0), pool)
    assert sorted(i for b in batches for i in b) == sorted(pool)
    assert all(len({exs[i].source for i in b}) == 1 for b in batches)


def test_batches_without_aux_are_as_before():
    """An essay-only config draws the same batches as before multi-corpus training existed (reproducibility)."""
    exs = [_fake("main", 10 + i) for i in range(20)]
    rng_a, rng_b = random.Random(5), random.Random(5)
    idx = sorted(range(20), key=lambda i: exs[i].n_pieces + rng_b.random() * 20)
    expected = [idx[i:i + 4] for i in range(0, 20, 4)]
    rng_b.shuffle(expected)
    assert _batches(exs, 4, rng_a) == expected


@pytest.mark.parametrize("spec, msg", [
    ({"corpus": "nope"}, "aux_corpora corpus must be one of"),
    ({"corpus": "aaec"}, "other than the main corpus"),
    ({"corpus": "webis", "fraction": 0}, "fraction must be a number"),
    ({"corpus": "webis", "fraction": True}, "fraction must be a number"),
    ("webis", "must be tables"),
])
def test_aux_specs_reject_bad_entries(spec, msg):
    with pytest.raises(ValueError, match=msg):
        aux_specs(load_config(None, aux_corpora=[spec]))


def test_aux_specs_accept_folder_names():
    (spec,) = aux_specs(load_config(None, aux_corpora=[{"corpus": "webis-editorials-16", "split": "train"}]))
    assert spec == AuxCorpus(corpus="webis", split="train", fraction=0.5, dev_split="")


@pytest.fixture(scope="module")
def multi_dir(tmp_path_factory, tokenizer):
    from conftest import build_tiny_model

    return build_tiny_model(tmp_path_factory.mktemp("multi") / "m", tokenizer=tokenizer, multi_corpus=True)


def test_multi_corpus_model_gives_evidence_types(multi_dir):
    miner = argmine.load(multi_dir, device="cpu")
    assert miner.config.aux_segmenters == ("webis",)
    assert miner.config.evidence_types == EVIDENCE_TYPES
    doc = miner.mine("Cities should build more bike lanes. Cycling saves lives, and a study found 30% fewer deaths. "
                     "My neighbour rides to work every day.")
    doc.validate()
    assert doc.units
    for u in doc.units:
        assert u.extra["evidence_type"] in EVIDENCE_TYPES
        assert 0 < u.extra["evidence_score"] <= 1
    again = Document.from_dict(doc.to_dict())
    assert [u.extra["evidence_type"] for u in again.units] == [u.extra["evidence_type"] for u in doc.units]


def test_essay_only_model_has_no_evidence_field(tiny_miner):
    doc = tiny_miner.mine("Cities should build more bike lanes. Cycling saves lives.")
    assert doc.units and all("evidence_type" not in u.extra for u in doc.units)


def test_aux_batch_loss_trains_aux_and_evidence_heads(multi_dir, tokenizer):
    from argmine.model.directory import load_dir

    net, _, cfg = load_dir(multi_dir)
    net.train()
    batch = segment_examples(_webis_doc(), tokenizer, "webis", noise_filter=False)
    total, parts = compute_loss(net, batch, "cpu", load_config().loss_weights)
    assert set(parts) == {"aux", "evidence"} and total.requires_grad
    total.backward()
    assert net.evidence.weight.grad.abs().sum() > 0
    assert net.aux_taggers["webis"].weight.grad.abs().sum() > 0
    assert net.tagger.weight.grad is None  # the main tagger is not trained by another corpus' units


@pytest.mark.slow
def test_train_with_aux_corpora_logs_webis_dev(tmp_path, tokenizer, data_dir):
    import torch
    from transformers import BertConfig, BertModel

    from argmine.training.loop import train

    torch.manual_seed(0)
    base = tmp_path / "base"
    BertModel(BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=64)).save_pretrained(str(base))
    tokenizer.save_pretrained(str(base))
    aux = [{"corpus": "webis", "split": "train", "fraction": 1.0, "dev_split": "validation"},
           {"corpus": "microtexts", "split": "all", "fraction": 0.2}]
    cfg = load_config(None, base_encoder=str(base), epochs=1, max_docs=2, batch_size=4, lstm_hidden=16, unit_dim=32,
                      aux_corpora=aux)
    logs = []
    state = train(cfg, tmp_path / "run", data_dir, log=logs.append)
    rec = state["history"][0]
    assert 0 <= rec["webis_dev_seg_f1_50"] <= 1 and 0 <= rec["webis_dev_evidence_acc"] <= 1
    assert any(m.startswith("aux webis train: 2 docs") for m in logs)
    miner = argmine.load(tmp_path / "run" / "checkpoints" / "best")
    assert miner.config.training["aux_corpora"][0]["corpus"] == "webis"


@pytest.mark.slow
def test_add_evidence_keeps_units_and_relations(tmp_path, tiny_model_dir, data_dir):
    from argmine.cli import add_evidence

    out = tmp_path / "with-evidence"
    add_evidence(tiny_model_dir, out, data_dir)
    before, after = argmine.load(tiny_model_dir), argmine.load(out)
    text = "Cities should build more bike lanes. Cycling saves lives: one study counted 30% fewer deaths. I ride daily."
    a, b = before.mine(text), after.mine(text)
    assert [(u.start, u.end, u.label) for u in a.units] == [(u.start, u.end, u.label) for u in b.units]
    assert [(r.source, r.target, r.label) for r in a.relations] == [(r.source, r.target, r.label) for r in b.relations]
    assert all(u.extra["evidence_type"] in EVIDENCE_TYPES for u in b.units)
    assert after.config.training["evidence_head"]["frozen"] is True
    assert (out / "README.md").exists()
