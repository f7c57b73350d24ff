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
