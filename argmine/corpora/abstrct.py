"""Reader for AbstRCT (Mayer, Cabrio & Villata, ECAI 2020): abstracts of randomized controlled trials, brat standoff.

Layout read: ``<data_dir>/abstrct/AbstRCT_corpus/data/{train,dev,test}/<split>/*.{txt,ann}``.

Mapping onto argmine's scheme (documented choice):

* ``Document.text`` is the ``.txt`` file exactly; unit offsets are the brat offsets (code points; every span
  text in the ``.ann`` equals ``text[start:end]``). Units keep their brat id (``T1``, ...), in text order.
* Unit labels are the corpus' own: ``MajorClaim``, ``Claim``, ``Premise`` (AbstRCT's "major claims" are the
  general conclusions of an abstract; papers on AbstRCT often merge them into ``Claim`` -- do that at scoring
  time if needed). ``unit.extra["source_label"]`` repeats the brat type.
* Relations: ``Support`` -> ``supports``; ``Attack`` and ``Partial-Attack`` -> ``attacks``;
  ``relation.extra["source_label"]`` keeps the brat type (so partial attacks can be told apart).
* Overlapping units (none in the released corpus): the one that starts first is kept (on a tie, the one
  annotated first); the other and its relations are dropped.

Splits (the corpus' own folders): ``neoplasm_train`` (350), ``neoplasm_dev`` (50), ``neoplasm_test`` (100),
``glaucoma_test`` (100), ``mixed_test`` (100: 20 each on glaucoma, neoplasm, diabetes, hypertension, hepatitis;
its neoplasm and glaucoma abstracts also occur in ``neoplasm_test`` and ``glaucoma_test``). Aliases: ``train``,
``dev``, ``test`` are the neoplasm ones. ``Document.meta`` records ``corpus`` and ``split``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional, Union

from ..data import ArgumentUnit, Document, Relation
from ..errors import ArgumentValueError, BratFormatError, DataNotFoundError
from .brat import check_span_texts, parse_ann, read_exact
from .base import corpus_dir, data_hint

__all__ = ["read_abstrct", "parse_abstrct_brat", "abstrct_root", "SPLITS"]

CORPUS = "abstrct"
_FOLDERS = {
    "neoplasm_train": "train/neoplasm_train",
    "neoplasm_dev": "dev/neoplasm_dev",
    "neoplasm_test": "test/neoplasm_test",
    "glaucoma_test": "test/glaucoma_test",
    "mixed_test": "test/mixed_test",
}
_ALIASES = {"train": "neoplasm_train", "dev": "neoplasm_dev", "test": "neoplasm_test"}
SPLITS = tuple(_FOLDERS) + tuple(_ALIASES)
_RELATIONS = {"Support": "supports", "Attack": "attacks", "Partial-Attack": "attacks"}
_UNITS = ("MajorClaim", "Claim", "Premise")
_SUBDIR = Path(CORPUS) / "AbstRCT_corpus" / "data"
_HINT = data_hint(CORPUS)


def abstrct_root(data_dir: Union[str, "os.PathLike[str]"]) -> Path:
    """``<data_dir>/abstrct/AbstRCT_corpus/data``, checked to exist.

    Returns:
        The ``Path`` of the data folder."""
    return corpus_dir(data_dir, _SUBDIR, "the AbstRCT data directory")


def parse_abstrct_brat(text: str, ann: str, doc_id: str, where: Optional[str] = None) -> Document:
    """One AbstRCT abstract (its text, read exactly, and ``.ann`` content) as a Document.

    Parsed by :func:`argmine.corpora.brat.parse_ann` (a BOM, discontinuous spans, attributes and notes are
    accepted). Raises :class:`argmine.errors.BratFormatError` (a ``ValueError``) naming ``where`` (default:
    ``doc_id.ann``) and the line for a malformed line, an unknown unit or relation type, or a span whose text
    is not the text at its offsets.

    Returns:
        The ``Document``, its ``meta["corpus"]`` ``"abstrct"``.
    """
    where = where or f"{doc_id}.ann"
    parsed = parse_ann(ann, where)
    check_span_texts(text, parsed.spans, where)
    units = []
    for s in parsed.spans:
        if s.label not in _UNITS:
            raise BratFormatError(where, s.line, f"unit type must be one of {_UNITS}", repr(s.label))
        units.append(ArgumentUnit(s.id, s.start, s.end, s.label, extra={"source_label": s.label}))
    for r in parsed.relations:
        if r.label not in _RELATIONS:
            raise BratFormatError(where, r.line, f"relation type must be one of {tuple(_RELATIONS)}", repr(r.label))
    kept, last_end = [], -1
    for u in sorted(units, key=lambda u: u.start):  # stable: ties keep file order
        if u.start >= last_end:
            kept.append(u)
            last_end = u.end
    ids = {u.id for u in kept}
    rels = [Relation(r.source, r.target, _RELATIONS[r.label], extra={"source_label": r.label})
            for r in parsed.relations if r.source in ids and r.target in ids]
    return Document(text=text, units=kept, relations=rels, id=doc_id, meta={"corpus": CORPUS})


def read_abstrct(data_dir: Union[str, "os.PathLike[str]"], split: str = "neoplasm_test") -> List[Document]:
    """Documents of one AbstRCT split (see ``SPLITS``), in file-name (PubMed id) order.

    Returns:
        A list of ``Document``, one per abstract of the split.

    Raises:
        ArgumentValueError: an unknown ``split`` (E107).
        DataNotFoundError: no ``.ann`` files for the split under the data directory (E003)."""
    if split not in SPLITS:
        raise ArgumentValueError(f"split must be one of {SPLITS}; got {split!r}. "
                                 "Pass one of those (argmine.corpora.get_splits names them).")
    name = _ALIASES.get(split, split)
    folder = abstrct_root(data_dir) / _FOLDERS[name]
    files = sorted(folder.glob("*.ann")) if folder.is_dir() else []
    if not files:
        raise DataNotFoundError(folder / "*.ann", f"the AbstRCT {name} split", _HINT)
    docs = []
    for ann in files:
        text = read_exact(ann.with_suffix(".txt"))
        doc = parse_abstrct_brat(text, read_exact(ann, strip_bom=True), ann.stem, where=str(ann))
        doc.meta["split"] = name
        docs.append(doc)
    return docs
