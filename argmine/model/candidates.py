"""Tag paths of a batch of paragraphs at once: ``argmine.decoding.viterbi_bio`` run on every paragraph of an
encoder batch together (one numpy step per word position for the whole batch, not one per word of each paragraph),
with the same float64 arithmetic per paragraph, so the paths are the ones ``viterbi_bio`` gives one by one.
"""
from __future__ import annotations

from typing import List, Sequence

import numpy as np

from ..config import TAGS
from ..decoding import allowed_transition


def viterbi_bio_batch(emissions: np.ndarray, lengths: Sequence[int], tags: Sequence[str] = TAGS,
                      transitions=None) -> List[List[int]]:
    """``[viterbi_bio(emissions[b, :lengths[b]], tags, transitions) for b in ...]``: the best BIO tag path of each
    paragraph of ``emissions`` ``[P, W, K]`` (rows past a paragraph's length are ignored).

    Returns:
        One list of tag indices (ints into ``tags``) per paragraph, ``lengths[b]`` long."""
    em = np.asarray(emissions, dtype=np.float64)
    P, K = em.shape[0], len(tags)
    trans = np.array([[0.0 if allowed_transition(a, b) else -np.inf for b in tags] for a in tags])
    start = np.array([-np.inf if t.startswith("I-") else 0.0 for t in tags])
    end = np.zeros(K)
    if transitions is not None:
        trans, start, end = trans + transitions[0], start + transitions[1], end + transitions[2]
    n = np.asarray(lengths, dtype=np.int64)
    W = int(n.max()) if P else 0
    if W == 0:
        return [[] for _ in range(P)]
    score = start + em[:, 0]
    back = np.zeros((P, W, K), dtype=np.int64)
    for i in range(1, W):
        live = n > i
        cand = score[live][:, :, None] + trans
        back[live, i] = cand.argmax(1)
        score[live] = cand.max(1) + em[live, i]
    score = score + end
    paths: List[List[int]] = []
    for b in range(P):
        if n[b] == 0:
            paths.append([])
            continue
        path = [int(score[b].argmax())]
        for i in range(int(n[b]) - 1, 0, -1):
            path.append(int(back[b, i, path[-1]]))
        paths.append(path[::-1])
    return paths
