"""Reader for the Argument Annotated Essays corpus v2 (Stab & Gurevych 2017), brat standoff.

Splits: ``train`` (TRAIN minus Eger et al.'s 36 dev essays), ``dev`` (those 36), ``train_full`` (all 322 TRAIN),
``test`` (the 80 TEST essays, for reporting only). A claim's stance (For/Against) becomes a ``supports``/``attacks``
relation from the claim to the first MajorClaim of the essay, as CONTRACT.md describes.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List

from ..data import ArgumentUnit, Document, Relation

SPLITS = ("train", "dev", "train_full", "test")


def aaec_root(data_dir) -> Path:
    root = Path(data_dir) / "aaec-v2" / "ArgumentAnnotatedEssays-2.0"
    if not (root / "train-test-split.csv").exists():
        raise FileNotFoundError(
            f"data_dir must hold aaec-v2/ArgumentAnnotatedEssays-2.0/train-test-split.csv; got {data_dir}. "
            "Pass --data-dir or set ARGMINE_DATA to the folder that holds aaec-v2/.")
    return root


def parse_brat(text: str, ann: str, doc_id: str) -> Document:
    """Turn one brat .ann file (with its .txt) into a Document."""
    units: Dict[str, ArgumentUnit] = {}
    stances: Dict[str, str] = {}
    rels: List[Relation] = []
    for line in ann.splitlines():
        if not line.strip():
            continue
        key, body = line.split("\t", 1)[0], line.split("\t")[1]
        if key.startswith("T"):
            label, start, end = body.split()[:3]
            units[key] = ArgumentUnit(key, int(start), int(end), label)
        elif key.startswith("A"):
            _, target, value = body.split()
            stances[target] = value
        elif key.startswith("R"):
            label, a1, a2 = body.split()[:3]
            rels.append(Relation(a1.split(":")[1], a2.split(":")[1], label))
    ordered = sorted(units.values(), key=lambda u: u.start)
    majors = [u for u in ordered if u.label == "MajorClaim"]
    for u in ordered:
        if u.label == "Claim" and u.id in stances and majors:
            label = "supports" if stances[u.id] == "For" else "attacks"
            rels.append(Relation(u.id, majors[0].id, label))
    ordered = [ArgumentUnit(u.id, u.start, u.end, u.label, 1.0,
                            {"stance": stances[u.id]} if u.id in stances else {}) for u in ordered]
    return Document(text=text, units=ordered, relations=rels, id=doc_id)


def _first_words(text: str, n: int = 12) -> str:
    return " ".join(re.findall(r"\w+", text.lower())[:n])


@lru_cache(maxsize=4)
def _dev_ids(root: Path) -> frozenset:
    conll = root.parent.parent / "aaec-v2-conll" / "data" / "conll" / "Essay_Level" / "dev.dat"
    if not conll.exists():
        raise FileNotFoundError(f"the dev split needs {conll}; it is missing")
    essays, cur = [], []
    for line in conll.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0] == "1" and cur:
            essays.append(cur)
            cur = []
        cur.append(parts[1])
    if cur:
        essays.append(cur)
    keys = {_first_words(" ".join(toks)): i for i, toks in enumerate(essays)}
    found = set()
    for txt in (root / "brat-project-final").glob("essay*.txt"):
        if _first_words(txt.read_text(encoding="utf-8")) in keys:
            found.add(txt.stem)
    if len(found) != len(essays):
        raise ValueError(f"dev essays must all be recovered from the brat texts; got {len(found)} of {len(essays)}")
    return frozenset(found)


def read_aaec(data_dir, split: str = "test") -> List[Document]:
    """Documents of one AAEC split, in essay-id order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}; got {split!r}")
    root = aaec_root(data_dir)
    with open(root / "train-test-split.csv", encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter=";"))
    sets = {r[0].strip('"'): r[1].strip('"') for r in rows[1:] if len(r) >= 2}
    want = "TEST" if split == "test" else "TRAIN"
    ids = sorted(i for i, s in sets.items() if s == want)
    if split in ("train", "dev"):
        dev = _dev_ids(root)
        ids = [i for i in ids if (i in dev) == (split == "dev")]
    docs = []
    for i in ids:
        base = root / "brat-project-final" / i
        text = base.with_suffix(".txt").read_text(encoding="utf-8")
        docs.append(parse_brat(text, base.with_suffix(".ann").read_text(encoding="utf-8"), i))
    return docs
