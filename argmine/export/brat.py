"""brat standoff (.ann) in the conventions of the Argument Annotated Essays corpus (AAEC).

- ``T1\\tPremise 10 42\\ttext``: one text-bound annotation per unit (ids T1, T2, ... in unit order), offsets
  are code-point indices into the .txt, which is ``doc.text`` exactly.
- ``R1\\tsupports Arg1:T2 Arg2:T1\\t``: one line per relation, Arg1 the source, Arg2 the target.
- ``A1\\tStance T3 For``: a claim's stance toward the major claim, as AAEC writes it, instead of an R-line for
  the claim's relation to a MajorClaim (``supports`` -> For, ``attacks`` -> Against): one A-line per claim, for
  its first relation to a MajorClaim (argmine's miner gives each claim one, toward the most confident major
  claim). AAEC's stance has no target (it is toward the essay's major claims); when the target is not the first
  MajorClaim, the claim's note says which (``stance_target=T8``), so :func:`argmine.corpora.aaec.parse_brat`
  reads back the same relations. In a document without a MajorClaim, a claim's ``stance`` (an extra field)
  still gets its A-line. Relations into a MajorClaim that are not a claim's stance (AAEC has none; argmine's
  miner writes none) stay R-lines.
- ``#1\\tAnnotatorNotes T1\\tscore=0.97``: the unit's score, as a brat note (brat shows it; AAEC readers skip
  it), followed by `` stance_target=T8`` where that applies. Relation scores are not kept.

brat has no multi-line text field: a tab or a line break (anything ``str.splitlines`` splits on) inside a
unit's text is written as a space on its T-line, and a lone surrogate (not encodable in UTF-8) as U+FFFD,
there and in the .txt (:func:`brat_text`); the offsets stay exact.
"""
from __future__ import annotations

import re
from typing import Dict, List, Optional

from ..data import Document
from ..errors import ExportError

_STANCE = {"supports": "For", "attacks": "Against"}


_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # tab, and what str.splitlines() splits on
_SURROGATE = re.compile("[\ud800-\udfff]")


def brat_text(text: str) -> str:
    """The .txt content for a document's text: the text, with lone surrogates (not encodable) as U+FFFD.

    One code point for one, so the offsets stay exact.

    Returns:
        A str of as many code points as ``text``.
    """
    return _SURROGATE.sub("\ufffd", text)


def _one_line(s: str) -> str:
    return _BREAKS.sub(" ", brat_text(s))


def to_brat(doc: Document) -> str:
    """The .ann content for ``doc`` (its .txt is ``doc.text``).

    Returns:
        The .ann text (str): T-lines for units, then R-lines for links and A-lines for claim stances, ending in a
        newline (empty for a document without units).

    Raises:
        ExportError: a relation with an unknown label or an end that is no unit of the document (E102)."""
    units = list(doc.units)
    tid: Dict[str, str] = {u.id: f"T{i}" for i, u in enumerate(units, 1)}
    by_id = {u.id: u for u in units}
    majors = sorted((u for u in units if u.label == "MajorClaim"), key=lambda u: u.start)
    first_major: Optional[str] = majors[0].id if majors else None

    stance: Dict[str, str] = {}
    stance_rel: Dict[str, int] = {}  # claim id -> index of the relation its A-line stands for
    for k, r in enumerate(doc.relations):
        if r.source not in by_id or r.target not in by_id:
            raise ExportError(f"relation ends must be unit ids of this document; got {r.source!r} -> {r.target!r}")
        if r.label not in _STANCE:
            raise ExportError(f"relation label must be one of {tuple(_STANCE)}; got {r.label!r}")
        if (by_id[r.source].label == "Claim" and by_id[r.target].label == "MajorClaim"
                and r.source not in stance_rel):
            stance_rel[r.source] = k
            stance[r.source] = _STANCE[r.label]
    for u in units:
        s = u.extra.get("stance") if isinstance(u.extra, dict) else None
        if u.label == "Claim" and u.id not in stance and s in ("For", "Against") and first_major is None:
            stance[u.id] = s

    lines: List[str] = []
    for u in units:
        lines.append(f"{tid[u.id]}\t{u.label} {u.start} {u.end}\t{_one_line(doc.text[u.start:u.end])}")
    n_a = 0
    for u in units:
        if u.id in stance:
            n_a += 1
            lines.append(f"A{n_a}\tStance {tid[u.id]} {stance[u.id]}")
    n_r = 0
    skip = set(stance_rel.values())
    for k, r in enumerate(doc.relations):
        if k in skip:
            continue
        n_r += 1
        lines.append(f"R{n_r}\t{r.label} Arg1:{tid[r.source]} Arg2:{tid[r.target]}\t")
    for i, u in enumerate(units, 1):
        target = doc.relations[stance_rel[u.id]].target if u.id in stance_rel else first_major
        note = f" stance_target={tid[target]}" if target != first_major else ""
        lines.append(f"#{i}\tAnnotatorNotes {tid[u.id]}\tscore={u.score:g}{note}")
    return "\n".join(lines) + ("\n" if lines else "")
