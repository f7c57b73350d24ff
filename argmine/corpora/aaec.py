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
from typing import List, Optional

from ..data import ArgumentUnit, Document, Relation
from .brat import check_span_texts, parse_ann, read_exact
from .base import RELEASE_HINT
from ..errors import ArgumentValueError, CorpusFormatError, DataNotFoundError

SPLITS = ("train", "dev", "train_full", "test")


def aaec_root(data_dir) -> Path:
    """The ``ArgumentAnnotatedEssays-2.0`` folder under ``data_dir`` (Stab & Gurevych 2017).

    Returns:
        The ``Path`` of the corpus folder.

    Raises:
        DataNotFoundError: ``train-test-split.csv`` is not there (E003)."""
    root = Path(data_dir) / "aaec-v2" / "ArgumentAnnotatedEssays-2.0"
    if not (root / "train-test-split.csv").exists():
        raise DataNotFoundError(root / "train-test-split.csv", "the AAEC split file (aaec-v2/ArgumentAnnotatedEssays-2.0/"
                                "train-test-split.csv under data_dir)",
                                "Pass --data-dir or set ARGMINE_DATA to the folder that holds aaec-v2/.")
    return root


def parse_brat(text: str, ann: str, doc_id: str, where: Optional[str] = None) -> Document:
    """Turn one brat .ann file (its content ``ann``, with ``text``, the .txt read exactly) into a Document.

    Units keep their brat ids, in text order; a discontinuous span becomes one unit from its first start to its
    last end. ``Stance`` A-lines become a relation from the claim to a MajorClaim: the one named by a
    ``stance_target=T..`` note (what argmine's brat export writes when the stance is toward another major claim),
    else the first of the essay. Other attributes and notes are ignored; a byte order mark is skipped.

    Raises :class:`argmine.errors.BratFormatError` (a ``ValueError``) naming ``where`` (default: ``doc_id.ann``),
    the line and the reason, for a malformed line or a span whose text on its T-line is not the text at its
    offsets (e.g. a .txt read with newline translation).

    Returns:
        The ``Document`` (not validated), its id ``doc_id``.
    """
    where = where or f"{doc_id}.ann"
    parsed = parse_ann(ann, where)
    check_span_texts(text, parsed.spans, where)
    stances = {a.target: a.value for a in parsed.attributes if a.name == "Stance" and a.value}
    units = sorted((ArgumentUnit(s.id, s.start, s.end, s.label) for s in parsed.spans), key=lambda u: u.start)
    rels = [Relation(r.source, r.target, r.label) for r in parsed.relations]
    majors = [u.id for u in units if u.label == "MajorClaim"]
    for u in units:
        if u.label == "Claim" and u.id in stances and majors:
            target = _stance_target(parsed.notes.get(u.id, []), majors)
            rels.append(Relation(u.id, target, "supports" if stances[u.id] == "For" else "attacks"))
    units = [ArgumentUnit(u.id, u.start, u.end, u.label, 1.0,
                          {"stance": stances[u.id]} if u.id in stances else {}) for u in units]
    return Document(text=text, units=units, relations=rels, id=doc_id)


def _stance_target(notes: List[str], majors: List[str]) -> str:
    """The MajorClaim a stance is toward: a ``stance_target=T..`` note naming one, else the first."""
    for note in notes:
        m = re.search(r"\bstance_target=(\S+)", note)
        if m and m.group(1) in majors:
            return m.group(1)
    return majors[0]


def _first_words(text: str, n: int = 12) -> str:
    return " ".join(re.findall(r"\w+", text.lower())[:n])


@lru_cache(maxsize=4)
def _dev_ids(root: Path) -> frozenset:
    conll = root.parent.parent / "aaec-v2-conll" / "data" / "conll" / "Essay_Level" / "dev.dat"
    if not conll.exists():
        raise DataNotFoundError(conll, "the AAEC dev split (aaec-v2-conll, Essay_Level dev.dat)",
                                "Put the aaec-v2-conll release beside aaec-v2/ in the data directory.")
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
        raise CorpusFormatError(f"dev essays must all be recovered from the brat texts; got {len(found)} of {len(essays)}. "
                                + RELEASE_HINT)
    return frozenset(found)


def read_aaec(data_dir, split: str = "test") -> List[Document]:
    """Documents of one AAEC split, in essay-id order.

    Returns:
        A list of ``Document``, one per essay of the split.

    Raises:
        ArgumentValueError: an unknown ``split`` (E107)."""
    if split not in SPLITS:
        raise ArgumentValueError(f"split must be one of {SPLITS}; got {split!r}. "
                                 "Pass one of those (argmine.corpora.get_splits names them).")
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
        text = read_exact(base.with_suffix(".txt"))  # exact: brat offsets count a CRLF as two characters
        ann = base.with_suffix(".ann")
        docs.append(parse_brat(text, read_exact(ann, strip_bom=True), i, where=str(ann)))
    return docs
