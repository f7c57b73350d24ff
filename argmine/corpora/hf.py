"""argmine Documents as a Hugging Face ``datasets.Dataset`` (and back).

``datasets`` is an optional dependency, imported only when these functions run (``pip install datasets``).

Columns (one row per document):

* ``id`` (string), ``text`` (string);
* ``units``: a list of ``{"id", "start", "end", "text", "label", "score", "extra"}`` -- offsets are Python string
  indices into ``text`` (as in CONTRACT.md), ``text`` is ``text[start:end]``;
* ``relations``: a list of ``{"source", "target", "label", "score", "extra"}``;
* ``meta``: the document's ``meta``.

``extra`` and ``meta`` differ from corpus to corpus (``source_label``, ``evidence_type``, ...), so they are stored
as JSON strings (one Arrow type for every row); ``from_hf_dataset`` decodes them.
"""
from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List

from ..data import ArgumentUnit, Document, Relation
from ..errors import PackageMissingError

__all__ = ["to_hf_dataset", "from_hf_dataset", "features"]


def _datasets():
    try:
        import datasets
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise PackageMissingError("to_hf_dataset needs the datasets package; got no module 'datasets'. "
                                  "Run: pip install datasets") from e
    return datasets


def features():
    """The ``datasets.Features`` of the dataset ``to_hf_dataset`` builds.

    Returns:
        A ``datasets.Features``."""
    ds = _datasets()
    string, int32, float32 = ds.Value("string"), ds.Value("int32"), ds.Value("float32")
    return ds.Features({
        "id": string,
        "text": string,
        "units": [{"id": string, "start": int32, "end": int32, "text": string, "label": string, "score": float32,
                   "extra": string}],
        "relations": [{"source": string, "target": string, "label": string, "score": float32, "extra": string}],
        "meta": string,
    })


def _row(doc: Document) -> Dict[str, Any]:
    return {
        "id": doc.id,
        "text": doc.text,
        "units": [{"id": u.id, "start": u.start, "end": u.end, "text": doc.text[u.start:u.end], "label": u.label,
                   "score": u.score, "extra": json.dumps(u.extra, ensure_ascii=False)} for u in doc.units],
        "relations": [{"source": r.source, "target": r.target, "label": r.label, "score": r.score,
                       "extra": json.dumps(r.extra, ensure_ascii=False)} for r in doc.relations],
        "meta": json.dumps(doc.meta, ensure_ascii=False),
    }


def to_hf_dataset(docs: Iterable[Document]):
    """A ``datasets.Dataset`` with one row per Document (columns id, text, units, relations, meta).

    Returns:
        A ``datasets.Dataset`` of ``len(docs)`` rows, with the columns of :func:`features`."""
    ds = _datasets()
    rows = [_row(d) for d in docs]
    return ds.Dataset.from_list(rows, features=features())


def from_hf_dataset(dataset) -> List[Document]:
    """The Documents of a dataset built by ``to_hf_dataset`` (scores come back as float32 values).

    Returns:
        A list of ``Document``, one per row, in row order."""
    out = []
    for row in dataset:
        units = [ArgumentUnit(u["id"], int(u["start"]), int(u["end"]), u["label"], float(u["score"]),
                              json.loads(u["extra"] or "{}")) for u in row["units"]]
        rels = [Relation(r["source"], r["target"], r["label"], float(r["score"]), json.loads(r["extra"] or "{}"))
                for r in row["relations"]]
        out.append(Document(text=row["text"], units=units, relations=rels, id=row["id"],
                            meta=json.loads(row.get("meta") or "{}")))
    return out
