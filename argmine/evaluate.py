"""Evaluate a miner (or a list of predicted Documents) against a corpus split."""
from __future__ import annotations

from typing import Dict, List, Sequence

from .data import ArgumentUnit, Document, Relation
from .metrics import score_documents
from .text import paragraph_spans


def split_paragraphs(doc: Document) -> List[Document]:
    """One Document per paragraph, offsets shifted; relations kept when both ends lie in the paragraph."""
    out = []
    for k, (s, e) in enumerate(paragraph_spans(doc.text)):
        units = [ArgumentUnit(u.id, u.start - s, u.end - s, u.label, u.score, u.extra) for u in doc.units if u.start >= s and u.end <= e]
        ids = {u.id for u in units}
        rels = [r for r in doc.relations if r.source in ids and r.target in ids]
        out.append(Document(doc.text[s:e], units, rels, id=f"{doc.id}#p{k}", model=doc.model))
    return out


def score(gold: Sequence[Document], pred: Sequence[Document], level: str = "essay") -> Dict:
    if level not in ("essay", "paragraph"):
        raise ValueError(f"level must be 'essay' or 'paragraph'; got {level!r}")
    if level == "paragraph":
        gold = [p for d in gold for p in split_paragraphs(d)]
        pred = [p for d in pred for p in split_paragraphs(d)]
    return score_documents(list(gold), list(pred))


def evaluate_miner(miner, gold: Sequence[Document], level: str = "essay", show_progress: bool = False) -> Dict:
    """Mine each gold text (the whole essay, as a user would) and score at ``level``."""
    pred = list(miner.mine_batch([d.text for d in gold], ids=[d.id for d in gold], show_progress=show_progress))
    return score(gold, pred, level)
