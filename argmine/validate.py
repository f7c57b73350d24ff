"""One check for every JSON document argmine reads (``evaluate --predictions``, ``render``): is it an argmine
document (CONTRACT.md), and do its offsets cut out the unit texts it carries?

Offsets in argmine are Python string indices (code points). Tools in other languages often count otherwise:
JavaScript counts UTF-16 code units (an emoji counts two), Rust and Go count UTF-8 bytes. Such offsets drift
after the first character outside the range they agree on, silently, so a unit whose ``text`` is not
``text[start:end]`` is refused, and the error says when the offsets fit UTF-16 code units or UTF-8 bytes
instead.
"""
from __future__ import annotations

from typing import Any, List, Optional

from .data import Document
from .errors import DocumentFormatError

__all__ = ["document_from_record", "offset_unit", "check_unit_texts"]

_CONTRACT = "An argmine document (CONTRACT.md) has text, units and relations."


def _utf16_to_index(text: str, offset: int) -> Optional[int]:
    """The code-point index at UTF-16 code-unit ``offset`` of ``text``, or None when it falls inside a pair."""
    pos = 0
    for i, ch in enumerate(text):
        if pos == offset:
            return i
        if pos > offset:
            return None
        pos += 2 if ord(ch) > 0xFFFF else 1
    return len(text) if pos == offset else None


def _utf8_to_index(text: str, offset: int) -> Optional[int]:
    """The code-point index at UTF-8 byte ``offset`` of ``text``, or None when it falls inside a character."""
    raw = text.encode("utf-8", "surrogatepass")
    if not 0 <= offset <= len(raw):
        return None
    try:
        return len(raw[:offset].decode("utf-8", "surrogatepass"))
    except UnicodeDecodeError:
        return None


def offset_unit(text: str, start: int, end: int, unit_text: str) -> Optional[str]:
    """What ``start``/``end`` count, when not code points: ``"UTF-16 code units"``, ``"UTF-8 bytes"`` or None.

    Returns the name of the first counting under which ``text`` cut at ``start``/``end`` gives ``unit_text``.

    Returns:
        ``"UTF-16 code units"``, ``"UTF-8 bytes"``, or None when neither counting explains the offsets.
    """
    for name, to_index in (("UTF-16 code units", _utf16_to_index), ("UTF-8 bytes", _utf8_to_index)):
        a, b = to_index(text, start), to_index(text, end)
        if a is not None and b is not None and text[a:b] == unit_text:
            return name
    return None


def check_unit_texts(text: str, units: List[Any], where: str) -> None:
    """Each unit dict that carries ``text`` must carry ``text[start:end]``.

    ``units`` are the raw unit objects of a JSON document, ``where`` names the file and line for messages.
    Raises :class:`argmine.errors.DocumentFormatError` naming the unit (id and position) and, when the offsets
    fit another counting, which one.
    """
    for k, u in enumerate(units, 1):
        if not isinstance(u, dict) or not isinstance(u.get("text"), str):
            continue
        start, end = u.get("start"), u.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
            continue  # Document.validate reports bad offsets
        if text[start:end] == u["text"]:
            continue
        unit = offset_unit(text, start, end, u["text"])
        hint = (f"The offsets look like {unit} (as {'JavaScript' if unit.startswith('UTF-16') else 'Rust or Go'} "
                "counts them); argmine's offsets are Python string indices (code points): convert them."
                if unit else "Fix the offsets or the unit text.")
        raise DocumentFormatError(f"{where}, unit {k} (id {u.get('id')!r})",
                                  f"the unit's text must equal text[start:end] = text[{start}:{end}]",
                                  _difference(u["text"], text[start:end], f"text[{start}:{end}]"), hint)


def _difference(unit_text: str, cut: str, span: str) -> str:
    """Where ``unit_text`` and ``cut`` (``span`` of the text) part: their lengths, the characters they share just
    before, and how each goes on (an E006 message's "got" part). Raises nothing.

    Returns:
        A phrase such as ``a unit text of 59 characters and 62 in text[5:67], which part after 59 characters
        ('…more attentive'): the unit's text ends there, text[5:67] goes on with ', b'``."""
    i = next((k for k, (a, b) in enumerate(zip(unit_text, cut)) if a != b), min(len(unit_text), len(cut)))
    lead = ("…" if i > 20 else "") + unit_text[max(0, i - 20):i]

    def rest(s: str) -> str:
        return f"goes on with {s[i:i + 20]!r}" if i < len(s) else "ends there"

    return (f"a unit text of {len(unit_text)} characters and {len(cut)} in {span}, which part after {i} characters "
            f"({lead!r}): the unit's text {rest(unit_text)}, {span} {rest(cut)}")


def document_from_record(obj: Any, where: str) -> Document:
    """The Document of one JSON record, checked: an object with a string ``text`` and a ``units`` list, unit texts
    that match their offsets, and a valid document (``Document.validate``: offsets, labels, relation ends).

    ``where`` names the record for messages (``"preds.jsonl, line 3"``). Raises
    :class:`argmine.errors.DocumentFormatError` (a ``ValueError``): a record without ``units`` (e.g. batch input,
    ``{"id", "text"}``) is refused, never read as a document that predicts nothing.

    Returns:
        The ``Document``, validated.
    """
    if not isinstance(obj, dict):
        raise DocumentFormatError(where, "a document must be a JSON object", type(obj).__name__, _CONTRACT)
    if not isinstance(obj.get("text"), str):
        raise DocumentFormatError(where, "a document must have a string field 'text'",
                                  f"fields {sorted(obj)[:8]}", _CONTRACT)
    if not isinstance(obj.get("units"), list):
        got = f"fields {sorted(obj)[:8]}" if "units" not in obj else f"units of type {type(obj['units']).__name__}"
        raise DocumentFormatError(where, "a document must have a 'units' list (argmine output, not its input)", got,
                                  "Mine the texts first (argmine batch INPUT -o OUTPUT) and pass OUTPUT.")
    check_unit_texts(obj["text"], obj["units"], where)
    try:
        doc = Document.from_dict(obj)
        doc.validate()
    except KeyError as e:
        raise DocumentFormatError(where, "each unit must have id, start, end and label, and each relation source, "
                                  "target and label", f"no field {e}", _CONTRACT) from None
    except (TypeError, ValueError, AttributeError) as e:
        reason, got = _problem(getattr(e, "message", str(e)))
        raise DocumentFormatError(where, reason, got) from None
    return doc


def _problem(message: str) -> tuple:
    """``(reason, got)`` of an error message "X must be ...; got .... What to do." (its first sentence, without
    the advice to Python callers); ``("a document must follow CONTRACT.md", sentence)`` for another message.

    Returns:
        A pair of str, for ``DocumentFormatError(where, reason, got)``."""
    from .errors import WHAT_TO_DO

    m = WHAT_TO_DO.search(message)
    first = (message[:m.start() + 1] if m else message).strip().rstrip(".")
    reason, sep, got = first.partition("; got ")
    return (reason, got) if sep else ("a document must follow CONTRACT.md", first)
