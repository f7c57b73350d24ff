"""Whole lines of a journal file (OUTPUT, ERRORS), plain or gzip, with the byte offsets a resume cuts back to.

A gzip journal (a name ending in ``.gz``) is a series of gzip members, one per chunk written, each holding whole
lines; a member cut short by a kill or a full disk is not read (its lines count as never written), and the file
is cut back to the end of the last whole member.
"""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import Iterator, List, Tuple

__all__ = ["is_gz", "iter_lines", "encode_chunk", "GZ_HEAD"]

GZ_HEAD = b"\x1f\x8b\x08"  # how every gzip member starts (magic, deflate)
_READ = 1 << 16


def is_gz(path: Path) -> bool:
    """True when the journal at ``path`` is written as gzip (its name ends in ``.gz``).

    Returns:
        True for a ``.gz`` name (any case), False otherwise."""
    return path.name.lower().endswith(".gz")


def encode_chunk(data: bytes, gz: bool) -> bytes:
    """The bytes appended for one chunk of lines: the lines, or one gzip member of them (no time stamp).

    Returns:
        The bytes to append: ``data`` itself, or (``gz``) one gzip member holding it with mtime 0, so that equal chunks
        give equal bytes."""
    return gzip.compress(data, mtime=0) if gz else data


def iter_lines(path: Path, size: int, gz: bool) -> Iterator[Tuple[int, int, bytes]]:
    """``(start, end, line)`` for each whole line in the first ``size`` bytes of ``path``.

    ``end`` is the offset up to which everything is whole once this line is (for gzip: the end of the line's
    member for its last line, the member's start for the others). Stops at a torn last line (or member).
    """
    if size <= 0:
        return
    if not gz:
        pos = 0
        with open(path, "rb") as f:
            while pos < size:
                raw = f.readline()
                if not raw.endswith(b"\n") or pos + len(raw) > size:
                    return
                yield pos, pos + len(raw), raw
                pos += len(raw)
        return
    with open(path, "rb") as f:
        read, pending = 0, b""
        start = 0
        while start < size:
            d = zlib.decompressobj(wbits=31)
            out: List[bytes] = []
            while not d.eof:
                if not pending:
                    pending = f.read(min(_READ, size - read))
                    read += len(pending)
                    if not pending:
                        return  # a member cut short: not written
                try:
                    out.append(d.decompress(pending))
                except zlib.error:
                    return  # not gzip from here on: the caller checks what is left
                pending = d.unused_data if d.eof else b""
            end = read - len(pending)
            data = b"".join(out)
            lines = data.split(b"\n")
            if lines[-1] != b"":  # every member argmine writes ends with a newline
                return
            body = lines[:-1]
            for i, line in enumerate(body):
                yield start, end if i == len(body) - 1 else start, line + b"\n"
            start = end
