"""AIF: the Argument Interchange Format, in the JSON shape AIFdb imports and exports.

A document becomes one I-node per unit and one S-node per relation: an ``RA`` node (rule application,
"Default Inference") for ``supports`` and a ``CA`` node (conflict application, "Default Conflict") for
``attacks``, with the edges premise I-node -> RA/CA -> conclusion I-node. Node and edge ids are strings of
integers, as AIFdb writes them; every node carries a ``timestamp`` ("YYYY-MM-DD HH:MM:SS").

AIF has no character offsets, unit labels or scores, so argmine keeps them in extra ``argmine`` keys (on
the top-level object and on each node); AIF readers ignore keys they do not know, and :func:`from_aif`
uses them to restore the Document exactly. Plain AIF without them (e.g. from AIFdb) is read as well as it
can be: see :func:`from_aif`.
"""
from __future__ import annotations

import copy
import html
import re
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple

from ..data import SCHEMA_VERSION, ArgumentUnit, Document, Relation
from ..errors import AifFormatError, ExportError

#: S-node type and AIFdb's default scheme text, per argmine relation label.
S_NODES = {"supports": ("RA", "Default Inference"), "attacks": ("CA", "Default Conflict")}
_LABEL_OF_TYPE = {"RA": "supports", "CA": "attacks"}
TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"


def _now() -> str:
    return datetime.now(timezone.utc).strftime(TIMESTAMP_FORMAT)


def to_aif(doc: Document, *, timestamp: Optional[str] = None) -> Dict[str, Any]:
    """The document as an AIF JSON object: ``{"nodes": [...], "edges": [...], "locutions": [], "argmine": {...}}``.

    ``timestamp`` (``"YYYY-MM-DD HH:MM:SS"``) is written on every node; default: now, in UTC.

    Returns:
        A dict of JSON values (the AIF graph, I-, RA- and CA-nodes), with argmine's lossless copy of the document in
        ``argmine``.

    Raises:
        ExportError: a relation with an unknown label or an end that is no unit of the document (E102).
    """
    ts = timestamp if timestamp is not None else _now()
    nodes: List[Dict[str, Any]] = []
    edges: List[Dict[str, Any]] = []
    node_of: Dict[str, str] = {}
    for u in doc.units:
        nid = str(len(nodes) + 1)
        node_of[u.id] = nid
        nodes.append({
            "nodeID": nid, "text": doc.text[u.start:u.end], "type": "I", "timestamp": ts,
            "argmine": {"id": u.id, "start": u.start, "end": u.end, "label": u.label, "score": u.score,
                        **({"extra": copy.deepcopy(u.extra)} if u.extra else {})},
        })
    for r in doc.relations:
        if r.label not in S_NODES:
            raise ExportError(f"relation label must be one of {tuple(S_NODES)}; got {r.label!r}")
        if r.source not in node_of or r.target not in node_of:
            raise ExportError(f"relation ends must be unit ids of this document; got {r.source!r} -> {r.target!r}")
        kind, text = S_NODES[r.label]
        nid = str(len(nodes) + 1)
        nodes.append({
            "nodeID": nid, "text": text, "type": kind, "timestamp": ts,
            "argmine": {"label": r.label, "score": r.score, **({"extra": copy.deepcopy(r.extra)} if r.extra else {})},
        })
        for a, b in ((node_of[r.source], nid), (nid, node_of[r.target])):
            edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})
    head: Dict[str, Any] = {"schema_version": SCHEMA_VERSION, "id": doc.id, "text": doc.text,
                            "model": copy.deepcopy(doc.model)}
    if doc.meta:
        head["meta"] = copy.deepcopy(doc.meta)
    return {"nodes": nodes, "edges": edges, "locutions": [], "argmine": head}


def from_aif(d: Dict[str, Any], text: Optional[str] = None) -> Document:
    """A Document from an AIF JSON object.

    Lossless for what :func:`to_aif` wrote (``from_aif(to_aif(doc)) == doc``). ``text`` overrides the text kept
    in the ``argmine`` key; it is needed for plain AIF without argmine's keys, where each I-node's text is
    looked up in ``text`` in order (nodes not found are left out), labels are guessed from the graph (target
    but not source of relations: MajorClaim; source of a relation to a MajorClaim, or in no relation: Claim;
    else Premise) and scores are 1.0. Without ``text``, plain AIF gets the I-node texts joined by blank lines.
    Nodes other than I, RA and CA (locutions, YA, TA, MA, ...) are ignored.

    Returns:
        The ``Document`` (not validated).

    Raises:
        AifFormatError: ``d`` is not a JSON object with a ``nodes`` list (E103).
    """
    if not isinstance(d, dict) or not isinstance(d.get("nodes"), list):
        raise AifFormatError("AIF must be a JSON object with a 'nodes' list")
    head = d.get("argmine") if isinstance(d.get("argmine"), dict) else {}
    nodes = {str(n["nodeID"]): n for n in d["nodes"]}
    into: Dict[str, List[str]] = {}
    out_of: Dict[str, List[str]] = {}
    for e in d.get("edges", []):
        a, b = str(e["fromID"]), str(e["toID"])
        out_of.setdefault(a, []).append(b)
        into.setdefault(b, []).append(a)
    i_nodes = [n for n in d["nodes"] if n.get("type") == "I"]
    lossless = bool(head) and all(isinstance(n.get("argmine"), dict) for n in i_nodes)
    if text is None:
        text = head.get("text") if lossless or "text" in head else None
    if text is None:
        text = "\n\n".join(str(n.get("text", "")) for n in i_nodes)

    units, unit_of = (_lossless_units(i_nodes) if lossless else _found_units(i_nodes, nodes, into, text))
    relations = _aif_relations(d["nodes"], unit_of, into, out_of)

    if not lossless:
        kept: List[ArgumentUnit] = []
        for u in sorted(units, key=lambda u: (u.start, u.end)):  # a text found twice must not overlap
            if u.end > u.start and (not kept or u.start >= kept[-1].end):
                kept.append(u)
        ids = {u.id for u in kept}
        relations = [r for r in relations if r.source in ids and r.target in ids]
        units = _guess_labels(kept, relations)
    meta = head.get("meta") or {}
    return Document(text=text, units=units, relations=relations, id=head.get("id"),
                    model=copy.deepcopy(head.get("model")), meta=copy.deepcopy(meta))


def _lossless_units(i_nodes: List[Dict[str, Any]]) -> Tuple[List[ArgumentUnit], Dict[str, str]]:
    """The units argmine kept in its I-nodes' ``argmine`` keys, and the unit id of each node id."""
    units: List[ArgumentUnit] = []
    unit_of: Dict[str, str] = {}
    for n in i_nodes:
        a = n["argmine"]
        units.append(ArgumentUnit(a["id"], int(a["start"]), int(a["end"]), a["label"], float(a.get("score", 1.0)),
                                  copy.deepcopy(a.get("extra", {}))))
        unit_of[str(n["nodeID"])] = a["id"]
    return units, unit_of


def _found_units(i_nodes: List[Dict[str, Any]], nodes: Dict[str, Dict[str, Any]], into: Dict[str, List[str]],
                 text: str) -> Tuple[List[ArgumentUnit], Dict[str, str]]:
    """Premise units where each plain I-node's text is found in ``text`` (in order; nodes not found are left out),
    and the unit id of each node id. Raises AifFormatError when there are no I-nodes or none is found."""
    units: List[ArgumentUnit] = []
    unit_of: Dict[str, str] = {}
    pos = 0
    for n in i_nodes:
        found = _find_node_text(text, _node_texts(n, nodes, into), pos)
        if found is None:
            continue
        at, t = found
        pos = max(pos, at + len(t))
        uid = f"U{len(units) + 1}"
        units.append(ArgumentUnit(uid, at, at + len(t), "Premise"))
        unit_of[str(n["nodeID"])] = uid
    if not i_nodes:
        raise AifFormatError("AIF must have I-nodes (the propositions) to read units from; got none. "
                             "argmine reads the argument graph, not dialogue alone")
    if not units:
        raise AifFormatError(f"AIF I-node texts must occur in the document text; got none of {len(i_nodes)} found "
                             f"(first: {str(i_nodes[0].get('text', ''))[:40]!r}). Pass the text they were cut from.")
    return units, unit_of


def _aif_relations(all_nodes: List[Dict[str, Any]], unit_of: Dict[str, str], into: Dict[str, List[str]],
                   out_of: Dict[str, List[str]]) -> List[Relation]:
    """One relation per (source unit, target unit) pair of each RA (supports) or CA (attacks) node."""
    relations: List[Relation] = []
    for n in all_nodes:
        kind = n.get("type")
        if kind not in _LABEL_OF_TYPE:
            continue
        nid = str(n["nodeID"])
        sources = [unit_of[x] for x in into.get(nid, []) if x in unit_of]
        targets = [unit_of[x] for x in out_of.get(nid, []) if x in unit_of]
        a = n.get("argmine") if isinstance(n.get("argmine"), dict) else {}
        for s in sources:
            for t in targets:
                relations.append(Relation(s, t, a.get("label", _LABEL_OF_TYPE[kind]), float(a.get("score", 1.0)),
                                          copy.deepcopy(a.get("extra", {}))))
    return relations


_SPEAKER = re.compile(r"^[^:\n]{1,60}? : ")  # OVA and AMF write a locution as "Speaker : what was said"


def _node_texts(node: Dict[str, Any], nodes: Dict[str, Dict[str, Any]], into: Dict[str, List[str]]) -> List[str]:
    """The texts an I-node may be found by: its own, then those of the locutions that assert it (L -> YA -> I),
    without a ``Speaker : `` prefix (AMF's propositions are often reworded; their locutions are the words)."""
    texts = [str(node.get("text", ""))]
    for ya in into.get(str(node["nodeID"]), []):
        if nodes.get(ya, {}).get("type") != "YA":
            continue
        for loc in into.get(ya, []):
            if nodes.get(loc, {}).get("type") == "L":
                said = str(nodes[loc].get("text", ""))
                texts += [said, _SPEAKER.sub("", said)]
    return [t for t in texts if t.strip()]


def _find_node_text(text: str, candidates: List[str], pos: int) -> Optional[Tuple[int, str]]:
    """``(offset, candidate)`` of the first candidate found in ``text`` (from ``pos`` on, else anywhere)."""
    for start in (pos, 0):
        for t in candidates:
            at = text.find(t, start)
            if at >= 0:
                return at, t
    return None


def _guess_labels(units: List[ArgumentUnit], relations: List[Relation]) -> List[ArgumentUnit]:
    sources = {r.source for r in relations}
    targets = {r.target for r in relations}
    majors = {u.id for u in units if u.id in targets and u.id not in sources}
    claims = {r.source for r in relations if r.target in majors} | {u.id for u in units if u.id not in sources | targets}
    out = []
    for u in units:
        label = "MajorClaim" if u.id in majors else "Claim" if u.id in claims else "Premise"
        out.append(ArgumentUnit(u.id, u.start, u.end, label, u.score, u.extra))
    return out


# -- xAIF: the AIF graph with its text and an OVA layout, as ARG-tech's AMF pipelines and OVA3 exchange it ------------
_TAG = re.compile(r"<[^<>]*>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def is_xaif(d: Any) -> bool:
    """Whether ``d`` is xAIF: a JSON object whose ``AIF`` key holds the AIF graph.

    Returns:
        True or False."""
    return isinstance(d, dict) and isinstance(d.get("AIF"), dict)


def xaif_text(d: Dict[str, Any]) -> Optional[str]:
    """The plain text of an xAIF object: its ``text`` (a string, or ``{"txt": ...}`` as OVA writes it).

    AMF marks the text up (``<span class="highlighted" id="...">...</span>``, ``<br>``): such markup is removed,
    ``<br>`` becomes a line break and entities are decoded (``html.unescape``), so the document's text is the plain
    text (offsets index it). None when there is no text.

    Returns:
        The plain text (str), or None when the object has no text.
    """
    t = d.get("text")
    if isinstance(t, dict):
        t = t.get("txt")
    if not isinstance(t, str):
        return None
    if "<" not in t and "&" not in t:
        return t
    return html.unescape(_TAG.sub("", _BR.sub("\n", t)))


def from_xaif(d: Dict[str, Any], text: Optional[str] = None) -> Document:
    """A Document from xAIF (``{"AIF": {"nodes", "edges", ...}, "text": ..., "OVA": ...}``).

    The nested AIF graph is read by :func:`from_aif`; the text is ``text`` when given, else the text argmine kept
    (xAIF written by :func:`to_xaif` reads back losslessly), else :func:`xaif_text`. Raises ``ValueError`` when the
    graph is not AIF or none of its I-nodes is found in the text: never an empty document.

    Returns:
        The ``Document`` (not validated).

    Raises:
        AifFormatError: ``d`` is not xAIF (no ``AIF`` object holding the graph) (E103).
    """
    if not is_xaif(d):
        raise AifFormatError("xAIF must be a JSON object with an 'AIF' object holding the graph; got none")
    graph = d["AIF"]
    head = graph.get("argmine") if isinstance(graph.get("argmine"), dict) else {}
    if text is None and "text" not in head:
        text = xaif_text(d)
    return from_aif(graph, text=text)


def to_xaif(doc: Document, *, timestamp: Optional[str] = None) -> Dict[str, Any]:
    """The document as xAIF: ``{"AIF": to_aif(doc) + AMF's empty lists, "text": doc.text, "OVA": layout}``.

    The OVA part lays the graph out for OVA3: one row per relation level, targets above their sources (``x``,
    ``y`` in pixels); AMF tools ignore it.

    Returns:
        A dict of JSON values: ``AIF``, ``text`` and ``OVA``.
    """
    aif = to_aif(doc, timestamp=timestamp)
    for key in ("participants", "schemefulfillments", "descriptorfulfillments", "cqdescriptorfulfillments"):
        aif.setdefault(key, [])
    return {"AIF": aif, "text": doc.text, "OVA": _ova_layout(aif)}


def _ova_layout(aif: Dict[str, Any]) -> Dict[str, Any]:
    """OVA's layout of an AIF graph: each node at ``x`` by order and ``y`` by its depth below the graph's roots."""
    out_of: Dict[str, List[str]] = {}
    for e in aif["edges"]:
        out_of.setdefault(e["fromID"], []).append(e["toID"])
    depth: Dict[str, int] = {}

    def level(nid: str, seen: frozenset = frozenset()) -> int:
        if nid not in depth:
            ups = [level(t, seen | {nid}) for t in out_of.get(nid, []) if t not in seen]
            depth[nid] = 1 + max(ups) if ups else 0
        return depth[nid]

    col: Dict[int, int] = {}
    nodes = []
    for n in aif["nodes"]:
        y = level(n["nodeID"])
        x = col.get(y, 0)
        col[y] = x + 1
        nodes.append({"nodeID": n["nodeID"], "visible": True, "x": 50 + 300 * x, "y": 50 + 150 * y,
                      "timestamp": n["timestamp"]})
    edges = [{"fromID": e["fromID"], "toID": e["toID"], "visible": True} for e in aif["edges"]]
    return {"firstname": "", "surname": "", "url": "", "nodes": nodes, "edges": edges}
