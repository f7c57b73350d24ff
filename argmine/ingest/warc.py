"""Pages of a WARC file (``.warc``, ``.warc.gz``; Common Crawl, the Internet Archive, wget/Heritrix crawls), via ``warcio``.

Only ``response`` and ``resource`` records are pages; ``warcinfo``, ``request``, ``metadata``, ``revisit`` and
other records are passed over without a word (they hold no page). Each page is numbered by its position among
all records of the file (1-based), which stays the same from one read to the next, so a resumed run can match it.
"""
from __future__ import annotations

import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union

from ..errors import WarcReadError
from .html import WebExtrasMissingError

__all__ = ["WarcPage", "iter_warc_pages", "count_warc_pages", "is_warc_path", "WarcReadError", "DEFAULT_MAX_PAGE_BYTES"]

DEFAULT_MAX_PAGE_BYTES = 20_000_000  # a response body larger than this is not read (not a page to mine)
_PAGE_TYPES = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Truncated(Exception):
    pass


@dataclass
class WarcPage:
    """One page record: ``html`` (the response body, bytes) or ``error`` (why it is no page to mine).

    ``position``: 1-based position among all records of the file. ``record_id``: the WARC-Record-ID
    (``<urn:uuid:...>``). ``url``: WARC-Target-URI. ``crawl_date``: WARC-Date (ISO 8601).
    """

    position: int
    record_id: Optional[str]
    url: Optional[str]
    crawl_date: Optional[str]
    html: Optional[bytes] = None
    error: Optional[str] = None


def is_warc_path(path: Union[str, Path]) -> bool:
    """True for a file named ``*.warc`` or ``*.warc.gz`` (any case).

    Returns:
        True or False."""
    name = Path(path).name.lower()
    return name.endswith(".warc") or name.endswith(".warc.gz")


def _archive_iterator():
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        raise WebExtrasMissingError("warcio") from None
    return ArchiveIterator


def iter_warc_pages(path: Union[str, Path], *, max_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[WarcPage]:
    """The page records of a WARC file, lazily, in file order (memory: one page at a time).

    A page whose HTTP status is not 200, whose Content-Type is not HTML, or whose body is over ``max_bytes``
    bytes comes with ``error`` set. Raises WarcReadError when the file is truncated or corrupt (after yielding
    the pages before that point), WebExtrasMissingError when warcio is not installed, OSError when the file
    cannot be opened.
    """
    ArchiveIterator = _archive_iterator()
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    with open(path, "rb") as f:
        archive = ArchiveIterator(f)
        it = iter(archive)
        while True:
            try:
                rec = next(it)
            except StopIteration:
                end, size = getattr(archive, "offset", None), os.fstat(f.fileno()).st_size
                if end is not None and end < size:  # warcio ends quietly before a cut-off last record
                    raise WarcReadError(f"WARC file is truncated after record {n} ({size - end} bytes at its end "
                                        "are not a whole record)", n) from None
                return
            except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError, AttributeError) as e:
                raise WarcReadError(f"WARC file is corrupt or truncated after record {n} ({type(e).__name__}: {e})",
                                    n) from None
            n += 1
            if rec.rec_type not in _PAGE_TYPES:
                continue
            h = rec.rec_headers
            page = WarcPage(n, h.get_header("WARC-Record-ID"), h.get_header("WARC-Target-URI"), h.get_header("WARC-Date"))
            try:
                page.html, page.error = _payload(rec, max_bytes)
            except _Truncated:
                raise WarcReadError(f"WARC file is truncated in record {n} (it holds fewer bytes than its "
                                    "Content-Length)", n - 1) from None
            except Exception as e:  # one broken record (bad chunking, bad gzip body) is that page's error
                page.error = f"WARC record cannot be read: {type(e).__name__}: {e}"
            yield page


def _payload(rec, max_bytes: int):
    """(body, None) for an HTML page, else (None, reason)."""
    if rec.rec_type == "response":
        http = rec.http_headers
        if http is None:
            return None, "response record has no HTTP headers (not an HTTP response)"
        status = http.get_statuscode()
        if status != "200":
            return None, f"not a page: HTTP status {status}"
        ctype = http.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    mime = ctype.split(";")[0].strip().lower()
    if mime and mime not in _HTML_TYPES:
        return None, f"not HTML: Content-Type {mime}"
    body = rec.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return None, f"page body is larger than {max_bytes:,} bytes"
    if getattr(rec.raw_stream, "limit", 0) > 0:  # warcio stops quietly at the end of a cut file
        raise _Truncated()
    if not body.strip():
        return None, "page body is empty"
    return body, None


def count_warc_pages(path: Union[str, Path]) -> int:
    """The number of page records (response/resource) in a WARC file: a pass over the file without reading the
    bodies (for a progress bar's total). Raises what :func:`iter_warc_pages` raises on a broken file.

    Returns:
        The number of response and resource records (an int >= 0)."""
    ArchiveIterator = _archive_iterator()
    with open(path, "rb") as f:
        return sum(1 for rec in ArchiveIterator(f) if rec.rec_type in _PAGE_TYPES)
