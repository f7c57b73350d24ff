"""Reader for the UKP web-discourse corpus, Toulmin gold (Habernal & Gurevych, CL 2017), from its UIMA XMI form.

Layout read: ``<data_dir>/web-discourse-toulmin/habernal.gurevych.2017.argumentation.mining.CL.data/data/
gold.data.toulmin/*.xmi`` (340 article comments, forum posts, blog posts and newspaper articles on six
education topics).

Mapping onto argmine's scheme (documented choice):

* ``Document.text`` is the XMI ``sofaString`` exactly (it starts with the author's user name on its own line,
  as in the corpus). Offsets are UIMA's, converted from UTF-16 code units to code points where needed (the
  corpus has no character outside the Basic Multilingual Plane, so they coincide), with surrounding
  whitespace trimmed.
* Units are the extended-Toulmin components; ``unit.extra["source_label"]`` keeps the Toulmin type:

  ======================  ===========
  Toulmin                 argmine
  ======================  ===========
  Claim                   ``Claim``
  Premise                 ``Premise``
  Backing                 ``Premise``
  Rebuttal                ``Premise``
  Refutation              ``Premise``
  ======================  ===========

  A claim is the document's standpoint, but some documents state (or restate) it more than once and the
  corpus has no claim hierarchy, so no unit is a ``MajorClaim``. Implicit claims (170 of the 365: a claim the
  author never writes, annotated with an empty span and a rephrasing) have no text, so they are not units;
  their rephrasings are kept in ``Document.meta["implicit_claims"]`` and the links to them are lost, except
  that a refutation still finds the rebuttal it answers (below). 163 of the 340 documents have one.
  ``ArgumentComponent`` annotations with ``appealToEmotion=true`` (98 pathos annotations, a separate dimension
  that overlaps the Toulmin spans) are not units. ``unit.extra["rephrased"]`` holds the annotator's rephrased content when present.
* Relations (the corpus' ``ArgumentRelation``, always from a component to a claim):

  - Premise -> Claim and Backing -> Claim: ``supports``.
  - Rebuttal -> Claim: ``attacks`` (a rebuttal states an objection to the claim).
  - Refutation: the corpus links it to the claim, but a refutation answers a rebuttal. It becomes ``attacks``
    from the refutation to the rebuttal it answers: the nearest rebuttal before it that attacks the same
    (explicit or implicit) claim, else the nearest one after it, else (no rebuttal of that claim) ``supports``
    to the claim. ``relation.extra["corpus_target"]`` names the claim unit the corpus linked it to (or
    ``"implicit claim"``). Every refutation of the corpus finds its rebuttal.
  - Claim -> Claim (13 links, a restatement of the standpoint): ``supports``.

  ``relation.extra["source_label"]`` is the Toulmin type of the source (``Premise``, ``Backing``, ``Rebuttal``,
  ``Refutation``, ``Claim``). Of the corpus' 869 links, 473 become relations (396 point to an implicit claim).
* Overlapping units (none among the Toulmin components of the released corpus): the one that starts first is
  kept (on a tie, the one annotated first); the other and its relations are dropped.
* ``Document.meta`` keeps ``corpus``, ``doc_type`` (artcomment, forumpost, blogpost, article), ``topic``,
  ``title`` and ``url`` from ``WebArgumentMetadata``.

Splits: the corpus has no official split; ``"all"`` is the 340 documents, in id order (numeric).

Counts: 340 documents, 1,051 units (195 Claim; Premise 538 + Backing 224 + Rebuttal 68 + Refutation 26 as
``Premise``), 473 relations (405 ``supports``, 68 ``attacks``).
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

from ..data import ArgumentUnit, Document, Relation
from ..errors import ArgumentValueError, CorpusFormatError, DataNotFoundError
from .base import RELEASE_HINT, corpus_dir, data_hint, local_name
from .webis import _utf16_to_cp

__all__ = ["read_ukp", "parse_ukp_xmi", "ukp_root", "SPLITS", "LABEL_MAP"]

CORPUS = "web-discourse-toulmin"
_HINT = data_hint(CORPUS)
SPLITS = ("all",)
LABEL_MAP = {"Claim": "Claim", "Premise": "Premise", "Backing": "Premise", "Rebuttal": "Premise", "Refutation": "Premise"}
_SUBDIR = Path(CORPUS) / "habernal.gurevych.2017.argumentation.mining.CL.data" / "data" / "gold.data.toulmin"
_XMI_ID = "{http://www.omg.org/XMI}id"


def ukp_root(data_dir: Union[str, "os.PathLike[str]"]) -> Path:
    """The folder of the Toulmin gold XMI files under ``data_dir``, checked to exist.

    Returns:
        The ``Path`` of the gold folder."""
    return corpus_dir(data_dir, _SUBDIR, "the UKP web-discourse Toulmin gold directory")


def _properties(raw: Optional[str]) -> Dict[str, str]:
    """The java.util.Properties text UIMA stores in ``properties`` as a dict."""
    out = {}
    for line in (raw or "").splitlines():
        if line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def parse_ukp_xmi(path: Union[str, "os.PathLike[str]"]) -> Document:
    """One Toulmin gold XMI file as a Document (see the module docstring for the mapping).

    Returns:
        The Document: one unit per explicit component (overlapping ones after the first dropped), supports and
        attacks between them; implicit claims in ``meta["implicit_claims"]``.

    Raises:
        CorpusFormatError: a file without a cas:Sofa (E009).
    """
    path = Path(path)
    sofa, comps, links, meta = _read_xmi(path)
    units, uid = _ukp_units(sofa, comps)
    pos = {u.id: k for k, u in enumerate(units)}
    implicit = [x for x, c in comps.items() if c[0] == "Claim" and x not in uid]
    if implicit:
        meta["implicit_claims"] = [comps[x][3].get("rephrasedContent", "") for x in implicit]
    links = [(s, t) for s, t in links if s in comps and t in comps and s != t]
    rels = _ukp_relations(comps, links, uid, pos)
    rels.sort(key=lambda r: (pos[r.source], pos[r.target]))
    return Document(text=sofa, units=units, relations=rels, id=path.stem, meta=meta)


_Comps = Dict[str, Tuple[str, int, int, Dict[str, str]]]


def _read_xmi(path: Path) -> Tuple[str, _Comps, List[Tuple[str, str]], Dict[str, object]]:
    """(text, components by XMI id: (kind, UTF-16 begin, end, properties), (source, target) links, meta) of a file."""
    root = ET.parse(path).getroot()
    sofa = None
    comps: _Comps = {}
    links: List[Tuple[str, str]] = []
    meta: Dict[str, object] = {"corpus": CORPUS}
    for el in root:
        name = local_name(el.tag)
        if name == "Sofa":
            sofa = el.get("sofaString", "")
        elif name in LABEL_MAP:
            comps[el.get(_XMI_ID)] = (name, int(el.get("begin")), int(el.get("end")), _properties(el.get("properties")))
        elif name == "ArgumentRelation":
            links.append((el.get("source"), el.get("target")))
        elif name == "WebArgumentMetadata":
            for key, out in (("docType", "doc_type"), ("topic", "topic"), ("title", "title"), ("origUrl", "url")):
                if el.get(key):
                    meta[out] = el.get(key)
    if sofa is None:
        raise CorpusFormatError(f"{path} must hold a cas:Sofa with a sofaString; got none. "
                                + RELEASE_HINT)
    return sofa, comps, links, meta


def _ukp_units(sofa: str, comps: _Comps) -> Tuple[List[ArgumentUnit], Dict[str, str]]:
    """The units in text order (code-point offsets, whitespace trimmed; a component overlapping an earlier one is
    dropped) and the unit id of each kept component."""
    to_cp = _utf16_to_cp(sofa)
    spans = []
    for xid, (kind, begin, end, props) in comps.items():
        start, end = to_cp(begin), to_cp(end)
        while start < end and sofa[start].isspace():
            start += 1
        while end > start and sofa[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end, kind, xid, props))
    spans.sort(key=lambda s: s[0])  # stable: ties keep annotation order
    units, uid, last_end = [], {}, -1
    for start, end, kind, xid, props in spans:
        if start < last_end:
            continue
        uid[xid] = f"U{len(units) + 1}"
        extra = {"source_label": kind}
        if props.get("rephrasedContent"):
            extra["rephrased"] = props["rephrasedContent"]
        units.append(ArgumentUnit(uid[xid], start, end, LABEL_MAP[kind], extra=extra))
        last_end = end
    return units, uid


def _ukp_relations(comps: _Comps, links: List[Tuple[str, str]], uid: Dict[str, str],
                   pos: Dict[str, int]) -> List[Relation]:
    """The relations of the links between kept units: a refutation attacks the nearest rebuttal of its claim (the
    one before it, else the one after), a rebuttal attacks, the rest support; links to implicit claims are dropped."""
    rebuttals: Dict[str, List[str]] = {}  # corpus claim id -> rebuttal units attacking it, in text order
    for s, t in links:
        if comps[s][0] == "Rebuttal" and s in uid:
            rebuttals.setdefault(t, []).append(uid[s])
    for cands in rebuttals.values():
        cands.sort(key=pos.get)
    rels = []
    for s, t in links:
        if s not in uid:
            continue
        kind, src = comps[s][0], uid[s]
        extra: Dict[str, object] = {"source_label": kind}
        if kind == "Refutation":
            cands = rebuttals.get(t, [])
            before = [r for r in cands if pos[r] < pos[src]]
            after = [r for r in cands if pos[r] > pos[src]]
            extra["corpus_target"] = uid.get(t, "implicit claim")
            if before or after:
                rels.append(Relation(src, before[-1] if before else after[0], "attacks", extra=extra))
                continue
        if t not in uid:
            continue  # the target is an implicit claim: no span, no relation
        rels.append(Relation(src, uid[t], "attacks" if kind == "Rebuttal" else "supports", extra=extra))
    return rels


def _id_key(path: Path):
    return (0, int(path.stem), "") if path.stem.isdigit() else (1, 0, path.stem)


def read_ukp(data_dir: Union[str, "os.PathLike[str]"], split: str = "all") -> List[Document]:
    """The 340 documents of the Toulmin gold corpus (``split`` must be ``"all"``), in numeric id order.

    Returns:
        A list of 340 ``Document``.

    Raises:
        ArgumentValueError: an unknown ``split`` (E107).
        DataNotFoundError: no ``.xmi`` files under the data directory (E003)."""
    if split not in SPLITS:
        raise ArgumentValueError(f"split must be one of {SPLITS}; got {split!r}. "
                                 "Pass one of those (argmine.corpora.get_splits names them).")
    root = ukp_root(data_dir)
    files = sorted(root.glob("*.xmi"), key=_id_key)
    if not files:
        raise DataNotFoundError(root / "*.xmi", "the UKP web-discourse Toulmin XMI files", _HINT)
    docs = []
    for f in files:
        doc = parse_ukp_xmi(f)
        doc.meta["split"] = split
        docs.append(doc)
    return docs


# the standpoint scheme for structure training (argmine.config.MainCorpus.scheme = "major_claim")
MAJOR_CLAIM_LABELS = {"Claim": "MajorClaim", "Rebuttal": "Claim", "Premise": "Premise", "Backing": "Premise",
                      "Refutation": "Premise"}


def major_claim_scheme(doc: Document) -> Optional[Document]:
    """A UKP document in the major-claim scheme of argmine's structure training, or None when it states no claim.

    Habernal & Gurevych's claim is the text's standpoint: its ``MajorClaim`` (a text may restate it; the corpus'
    claim-supports-claim links between restatements are dropped). A rebuttal is an objection to the standpoint: a
    ``Claim`` with stance ``Against`` that ``attacks`` the major claim. Premises and backings stay ``Premise`` and
    support the major claim; a refutation is a ``Premise`` that attacks the rebuttal it answers (as ``read_ukp``
    resolves it). Documents whose claim is implicit (no claim unit) have premises without a target and are left out.

    Returns:
        A new ``Document`` (``meta["scheme"] = "major_claim"``; each unit keeps ``extra["source_label"]``), or None.
    """
    src = {u.id: u.extra.get("source_label") for u in doc.units}
    if "Claim" not in src.values():
        return None
    units = []
    for u in doc.units:
        extra = {**u.extra, "stance": "Against"} if src[u.id] == "Rebuttal" else dict(u.extra)
        units.append(ArgumentUnit(u.id, u.start, u.end, MAJOR_CLAIM_LABELS.get(src[u.id], "Premise"), extra=extra))
    rels = [r for r in doc.relations if src.get(r.source) != "Claim"]
    return Document(text=doc.text, units=units, relations=rels, id=doc.id, meta={**doc.meta, "scheme": "major_claim"})
