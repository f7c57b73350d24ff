"""The data model: a Document owns its text; units are character-offset views on it.

Pure Python (no torch). Follows schema_version 1 of the public contract (CONTRACT.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from .config import EVIDENCE_TYPES, UNIT_LABELS  # noqa: F401  (label sets in one place; config imports nothing of argmine)
from .config import REL_LABELS as RELATION_LABELS
from .errors import ArgumentTypeError, InvalidDocumentError, UnknownKeyError

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ArgumentUnit:
    """An argumentative unit: ``text[start:end]`` of its document, with a label and a score."""

    id: str
    start: int
    end: int
    label: str
    score: float = 1.0
    extra: Dict[str, Any] = field(default_factory=dict, compare=True, hash=False)

    def span_text(self, text: str) -> str:
        """The unit's text: ``text[start:end]`` of the document text ``text`` (character offsets).

        Returns:
            The str ``text[start:end]``."""
        return text[self.start:self.end]


@dataclass(frozen=True)
class Relation:
    """``source`` supports or attacks ``target`` (both unit ids of the same document)."""

    source: str
    target: str
    label: str
    score: float = 1.0
    extra: Dict[str, Any] = field(default_factory=dict, compare=True, hash=False)


_UNIT_KEYS = {"id", "start", "end", "text", "label", "score"}
_REL_KEYS = {"source", "target", "label", "score"}


@dataclass
class Document:
    """A text with its argument: units (character offsets into ``text``) and relations between them.

    Raises:
        ArgumentTypeError: ``text`` is not a str (E111)."""

    text: str
    units: List[ArgumentUnit] = field(default_factory=list)
    relations: List[Relation] = field(default_factory=list)
    id: Optional[str] = None
    model: Optional[Dict[str, Any]] = None
    meta: Dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise ArgumentTypeError(f"text must be a str; got {type(self.text).__name__}. "
                                    "Decode bytes first (data.decode('utf-8')).")

    # -- views -----------------------------------------------------------------
    def unit(self, unit_id: str) -> ArgumentUnit:
        """The unit whose id is ``unit_id``.

        Returns:
            The ``ArgumentUnit``.

        Raises:
            UnknownKeyError: the document has no such unit (a ``KeyError``, E011)."""
        for u in self.units:
            if u.id == unit_id:
                return u
        raise UnknownKeyError(f"no unit with id {unit_id!r} in document {self.id!r}")

    def unit_text(self, unit: ArgumentUnit) -> str:
        """The text of ``unit`` in this document (``text[unit.start:unit.end]``).

        Returns:
            The str ``text[unit.start:unit.end]``."""
        return self.text[unit.start:unit.end]

    def validate(self) -> None:
        """Raise ValueError when offsets, labels or relation ends break the contract.

        Raises:
            InvalidDocumentError: unit offsets out of the text, overlapping units, duplicate unit ids, an unknown
                unit or relation label, or a relation end that is no unit of the document (E012)."""
        ids = set()
        last_end = -1
        for u in sorted(self.units, key=lambda u: (u.start, u.end)):
            if not (0 <= u.start < u.end <= len(self.text)):
                raise InvalidDocumentError(f"unit {u.id} offsets must satisfy 0 <= start < end <= {len(self.text)}; got {u.start}, {u.end}")
            if u.start < last_end:
                raise InvalidDocumentError(f"units must not overlap; got {u.id} starting at {u.start} before {last_end}")
            if u.label not in UNIT_LABELS:
                raise InvalidDocumentError(f"unit label must be one of {UNIT_LABELS}; got {u.label!r}")
            if u.id in ids:
                raise InvalidDocumentError(f"unit ids must be unique; got {u.id!r} twice")
            ids.add(u.id)
            last_end = u.end
        for r in self.relations:
            if r.label not in RELATION_LABELS:
                raise InvalidDocumentError(f"relation label must be one of {RELATION_LABELS}; got {r.label!r}")
            if r.source not in ids or r.target not in ids:
                raise InvalidDocumentError(f"relation ends must be unit ids of this document; got {r.source!r} -> {r.target!r}")

    # -- serialisation ---------------------------------------------------------
    def to_dict(self) -> Dict[str, Any]:
        """The JSON document of CONTRACT.md (``schema_version`` 1): ``id``, ``text``, ``units`` (each with ``id``,
        ``start``, ``end``, ``text``, ``label``, ``score`` and its extra keys), ``relations`` (``source``, ``target``,
        ``label``, ``score`` and extras), ``model`` and ``meta``. See docs/units.md and docs/relations.md. Raises nothing;
        ``Document.from_dict`` reads it back (``from_dict(d.to_dict()) == d``).

        Returns:
            A new dict of JSON values (CONTRACT.md); ``Document.from_dict`` reads it back to an equal Document."""
        units = []
        for u in self.units:
            d = dict(u.extra)
            d.update(id=u.id, start=u.start, end=u.end, text=self.text[u.start:u.end], label=u.label, score=u.score)
            units.append(d)
        rels = []
        for r in self.relations:
            d = dict(r.extra)
            d.update(source=r.source, target=r.target, label=r.label, score=r.score)
            rels.append(d)
        out: Dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "text": self.text,
            "units": units,
            "relations": rels,
            "model": dict(self.model) if self.model is not None else None,
        }
        if self.meta:
            out["meta"] = dict(self.meta)
        return out

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Document":
        """A Document from a JSON document of CONTRACT.md (the inverse of ``to_dict``; unit ``text`` is not read, it
        follows from the offsets; unknown unit and relation keys go to ``extra``). Not validated: call ``validate()``.

        Returns:
            The ``Document`` (not validated).

        Raises:
            InvalidDocumentError: a ``schema_version`` other than 1 (E012).
            KeyError: a unit or relation without a required field (``argmine.validate.document_from_record`` turns this
                into a ``DocumentFormatError`` naming the record)."""
        version = d.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise InvalidDocumentError(f"schema_version must be {SCHEMA_VERSION}; got {version!r}")
        text = d["text"]
        units = [
            ArgumentUnit(
                id=u["id"], start=int(u["start"]), end=int(u["end"]), label=u["label"],
                score=float(u.get("score", 1.0)),
                extra={k: v for k, v in u.items() if k not in _UNIT_KEYS},
            )
            for u in d.get("units", [])
        ]
        rels = [
            Relation(
                source=r["source"], target=r["target"], label=r["label"], score=float(r.get("score", 1.0)),
                extra={k: v for k, v in r.items() if k not in _REL_KEYS},
            )
            for r in d.get("relations", [])
        ]
        return cls(text=text, units=units, relations=rels, id=d.get("id"), model=d.get("model"),
                   meta=dict(d.get("meta") or {}))
