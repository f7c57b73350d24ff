"""Main text of a web page: the article body, title, author, date and URL, extracted with ``trafilatura``.

The body keeps the page's paragraph breaks as blank lines (``"\\n\\n"``): each paragraph, heading, quote or list
item of the article is one paragraph of the text; line breaks inside a paragraph (``<br>``) become spaces. Page
furniture (menus, related links, captions, comment sections, cookie banners) is left out by the extractor. A
leading heading equal to the page title is dropped (the title is in ``meta``), so the text starts with the body.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

from ..errors import NotAnArticle, WebExtrasMissingError
from .byline import author_names

__all__ = ["Article", "NotAnArticle", "WebExtrasMissingError", "extract_article", "read_html_file", "stated_date",
           "DEFAULT_MIN_CHARS", "HTML_SUFFIXES"]

DEFAULT_MIN_CHARS = 200  # an extracted body shorter than this is not an article (a teaser, a gallery, an index page)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_WS = re.compile(r"\s+")
_PARAGRAPH_TAGS = {"p", "head", "quote", "item", "cell"}


@dataclass
class Article:
    """An extracted article: ``text`` (paragraphs separated by blank lines) and ``meta``.

    ``meta`` holds ``url``, ``title``, ``author`` (the name(s) alone, "; " between two) and ``date`` (ISO
    ``YYYY-MM-DD``) where the page has them (None where not), plus whatever the caller adds (``file`` or
    ``warc_record_id``).
    """

    text: str
    meta: Dict[str, Any] = field(default_factory=dict)


def _trafilatura():
    try:
        import trafilatura
    except ImportError:
        raise WebExtrasMissingError("trafilatura") from None
    log = logging.getLogger("trafilatura")
    if log.level == logging.NOTSET:  # its per-page complaints would flood stderr; the reason goes to ERRORS instead
        log.setLevel(logging.CRITICAL)
    return trafilatura


def _clean(s: str) -> str:
    return _WS.sub(" ", s).strip()


def _paragraphs(body) -> List[str]:
    """One string per paragraph-like element of trafilatura's body tree (p, head, quote, list item, table cell)."""
    out: List[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _PARAGRAPH_TAGS and not any(isinstance(c.tag, str) and c.tag in ("list", "item", "p") for c in el):
            s = _clean("".join(el.itertext()))
            if s:
                out.append(s)
            return
        for child in el:
            walk(child)

    for child in body:
        walk(child)
    return out


def _stated_dates_only() -> dict:
    """htmldate's options for a date the page states: its metadata, a ``<time>`` element or its URL, never one
    guessed by scanning the text (that search takes a copyright footer's "(c) 2024" for the date)."""
    import datetime

    return {"original_date": True, "extensive_search": False, "max_date": datetime.date.today().isoformat()}


_NOT_THE_ARTICLE = ("aside", "nav", "footer")  # a <time> in these dates something else (a related link, a comment)


def stated_date(html: Union[str, bytes], url: Optional[str] = None) -> Optional[str]:
    """The publication date a page states, ``YYYY-MM-DD``, found by htmldate (no text search): from the page's
    ``<head>`` (meta tags, JSON-LD), JSON-LD anywhere or the URL; else from a ``<time>`` element above the article's
    first paragraph of prose (a byline's), outside ``aside``, ``nav`` and ``footer``. A ``<time>`` further down (an
    event in the text, a reader's comment, a related article in a sidebar) is not the page's date.

    Returns:
        The date (str), or None when the page states none or cannot be parsed."""
    import htmldate
    import lxml.html

    try:
        tree = lxml.html.fromstring(html.encode("utf-8") if isinstance(html, str) else html)
        head = tree.find(".//head")
        in_head = set(head.iter()) if head is not None else set()
        ld = [e for e in tree.xpath('//script[@type="application/ld+json"]') if e not in in_head]
        mini = "<html>" + (lxml.html.tostring(head, encoding="unicode") if head is not None else "<head></head>") + \
            "<body>" + "".join(lxml.html.tostring(e, encoding="unicode") for e in ld) + "</body></html>"
        found = htmldate.find_date(mini, url=url, **_stated_dates_only())
        return found or _byline_time(tree)
    except Exception:  # a page lxml or htmldate cannot read states no date we can trust
        return None


def _byline_time(tree) -> Optional[str]:
    import htmldate
    import lxml.html

    for el in tree.iter("time", "p"):
        if el.tag == "p":
            if len(el.text_content().split()) >= 12:  # the article's prose has begun
                return None
        elif not any(a.tag in _NOT_THE_ARTICLE for a in el.iterancestors()):
            return htmldate.find_date("<html><body>" + lxml.html.tostring(el, encoding="unicode") + "</body></html>",
                                      **_stated_dates_only())
    return None


def extract_article(html: Union[str, bytes], url: Optional[str] = None, *,
                    min_chars: int = DEFAULT_MIN_CHARS) -> Article:
    """The article of one HTML page (``str``, or ``bytes`` in the page's own encoding, detected).

    ``url``: the page's address (it helps the extractor and goes into ``meta.url``; a canonical URL in the page
    is not used instead). ``min_chars``: a body of fewer characters is not an article.
    Raises NotAnArticle (a ValueError) when the page has no main text or too little of it, and
    WebExtrasMissingError (an ImportError) when trafilatura is not installed.

    Returns:
        An ``Article``: the article text (str, paragraphs separated by blank lines) and its ``meta`` (``url``,
        ``title``, ``author``, ``date``: None where the page lacks them; ``author`` the byline's names alone, as
        ``author_names`` keeps them, without a job title; ``date`` as ``stated_date`` finds it).
    """
    traf = _trafilatura()
    if not html or not (html.strip() if isinstance(html, (str, bytes)) else True):
        raise NotAnArticle("page is empty")
    try:
        res = traf.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                   include_tables=False, include_images=False, favor_precision=True,
                                   date_extraction_params=_stated_dates_only())  # its date is not used: keep it cheap
    except Exception as e:  # a page the parser cannot take is that page's problem, not the run's
        raise NotAnArticle(f"page could not be parsed: {type(e).__name__}: {e}") from None
    if res is None or getattr(res, "body", None) is None:
        raise NotAnArticle("no main text found (not an article page)")
    title = _clean(res.title) if res.title else None
    paras = _paragraphs(res.body)
    if paras and title and paras[0].casefold() == title.casefold():
        paras = paras[1:]
    text = "\n\n".join(paras)
    if len(text) < min_chars:
        raise NotAnArticle(f"main text has {len(text)} characters, fewer than {min_chars} (not an article page)")
    meta = {"url": url or res.url or None, "title": title, "author": author_names(res.author),
            "date": stated_date(html, url)}
    return Article(text, meta)


def read_html_file(path: Union[str, Path], *, url: Optional[str] = None, min_chars: int = DEFAULT_MIN_CHARS,
                   max_bytes: Optional[int] = None) -> Article:
    """The article of a saved page (``.html``); ``meta.file`` is its file name, ``meta.url`` ``url`` if given.

    ``max_bytes``: a larger file is refused (NotAnArticle) without being read. Raises OSError when the file cannot
    be read, NotAnArticle / WebExtrasMissingError as :func:`extract_article`.

    Returns:
        An ``Article`` as :func:`extract_article` gives, with ``meta["file"]``.
    """
    p = Path(path)
    if max_bytes is not None and p.stat().st_size > max_bytes:
        raise NotAnArticle(f"file has {p.stat().st_size:,} bytes, more than the {max_bytes:,} allowed for a page")
    art = extract_article(p.read_bytes(), url, min_chars=min_chars)
    art.meta["file"] = p.name
    return art
