"""Reader for CDCP, the Cornell eRulemaking corpus (Park & Cardie 2018; split of Niculae et al. 2017).

Layout read: ``<data_dir>/cdcp/{train,test}/NNNNN.txt`` and ``NNNNN.ann.json`` (``prop_labels``,
``prop_offsets`` ``[[start, end], ...]``, ``reasons`` and ``evidences`` ``[[[src_from, src_to], target], ...]``
with 0-based, inclusive proposition indices).

Mapping onto argmine's scheme (documented choice):

* ``Document.text`` is the ``.txt`` file exactly. CDCP segments the whole comment into propositions; each
  proposition is a unit whose offsets are the corpus offsets with surrounding whitespace trimmed (most
  propositions after the first start with the space that follows the previous sentence). Unit ids are ``P0``,
  ``P1``, ... -- the corpus' proposition indices.
* Unit labels: CDCP types propositions, not argumentative roles. ``policy`` (a course of action to take) and
  ``value`` (a judgement) are what a comment argues for -> ``Claim``; ``fact``, ``testimony`` (the author's
  experience) and ``reference`` (a source) are what it argues with -> ``Premise``. No ``MajorClaim``.
  ``unit.extra["source_label"]`` keeps the CDCP type (use it for the five-way task of the literature).
  Every proposition is kept, also those no relation touches.
* Relations: ``reasons`` and ``evidences`` -> ``supports`` (CDCP has no attacks), from the source proposition
  to the target; ``relation.extra["source_label"]`` is ``reason`` or ``evidence``. A source given as a range of
  several propositions (119 of the 1,221 links) becomes one relation per proposition of the range, each with
  ``extra["source_group"] = [from, to]`` -- so the corpus' 1,221 links become 1,426 relations, of which 3
  repeat a (source, target) pair already linked (two comments list a proposition both alone and in a range);
  the first is kept, leaving 1,423.
* Propositions that would overlap an earlier one (none in the released corpus) are dropped with their
  relations; empty ones (whitespace only) are dropped too.

Splits: ``train`` (581 comments), ``test`` (150), ``all`` (both). ``Document.meta`` records ``corpus`` and ``split``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, List, Union

from ..data import ArgumentUnit, Document, Relation
from ..errors import ArgumentValueError, CorpusFormatError, DataNotFoundError
from .base import RELEASE_HINT, corpus_dir, data_hint, read_exact, read_json

__all__ = ["read_cdcp", "parse_cdcp", "cdcp_root", "SPLITS", "LABEL_MAP"]

CORPUS = "cdcp"
SPLITS = ("train", "test", "all")
LABEL_MAP = {"policy": "Claim", "value": "Claim", "fact": "Premise", "testimony": "Premise", "reference": "Premise"}
_LINKS = (("reasons", "reason"), ("evidences", "evidence"))
_HINT = data_hint(CORPUS)


def cdcp_root(data_dir: Union[str, "os.PathLike[str]"]) -> Path:
    """``<data_dir>/cdcp``, checked to exist.

    Returns:
        The ``Path`` of the corpus folder."""
    return corpus_dir(data_dir, CORPUS, "the CDCP corpus directory")


def parse_cdcp(text: str, ann: Dict[str, Any], doc_id: str) -> Document:
    """One CDCP comment (its text and parsed ``.ann.json``) as a Document.

    Returns:
        The ``Document``, its ``meta["corpus"]`` ``"cdcp"``.

    Raises:
        CorpusFormatError: an unknown proposition type, or labels and offsets of different lengths (E009)."""
    labels, offsets = ann.get("prop_labels", []), ann.get("prop_offsets", [])
    if len(labels) != len(offsets):
        raise CorpusFormatError(f"{doc_id}: prop_labels and prop_offsets must have the same length; got {len(labels)} and {len(offsets)}. "
                                + RELEASE_HINT)
    units, last_end = [], -1
    for i, (label, (start, end)) in enumerate(zip(labels, offsets)):
        if label not in LABEL_MAP:
            raise CorpusFormatError(f"{doc_id}: proposition type must be one of {tuple(LABEL_MAP)}; got {label!r}. "
                                    + RELEASE_HINT)
        start, end = int(start), int(end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or start < last_end:
            continue
        units.append(ArgumentUnit(f"P{i}", start, end, LABEL_MAP[label], extra={"source_label": label}))
        last_end = end
    ids = {u.id for u in units}
    rels, seen = [], set()
    for key, name in _LINKS:
        for (src_from, src_to), target in ann.get(key, []):
            for src in range(int(src_from), int(src_to) + 1):
                s, t = f"P{src}", f"P{int(target)}"
                if s in ids and t in ids and s != t and (s, t) not in seen:
                    seen.add((s, t))
                    extra: Dict[str, Any] = {"source_label": name}
                    if src_to != src_from:
                        extra["source_group"] = [int(src_from), int(src_to)]
                    rels.append(Relation(s, t, "supports", extra=extra))
    return Document(text=text, units=units, relations=rels, id=doc_id, meta={"corpus": CORPUS})


def read_cdcp(data_dir: Union[str, "os.PathLike[str]"], split: str = "test") -> List[Document]:
    """Documents of one CDCP split (``train``, ``test``, ``all``), in comment-id order.

    Returns:
        A list of ``Document``, one per comment of the split.

    Raises:
        ArgumentValueError: an unknown ``split`` (E107).
        DataNotFoundError: no ``.ann.json`` files for the split under the data directory (E003)."""
    if split not in SPLITS:
        raise ArgumentValueError(f"split must be one of {SPLITS}; got {split!r}. "
                                 "Pass one of those (argmine.corpora.get_splits names them).")
    root = cdcp_root(data_dir)
    docs = []
    for part in (("train", "test") if split == "all" else (split,)):
        files = sorted((root / part).glob("*.ann.json"))
        if not files:
            raise DataNotFoundError(root / part / "*.ann.json", f"the CDCP {part} split", _HINT)
        for f in files:
            doc_id = f.name[: -len(".ann.json")]
            text = read_exact(f.with_name(doc_id + ".txt"))
            doc = parse_cdcp(text, read_json(f), doc_id)
            doc.meta["split"] = part
            docs.append(doc)
    return docs
