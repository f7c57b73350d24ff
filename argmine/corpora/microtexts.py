"""Reader for arg-microtexts part 1, English (Peldszus & Stede 2015): argumentation graphs over short texts.

Layout read: ``<data_dir>/arg-microtexts/corpus/en/micro_*.xml`` (the graph) and ``micro_*.txt`` (the text).

Mapping onto argmine's scheme (documented choice):

* ``Document.text`` is the ``.txt`` file exactly. Each EDU is found in it in order (the EDUs are verbatim
  substrings of the text); when a ``.txt`` file is missing, the text is the EDUs joined by single spaces.
* Units are the ADUs. An ADU's span runs from the start of its first EDU to the end of its last one; EDUs reach
  an ADU directly (``seg`` EDU -> ADU) or through a ``joint`` node (``seg`` EDU -> JOINT -> ADU), which joins
  adjacent EDUs into one ADU. (The English part 1 has one EDU per ADU and no joints; both cases are handled.)
  The dialectic role (``pro``/``opp``) is kept in ``unit.extra["role"]`` and the ADU id in
  ``unit.extra["source_id"]``; unit ids are ``U1``, ``U2``, ... in text order.
* Unit labels. The central claim -- the one ADU with no outgoing argumentative edge -- is the ``MajorClaim``.
  An ADU is a ``Claim`` when (a) its (resolved) relation targets the central claim directly and (b) at least one
  other ADU supports or attacks it (it is the conclusion of a sub-argument). Every other ADU is a ``Premise``
  (an ADU attached to the central claim with nothing arguing for or against it is a plain premise of the
  central claim, as in AAEC). ``unit.extra["source_label"]`` records ``central_claim``, ``claim`` or
  ``premise`` together with the role, e.g. ``"pro"``.
* Relations. ``sup`` (support) and ``exa`` (support by example) become ``supports``; ``reb`` (rebutting attack)
  becomes ``attacks``. ``und`` (undercutting attack: an ADU attacks an *edge*, the inference from its source to
  its target) becomes ``attacks`` from the undercutter to the **source ADU of the undercut edge** -- the
  conversion of Peldszus & Stede's own relation-node-free graphs (evidencegraph ``get_relation_node_free_graph``).
  ``add`` (an additional source: the ADU is a co-premise of a linked argument, attached to another edge) gives
  the ADU the same relation as the edge it joins -- same label, same resolved target -- with
  ``extra["linked_with"]`` naming the edge's first source unit. Every relation keeps the corpus edge type in
  ``extra["source_label"]`` (``sup``/``exa``/``reb``/``und``/``add``) and the edge id in ``extra["source_id"]``.
  One relation per argumentative edge: 464 relations for 576 ADUs over the 112 texts.
* ``Document.meta`` keeps ``corpus``, ``topic_id`` and ``stance`` (the author's stance on the trigger question)
  when the graph has them.

Splits: the corpus has no official split. ``"all"`` is all 112 texts; ``"train"``/``"dev"``/``"test"`` are a
deterministic 60/20/20 split by id: the ids sorted (``micro_b001`` ... ``micro_d23`` ... ``micro_k031``), every fifth
one (positions 4, 9, 14, ... counting from 0) goes to ``test`` (22 texts, for reporting only), the one before each
(positions 3, 8, 13, ...) to ``dev`` (for choosing), the rest to ``train`` (68 texts). Sorting interleaves the three
groups (b, d, k) so each is represented in every part. (Before argmine 0.3 ``train`` also held the ``dev`` texts.)

Only the standard library is used (``xml.etree``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

from ..data import ArgumentUnit, Document, Relation
from ..errors import ArgumentValueError, CorpusFormatError, DataNotFoundError
from .base import RELEASE_HINT, corpus_dir, data_hint, parse_xml, read_exact

__all__ = ["read_microtexts", "parse_microtext", "microtexts_root", "SPLITS", "split_ids"]

CORPUS = "arg-microtexts"
SPLITS = ("all", "train", "dev", "test")
_SUBDIR = Path(CORPUS) / "corpus" / "en"
_HINT = data_hint(CORPUS)
_SUPPORT = {"sup": "supports", "exa": "supports", "reb": "attacks", "und": "attacks"}
_TEST_EVERY = 5


def microtexts_root(data_dir: Union[str, "os.PathLike[str]"]) -> Path:
    """``<data_dir>/arg-microtexts/corpus/en``, checked to exist.

    Returns:
        The ``Path`` of the English corpus folder."""
    return corpus_dir(data_dir, _SUBDIR, "the arg-microtexts English corpus directory")


def split_ids(ids: List[str], split: str) -> List[str]:
    """The ids of ``split`` (``all``, ``train`` or ``test``) among ``ids``, sorted; see the module docstring.

    Returns:
        A list of ids (str), sorted."""
    ids = sorted(ids)
    if split == "all":
        return ids
    fold = {"test": _TEST_EVERY - 1, "dev": _TEST_EVERY - 2}
    if split in fold:
        return [i for k, i in enumerate(ids) if k % _TEST_EVERY == fold[split]]
    return [i for k, i in enumerate(ids) if k % _TEST_EVERY not in fold.values()]


def _edu_spans(text: str, edus: List[Tuple[str, str]], path: Path) -> Dict[str, Tuple[int, int]]:
    spans, pos = {}, 0
    for eid, etext in edus:
        etext = etext.strip()
        i = text.find(etext, pos)
        if i < 0:
            raise CorpusFormatError(f"{path}: EDU {eid} must occur in the text after offset {pos}; got {etext[:60]!r} not found. "
                                    + RELEASE_HINT)
        spans[eid] = (i, i + len(etext))
        pos = i + len(etext)
    return spans


def parse_microtext(xml_path: Union[str, "os.PathLike[str]"], text: Optional[str] = None) -> Document:
    """One arg-microtexts graph as a Document (see the module docstring for the mapping).

    Args:
        xml_path: the graph's ``.xml`` file.
        text: the original text; default: the ``.txt`` file beside ``xml_path``, else the EDUs joined by spaces.

    Returns:
        The Document: one unit per ADU (the central claim a MajorClaim), one relation per argumentative edge.

    Raises:
        CorpusFormatError: a graph that breaks the corpus's rules (an ungrounded ADU, a cycle, not one central
            claim, an unknown edge type) or XML that is not well formed (E009).
    """
    xml_path = Path(xml_path)
    root = parse_xml(xml_path)
    edus = [(e.get("id"), e.text or "") for e in root.findall("edu")]
    if text is None:
        txt = xml_path.with_suffix(".txt")
        text = read_exact(txt) if txt.exists() else " ".join(t.strip() for _, t in edus)
    edu_span = _edu_spans(text, edus, xml_path)
    roles = {a.get("id"): a.get("type") for a in root.findall("adu")}
    edges = {e.get("id"): (e.get("src"), e.get("trg"), e.get("type")) for e in root.findall("edge")}
    adu_span = _adu_spans(xml_path, edges, edu_span, roles)
    arg_edges = {k: v for k, v in edges.items() if v[2] != "seg"}
    resolved = _resolve_edges(xml_path, arg_edges, roles)
    units, uid = _units(xml_path, resolved, roles, adu_span)
    rels = []
    for eid, src, target, label, kind in sorted(resolved, key=lambda r: (adu_span[r[1]], r[0])):
        extra = {"source_label": kind, "source_id": eid}
        if kind == "add":
            extra["linked_with"] = uid[_first_source(arg_edges, eid)]
        rels.append(Relation(uid[src], uid[target], label, extra=extra))
    meta = {"corpus": CORPUS}
    for key in ("topic_id", "stance"):
        if root.get(key):
            meta[key] = root.get(key)
    return Document(text=text, units=units, relations=rels, id=root.get("id") or xml_path.stem, meta=meta)


def _adu_spans(xml_path: Path, edges: Dict[str, Tuple[str, str, str]], edu_span: Dict[str, Tuple[int, int]],
               roles: Dict[str, str]) -> Dict[str, Tuple[int, int]]:
    """(start, end) of each ADU: from the first to the last EDU that grounds it (seg edges, directly or through
    joints)."""
    grounded: Dict[str, List[str]] = {}
    for src, trg, kind in edges.values():
        if kind == "seg":
            grounded.setdefault(trg, []).append(src)

    def edus_of(node: str) -> List[str]:
        if node in edu_span:
            return [node]
        return [e for part in grounded.get(node, []) for e in edus_of(part)]

    adu_span = {}
    for adu in roles:
        parts = edus_of(adu)
        if not parts:
            raise CorpusFormatError(f"{xml_path}: ADU {adu} must be grounded in at least one EDU; got none. "
                                    + RELEASE_HINT)
        adu_span[adu] = (min(edu_span[e][0] for e in parts), max(edu_span[e][1] for e in parts))
    return adu_span


def _resolve_edges(xml_path: Path, arg_edges: Dict[str, Tuple[str, str, str]],
                   roles: Dict[str, str]) -> List[Tuple[str, str, str, str, str]]:
    """(edge id, source ADU, target ADU, argmine label, edge type) of each argumentative edge, resolving und/add
    through the edge they hit."""
    def resolve(edge_id: str, depth: int = 0) -> Tuple[str, str]:
        """(resolved target ADU, argmine label) of an argumentative edge."""
        if depth > len(arg_edges):
            raise CorpusFormatError(f"{xml_path}: edges must not form a cycle; got one through {edge_id}. "
                                    + RELEASE_HINT)
        src, trg, kind = arg_edges[edge_id]
        if kind == "add":
            return resolve(trg, depth + 1)
        if kind == "und":
            hit = arg_edges[trg]
            while hit[2] == "add":  # an undercut of an add edge hits the linked argument's edge
                hit = arg_edges[hit[1]]
            return hit[0], "attacks"
        if trg not in roles:
            raise CorpusFormatError(f"{xml_path}: a {kind} edge must target an ADU; got {trg!r}. "
                                    + RELEASE_HINT)
        return trg, _SUPPORT[kind]

    resolved = []
    for eid, (src, trg, kind) in arg_edges.items():
        if kind not in ("sup", "exa", "reb", "und", "add"):
            raise CorpusFormatError(f"{xml_path}: edge type must be seg, sup, exa, reb, und or add; got {kind!r}. "
                                    + RELEASE_HINT)
        target, label = resolve(eid)
        resolved.append((eid, src, target, label, kind))
    return resolved


def _first_source(arg_edges: Dict[str, Tuple[str, str, str]], edge_id: str) -> str:
    """The source ADU of the edge an ``add`` edge (chain) joins."""
    src, trg, kind = arg_edges[edge_id]
    return _first_source(arg_edges, trg) if kind == "add" else src


def _units(xml_path: Path, resolved: List[Tuple[str, str, str, str, str]], roles: Dict[str, str],
           adu_span: Dict[str, Tuple[int, int]]) -> Tuple[List[ArgumentUnit], Dict[str, str]]:
    """The units in text order (the central claim a MajorClaim, ADUs that argue for it and are argued for Claims,
    the rest Premises) and the unit id of each ADU."""
    has_out = {src for _, src, _, _, _ in resolved}
    central = [a for a in roles if a not in has_out]
    if len(central) != 1:
        raise CorpusFormatError(f"{xml_path}: exactly one ADU must have no outgoing edge (the central claim); got {central}. "
                                + RELEASE_HINT)
    cc = central[0]
    targets_of: Dict[str, set] = {}
    incoming = set()
    for _, src, target, _, _ in resolved:
        targets_of.setdefault(src, set()).add(target)
        incoming.add(target)

    def unit_kind(adu: str) -> str:
        if adu == cc:
            return "MajorClaim"
        if cc in targets_of.get(adu, ()) and adu in incoming:
            return "Claim"
        return "Premise"

    order = sorted(roles, key=lambda a: adu_span[a])
    uid = {a: f"U{i}" for i, a in enumerate(order, 1)}
    source_label = {"MajorClaim": "central_claim", "Claim": "claim", "Premise": "premise"}
    units = []
    for a in order:
        label = unit_kind(a)
        units.append(ArgumentUnit(uid[a], adu_span[a][0], adu_span[a][1], label,
                                  extra={"source_label": source_label[label], "role": roles[a], "source_id": a}))
    return units, uid


def read_microtexts(data_dir: Union[str, "os.PathLike[str]"], split: str = "all") -> List[Document]:
    """Documents of one arg-microtexts split (``all``, ``train``, ``test``), in id order.

    Returns:
        A list of ``Document``, one per microtext of the split.

    Raises:
        ArgumentValueError: an unknown ``split`` (E107).
        DataNotFoundError: no ``micro_*.xml`` files under the data directory (E003)."""
    if split not in SPLITS:
        raise ArgumentValueError(f"split must be one of {SPLITS}; got {split!r}. "
                                 "Pass one of those (argmine.corpora.get_splits names them).")
    root = microtexts_root(data_dir)
    files = {p.stem: p for p in root.glob("micro_*.xml")}
    if not files:
        raise DataNotFoundError(root / "micro_*.xml", "the arg-microtexts XML graphs", _HINT)
    docs = []
    for i in split_ids(list(files), split):
        doc = parse_microtext(files[i])
        doc.meta["split"] = split
        docs.append(doc)
    return docs
