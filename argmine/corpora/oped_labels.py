"""argmine's own argument annotation of further Webis-Editorials-16 training editorials (the ``train_extra`` split of
the ``oped`` corpus).

The labels follow the argmine-oped guideline (``../shared/tools/oped_annot/GUIDELINE.md``): each Webis unit of an
editorial gets a role — ``MajorClaim``, ``Claim`` (with ``stance`` For/Against), ``Premise`` (with one ``target`` unit
number and ``relation`` supports/attacks), ``join`` (continues the unit before it) or ``none`` (left out). The package
keeps only these labels (``argmine/resources/oped_train_extra.units.jsonl``: unit numbers and roles, no text); the
texts are read at run time from Webis-Editorials-16 in the data directory, whose licence forbids redistribution.
Like argmine-oped, the labels were made by a language model following the guideline and checked by script: silver
data.
"""
from __future__ import annotations

import json
import os
from importlib import resources
from typing import Any, Dict, Iterable, List, Union

from ..data import ArgumentUnit, Document, Relation
from ..errors import CorpusFormatError

ROLES = ("MajorClaim", "Claim", "Premise", "join", "none")


def read_labels() -> List[Dict[str, Any]]:
    """The packaged label records, one per editorial: ``{"id", "thesis", "units": [{"n", "role", ...}]}``.

    Returns:
        A list of label records (dicts), one per editorial, in file order."""
    text = resources.files("argmine.resources").joinpath("oped_train_extra.units.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _groups(labels: Dict[int, Dict[str, Any]], n_units: int) -> Dict[int, int]:
    """Unit number → the number of the first unit of its joined group."""
    head: Dict[int, int] = {}
    for n in range(1, n_units + 1):
        role = labels.get(n, {}).get("role", "none")
        if role not in ROLES:
            raise CorpusFormatError(f"unit {n} role must be one of {ROLES}; got {role!r}. "
                                    "Reinstall argmine: these labels ship with it (argmine/resources).")
        head[n] = head[n - 1] if role == "join" and n > 1 else n
    return head


def labelled_document(record: Dict[str, Any], webis: Document) -> Document:
    """The argmine Document of one editorial: joined units merged into one span (first start to last end),
    ``none`` units left out, premise links to their target's group, each claim's stance as a relation to the first
    major claim (as in argmine-oped). Raises ``ValueError`` for a role, stance, relation or target out of the scheme.

    Returns:
        The ``Document`` (the Webis text, its units and relations), id ``record["id"]``.

    Raises:
        CorpusFormatError: a unit whose stance is not For or Against (E009)."""
    labels = {int(u["n"]): u for u in record["units"]}
    head = _groups(labels, len(webis.units))
    units: List[ArgumentUnit] = []
    ids: Dict[int, str] = {}
    for n in sorted(set(head.values())):
        role = labels.get(n, {}).get("role", "none")
        if role in ("none", "join"):
            continue
        members = [webis.units[m - 1] for m in head if head[m] == n]
        extra = {"webis_types": [u.extra.get("evidence_type") for u in members]}
        if role == "Claim":
            if labels[n].get("stance") not in ("For", "Against"):
                raise CorpusFormatError(f"{record['id']} unit {n}: stance must be For or Against; got {labels[n].get('stance')!r}. "
                                        "Reinstall argmine: these labels ship with it (argmine/resources).")
            extra["stance"] = labels[n]["stance"]
        ids[n] = f"T{len(units) + 1}"
        units.append(ArgumentUnit(ids[n], min(u.start for u in members), max(u.end for u in members), role, 1.0, extra))
    return Document(text=webis.text, units=units, relations=_relations(record, labels, head, ids, units), id=record["id"],
                    meta={**{k: webis.meta[k] for k in ("portal", "title", "url") if k in webis.meta},
                          "thesis": record.get("thesis", ""), "corpus": "argmine-oped", "split": "train_extra"})


def _relations(record, labels, head, ids, units) -> List[Relation]:
    rels: List[Relation] = []
    majors = [u.id for u in units if u.label == "MajorClaim"]
    for n, uid in ids.items():
        lab = labels[n]
        if lab["role"] == "Premise":
            target = ids.get(head.get(lab.get("target"), -1))
            if target is None or target == uid or lab.get("relation") not in ("supports", "attacks"):
                raise CorpusFormatError(f"{record['id']} unit {n}: a premise needs a target unit with a role and a relation; got {lab!r}. "
                                        "Reinstall argmine: these labels ship with it (argmine/resources).")
            rels.append(Relation(uid, target, lab["relation"]))
        elif lab["role"] == "Claim" and majors:
            rels.append(Relation(uid, majors[0], "supports" if lab["stance"] == "For" else "attacks"))
    return rels


def read_train_extra(data_dir: Union[str, "os.PathLike[str]"], records: Iterable[Dict[str, Any]] = None) -> List[Document]:
    """The ``train_extra`` editorials: the packaged labels (or ``records``) on the Webis-Editorials-16 training texts of
    ``data_dir``. Raises ``FileNotFoundError`` when Webis-Editorials-16 is missing.

    Returns:
        A list of ``Document``, one per label record, in record order."""
    from .webis import parse_webis_xmi, webis_root

    root = webis_root(data_dir) / "training"
    return [labelled_document(r, parse_webis_xmi(root / f"{r['id']}.xmi", "train"))
            for r in (read_labels() if records is None else records)]
