"""Document-level structure (argmine 0.3): decoding without the essay layout, the network's document heads,
document training examples and the argmine-oped reader."""
from __future__ import annotations

import numpy as np
import pytest

from argmine.data import ArgumentUnit, Document, Relation
from argmine.decoding import DecodeOptions, DocumentScores, decode_document, document_claim_prior


def _scores(label_probs, paragraph, roles, links=None):
    n = len(paragraph)
    lp = np.asarray(label_probs, dtype=float)
    if links is None:
        links = np.zeros((n, n + 1))
        links[:, n] = 1.0
    rel = np.zeros((n, n, 2))
    rel[..., 0] = 0.8
    rel[..., 1] = 0.2
    return DocumentScores(paragraph=list(paragraph), roles=list(roles), label_probs=lp, confidence=np.ones(n),
                          stance=np.tile([0.9, 0.1], (n, 1)), links=np.asarray(links, float), relations=rel)


def test_a_major_claim_may_stand_in_a_middle_paragraph():
    # the thesis is restated in the body: essay rules forbid it there, layout-free decoding keeps it
    s = _scores([[0.1, 0.3, 0.6], [0.8, 0.1, 0.1], [0.1, 0.2, 0.7]], [0, 1, 2], ["introduction", "body", "conclusion"])
    free = decode_document(s, DecodeOptions())
    essay = decode_document(s, DecodeOptions(mc_roles=("introduction", "conclusion")))
    assert free.labels[1] == "MajorClaim"
    assert essay.labels[1] != "MajorClaim" and "MajorClaim" in essay.labels


def test_every_text_with_units_gets_one_major_claim_and_claims_a_stance():
    s = _scores([[0.2, 0.5, 0.3], [0.1, 0.2, 0.7]], [0, 0], ["text", "text"])
    dec = decode_document(s)
    assert dec.labels.count("MajorClaim") == 1
    assert all((st is not None) == (lab == "Claim") for st, lab in zip(dec.stance, dec.labels))


def test_links_cross_paragraphs_only_when_allowed():
    lp = [[0.9, 0.05, 0.05], [0.05, 0.9, 0.05], [0.05, 0.05, 0.9]]
    links = np.array([[0, 0, 0, 1.0], [0, 0, 0, 1.0], [0.05, 0.9, 0, 0.05]])
    s = _scores(lp, [0, 1, 2], ["introduction", "body", "conclusion"], links)
    assert decode_document(s, DecodeOptions()).targets == [None, None, 1]
    assert decode_document(s, DecodeOptions(cross_paragraph=False)).targets == [None, None, None]


def test_premises_target_major_claims_only_with_premise_to_major():
    lp = [[0.9, 0.05, 0.05], [0.05, 0.05, 0.9]]
    links = np.array([[0, 0, 1.0], [0.9, 0, 0.1]])
    s = _scores(lp, [0, 0], ["text", "text"], links)
    assert decode_document(s, DecodeOptions(premise_to_major=True)).targets == [None, 0]
    assert decode_document(s, DecodeOptions(premise_to_major=False)).targets == [None, None]


def test_links_form_a_forest():
    n = 4
    lp = [[0.05, 0.05, 0.9]] * n
    links = np.full((n, n + 1), 0.01)
    for i in range(n):
        links[i, (i + 1) % n] = 0.9  # a cycle if every premise took its best target
    dec = decode_document(_scores(lp, [0, 0, 1, 1], ["introduction"] * 2 + ["conclusion"] * 2, links))
    # follow every chain: it must end
    for k in range(n):
        seen, node = set(), k
        while node is not None:
            assert node not in seen
            seen.add(node)
            node = dec.targets[node]


def test_claims_by_structure_are_supported_premises_that_point_to_a_major_claim():
    from argmine.decoding import claims_by_structure

    labels = ["MajorClaim", "Premise", "Premise", "Premise", "Premise"]
    # 1 -> 0 (MC) and is supported by 2: a claim; 3 -> 0 without support: stays; 4 -> 2 (a premise): stays
    assert claims_by_structure(labels, [None, 0, 1, 0, 2]) == [1]
    assert claims_by_structure(labels, [None, 0, None, 0, None]) == []
    assert claims_by_structure(["Claim", "Premise"], [None, 0]) == []


def _short_argument_scores(n_paragraphs):
    # MC, then a premise that supports it and is supported by the last unit
    lp = [[0.9, 0.05, 0.05], [0.05, 0.3, 0.65], [0.05, 0.05, 0.9]]
    links = np.array([[0, 0, 0, 1.0], [0.9, 0, 0, 0.1], [0, 0.9, 0, 0.1]])
    s = _scores(lp, [0, 0, 0], ["text"] * 3, links)
    s.n_paragraphs = n_paragraphs
    return s


def test_short_texts_relabel_claims_by_structure_only_when_asked():
    on = DecodeOptions(claims_by_structure_max_paragraphs=2)
    dec = decode_document(_short_argument_scores(1), on)
    assert dec.labels == ["MajorClaim", "Claim", "Premise"]
    assert dec.targets == [None, None, 1] and dec.relation[1] is None and dec.stance[1] == "For"
    assert decode_document(_short_argument_scores(1), DecodeOptions()).labels == ["MajorClaim", "Premise", "Premise"]
    assert decode_document(_short_argument_scores(3), on).labels == ["MajorClaim", "Premise", "Premise"]  # longer text


def test_a_text_of_two_paragraphs_gets_one_major_claim_when_min_major_claims_paragraphs_says_so():
    lp = [[0.6, 0.1, 0.3], [0.3, 0.1, 0.6]]
    s = _scores(lp, [0, 1], ["introduction", "conclusion"])
    s.n_paragraphs = 2
    two = DecodeOptions(min_major_claims=2)
    assert decode_document(s, two).labels == ["MajorClaim", "MajorClaim"]
    assert decode_document(s, DecodeOptions(min_major_claims=2, min_major_claims_paragraphs=3)).labels == ["MajorClaim", "Premise"]
    assert DecodeOptions(min_major_claims=2, min_major_claims_paragraphs=3).major_claims_for(3) == 2
    assert DecodeOptions(min_major_claims=2, min_major_claims_paragraphs=3).major_claims_for(0) == 2  # not known


def test_document_claim_prior_stays_in_the_paragraph():
    prior = document_claim_prior(["Premise", "Claim", "Premise"], [0, 0, 1])
    assert prior[0, 1] == 1.0 and prior[2, 3] == 1.0  # no claim in paragraph 1: no target


def test_decode_options_from_old_and_new_configs():
    old = DecodeOptions.from_config({"link_prior_weight": 0.3, "extra_claim_min": 0.7})
    assert old.mc_roles == ("introduction", "conclusion") and not old.cross_paragraph and not old.premise_to_major
    assert old.link_prior_weight == 0.3 and old.extra_claim_min == 0.7
    new = DecodeOptions.from_config({"decoding": {"link_prior_weight": 0.2}})
    assert new.mc_roles is None and new.cross_paragraph and new.link_prior_weight == 0.2
    with pytest.raises(ValueError, match="decoding options must be among"):
        DecodeOptions.from_config({"decoding": {"link_prior_wieght": 0.2}})


def test_document_level_network_starts_as_the_paragraph_model(tokenizer):
    """New document heads start at zero: a paragraph model's weights give the same unit vectors and in-paragraph
    link scores when loaded into the document-level network."""
    import torch
    from transformers import BertConfig, BertModel

    from argmine.model.network import ArgmineNet, document_link_logits, document_units

    torch.manual_seed(0)
    enc = BertModel(BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                               intermediate_size=32))
    para_net = ArgmineNet(enc, hidden=16, unit_dim=24).eval()
    doc_net = ArgmineNet(enc, hidden=16, unit_dim=24, document_level=True).eval()
    doc_net.load_state_dict(para_net.state_dict(), strict=False)
    ctxs = [torch.randn(10, 32), torch.randn(8, 32)]
    spans = [(0, 0, 3), (0, 4, 9), (1, 1, 5)]
    with torch.no_grad():
        u1, para, _ = document_units(para_net, ctxs, spans, 2)
        u2, _, _ = document_units(doc_net, ctxs, spans, 2)
        assert torch.allclose(u1, u2)
        l1, l2 = document_link_logits(para_net, u1, para), document_link_logits(doc_net, u2, para)
    assert torch.isinf(l1[0, 2]) and torch.isfinite(l2[0, 2])  # only the document-level model links across
    assert torch.allclose(l1[0, 1], l2[0, 1]) and torch.allclose(l1[:, -1], l2[:, -1])


def test_document_level_tiny_model_keeps_the_contract(tiny_doc_model_dir):
    import argmine

    miner = argmine.load(tiny_doc_model_dir, device="cpu")
    text = ("Cities should ban cars from their centres.\n\nTraffic kills thousands every year, and the air is dirty. "
            "Children breathe it on the way to school.\n\nSo the ban is overdue, whatever drivers say about it.")
    doc = miner.mine(text)
    doc.validate()
    ids = {u.id for u in doc.units}
    assert all(r.source in ids and r.target in ids for r in doc.relations)
    assert Document.from_dict(doc.to_dict()) == doc
    if doc.units:
        assert any(u.label == "MajorClaim" for u in doc.units)


def test_doc_example_links_across_paragraphs(tokenizer):
    from argmine.training.examples import NEUTRAL_ROLE, doc_example

    text = "We must act on climate now.\n\nFloods doubled in ten years across the region."
    units = [ArgumentUnit("T1", 0, 27, "MajorClaim"), ArgumentUnit("T2", 29, len(text) - 1, "Premise"),
             ]
    doc = Document(text, units, [Relation("T2", "T1", "supports")])
    ex = doc_example(doc, tokenizer)
    assert [p for p, _, _ in ex.spans] == [0, 1]
    assert ex.link == [-1, 0] and ex.rel == [-1, 0]
    assert all(p.role == NEUTRAL_ROLE for p in ex.alt_paras)
    # a claim's stance comes from its relation to a major claim when extra has none (arg-microtexts)
    doc2 = Document(text, [units[0], ArgumentUnit("T2", 29, len(text) - 1, "Claim")], [Relation("T2", "T1", "attacks")])
    assert doc_example(doc2, tokenizer).stance == [-1, 1]


def test_oped_reader(data_dir):
    from argmine.corpora import get_reader, get_splits

    assert get_splits("oped") == ("train", "dev", "train_extra")
    train, dev = get_reader("oped")(data_dir, "train"), get_reader("argmine-oped")(data_dir, "dev")
    assert (len(train), len(dev)) == (32, 24)
    assert sum(len(d.units) for d in dev) == 933
    for d in dev:
        d.validate()
        assert any(u.label == "MajorClaim" for u in d.units)
    with pytest.raises(ValueError, match="split must be one of"):
        get_reader("oped")(data_dir, "test")


def test_a_partial_loss_weights_table_keeps_the_other_defaults(tmp_path):
    import dataclasses

    from argmine.config import LossWeights
    from argmine.training.loop import load_config

    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text("loss_weights = { link = 2.0 }\n")
    cfg = load_config(cfg_file)
    assert cfg.loss_weights == dataclasses.replace(LossWeights(), link=2.0)
    cfg_file.write_text("loss_weights = { lnk = 2.0 }\n")
    with pytest.raises(ValueError, match="loss_weights keys must be among"):
        load_config(cfg_file)
    cfg_file.write_text("decoding = { claim_bost = 2.0 }\n")
    with pytest.raises(ValueError, match="decoding options must be among"):
        load_config(cfg_file)


def test_the_shipped_configs_load():
    from pathlib import Path

    from argmine.training.loop import load_config

    root = Path(__file__).resolve().parent.parent / "configs"
    for f in sorted(root.glob("*.toml")):
        cfg = load_config(f)
        assert cfg.loss_weights.tags == 1.0, f


def test_essay_rules_follow_the_texts_shape():
    lp = [[0.1, 0.3, 0.6], [0.8, 0.1, 0.1], [0.1, 0.2, 0.7]]
    opts = DecodeOptions(essay_max_paragraphs=7)
    essay = _scores(lp, [0, 1, 2], ["introduction", "body", "conclusion"])
    essay.n_paragraphs = 5
    news = _scores(lp, [0, 1, 2], ["introduction", "body", "conclusion"])
    news.n_paragraphs = 16
    assert decode_document(essay, opts).labels[1] != "MajorClaim"  # an essay's thesis is not in a body paragraph
    assert decode_document(news, opts).labels[1] == "MajorClaim"
    assert opts.for_shape(1) is opts and opts.for_shape(2) is opts
    assert not opts.for_shape(4).cross_paragraph and not opts.for_shape(4).premise_to_major


def test_essay_rules_need_an_essays_style_when_essay_style_min_is_set():
    lp = [[0.1, 0.3, 0.6], [0.8, 0.1, 0.1], [0.1, 0.2, 0.7]]
    opts = DecodeOptions(essay_max_paragraphs=7, essay_style_min=0.5)
    scores = _scores(lp, [0, 1, 2], ["introduction", "body", "conclusion"])
    scores.n_paragraphs = 5
    scores.essay_style = 0.9  # reads as an essay: the essay rules
    assert decode_document(scores, opts).labels[1] != "MajorClaim"
    scores.essay_style = 0.2  # a short op-ed in news prose: decoded as news, its thesis may stand mid-text
    assert decode_document(scores, opts).labels[1] == "MajorClaim"
    scores.essay_style = None  # not rated: the shape alone decides, as before
    assert decode_document(scores, opts).labels[1] != "MajorClaim"
    assert (opts.layout(5, 0.5), opts.layout(5, 0.49), opts.layout(5), opts.layout(9, 0.99)) == ("essay", "other", "essay", "other")
    assert opts.needs_style(5) and not opts.needs_style(2) and not opts.needs_style(9)
    assert not DecodeOptions(essay_max_paragraphs=7).needs_style(5)  # essay_style_min 0: never rated
    assert DecodeOptions(essay_max_paragraphs=7).layout(5, 0.01) == "essay"



def test_unit_segments_bound_the_document_heads():
    from argmine.miner import unit_segments

    assert unit_segments([3, 4, 5]) == [[0, 1, 2]]  # an op-ed or an essay: one run
    assert unit_segments([600, 500, 10, 1200, 1], limit=1000) == [[0], [1, 2], [3], [4]]
    assert unit_segments([]) == [[]]


def test_oped_train_extra_labels_make_documents_by_the_guideline():
    from argmine.corpora.oped_labels import labelled_document

    text = "Taxes on sugar work. Mexico cut sales by 12 percent after its tax, and that is a lot. Critics disagree. The end."
    cuts = [(0, 19), (21, 51), (57, 84), (86, 102), (104, 112)]
    webis = Document(text, [ArgumentUnit(f"W{i}", s, e, "Premise", 1.0, {"evidence_type": "anecdote"})
                            for i, (s, e) in enumerate(cuts)], meta={"title": "Tax sugar", "portal": "guardian"})
    rec = {"id": "x", "thesis": "tax sugar", "units": [
        {"n": 1, "role": "MajorClaim"}, {"n": 2, "role": "Premise", "target": 1, "relation": "supports"},
        {"n": 3, "role": "join"}, {"n": 4, "role": "Claim", "stance": "Against"}, {"n": 5, "role": "none"}]}
    doc = labelled_document(rec, webis)
    doc.validate()
    assert [(u.start, u.end, u.label) for u in doc.units] == [(0, 19, "MajorClaim"), (21, 84, "Premise"), (86, 102, "Claim")]
    assert doc.units[1].extra["webis_types"] == ["anecdote", "anecdote"] and doc.units[2].extra["stance"] == "Against"
    assert {(r.source, r.target, r.label) for r in doc.relations} == {("T2", "T1", "supports"), ("T3", "T1", "attacks")}
    assert doc.meta["title"] == "Tax sugar"
    bad = dict(rec, units=[dict(u, target=5) if u["n"] == 2 else u for u in rec["units"]])
    with pytest.raises(ValueError, match="target"):
        labelled_document(bad, webis)


def test_oped_train_extra_holds_only_unseen_webis_training_editorials(data_dir):
    from argmine.corpora import get_reader
    from argmine.corpora.oped_labels import read_labels

    ids = [r["id"] for r in read_labels()]
    assert len(ids) == len(set(ids)) >= 100
    seen = {d.id for split in ("train", "dev") for d in get_reader("oped")(data_dir, split)}
    assert not seen & set(ids)
    docs = get_reader("oped")(data_dir, "train_extra")
    webis_train = {d.id for d in get_reader("webis")(data_dir, "training")}
    assert {d.id for d in docs} <= webis_train
    for d in docs:
        d.validate()
        assert any(u.label == "MajorClaim" for u in d.units) and d.meta["title"]


def test_headline_features_match_a_numpy_oracle():
    import torch

    from argmine.model.network import HEADLINE_FEATURES, headline_features

    g = torch.Generator().manual_seed(1)
    units, head = torch.randn(5, 8, generator=g), torch.randn(8, generator=g)
    f = headline_features(units, head).numpy()
    u, h = units.numpy(), head.numpy()
    cos = (u @ h) / (np.linalg.norm(u, axis=1) * np.linalg.norm(h))
    assert f.shape == (5, HEADLINE_FEATURES)
    assert np.allclose(f[:, 0], 1) and np.allclose(f[:, 1], cos, atol=1e-5) and np.allclose(f[:, 2], cos - cos.max(), atol=1e-5)
    assert not headline_features(units, None).any()  # no headline: zeros


def test_a_headline_reaches_the_model_and_the_document(tmp_path, tokenizer):
    import argmine
    from conftest import build_tiny_model

    miner = argmine.load(build_tiny_model(tmp_path / "m", tokenizer=tokenizer, document_level=True, headline=True), device="cpu")
    text = ("Cities should ban cars from their centres.\n\nTraffic kills thousands every year, and the air is dirty. "
            "Children breathe it on the way to school.\n\nSo the ban is overdue, whatever drivers say about it.")
    plain, titled = miner.mine(text), miner.mine(text, title="Ban cars from city centres")
    assert "title" not in plain.meta and titled.meta["title"] == "Ban cars from city centres"
    titled.validate()
    sp = miner.score_texts([text])[0][1][0][0]  # (paragraphs, segments)[1][first segment][DocumentScores]
    st = miner.score_texts([text], titles=["Ban cars from city centres"])[0][1][0][0]
    if len(sp.paragraph):
        assert not np.allclose(sp.type_probs, st.type_probs)  # the headline changes the unit vectors
    docs = list(miner.mine_batch([text, text], titles=[None, "Ban cars"]))
    assert "title" not in docs[0].meta and docs[1].meta["title"] == "Ban cars"
    with pytest.raises(TypeError, match="titles must be"):
        list(miner.mine_batch([text], titles="Ban cars"))
    with pytest.raises(TypeError, match="titles must be str"):
        list(miner.mine_batch([text], titles=[3]))
