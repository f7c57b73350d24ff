"""Records and the pieces shared by the readers, the journal and the runner (limits, errors, JSON lines)."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any, Dict, Mapping, Optional, Tuple, Union

from ..errors import BatchError  # noqa: F401  (argmine.batch.records.BatchError, as before)
from ..text import looks_like_html

PathLike = Union[str, "os.PathLike[str]"]
Key = Union[int, str]

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_CHUNK_SIZE = 64
CHUNK_CHARS = 4_000_000  # a chunk is also closed once its texts hold this many characters
_BOM = b"\xef\xbb\xbf"


@dataclass
class Record:
    """One input record: ``text`` to mine, or ``error`` saying why it cannot be mined."""

    line: int
    key: Key
    id: Optional[str]
    text: Optional[str] = None
    error: Optional[str] = None
    meta: Optional[Dict[str, Any]] = None  # copied into the document's meta (web pages: url, title, date, ...)
    not_article: bool = False              # an error record for a web page with no article to mine
    incomplete: bool = False               # a last line still being written: not a record yet (error says so)
    file: Optional[str] = None             # the file of a folder INPUT (its path), written into its error line


def _json_type(v: Any) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "a boolean"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, dict):
        return "an object"
    if isinstance(v, (list, tuple)):
        return "an array"
    if isinstance(v, (bytes, bytearray)):
        return "bytes"
    return type(v).__name__


def _bad_unicode(s: str) -> Optional[int]:
    """Index of the first lone surrogate in ``s`` (not encodable as UTF-8), or None."""
    try:
        s.encode("utf-8")
        return None
    except UnicodeEncodeError as e:
        return e.start


def _norm_id(value: Any) -> Tuple[Optional[str], Optional[str]]:
    """(id, error) from an id field's value; (None, None) when there is none."""
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return None, f"id must be a string or an integer; got {_json_type(value)}"
    s = str(value)
    if _bad_unicode(s) is not None:
        return None, "id is not valid UTF-8 text"
    return s, None


def _build(line: int, key: Key, fields: Mapping[str, Any], text_field: str, id_field: str, max_chars: int,
           default_id: str, what: str = "record") -> Record:
    rid, id_err = _norm_id(fields.get(id_field))
    if id_err:
        return Record(line, key, None, error=id_err)
    rid = rid if rid is not None else default_id
    if text_field not in fields:
        return Record(line, key, rid, error=f"{what} has no {text_field!r} field (choose the text field with --text-field)")
    text = fields[text_field]
    if not isinstance(text, str):
        return Record(line, key, rid, error=f"{text_field!r} must be a string; got {_json_type(text)}")
    if len(text) > max_chars:
        return Record(line, key, rid, error=f"{text_field!r} has {len(text):,} characters, more than --max-chars {max_chars:,}")
    if looks_like_html(text):
        return Record(line, key, rid, error=f"{text_field!r} is a whole web page, not prose; mine its article (extract it "
                                             "first, or give argmine batch a folder of .html files or a WARC)")
    bad = _bad_unicode(text)
    if bad is not None:
        return Record(line, key, rid, error=f"{text_field!r} is not valid Unicode: lone surrogate "
                                             f"U+{ord(text[bad]):04X} at character {bad} (a bad \\u escape)")
    title = fields.get("title")  # a record's headline (JSONL/Parquet "title"): it helps find an op-ed's major claim
    meta = {"title": title} if isinstance(title, str) and title.strip() and _bad_unicode(title) is None else None
    return Record(line, key, rid, text=text, meta=meta)


def _line_error_id(raw: bytes, id_field: str) -> Optional[str]:
    """Best effort: the id of a line that is not valid UTF-8 (when the id itself is clean)."""
    try:
        obj = json.loads(raw.decode("utf-8", "surrogateescape"))
        return _norm_id(obj.get(id_field))[0] if isinstance(obj, dict) else None
    except Exception:
        return None


# U+0085, U+2028 and U+2029 are line breaks to str.splitlines() and to some JSON Lines readers; json.dumps leaves them
# raw with ensure_ascii=False (other control characters it escapes), so they are escaped here: the same JSON value.
_ESCAPE_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _json_line(obj: Any) -> bytes:
    """One JSON Lines line: UTF-8, no character that any reader takes for a line break inside it."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPE_LINE_BREAKS) + "\n").encode("utf-8")


def _error_line(rec: Record, message: str) -> bytes:
    """An ERRORS line: ``line``, ``file`` (a folder INPUT's file: its path), ``id``, ``error``."""
    where = {"line": rec.line, "file": rec.file} if rec.file is not None else {"line": rec.line}
    return (json.dumps({**where, "id": rec.id, "error": message}) + "\n").encode("utf-8")


