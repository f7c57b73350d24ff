"""Pure decoding: word tag scores → labelled spans; link scores → a well-formed argument forest.

No model and no torch here: plain lists and numpy, so every rule is testable by hand.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import numpy as np

TAGS = ("O", "B-MajorClaim", "I-MajorClaim", "B-Claim", "I-Claim", "B-Premise", "I-Premise")


def allowed_transition(prev: str, cur: str) -> bool:
    """BIO: ``I-X`` may only follow ``B-X`` or ``I-X``."""
    if cur.startswith("I-"):
        return prev != "O" and prev[2:] == cur[2:]
    return True


def viterbi_bio(logprobs: np.ndarray, tags: Sequence[str] = TAGS, transitions=None) -> List[int]:
    """Best tag sequence under the BIO constraints (no ``I-X`` after ``O`` or another type).

    ``transitions`` optionally adds learned CRF scores ``(trans [K, K], start [K], end [K])``.
    """
    logprobs = np.asarray(logprobs, dtype=np.float64)
    n, k = logprobs.shape
    if n == 0:
        return []
    trans = np.array([[0.0 if allowed_transition(a, b) else -np.inf for b in tags] for a in tags])
    start = np.array([-np.inf if t.startswith("I-") else 0.0 for t in tags])
    end = np.zeros(k)
    if transitions is not None:
        trans, start, end = trans + transitions[0], start + transitions[1], end + transitions[2]
    score = start + logprobs[0]
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(0)
        score = cand.max(0) + logprobs[i]
    score = score + end
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def tags_to_spans(tag_ids: Sequence[int], tags: Sequence[str] = TAGS) -> List[Tuple[int, int, str]]:
    """Spans ``(start, end, type)`` over word indices, ``end`` exclusive; a stray ``I-X`` opens a span."""
    spans: List[Tuple[int, int, str]] = []
    cur: Optional[List] = None
    for i, t in enumerate(tag_ids):
        tag = tags[t]
        if tag == "O":
            if cur:
                spans.append(tuple(cur))
            cur = None
        elif tag.startswith("B-") or cur is None or cur[2] != tag[2:]:
            if cur:
                spans.append(tuple(cur))
            cur = [i, i + 1, tag[2:]]
        else:
            cur[1] = i + 1
    if cur:
        spans.append(tuple(cur))
    return spans


def span_label_probs(word_probs: np.ndarray, start: int, end: int, labels: Sequence[str], tags: Sequence[str] = TAGS) -> np.ndarray:
    """Mean over the span's words of P(B-X) + P(I-X) for each label X, renormalised."""
    p = np.asarray(word_probs)[start:end].mean(0)
    out = np.array([sum(p[j] for j, t in enumerate(tags) if t[2:] == lab) for lab in labels])
    return out / max(out.sum(), 1e-9)


def _creates_cycle(targets: List[Optional[int]], src: int, tgt: int) -> bool:
    seen, node = {src}, tgt
    while node is not None:
        if node in seen:
            return True
        seen.add(node)
        node = targets[node]
    return False


def decode_links(probs: np.ndarray, sources: Sequence[int], candidates: Sequence[int]) -> List[Optional[int]]:
    """Give each source at most one target so that the links form a forest (no cycles).

    ``probs`` is ``[n, n+1]``: column ``j < n`` is P(target j), column ``n`` is P(no target). Sources are
    settled most confident first; a source keeps the best target that is a candidate and closes no cycle,
    or none when "no target" is more probable than every remaining choice.
    """
    probs = np.asarray(probs, dtype=np.float64)
    n = probs.shape[0]
    targets: List[Optional[int]] = [None] * n
    cand = set(candidates)
    order = sorted(sources, key=lambda i: -max([probs[i, j] for j in cand if j != i] or [0.0]))
    for i in order:
        ranked = sorted((j for j in cand if j != i), key=lambda j: -probs[i, j])
        for j in ranked:
            if probs[i, j] < probs[i, n]:
                break
            if not _creates_cycle(targets, i, j):
                targets[i] = j
                break
    return targets


def genre_labels(label_probs: Sequence[np.ndarray], roles: Sequence[str], labels: Sequence[str] = ("MajorClaim", "Claim", "Premise"),
                 mc_roles: Sequence[str] = ("introduction", "conclusion"), extra_claim_min: Optional[float] = None) -> List[List[str]]:
    """Unit labels per paragraph under the structure of the genre.

    ``label_probs[p]`` is ``[n_units, len(labels)]`` for paragraph ``p`` with role ``roles[p]``. Rules (true of
    97-100% of AAEC paragraphs, and of op-eds' thesis statements): a major claim stands only in the introduction
    or the conclusion, at most one per paragraph (the most probable; the others become their next-best label),
    and a text with units has at least one major claim (the most probable candidate in an allowed paragraph).
    With ``extra_claim_min``, a body paragraph keeps its most probable claim, and further claims only when their
    claim probability reaches it (the others become premises): 77% of AAEC body paragraphs have exactly one claim.
    """
    mc = labels.index("MajorClaim")
    out: List[List[str]] = []
    best_mc = None  # (prob, p, k)
    for p, (probs, role) in enumerate(zip(label_probs, roles)):
        probs = np.asarray(probs, dtype=np.float64).reshape(-1, len(labels))
        chosen = [int(row.argmax()) for row in probs]
        allowed = role in mc_roles
        mcs = [k for k, j in enumerate(chosen) if j == mc]
        keep = max(mcs, key=lambda k: probs[k, mc]) if (mcs and allowed) else None
        for k in mcs:
            if k != keep:
                row = probs[k].copy()
                row[mc] = -1
                chosen[k] = int(row.argmax())
        if allowed:
            for k in range(len(chosen)):
                if best_mc is None or probs[k, mc] > best_mc[0]:
                    best_mc = (probs[k, mc], p, k)
        if extra_claim_min is not None and role == "body" and "Claim" in labels and "Premise" in labels:
            cl, pr = labels.index("Claim"), labels.index("Premise")
            claims = [k for k, j in enumerate(chosen) if j == cl]
            if len(claims) > 1:
                best = max(claims, key=lambda k: probs[k, cl])
                for k in claims:
                    if k != best and probs[k, cl] < extra_claim_min:
                        chosen[k] = pr
        out.append([labels[j] for j in chosen])
    if best_mc is not None and not any(lab == "MajorClaim" for para in out for lab in para):
        out[best_mc[1]][best_mc[2]] = "MajorClaim"
    return out


def claim_prior(labels: Sequence[str]) -> np.ndarray:
    """``[n, n+1]`` prior over link targets: each unit points to the nearest claim of its paragraph.

    In persuasive essays about 80% of premises support the nearest claim of their paragraph; mixing this prior
    into the learned link scores (``link_prior_weight``) keeps the decoder close to that structure.
    """
    n = len(labels)
    prior = np.zeros((n, n + 1))
    claims = [j for j, lab in enumerate(labels) if lab == "Claim"]
    for i in range(n):
        options = [j for j in claims if j != i]
        if options:
            prior[i, min(options, key=lambda j: (abs(j - i), j))] = 1.0
        else:
            prior[i, n] = 1.0
    return prior
