"""Pure decoding: word tag scores → labelled spans; link scores → a well-formed argument forest.

No model and no torch here: plain lists and numpy, so every rule is testable by hand.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import numpy as np

from .config import REL_LABELS, STANCES, TAGS, UNIT_LABELS  # noqa: F401  (label sets, re-exported)
from .errors import ConfigError


def allowed_transition(prev: str, cur: str) -> bool:
    """BIO: ``I-X`` may only follow ``B-X`` or ``I-X``.

    Returns:
        True when the BIO scheme allows tag ``cur`` right after tag ``prev`` (tag names such as ``"B-Claim"``, ``"O"``)."""
    if cur.startswith("I-"):
        return prev != "O" and prev[2:] == cur[2:]
    return True


def viterbi_bio(logprobs: np.ndarray, tags: Sequence[str] = TAGS, transitions=None) -> List[int]:
    """Best tag sequence under the BIO constraints (no ``I-X`` after ``O`` or another type).

    ``transitions`` optionally adds learned CRF scores ``(trans [K, K], start [K], end [K])``.

    Returns:
        A list of tag indices into ``tags``, one per row of ``logprobs`` (empty for no rows).
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


def bias_starts(emissions: np.ndarray, bias: float, tags: Sequence[str] = TAGS) -> np.ndarray:
    """``emissions`` ``[n, K]`` with ``bias`` added to every ``B-`` column (a copy; the input when ``bias`` is 0).

    A unit-start bias for the segmentation (``DecodeOptions.split_bias``): the Viterbi path opens a new unit more
    readily, so clauses joined by a comma or "and" become units of their own.

    Returns:
        A float array ``[n, K]``: a biased copy of ``emissions``, or ``emissions`` itself when ``bias`` is 0."""
    if not bias:
        return emissions
    out = np.array(emissions, dtype=np.float64, copy=True)
    out[:, [j for j, t in enumerate(tags) if t.startswith("B-")]] += bias
    return out


def tags_to_spans(tag_ids: Sequence[int], tags: Sequence[str] = TAGS) -> List[Tuple[int, int, str]]:
    """Spans ``(start, end, type)`` over word indices, ``end`` exclusive; a stray ``I-X`` opens a span.

    Returns:
        A list of ``(start, end, type)``: word indices (end exclusive) and the unit type, in text order."""
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
    """Mean over the span's words of P(B-X) + P(I-X) for each label X, renormalised.

    Returns:
        A float array ``[len(labels)]`` summing to 1 (all zeros only for a span without words)."""
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

    Returns:
        A list with one entry per source: the index of its target unit, or None for no target.
    """
    probs = np.asarray(probs, dtype=np.float64)
    n = probs.shape[0]
    targets: List[Optional[int]] = [None] * n
    allowed = np.zeros(n, dtype=bool)
    allowed[list(candidates)] = True

    def options(i: int) -> np.ndarray:
        # the candidates a source may take; when "no target" has some probability, a target of probability 0 never
        # beats it, so only the scored ones (the link window, not the whole text) need ranking
        ok = allowed.copy()
        ok[i] = False
        if probs[i, n] > 0:
            ok &= probs[i, :n] > 0
        return np.flatnonzero(ok)

    opts = {i: options(i) for i in sources}
    order = sorted(sources, key=lambda i: -(probs[i, opts[i]].max() if len(opts[i]) else 0.0))
    for i in order:
        ranked = sorted(opts[i].tolist(), key=lambda j: -probs[i, j])
        for j in ranked:
            if probs[i, j] < probs[i, n]:
                break
            if not _creates_cycle(targets, i, j):
                targets[i] = j
                break
    return targets


def structural_labels(label_probs: Sequence[np.ndarray], roles: Sequence[str], labels: Sequence[str] = UNIT_LABELS,
                      mc_roles: Optional[Sequence[str]] = ("introduction", "conclusion"), extra_claim_min: Optional[float] = None,
                      min_major_claims: int = 1) -> List[List[str]]:
    """Unit labels per paragraph under the argument's structural constraints (one major claim per paragraph, at
    least ``min_major_claims`` per text, where major claims may stand, how many claims a body paragraph keeps).

    ``label_probs[p]`` is ``[n_units, len(labels)]`` for paragraph ``p`` with role ``roles[p]``. Rules (true of
    97-100% of AAEC paragraphs): a major claim stands only in a paragraph whose role is in ``mc_roles`` (``None``:
    any paragraph), at most one per paragraph (the most probable; the others become their next-best label),
    and a text with units has at least ``min_major_claims`` major claims (the most probable candidates of allowed
    paragraphs that hold none yet; editorials restate their thesis 2-3 times, essays in introduction and conclusion).
    With ``extra_claim_min``, a body paragraph keeps its most probable claim, and further claims only when their
    claim probability reaches it (the others become premises): 77% of AAEC body paragraphs have exactly one claim.

    Returns:
        One list of unit labels (str, from ``labels``) per paragraph, one label per unit.
    """
    mc = labels.index("MajorClaim")
    out: List[List[str]] = []
    candidates = []  # (MajorClaim probability, p, k) in allowed paragraphs
    for p, (probs, role) in enumerate(zip(label_probs, roles)):
        probs = np.asarray(probs, dtype=np.float64).reshape(-1, len(labels))
        chosen = [int(row.argmax()) for row in probs]
        allowed = mc_roles is None or role in mc_roles
        mcs = [k for k, j in enumerate(chosen) if j == mc]
        keep = max(mcs, key=lambda k: probs[k, mc]) if (mcs and allowed) else None
        for k in mcs:
            if k != keep:
                row = probs[k].copy()
                row[mc] = -1
                chosen[k] = int(row.argmax())
        if allowed:
            candidates += [(float(probs[k, mc]), p, k) for k in range(len(chosen))]
        if extra_claim_min is not None and role == "body" and "Claim" in labels and "Premise" in labels:
            cl, pr = labels.index("Claim"), labels.index("Premise")
            claims = [k for k, j in enumerate(chosen) if j == cl]
            if len(claims) > 1:
                best = max(claims, key=lambda k: probs[k, cl])
                for k in claims:
                    if k != best and probs[k, cl] < extra_claim_min:
                        chosen[k] = pr
        out.append([labels[j] for j in chosen])
    _add_major_claims(out, candidates, min_major_claims)
    return out


genre_labels = structural_labels  # the name of argmine 0.3-0.4, kept for code that imports it


def _add_major_claims(out: List[List[str]], candidates: List[tuple], at_least: int) -> None:
    """Relabel the most probable ``candidates`` ``(prob, p, k)`` as major claims, one per paragraph that has none,
    until the text has ``at_least`` (or no candidate is left)."""
    with_mc = {p for p, para in enumerate(out) if "MajorClaim" in para}
    n = sum(para.count("MajorClaim") for para in out)
    for _, p, k in sorted(candidates, key=lambda c: -c[0]):
        if n >= at_least:
            break
        if p not in with_mc:
            out[p][k] = "MajorClaim"
            with_mc.add(p)
            n += 1


def claim_prior(labels: Sequence[str]) -> np.ndarray:
    """``[n, n+1]`` prior over link targets: each unit points to the nearest claim of its paragraph.

    In persuasive essays about 80% of premises support the nearest claim of their paragraph; mixing this prior
    into the learned link scores (``link_prior_weight``) keeps the decoder close to that structure.

    Returns:
        A float array ``[n, n+1]`` whose rows sum to 1: P(target j) for j < n, P(no target) in the last column.
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


def claims_by_structure(labels: Sequence[str], targets: Sequence[Optional[int]]) -> List[int]:
    """Premises that take support and give it to a major claim: the units a claim's definition describes.

    A claim is the unit that premises support and that itself supports (or attacks) the major claim (Stab &
    Gurevych 2017; the conclusion of a sub-argument in Peldszus & Stede 2016). ``labels[k]`` and ``targets[k]``
    (index of unit ``k``'s link target, or None) are the decoder's; unit ``k`` qualifies when it is a ``Premise``,
    its target is a ``MajorClaim`` and at least one other unit links to it.

    Returns:
        The qualifying unit indices, ascending.
    """
    supported = {t for t in targets if t is not None}
    return [k for k, (lab, t) in enumerate(zip(labels, targets))
            if lab == "Premise" and t is not None and labels[t] == "MajorClaim" and k in supported]


# -- one document at a time: typed scores in, the argument's structure out (argmine 0.3) -----------------------------

@dataclass
class DocumentScores:
    """What the network says about one text's candidate units, in text order (``n`` units).

    ``paragraph[k]``: the encoder paragraph (0-based, text order) of unit ``k``; ``roles[k]``: that paragraph's role
    (``introduction``, ``body``, ``conclusion``, ``text`` for a one-paragraph text, ...); ``label_probs`` ``[n, L]``
    over ``labels`` from the tagger (``type_probs``: from the unit-type head); ``confidence`` ``[n]``: mean best-tag probability of the unit's words; ``stance`` ``[n, 2]``
    (For, Against); ``links`` ``[n, n+1]``: P(target j), column n: P(no target); ``relations`` ``[n, n, 2]``:
    P(supports, attacks) for each (source, target) pair the link scorer sees (others 0).
    """

    paragraph: List[int]
    roles: List[str]
    label_probs: np.ndarray
    confidence: np.ndarray
    stance: np.ndarray
    links: np.ndarray
    relations: np.ndarray
    labels: Tuple[str, ...] = UNIT_LABELS
    type_probs: Optional[np.ndarray] = None  # [n, L] from the unit-type head; mixed in with DecodeOptions.typer_weight
    n_paragraphs: int = 0  # content paragraphs of the text (furniture left out): its shape, for DecodeOptions.essay_max_paragraphs
    essay_style: Optional[float] = None  # P(the text reads as an essay, not news prose; argmine.genre); None: not rated


@dataclass
class DecodeOptions:
    """How scores become a structure; defaults in one place, stored per model in ``config.json["decoding"]``.

    ``mc_roles``: paragraph roles that may hold a major claim (``None``: any paragraph — news editorials restate
    their thesis in middle paragraphs); ``extra_claim_min``: in a body paragraph, claims after the most probable one
    need this claim probability (else they become premises); ``link_prior_weight``: weight of ``claim_prior`` mixed
    into the link probabilities; ``cross_paragraph``: premises may target units of other paragraphs;
    ``premise_to_major``: premises may target a major claim; ``typer_weight``: the unit-type head's share of a unit's
    label probabilities (the rest: the tagger's mean B-/I- probabilities over the span); ``claim_boost``: a factor on
    the MajorClaim and Claim probabilities (renormalised) that moves the claim/premise boundary; news editorials
    state claims with fewer cue words than essays; ``essay_max_paragraphs``: a text with 3 to N content paragraphs
    has the shape of an essay (introduction, a few body paragraphs, conclusion) and gets the essay rules (major
    claims only in the introduction and conclusion, premise links inside their paragraph, never to a major claim);
    longer texts (news editorials: 6-30 short paragraphs) and one- or two-paragraph texts are decoded without them;
    ``essay_style_min``: above 0, a text of essay shape gets the essay rules only when it also reads as an essay
    (``argmine.genre``: P(essay style) at least this), so a short op-ed in news prose is decoded as news;
    ``min_major_claims``: the fewest major claims of a text with units (each in its own paragraph; a one-paragraph text
    gets one), in texts of at least ``min_major_claims_paragraphs`` content paragraphs (shorter texts, a letter of two
    paragraphs, get one: they seldom restate their thesis; 0: every text); ``split_bias``: added to the word tagger's ``B-`` scores before the Viterbi segmentation (in nats, or
    CRF score units for a model with a CRF): above 0 a text is cut into more, shorter units (clause-level units as in
    arg-microtexts), below 0 into fewer; ``claims_by_structure_max_paragraphs``: in a text of 1 to N content
    paragraphs (a comment, a letter, a microtext) a premise that takes support from another unit and links to a
    major claim becomes a claim (``claims_by_structure``; its stance from the stance head, its link replaced by the
    claim's stance relation). Longer texts keep the labels: in a news editorial the major claim a premise points at
    is too often not the thesis for the structure to decide (on argmine-oped it cost relation F1).
    """

    mc_roles: Optional[Tuple[str, ...]] = None
    extra_claim_min: Optional[float] = None
    link_prior_weight: float = 0.0
    cross_paragraph: bool = True
    premise_to_major: bool = True
    typer_weight: float = 0.5  # label probability = (1 - w) * tagger's span probability + w * unit-type head
    claim_boost: float = 1.0  # factor on the MajorClaim and Claim probabilities before the labels are chosen
    essay_max_paragraphs: int = 0  # texts of 3..N content paragraphs get the essay rules (0: never)
    essay_style_min: float = 0.0  # ... and only when their essay-style probability is at least this (0: shape alone)
    min_major_claims: int = 1  # a text with units has at least this many major claims (one per paragraph at most)
    min_major_claims_paragraphs: int = 0  # ... when it has at least this many content paragraphs (fewer: one)
    split_bias: float = 0.0  # added to the B- tag scores before segmentation: > 0 gives more, shorter units
    claims_by_structure_max_paragraphs: int = 0  # texts of 1..N content paragraphs relabel claims_by_structure (0: never)

    def layout(self, n_paragraphs: int, essay_style: Optional[float] = None) -> str:
        """``essay`` when a text of ``n_paragraphs`` content paragraphs is decoded under the essay rules
        (``for_shape``), else ``other``. With ``essay_style_min`` above 0, a text of essay shape whose essay-style
        probability ``essay_style`` (``argmine.genre.essay_probability``) is below it reads as news prose and is
        decoded without them; ``essay_style=None`` (not rated): the shape alone decides.

        Returns:
            ``"essay"`` or ``"other"``."""
        shape = bool(self.essay_max_paragraphs) and 3 <= n_paragraphs <= self.essay_max_paragraphs
        style = essay_style is None or not self.essay_style_min or essay_style >= self.essay_style_min
        return "essay" if shape and style else "other"

    def major_claims_for(self, n_paragraphs: int) -> int:
        """The fewest major claims of a text of ``n_paragraphs`` content paragraphs: ``min_major_claims``, or 1 in a
        text shorter than ``min_major_claims_paragraphs`` (0 paragraphs: not known, ``min_major_claims``).

        Returns:
            An int."""
        short = 0 < n_paragraphs < self.min_major_claims_paragraphs
        return min(self.min_major_claims, 1) if short else self.min_major_claims

    def needs_style(self, n_paragraphs: int) -> bool:
        """Whether the layout of a text of ``n_paragraphs`` content paragraphs depends on its essay style (it has an
        essay's shape and ``essay_style_min`` is set): the miner rates the style only then.

        Returns:
            A bool."""
        return bool(self.essay_style_min) and self.layout(n_paragraphs) == "essay"

    def for_shape(self, n_paragraphs: int, essay_style: Optional[float] = None) -> "DecodeOptions":
        """The options for a text of ``n_paragraphs`` content paragraphs and essay-style probability ``essay_style``
        (the essay rules when ``layout`` says ``essay``).

        Returns:
            A ``DecodeOptions``: ``self``, or a copy with the essay rules."""
        import dataclasses

        if self.layout(n_paragraphs, essay_style) == "essay":
            return dataclasses.replace(self, mc_roles=("introduction", "conclusion"), cross_paragraph=False,
                                       premise_to_major=False)
        return self

    @classmethod
    def from_config(cls, cfg: dict) -> "DecodeOptions":
        """Options of a model config: its ``decoding`` table, else the keys of argmine 0.1-0.2 (essay rules).

        Returns:
            The ``DecodeOptions``.

        Raises:
            ConfigError: a key that is no decoding option (E008)."""
        dec = dict(cfg.get("decoding") or {})
        if not dec:  # a paragraph-level model of argmine 0.1-0.2: the essay layout's rules
            dec = {"mc_roles": ("introduction", "conclusion"), "cross_paragraph": False, "premise_to_major": False,
                   "link_prior_weight": float(cfg.get("link_prior_weight", 0.0) or 0.0),
                   "extra_claim_min": cfg.get("extra_claim_min") or None}
        dec.setdefault("typer_weight", float(cfg.get("typer_weight", 0.5)))
        unknown = set(dec) - set(cls.__dataclass_fields__)
        if unknown:
            raise ConfigError(f"decoding options must be among {sorted(cls.__dataclass_fields__)}; got {sorted(unknown)}")
        if dec.get("mc_roles") is not None:
            dec["mc_roles"] = tuple(dec["mc_roles"])
        return cls(**dec)


@dataclass
class DecodedArgument:
    """The decoder's decision: ``labels[k]``, ``stance[k]`` (``For``/``Against`` for claims, else None),
    ``targets[k]`` (unit index or None), ``relation[k]`` (``supports``/``attacks`` or None) and the probabilities
    behind them: ``label_score[k]`` and ``link_score[k]``."""

    labels: List[str]
    label_score: List[float]
    stance: List[Optional[str]]
    stance_score: List[float]
    targets: List[Optional[int]]
    relation: List[Optional[str]]
    link_score: List[float]


def _group(paragraph: Sequence[int]) -> List[List[int]]:
    groups: dict = {}
    for k, p in enumerate(paragraph):
        groups.setdefault(p, []).append(k)
    return [groups[p] for p in sorted(groups)]


def document_claim_prior(labels: Sequence[str], paragraph: Sequence[int]) -> np.ndarray:
    """``[n, n+1]``: each unit points to the nearest claim of its paragraph, else to no target (``claim_prior``
    within each paragraph).

    Returns:
        A float array ``[n, n+1]`` whose rows sum to 1 (column n: no target)."""
    n = len(labels)
    prior = np.zeros((n, n + 1))
    for idx in _group(paragraph):
        sub = claim_prior([labels[k] for k in idx])
        for a, k in enumerate(idx):
            for b, j in enumerate(idx):
                prior[k, j] = sub[a, b]
            prior[k, n] = sub[a, len(idx)]
    return prior


def _link_labels(targets: Sequence[Optional[int]], links: np.ndarray, rel) -> Tuple[List[Optional[str]], List[float]]:
    """Each link's relation label (the more probable of ``rel[k, t]``, ``[n, n, 2]``: P(supports, attacks)) and its
    score (P(link) x P(label)); None and 0.0 for units without a target. ``rel`` is read only at the chosen pairs."""
    relation: List[Optional[str]] = [None] * len(targets)
    link_score = [0.0] * len(targets)
    for k, t in enumerate(targets):
        if t is not None:
            j = int(np.argmax(rel[k, t]))
            relation[k] = REL_LABELS[j]
            link_score[k] = float(links[k, t] * rel[k, t, j])
    return relation, link_score


def _claim_stances(labels: Sequence[str], st: np.ndarray) -> Tuple[List[Optional[str]], List[float]]:
    """Each claim's stance (the more probable of ``st[k]``: P(For), P(Against)) and its probability; None and 0.0
    for other units."""
    stance: List[Optional[str]] = [None] * len(labels)
    stance_score = [0.0] * len(labels)
    for k, lab in enumerate(labels):
        if lab == "Claim":
            j = int(st[k].argmax())
            stance[k], stance_score[k] = STANCES[j], float(st[k, j])
    return stance, stance_score


def decode_document(scores: DocumentScores, options: DecodeOptions = DecodeOptions()) -> DecodedArgument:
    """Labels, claim stances and premise links of one text, under the argument's constraints.

    Labels: ``structural_labels`` per paragraph (at most one major claim per paragraph, at least one per text; with
    ``options.mc_roles`` only in those roles). Links: every premise gets at most one target and the links form a
    forest (``decode_links``); candidates are claims and premises (and major claims with
    ``premise_to_major``), in its own paragraph only unless ``cross_paragraph``; in a text of at most
    ``options.claims_by_structure_max_paragraphs`` paragraphs, ``claims_by_structure`` relabels premises as claims.
    Pure: no model, no torch.

    Returns:
        A ``DecodedArgument``: per unit its label and score, stance and stance score, link target (index or None),
        relation label and link score.
    """
    options = options.for_shape(scores.n_paragraphs, scores.essay_style)
    labels_all = list(scores.labels)
    n = len(scores.paragraph)
    groups = _group(scores.paragraph)
    lp = np.asarray(scores.label_probs, dtype=np.float64).reshape(n, len(labels_all))
    if scores.type_probs is not None:
        w = options.typer_weight
        lp = (1 - w) * lp + w * np.asarray(scores.type_probs, dtype=np.float64).reshape(n, len(labels_all))
    if options.claim_boost != 1.0 and n:
        boost = np.array([options.claim_boost if lab in ("MajorClaim", "Claim") else 1.0 for lab in labels_all])
        lp = lp * boost
        lp = lp / lp.sum(1, keepdims=True)
    per_para = structural_labels([lp[idx] for idx in groups], [scores.roles[idx[0]] for idx in groups], labels_all,
                            mc_roles=options.mc_roles, extra_claim_min=options.extra_claim_min,
                            min_major_claims=options.major_claims_for(scores.n_paragraphs))
    labels: List[str] = [""] * n
    for idx, labs in zip(groups, per_para):
        for k, lab in zip(idx, labs):
            labels[k] = lab
    links = np.asarray(scores.links, dtype=np.float64).reshape(n, n + 1)
    if options.link_prior_weight:
        w = options.link_prior_weight
        links = (1 - w) * links + w * document_claim_prior(labels, scores.paragraph)
    if not options.cross_paragraph and n:
        para = np.asarray(scores.paragraph)
        links = links.copy()
        links[:, :n][para[:, None] != para[None, :]] = 0.0
    sources = [k for k, lab in enumerate(labels) if lab == "Premise"]
    cands = [k for k, lab in enumerate(labels) if options.premise_to_major or lab != "MajorClaim"]
    targets = decode_links(links, sources, cands) if n else []
    if 1 <= scores.n_paragraphs <= options.claims_by_structure_max_paragraphs:
        for k in claims_by_structure(labels, targets):
            labels[k], targets[k] = "Claim", None
    relation, link_score = _link_labels(targets, links, scores.relations)
    stance, stance_score = _claim_stances(labels, np.asarray(scores.stance, dtype=np.float64).reshape(n, 2))
    label_score = [float(lp[k, labels_all.index(lab)]) * float(scores.confidence[k]) for k, lab in enumerate(labels)]
    return DecodedArgument(labels, label_score, stance, stance_score, list(targets), relation, link_score)
