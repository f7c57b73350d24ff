"""The document-level heads of many documents (or segments of one) at once, for inference.

``ArgmineNet``'s per-document methods (``network.document_units``, ``network.document_pair_logits``) run a few dozen
small operations per document; mining a batch of texts ran them once per text. Here the same heads run once per
batch: span states of every unit from one flat tensor of word states, the unit BiLSTM over the padded batch of
unit sequences (packed, so no unit sees padding), and the pair scorers over every document's link window at once.
The numbers are those of the per-document path up to float rounding (summation order); ``tests/test_doc_heads.py``
checks them against it. A model without document-level heads (argmine 0.1-0.2) is not handled here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import torch
from torch import nn

from ..errors import ArgumentValueError
from .network import ArgmineNet, doc_position_features

MAX_BATCH_PAIRS = 8192  # unit pairs scored in one pass (memory: about 6 kB per pair in fp32)


@dataclass
class SegmentInput:
    """One run of paragraphs whose units the heads see together (``argmine.miner.unit_segments``).

    ``ctxs[k]``: paragraph ``k``'s BiLSTM word states ``[W_k, C]`` (None when it has no unit); ``words[k]``: its
    encoder word vectors ``[W_k, H]`` (a model with a headline input; else None); ``spans``: ``(k, first word, end
    word)`` of each unit in text order; ``headline``: the headline's mean encoder vector ``[H]`` or None."""

    ctxs: Sequence[Optional[torch.Tensor]]
    words: Sequence[Optional[torch.Tensor]]
    spans: Sequence[Tuple[int, int, int]]
    headline: Optional[torch.Tensor] = None


@dataclass
class SegmentHeads:
    """The heads' logits over one segment's ``n`` units: unit type ``[n, len(UNIT_LABELS)]``, stance ``[n,
    len(STANCES)]``, links ``[n, n + 1]`` (column ``n``: no target; pairs outside the link window -inf), the scored
    pairs ``source``/``target`` ``[m]`` with their relation logits ``[m, len(REL_LABELS)]``, and evidence-type
    logits ``[n, len(EVIDENCE_TYPES)]`` (None without an evidence head)."""

    types: torch.Tensor
    stance: torch.Tensor
    links: torch.Tensor
    source: torch.Tensor
    target: torch.Tensor
    relations: torch.Tensor
    evidence: Optional[torch.Tensor]


def _flat_rows(segs: Sequence[SegmentInput], attr: str) -> Tuple[torch.Tensor, List[List[int]]]:
    """The rows of every paragraph's ``attr`` tensor stacked, and the first row of each (segment, paragraph)."""
    parts, offsets, at = [], [], 0
    for seg in segs:
        offs = []
        for t in getattr(seg, attr):
            offs.append(at)
            if t is not None:
                parts.append(t)
                at += t.shape[0]
        offsets.append(offs)
    return torch.cat(parts), offsets


def _span_rows(segs: Sequence[SegmentInput], offsets: List[List[int]]) -> Tuple[torch.Tensor, torch.Tensor]:
    """``(starts, ends)`` ``[N]``: each unit's first and end row in the flat rows."""
    rows = [(offsets[i][k] + s, offsets[i][k] + e) for i, seg in enumerate(segs) for k, s, e in seg.spans]
    t = torch.tensor(rows, dtype=torch.long).reshape(-1, 2)
    return t[:, 0], t[:, 1]


def span_means(flat: torch.Tensor, starts: torch.Tensor, ends: torch.Tensor) -> torch.Tensor:
    """``[N, C]``: the mean of rows ``starts[i]:ends[i]`` of ``flat`` ``[R, C]`` for each span (spans may not be
    empty).

    Returns:
        A float tensor ``[N, C]``."""
    lengths = ends - starts
    unit = torch.repeat_interleave(torch.arange(len(starts)), lengths)
    first = torch.repeat_interleave(starts - torch.cumsum(lengths, 0) + lengths, lengths)
    rows = first + torch.arange(int(lengths.sum()))
    sums = flat.new_zeros((len(starts), flat.shape[1])).index_add_(0, unit.to(flat.device), flat[rows.to(flat.device)])
    return sums / lengths.to(flat.device, flat.dtype)[:, None]


def _in_paragraph_position(segs: Sequence[SegmentInput]) -> torch.Tensor:
    """``[N, 3]``: first in its paragraph, last in it, relative place in it (``ArgmineNet.unit_vectors``)."""
    rows = []
    for seg in segs:
        counts: dict = {}
        for k, _, _ in seg.spans:
            counts[k] = counts.get(k, 0) + 1
        seen: dict = {}
        for k, _, _ in seg.spans:
            i, n = seen.get(k, 0), counts[k]
            seen[k] = i + 1
            rows.append([float(i == 0), float(i == n - 1), i / max(n - 1, 1)])
    return torch.tensor(rows, dtype=torch.float32).reshape(-1, 3)


def _headline_features(segs: Sequence[SegmentInput], seg_of: torch.Tensor) -> torch.Tensor:
    """``[N, HEADLINE_FEATURES]``: ``network.headline_features`` of every unit, segment by segment."""
    flat, offsets = _flat_rows(segs, "words")
    starts, ends = _span_rows(segs, offsets)
    means = span_means(flat.float(), starts, ends)
    heads = [seg.headline for seg in segs]
    has = torch.tensor([h is not None for h in heads])
    dim = means.shape[1]
    vecs = torch.stack([h.float() if h is not None else means.new_zeros(dim) for h in heads])
    sim = nn.functional.cosine_similarity(means, vecs[seg_of], dim=-1)
    top = sim.new_full((len(segs),), float("-inf")).scatter_reduce(0, seg_of, sim, "amax")
    on = has[seg_of].to(sim.dtype)
    return torch.stack([on, sim * on, (sim - top[seg_of]) * on], dim=-1)


def _unit_lstm(net: ArgmineNet, u: torch.Tensor, sizes: List[int]) -> torch.Tensor:
    """The unit BiLSTM over each segment's units ``u`` ``[N, D]`` (segment ``i`` has ``sizes[i]``), packed so each
    segment is read alone.

    Returns:
        A float tensor ``[N, D]``."""
    seqs = list(torch.split(u, sizes))
    padded = nn.utils.rnn.pad_sequence(seqs, batch_first=True)
    packed = nn.utils.rnn.pack_padded_sequence(padded, torch.tensor(sizes), batch_first=True, enforce_sorted=False)
    out, _ = net.unit_lstm(packed)
    out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=padded.shape[1])
    return torch.cat([out[i, :n] for i, n in enumerate(sizes)])


def _pairs(net: ArgmineNet, sizes: List[int], device) -> Tuple[torch.Tensor, torch.Tensor, List[int]]:
    """Every segment's ``band_pairs`` in flat unit numbers, and how many belong to each segment."""
    src, tgt, counts, at = [], [], [], 0
    for n in sizes:
        s, t = net.band_pairs(n, device)
        src.append(s + at)
        tgt.append(t + at)
        counts.append(len(s))
        at += n
    return torch.cat(src), torch.cat(tgt), counts


def segment_heads(net: ArgmineNet, segs: Sequence[SegmentInput]) -> List[SegmentHeads]:
    """Run the document-level heads of ``net`` over ``segs`` (each with at least one unit) in one batch.

    Returns:
        One ``SegmentHeads`` per segment, in order.

    Raises:
        ArgumentValueError: ``net`` has no document-level heads, or a segment has no unit (a ``ValueError``, E107)."""
    if not net.document_level:
        raise ArgumentValueError("net must be a document-level model; got one without document-level heads. Use "
                                 "network.document_pair_logits for it")
    sizes = [len(seg.spans) for seg in segs]
    if not segs or min(sizes) == 0:
        raise ArgumentValueError(f"every segment must have a unit; got unit counts {sizes}. Leave segments without "
                                 "units out")
    flat, offsets = _flat_rows(segs, "ctxs")
    starts, ends = _span_rows(segs, offsets)
    states = torch.cat([span_means(flat, starts, ends), flat[starts], flat[ends - 1]], dim=-1)
    pos = _in_paragraph_position(segs).to(flat.device, flat.dtype)
    u_par = net.unit_proj(torch.cat([states, pos], dim=-1))
    seg_of = torch.repeat_interleave(torch.arange(len(segs)), torch.tensor(sizes))
    para = torch.tensor([k for seg in segs for k, _, _ in seg.spans], dtype=torch.long, device=flat.device)
    doc_pos = torch.cat([doc_position_features([k for k, _, _ in seg.spans], len(seg.ctxs)) for seg in segs])
    u = u_par + net.doc_pos(doc_pos.to(flat.device, u_par.dtype))
    if net.headline:
        u = u + net.headline_proj(_headline_features(segs, seg_of).to(flat.device, u.dtype))
    u = u + net.unit_out(_unit_lstm(net, u, sizes).to(u.dtype))
    src, tgt, counts = _pairs(net, sizes, flat.device)
    link, rel = _pair_logits(net, u, src, tgt, para)
    evidence = None
    if net.evidence is not None:
        evidence = net.evidence(u_par if net.evidence_input == "unit" else torch.cat([u_par, states], dim=-1))
    return _split(net, u, sizes, counts, src, tgt, link, rel, evidence)


def _pair_logits(net: ArgmineNet, u, src, tgt, para) -> Tuple[torch.Tensor, torch.Tensor]:
    """Link logits ``[m]`` and relation logits ``[m, R]`` of the pairs, ``MAX_BATCH_PAIRS`` at a time."""
    links, rels = [], []
    for a in range(0, len(src), MAX_BATCH_PAIRS):
        pair = net._pair(u, src[a:a + MAX_BATCH_PAIRS], tgt[a:a + MAX_BATCH_PAIRS], para)
        links.append(net.link(pair).squeeze(-1))
        rels.append(net.rel(pair))
    if not links:
        return u.new_zeros((0,)), u.new_zeros((0, net.rel[-1].out_features))
    return torch.cat(links), torch.cat(rels)


def _split(net: ArgmineNet, u, sizes, counts, src, tgt, link, rel, evidence) -> List[SegmentHeads]:
    """Cut the batch's logits back into one ``SegmentHeads`` per segment."""
    types, stance, null = net.typer(u), net.stance(u), net.null(u)
    out, at, pat = [], 0, 0
    for n, m in zip(sizes, counts):
        s, t = src[pat:pat + m] - at, tgt[pat:pat + m] - at
        grid = u.new_full((n, n), float("-inf"))
        grid[s, t] = link[pat:pat + m].to(grid.dtype)
        out.append(SegmentHeads(types=types[at:at + n], stance=stance[at:at + n],
                                links=torch.cat([grid, null[at:at + n].to(grid.dtype)], dim=1), source=s, target=t,
                                relations=rel[pat:pat + m], evidence=None if evidence is None else evidence[at:at + n]))
        at += n
        pat += m
    return out
