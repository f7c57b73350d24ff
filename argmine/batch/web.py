"""Web records for ``argmine batch``: WARC files and folders of saved HTML pages, through :mod:`argmine.ingest`.

A page becomes a record whose text is the extracted article (argmine.ingest.html) and whose ``meta`` carries
``url``, ``title``, ``author``, ``date`` and ``warc_record_id`` + ``crawl_date`` (WARC) or ``file`` (folders); the
runner copies it into the document's ``meta``. A page with no article (not HTML, HTTP status not 200, no main
text, too short) or whose article is not English (argmine.lang) becomes an error record marked ``not_article``,
counted apart in the summary.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, List, Optional

from ..lang import detect
from .records import BatchError, Record

__all__ = ["read_warc", "read_html_folder", "html_names", "safe_name"]


def safe_name(name: str) -> str:
    """A file name as valid UTF-8 text: bytes that are not UTF-8 (surrogate-escaped by os) shown as ``\\xNN``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def html_names(p: Path) -> List[str]:
    """The ``.html`` / ``.htm`` / ``.xhtml`` file names in folder ``p``, sorted by name without the suffix."""
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


def read_warc(p: Path, max_chars: int) -> Iterator[Record]:
    """Records of a ``.warc`` / ``.warc.gz`` file: one per response/resource record, keyed by its position.

    The id is the WARC-Record-ID. Raises BatchError when the file breaks off (after the records before it).
    """
    from ..ingest.html import WebExtrasMissingError, extract_article
    from ..ingest.warc import WarcReadError, iter_warc_pages

    try:
        pages = iter_warc_pages(p, max_bytes=max(4 * max_chars, 1 << 20) * 4)
        for page in pages:
            meta = {"url": page.url, "warc_record_id": page.record_id, "crawl_date": page.crawl_date}
            if page.error is not None:
                yield Record(page.position, page.position, page.record_id, error=page.error, not_article=True)
                continue
            html, url = page.html, page.url
            yield _article_record(page.position, page.position, page.record_id,
                                  lambda: extract_article(html, url), max_chars, meta)
    except WebExtrasMissingError as e:
        raise BatchError(e.message) from None
    except WarcReadError as e:
        raise BatchError(f"INPUT {str(p)!r} must be a whole WARC file; got {e}. Records read before that point are "
                         "written; repair the file and rerun to resume.") from None


def read_html_folder(p: Path, names: List[str], max_chars: int) -> Iterator[Record]:
    """Records of a folder of saved pages, in order of file name; the id is the name without its suffix."""
    from ..ingest.html import read_html_file

    for n, name in enumerate(names, 1):
        stem = os.path.splitext(name)[0]
        sid = safe_name(stem)
        if sid != stem:
            yield Record(n, sid, sid, error=f"file name {safe_name(name)!r} is not valid UTF-8; rename the file")
            continue
        fp = p / name
        yield _article_record(n, stem, stem, lambda: read_html_file(fp, max_bytes=16 * max_chars), max_chars,
                              {"file": name})
