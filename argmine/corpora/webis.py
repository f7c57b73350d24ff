"""Reader for Webis-Editorials-16 (Al-Khatib et al., COLING 2016) from its UIMA XMI form.

Layout read: ``<data_dir>/webis-editorials-16/annotated-xmi/split-for-evaluation-final/{training,validation}/*.xmi``
(the test split of the corpus is deliberately not in the shared data: it is kept for independent evaluation).

Mapping onto argmine's scheme (documented choice):

* ``Document.text`` is the XMI ``sofaString`` exactly (the editorial body; title and authors are metadata only).
* Every ``argumentation:ArgumentativeDiscourseUnit`` whose ``unitType`` is not ``no-unit`` becomes an
  ``ArgumentUnit`` labelled ``"Premise"``. Webis-Editorials-16 types units by *evidence* (assumption, anecdote,
  testimony, statistics, common-ground, other) and has no claim / major-claim level and no relations, so every
  unit is a premise-like unit; the Webis type is kept in ``unit.extra["evidence_type"]``. Use these units for
  span detection (is this argumentative?) rather than for claim/premise labelling.
* Unit offsets are the XMI ``begin``/``end`` with surrounding whitespace trimmed (376 of the corpus' units carry a
  leading or trailing space); units that would be empty are dropped. Offsets are Python code points: the
  corpus has no characters outside the Basic Multilingual Plane, so UIMA's UTF-16 offsets coincide with them
  (checked at read time; a document where they would not is converted).
* ``Document.relations`` is empty.
* ``Document.meta`` keeps ``corpus``, ``split``, ``portal`` (aljazeera/foxnews/guardian), ``title``, ``authors``,
  ``url``, ``last_update`` and ``summary`` from ``MetadataWebis16Editorials``.

Only the standard library is used (``xml.etree``).
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Dict, List, Optional, Union

from ..data import EVIDENCE_TYPES, ArgumentUnit, Document
from ..errors import ArgumentValueError, CorpusFormatError, DataNotFoundError
from .base import RELEASE_HINT, corpus_dir, data_hint, local_name

__all__ = ["read_webis", "webis_root", "SPLITS", "EVIDENCE_TYPES"]

CORPUS = "webis-editorials-16"
_SPLIT_DIRS = {"train": "training", "training": "training", "validation": "validation", "dev": "validation"}
SPLITS = tuple(_SPLIT_DIRS)
_XMI_SUBDIR = Path(CORPUS) / "annotated-xmi" / "split-for-evaluation-final"
_HINT = data_hint(CORPUS)


def webis_root(data_dir: Union[str, "os.PathLike[str]"]) -> Path:
    """``<data_dir>/webis-editorials-16/annotated-xmi/split-for-evaluation-final``, checked to exist.

    Returns:
        The ``Path`` of the XMI folder."""
    return corpus_dir(data_dir, _XMI_SUBDIR, "the Webis-Editorials-16 XMI directory")


def _utf16_to_cp(text: str):
    """A function mapping UTF-16 code-unit offsets to code-point offsets of ``text`` (identity for BMP-only text)."""
    if all(ord(c) <= 0xFFFF for c in text):
        return lambda i: i
    table = []
    for cp, c in enumerate(text):
        table.append(cp)
        if ord(c) > 0xFFFF:
            table.append(cp + 1)  # an offset inside a surrogate pair rounds up to the next code point
    table.append(len(text))
    return lambda i: table[min(max(i, 0), len(table) - 1)]


def parse_webis_xmi(path: Union[str, "os.PathLike[str]"], split: Optional[str] = None) -> Document:
    """One Webis-Editorials-16 XMI file as a Document (see the module docstring for the mapping).

    Returns:
        The ``Document`` (units with their evidence types in ``extra``, no relations), id the file's stem.

    Raises:
        CorpusFormatError: no ``cas:Sofa`` with a ``sofaString`` in the file (E009)."""
    path = Path(path)
    root = ET.parse(path).getroot()
    sofa = None
    adus = []
    meta: Dict[str, object] = {"corpus": CORPUS}
    if split is not None:
        meta["split"] = split
    for el in root:
        name = local_name(el.tag)
        if name == "Sofa":
            sofa = el.get("sofaString", "")
        elif name == "ArgumentativeDiscourseUnit":
            adus.append(el)
        elif name == "MetadataWebis16Editorials":
            for key, out in (("portal", "portal"), ("title", "title"), ("authors", "authors"), ("url", "url"),
                             ("lastUpdate", "last_update"), ("articleSum", "summary")):
                value = el.get(key)
                if value is not None:
                    # the summary was escaped twice upstream: its line breaks read "&#10;" after parsing
                    meta[out] = value.replace("&#10;", "\n").strip() if key == "articleSum" else value
    if sofa is None:
        raise CorpusFormatError(f"{path} must hold a cas:Sofa with a sofaString; got none. "
                                + RELEASE_HINT)
    to_cp = _utf16_to_cp(sofa)
    spans = []
    for el in adus:
        kind = (el.get("unitType") or "").strip()
        if kind == "no-unit" or not kind:
            continue
        start, end = to_cp(int(el.get("begin"))), to_cp(int(el.get("end")))
        while start < end and sofa[start].isspace():
            start += 1
        while end > start and sofa[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end, kind))
    spans.sort()
    units = [ArgumentUnit(id=f"U{i}", start=s, end=e, label="Premise", extra={"evidence_type": kind})
             for i, (s, e, kind) in enumerate(spans, 1)]
    return Document(text=sofa, units=units, relations=[], id=path.stem, meta=meta)


def read_webis(data_dir: Union[str, "os.PathLike[str]"], split: str) -> List[Document]:
    """Documents of one Webis-Editorials-16 split, in file-name order.

    ``split``: ``"train"``/``"training"`` (180 editorials) or ``"validation"``/``"dev"`` (60 editorials).
    Raises ``ValueError`` for another split and ``FileNotFoundError`` (``DataNotFoundError``) naming the directory
    that was expected when it is missing or holds no ``.xmi`` file.

    Returns:
        A list of ``Document``, one per editorial of the split.

    Raises:
        ArgumentValueError: an unknown ``split`` (E107).
    """
    key = split.strip().lower() if isinstance(split, str) else split
    if key not in _SPLIT_DIRS:
        raise ArgumentValueError(f"split must be one of {SPLITS}; got {split!r}. "
                                 "Pass one of those (argmine.corpora.get_splits names them).")
    folder = webis_root(data_dir) / _SPLIT_DIRS[key]
    if not folder.is_dir():
        raise DataNotFoundError(folder, f"the Webis-Editorials-16 {_SPLIT_DIRS[key]} split", _HINT)
    files = sorted(folder.glob("*.xmi"))
    if not files:
        raise DataNotFoundError(folder / "*.xmi", f"the Webis-Editorials-16 {_SPLIT_DIRS[key]} XMI files", _HINT)
    canonical = "train" if _SPLIT_DIRS[key] == "training" else "validation"
    return [parse_webis_xmi(f, canonical) for f in files]
