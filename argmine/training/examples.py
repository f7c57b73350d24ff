"""Gold Documents → paragraph training examples (word tags, unit spans, links) for the network."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional

from ..data import Document
from ..model.features import ParagraphInput, prepare
from ..model.network import REL_LABELS, STANCES, TAGS, UNIT_LABELS


@dataclass
class Example:
    para: ParagraphInput
    tags: List[int]
    spans: List[tuple] = field(default_factory=list)      # word spans [s, e)
    labels: List[int] = field(default_factory=list)       # index into UNIT_LABELS
    stance: List[int] = field(default_factory=list)       # index into STANCES, -1 when not a claim
    link: List[int] = field(default_factory=list)         # target unit index, or len(spans) for none; -1 = not trained
    rel: List[int] = field(default_factory=list)          # index into REL_LABELS, -1 when no link

    @property
    def n_pieces(self) -> int:
        return sum(len(w.input_ids) for w in self.para.windows)


def document_examples(doc: Document, tokenizer, max_length: int = 512, noise_filter: bool = True) -> List[Example]:
    units = sorted(doc.units, key=lambda u: u.start)
    out_rel = {r.source: r for r in doc.relations}
    out = []
    for para in prepare(doc.text, tokenizer, max_length, noise_filter):
        inside = [u for u in units if u.start < para.end and u.end > para.start]
        tags = [0] * len(para.words)
        spans, labels, stance = [], [], []
        for u in inside:
            ws = [k for k, (a, b) in enumerate(para.words) if a < u.end and b > u.start]
            if not ws:
                continue
            s, e = ws[0], ws[-1] + 1
            lab = UNIT_LABELS.index(u.label)
            tags[s] = TAGS.index("B-" + u.label)
            for k in range(s + 1, e):
                tags[k] = TAGS.index("I-" + u.label)
            spans.append((s, e))
            labels.append(lab)
            st = u.extra.get("stance")
            stance.append(STANCES.index(st) if st in STANCES else -1)
        ids = [u.id for u in inside if any(a < u.end and b > u.start for a, b in para.words)]
        link, rel = [], []
        for i, uid in enumerate(ids):
            r = out_rel.get(uid)
            if labels[i] != UNIT_LABELS.index("Premise"):
                link.append(-1)
                rel.append(-1)
            elif r is not None and r.target in ids:
                link.append(ids.index(r.target))
                rel.append(REL_LABELS.index(r.label))
            else:
                link.append(len(ids))
                rel.append(-1)
        out.append(Example(para, tags, spans, labels, stance, link, rel))
    return out
