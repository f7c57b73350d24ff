"""The resume journal: reading back what an earlier run wrote, appending whole lines, Parquet conversion."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from .readers import _pyarrow_parquet
from .records import BatchError, Key, PathLike


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


def default_errors_path(output_path: PathLike) -> Path:
    p = Path(output_path)
    return p.with_name(p.name + ".errors.jsonl")

