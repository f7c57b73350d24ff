"""Gold Documents → paragraph training examples (word tags, unit spans, links) for the network."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Tuple

from ..data import ArgumentUnit, Document
from ..model.features import ParagraphInput, prepare
from ..model.network import EVIDENCE_TYPES, REL_LABELS, SEG_TAGS, STANCES, TAGS, UNIT_LABELS

MAIN = "main"  # the source of examples in the model's own scheme (AAEC: MajorClaim / Claim / Premise + relations)


@dataclass
class Example:
    """One paragraph's training example: its encoder input ``para`` and gold word ``tags`` (BIO), unit ``spans``
    (word offsets, end exclusive), unit ``labels``, claim ``stance``, ``link`` targets and ``rel`` labels,
    ``evidence`` types, and its ``source`` corpus (``"main"`` or an auxiliary corpus, whose tags are ``SEG_TAGS``)."""
    para: ParagraphInput
    tags: List[int]
    spans: List[tuple] = field(default_factory=list)      # word spans [s, e)
    labels: List[int] = field(default_factory=list)       # index into UNIT_LABELS
    stance: List[int] = field(default_factory=list)       # index into STANCES, -1 when not a claim
    link: List[int] = field(default_factory=list)         # target unit index, or len(spans) for none; -1 = not trained
    rel: List[int] = field(default_factory=list)          # index into REL_LABELS, -1 when no link
    source: str = MAIN                                    # MAIN, or the name of an auxiliary corpus (tags are SEG_TAGS)
    evidence: List[int] = field(default_factory=list)     # index into EVIDENCE_TYPES, -1 when unknown

    @property
    def n_pieces(self) -> int:
        """The number of wordpieces in the paragraph's encoder windows (a batch's cost)."""
        return sum(len(w.input_ids) for w in self.para.windows)


def _paragraph_units(doc: Document, tokenizer, max_length: int, noise_filter: bool
                     ) -> Iterator[Tuple[ParagraphInput, List[Tuple[ArgumentUnit, int, int]]]]:
    """Each encoder paragraph with the gold units that fall in it, as (unit, first word, end word)."""
    units = sorted(doc.units, key=lambda u: u.start)
    for para in prepare(doc.text, tokenizer, max_length, noise_filter):
        inside = []
        for u in units:
            if u.start < para.end and u.end > para.start:
                ws = [k for k, (a, b) in enumerate(para.words) if a < u.end and b > u.start]
                if ws:
                    inside.append((u, ws[0], ws[-1] + 1))
        yield para, inside


def document_examples(doc: Document, tokenizer, max_length: int = 512, noise_filter: bool = True) -> List[Example]:
    """Examples in the model's own scheme: BIO × unit label, types, claim stances, premise links.

    Returns:
        A list of ``Example``, one per paragraph of the text (tags, unit spans in words, labels, stances, link targets
        and relation labels)."""
    out_rel = {r.source: r for r in doc.relations}
    out = []
    for para, inside in _paragraph_units(doc, tokenizer, max_length, noise_filter):
        tags = [0] * len(para.words)
        spans, labels, stance = [], [], []
        for u, s, e in inside:
            lab = UNIT_LABELS.index(u.label)
            tags[s] = TAGS.index("B-" + u.label)
            for k in range(s + 1, e):
                tags[k] = TAGS.index("I-" + u.label)
            spans.append((s, e))
            labels.append(lab)
            st = u.extra.get("stance")
            stance.append(STANCES.index(st) if st in STANCES else -1)
        ids = [u.id for u, _, _ in inside]
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


def segment_examples(doc: Document, tokenizer, source: str, max_length: int = 512, noise_filter: bool = True) -> List[Example]:
    """Examples of an auxiliary corpus: label-agnostic BIO (SEG_TAGS) and, where units carry one, the evidence type.

    Another corpus's labels (Claim/Premise of UKP or microtexts, Webis' evidence types) follow other guidelines
    than the model's own scheme, so they train their own heads and never the main tagger or typer.

    Returns:
        A list of ``Example``, one per paragraph of the text.
    """
    out = []
    for para, inside in _paragraph_units(doc, tokenizer, max_length, noise_filter):
        tags = [0] * len(para.words)
        spans, evidence = [], []
        for u, s, e in inside:
            if any(tags[k] for k in range(s, e)):  # overlapping units (rare): keep the first
                continue
            tags[s] = SEG_TAGS.index("B")
            for k in range(s + 1, e):
                tags[k] = SEG_TAGS.index("I")
            spans.append((s, e))
            ev = u.extra.get("evidence_type")
            evidence.append(EVIDENCE_TYPES.index(ev) if ev in EVIDENCE_TYPES else -1)
        out.append(Example(para, tags, spans, source=source, evidence=evidence))
    return out


@dataclass
class DocExample:
    """One document in the model's own scheme, for document-level training (argmine 0.3).

    ``paras`` are its encoder paragraphs (``alt_paras``: the same with a neutral paragraph marker, used at random in
    training so the model does not lean on the essay layout); ``tags[p]`` the word tags of paragraph ``p``; units are
    listed in text order as ``spans`` ``(p, first word, end word)`` with ``labels``, ``stance`` (-1: not a claim) and
    ``link``: the target's unit index in the document, ``len(spans)`` for none, -1 when not trained (claims and major
    claims: their stance is trained instead); ``rel``: the link's REL_LABELS index or -1. ``headline``: the
    encoder windows of the document's headline (``meta["title"]``), or None.
    """

    paras: List[ParagraphInput]
    tags: List[List[int]]
    spans: List[tuple] = field(default_factory=list)
    labels: List[int] = field(default_factory=list)
    stance: List[int] = field(default_factory=list)
    link: List[int] = field(default_factory=list)
    rel: List[int] = field(default_factory=list)
    source: str = MAIN
    alt_paras: Optional[List[ParagraphInput]] = None
    headline: Optional[list] = None

    @property
    def n_pieces(self) -> int:
        """The number of wordpieces in all the document's paragraph windows (a batch's cost)."""
        return sum(len(w.input_ids) for p in self.paras for w in p.windows)


NEUTRAL_ROLE = "paragraph"  # the marker a paragraph gets when its role is hidden in training


def _unit_stance(u: ArgumentUnit, rel_by_source: dict, labels_by_id: dict) -> int:
    """A claim's stance: ``extra["stance"]``, else the label of its relation to a MajorClaim (corpora such as
    arg-microtexts give the stance only as that relation); -1 for other units."""
    if u.label != "Claim":
        return -1
    st = u.extra.get("stance")
    if st in STANCES:
        return STANCES.index(st)
    r = rel_by_source.get(u.id)
    if r is not None and labels_by_id.get(r.target) == "MajorClaim":
        return 0 if r.label == "supports" else 1
    return -1


def doc_example(doc: Document, tokenizer, max_length: int = 512, noise_filter: bool = True,
                source: str = MAIN, neutral_copy: bool = True) -> DocExample:
    """A document-level training example: word tags per paragraph, units, stances and cross-paragraph links.

    Returns:
        The ``DocExample``."""
    import dataclasses

    from ..model.features import headline_windows, make_windows

    rel_by_source = {r.source: r for r in doc.relations}
    labels_by_id = {u.id: u.label for u in doc.units}
    paras, tags, units = [], [], []
    for para, inside in _paragraph_units(doc, tokenizer, max_length, noise_filter):
        p = len(paras)
        paras.append(para)
        t = [0] * len(para.words)
        for u, s, e in inside:
            if any(t[k] for k in range(s, e)):  # overlapping units (rare): keep the first
                continue
            t[s] = TAGS.index("B-" + u.label)
            for k in range(s + 1, e):
                t[k] = TAGS.index("I-" + u.label)
            units.append((u, p, s, e))
        tags.append(t)
    ids = [u.id for u, _, _, _ in units]
    ex = DocExample(paras, tags, source=source, headline=headline_windows(doc.meta.get("title"), tokenizer))
    for u, p, s, e in units:
        ex.spans.append((p, s, e))
        ex.labels.append(UNIT_LABELS.index(u.label))
        ex.stance.append(_unit_stance(u, rel_by_source, labels_by_id))
        r = rel_by_source.get(u.id)
        if u.label != "Premise":
            ex.link.append(-1)
            ex.rel.append(-1)
        elif r is not None and r.target in ids:
            ex.link.append(ids.index(r.target))
            ex.rel.append(REL_LABELS.index(r.label))
        else:
            ex.link.append(len(ids))
            ex.rel.append(-1)
    if neutral_copy:
        ex.alt_paras = [dataclasses.replace(pp, role=NEUTRAL_ROLE, windows=make_windows(
            tokenizer, [doc.text[a:b] for a, b in pp.words], NEUTRAL_ROLE, max_length)) for pp in paras]
    return ex
