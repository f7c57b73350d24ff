"""The batched shortcuts of mining give what the one-by-one functions give."""
import numpy as np
import pytest
import torch

from argmine.decoding import viterbi_bio
from argmine.model.candidates import viterbi_bio_batch


def test_batched_viterbi_gives_the_paths_of_viterbi_bio_one_by_one():
    rng = np.random.default_rng(0)
    for _ in range(200):
        lengths = [int(n) for n in rng.integers(0, 25, size=rng.integers(1, 7))]
        em = rng.normal(size=(len(lengths), max(max(lengths), 1), 7)) * 3
        trans = None if rng.random() < 0.3 else (rng.normal(size=(7, 7)).astype(np.float32),
                                                 rng.normal(size=7).astype(np.float32), rng.normal(size=7).astype(np.float32))
        assert viterbi_bio_batch(em, lengths, transitions=trans) == [viterbi_bio(em[k, :n], transitions=trans)
                                                                       for k, n in enumerate(lengths)]


@pytest.mark.parametrize("document_level", [True, False])
def test_pair_logits_equal_link_and_relation_logits(document_level):
    from transformers import BertConfig, BertModel

    from argmine.model.network import ArgmineNet, document_link_logits, document_pair_logits

    torch.manual_seed(0)
    enc = BertModel(BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                               intermediate_size=32, max_position_embeddings=64))
    net = ArgmineNet(enc, hidden=8, unit_dim=16, document_level=document_level).eval()
    with torch.no_grad():
        for p in net.parameters():
            p.normal_()
        for n in (0, 1, 2, 40):
            u = torch.randn(n, 16)
            para = torch.arange(n) // 5
            links, src, tgt, rel = document_pair_logits(net, u, para)
            assert torch.equal(links, document_link_logits(net, u, para))
            assert torch.equal(rel, net.relation_logits(u, list(zip(src.tolist(), tgt.tolist())), para))


def _random_segment(rng, H, C, headline: bool):
    from argmine.model.doc_heads import SegmentInput

    n_par = int(rng.integers(1, 5))
    ctxs, words, spans = [], [], []
    for k in range(n_par):
        w = int(rng.integers(3, 20))
        cuts = sorted(set(int(x) for x in rng.integers(0, w + 1, size=int(rng.integers(0, 5)))))
        own = [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]
        ctxs.append(torch.randn(w, C) if own else None)
        words.append(torch.randn(w, H) if own else None)
        spans += [(k, a, b) for a, b in own]
    return SegmentInput(ctxs=ctxs, words=words, spans=spans, headline=torch.randn(H) if headline else None)


def _one_by_one(net, seg):
    from argmine.model.network import document_headline_features, document_pair_logits, document_units

    head = document_headline_features(net, seg.words, seg.spans, seg.headline)
    u, para, u_par = document_units(net, seg.ctxs, seg.spans, len(seg.ctxs), head)
    links, src, tgt, rel = document_pair_logits(net, u, para)
    ev = [net.evidence_features(seg.ctxs[k], [(s, e) for q, s, e in seg.spans if q == k],
                                u_par[[i for i, sp in enumerate(seg.spans) if sp[0] == k]])
          for k in sorted({k for k, _, _ in seg.spans})]
    return net.typer(u), net.stance(u), links, src, tgt, rel, net.evidence(torch.cat(ev))


@pytest.mark.parametrize("evidence_input, pairs_per_pass", [("unit", 8192), ("span", 8192), ("span", 7)])
def test_batched_document_heads_give_the_per_document_heads(evidence_input, pairs_per_pass, monkeypatch):
    from transformers import BertConfig, BertModel

    from argmine.model import doc_heads
    from argmine.model.doc_heads import segment_heads
    from argmine.model.network import ArgmineNet

    monkeypatch.setattr(doc_heads, "MAX_BATCH_PAIRS", pairs_per_pass)  # 7: the pairs are scored a few at a time

    torch.manual_seed(0)
    rng = np.random.default_rng(1)
    enc = BertModel(BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                               intermediate_size=32, max_position_embeddings=64))
    net = ArgmineNet(enc, hidden=8, unit_dim=16, document_level=True, headline=True, evidence=True,
                     evidence_input=evidence_input).eval()
    with torch.no_grad():
        for p in net.parameters():
            p.normal_(std=0.3)
        segs = [s for s in (_random_segment(rng, 16, 16, bool(i % 2)) for i in range(30)) if s.spans]
        batched = segment_heads(net, segs)
        for seg, got in zip(segs, batched):
            types, stance, links, src, tgt, rel, ev = _one_by_one(net, seg)
            assert torch.equal(got.source, src) and torch.equal(got.target, tgt)
            for a, b in ((got.types, types), (got.stance, stance), (got.links, links), (got.relations, rel),
                         (got.evidence, ev)):
                assert a.shape == b.shape
                assert torch.allclose(a, b, atol=1e-5, rtol=1e-5, equal_nan=True)


def test_batched_document_heads_reject_what_they_cannot_score():
    from transformers import BertConfig, BertModel

    from argmine.model.doc_heads import SegmentInput, segment_heads
    from argmine.model.network import ArgmineNet

    enc = BertModel(BertConfig(vocab_size=50, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                               intermediate_size=32, max_position_embeddings=64))
    with pytest.raises(ValueError, match="document-level model"):
        segment_heads(ArgmineNet(enc, hidden=8, unit_dim=16).eval(), [])
    with pytest.raises(ValueError, match="every segment must have a unit"):
        segment_heads(ArgmineNet(enc, hidden=8, unit_dim=16, document_level=True).eval(),
                      [SegmentInput(ctxs=[None], words=[None], spans=[])])


def test_span_means_match_slice_means():
    from argmine.model.doc_heads import span_means

    flat = torch.randn(30, 4)
    spans = [(0, 3), (3, 4), (10, 30), (5, 9)]
    got = span_means(flat, torch.tensor([s for s, _ in spans]), torch.tensor([e for _, e in spans]))
    assert torch.allclose(got, torch.stack([flat[s:e].mean(0) for s, e in spans]), atol=1e-6)


def test_mining_a_block_scores_every_text_as_mining_it_alone(tiny_doc_model_dir):
    """The block's heads run together (doc_heads); each text's scores are those of mining it on its own."""
    import argmine

    miner = argmine.load(tiny_doc_model_dir, device="cpu")
    texts = ["Cities should ban cars from their centres. Traffic kills thousands every year, and the air is dirty.",
             "We should raise taxes on sugary drinks.\n\nObesity costs the health system billions. Moreover, a tax in "
             "Mexico cut consumption by 12 percent.\n\nCritics say such taxes hurt the poor.",
             "", "Short line.", "Schools should start later. Teenagers sleep late by nature, and tired pupils learn less."]
    with torch.inference_mode():
        together = miner.score_texts(texts)
        alone = [miner.score_texts([t])[0] for t in texts]
    for (_, segs_a), (_, segs_b) in zip(together, alone):
        assert len(segs_a) == len(segs_b)
        for (sa, spa, eva), (sb, spb, evb) in zip(segs_a, segs_b):
            assert spa == spb
            for f in ("label_probs", "stance", "links", "relations", "type_probs"):
                assert np.allclose(getattr(sa, f), getattr(sb, f), atol=1e-5)
