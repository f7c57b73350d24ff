"""Mining archives: streaming readers, error records, crash-safe output that resumes, progress.

``run_batch`` is what ``argmine batch`` runs (CONTRACT.md, "Command line"). It reads records lazily, mines them
in chunks, and appends each chunk's documents (and error records) to the output as whole lines, in input order,
so memory stays flat however large the archive is.

Inputs (by path):
  * JSON Lines: ``.jsonl`` / ``.ndjson`` / ``.json`` (and any other suffix), optionally gzipped (``.gz``):
    one object per line. ``line`` is the physical line number (1-based); blank lines are not records.
  * CSV (``.csv``, ``.csv.gz``) with a header row. ``line`` is the physical line the record starts on
    (the header is line 1, so the first record is line 2).
  * Parquet (``.parquet``, ``.pq``; needs ``pyarrow``). ``line`` is the row number (1-based).
  * A folder of ``.txt`` files (UTF-8), taken in order of file name; the id is the file name without ``.txt``
    and ``line`` the file's position in that order.
  A record's id is its id field (a string, or an integer written as a string); without one, ``str(line)``
  (or the file name).

Outputs:
  * JSON Lines (any suffix but ``.parquet``): one document per mined record (schema_version 1), carrying the
    record's id and ``"meta": {"line": n}``; readers ignore ``meta``.
  * Parquet (``.parquet``): one row per document with the columns ``id`` (string), ``line`` (int64) and
    ``document`` (the document as a JSON string). Parquet cannot be appended to, so while running the
    documents go to ``OUTPUT.partial.jsonl``; the Parquet file is written (atomically) when the run finishes.
  * ERRORS (default ``OUTPUT.errors.jsonl``; only created when there is an error): one line per record that
    could not be mined: ``{"line": n, "id": ..., "error": "readable reason"}``.

Resume: on start, a torn last line of OUTPUT/ERRORS (left by a killed run) is cut off, and records already in
either file (by ``line``; by file name for folder inputs) are skipped. Both files are read back as sorted
streams, so resuming does not hold the set of finished records in memory either.
"""
from __future__ import annotations

import copy
import csv
import gzip
import io
import json
import os
import sys
import time
import warnings
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Tuple, Union

from .errors import ArgmineError, DataNotFoundError
from .lang import NonEnglishWarning

__all__ = ["run_batch", "read_records", "count_records", "input_kind", "default_errors_path",
           "BatchSummary", "BatchError", "BatchInterrupted", "Record"]

PathLike = Union[str, "os.PathLike[str]"]
Key = Union[int, str]

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_CHUNK_SIZE = 64
CHUNK_CHARS = 4_000_000  # a chunk is also closed once its texts hold this many characters
_BOM = b"\xef\xbb\xbf"


class BatchError(ArgmineError, ValueError):
    """The batch could not run (or go on): unreadable input, an OUTPUT that argmine did not write, ..."""


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped ``run_batch`` cleanly: everything up to the last whole chunk is written; rerun to resume."""

    def __init__(self, summary: "BatchSummary") -> None:
        super().__init__(summary.line())
        self.summary = summary


@dataclass
class Record:
    """One input record: ``text`` to mine, or ``error`` saying why it cannot be mined."""

    line: int
    key: Key
    id: Optional[str]
    text: Optional[str] = None
    error: Optional[str] = None


@dataclass
class BatchSummary:
    mined: int = 0          # documents written this run
    errors: int = 0         # error records written this run
    skipped: int = 0        # records already in OUTPUT or ERRORS from an earlier run
    not_english: int = 0    # documents written this run whose meta.language says not English (no warning each)
    seconds: float = 0.0
    output_path: Optional[Path] = None
    errors_path: Optional[Path] = None
    interrupted: bool = False
    notes: List[str] = field(default_factory=list)  # repairs made on resume (e.g. a torn last line dropped)

    def line(self) -> str:
        rate = self.mined / self.seconds if self.seconds > 0 else 0.0
        parts = [f"{self.mined} document{'s' * (self.mined != 1)} mined", f"{self.errors} error{'s' * (self.errors != 1)}"
                 + (f" (in {self.errors_path})" if self.errors and self.errors_path else "")]
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        if self.not_english:
            parts.append(f"{self.not_english} not in English (meta.language)")
        head = "interrupted" if self.interrupted else "done"
        return f"argmine batch {head}: {', '.join(parts)}, {self.seconds:.1f} s ({rate:.1f} documents/s)"


# -- inputs ---------------------------------------------------------------------------------------------------
def input_kind(path: PathLike) -> str:
    """``"folder"``, ``"csv"``, ``"parquet"`` or ``"jsonl"`` (the default) for an existing INPUT."""
    p = Path(path)
    if p.is_dir():
        return "folder"
    if not p.is_file():
        raise DataNotFoundError(p, "INPUT", "Pass a JSON Lines, CSV or Parquet file, or a folder of .txt files.")
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last == ".csv":
        return "csv"
    if last in (".parquet", ".pq"):
        return "parquet"
    return "jsonl"


def _is_gz(p: Path) -> bool:
    return p.suffix.lower() == ".gz"


def _open_binary(p: Path):
    return gzip.open(p, "rb") if _is_gz(p) else open(p, "rb")


def _pyarrow_parquet():
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet as pq
    except ImportError:
        raise BatchError("Parquet input or output needs pyarrow; got no module pyarrow. "
                         "Run: pip install 'argmine[parquet]' (or pip install pyarrow)") from None
    return pq


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
    bad = _bad_unicode(text)
    if bad is not None:
        return Record(line, key, rid, error=f"{text_field!r} is not valid Unicode: lone surrogate "
                                             f"U+{ord(text[bad]):04X} at character {bad} (a bad \\u escape)")
    return Record(line, key, rid, text=text)


def _line_error_id(raw: bytes, id_field: str) -> Optional[str]:
    """Best effort: the id of a line that is not valid UTF-8 (when the id itself is clean)."""
    try:
        obj = json.loads(raw.decode("utf-8", "surrogateescape"))
        return _norm_id(obj.get(id_field))[0] if isinstance(obj, dict) else None
    except Exception:
        return None


def _read_jsonl(p: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Record]:
    # JSON may spend up to 12 bytes on one character (a surrogate-pair escape); lines longer than that are
    # skipped without being held in memory.
    max_bytes = 12 * max_chars + (1 << 20)
    n = 0
    try:
        with _open_binary(p) as f:
            while True:
                raw = f.readline(max_bytes + 1)
                if not raw:
                    break
                n += 1
                if len(raw) > max_bytes and not raw.endswith(b"\n"):
                    while True:
                        more = f.readline(1 << 20)
                        if not more or more.endswith(b"\n"):
                            break
                    yield Record(n, n, None, error=f"line is longer than {max_bytes:,} bytes, more than a record "
                                                   f"with --max-chars {max_chars:,} can take")
                    continue
                if n == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM):]
                if not raw.strip():
                    continue
                try:
                    s = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    yield Record(n, n, _line_error_id(raw, id_field),
                                 error=f"line is not valid UTF-8: byte 0x{raw[e.start]:02x} at byte {e.start + 1} of the line")
                    continue
                s = s.rstrip("\r\n")
                try:
                    obj = json.loads(s)
                except ValueError as e:
                    msg = f"{e.msg} at character {e.pos + 1}" if isinstance(e, json.JSONDecodeError) else str(e)
                    yield Record(n, n, None, error=f"line is not valid JSON: {msg}")
                    continue
                if not isinstance(obj, dict):
                    yield Record(n, n, None, error=f"line must be a JSON object; got {_json_type(obj)}")
                    continue
                yield _build(n, n, obj, text_field, id_field, max_chars, str(n), "line")
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise BatchError(f"INPUT {str(p)!r} must be a whole gzip file; got a corrupt or truncated one after line {n} ({e}). "
                         "Records read before that point are written; repair the file and rerun to resume.") from None


def _read_csv(p: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Record]:
    need = 4 * max_chars + 1024
    if csv.field_size_limit() < need:
        csv.field_size_limit(min(need, sys.maxsize))
    raw = _open_binary(p)
    n_done = 0
    try:
        with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
            reader = csv.reader(f)
            try:
                header = next(reader)
            except StopIteration:
                return
            if text_field not in header:
                raise BatchError(f"CSV INPUT must have a {text_field!r} column; got the columns {header}. "
                                 "Choose the text column with --text-field.")
            ti = header.index(text_field)
            ii = header.index(id_field) if id_field in header else None
            while True:
                start = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as e:
                    yield Record(start, start, None, error=f"row is not valid CSV: {e}")
                    continue
                n_done = reader.line_num
                if not row:
                    continue
                if len(row) != len(header):
                    yield Record(start, start, None, error=f"row has {len(row)} fields; the header has {len(header)}")
                    continue
                rid = row[ii] if ii is not None and row[ii] != "" else None
                if any(_bad_unicode(row[k]) is not None for k in (ti, ii) if k is not None):
                    yield Record(start, start, None if rid is None or _bad_unicode(rid) is not None else rid,
                                 error="row is not valid UTF-8")
                    continue
                fields = {text_field: row[ti]}
                if rid is not None:
                    fields[id_field] = rid
                yield _build(start, start, fields, text_field, id_field, max_chars, str(start), "row")
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise BatchError(f"INPUT {str(p)!r} must be a whole gzip file; got a corrupt or truncated one after line {n_done} ({e}). "
                         "Records read before that point are written; repair the file and rerun to resume.") from None


def _read_parquet(p: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Record]:
    pq = _pyarrow_parquet()
    try:
        pf = pq.ParquetFile(p)
    except Exception as e:
        raise BatchError(f"INPUT {str(p)!r} must be a Parquet file; got one pyarrow cannot read ({e})") from None
    names = pf.schema_arrow.names
    if text_field not in names:
        raise BatchError(f"Parquet INPUT must have a {text_field!r} column; got the columns {names}. "
                         "Choose the text column with --text-field.")
    cols = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
    n = 0
    for batch in pf.iter_batches(batch_size=256, columns=cols):
        d = batch.to_pydict()
        texts, ids = d[text_field], d.get(id_field)
        for i in range(batch.num_rows):
            n += 1
            text = texts[i]
            if isinstance(text, (bytes, bytearray)):
                try:
                    text = bytes(text).decode("utf-8")
                except UnicodeDecodeError:
                    yield Record(n, n, _norm_id(ids[i])[0] if ids is not None else None, error=f"{text_field!r} is not valid UTF-8")
                    continue
            fields = {text_field: text}
            if ids is not None:
                fields[id_field] = ids[i]
            yield _build(n, n, fields, text_field, id_field, max_chars, str(n), "row")


def _folder_names(p: Path) -> List[str]:
    # names only (not Path objects): the listing is the one thing that grows with a folder input
    return sorted((e.name for e in os.scandir(p) if e.name.endswith(".txt") and e.is_file()), key=lambda s: s[:-4])


def _read_folder(p: Path, max_chars: int) -> Iterator[Record]:
    for n, name in enumerate(_folder_names(p), 1):
        stem = name[:-4]
        fp = p / name
        try:
            size = fp.stat().st_size
            if size > 4 * max_chars + len(_BOM):
                yield Record(n, stem, stem, error=f"file has {size:,} bytes, more than --max-chars {max_chars:,} characters can take")
                continue
            raw = fp.read_bytes()
        except OSError as e:
            yield Record(n, stem, stem, error=f"file cannot be read: {e.strerror or e}")
            continue
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            yield Record(n, stem, stem, error=f"file is not valid UTF-8: byte 0x{raw[e.start]:02x} at byte offset {e.start}")
            continue
        if len(text) > max_chars:
            yield Record(n, stem, stem, error=f"file has {len(text):,} characters, more than --max-chars {max_chars:,}")
            continue
        yield Record(n, stem, stem, text=text)


def read_records(path: PathLike, *, text_field: str = "text", id_field: str = "id",
                 max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Record]:
    """Records of INPUT, lazily, in input order (see the module docstring for the formats)."""
    p = Path(path)
    kind = input_kind(p)
    if kind == "folder":
        return _read_folder(p, max_chars)
    if kind == "csv":
        return _read_csv(p, text_field, id_field, max_chars)
    if kind == "parquet":
        _pyarrow_parquet()
        return _read_parquet(p, text_field, id_field, max_chars)
    return _read_jsonl(p, text_field, id_field, max_chars)


def count_records(path: PathLike, *, text_field: str = "text") -> Optional[int]:
    """The number of records in INPUT (a quick pass; for the progress bar), or None when unknown."""
    p = Path(path)
    kind = input_kind(p)
    try:
        if kind == "folder":
            return len(_folder_names(p))
        if kind == "parquet":
            return _pyarrow_parquet().ParquetFile(p).metadata.num_rows
        if kind == "csv":
            with io.TextIOWrapper(_open_binary(p), encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
                return max(sum(1 for row in csv.reader(f) if row) - 1, 0)
        n = 0
        with _open_binary(p) as f:
            for raw in f:
                if raw.strip():
                    n += 1
        return n
    except Exception:
        return None


# -- resume: reading back what an earlier run wrote -------------------------------------------------------------
@dataclass
class _Existing:
    path: Path
    size: int = 0          # bytes of whole, valid lines (the file is truncated to this)
    count: int = 0
    ordered: bool = True   # keys strictly increasing (always so for files this module wrote)


def _doc_key(folder: bool) -> Callable[[dict], Key]:
    if folder:
        return lambda o: _check_key(o["id"], str)
    return lambda o: _check_key(o["meta"]["line"], int)


def _err_key(folder: bool) -> Callable[[dict], Key]:
    if folder:
        return lambda o: _check_key(o["id"], str)
    return lambda o: _check_key(o["line"], int)


def _check_key(v: Any, typ: type) -> Key:
    if not isinstance(v, typ) or isinstance(v, bool):
        raise TypeError(f"key must be {typ.__name__}")
    return v


def _iter_keys(path: Path, size: int, key_of: Callable[[dict], Key]) -> Iterator[Tuple[int, int, Optional[Key]]]:
    """(line start offset, line end offset, key or None when the line is not a record) for whole lines."""
    pos = 0
    with open(path, "rb") as f:
        while pos < size:
            raw = f.readline()
            if not raw.endswith(b"\n") or pos + len(raw) > size:
                break
            try:
                key = key_of(json.loads(raw))
            except Exception:
                key = None
            yield pos, pos + len(raw), key
            pos += len(raw)


_DOC_HEAD = b'{"schema_version":'
_ERR_HEAD = b'{"line": '


def _recover(path: Path, key_of: Callable[[dict], Key], head: bytes, what: str, notes: List[str]) -> _Existing:
    """Check a file left by an earlier run; cut off a torn last line; count its records.

    Every whole line must be a record this module wrote (else BatchError, and the file is left alone); only a
    last line without its newline that starts like one of ours (a write cut short by a kill) is dropped.
    """
    ex = _Existing(path)
    if not path.exists():
        return ex
    if not path.is_file():
        raise BatchError(f"{what} must be a file; got {str(path)!r}, which is not one")
    total = path.stat().st_size
    last, lineno = None, 0
    for start, end, key in _iter_keys(path, total, key_of):
        lineno += 1
        if key is None:
            raise BatchError(f"{what} {str(path)!r} must hold only records written by argmine batch; got line {lineno} "
                             "that is not one. Write to another file, or move this one away.")
        if last is not None and not key > last:
            ex.ordered = False
        last = key
        ex.count += 1
        ex.size = end
    if ex.size < total:
        with open(path, "rb") as f:
            f.seek(ex.size)
            tail = f.read(len(head))
        if not (tail.startswith(head) or head.startswith(tail)):
            raise BatchError(f"{what} {str(path)!r} must hold only records written by argmine batch; got an unfinished "
                             f"line {lineno + 1} that is not one. Write to another file, or move this one away.")
        notes.append(f"dropped an incomplete last line of {what} {str(path)!r} ({total - ex.size} bytes) "
                     "left by an interrupted run")
        with open(path, "r+b") as f:
            f.truncate(ex.size)
            f.flush()
            os.fsync(f.fileno())
    return ex


class _DoneKeys:
    """Membership of increasing keys in a file's records, streamed (a set only for files out of order)."""

    def __init__(self, ex: _Existing, key_of: Callable[[dict], Key]):
        self._set = None
        self._it: Optional[Iterator] = None
        self._cur: Optional[Key] = None
        if ex.count == 0:
            return
        keys = (k for _, _, k in _iter_keys(ex.path, ex.size, key_of))
        if ex.ordered:
            self._it = keys
            self._cur = next(self._it, None)
        else:
            self._set = set(keys)

    def __contains__(self, key: Key) -> bool:
        if self._set is not None:
            return key in self._set
        while self._cur is not None and self._cur < key:
            self._cur = next(self._it, None)
        return self._cur is not None and self._cur == key

    def close(self) -> None:
        if self._it is not None:
            self._it.close()
            self._it = None


class _Appender:
    """Appends whole lines; on failure the file is cut back to the last chunk written in full."""

    def __init__(self, path: Path, size: int, sync: bool):
        self.path, self.committed, self.sync, self.f = path, size, sync, None

    def write(self, lines: List[bytes]) -> None:
        if not lines:
            return
        if self.f is None:
            self.f = open(self.path, "ab")
        self.f.write(b"".join(lines))
        self.f.flush()
        if self.sync:
            os.fsync(self.f.fileno())
        self.committed = self.f.tell()

    def rollback(self) -> None:
        """Cut off a partly written chunk (after an exception or Ctrl-C in the middle of a write)."""
        try:
            if self.f is not None:
                self.f.flush()
        except Exception:
            pass
        try:
            if self.path.exists() and self.path.stat().st_size > self.committed:
                os.truncate(self.path, self.committed)
        except OSError:
            pass

    def close(self) -> None:
        if self.f is not None:
            self.f.close()
            self.f = None


# -- Parquet output ---------------------------------------------------------------------------------------------
def _journal_to_parquet(journal: Path, out: Path, rows_per_group: int = 1024) -> None:
    pq = _pyarrow_parquet()
    import pyarrow as pa

    schema = pa.schema([("id", pa.string()), ("line", pa.int64()), ("document", pa.string())])
    tmp = out.with_name(out.name + ".tmp")
    writer = pq.ParquetWriter(tmp, schema)
    try:
        cols: Dict[str, list] = {"id": [], "line": [], "document": []}

        def flush():
            if cols["id"]:
                writer.write_table(pa.table(cols, schema=schema))
                for v in cols.values():
                    v.clear()

        if journal.exists():
            with open(journal, "rb") as f:
                for raw in f:
                    s = raw.decode("utf-8").rstrip("\n")
                    d = json.loads(s)
                    cols["id"].append(d.get("id"))
                    cols["line"].append((d.get("meta") or {}).get("line"))
                    cols["document"].append(s)
                    if len(cols["id"]) >= rows_per_group:
                        flush()
        flush()
    finally:
        writer.close()
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, out)


def _parquet_to_journal(out: Path, journal: Path) -> None:
    pq = _pyarrow_parquet()
    try:
        pf = pq.ParquetFile(out)
        if "document" not in pf.schema_arrow.names:
            raise ValueError("no 'document' column")
    except Exception as e:
        raise BatchError(f"OUTPUT {str(out)!r} must be a Parquet file written by argmine batch; got one that is not ({e}). "
                         "Write to another file, or remove this one.") from None
    tmp = journal.with_name(journal.name + ".tmp")
    with open(tmp, "wb") as f:
        for batch in pf.iter_batches(batch_size=1024, columns=["document"]):
            for s in batch.column(0).to_pylist():
                f.write(s.encode("utf-8") + b"\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, journal)


# -- the run ----------------------------------------------------------------------------------------------------
def default_errors_path(output_path: PathLike) -> Path:
    p = Path(output_path)
    return p.with_name(p.name + ".errors.jsonl")


# U+0085, U+2028 and U+2029 are line breaks to str.splitlines() and to some JSON Lines readers; json.dumps leaves them
# raw with ensure_ascii=False (other control characters it escapes), so they are escaped here: the same JSON value.
_ESCAPE_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _json_line(obj: Any) -> bytes:
    """One JSON Lines line: UTF-8, no character that any reader takes for a line break inside it."""
    return (json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPE_LINE_BREAKS) + "\n").encode("utf-8")


def _error_line(rec: Record, message: str) -> bytes:
    return (json.dumps({"line": rec.line, "id": rec.id, "error": message}) + "\n").encode("utf-8")


def _mine_chunk(miner, recs: List[Record], batch_size: int) -> List[Tuple[Record, Any, Optional[str]]]:
    """(record, document or None, error or None) for each record, in order; one failure does not sink the chunk."""
    try:
        with warnings.catch_warnings():  # one warning per record would flood stderr: meta.language and the summary say it
            warnings.simplefilter("ignore", NonEnglishWarning)
            docs = list(miner.mine_batch([r.text for r in recs], ids=[r.id for r in recs],
                                         batch_size=batch_size, show_progress=False))
        if len(docs) != len(recs):
            raise RuntimeError(f"mine_batch returned {len(docs)} documents for {len(recs)} texts")
        return [(r, d, None) for r, d in zip(recs, docs)]
    except Exception as e:
        if len(recs) == 1:
            return [(recs[0], None, f"mining failed: {type(e).__name__}: {e}")]
        out = []
        for r in recs:
            out.extend(_mine_chunk(miner, [r], batch_size))
        return out


def run_batch(input_path: PathLike, output_path: PathLike, miner, *, text_field: str = "text", id_field: str = "id",
              errors_path: Optional[PathLike] = None, batch_size: int = 16, limit: Optional[int] = None,
              max_chars: Optional[int] = None, progress: Optional[bool] = None,
              chunk_size: int = DEFAULT_CHUNK_SIZE, fsync: bool = False) -> BatchSummary:
    """Mine every record of ``input_path`` into ``output_path`` (resuming an earlier run); see the module doc.

    ``limit``: only the first ``limit`` records of INPUT are considered (already-done ones included), so a rerun
    with the same limit resumes the same slice. ``chunk_size``: records mined and written together.
    ``progress``: a tqdm bar on stderr (None: only when stderr is a terminal). ``fsync``: fsync after every chunk.
    ``max_chars``: longer texts go to ERRORS (None: the miner's ``max_chars``, else DEFAULT_MAX_CHARS); a larger
    value than the miner's is honoured (the run mines with a shallow copy of the miner that takes such texts).
    Raises BatchError / DataNotFoundError when it cannot run, BatchInterrupted (a KeyboardInterrupt) on Ctrl-C
    after cutting the output back to whole chunks.
    """
    t0 = time.perf_counter()
    miner_max = getattr(miner, "max_chars", None)
    if max_chars is None:  # the miner's limit (Miner.max_chars), so reading and mining agree
        max_chars = miner_max if miner_max is not None else DEFAULT_MAX_CHARS
    if batch_size < 1 or chunk_size < 1 or max_chars < 1:
        raise ValueError(f"batch_size, chunk_size and max_chars must be >= 1; got {batch_size}, {chunk_size}, {max_chars}")
    if miner_max is not None and miner_max < max_chars:
        # an explicit max_chars (--max-chars) rules the run: mine with a copy that takes texts up to it (same network)
        miner = copy.copy(miner)
        miner.max_chars = max_chars
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0; got {limit}")
    src, out = Path(input_path), Path(output_path)
    kind = input_kind(src)
    folder = kind == "folder"
    to_parquet = out.suffix.lower() == ".parquet"
    if to_parquet:
        _pyarrow_parquet()
    journal = out.with_name(out.name + ".partial.jsonl") if to_parquet else out
    errs = Path(errors_path) if errors_path is not None else default_errors_path(out)
    paths = [p.resolve() for p in (src, out, journal, errs)]
    if paths[0] in paths[1:] or paths[2] == paths[3] or paths[1] == paths[3]:
        raise BatchError(f"INPUT, OUTPUT and ERRORS must be different files; got {str(src)!r}, {str(out)!r}, {str(errs)!r}")
    if out.is_dir():
        raise BatchError(f"OUTPUT must be a file; got {str(out)!r}, which is a folder")
    records = read_records(src, text_field=text_field, id_field=id_field, max_chars=max_chars)  # fails fast on bad headers
    if kind in ("csv", "parquet"):  # generators: run them to the header check now
        first = next(records, None)
        records = _chain(first, records)
    out.parent.mkdir(parents=True, exist_ok=True)
    errs.parent.mkdir(parents=True, exist_ok=True)

    summary = BatchSummary(output_path=out, errors_path=errs)
    if to_parquet and out.exists() and not journal.exists():
        _parquet_to_journal(out, journal)
    ex_out = _recover(journal, _doc_key(folder), _DOC_HEAD, "OUTPUT", summary.notes)
    ex_err = _recover(errs, _err_key(folder), _ERR_HEAD, "ERRORS", summary.notes)
    done_out, done_err = _DoneKeys(ex_out, _doc_key(folder)), _DoneKeys(ex_err, _err_key(folder))
    w_out, w_err = _Appender(journal, ex_out.size, fsync), _Appender(errs, ex_err.size, fsync)

    if progress is None:
        progress = sys.stderr.isatty()
    bar = None
    if progress:
        from tqdm.auto import tqdm

        total = count_records(src, text_field=text_field)
        if total is not None:
            total = max((min(total, limit) if limit is not None else total) - ex_out.count - ex_err.count, 0)
        bar = tqdm(total=total, unit="doc", desc="mining", dynamic_ncols=True)

    pending: List[Record] = []
    pending_err: List[Record] = []
    pending_chars = 0

    def flush() -> None:
        nonlocal pending, pending_err, pending_chars
        mined = _mine_chunk(miner, pending, batch_size) if pending else []
        if len(mined) >= 2 and all(doc is None for _, doc, _ in mined):
            # every record failing on its own is the model or the machine, not the records: stop (resumable)
            raise BatchError(f"mining must work for some records; got a failure on each of {len(mined)} records in a row, "
                             f"e.g. line {mined[0][0].line}: {mined[0][2]}. Check the model and the device, then rerun to resume.")
        doc_lines, err_recs = [], [(r, r.error) for r in pending_err]
        for rec, doc, err in mined:
            if doc is None:
                err_recs.append((rec, err))
                continue
            doc.meta = {**doc.meta, "line": rec.line}
            if not (doc.meta.get("language") or {}).get("english", True):
                summary.not_english += 1
            doc_lines.append(_json_line(doc.to_dict()))
        err_recs.sort(key=lambda re: re[0].key)
        w_out.write(doc_lines)
        summary.mined += len(doc_lines)
        w_err.write([_error_line(r, e) for r, e in err_recs])
        summary.errors += len(err_recs)
        if bar is not None:
            bar.update(len(pending) + len(pending_err))
        pending, pending_err, pending_chars = [], [], 0

    fatal: Optional[BaseException] = None
    seen = 0
    try:
        try:
            while limit is None or seen < limit:
                try:
                    rec = next(records, None)
                except BatchError as e:  # the input broke off: write what was read, then report
                    fatal = e
                    break
                if rec is None:
                    break
                seen += 1
                if rec.key in done_out or rec.key in done_err:
                    summary.skipped += 1
                    continue
                if rec.error is not None:
                    pending_err.append(rec)
                else:
                    pending.append(rec)
                    pending_chars += len(rec.text)
                if len(pending) + len(pending_err) >= chunk_size or pending_chars >= CHUNK_CHARS:
                    flush()
            flush()
        except BaseException:
            w_out.rollback()
            w_err.rollback()
            raise
        finally:
            w_out.close()
            w_err.close()
            done_out.close()
            done_err.close()
            if bar is not None:
                bar.close()
            close = getattr(records, "close", None)
            if close is not None:
                close()
    except KeyboardInterrupt:
        summary.interrupted = True
        summary.seconds = time.perf_counter() - t0
        raise BatchInterrupted(summary) from None
    if fatal is not None:
        raise fatal
    if to_parquet:
        _journal_to_parquet(journal, out)
        journal.unlink(missing_ok=True)
    summary.seconds = time.perf_counter() - t0
    return summary


def _chain(first: Optional[Record], rest: Iterator[Record]) -> Iterator[Record]:
    if first is None:
        return
    yield first
    yield from rest
