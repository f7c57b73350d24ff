"""Reading brat standoff (``.ann``) files as brat and its peers write them: one parser for every brat corpus.

What is accepted (https://brat.nlplab.org/standoff.html):

- ``T1\\tLabel START END\\ttext``: a text-bound annotation. A discontinuous span ``START END;START END`` becomes
  one annotation from the first start to the last end (``fragments`` keeps the pieces).
- ``A1\\tName T1 Value`` (``M1`` too, brat's old name): an attribute; a binary attribute has no value
  (``A2\\tImplicit T3``), its value is then ``None``.
- ``R1\\tLabel Arg1:T1 Arg2:T2``: a relation.
- ``#1\\tAnnotatorNotes T1\\tnote``: a note, kept by target id.
- Events (``E``), equivalences (``*``) and normalisations (``N``) are skipped: no argument corpus uses them.
- A UTF-8 byte order mark at the start of the file, blank lines, and CRLF or CR line ends.

Anything else (a T-line whose offsets are not integers, an R-line without ``Arg1:``/``Arg2:``, a line without a
tab) is refused with :class:`argmine.errors.BratFormatError`, which names the file, the line and the reason.
Offsets are code points into the ``.txt`` read exactly as it is on disk (:func:`read_exact`: no newline
translation, so a CRLF counts two characters, as brat counts it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from ..errors import BratFormatError
from .base import read_exact

__all__ = ["BratSpan", "BratAttribute", "BratRelation", "BratAnnotations", "parse_ann", "read_exact",
           "check_span_texts"]

_BOM = "\ufeff"
_LINE_ENDS = re.compile(r"\r\n|\r|\n")
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass(frozen=True)
class BratSpan:
    """A text-bound annotation: ``id``, ``label``, ``start``/``end`` (code points), ``fragments``, ``text``, ``line``."""

    id: str
    label: str
    start: int
    end: int
    fragments: Tuple[Tuple[int, int], ...]
    text: Optional[str]
    line: int


@dataclass(frozen=True)
class BratAttribute:
    """An attribute ``name`` of annotation ``target``; ``value`` is None for a binary attribute."""

    id: str
    name: str
    target: str
    value: Optional[str]
    line: int


@dataclass(frozen=True)
class BratRelation:
    """A relation ``label`` from ``source`` (Arg1) to ``target`` (Arg2)."""

    id: str
    label: str
    source: str
    target: str
    line: int


@dataclass
class BratAnnotations:
    """The content of one ``.ann`` file, in file order."""

    spans: List[BratSpan] = field(default_factory=list)
    attributes: List[BratAttribute] = field(default_factory=list)
    relations: List[BratRelation] = field(default_factory=list)
    notes: Dict[str, List[str]] = field(default_factory=dict)


def _lines(ann: str):
    if ann.startswith(_BOM):
        ann = ann[1:]
    for n, line in enumerate(_LINE_ENDS.split(ann), 1):
        if line.strip():
            yield n, line


def _int(value: str, where: str, n: int, what: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise BratFormatError(where, n, f"{what} must be an integer offset", repr(value)) from None


def _span(key: str, body: str, rest: Optional[str], where: str, n: int) -> BratSpan:
    label, _, offsets = body.partition(" ")
    if not label or not offsets.strip():
        raise BratFormatError(where, n, "a T-line must read 'T1<TAB>Label START END<TAB>text'", repr(body))
    fragments = []
    for piece in offsets.split(";"):
        parts = piece.split()
        if len(parts) != 2:
            raise BratFormatError(where, n, "each span (or piece of a discontinuous span) must be 'START END'",
                                  repr(piece))
        start, end = _int(parts[0], where, n, "START"), _int(parts[1], where, n, "END")
        if not 0 <= start <= end:
            raise BratFormatError(where, n, "a span must satisfy 0 <= START <= END", f"{start} {end}")
        fragments.append((start, end))
    fragments.sort()
    return BratSpan(key, label, fragments[0][0], fragments[-1][1], tuple(fragments), rest, n)


def _relation(key: str, body: str, where: str, n: int) -> BratRelation:
    parts = body.split()
    args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
    if len(parts) < 3 or "Arg1" not in args or "Arg2" not in args:
        raise BratFormatError(where, n, "an R-line must read 'R1<TAB>Label Arg1:T1 Arg2:T2'", repr(body))
    return BratRelation(key, parts[0], args["Arg1"], args["Arg2"], n)


def _attribute(key: str, body: str, where: str, n: int) -> BratAttribute:
    parts = body.split()
    if len(parts) not in (2, 3):
        raise BratFormatError(where, n, "an A-line must read 'A1<TAB>Name T1 [Value]'", repr(body))
    return BratAttribute(key, parts[0], parts[1], parts[2] if len(parts) == 3 else None, n)


def parse_ann(ann: str, where: str = "<ann>") -> BratAnnotations:
    """Parse the content of a ``.ann`` file (``where`` names it in errors: a path or a document id).

    Returns a :class:`BratAnnotations`. Raises :class:`argmine.errors.BratFormatError` (a ``ValueError``) naming
    ``where``, the 1-based line and the reason for a malformed line.

    Returns:
        The :class:`BratAnnotations` of the file: its text-bound annotations, relations, attributes and notes.
    """
    out = BratAnnotations()
    for n, line in _lines(ann):
        key, tab, rest = line.partition("\t")
        if not tab:
            raise BratFormatError(where, n, "a brat line must be 'ID<TAB>...'", repr(line))
        body, sep, tail = rest.partition("\t")
        kind = key[:1]
        if kind == "T":
            out.spans.append(_span(key, body, tail if sep else None, where, n))
        elif kind in ("A", "M"):
            out.attributes.append(_attribute(key, body, where, n))
        elif kind == "R":
            out.relations.append(_relation(key, body, where, n))
        elif kind == "#":
            target = body.split()[1] if len(body.split()) > 1 else ""
            out.notes.setdefault(target, []).append(tail)
        elif kind not in ("E", "*", "N"):
            raise BratFormatError(where, n, "an annotation id must start with T, A, M, R, E, N, * or #", repr(key))
    return out


_SURROGATE = re.compile("[\ud800-\udfff]")


def _flat(s: str) -> str:
    """``s`` as brat writes it on a T-line: breaks and tabs as spaces, lone surrogates as U+FFFD."""
    return _SURROGATE.sub("\ufffd", _BREAKS.sub(" ", s))


def check_span_texts(text: str, spans: List[BratSpan], where: str = "<ann>") -> None:
    """Check that each span's text on its T-line is what its offsets cut from ``text``.

    Line breaks and tabs count as spaces (brat writes a span's text on one line) and the pieces of a
    discontinuous span are joined by a space, as brat joins them. Raises :class:`argmine.errors.BratFormatError`
    naming the line: e.g. when the ``.txt`` was read with newline translation (CRLF counted as one character).
    """
    for s in spans:
        if s.text is None:
            continue
        if s.fragments[-1][1] > len(text):
            raise BratFormatError(where, s.line, f"span {s.id} must end inside the text ({len(text)} characters)",
                                  f"END {s.fragments[-1][1]}")
        cut = " ".join(text[a:b] for a, b in s.fragments)
        if _flat(cut) != _flat(s.text) and _flat(cut).strip() != _flat(s.text).strip():
            raise BratFormatError(where, s.line, f"the text of span {s.id} must equal the text at its offsets",
                                  f"{s.text[:40]!r} on the T-line but {cut[:40]!r} at {s.start}-{s.end}")
