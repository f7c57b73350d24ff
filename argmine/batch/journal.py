"""The resume journal: reading back what an earlier run wrote (checked, torn tail cut off), the OUTPUT lock,
appending whole lines (plain, or one gzip member per chunk)."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

from .lines import GZ_HEAD, encode_chunk, is_gz, iter_lines
from .records import BatchError, Key, PathLike
from ..errors import ArgumentTypeError


@dataclass
class _Existing:
    path: Path
    size: int = 0          # bytes of whole, valid lines (the file is truncated to this)
    count: int = 0
    ordered: bool = True   # keys strictly increasing (always so for files this module wrote)


KeyOf = Callable[[dict], Tuple[Key, Any]]


def text_hash(text: str) -> str:
    """A short hash of a text (hex, 32 characters): what resume compares to know a record is the one written.

    Returns:
        str: 32 lowercase hex characters (BLAKE2b, 16 bytes) of the text's UTF-8 bytes (lone surrogates kept)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _doc_key(folder: bool) -> KeyOf:
    """(key, (id, text hash)) of a document line: the record it came from, and what to check it against."""
    if folder:
        return lambda o: (_check_key(o["id"], str), (o["id"], text_hash(o["text"])))
    return lambda o: (_check_key(o["meta"]["line"], int), (o["id"], text_hash(o["text"])))


def _err_key(folder: bool) -> KeyOf:
    """(key, (id, None)) of an error line (it holds no text; only the id can be checked)."""
    if folder:
        return lambda o: (_check_key(o["id"], str), (o["id"], None))
    return lambda o: (_check_key(o["line"], int), (o.get("id"), None))


def _check_key(v: Any, typ: type) -> Key:
    if not isinstance(v, typ) or isinstance(v, bool):
        raise ArgumentTypeError(f"key must be {typ.__name__}")
    return v


def _iter_keys(path: Path, size: int, key_of: KeyOf) -> Iterator[Tuple[int, int, Optional[Key], Any]]:
    """(line start offset, offset whole up to, key or None when the line is not a record, check) for whole lines."""
    for start, end, raw in iter_lines(path, size, is_gz(path)):
        try:
            key, check = key_of(json.loads(raw))
        except Exception:
            key, check = None, None
        yield start, end, key, check


def mined_with(doc: dict) -> dict:
    """What a document (its JSON dict) was mined with, as a resumed run must match it: ``{"model", "min_score"}``
    (``min_score``: the threshold in ``meta``, None for a document mined without one).

    Returns:
        ``{"model": the document's model dict, "min_score": float or None}``."""
    return {"model": doc.get("model"), "min_score": (doc.get("meta") or {}).get("min_score")}


def first_settings(path: Path, size: int) -> Optional[dict]:
    """``mined_with`` of the first document line of OUTPUT (None when there is none).

    Returns:
        ``{"model", "min_score"}`` of the first document line, or None when OUTPUT has no document line (or the
        line cannot be read)."""
    for _, _, raw in iter_lines(path, size, is_gz(path)):
        try:
            return mined_with(json.loads(raw))
        except Exception:
            return None
    return None


_DOC_HEAD = b'{"schema_version":'
_ERR_HEAD = b'{"line": '


def _recover(path: Path, key_of: KeyOf, head: bytes, what: str, notes: List[str]) -> _Existing:
    """Check a file left by an earlier run; cut off a torn last line; count its records.

    Every whole line must be a record this module wrote (else BatchError, and the file is left alone); only a
    last line without its newline that starts like one of ours (a write cut short by a kill) is dropped.
    """
    ex = _Existing(path)
    if not path.exists():
        return ex
    if not path.is_file():
        raise BatchError(f"{what} must be a file; got {str(path)!r}, which is not one. "
                         "Pass a path where a file can go (or move what is there).")
    total = path.stat().st_size
    last, lineno = None, 0
    for start, end, key, _ in _iter_keys(path, total, key_of):
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
        head = GZ_HEAD if is_gz(path) else head
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
    """Membership of increasing keys in a file's records, streamed (a dict only for files out of order).

    ``check`` is what the file holds for the key last found (``(id, text hash or None)``), to compare with the
    record now at that key.
    """

    def __init__(self, ex: _Existing, key_of: KeyOf):
        self._map: Optional[Dict[Key, Any]] = None
        self._it: Optional[Iterator] = None
        self._cur: Optional[Key] = None
        self._check: Any = None
        self.check: Any = None
        if ex.count == 0:
            return
        keys = ((k, c) for _, _, k, c in _iter_keys(ex.path, ex.size, key_of))
        if ex.ordered:
            self._it = keys
            self._advance()
        else:
            self._map = dict(keys)

    def _advance(self) -> None:
        self._cur, self._check = next(self._it, (None, None))

    def __contains__(self, key: Key) -> bool:
        if self._map is not None:
            self.check = self._map.get(key)
            return key in self._map
        while self._cur is not None and self._cur < key:
            self._advance()
        if self._cur is not None and self._cur == key:
            self.check = self._check
            return True
        return False

    def close(self) -> None:
        if self._it is not None:
            self._it.close()
            self._it = None


class OutputLock:
    """An exclusive lock on OUTPUT for one run: the file ``OUTPUT.lock`` (holding the pid), ``flock``-ed.

    ``acquire`` raises BatchError when another run holds it; ``release`` removes the lock file. The lock file's
    inode is checked after locking, so removing it at the end never lets two runs in. Where ``fcntl`` does not
    exist (Windows) there is no lock.
    """

    def __init__(self, output: Path):
        self.path = output.with_name(output.name + ".lock")
        self.fd: Optional[int] = None

    def acquire(self) -> "OutputLock":
        """Take the lock file (``OUTPUT.lock``, holding this process id); returns the lock itself.

        Returns:
            ``self``, holding the lock (release it with ``release()``, or use the lock as a context manager).

        Raises:
            BatchError: another argmine batch run holds the lock (E201)."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows
            return self
        for _ in range(10):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                pid = os.read(fd, 32).decode("ascii", "replace").strip()
                os.close(fd)
                raise BatchError(f"OUTPUT {str(self.path)[:-5]!r} is being written by another argmine batch run"
                                 + (f" (process {pid})" if pid else "") + f"; it holds {str(self.path)!r}. Wait for "
                                 "it to finish (rerun then to resume), or write to another OUTPUT.") from None
            try:
                same = os.fstat(fd).st_ino == os.stat(self.path).st_ino
            except FileNotFoundError:
                same = False
            if same:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode("ascii"))
                self.fd = fd
                return self
            os.close(fd)  # the run before removed it as we opened it: take the new one
        raise BatchError(f"OUTPUT lock {str(self.path)!r} could not be taken (it keeps being replaced). "
                         "Check that no other argmine batch writes to OUTPUT, then run the command again.")

    def release(self) -> None:
        """Give the lock back: remove the lock file and close it. Returns None; raises nothing."""
        if self.fd is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None


class _Appender:
    """Appends whole lines; a failed write (a full disk) is cut back to the last chunk written in full.

    The file is written unbuffered (``os.write``), so nothing is left in a buffer to land after the cut.
    ``write`` raises BatchError naming the file when the system refuses the write.
    """

    def __init__(self, path: Path, size: int, sync: bool, what: str = "OUTPUT"):
        self.path, self.committed, self.sync, self.fd, self.what = path, size, sync, None, what

    def write(self, lines: List[bytes]) -> None:
        if not lines:
            return
        data = memoryview(encode_chunk(b"".join(lines), is_gz(self.path)))
        total = len(data)
        try:
            if self.fd is None:
                self.fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
            while data:
                n = os.write(self.fd, data)
                data = data[n:]
            if self.sync:
                os.fsync(self.fd)
        except OSError as e:
            self.rollback()
            raise BatchError(f"{self.what} {str(self.path)!r} could not be written ({e.strerror or e}); it is cut back "
                             "to the last whole chunk. Free space (or fix the device), then rerun to resume.") from None
        self.committed += total

    def rollback(self) -> None:
        """Cut off a partly written chunk (after an error or Ctrl-C in the middle of a write)."""
        try:
            if self.path.exists() and self.path.stat().st_size > self.committed:
                os.truncate(self.path, self.committed)
        except OSError:
            pass

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def default_errors_path(output_path: PathLike) -> Path:
    """The ERRORS path of an OUTPUT path when ``--errors`` is not given: ``OUTPUT.errors.jsonl``.

    Returns:
        The ``Path`` ``OUTPUT.errors.jsonl`` beside OUTPUT."""
    p = Path(output_path)
    return p.with_name(p.name + ".errors.jsonl")

