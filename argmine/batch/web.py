"""Web records for ``argmine batch``: WARC files and folders of saved HTML pages, through :mod:`argmine.ingest`.

A page becomes a record whose text is the extracted article (argmine.ingest.html) and whose ``meta`` carries
``url``, ``title``, ``author``, ``date`` and ``warc_record_id`` + ``crawl_date`` (WARC) or ``file`` (folders); the
runner copies it into the document's ``meta``. A page with no article (not HTML, HTTP status not 200, no main
text, too short) or whose article is not English (argmine.lang) becomes an error record marked ``not_article``,
counted apart in the summary.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, List, Optional, Union

from ..lang import detect
from .records import BatchError, Record

__all__ = ["read_warc", "read_html_folder", "html_names", "safe_name", "PageJob", "PageMap", "extract_page",
           "serial_pages"]


def safe_name(name: str) -> str:
    """A file name as valid UTF-8 text: bytes that are not UTF-8 (surrogate-escaped by os) shown as ``\\xNN``.

    Returns:
        The name as a str that encodes to UTF-8 (invalid bytes spelt ``\\xNN``); a valid name comes back unchanged."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def html_names(p: Path) -> List[str]:
    """The ``.html`` / ``.htm`` / ``.xhtml`` file names in folder ``p``, sorted by name without the suffix.

    Returns:
        The file names (not paths) of the saved pages in ``p``, in the order their records are read."""
    from ..ingest.html import HTML_SUFFIXES

    names = [e.name for e in os.scandir(p) if e.name.lower().endswith(HTML_SUFFIXES) and e.is_file()]
    return sorted(names, key=lambda s: os.path.splitext(s)[0])


def _article_record(n: int, key, rid: Optional[str], load, max_chars: int, meta: dict) -> Record:
    from ..ingest.html import NotAnArticle, WebExtrasMissingError

    try:
        art = load()
    except WebExtrasMissingError as e:
        raise BatchError(e.message) from None
    except NotAnArticle as e:
        return Record(n, key, rid, error=f"not an article: {e.reason}", not_article=True)
    except RecursionError:
        return Record(n, key, rid, error="page could not be parsed: nested too deeply")
    except Exception as e:  # one bad page never stops the run
        return Record(n, key, rid, error=f"page could not be read: {type(e).__name__}: {e}")
    if len(art.text) > max_chars:
        return Record(n, key, rid, error=f"article has {len(art.text):,} characters, more than --max-chars {max_chars:,}")
    lang = detect(art.text)
    if not lang["english"]:  # the models are English-only: skipped before mining, with its score
        return Record(n, key, rid, error=f"not English: language score {lang['score']:.2f} (argmine.lang)",
                      not_article=True)
    return Record(n, key, rid, text=art.text, meta={**art.meta, **meta})


@dataclass
class PageJob:
    """A page still to extract (picklable, so that a parallel page map can send it to a worker): the WARC body
    ``html`` and ``url``, or the saved page at ``path``; ``meta`` goes into the record."""

    n: int
    key: Union[int, str]
    rid: Optional[str]
    meta: dict
    max_chars: int
    html: Optional[bytes] = None
    url: Optional[str] = None
    path: Optional[str] = None


def extract_page(job: PageJob) -> Record:
    """The record of one page: its article (argmine.ingest), or an error record saying why there is none.

    Returns:
        The ``Record`` of the page: its text and meta when it holds an article, else an error record with the reason."""
    from ..ingest.html import extract_article, read_html_file

    if job.path is not None:
        load = lambda: read_html_file(Path(job.path), max_bytes=16 * job.max_chars)  # noqa: E731
    else:
        load = lambda: extract_article(job.html, job.url)  # noqa: E731
    rec = _article_record(job.n, job.key, job.rid, load, job.max_chars, job.meta)
    rec.file = job.path  # a saved page's path (its error line names it); None for a WARC record
    return rec


PageMap = Callable[[Iterator[Union[Record, PageJob]]], Iterator[Record]]


def serial_pages(items: Iterator[Union[Record, PageJob]]) -> Iterator[Record]:
    """The default page map: each page extracted here, in order (``argmine.integrations.ray.ray_pages`` is the
    parallel one)."""
    for item in items:
        yield item if isinstance(item, Record) else extract_page(item)


def read_warc(p: Path, max_chars: int, page_map: Optional[PageMap] = None) -> Iterator[Record]:
    """Records of a ``.warc`` / ``.warc.gz`` file: one per response/resource record, keyed by its position.

    The id is the WARC-Record-ID. Raises BatchError when the file breaks off (after the records before it).
    ``page_map`` extracts the pages (default :func:`serial_pages`), in order.

    Returns:
        An iterator of ``Record``, one per page record of the WARC file, in file order.
    """
    return (page_map or serial_pages)(_warc_jobs(p, max_chars))


def _warc_jobs(p: Path, max_chars: int) -> Iterator[Union[Record, PageJob]]:
    from ..ingest.html import WebExtrasMissingError
    from ..ingest.warc import WarcReadError, iter_warc_pages

    try:
        pages = iter_warc_pages(p, max_bytes=max(4 * max_chars, 1 << 20) * 4)
        for page in pages:
            meta = {"url": page.url, "warc_record_id": page.record_id, "crawl_date": page.crawl_date}
            if page.error is not None:
                yield Record(page.position, page.position, page.record_id, error=page.error, not_article=True)
                continue
            yield PageJob(page.position, page.position, page.record_id, meta, max_chars, html=page.html, url=page.url)
    except WebExtrasMissingError as e:
        raise BatchError(e.message) from None
    except WarcReadError as e:
        raise BatchError(f"INPUT {str(p)!r} must be a whole WARC file; got {e.message}. Records read before that point are "
                         "written; repair the file and rerun to resume.") from None


def read_html_folder(p: Path, names: List[str], max_chars: int, page_map: Optional[PageMap] = None) -> Iterator[Record]:
    """Records of a folder of saved pages, in order of file name; the id is the name without its suffix.

    Returns:
        An iterator of ``Record``, one per page in ``names``, in that order."""
    return (page_map or serial_pages)(_html_jobs(p, names, max_chars))


def _html_jobs(p: Path, names: List[str], max_chars: int) -> Iterator[Union[Record, PageJob]]:
    for n, name in enumerate(names, 1):
        stem = os.path.splitext(name)[0]
        sid = safe_name(stem)
        if sid != stem:
            yield Record(n, sid, sid, error=f"file name {safe_name(name)!r} is not valid UTF-8; rename the file")
            continue
        yield PageJob(n, stem, stem, {"file": name}, max_chars, path=str(p / name))
