"""ArgmineNet: encoder → word vectors → BiLSTM → BIO tagger, unit typer, stance and link scorers.

Words, not wordpieces, are the unit of everything above the encoder: a word vector is the mean of its
wordpieces, so spans can only start and end on word boundaries.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Dict, List, Optional, Sequence, Tuple

import torch
from torch import nn

from ..config import EVIDENCE_TYPES, REL_LABELS, SEG_TAGS, STANCES, TAGS, UNIT_LABELS  # noqa: F401  (label sets, re-exported)
from ..errors import ConfigError
from .rnn import bf16_autocast_on_cpu, bilstm_padded
MAX_DIST = 8
MAX_PARA_DIST = 4  # paragraph distance of a link pair, clipped (document-level models)
LINK_WINDOW = 16  # a unit links to units at most this many units away (in its paragraph, or in the document)
DOC_FEATURES = 5  # document position of a unit: see ``doc_position_features``
HEADLINE_FEATURES = 3  # a unit's likeness to the text's headline: see ``headline_features``


def evidence_head(evidence_input: str, unit_dim: int, ctx_dim: int) -> nn.Module:
    """The evidence-type head for ``evidence_input`` "unit" (linear on unit vectors) or "span" (an MLP on the unit
    vector and the span's BiLSTM states, ``3 * ctx_dim`` wide).

    Returns:
        An ``nn.Module`` from features to ``len(EVIDENCE_TYPES)`` logits."""
    if evidence_input == "unit":
        return nn.Linear(unit_dim, len(EVIDENCE_TYPES))
    return nn.Sequential(nn.Linear(unit_dim + 3 * ctx_dim, unit_dim), nn.GELU(), nn.Dropout(0.2),
                         nn.Linear(unit_dim, len(EVIDENCE_TYPES)))


def span_states(ctx: torch.Tensor, spans: Sequence[Tuple[int, int]]) -> torch.Tensor:
    """``[len(spans), 3 * C]``: mean, first and last BiLSTM state of each word span [start, end) of ``ctx`` [W, C].

    Returns:
        A float tensor ``[len(spans), 3 * C]``."""
    return torch.stack([torch.cat([ctx[s:e].mean(0), ctx[s], ctx[e - 1]]) for s, e in spans])


def doc_position_features(para_of_unit: Sequence[int], n_paragraphs: int) -> torch.Tensor:
    """``[n_units, DOC_FEATURES]``: where each unit stands in its document, whatever the layout.

    Per unit: relative paragraph position, first paragraph, last paragraph, relative unit position in the document,
    and whether the unit is alone in its paragraph. ``para_of_unit[k]`` is the index (0..n_paragraphs-1, in text
    order, counting only paragraphs that reach the network) of unit ``k``'s paragraph.

    Returns:
        A float tensor ``[n_units, DOC_FEATURES]`` of values in [0, 1].
    """
    n = len(para_of_unit)
    last = max(n_paragraphs - 1, 1)
    alone = {p: sum(q == p for q in para_of_unit) == 1 for p in set(para_of_unit)}
    rows = [[p / last, float(p == 0), float(p == n_paragraphs - 1), k / max(n - 1, 1), float(alone[p])]
            for k, p in enumerate(para_of_unit)]
    return torch.tensor(rows, dtype=torch.float32).reshape(n, DOC_FEATURES)


def headline_features(unit_vecs: torch.Tensor, headline_vec: Optional[torch.Tensor]) -> torch.Tensor:
    """``[n_units, HEADLINE_FEATURES]``: how close each unit is to the text's headline (zeros without one).

    Per unit: a headline is given (1.0), the cosine similarity of the unit's mean encoder word vector to the
    headline's mean encoder vector, and that similarity minus the document's highest one (0 for the closest unit).
    An op-ed's headline usually states its thesis; the major claim is often its restatement (the cosine of mean
    sentence-encoder vectors as in Reimers & Gurevych 2019, "Sentence-BERT"). ``unit_vecs`` ``[n, H]``,
    ``headline_vec`` ``[H]`` or None.

    Returns:
        A float tensor ``[n_units, HEADLINE_FEATURES]``.
    """
    n = unit_vecs.shape[0]
    if headline_vec is None or n == 0:
        return unit_vecs.new_zeros((n, HEADLINE_FEATURES))
    sim = torch.nn.functional.cosine_similarity(unit_vecs, headline_vec[None, :].to(unit_vecs.dtype), dim=-1)
    return torch.stack([torch.ones_like(sim), sim, sim - sim.max()], dim=-1)


class ArgmineNet(nn.Module):
    """Encoder, word BiLSTM and argument heads.

    Implements a BiLSTM-CRF sequence tagger over words (Huang, Xu & Yu 2015; Lample et al. 2016) for argument units
    (Eger, Daxenberger & Gurevych 2017, "Neural End-to-End Learning for Computational Argumentation Mining", ACL), span representations as mean/first/last
    states (Lee et al. 2017, "End-to-end Neural Coreference Resolution"), and a pointer-style link scorer: each unit
    picks one target among the units around it or "none" (Potash, Romanov & Rumshisky 2017, "Here's My Point: Joint
    Pointer Architecture for Argument Mining", EMNLP).

    With ``document_level`` the unit vectors get document-position features and the link scorer runs over all
    units of a document (units ``LINK_WINDOW`` apart at most, with their paragraph distance), so a major claim may
    stand in any paragraph and a premise may support a unit of another paragraph (argmine 0.3).

    Raises:
        ConfigError: ``evidence_input`` not ``unit`` or ``span`` (E008).
    """

    def __init__(self, encoder: nn.Module, hidden: int = 192, unit_dim: int = 256, dropout: float = 0.1, crf: bool = False,
                 aux_segmenters: Sequence[str] = (), evidence: bool = False, evidence_input: str = "unit",
                 document_level: bool = False, headline: bool = False):
        super().__init__()
        self.encoder = encoder
        h = encoder.config.hidden_size
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(h, hidden, batch_first=True, bidirectional=True)
        c = 2 * hidden
        self.tagger = nn.Linear(c, len(TAGS))
        self.unit_proj = nn.Sequential(nn.Linear(3 * c + 3, unit_dim), nn.GELU(), nn.Dropout(dropout))
        self.typer = nn.Linear(unit_dim, len(UNIT_LABELS))
        self.stance = nn.Linear(unit_dim, len(STANCES))
        self.dist = nn.Embedding(2 * MAX_DIST + 1, 32)
        pair = 3 * unit_dim + 32
        self.link = nn.Sequential(nn.Linear(pair, unit_dim), nn.GELU(), nn.Dropout(dropout), nn.Linear(unit_dim, 1))
        self.null = nn.Linear(unit_dim, 1)
        self.document_level = bool(document_level)
        if self.document_level:  # zero-initialised: a paragraph-level model's weights start with the same outputs
            self.doc_pos = nn.Linear(DOC_FEATURES, unit_dim)
            self.para_dist = nn.Embedding(2 * MAX_PARA_DIST + 1, 32)
            # a BiLSTM over the document's units in text order: each unit sees the whole argument (which unit is
            # the thesis, what a premise may support) across paragraph boundaries
            self.unit_lstm = nn.LSTM(unit_dim, unit_dim // 2, batch_first=True, bidirectional=True)
            self.unit_out = nn.Linear(unit_dim, unit_dim)
            with torch.no_grad():
                for lin in (self.doc_pos, self.unit_out):
                    lin.weight.zero_(); lin.bias.zero_()
                self.para_dist.weight.zero_()
        self.headline = bool(headline) and self.document_level
        if self.headline:  # the headline's likeness, zero-initialised like the document position
            self.headline_proj = nn.Linear(HEADLINE_FEATURES, unit_dim)
            with torch.no_grad():
                self.headline_proj.weight.zero_(); self.headline_proj.bias.zero_()
        self.rel = nn.Sequential(nn.Linear(pair, unit_dim), nn.GELU(), nn.Dropout(dropout), nn.Linear(unit_dim, len(REL_LABELS)))
        # multi-corpus training: one label-agnostic BIO head per extra corpus (its own segment conventions), and an
        # evidence-type head on unit vectors (trained on Webis-Editorials-16, applied to every predicted unit)
        self.aux_taggers = nn.ModuleDict({name: nn.Linear(c, len(SEG_TAGS)) for name in aux_segmenters})
        # evidence_input "unit": a linear layer on unit vectors (trained jointly); "span": an MLP on the unit vector and
        # the span's BiLSTM states (mean, first, last), fitted on a frozen model by `argmine add-evidence`
        if evidence_input not in ("unit", "span"):
            raise ConfigError(f"evidence_input must be 'unit' or 'span'; got {evidence_input!r}")
        self.evidence_input = evidence_input
        self.evidence = evidence_head(evidence_input, unit_dim, c) if evidence else None
        self.crf = None
        if crf:  # learned BIO transitions; invalid ones start very unlikely
            from torchcrf import CRF

            self.crf = CRF(len(TAGS), batch_first=True)
            with torch.no_grad():
                for i, a in enumerate(TAGS):
                    for j, b in enumerate(TAGS):
                        if b.startswith("I-") and (a == "O" or a[2:] != b[2:]):
                            self.crf.transitions[i, j] = -10.0
                    if a.startswith("I-"):
                        self.crf.start_transitions[i] = -10.0

    def transition_scores(self):
        """(transitions [K, K], start [K], end [K]) as numpy arrays for decoding, or None without a CRF.

        Returns:
            ``(transitions, start, end)``: float numpy arrays ``[K, K]``, ``[K]``, ``[K]``, or None."""
        if self.crf is None:
            return None
        return tuple(t.detach().float().cpu().numpy() for t in (self.crf.transitions, self.crf.start_transitions, self.crf.end_transitions))

    # -- encoder to words -------------------------------------------------------
    def word_vectors(self, input_ids, attention_mask, token_type_ids, word_index, n_words: int):
        """Mean of wordpiece vectors per word: [B, n_words, H]. ``word_index`` is -1 off words.

        Returns:
            A float tensor ``[B, n_words, H]`` (zeros for a word without wordpieces)."""
        # fast_encoder: the same encoder on another runtime (argmine.model.onnx_encoder), set by a Miner for inference
        enc = getattr(self, "fast_encoder", None)
        out = (enc if enc is not None else self.encoder)(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
        hid = out.last_hidden_state.float()
        B, T, H = hid.shape
        idx = word_index.clamp(min=0) + (torch.arange(B, device=hid.device) * n_words)[:, None]
        valid = (word_index >= 0).float()[..., None]
        sums = torch.zeros(B * n_words, H, device=hid.device).index_add_(0, idx.reshape(-1), (hid * valid).reshape(-1, H))
        cnt = torch.zeros(B * n_words, 1, device=hid.device).index_add_(0, idx.reshape(-1), valid.reshape(-1, 1))
        return (sums / cnt.clamp(min=1)).view(B, n_words, H), cnt.view(B, n_words) > 0

    def contextualise(self, words: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        """The BiLSTM over word vectors (Huang et al. 2015; Lample et al. 2016): ``words`` of shape
        (batch, words, encoder width) and ``lengths`` (batch,) give (batch, words, 2 * hidden), dropout on both sides.

        Returns:
            A float tensor ``[batch, words, 2 * hidden]``."""
        if not self.training and words.device.type == "cpu":  # oneDNN's padded kernels (argmine.model.rnn)
            dtype = torch.bfloat16 if bf16_autocast_on_cpu(words) else torch.float32  # bf16: precision="bf16"
            return bilstm_padded(self.lstm, words, lengths.clamp(min=1), dtype=dtype)
        packed = nn.utils.rnn.pack_padded_sequence(self.drop(words), lengths.cpu().clamp(min=1), batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=words.shape[1])
        return self.drop(out)

    # -- units -------------------------------------------------------------------
    def unit_vectors(self, ctx: torch.Tensor, spans: Sequence[Tuple[int, int]]) -> torch.Tensor:
        """Vectors of units given as word spans [start, end) of one paragraph's ``ctx`` [W, C].

        Returns:
            A float tensor ``[len(spans), unit_dim]``."""
        if not spans:
            return ctx.new_zeros((0, self.typer.in_features))
        n = len(spans)
        pos = torch.tensor([[float(i == 0), float(i == n - 1), i / max(n - 1, 1)] for i in range(n)], device=ctx.device)
        return self.unit_proj(torch.cat([span_states(ctx, spans), pos.to(ctx.dtype)], dim=-1))

    def evidence_features(self, ctx: torch.Tensor, spans: Sequence[Tuple[int, int]], u: torch.Tensor) -> torch.Tensor:
        """The evidence head's input for units ``spans`` of one paragraph (``u``: their unit vectors).

        Returns:
            A float tensor ``[len(spans), F]``: the unit vectors, or (span input) the unit vectors with the spans'
            BiLSTM states."""
        if self.evidence_input == "unit":
            return u
        return torch.cat([u, span_states(ctx, spans)], dim=-1)

    def evidence_logits(self, ctx: torch.Tensor, spans: Sequence[Tuple[int, int]], u: torch.Tensor) -> torch.Tensor:
        """``[len(spans), len(EVIDENCE_TYPES)]`` evidence-type logits (the model must have an evidence head).

        Returns:
            A float tensor ``[len(spans), len(EVIDENCE_TYPES)]``."""
        return self.evidence(self.evidence_features(ctx, spans, u))

    def document_units(self, u: torch.Tensor, para_of_unit: Sequence[int], n_paragraphs: int,
                       headline: Optional[torch.Tensor] = None) -> torch.Tensor:
        """Unit vectors ``[n, unit_dim]`` of a whole document with their document position added (a document-level
        model; others get ``u`` back). ``headline``: ``headline_features`` ``[n, HEADLINE_FEATURES]`` (a model
        with a headline input; None: no headline).

        Returns:
            A float tensor ``[n, unit_dim]``."""
        if not self.document_level or u.shape[0] == 0:
            return u
        f = doc_position_features(para_of_unit, n_paragraphs).to(device=u.device, dtype=u.dtype)
        u = u + self.doc_pos(f)
        if self.headline and headline is not None:
            u = u + self.headline_proj(headline.to(u.dtype))
        seq, _ = self.unit_lstm(self.drop(u)[None])
        return u + self.unit_out(seq[0].to(u.dtype))

    def _pair(self, u: torch.Tensor, src: torch.Tensor, tgt: torch.Tensor, para: Optional[torch.Tensor] = None) -> torch.Tensor:
        d = (tgt - src).clamp(-MAX_DIST, MAX_DIST) + MAX_DIST
        a, b = u[src], u[tgt]
        dist = self.dist(d)
        if para is not None and self.document_level:
            pd = (para[tgt] - para[src]).clamp(-MAX_PARA_DIST, MAX_PARA_DIST) + MAX_PARA_DIST
            dist = dist + self.para_dist(pd)
        return torch.cat([a, b, a * b, dist], dim=-1)

    def band_pairs(self, n: int, device) -> Tuple[torch.Tensor, torch.Tensor]:
        """All (source, target) pairs with 0 < |source - target| <= LINK_WINDOW: O(n) pairs, not O(n²).

        Returns:
            ``(sources, targets)``: two long tensors of the same length, on ``device``."""
        i = torch.arange(n, device=device)
        offs = [o for o in range(-LINK_WINDOW, LINK_WINDOW + 1) if o != 0]
        src = i.repeat(len(offs))
        tgt = torch.cat([i + o for o in offs])
        keep = (tgt >= 0) & (tgt < n)
        return src[keep], tgt[keep]

    def link_scores(self, u: torch.Tensor, para: Optional[torch.Tensor] = None) -> torch.Tensor:
        """[n, n+1] logits: column j<n = target j (units more than LINK_WINDOW apart are -inf), column n = no target.

        ``para`` ``[n]`` (long): each unit's paragraph index, for a document-level model's paragraph distance.

        Returns:
            A float tensor ``[n, n+1]`` of logits."""
        n = u.shape[0]
        s = u.new_full((n, n), float("-inf"))
        if n > 1:
            src, tgt = self.band_pairs(n, u.device)
            s[src, tgt] = self.link(self._pair(u, src, tgt, para)).squeeze(-1).to(s.dtype)
        return torch.cat([s, self.null(u).to(s.dtype)], dim=1)

    def relation_logits(self, u: torch.Tensor, pairs: Sequence[Tuple[int, int]], para: Optional[torch.Tensor] = None) -> torch.Tensor:
        """[len(pairs), len(REL_LABELS)] logits for the given (source, target) unit pairs.

        Returns:
            A float tensor ``[len(pairs), len(REL_LABELS)]``."""
        if not pairs:
            return u.new_zeros((0, len(REL_LABELS)))
        src = torch.tensor([p[0] for p in pairs], device=u.device)
        tgt = torch.tensor([p[1] for p in pairs], device=u.device)
        return self.rel(self._pair(u, src, tgt, para))

def encode_paragraphs(net: ArgmineNet, paragraphs: List[List["Window"]], n_words: List[int], device,
                      with_words: bool = False, small_op_threads: Optional[int] = None) -> Tuple[torch.Tensor, ...]:
    """Run the encoder over every window of a batch of paragraphs, then the BiLSTM and the tagger.

    Returns word context vectors ``[P, W, C]``, tag logits ``[P, W, len(TAGS)]`` and lengths ``[P]`` (with
    ``with_words``, also the encoder's word vectors ``[P, W, H]``). A word held by several windows gets the mean of
    its vectors. When ``net.word_cache`` is a dict (training on a frozen encoder), each paragraph's word vectors are
    computed once and reused. ``small_op_threads``: torch's threads for the BiLSTM and the tagger (``op_threads``;
    None: as set for the encoder).

    Returns:
        ``(ctx, tag_logits, lengths)``, or ``(ctx, tag_logits, lengths, words)`` with ``with_words``: tensors of the
        shapes above.
    """
    cache = getattr(net, "word_cache", None)
    words = cached_word_vectors(net, cache, paragraphs, n_words, device) if cache is not None else paragraph_word_vectors(net, paragraphs, n_words, device)
    lengths = torch.tensor(n_words, device=device)
    with op_threads(small_op_threads):
        ctx = net.contextualise(words, lengths)
        tags = net.tagger(ctx)
    if with_words:
        return ctx, tags, lengths, words
    return ctx, tags, lengths


@contextmanager
def op_threads(n: Optional[int]):
    """torch's intra-op CPU threads capped at ``n`` inside the block (None: unchanged). For stages of many small
    operations (a BiLSTM's steps, the document heads): each operation is an OpenMP region whose threads meet at a
    barrier, and on a machine where other processes keep a core busy every region waits for the thread that shares
    it (``argmine.threads``): one thread avoids the wait, and such small operations gain little from more."""
    before = torch.get_num_threads()
    if n is None or n >= before:
        yield
        return
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def headline_vector(net: ArgmineNet, windows: Optional[List["Window"]], device) -> Optional[torch.Tensor]:
    """``[H]``: the mean encoder word vector of a headline (its windows from ``make_windows``), or None.

    Returns:
        A float tensor ``[H]``, or None without a headline."""
    if not windows:
        return None
    n = max((i for w in windows for i in w.word_index), default=-1) + 1
    if n == 0:
        return None
    return paragraph_word_vectors(net, [windows], [n], device)[0, :n].mean(0)


def headline_vectors(net: ArgmineNet, windows: Sequence[Optional[List["Window"]]], device) -> List[Optional[torch.Tensor]]:
    """``headline_vector`` of many headlines in one batched encoder pass (one small forward per headline costs more
    than the headline's wordpieces: a fixed cost per call).

    Returns:
        A list with one float tensor ``[H]`` (or None) per headline, in order."""
    out: List[Optional[torch.Tensor]] = [None] * len(windows)
    n = [max((i for w in (ws or []) for i in w.word_index), default=-1) + 1 for ws in windows]
    todo = [k for k, ws in enumerate(windows) if ws and n[k] > 0]
    if todo:
        vecs = paragraph_word_vectors(net, [windows[k] for k in todo], [n[k] for k in todo], device)
        for j, k in enumerate(todo):
            out[k] = vecs[j, :n[k]].mean(0)
    return out


def unit_word_means(words: Sequence[Optional[torch.Tensor]], spans: Sequence[Tuple[int, int, int]]) -> torch.Tensor:
    """``[n, H]``: each unit's mean encoder word vector; ``words[p]`` is paragraph ``p``'s ``[W_p, H]``.

    Returns:
        A float tensor ``[n, H]``."""
    return torch.stack([words[p][s:e].mean(0) for p, s, e in spans])


def document_headline_features(net: ArgmineNet, words, spans, headline_vec: Optional[torch.Tensor]) -> Optional[torch.Tensor]:
    """``headline_features`` of a document's units for a model with a headline input (else None).

    Returns:
        A float tensor ``[n, HEADLINE_FEATURES]``, or None."""
    if not getattr(net, "headline", False) or not spans:
        return None
    return headline_features(unit_word_means(words, spans).float(), None if headline_vec is None else headline_vec.float())


def cached_word_vectors(net: ArgmineNet, cache: Dict, paragraphs: List[List["Window"]], n_words: List[int], device) -> torch.Tensor:
    """``[P, W, H]`` word vectors, the encoder run only for paragraphs not yet in ``cache`` (keyed by wordpiece ids).

    Returns:
        A float tensor ``[P, W, H]`` (W: the most words of a paragraph; zeros past a paragraph's end)."""
    keys = [tuple(tuple(w.input_ids) for w in wins) for wins in paragraphs]
    todo = [i for i, k in enumerate(keys) if k not in cache]
    if todo:
        with torch.no_grad():
            fresh = paragraph_word_vectors(net, [paragraphs[i] for i in todo], [n_words[i] for i in todo], device)
        for j, i in enumerate(todo):
            cache[keys[i]] = fresh[j, : n_words[i]].detach().float().clone()
    return nn.utils.rnn.pad_sequence([cache[k] for k in keys], batch_first=True)


def paragraph_word_vectors(net: ArgmineNet, paragraphs: List[List["Window"]], n_words: List[int], device) -> torch.Tensor:
    """``[P, W, H]``: each paragraph's word vectors from the encoder (mean over wordpieces and windows).

    Returns:
        A float tensor ``[P, W, H]`` (zeros past a paragraph's end)."""
    flat = [(p, w) for p, wins in enumerate(paragraphs) for w in wins]
    Wmax = max(max(n_words), 1)
    # A window holds a run of consecutive words of its paragraph: number them from the run's first word, so the
    # per-window word vectors are [N, L, H] with L <= T, not [N, Wmax, H] (quadratic in a paragraph's length:
    # 6.5 GB for a 20,000-word paragraph with MiniLM).
    lo = [min((i for i in w.word_index if i >= 0), default=0) for _, w in flat]
    L = max(max((i - a + 1 for i in w.word_index if i >= 0), default=1) for (_, w), a in zip(flat, lo))
    vecs, has = window_word_vectors(net, [w for _, w in flat], lo, L, device)  # [N, L, H], [N, L]
    P = len(paragraphs)
    H = vecs.shape[-1]
    owner = torch.tensor([p for p, _ in flat], device=device)
    rows = owner[:, None] * Wmax + torch.tensor(lo, device=device)[:, None] + torch.arange(L, device=device)[None, :]
    rows = rows.clamp(max=P * Wmax - 1).reshape(-1)  # slots past a window's last word add zeros (has is False)
    sums = torch.zeros(P * Wmax, H, device=device).index_add_(0, rows, (vecs * has[..., None]).reshape(-1, H))
    cnt = torch.zeros(P * Wmax, device=device).index_add_(0, rows, has.float().reshape(-1))
    return (sums / cnt.clamp(min=1)[:, None]).view(P, Wmax, H)


WINDOW_CHUNK = 16  # windows per encoder call: bounded attention memory for a paragraph with many windows


def window_word_vectors(net: ArgmineNet, windows: List["Window"], lo: List[int], L: int, device) -> Tuple[torch.Tensor, torch.Tensor]:
    """``([N, L, H], [N, L])``: each window's word vectors (mean of its wordpieces; word ``i`` of window ``k`` in
    slot ``i - lo[k]``) and which slots hold a word. The encoder runs ``WINDOW_CHUNK`` windows a call, length-sorted
    and each call padded to its own longest window (many headlines of different lengths cost their wordpieces, not
    headlines x the longest one).

    Returns:
        ``(vectors, present)``: a float tensor ``[N, L, H]`` (zeros in empty slots) and a bool tensor ``[N, L]``."""
    order = sorted(range(len(windows)), key=lambda k: len(windows[k].input_ids))
    vecs: List[Optional[torch.Tensor]] = [None] * len(windows)
    has: List[Optional[torch.Tensor]] = [None] * len(windows)
    for i in range(0, len(order), WINDOW_CHUNK):
        chunk = order[i:i + WINDOW_CHUNK]
        T = max(len(windows[k].input_ids) for k in chunk)

        def pad(seq, v):
            return seq + [v] * (T - len(seq))

        ids = torch.tensor([pad(windows[k].input_ids, 0) for k in chunk], device=device)
        tt = torch.tensor([pad(windows[k].token_type_ids, 0) for k in chunk], device=device)
        widx = torch.tensor([pad([x - lo[k] if x >= 0 else -1 for x in windows[k].word_index], -1) for k in chunk], device=device)
        att = (torch.arange(T, device=device)[None, :] < torch.tensor([len(windows[k].input_ids) for k in chunk], device=device)[:, None]).long()
        v, h = net.word_vectors(ids, att, tt, widx, L)
        for j, k in enumerate(chunk):
            vecs[k], has[k] = v[j], h[j]
    return torch.stack(vecs), torch.stack(has)


def document_units(net: ArgmineNet, ctxs: Sequence[torch.Tensor], spans: Sequence[Tuple[int, int, int]],
                   n_paragraphs: int, headline: Optional[torch.Tensor] = None) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Unit vectors of one document: ``(u [n, unit_dim], para [n], u_paragraph [n, unit_dim])``.

    ``ctxs[p]`` is paragraph ``p``'s word context ``[W_p, C]`` (None for a paragraph without units); ``spans`` are ``(p, first word, end word)`` in text
    order. Each unit gets its in-paragraph position (``unit_vectors``) and, in a document-level model, its document
    position (``ArgmineNet.document_units``, with ``headline``: its ``headline_features``); ``u_paragraph`` is without
    them (the evidence head's input).

    Returns:
        ``(u, para, u_paragraph)``: float ``[n, unit_dim]``, long ``[n]`` and float ``[n, unit_dim]``.
    """
    device = next((c.device for c in ctxs if c is not None), torch.device("cpu"))
    para = torch.tensor([p for p, _, _ in spans], dtype=torch.long, device=device)
    if not spans:
        z = torch.zeros((0, net.typer.in_features), device=device)
        return z, para, z
    groups: Dict[int, List[Tuple[int, int]]] = {}
    for p, s, e in spans:
        groups.setdefault(p, []).append((s, e))
    u = torch.cat([net.unit_vectors(ctxs[p], groups[p]) for p in sorted(groups)])
    return net.document_units(u, [p for p, _, _ in spans], n_paragraphs, headline), para, u


def document_link_logits(net: ArgmineNet, u: torch.Tensor, para: torch.Tensor) -> torch.Tensor:
    """``[n, n+1]`` link logits over a document's units (column n: no target). A paragraph-level model (argmine
    0.1-0.2) only ever scored pairs inside a paragraph: its cross-paragraph pairs are -inf, which gives exactly its
    per-paragraph softmax.

    Returns:
        A float tensor ``[n, n+1]`` of logits."""
    s = net.link_scores(u, para)
    if not net.document_level and u.shape[0] > 1:
        cross = para[:, None] != para[None, :]
        s = torch.cat([s[:, :-1].masked_fill(cross, float("-inf")), s[:, -1:]], dim=1)
    return s


def document_pair_logits(net: ArgmineNet, u: torch.Tensor, para: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """``(link logits [n, n+1], source [m], target [m], relation logits [m, len(REL_LABELS)])`` over a document's
    units: ``document_link_logits`` and ``relation_logits`` of the ``band_pairs``, the pair features built once for
    both (the same numbers as calling the two).

    Returns:
        The four tensors above: float link logits, long source and target unit indices, float relation logits."""
    n = u.shape[0]
    src, tgt = net.band_pairs(n, u.device)
    s = u.new_full((n, n), float("-inf"))
    rel = u.new_zeros((0, len(REL_LABELS)))
    if n > 1 and len(src):
        pair = net._pair(u, src, tgt, para)
        s[src, tgt] = net.link(pair).squeeze(-1).to(s.dtype)
        rel = net.rel(pair)
    s = torch.cat([s, net.null(u).to(s.dtype)], dim=1)
    if not net.document_level and n > 1:
        cross = para[:, None] != para[None, :]
        s = torch.cat([s[:, :-1].masked_fill(cross, float("-inf")), s[:, -1:]], dim=1)
    return s, src, tgt, rel
