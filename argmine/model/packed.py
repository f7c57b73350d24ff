"""A padding-free inference forward of a Hugging Face BERT encoder (MiniLM, BERT): the same modules and weights,
the same arithmetic per token, but every dense layer (attention projections, feed-forward, layer norms) runs on the
real wordpieces only, packed into one ``[tokens, H]`` matrix; only the attention itself sees the windows padded to
the longest one. A batch of windows of different lengths then costs its wordpieces, not ``windows x longest``.

Used by ``argmine.model.network.paragraph_word_vectors`` at inference (no gradient, encoder in eval mode) when
``packable`` says the encoder is a plain BERT encoder; anything else (training, ONNX Runtime, other architectures)
runs the encoder's own forward.
"""
from __future__ import annotations

from typing import Sequence

import torch
from torch.nn import functional as F


def packable(encoder) -> bool:
    """Whether ``encoder`` can run :func:`packed_forward` now: a Hugging Face ``BertModel`` with absolute positions,
    no decoder or cross-attention, no chunked feed-forward, in eval mode and with gradients off."""
    cfg = getattr(encoder, "config", None)
    if cfg is None or type(encoder).__name__ != "BertModel" or encoder.training or torch.is_grad_enabled():
        return False
    return (getattr(cfg, "position_embedding_type", "absolute") == "absolute" and not getattr(cfg, "is_decoder", False)
            and not getattr(cfg, "add_cross_attention", False) and not getattr(cfg, "chunk_size_feed_forward", 0)
            and all(hasattr(encoder, a) for a in ("embeddings", "encoder")))


def _attention(sa, h: torch.Tensor, slot: torch.Tensor, B: int, T: int, mask) -> torch.Tensor:
    """Self-attention of one BERT layer (``sa``: its ``BertSelfAttention``) over packed states ``h`` ``[N, H]``:
    the projections on the packed rows, scaled dot-product attention on the ``[B, heads, T, d]`` padded view
    (``slot``: each packed row's place in ``B * T``), the output packed again."""
    nh, d = sa.num_attention_heads, sa.attention_head_size
    w = torch.cat([sa.query.weight, sa.key.weight, sa.value.weight])  # one matrix product for the three projections
    b = torch.cat([sa.query.bias, sa.key.bias, sa.value.bias])
    qkv = F.linear(h, w, b)
    full = qkv.new_zeros((B * T, 3 * nh * d)).index_copy_(0, slot, qkv)
    q, k, v = full.view(B, T, 3, nh, d).permute(2, 0, 3, 1, 4)
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, scale=sa.scaling)
    return out.transpose(1, 2).reshape(B * T, nh * d)[slot]


def packed_forward(encoder, input_ids: Sequence[Sequence[int]], token_type_ids: Sequence[Sequence[int]]) -> torch.Tensor:
    """``[sum of lengths, H]``: the last hidden state of every wordpiece of each sequence of ``input_ids`` (no
    padding, sequences one after another), as ``encoder(input_ids=..., attention_mask=..., token_type_ids=...)``
    gives them on a padded batch (equal up to float rounding). ``encoder`` must be :func:`packable`."""
    emb = encoder.embeddings
    device = emb.word_embeddings.weight.device
    lens = [len(s) for s in input_ids]
    B, T = len(lens), max(lens)
    ids = torch.tensor([i for s in input_ids for i in s], dtype=torch.long, device=device)
    tt = torch.tensor([i for s in token_type_ids for i in s], dtype=torch.long, device=device)
    pos = torch.tensor([t for n in lens for t in range(n)], dtype=torch.long, device=device)
    slot = torch.tensor([b * T + t for b, n in enumerate(lens) for t in range(n)], dtype=torch.long, device=device)
    h = emb.word_embeddings(ids) + emb.token_type_embeddings(tt)
    h = emb.dropout(emb.LayerNorm(h + emb.position_embeddings(pos)))
    mask = None
    if min(lens) < T:  # padded keys are never attended to
        mask = (torch.arange(T, device=device)[None, :] < torch.tensor(lens, device=device)[:, None])[:, None, None, :]
    for layer in encoder.encoder.layer:
        att = layer.attention
        x = att.output(_attention(att.self, h, slot, B, T, mask), h)
        h = layer.output(layer.intermediate(x), x)
    return h
